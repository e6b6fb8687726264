/* args.c - reading a command's arguments (one option table per command,
 * one iterator for them all), the one usage error and the one resolution
 * of the language (cli.h). */
#include "cli.h"
#include "cmds.h"

#include "isscheck/escape.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* fmt (English, a key of diag_ja.def) in lang, escaped as a value is */
static void add_text(iss_buf *b, iss_lang lang, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void add_text(iss_buf *b, iss_lang lang, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    iss_text_vprintf(b, iss_diag_text(fmt, lang), ap);
    va_end(ap);
}

/* Ends the usage error in b (its message written) with the hint to the
 * help, prints it and frees b. */
static int usage_finish(const cli_ctx *c, iss_buf *b)
{
    iss_buf_add(b, "\n", 1);
    if (c->cmd)
        add_text(b, c->lang, "Try 'isscheck help %s'.", c->cmd);
    else
        add_text(b, c->lang, "Try 'isscheck help'.");
    iss_buf_add(b, "\n", 1);
    fwrite(b->s, 1, b->len, stderr);
    iss_buf_free(b);
    return CLI_EXIT_USAGE;
}

int usage_error(const cli_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    iss_buf b = {0};
    iss_buf_puts(&b, "isscheck: error: ");
    /* the values it quotes (an argument, a file name) escaped: one line */
    iss_text_vprintf(&b, iss_diag_text(fmt, c->lang), ap);
    va_end(ap);
    return usage_finish(c, &b);
}

int usage_error_diag(const cli_ctx *c, const iss_diag *x)
{
    iss_buf b = {0};
    iss_buf_puts(&b, "isscheck: error: ");
    /* the tool's own formats hold no character to escape: escaping the
     * whole message escapes what its values brought, as usage_error does */
    iss_text_str(&b, iss_diag_msg(x, c->lang));
    return usage_finish(c, &b);
}

void cli_error(const cli_ctx *c, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* the file name and the values the message quotes escaped: one line */
    iss_buf b = {0};
    iss_text_str(&b, file);
    iss_buf_puts(&b, ": error: ");
    iss_text_vprintf(&b, iss_diag_text(fmt, c->lang), ap);
    va_end(ap);
    iss_buf_add(&b, "\n", 1);
    fwrite(b.s, 1, b.len, stderr);
    iss_buf_free(&b);
}

/* ---- the language ---- */

static bool lang_of(const char *v, iss_lang *out)
{
    if (!v || (strcmp(v, "ja") != 0 && strcmp(v, "en") != 0))
        return false;
    *out = v[0] == 'e' ? ISS_LANG_EN : ISS_LANG_JA;
    return true;
}

/* The value that counts: opt, else ISSCHECK_LANG (empty: unset), else ja. */
static const char *lang_value(const char *opt)
{
    const char *env = getenv("ISSCHECK_LANG");
    return opt ? opt : env && *env ? env : "ja";
}

int cli_lang_resolve(const cli_ctx *c, const char *opt, iss_lang *out)
{
    const char *v = lang_value(opt);
    if (lang_of(v, out))
        return -1;
    return usage_error(c, "%s: expected 'ja' or 'en', not '%s'", opt ? "--lang" : "ISSCHECK_LANG",
                       v);
}

iss_lang cli_lang_guess(int argc, char **argv)
{
    const char *opt = NULL;
    iss_lang lang = ISS_LANG_JA;
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *v = strcmp(argv[i], "--lang") == 0 && i + 1 < argc ? argv[++i]
                        : strncmp(argv[i], "--lang=", 7) == 0          ? argv[i] + 7
                                                                       : NULL;
        if (lang_of(v, &lang))
            opt = v;
    }
    if (!lang_of(lang_value(opt), &lang))
        lang = ISS_LANG_JA; /* an invalid ISSCHECK_LANG: the parse reports it */
    return lang;
}

void cli_help(const cli_ctx *c, iss_str_id id, FILE *to)
{
    /* the rows that go on with a help too long for one C string */
    iss_str_id last = id == S_HELP_CHECK ? S_HELP_CHECK_3 : id;
    for (int k = (int)id; k <= (int)last; k++) /* a write error: main's cli_stdout_finish */
        fputs(iss_string((iss_str_id)k, c->lang), to);
}

/* ---- the iterator ---- */

/* The iterator over a command's arguments (argv[0] is the command):
 * options as the table says, "-" and anything not starting with '-' as
 * operands, and everything after "--" too. */
typedef struct {
    const cli_ctx *ctx;
    const cli_option *opts;
    int argc;
    char **argv;
    int i;
    bool operands_only;
    const cli_option *opt; /* the option found (CLI_ARG_OPTION) */
    char *val;             /* its value, or the operand (in argv) */
} cli_args;

enum { CLI_ARG_END, CLI_ARG_OPERAND, CLI_ARG_OPTION, CLI_ARG_ERROR };

static const cli_option *find_short(const cli_option *t, char c)
{
    for (; t->name; t++)
        if (c && t->short_name == c)
            return t;
    return NULL;
}

static const cli_option *find_long(const cli_option *t, const char *name, size_t len)
{
    for (; t->name; t++)
        if (strncmp(t->name, name, len) == 0 && t->name[len] == '\0')
            return t;
    return NULL;
}

/* -x, -xVALUE, -x VALUE */
static int short_option(cli_args *a, char *arg)
{
    a->opt = find_short(a->opts, arg[1]);
    if (!a->opt || (arg[2] && !a->opt->takes_value)) {
        usage_error(a->ctx, "unknown option '%s'", arg);
        return CLI_ARG_ERROR;
    }
    if (!a->opt->takes_value)
        return CLI_ARG_OPTION;
    a->val = arg[2] ? arg + 2 : a->i + 1 < a->argc ? a->argv[++a->i] : NULL;
    if (a->val)
        return CLI_ARG_OPTION;
    usage_error(a->ctx, "option '%s' needs a value", arg);
    return CLI_ARG_ERROR;
}

/* --name, --name=VALUE, --name VALUE */
static int long_option(cli_args *a, char *arg)
{
    char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    a->opt = find_long(a->opts, arg, len);
    if (!a->opt) {
        usage_error(a->ctx, "unknown option '%s'", arg);
        return CLI_ARG_ERROR;
    }
    if (!a->opt->takes_value) {
        if (!eq)
            return CLI_ARG_OPTION;
        usage_error(a->ctx, "option '%s' takes no value", a->opt->name);
        return CLI_ARG_ERROR;
    }
    a->val = eq ? eq + 1 : a->i + 1 < a->argc ? a->argv[++a->i] : NULL;
    if (a->val)
        return CLI_ARG_OPTION;
    usage_error(a->ctx, "option '%s' needs a value", a->opt->name);
    return CLI_ARG_ERROR;
}

/* The next argument: CLI_ARG_ERROR after printing the usage error (an
 * unknown option, a value missing or given to a flag). */
static int cli_args_next(cli_args *a)
{
    while (++a->i < a->argc) {
        char *arg = a->argv[a->i];
        a->opt = NULL;
        a->val = NULL;
        if (a->operands_only || arg[0] != '-' || strcmp(arg, "-") == 0) {
            a->val = arg;
            return CLI_ARG_OPERAND;
        }
        if (strcmp(arg, "--") == 0) {
            a->operands_only = true;
            continue;
        }
        return arg[1] == '-' ? long_option(a, arg) : short_option(a, arg);
    }
    return CLI_ARG_END;
}

int cli_parse(const cli_ctx *ctx, const cli_option *opts, int argc, char **argv, cli_on_arg on_arg,
              void *data)
{
    cli_args it = {.ctx = ctx, .opts = opts, .argc = argc, .argv = argv};
    int status = -1;
    for (int k; status < 0 && (k = cli_args_next(&it)) != CLI_ARG_END;)
        status = k == CLI_ARG_ERROR ? CLI_EXIT_USAGE : on_arg(ctx, data, it.opt, it.val);
    return status;
}

void cli_list_add(cli_list *l, char *val, bool split)
{
    for (char *tok = val; tok;) {
        char *comma = split ? strchr(tok, ',') : NULL;
        if (comma)
            *comma = '\0';
        if (*tok) {
            l->v = iss_xrealloc(l->v, (l->n + 1) * sizeof *l->v);
            l->v[l->n++] = tok;
        }
        tok = comma ? comma + 1 : NULL;
    }
}

/* Categories named by code or alias, "a,b" or repeated: sets chosen[k]
 * for each; -1, or the usage error's status. */
static int add_categories(const cli_ctx *ctx, const iss_criteria *c, const char *val, bool *chosen)
{
    char *copy = strcpy(iss_xmalloc(strlen(val) + 1), val);
    int status = -1;
    for (char *tok = copy; tok && status < 0;) {
        char *comma = strchr(tok, ',');
        if (comma)
            *comma = '\0';
        int k = *tok ? iss_criteria_category(c, tok) : -2;
        if (k >= 0) {
            chosen[k] = true;
        } else if (k == -1) {
            iss_buf known = {0};
            for (size_t i = 0; i < c->ncategories; i++)
                iss_buf_printf(&known, "%s%s", i ? ", " : "", c->categories[i].code);
            status = usage_error(ctx, "--category: unknown category '%s'; expected one of %s", tok,
                                 known.s ? known.s : "(none)");
            iss_buf_free(&known);
        } else if (!*val) { /* "", "va,", "va,,dv": a slip, not a choice of nothing */
            status = usage_error(ctx, "%s: the value is empty", "--category");
        } else {
            status = usage_error(ctx, "--category: an empty category code in '%s'", val);
        }
        tok = comma ? comma + 1 : NULL;
    }
    free(copy);
    return status;
}

cli_choice cli_choice_new(const iss_criteria *c)
{
    cli_choice ch = {.c = c, .chosen = iss_xmalloc(c->ncategories + 1), .lang = ISS_LANG_JA};
    memset(ch.chosen, 0, c->ncategories + 1);
    return ch;
}

void cli_choice_free(cli_choice *ch)
{
    free(ch->chosen);
    ch->chosen = NULL;
}

/* What cli_choice_parse reads with. */
typedef struct {
    cli_choice *ch;
    cli_on_arg other;
    void *data;
} choice_parse;

static int choice_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    choice_parse *p = data;
    if (!opt)
        return usage_error(ctx, "unexpected argument '%s'", val);
    if (opt->id == OPT_LANG)
        p->ch->lang_opt = val;
    if (opt->id != OPT_CATEGORY || !val) /* a value always: the table says so */
        return opt->id == OPT_LANG ? -1 : p->other(ctx, p->data, opt, val);
    p->ch->any = true;
    return add_categories(ctx, p->ch->c, val, p->ch->chosen);
}

int cli_choice_parse(const cli_ctx *ctx, const cli_option *opts, int argc, char **argv,
                     cli_choice *ch, cli_on_arg other, void *data)
{
    choice_parse p = {.ch = ch, .other = other, .data = data};
    int status = cli_parse(ctx, opts, argc, argv, choice_arg, &p);
    return status < 0 ? cli_lang_resolve(ctx, ch->lang_opt, &ch->lang) : status;
}
