/* cmd_init.c - isscheck init: a declaration template for the categories
 * applied for.  The library writes the template (iss_template_write);
 * this reads the arguments, finds the installed schema and writes it. */
#include "cmds.h"
#include "output.h"

#include "isscheck/authoring.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const cli_option options[] = {
    CLI_OPTION_HELP,
    CLI_OPTION_CATEGORY,
    CLI_OPTION_LANG,
    {.name = "--output", .short_name = 'o', .takes_value = true, .id = OPT_OUTPUT},
    CLI_OPTION_CRITERIA,
    {0},
};

/* -o, --output FILE: *data is its value */
static int output_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    const char **output = data;
    if (opt->id == OPT_OUTPUT && !*val)
        return usage_error(ctx, "--output: the file name is empty");
    if (opt->id == OPT_OUTPUT)
        *output = val;
    return -1;
}

/* The categories chosen, at least one a service: -1, or the exit status. */
static int parse(const cli_ctx *ctx, int argc, char **argv, cli_choice *ch, const char **output)
{
    int status = cli_choice_parse(ctx, options, argc, argv, ch, output_arg, output);
    bool service = false;
    for (size_t k = 0; k < ch->c->ncategories; k++)
        service |= ch->chosen[k] && !ch->c->categories[k].section;
    if (status < 0 && !ch->any)
        status = usage_error(ctx, "--category: name the categories applied for");
    if (status < 0 && !service)
        status = usage_error(ctx, "--category: a declaration applies for at least one service; "
                                  "name one besides the sections (e.g. va,tr)");
    return status;
}

/* The declaration schema as a file: URL in out, found from the running
 * binary and never from the install prefix, which may have been moved: in
 * the build tree, the source tree's schema/; installed, the schema folder
 * beside the binary's (ISS_SCHEMA_FROM_BIN: ../share/isscheck/schema).
 * False when there is none: there is no published URL to point at
 * instead, so the template goes without the modeline. */
static bool schema_url(iss_buf *out)
{
    char exe[PATH_MAX], real[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash = n > 0 ? memchr(exe, '/', (size_t)n) : NULL;
    if (!slash)
        return false;
    exe[n] = '\0';
    *strrchr(exe, '/') = '\0'; /* the binary's folder */
    iss_buf guess = {0};
#if defined(ISS_BUILD_DIR) && defined(ISS_SOURCE_SCHEMA)
    char build[PATH_MAX];
    if (realpath(ISS_BUILD_DIR, build) && strcmp(build, exe) == 0)
        iss_buf_puts(&guess, ISS_SOURCE_SCHEMA "/isscheck-declaration.schema.json");
#endif
#ifdef ISS_SCHEMA_FROM_BIN
    if (!guess.len)
        iss_buf_printf(&guess, "%s/%s/isscheck-declaration.schema.json", exe, ISS_SCHEMA_FROM_BIN);
#endif
    struct stat st;
    bool found =
        guess.len && realpath(guess.s, real) && stat(real, &st) == 0 && S_ISREG(st.st_mode);
    if (found)
        iss_buf_printf(out, "file://%s", real);
    iss_buf_free(&guess);
    return found;
}

static int run(const cli_ctx *ctx, const iss_criteria *c, int argc, char **argv)
{
    cli_choice o = cli_choice_new(c);
    const char *output = NULL;
    int status = parse(ctx, argc, argv, &o, &output);
    if (status < 0) {
        iss_buf out = {0}, url = {0};
        iss_template_write(&out, c, o.chosen, o.lang, schema_url(&url) ? url.s : NULL);
        iss_buf_free(&url);
        /* -o FILE never replaces a file (a special one is written in place);
         * without it, or with -o -, standard output */
        cli_output *f = cli_output_open_new(ctx, output);
        if (f)
            fwrite(out.s ? out.s : "", 1, out.len, cli_output_file(f));
        status = f && cli_output_close(f, true) ? CLI_EXIT_CLEAN : CLI_EXIT_USAGE;
        iss_buf_free(&out);
    }
    cli_choice_free(&o);
    return status;
}

const cli_authoring cli_cmd_init = {
    .name = "init", .help = S_HELP_INIT, .opts = options, .run = run};
