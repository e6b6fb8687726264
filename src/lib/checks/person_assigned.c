/* person_assigned.c - a person assigned to a role of the service (the
 * quality manager). */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static bool load(iss_loader *L, const iss_node *n, iss_rule *r)
{
    bool ok = true;
    iss_str field = {0};
    ok &= iss_get_str(&L->c, n, "field", true, &field);
    if (ok && strcmp(field.s, "quality_manager") != 0) {
        iss_error(&L->c, field.loc, "person_assigned supports field 'quality_manager'");
        ok = false;
    }
    r->person.field = field.s;
    return ok;
}

static void check_person_assigned(ev *E, const iss_service *s, iss_result *res)
{
    if (s->quality_manager >= 0) {
        res->verdict = ISS_PASS;
        res->loc = s->qm_loc;
        note(res, ISS_MARK_PASS, M_QM_OK, s->qm_loc, ev_person(E, (size_t)s->quality_manager), END);
    } else {
        res->verdict = ISS_FAIL;
        res->loc = s->loc;
        note(res, ISS_MARK_FAIL, M_QM_MISSING, s->loc, END);
    }
}

/* How the rule is evaluated: every branch its evaluation takes. */
static void explain(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    (void)c;
    iss_str_printf(out, S_EX_PERSON_ASSIGNED_SERVICES_NAMES_A_PERSON, lang, r->person.field);
}

static const char *value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    (void)tmp;
    return strcmp(key, "field") == 0 ? r->person.field : NULL;
}

/* A declaration fragment that satisfies the rule. */
static void snippet(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    (void)lang;
    iss_buf_printf(y, "persons:\n  - id: P001\nservices:\n  - category: %s\n    %s: P001\n", cat,
                   r->person.field);
}

static void service_template(const iss_tmpl *t, size_t k)
{
    iss_buf *o = t->out;
    const iss_rule *r = tmpl_rule(t->c, k, ISS_CHECK_PERSON_ASSIGNED, NULL);
    if (!r)
        return;
    iss_buf_printf(o, "    # %s %s: %s\n", r->id, tmpl_title(t, r),
                   iss_string(S_TPL_PERSON_ASSIGNED_THE_PERSON_S_ID, t->lang));
    iss_buf_printf(o, "    %s: ~\n", r->person.field);
}

/* What each parameter means (isscheck explain). */
static const iss_param_text docs[] = {
    {"field", S_PARAM_PERSON_ASSIGNED_FIELD},
    {NULL, 0},
};

static const char *const params[] = {"field", NULL};

const struct iss_check_kind iss_check_person_assigned = {
    .params = params,
    .docs = docs,
    .load = load,
    .evaluate = check_person_assigned,
    .explain = explain,
    .value = value,
    .snippet = snippet,
    .service_template = service_template,
};
