/* run.h - checking one declaration file the way a user of `isscheck check`
 * sees it, in one call: loaded and hashed, evaluated against its editions,
 * the selection kept, the waivers applied, redacted, and its outcome (the
 * exit status it gives).  The caller renders the result (report.h:
 * iss_part_render), writes it and frees it; a run keeps only its summary
 * row, so its memory does not grow with the number of files.
 *
 * Ownership as everywhere (base.h): iss_check_file returns an object the
 * caller frees with iss_checked_free; iss_checked_free(NULL) does nothing;
 * nothing takes ownership of its arguments.  The options and what they
 * point to must outlive the results. */
#ifndef ISSCHECK_RUN_H
#define ISSCHECK_RUN_H

#include "isscheck/baseline.h"
#include "isscheck/editions.h"
#include "isscheck/report.h"
#include "isscheck/waivers.h"

typedef struct {
    const iss_editions *editions;
    const iss_limits *limits;       /* the input limits (not NULL) */
    const iss_selection *selection; /* NULL or empty: every result */
    const iss_waivers *waivers;     /* NULL: none */
    iss_day as_of;                  /* ISS_NO_DATE: the declaration's reference date */
    iss_day today;                  /* in Japan: the default reference date, waiver expiry */
    bool strict;                    /* review gives status 1, as fail does */
    bool redact;                    /* persons replaced by pseudonyms (redact.h) */
    bool require_evidence;          /* claims naming no evidence count only as review */
    const iss_baseline *baseline;   /* NULL: none; else each result marked against it */
    bool fail_on_new;               /* the status counts only new fails (iss_baseline_fails) */
} iss_check_options;

/* One checked file.  result.report is NULL when the file could not be
 * loaded (result.status 2, result.diags says why); result.diags also holds
 * the warnings of a file that loaded. */
typedef struct {
    iss_file_result result; /* points into this object */
    iss_decl *decl;
    iss_diags diags;
    char *file;
    /* 1 + the index in diags of the warning that the file was not compared
     * with the baseline, or 0 */
    size_t base_warning;
} iss_checked;

/* Checks the file at path ("-": standard input), named name in reports and
 * diagnostics.  scratch (or NULL) is memory reused from file to file by one
 * thread while the file is read.  Thread-safe: reads only o and what it
 * points to. */
/* Whether the reference date a check would use (as_of, else the
 * declaration's, else today; ISS_NO_DATE for none) leaves room for the
 * longest window decl's criteria count back from it; if not, adds an error
 * naming the earliest date allowed (at the reference_date line when it is
 * the declaration's): a window starting before 0001-01-01 is refused, never
 * clamped.  iss_check_file applies it before evaluating. */
bool iss_reference_fits(const iss_decl *decl, iss_day as_of, iss_day today, iss_diags *d,
                        const char *file);

/* Whether a reference date given for the whole run (--as-of; ISS_NO_DATE:
 * none) leaves room for the longest window any loaded edition counts back
 * from it; if not, adds an error (no file, no position) naming the earliest
 * date allowed.  Checked once, before any file is read. */
bool iss_as_of_fits(iss_day as_of, const iss_editions *ed, iss_diags *d);

iss_checked *iss_check_file(const char *path, const char *name, const iss_check_options *o,
                            iss_arena *scratch);
/* The same for a declaration held in memory (an editor's buffer, for
 * `isscheck lsp`): the n bytes at bytes, within o->limits. */
iss_checked *iss_check_bytes(const char *bytes, size_t len, const char *name,
                             const iss_check_options *o);
void iss_checked_free(iss_checked *c);

/* A run's exit status once one more file's outcome (iss_file_result
 * status) is counted: an input error (2) outranks a failed rule (1), which
 * outranks none (0).  A run starts from 0, or from 2 when an input could
 * not even be found. */
int iss_run_status_add(int status, int file_status);

/* Whether sel can select anything: every category it names is one of some
 * loaded edition, and every rule and skip pattern is a valid glob matching
 * a rule id of some loaded edition (a selection that matches nothing is a
 * typo, not a filter that keeps nothing: it would turn a CI run green).
 * Whether the files checked have those rules does not matter.  If not,
 * adds one error (no file, no position) saying which, with the nearest
 * category or pattern that would match when there is one. */
bool iss_selection_check(const iss_selection *sel, const iss_editions *ed, iss_diags *d);

/* The entry of list (NULL-terminated) nearest to s (iss_nearest, fields.h),
 * else one equal to it but for case, else NULL: the suggestion of a
 * "did you mean". */
const char *iss_nearest_or_case(const char *const *list, const char *s);

#endif
