/* case_review.c - every own case ended in the window reviewed, each
 * document by a reviewer the rule accepts. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static const char *const reviewers[] = {"independent", "any", "staff_or_qualified", NULL};

static bool load(iss_loader *L, const iss_node *n, iss_rule *r)
{
    static const char *const alt_keys[] = {"documents", "reviewer", NULL};
    bool ok = true;
    const iss_node *list;
    iss_str q = {0};
    ok &= iss_get_int(&L->c, n, "window_years", true, 1, 100, &r->review.window_years) &
          iss_get_str(&L->c, n, "qualified_rule", false, &q);
    list = iss_load_seq(&L->c, n, "alternatives");
    if (!list)
        return false;
    r->review.nalts = list->n;
    r->review.alts = iss_arena_alloc(L->cr->arena, (list->n + 1) * sizeof *r->review.alts);
    bool needs_qualified = false;
    for (size_t i = 0; i < list->n; i++) {
        const iss_node *m = list->kids[i];
        int rv = 0;
        if (!iss_expect_map(&L->c, m, "an alternative", alt_keys)) {
            ok = false;
            continue;
        }
        ok &= iss_get_strs(&L->c, m, "documents", true, &r->review.alts[i].documents) &
              iss_load_enum(L, m, "reviewer", reviewers, &rv);
        r->review.alts[i].reviewer = (iss_reviewer)rv;
        needs_qualified |= rv == ISS_REVIEWER_STAFF_OR_QUALIFIED;
    }
    if (ok && needs_qualified && !q.s) {
        iss_error(&L->c, n->loc, "reviewer staff_or_qualified needs 'qualified_rule'");
        ok = false;
    }
    r->review.qualified_id = q; /* linked after loading, like dual_role */
    return ok;
}

/* qualified_rule is named in the rule file: linked once every file is in. */
static bool link_names(iss_loader *L, iss_rule *r)
{
    if (!r->review.qualified_id.s)
        return true;
    r->review.qualified_rule = iss_load_leads_rule(L, &r->review.qualified_id);
    return r->review.qualified_rule != NULL;
}

static void relink(iss_rule *r, const iss_rule *from, iss_rule *to)
{
    if (r->review.qualified_rule)
        r->review.qualified_rule = to + (r->review.qualified_rule - from);
}

static void lint(iss_loader *L, const iss_rule *r)
{
    iss_lint_needs_reading(L, r, r->loc, "window_years");
}

static bool reading_target(const iss_rule *r, const char *on)
{
    (void)r;
    return strcmp(on, "window_years") == 0;
}

static long window(const iss_rule *r)
{
    return r->review.window_years;
}

static bool on_staff(const iss_engagement *e, size_t p)
{
    return ev_in_list(e->staff, e->nstaff, p);
}

/* One document of one case under one alternative. */
static status judge_document(ev *E, iss_result *res, const iss_engagement *e, const char *doc,
                             const iss_alternative *alt)
{
    status best = ST_NO;
    bool any = false;
    const iss_rule *qr = res->rule->review.qualified_rule;
    for (size_t i = 0; i < e->nreviews; i++) {
        const iss_review *rv = &e->reviews[i];
        if (strcmp(rv->document.s, doc) != 0)
            continue;
        any = true;
        const char *by = ev_person(E, rv->by);
        status st;
        switch (alt->reviewer) {
        case ISS_REVIEWER_INDEPENDENT:
            st = on_staff(e, rv->by) ? ST_NO : ST_YES;
            if (st == ST_NO)
                note(res, ISS_MARK_FAIL, M_CASE_NOT_INDEPENDENT, rv->loc, e->id.s, doc, by, END);
            break;
        case ISS_REVIEWER_STAFF_OR_QUALIFIED:
            st = on_staff(e, rv->by) ? ST_YES : ev_meets_rule(E, rv->by, qr);
            if (st == ST_NO)
                note(res, ISS_MARK_FAIL, M_CASE_NOT_QUALIFIED, rv->loc, e->id.s, doc, by, qr->id,
                     END);
            else if (st == ST_REVIEW)
                note(res, ISS_MARK_REVIEW, M_CASE_QUALIFIED_REVIEW, rv->loc, e->id.s, doc, by,
                     qr->id, END);
            break;
        default:
            st = ST_YES;
            break;
        }
        if (st == ST_YES)
            note(res, ISS_MARK_PASS, alt->reviewer == ISS_REVIEWER_ANY ? M_CASE_DONE : M_CASE_OK,
                 rv->loc, e->id.s, doc, by, END);
        if (st > best)
            best = st;
    }
    if (!any)
        note(res, ISS_MARK_FAIL, M_CASE_NO_REVIEW, e->loc, e->id.s, doc, END);
    return best;
}

static void copy_notes(iss_result *to, const iss_result *from)
{
    for (size_t i = 0; i < from->nnotes; i++) {
        iss_note *n = note(to, ISS_MARK_INFO, M_EVIDENCE, from->notes[i].loc, END);
        *n = from->notes[i];
    }
}

static void check_case_review(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *rule = res->rule;
    iss_day ws = iss_window_start(E->ref, (int)rule->review.window_years);
    status worst = ST_YES;
    size_t checked = 0;
    res->loc = s->loc;
    bool fail_loc = false, left_out = false;
    for (size_t i = 0; i < E->d->nengagements; i++) {
        const iss_engagement *e = &E->d->engagements[i];
        if (e->owner >= 0 || e->category != s->category || e->start > E->ref)
            continue;
        if (!e->end || e->end > E->ref) {
            note(res, ISS_MARK_INFO, M_CASE_SKIPPED, e->loc, e->id.s, ev_date(E, E->ref), END);
            left_out = true;
            continue;
        }
        if (e->end < ws) {
            left_out = true;
            continue;
        }
        checked++;
        status best = ST_NO;
        iss_result *alt_notes =
            iss_arena_alloc(E->r->arena, (rule->review.nalts + 1) * sizeof *alt_notes);
        size_t best_alt = 0;
        for (size_t a = 0; a < rule->review.nalts; a++) {
            iss_result *tmp = &alt_notes[a];
            tmp->rule = rule;
            status alt_st = ST_YES;
            const iss_alternative *alt = &rule->review.alts[a];
            for (size_t k = 0; k < alt->documents.n; k++) {
                status st = judge_document(E, tmp, e, alt->documents.v[k].s, alt);
                if (st < alt_st)
                    alt_st = st;
            }
            if (a == 0 || alt_st > best) {
                best = alt_st;
                best_alt = a;
            }
        }
        /* the notes of the alternative that succeeded, or of every one when none did */
        for (size_t a = 0; a < rule->review.nalts; a++) {
            if (best != ST_NO && a != best_alt)
                continue;
            copy_notes(res, &alt_notes[a]);
        }
        for (size_t a = 0; a < rule->review.nalts; a++)
            free(alt_notes[a].notes);
        if (best < worst)
            worst = best;
        /* the verdict rests on the first failing case, else on the first case */
        if (!fail_loc && (best == ST_NO || checked == 1))
            res->loc = e->loc;
        fail_loc |= best == ST_NO;
    }
    if (checked == 0) {
        note(res, ISS_MARK_REVIEW, M_NO_CASES, s->loc, ev_date(E, ws), ev_date(E, E->ref), END);
        res->verdict = ISS_REVIEW;
        ev_reading_note(res, rule, "window_years");
        return;
    }
    res->verdict = ev_verdict(worst);
    if (left_out) /* which cases were checked decided the verdict (reading 12) */
        ev_reading_note(res, rule, "window_years");
}

static const char *reviewer_words(iss_reviewer r, iss_lang lang)
{
    switch (r) {
    case ISS_REVIEWER_INDEPENDENT:
        return iss_string(S_EX_CASE_REVIEW_BY_A_PERSON_NOT, lang);
    case ISS_REVIEWER_ANY:
        return iss_string(S_EX_CASE_REVIEW_BY_ANYONE, lang);
    default:
        return iss_string(S_EX_CASE_REVIEW_BY_A_PERSON_ON, lang);
    }
}

/* How the rule is evaluated: every branch its evaluation takes. */
static void explain(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    iss_str_printf(out, S_EX_CASE_REVIEW_EVERY_OWN_ENGAGEMENT_OF, lang, cat,
                   r->review.window_years);
    ex_reading_ref(out, r, "window_years", lang);
    iss_buf_puts(out, iss_string(S_EX_CASE_REVIEW_CASES_THAT_ENDED_BEFORE, lang));
    for (size_t i = 0; i < r->review.nalts; i++) {
        iss_buf_puts(out, "  - ");
        iss_strs_join(out, &r->review.alts[i].documents, iss_string(S_EX_CASE_REVIEW_AND, lang));
        iss_str_printf(out, S_EX_CASE_REVIEW_REVIEWED, lang,
                       reviewer_words(r->review.alts[i].reviewer, lang));
        if (r->review.alts[i].reviewer == ISS_REVIEWER_STAFF_OR_QUALIFIED)
            iss_buf_printf(out, " %s",
                           r->review.qualified_rule ? r->review.qualified_rule->id : "?");
        iss_buf_puts(out, iss_string(S_EX_CASE_REVIEW_REVIEWED_END, lang));
    }
    iss_buf_puts(out, iss_string(S_EX_CASE_REVIEW_NO_REVIEW_OF_A, lang));
}

static const char *value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    if (strcmp(key, "alternatives") == 0) {
        iss_buf_printf(tmp, "(%zu)", r->review.nalts);
        return tmp->s;
    }
    if (strcmp(key, "window_years") == 0)
        return ex_long_value(tmp, r->review.window_years);
    if (strcmp(key, "qualified_rule") == 0)
        return r->review.qualified_rule ? r->review.qualified_rule->id : NULL;
    return NULL;
}

/* A declaration fragment that satisfies the rule. */
static void snippet(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    (void)lang;
    const iss_alternative *a = r->review.nalts ? &r->review.alts[0] : NULL;
    iss_buf_printf(y,
                   "engagements:\n  - id: E001\n    category: %s\n    start: 2025-04-01\n"
                   "    end: 2025-04-30\n    contract: single\n    staff: [P001]\n"
                   "    reviews:\n",
                   cat);
    for (size_t i = 0; a && i < a->documents.n; i++)
        iss_buf_printf(y, "      - {document: %s, by: %s}\n", a->documents.v[i].s,
                       a->reviewer == ISS_REVIEWER_INDEPENDENT ? "P002" : "P001");
}

/* What each parameter means (isscheck explain). */
static const iss_param_text docs[] = {
    {"window_years", S_PARAM_CASE_REVIEW_WINDOW_YEARS},
    {"alternatives", S_PARAM_CASE_REVIEW_ALTERNATIVES},
    {"qualified_rule", S_PARAM_CASE_REVIEW_QUALIFIED_RULE},
    {NULL, 0},
};

static const char *const params[] = {"window_years", "alternatives", "qualified_rule", NULL};

const struct iss_check_kind iss_check_case_review = {
    .params = params,
    .docs = docs,
    .load = load,
    .link = link_names,
    .relink = relink,
    .lint = lint,
    .reading_target = reading_target,
    .window = window,
    .evaluate = check_case_review,
    .explain = explain,
    .value = value,
    .snippet = snippet,
};
