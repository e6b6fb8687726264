/* waivers.h - an examiner's waivers and judgements (isscheck-waivers(5)):
 * loaded from one YAML file, checked against every loaded edition, and
 * applied to a report after evaluation. */
#ifndef ISSCHECK_WAIVERS_H
#define ISSCHECK_WAIVERS_H

#include "isscheck/editions.h"
#include "isscheck/eval.h"
#include "isscheck/report.h"

typedef struct iss_waivers {
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

/* ---- entries that did nothing in a run ----------------------------------
 *
 * Files are checked one by one (in threads with -j N), so each file's part
 * records which entries were about one of its results (iss_waivers_match),
 * the stream ORs the parts' flags (iss_run_totals.waivers_used), and at the
 * end iss_waivers_unused decides, from the flags and every file's summary
 * row (provider, digest), which entries did nothing and why. */

/* Flags of an entry in one file's part (or, ORed, in the run). */
enum {
    ISS_ENTRY_MATCHED = 1, /* about a result, and pinned to this version (or not pinned) */
    ISS_ENTRY_PINNED = 2   /* about a result, but pinned to another version */
};

/* Sets used[k] (w->n bytes, zeroed by the caller) for every entry about a
 * result of r; r NULL (a file not loaded) sets nothing. */
void iss_waivers_match(const iss_waivers *w, const iss_report *r, unsigned char *used);

/* Why an entry did nothing in the run. */
typedef enum {
    ISS_UNUSED_ABSENT, /* no declaration of its provider: a partial run, not a mistake */
    ISS_UNUSED_NEAR,   /* no declaration of its provider, but one close to it (did you mean) */
    ISS_UNUSED_DIGEST_OTHER, /* its declaration_sha256 is a declaration of another provider */
    ISS_UNUSED_DIGEST_NONE,  /* its provider was checked, its declaration_sha256 matches none */
    ISS_UNUSED_DIGEST_NEAR,  /* the same, but a few digits from a declaration of it: mistyped */
    ISS_UNUSED_RULE          /* its provider was checked, with no result of its rule */
} iss_unused_kind;

typedef struct {
    const iss_waiver *w;
    iss_unused_kind kind;
    const char *other; /* NEAR: the provider meant; DIGEST_OTHER: that declaration's provider */
    const char *file;  /* DIGEST_OTHER, DIGEST_NEAR: that declaration's file */
} iss_unused;

/* The entries of w that did nothing in the run t sums up, in file order,
 * in *out (free it); their number.  w NULL: none. */
size_t iss_waivers_unused(const iss_waivers *w, const iss_run_totals *t, iss_unused **out);

/* "waiver of RULE for 'P': WHY" in lang, each value through esc (NULL: as
 * it is); the caller writes the entry's FILE:LINE:COL. */
void iss_unused_render(iss_buf *out, const iss_unused *u, iss_lang lang, iss_escape_fn *esc);
/* The kind as the JSON report names it: "provider-absent", … */
const char *iss_unused_kind_name(iss_unused_kind k);

#endif
