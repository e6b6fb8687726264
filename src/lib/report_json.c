/* report_json.c - the JSON report of a run, for programs and pipelines.
 * Keys come out in a fixed order; the shape is described, and versioned,
 * by schema/isscheck-report.schema.json. */
#include "isscheck/baseline.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "isscheck/waivers.h"

#include <stdlib.h>

#include <string.h>

static void location(iss_buf *out, const char *file, iss_loc loc)
{
    iss_buf_puts(out, "{");
    iss_json_key(out, "file", true);
    iss_json_str(out, file);
    iss_json_key(out, "line", false);
    iss_json_int(out, loc.line);
    iss_json_key(out, "column", false);
    iss_json_int(out, loc.col);
    iss_buf_puts(out, "}");
}

static const char *const marks[] = {"info", "pass", "review", "fail"};
static const char *const ref_sources[] = {"declaration", "option", "today"};

static void result(iss_buf *out, const iss_view *v, size_t ri)
{
    const iss_report *r = v->r;
    const iss_result *res = &r->results[ri];
    iss_lang lang = v->lang;
    const iss_rule *rule = res->rule;
    const iss_criteria *c = r->criteria;
    iss_buf_puts(out, "{");
    iss_json_key(out, "rule", true);
    iss_json_str(out, rule->id);
    iss_json_key(out, "category", false);
    iss_json_str(out, c->categories[rule->category].code);
    iss_json_key(out, "verdict", false);
    iss_json_str(out, iss_verdict_name(res->verdict));
    iss_json_key(out, "computed", false);
    iss_json_str(out, iss_verdict_name(res->computed));
    iss_json_key(out, "waiver", false);
    iss_json_waiver(out, res->applied);
    if (r->base) { /* only with --baseline: reports without one stay as they were */
        const char *mark =
            r->base->state == ISS_BASE_COMPARED ? iss_base_mark_name(r->base->marks[ri]) : NULL;
        iss_json_key(out, "baseline", false);
        if (mark)
            iss_json_str(out, mark);
        else
            iss_buf_puts(out, "null");
    }
    iss_json_key(out, "title", false);
    iss_json_str(out, iss_rule_title(rule, lang));
    iss_json_key(out, "citation", false);
    iss_json_citation(out, c, rule);
    iss_json_key(out, "location", false);
    if (res->loc.line)
        location(out, v->decl_file, res->loc);
    else
        iss_buf_puts(out, "null");
    iss_json_key(out, "notes", false);
    iss_buf_puts(out, "[");
    iss_buf text = {0};
    for (size_t i = 0; i < res->nnotes; i++) {
        const iss_note *n = &res->notes[i];
        if (i)
            iss_buf_puts(out, ",");
        iss_buf_puts(out, "{");
        iss_json_key(out, "mark", true);
        iss_json_str(out, marks[n->mark]);
        iss_json_key(out, "code", false);
        iss_json_str(out, iss_msg_id(n->msg));
        iss_json_key(out, "message", false);
        text.len = 0;
        iss_buf_add(&text, "", 0);
        iss_note_render(&text, n, lang);
        iss_json_str(out, text.s);
        iss_json_key(out, "line", false);
        if (n->loc.line)
            iss_json_int(out, n->loc.line);
        else
            iss_buf_puts(out, "null");
        iss_buf_puts(out, "}");
    }
    iss_buf_free(&text);
    iss_buf_puts(out, "]}");
}

/* "errors": every diagnostic of a file that could not be loaded. */
static void errors(iss_buf *out, const iss_view *v)
{
    const iss_file_result *f = v->f;
    iss_json_key(out, "errors", false);
    iss_buf_puts(out, "[");
    for (size_t i = 0; f->diags && i < f->diags->n; i++) {
        const iss_diag *d = &f->diags->v[i];
        if (i)
            iss_buf_puts(out, ",");
        iss_buf_puts(out, "{");
        iss_json_key(out, "severity", true);
        iss_json_str(out, d->sev == ISS_SEV_ERROR ? "error" : "warning");
        iss_json_key(out, "file", false);
        iss_json_str(out, d->file);
        iss_json_key(out, "line", false);
        iss_json_int(out, d->loc.line);
        iss_json_key(out, "column", false);
        iss_json_int(out, d->loc.col);
        iss_json_key(out, "byte", false);
        if (d->byte >= 0)
            iss_json_int(out, d->byte);
        else
            iss_buf_puts(out, "null");
        iss_json_key(out, "message", false);
        iss_json_str(out, iss_diag_msg(d, v->lang));
        iss_buf_puts(out, "}");
    }
    iss_buf_puts(out, "]");
}

/* "baseline": the file's comparison with --baseline's report. */
static void baseline(iss_buf *out, const iss_base_match *m)
{
    static const char *const states[] = {"compared", "no-provider", "ambiguous", "other-edition"};
    iss_json_key(out, "baseline", false);
    iss_buf_puts(out, "{");
    iss_json_key(out, "state", true);
    iss_json_str(out, states[m->state]);
    iss_json_key(out, "file", false);
    if (m->base_file)
        iss_json_str(out, m->base_file);
    else
        iss_buf_puts(out, "null");
    iss_json_key(out, "editions", false);
    if (m->base_editions)
        iss_json_str(out, m->base_editions);
    else
        iss_buf_puts(out, "null");
    for (iss_base_mark k = ISS_BASE_NEW; k < ISS_BASE_MARKS; k++) {
        iss_json_key(out, iss_base_mark_name(k), false);
        iss_json_int(out, (long long)m->counts[k]);
    }
    iss_json_key(out, "resolved_rules", false);
    iss_buf_puts(out, "[");
    for (size_t i = 0; i < m->ngone; i++) {
        iss_buf_puts(out, i ? ",{" : "{");
        iss_json_key(out, "rule", true);
        iss_json_str(out, m->gone[i]->rule);
        iss_json_key(out, "verdict", false);
        iss_json_str(out, iss_verdict_name(m->gone[i]->verdict));
        iss_buf_puts(out, "}");
    }
    iss_buf_puts(out, "]}");
}

/* "risks": the risk of each category applied for that the criteria rate. */
static void risks(iss_buf *out, const iss_report *r, iss_lang lang)
{
    iss_json_key(out, "risks", false);
    iss_buf_puts(out, "[");
    bool first = true;
    for (size_t i = 0; i < r->decl->nservices; i++) {
        const char *code = r->criteria->categories[r->decl->services[i].category].code;
        const iss_risk *k = iss_criteria_risk(r->criteria, code);
        if (!k)
            continue;
        iss_buf_puts(out, first ? "{" : ",{");
        first = false;
        iss_json_key(out, "category", true);
        iss_json_str(out, code);
        iss_json_key(out, "level", false);
        iss_json_str(out, iss_risk_level(k, lang));
        iss_json_key(out, "data", false);
        iss_json_str(out, k->data);
        iss_json_key(out, "risk", false);
        iss_json_str(out, k->risk);
        iss_json_key(out, "source", false);
        iss_json_criteria(out, k->set);
        iss_buf_puts(out, "}");
    }
    iss_buf_puts(out, "]");
}

static void file_result(iss_buf *out, const iss_view *v)
{
    const iss_file_result *f = v->f;
    iss_lang lang = v->lang;
    iss_buf_puts(out, "{");
    iss_json_key(out, "file", true);
    iss_json_str(out, f->file);
    iss_json_key(out, "status", false);
    iss_json_int(out, f->status);
    const iss_report *r = f->report;
    if (!r) {
        errors(out, v);
        iss_buf_puts(out, "}");
        return;
    }
    iss_json_key(out, "provider", false);
    iss_json_str(out, v->provider);
    iss_json_key(out, "sha256", false);
    iss_json_str(out, v->sha256);
    iss_json_key(out, "waivers", false);
    if (r->waivers)
        iss_json_str(out, r->waivers);
    else
        iss_buf_puts(out, "null");
    iss_json_key(out, "reference_date", false);
    iss_json_date(out, r->ref);
    iss_json_key(out, "reference_date_source", false);
    iss_json_str(out, ref_sources[r->ref_source]);
    iss_json_key(out, "editions", false);
    iss_json_editions(out, r->criteria);
    risks(out, r, lang);
    iss_json_key(out, "unverified_entries_relied_on", false);
    iss_json_int(out, (long long)(r->unverified_relied));
    iss_json_key(out, "claims_without_evidence", false);
    iss_json_int(out, (long long)(r->unevidenced));
    iss_json_key(out, "rules_left_out", false);
    iss_json_int(out, (long long)(r->omitted));
    iss_json_key(out, "summary", false);
    iss_json_counts(out, r->counts, r->judged);
    if (r->base)
        baseline(out, r->base);
    iss_json_key(out, "results", false);
    iss_buf_puts(out, "[");
    for (size_t i = 0; i < r->nresults; i++) {
        if (i)
            iss_buf_puts(out, ",");
        result(out, v, i);
    }
    iss_buf_puts(out, "]}");
}

/* Section 0: the files, one object each. */
static void json_part(iss_part *p, const iss_run *run, const iss_view *v, size_t index)
{
    (void)run;
    (void)index;
    file_result(&p->sec[0], v);
}

static void json_str_or_null(iss_buf *out, const char *s)
{
    if (s)
        iss_json_str(out, s);
    else
        iss_buf_puts(out, "null");
}

/* With --waivers, the run's "unused_waivers": each entry that did nothing,
 * where it is, what it names and why (problem, and a message in the
 * report's language). */
static void unused_entries(iss_buf *out, const iss_run *run, const iss_run_totals *t)
{
    if (!run->waivers)
        return;
    iss_unused *u;
    size_t n = iss_waivers_unused(run->waivers, t, &u);
    iss_json_key(out, "unused_waivers", false);
    iss_buf_puts(out, "[");
    iss_buf msg = {0};
    for (size_t i = 0; i < n; i++) {
        const iss_waiver *w = u[i].w;
        iss_buf_puts(out, i ? ",{" : "{");
        iss_json_key(out, "file", true);
        iss_json_str(out, w->file);
        iss_json_key(out, "line", false);
        iss_json_int(out, w->loc.line);
        iss_json_key(out, "column", false);
        iss_json_int(out, w->loc.col);
        iss_json_key(out, "kind", false);
        iss_json_str(out, w->kind == ISS_ENTRY_JUDGEMENT ? "judgement" : "waiver");
        iss_json_key(out, "rule", false);
        iss_json_str(out, w->rule);
        iss_json_key(out, "edition", false);
        json_str_or_null(out, w->edition);
        iss_json_key(out, "provider", false);
        iss_json_str(out, w->provider);
        iss_json_key(out, "problem", false);
        iss_json_str(out, iss_unused_kind_name(u[i].kind));
        iss_json_key(out, "level", false);
        iss_json_str(out, u[i].kind == ISS_UNUSED_ABSENT ? "note" : "warning");
        iss_json_key(out, "did_you_mean", false);
        json_str_or_null(out, u[i].kind == ISS_UNUSED_NEAR ? u[i].other : NULL);
        iss_json_key(out, "declaration", false);
        json_str_or_null(out, u[i].file);
        iss_json_key(out, "message", false);
        msg.len = 0;
        iss_unused_render(&msg, &u[i], run->lang, NULL);
        iss_json_str(out, msg.s ? msg.s : "");
        iss_buf_puts(out, "}");
    }
    iss_buf_puts(out, "]");
    iss_buf_free(&msg);
    free(u);
}

static void json_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    if (k == 1) {
        iss_buf_puts(out, "]");
        unused_entries(out, run, t);
        iss_buf_puts(out, "}\n");
        return;
    }
    iss_buf_puts(out, "{");
    iss_json_key(out, "format", true);
    iss_json_str(out, "isscheck-report");
    iss_json_key(out, "format_version", false);
    iss_buf_puts(out, "1");
    iss_json_key(out, "tool", false);
    iss_buf_puts(out, "{");
    iss_json_key(out, "name", true);
    iss_json_str(out, "isscheck");
    iss_json_key(out, "version", false);
    iss_json_str(out, run->tool_version);
    iss_buf_puts(out, "}");
    iss_json_key(out, "language", false);
    iss_json_str(out, iss_lang_tag(run->lang));
    iss_json_key(out, "strict", false);
    iss_buf_puts(out, run->strict ? "true" : "false");
    iss_json_key(out, "require_evidence", false);
    iss_buf_puts(out, run->require_evidence ? "true" : "false");
    iss_json_key(out, "redacted", false);
    iss_buf_puts(out, run->redacted ? "true" : "false");
    iss_json_key(out, "selection", false);
    if (run->selection)
        iss_json_str(out, run->selection);
    else
        iss_buf_puts(out, "null");
    if (run->baseline) {
        iss_json_key(out, "baseline", false);
        iss_json_str(out, run->baseline);
        iss_json_key(out, "fail_on", false);
        iss_json_str(out, run->fail_on_new ? "new" : "any");
    }
    iss_json_key(out, "criteria", false);
    iss_json_criteria(out, run->criteria);
    iss_json_key(out, "editions", false);
    iss_json_editions(out, run->criteria);
    iss_json_key(out, "status", false);
    iss_json_int(out, run->status);
    iss_json_key(out, "files", false);
    iss_buf_puts(out, "[");
}

const iss_format iss_format_json = {
    .name = "json",
    .nsections = 1,
    .sep = {","},
    .part = json_part,
    .glue = json_glue,
};

void iss_report_json(iss_buf *out, const iss_run *run)
{
    iss_report_render(out, &iss_format_json, run);
}
