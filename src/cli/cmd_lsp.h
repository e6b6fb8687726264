/* cmd_lsp.h - `isscheck lsp`: the language server on standard input and
 * output (src/lsp). */
#ifndef ISSCHECK_CLI_CMD_LSP_H
#define ISSCHECK_CLI_CMD_LSP_H

#include "cli.h"

/* Runs the server until the client's exit or the end of standard input;
 * returns the exit status.  Criteria are loaded and the day is known as
 * for check (cli_load_editions, cli_today). */
int iss_cli_lsp(const cli_ctx *ctx, int argc, char **argv, const char *version);

#endif
