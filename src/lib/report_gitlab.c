/* report_gitlab.c - GitLab's Code Quality report (a JSON array of issues,
 * artifacts:reports:codequality), for the merge-request widget.
 *
 * The mapping (documented in isscheck(1)):
 *   one issue per fail and review result and per declaration that could
 *   not be loaded: description = the verdict, rule id, title and citation,
 *   then the notes that decided it, "; " between; check_name = the rule id
 *   (ISS-LOAD for a file not loaded); fingerprint = SHA-256 of the file as
 *   named, a NUL and check_name (stable from run to run, unique in a run);
 *   severity: fail "major", review "minor" (--review-level note: "info";
 *   none: left out), not loaded "critical"; location.path = the file as
 *   named, location.lines.begin = the line the verdict rests on (the first
 *   error's; 1 when not known).  pass, n/a and waived give no issue.
 * Text from declarations, file names and criteria is escaped as the text
 * report escapes it (no control character reaches the widget), then as
 * JSON.  The document is one line per issue, the same bytes whatever -j. */
#include "isscheck/baseline.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "report_ci.h"
#include "sha256.h"

#include <stdlib.h>
#include <string.h>

/* s as a JSON string, escaped for a person first */
static void text_json(iss_buf *out, const char *s)
{
    iss_buf t = {0};
    iss_text_str(&t, s);
    iss_json_str(out, t.s ? t.s : "");
    iss_buf_free(&t);
}

/* The SHA-256 of parts[0..n), a NUL between two (it keeps them apart). */
static void fingerprint(char hex[65], const char *const *parts, size_t n)
{
    iss_sha256 h;
    iss_sha256_init(&h);
    for (size_t i = 0; i < n; i++)
        iss_sha256_add(&h, parts[i], strlen(parts[i]) + (i + 1 < n));
    iss_sha256_hex(&h, hex);
}

/* hex: the fingerprint; NULL: that of the file as named and check */
static void issue(iss_buf *out, const char *check, const char *description, const char *severity,
                  const char *file, int line, const char *hex)
{
    char own[65];
    if (!hex) {
        const char *parts[] = {file, check};
        fingerprint(own, parts, 2);
        hex = own;
    }
    if (out->len)
        iss_buf_puts(out, ",\n");
    iss_buf_puts(out, "{");
    iss_json_key(out, "type", true);
    iss_json_str(out, "issue");
    iss_json_key(out, "check_name", false);
    text_json(out, check);
    iss_json_key(out, "description", false);
    iss_json_str(out, description); /* escaped already, piece by piece */
    iss_json_key(out, "categories", false);
    iss_buf_puts(out, "[\"Compliance\"]");
    iss_json_key(out, "severity", false);
    iss_json_str(out, severity);
    iss_json_key(out, "fingerprint", false);
    iss_json_str(out, hex);
    iss_json_key(out, "location", false);
    iss_buf_puts(out, "{");
    iss_json_key(out, "path", true);
    text_json(out, file);
    iss_json_key(out, "lines", false);
    iss_buf_puts(out, "{");
    iss_json_key(out, "begin", true);
    iss_json_int(out, line > 0 ? line : 1);
    iss_buf_puts(out, "}}}");
}

static void gitlab_part(iss_part *p, const iss_run *run, const iss_view *v, size_t index)
{
    (void)index;
    iss_buf d = {0};
    if (!v->r) {
        const iss_diag *e = v->first_error;
        iss_ci_load_message(&d, v, iss_text_str, "; ");
        issue(&p->sec[0], ISS_CI_LOAD_RULE, d.s, "critical", v->f->file, e ? e->loc.line : 0, NULL);
    }
    for (size_t k = 0; v->r && k < v->r->nresults; k++) {
        const iss_result *res = &v->r->results[k];
        iss_ci_level level = iss_ci_level_of(res->verdict, run->review_level);
        if (level == ISS_CI_NONE)
            continue;
        d.len = 0;
        /* the mark against the baseline leads; the fingerprint leaves it
         * out, so that the issue stays the same from round to round */
        const char *mark = iss_base_label(v->r, k, run->lang);
        if (mark)
            iss_buf_printf(&d, "[%s] ", mark);
        iss_ci_result_message(&d, v->r->criteria, res, run->lang, iss_text_str, "; ");
        issue(&p->sec[0], res->rule->id, d.s,
              level == ISS_CI_ERROR     ? "major"
              : level == ISS_CI_WARNING ? "minor"
                                        : "info",
              iss_ci_file(v->f), res->loc.line, NULL);
    }
    iss_buf_free(&d);
}

/* The waivers file's entries that did nothing, each an issue at the entry
 * (severity "minor", "info" for a provider simply absent from the run).
 * The fingerprint is the entry's identity, not its line: the waivers
 * file, ISS-WAIVER-UNUSED, waiver or judgement, edition, rule, provider
 * and pinned digest: unique, as the loader refuses two entries with the
 * same target, and the same when lines are added above it. */
static void unused_issues(iss_buf *out, const iss_run *run, const iss_run_totals *t)
{
    iss_unused *u;
    size_t n = iss_waivers_unused(run->waivers, t, &u);
    iss_buf d = {0};
    for (size_t i = 0; i < n; i++) {
        const iss_waiver *w = u[i].w;
        char hex[65];
        const char *parts[] = {w->file,
                               ISS_CI_UNUSED_RULE,
                               w->kind == ISS_ENTRY_JUDGEMENT ? "judgement" : "waiver",
                               w->edition ? w->edition : "",
                               w->rule,
                               w->provider,
                               w->sha256 ? w->sha256 : ""};
        fingerprint(hex, parts, sizeof parts / sizeof *parts);
        d.len = 0;
        iss_unused_render(&d, &u[i], run->lang, iss_text_str);
        issue(out, ISS_CI_UNUSED_RULE, d.s,
              iss_ci_unused_level(&u[i]) == ISS_CI_NOTE ? "info" : "minor", w->file, w->loc.line,
              hex);
    }
    iss_buf_free(&d);
    free(u);
}

/* "[", an issue a line, "]": "[]" when the run has none (the glue knows
 * every file's counts); the entries of --waivers that did nothing last */
static void gitlab_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    bool parts = t->not_loaded > 0;
    for (size_t i = 0; i < t->nrows && !parts; i++)
        parts = t->rows[i].counts[ISS_FAIL] ||
                (run->review_level != ISS_REVIEW_NONE && t->rows[i].counts[ISS_REVIEW]);
    iss_buf unused = {0};
    unused_issues(&unused, run, t);
    bool any = parts || unused.len;
    if (k == 0) {
        iss_buf_puts(out, any ? "[\n" : "[");
    } else {
        if (parts && unused.len)
            iss_buf_puts(out, ",\n");
        if (unused.len)
            iss_buf_add(out, unused.s, unused.len);
        iss_buf_puts(out, any ? "\n]\n" : "]\n");
    }
    iss_buf_free(&unused);
}

const iss_format iss_format_gitlab = {
    .name = "gitlab",
    .nsections = 1,
    .sep = {",\n"},
    .part = gitlab_part,
    .glue = gitlab_glue,
};
