/* cmd_catalogue.c - isscheck catalogue: the 例示 catalogue's entries of the
 * loaded criteria (iss_catalogue_text, iss_catalogue_json), filtered by
 * type and by 例示 list; this reads the arguments and writes them. */
#include "cmds.h"
#include "output.h"

#include "isscheck/authoring.h"
#include "isscheck/report.h"
#include "isscheck/run.h"

#include <errno.h>
#include <string.h>

/* the options of this command only, after the shared ones (cmds.h) */
enum { OPT_TYPE = OPT_OUTPUT + 1, OPT_REIJI };

static const cli_option options[] = {
    CLI_OPTION_HELP,
    {.name = "--type", .takes_value = true, .id = OPT_TYPE},
    {.name = "--reiji", .takes_value = true, .id = OPT_REIJI},
    {.name = "--format", .takes_value = true, .id = OPT_FORMAT},
    CLI_OPTION_LANG,
    CLI_OPTION_CRITERIA,
    {0},
};

/* What catalogue was told. */
typedef struct {
    const char *type, *reiji, *lang_opt;
    bool json;
} catalogue_opts;

static int on_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    catalogue_opts *o = data;
    if (!opt)
        return usage_error(ctx, "unexpected argument '%s'", val);
    switch (opt->id) {
    case OPT_TYPE:
        o->type = val;
        break;
    case OPT_REIJI:
        o->reiji = val;
        break;
    case OPT_LANG:
        o->lang_opt = val;
        break;
    case OPT_FORMAT:
        o->json = strcmp(val, "json") == 0;
        if (strcmp(val, "text") != 0 && !o->json)
            return usage_error(ctx, "--format: expected text or json, not '%s'", val);
        break;
    default:
        break;
    }
    return -1;
}

/* --type's value as an entry type: an unknown one is a usage error naming
 * the nearest type, or every type. */
static int entry_type(const cli_ctx *ctx, const char *name, int *out)
{
    if (!*name)
        return usage_error(ctx, "%s: the value is empty", "--type");
    *out = iss_entry_type_lookup(name);
    if (*out >= 0)
        return -1;
    const char *near = iss_nearest_or_case(iss_entry_type_keys, name);
    if (near)
        return usage_error(ctx, "--type: unknown catalogue type '%s'; did you mean '%s'?", name,
                           near);
    iss_buf all = {0};
    for (size_t i = 0; iss_entry_type_keys[i]; i++)
        iss_buf_printf(&all, "%s%s", i ? ", " : "", iss_entry_type_keys[i]);
    int st =
        usage_error(ctx, "--type: unknown catalogue type '%s'; expected one of %s", name, all.s);
    iss_buf_free(&all);
    return st;
}

static int run(const cli_ctx *ctx, const iss_criteria *c, int argc, char **argv)
{
    catalogue_opts o = {0};
    iss_lang lang = ISS_LANG_JA;
    iss_catalogue_filter f = {.type = -1};
    int status = cli_parse(ctx, options, argc, argv, on_arg, &o);
    if (status < 0)
        status = cli_lang_resolve(ctx, o.lang_opt, &lang);
    if (status < 0 && o.type)
        status = entry_type(ctx, o.type, &f.type);
    if (status < 0 && o.reiji && !*o.reiji)
        status = usage_error(ctx, "%s: the value is empty", "--reiji");
    if (status < 0 && o.reiji && !iss_reiji_list_known(c, o.reiji))
        status = usage_error(ctx, "--reiji: '%s' is not a 例示 list (1-1 … 7-5)", o.reiji);
    if (status >= 0)
        return status;
    f.reiji = o.reiji;
    iss_buf out = {0};
    if (o.json)
        iss_catalogue_json(&out, c, &f);
    else
        iss_catalogue_text(&out, c, &f, lang);
    status = CLI_EXIT_CLEAN;
    if (!cli_write_stdout(&out)) {
        cli_error(ctx, "isscheck", "cannot write the catalogue: %s", strerror(errno));
        status = CLI_EXIT_USAGE;
    }
    iss_buf_free(&out);
    return status;
}

const cli_authoring cli_cmd_catalogue = {
    .name = "catalogue", .help = S_HELP_CATALOGUE, .opts = options, .run = run};
