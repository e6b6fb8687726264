/* cmd_lsp.h - `isscheck lsp`: the language server on standard input and
 * output (src/lsp). */
#ifndef ISSCHECK_CLI_CMD_LSP_H
#define ISSCHECK_CLI_CMD_LSP_H

#include "isscheck/editions.h"

extern const char iss_cli_lsp_usage[];

/* Runs the server until the client's exit or the end of standard input;
 * returns the exit status.  main.c gives how criteria are loaded and what
 * day it is (SOURCE_DATE_EPOCH honoured), as for check. */
int iss_cli_lsp(int argc, char **argv,
                iss_editions *(*load_editions)(const char *const *dirs, size_t n, iss_diags *d),
                iss_day (*today)(void), const char *version);

#endif
