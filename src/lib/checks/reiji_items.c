/* reiji_items.c - items of the service (standards, result handling,
 * compliance, education) on the 例示 lists the requirements name. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static const iss_entry_type field_type[ISS_FIELD_COUNT] = {
    ISS_ENTRY_STANDARD, ISS_ENTRY_RESULT_HANDLING, ISS_ENTRY_COMPLIANCE, ISS_ENTRY_EDUCATION};

static bool load(iss_loader *L, const iss_node *n, iss_rule *r)
{
    static const char *const req_keys[] = {"field",         "reiji",    "clause",
                                           "when_subtypes", "distinct", NULL};
    bool ok = true;
    const iss_node *list;
    list = iss_load_seq(&L->c, n, "requirements");
    if (!list)
        return false;
    r->items.nreqs = list->n;
    r->items.reqs = iss_arena_alloc(L->cr->arena, (list->n + 1) * sizeof *r->items.reqs);
    for (size_t i = 0; i < list->n; i++) {
        iss_requirement *q = &r->items.reqs[i];
        const iss_node *m = list->kids[i];
        iss_str reiji = {0}, clause = {0};
        int f = 0;
        if (!iss_expect_map(&L->c, m, "a requirement", req_keys)) {
            ok = false;
            continue;
        }
        ok &= iss_load_enum(L, m, "field", iss_item_field_keys, &f) &
              iss_get_str(&L->c, m, "reiji", false, &reiji) &
              iss_get_str(&L->c, m, "clause", false, &clause) &
              iss_get_strs(&L->c, m, "when_subtypes", false, &q->when_subtypes) &
              iss_get_bool(&L->c, m, "distinct", &q->distinct);
        q->field = (iss_item_field)f;
        q->reiji = reiji.s;
        q->clause = clause.s;
    }
    return ok;
}

static void lint(iss_loader *L, const iss_rule *r)
{
    for (size_t k = 0; k < r->items.nreqs; k++)
        iss_lint_list(L, r, r->items.reqs[k].reiji, field_type[r->items.reqs[k].field], r->loc);
}

/* One item against one requirement; res NULL: weighed without notes. */
static status judge_req_item(ev *E, iss_result *res, const iss_requirement *q, int f, size_t k,
                             const iss_item *it)
{
    const char *who = iss_arena_printf(E->r->arena, "%s[%zu]", iss_item_field_keys[f], k + 1);
    status st;
    if (!q->reiji) {
        iss_note *n = note(res, ISS_MARK_PASS, M_REQ_ANY_OK, it->loc, it->name.s, END);
        if (n)
            n->entry_type = (int)field_type[f];
        st = ST_YES;
    } else {
        st = ev_judge_item(E, res, who, field_type[f], it->name.s, it->equivalent, q->reiji,
                           it->loc);
    }
    if (st != ST_NO)
        st = ev_min(st, ev_claim_evidence(E, res, &it->evidence, it->loc));
    return st;
}

/* Each requirement is met by the best item of its field (one not used by
 * another requirement when `distinct`).  Items are weighed silently first;
 * then each item is described once: against the requirement it meets, or,
 * when it meets none, against the first requirement of its field.  The two
 * passes share what was chosen and told, hence one function of a little
 * over 80 lines. */
static void check_reiji_items(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *rule = res->rule;
    bool *used[ISS_FIELD_COUNT], *told[ISS_FIELD_COUNT];
    for (int f = 0; f < ISS_FIELD_COUNT; f++) {
        used[f] = iss_arena_alloc(E->r->arena, s->nitems[f] + 1);
        told[f] = iss_arena_alloc(E->r->arena, s->nitems[f] + 1);
    }
    long *chosen = iss_arena_alloc(E->r->arena, (rule->items.nreqs + 1) * sizeof *chosen);
    status *met = iss_arena_alloc(E->r->arena, (rule->items.nreqs + 1) * sizeof *met);
    status worst = ST_YES;
    for (size_t i = 0; i < rule->items.nreqs; i++) {
        const iss_requirement *q = &rule->items.reqs[i];
        chosen[i] = -1;
        met[i] = ST_YES;
        if (q->when_subtypes.n && !ev_applied_any(s, &q->when_subtypes))
            continue;
        int f = (int)q->field;
        status best = ST_NO;
        size_t mark = E->npend;
        for (size_t k = 0; k < s->nitems[f]; k++) {
            if (q->distinct && used[f][k])
                continue;
            status st = judge_req_item(E, NULL, q, f, k, &s->items[f][k]);
            if (st > best) {
                best = st;
                chosen[i] = (long)k;
            }
            if (best == ST_YES)
                break;
        }
        if (best == ST_YES)
            E->npend = mark; /* met on verified ground */
        if (chosen[i] >= 0)
            used[f][chosen[i]] = true;
        met[i] = best;
        if (best < worst)
            worst = best;
    }
    res->loc = s->loc;
    bool loc_set = false;
    for (size_t i = 0; i < rule->items.nreqs; i++) {
        const iss_requirement *q = &rule->items.reqs[i];
        if (q->when_subtypes.n && !ev_applied_any(s, &q->when_subtypes))
            continue;
        int f = (int)q->field;
        /* the items of the field not told yet, the chosen one first */
        if (chosen[i] >= 0 && !told[f][chosen[i]]) {
            judge_req_item(E, res, q, f, (size_t)chosen[i], &s->items[f][chosen[i]]);
            told[f][chosen[i]] = true;
        }
        bool first_of_field = true;
        for (size_t j = 0; j < i; j++)
            first_of_field &= (int)rule->items.reqs[j].field != f ||
                              (rule->items.reqs[j].when_subtypes.n &&
                               !ev_applied_any(s, &rule->items.reqs[j].when_subtypes));
        for (size_t k = 0; k < s->nitems[f]; k++) {
            bool chosen_later = false;
            for (size_t j = i + 1; j < rule->items.nreqs; j++)
                chosen_later |= (int)rule->items.reqs[j].field == f && chosen[j] == (long)k;
            if (told[f][k] || chosen_later || !first_of_field)
                continue;
            judge_req_item(E, res, q, f, k, &s->items[f][k]);
            told[f][k] = true;
        }
        if (met[i] == ST_NO) {
            iss_loc at = s->nitems[f] ? s->items_loc[f] : s->loc;
            iss_note *n =
                q->reiji ? note(res, ISS_MARK_FAIL, M_REQ_NONE, at, q->reiji, END)
                         : note(res, ISS_MARK_FAIL,
                                q->distinct && s->nitems[f] ? M_REQ_NONE_DISTINCT : M_REQ_NONE_ANY,
                                at, iss_item_field_keys[f], END);
            n->entry_type = (int)field_type[f];
            if (!loc_set) {
                res->loc = at;
                loc_set = true;
            }
        } else if (!loc_set && s->nitems[f]) {
            res->loc = s->items_loc[f];
        }
    }
    res->verdict = ev_verdict(worst);
}

/* How the rule is evaluated: every branch its evaluation takes. */
static void explain(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    (void)c;
    iss_buf_puts(out, iss_string(S_EX_REIJI_ITEMS_FOR_EACH_REQUIREMENT_THE, lang));
    for (size_t i = 0; i < r->items.nreqs; i++) {
        const iss_requirement *q = &r->items.reqs[i];
        iss_buf_printf(out, "  - services[].%s: ", iss_item_field_keys[q->field]);
        if (q->reiji)
            iss_str_printf(out, S_EX_REIJI_ITEMS_AN_ITEM_ON, lang, q->reiji);
        else
            iss_buf_puts(out, iss_string(S_EX_REIJI_ITEMS_ANY_ITEM, lang));
        if (q->distinct)
            iss_buf_puts(out, iss_string(S_EX_REIJI_ITEMS_DIFFERENT_FROM_THE_ITEMS, lang));
        if (q->when_subtypes.n) {
            iss_buf_puts(out, iss_string(S_EX_REIJI_ITEMS_ONLY_WITH_SUB_TYPE, lang));
            iss_strs_join(out, &q->when_subtypes, iss_string(S_EX_REIJI_ITEMS_OR, lang));
            iss_buf_puts(out, iss_string(S_EX_REIJI_ITEMS_ONLY_WITH_SUB_TYPE_END, lang));
        }
        iss_buf_puts(out, "\n");
    }
    ex_catalogue_branches(out, lang, iss_string(S_EX_REIJI_ITEMS_ITEM, lang));
    iss_buf_puts(out, iss_string(S_EX_REIJI_ITEMS_A_VERIFIED_ENTRY_ON, lang));
}

static const char *value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    if (strcmp(key, "requirements") != 0)
        return NULL;
    iss_buf_printf(tmp, "(%zu)", r->items.nreqs);
    return tmp->s;
}

/* A declaration fragment that satisfies the rule. */
static void snippet(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    iss_buf_printf(y, "services:\n  - category: %s\n", cat);
    for (int f = 0; f < ISS_FIELD_COUNT; f++) {
        bool first = true;
        for (size_t i = 0; i < r->items.nreqs; i++) {
            const iss_requirement *q = &r->items.reqs[i];
            if ((int)q->field != f)
                continue;
            const char *name = ex_example_entry(c, field_type[f], q->reiji);
            if (first)
                iss_buf_printf(y, "    %s:\n", iss_item_field_keys[f]);
            first = false;
            iss_buf_puts(y, "      - {name: ");
            ex_yaml_scalar(y, name ? name : iss_string(S_EX_REIJI_ITEMS_ITEM_2, lang));
            iss_buf_printf(y, ", evidence: %s}", iss_string(S_EX_DOCUMENT, lang));
            if (q->reiji)
                iss_str_printf(y, S_EX_REIJI_ITEMS_REIJI_COMMENT, lang, q->reiji);
            iss_buf_puts(y, "\n");
        }
    }
}

/* One key per field, with the rules and lists that read it. */
static void service_template(const iss_tmpl *t, size_t k)
{
    iss_buf *o = t->out;
    const iss_criteria *c = t->c;
    for (int f = 0; f < ISS_FIELD_COUNT; f++) {
        iss_buf why = {0};
        for (size_t i = 0; i < c->nrules; i++) {
            const iss_rule *q = &c->rules[i];
            if (q->category != k || q->kind != ISS_CHECK_REIJI_ITEMS)
                continue;
            for (size_t j = 0; j < q->items.nreqs; j++) {
                if ((int)q->items.reqs[j].field != f)
                    continue;
                iss_buf_printf(&why, "%s%s", why.len ? ", " : "", q->id);
                if (q->items.reqs[j].reiji)
                    iss_str_printf(&why, S_TPL_REIJI_ITEMS_REIJI, t->lang, q->items.reqs[j].reiji);
                if (q->items.reqs[j].when_subtypes.n) {
                    iss_buf_puts(&why, " (");
                    iss_strs_join(&why, &q->items.reqs[j].when_subtypes, ", ");
                    iss_buf_puts(&why, ")");
                }
            }
        }
        if (why.len)
            iss_buf_printf(o, "    # %s\n    %s: []\n", why.s, iss_item_field_keys[f]);
        iss_buf_free(&why);
    }
}

/* What each parameter means (isscheck explain). */
static const iss_param_text docs[] = {
    {"requirements", S_PARAM_REIJI_ITEMS_REQUIREMENTS},
    {NULL, 0},
};

static const char *const params[] = {"requirements", NULL};

const struct iss_check_kind iss_check_reiji_items = {
    .params = params,
    .docs = docs,
    .load = load,
    .lint = lint,
    .evaluate = check_reiji_items,
    .explain = explain,
    .value = value,
    .snippet = snippet,
    .service_template = service_template,
};
