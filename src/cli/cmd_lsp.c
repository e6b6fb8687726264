/* cmd_lsp.c - `isscheck lsp`: reads standard input, feeds it to the
 * server (src/lsp/server.c) and writes its messages to standard output.
 * Nothing else may write to standard output while it runs: it carries the
 * protocol. */
#include "cmd_lsp.h"

#include "cli.h"
#include "lsp.h"

#include <errno.h>
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

static const cli_option options[] = {
    {.name = "--help", .short_name = 'h'},
    {.name = "--stdio"},
    {0},
};

/* What the server passes back to the host's callbacks: the context
 * today's usage errors are reported in, and whether the client has gone. */
typedef struct {
    const cli_ctx *cli;
    bool broken;
} host_state;

static iss_day today(void *ctx)
{
    const host_state *h = ctx;
    return cli_today(h->cli);
}

/* -h or --help: the help; --stdio: nothing to do */
static int on_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    (void)data;
    if (!opt)
        return usage_error(ctx, "unexpected argument '%s'", val);
    if (opt->short_name == 'h') {
        fputs(iss_cli_lsp_usage, stdout);
        return CLI_EXIT_CLEAN;
    }
    return -1;
}

static void write_out(void *ctx, const char *b, size_t n)
{
    bool *broken = &((host_state *)ctx)->broken;
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

int iss_cli_lsp(const cli_ctx *ctx, int argc, char **argv, const char *version)
{
    int status = cli_parse(ctx, options, argc, argv, on_arg, NULL);
    if (status >= 0)
        return status;
    host_state state = {.cli = ctx, .broken = false};
    iss_lsp_host host = {.load_editions = cli_load_editions,
                         .today = today,
                         .write = write_out,
                         .ctx = &state,
                         .version = version,
                         .lang = ctx->lang,
                         .threaded = true};
    iss_lsp *s = iss_lsp_new(&host);
    char *buf = iss_xmalloc(1 << 16);
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, 1 << 16);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || !iss_lsp_feed(s, buf, (size_t)n) || state.broken)
            break;
    }
    free(buf);
    status = iss_lsp_status(s);
    iss_lsp_free(s);
    return status;
}
