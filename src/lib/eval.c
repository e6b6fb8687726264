/* eval.c - the general check kinds, parameterised by the rule files, each a
 * function from (rule, declaration, reference date) to a verdict record.
 * Where the three-year window is computed: dates.c (iss_window_start);
 * how cases are counted in it: track_record() below.
 */
#include "isscheck/eval.h"

#include <fnmatch.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef enum { ST_NO = 0, ST_REVIEW = 1, ST_YES = 2 } status;

/* ends note()'s argument list: a pointer, as va_arg reads it */
#define END ((const char *)NULL)

typedef struct {
    iss_report *r;
    const iss_decl *d;
    const iss_criteria *c;
    iss_day ref;
    bool *relied;   /* per catalogue entry: an unverified entry a verdict rested on */
    size_t *pend;   /* unverified entries met while evaluating the current rule: they */
    size_t npend, cappend; /* count as relied on only if the rule's verdict rests on them */
    size_t *eng_of; /* engagements per person, CSR: eng_start[p] .. eng_start[p+1] */
    size_t *eng_start;
    bool require_evidence; /* --require-evidence: a claim naming no evidence is review */
    bool unevidenced;      /* the rule being evaluated rests on such a claim */
    iss_loc *noev;         /* the claims naming no evidence met so far (rules share claims) */
    size_t nnoev, capnoev;
} ev;

/* the checks below add notes by the hundred: a short name */
#define note(...) iss_result_note(__VA_ARGS__)

const char *iss_verdict_name(iss_verdict v)
{
    static const char *const names[] = {"pass", "review", "fail", "n/a", "waived"};
    return v < ISS_VERDICTS ? names[v] : "?";
}

iss_note *iss_result_note(iss_result *res, iss_mark mark, iss_msg msg, iss_loc loc, ...)
{
    if (!res)
        return NULL;
    if (res->nnotes == res->cap) {
        res->cap = res->cap ? res->cap * 2 : 8;
        res->notes = iss_xrealloc(res->notes, res->cap * sizeof *res->notes);
    }
    iss_note *n = &res->notes[res->nnotes++];
    memset(n, 0, sizeof *n);
    n->msg = msg;
    n->mark = mark;
    n->loc = loc;
    n->entry_type = -1;
    va_list ap;
    va_start(ap, loc);
    for (int i = 0; i < ISS_NOTE_ARGS; i++) {
        const char *a = va_arg(ap, const char *);
        if (!a)
            break;
        n->args[i] = a;
    }
    va_end(ap);
    return n;
}

static const char *date_str(ev *E, iss_day day)
{
    char buf[ISS_DATE_SIZE];
    iss_date_format(day, buf);
    return iss_arena_strdup(E->r->arena, buf);
}

/* A count as text, written digit by digit: several per rule and file,
 * and printf's machinery costs more than the digits. */
static const char *num_str(ev *E, long n)
{
    char b[24];
    size_t i = sizeof b;
    unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
    do
        b[--i] = (char)('0' + u % 10);
    while (u /= 10);
    if (n < 0)
        b[--i] = '-';
    return iss_arena_strndup(E->r->arena, b + i, sizeof b - i);
}

static iss_mark mark_of(status s)
{
    return s == ST_YES ? ISS_MARK_PASS : s == ST_REVIEW ? ISS_MARK_REVIEW : ISS_MARK_FAIL;
}

static iss_verdict verdict_of(status s)
{
    return s == ST_YES ? ISS_PASS : s == ST_REVIEW ? ISS_REVIEW : ISS_FAIL;
}

/* The evidence document a claim (written at loc) names, as a note; one
 * that names none is always listed, and with --require-evidence it is
 * review: the returned status caps a claim at review. */
static status claim_evidence(ev *E, iss_result *res, const iss_str *ev_ref, iss_loc loc)
{
    if (ev_ref->s) {
        note(res, ISS_MARK_INFO, M_EVIDENCE, ev_ref->loc, ev_ref->s, END);
        return ST_YES;
    }
    size_t k = 0;
    while (k < E->nnoev && (E->noev[k].line != loc.line || E->noev[k].col != loc.col))
        k++;
    if (k == E->nnoev) { /* counted once, however many rules read it */
        if (E->nnoev == E->capnoev) {
            E->capnoev = E->capnoev ? 2 * E->capnoev : 16;
            E->noev = iss_xrealloc(E->noev, E->capnoev * sizeof *E->noev);
        }
        E->noev[E->nnoev++] = loc;
        E->r->unevidenced++;
    }
    if (!E->require_evidence) {
        note(res, ISS_MARK_INFO, M_NO_EVIDENCE, loc, END);
        return ST_YES;
    }
    note(res, ISS_MARK_REVIEW, M_NO_EVIDENCE_REQUIRED, loc, END);
    return ST_REVIEW;
}

/* The same for a claim the whole rule rests on (a manual, an audit, a
 * registration…): with --require-evidence, a pass becomes review. */
static void evidence(ev *E, iss_result *res, const iss_str *ev_ref, iss_loc loc)
{
    if (claim_evidence(E, res, ev_ref, loc) != ST_YES)
        E->unevidenced = true;
}

static status min_status(status a, status b)
{
    return a < b ? a : b;
}

static const char *person_id(ev *E, size_t p)
{
    return E->d->persons[p].id.s;
}

/* The rule's reading on `on`, as a note, once per result: the reading
 * decided (part of) the verdict. */
static void reading_note(iss_result *res, const iss_rule *rule, const char *on)
{
    int i = res && rule ? iss_rule_reading(rule, on) : -1;
    if (i < 0)
        return;
    for (size_t k = 0; k < res->nnotes; k++)
        if (res->notes[k].msg == M_READING && res->notes[k].args[1] == rule->reading_ja.v[i].s)
            return;
    iss_note *n = note(res, ISS_MARK_INFO, M_READING, res->loc, rule->reading_source.v[i].s,
                       rule->reading_ja.v[i].s, END);
    n->args_en[1] = rule->reading_en.v[i].s;
}

/* ---- the catalogue: one declared name against one 例示 list ---- */

/* A catalogue look-up; a pattern that gave up at PCRE2's limits is noted
 * (the verdict becomes review, never pass and never a hang). */
static const iss_entry *lookup(ev *E, iss_result *res, const char *who, iss_entry_type type,
                               const char *name, iss_loc loc, bool *limit)
{
    const iss_entry *hit = NULL;
    const iss_entry *e = iss_catalogue_lookup(E->c, type, name, &hit);
    *limit = !e && hit;
    if (*limit)
        note(res, ISS_MARK_REVIEW, M_PATTERN_LIMIT, loc, who, hit->id, name, END);
    return e;
}

/* One declared name (already looked up as e) against the 例示 list reiji. */
static status judge_entry(ev *E, iss_result *res, const char *who, iss_entry_type type,
                          const iss_entry *e, bool limit, const char *name, bool equivalent,
                          const char *reiji, iss_loc loc)
{
    iss_note *n;
    status st;
    if (limit && !equivalent) {
        return ST_REVIEW;
    } else if (equivalent) {
        n = note(res, ISS_MARK_REVIEW, M_ITEM_EQUIVALENT, loc, who, name, reiji, END);
        st = ST_REVIEW;
    } else if (!e) {
        n = note(res, ISS_MARK_REVIEW, M_ITEM_UNKNOWN, loc, who, name, reiji, END);
        st = ST_REVIEW;
    } else if (!iss_entry_on_list(e, reiji)) {
        n = note(res, ISS_MARK_INFO, M_ITEM_NOT_ON_LIST, loc, who, name, reiji, e->name, END);
        st = ST_NO;
    } else if (!e->verified) {
        n = note(res, ISS_MARK_REVIEW, M_ITEM_UNVERIFIED, loc, who, name, reiji, e->name, END);
        /* also when res is NULL: a reviewer's or 兼務者's qualification is
         * weighed without notes, and the verdict may still rest on it;
         * pending until the rule's verdict says whether it does */
        if (E->npend == E->cappend) {
            E->cappend = E->cappend ? 2 * E->cappend : 16;
            E->pend = iss_xrealloc(E->pend, E->cappend * sizeof *E->pend);
        }
        E->pend[E->npend++] = (size_t)(e - E->c->entries);
        st = ST_REVIEW;
    } else {
        n = note(res, ISS_MARK_PASS, M_ITEM_OK, loc, who, name, reiji, e->name, END);
        st = ST_YES;
    }
    if (n)
        n->entry_type = (int)type;
    return st;
}

static status judge_item(ev *E, iss_result *res, const char *who, iss_entry_type type,
                         const char *name, bool equivalent, const char *reiji, iss_loc loc)
{
    bool limit;
    const iss_entry *e = lookup(E, res, who, type, name, loc, &limit);
    return judge_entry(E, res, who, type, e, limit, name, equivalent, reiji, loc);
}

static bool strs_has(const iss_strs *l, const char *s)
{
    return iss_strs_has(l, s);
}

/* ---- the paths of a qualified_leads rule, for one person ---- */

static status qualification_path(ev *E, iss_result *res, size_t p, const iss_path *path)
{
    const iss_person *pe = &E->d->persons[p];
    const char *who = pe->id.s;
    status best = ST_NO;
    for (size_t i = 0; i < pe->nquals; i++) {
        const iss_qualification *q = &pe->quals[i];
        bool limit;
        const iss_entry *e =
            lookup(E, res, who, ISS_ENTRY_QUALIFICATION, q->name.s, q->loc, &limit);
        bool relevant = q->equivalent || !e || iss_entry_on_list(e, path->reiji);
        if (relevant && q->acquired && q->acquired > E->ref) {
            note(res, ISS_MARK_INFO, M_QUAL_NOT_YET, q->loc, who, q->name.s,
                 date_str(E, q->acquired), END);
            continue;
        }
        if (relevant && q->expires && q->expires < E->ref) {
            note(res, ISS_MARK_FAIL, M_QUAL_EXPIRED, q->loc, who, q->name.s,
                 date_str(E, q->expires), END);
            continue;
        }
        if (e && iss_entry_on_list(e, path->reiji) && !q->equivalent &&
            !iss_entry_number_ok(e, q->number.s)) {
            if (q->number.s)
                note(res, ISS_MARK_FAIL, M_QUAL_NUMBER, q->loc, who, q->name.s, q->number.s,
                     e->name, END);
            else
                note(res, ISS_MARK_FAIL, M_QUAL_NO_NUMBER, q->loc, who, q->name.s, "", e->name,
                     END);
            continue;
        }
        status st = judge_entry(E, res, who, ISS_ENTRY_QUALIFICATION, e, limit, q->name.s,
                                q->equivalent, path->reiji, q->loc);
        if (st != ST_NO)
            st = min_status(st, claim_evidence(E, res, &q->evidence, q->loc));
        if (st > best)
            best = st;
    }
    return best;
}

/* A dated claim (a community role, a training) against a 例示 list; one
 * dated after the reference date does not count yet. */
static status dated_claim(ev *E, iss_result *res, const char *who, iss_entry_type type,
                          const char *name, iss_day date, const iss_str *ev_ref, const char *reiji,
                          iss_loc loc)
{
    if (date && date > E->ref) {
        iss_note *n =
            note(res, ISS_MARK_INFO, M_DATED_LATE, loc, who, name, date_str(E, date), END);
        if (n)
            n->entry_type = (int)type;
        return ST_NO;
    }
    status st = judge_item(E, res, who, type, name, false, reiji, loc);
    if (st != ST_NO)
        st = min_status(st, claim_evidence(E, res, ev_ref, loc));
    return st;
}

static status community_path(ev *E, iss_result *res, size_t p, const iss_path *path)
{
    const iss_person *pe = &E->d->persons[p];
    const char *who = pe->id.s;
    status best = ST_NO;
    for (size_t i = 0; i < pe->nroles; i++) {
        const iss_community_role *r = &pe->roles[i];
        status st = dated_claim(E, res, who, ISS_ENTRY_COMMUNITY, r->community.s, r->from,
                                &r->evidence, path->reiji, r->loc);
        if (st > best)
            best = st;
    }
    for (size_t i = 0; path->lecturing_subject && i < pe->nlecturing; i++) {
        const iss_lecturing *l = &pe->lecturing[i];
        if (strcmp(l->subject.s, path->lecturing_subject) != 0)
            continue;
        if (l->from && l->from > E->ref)
            continue;
        int ci = iss_criteria_category(E->c, l->subject.s);
        iss_note *n = note(res, ISS_MARK_PASS, M_LECTURING_OK, l->loc, who, l->institution.s,
                           E->c->categories[ci].name_ja, END);
        if (n)
            n->args_en[2] = E->c->categories[ci].name_en;
        status st = claim_evidence(E, res, &l->evidence, l->loc);
        if (st > best)
            best = st;
    }
    return best;
}

static status training_path(ev *E, iss_result *res, size_t p, const iss_path *path)
{
    const iss_person *pe = &E->d->persons[p];
    status best = ST_NO;
    for (size_t i = 0; i < pe->ntrainings; i++) {
        const iss_training *t = &pe->trainings[i];
        status st = dated_claim(E, res, pe->id.s, ISS_ENTRY_TRAINING, t->name.s, t->completed,
                                &t->evidence, path->reiji, t->loc);
        if (st > best)
            best = st;
    }
    return best;
}

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
        reading_note(res, rule, iss_arena_printf(E->r->arena, "%s.%s", path->id, key));
}

/* Cases of one person in the "past N years" window (readings 2 and 3 of
 * clauses.md): an engagement counts when its period overlaps the window;
 * the rule's per-year contract type counts 1 per whole 12-month span of
 * the overlap, at least 1; an ongoing one runs to the reference date.
 * What counts is the kind of work, wherever it was declared (reading 10):
 * the path's `work` pairs; `work_review` pairs count only subject to review
 * (reading 11).  Each counted case is listed, with its category when it is
 * not the rule's own. */
static status track_record(ev *E, iss_result *res, size_t p, const iss_path *path,
                           const iss_rule *rule)
{
    const char *who = person_id(E, p);
    const char *own = E->c->categories[rule->category].code;
    iss_day ws = iss_window_start(E->ref, (int)path->window_years);
    /* [0]: firm work only; [1]: with the work counted subject to review */
    long cases[2] = {0, 0}, days_in[2] = {0, 0}, days_career[2] = {0, 0};
    bool other = false, per_year = false, clipped = false;
    iss_buf list = {0}, kindless = {0}, doubtful = {0};
    for (size_t k = E->eng_start[p]; k < E->eng_start[p + 1]; k++) {
        const iss_engagement *e = &E->d->engagements[E->eng_of[k]];
        const char *cat = E->c->categories[e->category].code;
        bool firm = work_has(&path->work, cat, e->kind.s);
        bool doubt = !firm && work_has(&path->work_review, cat, e->kind.s);
        if (!firm && !doubt) {
            if (!e->kind.s && (work_names(&path->work, cat) || work_names(&path->work_review, cat)))
                iss_buf_printf(&kindless, "%s%s", kindless.len ? ", " : "", e->id.s);
            continue;
        }
        if (e->start > E->ref)
            continue;
        iss_day end = e->end && e->end < E->ref ? e->end : E->ref;
        for (int j = doubt; j < 2; j++)
            days_career[j] += end - e->start + 1;
        if (end < ws)
            continue;
        iss_day from = e->start > ws ? e->start : ws;
        long n = 1;
        if (e->contract == path->per_year_contract && e->contract != ISS_CONTRACT_SINGLE) {
            n = iss_whole_years(from, end);
            if (n < 1)
                n = 1;
            per_year = true;
        }
        clipped |= e->start < ws;
        for (int j = doubt; j < 2; j++) {
            cases[j] += n;
            days_in[j] += end - from + 1;
        }
        bool foreign = strcmp(cat, own) != 0;
        other |= foreign;
        iss_buf_printf(&list, "%s%s", list.len ? ", " : "", e->id.s);
        if (n > 1)
            iss_buf_printf(&list, "×%ld", n);
        if (doubt)
            iss_buf_printf(&list, " (%s/%s?)", cat, e->kind.s);
        else if (foreign)
            iss_buf_printf(&list, " (%s)", cat);
        if (doubt)
            iss_buf_printf(&doubtful, "%s%s", doubtful.len ? ", " : "", e->id.s);
    }
    bool ok[2], career[2];
    for (int j = 0; j < 2; j++) {
        bool years_ok = !path->min_years || days_in[j] * 4 >= path->min_years * 1461;
        ok[j] = cases[j] >= path->min_cases && years_ok;
        career[j] = path->min_years && cases[j] >= path->min_cases &&
                    days_career[j] * 4 >= path->min_years * 1461;
    }
    status st = ok[0] ? ST_YES : ok[1] || career[0] || career[1] ? ST_REVIEW : ST_NO;
    /* the figures shown: with the doubtful work when it is what makes the path */
    int j = st == ST_YES ? 0 : doubtful.len ? 1 : 0;
    const char *ids = iss_arena_strdup(E->r->arena, list.len ? list.s : "—");
    iss_buf_free(&list);
    if (kindless.len)
        note(res, ISS_MARK_INFO, M_TRACK_NO_KIND, E->d->persons[p].loc, who,
             iss_arena_strdup(E->r->arena, kindless.s), END);
    iss_buf_free(&kindless);
    iss_mark m = st == ST_YES ? ISS_MARK_PASS : ISS_MARK_INFO;
    if (path->min_years) {
        note(res, m, M_TRACK_YEARS, E->d->persons[p].loc, who, date_str(E, ws), date_str(E, E->ref),
             num_str(E, cases[j]), num_str(E, path->min_cases), ids, years_str(E, days_in[j]),
             num_str(E, path->min_years), END);
    } else {
        note(res, m, M_TRACK, E->d->persons[p].loc, who, date_str(E, ws), date_str(E, E->ref),
             num_str(E, cases[j]), num_str(E, path->min_cases), ids, END);
    }
    if (st == ST_REVIEW && !ok[1] && (career[0] || career[1])) {
        note(res, ISS_MARK_REVIEW, M_TRACK_CAREER, E->d->persons[p].loc, who,
             years_str(E, days_career[career[0] ? 0 : 1]), END);
        path_reading(E, res, rule, path, "min_years");
    } else if (st == ST_REVIEW) {
        note(res, ISS_MARK_REVIEW, M_TRACK_REVIEW_WORK, E->d->persons[p].loc, who,
             iss_arena_strdup(E->r->arena, doubtful.s), END);
        path_reading(E, res, rule, path, "work_review");
    }
    iss_buf_free(&doubtful);
    if (st != ST_NO) {
        /* the readings this result rests on */
        if (clipped)
            path_reading(E, res, rule, path, "window_years");
        if (per_year)
            path_reading(E, res, rule, path, "per_year_contract");
        if (other)
            path_reading(E, res, rule, path, "work");
    }
    if (path->min_years && cases[j] >= path->min_cases)
        path_reading(E, res, rule, path, "min_years");
    return st;
}

static status eval_path(ev *E, iss_result *res, size_t p, const iss_path *path,
                        const iss_rule *rule)
{
    switch (path->type) {
    case ISS_PATH_QUALIFICATION:
        return qualification_path(E, res, p, path);
    case ISS_PATH_COMMUNITY:
        return community_path(E, res, p, path);
    case ISS_PATH_TRAINING:
        return training_path(E, res, p, path);
    case ISS_PATH_TRACK_RECORD:
        return track_record(E, res, p, path, rule);
    }
    return ST_NO;
}

/* Whether person p meets any path of a qualified_leads rule. */
static status meets_rule(ev *E, size_t p, const iss_rule *rule)
{
    status best = ST_NO;
    size_t mark = E->npend;
    for (size_t k = 0; k < rule->npaths && best != ST_YES; k++) {
        status st = eval_path(E, NULL, p, &rule->paths[k], rule);
        if (st > best)
            best = st;
    }
    if (best == ST_YES)
        E->npend = mark; /* met on verified ground: nothing unverified decided it */
    return best;
}

static const iss_lead_group *find_group(const iss_service *s, const char *key)
{
    for (size_t i = 0; i < s->ngroups; i++)
        if (strcmp(s->groups[i].key, key) == 0)
            return &s->groups[i];
    return NULL;
}

/* ---- check kinds ---- */

/* Why a lead meets no path: the paths, and when the rule has no
 * track-record path, that the person's cases of the category do not count. */
static void lead_meets_none(ev *E, iss_result *res, size_t p)
{
    const iss_rule *rule = res->rule;
    iss_buf paths = {0}, cases = {0};
    bool track = false;
    for (size_t k = 0; k < rule->npaths; k++) {
        iss_buf_printf(&paths, "%s%s", k ? ", " : "", rule->paths[k].id);
        track |= rule->paths[k].type == ISS_PATH_TRACK_RECORD;
    }
    for (size_t k = E->eng_start[p]; !track && k < E->eng_start[p + 1]; k++) {
        const iss_engagement *e = &E->d->engagements[E->eng_of[k]];
        if (e->category == rule->category)
            iss_buf_printf(&cases, "%s%s", cases.len ? ", " : "", e->id.s);
    }
    const char *ps = iss_arena_strdup(E->r->arena, paths.s ? paths.s : "");
    if (cases.len)
        note(res, ISS_MARK_FAIL, M_LEAD_MEETS_NONE_NO_TRACK, E->d->persons[p].loc, person_id(E, p), ps,
             rule->id, iss_arena_strdup(E->r->arena, cases.s), END);
    else
        note(res, ISS_MARK_FAIL, M_LEAD_MEETS_NONE, E->d->persons[p].loc, person_id(E, p), ps, END);
    iss_buf_free(&paths);
    iss_buf_free(&cases);
}

static void check_qualified_leads(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *rule = res->rule;
    const iss_lead_group *g = find_group(s, rule->group);
    if (!g || g->npersons == 0) {
        res->verdict = ISS_FAIL;
        res->loc = g ? g->loc : s->loc;
        note(res, ISS_MARK_FAIL, M_LEADS_NONE, res->loc, rule->group, END);
        return;
    }
    res->loc = g->loc;
    long *counts = iss_arena_alloc(E->r->arena, rule->npaths * sizeof *counts);
    status best = ST_NO;
    for (size_t i = 0; i < g->npersons; i++) {
        size_t p = g->persons[i];
        status pbest = ST_NO;
        iss_buf met = {0};
        size_t mark = E->npend;
        for (size_t k = 0; k < rule->npaths; k++) {
            status st = eval_path(E, res, p, &rule->paths[k], rule);
            if (st >= ST_REVIEW) {
                counts[k]++;
                iss_buf_printf(&met, "%s%s%s", met.len ? ", " : "", rule->paths[k].id,
                               st == ST_REVIEW ? "?" : "");
            }
            if (st > pbest)
                pbest = st;
        }
        if (pbest == ST_YES)
            E->npend = mark; /* met on verified ground: nothing unverified decided it */
        if (pbest == ST_NO)
            lead_meets_none(E, res, p);
        else
            note(res, mark_of(pbest), M_LEAD_MEETS, E->d->persons[p].loc, person_id(E, p),
                 iss_arena_strdup(E->r->arena, met.s), END);
        iss_buf_free(&met);
        if (pbest > best)
            best = pbest;
    }
    iss_buf computed = {0}, ids = {0};
    for (size_t k = 0; k < rule->npaths; k++) {
        const char *label =
            rule->paths[k].clause[0]
                ? iss_arena_printf(E->r->arena, "%s %s", rule->paths[k].clause, rule->paths[k].id)
                : rule->paths[k].id;
        note(res, ISS_MARK_INFO, M_PATH_COUNT, g->loc, label, num_str(E, counts[k]), END);
        iss_buf_printf(&computed, "%s%s: %ld", k ? ", " : "", rule->paths[k].id, counts[k]);
        iss_buf_printf(&ids, "%s%s", k ? ", " : "", rule->paths[k].id);
    }
    res->verdict = verdict_of(best);
    if (best == ST_NO)
        note(res, ISS_MARK_FAIL, M_NO_LEAD_MEETS, g->loc, END);
    else if (best == ST_REVIEW)
        note(res, ISS_MARK_REVIEW, M_LEADS_REVIEW, g->loc, END);
    if (rule->disclose_counts) {
        bool counts_ok = true;
        if (!g->has_counts) {
            note(res, ISS_MARK_FAIL, M_COUNTS_MISSING, g->loc,
                 iss_arena_strdup(E->r->arena, computed.s), END);
            counts_ok = false;
        } else {
            for (size_t i = 0; i < g->ncounts; i++) {
                const iss_stated_count *sc = &g->counts[i];
                size_t k = 0;
                while (k < rule->npaths && strcmp(rule->paths[k].id, sc->path.s) != 0)
                    k++;
                if (k == rule->npaths) {
                    note(res, ISS_MARK_FAIL, M_COUNT_UNKNOWN, sc->path.loc, sc->path.s,
                         iss_arena_strdup(E->r->arena, ids.s), END);
                    counts_ok = false;
                } else if (sc->count != counts[k]) {
                    note(res, ISS_MARK_FAIL, M_COUNT_MISMATCH, sc->path.loc, sc->path.s,
                         num_str(E, sc->count), num_str(E, counts[k]), END);
                    counts_ok = false;
                }
            }
            for (size_t k = 0; k < rule->npaths; k++) {
                bool stated = false;
                for (size_t i = 0; i < g->ncounts; i++)
                    stated |= strcmp(g->counts[i].path.s, rule->paths[k].id) == 0;
                if (!stated) {
                    note(res, ISS_MARK_FAIL, M_COUNT_ABSENT, g->counts_loc, rule->paths[k].id,
                         num_str(E, counts[k]), END);
                    counts_ok = false;
                }
            }
        }
        if (!counts_ok) {
            res->verdict = ISS_FAIL;
            res->loc = g->has_counts ? g->counts_loc : g->loc;
        }
    }
    iss_buf_free(&computed);
    iss_buf_free(&ids);
}

static bool in_list(const size_t *v, size_t n, size_t x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return true;
    return false;
}

static const char *id_list(ev *E, const size_t *v, size_t n)
{
    if (n == 0)
        return "—";
    iss_buf b = {0};
    for (size_t i = 0; i < n; i++)
        iss_buf_printf(&b, "%s%s", i ? ", " : "", person_id(E, v[i]));
    const char *s = iss_arena_strdup(E->r->arena, b.s);
    iss_buf_free(&b);
    return s;
}

/* 兼務者: persons declared in both lead groups who meet a path of both rules. */
static void check_dual_role(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *a = res->rule->dual[0], *b = res->rule->dual[1];
    const iss_lead_group *ga = find_group(s, a->group), *gb = find_group(s, b->group);
    size_t *both = iss_arena_alloc(E->r->arena, (ga ? ga->npersons : 0) * sizeof *both + 1);
    size_t nboth = 0;
    for (size_t i = 0; ga && gb && i < ga->npersons; i++) {
        size_t p = ga->persons[i];
        if (in_list(gb->persons, gb->npersons, p) && meets_rule(E, p, a) >= ST_REVIEW &&
            meets_rule(E, p, b) >= ST_REVIEW)
            both[nboth++] = p;
    }
    res->loc = s->has_dual ? s->dual_loc : s->loc;
    note(res, ISS_MARK_INFO, M_DUAL_COMPUTED, res->loc, a->id, b->id, id_list(E, both, nboth), END);
    res->verdict = ISS_PASS;
    size_t *miss = iss_arena_alloc(E->r->arena, (nboth + 1) * sizeof *miss);
    size_t nmiss = 0;
    for (size_t i = 0; i < nboth; i++)
        if (!in_list(s->dual, s->ndual, both[i]))
            miss[nmiss++] = both[i];
    if (nmiss) {
        note(res, ISS_MARK_FAIL, M_DUAL_UNDECLARED, res->loc, id_list(E, miss, nmiss), END);
        res->verdict = ISS_FAIL;
    }
    size_t *extra = iss_arena_alloc(E->r->arena, (s->ndual + 1) * sizeof *extra);
    size_t nextra = 0;
    for (size_t i = 0; i < s->ndual; i++)
        if (!in_list(both, nboth, s->dual[i]))
            extra[nextra++] = s->dual[i];
    if (nextra) {
        note(res, ISS_MARK_FAIL, M_DUAL_EXTRA, res->loc, id_list(E, extra, nextra), END);
        res->verdict = ISS_FAIL;
    }
    if (nboth && (!s->has_dual || s->dual_count < 0)) {
        note(res, ISS_MARK_FAIL, M_DUAL_NO_COUNT, res->loc, num_str(E, (long)nboth), END);
        res->verdict = ISS_FAIL;
    } else if (s->has_dual && s->dual_count >= 0 && (size_t)s->dual_count != nboth) {
        note(res, ISS_MARK_FAIL, M_DUAL_COUNT, res->loc, num_str(E, s->dual_count),
             num_str(E, (long)nboth), END);
        res->verdict = ISS_FAIL;
    }
}

static bool applied_any(const iss_service *s, const iss_strs *subtypes)
{
    for (size_t i = 0; i < s->subtypes.n; i++)
        if (strs_has(subtypes, s->subtypes.v[i].s))
            return true;
    return false;
}

static const iss_entry_type field_type[ISS_FIELD_COUNT] = {
    ISS_ENTRY_STANDARD, ISS_ENTRY_RESULT_HANDLING, ISS_ENTRY_COMPLIANCE, ISS_ENTRY_EDUCATION};
static const char *const field_names[ISS_FIELD_COUNT] = {"standards", "result_handling",
                                                         "compliance", "education"};

/* One item against one requirement; res NULL: weighed without notes. */
static status judge_req_item(ev *E, iss_result *res, const iss_requirement *q, int f, size_t k,
                             const iss_item *it)
{
    const char *who = iss_arena_printf(E->r->arena, "%s[%zu]", field_names[f], k + 1);
    status st;
    if (!q->reiji) {
        iss_note *n = note(res, ISS_MARK_PASS, M_REQ_ANY_OK, it->loc, it->name.s, END);
        if (n)
            n->entry_type = (int)field_type[f];
        st = ST_YES;
    } else {
        st = judge_item(E, res, who, field_type[f], it->name.s, it->equivalent, q->reiji, it->loc);
    }
    if (st != ST_NO)
        st = min_status(st, claim_evidence(E, res, &it->evidence, it->loc));
    return st;
}

/* Each requirement is met by the best item of its field (one not used by
 * another requirement when `distinct`).  Items are weighed silently first;
 * then each item is described once: against the requirement it meets, or,
 * when it meets none, against the first requirement of its field. */
static void check_reiji_items(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *rule = res->rule;
    bool *used[ISS_FIELD_COUNT], *told[ISS_FIELD_COUNT];
    for (int f = 0; f < ISS_FIELD_COUNT; f++) {
        used[f] = iss_arena_alloc(E->r->arena, s->nitems[f] + 1);
        told[f] = iss_arena_alloc(E->r->arena, s->nitems[f] + 1);
    }
    long *chosen = iss_arena_alloc(E->r->arena, (rule->nreqs + 1) * sizeof *chosen);
    status *met = iss_arena_alloc(E->r->arena, (rule->nreqs + 1) * sizeof *met);
    status worst = ST_YES;
    for (size_t i = 0; i < rule->nreqs; i++) {
        const iss_requirement *q = &rule->reqs[i];
        chosen[i] = -1;
        met[i] = ST_YES;
        if (q->when_subtypes.n && !applied_any(s, &q->when_subtypes))
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
    for (size_t i = 0; i < rule->nreqs; i++) {
        const iss_requirement *q = &rule->reqs[i];
        if (q->when_subtypes.n && !applied_any(s, &q->when_subtypes))
            continue;
        int f = (int)q->field;
        /* the items of the field not told yet, the chosen one first */
        if (chosen[i] >= 0 && !told[f][chosen[i]]) {
            judge_req_item(E, res, q, f, (size_t)chosen[i], &s->items[f][chosen[i]]);
            told[f][chosen[i]] = true;
        }
        bool first_of_field = true;
        for (size_t j = 0; j < i; j++)
            first_of_field &= (int)rule->reqs[j].field != f ||
                              (rule->reqs[j].when_subtypes.n &&
                               !applied_any(s, &rule->reqs[j].when_subtypes));
        for (size_t k = 0; k < s->nitems[f]; k++) {
            bool chosen_later = false;
            for (size_t j = i + 1; j < rule->nreqs; j++)
                chosen_later |= (int)rule->reqs[j].field == f && chosen[j] == (long)k;
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
                                at, field_names[f], END);
            n->entry_type = (int)field_type[f];
            if (!loc_set) {
                res->loc = at;
                loc_set = true;
            }
        } else if (!loc_set && s->nitems[f]) {
            res->loc = s->items_loc[f];
        }
    }
    res->verdict = verdict_of(worst);
}

static void check_person_assigned(ev *E, const iss_service *s, iss_result *res)
{
    if (s->quality_manager >= 0) {
        res->verdict = ISS_PASS;
        res->loc = s->qm_loc;
        note(res, ISS_MARK_PASS, M_QM_OK, s->qm_loc, person_id(E, (size_t)s->quality_manager), END);
    } else {
        res->verdict = ISS_FAIL;
        res->loc = s->loc;
        note(res, ISS_MARK_FAIL, M_QM_MISSING, s->loc, END);
    }
}

static void check_manual_sections(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *rule = res->rule;
    bool tpl = rule->source == ISS_SECTIONS_REPORT_TEMPLATE;
    bool has = tpl ? s->has_template : s->has_manual;
    const iss_strs *given = tpl ? &s->template_sections : &s->manual_sections;
    iss_verdict missing = rule->missing_review ? ISS_REVIEW : ISS_FAIL;
    iss_mark mark = rule->missing_review ? ISS_MARK_REVIEW : ISS_MARK_FAIL;
    if (!has) {
        res->verdict = missing;
        res->loc = s->loc;
        note(res, mark, tpl ? M_TEMPLATE_MISSING : M_MANUAL_MISSING, s->loc, END);
        return;
    }
    res->loc = tpl ? s->template_loc : s->manual_loc;
    res->verdict = ISS_PASS;
    for (size_t i = 0; i < rule->nsections; i++) {
        const iss_section *sec = &rule->sections[i];
        bool in = strs_has(given, sec->id);
        const char *clause =
            sec->clause && *sec->clause ? iss_arena_printf(E->r->arena, "%s ", sec->clause) : "";
        iss_note *n = note(res, in ? ISS_MARK_PASS : mark, in ? M_SECTION_OK : M_SECTION_MISSING,
                           given->loc, clause, sec->ja, sec->id, END);
        n->args_en[1] = sec->en;
        if (!in)
            res->verdict = missing;
    }
    evidence(E, res, tpl ? &s->template_evidence : &s->manual_evidence, res->loc);
}

static bool on_staff(const iss_engagement *e, size_t p)
{
    return in_list(e->staff, e->nstaff, p);
}

/* One document of one case under one alternative. */
static status judge_document(ev *E, iss_result *res, const iss_engagement *e, const char *doc,
                             const iss_alternative *alt)
{
    status best = ST_NO;
    bool any = false;
    const iss_rule *qr = res->rule->qualified_rule;
    for (size_t i = 0; i < e->nreviews; i++) {
        const iss_review *rv = &e->reviews[i];
        if (strcmp(rv->document.s, doc) != 0)
            continue;
        any = true;
        const char *by = person_id(E, rv->by);
        status st;
        switch (alt->reviewer) {
        case ISS_REVIEWER_INDEPENDENT:
            st = on_staff(e, rv->by) ? ST_NO : ST_YES;
            if (st == ST_NO)
                note(res, ISS_MARK_FAIL, M_CASE_NOT_INDEPENDENT, rv->loc, e->id.s, doc, by, END);
            break;
        case ISS_REVIEWER_STAFF_OR_QUALIFIED:
            st = on_staff(e, rv->by) ? ST_YES : meets_rule(E, rv->by, qr);
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
    iss_day ws = iss_window_start(E->ref, (int)rule->window_years);
    status worst = ST_YES;
    size_t checked = 0;
    res->loc = s->loc;
    bool fail_loc = false, left_out = false;
    for (size_t i = 0; i < E->d->nengagements; i++) {
        const iss_engagement *e = &E->d->engagements[i];
        if (e->owner >= 0 || e->category != s->category || e->start > E->ref)
            continue;
        if (!e->end || e->end > E->ref) {
            note(res, ISS_MARK_INFO, M_CASE_SKIPPED, e->loc, e->id.s, date_str(E, E->ref), END);
            left_out = true;
            continue;
        }
        if (e->end < ws) {
            left_out = true;
            continue;
        }
        checked++;
        status best = ST_NO;
        iss_result *alt_notes = iss_arena_alloc(E->r->arena, (rule->nalts + 1) * sizeof *alt_notes);
        size_t best_alt = 0;
        for (size_t a = 0; a < rule->nalts; a++) {
            iss_result *tmp = &alt_notes[a];
            tmp->rule = rule;
            status alt_st = ST_YES;
            const iss_alternative *alt = &rule->alts[a];
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
        for (size_t a = 0; a < rule->nalts; a++) {
            if (best != ST_NO && a != best_alt)
                continue;
            copy_notes(res, &alt_notes[a]);
        }
        for (size_t a = 0; a < rule->nalts; a++)
            free(alt_notes[a].notes);
        if (best < worst)
            worst = best;
        /* the verdict rests on the first failing case, else on the first case */
        if (!fail_loc && (best == ST_NO || checked == 1))
            res->loc = e->loc;
        fail_loc |= best == ST_NO;
    }
    if (checked == 0) {
        note(res, ISS_MARK_REVIEW, M_NO_CASES, s->loc, date_str(E, ws), date_str(E, E->ref), END);
        res->verdict = ISS_REVIEW;
        reading_note(res, rule, "window_years");
        return;
    }
    res->verdict = verdict_of(worst);
    if (left_out) /* which cases were checked decided the verdict (reading 12) */
        reading_note(res, rule, "window_years");
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
        const char *when = date_str(E, a->date);
        if (a->date > E->ref) {
            note(res, ISS_MARK_INFO, M_AUDIT_LATE, a->loc, when, END);
            continue;
        }
        if (a->auditor >= 0 && staff_case[a->auditor] >= 0) {
            note(res, ISS_MARK_INFO, M_AUDIT_NOT_INDEPENDENT, a->loc, when,
                 person_id(E, (size_t)a->auditor), d->engagements[staff_case[a->auditor]].id.s,
                 END);
            staff_rejected = true;
            continue;
        }
        const char *who = a->auditor >= 0 ? person_id(E, (size_t)a->auditor) : a->auditor_org.s;
        iss_note *n = note(res, ISS_MARK_PASS, M_AUDIT_OK, a->loc, when,
                           a->external ? "外部監査" : "内部監査", who, END);
        n->args_en[1] = a->external ? "external" : "internal";
        evidence(E, res, &a->evidence, a->loc);
        valid++;
    }
    if (!valid) {
        /* the audits that did not count are why the rule fails: say so first */
        for (size_t k = first_rejected; k < res->nnotes; k++)
            if (res->notes[k].msg == M_AUDIT_LATE || res->notes[k].msg == M_AUDIT_NOT_INDEPENDENT)
                res->notes[k].mark = ISS_MARK_FAIL;
        note(res, ISS_MARK_FAIL, M_NO_AUDIT, d->protection_loc, date_str(E, E->ref), END);
        res->verdict = ISS_FAIL;
        if (staff_rejected)
            reading_note(res, res->rule, "check");
    }
}

static void check_statement(ev *E, const iss_service *s, iss_result *res)
{
    (void)E;
    const iss_rule *rule = res->rule;
    bool all = true;
    res->loc = s->loc;
    for (size_t i = 0; i < rule->statements.n; i++) {
        const char *id = rule->statements.v[i].s;
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
        note(res, rule->when_present_pass ? ISS_MARK_PASS : ISS_MARK_REVIEW, M_STATEMENT_OK,
             st->text.loc, id, st->text.s, END);
        evidence(E, res, &st->evidence, st->text.loc);
    }
    if (!all)
        res->verdict = ISS_FAIL;
    else if (rule->when_present_pass)
        res->verdict = ISS_PASS;
    else {
        res->verdict = ISS_REVIEW;
        note(res, ISS_MARK_REVIEW, M_STATEMENT_JUDGE, res->loc, END);
    }
}

/* ---- prerequisite: another category applied for, or registered ---- */

static void check_prerequisite(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *rule = res->rule;
    res->loc = s->loc;
    res->verdict = ISS_PASS;
    for (size_t i = 0; i < rule->requires.n; i++) {
        const char *code = rule->requires.v[i].s;
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
        for (size_t k = 0; rule->accept_registration && k < E->d->nregistrations; k++)
            if (iss_criteria_category(E->c, E->d->registrations[k].category.s) == ci)
                reg = &E->d->registrations[k];
        if (reg && reg->expires && reg->expires < E->ref) {
            note(res, ISS_MARK_FAIL, M_PREREQ_EXPIRED, reg->loc, cat->code, reg->number.s,
                 date_str(E, reg->expires), END);
            res->verdict = ISS_FAIL;
        } else if (reg) {
            note(res, ISS_MARK_PASS, M_PREREQ_REGISTERED, reg->loc, cat->code, reg->number.s, END);
            evidence(E, res, &reg->evidence, reg->loc);
            res->loc = reg->loc;
            reading_note(res, rule, "accept_registration");
        } else {
            note(res, ISS_MARK_FAIL,
                 rule->accept_registration ? M_PREREQ_MISSING : M_PREREQ_NOT_APPLIED, s->loc,
                 cat->code, END);
            res->verdict = ISS_FAIL;
        }
    }
}

/* ---- the trust items (this tool's reading of a draft) ---- */

static const char *yes_no(iss_tristate t, bool en)
{
    static const char *const ja[] = {"未記載", "なし", "あり"}, *const enw[] = {"not stated", "no",
                                                                                "yes"};
    return (en ? enw : ja)[t + 1];
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
static void trust_missing(iss_result *res, iss_loc loc, const char *ja, const char *en)
{
    note(res, ISS_MARK_FAIL, M_TRUST_MISSING, loc, ja, END)->args_en[0] = en;
    res->verdict = ISS_FAIL;
}

/* An item the section leaves out fails. */
static bool trust_present(ev *E, iss_result *res, iss_loc at, const char *ja, const char *en)
{
    if (at.line)
        return true;
    trust_missing(res, E->d->trust.loc, ja, en);
    res->loc = E->d->trust.loc;
    return false;
}

static void trust_judge(iss_result *res, const char *ja, const char *en)
{
    if (res->verdict == ISS_FAIL)
        return;
    iss_note *n = note(res, ISS_MARK_REVIEW, M_TRUST_JUDGE, res->loc, ja, END);
    n->args_en[0] = en;
    res->verdict = ISS_REVIEW;
}

static void trust_capital(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->capital_loc, "資本関係（capital）",
                       "the capital structure (capital)"))
        return;
    res->loc = t->capital_loc;
    long sum = 0;
    iss_buf above = {0};
    for (size_t i = 0; i < t->nholders; i++) {
        const iss_holder *h = &t->holders[i];
        sum += h->share;
        iss_note *n = note(res, ISS_MARK_INFO, M_HOLDER, h->loc, h->name.s, h->country.s,
                           pct_str(E, h->share), h->parent ? "（親会社）" : "", END);
        n->args_en[3] = h->parent ? " (parent)" : "";
        evidence(E, res, &h->evidence, h->loc);
        if (h->parent || h->share >= res->rule->threshold)
            iss_buf_printf(&above, "%s%s (%s, %s%%)", above.len ? ", " : "", h->name.s,
                           h->country.s, pct_str(E, h->share));
    }
    if (!t->nholders)
        note(res, ISS_MARK_INFO, M_NONE_LISTED, t->capital_loc, "shareholders", END);
    evidence(E, res, &t->capital_evidence, t->capital_loc);
    if (sum > 10000) {
        note(res, ISS_MARK_FAIL, M_SHARES_OVER, t->capital_loc, pct_str(E, sum), END);
        res->verdict = ISS_FAIL;
    }
    note(res, ISS_MARK_INFO, M_HOLDERS_ABOVE, t->capital_loc, pct_str(E, res->rule->threshold),
         above.s ? iss_arena_strdup(E->r->arena, above.s) : "—", END);
    iss_buf_free(&above);
    trust_judge(res, "資本関係（親会社・主要株主とその国）",
                "the capital structure (parents, major shareholders, their countries)");
}

static void trust_employees(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->employees_loc, "従業員の管理方法規程等（employees）",
                       "the employee-management rules (employees)"))
        return;
    res->loc = t->employees_loc;
    static const char *const ja[] = {"秘密保持（confidentiality）", "教育・研修（training）",
                                     "退職時の手続（leaving）"};
    static const char *const en[] = {"confidentiality undertakings (confidentiality)",
                                     "training (training)", "leaving procedures (leaving)"};
    const iss_rulebook *books[] = {&t->confidentiality, &t->training, &t->leaving};
    for (int i = 0; i < 3; i++) {
        if (!books[i]->loc.line) {
            trust_missing(res, t->employees_loc, ja[i], en[i]);
            continue;
        }
        iss_note *n =
            note(res, ISS_MARK_INFO, M_RULEBOOK, books[i]->loc, ja[i], books[i]->document.s, END);
        n->args_en[0] = en[i];
        evidence(E, res, &books[i]->evidence, books[i]->loc);
    }
    trust_judge(res, "規程の内容と運用", "the rules' content and how they are applied");
}

static void trust_coverage(ev *E, const iss_trust *t, iss_result *res)
{
    const iss_decl *d = E->d;
    if (!trust_present(E, res, t->covers_loc, "秘密保持の対象者（employees.covers）",
                       "the persons the confidentiality rules cover (employees.covers)"))
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
            iss_buf_printf(&who, "%s%s", missing++ ? ", " : "", person_id(E, p));
    if (missing) {
        note(res, ISS_MARK_FAIL, M_NOT_COVERED, t->covers_loc, iss_arena_strdup(E->r->arena, who.s),
             END);
        res->verdict = ISS_FAIL;
    } else {
        note(res, ISS_MARK_PASS, M_COVERED, t->covers_loc, num_str(E, (long)handling), END);
    }
    iss_buf_free(&who);
}

static void trust_certifications(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->information_loc, "情報に関する管理体制（information）",
                       "the information-management system (information)"))
        return;
    res->loc = t->information_loc;
    for (size_t i = 0; i < t->ncerts; i++) {
        const iss_certification *c = &t->certs[i];
        bool expired = c->expires < E->ref;
        note(res, expired ? ISS_MARK_FAIL : ISS_MARK_INFO, expired ? M_CERT_EXPIRED : M_CERT_OK,
             c->loc, c->name.s, c->number.s, date_str(E, c->expires), END);
        evidence(E, res, &c->evidence, c->loc);
        if (expired)
            res->verdict = ISS_FAIL;
    }
    if (!t->ncerts)
        note(res, ISS_MARK_INFO, M_CERT_NONE, t->information_loc, END);
    trust_judge(res, "情報管理体制（認証の範囲と有効性）",
                "the information-management system (scope and validity of certifications)");
}

static void trust_storage(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->storage_loc, "顧客情報の保管場所（information.storage）",
                       "where customer data is stored (information.storage)"))
        return;
    res->loc = t->storage_loc;
    for (size_t i = 0; i < t->nstorage; i++)
        note(res, ISS_MARK_INFO, M_STORAGE, t->storage[i].loc, t->storage[i].data.s,
             t->storage[i].location.s, t->storage[i].country.s, END);
    if (!t->nstorage)
        trust_missing(res, t->storage_loc, "保管場所", "any storage place");
    trust_judge(res, "保管場所と国", "the storage places and their countries");
}

static void trust_subcontracting(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->subcontractors_loc,
                       "業務委託（subcontractors; 委託しない場合は []）",
                       "subcontracting (subcontractors; [] when none)"))
        return;
    res->loc = t->subcontractors_loc;
    if (!t->nsubs)
        note(res, ISS_MARK_INFO, M_NONE_LISTED, t->subcontractors_loc, "subcontractors", END);
    for (size_t i = 0; i < t->nsubs; i++) {
        const iss_subcontractor *sc = &t->subs[i];
        if (sc->customer_data == ISS_UNSTATED ||
            (sc->customer_data == ISS_YES && sc->confidentiality == ISS_UNSTATED)) {
            bool data = sc->customer_data == ISS_UNSTATED;
            iss_note *n =
                note(res, ISS_MARK_FAIL, M_SUB_UNSTATED, sc->loc, sc->name.s, sc->country.s,
                     data ? "顧客情報を渡すか（customer_data）" : "秘密保持条項（confidentiality）",
                     END);
            n->args_en[2] = data ? "whether customer data is passed on (customer_data)"
                                 : "whether the contract binds confidentiality (confidentiality)";
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
        evidence(E, res, &sc->evidence, sc->loc);
    }
    trust_judge(res, "委託先とその国、委託の範囲",
                "the subcontractors, their countries and what they do");
}

static void trust_tools(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->tools_loc, "使用ツール（tools）", "the tools used (tools)"))
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
        evidence(E, res, &tl->evidence, tl->loc);
    }
    trust_judge(res, "ツールの提供元・国と顧客情報の流れ",
                "the tools' vendors, countries and where customer data goes");
}

static void trust_security(ev *E, const iss_trust *t, iss_result *res)
{
    if (!trust_present(E, res, t->security_loc, "自社のサイバーセキュリティ対策（security）",
                       "the provider's own security measures (security)"))
        return;
    res->loc = t->security_loc;
    for (size_t i = 0; i < t->nmeasures; i++) {
        note(res, ISS_MARK_INFO, M_MEASURE, t->measures[i].loc, t->measures[i].measure.s, END);
        evidence(E, res, &t->measures[i].evidence, t->measures[i].loc);
    }
    if (!t->nmeasures)
        trust_missing(res, t->security_loc, "対策", "any measure");
    trust_judge(res, "対策の内容", "the measures' substance");
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
    items[res->rule->trust_item](E, &E->d->trust, res);
}

typedef void (*check_fn)(ev *, const iss_service *, iss_result *);
static const check_fn checks[] = {
    [ISS_CHECK_QUALIFIED_LEADS] = check_qualified_leads,
    [ISS_CHECK_DUAL_ROLE] = check_dual_role,
    [ISS_CHECK_REIJI_ITEMS] = check_reiji_items,
    [ISS_CHECK_PERSON_ASSIGNED] = check_person_assigned,
    [ISS_CHECK_MANUAL_SECTIONS] = check_manual_sections,
    [ISS_CHECK_CASE_REVIEW] = check_case_review,
    [ISS_CHECK_INFO_PROTECTION] = check_info_protection,
    [ISS_CHECK_STATEMENT] = check_statement,
    [ISS_CHECK_PREREQUISITE] = check_prerequisite,
    [ISS_CHECK_TRUST] = check_trust,
};

/* Each person's engagements (own cases as staff, prior ones as owner),
 * indexed once so every path is linear in the person's own records. */
static void index_engagements(ev *E)
{
    const iss_decl *d = E->d;
    E->eng_start = iss_arena_alloc(E->r->arena, (d->npersons + 2) * sizeof *E->eng_start);
    size_t total = 0;
    for (size_t i = 0; i < d->nengagements; i++) {
        const iss_engagement *e = &d->engagements[i];
        if (e->owner >= 0)
            E->eng_start[e->owner + 1]++;
        for (size_t k = 0; k < e->nstaff; k++)
            E->eng_start[e->staff[k] + 1]++;
        total += e->owner >= 0 ? 1 : e->nstaff;
    }
    for (size_t p = 0; p < d->npersons; p++)
        E->eng_start[p + 1] += E->eng_start[p];
    E->eng_of = iss_arena_alloc(E->r->arena, (total + 1) * sizeof *E->eng_of);
    size_t *fill = iss_xmalloc((d->npersons + 1) * sizeof *fill);
    memcpy(fill, E->eng_start, (d->npersons + 1) * sizeof *fill);
    for (size_t i = 0; i < d->nengagements; i++) {
        const iss_engagement *e = &d->engagements[i];
        if (e->owner >= 0)
            E->eng_of[fill[e->owner]++] = i;
        for (size_t k = 0; k < e->nstaff; k++)
            E->eng_of[fill[e->staff[k]]++] = i;
    }
    free(fill);
}

static void not_applied(iss_report *r, const iss_service *s, iss_result *res)
{
    const iss_rule *rule = res->rule;
    res->verdict = ISS_NA;
    iss_buf want = {0}, have = {0};
    for (size_t k = 0; k < rule->when_subtypes.n; k++)
        iss_buf_printf(&want, "%s%s", k ? ", " : "", rule->when_subtypes.v[k].s);
    for (size_t k = 0; k < s->subtypes.n; k++)
        iss_buf_printf(&have, "%s%s", k ? ", " : "", s->subtypes.v[k].s);
    note(res, ISS_MARK_INFO, M_NA_SUBTYPE, s->subtypes.loc, iss_arena_strdup(r->arena, want.s),
         iss_arena_strdup(r->arena, have.s ? have.s : "—"), END);
    iss_buf_free(&want);
    iss_buf_free(&have);
}

/* A rule of a draft set never passes on substance: what it finds met, a
 * person confirms.  A reading of this tool's own is said to be one. */
static void draft_cap(iss_report *r, iss_result *res)
{
    const iss_rule *rule = res->rule;
    /* a draft rule's verdict rests on its readings: all of them are said */
    for (size_t i = 0; rule->set->draft && i < rule->reading_on.n; i++)
        reading_note(res, rule, rule->reading_on.v[i].s);
    if (!rule->set->draft || res->verdict != ISS_PASS)
        return;
    res->verdict = ISS_REVIEW;
    note(res, ISS_MARK_REVIEW, M_DRAFT_CAP, res->loc,
         iss_arena_printf(r->arena, "%s %s", rule->set->title, rule->set->edition), END);
}

iss_report *iss_evaluate(const iss_decl *decl, iss_day as_of, iss_day today)
{
    return iss_evaluate_with(decl, as_of, today, NULL);
}

iss_report *iss_evaluate_with(const iss_decl *decl, iss_day as_of, iss_day today,
                              const iss_eval_options *opt)
{
    iss_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->arena = iss_arena_new();
    r->decl = decl;
    r->criteria = decl->criteria;
    if (as_of) {
        r->ref = as_of;
        r->ref_source = ISS_REF_OPTION;
    } else if (decl->reference_date) {
        r->ref = decl->reference_date;
        r->ref_source = ISS_REF_DECLARATION;
    } else {
        r->ref = today;
        r->ref_source = ISS_REF_TODAY;
    }
    ev E = {.r = r,
            .d = decl,
            .c = decl->criteria,
            .ref = r->ref,
            .require_evidence = opt && opt->require_evidence};
    r->require_evidence = E.require_evidence;
    E.relied = iss_arena_alloc(r->arena, decl->criteria->nentries + 1);
    index_engagements(&E);
    const iss_criteria *c = decl->criteria;
    r->results = iss_arena_alloc(r->arena, (c->nrules + 1) * sizeof *r->results);
    for (size_t ci = 0; ci < c->ncategories; ci++) {
        const iss_category *cat = &c->categories[ci];
        const iss_service *s = cat->section ? NULL : iss_decl_service(decl, ci);
        if (!cat->section && !s)
            continue;
        for (size_t i = 0; i < c->nrules; i++) {
            const iss_rule *rule = &c->rules[i];
            if (rule->category != ci)
                continue;
            iss_result *res = &r->results[r->nresults++];
            res->rule = rule;
            res->loc = s ? s->loc : decl->has_trust ? decl->trust.loc : decl->root_loc;
            if (cat->section && !decl->has_trust) {
                res->verdict = ISS_NA;
                note(res, ISS_MARK_INFO, M_NA_SECTION, decl->root_loc, cat->section, END);
            } else if (s && rule->when_subtypes.n && !applied_any(s, &rule->when_subtypes)) {
                not_applied(r, s, res);
            } else {
                E.unevidenced = false;
                E.npend = 0;
                checks[rule->kind](&E, s, res);
                if (E.unevidenced && res->verdict == ISS_PASS)
                    res->verdict = ISS_REVIEW;
                draft_cap(r, res);
                /* the unverified entries met count only when the verdict is
                 * review: a pass did not rest on them, and a fail was decided
                 * by something else */
                for (size_t k = 0; res->verdict == ISS_REVIEW && k < E.npend; k++)
                    E.relied[E.pend[k]] = true;
            }
            res->computed = res->verdict;
            r->counts[res->verdict]++;
        }
    }
    for (size_t i = 0; i < c->nentries; i++)
        r->unverified_relied += E.relied[i];
    free(E.noev);
    free(E.pend);
    return r;
}

static bool glob_any(const char *const *pats, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(pats[i], s, 0) == 0)
            return true;
    return false;
}

bool iss_selection_empty(const iss_selection *sel)
{
    return !sel || (sel->ncategories == 0 && sel->nrules == 0 && sel->nskip == 0);
}

bool iss_selection_keeps(const iss_selection *sel, const iss_criteria *c, const iss_rule *rule)
{
    if (iss_selection_empty(sel))
        return true;
    if (sel->ncategories) {
        bool in = false;
        for (size_t i = 0; i < sel->ncategories && !in; i++)
            in = iss_criteria_category(c, sel->categories[i]) == (int)rule->category;
        if (!in)
            return false;
    }
    if (sel->nrules && !glob_any(sel->rules, sel->nrules, rule->id))
        return false;
    return !glob_any(sel->skip, sel->nskip, rule->id);
}

void iss_report_select(iss_report *r, const iss_selection *sel)
{
    size_t kept = 0;
    memset(r->counts, 0, sizeof r->counts);
    for (size_t i = 0; i < r->nresults; i++) {
        iss_result res = r->results[i];
        if (!iss_selection_keeps(sel, r->criteria, res.rule)) {
            free(res.notes);
            r->omitted++;
            continue;
        }
        r->results[kept++] = res;
        r->counts[res.verdict]++;
    }
    r->nresults = kept;
}

void iss_report_free(iss_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nresults; i++)
        free(r->results[i].notes);
    iss_arena_free(r->arena);
    free(r);
}
