/* eval.h - evaluation of a declaration against a criteria set, and the one
 * verdict record that every output format renders.  Checks never print.
 */
#ifndef ISSCHECK_EVAL_H
#define ISSCHECK_EVAL_H

#include "isscheck/decl.h"

/* waived: a failed or review result an examiner's waiver covers (it does
 * not fail the run); it comes last so the first four keep their values. */
typedef enum { ISS_PASS, ISS_REVIEW, ISS_FAIL, ISS_NA, ISS_WAIVED, ISS_VERDICTS } iss_verdict;
typedef enum { ISS_MARK_INFO, ISS_MARK_PASS, ISS_MARK_REVIEW, ISS_MARK_FAIL } iss_mark;

typedef enum {
#define ISS_MSG(id, ja, en) id,
#include "isscheck/messages.def"
#undef ISS_MSG
    ISS_MSG_COUNT
} iss_msg;

enum { ISS_NOTE_ARGS = 8 };

/* One line of a reason: a message with its arguments, rendered in the
 * report's language later.  An argument with an English variant in
 * args_en uses it when the report is in English. */
typedef struct {
    iss_msg msg;
    iss_mark mark;
    int entry_type; /* for {t}: the catalogue type named, or -1 */
    const char *args[ISS_NOTE_ARGS];
    const char *args_en[ISS_NOTE_ARGS];
    iss_loc loc;
} iss_note;

/* One entry of a waivers file (waivers.h): a waiver of a rule for a
 * provider until a date, or an examiner's judgement of a review result. */
typedef enum { ISS_ENTRY_WAIVER, ISS_ENTRY_JUDGEMENT } iss_entry_kind;
typedef struct {
    iss_entry_kind kind;
    const char *file;    /* the waivers file, as named */
    iss_loc loc;         /* of the entry */
    const char *edition; /* from EDITION:ID; NULL: any edition */
    const char *rule, *provider, *reason, *decided_by;
    const char *sha256;  /* the declaration's digest it is pinned to, or NULL */
    iss_day expires;     /* a waiver's last day */
    iss_day decided_on;  /* a judgement's date (ISS_NO_DATE for a waiver without one) */
    iss_verdict verdict; /* a judgement's: pass or fail */
} iss_waiver;

typedef struct {
    const iss_rule *rule;
    iss_verdict verdict;
    iss_verdict computed;      /* before a waiver or judgement; == verdict without one */
    const iss_waiver *applied; /* the waiver or judgement that set verdict, or NULL */
    iss_loc loc;               /* the place in the declaration the verdict rests on */
    iss_note *notes;
    size_t nnotes, cap;
} iss_result;

typedef enum { ISS_REF_DECLARATION, ISS_REF_OPTION, ISS_REF_TODAY } iss_ref_source;

struct iss_base_match; /* baseline.h */

typedef struct {
    const iss_decl *decl;
    const iss_criteria *criteria;
    iss_day ref;
    iss_ref_source ref_source;
    iss_result *results; /* one per rule of every category applied for, in criteria order */
    size_t nresults;
    size_t counts[ISS_VERDICTS];
    size_t unverified_relied; /* distinct unverified catalogue entries a verdict rested on */
    size_t omitted;           /* results left out by iss_report_select */
    size_t judged;            /* results whose verdict a judgement set */
    size_t unevidenced;       /* claims that name no evidence document */
    bool require_evidence;    /* such claims counted only as review */
    const char *waivers;      /* the waivers file applied (iss_waivers_apply), or NULL */
    bool redacted;            /* persons replaced by pseudonyms (iss_report_redact) */
    iss_arena *arena;
    const struct iss_base_match *base; /* against --baseline (iss_baseline_match), or NULL */
} iss_report;

/* Evaluates every rule.  as_of (when not ISS_NO_DATE) overrides the
 * declaration's reference date; today is used when neither is given. */
iss_report *iss_evaluate(const iss_decl *decl, iss_day as_of, iss_day today);

typedef struct {
    /* a claim that names no evidence document counts only as review
     * (without it, such claims are listed and count) */
    bool require_evidence;
} iss_eval_options;
/* The same with options (NULL: the defaults, as iss_evaluate). */
iss_report *iss_evaluate_with(const iss_decl *decl, iss_day as_of, iss_day today,
                              const iss_eval_options *opt);
void iss_report_free(iss_report *r);

/* Which results a run keeps (for pipelines): categories by code (none:
 * all), rule ids matching any of rules (glob patterns, fnmatch(3); none:
 * all) and none of skip. */
typedef struct {
    const char *const *categories;
    size_t ncategories;
    const char *const *rules;
    size_t nrules;
    const char *const *skip;
    size_t nskip;
} iss_selection;

bool iss_selection_empty(const iss_selection *sel);
bool iss_selection_keeps(const iss_selection *sel, const iss_criteria *c, const iss_rule *rule);
/* Drops the results sel leaves out, counting them in r->omitted, and
 * recounts the verdicts. */
void iss_report_select(iss_report *r, const iss_selection *sel);

const char *iss_verdict_name(iss_verdict v); /* pass, review, fail, n/a, waived */

/* Adds a note to res: msg's arguments follow loc, NULL-terminated (at most
 * ISS_NOTE_ARGS); they must outlive the report (its arena, or static). */
iss_note *iss_result_note(iss_result *res, iss_mark mark, iss_msg msg, iss_loc loc, ...);

#endif
