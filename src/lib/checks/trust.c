/* trust.c - the trust items (this tool's reading of a draft): what the
 * declaration's trust section states, for an examiner to judge. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static const char *const trust_items[] = {"capital",        "employees", "coverage",
                                          "certifications", "storage",   "subcontracting",
                                          "tools",          "security",  NULL};

static bool load(iss_loader *L, const iss_node *n, iss_rule *r)
{
    bool ok = true;
    int item = 0;
    long pct = 0;
    ok &= iss_load_enum(L, n, "item", trust_items, &item) &
          iss_get_int(&L->c, n, "threshold_percent", false, 0, 100, &pct);
    r->trust.item = (iss_trust_item)item;
    r->trust.threshold = pct * 100;
    if (ok && r->trust.item == ISS_TRUST_CAPITAL && !iss_map_get(n, "threshold_percent")) {
        iss_error(&L->c, n->loc, "a capital check needs 'threshold_percent'");
        ok = false;
    }
    return ok;
}

static void lint(iss_loader *L, const iss_rule *r)
{
    iss_lint_needs_reading(L, r, r->loc, "check");
}

static bool reading_target(const iss_rule *r, const char *on)
{
    return strcmp(on, "threshold_percent") == 0 && r->trust.item == ISS_TRUST_CAPITAL;
}

static const char *yes_no(iss_tristate t, bool en)
{
    static const iss_str_id words[] = {S_EV_TRUST_NOT_STATED, S_EV_TRUST_NO, S_EV_TRUST_YES};
    return iss_string(words[t + 1], en ? ISS_LANG_EN : ISS_LANG_JA);
}

static void tool_note(iss_result *res, const iss_tool *tl)
{
    iss_note *n = note(res, ISS_MARK_INFO, M_TOOL, tl->loc, tl->name.s,
                       tl->vendor.s ? tl->vendor.s : "—", tl->country.s ? tl->country.s : "—",
                       yes_no(tl->ai, false), yes_no(tl->data_leaves, false), END);
    n->args_en[3] = yes_no(tl->ai, true);
    n->args_en[4] = yes_no(tl->data_leaves, true);
}

static const char *pct_str(ev *E, long hundredths)
{
    return hundredths % 100
               ? iss_arena_printf(E->r->arena, "%ld.%02ld", hundredths / 100, hundredths % 100)
               : iss_arena_printf(E->r->arena, "%ld", hundredths / 100);
}

/* What the section should state and does not: fail, naming it in both
 * languages. */
static void trust_missing(iss_result *res, iss_loc loc, iss_str_id what)
{
    note(res, ISS_MARK_FAIL, M_TRUST_MISSING, loc, iss_string(what, ISS_LANG_JA), END)->args_en[0] =
        iss_string(what, ISS_LANG_EN);
    res->verdict = ISS_FAIL;
}

/* An item the section leaves out fails. */
static bool trust_present(ev *E, iss_result *res, iss_loc at, iss_str_id what)
{
    if (at.line)
        return true;
    trust_missing(res, E->d->trust.loc, what);
    res->loc = E->d->trust.loc;
    return false;
}

static void trust_judge(iss_result *res, iss_str_id what)
{
    if (res->verdict == ISS_FAIL)
        return;
    iss_note *n =
        note(res, ISS_MARK_REVIEW, M_TRUST_JUDGE, res->loc, iss_string(what, ISS_LANG_JA), END);
    n->args_en[0] = iss_string(what, ISS_LANG_EN);
    res->verdict = ISS_REVIEW;
}

static void trust_capital(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->capital_loc, S_EV_TRUST_CAPITAL_STRUCTURE_CAPITAL))
        return;
    res->loc = t->capital_loc;
    long sum = 0;
    iss_buf above = {0};
    for (size_t i = 0; i < t->nholders; i++) {
        const iss_holder *h = &t->holders[i];
        sum += h->share;
        iss_note *n = note(res, ISS_MARK_INFO, M_HOLDER, h->loc, h->name.s, h->country.s,
                           pct_str(E, h->share),
                           h->parent ? iss_string(S_EV_TRUST_PARENT, ISS_LANG_JA) : "", END);
        n->args_en[3] = h->parent ? iss_string(S_EV_TRUST_PARENT, ISS_LANG_EN) : "";
        ev_evidence(E, res, &h->evidence, h->loc);
        if (h->parent || h->share >= res->rule->trust.threshold)
            iss_buf_printf(&above, "%s%s (%s, %s%%)", above.len ? ", " : "", h->name.s,
                           h->country.s, pct_str(E, h->share));
    }
    if (!t->nholders)
        note(res, ISS_MARK_INFO, M_NONE_LISTED, t->capital_loc, "shareholders", END);
    ev_evidence(E, res, &t->capital_evidence, t->capital_loc);
    if (sum > 10000) {
        note(res, ISS_MARK_FAIL, M_SHARES_OVER, t->capital_loc, pct_str(E, sum), END);
        res->verdict = ISS_FAIL;
    }
    note(res, ISS_MARK_INFO, M_HOLDERS_ABOVE, t->capital_loc,
         pct_str(E, res->rule->trust.threshold),
         above.s ? iss_arena_strdup(E->r->arena, above.s) : "—", END);
    iss_buf_free(&above);
    trust_judge(res, S_EV_TRUST_CAPITAL_STRUCTURE_PARENTS);
}

static void trust_employees(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->employees_loc, S_EV_TRUST_EMPLOYEE_MANAGEMENT_RULES))
        return;
    res->loc = t->employees_loc;
    static const iss_str_id what[] = {S_EV_TRUST_CONFIDENTIALITY_UNDERTAKINGS_CONFIDENTIALITY,
                                      S_EV_TRUST_TRAINING_TRAINING,
                                      S_EV_TRUST_LEAVING_PROCEDURES_LEAVING};
    const iss_rulebook *books[] = {&t->confidentiality, &t->training, &t->leaving};
    for (int i = 0; i < 3; i++) {
        if (!books[i]->loc.line) {
            trust_missing(res, t->employees_loc, what[i]);
            continue;
        }
        iss_note *n = note(res, ISS_MARK_INFO, M_RULEBOOK, books[i]->loc,
                           iss_string(what[i], ISS_LANG_JA), books[i]->document.s, END);
        n->args_en[0] = iss_string(what[i], ISS_LANG_EN);
        ev_evidence(E, res, &books[i]->evidence, books[i]->loc);
    }
    trust_judge(res, S_EV_TRUST_RULES_CONTENT_HOW);
}

static void trust_coverage(ev *E, const iss_trust *t, iss_result *res)
{
    const iss_decl *d = E->d;
    if (!trust_present(E, res, t->covers_loc, S_EV_TRUST_PERSONS_CONFIDENTIALITY_RULES))
        return;
    res->loc = t->covers_loc;
    bool *handles = iss_arena_alloc(E->r->arena, d->npersons + 1);
    for (size_t i = 0; i < d->nengagements; i++)
        if (d->engagements[i].owner < 0)
            for (size_t k = 0; k < d->engagements[i].nstaff; k++)
                handles[d->engagements[i].staff[k]] = true;
    for (size_t i = 0; i < d->nservices; i++)
        for (size_t g = 0; g < d->services[i].ngroups; g++)
            for (size_t k = 0; k < d->services[i].groups[g].npersons; k++)
                handles[d->services[i].groups[g].persons[k]] = true;
    size_t handling = 0, missing = 0;
    for (size_t p = 0; p < d->npersons; p++)
        handling += handles[p];
    for (size_t k = 0; k < t->ncovered; k++)
        handles[t->covered[k]] = false;
    iss_buf who = {0};
    for (size_t p = 0; p < d->npersons; p++)
        if (handles[p])
            iss_buf_printf(&who, "%s%s", missing++ ? ", " : "", ev_person(E, p));
    if (missing) {
        note(res, ISS_MARK_FAIL, M_NOT_COVERED, t->covers_loc, iss_arena_strdup(E->r->arena, who.s),
             END);
        res->verdict = ISS_FAIL;
    } else {
        note(res, ISS_MARK_PASS, M_COVERED, t->covers_loc, ev_num(E, (long)handling), END);
    }
    iss_buf_free(&who);
}

static void trust_certifications(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->information_loc, S_EV_TRUST_INFORMATION_MANAGEMENT_SYSTEM))
        return;
    res->loc = t->information_loc;
    for (size_t i = 0; i < t->ncerts; i++) {
        const iss_certification *c = &t->certs[i];
        bool expired = c->expires < E->ref;
        note(res, expired ? ISS_MARK_FAIL : ISS_MARK_INFO, expired ? M_CERT_EXPIRED : M_CERT_OK,
             c->loc, c->name.s, c->number.s, ev_date(E, c->expires), END);
        ev_evidence(E, res, &c->evidence, c->loc);
        if (expired)
            res->verdict = ISS_FAIL;
    }
    if (!t->ncerts)
        note(res, ISS_MARK_INFO, M_CERT_NONE, t->information_loc, END);
    trust_judge(res, S_EV_TRUST_INFORMATION_MANAGEMENT_SYSTEM_2);
}

static void trust_storage(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->storage_loc, S_EV_TRUST_WHERE_CUSTOMER_DATA))
        return;
    res->loc = t->storage_loc;
    for (size_t i = 0; i < t->nstorage; i++)
        note(res, ISS_MARK_INFO, M_STORAGE, t->storage[i].loc, t->storage[i].data.s,
             t->storage[i].location.s, t->storage[i].country.s, END);
    if (!t->nstorage)
        trust_missing(res, t->storage_loc, S_EV_TRUST_ANY_STORAGE_PLACE);
    trust_judge(res, S_EV_TRUST_STORAGE_PLACES_THEIR);
}

static void trust_subcontracting(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->subcontractors_loc,
                       S_EV_TRUST_SUBCONTRACTING_SUBCONTRACTORS_WHEN))
        return;
    res->loc = t->subcontractors_loc;
    if (!t->nsubs)
        note(res, ISS_MARK_INFO, M_NONE_LISTED, t->subcontractors_loc, "subcontractors", END);
    for (size_t i = 0; i < t->nsubs; i++) {
        const iss_subcontractor *sc = &t->subs[i];
        if (sc->customer_data == ISS_UNSTATED ||
            (sc->customer_data == ISS_YES && sc->confidentiality == ISS_UNSTATED)) {
            iss_str_id what = sc->customer_data == ISS_UNSTATED ? S_EV_TRUST_WHETHER_CUSTOMER_DATA
                                                                : S_EV_TRUST_WHETHER_CONTRACT_BINDS;
            iss_note *n = note(res, ISS_MARK_FAIL, M_SUB_UNSTATED, sc->loc, sc->name.s,
                               sc->country.s, iss_string(what, ISS_LANG_JA), END);
            n->args_en[2] = iss_string(what, ISS_LANG_EN);
            res->verdict = ISS_FAIL;
        } else if (sc->customer_data == ISS_YES && sc->confidentiality == ISS_NO) {
            note(res, ISS_MARK_FAIL, M_SUB_NO_CONF, sc->loc, sc->name.s, sc->country.s, END);
            res->verdict = ISS_FAIL;
        } else {
            iss_note *n =
                note(res, ISS_MARK_INFO, M_SUB_OK, sc->loc, sc->name.s, sc->country.s,
                     yes_no(sc->customer_data, false), yes_no(sc->confidentiality, false), END);
            n->args_en[2] = yes_no(sc->customer_data, true);
            n->args_en[3] = yes_no(sc->confidentiality, true);
        }
        ev_evidence(E, res, &sc->evidence, sc->loc);
    }
    trust_judge(res, S_EV_TRUST_SUBCONTRACTORS_THEIR_COUNTRIES);
}

static void trust_tools(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->tools_loc, S_EV_TRUST_TOOLS_USED_TOOLS))
        return;
    res->loc = t->tools_loc;
    if (!t->ntools)
        note(res, ISS_MARK_INFO, M_NONE_LISTED, t->tools_loc, "tools", END);
    for (size_t i = 0; i < t->ntools; i++) {
        const iss_tool *tl = &t->tools[i];
        if (tl->ai == ISS_YES && tl->data_leaves == ISS_UNSTATED) {
            note(res, ISS_MARK_FAIL, M_TOOL_AI_UNSTATED, tl->loc, tl->name.s, END);
            res->verdict = ISS_FAIL;
        } else {
            tool_note(res, tl);
        }
        ev_evidence(E, res, &tl->evidence, tl->loc);
    }
    trust_judge(res, S_EV_TRUST_TOOLS_VENDORS_COUNTRIES);
}

static void trust_security(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->security_loc, S_EV_TRUST_PROVIDER_OWN_SECURITY))
        return;
    res->loc = t->security_loc;
    for (size_t i = 0; i < t->nmeasures; i++) {
        note(res, ISS_MARK_INFO, M_MEASURE, t->measures[i].loc, t->measures[i].measure.s, END);
        ev_evidence(E, res, &t->measures[i].evidence, t->measures[i].loc);
    }
    if (!t->nmeasures)
        trust_missing(res, t->security_loc, S_EV_TRUST_ANY_MEASURE);
    trust_judge(res, S_EV_TRUST_MEASURES_SUBSTANCE);
}

static void check_trust(ev *E, const iss_service *s, iss_result *res)
{
    (void)s;
    typedef void (*item_fn)(ev *, const iss_trust *, iss_result *);
    static const item_fn items[] = {
        [ISS_TRUST_CAPITAL] = trust_capital,   [ISS_TRUST_EMPLOYEES] = trust_employees,
        [ISS_TRUST_COVERAGE] = trust_coverage, [ISS_TRUST_CERTIFICATIONS] = trust_certifications,
        [ISS_TRUST_STORAGE] = trust_storage,   [ISS_TRUST_SUBCONTRACTING] = trust_subcontracting,
        [ISS_TRUST_TOOLS] = trust_tools,       [ISS_TRUST_SECURITY] = trust_security,
    };
    res->verdict = ISS_PASS;
    res->loc = E->d->trust.loc;
    items[res->rule->trust.item](E, &E->d->trust, res);
}

/* How the rule is evaluated: every branch its evaluation takes. */
static void explain(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    (void)c;
    iss_buf_puts(out, iss_string(S_EX_TRUST_APPLIES_WHEN_THE_DECLARATION, lang));
    ex_reading_ref(out, r, "check", lang);
    iss_buf_puts(out, iss_string(S_EX_TRUST_APPLIES_END, lang));
}

static const char *value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    if (strcmp(key, "item") == 0)
        return trust_items[r->trust.item];
    if (strcmp(key, "threshold_percent") == 0 && r->trust.item == ISS_TRUST_CAPITAL)
        return ex_long_value(tmp, r->trust.threshold / 100);
    return NULL;
}

/* A declaration fragment that satisfies the rule. */
static void snippet(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    (void)c;
    (void)lang;
    static const char *const snippets[] = {
        "trust:\n  capital:\n    shareholders:\n      - {name: (parent), country: JP, share: 60, "
        "parent: true}\n",
        "trust:\n  employees:\n    confidentiality: {document: (rule), evidence: (ref)}\n"
        "    training: {document: (rule)}\n    leaving: {document: (rule)}\n",
        "trust:\n  employees:\n    covers: [P001, P002]\n",
        "trust:\n  information:\n    certifications:\n"
        "      - {name: ISO/IEC 27001, number: (number), expires: 2027-03-31}\n",
        "trust:\n  information:\n    storage:\n      - {data: (kind of data), location: (where), "
        "country: JP}\n",
        "trust:\n  subcontractors:\n      - {name: (name), country: JP, services: [va], "
        "customer_data: true, confidentiality: true}\n",
        "trust:\n  tools:\n    - {name: (tool), vendor: (vendor), country: JP, ai: true, "
        "customer_data_leaves: false}\n",
        "trust:\n  security:\n    - {measure: (measure), evidence: (ref)}\n",
    };
    iss_buf_puts(y, snippets[r->trust.item]);
}

/* What each parameter means (isscheck explain). */
static const iss_param_text docs[] = {
    {"item", S_PARAM_TRUST_ITEM},
    {"threshold_percent", S_PARAM_TRUST_THRESHOLD_PERCENT},
    {NULL, 0},
};

static const char *const params[] = {"item", "threshold_percent", NULL};

const struct iss_check_kind iss_check_trust = {
    .params = params,
    .docs = docs,
    .load = load,
    .lint = lint,
    .reading_target = reading_target,
    .evaluate = check_trust,
    .explain = explain,
    .value = value,
    .snippet = snippet,
};
