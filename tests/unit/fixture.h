/* fixture.h - helpers shared by the Check suites of tests/unit.
 *
 * Criteria sets: the shipped one (criteria/iss-3) and the test fixture
 * tests/unit/fixtures/verified (the shipped rule files with a small catalogue
 * whose entries are mostly verified, so that rules can reach pass).  Both are
 * loaded once per process and shared; fx_criteria_setup/teardown suit
 * tcase_add_unchecked_fixture, so that forked tests inherit them.
 *
 * Ownership: fx_run_free frees a run; fx_diags_free frees a diagnostics
 * record returned by a helper.  Everything else is borrowed.
 */
#ifndef ISSCHECK_TEST_FIXTURE_H
#define ISSCHECK_TEST_FIXTURE_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include "isscheck/criteria.h"
#include "isscheck/decl.h"
#include "isscheck/eval.h"
#include "isscheck/report.h"
#include "node.h"

#define FX_SHIPPED_DIR ISS_SOURCE_DIR "/criteria/iss-3"
#define FX_VERIFIED_DIR ISS_FIXTURE_DIR "/verified"

/* The date of YYYY-MM-DD; the test fails on an invalid one. */
iss_day fx_day(const char *ymd);
/* The day as YYYY-MM-DD in a static buffer (one at a time). */
const char *fx_date_str(iss_day day);

/* Loads a criteria set that must load without any diagnostic. */
iss_criteria *fx_criteria_load_clean(const char *dir);
/* The shared sets, loaded on first use. */
const iss_criteria *fx_shipped(void);
const iss_criteria *fx_verified(void);
void fx_criteria_setup(void);
void fx_criteria_teardown(void);

/* One declaration parsed and evaluated. */
typedef struct {
    iss_decl *decl;
    iss_report *report;
    iss_diags diags;
} fx_run;

/* Parses yaml (which must load without diagnostics) against c and evaluates it
 * with as_of ("YYYY-MM-DD") as the reference date; as_of NULL: the
 * declaration's reference_date, else 2026-04-01 as "today". */
fx_run *fx_eval(const iss_criteria *c, const char *yaml, const char *as_of);
void fx_run_free(fx_run *run);

/* YAML bytes read by the reader alone (iss_read_yaml): the tree, or NULL
 * with the diagnostics.  lim NULL: the default limits. */
typedef struct {
    iss_arena *arena;
    iss_diags diags;
    iss_node *root;
} fx_yaml;
fx_yaml *fx_read_yaml(const char *bytes, size_t len, const iss_limits *lim);
fx_yaml *fx_read_yaml_str(const char *s);
void fx_yaml_free(fx_yaml *y);

/* Parses yaml, which must be refused; returns the diagnostics. */
iss_diags *fx_decl_errors(const iss_criteria *c, const char *yaml);
/* Loads a criteria set that must be refused; returns the diagnostics. */
iss_diags *fx_criteria_errors(const char *dir);
void fx_diags_free(iss_diags *d);
/* The first diagnostic whose message contains substr, or NULL. */
const iss_diag *fx_diag_find(const iss_diags *d, const char *substr);
/* All diagnostics, one a line, as FILE:LINE:COL: MESSAGE (for failure messages). */
const char *fx_diags_text(const iss_diags *d);

/* The result of a rule, or NULL. */
const iss_result *fx_result(const iss_report *r, const char *rule_id);
/* Whether a note of res, rendered in English or Japanese, contains substr. */
bool fx_note_has(const iss_result *res, const char *substr);
/* A result's notes rendered one a line in English (static buffer). */
const char *fx_notes_text(const iss_result *res);

/* The checks behind the assertion macros: true when they hold, else why
 * (a description of what was found) is filled in. */
bool fx_check_verdict(const iss_report *r, const char *rule_id, iss_verdict v, const char *substr,
                      char *why, size_t n);
bool fx_check_diag(const iss_diags *d, int line, int col, const char *substr, char *why, size_t n);

/* The rule's verdict is v, and (substr non-NULL) some note contains substr. */
#define ck_assert_verdict(run, rule_id, v, substr)                                                 \
    do {                                                                                           \
        char why_[8192];                                                                           \
        ck_assert_msg(                                                                             \
            fx_check_verdict((run)->report, (rule_id), (v), (substr), why_, sizeof why_), "%s",    \
            why_);                                                                                 \
    } while (0)

/* Some diagnostic contains substr at line:col (0 for "any"). */
#define ck_assert_diag(d, line, col, substr)                                                       \
    do {                                                                                           \
        char why_[8192];                                                                           \
        ck_assert_msg(fx_check_diag((d), (line), (col), (substr), why_, sizeof why_), "%s", why_); \
    } while (0)

/* Runs the suite; returns the process exit status. */
int fx_run_suite(Suite *s);

#endif
