/* info_protection.c - the procedure protecting customers' information, in
 * operation and audited by someone on no case's staff (reading 7). */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static bool load(iss_loader *L, const iss_node *n, iss_rule *r)
{
    (void)L;
    (void)n;
    (void)r;
    return true; /* no parameters */
}

static void lint(iss_loader *L, const iss_rule *r)
{
    iss_lint_needs_reading(L, r, r->loc, "check");
}

static void check_info_protection(ev *E, const iss_service *s, iss_result *res)
{
    const iss_decl *d = E->d;
    if (!d->has_protection) {
        res->verdict = ISS_FAIL;
        res->loc = d->root_loc;
        note(res, ISS_MARK_FAIL, M_PROT_MISSING, d->root_loc, END);
        return;
    }
    res->loc = d->protection_loc;
    res->verdict = ISS_PASS;
    if (d->procedure.s) {
        note(res, ISS_MARK_PASS, M_PROT_PROCEDURE, d->procedure.loc, d->procedure.s, END);
    } else {
        note(res, ISS_MARK_FAIL, M_PROT_NO_PROCEDURE, d->protection_loc, END);
        res->verdict = ISS_FAIL;
    }
    if (!d->in_operation) {
        note(res, ISS_MARK_FAIL, M_PROT_NOT_OPERATING, d->protection_loc, END);
        res->verdict = ISS_FAIL;
    }
    /* reading 7: the auditor is on the staff of no case of this service */
    long *staff_case = iss_arena_alloc(E->r->arena, (d->npersons + 1) * sizeof *staff_case);
    for (size_t p = 0; p < d->npersons; p++)
        staff_case[p] = -1;
    for (size_t i = 0; i < d->nengagements; i++) {
        const iss_engagement *e = &d->engagements[i];
        if (e->owner >= 0 || e->category != s->category)
            continue;
        for (size_t k = 0; k < e->nstaff; k++)
            if (staff_case[e->staff[k]] < 0)
                staff_case[e->staff[k]] = (long)i;
    }
    size_t valid = 0, first_rejected = res->nnotes;
    bool staff_rejected = false;
    for (size_t i = 0; i < d->naudits; i++) {
        const iss_audit *a = &d->audits[i];
        const char *when = ev_date(E, a->date);
        if (a->date > E->ref) {
            note(res, ISS_MARK_INFO, M_AUDIT_LATE, a->loc, when, END);
            continue;
        }
        if (a->auditor >= 0 && staff_case[a->auditor] >= 0) {
            note(res, ISS_MARK_INFO, M_AUDIT_NOT_INDEPENDENT, a->loc, when,
                 ev_person(E, (size_t)a->auditor), d->engagements[staff_case[a->auditor]].id.s,
                 END);
            staff_rejected = true;
            continue;
        }
        const char *who = a->auditor >= 0 ? ev_person(E, (size_t)a->auditor) : a->auditor_org.s;
        iss_str_id kind =
            a->external ? S_EV_INFO_PROTECTION_EXTERNAL : S_EV_INFO_PROTECTION_INTERNAL;
        iss_note *n = note(res, ISS_MARK_PASS, M_AUDIT_OK, a->loc, when,
                           iss_string(kind, ISS_LANG_JA), who, END);
        n->args_en[1] = iss_string(kind, ISS_LANG_EN);
        ev_evidence(E, res, &a->evidence, a->loc);
        valid++;
    }
    if (!valid) {
        /* the audits that did not count are why the rule fails: say so first */
        for (size_t k = first_rejected; k < res->nnotes; k++)
            if (res->notes[k].msg == M_AUDIT_LATE || res->notes[k].msg == M_AUDIT_NOT_INDEPENDENT)
                res->notes[k].mark = ISS_MARK_FAIL;
        note(res, ISS_MARK_FAIL, M_NO_AUDIT, d->protection_loc, ev_date(E, E->ref), END);
        res->verdict = ISS_FAIL;
        if (staff_rejected)
            ev_reading_note(res, res->rule, "check");
    }
}

/* How the rule is evaluated: every branch its evaluation takes. */
static void explain(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    iss_str_printf(out, S_EX_INFO_PROTECTION_CUSTOMER_INFO_PROTECTION_MISSING, lang, cat);
    ex_reading_ref(out, r, "check", lang);
    iss_buf_puts(out, iss_string(S_EX_INFO_PROTECTION_NO_AUDIT_COUNTS_FAIL, lang));
}

static const char *value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    (void)r;
    (void)key;
    (void)tmp;
    return NULL;
}

/* A declaration fragment that satisfies the rule. */
static void snippet(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    (void)c;
    (void)r;
    iss_buf_printf(y,
                   "customer_info_protection:\n  procedure: %s\n  in_operation: true\n"
                   "  audits:\n    - {date: 2025-12-01, type: internal, auditor: P009}"
                   "   # %s\n",
                   iss_string(S_EX_DOCUMENT, lang),
                   iss_string(S_EX_INFO_PROTECTION_ON_NO_CASE_S, lang));
}

/* What each parameter means (isscheck explain). */
static const iss_param_text docs[] = {
    {NULL, 0},
};

static const char *const params[] = {NULL};

const struct iss_check_kind iss_check_info_protection = {
    .params = params,
    .docs = docs,
    .load = load,
    .lint = lint,
    .evaluate = check_info_protection,
    .explain = explain,
    .value = value,
    .snippet = snippet,
};
