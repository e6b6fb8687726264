/* cmd_check.c - isscheck check: its options, the inputs it reads, and
 * what must hold before any file is checked (check_run.c checks them). */
#include "check.h"
#include "cmds.h"
#include "output.h"

#include "isscheck/classify.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "isscheck/run.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* check's help is S_HELP_CHECK of strings.def, in both languages. */

enum {
    C_HELP,
    C_STRICT,
    C_REDACT,
    C_REQUIRE_EVIDENCE,
    C_ONLY_DECLARATIONS,
    C_CSV_BOM,
    C_JOBS,
    C_AS_OF,
    C_LANG,
    C_CRITERIA,
    C_FORMAT,
    C_OUTPUT,
    C_SUMMARY_CSV,
    C_WAIVERS,
    C_CATEGORY,
    C_RULE,
    C_SKIP,
    C_MAX_BYTES,
    C_MAX_DEPTH,
    C_MAX_NODES,
    C_MAX_SCALAR,
    C_MAX_PERSONS,
    C_MAX_ENGAGEMENTS,
    C_SHOW,
    C_REVIEW_LEVEL,
    C_BASELINE,
    C_FAIL_ON,
};

static const cli_option options[] = {
    {.name = "--help", .short_name = 'h', .id = C_HELP},
    {.name = "--strict", .id = C_STRICT},
    {.name = "--redact", .id = C_REDACT},
    {.name = "--require-evidence", .id = C_REQUIRE_EVIDENCE},
    {.name = "--only-declarations", .id = C_ONLY_DECLARATIONS},
    {.name = "--csv-bom", .id = C_CSV_BOM},
    {.name = "--jobs", .short_name = 'j', .takes_value = true, .id = C_JOBS},
    {.name = "--as-of", .takes_value = true, .id = C_AS_OF},
    {.name = "--lang", .takes_value = true, .id = C_LANG},
    {.name = "--criteria", .takes_value = true, .repeatable = true, .id = C_CRITERIA},
    {.name = "--format", .takes_value = true, .id = C_FORMAT},
    {.name = "--output", .takes_value = true, .id = C_OUTPUT},
    {.name = "--summary-csv", .takes_value = true, .id = C_SUMMARY_CSV},
    {.name = "--waivers", .takes_value = true, .id = C_WAIVERS},
    {.name = "--category", .takes_value = true, .repeatable = true, .id = C_CATEGORY},
    {.name = "--rule", .takes_value = true, .repeatable = true, .id = C_RULE},
    {.name = "--skip", .takes_value = true, .repeatable = true, .id = C_SKIP},
    {.name = "--max-bytes", .takes_value = true, .id = C_MAX_BYTES},
    {.name = "--max-depth", .takes_value = true, .id = C_MAX_DEPTH},
    {.name = "--max-nodes", .takes_value = true, .id = C_MAX_NODES},
    {.name = "--max-scalar", .takes_value = true, .id = C_MAX_SCALAR},
    {.name = "--max-persons", .takes_value = true, .id = C_MAX_PERSONS},
    {.name = "--max-engagements", .takes_value = true, .id = C_MAX_ENGAGEMENTS},
    {.name = "--show", .takes_value = true, .repeatable = true, .id = C_SHOW},
    {.name = "--review-level", .takes_value = true, .id = C_REVIEW_LEVEL},
    {.name = "--baseline", .takes_value = true, .id = C_BASELINE},
    {.name = "--fail-on", .takes_value = true, .id = C_FAIL_ON},
    {0},
};

static void check_opts_free(check_opts *o)
{
    free(o->files.v);
    free(o->cats.v);
    free(o->rules.v);
    free(o->skips.v);
    free(o->criteria.v);
    iss_buf_free(&o->selection);
    iss_buf_free(&o->show_text);
}

/* Whether val is a number as a person writes one: ASCII digits only (no
 * sign, no space, which strtoul would take). */
static bool digits_only(const char *val)
{
    if (!*val)
        return false;
    for (; *val; val++)
        if (*val < '0' || *val > '9')
            return false;
    return true;
}

/* -j's value: 0 (one job per core) to 1024 threads; -1, or the usage
 * error's status */
static int parse_jobs(const cli_ctx *ctx, const char *val, size_t *jobs)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(val, &end, 10);
    if (!digits_only(val) || errno || *end || v > 1024)
        return usage_error(ctx, "-j: expected a number of jobs from 0 to 1024, not '%s'", val);
    *jobs = (size_t)v;
    return -1;
}

/* An input limit (--max-*): a positive whole number */
static int parse_limit(const cli_ctx *ctx, const char *name, const char *val, size_t *limit)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(val, &end, 10);
    if (!digits_only(val) || errno || *end || v == 0 || v > SIZE_MAX / 2)
        return usage_error(ctx, "%s: expected a positive whole number, not '%s'", name, val);
    *limit = (size_t)v;
    return -1;
}

static int parse_as_of(const cli_ctx *ctx, const char *val, iss_day *as_of)
{
    if (iss_date_parse(val, strlen(val), as_of))
        return -1;
    int y, mo, dd;
    char tail;
    if (iss_date_out_of_range(val, strlen(val)))
        return usage_error(ctx,
                           "--as-of: %s is outside the dates isscheck handles, "
                           "0001-01-01 to 9999-12-31",
                           val);
    if (strlen(val) == 10 && sscanf(val, "%4d-%2d-%2d%c", &y, &mo, &dd, &tail) == 3)
        return usage_error(ctx, "--as-of: %s is not a date in the calendar", val);
    return usage_error(ctx, "--as-of: expected a date YYYY-MM-DD, not '%s'", val);
}

static int parse_format(const cli_ctx *ctx, const char *val, size_t *format)
{
    size_t k = 0;
    while (iss_formats[k] && strcmp(iss_formats[k]->name, val) != 0)
        k++;
    if (!iss_formats[k])
        return usage_error(ctx,
                           "--format: expected text, json, sarif, junit, markdown, html, github or "
                           "gitlab, not '%s'",
                           val);
    *format = k;
    return -1;
}

/* --review-level: what review results become in the CI formats */
static int parse_review_level(const cli_ctx *ctx, const char *val, iss_review_level *level)
{
    static const char *const names[] = {
        [ISS_REVIEW_WARNING] = "warning",
        [ISS_REVIEW_NOTE] = "note",
        [ISS_REVIEW_NONE] = "none",
    };
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strcmp(val, names[k]) == 0) {
            *level = (iss_review_level)k;
            return -1;
        }
    return usage_error(ctx, "--review-level: expected warning, note or none, not '%s'", val);
}

/* --category, --rule, --skip: recorded as given, for the report; an empty
 * value (or an empty code in a,b,c) selects nothing */
static int parse_selection(const cli_ctx *ctx, check_opts *o, const cli_option *opt, char *val)
{
    if (!*val)
        return usage_error(ctx, "%s: the value is empty", opt->name);
    bool cat = opt->id == C_CATEGORY;
    if (cat && (val[0] == ',' || val[strlen(val) - 1] == ',' || strstr(val, ",,")))
        return usage_error(ctx, "--category: an empty category code in '%s'", val);
    iss_buf_printf(&o->selection, "%s%s %s", o->selection.len ? " " : "", opt->name, val);
    cli_list_add(cat ? &o->cats : opt->id == C_RULE ? &o->rules : &o->skips, val, cat);
    return -1;
}

/* --show: verdict names, a,b,c or repeated; the library decides what they
 * leave out (iss_run_shows).  The reports name the option with its
 * verdicts in their order, whatever order they were given in. */
static int parse_show(const cli_ctx *ctx, check_opts *o, char *val)
{
    static const char *const names[] = {"pass", "review", "fail", "n/a", "na", "waived", NULL};
    if (!*val)
        return usage_error(ctx, "%s: the value is empty", "--show");
    if (val[0] == ',' || val[strlen(val) - 1] == ',' || strstr(val, ",,"))
        return usage_error(ctx, "--show: an empty verdict name in '%s'", val);
    for (char *name = val, *end; name; name = end) {
        end = strchr(name, ',');
        if (end)
            *end++ = '\0';
        iss_verdict v = iss_verdict_parse(name);
        if (v == ISS_VERDICTS) {
            const char *near = iss_nearest_or_case(names, name);
            return near ? usage_error(ctx, "--show: unknown verdict '%s'; did you mean '%s'?", name,
                                      near)
                        : usage_error(ctx,
                                      "--show: unknown verdict '%s'; expected pass, review, "
                                      "fail, n/a (or na) or waived",
                                      name);
        }
        o->show |= 1u << v;
    }
    o->show_text.len = 0;
    iss_buf_puts(&o->show_text, "--show ");
    for (int v = 0, k = 0; v < ISS_VERDICTS; v++)
        if (o->show & (1u << v))
            iss_buf_printf(&o->show_text, "%s%s", k++ ? "," : "", iss_verdict_name((iss_verdict)v));
    return -1;
}

/* The limit an option sets (the --max-* ones), or NULL. */
static size_t *limit_of(iss_limits *lim, int id)
{
    static const struct {
        int id;
        size_t offset;
    } limits[] = {
        {C_MAX_BYTES, offsetof(iss_limits, max_bytes)},
        {C_MAX_DEPTH, offsetof(iss_limits, max_depth)},
        {C_MAX_NODES, offsetof(iss_limits, max_nodes)},
        {C_MAX_SCALAR, offsetof(iss_limits, max_scalar)},
        {C_MAX_PERSONS, offsetof(iss_limits, max_persons)},
        {C_MAX_ENGAGEMENTS, offsetof(iss_limits, max_engagements)},
    };
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
        if (limits[i].id == id)
            return (size_t *)((char *)lim + limits[i].offset);
    return NULL;
}

/* --output, --summary-csv, --waivers: a file name */
static int parse_file(const cli_ctx *ctx, const cli_option *opt, const char *val, const char **file)
{
    if (!*val)
        return usage_error(ctx, "%s: the file name is empty", opt->name);
    *file = val;
    return -1;
}

/* One option with its value: -1, or the usage error's status. */
static int parse_value(const cli_ctx *ctx, check_opts *o, const cli_option *opt, char *val)
{
    switch (opt->id) {
    case C_OUTPUT:
        return parse_file(ctx, opt, val, &o->output);
    case C_SUMMARY_CSV:
        return parse_file(ctx, opt, val, &o->summary_csv);
    case C_WAIVERS:
        return parse_file(ctx, opt, val, &o->waivers);
    case C_BASELINE:
        return parse_file(ctx, opt, val, &o->baseline);
    case C_FAIL_ON:
        if (strcmp(val, "new") != 0 && strcmp(val, "any") != 0)
            return usage_error(ctx, "--fail-on: expected 'new' or 'any', not '%s'", val);
        o->fail_on_new = strcmp(val, "new") == 0;
        return -1;
    case C_JOBS:
        return parse_jobs(ctx, val, &o->jobs);
    case C_AS_OF:
        return parse_as_of(ctx, val, &o->as_of);
    case C_LANG: /* checked at once: an error names the first wrong value */
        o->lang_opt = val;
        return cli_lang_resolve(ctx, val, &o->lang);
    case C_CRITERIA:
        if (!*val)
            return usage_error(ctx, "--criteria: the folder name is empty");
        cli_list_add(&o->criteria, val, false);
        return -1;
    case C_FORMAT:
        return parse_format(ctx, val, &o->format);
    case C_REVIEW_LEVEL:
        return parse_review_level(ctx, val, &o->review_level);
    case C_CATEGORY:
    case C_RULE:
    case C_SKIP:
        return parse_selection(ctx, o, opt, val);
    case C_SHOW:
        return parse_show(ctx, o, val);
    default: {
        size_t *limit = limit_of(&o->lim, opt->id); /* every other valued option */
        return limit ? parse_limit(ctx, opt->name, val, limit) : -1;
    }
    }
}

/* A flag: -1, or 0 after the help. */
static int parse_flag(const cli_ctx *ctx, check_opts *o, int id)
{
    bool *const flags[] = {[C_STRICT] = &o->strict,
                           [C_REDACT] = &o->redact,
                           [C_REQUIRE_EVIDENCE] = &o->require_evidence,
                           [C_ONLY_DECLARATIONS] = &o->only_declarations,
                           [C_CSV_BOM] = &o->csv_bom};
    if (id == C_HELP) {
        cli_help(ctx, S_HELP_CHECK, stdout);
        return CLI_EXIT_CLEAN;
    }
    *flags[id] = true;
    return -1;
}

/* What the options ask for together. */
static int check_combination(const cli_ctx *ctx, const check_opts *o)
{
    if (o->files.n == 0)
        return usage_error(ctx, "no declaration file given");
    if (o->fail_on_new && !o->baseline)
        return usage_error(ctx, "--fail-on new: no baseline to compare with (add --baseline "
                                "REPORT.json)");
    if (o->csv_bom && !o->summary_csv)
        return usage_error(ctx, "--csv-bom: no summary CSV to write (add --summary-csv FILE)");
    if (o->summary_csv && strcmp(o->summary_csv, "-") == 0 &&
        (!o->output || strcmp(o->output, "-") == 0))
        return usage_error(ctx, "--summary-csv -: the report goes to standard output already "
                                "(write it elsewhere with --output FILE)");
    for (size_t k = 0; o->waivers && strcmp(o->waivers, "-") == 0 && k < o->files.n; k++)
        if (strcmp(o->files.v[k], "-") == 0)
            return usage_error(ctx, "--waivers -: standard input is already a declaration");
    return -1;
}

/* Parses check's arguments into o: -1 to go on, else the exit status
 * (help printed: 0; usage error reported: 2). */
static int on_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    check_opts *o = data;
    if (!opt) {
        cli_list_add(&o->files, val, false);
        return -1;
    }
    return opt->takes_value ? parse_value(ctx, o, opt, val) : parse_flag(ctx, o, opt->id);
}

static int parse_check(const cli_ctx *ctx, int argc, char **argv, check_opts *o)
{
    int status = cli_parse(ctx, options, argc, argv, on_arg, o);
    if (status < 0)
        status = cli_lang_resolve(ctx, o->lang_opt, &o->lang);
    return status < 0 ? check_combination(ctx, o) : status;
}

/* --only-declarations: drops each file named that the rule of classify.h
 * does not call a declaration, with a note on standard error (directories
 * stay: their search applies the same rule; '-' stays, unread).  Returns
 * the number of arguments left. */
static size_t keep_declarations(cli_list *files, iss_lang lang)
{
    size_t kept = 0;
    for (size_t i = 0; i < files->n; i++) {
        const char *f = files->v[i];
        iss_file_kind k = strcmp(f, "-") == 0 ? ISS_KIND_DECLARATION : iss_classify_file(f);
        if (k == ISS_KIND_DECLARATION) {
            files->v[kept++] = f;
            continue;
        }
        iss_buf b = {0};
        iss_text_str(&b, f);
        iss_buf_printf(&b, ": note: %s\n",
                       iss_diag_text(k == ISS_KIND_WAIVERS
                                         ? "skipped: a waivers file, not a declaration"
                                         : "skipped: not a declaration (isscheck-declaration(5))",
                                     lang));
        fwrite(b.s, 1, b.len, stderr);
        iss_buf_free(&b);
    }
    return files->n = kept;
}

/* Neither output is a file the run reads (a declaration, the waivers
 * file, a criteria file) nor the other output: prints why and returns
 * false otherwise. */
static bool outputs_distinct(const cli_ctx *ctx, const check_opts *o, const cli_inputs *found,
                             const iss_editions *ed)
{
    size_t n = 0, cap = found->n + 1;
    for (size_t i = 0; i < ed->nsets; i++)
        cap += ed->sets[i]->nfiles;
    const char **in = iss_xmalloc(cap * sizeof *in);
    for (size_t i = 0; i < found->n; i++)
        in[n++] = found->v[i].path;
    if (o->waivers)
        in[n++] = o->waivers;
    for (size_t i = 0; i < ed->nsets; i++)
        for (size_t k = 0; k < ed->sets[i]->nfiles; k++)
            in[n++] = ed->sets[i]->files[k];
    bool ok = cli_output_distinct(ctx, o->output, in, n) &&
              (!o->summary_csv || cli_output_distinct(ctx, o->summary_csv, in, n)) &&
              cli_outputs_distinct(ctx, o->output ? o->output : "-", o->summary_csv);
    free(in);
    return ok;
}

/* The criteria and waivers loaded, and the outputs checked: the files are
 * checked, else the status says why not. */
static int check_loaded(const cli_ctx *ctx, const check_opts *o, const cli_inputs *found,
                        iss_day now, int status)
{
    iss_diags diags = {0};
    iss_editions *ed = cli_load_editions(o->criteria.v, o->criteria.n, &diags);
    iss_waivers *w = NULL;
    iss_baseline *b = NULL;
    bool refused = ed && !outputs_distinct(ctx, o, found, ed); /* before the waivers are read */
    if (ed && o->waivers && !refused) {
        const char *name = strcmp(o->waivers, "-") == 0 ? "<stdin>" : o->waivers;
        w = iss_waivers_load(o->waivers, name, ed, &o->lim, &diags);
    }
    /* read whole before any report is written: --output may replace it */
    if (ed && o->baseline && !refused && (!o->waivers || w))
        b = iss_baseline_load(o->baseline, o->baseline, &diags);
    for (size_t i = 0; b && i < found->n; i++) /* as the declarations are named */
        iss_baseline_claim(b, strcmp(found->v[i].path, "-") == 0 ? "<stdin>" : found->v[i].path);
    iss_diags as_of = {0};
    if (refused) {
        status = CLI_EXIT_USAGE;
    } else if (ed && !iss_as_of_fits(o->as_of, ed, &as_of)) {
        status = usage_error_diag(ctx, &as_of.v[0]);
    } else if (!ed || (o->waivers && !w) || (o->baseline && !b)) {
        iss_diags_print(stderr, &diags, o->lang);
        status = CLI_EXIT_USAGE;
    } else {
        status = check_run(ctx, o, found, ed, w, b, now, status);
    }
    iss_baseline_free(b);
    iss_diags_free(&as_of);
    iss_waivers_free(w);
    iss_editions_free(ed);
    iss_diags_free(&diags);
    return status;
}

int cli_cmd_check(const cli_ctx *ctx, int argc, char **argv)
{
    check_opts o = {.lim = iss_default_limits, .jobs = 1, .lang = ISS_LANG_JA};
    int status = parse_check(ctx, argc, argv, &o);
    iss_day now = status < 0 ? cli_today(ctx) : ISS_NO_DATE;
    if (status < 0 && now == ISS_NO_DATE)
        status = CLI_EXIT_USAGE;
    if (status < 0 && o.only_declarations && keep_declarations(&o.files, o.lang) == 0)
        status = CLI_EXIT_CLEAN; /* nothing but other YAML: nothing to check */
    if (status < 0) {
        cli_inputs found = {0};
        status = cli_inputs_find(ctx, &found, o.files.v, o.files.n);
        status = check_loaded(ctx, &o, &found, now, status);
        cli_inputs_free(&found);
    }
    check_opts_free(&o);
    return status;
}
