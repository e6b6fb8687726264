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
        cli_help(ctx, S_HELP_LSP, stdout);
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
