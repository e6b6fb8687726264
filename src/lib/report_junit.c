/* report_junit.c - the JUnit XML report of a run, for CI systems (Jenkins,
 * GitLab, Surefire readers).
 *
 * Mapping (documented in isscheck(1)):
 *   run                           <testsuites name="isscheck">
 *   checked file x category       <testsuite name="FILE: CODE (name)">, with
 *                                 <properties>: criteria, edition, date,
 *                                 status, digest, provider, reference date,
 *                                 redacted (true, with --redact)…
 *   rule result                   <testcase classname="FILE.CODE" name="ID TITLE">
 *     pass                        empty testcase
 *     fail                        <failure type="fail" message="first fail note">
 *                                 every note, the citation and the location
 *     review                      <skipped message="review: reason"/>, or with
 *                                 --strict <failure type="review"> like fail
 *     n/a                         <skipped message="n/a: reason"/>
 *     waived                      <skipped message="waived: reason (decided
 *                                 by, until)"/>
 *     judged pass / fail          as pass / <failure type="judged"
 *                                 message="judged: reason">
 *   (the prefixes review:, n/a:, waived: and judged: are the same in
 *   both languages, for programs to match)
 *   file that could not be loaded <testsuite name="FILE" errors="1"> with one
 *                                 <testcase name="load"> holding
 *                                 <error type="input">: every diagnostic.
 * The output is a function of the run alone: no times, dates or host names.
 */
#include "isscheck/baseline.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "isscheck/waivers.h"

#include <stdlib.h>
#include <string.h>

/* Empties b, leaving it a valid empty string. */
static void reset(iss_buf *b)
{
    b->len = 0;
    iss_buf_add(b, "", 0);
}

/* s, or "" for NULL (for printf). */
static const char *nz(const char *s)
{
    return s ? s : "";
}

/* Length of the UTF-8 sequence at p that is an XML 1.0 character, or 0:
 * iss_utf8_char, less U+FFFE and U+FFFF. */
static size_t utf8_char(const unsigned char *p)
{
    uint32_t cp = 0;
    size_t n = iss_utf8_char(p, &cp);
    return n && cp != 0xFFFE && cp != 0xFFFF ? n : 0;
}

/* s as XML character data; in an attribute (attr) also '"' and the
 * whitespace an XML parser would otherwise normalise away.  Characters
 * XML 1.0 does not allow (C0 controls other than tab, newline and carriage
 * return; invalid UTF-8) become U+FFFD. */
static void xml(iss_buf *out, const char *s, bool attr)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    const unsigned char *run = p; /* bytes copied as they are, in one append */
    for (;;) {
        unsigned c = *p;
        if (c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' && (c != '"' || !attr)) {
            p++;
            continue;
        }
        size_t n = c >= 0x80 ? utf8_char(p) : 0;
        if (n) {
            p += n;
            continue;
        }
        if (p > run)
            iss_buf_add(out, (const char *)run, (size_t)(p - run));
        if (!c)
            break;
        const char *esc = iss_markup_ref(c);
        if (esc)
            iss_buf_puts(out, esc);
        else if ((c == '\n' || c == '\t') && !attr)
            iss_buf_add(out, (const char *)p, 1);
        else if (c == '\n' || c == '\t' || c == '\r')
            iss_buf_printf(out, "&#%u;", c); /* &#9; &#10; &#13; */
        else
            iss_buf_puts(out, "\xEF\xBF\xBD"); /* U+FFFD: not an XML 1.0 character */
        run = ++p;
    }
}

/* name="value" (with a leading space). */
static void attr(iss_buf *out, const char *name, const char *value)
{
    iss_buf_printf(out, " %s=\"", name);
    xml(out, value, true);
    iss_buf_puts(out, "\"");
}

static void attr_n(iss_buf *out, const char *name, size_t value)
{
    iss_buf_printf(out, " %s=\"%zu\"", name, value);
}

static void property(iss_buf *out, const char *name, const char *value)
{
    iss_buf_puts(out, "      <property");
    attr(out, "name", name);
    attr(out, "value", value);
    iss_buf_puts(out, "/>\n");
}

static const char *const ref_sources[] = {"declaration", "option", "today"};

/* A file:line:col reference; the column only when known. */
static void location(iss_buf *out, const char *file, iss_loc loc)
{
    if (loc.col > 0)
        iss_buf_printf(out, "%s:%d:%d", nz(file), loc.line, loc.col);
    else
        iss_buf_printf(out, "%s:%d", nz(file), loc.line);
}

/* The counts of one testsuite, or of the whole run. */
typedef struct {
    size_t tests, failures, errors, skipped;
} counts;

static void count_result(counts *k, iss_verdict v, bool strict)
{
    k->tests++;
    if (v == ISS_FAIL || (v == ISS_REVIEW && strict))
        k->failures++;
    else if (v == ISS_REVIEW || v == ISS_NA || v == ISS_WAIVED)
        k->skipped++;
}

/* The first note of res with mark m, or NULL. */
static const iss_note *first_note(const iss_result *res, iss_mark m)
{
    for (size_t i = 0; i < res->nnotes; i++)
        if (res->notes[i].mark == m)
            return &res->notes[i];
    return NULL;
}

/* The reason of a verdict: the notes with mark m joined by "; " (all
 * notes when none has it), or, with no notes at all, the verdict label. */
static void reason(iss_buf *text, const iss_result *res, iss_mark m, iss_lang lang)
{
    bool any = first_note(res, m) != NULL;
    size_t k = 0;
    for (size_t i = 0; i < res->nnotes; i++) {
        if (any && res->notes[i].mark != m && res->notes[i].msg != M_READING)
            continue; /* a reading that decided the verdict is part of the reason */
        if (k++)
            iss_buf_puts(text, "; ");
        iss_note_render(text, &res->notes[i], lang);
    }
    if (k == 0)
        iss_buf_puts(text, iss_verdict_label(res->verdict, lang));
}

static const char *const marks[] = {"-", "+", "?", "x"};

/* The body of a failure: every note one a line, then the citation and the
 * location the verdict rests on. */
static void failure_body(iss_buf *text, const char *decl_file, const iss_result *res, iss_lang lang)
{
    for (size_t i = 0; res->notes && i < res->nnotes; i++) {
        const iss_note *n = &res->notes[i];
        iss_buf_printf(text, "%s ", marks[n->mark]);
        iss_note_render(text, n, lang);
        if ((n->mark == ISS_MARK_FAIL || n->mark == ISS_MARK_REVIEW) && n->loc.line) {
            iss_buf_puts(text, " (");
            location(text, decl_file, n->loc);
            iss_buf_puts(text, ")");
        }
        iss_buf_puts(text, "\n");
    }
    iss_buf_printf(text, "%s: ", iss_string(S_CITATION_L, lang));
    iss_render_citation(text, res->rule, NULL);
    iss_buf_puts(text, "\n");
    if (res->loc.line) {
        iss_buf_printf(text, "%s: ", iss_string(S_AT_L, lang));
        location(text, decl_file, res->loc);
        iss_buf_puts(text, "\n");
    }
}

/* message="TEXT", then " [new]" (the baseline's mark) when there is one:
 * last, so the message still starts with its kind ("review: ", …). */
static void message_attr(iss_buf *out, iss_buf *t, iss_base_mark mark)
{
    if (mark != ISS_BASE_NONE)
        iss_buf_printf(t, " [%s]", iss_base_mark_name(mark));
    attr(out, "message", t->s);
}

static void testcase(iss_buf *out, const char *file, const iss_category *cat, const iss_view *v,
                     const iss_result *res, const iss_run *run)
{
    const iss_rule *rule = res->rule;
    iss_lang lang = run->lang;
    iss_buf t = {0};
    iss_buf_printf(&t, "%s.%s", nz(file), nz(cat->code));
    iss_buf_puts(out, "    <testcase");
    attr(out, "classname", t.s);
    reset(&t);
    iss_buf_printf(&t, "%s %s", nz(rule->id), nz(iss_rule_title(rule, lang)));
    attr(out, "name", t.s);
    reset(&t);
    bool failed = res->verdict == ISS_FAIL || (res->verdict == ISS_REVIEW && run->strict);
    /* against a baseline: a property, and the mark first in the message */
    const iss_base_match *bm = v->r->base;
    iss_base_mark bmark =
        bm && bm->state == ISS_BASE_COMPARED ? bm->marks[res - v->r->results] : ISS_BASE_NONE;
    if (bmark != ISS_BASE_NONE) {
        iss_buf_puts(out, ">\n      <properties>\n  ");
        property(out, "baseline", iss_base_mark_name(bmark));
        iss_buf_puts(out, "      </properties");
    }
    if (failed) {
        bool review = res->verdict == ISS_REVIEW;
        iss_mark m = review ? ISS_MARK_REVIEW : ISS_MARK_FAIL;
        const iss_note *first = first_note(res, m);
        if (!first && res->nnotes)
            first = &res->notes[0];
        bool judged = res->applied != NULL; /* a judgement's fail */
        if (review)
            iss_buf_puts(&t, "review: ");
        if (judged)
            iss_buf_printf(&t, "judged: %s", nz(res->applied->reason));
        else if (first)
            iss_note_render(&t, first, lang);
        else
            iss_buf_puts(&t, iss_verdict_label(res->verdict, lang));
        iss_buf_puts(out, ">\n      <failure");
        message_attr(out, &t, bmark);
        attr(out, "type", review ? "review" : judged ? "judged" : "fail");
        iss_buf_puts(out, ">");
        reset(&t);
        failure_body(&t, v->decl_file, res, lang);
        xml(out, t.s, false);
        iss_buf_puts(out, "</failure>\n    </testcase>\n");
    } else if (res->verdict == ISS_WAIVED) {
        /* skipped, with the waiver's reason and who decided */
        const iss_waiver *w = res->applied;
        char until[ISS_DATE_SIZE];
        iss_date_format(w->expires, until);
        iss_buf_printf(&t, "waived: %s (%s %s, %s %s)", nz(w->reason),
                       iss_string(S_DECIDED_BY_L, lang), nz(w->decided_by),
                       iss_string(S_UNTIL_L, lang), until);
        iss_buf_puts(out, ">\n      <skipped");
        message_attr(out, &t, bmark);
        iss_buf_puts(out, "/>\n    </testcase>\n");
    } else if (res->verdict == ISS_REVIEW || res->verdict == ISS_NA) {
        bool review = res->verdict == ISS_REVIEW;
        iss_buf_puts(&t, review ? "review: " : "n/a: ");
        reason(&t, res, review ? ISS_MARK_REVIEW : ISS_MARK_INFO, lang);
        iss_buf_puts(out, ">\n      <skipped");
        message_attr(out, &t, bmark);
        iss_buf_puts(out, "/>\n    </testcase>\n");
    } else {
        iss_buf_puts(out, bmark != ISS_BASE_NONE ? ">\n    </testcase>\n" : "/>\n");
    }
    iss_buf_free(&t);
}

static void category_suite(iss_buf *out, const iss_view *v, size_t ci, const iss_run *run,
                           counts *total)
{
    const iss_file_result *f = v->f;
    const iss_report *r = v->r;
    const iss_criteria *c = r->criteria;
    const iss_category *cat = &c->categories[ci];
    iss_lang lang = run->lang;
    counts k = {0};
    for (size_t i = 0; i < r->nresults; i++)
        if (r->results[i].rule->category == ci)
            count_result(&k, r->results[i].verdict, run->strict);
    total->tests += k.tests;
    total->failures += k.failures;
    total->skipped += k.skipped;

    iss_buf t = {0};
    iss_buf_printf(&t, "%s: %s (%s)", nz(f->file), nz(cat->code), nz(iss_category_name(cat, lang)));
    iss_buf_puts(out, "  <testsuite");
    attr(out, "name", t.s);
    attr_n(out, "tests", k.tests);
    attr_n(out, "failures", k.failures);
    attr_n(out, "errors", 0);
    attr_n(out, "skipped", k.skipped);
    iss_buf_puts(out, ">\n    <properties>\n");
    char d[ISS_DATE_SIZE];
    property(out, "criteria.title", c->title);
    property(out, "criteria.edition", c->edition);
    iss_date_format(c->date, d);
    property(out, "criteria.date", d);
    property(out, "criteria.status", c->draft ? "draft" : "in-force");
    property(out, "criteria.digest", c->digest);
    property(out, "category", cat->code);
    property(out, "clause", cat->clause);
    const iss_service *s = iss_view_service(v, ci);
    if (s && s->subtypes.n) {
        reset(&t);
        for (size_t i = 0; i < s->subtypes.n; i++)
            iss_buf_printf(&t, "%s%s", i ? ", " : "", nz(s->subtypes.v[i].s));
        property(out, "subtypes", t.s);
    }
    property(out, "provider", v->provider);
    property(out, "declaration.sha256", v->sha256);
    if (r->waivers)
        property(out, "waivers", r->waivers);
    property(out, "reference_date", v->ref_date);
    property(out, "reference_date.source", ref_sources[r->ref_source]);
    reset(&t);
    iss_buf_printf(&t, "%zu", r->unverified_relied);
    property(out, "unverified_entries_relied_on", t.s);
    property(out, "strict", run->strict ? "true" : "false");
    if (run->redacted)
        property(out, "redacted", "true");
    if (run->selection) {
        property(out, "selection", run->selection);
        reset(&t);
        iss_buf_printf(&t, "%zu", r->omitted);
        property(out, "omitted", t.s);
    }
    if (r->base) { /* the file's comparison with --baseline, as the text report says it */
        reset(&t);
        iss_render_baseline(&t, r, lang, NULL);
        property(out, "baseline", t.s);
        if (r->base->ngone) {
            reset(&t);
            iss_render_base_gone(&t, r, lang, NULL);
            property(out, "baseline.resolved_rules", t.s);
        }
    }
    reset(&t);
    iss_buf_printf(&t, "isscheck %s", nz(run->tool_version));
    property(out, "tool", t.s);
    iss_buf_puts(out, "    </properties>\n");
    iss_buf_free(&t);
    for (size_t i = 0; i < r->nresults; i++)
        if (r->results[i].rule->category == ci)
            testcase(out, f->file, cat, v, &r->results[i], run);
    iss_buf_puts(out, "  </testsuite>\n");
}

static void error_suite(iss_buf *out, const iss_view *v, const iss_run *run, counts *total)
{
    const iss_file_result *f = v->f;
    total->tests++;
    total->errors++;
    iss_buf_puts(out, "  <testsuite");
    attr(out, "name", f->file);
    attr_n(out, "tests", 1);
    attr_n(out, "failures", 0);
    attr_n(out, "errors", 1);
    attr_n(out, "skipped", 0);
    iss_buf_puts(out, ">\n    <properties>\n");
    char d[ISS_DATE_SIZE];
    property(out, "criteria.title", run->criteria->title);
    property(out, "criteria.edition", run->criteria->edition);
    iss_date_format(run->criteria->date, d);
    property(out, "criteria.date", d);
    property(out, "criteria.status", run->criteria->draft ? "draft" : "in-force");
    property(out, "criteria.digest", run->criteria->digest);
    property(out, "strict", run->strict ? "true" : "false");
    if (run->redacted)
        property(out, "redacted", "true");
    iss_buf t = {0};
    iss_buf_printf(&t, "isscheck %s", nz(run->tool_version));
    property(out, "tool", t.s);
    iss_buf_puts(out, "    </properties>\n    <testcase");
    attr(out, "classname", f->file);
    attr(out, "name", "load");
    /* the message: the first error (else the first diagnostic), as
     * FILE:LINE:COL: error: MESSAGE (the shape iss_diags_print writes) */
    reset(&t);
    if (v->first_error)
        iss_view_diag(&t, v, v->first_error, NULL);
    else
        iss_buf_printf(&t, "%s: error: %s", nz(f->file), iss_string(S_LOAD_FAILED_L, run->lang));
    iss_buf_puts(out, ">\n      <error");
    attr(out, "message", t.s);
    attr(out, "type", "input");
    iss_buf_puts(out, ">");
    reset(&t);
    iss_view_diags(&t, v, NULL, "", "\n");
    xml(out, t.s, false);
    iss_buf_puts(out, "</error>\n    </testcase>\n  </testsuite>\n");
    iss_buf_free(&t);
}

/* Section 0: the file's testsuites, one per category (or one for a file
 * that could not be loaded). */
static void junit_part(iss_part *p, const iss_run *run, const iss_view *v, size_t index)
{
    (void)index;
    counts total = {0};
    if (!v->r) {
        error_suite(&p->sec[0], v, run, &total);
    } else {
        for (size_t ci = 0; ci < v->r->criteria->ncategories; ci++)
            if (iss_report_has_category(v->r, ci))
                category_suite(&p->sec[0], v, ci, run, &total);
    }
    p->tests = total.tests;
    p->failures = total.failures;
    p->errors = total.errors;
    p->skipped = total.skipped;
}

/* The waivers file's entries that did nothing: a suite of no testcase
 * named after the file, each entry a line of its system-err (which CI
 * systems show with the suite), FILE:LINE:COL: warning: MESSAGE. */
static void unused_suite(iss_buf *out, const iss_run *run, const iss_run_totals *t)
{
    iss_unused *u;
    size_t n = iss_waivers_unused(run->waivers, t, &u);
    if (!n)
        return;
    iss_buf_puts(out, "  <testsuite");
    attr(out, "name", u[0].w->file);
    attr_n(out, "tests", 0);
    attr_n(out, "failures", 0);
    attr_n(out, "errors", 0);
    attr_n(out, "skipped", 0);
    iss_buf_puts(out, ">\n    <properties>\n");
    property(out, "waivers", u[0].w->file);
    iss_buf_puts(out, "    </properties>\n    <system-err>");
    iss_buf lines = {0};
    for (size_t i = 0; i < n; i++) {
        iss_buf_printf(&lines, "%s:%d:%d: %s: ", u[i].w->file, u[i].w->loc.line, u[i].w->loc.col,
                       u[i].kind == ISS_UNUSED_ABSENT ? "note" : "warning");
        iss_unused_render(&lines, &u[i], run->lang, NULL);
        iss_buf_puts(&lines, "\n");
    }
    xml(out, lines.s, false);
    iss_buf_puts(out, "</system-err>\n  </testsuite>\n");
    iss_buf_free(&lines);
    free(u);
}

/* The root carries the totals of every file. */
static void junit_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    if (k == 1) {
        unused_suite(out, run, t);
        iss_buf_puts(out, "</testsuites>\n");
        return;
    }
    iss_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
    attr(out, "name", "isscheck");
    attr_n(out, "tests", t->tests);
    attr_n(out, "failures", t->failures);
    attr_n(out, "errors", t->errors);
    attr_n(out, "skipped", t->skipped);
    iss_buf_puts(out, ">\n");
}

const iss_format iss_format_junit = {
    .name = "junit",
    .nsections = 1,
    .part = junit_part,
    .glue = junit_glue,
};

void iss_report_junit(iss_buf *out, const iss_run *run)
{
    iss_report_render(out, &iss_format_junit, run);
}
