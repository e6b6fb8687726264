/* authoring.c - subcommands for people writing declarations: list the
 * rules, explain one, write a template, validate files.  Everything they
 * print about the standard is generated from the criteria set: rule
 * files, their check kinds and parameters, the catalogue. */
#include "authoring.h"
#include "output.h"

#include "isscheck/authoring.h"
#include "isscheck/decl.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "isscheck/run.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_USAGE = 2 };

static const char list_usage[] =
    "usage: isscheck list [--category CODE] [--format text|json] [--lang ja|en]\n"
    "                     [--criteria DIR]\n"
    "\n"
    "List every rule of the criteria set, one per line: its id, the clause it\n"
    "cites, whether the criteria set is in force or a draft, and its title.\n"
    "\n"
    "options:\n"
    "  --category CODE      only this category (code or alias; repeatable, or a,b)\n"
    "  --format text|json   text (default, aligned columns) or one JSON document\n"
    "  --lang ja|en         language of the titles (default ja, or ISSCHECK_LANG)\n"
    "  --criteria DIR       the criteria set in DIR instead of the built-in one\n"
    "  -h, --help           show this help\n"
    "\n"
    "exit status: 0 listed, 2 usage error\n";

static const char explain_usage[] =
    "usage: isscheck explain [--lang ja|en] [--criteria DIR] RULE-ID\n"
    "\n"
    "Explain one rule: its citation, the clause text (Japanese, verbatim), the\n"
    "readings it applies, every branch of how isscheck evaluates it and every\n"
    "parameter (from the rule's check and its parameters), and what in a\n"
    "declaration satisfies it, with a YAML snippet.  All in the chosen language;\n"
    "the English summary is shown with --lang en.\n"
    "\n"
    "options:\n"
    "  --lang ja|en         language of the explanation (default ja, or ISSCHECK_LANG)\n"
    "  --criteria DIR       the criteria set in DIR instead of the built-in one\n"
    "  -h, --help           show this help\n"
    "\n"
    "exit status: 0 explained, 2 unknown rule (with the nearest ids) or usage error\n";

static const char init_usage[] =
    "usage: isscheck init --category CODE[,CODE...] [--lang ja|en] [-o FILE]\n"
    "                     [--criteria DIR]\n"
    "\n"
    "Write a declaration template for the categories applied for: every key\n"
    "the rules of those categories read, with comments quoting what each is\n"
    "for (lead groups and their paths, manual sections, statements, 例示\n"
    "lists).  The template loads as it is; its rules fail until it is filled\n"
    "in.  Its first line points editors (yaml-language-server) at the\n"
    "installed JSON Schema of the declaration format, found beside the\n"
    "isscheck binary (PREFIX/bin, PREFIX/share/isscheck/schema); without\n"
    "one there, the template has no such line.\n"
    "\n"
    "options:\n"
    "  --category CODE      a category applied for (code or alias; repeatable, or\n"
    "                       a,b); required\n"
    "  --lang ja|en         language of the comments (default ja, or ISSCHECK_LANG)\n"
    "  -o, --output FILE    write to FILE, which must not exist (it is never\n"
    "                       overwritten; a FIFO or a device is written in\n"
    "                       place; '-': standard output), instead of standard\n"
    "                       output\n"
    "  --criteria DIR       the criteria set in DIR instead of the built-in one\n"
    "  -h, --help           show this help\n"
    "\n"
    "exit status: 0 written, 2 usage error, FILE exists or cannot be written\n";

static const char validate_usage[] =
    "usage: isscheck validate [--criteria DIR] FILE...\n"
    "\n"
    "Load each declaration FILE ('-' reads standard input) and report whether\n"
    "it is well formed: the structure, types, dates, vocabulary and references\n"
    "that `check` refuses are reported the same way, without evaluating any\n"
    "rule.  A valid file is named on standard output as FILE: valid.\n"
    "\n"
    "options:\n"
    "  --criteria DIR       the criteria set in DIR instead of the built-in one\n"
    "  -h, --help           show this help\n"
    "\n"
    "exit status: 0 every file valid, 2 a file is invalid (errors printed as\n"
    "FILE:LINE:COL: error: MESSAGE) or usage error\n";

/* ---- shared option handling ---- */

static iss_lang ui_lang = ISS_LANG_JA;

static bool lang_value(const char *v, iss_lang *out)
{
    if (!v || (strcmp(v, "ja") != 0 && strcmp(v, "en") != 0))
        return false;
    *out = v[0] == 'e' ? ISS_LANG_EN : ISS_LANG_JA;
    return true;
}

void iss_cli_choose_lang(int argc, char **argv)
{
    ui_lang = ISS_LANG_JA;
    lang_value(getenv("ISSCHECK_LANG"), &ui_lang);
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            lang_value(argv[++i], &ui_lang);
        else if (strncmp(argv[i], "--lang=", 7) == 0)
            lang_value(argv[i] + 7, &ui_lang);
    }
}

iss_lang iss_cli_lang(void)
{
    return ui_lang;
}

void iss_cli_error(const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* the file name and the values the message quotes escaped: one line */
    iss_buf b = {0};
    iss_text_str(&b, file);
    iss_buf_puts(&b, ": error: ");
    iss_text_vprintf(&b, iss_diag_text(fmt, ui_lang), ap);
    va_end(ap);
    iss_buf_add(&b, "\n", 1);
    fwrite(b.s, 1, b.len, stderr);
    iss_buf_free(&b);
}

/* fmt (English) in ui_lang, to standard error */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, iss_diag_text(fmt, ui_lang), ap);
    va_end(ap);
}

static int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    iss_buf b = {0};
    iss_buf_puts(&b, "isscheck: error: ");
    iss_text_vprintf(&b, iss_diag_text(fmt, ui_lang), ap);
    va_end(ap);
    iss_buf_add(&b, "\n", 1);
    fwrite(b.s, 1, b.len, stderr);
    iss_buf_free(&b);
    say("Try 'isscheck help %s'.", cmd);
    fputc('\n', stderr);
    return EXIT_USAGE;
}

/* One command-line argument: an option (name, and its value when it takes
 * one) or an operand. */
typedef struct {
    int argc;
    char **argv;
    int i;
    bool operands_only;
    const char *cmd;
    const char *const *valued; /* options taking a value, NULL-terminated */
    char name[32];
    const char *val;
} arg_iter;

enum { ARG_END, ARG_OPERAND, ARG_OPTION, ARG_ERROR };

static int next_arg(arg_iter *it)
{
    while (++it->i < it->argc) {
        const char *a = it->argv[it->i];
        it->val = NULL;
        if (it->operands_only || a[0] != '-' || strcmp(a, "-") == 0) {
            it->val = a;
            return ARG_OPERAND;
        }
        if (strcmp(a, "--") == 0) {
            it->operands_only = true;
            continue;
        }
        const char *eq = a[1] == '-' ? strchr(a, '=') : NULL;
        size_t len = eq ? (size_t)(eq - a) : strlen(a);
        if (len >= sizeof it->name) {
            usage_error(it->cmd, "unknown option '%s'", a);
            return ARG_ERROR;
        }
        memcpy(it->name, a, len);
        it->name[len] = '\0';
        if (strcmp(it->name, "-o") == 0)
            strcpy(it->name, "--output");
        if (iss_lookup(it->valued, it->name) < 0) {
            if (strcmp(it->name, "-h") == 0 || strcmp(it->name, "--help") == 0) {
                if (!eq)
                    return ARG_OPTION;
                usage_error(it->cmd, "option '%s' takes no value", it->name);
            } else {
                usage_error(it->cmd, "unknown option '%s'", a);
            }
            return ARG_ERROR;
        }
        it->val = eq ? eq + 1 : (it->i + 1 < it->argc ? it->argv[++it->i] : NULL);
        if (!it->val) {
            usage_error(it->cmd, "option '%s' needs a value", it->name);
            return ARG_ERROR;
        }
        return ARG_OPTION;
    }
    return ARG_END;
}

static bool is_opt(const arg_iter *it, const char *name)
{
    return strcmp(it->name, name) == 0;
}

/* --lang, else ISSCHECK_LANG (empty: unset), else Japanese. */
static int resolve_lang(const char *cmd, const char *opt, iss_lang *out)
{
    const char *env = getenv("ISSCHECK_LANG");
    const char *v = opt ? opt : (env && *env ? env : "ja");
    if (strcmp(v, "ja") == 0 || strcmp(v, "en") == 0) {
        *out = v[0] == 'e' ? ISS_LANG_EN : ISS_LANG_JA;
        return -1;
    }
    return usage_error(cmd, "%s: expected 'ja' or 'en', not '%s'", opt ? "--lang" : "ISSCHECK_LANG",
                       v);
}

/* Categories named by code or alias, "a,b" or repeated: a flag per category. */
static int add_categories(const iss_criteria *c, const char *cmd, const char *val, bool *chosen)
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
            status = usage_error(cmd, "--category: unknown category '%s'; expected one of %s", tok,
                                 known.s ? known.s : "(none)");
            iss_buf_free(&known);
        } else if (!*val) { /* "", "va,", "va,,dv": a slip, not a choice of nothing */
            status = usage_error(cmd, "%s: the value is empty", "--category");
        } else {
            status = usage_error(cmd, "--category: an empty category code in '%s'", val);
        }
        tok = comma ? comma + 1 : NULL;
    }
    free(copy);
    return status;
}

static bool write_stdout(const iss_buf *b)
{
    if (b->len && fwrite(b->s, 1, b->len, stdout) != b->len)
        return false;
    return fflush(stdout) == 0;
}

/* Columns on a terminal: East Asian wide characters take two. */
static size_t display_width(const char *s)
{
    size_t w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t cp = 0;
        size_t n = iss_utf8_char(p, &cp);
        if (n == 0) {
            w++;
            p++;
            continue;
        }
        bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        w += wide ? 2 : 1;
        p += n;
    }
    return w;
}

static void pad(iss_buf *out, const char *s, size_t width)
{
    iss_buf_puts(out, s);
    for (size_t w = display_width(s); w < width; w++)
        iss_buf_add(out, " ", 1);
}

/* ---- list ---- */

static int cmd_list(const iss_criteria *c, int argc, char **argv)
{
    static const char *const valued[] = {"--category", "--format", "--lang", "--criteria", NULL};
    arg_iter it = {.argc = argc, .argv = argv, .cmd = "list", .valued = valued};
    bool *chosen = iss_xmalloc(c->ncategories + 1);
    memset(chosen, 0, c->ncategories + 1);
    bool any_chosen = false, json = false;
    const char *lang_opt = NULL;
    int status = -1;
    for (int k; status < 0 && (k = next_arg(&it)) != ARG_END;) {
        if (k == ARG_ERROR)
            status = EXIT_USAGE;
        else if (k == ARG_OPERAND)
            status = usage_error("list", "unexpected argument '%s'", it.val);
        else if (is_opt(&it, "--category")) {
            status = add_categories(c, "list", it.val, chosen);
            any_chosen = true;
        } else if (is_opt(&it, "--format")) {
            if (strcmp(it.val, "text") != 0 && strcmp(it.val, "json") != 0)
                status = usage_error("list", "--format: expected text or json, not '%s'", it.val);
            json = strcmp(it.val, "json") == 0;
        } else if (is_opt(&it, "--lang")) {
            lang_opt = it.val;
        }
    }
    iss_lang lang = ISS_LANG_JA;
    if (status < 0)
        status = resolve_lang("list", lang_opt, &lang);
    if (status >= 0) {
        free(chosen);
        return status;
    }
    size_t wid = 2, wclause = 0;
    for (size_t i = 0; i < c->nrules; i++) {
        size_t w = display_width(c->rules[i].id), wc = display_width(c->rules[i].clause);
        wid = w > wid ? w : wid;
        wclause = wc > wclause ? wc : wclause;
    }
    iss_buf out = {0};
    const char *states[2][2] = {{"施行中", "in force"}, {"草案", "draft"}};
    const char *state_head = lang == ISS_LANG_EN ? "STATUS" : "状態";
    size_t wstate = display_width(state_head);
    for (int k = 0; k < 2; k++)
        if (display_width(states[k][lang == ISS_LANG_EN]) > wstate)
            wstate = display_width(states[k][lang == ISS_LANG_EN]);
    if (json) {
        iss_buf_puts(&out, "{\"criteria\":");
        iss_json_criteria(&out, c);
        iss_buf_puts(&out, ",\"rules\":[");
    } else {
        pad(&out, "ID", wid + 2);
        pad(&out, lang == ISS_LANG_EN ? "CLAUSE" : "条項", wclause + 2);
        pad(&out, state_head, wstate + 2);
        iss_buf_puts(&out, lang == ISS_LANG_EN ? "TITLE\n" : "表題\n");
    }
    size_t shown = 0;
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *r = &c->rules[i];
        if (any_chosen && !chosen[r->category])
            continue;
        if (json) {
            iss_buf_puts(&out, shown ? ",{" : "{");
            iss_json_key(&out, "id", true);
            iss_json_str(&out, r->id);
            iss_json_key(&out, "category", false);
            iss_json_str(&out, c->categories[r->category].code);
            iss_json_key(&out, "clause", false);
            iss_json_str(&out, r->clause);
            iss_json_key(&out, "citation", false);
            iss_json_citation(&out, c, r);
            iss_json_key(&out, "title", false);
            iss_json_str(&out, lang == ISS_LANG_EN ? r->title_en : r->title_ja);
            iss_json_key(&out, "title_ja", false);
            iss_json_str(&out, r->title_ja);
            iss_json_key(&out, "title_en", false);
            iss_json_str(&out, r->title_en);
            iss_json_key(&out, "draft", false);
            iss_buf_puts(&out, r->set->draft ? "true" : "false");
            iss_json_key(&out, "summary", false);
            iss_json_str(&out, r->summary);
            iss_buf_puts(&out, "}");
        } else {
            pad(&out, r->id, wid + 2);
            pad(&out, r->clause, wclause + 2);
            pad(&out, states[r->set->draft][lang == ISS_LANG_EN], wstate + 2);
            iss_buf_printf(&out, "%s\n", lang == ISS_LANG_EN ? r->title_en : r->title_ja);
        }
        shown++;
    }
    if (json)
        iss_buf_puts(&out, "]}\n");
    status = EXIT_OK;
    if (!write_stdout(&out)) {
        iss_cli_error("isscheck", "cannot write the list: %s", strerror(errno));
        status = EXIT_USAGE;
    }
    iss_buf_free(&out);
    free(chosen);
    return status;
}

/* ---- explain ---- */

static int cmd_explain(const iss_criteria *c, int argc, char **argv)
{
    static const char *const valued[] = {"--lang", "--criteria", NULL};
    arg_iter it = {.argc = argc, .argv = argv, .cmd = "explain", .valued = valued};
    const char *id = NULL, *lang_opt = NULL;
    int status = -1;
    for (int k; status < 0 && (k = next_arg(&it)) != ARG_END;) {
        if (k == ARG_ERROR)
            status = EXIT_USAGE;
        else if (k == ARG_OPERAND && id)
            status = usage_error("explain", "one rule at a time, not '%s' too", it.val);
        else if (k == ARG_OPERAND)
            id = it.val;
        else if (is_opt(&it, "--lang"))
            lang_opt = it.val;
    }
    iss_lang lang = ISS_LANG_JA;
    if (status < 0)
        status = resolve_lang("explain", lang_opt, &lang);
    if (status >= 0)
        return status;
    if (!id)
        return usage_error("explain", "no rule id given");
    const iss_rule *r = iss_criteria_rule(c, id);
    if (!r) {
        const char **ids = iss_xmalloc((c->nrules + 1) * sizeof *ids);
        for (size_t i = 0; i < c->nrules; i++)
            ids[i] = c->rules[i].id;
        ids[c->nrules] = NULL;
        const char *near = iss_nearest(ids, id);
        for (size_t i = 0; !near && i < c->nrules; i++)
            if (strcasecmp(ids[i], id) == 0)
                near = ids[i];
        if (near)
            status = usage_error("explain", "unknown rule '%s'; did you mean '%s'?", id, near);
        else
            status =
                usage_error("explain", "unknown rule '%s'; 'isscheck list' shows every rule", id);
        free(ids);
        return status;
    }
    iss_buf out = {0};
    iss_explain_rule(&out, c, r, lang);
    status = EXIT_OK;
    if (!write_stdout(&out)) {
        iss_cli_error("isscheck", "cannot write the explanation: %s", strerror(errno));
        status = EXIT_USAGE;
    }
    iss_buf_free(&out);
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
    bool found = guess.len && realpath(guess.s, real) && stat(real, &st) == 0 && S_ISREG(st.st_mode);
    if (found)
        iss_buf_printf(out, "file://%s", real);
    iss_buf_free(&guess);
    return found;
}

static int cmd_init(const iss_criteria *c, int argc, char **argv)
{
    static const char *const valued[] = {"--category", "--lang", "--output", "--criteria", NULL};
    arg_iter it = {.argc = argc, .argv = argv, .cmd = "init", .valued = valued};
    bool *chosen = iss_xmalloc(c->ncategories + 1);
    memset(chosen, 0, c->ncategories + 1);
    const char *lang_opt = NULL, *output = NULL;
    int status = -1;
    for (int k; status < 0 && (k = next_arg(&it)) != ARG_END;) {
        if (k == ARG_ERROR)
            status = EXIT_USAGE;
        else if (k == ARG_OPERAND)
            status = usage_error("init", "unexpected argument '%s'", it.val);
        else if (is_opt(&it, "--category"))
            status = add_categories(c, "init", it.val, chosen);
        else if (is_opt(&it, "--lang"))
            lang_opt = it.val;
        else if (is_opt(&it, "--output") && !*it.val)
            status = usage_error("init", "--output: the file name is empty");
        else if (is_opt(&it, "--output"))
            output = it.val;
    }
    bool any = false, service = false;
    for (size_t k = 0; k < c->ncategories; k++) {
        any |= chosen[k];
        service |= chosen[k] && !c->categories[k].section;
    }
    iss_lang lang = ISS_LANG_JA;
    if (status < 0)
        status = resolve_lang("init", lang_opt, &lang);
    if (status < 0 && !any)
        status = usage_error("init", "--category: name the categories applied for");
    if (status < 0 && !service)
        status = usage_error("init", "--category: a declaration applies for at least one service; "
                                     "name one besides the sections (e.g. va,tr)");
    if (status >= 0) {
        free(chosen);
        return status;
    }
    iss_buf out = {0}, url = {0};
    iss_template_write(&out, c, chosen, lang, schema_url(&url) ? url.s : NULL);
    iss_buf_free(&url);
    /* -o FILE never replaces a file (a special one is written in place);
     * without it, or with -o -, standard output */
    cli_output *o = cli_output_open_new(output);
    if (o)
        fwrite(out.s ? out.s : "", 1, out.len, cli_output_file(o));
    status = o && cli_output_close(o, true) ? EXIT_OK : EXIT_USAGE;
    iss_buf_free(&out);
    free(chosen);
    return status;
}

/* ---- validate ---- */

static int cmd_validate(const iss_criteria *c, int argc, char **argv)
{
    static const char *const valued[] = {"--criteria", NULL};
    arg_iter it = {.argc = argc, .argv = argv, .cmd = "validate", .valued = valued};
    const char **files = iss_xmalloc((size_t)argc * sizeof *files);
    size_t n = 0;
    int status = -1;
    for (int k; status < 0 && (k = next_arg(&it)) != ARG_END;) {
        if (k == ARG_ERROR)
            status = EXIT_USAGE;
        else if (k == ARG_OPERAND)
            files[n++] = it.val;
    }
    if (status < 0 && n == 0)
        status = usage_error("validate", "no declaration file given");
    if (status >= 0) {
        free(files);
        return status;
    }
    status = EXIT_OK;
    for (size_t i = 0; i < n; i++) {
        const char *name = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
        iss_diags d = {0};
        iss_decl *decl = iss_decl_load(files[i], name, c, NULL, &d);
        if (decl && !iss_reference_fits(decl, ISS_NO_DATE, ISS_NO_DATE, &d, name)) {
            iss_decl_free(decl); /* its own reference date is refused, as check does */
            decl = NULL;
        }
        if (decl) {
            iss_buf line = {0};
            iss_text_str(&line, name); /* a file name: one line, escaped */
            iss_buf_puts(&line, ": valid\n");
            fwrite(line.s, 1, line.len, stdout);
            iss_buf_free(&line);
        } else {
            fflush(stdout);
            iss_diags_print(stderr, &d, ui_lang);
            status = EXIT_USAGE;
        }
        iss_decl_free(decl);
        iss_diags_free(&d);
    }
    if (fflush(stdout) != 0) {
        iss_cli_error("isscheck", "cannot write: %s", strerror(errno));
        status = EXIT_USAGE;
    }
    free(files);
    return status;
}

/* ---- the table ---- */

static const iss_cli_command commands[] = {
    {"list", list_usage, cmd_list},
    {"explain", explain_usage, cmd_explain},
    {"init", init_usage, cmd_init},
    {"validate", validate_usage, cmd_validate},
};

const iss_cli_command *iss_cli_authoring(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int iss_cli_prescan(const iss_cli_command *cmd, int argc, char **argv, const char **criteria_dir)
{
    static const char *const valued[] = {"--criteria", "--category", "--format",
                                         "--lang",     "--output",   NULL};
    arg_iter it = {.argc = argc, .argv = argv, .cmd = cmd->name, .valued = valued};
    *criteria_dir = NULL;
    for (int k; (k = next_arg(&it)) != ARG_END;) {
        if (k == ARG_ERROR)
            return EXIT_USAGE;
        if (k != ARG_OPTION)
            continue;
        if (is_opt(&it, "-h") || is_opt(&it, "--help")) {
            fputs(cmd->usage, stdout); /* a write error: main's cli_stdout_finish */
            return EXIT_OK;
        }
        if (is_opt(&it, "--criteria") && it.val && !*it.val)
            return usage_error(cmd->name, "--criteria: the folder name is empty");
        if (is_opt(&it, "--criteria"))
            *criteria_dir = it.val;
    }
    return -1;
}
