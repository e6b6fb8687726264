/* report_ci.c - what the CI formats share (report_ci.h). */
#include "report_ci.h"

#include <string.h>

iss_ci_level iss_ci_level_of(iss_verdict v, iss_review_level rl)
{
    if (v == ISS_FAIL)
        return ISS_CI_ERROR;
    if (v != ISS_REVIEW)
        return ISS_CI_NONE;
    return rl == ISS_REVIEW_WARNING ? ISS_CI_WARNING
           : rl == ISS_REVIEW_NOTE  ? ISS_CI_NOTE
                                    : ISS_CI_NONE;
}

iss_ci_level iss_ci_unused_level(const iss_unused *u)
{
    return u->kind == ISS_UNUSED_ABSENT ? ISS_CI_NOTE : ISS_CI_WARNING;
}

bool iss_ci_no_artifact(const char *file)
{
    return !file || !*file || strcmp(file, "<stdin>") == 0;
}

const char *iss_ci_file(const iss_file_result *f)
{
    return f->file ? f->file : f->report->decl->file;
}

void iss_ci_citation(iss_buf *out, const iss_criteria *c, const iss_rule *rule)
{
    c = rule->set ? rule->set : c;
    iss_buf_printf(out, "%s %s %s", c->title ? c->title : "", c->edition ? c->edition : "",
                   rule->clause ? rule->clause : "");
}

/* tmp escaped into out (as it is without esc), tmp emptied */
static void flush(iss_buf *out, iss_buf *tmp, iss_escape_fn *esc)
{
    if (esc)
        esc(out, tmp->s ? tmp->s : "");
    else if (tmp->len)
        iss_buf_add(out, tmp->s, tmp->len);
    tmp->len = 0;
    if (tmp->s)
        tmp->s[0] = '\0';
}

void iss_ci_result_message(iss_buf *out, const iss_criteria *c, const iss_result *res,
                           iss_lang lang, iss_escape_fn *esc, const char *sep)
{
    const iss_rule *rule = res->rule;
    const char *title = iss_rule_title(rule, lang);
    iss_buf t = {0};
    iss_buf_printf(&t, "%s: %s %s (", iss_verdict_label(res->verdict, lang), rule->id,
                   title ? title : "");
    iss_ci_citation(&t, c, rule);
    iss_buf_puts(&t, ")");
    flush(out, &t, esc);
    bool marked = false;
    for (size_t i = 0; i < res->nnotes; i++)
        if (res->notes[i].mark == ISS_MARK_FAIL || res->notes[i].mark == ISS_MARK_REVIEW)
            marked = true;
    for (size_t i = 0; i < res->nnotes; i++) {
        const iss_note *n = &res->notes[i];
        if (marked && n->mark != ISS_MARK_FAIL && n->mark != ISS_MARK_REVIEW && n->msg != M_READING)
            continue;
        iss_buf_puts(out, sep);
        if (n->loc.line > 0) {
            char line[16];
            snprintf(line, sizeof line, "%d", n->loc.line);
            iss_string_arg(&t, S_LINE_N, lang, line);
        }
        iss_note_render(&t, n, lang);
        flush(out, &t, esc);
    }
    iss_buf_free(&t);
}

void iss_ci_load_message(iss_buf *out, const iss_view *v, iss_escape_fn *esc, const char *sep)
{
    const iss_diags *ds = v->f->diags;
    if (!ds || ds->n == 0) {
        iss_buf_puts(out, iss_string(S_NOT_CHECKED_L, v->lang));
        return;
    }
    for (size_t i = 0; i < ds->n; i++) {
        if (i)
            iss_buf_puts(out, sep);
        iss_view_diag(out, v, &ds->v[i], esc);
    }
}

static bool ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* s's ASCII letters and digits, each word's first letter upper case */
static size_t pascal(iss_buf *out, const char *s)
{
    size_t n = 0;
    bool start = true;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '\'') /* "provider's": one word */
            continue;
        if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99) { /* U+2019, the same */
            p += 2;
            continue;
        }
        if (!ascii_alnum(*p)) {
            start = true;
            continue;
        }
        char ch = (char)(start && *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
        iss_buf_add(out, &ch, 1);
        start = false;
        n++;
    }
    return n;
}

void iss_ci_rule_name(iss_buf *out, const iss_rule *rule)
{
    size_t mark = out->len;
    /* an identifier starts with a letter: a title that starts with a
     * digit, or has no ASCII letter at all, is not used */
    if (pascal(out, iss_rule_title(rule, ISS_LANG_EN)) && out->s[mark] >= 'A' &&
        out->s[mark] <= 'Z')
        return;
    out->len = mark;
    if (out->s)
        out->s[mark] = '\0';
    iss_buf_puts(out, "Rule");
    pascal(out, rule->id);
}
