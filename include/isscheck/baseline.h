/* baseline.h - an earlier run's JSON report (schema/isscheck-report.schema.json,
 * version 1) as a baseline: each result of a new run marked new, unchanged
 * or resolved against it (isscheck check --baseline).
 *
 * The baseline is read once, before any file is checked, and only read
 * after: iss_baseline_match may run in any number of threads at once.
 * iss_baseline_load returns an object the caller frees with
 * iss_baseline_free; iss_baseline_free(NULL) does nothing; the match lives
 * in the report's arena. */
#ifndef ISSCHECK_BASELINE_H
#define ISSCHECK_BASELINE_H

#include "isscheck/report.h"

/* A result against the baseline: NONE (not compared, or neither now nor
 * then a problem), NEW (fail or review now, not with that verdict then),
 * UNCHANGED (the same fail or review then), RESOLVED (fail or review then,
 * now pass, n/a or waived). */
typedef enum {
    ISS_BASE_NONE,
    ISS_BASE_NEW,
    ISS_BASE_UNCHANGED,
    ISS_BASE_RESOLVED,
    ISS_BASE_MARKS
} iss_base_mark;

/* Whether a checked file was compared, and if not why: the baseline has
 * no file of its provider, several and none of the same name, or its file
 * was checked against other criteria editions. */
typedef enum {
    ISS_BASE_COMPARED,
    ISS_BASE_NO_PROVIDER,
    ISS_BASE_AMBIGUOUS,
    ISS_BASE_OTHER_EDITION
} iss_base_state;

/* One result of the baseline: its rule id and verdict. */
typedef struct {
    const char *rule;
    iss_verdict verdict;
} iss_base_result;

/* One loaded file of the baseline. */
typedef struct {
    const char *file, *provider;
    const char *editions; /* "DOCUMENT EDITION", "; " between two, in report order */
    bool named;           /* a file of the run has this name (iss_baseline_claim) */
    iss_base_result *results;
    size_t nresults;
} iss_base_file;

typedef struct {
    const char *file; /* the baseline, as named */
    iss_base_file *files;
    size_t nfiles;
    iss_arena *arena;
} iss_baseline;

/* One checked file against the baseline (iss_report.base). */
struct iss_base_match {
    const char *baseline; /* the baseline, as named */
    iss_base_state state;
    const char *editions;        /* this file's, as iss_base_file.editions */
    const char *base_editions;   /* OTHER_EDITION: the baseline file's */
    const char *base_file;       /* the baseline file compared with, or NULL */
    iss_base_mark *marks;        /* one per result of the report */
    const iss_base_result **was; /* per result, the baseline's of its rule, or NULL */
    size_t counts[ISS_BASE_MARKS];
    /* fail or review in the baseline, of rules the report no longer has
     * (its declaration no longer applies for their category): resolved */
    const iss_base_result **gone;
    size_t ngone;
};
typedef struct iss_base_match iss_base_match;

/* Reads the JSON report at path, shown as name.  NULL after adding an
 * error to d (the file name; line and column where Jansson gives them)
 * when it cannot be read or is not a version 1 isscheck report. */
iss_baseline *iss_baseline_load(const char *path, const char *name, iss_diags *d);
void iss_baseline_free(iss_baseline *b);
/* Says that a file of the run is named file: a baseline file of that name
 * is then that file's, and is never taken for another file of its provider
 * (the only file of a provider is taken for a renamed declaration).  Called
 * for every file before the first is checked. */
void iss_baseline_claim(iss_baseline *b, const char *file);

/* Compares r with its provider's file of b and sets r->base; sel (NULL:
 * none) is the run's selection: a baseline problem of a rule it leaves out
 * was not checked, so it is not called resolved. */
void iss_baseline_match(const iss_baseline *b, iss_report *r, const iss_selection *sel);

/* The mark's name: "new", "unchanged", "resolved" (NULL for NONE). */
const char *iss_base_mark_name(iss_base_mark m);

/* Whether r has a new fail (or, strict, a new review) against its
 * baseline, or, not compared, any fail (or review): what --fail-on new
 * counts. */
bool iss_baseline_fails(const iss_report *r, bool strict);

/* SARIF 2.1.0 §3.27.24's baselineState of result i, or NULL (not compared,
 * or a pass or n/a that was no problem either): new, unchanged, updated
 * (in both, changed: a problem then, waived now) or absent (a problem
 * then, pass or n/a now). */
const char *iss_base_sarif_state(const iss_report *r, size_t i);

/* ---- what the reporters show (report_baseline.c) ----
 * Every string of the baseline or the declaration goes through esc. */

/* The word of result i's mark in lang (strings.def), or NULL: none. */
const char *iss_base_label(const iss_report *r, size_t i, iss_lang lang);
/* The mark as the text report's verdict suffix, ", new" ("・新規"). */
void iss_render_base_mark(iss_buf *out, const iss_report *r, size_t i, iss_lang lang);
/* What the header says of the baseline: "FILE (new N, unchanged N,
 * resolved N)", or "FILE (not compared: WHY)"; nothing without one. */
void iss_render_baseline(iss_buf *out, const iss_report *r, iss_lang lang, iss_escape_fn *esc);
/* The baseline problems of rules no longer reported: "ID (VERDICT)", ", "
 * between two. */
void iss_render_base_gone(iss_buf *out, const iss_report *r, iss_lang lang, iss_escape_fn *esc);
/* The header's facts of the baseline, each BEFORE label BETWEEN value
 * AFTER: the baseline (iss_render_baseline), then the rules no longer
 * reported when there are some. */
void iss_render_baseline_facts(iss_buf *out, const iss_report *r, iss_lang lang, iss_escape_fn *esc,
                               const char *before, const char *between, const char *after);

#endif
