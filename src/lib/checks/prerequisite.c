/* prerequisite.c - another category applied for in the same declaration,
 * or registered already. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static bool load(iss_loader *L, const iss_node *n, iss_rule *r)
{
    bool ok = true;
    ok &= iss_get_strs(&L->c, n, "requires", true, &r->prereq.requires) &
          iss_get_bool(&L->c, n, "accept_registration", &r->prereq.accept_registration);
    return ok;
}

static void lint(iss_loader *L, const iss_rule *r)
{
    if (r->prereq.accept_registration)
        iss_lint_needs_reading(L, r, r->loc, "accept_registration");
}

static bool reading_target(const iss_rule *r, const char *on)
{
    return strcmp(on, "accept_registration") == 0 && r->prereq.accept_registration;
}

static void check_prerequisite(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *rule = res->rule;
    res->loc = s->loc;
    res->verdict = ISS_PASS;
    for (size_t i = 0; i < rule->prereq.requires.n; i++) {
        const char *code = rule->prereq.requires.v[i].s;
        int ci = iss_criteria_category(E->c, code);
        if (ci < 0) {
            note(res, ISS_MARK_FAIL, M_PREREQ_UNKNOWN, s->loc, code, END);
            res->verdict = ISS_FAIL;
            continue;
        }
        const iss_category *cat = &E->c->categories[ci];
        if (iss_decl_service(E->d, (size_t)ci)) {
            note(res, ISS_MARK_PASS, M_PREREQ_APPLIED, s->loc, cat->code, END);
            continue;
        }
        const iss_registration *reg = NULL;
        for (size_t k = 0; rule->prereq.accept_registration && k < E->d->nregistrations; k++)
            if (iss_criteria_category(E->c, E->d->registrations[k].category.s) == ci)
                reg = &E->d->registrations[k];
        if (reg && reg->expires && reg->expires < E->ref) {
            note(res, ISS_MARK_FAIL, M_PREREQ_EXPIRED, reg->loc, cat->code, reg->number.s,
                 ev_date(E, reg->expires), END);
            res->verdict = ISS_FAIL;
        } else if (reg) {
            note(res, ISS_MARK_PASS, M_PREREQ_REGISTERED, reg->loc, cat->code, reg->number.s, END);
            ev_evidence(E, res, &reg->evidence, reg->loc);
            res->loc = reg->loc;
            ev_reading_note(res, rule, "accept_registration");
        } else {
            note(res, ISS_MARK_FAIL,
                 rule->prereq.accept_registration ? M_PREREQ_MISSING : M_PREREQ_NOT_APPLIED, s->loc,
                 cat->code, END);
            res->verdict = ISS_FAIL;
        }
    }
}

/* How the rule is evaluated: every branch its evaluation takes. */
static void explain(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    (void)c;
    iss_buf_puts(out, iss_string(S_EX_PREREQUISITE_EACH_OF_THESE_CATEGORIES, lang));
    iss_strs_join(out, &r->prereq.requires, ", ");
    if (r->prereq.accept_registration) {
        iss_buf_puts(out, iss_string(S_EX_PREREQUISITE_OR_DECLARED_UNDER_REGISTRATIONS, lang));
        ex_reading_ref(out, r, "accept_registration", lang);
        iss_buf_puts(out, iss_string(S_EX_PREREQUISITE_A_REGISTRATION_THAT_EXPIRED, lang));
    }
    iss_buf_puts(out, iss_string(S_EX_PREREQUISITE_OTHERWISE_FAIL_A_CATEGORY, lang));
}

static const char *value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    if (strcmp(key, "requires") == 0)
        return ex_strs_value(tmp, &r->prereq.requires);
    if (strcmp(key, "accept_registration") == 0)
        return r->prereq.accept_registration ? "true" : NULL;
    return NULL;
}

/* A declaration fragment that satisfies the rule. */
static void snippet(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    iss_buf_printf(y, "services:\n  - category: %s\n",
                   r->prereq.requires.n ? r->prereq.requires.v[0].s : cat);
    iss_buf_printf(y, "  - category: %s\n", cat);
    if (r->prereq.accept_registration)
        iss_buf_printf(
            y, "# %s\nregistrations:\n  - {category: %s, number: \"%s\", expires: 2027-03-31}\n",
            iss_string(S_EX_PREREQUISITE_OR_WHEN_ALREADY_REGISTERED, lang),
            r->prereq.requires.n ? r->prereq.requires.v[0].s : cat,
            iss_string(S_EX_PREREQUISITE_REGISTRATION_NUMBER, lang));
}

/* What each parameter means (isscheck explain). */
static const iss_param_text docs[] = {
    {"requires", S_PARAM_PREREQUISITE_REQUIRES},
    {"accept_registration", S_PARAM_PREREQUISITE_ACCEPT_REGISTRATION},
    {NULL, 0},
};

static const char *const params[] = {"requires", "accept_registration", NULL};

const struct iss_check_kind iss_check_prerequisite = {
    .params = params,
    .docs = docs,
    .load = load,
    .lint = lint,
    .reading_target = reading_target,
    .evaluate = check_prerequisite,
    .explain = explain,
    .value = value,
    .snippet = snippet,
};
