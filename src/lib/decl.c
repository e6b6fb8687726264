/* decl.c - loading a declaration into the typed model, strictly. */
#include "isscheck/decl.h"
#include "isscheck/sha256.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *id;
    size_t index;
} id_index;

/* Ids found by a hash (open addressing, linear probing, at most half
 * full): a look-up costs one hash and a strcmp or two, whatever the number
 * of persons; the table is heap scratch, freed when the model is built. */
typedef struct {
    const char *id; /* NULL: empty */
    size_t index;
    size_t hash; /* compared first: a probe past another id reads no string */
} id_slot;

typedef struct {
    id_slot *slot;
    size_t cap, n; /* cap a power of two */
} id_map;

static size_t id_hash(const char *s)
{
    /* FNV-1a, 64-bit, folded */
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)(h ^ (h >> 29));
}

/* The index of id, or -1. */
static long id_map_find(const id_map *m, const char *id)
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

static void id_map_put(id_map *m, const char *id, size_t h, size_t index)
{
    size_t i = h & (m->cap - 1);
    while (m->slot[i].id)
        i = (i + 1) & (m->cap - 1);
    m->slot[i] = (id_slot){id, index, h};
    m->n++;
}

/* Adds id at index; when id is there already, leaves it and returns the
 * index it has, else -1. */
static long id_map_add(id_map *m, const char *id, size_t index)
{
    size_t h = id_hash(id);
    for (size_t i = h & (m->cap - 1); m->cap && m->slot[i].id; i = (i + 1) & (m->cap - 1))
        if (m->slot[i].hash == h && strcmp(m->slot[i].id, id) == 0)
            return (long)m->slot[i].index;
    if (2 * (m->n + 1) > m->cap) {
        id_map bigger = {NULL, m->cap ? 2 * m->cap : 64, 0};
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

typedef struct {
    iss_ctx c;
    iss_decl *decl;
    const iss_editions *ed;
    const iss_criteria *cr;
    const iss_limits *lim;
    id_map persons;         /* person id -> index in decl->persons */
    id_map engagements;     /* own engagement id -> index in decl->engagements */
    const char **documents; /* review documents the criteria name */
    size_t ndocuments;
} loader;

static int id_cmp(const void *a, const void *b)
{
    return strcmp(((const id_index *)a)->id, ((const id_index *)b)->id);
}

static long person_index(loader *L, const iss_str *id)
{
    long hit = id_map_find(&L->persons, id->s);
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

static const iss_node *seq_field(loader *L, const iss_node *map, const char *key, bool *ok)
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

static void *alloc_n(loader *L, size_t n, size_t size)
{
    return iss_arena_alloc(L->c.arena, (n ? n : 1) * size);
}

static bool person_refs(loader *L, const iss_node *map, const char *key, bool required,
                        size_t **out, size_t *n)
{
    iss_strs ids = {0};
    if (!iss_get_strs(&L->c, map, key, required, &ids))
        return false;
    *out = alloc_n(L, ids.n, sizeof **out);
    *n = 0;
    bool ok = true;
    for (size_t i = 0; i < ids.n; i++) {
        long p = person_index(L, &ids.v[i]);
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

static bool period(loader *L, const iss_node *m, const char *from_key, const char *to_key,
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

static bool category_field(loader *L, const iss_node *m, const char *key, size_t *out)
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

/* ---- persons ---- */

static bool load_qualification(loader *L, const iss_node *m, iss_qualification *q)
{
    static const char *const keys[] = {"name",       "number",   "acquired", "expires",
                                       "equivalent", "evidence", NULL};
    if (!iss_expect_map(&L->c, m, "a qualification", keys))
        return false;
    q->loc = m->loc;
    return iss_get_str(&L->c, m, "name", true, &q->name) &
           iss_get_str(&L->c, m, "number", false, &q->number) &
           iss_get_str(&L->c, m, "evidence", false, &q->evidence) &
           iss_get_bool(&L->c, m, "equivalent", &q->equivalent) &
           period(L, m, "acquired", "expires", false, &q->acquired, &q->expires);
}

static bool load_role(loader *L, const iss_node *m, iss_community_role *r)
{
    static const char *const keys[] = {"community", "role", "from", "to", "evidence", NULL};
    if (!iss_expect_map(&L->c, m, "a community role", keys))
        return false;
    iss_str role = {0};
    r->loc = m->loc;
    bool ok = iss_get_str(&L->c, m, "community", true, &r->community) &
              iss_get_str(&L->c, m, "role", true, &role) &
              iss_get_str(&L->c, m, "evidence", false, &r->evidence) &
              period(L, m, "from", "to", false, &r->from, &r->to);
    if (role.s) {
        static const char *const lecturer[] = {"lecturer", "講師", NULL};
        static const char *const leader[] = {"leader", "リーダー", NULL};
        r->leader = iss_lookup(leader, role.s) >= 0;
        if (!r->leader && iss_lookup(lecturer, role.s) < 0) {
            iss_error(&L->c, role.loc,
                      "role must be 'lecturer' (講師) or 'leader' (リーダー), not '%s'", role.s);
            ok = false;
        }
    }
    return ok;
}

static bool load_lecturing(loader *L, const iss_node *m, iss_lecturing *x)
{
    static const char *const keys[] = {"institution", "subject", "from", "to", "evidence", NULL};
    if (!iss_expect_map(&L->c, m, "a lecturing record", keys))
        return false;
    size_t cat = 0;
    x->loc = m->loc;
    bool ok = iss_get_str(&L->c, m, "institution", true, &x->institution) &
              iss_get_str(&L->c, m, "evidence", false, &x->evidence) &
              period(L, m, "from", "to", false, &x->from, &x->to);
    if (category_field(L, m, "subject", &cat)) {
        x->subject.s = L->cr->categories[cat].code;
        x->subject.loc = iss_map_get(m, "subject")->loc;
    } else {
        ok = false;
    }
    return ok;
}

static bool load_training(loader *L, const iss_node *m, iss_training *t)
{
    static const char *const keys[] = {"name", "completed", "evidence", NULL};
    if (!iss_expect_map(&L->c, m, "a training", keys))
        return false;
    t->loc = m->loc;
    return iss_get_str(&L->c, m, "name", true, &t->name) &
           iss_get_date(&L->c, m, "completed", true, &t->completed, NULL) &
           iss_get_str(&L->c, m, "evidence", false, &t->evidence);
}

#define LOAD_LIST(L_, map_, key_, arr_, count_, fn_, ok_)                                          \
    do {                                                                                           \
        const iss_node *list_ = seq_field(L_, map_, key_, &(ok_));                                 \
        if (list_) {                                                                               \
            (arr_) = alloc_n(L_, list_->n, sizeof *(arr_));                                        \
            (count_) = list_->n;                                                                   \
            for (size_t i_ = 0; i_ < list_->n; i_++)                                               \
                (ok_) &= fn_(L_, list_->kids[i_], &(arr_)[i_]);                                    \
        }                                                                                          \
    } while (0)

static bool load_person(loader *L, const iss_node *m, iss_person *p)
{
    static const char *const keys[] = {
        "id",        "name",      "qualifications",    "community_roles",
        "lecturing", "trainings", "prior_engagements", NULL};
    if (!iss_expect_map(&L->c, m, "a person", keys))
        return false;
    p->loc = m->loc;
    bool ok =
        iss_get_str(&L->c, m, "id", true, &p->id) & iss_get_str(&L->c, m, "name", false, &p->name);
    LOAD_LIST(L, m, "qualifications", p->quals, p->nquals, load_qualification, ok);
    LOAD_LIST(L, m, "community_roles", p->roles, p->nroles, load_role, ok);
    LOAD_LIST(L, m, "lecturing", p->lecturing, p->nlecturing, load_lecturing, ok);
    LOAD_LIST(L, m, "trainings", p->trainings, p->ntrainings, load_training, ok);
    return ok;
}

/* ---- engagements ---- */

static bool load_review(loader *L, const iss_node *m, iss_review *r)
{
    static const char *const keys[] = {"document", "by", NULL};
    if (!iss_expect_map(&L->c, m, "a review", keys))
        return false;
    iss_str by = {0};
    r->loc = m->loc;
    if (!(iss_get_str(&L->c, m, "document", true, &r->document) &
          iss_get_str(&L->c, m, "by", true, &by)))
        return false;
    bool known = false;
    for (size_t i = 0; i < L->ndocuments; i++)
        known |= strcmp(L->documents[i], r->document.s) == 0;
    if (!known) {
        iss_buf b = {0};
        for (size_t i = 0; i < L->ndocuments; i++)
            iss_buf_printf(&b, "%s%s", i ? ", " : "", L->documents[i]);
        iss_error(&L->c, r->document.loc, "unknown document '%s'; expected one of %s",
                  r->document.s, b.s ? b.s : "(none in the criteria)");
        iss_buf_free(&b);
        return false;
    }
    long p = person_index(L, &by);
    r->by = p < 0 ? 0 : (size_t)p;
    return p >= 0;
}

static bool load_engagement(loader *L, const iss_node *m, iss_engagement *e, long owner)
{
    static const char *const own_keys[] = {"id",       "category", "kind",    "start",    "end",
                                           "contract", "staff",    "reviews", "evidence", NULL};
    static const char *const prior_keys[] = {"id",       "category", "kind",     "start", "end",
                                             "contract", "employer", "evidence", NULL};
    static const char *const contract_names[][4] = {{"single", "単発", NULL},
                                                    {"comprehensive", "包括", "包括的", NULL},
                                                    {"continuing", "継続", "継続的", NULL}};
    if (!iss_expect_map(&L->c, m, owner < 0 ? "an engagement" : "a prior engagement",
                        owner < 0 ? own_keys : prior_keys))
        return false;
    e->owner = owner;
    e->loc = m->loc;
    iss_str contract = {0}, dummy = {0};
    bool ok = iss_get_str(&L->c, m, "id", true, &e->id) &
              category_field(L, m, "category", &e->category) &
              iss_get_str(&L->c, m, "kind", false, &e->kind) &
              period(L, m, "start", "end", true, &e->start, &e->end) &
              iss_get_str(&L->c, m, "contract", true, &contract) &
              iss_get_str(&L->c, m, "evidence", false, &dummy) &
              iss_get_str(&L->c, m, "employer", false, &dummy);
    if (contract.s) {
        int found = -1;
        for (int i = 0; i < 3 && found < 0; i++)
            if (iss_lookup(contract_names[i], contract.s) >= 0)
                found = i;
        if (found < 0) {
            iss_error(
                &L->c, contract.loc,
                "contract must be single (単発), comprehensive (包括的) or continuing (継続的), "
                "not '%s'",
                contract.s);
            ok = false;
        }
        e->contract = (iss_contract)(found < 0 ? 0 : found);
    }
    if (ok && e->kind.s) {
        const iss_category *cat = &L->cr->categories[e->category];
        bool known = false;
        for (size_t i = 0; i < cat->nkinds; i++)
            known |= strcmp(cat->kinds[i].code, e->kind.s) == 0;
        if (!known) {
            iss_buf b = {0};
            for (size_t i = 0; i < cat->nkinds; i++)
                iss_buf_printf(&b, "%s%s", i ? ", " : "", cat->kinds[i].code);
            iss_error(&L->c, e->kind.loc, "unknown kind '%s' for category '%s'; expected one of %s",
                      e->kind.s, cat->code, b.s ? b.s : "(none)");
            iss_buf_free(&b);
            ok = false;
        }
    }
    if (owner < 0) {
        ok &= person_refs(L, m, "staff", true, &e->staff, &e->nstaff);
        const iss_node *rv = seq_field(L, m, "reviews", &ok);
        if (rv) {
            e->reviews = alloc_n(L, rv->n, sizeof *e->reviews);
            e->nreviews = rv->n;
            for (size_t i = 0; i < rv->n; i++)
                ok &= load_review(L, rv->kids[i], &e->reviews[i]);
        }
    }
    return ok;
}

/* ---- services ---- */

static bool load_group(loader *L, const iss_node *m, const char *key, iss_lead_group *g)
{
    static const char *const keys[] = {"persons", "counts", "evidence", NULL};
    g->key = key;
    if (!iss_expect_map(&L->c, m, key, keys))
        return false;
    g->loc = m->loc;
    iss_str ev = {0};
    bool ok = person_refs(L, m, "persons", true, &g->persons, &g->npersons) &
              iss_get_str(&L->c, m, "evidence", false, &ev);
    const iss_node *counts = iss_map_get(m, "counts");
    if (!iss_node_is_null(counts)) {
        if (counts->type != ISS_NODE_MAP) {
            iss_error(&L->c, counts->loc, "'counts' must be a mapping of path to number");
            return false;
        }
        g->has_counts = true;
        g->counts_loc = counts->loc;
        g->counts = alloc_n(L, counts->n, sizeof *g->counts);
        g->ncounts = counts->n;
        for (size_t i = 0; i < counts->n; i++) {
            const iss_node *k = counts->kids[2 * i];
            ok &= iss_node_str(&L->c, k, "counts", &g->counts[i].path);
            iss_node tmp = {
                .type = ISS_NODE_MAP, .loc = counts->loc, .kids = counts->kids + 2 * i, .n = 1};
            ok &= iss_get_int(&L->c, &tmp, k->str, true, 0, 1000000, &g->counts[i].count);
        }
    }
    return ok;
}

static bool load_items(loader *L, const iss_node *svc, const char *key, iss_service *s, int f)
{
    static const char *const keys[] = {"name", "evidence", "equivalent", NULL};
    bool ok = true;
    const iss_node *list = seq_field(L, svc, key, &ok);
    if (!list)
        return ok;
    s->items[f] = alloc_n(L, list->n, sizeof *s->items[f]);
    s->nitems[f] = list->n;
    s->items_loc[f] = list->loc;
    for (size_t i = 0; i < list->n; i++) {
        const iss_node *m = list->kids[i];
        iss_item *it = &s->items[f][i];
        it->loc = m->loc;
        if (m->type == ISS_NODE_SCALAR) {
            ok &= iss_node_str(&L->c, m, key, &it->name);
            continue;
        }
        if (!iss_expect_map(&L->c, m, key, keys)) {
            ok = false;
            continue;
        }
        ok &= iss_get_str(&L->c, m, "name", true, &it->name) &
              iss_get_str(&L->c, m, "evidence", false, &it->evidence) &
              iss_get_bool(&L->c, m, "equivalent", &it->equivalent);
    }
    return ok;
}

static bool load_statements(loader *L, const iss_node *svc, iss_service *s)
{
    static const char *const keys[] = {"text", "evidence", NULL};
    const iss_node *m = iss_map_get(svc, "statements");
    if (iss_node_is_null(m))
        return true;
    if (m->type != ISS_NODE_MAP) {
        iss_error(&L->c, m->loc, "'statements' must be a mapping of statement id to text");
        return false;
    }
    bool ok = true;
    s->statements = alloc_n(L, m->n, sizeof *s->statements);
    s->nstatements = m->n;
    for (size_t i = 0; i < m->n; i++) {
        iss_statement *st = &s->statements[i];
        const iss_node *v = m->kids[2 * i + 1];
        ok &= iss_node_str(&L->c, m->kids[2 * i], "statements", &st->id);
        if (v->type == ISS_NODE_SCALAR) {
            ok &= iss_node_str(&L->c, v, st->id.s ? st->id.s : "statement", &st->text);
        } else if (iss_expect_map(&L->c, v, "a statement", keys)) {
            ok &= iss_get_str(&L->c, v, "text", true, &st->text) &
                  iss_get_str(&L->c, v, "evidence", false, &st->evidence);
        } else {
            ok = false;
        }
        if (st->text.s && !*st->text.s)
            st->text.s = NULL;
    }
    return ok;
}

/* Manual-section and statement ids are vocabulary the rule files define:
 * an id no rule of the category asks for is a typo, reported with the ids
 * the rules know. */
enum { ID_STATEMENT = -1 }; /* else an iss_sections_source */

static bool known_id(loader *L, size_t category, int what, const iss_str *id)
{
    bool section = what != ID_STATEMENT;
    iss_buf known = {0};
    bool found = false;
    for (size_t i = 0; i < L->cr->nrules && !found; i++) {
        const iss_rule *r = &L->cr->rules[i];
        if (r->category != category)
            continue;
        if (section && r->kind == ISS_CHECK_MANUAL_SECTIONS && (int)r->sections.source == what)
            for (size_t k = 0; k < r->sections.nsections && !found; k++) {
                found = strcmp(r->sections.sections[k].id, id->s) == 0;
                iss_buf_printf(&known, "%s%s", known.len ? ", " : "", r->sections.sections[k].id);
            }
        if (!section && r->kind == ISS_CHECK_STATEMENT)
            for (size_t k = 0; k < r->statement.statements.n && !found; k++) {
                found = strcmp(r->statement.statements.v[k].s, id->s) == 0;
                iss_buf_printf(&known, "%s%s", known.len ? ", " : "", r->statement.statements.v[k].s);
            }
    }
    /* one literal message per kind and case: each is a key of diag_ja.def */
    const char *code = L->cr->categories[category].code;
    if (found) {
        iss_buf_free(&known);
        return true;
    }
    if (known.len && what == ID_STATEMENT)
        iss_error(&L->c, id->loc, "unknown statement '%s' for category '%s'; expected one of %s",
                  id->s, code, known.s);
    else if (known.len && what == ISS_SECTIONS_MANUAL)
        iss_error(&L->c, id->loc,
                  "unknown manual section '%s' for category '%s'; expected one of %s", id->s, code,
                  known.s);
    else if (known.len)
        iss_error(&L->c, id->loc,
                  "unknown report-template section '%s' for category '%s'; expected one of %s",
                  id->s, code, known.s);
    else if (what == ID_STATEMENT)
        iss_error(&L->c, id->loc,
                  "unknown statement '%s' for category '%s': no rule of this category reads one",
                  id->s, code);
    else if (what == ISS_SECTIONS_MANUAL)
        iss_error(
            &L->c, id->loc,
            "unknown manual section '%s' for category '%s': no rule of this category reads one",
            id->s, code);
    else
        iss_error(&L->c, id->loc,
                  "unknown report-template section '%s' for category '%s': no rule of this "
                  "category reads one",
                  id->s, code);
    iss_buf_free(&known);
    return found;
}

static const char *const field_keys[ISS_FIELD_COUNT] = {"standards", "result_handling",
                                                        "compliance", "education"};

static bool load_service(loader *L, const iss_node *m, iss_service *s)
{
    static const char *const base[] = {"category",   "subtypes",        "quality_manager",
                                       "manual",     "standards",       "result_handling",
                                       "compliance", "education",       "statements",
                                       "dual_roles", "report_template", NULL};
    static const char *const manual_keys[] = {"sections", "evidence", NULL};
    static const char *const dual_keys[] = {"persons", "count", NULL};
    /* the slot of a service that failed to load is reused by the next */
    memset(s, 0, sizeof *s);
    s->loc = m->loc;
    s->quality_manager = -1;
    s->dual_count = -1;
    if (m->type != ISS_NODE_MAP) {
        iss_error(&L->c, m->loc, "a service must be a mapping");
        return false;
    }
    if (!category_field(L, m, "category", &s->category))
        return false;
    const iss_category *cat = &L->cr->categories[s->category];
    if (cat->section) {
        iss_error(&L->c, m->loc,
                  "category '%s' is not a service: it applies through the '%s' section", cat->code,
                  cat->section);
        return false;
    }
    const char *keys[32];
    size_t nk = 0;
    for (; base[nk]; nk++)
        keys[nk] = base[nk];
    for (size_t i = 0; i < cat->ngroups && nk < 31; i++)
        keys[nk++] = cat->groups[i];
    keys[nk] = NULL;
    if (!iss_expect_map(&L->c, m, "a service", keys))
        return false;
    bool ok = iss_get_strs(&L->c, m, "subtypes", cat->nsubtypes > 0, &s->subtypes);
    for (size_t i = 0; ok && i < s->subtypes.n; i++) {
        bool known = false;
        for (size_t j = 0; j < cat->nsubtypes; j++)
            known |= strcmp(cat->subtypes[j].code, s->subtypes.v[i].s) == 0 ||
                     strcmp(cat->subtypes[j].ja, s->subtypes.v[i].s) == 0;
        if (!known) {
            iss_buf b = {0};
            for (size_t j = 0; j < cat->nsubtypes; j++)
                iss_buf_printf(&b, "%s%s", j ? ", " : "", cat->subtypes[j].code);
            iss_error(&L->c, s->subtypes.v[i].loc, "unknown sub-type '%s' of '%s'; expected %s",
                      s->subtypes.v[i].s, cat->code, b.s ? b.s : "none");
            iss_buf_free(&b);
            ok = false;
        }
        /* normalise a Japanese name to its code */
        for (size_t j = 0; j < cat->nsubtypes; j++)
            if (strcmp(cat->subtypes[j].ja, s->subtypes.v[i].s) == 0)
                s->subtypes.v[i].s = cat->subtypes[j].code;
    }
    if (ok && cat->nsubtypes > 0 && s->subtypes.n == 0) {
        iss_error(&L->c, s->subtypes.loc, "'subtypes' must name at least one sub-type of '%s'",
                  cat->code);
        ok = false;
    }
    s->groups = alloc_n(L, cat->ngroups, sizeof *s->groups);
    for (size_t i = 0; i < cat->ngroups; i++) {
        const iss_node *g = iss_map_get(m, cat->groups[i]);
        if (iss_node_is_null(g))
            continue;
        ok &= load_group(L, g, cat->groups[i], &s->groups[s->ngroups++]);
    }
    iss_str qm = {0};
    ok &= iss_get_str(&L->c, m, "quality_manager", false, &qm);
    if (qm.s) {
        s->quality_manager = person_index(L, &qm);
        s->qm_loc = qm.loc;
        ok &= s->quality_manager >= 0;
    }
    const iss_node *man = iss_map_get(m, "manual");
    if (!iss_node_is_null(man)) {
        if (iss_expect_map(&L->c, man, "manual", manual_keys)) {
            s->has_manual = true;
            s->manual_loc = man->loc;
            ok &= iss_get_strs(&L->c, man, "sections", true, &s->manual_sections) &
                  iss_get_str(&L->c, man, "evidence", false, &s->manual_evidence);
            for (size_t i = 0; ok && i < s->manual_sections.n; i++)
                ok &= known_id(L, s->category, ISS_SECTIONS_MANUAL, &s->manual_sections.v[i]);
        } else {
            ok = false;
        }
    }
    const iss_node *tpl = iss_map_get(m, "report_template");
    if (!iss_node_is_null(tpl)) {
        if (iss_expect_map(&L->c, tpl, "report_template", manual_keys)) {
            s->has_template = true;
            s->template_loc = tpl->loc;
            ok &= iss_get_strs(&L->c, tpl, "sections", true, &s->template_sections) &
                  iss_get_str(&L->c, tpl, "evidence", false, &s->template_evidence);
            for (size_t i = 0; ok && i < s->template_sections.n; i++)
                ok &= known_id(L, s->category, ISS_SECTIONS_REPORT_TEMPLATE,
                               &s->template_sections.v[i]);
        } else {
            ok = false;
        }
    }
    for (int f = 0; f < ISS_FIELD_COUNT; f++)
        ok &= load_items(L, m, field_keys[f], s, f);
    ok &= load_statements(L, m, s);
    for (size_t i = 0; ok && i < s->nstatements; i++)
        ok &= known_id(L, s->category, ID_STATEMENT, &s->statements[i].id);
    const iss_node *dual = iss_map_get(m, "dual_roles");
    if (!iss_node_is_null(dual)) {
        if (iss_expect_map(&L->c, dual, "dual_roles", dual_keys)) {
            s->has_dual = true;
            s->dual_loc = dual->loc;
            ok &= person_refs(L, dual, "persons", false, &s->dual, &s->ndual) &
                  iss_get_int(&L->c, dual, "count", false, 0, 1000000, &s->dual_count);
        } else {
            ok = false;
        }
    }
    return ok;
}

static bool load_audit(loader *L, const iss_node *m, iss_audit *a)
{
    static const char *const keys[] = {"date",  "type",     "auditor", "organisation",
                                       "cases", "evidence", NULL};
    static const char *const internal[] = {"internal", "内部", "内部監査", NULL};
    static const char *const external[] = {"external", "外部", "外部監査", NULL};
    if (!iss_expect_map(&L->c, m, "an audit", keys))
        return false;
    a->loc = m->loc;
    a->auditor = -1;
    iss_str type = {0}, auditor = {0};
    iss_strs cases = {0};
    bool ok = iss_get_date(&L->c, m, "date", true, &a->date, NULL) &
              iss_get_str(&L->c, m, "type", true, &type) &
              iss_get_str(&L->c, m, "auditor", false, &auditor) &
              iss_get_str(&L->c, m, "organisation", false, &a->auditor_org) &
              iss_get_strs(&L->c, m, "cases", false, &cases) &
              iss_get_str(&L->c, m, "evidence", false, &a->evidence);
    if (type.s) {
        a->external = iss_lookup(external, type.s) >= 0;
        if (!a->external && iss_lookup(internal, type.s) < 0) {
            iss_error(&L->c, type.loc,
                      "type must be 'internal' (内部) or 'external' (外部), not '%s'", type.s);
            ok = false;
        }
    }
    if (auditor.s) {
        a->auditor = person_index(L, &auditor);
        ok &= a->auditor >= 0;
    }
    if (ok && !auditor.s && !a->auditor_org.s) {
        iss_error(&L->c, m->loc, "an audit names its 'auditor' (a person id) or 'organisation'");
        ok = false;
    }
    if (ok && auditor.s && a->auditor_org.s) {
        iss_error(&L->c, a->auditor_org.loc, "give 'auditor' or 'organisation', not both");
        ok = false;
    }
    for (size_t i = 0; ok && i < cases.n; i++) {
        /* the map holds the own engagements' ids, the prior ones' never */
        if (id_map_find(&L->engagements, cases.v[i].s) < 0) {
            iss_error(&L->c, cases.v[i].loc, "unknown engagement '%s'", cases.v[i].s);
            ok = false;
        }
    }
    return ok;
}

static bool load_protection(loader *L, const iss_node *m)
{
    static const char *const keys[] = {"procedure", "in_operation", "audits", NULL};
    if (!iss_expect_map(&L->c, m, "customer_info_protection", keys))
        return false;
    iss_decl *d = L->decl;
    d->has_protection = true;
    d->protection_loc = m->loc;
    bool ok = iss_get_str(&L->c, m, "procedure", false, &d->procedure) &
              iss_get_bool(&L->c, m, "in_operation", &d->in_operation);
    LOAD_LIST(L, m, "audits", d->audits, d->naudits, load_audit, ok);
    return ok;
}

static void collect_documents(loader *L)
{
    const iss_criteria *cr = L->cr;
    size_t cap = 0;
    for (size_t i = 0; i < cr->nrules; i++)
        for (size_t j = 0; cr->rules[i].kind == ISS_CHECK_CASE_REVIEW && j < cr->rules[i].review.nalts; j++)
            cap += cr->rules[i].review.alts[j].documents.n;
    L->documents = alloc_n(L, cap, sizeof *L->documents);
    for (size_t i = 0; i < cr->nrules; i++)
        for (size_t j = 0; cr->rules[i].kind == ISS_CHECK_CASE_REVIEW && j < cr->rules[i].review.nalts; j++)
            for (size_t k = 0; k < cr->rules[i].review.alts[j].documents.n; k++) {
                const char *doc = cr->rules[i].review.alts[j].documents.v[k].s;
                bool seen = false;
                for (size_t x = 0; x < L->ndocuments; x++)
                    seen |= strcmp(L->documents[x], doc) == 0;
                if (!seen)
                    L->documents[L->ndocuments++] = doc;
            }
}

/* ---- the trust section ---- */

static bool tristate(loader *L, const iss_node *m, const char *key, iss_tristate *out)
{
    bool b = false;
    *out = ISS_UNSTATED;
    if (iss_node_is_null(iss_map_get(m, key)))
        return true;
    if (!iss_get_bool(&L->c, m, key, &b))
        return false;
    *out = b ? ISS_YES : ISS_NO;
    return true;
}

/* A share in percent, 0 to 100 with at most two decimals, in hundredths. */
static bool percent(loader *L, const iss_node *m, const char *key, long *out)
{
    iss_str v = {0};
    if (!iss_get_str(&L->c, m, key, true, &v))
        return false;
    const char *p = v.s;
    long whole = 0, frac = 0;
    int digits = 0, decimals = 0;
    for (; *p >= '0' && *p <= '9' && digits < 4; p++, digits++)
        whole = whole * 10 + (*p - '0');
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9' && decimals < 2; p++, decimals++)
            frac = frac * 10 + (*p - '0');
    if (decimals == 1)
        frac *= 10;
    if (*p == '%')
        p++;
    if (!digits || *p || whole * 100 + frac > 10000) {
        iss_error(&L->c, v.loc,
                  "'%s' must be a percentage from 0 to 100 (at most two decimals), not '%s'", key,
                  v.s);
        return false;
    }
    *out = whole * 100 + frac;
    return true;
}

/* A sequence of mappings under key, each loaded by one; *loc set when present. */
typedef bool (*item_fn)(loader *L, const iss_node *m, void *item);

static bool trust_list(loader *L, const iss_node *map, const char *key, size_t size, item_fn one,
                       void **out, size_t *n, iss_loc *loc)
{
    bool ok = true;
    const iss_node *v = seq_field(L, map, key, &ok);
    if (!v)
        return ok;
    *loc = v->loc;
    char *items = alloc_n(L, v->n, size);
    *out = items;
    *n = v->n;
    for (size_t i = 0; i < v->n; i++)
        ok &= one(L, v->kids[i], items + i * size);
    return ok;
}

static bool holder(loader *L, const iss_node *m, void *item)
{
    static const char *const keys[] = {"name", "country", "share", "parent", "evidence", NULL};
    iss_holder *h = item;
    h->loc = m->loc;
    return iss_expect_map(&L->c, m, "a shareholder", keys) &&
           (iss_get_str(&L->c, m, "name", true, &h->name) &
            iss_get_str(&L->c, m, "country", true, &h->country) &
            percent(L, m, "share", &h->share) & iss_get_bool(&L->c, m, "parent", &h->parent) &
            iss_get_str(&L->c, m, "evidence", false, &h->evidence));
}

static bool certification(loader *L, const iss_node *m, void *item)
{
    static const char *const keys[] = {"name", "number", "expires", "evidence", NULL};
    iss_certification *c = item;
    c->loc = m->loc;
    return iss_expect_map(&L->c, m, "a certification", keys) &&
           (iss_get_str(&L->c, m, "name", true, &c->name) &
            iss_get_str(&L->c, m, "number", true, &c->number) &
            iss_get_date(&L->c, m, "expires", true, &c->expires, NULL) &
            iss_get_str(&L->c, m, "evidence", false, &c->evidence));
}

static bool storage(loader *L, const iss_node *m, void *item)
{
    static const char *const keys[] = {"data", "location", "country", NULL};
    iss_storage *st = item;
    st->loc = m->loc;
    return iss_expect_map(&L->c, m, "a storage place", keys) &&
           (iss_get_str(&L->c, m, "data", true, &st->data) &
            iss_get_str(&L->c, m, "location", true, &st->location) &
            iss_get_str(&L->c, m, "country", true, &st->country));
}

static bool subcontractor(loader *L, const iss_node *m, void *item)
{
    static const char *const keys[] = {
        "name", "country", "services", "customer_data", "confidentiality", "evidence", NULL};
    iss_subcontractor *sc = item;
    sc->loc = m->loc;
    if (!iss_expect_map(&L->c, m, "a subcontractor", keys))
        return false;
    bool ok = iss_get_str(&L->c, m, "name", true, &sc->name) &
              iss_get_str(&L->c, m, "country", true, &sc->country) &
              iss_get_strs(&L->c, m, "services", false, &sc->services) &
              tristate(L, m, "customer_data", &sc->customer_data) &
              tristate(L, m, "confidentiality", &sc->confidentiality) &
              iss_get_str(&L->c, m, "evidence", false, &sc->evidence);
    for (size_t i = 0; ok && i < sc->services.n; i++)
        if (iss_criteria_category(L->cr, sc->services.v[i].s) < 0) {
            iss_error(&L->c, sc->services.v[i].loc, "unknown category '%s'", sc->services.v[i].s);
            ok = false;
        }
    return ok;
}

static bool tool(loader *L, const iss_node *m, void *item)
{
    static const char *const keys[] = {
        "name", "vendor", "country", "ai", "customer_data_leaves", "evidence", NULL};
    iss_tool *t = item;
    t->loc = m->loc;
    return iss_expect_map(&L->c, m, "a tool", keys) &&
           (iss_get_str(&L->c, m, "name", true, &t->name) &
            iss_get_str(&L->c, m, "vendor", false, &t->vendor) &
            iss_get_str(&L->c, m, "country", false, &t->country) & tristate(L, m, "ai", &t->ai) &
            tristate(L, m, "customer_data_leaves", &t->data_leaves) &
            iss_get_str(&L->c, m, "evidence", false, &t->evidence));
}

static bool measure(loader *L, const iss_node *m, void *item)
{
    static const char *const keys[] = {"measure", "evidence", NULL};
    iss_measure *x = item;
    x->loc = m->loc;
    return iss_expect_map(&L->c, m, "a security measure", keys) &&
           (iss_get_str(&L->c, m, "measure", true, &x->measure) &
            iss_get_str(&L->c, m, "evidence", false, &x->evidence));
}

static bool rulebook(loader *L, const iss_node *m, const char *key, iss_rulebook *out)
{
    static const char *const keys[] = {"document", "evidence", NULL};
    const iss_node *v = iss_map_get(m, key);
    if (iss_node_is_null(v))
        return true;
    if (!iss_expect_map(&L->c, v, key, keys))
        return false;
    out->loc = v->loc;
    return iss_get_str(&L->c, v, "document", true, &out->document) &
           iss_get_str(&L->c, v, "evidence", false, &out->evidence);
}

static bool load_trust(loader *L, const iss_node *m)
{
    static const char *const keys[] = {"capital", "employees", "information", "subcontractors",
                                       "tools",   "security",  NULL};
    static const char *const capital_keys[] = {"shareholders", "evidence", NULL};
    static const char *const employee_keys[] = {"confidentiality", "training", "leaving", "covers",
                                                NULL};
    static const char *const info_keys[] = {"certifications", "storage", NULL};
    iss_decl *d = L->decl;
    iss_trust *t = &d->trust;
    if (!iss_expect_map(&L->c, m, "trust", keys))
        return false;
    d->has_trust = true;
    t->loc = m->loc;
    bool ok = true;
    const iss_node *cap = iss_map_get(m, "capital");
    if (!iss_node_is_null(cap)) {
        if (iss_expect_map(&L->c, cap, "capital", capital_keys)) {
            t->capital_loc = cap->loc;
            iss_loc at = {0, 0};
            ok &= trust_list(L, cap, "shareholders", sizeof *t->holders, holder,
                             (void **)&t->holders, &t->nholders, &at) &
                  iss_get_str(&L->c, cap, "evidence", false, &t->capital_evidence);
            if (!at.line) {
                iss_error(&L->c, cap->loc,
                          "missing required key 'shareholders' (a list; [] when none is named)");
                ok = false;
            }
        } else {
            ok = false;
        }
    }
    const iss_node *emp = iss_map_get(m, "employees");
    if (!iss_node_is_null(emp)) {
        if (iss_expect_map(&L->c, emp, "employees", employee_keys)) {
            t->employees_loc = emp->loc;
            ok &= rulebook(L, emp, "confidentiality", &t->confidentiality) &
                  rulebook(L, emp, "training", &t->training) &
                  rulebook(L, emp, "leaving", &t->leaving);
            const iss_node *cov = iss_map_get(emp, "covers");
            if (!iss_node_is_null(cov)) {
                t->covers_loc = cov->loc;
                ok &= person_refs(L, emp, "covers", false, &t->covered, &t->ncovered);
            }
        } else {
            ok = false;
        }
    }
    const iss_node *info = iss_map_get(m, "information");
    if (!iss_node_is_null(info)) {
        if (iss_expect_map(&L->c, info, "information", info_keys)) {
            t->information_loc = info->loc;
            iss_loc at = {0, 0};
            ok &= trust_list(L, info, "certifications", sizeof *t->certs, certification,
                             (void **)&t->certs, &t->ncerts, &at) &
                  trust_list(L, info, "storage", sizeof *t->storage, storage, (void **)&t->storage,
                             &t->nstorage, &t->storage_loc);
        } else {
            ok = false;
        }
    }
    ok &= trust_list(L, m, "subcontractors", sizeof *t->subs, subcontractor, (void **)&t->subs,
                     &t->nsubs, &t->subcontractors_loc) &
          trust_list(L, m, "tools", sizeof *t->tools, tool, (void **)&t->tools, &t->ntools,
                     &t->tools_loc) &
          trust_list(L, m, "security", sizeof *t->measures, measure, (void **)&t->measures,
                     &t->nmeasures, &t->security_loc);
    return ok;
}

static bool load_registrations(loader *L, const iss_node *list)
{
    static const char *const keys[] = {"category", "number", "expires", "evidence", NULL};
    iss_decl *d = L->decl;
    if (!iss_expect_seq(&L->c, list, "registrations"))
        return false;
    d->registrations = alloc_n(L, list->n, sizeof *d->registrations);
    bool ok = true;
    for (size_t i = 0; i < list->n; i++) {
        const iss_node *m = list->kids[i];
        iss_registration *r = &d->registrations[d->nregistrations];
        if (!iss_expect_map(&L->c, m, "a registration", keys)) {
            ok = false;
            continue;
        }
        r->loc = m->loc;
        bool rok = iss_get_str(&L->c, m, "category", true, &r->category) &
                   iss_get_str(&L->c, m, "number", true, &r->number) &
                   iss_get_date(&L->c, m, "expires", false, &r->expires, NULL) &
                   iss_get_str(&L->c, m, "evidence", false, &r->evidence);
        if (rok && iss_criteria_category(L->cr, r->category.s) < 0) {
            iss_error(&L->c, r->category.loc, "unknown category '%s'", r->category.s);
            rok = false;
        }
        d->nregistrations += rok;
        ok &= rok;
    }
    return ok;
}

/* The root's keys, its version, reference date and provider.  False when
 * the root is not a mapping at all; *ok false after any other error. */
static bool load_head(loader *L, const iss_node *root, bool *ok_out)
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

static bool load_tail(loader *L, const iss_node *root, bool ok)
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
        d->services = alloc_n(L, svcs->n, sizeof *d->services);
        for (size_t i = 0; i < svcs->n; i++) {
            iss_service *s = &d->services[d->nservices];
            if (!load_service(L, svcs->kids[i], s)) {
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
        ok &= load_protection(L, prot);
    const iss_node *regs = iss_map_get(root, "registrations");
    if (!iss_node_is_null(regs))
        ok &= load_registrations(L, regs);
    const iss_node *trust = iss_map_get(root, "trust");
    if (!iss_node_is_null(trust))
        ok &= load_trust(L, trust);
    return ok;
}

/* Ids declared twice, reported as the sorted list finds them (every
 * pair, in id order, at the later one): the hash only says that there are
 * some, and this runs only then. */
static void persons_twice(loader *L)
{
    const iss_decl *d = L->decl;
    id_index *ids = iss_xmalloc((d->npersons ? d->npersons : 1) * sizeof *ids);
    size_t n = 0;
    for (size_t i = 0; i < d->npersons; i++)
        if (d->persons[i].id.s)
            ids[n++] = (id_index){d->persons[i].id.s, i};
    qsort(ids, n, sizeof *ids, id_cmp);
    for (size_t i = 1; i < n; i++)
        if (strcmp(ids[i].id, ids[i - 1].id) == 0) {
            size_t later = ids[i].index > ids[i - 1].index ? ids[i].index : ids[i - 1].index;
            iss_error(&L->c, d->persons[later].id.loc, "person id '%s' declared twice", ids[i].id);
            iss_diag_mask(L->c.diags, ids[i].id);
        }
    free(ids);
}

static void engagements_twice(loader *L, size_t nown)
{
    const iss_decl *d = L->decl;
    id_index *ids = iss_xmalloc((nown ? nown : 1) * sizeof *ids);
    size_t n = 0;
    for (size_t i = 0; i < nown; i++)
        if (d->engagements[i].id.s)
            ids[n++] = (id_index){d->engagements[i].id.s, i};
    qsort(ids, n, sizeof *ids, id_cmp);
    for (size_t i = 1; i < n; i++)
        if (strcmp(ids[i].id, ids[i - 1].id) == 0) {
            size_t later = ids[i].index > ids[i - 1].index ? ids[i].index : ids[i - 1].index;
            iss_error(&L->c, d->engagements[later].id.loc, "engagement id '%s' declared twice",
                      ids[i].id);
        }
    free(ids);
}

/* The persons and engagements, from the tree, with everything else. */
static bool load_root(loader *L, const iss_node *root)
{
    iss_decl *d = L->decl;
    bool ok = true;
    if (!load_head(L, root, &ok))
        return false;

    /* persons first: everything else refers to them */
    const iss_node *persons = seq_field(L, root, "persons", &ok);
    size_t nprior = 0;
    if (persons && persons->n > L->lim->max_persons) {
        iss_error(&L->c, persons->loc, "more than %zu persons (limit --max-persons)",
                  L->lim->max_persons);
        return false;
    }
    if (persons) {
        d->persons = alloc_n(L, persons->n, sizeof *d->persons);
        d->npersons = persons->n;
        bool twice = false;
        for (size_t i = 0; i < persons->n; i++) {
            ok &= load_person(L, persons->kids[i], &d->persons[i]);
            if (d->persons[i].id.s)
                twice |= id_map_add(&L->persons, d->persons[i].id.s, i) >= 0;
            const iss_node *pr = iss_map_get(persons->kids[i], "prior_engagements");
            if (pr && pr->type == ISS_NODE_SEQ)
                nprior += pr->n;
        }
        if (twice) {
            ok = false;
            persons_twice(L);
        }
    }
    if (!ok)
        return false;

    collect_documents(L);
    const iss_node *eng = seq_field(L, root, "engagements", &ok);
    size_t nown = eng ? eng->n : 0;
    if (nown + nprior > L->lim->max_engagements) {
        iss_error(&L->c, eng ? eng->loc : persons->loc,
                  "more than %zu engagements, own and prior (limit --max-engagements)",
                  L->lim->max_engagements);
        return false;
    }
    d->engagements = alloc_n(L, nown + nprior, sizeof *d->engagements);
    for (size_t i = 0; i < nown; i++)
        ok &= load_engagement(L, eng->kids[i], &d->engagements[d->nengagements++], -1);
    for (size_t i = 0; persons && i < persons->n; i++) {
        bool pok = true;
        const iss_node *pr = seq_field(L, persons->kids[i], "prior_engagements", &pok);
        ok &= pok;
        for (size_t j = 0; pr && j < pr->n; j++)
            ok &= load_engagement(L, pr->kids[j], &d->engagements[d->nengagements++], (long)i);
    }
    /* engagement ids are unique among the provider's own cases */
    bool twice = false;
    for (size_t i = 0; i < nown; i++)
        if (d->engagements[i].id.s)
            twice |= id_map_add(&L->engagements, d->engagements[i].id.s, i) >= 0;
    if (twice) {
        ok = false;
        engagements_twice(L, nown);
    }

    return load_tail(L, root, ok);
}

/* The 'criteria' key: which edition of each document (document: edition).
 * Against loaded editions it picks the criteria; against one criteria it
 * must name that criteria's editions. */
static bool pick_criteria(loader *L, const iss_node *m)
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
        req = alloc_n(L, m->n, sizeof *req);
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
    loader *L;
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
    return pick_criteria(E->L, criteria) && quiet(E);
}

/* One more engagement (own when owner < 0), within the limit. */
static bool event_engagement(events *E, const iss_node *m, long owner)
{
    loader *L = E->L;
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
    /* zeroed as the tree path's arrays are: a loader sets only what the
     * document gives */
    memset(e, 0, sizeof *e);
    if (!load_engagement(L, m, e, owner) || !quiet(E))
        return false;
    if (owner < 0 && e->id.s && id_map_add(&L->engagements, e->id.s, E->nown) >= 0)
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
    loader *L = E->L;
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
        if (!load_person(L, item, p) || !quiet(E))
            return false;
        if (p->id.s && id_map_add(&L->persons, p->id.s, E->nperson) >= 0)
            return false;
        bool ok = true;
        const iss_node *pr = seq_field(L, item, "prior_engagements", &ok);
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
        collect_documents(L);
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
            collect_documents(E->L);
        E->engagements = 2;
    }
    return true;
}

/* Loads decl from bytes by events.  False when the tree path must run
 * instead (nothing of this attempt is kept then: the caller drops decl
 * and the diagnostics added). */
static bool load_events(loader *L, const char *bytes, size_t len, iss_arena *tree)
{
    iss_decl *d = L->decl;
    events E = {.L = L, .diags = L->c.diags->n};
    iss_arena *items = iss_arena_new();
    iss_stream st = {streamed, event_item, event_value, &E, items};
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
        ok = load_head(L, root, &head) && head && quiet(&E);
    }
    if (ok) {
        if (!E.engagements)
            collect_documents(L);
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
        ok = load_tail(L, root, true) && quiet(&E);
    }
    free(E.person);
    free(E.own);
    free(E.prior);
    return ok;
}

static iss_decl *decl_new(const char *name, const iss_criteria *c)
{
    iss_decl *decl = calloc(1, sizeof *decl);
    if (!decl)
        return NULL;
    decl->arena = iss_arena_new();
    decl->file = iss_arena_strdup(decl->arena, name);
    decl->criteria = c;
    return decl;
}

/* The bytes come from a file or from memory; the model from events, or
 * from a whole tree when that path gives up (see load_events). */
static iss_decl *load(const char *path, const char *bytes, size_t len, const char *name,
                      const iss_criteria *c, const iss_editions *ed, const iss_limits *lim,
                      iss_arena *scratch, iss_diags *d)
{
    iss_decl *decl = decl_new(name, c);
    if (!decl)
        return NULL;
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
        loader L = {{decl->file, decl->arena, d}, decl, ed, c, lim, {0}, {0}, NULL, 0};
        ok = load_events(&L, bytes, len, tree);
        free(L.persons.slot);
        free(L.engagements.slot);
        if (!ok) {
            iss_diags_truncate(d, ndiags);
            iss_decl_free(decl);
            iss_arena_reset(tree);
            decl = decl_new(name, c);
            if (!decl) {
                iss_buf_free(&file);
                return NULL;
            }
        }
    }
    if (bytes && !ok) {
        loader L = {{decl->file, decl->arena, d}, decl, ed, c, lim, {0}, {0}, NULL, 0};
        iss_node *root = iss_read_yaml_in(bytes, len, decl->file, lim, tree, decl->arena, d);
        ok = root &&
             (root->type != ISS_NODE_MAP || pick_criteria(&L, iss_map_get(root, "criteria"))) &&
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
