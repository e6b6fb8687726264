/* report.h - rendering a verdict record.  Reporters read iss_report and
 * nothing else. */
#ifndef ISSCHECK_REPORT_H
#define ISSCHECK_REPORT_H

#include "isscheck/eval.h"

/* The reporters' words (strings.def), by id. */
typedef enum {
#define ISS_STR(id, ja, en) id,
#include "isscheck/strings.def"
#undef ISS_STR
    ISS_STR_COUNT
} iss_str_id;
const char *iss_string(iss_str_id id, iss_lang lang);
/* Appends the string id in lang with its {0} replaced by arg. */
void iss_string_arg(iss_buf *out, iss_str_id id, iss_lang lang, const char *arg);
/* The language as a BCP 47 tag: "ja" or "en". */
const char *iss_lang_tag(iss_lang lang);
/* The text of the criteria's own bilingual fields, in lang. */
const char *iss_rule_title(const iss_rule *rule, iss_lang lang);
const char *iss_category_name(const iss_category *cat, iss_lang lang);
const char *iss_risk_level(const iss_risk *k, iss_lang lang);

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

/* What a review result becomes in the CI formats (github, gitlab, sarif):
 * --review-level warning (the default), note, or none (left out). */
typedef enum { ISS_REVIEW_WARNING, ISS_REVIEW_NOTE, ISS_REVIEW_NONE } iss_review_level;
struct iss_waivers; /* waivers.h */

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
    /* --show: the verdicts the human formats (text, Markdown, HTML) list,
     * a bit (1u << verdict) each; 0: every one.  Their counts and the
     * machine formats keep every result.  show_option is the option as the
     * reports name it ("--show fail,review"), or NULL. */
    unsigned show;
    const char *show_option;
    iss_review_level review_level; /* --review-level: review results in the CI formats */
    const char *baseline; /* --baseline: the earlier report each result is marked against */
    bool fail_on_new;     /* --fail-on new: the status counts only new fails */
    const struct iss_waivers *waivers; /* --waivers, or NULL: its entries that did nothing */
} iss_run;

/* The verdict a --show name stands for (iss_verdict_name's, and "na"),
 * or ISS_VERDICTS for a name that is none. */
iss_verdict iss_verdict_parse(const char *name);
/* Whether the human formats list res in run (--show). */
bool iss_run_shows(const iss_run *run, const iss_result *res);
/* How many results of r --show leaves out of the human formats. */
size_t iss_run_hidden(const iss_run *run, const iss_report *r);

/* The text report of a run: each checked file's report and, for more than
 * one file, a summary table of every file. */
void iss_report_text_run(iss_buf *out, const iss_run *run);

/* ---- the per-file view ------------------------------------------------
 *
 * What every format shows of one checked file, decided once: its status
 * class and label, the facts of its header, the disclaimer, its dates, and
 * for a file that could not be loaded its first error.  A reporter renders
 * the view (and the verdict records, r->results) into its markup; the
 * words come from strings.def.  The render helpers below write text that
 * several formats share, each string of the declaration, the criteria or
 * a diagnostic through the format's escaper (NULL: as it is). */

typedef void iss_escape_fn(iss_buf *out, const char *s);

/* A file's status as the summary tables show it: not loaded, or its worst
 * verdict (review counted as fail with --strict: REVIEW_STRICT). */
typedef enum {
    ISS_STATUS_NOT_LOADED,
    ISS_STATUS_PASS,
    ISS_STATUS_REVIEW,
    ISS_STATUS_REVIEW_STRICT,
    ISS_STATUS_FAIL
} iss_status_class;

typedef struct {
    const iss_file_result *f;
    const iss_report *r; /* f->report: NULL when the file was not loaded */
    iss_lang lang;
    iss_status_class status;
    iss_verdict status_verdict; /* the verdict shown for status: FAIL, REVIEW or PASS */
    const char *status_label;   /* its label; S_NOT_LOADED_STATUS when not loaded */
    /* the header of a loaded file (NULL or "" otherwise) */
    const char *provider, *sha256;
    const char *decl_file;        /* the declaration's name, as locations give it */
    char ref_date[ISS_DATE_SIZE]; /* YYYY-MM-DD */
    const char *ref_source;       /* where the reference date came from */
    const char *disclaimer;       /* S_UNVERIFIED_NOTICE when verdicts rest on unverified entries */
    /* a file that was not loaded: its first error, else its first diagnostic */
    const iss_diag *first_error;
} iss_view;

/* The view of f; strict: review fails the run (--strict). */
void iss_view_init(iss_view *v, const iss_file_result *f, iss_lang lang, bool strict);
/* The service the declaration applies for in category ci, or NULL. */
const iss_service *iss_view_service(const iss_view *v, size_t ci);
/* A diagnostic of v's file as FILE:LINE:COL: error: MESSAGE, escaped. */
void iss_view_diag(iss_buf *out, const iss_view *v, const iss_diag *x, iss_escape_fn *esc);
/* Every diagnostic of v's file so, each between before and after. */
void iss_view_diags(iss_buf *out, const iss_view *v, iss_escape_fn *esc, const char *before,
                    const char *after);
/* Whether category ci of v's report applies only with a top-level section
 * (trust) that the declaration does not have: then every result of it is
 * n/a for that one reason, which the human formats say in one line
 * (iss_render_section_absent) instead of a result per rule; *n: how many. */
bool iss_view_section_absent(const iss_view *v, size_t ci, size_t *n);
/* That line's text: "the declaration has no 'trust' section, so none of
 * this category's rules apply", in v's language, the name through esc. */
void iss_render_section_absent(iss_buf *out, const iss_view *v, size_t ci, iss_escape_fn *esc);
/* Whether the human formats list anything of category ci (a result
 * --show keeps, or the one line of iss_view_section_absent). */
bool iss_view_category_shown(const iss_run *run, const iss_view *v, size_t ci);
/* The categories applied for, in criteria order, sep between two
 * (iss_render_category each). */
void iss_view_categories(iss_buf *out, const iss_view *v, const char *sep, bool colon,
                         iss_escape_fn *esc);

/* "title edition (issuer, date, status, digest OPEN digest CLOSE)" */
void iss_render_criteria(iss_buf *out, const iss_criteria *c, iss_lang lang, iss_escape_fn *esc,
                         const char *open, const char *close);
/* A rule's citation: "title edition clause" of its criteria set. */
void iss_render_citation(iss_buf *out, const iss_rule *rule, iss_escape_fn *esc);
/* "PASS 5, REVIEW 2, FAIL 0, N/A 8", then the waived and judged counts
 * when a waivers file set any. */
void iss_render_counts(iss_buf *out, const size_t *counts, size_t judged, iss_lang lang);
/* A category applied for with its sub-types: "va (web, platform)", or with
 * colon "va: web, platform" (s NULL: the code alone). */
void iss_render_category(iss_buf *out, const char *code, const iss_service *s, bool colon,
                         iss_escape_fn *esc);
/* A note's text, escaped (tmp: a buffer to reuse), then " (line N)" when
 * the note is marked fail or review and has a line. */
void iss_render_note(iss_buf *out, const iss_note *n, iss_lang lang, iss_escape_fn *esc,
                     iss_buf *tmp);
/* A date as YYYY-MM-DD. */
void iss_render_date(iss_buf *out, iss_day d);

/* The summary as CSV (RFC 4180): a header, then one row per file. */
void iss_report_summary_csv(iss_buf *out, const iss_run *run);

/* ---- a run rendered file by file ---------------------------------------
 *
 * A run's report is a document made of run-level glue and per-file parts:
 *
 *   glue 0, section 0, glue 1, section 1, …, section n-1, glue n
 *
 * where section k is the concatenation, in file order, of the k-th buffer
 * of every file's part (a format's sep[k] between two files' non-empty
 * buffers).  A part is rendered from one file's result as soon as it is
 * checked, by any thread (iss_part_render); the report can then be freed.
 * The glue is rendered at the end, when the facts only the end knows are
 * known (the run's status, totals, which rules some file evaluated); what
 * it needs of each file is its summary row.  iss_report_stream keeps the
 * sections in temporary files meanwhile, so a run's memory does not grow
 * with its reports.  The whole-run functions above are this, in memory. */

/* What a run keeps of a checked file once its report is freed: what the
 * text summary table, the summary CSV and the glue need.  Its strings are
 * one block, starting at file (iss_file_summary_free). */
typedef struct {
    char *file;       /* as named */
    char *provider;   /* NULL when the file could not be loaded */
    char *categories; /* codes of the categories applied for, ' ' between */
    char *error;      /* not loaded: its first diagnostic's message, or "" */
    char *sha256;     /* the declaration's digest, or "" when not loaded */
    char *failed;     /* ids of the rules whose verdict is fail, ' ' between */
    char *review;     /* ids of the rules whose verdict is review, ' ' between */
    size_t counts[ISS_VERDICTS];
    size_t judged;
    int status;
} iss_file_summary;

/* The summary row of f, messages in lang; freed by iss_file_summary_free. */
void iss_file_summary_init(iss_file_summary *s, const iss_file_result *f, iss_lang lang);
void iss_file_summary_free(iss_file_summary *s);
/* The summary CSV (iss_report_summary_csv) of rows[0..n): every cell is
 * text as the text report escapes it (iss_text_str), and one that starts
 * with '=', '+', '-', '@', a tab or a carriage return gets a leading "'",
 * so that a spreadsheet never reads it as a formula. */
void iss_summary_csv(iss_buf *out, const iss_file_summary *rows, size_t n);

enum { ISS_SECTIONS_MAX = 3 };

/* One file's part of a report, and what it adds to the run's totals. */
typedef struct {
    iss_buf sec[ISS_SECTIONS_MAX];
    iss_file_summary row;
    size_t tests, failures, errors, skipped; /* JUnit's testcases */
    unsigned char *rules_used;               /* per rule of run->criteria: evaluated here (SARIF) */
    unsigned char *waivers_used; /* per entry of run->waivers: ISS_ENTRY_* flags (waivers.h) */
} iss_part;

/* What the glue knows of the whole run: the sums of every part. */
typedef struct {
    const iss_file_summary *rows; /* one per file, in order */
    size_t nrows;
    size_t not_loaded;
    size_t tests, failures, errors, skipped;
    const unsigned char *rules_used;   /* per rule of run->criteria: evaluated for some file */
    const unsigned char *waivers_used; /* per entry of run->waivers: its flags ORed over files */
} iss_run_totals;

/* A report format.  part renders one file's view (index: its place in the
 * run) into p->sec[0..nsections) and its share of the totals; glue renders the
 * run-level text before section k (k == nsections: the tail).  Parts see
 * of run only what is known before the first file: its options, criteria
 * and nfiles (files is NULL and status unknown when streaming). */
typedef struct {
    const char *name;
    size_t nsections;
    const char *sep[ISS_SECTIONS_MAX];
    /* section 0 may be written as it comes: glue 0 is always empty */
    bool direct;
    /* the document ends in at most one newline (Markdown) */
    bool squeeze;
    /* this section carries SARIF rule indexes as "\x01POS\x02", POS the
     * rule's place in run->criteria: the index into driver.rules replaces
     * it when the section is copied (neither byte can occur otherwise:
     * JSON escapes control characters) */
    bool rule_index[ISS_SECTIONS_MAX];
    void (*part)(iss_part *p, const iss_run *run, const iss_view *v, size_t index);
    void (*glue)(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k);
} iss_format;

extern const iss_format iss_format_text, iss_format_json, iss_format_sarif, iss_format_junit,
    iss_format_markdown, iss_format_html;
/* The CI formats (report_github.c, report_gitlab.c). */
extern const iss_format iss_format_github, iss_format_gitlab;
/* The formats above, in the order the CLI lists them; NULL-terminated. */
extern const iss_format *const iss_formats[];

/* Renders f's part into p (which iss_part_free empties).  Thread-safe: it
 * only reads run and f. */
void iss_part_render(iss_part *p, const iss_format *fmt, const iss_run *run,
                     const iss_file_result *f, size_t index);
void iss_part_free(iss_part *p);

/* A report being written: new, a part per file in order, finish, free.
 * With a direct format, section 0 goes to out as it comes; the other
 * sections wait in temporary files.  NULL (errno set) when a temporary
 * file cannot be made. */
typedef struct iss_report_stream iss_report_stream;
iss_report_stream *iss_report_stream_new(const iss_format *fmt, const iss_run *run, FILE *out);
/* Adds the next file's part (its buffers are consumed, its row kept). */
bool iss_report_stream_add(iss_report_stream *s, iss_part *p);
/* The rows and totals so far. */
const iss_run_totals *iss_report_stream_totals(const iss_report_stream *s);
/* Writes the document to out: glue and sections; run->status is now the
 * run's.  false on a read or write error (errno set). */
bool iss_report_stream_finish(iss_report_stream *s, const iss_run *run);
void iss_report_stream_free(iss_report_stream *s);

/* The whole document of run (with its files) in fmt, appended to out. */
void iss_report_render(iss_buf *out, const iss_format *fmt, const iss_run *run);

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
