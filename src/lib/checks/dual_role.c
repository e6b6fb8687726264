/* dual_role.c - 兼務者: the persons in two lead groups who meet a path of
 * both qualified_leads rules, declared with their number. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static bool load(iss_loader *L, const iss_node *n, iss_rule *r)
{
    bool ok = true;
    iss_strs rules = {0};
    ok &= iss_get_strs(&L->c, n, "rules", true, &rules);
    if (ok && rules.n != 2) {
        iss_error(&L->c, rules.loc, "dual_role names exactly two rules");
        ok = false;
    }
    /* resolved after every file is loaded: stash the names */
    if (ok) {
        r->dual.names = rules;
    }
    return ok;
}

/* The two rules are named in the rule file: linked once every file is in. */
static bool link_names(iss_loader *L, iss_rule *r)
{
    bool ok = true;
    for (size_t k = 0; k < r->dual.names.n && k < 2; k++) {
        r->dual.rule[k] = iss_load_leads_rule(L, &r->dual.names.v[k]);
        ok &= r->dual.rule[k] != NULL;
    }
    return ok;
}

static void relink(iss_rule *r, const iss_rule *from, iss_rule *to)
{
    for (size_t k = 0; k < 2; k++)
        r->dual.rule[k] = r->dual.rule[k] ? to + (r->dual.rule[k] - from) : NULL;
}

/* 兼務者: persons declared in both lead groups who meet a path of both rules. */
static void check_dual_role(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *a = res->rule->dual.rule[0], *b = res->rule->dual.rule[1];
    const iss_lead_group *ga = ev_find_group(s, a->leads.group),
                         *gb = ev_find_group(s, b->leads.group);
    size_t *both = iss_arena_alloc(E->r->arena, (ga ? ga->npersons : 0) * sizeof *both + 1);
    size_t nboth = 0;
    for (size_t i = 0; ga && gb && i < ga->npersons; i++) {
        size_t p = ga->persons[i];
        if (ev_in_list(gb->persons, gb->npersons, p) && ev_meets_rule(E, p, a) >= ST_REVIEW &&
            ev_meets_rule(E, p, b) >= ST_REVIEW)
            both[nboth++] = p;
    }
    res->loc = s->has_dual ? s->dual_loc : s->loc;
    note(res, ISS_MARK_INFO, M_DUAL_COMPUTED, res->loc, a->id, b->id, ev_id_list(E, both, nboth),
         END);
    res->verdict = ISS_PASS;
    size_t *miss = iss_arena_alloc(E->r->arena, (nboth + 1) * sizeof *miss);
    size_t nmiss = 0;
    for (size_t i = 0; i < nboth; i++)
        if (!ev_in_list(s->dual, s->ndual, both[i]))
            miss[nmiss++] = both[i];
    if (nmiss) {
        note(res, ISS_MARK_FAIL, M_DUAL_UNDECLARED, res->loc, ev_id_list(E, miss, nmiss), END);
        res->verdict = ISS_FAIL;
    }
    size_t *extra = iss_arena_alloc(E->r->arena, (s->ndual + 1) * sizeof *extra);
    size_t nextra = 0;
    for (size_t i = 0; i < s->ndual; i++)
        if (!ev_in_list(both, nboth, s->dual[i]))
            extra[nextra++] = s->dual[i];
    if (nextra) {
        note(res, ISS_MARK_FAIL, M_DUAL_EXTRA, res->loc, ev_id_list(E, extra, nextra), END);
        res->verdict = ISS_FAIL;
    }
    if (nboth && (!s->has_dual || s->dual_count < 0)) {
        note(res, ISS_MARK_FAIL, M_DUAL_NO_COUNT, res->loc, ev_num(E, (long)nboth), END);
        res->verdict = ISS_FAIL;
    } else if (s->has_dual && s->dual_count >= 0 && (size_t)s->dual_count != nboth) {
        note(res, ISS_MARK_FAIL, M_DUAL_COUNT, res->loc, ev_num(E, s->dual_count),
             ev_num(E, (long)nboth), END);
        res->verdict = ISS_FAIL;
    }
}

/* How the rule is evaluated: every branch its evaluation takes. */
static void explain(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    (void)c;
    iss_str_printf(out, S_EX_DUAL_ROLE_THE_PERSONS_IN_BOTH, lang, r->dual.rule[0]->leads.group,
                   r->dual.rule[1]->leads.group, r->dual.rule[0]->id, r->dual.rule[1]->id);
}

static const char *value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    if (strcmp(key, "rules") != 0 || !r->dual.rule[0])
        return NULL;
    iss_buf_printf(tmp, "[%s, %s]", r->dual.rule[0]->id, r->dual.rule[1]->id);
    return tmp->s;
}

/* A declaration fragment that satisfies the rule. */
static void snippet(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    (void)lang;
    iss_buf_printf(y,
                   "services:\n  - category: %s\n    %s: {persons: [P001]}\n"
                   "    %s: {persons: [P001]}\n    dual_roles: {persons: [P001], count: 1}\n",
                   cat, r->dual.rule[0]->leads.group, r->dual.rule[1]->leads.group);
}

static void service_template(const iss_tmpl *t, size_t k)
{
    iss_buf *o = t->out;
    const iss_rule *r = tmpl_rule(t->c, k, ISS_CHECK_DUAL_ROLE, NULL);
    if (!r)
        return;
    iss_buf_printf(o, "    # %s: %s\n", r->id,
                   iss_string(S_TPL_DUAL_ROLE_DUAL_ROLE_PERSONS_MEETING, t->lang));
    iss_buf_puts(o, "    dual_roles: {persons: [], count: 0}\n");
}

/* What each parameter means (isscheck explain). */
static const iss_param_text docs[] = {
    {"rules", S_PARAM_DUAL_ROLE_RULES},
    {NULL, 0},
};

static const char *const params[] = {"rules", NULL};

const struct iss_check_kind iss_check_dual_role = {
    .params = params,
    .docs = docs,
    .load = load,
    .link = link_names,
    .relink = relink,
    .evaluate = check_dual_role,
    .explain = explain,
    .value = value,
    .snippet = snippet,
    .service_template = service_template,
};
