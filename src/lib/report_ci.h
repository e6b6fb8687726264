/* report_ci.h - what the CI formats (github, gitlab, sarif) share: the
 * level each result gets, a result's message, the message of a file that
 * could not be loaded, and a rule's name.  Private to the library. */
#ifndef ISSCHECK_REPORT_CI_H
#define ISSCHECK_REPORT_CI_H

#include "isscheck/report.h"
#include "isscheck/waivers.h"

/* The rule id that stands for "this declaration could not be loaded" in
 * the CI formats: not a rule of the standard, so code scanning and merge
 * requests show a broken file as an alert like any failure. */
#define ISS_CI_LOAD_RULE "ISS-LOAD"

/* The check that stands for an entry of --waivers that did nothing: a
 * finding in the waivers file, not in a declaration. */
#define ISS_CI_UNUSED_RULE "ISS-WAIVER-UNUSED"

typedef enum { ISS_CI_NONE, ISS_CI_NOTE, ISS_CI_WARNING, ISS_CI_ERROR } iss_ci_level;

/* What a verdict becomes: fail an error, review what rl says, anything
 * else nothing (a waived result: pass its computed verdict). */
iss_ci_level iss_ci_level_of(iss_verdict v, iss_review_level rl);

/* What an entry of --waivers that did nothing becomes: a note for a
 * provider simply absent from a partial run, a warning for a mistake (as
 * SARIF's notification levels). */
iss_ci_level iss_ci_unused_level(const iss_unused *u);

/* A file that names no artifact: standard input (the CLI's "<stdin>"). */
bool iss_ci_no_artifact(const char *file);

/* The declaration's name in the run (as named on the command line). */
const char *iss_ci_file(const iss_file_result *f);

/* "<title> <edition> <clause>" of the rule's criteria set. */
void iss_ci_citation(iss_buf *out, const iss_criteria *c, const iss_rule *rule);

/* A result's message: "VERDICT: ID title (citation)", then, each after
 * sep, the notes marked fail or review and each reading that decided the
 * verdict (every note when none is marked), "line N: " before a note that
 * has a line.  esc (NULL: as it is) escapes each of those pieces, so sep
 * is the only line break the message can hold. */
void iss_ci_result_message(iss_buf *out, const iss_criteria *c, const iss_result *res,
                           iss_lang lang, iss_escape_fn *esc, const char *sep);

/* A file that could not be loaded: each of its diagnostics as
 * FILE:LINE:COL: error: MESSAGE, sep between two, each escaped by esc; the
 * declaration could not be checked when it has none. */
void iss_ci_load_message(iss_buf *out, const iss_view *v, iss_escape_fn *esc, const char *sep);

/* A rule's name for people and tools: its English title as a PascalCase
 * identifier ("Staff with expertise" -> "StaffWithExpertise"), or
 * "Rule" and the id's letters and digits when the title has none. */
void iss_ci_rule_name(iss_buf *out, const iss_rule *rule);

#endif
