/* authoring.c - subcommands for people writing declarations: list the
 * rules, explain one, write a template, validate files.  Everything they
 * print about the standard is generated from the criteria set: rule
 * files, their check kinds and parameters, the catalogue. */
#include "authoring.h"
#include "output.h"

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

/* ---- YAML and prose generated from the rules ---- */

/* A scalar as YAML: plain when YAML would read it back as the same
 * string, else double-quoted. */
static void yaml_scalar(iss_buf *out, const char *s)
{
    static const char *const special[] = {"",     "~",    "null",  "Null",  "NULL",  "true",
                                          "True", "TRUE", "false", "False", "FALSE", "yes",
                                          "no",   "on",   "off",   NULL};
    bool plain = iss_lookup(special, s) < 0 && !strchr("-?:,[]{}#&*!|>'\"%@` ", s[0]) &&
                 !strpbrk(s, ":#,[]{}\"'\\\n\t") && s[strlen(s) - 1] != ' ' &&
                 !(s[0] >= '0' && s[0] <= '9') && s[0] != '.' && s[0] != '+';
    if (plain) {
        iss_buf_puts(out, s);
        return;
    }
    iss_buf_add(out, "\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            iss_buf_printf(out, "\\%c", *p);
        else if (*p == '\n')
            iss_buf_puts(out, "\\n");
        else if (*p == '\t')
            iss_buf_puts(out, "\\t");
        else
            iss_buf_add(out, p, 1);
    }
    iss_buf_add(out, "\"", 1);
}

static const char *const field_names[ISS_FIELD_COUNT] = {"standards", "result_handling",
                                                         "compliance", "education"};
static const iss_entry_type field_entry[ISS_FIELD_COUNT] = {
    ISS_ENTRY_STANDARD, ISS_ENTRY_RESULT_HANDLING, ISS_ENTRY_COMPLIANCE, ISS_ENTRY_EDUCATION};

/* The text in the explanation's language (a macro, so that a format's
 * two literals are both checked). */
#define X(lang, ja, en) ((lang) == ISS_LANG_EN ? (en) : (ja))

static const char *contract_word(iss_lang lang, iss_contract k)
{
    switch (k) {
    case ISS_CONTRACT_SINGLE:
        return X(lang, "単一の契約（single）", "single contract (single)");
    case ISS_CONTRACT_COMPREHENSIVE:
        return X(lang, "包括的な契約（comprehensive）", "comprehensive contract (comprehensive, 包括的な契約)");
    case ISS_CONTRACT_CONTINUING:
        return X(lang, "継続的な契約（continuing）", "continuing contract (continuing, 継続的な契約)");
    default:
        return "none";
    }
}

/* The first catalogue entry of the type on the 例示 list, for examples. */
static const char *example_entry(const iss_criteria *c, iss_entry_type type, const char *reiji)
{
    for (size_t i = 0; i < c->nentries; i++)
        if (c->entries[i].type == type && (!reiji || iss_entry_on_list(&c->entries[i], reiji)))
            return c->entries[i].name;
    return NULL;
}

static void strs_join(iss_buf *out, const iss_strs *l, const char *sep)
{
    for (size_t i = 0; i < l->n; i++)
        iss_buf_printf(out, "%s%s", i ? sep : "", l->v[i].s);
}

/* "category/kind" pairs with the kinds' names, where the criteria know them. */
static void work_list(iss_buf *out, const iss_criteria *c, const iss_strs *work, iss_lang lang)
{
    for (size_t i = 0; i < work->n; i++) {
        const char *w = work->v[i].s, *slash = strchr(w, '/');
        iss_buf_printf(out, "%s%s", i ? ", " : "", w);
        char code[64];
        size_t len = slash ? (size_t)(slash - w) : 0;
        if (!slash || len >= sizeof code)
            continue;
        memcpy(code, w, len);
        code[len] = '\0';
        int ci = iss_criteria_category(c, code);
        for (size_t k = 0; ci >= 0 && k < c->categories[ci].nkinds; k++)
            if (strcmp(c->categories[ci].kinds[k].code, slash + 1) == 0)
                iss_buf_printf(out, X(lang, "（%s）", " (%s)"),
                               lang == ISS_LANG_EN ? c->categories[ci].kinds[k].en
                                                   : c->categories[ci].kinds[k].ja);
        if (ci < 0)
            iss_buf_puts(out, X(lang, "（この区分を定める基準を読み込んだときに数える）",
                                " (counted when the criteria defining this category are loaded)"));
    }
}

/* "(reading: ON)" when the rule carries a reading on the parameter. */
static void reading_ref(iss_buf *out, const iss_rule *r, const char *on, iss_lang lang)
{
    if (iss_rule_reading(r, on) >= 0)
        iss_buf_printf(out, X(lang, "（読み: %s）", " (reading: %s)"), on);
}

/* One catalogue-backed claim's branches, common to three path types. */
static void catalogue_branches(iss_buf *out, iss_lang lang, const char *what)
{
    iss_buf_printf(out,
                   X(lang,
                     "      %sがカタログにない、又は同等のもの（equivalent: true）として申告: 要確認\n"
                     "      カタログの項目に当たるが例示への掲載が未確認（unverified）: 要確認\n"
                     "      カタログの項目に当たるが当該例示に載っていない: 数えない\n"
                     "      別名パターンが PCRE2 の上限に達した: 要確認\n"
                     "      根拠（evidence）の記載がない: 一覧に示し、--require-evidence のときは要確認\n",
                     "      the %s is not in the catalogue, or is claimed as equivalent (equivalent: "
                     "true): review\n"
                     "      it matches a catalogue entry whose listing in the 例示 is unconfirmed "
                     "(unverified): review\n"
                     "      it matches an entry that is not on this 例示 list: not counted\n"
                     "      an alias pattern hits PCRE2's limits: review\n"
                     "      it names no evidence: listed, and review under --require-evidence\n"),
                   what);
}

static void explain_path(iss_buf *out, const iss_criteria *c, const iss_rule *r, const iss_path *p,
                         iss_lang lang)
{
    bool parens = *p->clause && *p->clause != '(';
    iss_buf_printf(out, X(lang, "  - 要件 '%s'%s%s%s: ", "  - path '%s'%s%s%s: "), p->id,
                   *p->clause ? (parens ? " (" : " ") : "", p->clause, parens ? ")" : "");
    char on[128];
    snprintf(on, sizeof on, "%s.reiji", p->id);
    switch (p->type) {
    case ISS_PATH_QUALIFICATION:
        iss_buf_printf(out,
                       X(lang, "例示 %s の資格（persons[].qualifications）",
                         "a qualification (persons[].qualifications) on 例示 %s"),
                       p->reiji);
        reading_ref(out, r, on, lang);
        iss_buf_puts(out, X(lang, "\n      取得日が基準日より後: 数えない\n"
                                  "      有効期限が基準日より前: 数えない（期限切れとして示す）\n"
                                  "      カタログの項目に登録番号の形式があり、番号がない又は合わない: 数えない\n",
                            "\n      acquired after the reference date: not counted\n"
                            "      expired before the reference date: not counted (shown as expired)\n"
                            "      the catalogue entry gives a number format and the number is "
                            "missing or does not match: not counted\n"));
        catalogue_branches(out, lang, X(lang, "資格", "qualification"));
        iss_buf_puts(out, X(lang, "      それ以外で例示に載る確認済みの項目: 満たす\n",
                            "      otherwise, a verified entry on the list: met\n"));
        break;
    case ISS_PATH_COMMUNITY:
        iss_buf_printf(out,
                       X(lang, "例示 %s の専門家コミュニティでの講師又はリーダーの経験（persons[].community_roles）",
                         "a lecturer or leader role (persons[].community_roles) in a community on "
                         "例示 %s"),
                       p->reiji);
        reading_ref(out, r, on, lang);
        if (p->lecturing_subject)
            iss_buf_printf(out,
                           X(lang, "、又は区分 '%s' を対象とする高等教育機関での講師経験（persons[].lecturing）",
                             ", or a higher-education lecturing record (persons[].lecturing) "
                             "with subject '%s'"),
                           p->lecturing_subject);
        iss_buf_puts(out, X(lang, "\n      開始日が基準日より後: 数えない\n",
                            "\n      begun after the reference date: not counted\n"));
        catalogue_branches(out, lang, X(lang, "コミュニティ", "community"));
        if (p->lecturing_subject)
            iss_buf_puts(out, X(lang, "      対象の区分が合う講師経験（基準日以前）: 満たす\n",
                                "      a lecturing record on the subject, begun on or before the "
                                "reference date: met\n"));
        iss_buf_puts(out, X(lang, "      それ以外で例示に載る確認済みの項目: 満たす\n",
                            "      otherwise, a verified entry on the list: met\n"));
        break;
    case ISS_PATH_TRAINING:
        iss_buf_printf(out,
                       X(lang, "例示 %s の研修の修了（persons[].trainings）",
                         "a training (persons[].trainings) on 例示 %s"),
                       p->reiji);
        reading_ref(out, r, on, lang);
        iss_buf_puts(out, X(lang, "\n      修了日が基準日より後: 数えない\n",
                            "\n      completed after the reference date: not counted\n"));
        catalogue_branches(out, lang, X(lang, "研修", "training"));
        iss_buf_puts(out, X(lang, "      それ以外で例示に載る確認済みの項目: 満たす\n",
                            "      otherwise, a verified entry on the list: met\n"));
        break;
    case ISS_PATH_TRACK_RECORD: {
        const char *own = c->categories[r->category].code;
        iss_buf wref = {0};
        snprintf(on, sizeof on, "%s.window_years", p->id);
        reading_ref(&wref, r, on, lang);
        iss_buf_printf(out,
                       X(lang,
                         "基準日までの %ld 年間の区間に %ld 件以上の実績。その者を staff に含む案件と、その者の "
                         "prior_engagements のうち、次の業務（区分/種別）を数える: ",
                         "at least %ld cases in the %ld years up to the reference date, among the "
                         "engagements listing the person as staff and the person's "
                         "prior_engagements, of this work (category/kind): "),
                       lang == ISS_LANG_EN ? p->min_cases : p->window_years,
                       lang == ISS_LANG_EN ? p->window_years : p->min_cases);
        work_list(out, c, &p->work, lang);
        snprintf(on, sizeof on, "%s.work", p->id);
        reading_ref(out, r, on, lang);
        iss_buf_puts(out, "\n");
        iss_buf_printf(out,
                       X(lang,
                         "      期間が区間に重なる案件を数える%s。基準日より後に始まる案件は数えない。終了日のない案件は基準日まで続くものとする\n"
                         "      業務が上記の組に当たらない案件は数えない。種別（kind）の記載がない案件は数えず、一覧に示す\n"
                         "      数えた案件は一覧に示し、区分が '%s' でない案件にはその区分を添える\n",
                         "      an engagement counts when its period overlaps the window%s; one "
                         "that starts after the reference date never counts; an ongoing one runs "
                         "to the reference date\n"
                         "      an engagement whose work is none of the pairs does not count; one "
                         "with no kind stated does not count and is listed\n"
                         "      the counted cases are listed, each with its category when it is "
                         "not '%s'\n"),
                       wref.s ? wref.s : "", own);
        iss_buf_free(&wref);
        if (p->per_year_contract != ISS_CONTRACT_NONE) {
            iss_buf_printf(out,
                           X(lang,
                             "      %sは区間との重なりのうち満12か月ごとに1件、重なりがあれば少なくとも1件。その他の契約は1件",
                             "      a %s counts one case per whole 12-month span of its overlap "
                             "with the window, at least one; any other contract counts one"),
                           contract_word(lang, p->per_year_contract));
            snprintf(on, sizeof on, "%s.per_year_contract", p->id);
            reading_ref(out, r, on, lang);
            iss_buf_puts(out, "\n");
        } else {
            iss_buf_puts(out, X(lang, "      どの契約も1件と数える\n",
                                "      every contract counts one case\n"));
        }
        if (p->min_years) {
            iss_buf_printf(out,
                           X(lang,
                             "      かつ、数えた案件の区間内の期間の合計（並行する案件もそれぞれ）が運用年数のべ %ld 年以上",
                             "      and the counted engagements' durations inside the window, "
                             "concurrent ones each counted, reach %ld operating years (のべ)"),
                           p->min_years);
            snprintf(on, sizeof on, "%s.min_years", p->id);
            reading_ref(out, r, on, lang);
            iss_buf_puts(out, X(lang,
                                "\n      件数は満たすが区間内の年数が足りず、区間より前の案件を含めると年数に達する（通算の読み）: 要確認（両方の数字を示す）\n",
                                "\n      the cases suffice but the years inside the window do "
                                "not, while counting the engagements before the window would "
                                "reach them (the career reading): review, with both figures\n"));
        }
        if (p->work_review.n) {
            iss_buf_puts(out, X(lang, "      次の業務は審査員の確認を条件として数える: ",
                                "      this work counts only subject to review: "));
            work_list(out, c, &p->work_review, lang);
            snprintf(on, sizeof on, "%s.work_review", p->id);
            reading_ref(out, r, on, lang);
            iss_buf_puts(out, X(lang, "\n      それを数えて初めて満たす: 要確認\n",
                                "\n      met only by counting it: review\n"));
        }
        iss_buf_puts(out, X(lang, "      それ以外で件数（と年数）を満たす: 満たす\n",
                            "      otherwise, enough cases (and years): met\n"));
        break;
    }
    }
}

static const char *reviewer_words(iss_reviewer r, iss_lang lang)
{
    switch (r) {
    case ISS_REVIEWER_INDEPENDENT:
        return X(lang, "当該案件の従事者（staff）以外の者が行う", "by a person not on the case's staff");
    case ISS_REVIEWER_ANY:
        return X(lang, "誰が行ってもよい", "by anyone");
    default:
        return X(lang, "当該案件の従事者、又は次の規則を満たす者が行う:",
                 "by a person on the case's staff or one meeting a path of");
    }
}

static const char *strs_value(iss_buf *tmp, const iss_strs *l)
{
    if (!l->n)
        return NULL;
    iss_buf_puts(tmp, "[");
    strs_join(tmp, l, ", ");
    iss_buf_puts(tmp, "]");
    return tmp->s;
}

/* The value the rule gives a check parameter, as written, or NULL when it
 * gives none. */
static const char *check_value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    static const char *const trust[] = {"capital",  "employees",      "coverage", "certifications",
                                        "storage",  "subcontracting", "tools",    "security"};
    if (strcmp(key, "group") == 0)
        return r->group;
    if (strcmp(key, "disclose_counts") == 0)
        return r->disclose_counts ? "true" : "false";
    if (strcmp(key, "paths") == 0) {
        for (size_t i = 0; i < r->npaths; i++)
            iss_buf_printf(tmp, "%s%s", i ? ", " : "[", r->paths[i].id);
        iss_buf_puts(tmp, "]");
        return tmp->s;
    }
    if (strcmp(key, "rules") == 0 && r->dual[0]) {
        iss_buf_printf(tmp, "[%s, %s]", r->dual[0]->id, r->dual[1]->id);
        return tmp->s;
    }
    if (strcmp(key, "requirements") == 0 || strcmp(key, "sections") == 0 ||
        strcmp(key, "alternatives") == 0) {
        size_t n = key[0] == 'r' ? r->nreqs : key[0] == 's' ? r->nsections : r->nalts;
        iss_buf_printf(tmp, "(%zu)", n);
        return tmp->s;
    }
    if (strcmp(key, "field") == 0)
        return r->field;
    if (strcmp(key, "source") == 0)
        return r->source == ISS_SECTIONS_REPORT_TEMPLATE ? "report_template" : "manual";
    if (strcmp(key, "when_missing") == 0)
        return r->missing_review ? "review" : "fail";
    if (strcmp(key, "window_years") == 0) {
        iss_buf_printf(tmp, "%ld", r->window_years);
        return tmp->s;
    }
    if (strcmp(key, "qualified_rule") == 0)
        return r->qualified_rule ? r->qualified_rule->id : NULL;
    if (strcmp(key, "statements") == 0)
        return strs_value(tmp, &r->statements);
    if (strcmp(key, "when_present") == 0)
        return r->when_present_pass ? "pass" : "review";
    if (strcmp(key, "requires") == 0)
        return strs_value(tmp, &r->requires);
    if (strcmp(key, "accept_registration") == 0)
        return r->accept_registration ? "true" : NULL;
    if (strcmp(key, "item") == 0)
        return trust[r->trust_item];
    if (strcmp(key, "threshold_percent") == 0 && r->trust_item == ISS_TRUST_CAPITAL) {
        iss_buf_printf(tmp, "%ld", r->threshold / 100);
        return tmp->s;
    }
    return NULL;
}

static const char *path_value(const iss_path *p, const char *key, iss_buf *tmp)
{
    static const char *const contracts[] = {"single", "comprehensive", "continuing", "none"};
    if (strcmp(key, "reiji") == 0)
        return p->reiji;
    if (strcmp(key, "lecturing_subject") == 0)
        return p->lecturing_subject;
    if (strcmp(key, "work") == 0)
        return strs_value(tmp, &p->work);
    if (strcmp(key, "work_review") == 0)
        return strs_value(tmp, &p->work_review);
    if (strcmp(key, "per_year_contract") == 0)
        return p->per_year_contract == ISS_CONTRACT_NONE ? NULL : contracts[p->per_year_contract];
    long v = strcmp(key, "window_years") == 0 ? p->window_years
             : strcmp(key, "min_cases") == 0  ? p->min_cases
             : strcmp(key, "min_years") == 0  ? p->min_years
                                              : 0;
    if (strcmp(key, "years_reading") == 0 && p->min_years)
        return "window";
    if (!v)
        return NULL;
    iss_buf_printf(tmp, "%ld", v);
    return tmp->s;
}

/* Every parameter the rule's check gives, with its value and what it
 * means (params.c: the table the loader accepts parameters from). */
static void explain_params(iss_buf *out, const iss_rule *r, iss_lang lang)
{
    const char *kind = iss_check_name(r->kind);
    const char *const *keys = iss_check_params(r->kind);
    iss_buf_printf(out, X(lang, "パラメータ（検査 '%s'）:\n", "Parameters (check '%s'):\n"), kind);
    bool any = false;
    for (size_t i = 0; keys[i]; i++) {
        iss_buf tmp = {0};
        const char *v = check_value(r, keys[i], &tmp);
        const char *doc = iss_param_doc(kind, keys[i], lang);
        if (v) {
            iss_buf_printf(out, "  %s: %s — %s\n", keys[i], v, doc ? doc : "?");
            any = true;
        }
        iss_buf_free(&tmp);
    }
    for (size_t k = 0; k < r->npaths; k++) {
        const iss_path *p = &r->paths[k];
        char scope[64];
        snprintf(scope, sizeof scope, "path:%s", iss_path_type_name(p->type));
        iss_buf_printf(out, "  paths[%s].type: %s\n", p->id, iss_path_type_name(p->type));
        const char *const *pk = iss_path_params(p->type);
        for (size_t i = 0; pk[i]; i++) {
            iss_buf tmp = {0};
            const char *v = path_value(p, pk[i], &tmp);
            const char *doc = iss_param_doc(scope, pk[i], lang);
            if (v)
                iss_buf_printf(out, "  paths[%s].%s: %s — %s\n", p->id, pk[i], v, doc ? doc : "?");
            iss_buf_free(&tmp);
        }
    }
    if (!any && !r->npaths)
        iss_buf_puts(out, X(lang, "  なし\n", "  none\n"));
}

/* How the rule is evaluated: every branch the evaluator takes, from the
 * check kind and the rule's parameters. */
static void explain_evaluation(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    iss_buf_printf(out, X(lang, "評価の方法（検査 '%s'）:\n", "How it is evaluated (check '%s'):\n"),
                   iss_check_name(r->kind));
    if (r->when_subtypes.n) {
        iss_buf_puts(out, X(lang, "  申請区分 ", "  Applies only when one of the sub-types "));
        strs_join(out, &r->when_subtypes, ", ");
        iss_buf_puts(out, X(lang, " のいずれかを申請するときに適用し、それ以外は対象外（n/a）。\n",
                            " is applied for; otherwise n/a.\n"));
    }
    switch (r->kind) {
    case ISS_CHECK_QUALIFIED_LEADS:
        iss_buf_printf(out,
                       X(lang,
                         "  services[].%s.persons に挙げた者（区分 '%s'）を一人ずつ、次の要件について調べる:\n",
                         "  Each person listed under services[].%s.persons (category '%s') is "
                         "checked against these paths:\n"),
                       r->group, cat);
        for (size_t i = 0; i < r->npaths; i++)
            explain_path(out, c, r, &r->paths[i], lang);
        iss_buf_printf(out,
                       X(lang,
                         "  services[].%s がない又は persons が空: 不適合\n"
                         "  いずれの要件も満たさない者は、その旨を要件の一覧とともに示す（実績の要件がない規則では、その者の当該区分の案件を数えないことも示す）\n"
                         "  少なくとも1名が要件を確実に満たす: 適合。最善でも要確認の要件による: 要確認。誰も満たさない: 不適合\n",
                         "  services[].%s missing, or no persons: fail\n"
                         "  a person meeting no path is listed with the paths (where the rule has "
                         "no track-record path, also that the person's cases of the category do "
                         "not count)\n"
                         "  at least one person meets a path firmly: pass; the best rests on "
                         "review: review; nobody meets one: fail\n"),
                       r->group);
        if (r->disclose_counts) {
            iss_buf_printf(out,
                           X(lang, "  要件ごとの人数を services[].%s.counts に書く（",
                             "  The number of persons meeting each path must be stated under "
                             "services[].%s.counts ("),
                           r->group);
            for (size_t i = 0; i < r->npaths; i++)
                iss_buf_printf(out, "%s%s", i ? ", " : "", r->paths[i].id);
            iss_buf_puts(out, X(lang, "）。要確認の要件を満たす者も数える。ない・欠ける・未知の要件・算出値と違う: 不適合（算出値を示す）\n",
                                "), counting persons who meet a path on review too; missing, "
                                "incomplete, naming an unknown path or differing from the "
                                "computed ones: fail, and the report prints the computed ones\n"));
        } else {
            iss_buf_printf(out, X(lang, "  services[].%s.counts は読まない。\n",
                                  "  services[].%s.counts is not read.\n"),
                           r->group);
        }
        break;
    case ISS_CHECK_DUAL_ROLE:
        iss_buf_printf(out,
                       X(lang,
                         "  services[].%s と services[].%s の両方に挙げられ、%s と %s の両方の要件を満たす者（要確認を含む）を算出する。\n"
                         "  算出した者が services[].dual_roles.persons にない: 不適合\n"
                         "  dual_roles.persons に両方を満たさない者がいる: 不適合\n"
                         "  dual_roles.count がない又は算出した人数と違う: 不適合\n"
                         "  それ以外: 適合\n",
                         "  The persons in both services[].%s and services[].%s who meet a path "
                         "of both %s and %s (on review too) are computed.\n"
                         "  one of them not under services[].dual_roles.persons: fail\n"
                         "  a person under dual_roles.persons not meeting both: fail\n"
                         "  dual_roles.count missing, or not their number: fail\n"
                         "  otherwise: pass\n"),
                       r->dual[0]->group, r->dual[1]->group, r->dual[0]->id, r->dual[1]->id);
        break;
    case ISS_CHECK_REIJI_ITEMS:
        iss_buf_puts(out, X(lang, "  要求ごとに、その欄の項目（名前、又は {name, evidence, equivalent}）から最もよいものを選ぶ:\n",
                            "  For each requirement the best item of its field (a name, or {name, "
                            "evidence, equivalent}) is chosen:\n"));
        for (size_t i = 0; i < r->nreqs; i++) {
            const iss_requirement *q = &r->reqs[i];
            iss_buf_printf(out, "  - services[].%s: ", field_names[q->field]);
            if (q->reiji)
                iss_buf_printf(out, X(lang, "例示 %s の項目", "an item on 例示 %s"), q->reiji);
            else
                iss_buf_puts(out, X(lang, "任意の項目", "any item"));
            if (q->distinct)
                iss_buf_puts(out, X(lang, "（他の要求を満たした項目とは別のもの）",
                                    ", different from the items meeting the other requirements"));
            if (q->when_subtypes.n) {
                iss_buf_puts(out, X(lang, "（申請区分 ", " (only with sub-type "));
                strs_join(out, &q->when_subtypes, X(lang, " 又は ", " or "));
                iss_buf_puts(out, X(lang, " のときだけ）", ")"));
            }
            iss_buf_puts(out, "\n");
        }
        catalogue_branches(out, lang, X(lang, "項目", "item"));
        iss_buf_puts(out, X(lang, "      例示に載る確認済みの項目: 満たす\n"
                                  "  各項目は一度だけ示す（満たした要求について、又はどの要求も満たさなければその欄の最初の要求について）\n"
                                  "  満たす項目のない要求がある: 不適合。すべて満たし、一つでも要確認: 要確認。それ以外: 適合\n",
                            "      a verified entry on the list: met\n"
                            "  Each item is described once (for the requirement it meets, or "
                            "for the first requirement of its field when it meets none).\n"
                            "  a requirement no item meets: fail; all met, one on review: review; "
                            "otherwise: pass\n"));
        break;
    case ISS_CHECK_PERSON_ASSIGNED:
        iss_buf_printf(out,
                       X(lang, "  services[].%s に persons で申告した者を書く: 適合。ない: 不適合\n",
                         "  services[].%s names a person declared under persons: pass; "
                         "missing: fail\n"),
                       r->field);
        break;
    case ISS_CHECK_MANUAL_SECTIONS: {
        const char *where = r->source == ISS_SECTIONS_REPORT_TEMPLATE ? "report_template" : "manual";
        iss_buf_printf(out, X(lang, "  services[].%s.sections に次のすべてを含む:\n",
                              "  services[].%s.sections must include every one of:\n"),
                       where);
        for (size_t i = 0; i < r->nsections; i++)
            iss_buf_printf(out, "  - %s: %s%s%s\n", r->sections[i].id,
                           lang == ISS_LANG_EN ? r->sections[i].en : r->sections[i].ja,
                           r->sections[i].clause && *r->sections[i].clause ? " " : "",
                           r->sections[i].clause ? r->sections[i].clause : "");
        const char *miss = r->missing_review ? X(lang, "要確認", "review") : X(lang, "不適合", "fail");
        iss_buf_printf(out,
                       X(lang, "  services[].%s がない: %s。節が欠ける: %s。すべてある: 適合（根拠の記載がなく --require-evidence のときは要確認）\n",
                         "  services[].%s missing: %s; a section missing: %s; all there: pass "
                         "(review when it names no evidence under --require-evidence)\n"),
                       where, miss, miss);
        break;
    }
    case ISS_CHECK_CASE_REVIEW:
        iss_buf_printf(out,
                       X(lang,
                         "  区分 '%s' の自社の案件のうち、基準日までの %ld 年間の区間に終了したものを確認する",
                         "  Every own engagement of category '%s' that ended within the %ld years "
                         "up to the reference date is checked"),
                       cat, r->window_years);
        reading_ref(out, r, "window_years", lang);
        iss_buf_puts(out, X(lang, "。区間より前に終了した案件は数えず、継続中（終了日なし又は基準日より後）の案件は除いて一覧に示す。各案件の engagements[].reviews に次のいずれかが要る:\n",
                            "; cases that ended before the window are not checked, and ongoing "
                            "ones (no end, or ending after the reference date) are left out and "
                            "listed. Each needs, under engagements[].reviews, one of:\n"));
        for (size_t i = 0; i < r->nalts; i++) {
            iss_buf_puts(out, "  - ");
            strs_join(out, &r->alts[i].documents, X(lang, " 及び ", " and "));
            iss_buf_printf(out, X(lang, "（%s", " reviewed %s"), reviewer_words(r->alts[i].reviewer, lang));
            if (r->alts[i].reviewer == ISS_REVIEWER_STAFF_OR_QUALIFIED)
                iss_buf_printf(out, " %s", r->qualified_rule ? r->qualified_rule->id : "?");
            iss_buf_puts(out, X(lang, "）\n", "\n"));
        }
        iss_buf_puts(out, X(lang,
                            "  文書のレビューの記録がない、又はレビュー者が条件を満たさない: その案件は満たさない\n"
                            "  レビュー者が規則を満たすかが要確認の項目による: その案件は要確認\n"
                            "  満たさない案件がある: 不適合。要確認の案件がある: 要確認。すべて満たす: 適合\n"
                            "  確認する案件がない: 要確認（手続の実施は審査員が確認する）\n",
                            "  no review of a document, or a reviewer not meeting the condition: "
                            "the case fails\n"
                            "  whether a reviewer meets the rule rests on items to review: the "
                            "case is review\n"
                            "  a case fails: fail; a case is review: review; all met: pass\n"
                            "  no case to check: review (an examiner checks the procedure itself)\n"));
        break;
    case ISS_CHECK_INFO_PROTECTION:
        iss_buf_printf(out,
                       X(lang,
                         "  customer_info_protection がない: 不適合\n"
                         "  procedure（手続の文書）がない: 不適合。in_operation: true でない: 不適合\n"
                         "  audits の監査のうち、基準日より後のもの、及び区分 '%s' の自社の案件のいずれかの担当者が監査人であるものは数えない",
                         "  customer_info_protection missing: fail\n"
                         "  no procedure named: fail; not in_operation: true: fail\n"
                         "  an audit dated after the reference date, or by a person on the staff "
                         "of any own engagement of category '%s', does not count"),
                       cat);
        reading_ref(out, r, "check", lang);
        iss_buf_puts(out, X(lang, "\n  数える監査がない: 不適合（数えなかった監査とその理由を先に示す）。それ以外: 適合\n",
                            "\n  no audit counts: fail (the audits that did not count, and why, "
                            "come first); otherwise: pass\n"));
        break;
    case ISS_CHECK_STATEMENT:
        iss_buf_puts(out, X(lang, "  services[].statements に次を書く: ",
                            "  services[].statements must give "));
        strs_join(out, &r->statements, ", ");
        iss_buf_printf(out, X(lang, "。すべてある: %s。一つでもない: 不適合\n",
                              "; all given: %s; one missing: fail\n"),
                       r->when_present_pass ? X(lang, "適合", "pass")
                                            : X(lang, "要確認（内容は審査員が判断する）",
                                                "review (an examiner judges the substance)"));
        break;
    case ISS_CHECK_PREREQUISITE:
        iss_buf_puts(out, X(lang, "  次の区分をそれぞれ同じ申告書で申請していること: ",
                            "  Each of these categories must be applied for in the same "
                            "declaration: "));
        strs_join(out, &r->requires, ", ");
        if (r->accept_registration) {
            iss_buf_puts(out, X(lang, "。又は registrations に登録番号とともに申告した登録が基準日に有効であること",
                                "; or declared under registrations with its number and not "
                                "expired on the reference date"));
            reading_ref(out, r, "accept_registration", lang);
            iss_buf_puts(out, X(lang, "。登録が期限切れ: 不適合", "; a registration that expired: fail"));
        }
        iss_buf_puts(out, X(lang, "。それ以外: 不適合。区分が読み込んだ基準にない: 不適合\n",
                            "; otherwise: fail; a category not in the loaded criteria: fail\n"));
        break;
    case ISS_CHECK_TRUST:
        iss_buf_puts(out, X(lang, "  申告書に 'trust' の節があるときに適用する（なければ対象外）。書かれていない項目と、本ツールの読みが挙げる不整合は不適合。それ以外は要確認（内容は審査員が判断する）",
                            "  Applies when the declaration has a 'trust' section (else n/a). "
                            "Items left out, and the inconsistencies this tool's reading names, "
                            "fail; the rest is review: an examiner judges the substance"));
        reading_ref(out, r, "check", lang);
        iss_buf_puts(out, X(lang, "。\n", ".\n"));
        break;
    }
    if (r->set->draft)
        iss_buf_puts(out, X(lang, "  この規則は案の基準に属する: 満たすと判断したものも適合ではなく要確認になる。\n",
                            "  The rule belongs to a draft set: what it finds met ends in review, "
                            "never pass.\n"));
}

static void snippet_lines(iss_buf *out, const char *text)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        iss_buf_puts(out, "    ");
        iss_buf_add(out, p, n);
        iss_buf_puts(out, "\n");
        p += n + (nl ? 1 : 0);
    }
}

/* A short declaration fragment that satisfies the rule. */
static void explain_snippet(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    iss_buf y = {0};
    switch (r->kind) {
    case ISS_CHECK_QUALIFIED_LEADS: {
        const iss_path *p = r->npaths ? &r->paths[0] : NULL;
        iss_buf_puts(&y, "persons:\n  - id: P001\n");
        if (p && p->type == ISS_PATH_QUALIFICATION) {
            const char *name = example_entry(c, ISS_ENTRY_QUALIFICATION, p->reiji);
            iss_buf_puts(&y, "    qualifications:\n      - {name: ");
            yaml_scalar(&y, name ? name : X(lang, "(資格)", "(qualification)"));
            iss_buf_puts(&y, ", acquired: 2024-04-01}\n");
        } else if (p && p->type == ISS_PATH_COMMUNITY) {
            const char *name = example_entry(c, ISS_ENTRY_COMMUNITY, p->reiji);
            iss_buf_puts(&y, "    community_roles:\n      - {community: ");
            yaml_scalar(&y, name ? name : X(lang, "(コミュニティ)", "(community)"));
            iss_buf_puts(&y, ", role: lecturer, from: 2024-04-01}\n");
        } else if (p && p->type == ISS_PATH_TRAINING) {
            const char *name = example_entry(c, ISS_ENTRY_TRAINING, p->reiji);
            iss_buf_puts(&y, "    trainings:\n      - {name: ");
            yaml_scalar(&y, name ? name : X(lang, "(研修)", "(training)"));
            iss_buf_puts(&y, ", completed: 2024-04-01}\n");
        } else if (p) {
            const char *w = p->work.n ? p->work.v[0].s : "";
            const char *slash = strchr(w, '/');
            iss_buf_printf(&y, "engagements:   # %s\n",
                           X(lang, "必要な件数まで続ける", "and more, up to the cases needed"));
            iss_buf_printf(&y,
                           "  - {id: E001, category: %.*s, kind: %s, start: 2025-04-01, "
                           "end: 2025-04-30, contract: single, staff: [P001]}\n",
                           slash ? (int)(slash - w) : (int)strlen(cat), slash ? w : cat,
                           slash ? slash + 1 : "(kind)");
        }
        iss_buf_printf(&y, "services:\n  - category: %s\n    %s:\n      persons: [P001]\n", cat,
                       r->group);
        if (r->disclose_counts) {
            iss_buf_puts(&y, "      counts: {");
            for (size_t i = 0; r->paths && i < r->npaths; i++)
                iss_buf_printf(&y, "%s%s: %d", i ? ", " : "", r->paths[i].id, i == 0);
            iss_buf_puts(&y, "}\n");
        }
        break;
    }
    case ISS_CHECK_DUAL_ROLE:
        iss_buf_printf(&y,
                       "services:\n  - category: %s\n    %s: {persons: [P001]}\n"
                       "    %s: {persons: [P001]}\n    dual_roles: {persons: [P001], count: 1}\n",
                       cat, r->dual[0]->group, r->dual[1]->group);
        break;
    case ISS_CHECK_REIJI_ITEMS:
        iss_buf_printf(&y, "services:\n  - category: %s\n", cat);
        for (int f = 0; f < ISS_FIELD_COUNT; f++) {
            bool first = true;
            for (size_t i = 0; i < r->nreqs; i++) {
                const iss_requirement *q = &r->reqs[i];
                if ((int)q->field != f)
                    continue;
                const char *name = example_entry(c, field_entry[f], q->reiji);
                if (first)
                    iss_buf_printf(&y, "    %s:\n", field_names[f]);
                first = false;
                iss_buf_puts(&y, "      - {name: ");
                yaml_scalar(&y, name ? name : X(lang, "(項目)", "(item)"));
                iss_buf_printf(&y, ", evidence: %s}", X(lang, "(文書)", "(document)"));
                if (q->reiji)
                    iss_buf_printf(&y, "   # 例示 %s", q->reiji);
                iss_buf_puts(&y, "\n");
            }
        }
        break;
    case ISS_CHECK_PERSON_ASSIGNED:
        iss_buf_printf(&y, "persons:\n  - id: P001\nservices:\n  - category: %s\n    %s: P001\n",
                       cat, r->field);
        break;
    case ISS_CHECK_MANUAL_SECTIONS: {
        const char *where = r->source == ISS_SECTIONS_REPORT_TEMPLATE ? "report_template" : "manual";
        iss_buf_printf(&y, "services:\n  - category: %s\n    %s:\n      sections: [", cat, where);
        for (size_t i = 0; i < r->nsections; i++)
            iss_buf_printf(&y, "%s%s", i ? ", " : "", r->sections[i].id);
        iss_buf_printf(&y, "]\n      evidence: %s\n",
                       X(lang, "(文書と版)", "(document, version)"));
        break;
    }
    case ISS_CHECK_CASE_REVIEW: {
        const iss_alternative *a = r->nalts ? &r->alts[0] : NULL;
        iss_buf_printf(&y,
                       "engagements:\n  - id: E001\n    category: %s\n    start: 2025-04-01\n"
                       "    end: 2025-04-30\n    contract: single\n    staff: [P001]\n"
                       "    reviews:\n",
                       cat);
        for (size_t i = 0; a && i < a->documents.n; i++)
            iss_buf_printf(&y, "      - {document: %s, by: %s}\n", a->documents.v[i].s,
                           a->reviewer == ISS_REVIEWER_INDEPENDENT ? "P002" : "P001");
        break;
    }
    case ISS_CHECK_INFO_PROTECTION:
        iss_buf_printf(&y,
                       "customer_info_protection:\n  procedure: %s\n  in_operation: true\n"
                       "  audits:\n    - {date: 2025-12-01, type: internal, auditor: P009}"
                       "   # %s\n",
                       X(lang, "(文書)", "(document)"),
                       X(lang, "どの案件の担当者でもない者", "on no case's staff"));
        break;
    case ISS_CHECK_STATEMENT:
        iss_buf_printf(&y, "services:\n  - category: %s\n    statements:\n", cat);
        for (size_t i = 0; i < r->statements.n; i++)
            iss_buf_printf(&y, "      %s: %s\n", r->statements.v[i].s, X(lang, "(本文)", "(text)"));
        break;
    case ISS_CHECK_PREREQUISITE:
        iss_buf_printf(&y, "services:\n  - category: %s\n", r->requires.n ? r->requires.v[0].s : cat);
        iss_buf_printf(&y, "  - category: %s\n", cat);
        if (r->accept_registration)
            iss_buf_printf(&y, "# %s\nregistrations:\n  - {category: %s, number: \"%s\", expires: 2027-03-31}\n",
                           X(lang, "又は、登録済みのとき:", "or, when already registered:"),
                           r->requires.n ? r->requires.v[0].s : cat,
                           X(lang, "(登録番号)", "(registration number)"));
        break;
    case ISS_CHECK_TRUST: {
        static const char *const snippets[] = {
            "trust:\n  capital:\n    shareholders:\n      - {name: (parent), country: JP, share: 60, parent: true}\n",
            "trust:\n  employees:\n    confidentiality: {document: (rule), evidence: (ref)}\n"
            "    training: {document: (rule)}\n    leaving: {document: (rule)}\n",
            "trust:\n  employees:\n    covers: [P001, P002]\n",
            "trust:\n  information:\n    certifications:\n"
            "      - {name: ISO/IEC 27001, number: (number), expires: 2027-03-31}\n",
            "trust:\n  information:\n    storage:\n      - {data: (kind of data), location: (where), country: JP}\n",
            "trust:\n  subcontractors:\n      - {name: (name), country: JP, services: [va], "
            "customer_data: true, confidentiality: true}\n",
            "trust:\n  tools:\n    - {name: (tool), vendor: (vendor), country: JP, ai: true, "
            "customer_data_leaves: false}\n",
            "trust:\n  security:\n    - {measure: (measure), evidence: (ref)}\n",
        };
        iss_buf_puts(&y, snippets[r->trust_item]);
        break;
    }
    }
    iss_buf_puts(out, X(lang, "申告書でこれを満たす例（isscheck-declaration(5) を参照）:\n",
                        "What satisfies it, in a declaration (see isscheck-declaration(5)):\n"));
    snippet_lines(out, y.s ? y.s : "");
    iss_buf_free(&y);
}

static void indented(iss_buf *out, const char *text)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        iss_buf_puts(out, "  ");
        iss_buf_add(out, p, n);
        iss_buf_puts(out, "\n");
        p += n + (nl ? 1 : 0);
    }
}

/* The readings the rule applies, each with the parameter it is on and
 * where it comes from. */
static void explain_readings(iss_buf *out, const iss_rule *r, iss_lang lang)
{
    if (!r->reading_on.n)
        return;
    iss_buf_puts(out, X(lang, "\n読み（本ツールによる解釈であり、文書の本文ではない）:\n",
                        "\nReadings (this tool's, not the document's text):\n"));
    for (size_t i = 0; i < r->reading_on.n; i++)
        iss_buf_printf(out, X(lang, "  - %s（出典: %s）:\n    %s\n", "  - %s (source: %s):\n    %s\n"),
                       r->reading_on.v[i].s, r->reading_source.v[i].s,
                       lang == ISS_LANG_EN ? r->reading_en.v[i].s : r->reading_ja.v[i].s);
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
    const iss_category *cat = &c->categories[r->category];
    const iss_criteria *set = r->set;
    char date[11];
    iss_date_format(set->date, date);
    iss_buf out = {0};
    iss_buf_printf(&out, "%s  %s\n\n", r->id, lang == ISS_LANG_EN ? r->title_en : r->title_ja);
    iss_buf_printf(&out, X(lang, "出典: %s %s（%s）%s\n", "Citation: %s %s (%s) %s\n"), set->title,
                   set->edition, date, r->clause);
    iss_buf_printf(&out, X(lang, "区分: %s（%s）%s\n", "Category: %s (%s, %s)\n"), cat->code,
                   lang == ISS_LANG_EN ? cat->name_en : cat->name_ja, cat->clause);
    iss_buf_printf(&out, X(lang, "基準: %s、%s\n\n", "Criteria: %s, %s\n\n"), set->dir,
                   set->draft ? X(lang, "案", "draft") : X(lang, "施行中", "in force"));
    if (r->label)
        iss_buf_printf(&out,
                       X(lang, "見出し（本プロジェクトが組み立てたもので、文書の本文ではない）: %s\n\n",
                         "Heading (composed by this project, not the document's text): %s\n\n"),
                       r->label);
    if (r->text) {
        iss_buf_puts(&out, X(lang, "本文（逐語）:\n", "Text (本文, verbatim):\n"));
        indented(&out, r->text);
    } else {
        iss_buf_puts(&out, X(lang, "本文: 入手できない（案）。出典と内容の報告（英語）:\n",
                             "Text: not available (draft):\n"));
        indented(&out, r->text_unavailable);
    }
    if (r->related_text) {
        iss_buf_printf(&out, X(lang, "\n関連する本文（逐語、%s）:\n", "\nRelated text (verbatim, %s):\n"),
                       r->related_clause);
        indented(&out, r->related_text);
    }
    explain_readings(&out, r, lang);
    if (lang == ISS_LANG_EN) { /* the summary is written in English only */
        iss_buf_puts(&out, "\nSummary:\n");
        indented(&out, r->summary);
    }
    iss_buf_puts(&out, "\n");
    explain_evaluation(&out, c, r, lang);
    iss_buf_puts(&out, "\n");
    explain_params(&out, r, lang);
    iss_buf_puts(&out, "\n");
    explain_snippet(&out, c, r, lang);
    status = EXIT_OK;
    if (!write_stdout(&out)) {
        iss_cli_error("isscheck", "cannot write the explanation: %s", strerror(errno));
        status = EXIT_USAGE;
    }
    iss_buf_free(&out);
    return status;
}

/* ---- init ---- */

typedef struct {
    const iss_criteria *c;
    const bool *chosen;
    iss_lang lang;
    iss_buf *out;
} tmpl;

/* A comment in the template's language. */
static const char *T(const tmpl *t, const char *ja, const char *en)
{
    return t->lang == ISS_LANG_EN ? en : ja;
}

/* "例示 1-2 (VA-T-a), 例示 1-4 (MON-T-a)": the lists of one path type
 * over the chosen categories' rules. */
static void path_lists(const tmpl *t, iss_path_type type, iss_buf *b)
{
    for (size_t i = 0; i < t->c->nrules; i++) {
        const iss_rule *r = &t->c->rules[i];
        if (!t->chosen[r->category] || r->kind != ISS_CHECK_QUALIFIED_LEADS)
            continue;
        for (size_t k = 0; k < r->npaths; k++)
            if (r->paths[k].type == type && r->paths[k].reiji)
                iss_buf_printf(b, "%s例示 %s (%s)", b->len ? ", " : "", r->paths[k].reiji, r->id);
    }
}

static void person_key(const tmpl *t, const char *key, const char *ja, const char *en,
                       iss_path_type type, bool lists)
{
    iss_buf b = {0};
    if (lists)
        path_lists(t, type, &b);
    iss_buf_printf(t->out, "    %s: []", key);
    pad(t->out, "", 18 - strlen(key));
    iss_buf_printf(t->out, "# %s%s%s\n", T(t, ja, en), b.len ? "; " : "", b.len ? b.s : "");
    iss_buf_free(&b);
}

static void template_persons(const tmpl *t)
{
    iss_buf *o = t->out;
    iss_buf_printf(o, "\n# %s\n",
                   T(t, "申告書が名指す者すべて。id で参照する（P001 のような仮名でよい）。",
                     "Everyone the declaration names, referred to by id (a pseudonym such as "
                     "P001 is enough)."));
    iss_buf_puts(o, "persons:\n  - id: P001\n");
    person_key(t, "qualifications", "資格 {name, number, acquired, expires, equivalent, evidence}",
               "qualifications {name, number, acquired, expires, equivalent, evidence}",
               ISS_PATH_QUALIFICATION, true);
    person_key(t, "community_roles",
               "専門家コミュニティの講師・リーダー {community, role: lecturer|leader, from, to}",
               "community lecturer or leader {community, role: lecturer|leader, from, to}",
               ISS_PATH_COMMUNITY, true);
    iss_buf subjects = {0};
    for (size_t i = 0; i < t->c->nrules; i++) {
        const iss_rule *r = &t->c->rules[i];
        for (size_t k = 0;
             t->chosen[r->category] && r->kind == ISS_CHECK_QUALIFIED_LEADS && k < r->npaths; k++)
            if (r->paths[k].lecturing_subject &&
                !strstr(subjects.s ? subjects.s : "", r->paths[k].lecturing_subject))
                iss_buf_printf(&subjects, "%s%s", subjects.len ? ", " : "",
                               r->paths[k].lecturing_subject);
    }
    iss_buf_puts(o, "    lecturing: []");
    pad(o, "", 18 - strlen("lecturing"));
    iss_buf_printf(o, "# %s%s%s\n",
                   T(t, "高等教育機関の講師経験 {institution, subject, from, to}",
                     "higher-education lecturing {institution, subject, from, to}"),
                   subjects.len ? "; subject: " : "", subjects.len ? subjects.s : "");
    iss_buf_free(&subjects);
    person_key(t, "trainings", "修了した研修 {name, completed, evidence}",
               "trainings completed {name, completed, evidence}", ISS_PATH_TRAINING, true);
    person_key(t, "prior_engagements",
               "前職での本人の実績 {id, category, kind, start, end, contract, employer}",
               "own cases at a previous employer {id, category, kind, start, end, contract, "
               "employer}",
               ISS_PATH_TRACK_RECORD, false);
}

static void template_engagements(const tmpl *t)
{
    iss_buf *o = t->out;
    const iss_criteria *c = t->c;
    iss_buf_printf(o, "\n# %s\n", T(t, "事業者自身の案件。", "The provider's own cases."));
    for (size_t k = 0; k < c->ncategories; k++) {
        if (!t->chosen[k])
            continue;
        iss_buf_printf(o, "#   kind (%s):", c->categories[k].code);
        for (size_t i = 0; i < c->categories[k].nkinds; i++)
            iss_buf_printf(o, " %s%s", c->categories[k].kinds[i].code,
                           i + 1 < c->categories[k].nkinds ? "," : "");
        iss_buf_puts(o, "\n");
    }
    iss_buf_puts(o, "#   contract: single (単発), comprehensive (包括的), continuing (継続的)\n");
    const char *doc = NULL;
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *r = &c->rules[i];
        if (!t->chosen[r->category] || r->kind != ISS_CHECK_CASE_REVIEW)
            continue;
        iss_buf_printf(o, "#   reviews (%s):", r->id);
        for (size_t a = 0; a < r->nalts; a++) {
            iss_buf_puts(o, a ? "; or" : "");
            for (size_t d = 0; d < r->alts[a].documents.n; d++) {
                iss_buf_printf(o, " %s", r->alts[a].documents.v[d].s);
                if (!doc)
                    doc = r->alts[a].documents.v[d].s;
            }
        }
        iss_buf_puts(o, "\n");
    }
    size_t first = 0;
    while (first < c->ncategories && !t->chosen[first])
        first++;
    iss_buf_puts(o, "engagements: []\n");
    iss_buf_printf(o,
                   "#  - {id: E001, category: %s, kind: %s, start: 2025-04-01, end: 2025-04-30, "
                   "contract: single,\n#     staff: [P001]%s%s%s}\n",
                   c->categories[first].code,
                   c->categories[first].nkinds ? c->categories[first].kinds[0].code : "(kind)",
                   doc ? ", reviews: [{document: " : "", doc ? doc : "", doc ? ", by: P002}]" : "");
}

static const iss_rule *rule_of(const iss_criteria *c, size_t cat, iss_check_kind kind,
                               const char *group)
{
    for (size_t i = 0; i < c->nrules; i++)
        if (c->rules[i].category == cat && c->rules[i].kind == kind &&
            (!group || (c->rules[i].group && strcmp(c->rules[i].group, group) == 0)))
            return &c->rules[i];
    return NULL;
}

static const char *title(const tmpl *t, const iss_rule *r)
{
    return t->lang == ISS_LANG_EN ? r->title_en : r->title_ja;
}

static void template_service(const tmpl *t, size_t k)
{
    iss_buf *o = t->out;
    const iss_criteria *c = t->c;
    const iss_category *cat = &c->categories[k];
    iss_buf_printf(o, "  # %s (%s)\n  - category: %s\n",
                   t->lang == ISS_LANG_EN ? cat->name_en : cat->name_ja, cat->clause, cat->code);
    if (cat->nsubtypes) {
        iss_buf_printf(o, "    # %s\n",
                       T(t, "申請する区分（申請しないものは消す）:",
                         "sub-types applied for (delete the others):"));
        for (size_t i = 0; i < cat->nsubtypes; i++)
            iss_buf_printf(o, "    #   %s: %s\n", cat->subtypes[i].code,
                           t->lang == ISS_LANG_EN ? cat->subtypes[i].en : cat->subtypes[i].ja);
        iss_buf_puts(o, "    subtypes: [");
        for (size_t i = 0; i < cat->nsubtypes; i++)
            iss_buf_printf(o, "%s%s", i ? ", " : "", cat->subtypes[i].code);
        iss_buf_puts(o, "]\n");
    }
    for (size_t g = 0; g < cat->ngroups; g++) {
        const iss_rule *r = rule_of(c, k, ISS_CHECK_QUALIFIED_LEADS, cat->groups[g]);
        if (!r)
            continue;
        iss_buf_printf(
            o, "    # %s %s: %s\n", r->id, title(t, r),
            T(t, "次のいずれかの要件を満たす者を指名する", "designate persons meeting one of"));
        for (size_t i = 0; i < r->npaths; i++) {
            const iss_path *p = &r->paths[i];
            iss_buf_printf(o, "    #   %s", p->id);
            if (p->reiji)
                iss_buf_printf(o, ": 例示 %s", p->reiji);
            if (p->type == ISS_PATH_TRACK_RECORD && t->lang == ISS_LANG_EN)
                iss_buf_printf(o, ": %ld cases or more in %ld years", p->min_cases,
                               p->window_years);
            else if (p->type == ISS_PATH_TRACK_RECORD)
                iss_buf_printf(o, ": 過去%ld年間に%ld件以上", p->window_years, p->min_cases);
            iss_buf_puts(o, "\n");
        }
        iss_buf_printf(o, "    %s:\n      persons: []\n", cat->groups[g]);
        if (r->disclose_counts) {
            iss_buf_printf(o, "      # %s\n",
                           T(t, "要件を満たす者ごとの人数（report が算出値を示す）",
                             "persons meeting each path (the report prints the "
                             "computed numbers)"));
            iss_buf_puts(o, "      counts: {");
            for (size_t i = 0; i < r->npaths; i++)
                iss_buf_printf(o, "%s%s: 0", i ? ", " : "", r->paths[i].id);
            iss_buf_puts(o, "}\n");
        }
    }
    const iss_rule *r = rule_of(c, k, ISS_CHECK_DUAL_ROLE, NULL);
    if (r) {
        iss_buf_printf(o, "    # %s: %s\n", r->id,
                       T(t, "兼務者（両方の要件を満たす者）とその人数",
                         "dual-role persons (meeting both paths) and their number"));
        iss_buf_puts(o, "    dual_roles: {persons: [], count: 0}\n");
    }
    if ((r = rule_of(c, k, ISS_CHECK_PERSON_ASSIGNED, NULL))) {
        iss_buf_printf(o, "    # %s %s: %s\n", r->id, title(t, r),
                       T(t, "担当者の id", "the person's id"));
        iss_buf_printf(o, "    %s: ~\n", r->field);
    }
    /* manual_sections reads the manual or, by its source, the report template */
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *q = &c->rules[i];
        if (q->category != k || q->kind != ISS_CHECK_MANUAL_SECTIONS)
            continue;
        bool tpl = q->source == ISS_SECTIONS_REPORT_TEMPLATE;
        iss_buf_printf(o, "    # %s %s: %s\n", q->id, title(t, q),
                       tpl ? T(t, "報告書のテンプレートが備える記載事項",
                               "the contents the report template has")
                           : T(t, "マニュアルが扱う事項", "the topics the manual covers"));
        for (size_t j = 0; j < q->nsections; j++)
            iss_buf_printf(o, "    #   %s: %s\n", q->sections[j].id,
                           t->lang == ISS_LANG_EN ? q->sections[j].en : q->sections[j].ja);
        iss_buf_printf(o, "    %s:\n      sections: []\n      evidence: ~\n",
                       tpl ? "report_template" : "manual");
    }
    for (int f = 0; f < ISS_FIELD_COUNT; f++) {
        iss_buf why = {0};
        for (size_t i = 0; i < c->nrules; i++) {
            const iss_rule *q = &c->rules[i];
            if (q->category != k || q->kind != ISS_CHECK_REIJI_ITEMS)
                continue;
            for (size_t j = 0; j < q->nreqs; j++) {
                if ((int)q->reqs[j].field != f)
                    continue;
                iss_buf_printf(&why, "%s%s", why.len ? ", " : "", q->id);
                if (q->reqs[j].reiji)
                    iss_buf_printf(&why, " 例示 %s", q->reqs[j].reiji);
                if (q->reqs[j].when_subtypes.n) {
                    iss_buf_puts(&why, " (");
                    strs_join(&why, &q->reqs[j].when_subtypes, ", ");
                    iss_buf_puts(&why, ")");
                }
            }
        }
        if (why.len)
            iss_buf_printf(o, "    # %s\n    %s: []\n", why.s, field_names[f]);
        iss_buf_free(&why);
    }
    bool statements = false;
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *q = &c->rules[i];
        if (q->category != k || q->kind != ISS_CHECK_STATEMENT)
            continue;
        if (!statements)
            iss_buf_printf(o, "    # %s\n", T(t, "表明（id: 本文）:", "statements (id: text):"));
        statements = true;
        iss_buf_printf(o, "    #   %s %s:", q->id, title(t, q));
        for (size_t j = 0; j < q->statements.n; j++)
            iss_buf_printf(o, " %s", q->statements.v[j].s);
        iss_buf_puts(o, "\n");
    }
    if (statements)
        iss_buf_puts(o, "    statements: {}\n");
}

/* A trust rule's id and the item it quotes, as a comment: "TR-CAP 会社の資本関係
 * (title)". */
static void trust_comment(const tmpl *t, const char *indent, iss_trust_item item, const char *what)
{
    for (size_t i = 0; i < t->c->nrules; i++) {
        const iss_rule *r = &t->c->rules[i];
        if (t->chosen[r->category] && r->kind == ISS_CHECK_TRUST && r->trust_item == item)
            iss_buf_printf(t->out, "%s# %s 「%s」 %s: %s\n", indent, r->id, r->clause, title(t, r),
                           what);
    }
}

/* The top-level trust section of a category that applies through it. */
static void template_trust(const tmpl *t)
{
    iss_buf *o = t->out;
    iss_buf_printf(o, "\n# %s\n# %s\ntrust:\n",
                   T(t, "事業者の信頼性（案）。各項目の規則は案: 満たしても要確認になる。",
                     "Provider trustworthiness (draft).  Its rules are drafts: what they find met "
                     "ends in review."),
                   T(t, "項目を消すと、それを読む規則は不適合になる。",
                     "Deleting an item fails the rules that read it."));
    trust_comment(t, "  ", ISS_TRUST_CAPITAL,
                  T(t, "主な株主 {name, country, share: 0-100 の %, parent, evidence}（名を挙げないなら []）",
                    "main shareholders {name, country, share: percent 0-100, parent, evidence} "
                    "([] when none is named)"));
    iss_buf_puts(o, "  capital:\n    shareholders: []\n    evidence: ~\n");
    trust_comment(t, "  ", ISS_TRUST_EMPLOYEES,
                  T(t, "秘密保持・教育・退職時の規程 {document, evidence}",
                    "confidentiality, training and leaving rules {document, evidence}"));
    trust_comment(t, "  ", ISS_TRUST_COVERAGE,
                  T(t, "covers: 規程が適用される者の id", "covers: ids of the persons the rules cover"));
    iss_buf_puts(o, "  employees:\n    confidentiality: ~\n    training: ~\n    leaving: ~\n"
                    "    covers: []\n");
    iss_buf_puts(o, "  information:\n");
    trust_comment(t, "    ", ISS_TRUST_CERTIFICATIONS,
                  T(t, "情報管理の認証 {name, number, expires, evidence}",
                    "information-management certifications {name, number, expires, evidence}"));
    iss_buf_puts(o, "    certifications: []\n");
    trust_comment(t, "    ", ISS_TRUST_STORAGE,
                  T(t, "顧客の情報の保管場所 {data, location, country}",
                    "where customers' information is kept {data, location, country}"));
    iss_buf_puts(o, "    storage: []\n");
    trust_comment(t, "  ", ISS_TRUST_SUBCONTRACTING,
                  T(t, "委託先 {name, country, services, customer_data, confidentiality, evidence}（ないなら []）",
                    "subcontractors {name, country, services, customer_data, confidentiality, "
                    "evidence} ([] when none)"));
    iss_buf_puts(o, "  subcontractors: ~\n");
    trust_comment(t, "  ", ISS_TRUST_TOOLS,
                  T(t, "使用ツール {name, vendor, country, ai, customer_data_leaves, evidence}",
                    "tools used {name, vendor, country, ai, customer_data_leaves, evidence}"));
    iss_buf_puts(o, "  tools: []\n");
    trust_comment(t, "  ", ISS_TRUST_SECURITY,
                  T(t, "自社の対策 {measure, evidence}", "own security measures {measure, evidence}"));
    iss_buf_puts(o, "  security: []\n");
}

/* PT-a and the like: a category applied for here or registered already. */
static void template_registrations(const tmpl *t)
{
    const iss_rule *r = NULL;
    for (size_t i = 0; i < t->c->nrules && !r; i++)
        if (t->chosen[t->c->rules[i].category] && t->c->rules[i].kind == ISS_CHECK_PREREQUISITE &&
            t->c->rules[i].requires.n)
            r = &t->c->rules[i];
    if (!r)
        return;
    iss_buf_printf(t->out, "\n# %s %s: %s\n", r->id, title(t, r),
                   T(t, "同じ申告書で申請するか、現に有効な登録を申告する:",
                     "apply for it in this declaration, or declare a current registration:"));
    iss_buf_printf(t->out,
                   "# registrations:\n#   - {category: %s, number: \"%s\", expires: 2027-03-31, "
                   "evidence: %s}\n",
                   r->requires.v[0].s, T(t, "（登録番号）", "(registration number)"),
                   T(t, "登録通知書", "notice of registration"));
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

static void template_write(const tmpl *t)
{
    iss_buf *o = t->out;
    const iss_criteria *c = t->c;
    char date[11];
    iss_date_format(c->date, date);
    iss_buf url = {0};
    if (schema_url(&url))
        iss_buf_printf(o, "# yaml-language-server: $schema=%s\n", url.s);
    iss_buf_free(&url);
    iss_buf_puts(o, "#");
    for (size_t k = 0; k < c->ncategories; k++)
        if (t->chosen[k])
            iss_buf_printf(o, " %s (%s)", c->categories[k].code,
                           t->lang == ISS_LANG_EN ? c->categories[k].name_en
                                                  : c->categories[k].name_ja);
    iss_buf_printf(o, "\n# %s: %s %s (%s)\n", T(t, "基準", "criteria"), c->title, c->edition, date);
    iss_buf_printf(
        o, "# %s\n# %s\n",
        T(t, "isscheck init が書いた雛形。このまま読み込めるが、記入するまで規則は不適合になる。",
          "Template written by isscheck init.  It loads as it is; its rules fail until "
          "it is filled in."),
        T(t, "書式: man 5 isscheck-declaration。確認: isscheck validate / isscheck check。",
          "Format: man 5 isscheck-declaration.  Check: isscheck validate, isscheck "
          "check."));
    iss_buf_puts(o, "isscheck: 1\nprovider:\n");
    iss_buf_printf(o, "  name: \"%s\"\n", T(t, "（事業者名）", "(provider name)"));
    iss_buf_printf(
        o, "  corporate_number: ~    # %s\n",
        T(t, "法人番号（任意、検査しない）", "corporate number (optional, not checked)"));
    iss_buf_printf(o, "reference_date: ~        # %s\n",
                   T(t, "基準となる日 YYYY-MM-DD（なければ --as-of か今日）",
                     "reference date YYYY-MM-DD (without it, --as-of or today)"));
    template_persons(t);
    template_engagements(t);
    iss_buf_printf(
        o, "\n# %s\nservices:\n",
        T(t, "申請するサービス区分（区分ごとに一つ）。", "One entry per category applied for."));
    bool protection = false, trust = false;
    for (size_t k = 0; k < c->ncategories; k++) {
        if (!t->chosen[k])
            continue;
        if (c->categories[k].section) {
            trust |= strcmp(c->categories[k].section, "trust") == 0;
            continue;
        }
        template_service(t, k);
        protection |= rule_of(c, k, ISS_CHECK_INFO_PROTECTION, NULL) != NULL;
    }
    if (protection) {
        iss_buf_printf(o, "\n# %s\ncustomer_info_protection:\n",
                       T(t, "顧客の情報を保護するための手続（各区分の Q-c-3）。",
                         "The procedure protecting customers' information (Q-c-3 of each "
                         "category)."));
        iss_buf_printf(o, "  procedure: ~           # %s\n",
                       T(t, "手続を定めた文書", "the document setting out the procedure"));
        iss_buf_printf(o, "  in_operation: false    # %s\n",
                       T(t, "運用していれば true", "true once it is in operation"));
        iss_buf_printf(
            o, "  audits: []             # %s\n",
            T(t, "{date, type: internal|external, auditor: 者の id | organisation: 組織名}",
              "{date, type: internal|external, auditor: person id | organisation: name}"));
    }
    template_registrations(t);
    if (trust)
        template_trust(t);
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
    tmpl t = {c, chosen, ISS_LANG_JA, NULL};
    if (status < 0)
        status = resolve_lang("init", lang_opt, &t.lang);
    if (status < 0 && !any)
        status = usage_error("init", "--category: name the categories applied for");
    if (status < 0 && !service)
        status = usage_error("init", "--category: a declaration applies for at least one service; "
                                     "name one besides the sections (e.g. va,tr)");
    if (status >= 0) {
        free(chosen);
        return status;
    }
    iss_buf out = {0};
    t.out = &out;
    template_write(&t);
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
