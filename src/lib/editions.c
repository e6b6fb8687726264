/* editions.c - the criteria sets of a run, and the edition of each
 * document a declaration is checked against. */
#include "isscheck/editions.h"
#include "fields.h"

#include <stdlib.h>
#include <string.h>

static int by_document(const void *a, const void *b)
{
    const iss_criteria *x = *(iss_criteria *const *)a, *y = *(iss_criteria *const *)b;
    int c = strcmp(x->document, y->document);
    if (c == 0)
        c = (int)x->draft - (int)y->draft;
    if (c == 0)
        c = strcmp(x->edition, y->edition);
    return c;
}

static void add_set(iss_editions *e, iss_criteria *c)
{
    e->sets = iss_xrealloc(e->sets, (e->nsets + 1) * sizeof *e->sets);
    e->sets[e->nsets++] = c;
}

static bool same_edition(const iss_criteria *a, const iss_criteria *b)
{
    return strcmp(a->document, b->document) == 0 && strcmp(a->edition, b->edition) == 0;
}

/* The default edition of document doc among the loaded sets, or NULL
 * after a diagnostic naming the candidates. */
static const iss_criteria *default_edition(const iss_editions *e, const char *doc, iss_diags *d)
{
    const iss_criteria *pick = NULL;
    size_t ninforce = 0;
    iss_origin top = ISS_ORIGIN_BUILTIN; /* the highest origin of an in-force edition */
    for (size_t i = 0; i < e->nsets; i++) {
        const iss_criteria *c = e->sets[i];
        if (strcmp(c->document, doc) != 0)
            continue;
        if (!c->draft) {
            ninforce++;
            if (c->origin > top)
                top = c->origin;
        }
    }
    for (size_t i = 0; i < e->nsets; i++) {
        const iss_criteria *c = e->sets[i];
        if (strcmp(c->document, doc) != 0)
            continue;
        bool wins = ninforce ? !c->draft && c->origin == top : true;
        if (wins) {
            if (pick) {
                iss_diag_add(
                    d, ISS_SEV_ERROR, c->dir, (iss_loc){0, 0},
                    "two editions of '%s' could apply by default ('%s' in %s and '%s' in %s): "
                    "load one, or mark one as draft",
                    doc, pick->edition, pick->dir, c->edition, c->dir);
                return NULL;
            }
            pick = c;
        }
    }
    return pick;
}

/* Loads each folder of dirs as a set of the given origin, in place of a
 * set of the same edition from a lower origin. */
static bool load_folders(iss_editions *e, const char *const *dirs, size_t n, iss_origin origin,
                         iss_diags *d)
{
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        iss_criteria *c = iss_criteria_load(dirs[i], d);
        if (!c) {
            ok = false;
            continue;
        }
        c->origin = origin;
        bool placed = false;
        for (size_t j = 0; j < e->nsets && !placed; j++) {
            if (!same_edition(e->sets[j], c))
                continue;
            if (e->sets[j]->origin == origin) {
                iss_diag_add(d, ISS_SEV_ERROR, c->dir, (iss_loc){0, 0},
                             "%s gives '%s' %s twice (first: %s)",
                             origin == ISS_ORIGIN_ENV ? "ISSCHECK_CRITERIA" : "--criteria",
                             c->document, c->edition, e->sets[j]->dir);
                iss_criteria_free(c);
                ok = false;
            } else {
                iss_criteria_free(e->sets[j]); /* nothing for a built-in set */
                e->sets[j] = c;
            }
            placed = true;
        }
        if (!placed)
            add_set(e, c);
    }
    return ok;
}

iss_editions *iss_editions_load(const iss_editions_sources *src, iss_diags *d)
{
    iss_editions *e = iss_xcalloc(1, sizeof *e);
    for (size_t i = 0; i < src->nbuiltin; i++)
        add_set(e, src->builtin[i]);
    bool ok = load_folders(e, src->env, src->nenv, ISS_ORIGIN_ENV, d);
    ok &= load_folders(e, src->option, src->noption, ISS_ORIGIN_OPTION, d);
    if (ok && e->nsets == 0) {
        iss_diag_add(d, ISS_SEV_ERROR, "isscheck", (iss_loc){0, 0}, "no criteria set loaded");
        ok = false;
    }
    if (!ok) {
        iss_editions_free(e);
        return NULL;
    }
    if (e->nsets > 1)
        qsort(e->sets, e->nsets, sizeof *e->sets, by_document);
    const iss_criteria **pick = iss_xmalloc((e->nsets + 1) * sizeof *pick);
    size_t npick = 0;
    for (size_t i = 0; i < e->nsets; i++) {
        if (i && strcmp(e->sets[i]->document, e->sets[i - 1]->document) == 0)
            continue;
        const iss_criteria *c = default_edition(e, e->sets[i]->document, d);
        if (!c)
            ok = false;
        else
            pick[npick++] = c;
    }
    if (ok)
        e->deflt = iss_criteria_compose(pick, npick, d);
    free(pick);
    if (!e->deflt) {
        iss_editions_free(e);
        return NULL;
    }
    return e;
}

void iss_editions_free(iss_editions *e)
{
    if (!e)
        return;
    iss_criteria_free(e->deflt);
    for (size_t i = 0; i < e->nsets; i++)
        iss_criteria_free(e->sets[i]);
    free(e->sets);
    free(e);
}

const iss_criteria *iss_editions_resolve(const iss_editions *e, const iss_edition_req *req,
                                         size_t n, iss_ctx *c, iss_criteria **owned)
{
    *owned = NULL;
    if (n == 0)
        return e->deflt;
    const iss_criteria *const *dflt = e->deflt->sets;
    size_t nd = e->deflt->nsets;
    const iss_criteria **pick = iss_arena_alloc(c->arena, (nd + 1) * sizeof *pick);
    memcpy(pick, dflt, nd * sizeof *pick);
    bool ok = true, changed = false;
    for (size_t i = 0; i < n; i++) {
        const iss_edition_req *r = &req[i];
        size_t slot = nd;
        for (size_t k = 0; k < nd; k++)
            if (strcmp(dflt[k]->document, r->document.s) == 0)
                slot = k;
        if (slot == nd) {
            iss_buf known = {0};
            for (size_t k = 0; k < nd; k++)
                iss_buf_printf(&known, "%s%s", k ? ", " : "", dflt[k]->document);
            iss_error(c, r->document.loc, "criteria document '%s' is not loaded; loaded: %s",
                      r->document.s, known.s ? known.s : "(none)");
            iss_buf_free(&known);
            ok = false;
            continue;
        }
        const iss_criteria *hit = NULL;
        iss_buf known = {0};
        for (size_t k = 0; k < e->nsets; k++) {
            const iss_criteria *s = e->sets[k];
            if (strcmp(s->document, r->document.s) != 0)
                continue;
            iss_buf_printf(&known, "%s'%s'", known.len ? ", " : "", s->edition);
            if (strcmp(s->edition, r->edition.s) == 0)
                hit = s;
        }
        if (!hit) {
            iss_error(
                c, r->edition.loc,
                "edition '%s' of '%s' is not loaded (loaded: %s); load it with --criteria DIR",
                r->edition.s, r->document.s, known.s ? known.s : "none");
            ok = false;
        } else if (hit != pick[slot]) {
            pick[slot] = hit;
            changed = true;
        }
        iss_buf_free(&known);
    }
    if (!ok)
        return NULL;
    if (!changed)
        return e->deflt;
    *owned = iss_criteria_compose(pick, nd, c->diags);
    return *owned;
}
