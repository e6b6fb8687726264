/* cmd_validate.c - isscheck validate FILE...: whether each declaration
 * loads, without evaluating any rule. */
#include "cmds.h"

#include "isscheck/decl.h"
#include "isscheck/escape.h"
#include "isscheck/run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {CLI_OPTION_HELP, CLI_OPTION_CRITERIA, {0}};

/* Every operand, "" too (a file that cannot be read); the options were
 * read before the criteria were loaded. */
static int on_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    (void)ctx;
    cli_list *files = data;
    if (!opt)
        files->v[files->n++] = val;
    return -1;
}

/* Whether the file at path loads as a declaration of c: "FILE: valid" on
 * standard output, or its errors on standard error. */
static bool validate(const cli_ctx *ctx, const iss_criteria *c, const char *path)
{
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    iss_diags d = {0};
    iss_decl *decl = iss_decl_load(path, name, c, NULL, &d);
    if (decl && !iss_reference_fits(decl, ISS_NO_DATE, ISS_NO_DATE, &d, name)) {
        iss_decl_free(decl); /* its own reference date is refused, as check does */
        decl = NULL;
    }
    bool ok = decl != NULL;
    if (ok) {
        iss_buf line = {0};
        iss_text_str(&line, name); /* a file name: one line, escaped */
        iss_buf_puts(&line, ": valid\n");
        fwrite(line.s, 1, line.len, stdout);
        iss_buf_free(&line);
    } else {
        fflush(stdout);
        iss_diags_print(stderr, &d, ctx->lang);
    }
    iss_decl_free(decl);
    iss_diags_free(&d);
    return ok;
}

static int run(const cli_ctx *ctx, const iss_criteria *c, int argc, char **argv)
{
    cli_list files = {.v = iss_xmalloc((size_t)argc * sizeof *files.v)};
    int status = cli_parse(ctx, options, argc, argv, on_arg, &files);
    if (status < 0 && files.n == 0)
        status = usage_error(ctx, "no declaration file given");
    if (status >= 0) {
        free(files.v);
        return status;
    }
    status = CLI_EXIT_CLEAN;
    for (size_t i = 0; i < files.n; i++)
        if (!validate(ctx, c, files.v[i]))
            status = CLI_EXIT_USAGE;
    if (fflush(stdout) != 0) {
        cli_error(ctx, "isscheck", "cannot write: %s", strerror(errno));
        status = CLI_EXIT_USAGE;
    }
    free(files.v);
    return status;
}

const cli_authoring cli_cmd_validate = {
    .name = "validate", .help = S_HELP_VALIDATE, .opts = options, .run = run};
