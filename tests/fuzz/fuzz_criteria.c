/* fuzz_criteria.c - libFuzzer harness: the rule-file loader.  The input
 * becomes the one rule file (va.yaml) of a criteria set whose manifest and
 * catalogue are the shipped ones. */
#include "isscheck/criteria.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/isscheck-fuzz-XXXXXX";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        abort();
    iss_buf b = {0};
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        iss_buf_add(&b, chunk, got);
    fclose(f);
    *n = b.len;
    return b.s;
}

static void spill(const char *name, const char *bytes, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || (n && fwrite(bytes, 1, n, f) != n) || fclose(f) != 0)
        abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!mkdtemp(dir))
        abort();
    size_t n;
    char *m = slurp(ISS_SOURCE_DIR "/criteria/iss-3/manifest.yaml", &n);
    char *files = strstr(m, "\nfiles:");
    char *eol = files ? strchr(files + 1, '\n') : NULL;
    if (!eol)
        abort();
    iss_buf b = {0};
    iss_buf_add(&b, m, (size_t)(files - m));
    iss_buf_puts(&b, "\nfiles: [catalogue.yaml, va.yaml]");
    iss_buf_puts(&b, eol);
    spill("manifest.yaml", b.s, b.len);
    iss_buf_free(&b);
    free(m);
    char *c = slurp(ISS_SOURCE_DIR "/criteria/iss-3/catalogue.yaml", &n);
    spill("catalogue.yaml", c, n);
    free(c);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    spill("va.yaml", (const char *)data, size);
    iss_diags d = {0};
    iss_criteria *c = iss_criteria_load(dir, &d);
    if (!c && d.errors == 0)
        abort();
    iss_criteria_free(c);
    iss_diags_free(&d);
    return 0;
}
