/* report_view.c - the per-file view every format renders (report.h), and
 * the pieces of text several formats write alike, markup left to each:
 * the status decision, the header facts, the criteria line, the counts, a
 * category with its sub-types, a note with its line, a diagnostic.
 *
 * What stays alike among the reporters on purpose (duplicates lists it):
 * the same facts in each format's markup (a Markdown and an HTML summary
 * row, a JSON and a SARIF object: runs of key/escape calls that differ in
 * every string); each format's iss_format table and whole-run wrapper;
 * and the escapers' loops (escape.c, JUnit's xml, Markdown's md), which
 * copy runs of plain bytes in one append each but differ in which bytes
 * are plain: they write most of every report, so each keeps its own fast
 * path rather than a callback per byte. */
#include "isscheck/escape.h"
#include "isscheck/report.h"

#include <string.h>

static const char *nz(const char *s)
{
    return s ? s : "";
}

static void put(iss_buf *out, const char *s, iss_escape_fn *esc)
{
    if (esc)
        esc(out, s);
    else
        iss_buf_puts(out, nz(s));
}

static iss_status_class status_class(const iss_report *r, bool strict)
{
    if (!r)
        return ISS_STATUS_NOT_LOADED;
    if (r->counts[ISS_FAIL])
        return ISS_STATUS_FAIL;
    if (r->counts[ISS_REVIEW])
        return strict ? ISS_STATUS_REVIEW_STRICT : ISS_STATUS_REVIEW;
    return ISS_STATUS_PASS;
}

void iss_view_init(iss_view *v, const iss_file_result *f, iss_lang lang, bool strict)
{
    static const iss_verdict shown[] = {
        [ISS_STATUS_NOT_LOADED] = ISS_FAIL, [ISS_STATUS_PASS] = ISS_PASS,
        [ISS_STATUS_REVIEW] = ISS_REVIEW,   [ISS_STATUS_REVIEW_STRICT] = ISS_REVIEW,
        [ISS_STATUS_FAIL] = ISS_FAIL,
    };
    const iss_report *r = f->report;
    memset(v, 0, sizeof *v);
    v->f = f;
    v->r = r;
    v->lang = lang;
    v->status = status_class(r, strict);
    v->status_verdict = shown[v->status];
    v->status_label =
        r ? iss_verdict_label(v->status_verdict, lang) : iss_string(S_NOT_LOADED_STATUS, lang);
    if (!r) {
        v->first_error = iss_file_first_error(f);
        return;
    }
    v->provider = r->decl->provider.s;
    v->sha256 = r->decl->sha256;
    v->decl_file = r->decl->file;
    iss_date_format(r->ref, v->ref_date);
    v->ref_source = iss_ref_source_label(r->ref_source, lang);
    if (r->unverified_relied)
        v->disclaimer = iss_string(S_UNVERIFIED_NOTICE, lang);
}

const iss_service *iss_view_service(const iss_view *v, size_t ci)
{
    return v->r ? iss_decl_service(v->r->decl, ci) : NULL;
}

void iss_view_diag(iss_buf *out, const iss_view *v, const iss_diag *x, iss_escape_fn *esc)
{
    if (!esc) {
        iss_diag_line(out, x, v->f->file, v->lang);
        return;
    }
    iss_buf t = {0};
    iss_diag_line(&t, x, v->f->file, v->lang);
    esc(out, t.s);
    iss_buf_free(&t);
}

void iss_view_diags(iss_buf *out, const iss_view *v, iss_escape_fn *esc, const char *before,
                    const char *after)
{
    const iss_diags *ds = v->f->diags;
    for (size_t i = 0; ds && i < ds->n; i++) {
        iss_buf_puts(out, before);
        iss_view_diag(out, v, &ds->v[i], esc);
        iss_buf_puts(out, after);
    }
}

void iss_view_categories(iss_buf *out, const iss_view *v, const char *sep, bool colon,
                         iss_escape_fn *esc)
{
    const iss_criteria *c = v->r ? v->r->criteria : NULL;
    size_t k = 0;
    for (size_t ci = 0; c && ci < c->ncategories; ci++) {
        const iss_service *s = iss_decl_service(v->r->decl, ci);
        if (!s)
            continue;
        if (k++)
            iss_buf_puts(out, sep);
        iss_render_category(out, c->categories[ci].code, s, colon, esc);
    }
}

void iss_render_date(iss_buf *out, iss_day d)
{
    char b[ISS_DATE_SIZE];
    iss_date_format(d, b);
    iss_buf_puts(out, b);
}

void iss_render_criteria(iss_buf *out, const iss_criteria *c, iss_lang lang, iss_escape_fn *esc,
                         const char *open, const char *close)
{
    put(out, c->title, esc);
    iss_buf_puts(out, " ");
    put(out, c->edition, esc);
    iss_buf_puts(out, " (");
    put(out, c->issuer, esc);
    iss_buf_puts(out, ", ");
    iss_render_date(out, c->date);
    iss_buf_puts(out, ", ");
    iss_buf_puts(out, iss_string(c->draft ? S_DRAFT_L : S_IN_FORCE_L, lang));
    iss_buf_puts(out, ", ");
    iss_buf_puts(out, iss_string(S_DIGEST_L, lang));
    iss_buf_puts(out, " ");
    iss_buf_puts(out, open);
    put(out, c->digest, esc);
    iss_buf_puts(out, close);
    iss_buf_puts(out, ")");
}

void iss_render_citation(iss_buf *out, const iss_rule *rule, iss_escape_fn *esc)
{
    put(out, rule->set->title, esc);
    iss_buf_puts(out, " ");
    put(out, rule->set->edition, esc);
    iss_buf_puts(out, " ");
    put(out, rule->clause, esc);
}

void iss_render_counts(iss_buf *out, const size_t *n, size_t judged, iss_lang lang)
{
    iss_buf_printf(out, "%s %zu, %s %zu, %s %zu, %s %zu", iss_verdict_label(ISS_PASS, lang),
                   n[ISS_PASS], iss_verdict_label(ISS_REVIEW, lang), n[ISS_REVIEW],
                   iss_verdict_label(ISS_FAIL, lang), n[ISS_FAIL], iss_verdict_label(ISS_NA, lang),
                   n[ISS_NA]);
    if (n[ISS_WAIVED] || judged)
        iss_buf_printf(out, ", %s %zu, %s %zu", iss_verdict_label(ISS_WAIVED, lang), n[ISS_WAIVED],
                       iss_string(S_JUDGED_COUNT_L, lang), judged);
}

void iss_render_category(iss_buf *out, const char *code, const iss_service *s, bool colon,
                         iss_escape_fn *esc)
{
    put(out, code, esc);
    size_t n = s ? s->subtypes.n : 0;
    for (size_t k = 0; k < n; k++) {
        iss_buf_puts(out, k ? ", " : colon ? ": " : " (");
        put(out, s->subtypes.v[k].s, esc);
    }
    if (n && !colon)
        iss_buf_puts(out, ")");
}

void iss_render_note(iss_buf *out, const iss_note *n, iss_lang lang, iss_escape_fn *esc,
                     iss_buf *tmp)
{
    tmp->len = 0;
    iss_buf_add(tmp, "", 0);
    iss_note_render(tmp, n, lang);
    put(out, tmp->s, esc);
    if ((n->mark == ISS_MARK_FAIL || n->mark == ISS_MARK_REVIEW) && n->loc.line) {
        iss_buf_puts(out, " (");
        iss_buf_puts(out, iss_string(S_LINE_L, lang));
        iss_buf_puts(out, " ");
        iss_json_int(out, n->loc.line);
        iss_buf_puts(out, ")");
    }
}

iss_verdict iss_verdict_parse(const char *name)
{
    if (strcmp(name, "na") == 0) /* n/a without the slash a shell user may prefer */
        return ISS_NA;
    for (int v = 0; v < ISS_VERDICTS; v++)
        if (strcmp(name, iss_verdict_name((iss_verdict)v)) == 0)
            return (iss_verdict)v;
    return ISS_VERDICTS;
}

bool iss_run_shows(const iss_run *run, const iss_result *res)
{
    return !run->show || (run->show & (1u << res->verdict));
}

size_t iss_run_hidden(const iss_run *run, const iss_report *r)
{
    size_t n = 0;
    for (size_t i = 0; r && i < r->nresults; i++)
        n += !iss_run_shows(run, &r->results[i]);
    return n;
}

/* The evaluator gives every result of a category whose section is absent
 * the one note M_NA_SECTION (eval.c); recognising the results by it, not
 * by the declaration's has_trust, keeps this true of any such section. */
bool iss_view_section_absent(const iss_view *v, size_t ci, size_t *n)
{
    const iss_report *r = v->r;
    *n = 0;
    if (!r || !r->criteria->categories[ci].section)
        return false;
    for (size_t i = 0; i < r->nresults; i++) {
        const iss_result *res = &r->results[i];
        if (res->rule->category != ci)
            continue;
        if (res->verdict != ISS_NA || res->nnotes != 1 || res->notes[0].msg != M_NA_SECTION)
            return false;
        ++*n;
    }
    return *n > 0;
}

void iss_render_section_absent(iss_buf *out, const iss_view *v, size_t ci, iss_escape_fn *esc)
{
    iss_buf name = {0};
    put(&name, v->r->criteria->categories[ci].section, esc);
    iss_buf_add(&name, "", 1);
    iss_string_arg(out, S_SECTION_ABSENT, v->lang, name.s);
    iss_buf_free(&name);
}

bool iss_view_category_shown(const iss_run *run, const iss_view *v, size_t ci)
{
    const iss_report *r = v->r;
    if (!r || !iss_report_has_category(r, ci))
        return false;
    for (size_t i = 0; i < r->nresults; i++)
        if (r->results[i].rule->category == ci && iss_run_shows(run, &r->results[i]))
            return true;
    return false;
}
