/* editions.h - every criteria set a run has loaded (the shipped folder's
 * and those given with --criteria), and which edition of each document a
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

/* The sub-folders of root that hold a manifest.yaml, sorted, each and the
 * array malloc'd (iss_criteria_folders_free); NULL after a diagnostic when
 * root cannot be read. */
char **iss_criteria_folders(const char *root, size_t *n, iss_diags *d);
void iss_criteria_folders_free(char **folders, size_t n);

/* Loads every set under root (each sub-folder holding a manifest.yaml;
 * root may be NULL) and then each folder of extra, which replaces a set of
 * the same document and edition or adds an edition.  Returns NULL after
 * adding diagnostics to d. */
iss_editions *iss_editions_load(const char *root, const char *const *extra, size_t nextra,
                                iss_diags *d);
void iss_editions_free(iss_editions *e);

/* An edition a declaration names: document id and edition. */
typedef struct {
    iss_str document, edition;
} iss_edition_req;

/* The criteria a declaration is checked against: per document, the edition
 * it names, else the single in-force edition (one from --criteria before a
 * shipped one), else the document's only edition.  Returns the default
 * composite, or a new one stored in *owned for the caller to free; NULL
 * after a located error in c (an edition that is not loaded). */
const iss_criteria *iss_editions_resolve(const iss_editions *e, const iss_edition_req *req,
                                         size_t n, iss_ctx *c, iss_criteria **owned);

#endif
