/* editions.h - every criteria set a run has loaded (the built-in ones and
 * those given with ISSCHECK_CRITERIA or --criteria), and which edition of each document a
 * declaration is checked against.
 */
#ifndef ISSCHECK_EDITIONS_H
#define ISSCHECK_EDITIONS_H

#include "isscheck/criteria.h"

typedef struct {
    iss_criteria **sets; /* sorted: document, then in-force before draft, then edition */
    size_t nsets;
    iss_criteria *deflt; /* the default editions, composed; NULL when none resolves */
} iss_editions;

/* Where a run's criteria sets come from, in rising precedence: the
 * built-in sets, the folders of ISSCHECK_CRITERIA, the folders of
 * --criteria.  A set from a folder replaces a set of the same document and
 * edition from a lower origin, or adds an edition; the same edition twice
 * from one origin is an error. */
typedef struct {
    iss_criteria *const *builtin;
    size_t nbuiltin;
    const char *const *env; /* ISSCHECK_CRITERIA */
    size_t nenv;
    const char *const *option; /* --criteria */
    size_t noption;
} iss_editions_sources;

/* Loads the sets of src; returns NULL after adding diagnostics to d.  The
 * built-in sets are borrowed, never freed. */
iss_editions *iss_editions_load(const iss_editions_sources *src, iss_diags *d);
void iss_editions_free(iss_editions *e);

/* An edition a declaration names: document id and edition. */
typedef struct {
    iss_str document, edition;
} iss_edition_req;

/* The criteria a declaration is checked against: per document, the edition
 * it names, else the single in-force edition (one from --criteria before
 * one from ISSCHECK_CRITERIA before a built-in one), else the document's
 * only edition.  Returns the default composite, or a new one stored in *owned for the caller to
 * free; NULL after a located error in c (an edition that is not loaded). */
const iss_criteria *iss_editions_resolve(const iss_editions *e, const iss_edition_req *req,
                                         size_t n, iss_ctx *c, iss_criteria **owned);

#endif
