/* eval.c - a declaration evaluated against a criteria set: every rule of
 * the categories applied for, by its check kind (src/lib/checks/, one
 * module per kind, each a function from rule, declaration and reference
 * date to a verdict record), and what the kinds share: notes, evidence,
 * catalogue look-ups.  Where the three-year window is computed: dates.c
 * (iss_window_start); how cases are counted in it:
 * checks/track_record.c.
 */
#include "checks/checks.h"

#include <fnmatch.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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

const char *ev_date(ev *E, iss_day day)
{
    char buf[ISS_DATE_SIZE];
    iss_date_format(day, buf);
    return iss_arena_strdup(E->r->arena, buf);
}

/* A count as text, written digit by digit: several per rule and file,
 * and printf's machinery costs more than the digits. */
const char *ev_num(ev *E, long n)
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

iss_mark ev_mark(status s)
{
    return s == ST_YES ? ISS_MARK_PASS : s == ST_REVIEW ? ISS_MARK_REVIEW : ISS_MARK_FAIL;
}

iss_verdict ev_verdict(status s)
{
    return s == ST_YES ? ISS_PASS : s == ST_REVIEW ? ISS_REVIEW : ISS_FAIL;
}

/* The evidence document a claim (written at loc) names, as a note; one
 * that names none is always listed, and with --require-evidence it is
 * review: the returned status caps a claim at review. */
status ev_claim_evidence(ev *E, iss_result *res, const iss_str *ev_ref, iss_loc loc)
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
void ev_evidence(ev *E, iss_result *res, const iss_str *ev_ref, iss_loc loc)
{
    if (ev_claim_evidence(E, res, ev_ref, loc) != ST_YES)
        E->unevidenced = true;
}

status ev_min(status a, status b)
{
    return a < b ? a : b;
}

const char *ev_person(ev *E, size_t p)
{
    return E->d->persons[p].id.s;
}

/* The rule's reading on `on`, as a note, once per result: the reading
 * decided (part of) the verdict. */
void ev_reading_note(iss_result *res, const iss_rule *rule, const char *on)
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
const iss_entry *ev_lookup(ev *E, iss_result *res, const char *who, iss_entry_type type,
                           const char *name, iss_loc loc, bool *limit)
{
    const iss_entry *hit = NULL;
    const iss_entry *e = iss_catalogue_lookup(E->c, type, name, &hit);
    *limit = !e && hit;
    if (*limit)
        note(res, ISS_MARK_REVIEW, M_PATTERN_LIMIT, loc, who, hit->id, name, END);
    return e;
}

/* A name that is no entry of the type it is claimed as, looked up among
 * the other types: the entry it is (a training on 例示3-2 claimed as
 * 例示7-3 education), or NULL.  Only to say so: the claim is still one of
 * equivalence to the list it was claimed for (「又は同等のもの」), which
 * only an examiner decides; a pattern that gives up here is not noted (the
 * look-up under the claimed type decided the verdict). */
static const iss_entry *other_type_entry(const ev *E, iss_entry_type type, const char *name)
{
    for (int t = ISS_ENTRY_QUALIFICATION; t <= ISS_ENTRY_EDUCATION; t++) {
        const iss_entry *e =
            t == (int)type ? NULL : iss_catalogue_lookup(E->c, (iss_entry_type)t, name, NULL);
        if (e)
            return e;
    }
    return NULL;
}

/* The claim of name, which is no entry of its type: review, and the note
 * names the entry of another type it is, when it is one. */
static iss_note *note_unknown(ev *E, iss_result *res, const char *who, iss_entry_type type,
                              const char *name, const char *reiji, iss_loc loc)
{
    const iss_entry *other = res ? other_type_entry(E, type, name) : NULL;
    if (!other)
        return note(res, ISS_MARK_REVIEW, M_ITEM_UNKNOWN, loc, who, name, reiji, END);
    iss_buf lists = {0};
    iss_strs_join(&lists, &other->lists, ", ");
    const char *on = iss_arena_strdup(E->r->arena, lists.s ? lists.s : "");
    iss_buf_free(&lists);
    iss_str_id word = (iss_str_id)(S_TYPE_QUALIFICATION + other->type);
    iss_note *n = note(res, ISS_MARK_REVIEW, M_ITEM_OTHER_TYPE, loc, who, name, reiji, other->name,
                       on, iss_string(word, ISS_LANG_JA), END);
    if (n)
        n->args_en[5] = iss_string(word, ISS_LANG_EN);
    return n;
}

/* One declared name (already looked up as e) against the 例示 list reiji. */
status ev_judge_entry(ev *E, iss_result *res, const char *who, iss_entry_type type,
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
        n = note_unknown(E, res, who, type, name, reiji, loc);
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

status ev_judge_item(ev *E, iss_result *res, const char *who, iss_entry_type type, const char *name,
                     bool equivalent, const char *reiji, iss_loc loc)
{
    bool limit;
    const iss_entry *e = ev_lookup(E, res, who, type, name, loc, &limit);
    return ev_judge_entry(E, res, who, type, e, limit, name, equivalent, reiji, loc);
}

const iss_lead_group *ev_find_group(const iss_service *s, const char *key)
{
    for (size_t i = 0; i < s->ngroups; i++)
        if (strcmp(s->groups[i].key, key) == 0)
            return &s->groups[i];
    return NULL;
}

bool ev_in_list(const size_t *v, size_t n, size_t x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return true;
    return false;
}

const char *ev_id_list(ev *E, const size_t *v, size_t n)
{
    if (n == 0)
        return "—";
    iss_buf b = {0};
    for (size_t i = 0; i < n; i++)
        iss_buf_printf(&b, "%s%s", i ? ", " : "", ev_person(E, v[i]));
    const char *s = iss_arena_strdup(E->r->arena, b.s);
    iss_buf_free(&b);
    return s;
}

bool ev_applied_any(const iss_service *s, const iss_strs *subtypes)
{
    for (size_t i = 0; i < s->subtypes.n; i++)
        if (iss_strs_has(subtypes, s->subtypes.v[i].s))
            return true;
    return false;
}

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
        ev_reading_note(res, rule, rule->reading_on.v[i].s);
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
    iss_report *r = iss_xcalloc(1, sizeof *r);
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
            } else if (s && rule->when_subtypes.n && !ev_applied_any(s, &rule->when_subtypes)) {
                not_applied(r, s, res);
            } else {
                E.unevidenced = false;
                E.npend = 0;
                iss_check_kinds[rule->kind]->evaluate(&E, s, res);
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
