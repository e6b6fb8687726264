/* decl_persons.c - loading the persons (qualifications, community roles,
 * lecturing, trainings) and the engagements, own and prior, that name
 * them. */
#include "decl_load.h"

#include <stdlib.h>
#include <string.h>

/* ---- persons ---- */

typedef struct {
    const char *id;
    size_t index;
} id_index;

static int id_cmp(const void *a, const void *b)
{
    return strcmp(((const id_index *)a)->id, ((const id_index *)b)->id);
}

static bool load_qualification(iss_loader *L, const iss_node *m, iss_qualification *q)
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
           iss_loader_period(L, m, "acquired", "expires", false, &q->acquired, &q->expires);
}

static bool load_role(iss_loader *L, const iss_node *m, iss_community_role *r)
{
    static const char *const keys[] = {"community", "role", "from", "to", "evidence", NULL};
    if (!iss_expect_map(&L->c, m, "a community role", keys))
        return false;
    iss_str role = {0};
    r->loc = m->loc;
    bool ok = iss_get_str(&L->c, m, "community", true, &r->community) &
              iss_get_str(&L->c, m, "role", true, &role) &
              iss_get_str(&L->c, m, "evidence", false, &r->evidence) &
              iss_loader_period(L, m, "from", "to", false, &r->from, &r->to);
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

static bool load_lecturing(iss_loader *L, const iss_node *m, iss_lecturing *x)
{
    static const char *const keys[] = {"institution", "subject", "from", "to", "evidence", NULL};
    if (!iss_expect_map(&L->c, m, "a lecturing record", keys))
        return false;
    size_t cat = 0;
    x->loc = m->loc;
    bool ok = iss_get_str(&L->c, m, "institution", true, &x->institution) &
              iss_get_str(&L->c, m, "evidence", false, &x->evidence) &
              iss_loader_period(L, m, "from", "to", false, &x->from, &x->to);
    if (iss_loader_category(L, m, "subject", &cat)) {
        x->subject.s = L->cr->categories[cat].code;
        x->subject.loc = iss_map_get(m, "subject")->loc;
    } else {
        ok = false;
    }
    return ok;
}

static bool load_training(iss_loader *L, const iss_node *m, iss_training *t)
{
    static const char *const keys[] = {"name", "completed", "evidence", NULL};
    if (!iss_expect_map(&L->c, m, "a training", keys))
        return false;
    t->loc = m->loc;
    return iss_get_str(&L->c, m, "name", true, &t->name) &
           iss_get_date(&L->c, m, "completed", true, &t->completed, NULL) &
           iss_get_str(&L->c, m, "evidence", false, &t->evidence);
}

bool iss_load_person(iss_loader *L, const iss_node *m, iss_person *p)
{
    static const char *const keys[] = {
        "id",        "name",      "qualifications",    "community_roles",
        "lecturing", "trainings", "prior_engagements", NULL};
    if (!iss_expect_map(&L->c, m, "a person", keys))
        return false;
    p->loc = m->loc;
    bool ok =
        iss_get_str(&L->c, m, "id", true, &p->id) & iss_get_str(&L->c, m, "name", false, &p->name);
    ISS_LOAD_LIST(L, m, "qualifications", p->quals, p->nquals, load_qualification, ok);
    ISS_LOAD_LIST(L, m, "community_roles", p->roles, p->nroles, load_role, ok);
    ISS_LOAD_LIST(L, m, "lecturing", p->lecturing, p->nlecturing, load_lecturing, ok);
    ISS_LOAD_LIST(L, m, "trainings", p->trainings, p->ntrainings, load_training, ok);
    return ok;
}

/* ---- engagements ---- */

static bool load_review(iss_loader *L, const iss_node *m, iss_review *r)
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
    long p = iss_loader_person(L, &by);
    r->by = p < 0 ? 0 : (size_t)p;
    return p >= 0;
}

bool iss_load_engagement(iss_loader *L, const iss_node *m, iss_engagement *e, long owner)
{
    static const char *const own_keys[] = {"id",       "category", "kind",    "start",    "end",
                                           "contract", "staff",    "reviews", "evidence", NULL};
    static const char *const prior_keys[] = {"id",       "category", "kind",     "start", "end",
                                             "contract", "employer", "evidence", NULL};
    /* every contract kind but NONE, by its enumerator */
    static const char *const contract_names[ISS_CONTRACT_NONE][4] = {
        [ISS_CONTRACT_SINGLE] = {"single", "単発", NULL},
        [ISS_CONTRACT_COMPREHENSIVE] = {"comprehensive", "包括", "包括的", NULL},
        [ISS_CONTRACT_CONTINUING] = {"continuing", "継続", "継続的", NULL}};
    if (!iss_expect_map(&L->c, m, owner < 0 ? "an engagement" : "a prior engagement",
                        owner < 0 ? own_keys : prior_keys))
        return false;
    e->owner = owner;
    e->loc = m->loc;
    iss_str contract = {0}, dummy = {0};
    bool ok = iss_get_str(&L->c, m, "id", true, &e->id) &
              iss_loader_category(L, m, "category", &e->category) &
              iss_get_str(&L->c, m, "kind", false, &e->kind) &
              iss_loader_period(L, m, "start", "end", true, &e->start, &e->end) &
              iss_get_str(&L->c, m, "contract", true, &contract) &
              iss_get_str(&L->c, m, "evidence", false, &dummy) &
              iss_get_str(&L->c, m, "employer", false, &dummy);
    if (contract.s) {
        int found = -1;
        for (int i = 0; i < ISS_CONTRACT_NONE && found < 0; i++)
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
        ok &= iss_loader_person_refs(L, m, "staff", true, &e->staff, &e->nstaff);
        const iss_node *rv = iss_loader_seq(L, m, "reviews", &ok);
        if (rv) {
            e->reviews = iss_loader_alloc(L, rv->n, sizeof *e->reviews);
            e->nreviews = rv->n;
            for (size_t i = 0; i < rv->n; i++)
                ok &= load_review(L, rv->kids[i], &e->reviews[i]);
        }
    }
    return ok;
}

void iss_load_documents(iss_loader *L)
{
    const iss_criteria *cr = L->cr;
    size_t cap = 0;
    for (size_t i = 0; i < cr->nrules; i++)
        for (size_t j = 0;
             cr->rules[i].kind == ISS_CHECK_CASE_REVIEW && j < cr->rules[i].review.nalts; j++)
            cap += cr->rules[i].review.alts[j].documents.n;
    L->documents = iss_loader_alloc(L, cap, sizeof *L->documents);
    for (size_t i = 0; i < cr->nrules; i++)
        for (size_t j = 0;
             cr->rules[i].kind == ISS_CHECK_CASE_REVIEW && j < cr->rules[i].review.nalts; j++)
            for (size_t k = 0; k < cr->rules[i].review.alts[j].documents.n; k++) {
                const char *doc = cr->rules[i].review.alts[j].documents.v[k].s;
                bool seen = false;
                for (size_t x = 0; x < L->ndocuments; x++)
                    seen |= strcmp(L->documents[x], doc) == 0;
                if (!seen)
                    L->documents[L->ndocuments++] = doc;
            }
}

/* Ids declared twice among the first n persons (persons) or own
 * engagements, reported as the sorted list finds them (every pair, in id
 * order, at the later one): the hash only says that there are some, and
 * this runs only then.  A person's id is masked for --redact. */
static void ids_twice(iss_loader *L, bool persons, size_t n)
{
    const iss_decl *d = L->decl;
    id_index *ids = iss_xcalloc(n, sizeof *ids);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const iss_str *id = persons ? &d->persons[i].id : &d->engagements[i].id;
        if (id->s)
            ids[k++] = (id_index){id->s, i};
    }
    qsort(ids, k, sizeof *ids, id_cmp);
    for (size_t i = 1; i < k; i++) {
        if (strcmp(ids[i].id, ids[i - 1].id) != 0)
            continue;
        size_t later = ids[i].index > ids[i - 1].index ? ids[i].index : ids[i - 1].index;
        if (persons) {
            iss_error(&L->c, d->persons[later].id.loc, "person id '%s' declared twice", ids[i].id);
            iss_diag_mask(L->c.diags, ids[i].id);
        } else {
            iss_error(&L->c, d->engagements[later].id.loc, "engagement id '%s' declared twice",
                      ids[i].id);
        }
    }
    free(ids);
}

/* ---- from the tree ---- */

bool iss_load_persons(iss_loader *L, const iss_node *persons, size_t *nprior)
{
    iss_decl *d = L->decl;
    if (!persons)
        return true;
    if (persons->n > L->lim->max_persons) {
        iss_error(&L->c, persons->loc, "more than %zu persons (limit --max-persons)",
                  L->lim->max_persons);
        return false;
    }
    d->persons = iss_loader_alloc(L, persons->n, sizeof *d->persons);
    d->npersons = persons->n;
    bool ok = true, twice = false;
    for (size_t i = 0; i < persons->n; i++) {
        ok &= iss_load_person(L, persons->kids[i], &d->persons[i]);
        if (d->persons[i].id.s)
            twice |= iss_id_map_add(&L->persons, d->persons[i].id.s, i) >= 0;
        const iss_node *pr = iss_map_get(persons->kids[i], "prior_engagements");
        if (pr && pr->type == ISS_NODE_SEQ)
            *nprior += pr->n;
    }
    if (twice) {
        ok = false;
        ids_twice(L, true, d->npersons);
    }
    return ok;
}

bool iss_load_engagements(iss_loader *L, const iss_node *eng, const iss_node *persons,
                          size_t nprior, bool *ok)
{
    iss_decl *d = L->decl;
    size_t nown = eng ? eng->n : 0;
    if (nown + nprior > L->lim->max_engagements) {
        iss_error(&L->c, eng ? eng->loc : persons->loc,
                  "more than %zu engagements, own and prior (limit --max-engagements)",
                  L->lim->max_engagements);
        return false;
    }
    d->engagements = iss_loader_alloc(L, nown + nprior, sizeof *d->engagements);
    for (size_t i = 0; i < nown; i++)
        *ok &= iss_load_engagement(L, eng->kids[i], &d->engagements[d->nengagements++], -1);
    for (size_t i = 0; persons && i < persons->n; i++) {
        bool pok = true;
        const iss_node *pr = iss_loader_seq(L, persons->kids[i], "prior_engagements", &pok);
        *ok &= pok;
        for (size_t j = 0; pr && j < pr->n; j++)
            *ok &= iss_load_engagement(L, pr->kids[j], &d->engagements[d->nengagements++], (long)i);
    }
    /* engagement ids are unique among the provider's own cases */
    bool twice = false;
    for (size_t i = 0; i < nown; i++)
        if (d->engagements[i].id.s)
            twice |= iss_id_map_add(&L->engagements, d->engagements[i].id.s, i) >= 0;
    if (twice) {
        *ok = false;
        ids_twice(L, false, nown);
    }
    return true;
}
