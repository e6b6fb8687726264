/* cmd_criteria.c - isscheck criteria list|lint|export: the criteria
 * editions loaded, the rule files checked for their authors, the built-in
 * sets written out as the start of a local edition. */
#include "cmds.h"
#include "output.h"

#include "isscheck/builtin.h"
#include "isscheck/escape.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { CR_CRITERIA, CR_LANG };
static const cli_option list_options[] = {
    {.name = "--criteria", .takes_value = true, .repeatable = true, .id = CR_CRITERIA},
    {.name = "--lang", .takes_value = true, .id = CR_LANG},
    {0},
};
static const cli_option lang_options[] = {
    {.name = "--lang", .takes_value = true, .id = CR_LANG},
    {0},
};
static const cli_option no_options[] = {{0}};

/* What a subcommand was told: its operands or --criteria folders, and
 * --lang. */
typedef struct {
    cli_list l;
    const char *lang;
} sub_args;

/* An operand, added to the list (room for argc made), or --lang. */
static int add_operand(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    (void)ctx;
    sub_args *a = data;
    if (opt && opt->id == CR_LANG)
        a->lang = val;
    if (opt)
        return -1;
    a->l.v[a->l.n++] = val;
    return -1;
}

/* criteria list: --criteria DIR, repeatable; --lang */
static int list_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    sub_args *a = data;
    if (!opt)
        return usage_error(ctx, "criteria list: unexpected argument '%s'", val);
    if (opt->id == CR_LANG) {
        a->lang = val;
        return -1;
    }
    if (!*val)
        return usage_error(ctx, "--criteria: the folder name is empty");
    cli_list_add(&a->l, val, false);
    return -1;
}

/* The row id in lang with its {N} replaced by args[N], each escaped as a
 * value is (criteria files and folder names are the user's text). */
static void put_row(iss_buf *out, iss_str_id id, iss_lang lang, const char *const *args, size_t n)
{
    const char *t = iss_string(id, lang);
    for (const char *open; (open = strchr(t, '{'));) {
        iss_buf_add(out, t, (size_t)(open - t));
        size_t k = (size_t)(open[1] - '0');
        if (open[1] >= '0' && k < n && open[2] == '}') {
            iss_text_str(out, args[k]);
            t = open + 3;
        } else {
            iss_buf_add(out, open, 1);
            t = open + 1;
        }
    }
    iss_buf_puts(out, t);
}

/* Where a set of criteria list comes from. */
static const char *origin_note(const iss_criteria *c, iss_lang lang)
{
    switch (c->origin) {
    case ISS_ORIGIN_ENV:
        return iss_string(S_CRIT_FROM_ENV, lang);
    case ISS_ORIGIN_OPTION:
        return iss_string(S_CRIT_FROM_OPTION, lang);
    case ISS_ORIGIN_BUILTIN:
        break;
    }
    return "";
}

static void list_edition(iss_buf *out, const iss_editions *ed, const iss_criteria *c, iss_lang lang)
{
    bool dflt = false;
    for (size_t k = 0; k < ed->deflt->nsets; k++)
        dflt |= ed->deflt->sets[k] == c;
    char date[ISS_DATE_SIZE], nrules[24], ncats[24], nentries[24];
    iss_date_format(c->date, date);
    iss_text_str(out, c->document);
    iss_buf_puts(out, " ");
    iss_text_str(out, c->edition);
    iss_buf_puts(out, "\n");
    put_row(out, S_CRIT_LIST_TITLE, lang, (const char *[]){c->title, c->issuer, date}, 3);
    put_row(out, S_CRIT_LIST_STATUS, lang,
            (const char *[]){iss_string(c->draft ? S_DRAFT_L : S_CRIT_LIST_IN_FORCE, lang),
                             dflt ? iss_string(S_CRIT_LIST_DEFAULT, lang) : ""},
            2);
    iss_buf codes = {0};
    for (size_t k = 0; k < c->ncategories; k++)
        iss_buf_printf(&codes, "%s%s", k ? ", " : "", c->categories[k].code);
    snprintf(nrules, sizeof nrules, "%zu", c->nrules);
    snprintf(ncats, sizeof ncats, "%zu", c->ncategories);
    snprintf(nentries, sizeof nentries, "%zu", c->nentries);
    put_row(out, c->ncategories == 1 ? S_CRIT_LIST_RULES_1 : S_CRIT_LIST_RULES, lang,
            (const char *[]){nrules, ncats, codes.s ? codes.s : "", nentries}, 4);
    iss_buf_free(&codes);
    put_row(out, S_CRIT_LIST_DIGEST, lang, (const char *[]){c->digest}, 1);
    put_row(out, S_CRIT_LIST_FROM, lang, (const char *[]){c->dir, origin_note(c, lang)}, 2);
}

/* The subcommand's context: ctx in the language --lang or ISSCHECK_LANG
 * names; -1, or the usage error's status. */
static int sub_lang(const cli_ctx *ctx, const char *opt, cli_ctx *out)
{
    *out = *ctx;
    return cli_lang_resolve(ctx, opt, &out->lang);
}

static int criteria_list(const cli_ctx *parent, int argc, char **argv)
{
    sub_args a = {0};
    cli_ctx c, *ctx = &c;
    int status = cli_parse(parent, list_options, argc, argv, list_arg, &a);
    if (status < 0)
        status = sub_lang(parent, a.lang, &c);
    cli_list dirs = a.l;
    if (status >= 0) {
        free(dirs.v);
        return status;
    }
    iss_diags d = {0};
    iss_editions *ed = cli_load_editions(dirs.v, dirs.n, &d);
    free(dirs.v);
    if (!ed) {
        iss_diags_print(stderr, &d, ctx->lang);
        iss_diags_free(&d);
        return CLI_EXIT_USAGE;
    }
    iss_buf out = {0};
    for (size_t i = 0; i < ed->nsets; i++)
        list_edition(&out, ed, ed->sets[i], ctx->lang);
    status = cli_write_stdout(&out) ? CLI_EXIT_CLEAN : cli_stdout_finish(ctx, CLI_EXIT_CLEAN);
    iss_buf_free(&out);
    iss_editions_free(ed);
    iss_diags_free(&d);
    return status;
}

/* One set's line after its findings: "NAME: clean (0 errors, 0 warnings)" */
static void lint_line(iss_buf *out, const char *name, int st, const iss_diags *d, iss_lang lang)
{
    size_t warnings = d->n - d->errors;
    char ne[24], nw[24];
    snprintf(ne, sizeof ne, "%zu", d->errors);
    snprintf(nw, sizeof nw, "%zu", warnings);
    iss_buf e = {0}, w = {0};
    put_row(&e, d->errors == 1 ? S_LINT_ERRORS_1 : S_LINT_ERRORS, lang, (const char *[]){ne}, 1);
    put_row(&w, warnings == 1 ? S_LINT_WARNINGS_1 : S_LINT_WARNINGS, lang, (const char *[]){nw}, 1);
    const char *verdict = iss_string(st == 2 ? S_LINT_UNLOADABLE
                                     : st    ? S_LINT_FINDINGS
                                             : S_LINT_CLEAN,
                                     lang);
    put_row(out, S_LINT_RESULT, lang, (const char *[]){name, verdict, e.s, w.s}, 4);
    iss_buf_free(&e);
    iss_buf_free(&w);
}

static int criteria_lint(const cli_ctx *parent, int argc, char **argv)
{
    sub_args a = {.l.v = iss_xmalloc((size_t)argc * sizeof *a.l.v)};
    cli_ctx c, *ctx = &c;
    int status = cli_parse(parent, lang_options, argc, argv, add_operand, &a);
    if (status < 0)
        status = sub_lang(parent, a.lang, &c);
    cli_list dirs = a.l;
    if (status >= 0) {
        free(dirs.v);
        return status;
    }
    bool builtin = dirs.n == 0; /* every built-in set, from its YAML */
    size_t n = builtin ? iss_builtin_nsets : dirs.n;
    status = CLI_EXIT_CLEAN;
    for (size_t i = 0; i < n; i++) {
        iss_diags d = {0};
        const char *name = builtin ? iss_builtin_sets[i].set->dir : dirs.v[i];
        int st = builtin ? iss_criteria_lint_files(name, iss_builtin_sets[i].files,
                                                   iss_builtin_sets[i].nfiles, &d)
                         : iss_criteria_lint(name, &d);
        iss_diags_print(stderr, &d, ctx->lang);
        iss_buf line = {0};
        lint_line(&line, name, st, &d, ctx->lang);
        fwrite(line.s, 1, line.len, stdout); /* a write error: cli_stdout_finish below */
        iss_buf_free(&line);
        if (st > status)
            status = st;
        iss_diags_free(&d);
    }
    free(dirs.v);
    if (cli_stdout_finish(ctx, CLI_EXIT_CLEAN) != CLI_EXIT_CLEAN)
        status = CLI_EXIT_USAGE;
    return status;
}

/* Whether no file export would write under root exists yet: a refused
 * export leaves nothing behind. */
static bool export_targets_free(const cli_ctx *ctx, const char *root, iss_buf *path)
{
    for (size_t i = 0; i < iss_builtin_nsets; i++)
        for (size_t k = 0; k < iss_builtin_sets[i].nfiles; k++) {
            path->len = 0;
            iss_buf_printf(path, "%s/%s/%s", root, iss_builtin_sets[i].name,
                           iss_builtin_sets[i].files[k].name);
            struct stat st;
            if (lstat(path->s, &st) == 0) {
                cli_error(ctx, path->s, "already exists: criteria export never overwrites a file");
                return false;
            }
        }
    return true;
}

/* Writes one built-in set's files under root/NAME/. */
static bool export_set(const cli_ctx *ctx, const char *root, const iss_builtin_set *b,
                       iss_buf *path)
{
    path->len = 0;
    iss_buf_printf(path, "%s/%s", root, b->name);
    if (mkdir(path->s, 0777) != 0 && errno != EEXIST) {
        cli_error(ctx, path->s, "cannot create the folder: %s", strerror(errno));
        return false;
    }
    for (size_t k = 0; k < b->nfiles; k++) {
        path->len = 0;
        iss_buf_printf(path, "%s/%s/%s", root, b->name, b->files[k].name);
        /* never over a file: one that appeared since the check is kept */
        cli_output *o = cli_output_open_new(ctx, path->s);
        if (o)
            fwrite(b->files[k].bytes, 1, b->files[k].len, cli_output_file(o));
        if (!o || !cli_output_close(o, true))
            return false;
    }
    return true;
}

/* isscheck criteria export DIR: the built-in sets' YAML, as built, in
 * DIR/SET/FILE.  Every target is checked before anything is written. */
static int criteria_export(const cli_ctx *ctx, int argc, char **argv)
{
    sub_args a = {.l.v = iss_xmalloc((size_t)argc * sizeof *a.l.v)};
    int status = cli_parse(ctx, no_options, argc, argv, add_operand, &a);
    cli_list dirs = a.l;
    const char *root = dirs.n == 1 ? dirs.v[0] : NULL;
    free(dirs.v);
    if (status >= 0)
        return status;
    if (!root)
        return usage_error(ctx, "criteria export: expected one folder (DIR)");
    iss_buf path = {0};
    status = export_targets_free(ctx, root, &path) ? CLI_EXIT_CLEAN : CLI_EXIT_USAGE;
    if (status == CLI_EXIT_CLEAN && mkdir(root, 0777) != 0 && errno != EEXIST) {
        cli_error(ctx, root, "cannot create the folder: %s", strerror(errno));
        status = CLI_EXIT_USAGE;
    }
    for (size_t i = 0; i < iss_builtin_nsets && status == CLI_EXIT_CLEAN; i++)
        if (!export_set(ctx, root, &iss_builtin_sets[i], &path))
            status = CLI_EXIT_USAGE;
    iss_buf_free(&path);
    return status;
}

int cli_cmd_criteria(const cli_ctx *ctx, int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        cli_help(ctx, S_HELP_CRITERIA, argc < 2 ? stderr : stdout);
        return argc < 2 ? CLI_EXIT_USAGE : CLI_EXIT_CLEAN;
    }
    if (strcmp(argv[1], "list") == 0)
        return criteria_list(ctx, argc - 1, argv + 1);
    if (strcmp(argv[1], "lint") == 0)
        return criteria_lint(ctx, argc - 1, argv + 1);
    if (strcmp(argv[1], "export") == 0)
        return criteria_export(ctx, argc - 1, argv + 1);
    return usage_error(ctx, "criteria: unknown subcommand '%s' (list, lint or export)", argv[1]);
}
