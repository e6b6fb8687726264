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
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "report_ci.h"
#include "sha256.h"

#include <string.h>

/* s as a JSON string, escaped for a person first */
static void text_json(iss_buf *out, const char *s)
{
    iss_buf t = {0};
    iss_text_str(&t, s);
    iss_json_str(out, t.s ? t.s : "");
    iss_buf_free(&t);
}

static void issue(iss_buf *out, const char *check, const char *description, const char *severity,
                  const char *file, int line)
{
    char hex[65];
    iss_sha256 h;
    iss_sha256_init(&h);
    iss_sha256_add(&h, file, strlen(file) + 1); /* the NUL keeps file and check apart */
    iss_sha256_add(&h, check, strlen(check));
    iss_sha256_hex(&h, hex);
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
        issue(&p->sec[0], ISS_CI_LOAD_RULE, d.s, "critical", v->f->file, e ? e->loc.line : 0);
    }
    for (size_t k = 0; v->r && k < v->r->nresults; k++) {
        const iss_result *res = &v->r->results[k];
        iss_ci_level level = iss_ci_level_of(res->verdict, run->review_level);
        if (level == ISS_CI_NONE)
            continue;
        d.len = 0;
        iss_ci_result_message(&d, v->r->criteria, res, run->lang, iss_text_str, "; ");
        issue(&p->sec[0], res->rule->id, d.s,
              level == ISS_CI_ERROR     ? "major"
              : level == ISS_CI_WARNING ? "minor"
                                        : "info",
              iss_ci_file(v->f), res->loc.line);
    }
    iss_buf_free(&d);
}

/* "[", an issue a line, "]": "[]" when the run has none (the glue knows
 * every file's counts) */
static void gitlab_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    bool any = t->not_loaded > 0;
    for (size_t i = 0; i < t->nrows && !any; i++)
        any = t->rows[i].counts[ISS_FAIL] ||
              (run->review_level != ISS_REVIEW_NONE && t->rows[i].counts[ISS_REVIEW]);
    iss_buf_puts(out, k == 0 ? (any ? "[\n" : "[") : (any ? "\n]\n" : "]\n"));
}

const iss_format iss_format_gitlab = {
    .name = "gitlab",
    .nsections = 1,
    .sep = {",\n"},
    .part = gitlab_part,
    .glue = gitlab_glue,
};
