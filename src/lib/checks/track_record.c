/* track_record.c - the track-record path: cases of one person in the
 * "past N years" window, by the kind of work (readings 2, 3, 10, 11). */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

/* Years as days: one year is 365.25 days (1461 days per 4 years). */
static const char *years_str(ev *E, long days)
{
    long tenths = days * 40 / 1461;
    return iss_arena_printf(E->r->arena, "%ld.%ld", tenths / 10, tenths % 10);
}

/* Whether the engagement's work is one of the "category/kind" pairs. */
static bool work_has(const iss_strs *work, const char *cat, const char *kind)
{
    size_t n = strlen(cat);
    for (size_t i = 0; i < work->n; i++) {
        const char *w = work->v[i].s;
        if (strncmp(w, cat, n) == 0 && w[n] == '/' && kind && strcmp(w + n + 1, kind) == 0)
            return true;
    }
    return false;
}

/* Whether some pair names the category. */
static bool work_names(const iss_strs *work, const char *cat)
{
    size_t n = strlen(cat);
    for (size_t i = 0; i < work->n; i++)
        if (strncmp(work->v[i].s, cat, n) == 0 && work->v[i].s[n] == '/')
            return true;
    return false;
}

/* The reading on PATH.KEY of the rule, as a note. */
static void path_reading(ev *E, iss_result *res, const iss_rule *rule, const iss_path *path,
                         const char *key)
{
    if (res && rule)
        ev_reading_note(res, rule, iss_arena_printf(E->r->arena, "%s.%s", path->id, key));
}

/* What one person's cases add up to: [0] firm work only, [1] with the
 * work counted subject to review. */
typedef struct {
    long cases[2], days_in[2], days_career[2];
    bool other, per_year, clipped;    /* work of another category, per-year contracts, a case
                                       * begun before the window: the readings it rests on */
    iss_buf list, kindless, doubtful; /* counted (shown), no kind stated, subject to review */
} tally;

/* Engagement e counted into t, if its work is one of the path's pairs. */
static void count_engagement(ev *E, const iss_path *path, const char *own, iss_day ws,
                             const iss_engagement *e, tally *t)
{
    const char *cat = E->c->categories[e->category].code;
    bool firm = work_has(&path->work, cat, e->kind.s);
    bool doubt = !firm && work_has(&path->work_review, cat, e->kind.s);
    if (!firm && !doubt) {
        if (!e->kind.s && (work_names(&path->work, cat) || work_names(&path->work_review, cat)))
            iss_buf_printf(&t->kindless, "%s%s", t->kindless.len ? ", " : "", e->id.s);
        return;
    }
    if (e->start > E->ref)
        return;
    iss_day end = e->end && e->end < E->ref ? e->end : E->ref;
    for (int j = doubt; j < 2; j++)
        t->days_career[j] += end - e->start + 1;
    if (end < ws)
        return;
    iss_day from = e->start > ws ? e->start : ws;
    long n = 1;
    if (e->contract == path->per_year_contract && e->contract != ISS_CONTRACT_SINGLE) {
        n = iss_whole_years(from, end);
        if (n < 1)
            n = 1;
        t->per_year = true;
    }
    t->clipped |= e->start < ws;
    for (int j = doubt; j < 2; j++) {
        t->cases[j] += n;
        t->days_in[j] += end - from + 1;
    }
    bool foreign = strcmp(cat, own) != 0;
    t->other |= foreign;
    iss_buf_printf(&t->list, "%s%s", t->list.len ? ", " : "", e->id.s);
    if (n > 1)
        iss_buf_printf(&t->list, "×%ld", n);
    if (doubt)
        iss_buf_printf(&t->list, " (%s/%s?)", cat, e->kind.s);
    else if (foreign)
        iss_buf_printf(&t->list, " (%s)", cat);
    if (doubt)
        iss_buf_printf(&t->doubtful, "%s%s", t->doubtful.len ? ", " : "", e->id.s);
}

/* Cases of one person in the "past N years" window (readings 2 and 3 of
 * clauses.md): an engagement counts when its period overlaps the window;
 * the rule's per-year contract type counts 1 per whole 12-month span of
 * the overlap, at least 1; an ongoing one runs to the reference date.
 * What counts is the kind of work, wherever it was declared (reading 10):
 * the path's `work` pairs; `work_review` pairs count only subject to review
 * (reading 11).  Each counted case is listed, with its category when it is
 * not the rule's own. */
status ev_track_record(ev *E, iss_result *res, size_t p, const iss_path *path, const iss_rule *rule)
{
    const char *who = ev_person(E, p);
    const char *own = E->c->categories[rule->category].code;
    iss_day ws = iss_window_start(E->ref, (int)path->window_years);
    tally T = {.cases = {0, 0}}, *t = &T; /* its bufs are freed below */
    for (size_t k = E->eng_start[p]; k < E->eng_start[p + 1]; k++)
        count_engagement(E, path, own, ws, &E->d->engagements[E->eng_of[k]], t);
    bool ok[2], career[2];
    for (int j = 0; j < 2; j++) {
        bool years_ok = !path->min_years || t->days_in[j] * 4 >= path->min_years * 1461;
        ok[j] = t->cases[j] >= path->min_cases && years_ok;
        career[j] = path->min_years && t->cases[j] >= path->min_cases &&
                    t->days_career[j] * 4 >= path->min_years * 1461;
    }
    status st = ok[0] ? ST_YES : ok[1] || career[0] || career[1] ? ST_REVIEW : ST_NO;
    /* the figures shown: with the doubtful work when it is what makes the path */
    int j = st == ST_YES ? 0 : t->doubtful.len ? 1 : 0;
    const char *ids = iss_arena_strdup(E->r->arena, t->list.len ? t->list.s : "—");
    iss_buf_free(&t->list);
    if (t->kindless.len)
        note(res, ISS_MARK_INFO, M_TRACK_NO_KIND, E->d->persons[p].loc, who,
             iss_arena_strdup(E->r->arena, t->kindless.s), END);
    iss_buf_free(&t->kindless);
    iss_mark m = st == ST_YES ? ISS_MARK_PASS : ISS_MARK_INFO;
    if (path->min_years) {
        note(res, m, M_TRACK_YEARS, E->d->persons[p].loc, who, ev_date(E, ws), ev_date(E, E->ref),
             ev_num(E, t->cases[j]), ev_num(E, path->min_cases), ids, years_str(E, t->days_in[j]),
             ev_num(E, path->min_years), END);
    } else {
        note(res, m, M_TRACK, E->d->persons[p].loc, who, ev_date(E, ws), ev_date(E, E->ref),
             ev_num(E, t->cases[j]), ev_num(E, path->min_cases), ids, END);
    }
    if (st == ST_REVIEW && !ok[1] && (career[0] || career[1])) {
        note(res, ISS_MARK_REVIEW, M_TRACK_CAREER, E->d->persons[p].loc, who,
             years_str(E, t->days_career[career[0] ? 0 : 1]), END);
        path_reading(E, res, rule, path, "min_years");
    } else if (st == ST_REVIEW) {
        note(res, ISS_MARK_REVIEW, M_TRACK_REVIEW_WORK, E->d->persons[p].loc, who,
             iss_arena_strdup(E->r->arena, t->doubtful.s), END);
        path_reading(E, res, rule, path, "work_review");
    }
    iss_buf_free(&t->doubtful);
    if (st != ST_NO) {
        /* the readings this result rests on */
        if (t->clipped)
            path_reading(E, res, rule, path, "window_years");
        if (t->per_year)
            path_reading(E, res, rule, path, "per_year_contract");
        if (t->other)
            path_reading(E, res, rule, path, "work");
    }
    if (path->min_years && t->cases[j] >= path->min_cases)
        path_reading(E, res, rule, path, "min_years");
    return st;
}

static const char *contract_word(iss_lang lang, iss_contract k)
{
    switch (k) {
    case ISS_CONTRACT_SINGLE:
        return iss_string(S_EX_TRACK_RECORD_SINGLE_CONTRACT_SINGLE, lang);
    case ISS_CONTRACT_COMPREHENSIVE:
        return iss_string(S_EX_TRACK_RECORD_COMPREHENSIVE_CONTRACT_COMPREHENSIVE, lang);
    case ISS_CONTRACT_CONTINUING:
        return iss_string(S_EX_TRACK_RECORD_CONTINUING_CONTRACT_CONTINUING, lang);
    default:
        return "none";
    }
}

/* "category/kind" pairs with the kinds' names, where the criteria know them. */
static void work_list(iss_buf *out, const iss_criteria *c, const iss_strs *work, iss_lang lang)
{
    for (size_t i = 0; i < work->n; i++) {
        const char *w = work->v[i].s, *slash = strchr(w, '/');
        iss_buf_printf(out, "%s%s", i ? ", " : "", w);
        char code[64];
        size_t len = slash ? (size_t)(slash - w) : 0;
        if (!slash || len >= sizeof code)
            continue;
        memcpy(code, w, len);
        code[len] = '\0';
        int ci = iss_criteria_category(c, code);
        for (size_t k = 0; ci >= 0 && k < c->categories[ci].nkinds; k++)
            if (strcmp(c->categories[ci].kinds[k].code, slash + 1) == 0)
                iss_str_printf(out, S_EX_TRACK_RECORD_KIND_NAME, lang,
                               lang == ISS_LANG_EN ? c->categories[ci].kinds[k].en
                                                   : c->categories[ci].kinds[k].ja);
        if (ci < 0)
            iss_buf_puts(out, iss_string(S_EX_TRACK_RECORD_COUNTED_WHEN_THE_CRITERIA, lang));
    }
}

/* The branches of a track-record path. */
void ex_track_record(iss_buf *out, const iss_criteria *c, const iss_rule *r, const iss_path *p,
                     iss_lang lang)
{
    char on[128];
    const char *own = c->categories[r->category].code;
    iss_buf wref = {0};
    snprintf(on, sizeof on, "%s.window_years", p->id);
    ex_reading_ref(&wref, r, on, lang);
    iss_str_printf(out, S_EX_TRACK_RECORD_AT_LEAST_CASES_IN, lang,
                   lang == ISS_LANG_EN ? p->min_cases : p->window_years,
                   lang == ISS_LANG_EN ? p->window_years : p->min_cases);
    work_list(out, c, &p->work, lang);
    snprintf(on, sizeof on, "%s.work", p->id);
    ex_reading_ref(out, r, on, lang);
    iss_buf_puts(out, "\n");
    iss_str_printf(out, S_EX_TRACK_RECORD_AN_ENGAGEMENT_COUNTS_WHEN, lang, wref.s ? wref.s : "",
                   own);
    iss_buf_free(&wref);
    if (p->per_year_contract != ISS_CONTRACT_NONE) {
        iss_str_printf(out, S_EX_TRACK_RECORD_A_COUNTS_ONE_CASE, lang,
                       contract_word(lang, p->per_year_contract));
        snprintf(on, sizeof on, "%s.per_year_contract", p->id);
        ex_reading_ref(out, r, on, lang);
        iss_buf_puts(out, "\n");
    } else {
        iss_buf_puts(out, iss_string(S_EX_TRACK_RECORD_EVERY_CONTRACT_COUNTS_ONE, lang));
    }
    if (p->min_years) {
        iss_str_printf(out, S_EX_TRACK_RECORD_AND_THE_COUNTED_ENGAGEMENTS, lang, p->min_years);
        snprintf(on, sizeof on, "%s.min_years", p->id);
        ex_reading_ref(out, r, on, lang);
        iss_buf_puts(out, iss_string(S_EX_TRACK_RECORD_THE_CASES_SUFFICE_BUT, lang));
    }
    if (p->work_review.n) {
        iss_buf_puts(out, iss_string(S_EX_TRACK_RECORD_THIS_WORK_COUNTS_ONLY, lang));
        work_list(out, c, &p->work_review, lang);
        snprintf(on, sizeof on, "%s.work_review", p->id);
        ex_reading_ref(out, r, on, lang);
        iss_buf_puts(out, iss_string(S_EX_TRACK_RECORD_MET_ONLY_BY_COUNTING, lang));
    }
    iss_buf_puts(out, iss_string(S_EX_TRACK_RECORD_OTHERWISE_ENOUGH_CASES_AND, lang));
}
