/* decl_service.c - loading the services applied for: lead groups,
 * manuals, report templates, items, statements and dual roles, checked
 * against the vocabulary the category's rules define. */
#include "decl_load.h"

#include <string.h>

/* ---- services ---- */

static bool load_group(iss_loader *L, const iss_node *m, const char *key, iss_lead_group *g)
{
    static const char *const keys[] = {"persons", "counts", "evidence", NULL};
    g->key = key;
    if (!iss_expect_map(&L->c, m, key, keys))
        return false;
    g->loc = m->loc;
    iss_str ev = {0};
    bool ok = iss_loader_person_refs(L, m, "persons", true, &g->persons, &g->npersons) &
              iss_get_str(&L->c, m, "evidence", false, &ev);
    const iss_node *counts = iss_map_get(m, "counts");
    if (!iss_node_is_null(counts)) {
        if (counts->type != ISS_NODE_MAP) {
            iss_error(&L->c, counts->loc, "'counts' must be a mapping of path to number");
            return false;
        }
        g->has_counts = true;
        g->counts_loc = counts->loc;
        g->counts = iss_loader_alloc(L, counts->n, sizeof *g->counts);
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

static bool load_items(iss_loader *L, const iss_node *svc, const char *key, iss_service *s, int f)
{
    static const char *const keys[] = {"name", "evidence", "equivalent", NULL};
    bool ok = true;
    const iss_node *list = iss_loader_seq(L, svc, key, &ok);
    if (!list)
        return ok;
    s->items[f] = iss_loader_alloc(L, list->n, sizeof *s->items[f]);
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

static bool load_statements(iss_loader *L, const iss_node *svc, iss_service *s)
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
    s->statements = iss_loader_alloc(L, m->n, sizeof *s->statements);
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

static bool known_id(iss_loader *L, size_t category, int what, const iss_str *id)
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
                iss_buf_printf(&known, "%s%s", known.len ? ", " : "",
                               r->statement.statements.v[k].s);
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

/* 'subtypes': each a sub-type of the category, by code or Japanese name
 * (normalised to the code), at least one when the category has any. */
static bool load_subtypes(iss_loader *L, const iss_node *m, const iss_category *cat, iss_service *s)
{
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
    return ok;
}

/* A list of section ids with its evidence ('manual', 'report_template'):
 * *has set when the key is there; each id one the category's rules read
 * from that source, looked up only while nothing of the service so far
 * (ok) is wrong.  Returns ok and this key's result. */
static bool load_sections(iss_loader *L, const iss_node *svc, const char *key, size_t category,
                          int source, bool ok, bool *has, iss_loc *loc, iss_strs *sections,
                          iss_str *evidence)
{
    static const char *const keys[] = {"sections", "evidence", NULL};
    const iss_node *m = iss_loader_map(L, svc, key, key, keys, &ok);
    if (!m)
        return ok;
    *has = true;
    *loc = m->loc;
    ok &= iss_get_strs(&L->c, m, "sections", true, sections) &
          iss_get_str(&L->c, m, "evidence", false, evidence);
    for (size_t i = 0; ok && i < sections->n; i++)
        ok &= known_id(L, category, source, &sections->v[i]);
    return ok;
}

/* The lead groups the category names (each key optional), then the
 * quality manager. */
static bool load_leads(iss_loader *L, const iss_node *m, const iss_category *cat, iss_service *s)
{
    bool ok = true;
    s->groups = iss_loader_alloc(L, cat->ngroups, sizeof *s->groups);
    for (size_t i = 0; i < cat->ngroups; i++) {
        const iss_node *g = iss_map_get(m, cat->groups[i]);
        if (iss_node_is_null(g))
            continue;
        ok &= load_group(L, g, cat->groups[i], &s->groups[s->ngroups++]);
    }
    iss_str qm = {0};
    ok &= iss_get_str(&L->c, m, "quality_manager", false, &qm);
    if (qm.s) {
        s->quality_manager = iss_loader_person(L, &qm);
        s->qm_loc = qm.loc;
        ok &= s->quality_manager >= 0;
    }
    return ok;
}

static bool load_dual(iss_loader *L, const iss_node *m, iss_service *s)
{
    static const char *const keys[] = {"persons", "count", NULL};
    bool ok = true;
    const iss_node *dual = iss_loader_map(L, m, "dual_roles", "dual_roles", keys, &ok);
    if (!dual)
        return ok;
    s->has_dual = true;
    s->dual_loc = dual->loc;
    return iss_loader_person_refs(L, dual, "persons", false, &s->dual, &s->ndual) &
           iss_get_int(&L->c, dual, "count", false, 0, 1000000, &s->dual_count);
}

/* The category first: it says which keys a service may have (its lead
 * groups) and what its sub-types, sections and statements may be. */
static const iss_category *service_category(iss_loader *L, const iss_node *m, iss_service *s)
{
    static const char *const base[] = {"category",   "subtypes",        "quality_manager",
                                       "manual",     "standards",       "result_handling",
                                       "compliance", "education",       "statements",
                                       "dual_roles", "report_template", NULL};
    if (m->type != ISS_NODE_MAP) {
        iss_error(&L->c, m->loc, "a service must be a mapping");
        return NULL;
    }
    if (!iss_loader_category(L, m, "category", &s->category))
        return NULL;
    const iss_category *cat = &L->cr->categories[s->category];
    if (cat->section) {
        iss_error(&L->c, m->loc,
                  "category '%s' is not a service: it applies through the '%s' section", cat->code,
                  cat->section);
        return NULL;
    }
    const char *keys[32];
    size_t nk = 0;
    for (; base[nk]; nk++)
        keys[nk] = base[nk];
    for (size_t i = 0; i < cat->ngroups && nk < 31; i++)
        keys[nk++] = cat->groups[i];
    keys[nk] = NULL;
    return iss_expect_map(&L->c, m, "a service", keys) ? cat : NULL;
}

bool iss_load_service(iss_loader *L, const iss_node *m, iss_service *s)
{
    /* the slot of a service that failed to load is reused by the next */
    memset(s, 0, sizeof *s);
    s->loc = m->loc;
    s->quality_manager = -1;
    s->dual_count = -1;
    const iss_category *cat = service_category(L, m, s);
    if (!cat)
        return false;
    bool ok = load_subtypes(L, m, cat, s);
    ok &= load_leads(L, m, cat, s);
    ok = load_sections(L, m, "manual", s->category, ISS_SECTIONS_MANUAL, ok, &s->has_manual,
                       &s->manual_loc, &s->manual_sections, &s->manual_evidence);
    ok = load_sections(L, m, "report_template", s->category, ISS_SECTIONS_REPORT_TEMPLATE, ok,
                       &s->has_template, &s->template_loc, &s->template_sections,
                       &s->template_evidence);
    for (int f = 0; f < ISS_FIELD_COUNT; f++)
        ok &= load_items(L, m, iss_item_field_keys[f], s, f);
    ok &= load_statements(L, m, s);
    for (size_t i = 0; ok && i < s->nstatements; i++)
        ok &= known_id(L, s->category, ID_STATEMENT, &s->statements[i].id);
    ok &= load_dual(L, m, s);
    return ok;
}
