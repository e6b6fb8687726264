/* decl_trust.c - loading what the provider states about itself rather
 * than a service: customer information protection (procedure, audits),
 * the registrations it holds, and the trust section (capital, employees,
 * information, subcontractors, tools, security). */
#include "decl_load.h"

#include <string.h>

static bool load_audit(iss_loader *L, const iss_node *m, iss_audit *a)
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
        a->auditor = iss_loader_person(L, &auditor);
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
        if (iss_id_map_find(&L->engagements, cases.v[i].s) < 0) {
            iss_error(&L->c, cases.v[i].loc, "unknown engagement '%s'", cases.v[i].s);
            ok = false;
        }
    }
    return ok;
}

bool iss_load_protection(iss_loader *L, const iss_node *m)
{
    static const char *const keys[] = {"procedure", "in_operation", "audits", NULL};
    if (!iss_expect_map(&L->c, m, "customer_info_protection", keys))
        return false;
    iss_decl *d = L->decl;
    d->has_protection = true;
    d->protection_loc = m->loc;
    bool ok = iss_get_str(&L->c, m, "procedure", false, &d->procedure) &
              iss_get_bool(&L->c, m, "in_operation", &d->in_operation);
    ISS_LOAD_LIST(L, m, "audits", d->audits, d->naudits, load_audit, ok);
    return ok;
}

/* ---- the trust section ---- */

static bool tristate(iss_loader *L, const iss_node *m, const char *key, iss_tristate *out)
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
static bool percent(iss_loader *L, const iss_node *m, const char *key, long *out)
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
typedef bool (*item_fn)(iss_loader *L, const iss_node *m, void *item);

static bool trust_list(iss_loader *L, const iss_node *map, const char *key, size_t size,
                       item_fn one, void **out, size_t *n, iss_loc *loc)
{
    bool ok = true;
    const iss_node *v = iss_loader_seq(L, map, key, &ok);
    if (!v)
        return ok;
    *loc = v->loc;
    char *items = iss_loader_alloc(L, v->n, size);
    *out = items;
    *n = v->n;
    for (size_t i = 0; i < v->n; i++)
        ok &= one(L, v->kids[i], items + i * size);
    return ok;
}

static bool holder(iss_loader *L, const iss_node *m, void *item)
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

static bool certification(iss_loader *L, const iss_node *m, void *item)
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

static bool storage(iss_loader *L, const iss_node *m, void *item)
{
    static const char *const keys[] = {"data", "location", "country", NULL};
    iss_storage *st = item;
    st->loc = m->loc;
    return iss_expect_map(&L->c, m, "a storage place", keys) &&
           (iss_get_str(&L->c, m, "data", true, &st->data) &
            iss_get_str(&L->c, m, "location", true, &st->location) &
            iss_get_str(&L->c, m, "country", true, &st->country));
}

static bool subcontractor(iss_loader *L, const iss_node *m, void *item)
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

static bool tool(iss_loader *L, const iss_node *m, void *item)
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

static bool measure(iss_loader *L, const iss_node *m, void *item)
{
    static const char *const keys[] = {"measure", "evidence", NULL};
    iss_measure *x = item;
    x->loc = m->loc;
    return iss_expect_map(&L->c, m, "a security measure", keys) &&
           (iss_get_str(&L->c, m, "measure", true, &x->measure) &
            iss_get_str(&L->c, m, "evidence", false, &x->evidence));
}

static bool rulebook(iss_loader *L, const iss_node *m, const char *key, iss_rulebook *out)
{
    static const char *const keys[] = {"document", "evidence", NULL};
    bool ok = true;
    const iss_node *v = iss_loader_map(L, m, key, key, keys, &ok);
    if (!v)
        return ok;
    out->loc = v->loc;
    return iss_get_str(&L->c, v, "document", true, &out->document) &
           iss_get_str(&L->c, v, "evidence", false, &out->evidence);
}

/* The parts of the trust section, each a mapping of its keys already. */
static bool trust_capital(iss_loader *L, const iss_node *cap, iss_trust *t)
{
    t->capital_loc = cap->loc;
    iss_loc at = {0, 0};
    bool ok = trust_list(L, cap, "shareholders", sizeof *t->holders, holder, (void **)&t->holders,
                         &t->nholders, &at) &
              iss_get_str(&L->c, cap, "evidence", false, &t->capital_evidence);
    if (!at.line) {
        iss_error(&L->c, cap->loc,
                  "missing required key 'shareholders' (a list; [] when none is named)");
        ok = false;
    }
    return ok;
}

static bool trust_employees(iss_loader *L, const iss_node *emp, iss_trust *t)
{
    t->employees_loc = emp->loc;
    bool ok = rulebook(L, emp, "confidentiality", &t->confidentiality) &
              rulebook(L, emp, "training", &t->training) & rulebook(L, emp, "leaving", &t->leaving);
    const iss_node *cov = iss_map_get(emp, "covers");
    if (!iss_node_is_null(cov)) {
        t->covers_loc = cov->loc;
        ok &= iss_loader_person_refs(L, emp, "covers", false, &t->covered, &t->ncovered);
    }
    return ok;
}

static bool trust_information(iss_loader *L, const iss_node *info, iss_trust *t)
{
    t->information_loc = info->loc;
    iss_loc at = {0, 0};
    return trust_list(L, info, "certifications", sizeof *t->certs, certification,
                      (void **)&t->certs, &t->ncerts, &at) &
           trust_list(L, info, "storage", sizeof *t->storage, storage, (void **)&t->storage,
                      &t->nstorage, &t->storage_loc);
}

bool iss_load_trust(iss_loader *L, const iss_node *m)
{
    static const char *const keys[] = {"capital", "employees", "information", "subcontractors",
                                       "tools",   "security",  NULL};
    iss_decl *d = L->decl;
    iss_trust *t = &d->trust;
    if (!iss_expect_map(&L->c, m, "trust", keys))
        return false;
    d->has_trust = true;
    t->loc = m->loc;
    static const char *const capital_keys[] = {"shareholders", "evidence", NULL};
    static const char *const employee_keys[] = {"confidentiality", "training", "leaving", "covers",
                                                NULL};
    static const char *const info_keys[] = {"certifications", "storage", NULL};
    bool ok = true;
    const iss_node *cap = iss_loader_map(L, m, "capital", "capital", capital_keys, &ok);
    if (cap)
        ok &= trust_capital(L, cap, t);
    const iss_node *emp = iss_loader_map(L, m, "employees", "employees", employee_keys, &ok);
    if (emp)
        ok &= trust_employees(L, emp, t);
    const iss_node *info = iss_loader_map(L, m, "information", "information", info_keys, &ok);
    if (info)
        ok &= trust_information(L, info, t);
    ok &= trust_list(L, m, "subcontractors", sizeof *t->subs, subcontractor, (void **)&t->subs,
                     &t->nsubs, &t->subcontractors_loc) &
          trust_list(L, m, "tools", sizeof *t->tools, tool, (void **)&t->tools, &t->ntools,
                     &t->tools_loc) &
          trust_list(L, m, "security", sizeof *t->measures, measure, (void **)&t->measures,
                     &t->nmeasures, &t->security_loc);
    return ok;
}

bool iss_load_registrations(iss_loader *L, const iss_node *list)
{
    static const char *const keys[] = {"category", "number", "expires", "evidence", NULL};
    iss_decl *d = L->decl;
    if (!iss_expect_seq(&L->c, list, "registrations"))
        return false;
    d->registrations = iss_loader_alloc(L, list->n, sizeof *d->registrations);
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
