/* cmd_criteria.c - isscheck criteria list|lint|export: the criteria
 * editions loaded, the rule files checked for their authors, the built-in
 * sets written out as the start of a local edition. */
#include "cmds.h"
#include "output.h"

#include "isscheck/builtin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char cli_criteria_usage[] =
    "usage: isscheck criteria list [--criteria DIR]...\n"
    "       isscheck criteria lint [DIR...]\n"
    "       isscheck criteria export DIR\n"
    "\n"
    "Criteria come from, first to last: --criteria DIR (repeatable), the\n"
    "folders ISSCHECK_CRITERIA lists (colon-separated), the sets built into\n"
    "isscheck.  A set from a folder replaces one of the same document and\n"
    "edition from further down, or adds an edition.\n"
    "\n"
    "list: every criteria edition loaded: document, edition, date, status,\n"
    "digest, rules, where it comes from, and whether a declaration that names\n"
    "no edition is checked against it.\n"
    "\n"
    "lint: check criteria sets for their authors (default: every built-in set,\n"
    "from the YAML it was built from): ids, citations, clause text, summaries,\n"
    "check kinds and parameters, catalogue references, PCRE2 patterns, every\n"
    "clause of the manifest has a rule, draft rules cannot pass.  Findings\n"
    "print as FILE:LINE:COL: error|warning.\n"
    "\n"
    "export: write the built-in sets' YAML, byte for byte as they were built,\n"
    "to DIR/SET/ (created; an existing file is never overwritten): the\n"
    "starting point of a local edition, used with --criteria DIR/SET.\n"
    "\n"
    "exit status: 0 clean (warnings allowed), 1 findings, 2 a set that cannot be\n"
    "loaded at all (a missing file, or one that is not YAML), a file export\n"
    "cannot write, or a usage error\n";

static const cli_option list_options[] = {
    {.name = "--criteria", .takes_value = true, .repeatable = true},
    {0},
};
static const cli_option no_options[] = {{0}};

/* An operand, added to the list data (room for argc made). */
static int add_operand(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    (void)ctx;
    cli_list *l = data;
    if (opt)
        return -1; /* none in the tables that use it */
    l->v[l->n++] = val;
    return -1;
}

/* criteria list: --criteria DIR, repeatable */
static int list_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    if (!opt)
        return usage_error(ctx, "criteria list: unexpected argument '%s'", val);
    if (!*val)
        return usage_error(ctx, "--criteria: the folder name is empty");
    cli_list_add(data, val, false);
    return -1;
}

/* Where a set of criteria list comes from. */
static const char *origin_note(const iss_criteria *c)
{
    switch (c->origin) {
    case ISS_ORIGIN_ENV:
        return " (ISSCHECK_CRITERIA)";
    case ISS_ORIGIN_OPTION:
        return " (--criteria)";
    case ISS_ORIGIN_BUILTIN:
        break;
    }
    return "";
}

static void list_edition(iss_buf *out, const iss_editions *ed, const iss_criteria *c)
{
    bool dflt = false;
    for (size_t k = 0; k < ed->deflt->nsets; k++)
        dflt |= ed->deflt->sets[k] == c;
    char date[ISS_DATE_SIZE];
    iss_date_format(c->date, date);
    iss_buf_printf(out, "%s %s\n  title:    %s (%s, %s)\n  status:   %s%s\n", c->document,
                   c->edition, c->title, c->issuer, date, c->draft ? "draft" : "in-force",
                   dflt ? ", applies by default" : "");
    iss_buf_printf(out, "  rules:    %zu in %zu categor%s (", c->nrules, c->ncategories,
                   c->ncategories == 1 ? "y" : "ies");
    for (size_t k = 0; k < c->ncategories; k++)
        iss_buf_printf(out, "%s%s", k ? ", " : "", c->categories[k].code);
    iss_buf_printf(out, "), catalogue entries: %zu\n  digest:   %s\n  from:     %s%s\n",
                   c->nentries, c->digest, c->dir, origin_note(c));
}

static int criteria_list(const cli_ctx *ctx, int argc, char **argv)
{
    cli_list dirs = {0};
    int status = cli_parse(ctx, list_options, argc, argv, list_arg, &dirs);
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
        list_edition(&out, ed, ed->sets[i]);
    status = cli_write_stdout(&out) ? CLI_EXIT_CLEAN : cli_stdout_finish(ctx, CLI_EXIT_CLEAN);
    iss_buf_free(&out);
    iss_editions_free(ed);
    iss_diags_free(&d);
    return status;
}

static int criteria_lint(const cli_ctx *ctx, int argc, char **argv)
{
    cli_list dirs = {.v = iss_xmalloc((size_t)argc * sizeof *dirs.v)};
    int status = cli_parse(ctx, no_options, argc, argv, add_operand, &dirs);
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
        size_t warnings = d.n - d.errors;
        printf("%s: %s (%zu error%s, %zu warning%s)\n", name,
               st == 2 ? "cannot be loaded"
               : st    ? "findings"
                       : "clean",
               d.errors, d.errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
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
    cli_list dirs = {.v = iss_xmalloc((size_t)argc * sizeof *dirs.v)};
    int status = cli_parse(ctx, no_options, argc, argv, add_operand, &dirs);
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
        fputs(cli_criteria_usage, argc < 2 ? stderr : stdout);
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
