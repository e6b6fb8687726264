/* explain.c - a rule explained from the criteria: its citation, clause
 * text, readings, every branch of its evaluation, its parameters and a
 * declaration snippet that satisfies it (isscheck explain).  Everything
 * is generated from the rule's check kind and parameters, in Japanese or
 * English. */
#include "checks/checks.h"
#include "isscheck/escape.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Its format is read from the table: the va_list call is the one printf
 * form -Wformat-nonliteral allows (checks.h says how the rows are checked). */
void iss_str_printf(iss_buf *out, iss_str_id id, iss_lang lang, ...)
{
    va_list ap, again;
    va_start(ap, lang);
    va_copy(again, ap);
    const char *fmt = iss_string(id, lang);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= 0 && (size_t)n < sizeof small) {
        iss_buf_add(out, small, (size_t)n);
    } else if (n >= 0) {
        char *big = iss_xmalloc((size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, again);
        iss_buf_add(out, big, (size_t)n);
        free(big);
    }
    va_end(again);
    va_end(ap);
}

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
        iss_str_printf(out, S_EX_READING, lang, on);
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
    iss_str_printf(out, S_EX_PARAMETERS_CHECK, lang, kind);
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
        iss_buf_puts(out, iss_string(S_EX_NONE, lang));
}

/* How the rule is evaluated: every branch the evaluator takes, from the
 * check kind (its module's explain) and the rule's parameters. */
static void explain_evaluation(iss_buf *out, const iss_criteria *c, const iss_rule *r,
                               iss_lang lang)
{
    iss_str_printf(out, S_EX_HOW_IT_IS_EVALUATED, lang, iss_check_name(r->kind));
    if (r->when_subtypes.n) {
        iss_buf_puts(out, iss_string(S_EX_APPLIES_ONLY_WHEN_ONE, lang));
        iss_strs_join(out, &r->when_subtypes, ", ");
        iss_buf_puts(out, iss_string(S_EX_IS_APPLIED_FOR_OTHERWISE, lang));
    }
    iss_check_kinds[r->kind]->explain(out, c, r, lang);
    if (r->set->draft)
        iss_buf_puts(out, iss_string(S_EX_THE_RULE_BELONGS_TO, lang));
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
    iss_buf_puts(out, iss_string(S_EX_WHAT_SATISFIES_IT_IN, lang));
    indent_lines(out, y.s ? y.s : "", "    ");
    iss_buf_free(&y);
}

/* The readings the rule applies, each with the parameter it is on and
 * where it comes from. */
static void explain_readings(iss_buf *out, const iss_rule *r, iss_lang lang)
{
    if (!r->reading_on.n)
        return;
    iss_buf_puts(out, iss_string(S_EX_READINGS_THIS_TOOL_S, lang));
    for (size_t i = 0; i < r->reading_on.n; i++)
        iss_str_printf(out, S_EX_READING_ITEM, lang, r->reading_on.v[i].s, r->reading_source.v[i].s,
                       lang == ISS_LANG_EN ? r->reading_en.v[i].s : r->reading_ja.v[i].s);
}

void iss_explain_rule(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const iss_category *cat = &c->categories[r->category];
    const iss_criteria *set = r->set;
    char date[ISS_DATE_SIZE];
    iss_date_format(set->date, date);
    /* the one-line values of the heading escaped whole, line feeds too (the
     * CLI escapes the rest of the text but keeps its lines) */
    iss_buf v[3] = {{0}};
    iss_text_str(&v[0], lang == ISS_LANG_EN ? r->title_en : r->title_ja);
    iss_buf_printf(out, "%s  %s\n\n", r->id, v[0].s);
    v[0].len = 0;
    iss_text_str(&v[0], set->title);
    iss_text_str(&v[1], set->edition);
    iss_text_str(&v[2], r->clause);
    iss_str_printf(out, S_EX_CITATION, lang, v[0].s, v[1].s, date, v[2].s);
    v[0].len = v[1].len = v[2].len = 0;
    iss_text_str(&v[0], cat->code);
    iss_text_str(&v[1], lang == ISS_LANG_EN ? cat->name_en : cat->name_ja);
    iss_text_str(&v[2], cat->clause);
    iss_str_printf(out, S_EX_CATEGORY, lang, v[0].s, v[1].s, v[2].s);
    for (size_t i = 0; i < 3; i++)
        iss_buf_free(&v[i]);
    iss_str_printf(out, S_EX_CRITERIA, lang, set->dir,
                   set->draft ? iss_string(S_DRAFT_L, lang) : iss_string(S_IN_FORCE_L, lang));
    if (r->label)
        iss_str_printf(out, S_EX_HEADING_COMPOSED_BY_THIS, lang, r->label);
    if (r->text) {
        iss_buf_puts(out, iss_string(S_EX_TEXT_VERBATIM, lang));
        indent_lines(out, r->text, "  ");
    } else {
        iss_buf_puts(out, iss_string(S_EX_TEXT_NOT_AVAILABLE_DRAFT, lang));
        indent_lines(out, r->text_unavailable, "  ");
    }
    if (r->related_text) {
        iss_str_printf(out, S_EX_RELATED_TEXT_VERBATIM, lang, r->related_clause);
        indent_lines(out, r->related_text, "  ");
    }
    explain_readings(out, r, lang);
    if (lang == ISS_LANG_EN) { /* the summary is written in English only */
        iss_buf_puts(out, "\nSummary:\n");
        indent_lines(out, r->summary, "  ");
    }
    iss_buf_puts(out, "\n");
    explain_evaluation(out, c, r, lang);
    ex_cited_lists(out, c, r, lang);
    iss_buf_puts(out, "\n");
    explain_params(out, r, lang);
    iss_buf_puts(out, "\n");
    explain_snippet(out, c, r, lang);
}
