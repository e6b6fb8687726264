/* decl_load.h - what the declaration's loaders share: the loader's state
 * and its field helpers.  Private to src/lib/decl*.c.
 *
 * The loading is split by what a declaration holds: decl.c (the entry
 * points, the root, the criteria it names, the helpers below),
 * decl_persons.c (persons and engagements), decl_service.c (the services
 * applied for), decl_trust.c (customer information protection,
 * registrations, the trust section) and decl_events.c (the same model
 * from the reader's events, for large declarations).  Every loader
 * returns false after adding a located diagnostic, and leaves in the model
 * only what the document gives (the arrays are zeroed). */
#ifndef ISSCHECK_DECL_LOAD_H
#define ISSCHECK_DECL_LOAD_H

#include "fields.h"
#include "isscheck/decl.h"

/* Ids found by a hash (open addressing, linear probing, at most half
 * full): a look-up costs one hash and a strcmp or two, whatever the number
 * of persons; the table is heap scratch, freed when the model is built. */
typedef struct {
    const char *id; /* NULL: empty */
    size_t index;
    size_t hash; /* compared first: a probe past another id reads no string */
} iss_id_slot;

typedef struct {
    iss_id_slot *slot;
    size_t cap, n; /* cap a power of two */
} iss_id_map;

/* The index of id, or -1. */
long iss_id_map_find(const iss_id_map *m, const char *id);
/* Adds id at index; when id is there already, leaves it and returns the
 * index it has, else -1. */
long iss_id_map_add(iss_id_map *m, const char *id, size_t index);

typedef struct {
    iss_ctx c;
    iss_decl *decl;
    const iss_editions *ed;
    const iss_criteria *cr;
    const iss_limits *lim;
    iss_id_map persons;     /* person id -> index in decl->persons */
    iss_id_map engagements; /* own engagement id -> index in decl->engagements */
    const char **documents; /* review documents the criteria name */
    size_t ndocuments;
} iss_loader;

/* ---- field helpers (decl.c) ---- */

/* The index of the person id names, or -1 after saying it is unknown. */
long iss_loader_person(iss_loader *L, const iss_str *id);
/* The sequence under key, or NULL when absent (*ok false when it is not a
 * sequence).  Inline, as iss_loader_alloc: both are called for every list
 * of every person and engagement, and were inlined when decl.c was one
 * file (callgrind: 0.1% of a 40,000-person check's instructions). */
static inline const iss_node *iss_loader_seq(iss_loader *L, const iss_node *map, const char *key,
                                             bool *ok)
{
    const iss_node *v = iss_map_get(map, key);
    if (iss_node_is_null(v))
        return NULL;
    if (!iss_expect_seq(&L->c, v, key)) {
        *ok = false;
        return NULL;
    }
    return v;
}
/* The mapping under key, or NULL when absent (null is absent); NULL and
 * *ok false when it is not a mapping of keys (what names it). */
const iss_node *iss_loader_map(iss_loader *L, const iss_node *map, const char *key,
                               const char *what, const char *const *keys, bool *ok);
/* n zeroed elements in the model's arena (one when n is 0). */
static inline void *iss_loader_alloc(iss_loader *L, size_t n, size_t size)
{
    return iss_arena_alloc(L->c.arena, (n ? n : 1) * size);
}
/* A list of person ids under key, as person indices, each once. */
bool iss_loader_person_refs(iss_loader *L, const iss_node *map, const char *key, bool required,
                            size_t **out, size_t *n);
/* Two dates, the second not before the first. */
bool iss_loader_period(iss_loader *L, const iss_node *m, const char *from_key, const char *to_key,
                       bool from_required, iss_day *from, iss_day *to);
/* A category code of the criteria, as its index. */
bool iss_loader_category(iss_loader *L, const iss_node *m, const char *key, size_t *out);

/* A sequence of mappings under key_ into arr_ (count_ of them), each
 * loaded by fn_; ok_ false after any error.  A macro, not a function: the
 * element type differs from list to list. */
#define ISS_LOAD_LIST(L_, map_, key_, arr_, count_, fn_, ok_)                                      \
    do {                                                                                           \
        const iss_node *list_ = iss_loader_seq(L_, map_, key_, &(ok_));                            \
        if (list_) {                                                                               \
            (arr_) = iss_loader_alloc(L_, list_->n, sizeof *(arr_));                               \
            (count_) = list_->n;                                                                   \
            for (size_t i_ = 0; i_ < list_->n; i_++)                                               \
                (ok_) &= fn_(L_, list_->kids[i_], &(arr_)[i_]);                                    \
        }                                                                                          \
    } while (0)

/* ---- the root and the criteria (decl.c) ---- */

/* The root's keys, its version, reference date and provider.  False when
 * the root is not a mapping at all; *ok false after any other error. */
bool iss_load_head(iss_loader *L, const iss_node *root, bool *ok_out);
/* What follows the persons and engagements: services, protection,
 * registrations, trust; ok is the result so far. */
bool iss_load_tail(iss_loader *L, const iss_node *root, bool ok);
/* The 'criteria' key (m NULL when absent): picks or checks the criteria. */
bool iss_load_criteria(iss_loader *L, const iss_node *m);

/* ---- persons and engagements (decl_persons.c) ---- */

bool iss_load_person(iss_loader *L, const iss_node *m, iss_person *p);
/* An own engagement (owner < 0) or a prior one of person owner. */
bool iss_load_engagement(iss_loader *L, const iss_node *m, iss_engagement *e, long owner);
/* The review documents the criteria name, once each, for load_review. */
void iss_load_documents(iss_loader *L);
/* The tree's persons (the list, NULL when absent), each id once; *nprior
 * gets the number of their prior engagements.  False after any error. */
bool iss_load_persons(iss_loader *L, const iss_node *persons, size_t *nprior);
/* Then the tree's engagements (eng, NULL when absent): the own ones, then
 * each person's prior ones.  False when they are over the limit (loading
 * stops); *ok false after any other error. */
bool iss_load_engagements(iss_loader *L, const iss_node *eng, const iss_node *persons,
                          size_t nprior, bool *ok);

/* ---- the rest (decl_service.c, decl_trust.c) ---- */

bool iss_load_service(iss_loader *L, const iss_node *m, iss_service *s);
bool iss_load_protection(iss_loader *L, const iss_node *m);
bool iss_load_registrations(iss_loader *L, const iss_node *list);
bool iss_load_trust(iss_loader *L, const iss_node *m);

/* ---- from events (decl_events.c) ---- */

/* Loads L->decl from bytes by events.  False when the tree path must run
 * instead (nothing of this attempt is kept then: the caller drops decl
 * and the diagnostics added). */
bool iss_load_events(iss_loader *L, const char *bytes, size_t len, iss_arena *tree);

#endif
