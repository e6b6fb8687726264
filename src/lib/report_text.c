/* report_text.c - the plain-text report, for a person reading one file. */
#include "isscheck/baseline.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "isscheck/waivers.h"

#include <stdlib.h>
#include <string.h>

static const char *const marks[] = {"-", "+", "?", "x"};

/* s as "%s" writes it (glibc: "(null)" for NULL), without printf, and
 * with what could forge a line or move the cursor escaped (iss_text_str):
 * text from a declaration, a file name or a criteria file. */
static void put(iss_buf *out, const char *s)
{
    iss_text_str(out, s ? s : "(null)");
}

/* "LABEL: " */
static void label(iss_buf *out, iss_str_id id, iss_lang lang)
{
    iss_buf_puts(out, iss_string(id, lang));
    iss_buf_puts(out, ": ");
}

/* "LABEL: N\n" */
static void count_line(iss_buf *out, iss_str_id id, size_t n, const char *after, iss_lang lang)
{
    iss_buf_printf(out, "%s: %zu%s\n", iss_string(id, lang), n, after);
}

/* The lines above the results: the criteria, the declaration, where the
 * reference date came from, and what the options and the catalogue
 * change about the verdicts. */
static void header(iss_buf *out, const iss_run *run, const iss_view *v)
{
    const iss_report *r = v->r;
    iss_lang lang = v->lang;
    iss_buf_printf(out, "isscheck %s\n", run->tool_version);
    for (size_t i = 0; i < r->criteria->nsets; i++) {
        label(out, S_CRITERIA_L, lang);
        iss_render_criteria(out, r->criteria->sets[i], lang, put, "", "");
        iss_buf_puts(out, "\n");
    }
    label(out, S_DECLARATION_L, lang);
    put(out, v->decl_file);
    iss_buf_printf(out, "\nSHA-256: %s\n", v->sha256);
    if (r->waivers) {
        label(out, S_WAIVERS_L, lang);
        put(out, r->waivers);
        iss_buf_puts(out, "\n");
    }
    iss_render_baseline_facts(out, r, lang, put, "", ": ", "\n");
    label(out, S_PROVIDER_L, lang);
    put(out, v->provider);
    iss_buf_puts(out, "\n");
    label(out, S_REF_DATE_L, lang);
    iss_buf_printf(out, "%s (%s)\n", v->ref_date, v->ref_source);
    if (r->redacted)
        iss_buf_printf(out, "%s: %s\n", iss_string(S_REDACTED_L, lang),
                       iss_string(S_REDACTED_TEXT, lang));
    if (v->disclaimer) {
        iss_buf_printf(out, "%s: %s\n", iss_string(S_NOTE_L, lang), v->disclaimer);
        count_line(out, S_UNVERIFIED_RELIED_L, r->unverified_relied, "", lang);
    }
    if (r->unevidenced || r->require_evidence)
        count_line(out, S_UNEVIDENCED_L, r->unevidenced,
                   r->require_evidence ? iss_string(S_REQUIRE_EVIDENCE_NOTE, lang) : "", lang);
    if (r->omitted)
        count_line(out, S_RULES_OMITTED_L, r->omitted, "", lang);
    size_t hidden = iss_run_hidden(run, r);
    if (hidden) { /* so that a filtered report is never read as a short one */
        iss_string_arg(out, S_SHOW_HIDDEN_L, lang, run->show_option);
        iss_buf_printf(out, ": %zu\n", hidden);
    }
}

/* "== name (code: sub-types) ==" and the category's risk. */
static void category_heading(iss_buf *out, const iss_view *v, size_t ci)
{
    const iss_criteria *c = v->r->criteria;
    const iss_category *cat = &c->categories[ci];
    const iss_service *s = iss_view_service(v, ci);
    iss_lang lang = v->lang;
    iss_buf_puts(out, "\n== ");
    put(out, iss_category_name(cat, lang));
    iss_buf_puts(out, " (");
    iss_render_category(out, cat->code, s, true, put);
    iss_buf_puts(out, ") ==\n");
    const iss_risk *k = iss_criteria_risk(c, cat->code);
    if (k && s) {
        label(out, S_RISK_L, lang);
        put(out, iss_risk_level(k, lang));
        iss_buf_printf(out, " — %s: ", iss_string(S_DATA_HANDLED_L, lang));
        put(out, k->data);
        iss_buf_puts(out, " (");
        put(out, k->set->edition);
        iss_buf_printf(out, " %s)\n", iss_string(S_RISK_TABLE_L, lang));
    }
}

/* The lines of one result, appended piece by piece: printf was most of
 * the text report's cost. */
static void result(iss_buf *out, const iss_view *v, size_t i, iss_buf *note)
{
    const iss_result *res = &v->r->results[i];
    const iss_rule *rule = res->rule;
    iss_lang lang = v->lang;
    bool judged = res->applied && res->applied->kind == ISS_ENTRY_JUDGEMENT;
    iss_buf_puts(out, "\n[");
    put(out, iss_verdict_label(res->verdict, lang));
    put(out, judged ? iss_string(S_JUDGED_SUFFIX, lang) : "");
    iss_render_base_mark(out, v->r, i, lang);
    iss_buf_puts(out, "] ");
    put(out, rule->id);
    iss_buf_puts(out, " ");
    put(out, iss_rule_title(rule, lang));
    iss_buf_puts(out, "\n  ");
    label(out, S_CITATION_L, lang);
    iss_render_citation(out, rule, put);
    iss_buf_puts(out, "\n");
    if (res->loc.line) {
        iss_buf_puts(out, "  ");
        label(out, S_AT_L, lang);
        put(out, v->decl_file);
        iss_buf_puts(out, ":");
        iss_json_int(out, res->loc.line);
        iss_buf_puts(out, ":");
        iss_json_int(out, res->loc.col);
        iss_buf_puts(out, "\n");
    }
    for (size_t k = 0; k < res->nnotes; k++) {
        iss_buf_puts(out, "  ");
        iss_buf_puts(out, marks[res->notes[k].mark]);
        iss_buf_puts(out, " ");
        iss_render_note(out, &res->notes[k], lang, put, note);
        iss_buf_puts(out, "\n");
    }
}

/* A category listed: its heading, then the results --show keeps, or the
 * one line saying why none of its rules apply. */
static void category(iss_buf *out, const iss_run *run, const iss_view *v, size_t ci, iss_buf *note)
{
    const iss_report *r = v->r;
    category_heading(out, v, ci);
    size_t n;
    if (iss_view_section_absent(v, ci, &n)) {
        iss_buf_puts(out, "\n[");
        put(out, iss_verdict_label(ISS_NA, v->lang));
        iss_buf_printf(out, " %zu] ", n);
        iss_render_section_absent(out, v, ci, put);
        iss_buf_puts(out, "\n");
        return;
    }
    for (size_t i = 0; i < r->nresults; i++)
        if (r->results[i].rule->category == ci && iss_run_shows(run, &r->results[i]))
            result(out, v, i, note);
}

static void text_report(iss_buf *out, const iss_run *run, const iss_view *v)
{
    const iss_report *r = v->r;
    header(out, run, v);
    iss_buf note = {0}; /* a note rendered, then escaped */
    for (size_t ci = 0; ci < r->criteria->ncategories; ci++)
        if (iss_view_category_shown(run, v, ci))
            category(out, run, v, ci, &note);
    iss_buf_free(&note);
    iss_buf_printf(out, "\n%s: ", iss_string(S_SUMMARY_L, v->lang));
    iss_render_counts(out, r->counts, r->judged, v->lang);
    iss_buf_puts(out, "\n");
}

void iss_report_text(iss_buf *out, const iss_report *r, iss_lang lang, const char *tool_version)
{
    iss_file_result f = {.file = r->decl->file, .report = r};
    iss_run run = {.tool_version = tool_version, .lang = lang};
    iss_view v;
    iss_view_init(&v, &f, lang, false);
    text_report(out, &run, &v);
}

/* The categories of a summary row, codes between sep. */
static void categories(iss_buf *out, const iss_file_summary *f, const char *sep)
{
    for (const char *p = f->categories ? f->categories : ""; *p;) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        iss_buf b = {0};
        iss_buf_add(&b, p, n);
        iss_buf_add(&b, "", 1);
        put(out, b.s);
        iss_buf_free(&b);
        if (!sp)
            break;
        iss_buf_puts(out, sep);
        p = sp + 1;
    }
}

/* "  FAIL: ID ID\n" under a file's summary line: which rules to look at
 * first, without reading its report; nothing when there are none. */
static void rule_ids(iss_buf *out, iss_verdict v, const char *ids, iss_lang lang)
{
    if (!ids || !*ids)
        return;
    iss_buf_puts(out, "  ");
    label(out, v == ISS_FAIL ? S_VERDICT_FAIL : S_VERDICT_REVIEW, lang);
    put(out, ids);
    iss_buf_puts(out, "\n");
}

/* Section 0: each checked file's report, a blank line between two. */
static void text_part(iss_part *p, const iss_run *run, const iss_view *v, size_t index)
{
    (void)index;
    if (v->r)
        text_report(&p->sec[0], run, v);
}

/* After the files and the summary: the waivers file's entries that did
 * nothing, each at its FILE:LINE:COL. */
static void unused_entries(iss_buf *out, const iss_run *run, const iss_run_totals *t)
{
    iss_unused *u;
    size_t n = iss_waivers_unused(run->waivers, t, &u);
    if (!n)
        return;
    iss_buf_printf(out, "%s== %s (%zu) ==\n", out->len || t->not_loaded < t->nrows ? "\n" : "",
                   iss_string(S_UNUSED_HEADING_L, run->lang), n);
    for (size_t i = 0; i < n; i++) {
        put(out, u[i].w->file);
        iss_buf_printf(out, ":%d:%d: ", u[i].w->loc.line, u[i].w->loc.col);
        iss_unused_render(out, &u[i], run->lang, iss_text_str);
        iss_buf_puts(out, "\n");
    }
    free(u);
}

/* For more than one file, the summary table. */
static void summary_table(iss_buf *out, const iss_run *run, const iss_run_totals *t)
{
    iss_lang lang = run->lang;
    iss_buf_printf(out, "%s== %s (%zu) ==\n", t->not_loaded == t->nrows ? "" : "\n",
                   iss_string(S_SUMMARY_PER_FILE_L, lang), t->nrows);
    for (size_t i = 0; i < t->nrows; i++) {
        const iss_file_summary *f = &t->rows[i];
        put(out, f->file);
        iss_buf_puts(out, ": ");
        if (!f->provider) {
            iss_buf_printf(out, "%s (", iss_string(S_NOT_LOADED_L, lang));
            put(out, f->error);
            iss_buf_printf(out, "), %s 2\n", iss_string(S_EXIT_STATUS_L, lang));
            continue;
        }
        put(out, f->provider);
        iss_buf_puts(out, " (");
        categories(out, f, ", ");
        iss_buf_puts(out, "): ");
        iss_render_counts(out, f->counts, f->judged, lang);
        iss_buf_printf(out, ", %s %d\n", iss_string(S_EXIT_STATUS_L, lang), f->status);
        rule_ids(out, ISS_FAIL, f->failed, lang);
        rule_ids(out, ISS_REVIEW, f->review, lang);
    }
}

/* The tail: the summary table, then the entries that did nothing. */
static void text_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    if (k == 0)
        return;
    if (t->nrows >= 2)
        summary_table(out, run, t);
    unused_entries(out, run, t);
}

const iss_format iss_format_text = {
    .name = "text",
    .nsections = 1,
    .sep = {"\n"},
    .direct = true,
    .part = text_part,
    .glue = text_glue,
};

void iss_report_text_run(iss_buf *out, const iss_run *run)
{
    iss_report_render(out, &iss_format_text, run);
}

/* One CSV field, quoted when it must be (RFC 4180): its text escaped as
 * the text report's (no line break or control character is left to
 * quote), and neutralised for a spreadsheet: a cell starting with one of
 * = + - @ TAB CR is a formula (or becomes one) there, so it starts with
 * an apostrophe, which spreadsheets take as "text" (OWASP's advice). */
static void csv_field(iss_buf *out, const char *s, bool last)
{
    iss_buf t = {0};
    if (*s && strchr("=+-@\t\r", *s))
        iss_buf_add(&t, "'", 1);
    iss_text_str(&t, s);
    iss_buf_add(&t, "", 1);
    if (strpbrk(t.s, ",\"")) {
        iss_buf_add(out, "\"", 1);
        for (const char *p = t.s; *p; p++) {
            if (*p == '"')
                iss_buf_add(out, "\"", 1);
            iss_buf_add(out, p, 1);
        }
        iss_buf_add(out, "\"", 1);
    } else {
        iss_buf_puts(out, t.s);
    }
    iss_buf_free(&t);
    iss_buf_puts(out, last ? "\r\n" : ",");
}

void iss_summary_csv(iss_buf *out, const iss_file_summary *rows, size_t n)
{
    iss_buf_puts(out, "file,provider,categories,pass,review,fail,n/a,waived,judged,status,error,"
                      "sha256,failed_rules,review_rules\r\n");
    for (size_t i = 0; i < n; i++) {
        const iss_file_summary *f = &rows[i];
        csv_field(out, f->file, false);
        if (!f->provider) {
            iss_buf_puts(out, ",,,,,,,,2,");
            csv_field(out, f->error, false);
            iss_buf_puts(out, ",,\r\n");
            continue;
        }
        csv_field(out, f->provider, false);
        csv_field(out, f->categories, false);
        iss_buf_printf(out, "%zu,%zu,%zu,%zu,%zu,%zu,%d,,", f->counts[ISS_PASS],
                       f->counts[ISS_REVIEW], f->counts[ISS_FAIL], f->counts[ISS_NA],
                       f->counts[ISS_WAIVED], f->judged, f->status);
        csv_field(out, f->sha256, false);
        csv_field(out, f->failed, false);
        csv_field(out, f->review, true);
    }
}

void iss_report_summary_csv(iss_buf *out, const iss_run *run)
{
    iss_file_summary *rows = iss_xmalloc((run->nfiles + 1) * sizeof *rows);
    for (size_t i = 0; i < run->nfiles; i++)
        iss_file_summary_init(&rows[i], &run->files[i], run->lang);
    iss_summary_csv(out, rows, run->nfiles);
    for (size_t i = 0; i < run->nfiles; i++)
        iss_file_summary_free(&rows[i]);
    free(rows);
}
