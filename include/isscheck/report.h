/* report.h - rendering a verdict record.  Reporters read iss_report and
 * nothing else. */
#ifndef ISSCHECK_REPORT_H
#define ISSCHECK_REPORT_H

#include "isscheck/eval.h"

/* Appends the note's text in lang to out. */
void iss_note_render(iss_buf *out, const iss_note *n, iss_lang lang);
const char *iss_verdict_label(iss_verdict v, iss_lang lang);
/* Where the reference date came from, in lang, for every report's header. */
const char *iss_ref_source_label(iss_ref_source src, iss_lang lang);

/* The plain-text report; tool_version names the program. */
void iss_report_text(iss_buf *out, const iss_report *r, iss_lang lang, const char *tool_version);

/* One checked file of a run: its report, or the errors that kept it from
 * being checked. */
typedef struct {
    const char *file;         /* as named on the command line */
    const iss_report *report; /* NULL when the file could not be loaded */
    const iss_diags *diags;   /* its errors; may be NULL */
    int status;               /* 0 no rule failed, 1 a rule failed, 2 not loaded */
} iss_file_result;

typedef struct {
    const char *tool_version;
    iss_lang lang;
    bool strict;
    const iss_criteria *criteria;
    const iss_file_result *files;
    size_t nfiles;
    int status;            /* of the whole run */
    const char *selection; /* the --category/--rule/--skip options given, or NULL */
    bool redacted;         /* --redact: every report's persons are pseudonyms (redact.h) */
    bool require_evidence; /* --require-evidence: claims naming no evidence are review */
} iss_run;

/* The text report of a run: each checked file's report and, for more than
 * one file, a summary table of every file. */
void iss_report_text_run(iss_buf *out, const iss_run *run);

/* The summary as CSV (RFC 4180): a header, then one row per file. */
void iss_report_summary_csv(iss_buf *out, const iss_run *run);

/* The JSON report of a run (schema: schema/isscheck-report.schema.json,
 * version 1): every file, with its results or its errors. */
void iss_report_json(iss_buf *out, const iss_run *run);

/* SARIF 2.1.0 (report_sarif.c), JUnit XML (report_junit.c) and Markdown
 * (report_markdown.c) reports of a run; the mappings are documented in
 * isscheck(1). */
void iss_report_sarif(iss_buf *out, const iss_run *run);
void iss_report_junit(iss_buf *out, const iss_run *run);
void iss_report_markdown(iss_buf *out, const iss_run *run);
/* One self-contained HTML5 page (report_html.c): a summary of the files,
 * and per file a matrix of categories and rules, one cell per result that
 * opens to its citation, location and notes. */
void iss_report_html(iss_buf *out, const iss_run *run);

/* The first error of a file that could not be loaded (else its first
 * diagnostic), or NULL. */
const iss_diag *iss_file_first_error(const iss_file_result *f);
/* Whether r has a result of category cat. */
bool iss_report_has_category(const iss_report *r, size_t cat);

/* The message id of a note as a string ("M_TRACK", …), stable across
 * releases of the same report schema version. */
const char *iss_msg_id(iss_msg msg);

#endif
