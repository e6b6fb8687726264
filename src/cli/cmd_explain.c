/* cmd_explain.c - isscheck explain RULE-ID: the library says what a rule
 * means (iss_explain_rule); this reads the arguments and writes it. */
#include "cmds.h"
#include "output.h"

#include "isscheck/authoring.h"
#include "isscheck/escape.h"
#include "isscheck/run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {CLI_OPTION_HELP, CLI_OPTION_LANG, CLI_OPTION_CRITERIA, {0}};

/* What explain was told. */
typedef struct {
    const char *id, *lang_opt;
} explain_opts;

static int on_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    explain_opts *o = data;
    if (!opt && o->id)
        return usage_error(ctx, "one rule at a time, not '%s' too", val);
    if (!opt)
        o->id = val;
    else if (opt->id == OPT_LANG)
        o->lang_opt = val;
    return -1;
}

/* An id that is no rule's: the usage error names the nearest one. */
static int unknown_rule(const cli_ctx *ctx, const iss_criteria *c, const char *id)
{
    const char **ids = iss_xmalloc((c->nrules + 1) * sizeof *ids);
    for (size_t i = 0; i < c->nrules; i++)
        ids[i] = c->rules[i].id;
    ids[c->nrules] = NULL;
    const char *near = iss_nearest_or_case(ids, id);
    int status = near ? usage_error(ctx, "unknown rule '%s'; did you mean '%s'?", id, near)
                      : usage_error(ctx, "unknown rule '%s'; 'isscheck list' shows every rule", id);
    free(ids);
    return status;
}

static int run(const cli_ctx *ctx, const iss_criteria *c, int argc, char **argv)
{
    explain_opts o = {0};
    iss_lang lang = ISS_LANG_JA;
    int status = cli_parse(ctx, options, argc, argv, on_arg, &o);
    if (status < 0)
        status = cli_lang_resolve(ctx, o.lang_opt, &lang);
    if (status < 0 && !o.id)
        status = usage_error(ctx, "no rule id given");
    if (status >= 0)
        return status;
    const iss_rule *r = iss_criteria_rule(c, o.id);
    if (!r)
        return unknown_rule(ctx, c, o.id);
    /* the criteria's texts are values: escaped for the terminal, their
     * own lines kept (the verbatim text of a clause has several) */
    iss_buf raw = {0}, out = {0};
    iss_explain_rule(&raw, c, r, lang);
    iss_text_lines(&out, raw.s);
    iss_buf_free(&raw);
    status = CLI_EXIT_CLEAN;
    if (!cli_write_stdout(&out)) {
        cli_error(ctx, "isscheck", "cannot write the explanation: %s", strerror(errno));
        status = CLI_EXIT_USAGE;
    }
    iss_buf_free(&out);
    return status;
}

const cli_authoring cli_cmd_explain = {
    .name = "explain", .help = S_HELP_EXPLAIN, .opts = options, .run = run};
