/* decl_events.c - the declaration's model from the reader's events, so
 * that the persons and engagements of a large declaration are never a
 * whole tree at once. */
#include "decl_load.h"

#include <stdlib.h>
#include <string.h>

/* ---- the model from the reader's events ----
 *
 * The persons and engagements, nearly all of a large declaration, come one
 * item at a time from the reader (iss_read_yaml_stream): each is loaded by
 * the same functions as from a whole tree, with every check, and its
 * nodes are dropped before the next; only the rest of the document (the
 * provider, services, trust: small) is a tree.  The model is the same.
 *
 * The order of diagnostics is not: the tree path reports in the order of
 * its loaders, whatever the order of the document (persons before the
 * cases that name them, services after both).  So this path runs only
 * while nothing is wrong: at the first diagnostic, or an order it cannot
 * load in one pass (cases before the persons they name, 'criteria' after
 * the persons), it stops, its diagnostics are dropped and the tree path
 * runs on the same bytes and reports exactly what it always has. */
typedef struct {
    iss_loader *L;
    size_t diags;             /* the diagnostics before: any new one ends this path */
    bool picked;              /* the criteria are chosen */
    int persons, engagements; /* 0 not met yet, 1 being read, 2 read */
    iss_person *person;
    size_t nperson, capperson;
    iss_engagement *own, *prior;
    size_t nown, capown, nprior, capprior;
} events;

static const char *const streamed[] = {"persons", "engagements", NULL};

static bool quiet(const events *E)
{
    return E->L->c.diags->n == E->diags;
}

static void *grow(void *v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return v;
    *cap = *cap ? 2 * *cap : 64;
    if (*cap < need)
        *cap = need;
    return iss_xrealloc(v, *cap * size);
}

static bool pick_once(events *E, const iss_node *criteria)
{
    if (E->picked)
        return true;
    E->picked = true;
    return iss_load_criteria(E->L, criteria) && quiet(E);
}

/* One more engagement (own when owner < 0), within the limit. */
static bool event_engagement(events *E, const iss_node *m, long owner)
{
    iss_loader *L = E->L;
    if (E->nown + E->nprior + 1 > L->lim->max_engagements)
        return false;
    iss_engagement *e;
    if (owner < 0) {
        E->own = grow(E->own, &E->capown, E->nown + 1, sizeof *E->own);
        e = &E->own[E->nown];
    } else {
        E->prior = grow(E->prior, &E->capprior, E->nprior + 1, sizeof *E->prior);
        e = &E->prior[E->nprior];
    }
    /* zeroed as the tree path's arrays are: a iss_loader sets only what the
     * document gives */
    memset(e, 0, sizeof *e);
    if (!iss_load_engagement(L, m, e, owner) || !quiet(E))
        return false;
    if (owner < 0 && e->id.s && iss_id_map_add(&L->engagements, e->id.s, E->nown) >= 0)
        return false;
    if (owner < 0)
        E->nown++;
    else
        E->nprior++;
    return true;
}

static bool event_item(void *ctx, size_t key, const iss_node *item, size_t index)
{
    events *E = ctx;
    iss_loader *L = E->L;
    (void)index;
    if (key == 0) {
        if (E->persons == 2 || E->engagements || !pick_once(E, NULL))
            return false;
        E->persons = 1;
        if (E->nperson + 1 > L->lim->max_persons)
            return false;
        E->person = grow(E->person, &E->capperson, E->nperson + 1, sizeof *E->person);
        iss_person *p = &E->person[E->nperson];
        memset(p, 0, sizeof *p);
        if (!iss_load_person(L, item, p) || !quiet(E))
            return false;
        if (p->id.s && iss_id_map_add(&L->persons, p->id.s, E->nperson) >= 0)
            return false;
        bool ok = true;
        const iss_node *pr = iss_loader_seq(L, item, "prior_engagements", &ok);
        for (size_t j = 0; ok && pr && j < pr->n; j++)
            ok = event_engagement(E, pr->kids[j], (long)E->nperson);
        E->nperson++;
        return ok && quiet(E);
    }
    /* a case names persons: all of them must be known by now */
    if (E->persons != 2 || E->engagements == 2)
        return false;
    if (!E->engagements) {
        E->engagements = 1;
        iss_load_documents(L);
    }
    return event_engagement(E, item, -1);
}

static bool event_value(void *ctx, const iss_node *key, const iss_node *value)
{
    events *E = ctx;
    if (iss_scalar_is(key, "criteria"))
        return !E->persons && !E->engagements && pick_once(E, value);
    if (value->type == ISS_NODE_SEQ && iss_scalar_is(key, "persons")) {
        if (E->persons == 2 || E->engagements || !pick_once(E, NULL))
            return false;
        E->persons = 2;
    } else if (value->type == ISS_NODE_SEQ && iss_scalar_is(key, "engagements")) {
        if (E->persons != 2 || E->engagements == 2)
            return false;
        if (!E->engagements)
            iss_load_documents(E->L);
        E->engagements = 2;
    }
    return true;
}

bool iss_load_events(iss_loader *L, const char *bytes, size_t len, iss_arena *tree)
{
    iss_decl *d = L->decl;
    events E = {.L = L, .diags = L->c.diags->n};
    iss_arena *items = iss_arena_new();
    iss_stream st = {
        .keys = streamed, .item = event_item, .value = event_value, .ctx = &E, .items = items};
    const iss_node *root =
        iss_read_yaml_stream(bytes, len, d->file, L->lim, tree, d->arena, &st, L->c.diags);
    iss_arena_free(items);
    bool ok = root && root->type == ISS_NODE_MAP && quiet(&E) && pick_once(&E, NULL);
    if (ok && !E.persons && iss_map_get(root, "engagements"))
        ok = false; /* cases without persons: the tree path says what is wrong */
    if (ok) {
        /* persons or engagements that are not lists (null is absent) */
        const iss_node *pn = iss_map_get(root, "persons"), *en = iss_map_get(root, "engagements");
        ok = (iss_node_is_null(pn) || pn->type == ISS_NODE_SEQ) &&
             (iss_node_is_null(en) || en->type == ISS_NODE_SEQ);
    }
    if (ok) {
        bool head = true;
        ok = iss_load_head(L, root, &head) && head && quiet(&E);
    }
    if (ok) {
        if (!E.engagements)
            iss_load_documents(L);
        /* the arrays become the model's as they are: the own cases
         * first, then the prior ones, as the tree path orders them */
        d->npersons = E.nperson;
        d->persons = E.person;
        d->heap_persons = E.person;
        E.person = NULL;
        d->nengagements = E.nown + E.nprior;
        if (E.nprior) {
            E.own = grow(E.own, &E.capown, d->nengagements, sizeof *E.own);
            memcpy(E.own + E.nown, E.prior, E.nprior * sizeof *E.own);
        }
        d->engagements = E.own;
        d->heap_engagements = E.own;
        E.own = NULL;
        ok = iss_load_tail(L, root, true) && quiet(&E);
    }
    free(E.person);
    free(E.own);
    free(E.prior);
    return ok;
}
