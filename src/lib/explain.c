/* explain.c - a rule explained from the criteria: its citation, clause
 * text, readings, every branch of its evaluation, its parameters and a
 * declaration snippet that satisfies it (isscheck explain).  Everything
 * is generated from the rule's check kind and parameters, in Japanese or
 * English. */
#include "checks/checks.h"

#include <stdio.h>
#include <string.h>

/* A scalar as YAML: plain when YAML would read it back as the same
 * string, else double-quoted. */
void ex_yaml_scalar(iss_buf *out, const char *s)
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

const char *ex_example_entry(const iss_criteria *c, iss_entry_type type, const char *reiji)
{
    for (size_t i = 0; i < c->nentries; i++)
        if (c->entries[i].type == type && (!reiji || iss_entry_on_list(&c->entries[i], reiji)))
            return c->entries[i].name;
    return NULL;
}

/* "(reading: ON)" when the rule carries a reading on the parameter. */
void ex_reading_ref(iss_buf *out, const iss_rule *r, const char *on, iss_lang lang)
{
    if (iss_rule_reading(r, on) >= 0)
        iss_buf_printf(out, X(lang, "（読み: %s）", " (reading: %s)"), on);
}

const char *ex_strs_value(iss_buf *tmp, const iss_strs *l)
{
    if (!l->n)
        return NULL;
    iss_buf_puts(tmp, "[");
    iss_strs_join(tmp, l, ", ");
    iss_buf_puts(tmp, "]");
    return tmp->s;
}

const char *ex_long_value(iss_buf *tmp, long n)
{
    iss_buf_printf(tmp, "%ld", n);
    return tmp->s;
}

/* Every parameter the rule's check gives, with its value and what it
 * means (params.c: the table the loader accepts parameters from). */
static void explain_params(iss_buf *out, const iss_rule *r, iss_lang lang)
{
    const struct iss_check_kind *k = iss_check_kinds[r->kind];
    const char *kind = iss_check_name(r->kind);
    iss_buf_printf(out, X(lang, "パラメータ（検査 '%s'）:\n", "Parameters (check '%s'):\n"), kind);
    bool any = false;
    for (size_t i = 0; k->params[i]; i++) {
        iss_buf tmp = {0};
        const char *v = k->value(r, k->params[i], &tmp);
        const char *doc = iss_param_doc(kind, k->params[i], lang);
        if (v) {
            iss_buf_printf(out, "  %s: %s — %s\n", k->params[i], v, doc ? doc : "?");
            any = true;
        }
        iss_buf_free(&tmp);
    }
    if (k->part_params)
        any |= k->part_params(out, r, lang);
    if (!any)
        iss_buf_puts(out, X(lang, "  なし\n", "  none\n"));
}

/* How the rule is evaluated: every branch the evaluator takes, from the
 * check kind (its module's explain) and the rule's parameters. */
static void explain_evaluation(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    iss_buf_printf(out, X(lang, "評価の方法（検査 '%s'）:\n", "How it is evaluated (check '%s'):\n"),
                   iss_check_name(r->kind));
    if (r->when_subtypes.n) {
        iss_buf_puts(out, X(lang, "  申請区分 ", "  Applies only when one of the sub-types "));
        iss_strs_join(out, &r->when_subtypes, ", ");
        iss_buf_puts(out, X(lang, " のいずれかを申請するときに適用し、それ以外は対象外（n/a）。\n",
                            " is applied for; otherwise n/a.\n"));
    }
    iss_check_kinds[r->kind]->explain(out, c, r, lang);
    if (r->set->draft)
        iss_buf_puts(out, X(lang, "  この規則は案の基準に属する: 満たすと判断したものも適合ではなく要確認になる。\n",
                            "  The rule belongs to a draft set: what it finds met ends in review, "
                            "never pass.\n"));
}


/* text, each line indented by prefix. */
static void indent_lines(iss_buf *out, const char *text, const char *prefix)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        iss_buf_puts(out, prefix);
        iss_buf_add(out, p, n);
        iss_buf_puts(out, "\n");
        p += n + (nl ? 1 : 0);
    }
}

/* A short declaration fragment that satisfies the rule. */
static void explain_snippet(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    iss_buf y = {0};
    iss_check_kinds[r->kind]->snippet(&y, c, r, lang);
    iss_buf_puts(out, X(lang, "申告書でこれを満たす例（isscheck-declaration(5) を参照）:\n",
                        "What satisfies it, in a declaration (see isscheck-declaration(5)):\n"));
    indent_lines(out, y.s ? y.s : "", "    ");
    iss_buf_free(&y);
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


void iss_explain_rule(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const iss_category *cat = &c->categories[r->category];
    const iss_criteria *set = r->set;
    char date[ISS_DATE_SIZE];
    iss_date_format(set->date, date);
    iss_buf_printf(out, "%s  %s\n\n", r->id, lang == ISS_LANG_EN ? r->title_en : r->title_ja);
    iss_buf_printf(out, X(lang, "出典: %s %s（%s）%s\n", "Citation: %s %s (%s) %s\n"), set->title,
                   set->edition, date, r->clause);
    iss_buf_printf(out, X(lang, "区分: %s（%s）%s\n", "Category: %s (%s, %s)\n"), cat->code,
                   lang == ISS_LANG_EN ? cat->name_en : cat->name_ja, cat->clause);
    iss_buf_printf(out, X(lang, "基準: %s、%s\n\n", "Criteria: %s, %s\n\n"), set->dir,
                   set->draft ? X(lang, "案", "draft") : X(lang, "施行中", "in force"));
    if (r->label)
        iss_buf_printf(out,
                       X(lang, "見出し（本プロジェクトが組み立てたもので、文書の本文ではない）: %s\n\n",
                         "Heading (composed by this project, not the document's text): %s\n\n"),
                       r->label);
    if (r->text) {
        iss_buf_puts(out, X(lang, "本文（逐語）:\n", "Text (本文, verbatim):\n"));
        indent_lines(out, r->text, "  ");
    } else {
        iss_buf_puts(out, X(lang, "本文: 入手できない（案）。出典と内容の報告（英語）:\n",
                             "Text: not available (draft):\n"));
        indent_lines(out, r->text_unavailable, "  ");
    }
    if (r->related_text) {
        iss_buf_printf(out, X(lang, "\n関連する本文（逐語、%s）:\n", "\nRelated text (verbatim, %s):\n"),
                       r->related_clause);
        indent_lines(out, r->related_text, "  ");
    }
    explain_readings(out, r, lang);
    if (lang == ISS_LANG_EN) { /* the summary is written in English only */
        iss_buf_puts(out, "\nSummary:\n");
        indent_lines(out, r->summary, "  ");
    }
    iss_buf_puts(out, "\n");
    explain_evaluation(out, c, r, lang);
    iss_buf_puts(out, "\n");
    explain_params(out, r, lang);
    iss_buf_puts(out, "\n");
    explain_snippet(out, c, r, lang);
}
