/* cmd_lsp.c - `isscheck lsp`: reads standard input, feeds it to the
 * server (src/lsp/server.c) and writes its messages to standard output.
 * Nothing else may write to standard output while it runs: it carries the
 * protocol. */
#include "cmd_lsp.h"

#include "authoring.h"
#include "lsp.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char iss_cli_lsp_usage[] =
    "usage: isscheck lsp [--stdio]\n"
    "\n"
    "Run a language server (LSP 3.17) on standard input and output, for\n"
    "editors: every declaration and waivers file the editor opens is checked\n"
    "as it is typed, with the built-in criteria (and ISSCHECK_CRITERIA).\n"
    "Failed rules are errors and review results warnings at the place each\n"
    "rests on, with the rule id as the code; hover shows a rule's citation and\n"
    "clause text, a key's meaning and a catalogue entry; completion offers\n"
    "keys, person ids, catalogue names, kinds and rule ids; quick fixes set\n"
    "stated counts, correct a misspelt key, add a missing one.\n"
    "\n"
    "Client settings (initializationOptions, or workspace/didChangeConfiguration\n"
    "under \"isscheck\"): language (ja, en), criteria (folders, as --criteria),\n"
    "asOf (YYYY-MM-DD, as --as-of), severity {fail, review} (error, warning,\n"
    "information, hint), maxBytes (as --max-bytes).\n"
    "\n"
    "options:\n"
    "  --stdio      accepted and ignored (standard input and output are the\n"
    "               only transport); editors' clients often pass it\n"
    "  -h, --help   show this help\n"
    "\n"
    "exit status: 0 after the client's shutdown and exit, 1 when input ends or\n"
    "exit comes without shutdown, 2 usage error\n";

static void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("isscheck: error: ", stderr);
    vfprintf(stderr, iss_diag_text(fmt, iss_cli_lang()), ap);
    va_end(ap);
    fprintf(stderr, "\n%s\n", iss_diag_text("Try 'isscheck help'.", iss_cli_lang()));
}

static void write_out(void *ctx, const char *b, size_t n)
{
    bool *broken = ctx;
    while (n && !*broken) {
        ssize_t w = write(STDOUT_FILENO, b, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            *broken = true; /* the client is gone: the reads end soon */
            return;
        }
        b += w;
        n -= (size_t)w;
    }
}

int iss_cli_lsp(int argc, char **argv,
                iss_editions *(*load_editions)(const char *const *dirs, size_t n, iss_diags *d),
                iss_day (*today)(void), const char *version)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(iss_cli_lsp_usage, stdout);
            return 0;
        }
        if (strcmp(argv[i], "--stdio") != 0) {
            usage_error("unexpected argument '%s'", argv[i]);
            return 2;
        }
    }
    bool broken = false;
    iss_lsp_host host = {.load_editions = load_editions,
                         .today = today,
                         .write = write_out,
                         .ctx = &broken,
                         .version = version,
                         .lang = iss_cli_lang(),
                         .threaded = true};
    iss_lsp *s = iss_lsp_new(&host);
    char *buf = iss_xmalloc(1 << 16);
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, 1 << 16);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || !iss_lsp_feed(s, buf, (size_t)n) || broken)
            break;
    }
    free(buf);
    int status = iss_lsp_status(s);
    iss_lsp_free(s);
    return status;
}
