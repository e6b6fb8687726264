/* waivers.h - an examiner's waivers and judgements (isscheck-waivers(5)):
 * loaded from one YAML file, checked against every loaded edition, and
 * applied to a report after evaluation. */
#ifndef ISSCHECK_WAIVERS_H
#define ISSCHECK_WAIVERS_H

#include "isscheck/editions.h"
#include "isscheck/eval.h"

typedef struct {
    const char *file;
    iss_waiver *v; /* waivers and judgements, in file order */
    size_t n;
    iss_arena *arena;
} iss_waivers;

/* Loads the waivers file at path ("-": standard input), shown as name.
 * Every rule an entry names must be in an edition of ed (EDITION:ID: in
 * that edition).  Returns NULL after adding located diagnostics to d. */
iss_waivers *iss_waivers_load(const char *path, const char *name, const iss_editions *ed,
                              const iss_limits *lim, iss_diags *d);
/* The same for a waivers file held in memory (an editor's buffer). */
iss_waivers *iss_waivers_parse(const char *bytes, size_t len, const char *name,
                               const iss_editions *ed, const iss_limits *lim, iss_diags *d);
void iss_waivers_free(iss_waivers *w);

/* Applies to r the entries for its declaration's provider, in file order;
 * today (in Japan) decides whether a waiver has expired.  Per result, the
 * first entry that applies sets the verdict (waived, or a judgement's
 * pass or fail; r->results[i].computed keeps what was computed); every
 * entry for the rule that does not apply (expired, pinned to another
 * version of the declaration, a judgement of a result that is not review,
 * a waiver of one that passes) adds a note saying why.  Recounts. */
void iss_waivers_apply(const iss_waivers *w, iss_report *r, iss_day today);

#endif
