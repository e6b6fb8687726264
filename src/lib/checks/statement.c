/* statement.c - statements the service gives (pass or review when all
 * are there, fail when one is missing). */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static bool load(iss_loader *L, const iss_node *n, iss_rule *r)
{
    bool ok = true;
    iss_str wp = {0};
    ok &= iss_get_strs(&L->c, n, "statements", true, &r->statement.statements) &
          iss_get_str(&L->c, n, "when_present", true, &wp);
    if (ok && strcmp(wp.s, "pass") != 0 && strcmp(wp.s, "review") != 0) {
        iss_error(&L->c, wp.loc, "when_present must be 'pass' or 'review'");
        ok = false;
    }
    r->statement.when_present_pass = ok && strcmp(wp.s, "pass") == 0;
    return ok;
}

static void check_statement(ev *E, const iss_service *s, iss_result *res)
{
    (void)E;
    const iss_rule *rule = res->rule;
    bool all = true;
    res->loc = s->loc;
    for (size_t i = 0; i < rule->statement.statements.n; i++) {
        const char *id = rule->statement.statements.v[i].s;
        const iss_statement *st = NULL;
        for (size_t k = 0; k < s->nstatements; k++)
            if (strcmp(s->statements[k].id.s, id) == 0 && s->statements[k].text.s)
                st = &s->statements[k];
        if (!st) {
            note(res, ISS_MARK_FAIL, M_STATEMENT_MISSING, s->loc, id, END);
            all = false;
            continue;
        }
        if (i == 0)
            res->loc = st->id.loc;
        note(res, rule->statement.when_present_pass ? ISS_MARK_PASS : ISS_MARK_REVIEW,
             M_STATEMENT_OK, st->text.loc, id, st->text.s, END);
        ev_evidence(E, res, &st->evidence, st->text.loc);
    }
    if (!all)
        res->verdict = ISS_FAIL;
    else if (rule->statement.when_present_pass)
        res->verdict = ISS_PASS;
    else {
        res->verdict = ISS_REVIEW;
        note(res, ISS_MARK_REVIEW, M_STATEMENT_JUDGE, res->loc, END);
    }
}

/* How the rule is evaluated: every branch its evaluation takes. */
static void explain(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    (void)c;
    iss_buf_puts(out, iss_string(S_EX_STATEMENT_SERVICES_STATEMENTS_MUST_GIVE, lang));
    iss_strs_join(out, &r->statement.statements, ", ");
    iss_str_printf(out, S_EX_STATEMENT_ALL_GIVEN_ONE_MISSING, lang,
                   r->statement.when_present_pass
                       ? iss_string(S_EX_STATEMENT_PASS, lang)
                       : iss_string(S_EX_STATEMENT_REVIEW_AN_EXAMINER_JUDGES, lang));
}

static const char *value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    if (strcmp(key, "statements") == 0)
        return ex_strs_value(tmp, &r->statement.statements);
    if (strcmp(key, "when_present") == 0)
        return r->statement.when_present_pass ? "pass" : "review";
    return NULL;
}

/* A declaration fragment that satisfies the rule. */
static void snippet(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    iss_buf_printf(y, "services:\n  - category: %s\n    statements:\n", cat);
    for (size_t i = 0; i < r->statement.statements.n; i++)
        iss_buf_printf(y, "      %s: %s\n", r->statement.statements.v[i].s,
                       iss_string(S_EX_STATEMENT_TEXT, lang));
}

/* The statements of every statement rule of the service, in one map. */
static void service_template(const iss_tmpl *t, size_t k)
{
    iss_buf *o = t->out;
    const iss_criteria *c = t->c;
    bool statements = false;
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *q = &c->rules[i];
        if (q->category != k || q->kind != ISS_CHECK_STATEMENT)
            continue;
        if (!statements)
            iss_buf_printf(o, "    # %s\n",
                           iss_string(S_TPL_STATEMENT_STATEMENTS_ID_TEXT, t->lang));
        statements = true;
        iss_buf_printf(o, "    #   %s %s:", q->id, tmpl_title(t, q));
        for (size_t j = 0; j < q->statement.statements.n; j++)
            iss_buf_printf(o, " %s", q->statement.statements.v[j].s);
        iss_buf_puts(o, "\n");
    }
    if (statements)
        iss_buf_puts(o, "    statements: {}\n");
}

/* What each parameter means (isscheck explain). */
static const iss_param_text docs[] = {
    {"statements", S_PARAM_STATEMENT_STATEMENTS},
    {"when_present", S_PARAM_STATEMENT_WHEN_PRESENT},
    {NULL, 0},
};

static const char *const params[] = {"statements", "when_present", NULL};

const struct iss_check_kind iss_check_statement = {
    .params = params,
    .docs = docs,
    .load = load,
    .evaluate = check_statement,
    .explain = explain,
    .value = value,
    .snippet = snippet,
    .service_template = service_template,
};
