/* main.c - the isscheck command line: which command runs, its help, the
 * version, and what every command shares (the criteria loaded, the day).
 * No logic of the standard lives here. */
#include "cmd_lsp.h"
#include "cmds.h"
#include "output.h"

#include "isscheck/builtin.h"
#include "isscheck/escape.h"
#include "isscheck/strs.h"

#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ISS_VERSION
#define ISS_VERSION "0.0.0"
#endif
#ifndef ISS_COMMIT
#define ISS_COMMIT ""
#endif

iss_day cli_today(const cli_ctx *c)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (errno == ERANGE && v > 0 && *end == '\0')
            v = LLONG_MAX; /* past any date, not a malformed number */
        else if (errno || *end != '\0' || v < 0) {
            usage_error(c, "SOURCE_DATE_EPOCH: expected seconds since 1970, not '%s'", sde);
            return ISS_NO_DATE;
        }
        /* 9999-12-31 23:59:59 in Japan (UTC+9) */
        if (v > 253402300799LL - 9LL * 3600) {
            usage_error(c,
                        "SOURCE_DATE_EPOCH: %s is after 9999-12-31 in Japan time (UTC+9), the "
                        "last date isscheck handles",
                        sde);
            return ISS_NO_DATE;
        }
        return iss_day_in_japan((time_t)v);
    }
    return iss_day_in_japan(time(NULL));
}

/* The folders ISSCHECK_CRITERIA lists (colon-separated, each a set's
 * folder, as --criteria takes): empty elements are skipped, so an empty
 * variable is an unset one and "$X:$ISSCHECK_CRITERIA" works while the
 * variable is still empty.  The strings point into *copy (free it). */
static cli_list env_criteria(char **copy)
{
    cli_list l = {0};
    const char *v = getenv("ISSCHECK_CRITERIA");
    *copy = NULL;
    if (!v || !*v)
        return l;
    *copy = strcpy(iss_xmalloc(strlen(v) + 1), v);
    for (char *tok = *copy; tok;) {
        char *colon = strchr(tok, ':');
        if (colon)
            *colon = '\0';
        cli_list_add(&l, tok, false);
        tok = colon ? colon + 1 : NULL;
    }
    return l;
}

iss_editions *cli_load_editions(const char *const *dirs, size_t n, iss_diags *d)
{
    /* no YAML is read for the built-in sets */
    iss_criteria **builtin = iss_xmalloc((iss_builtin_nsets + 1) * sizeof *builtin);
    for (size_t i = 0; i < iss_builtin_nsets; i++)
        builtin[i] = iss_builtin_sets[i].set;
    char *copy;
    cli_list env = env_criteria(&copy);
    iss_editions_sources src = {.builtin = builtin,
                                .nbuiltin = iss_builtin_nsets,
                                .env = env.v,
                                .nenv = env.n,
                                .option = dirs,
                                .noption = n};
    iss_editions *e = iss_editions_load(&src, d);
    free(env.v);
    free(copy);
    free(builtin);
    return e;
}

static const cli_authoring *const authoring[] = {
    &cli_cmd_list, &cli_cmd_explain, &cli_cmd_init, &cli_cmd_validate, &cli_cmd_catalogue, NULL};

/* The authoring command called name, or NULL. */
static const cli_authoring *authoring_command(const char *name)
{
    for (size_t i = 0; authoring[i]; i++)
        if (strcmp(authoring[i]->name, name) == 0)
            return authoring[i];
    return NULL;
}

/* What the first reading of an authoring command's options found. */
typedef struct {
    const cli_authoring *ac;
    const char *dir; /* --criteria's value, or NULL */
} prescan;

static int prescan_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    prescan *p = data;
    if (opt && opt->id == OPT_HELP) {
        cli_help(ctx, p->ac->help, stdout);
        return CLI_EXIT_CLEAN;
    }
    if (opt && opt->id == OPT_CRITERIA && !*val)
        return usage_error(ctx, "--criteria: the folder name is empty");
    if (opt && opt->id == OPT_CRITERIA)
        p->dir = val;
    return -1;
}

/* The criteria set an authoring command runs over: --criteria DIR's
 * edition, whether or not it applies by default, else the default one.
 * NULL after adding the reason to diags; *owned: what the caller frees. */
static const iss_criteria *authoring_criteria(const iss_editions *ed, const char *dir,
                                              iss_diags *diags, iss_criteria **owned)
{
    const iss_criteria *c = ed->deflt;
    for (size_t i = 0; dir && i < ed->nsets; i++)
        if (ed->sets[i]->origin == ISS_ORIGIN_OPTION) {
            iss_edition_req req = {.document = {ed->sets[i]->document, {0, 0}},
                                   .edition = {ed->sets[i]->edition, {0, 0}}};
            iss_arena *a = iss_arena_new();
            iss_ctx ctx = {.file = dir, .arena = a, .diags = diags};
            c = iss_editions_resolve(ed, &req, 1, &ctx, owned);
            iss_arena_free(a);
        }
    return c;
}

/* An authoring command over the criteria set it names with --criteria,
 * or the built-in one. */
static int run_authoring(const cli_ctx *parent, const cli_authoring *ac, int argc, char **argv)
{
    cli_ctx ctx = {.lang = parent->lang, .cmd = ac->name};
    /* before the criteria are loaded: help, usage errors, --criteria */
    prescan pre = {.ac = ac};
    int status = cli_parse(&ctx, ac->opts, argc, argv, prescan_arg, &pre);
    if (status >= 0)
        return status;
    const char *dir = pre.dir;
    iss_diags diags = {0};
    iss_editions *ed = cli_load_editions(&dir, dir ? 1 : 0, &diags);
    iss_criteria *owned = NULL;
    const iss_criteria *c = ed ? authoring_criteria(ed, dir, &diags, &owned) : NULL;
    if (c)
        status = ac->run(&ctx, c, argc, argv);
    else {
        iss_diags_print(stderr, &diags, ctx.lang);
        status = CLI_EXIT_USAGE;
    }
    iss_criteria_free(owned);
    iss_editions_free(ed);
    iss_diags_free(&diags);
    return status;
}

/* What `isscheck help` was told: the command, and --lang. */
typedef struct {
    const char *cmd;
    const char *lang;
} help_args;

static int help_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    help_args *h = data;
    if (opt && opt->id == OPT_LANG)
        h->lang = val;
    else if (!opt && h->cmd)
        return usage_error(ctx, "unexpected argument '%s'", val);
    else if (!opt)
        h->cmd = val;
    return -1; /* help --help: the general help */
}

/* isscheck help [COMMAND] [--lang ja|en]: in the language --lang names
 * (checked), else the one the line and ISSCHECK_LANG give (cli_lang_guess;
 * an ISSCHECK_LANG that is neither ja nor en does not keep the help away) */
static int help(const cli_ctx *parent, int argc, char **argv)
{
    static const cli_option options[] = {CLI_OPTION_HELP, CLI_OPTION_LANG, {0}};
    cli_ctx ctx = {.lang = parent->lang};
    help_args h = {0};
    int status = cli_parse(&ctx, options, argc, argv, help_arg, &h);
    if (status < 0 && h.lang)
        status = cli_lang_resolve(&ctx, h.lang, &ctx.lang);
    if (status >= 0)
        return status;
    const char *cmd = h.cmd ? h.cmd : "help";
    const cli_authoring *ac = authoring_command(cmd);
    int id = strcmp(cmd, "help") == 0       ? S_HELP_MAIN
             : strcmp(cmd, "check") == 0    ? S_HELP_CHECK
             : strcmp(cmd, "criteria") == 0 ? S_HELP_CRITERIA
             : strcmp(cmd, "lsp") == 0      ? S_HELP_LSP
             : ac                           ? (int)ac->help
                                            : -1;
    if (id < 0)
        return usage_error(&ctx, "no help for '%s'", cmd);
    cli_help(&ctx, (iss_str_id)id, stdout);
    return CLI_EXIT_CLEAN;
}

/* isscheck --version: the version, the source commit when built from git
 * (reports carry the version only) and every edition with the digest
 * reports cite */
static int version(const cli_ctx *ctx)
{
    iss_diags d = {0};
    iss_editions *ed = cli_load_editions(NULL, 0, &d);
    printf("isscheck %s\n", ISS_VERSION);
    if (*ISS_COMMIT)
        printf("commit: %s\n", ISS_COMMIT);
    iss_buf raw = {0}, line = {0};
    for (size_t i = 0; ed && i < ed->nsets; i++) {
        const iss_criteria *c = ed->sets[i];
        char date[ISS_DATE_SIZE];
        iss_date_format(c->date, date);
        /* a criteria folder's title and edition are values: escaped */
        iss_buf_printf(&raw, "criteria: %s %s (%s, %s, digest %s, %s)", c->title, c->edition, date,
                       c->draft ? "draft" : "in force", c->digest, c->dir);
        iss_text_str(&line, raw.s);
        printf("%s\n", line.s);
        raw.len = line.len = 0;
    }
    iss_buf_free(&raw);
    iss_buf_free(&line);
    if (!ed) {
        fflush(stdout);
        iss_diags_print(stderr, &d, ctx->lang);
    }
    int st = ed ? CLI_EXIT_CLEAN : CLI_EXIT_USAGE;
    iss_editions_free(ed);
    iss_diags_free(&d);
    return st;
}

/* isscheck --lang ja|en COMMAND ...: the language of the whole run, set
 * as ISSCHECK_LANG is (a command's own --lang still wins); then the
 * command.  *used: how many arguments the option took. */
static int global_lang(const cli_ctx *ctx, int argc, char **argv, int *used)
{
    const char *arg = argv[1];
    const char *v = arg[6] == '=' ? arg + 7 : argc > 2 ? argv[2] : NULL;
    *used = arg[6] == '=' ? 1 : 2;
    if (!v)
        return usage_error(ctx, "option '%s' needs a value", "--lang");
    iss_lang lang;
    int status = cli_lang_resolve(ctx, v, &lang);
    if (status < 0 && setenv("ISSCHECK_LANG", v, 1) != 0)
        iss_out_of_memory(); /* setenv's only failure with a valid name */
    return status;
}

static int dispatch(const cli_ctx *ctx, int argc, char **argv)
{
    if (argc < 2) {
        cli_help(ctx, S_HELP_MAIN, stderr);
        return CLI_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--lang") == 0 || strncmp(cmd, "--lang=", 7) == 0) {
        int used, status = global_lang(ctx, argc, argv, &used);
        return status >= 0 ? status : dispatch(ctx, argc - used, argv + used);
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0)
        return help(ctx, 1, argv + 1);
    if (strcmp(cmd, "help") == 0)
        return help(ctx, argc - 1, argv + 1);
    if (strcmp(cmd, "--version") == 0)
        return version(ctx);
    if (strcmp(cmd, "criteria") == 0)
        return cli_cmd_criteria(ctx, argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0)
        return cli_cmd_check(ctx, argc - 1, argv + 1);
    if (strcmp(cmd, "lsp") == 0)
        return iss_cli_lsp(ctx, argc - 1, argv + 1, ISS_VERSION);
    if (authoring_command(cmd))
        return run_authoring(ctx, authoring_command(cmd), argc - 1, argv + 1);
    return usage_error(ctx, "unknown command '%s'", cmd);
}

int main(int argc, char **argv)
{
    /* a closed pipe is a write error (exit 2), not a silent death by signal */
    signal(SIGPIPE, SIG_IGN);
    /* Each file's model, report and scratch are freed before the next
     * file: glibc would hand the top of the heap back to the kernel every
     * time (brk) and take it again for the next file, a page fault and a
     * zeroed page per 4 KB, file after file.  Keeping up to 32 MB of freed
     * heap for the next file costs no more than the peak already reached. */
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    mallopt(M_TOP_PAD, 1 << 20);
    cli_ctx ctx = {.lang = cli_lang_guess(argc, argv)};
    /* help, version and every other text that reached standard output only
     * in part (a full disk, a closed pipe) make exit status 2 */
    return cli_stdout_finish(&ctx, dispatch(&ctx, argc, argv));
}
