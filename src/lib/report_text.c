/* report_text.c - the plain-text report, for a person reading one file. */
#include "isscheck/escape.h"
#include "isscheck/report.h"

#include <stdlib.h>
#include <string.h>

static void date(iss_buf *out, iss_day d)
{
    char b[11];
    iss_date_format(d, b);
    iss_buf_puts(out, b);
}

static const char *const marks[] = {"-", "+", "?", "x"};

/* s as "%s" writes it (glibc: "(null)" for NULL), without printf, and
 * with what could forge a line or move the cursor escaped (iss_text_str):
 * text from a declaration, a file name or a criteria file. */
static void put(iss_buf *out, const char *s)
{
    iss_text_str(out, s ? s : "(null)");
}

/* "PASS 5, REVIEW 2, FAIL 0, N/A 8", then the waived and judged counts
 * when a waivers file set any. */
static void counts(iss_buf *out, const size_t *n, size_t judged, iss_lang lang)
{
    iss_buf_printf(out, "%s %zu, %s %zu, %s %zu, %s %zu", iss_verdict_label(ISS_PASS, lang),
                   n[ISS_PASS], iss_verdict_label(ISS_REVIEW, lang), n[ISS_REVIEW],
                   iss_verdict_label(ISS_FAIL, lang), n[ISS_FAIL], iss_verdict_label(ISS_NA, lang),
                   n[ISS_NA]);
    if (n[ISS_WAIVED] || judged)
        iss_buf_printf(out, ", %s %zu, %s %zu", iss_verdict_label(ISS_WAIVED, lang), n[ISS_WAIVED],
                       iss_string(S_JUDGED_COUNT_L, lang), judged);
}

void iss_report_text(iss_buf *out, const iss_report *r, iss_lang lang, const char *tool_version)
{
    const iss_criteria *c = r->criteria;
    const iss_decl *d = r->decl;
    iss_buf_printf(out, "isscheck %s\n", tool_version);
    for (size_t i = 0; i < c->nsets; i++) {
        const iss_criteria *e = c->sets[i];
        iss_buf_printf(out, "%s: ", iss_string(S_CRITERIA_L, lang));
        put(out, e->title);
        iss_buf_puts(out, " ");
        put(out, e->edition);
        iss_buf_puts(out, " (");
        put(out, e->issuer);
        iss_buf_puts(out, ", ");
        date(out, e->date);
        iss_buf_printf(out, ", %s, %s ",
                       e->draft ? iss_string(S_DRAFT_L, lang) : iss_string(S_IN_FORCE_L, lang),
                       iss_string(S_DIGEST_L, lang));
        put(out, e->digest);
        iss_buf_puts(out, ")\n");
    }
    iss_buf_printf(out, "%s: ", iss_string(S_DECLARATION_L, lang));
    put(out, d->file);
    iss_buf_printf(out, "\nSHA-256: %s\n", d->sha256);
    if (r->waivers) {
        iss_buf_printf(out, "%s: ", iss_string(S_WAIVERS_L, lang));
        put(out, r->waivers);
        iss_buf_puts(out, "\n");
    }
    iss_buf_printf(out, "%s: ", iss_string(S_PROVIDER_L, lang));
    put(out, d->provider.s);
    iss_buf_puts(out, "\n");
    iss_buf_printf(out, "%s: ", iss_string(S_REF_DATE_L, lang));
    date(out, r->ref);
    iss_buf_printf(out, " (%s)\n", iss_ref_source_label(r->ref_source, lang));
    if (r->redacted)
        iss_buf_printf(out, "%s: %s\n", iss_string(S_REDACTED_L, lang),
                       iss_string(S_REDACTED_TEXT, lang));
    if (r->unverified_relied)
        iss_buf_printf(out, "%s: %s\n", iss_string(S_NOTE_L, lang), iss_string(S_UNVERIFIED_NOTICE, lang));
    if (r->unverified_relied)
        iss_buf_printf(
            out, "%s: %zu\n",
            iss_string(S_UNVERIFIED_RELIED_L, lang),
            r->unverified_relied);
    if (r->unevidenced || r->require_evidence)
        iss_buf_printf(out, "%s: %zu%s\n",
                       iss_string(S_UNEVIDENCED_L, lang),
                       r->unevidenced,
                       r->require_evidence ? iss_string(S_REQUIRE_EVIDENCE_NOTE, lang) : "");
    if (r->omitted)
        iss_buf_printf(out, "%s: %zu\n",
                       iss_string(S_RULES_OMITTED_L, lang),
                       r->omitted);

    size_t last_cat = (size_t)-1;
    iss_buf note = {0}; /* a note rendered, then escaped */
    for (size_t i = 0; i < r->nresults; i++) {
        const iss_result *res = &r->results[i];
        const iss_rule *rule = res->rule;
        if (rule->category != last_cat) {
            last_cat = rule->category;
            const iss_category *cat = &c->categories[last_cat];
            const iss_service *s = iss_decl_service(d, last_cat);
            iss_buf_puts(out, "\n== ");
            put(out, iss_category_name(cat, lang));
            iss_buf_puts(out, " (");
            put(out, cat->code);
            for (size_t k = 0; s && k < s->subtypes.n; k++) {
                iss_buf_puts(out, k ? ", " : ": ");
                put(out, s->subtypes.v[k].s);
            }
            iss_buf_puts(out, ") ==\n");
            const iss_risk *k = iss_criteria_risk(c, cat->code);
            if (k && s) {
                iss_buf_printf(out, "%s: ", iss_string(S_RISK_L, lang));
                put(out, iss_risk_level(k, lang));
                iss_buf_printf(out, " — %s: ", iss_string(S_DATA_HANDLED_L, lang));
                put(out, k->data);
                iss_buf_puts(out, " (");
                put(out, k->set->edition);
                iss_buf_printf(out, " %s)\n", iss_string(S_RISK_TABLE_L, lang));
            }
        }
        /* the lines of every result, appended piece by piece: printf
         * was most of the text report's cost */
        bool judged = res->applied && res->applied->kind == ISS_ENTRY_JUDGEMENT;
        iss_buf_puts(out, "\n[");
        put(out, iss_verdict_label(res->verdict, lang));
        put(out, judged ? iss_string(S_JUDGED_SUFFIX, lang) : "");
        iss_buf_puts(out, "] ");
        put(out, rule->id);
        iss_buf_puts(out, " ");
        put(out, iss_rule_title(rule, lang));
        iss_buf_puts(out, "\n  ");
        put(out, iss_string(S_CITATION_L, lang));
        iss_buf_puts(out, ": ");
        put(out, rule->set->title);
        iss_buf_puts(out, " ");
        put(out, rule->set->edition);
        iss_buf_puts(out, " ");
        put(out, rule->clause);
        iss_buf_puts(out, "\n");
        if (res->loc.line) {
            iss_buf_puts(out, "  ");
            put(out, iss_string(S_AT_L, lang));
            iss_buf_puts(out, ": ");
            put(out, d->file);
            iss_buf_puts(out, ":");
            iss_json_int(out, res->loc.line);
            iss_buf_puts(out, ":");
            iss_json_int(out, res->loc.col);
            iss_buf_puts(out, "\n");
        }
        for (size_t k = 0; k < res->nnotes; k++) {
            const iss_note *n = &res->notes[k];
            iss_buf_puts(out, "  ");
            iss_buf_puts(out, marks[n->mark]);
            iss_buf_puts(out, " ");
            note.len = 0;
            iss_note_render(&note, n, lang);
            iss_buf_add(&note, "", 1);
            put(out, note.s);
            if ((n->mark == ISS_MARK_FAIL || n->mark == ISS_MARK_REVIEW) && n->loc.line) {
                iss_buf_puts(out, " (");
                iss_buf_puts(out, iss_string(S_LINE_L, lang));
                iss_buf_puts(out, " ");
                iss_json_int(out, n->loc.line);
                iss_buf_puts(out, ")");
            }
            iss_buf_puts(out, "\n");
        }
    }
    iss_buf_free(&note);
    iss_buf_printf(out, "\n%s: ", iss_string(S_SUMMARY_L, lang));
    counts(out, r->counts, r->judged, lang);
    iss_buf_puts(out, "\n");
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

/* Section 0: each checked file's report, a blank line between two. */
static void text_part(iss_part *p, const iss_run *run, const iss_file_result *f, size_t index)
{
    (void)index;
    if (f->report)
        iss_report_text(&p->sec[0], f->report, run->lang, run->tool_version);
}

/* The tail: for more than one file, the summary table. */
static void text_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    iss_lang lang = run->lang;
    if (k == 0 || t->nrows < 2)
        return;
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
        counts(out, f->counts, f->judged, lang);
        iss_buf_printf(out, ", %s %d\n", iss_string(S_EXIT_STATUS_L, lang), f->status);
    }
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
