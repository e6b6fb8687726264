/* decl.c - loading a declaration into the typed model, strictly: the
 * entry points, the root and the criteria it names, and the field helpers
 * every part's loader uses (decl_load.h says which file loads what). */
#include "decl_load.h"
#include "sha256.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t id_hash(const char *s)
{
    /* FNV-1a, 64-bit, folded */
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)(h ^ (h >> 29));
}

long iss_id_map_find(const iss_id_map *m, const char *id)
{
    if (!m->cap)
        return -1;
    size_t h = id_hash(id);
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slot[i].id)
            return -1;
        if (m->slot[i].hash == h && strcmp(m->slot[i].id, id) == 0)
            return (long)m->slot[i].index;
    }
}

static void id_map_put(iss_id_map *m, const char *id, size_t h, size_t index)
{
    size_t i = h & (m->cap - 1);
    while (m->slot[i].id)
        i = (i + 1) & (m->cap - 1);
    m->slot[i] = (iss_id_slot){id, index, h};
    m->n++;
}

long iss_id_map_add(iss_id_map *m, const char *id, size_t index)
{
    size_t h = id_hash(id);
    for (size_t i = h & (m->cap - 1); m->cap && m->slot[i].id; i = (i + 1) & (m->cap - 1))
        if (m->slot[i].hash == h && strcmp(m->slot[i].id, id) == 0)
            return (long)m->slot[i].index;
    if (2 * (m->n + 1) > m->cap) {
        iss_id_map bigger = {NULL, m->cap ? 2 * m->cap : 64, 0};
        /* empty slots must read as empty: this zeroing is the marking */
        bigger.slot = iss_xmalloc(bigger.cap * sizeof *bigger.slot);
        memset(bigger.slot, 0, bigger.cap * sizeof *bigger.slot);
        for (size_t i = 0; i < m->cap; i++)
            if (m->slot[i].id)
                id_map_put(&bigger, m->slot[i].id, m->slot[i].hash, m->slot[i].index);
        free(m->slot);
        *m = bigger;
    }
    id_map_put(m, id, h, index);
    return -1;
}

long iss_loader_person(iss_loader *L, const iss_str *id)
{
    long hit = iss_id_map_find(&L->persons, id->s);
    if (hit < 0) {
        if (strchr(id->s, ','))
            iss_error(&L->c, id->loc,
                      "unknown person '%s'; several persons are written as a list: [P1, P2]",
                      id->s);
        else
            iss_error(&L->c, id->loc, "unknown person '%s'; declare it under 'persons'", id->s);
        iss_diag_mask(L->c.diags, id->s);
        return -1;
    }
    return hit;
}

const iss_node *iss_loader_map(iss_loader *L, const iss_node *map, const char *key,
                               const char *what, const char *const *keys, bool *ok)
{
    const iss_node *v = iss_map_get(map, key);
    if (iss_node_is_null(v))
        return NULL;
    if (!iss_expect_map(&L->c, v, what, keys)) {
        *ok = false;
        return NULL;
    }
    return v;
}

bool iss_loader_person_refs(iss_loader *L, const iss_node *map, const char *key, bool required,
                            size_t **out, size_t *n)
{
    iss_strs ids = {0};
    if (!iss_get_strs(&L->c, map, key, required, &ids))
        return false;
    *out = iss_loader_alloc(L, ids.n, sizeof **out);
    *n = 0;
    bool ok = true;
    for (size_t i = 0; i < ids.n; i++) {
        long p = iss_loader_person(L, &ids.v[i]);
        if (p < 0) {
            ok = false;
            continue;
        }
        for (size_t j = 0; j < *n; j++)
            if ((*out)[j] == (size_t)p) {
                iss_error(&L->c, ids.v[i].loc, "person '%s' listed twice", ids.v[i].s);
                iss_diag_mask(L->c.diags, ids.v[i].s);
                ok = false;
            }
        (*out)[(*n)++] = (size_t)p;
    }
    return ok;
}

bool iss_loader_period(iss_loader *L, const iss_node *m, const char *from_key, const char *to_key,
                       bool from_required, iss_day *from, iss_day *to)
{
    iss_loc to_loc = {0, 0};
    bool ok = iss_get_date(&L->c, m, from_key, from_required, from, NULL) &
              iss_get_date(&L->c, m, to_key, false, to, &to_loc);
    if (ok && *from && *to && *to < *from) {
        iss_error(&L->c, to_loc, "'%s' is before '%s'", to_key, from_key);
        ok = false;
    }
    return ok;
}

bool iss_loader_category(iss_loader *L, const iss_node *m, const char *key, size_t *out)
{
    iss_str s = {0};
    if (!iss_get_str(&L->c, m, key, true, &s))
        return false;
    int ci = iss_criteria_category(L->cr, s.s);
    if (ci < 0) {
        iss_buf b = {0};
        for (size_t i = 0; i < L->cr->ncategories; i++)
            iss_buf_printf(&b, "%s%s", i ? ", " : "", L->cr->categories[i].code);
        iss_error(&L->c, s.loc, "unknown category '%s'; expected one of %s", s.s, b.s ? b.s : "");
        iss_buf_free(&b);
        return false;
    }
    *out = (size_t)ci;
    return true;
}

bool iss_load_head(iss_loader *L, const iss_node *root, bool *ok_out)
{
    static const char *const keys[] = {
        "isscheck",    "criteria", "provider",      "reference_date",           "persons",
        "engagements", "services", "registrations", "customer_info_protection", "trust",
        NULL};
    static const char *const provider_keys[] = {"name", "corporate_number", NULL};
    iss_decl *d = L->decl;
    if (!iss_expect_map(&L->c, root, "the declaration", keys))
        return false;
    d->root_loc = root->loc;
    long version = 1;
    bool ok =
        iss_get_int(&L->c, root, "isscheck", false, 1, 1, &version) &
        iss_get_date(&L->c, root, "reference_date", false, &d->reference_date, &d->reference_loc);
    const iss_node *prov = iss_map_get(root, "provider");
    if (!prov) {
        iss_error(&L->c, root->loc, "missing required key 'provider'");
        ok = false;
    } else if (iss_expect_map(&L->c, prov, "provider", provider_keys)) {
        ok &= iss_get_str(&L->c, prov, "name", true, &d->provider) &
              iss_get_str(&L->c, prov, "corporate_number", false, &d->corporate_number);
    } else {
        ok = false;
    }
    *ok_out = ok;
    return true;
}

bool iss_load_tail(iss_loader *L, const iss_node *root, bool ok)
{
    iss_decl *d = L->decl;
    const iss_node *svcs = iss_map_get(root, "services");
    if (!svcs || iss_node_is_null(svcs)) {
        iss_error(&L->c, root->loc, "missing required key 'services' (the categories applied for)");
        ok = false;
    } else if (svcs->type == ISS_NODE_SEQ && svcs->n == 0) {
        iss_error(&L->c, svcs->loc, "'services' is empty: name at least one category applied for");
        ok = false;
    } else if (iss_expect_seq(&L->c, svcs, "services")) {
        d->services = iss_loader_alloc(L, svcs->n, sizeof *d->services);
        for (size_t i = 0; i < svcs->n; i++) {
            iss_service *s = &d->services[d->nservices];
            if (!iss_load_service(L, svcs->kids[i], s)) {
                ok = false;
                continue;
            }
            for (size_t j = 0; j < d->nservices; j++)
                if (d->services[j].category == s->category) {
                    iss_error(&L->c, s->loc, "category '%s' applied for twice",
                              L->cr->categories[s->category].code);
                    ok = false;
                }
            d->nservices++;
        }
    } else {
        ok = false;
    }
    const iss_node *prot = iss_map_get(root, "customer_info_protection");
    if (!iss_node_is_null(prot))
        ok &= iss_load_protection(L, prot);
    const iss_node *regs = iss_map_get(root, "registrations");
    if (!iss_node_is_null(regs))
        ok &= iss_load_registrations(L, regs);
    const iss_node *trust = iss_map_get(root, "trust");
    if (!iss_node_is_null(trust))
        ok &= iss_load_trust(L, trust);
    return ok;
}

/* The whole model from the tree: the head, the persons first (everything
 * else refers to them), the engagements, the rest. */
static bool load_root(iss_loader *L, const iss_node *root)
{
    bool ok = true;
    if (!iss_load_head(L, root, &ok))
        return false;
    const iss_node *persons = iss_loader_seq(L, root, "persons", &ok);
    size_t nprior = 0;
    if (!iss_load_persons(L, persons, &nprior) || !ok)
        return false;
    iss_load_documents(L);
    const iss_node *eng = iss_loader_seq(L, root, "engagements", &ok);
    if (!iss_load_engagements(L, eng, persons, nprior, &ok))
        return false;
    return iss_load_tail(L, root, ok);
}

/* The 'criteria' key: which edition of each document (document: edition).
 * Against loaded editions it picks the criteria; against one criteria it
 * must name that criteria's editions. */
bool iss_load_criteria(iss_loader *L, const iss_node *m)
{
    iss_edition_req *req = NULL;
    size_t n = 0;
    if (m && !iss_node_is_null(m)) { /* m is NULL when the key is absent */
        if (m->type != ISS_NODE_MAP) {
            iss_error(&L->c, m->loc,
                      "'criteria' must be a mapping of document id to edition "
                      "(meti-iss: 第3版)");
            return false;
        }
        req = iss_loader_alloc(L, m->n, sizeof *req);
        for (size_t i = 0; i < m->n; i++) {
            if (!iss_node_str(&L->c, m->kids[2 * i], "a document id", &req[n].document) ||
                !iss_node_str(&L->c, m->kids[2 * i + 1], "an edition", &req[n].edition))
                return false;
            n++;
        }
    }
    if (L->ed) {
        iss_criteria *owned = NULL;
        const iss_criteria *c = iss_editions_resolve(L->ed, req, n, &L->c, &owned);
        L->decl->owned = owned;
        if (!c)
            return false;
        L->cr = c;
        L->decl->criteria = c;
        return true;
    }
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        bool found = false;
        for (size_t k = 0; k < L->cr->nsets && !found; k++)
            found = strcmp(L->cr->sets[k]->document, req[i].document.s) == 0 &&
                    strcmp(L->cr->sets[k]->edition, req[i].edition.s) == 0;
        if (!found) {
            iss_error(&L->c, req[i].edition.loc, "edition '%s' of '%s' is not loaded",
                      req[i].edition.s, req[i].document.s);
            ok = false;
        }
    }
    return ok;
}

static iss_decl *decl_new(const char *name, const iss_criteria *c)
{
    iss_decl *decl = iss_xcalloc(1, sizeof *decl);
    decl->arena = iss_arena_new();
    decl->file = iss_arena_strdup(decl->arena, name);
    decl->criteria = c;
    return decl;
}

/* The bytes come from a file or from memory; the model from events, or
 * from a whole tree when that path gives up (see iss_load_events). */
static iss_decl *load(const char *path, const char *bytes, size_t len, const char *name,
                      const iss_criteria *c, const iss_editions *ed, const iss_limits *lim,
                      iss_arena *scratch, iss_diags *d)
{
    iss_decl *decl = decl_new(name, c);
    if (!lim)
        lim = &iss_default_limits;
    size_t before = d->errors, ndiags = d->n;
    /* the tree is scaffolding: the model keeps only its strings (and
     * locations, by value), so the nodes go when the model is built */
    iss_arena *tree = scratch ? scratch : iss_arena_new();
    iss_arena_reset(tree);
    /* the bytes are read here, not by the reader, so that their digest
     * (which pins waivers and judgements) is of exactly what was parsed */
    char sha256[65] = "";
    iss_buf file = {0};
    if (path && iss_read_file(path, decl->file, lim, &file, sha256, d)) {
        bytes = file.s ? file.s : "";
        len = file.len;
    } else if (bytes) {
        iss_sha256 h;
        iss_sha256_init(&h);
        iss_sha256_add(&h, bytes, len);
        iss_sha256_hex(&h, sha256);
    }
    bool ok = false;
    if (bytes && !lim->tree_loader) {
        iss_loader L = {
            .c = {decl->file, decl->arena, d}, .decl = decl, .ed = ed, .cr = c, .lim = lim};
        ok = iss_load_events(&L, bytes, len, tree);
        free(L.persons.slot);
        free(L.engagements.slot);
        if (!ok) {
            iss_diags_truncate(d, ndiags);
            iss_decl_free(decl);
            iss_arena_reset(tree);
            decl = decl_new(name, c);
        }
    }
    if (bytes && !ok) {
        iss_loader L = {
            .c = {decl->file, decl->arena, d}, .decl = decl, .ed = ed, .cr = c, .lim = lim};
        iss_node *root = iss_read_yaml_in(bytes, len, decl->file, lim, tree, decl->arena, d);
        ok = root &&
             (root->type != ISS_NODE_MAP || iss_load_criteria(&L, iss_map_get(root, "criteria"))) &&
             load_root(&L, root) && d->errors == before;
        free(L.persons.slot);
        free(L.engagements.slot);
    }
    iss_buf_free(&file);
    memcpy(decl->sha256, sha256, sizeof sha256);
    if (scratch)
        iss_arena_reset(scratch);
    else
        iss_arena_free(tree);
    if (!ok) {
        iss_decl_free(decl);
        return NULL;
    }
    return decl;
}

iss_decl *iss_decl_parse(const char *bytes, size_t len, const char *name, const iss_criteria *c,
                         const iss_limits *lim, iss_diags *d)
{
    return load(NULL, bytes, len, name, c, NULL, lim, NULL, d);
}

iss_decl *iss_decl_parse_editions(const char *bytes, size_t len, const char *name,
                                  const iss_editions *ed, const iss_limits *lim, iss_diags *d)
{
    return load(NULL, bytes, len, name, ed->deflt, ed, lim, NULL, d);
}

iss_decl *iss_decl_load_editions(const char *path, const char *name, const iss_editions *ed,
                                 const iss_limits *lim, iss_diags *d)
{
    return load(path, NULL, 0, name, ed->deflt, ed, lim, NULL, d);
}

iss_decl *iss_decl_load(const char *path, const char *name, const iss_criteria *c,
                        const iss_limits *lim, iss_diags *d)
{
    return load(path, NULL, 0, name, c, NULL, lim, NULL, d);
}

iss_decl *iss_decl_load_in(const char *path, const char *name, const iss_editions *ed,
                           const iss_limits *lim, iss_arena *scratch, iss_diags *d)
{
    return load(path, NULL, 0, name, ed->deflt, ed, lim, scratch, d);
}

void iss_decl_free(iss_decl *decl)
{
    if (!decl)
        return;
    iss_criteria_free(decl->owned);
    iss_arena_free(decl->arena);
    free(decl->heap_persons);
    free(decl->heap_engagements);
    free(decl);
}

const iss_service *iss_decl_service(const iss_decl *decl, size_t category)
{
    for (size_t i = 0; i < decl->nservices; i++)
        if (decl->services[i].category == category)
            return &decl->services[i];
    return NULL;
}
