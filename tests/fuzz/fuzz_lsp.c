/* fuzz_lsp.c - libFuzzer harness: the language server's framing and
 * message handling (src/lsp) over any bytes.  Each input is a session: an
 * initialize message the harness writes, then the input, fed in pieces
 * whose sizes come from the input itself (so headers and bodies are split
 * at every place), checks run inline (no thread, no child process).  The
 * server must neither crash nor leak, and every message it writes must be
 * a whole frame of valid JSON. */
#include "isscheck/builtin.h"
#include "lsp.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static iss_editions *load(const char *const *dirs, size_t n, iss_diags *d)
{
    (void)dirs;
    (void)n; /* only the built-in sets: no folder is read while fuzzing */
    iss_criteria **b = iss_xmalloc((iss_builtin_nsets + 1) * sizeof *b);
    for (size_t i = 0; i < iss_builtin_nsets; i++)
        b[i] = iss_builtin_sets[i].set;
    iss_editions_sources src = {b, iss_builtin_nsets, NULL, 0, NULL, 0};
    iss_editions *e = iss_editions_load(&src, d);
    free(b);
    return e;
}

static iss_day today(void *ctx)
{
    (void)ctx;
    iss_day d = ISS_NO_DATE;
    iss_date_parse("2026-04-01", 10, &d);
    return d;
}

/* Every message written is "Content-Length: N\r\n\r\n" and N bytes of JSON. */
static void out(void *ctx, const char *b, size_t n)
{
    (void)ctx;
    static const char h[] = "Content-Length: ";
    if (n < sizeof h || memcmp(b, h, sizeof h - 1) != 0)
        abort();
    char *end;
    unsigned long len = strtoul(b + sizeof h - 1, &end, 10);
    if (strncmp(end, "\r\n\r\n", 4) != 0 || (size_t)(end + 4 - b) + len != n)
        abort();
    json_t *j = json_loadb(end + 4, len, 0, NULL);
    if (!j)
        abort();
    json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    iss_lsp_host host = {.load_editions = load,
                         .today = today,
                         .write = out,
                         .threaded = false,
                         .max_message = 1 << 20};
    iss_lsp *s = iss_lsp_new(&host);
    static const char init[] =
        "Content-Length: 58\r\n\r\n"
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}";
    iss_lsp_feed(s, init, sizeof init - 1);
    size_t i = 0;
    unsigned step = size ? data[0] : 1;
    while (i < size) {
        size_t k = 1 + (step % 64 ? step % 64 : size);
        if (k > size - i)
            k = size - i;
        if (!iss_lsp_feed(s, (const char *)data + i, k))
            break;
        i += k;
        step = step * 1103515245u + 12345u;
    }
    iss_lsp_free(s);
    return 0;
}
