/* paths.c - the paths of a qualified_leads rule: a qualification, a
 * community role (or lecturing), a training on a 例示 list, or a track
 * record (track_record.c); loaded, evaluated for one person, explained. */
#include "checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const iss_contract_keys[] = {"single", "comprehensive", "continuing", "none", NULL};

/* A "category/kind" pair of a track-record path: the kind must be one of
 * the category's engagement kinds when the category is in this set; a
 * category of another set (a penetration test counted as VA d) is checked
 * when the sets are composed (iss_criteria_compose). */
static bool work_pair(iss_loader *L, const iss_str *w)
{
    const char *slash = strchr(w->s, '/');
    if (!slash || slash == w->s || !slash[1] || strchr(slash + 1, '/')) {
        iss_error(&L->c, w->loc, "work '%s' is not 'category/kind'", w->s);
        return false;
    }
    char *cat = iss_arena_strndup(L->cr->arena, w->s, (size_t)(slash - w->s));
    int ci = iss_criteria_category(L->cr, cat);
    if (ci < 0)
        return true;
    const iss_category *c = &L->cr->categories[ci];
    for (size_t k = 0; k < c->nkinds; k++)
        if (strcmp(c->kinds[k].code, slash + 1) == 0)
            return true;
    iss_error(&L->c, w->loc, "unknown engagement kind '%s' of category '%s'", slash + 1, cat);
    return false;
}

bool iss_load_path(iss_loader *L, const iss_node *n, iss_path *p)
{
    static const char *const keys[] = {"id",
                                       "clause",
                                       "type",
                                       "reiji",
                                       "lecturing_subject",
                                       "work",
                                       "work_review",
                                       "window_years",
                                       "min_cases",
                                       "per_year_contract",
                                       "min_years",
                                       "years_reading",
                                       NULL};
    if (!iss_expect_map(&L->c, n, "a path", keys))
        return false;
    iss_str id = {0}, clause = {0}, reiji = {0}, subj = {0}, reading = {0};
    int type = 0, contract = ISS_CONTRACT_NONE;
    p->loc = n->loc;
    bool ok = iss_get_str(&L->c, n, "id", true, &id) &
              iss_get_str(&L->c, n, "clause", false, &clause) &
              iss_load_enum(L, n, "type", iss_path_type_keys, &type);
    if (!ok)
        return false;
    p->type = (iss_path_type)type;
    const char *const *params = iss_path_params(p->type);
    for (size_t i = 0; i + 1 < 2 * n->n; i += 2) {
        const char *key = n->kids[i]->str;
        if (strcmp(key, "id") != 0 && strcmp(key, "clause") != 0 && strcmp(key, "type") != 0 &&
            iss_lookup(params, key) < 0) {
            iss_error(&L->c, n->kids[i]->loc, "'%s' is not a parameter of a %s path", key,
                      iss_path_type_name(p->type));
            ok = false;
        }
    }
    if (p->type == ISS_PATH_TRACK_RECORD) {
        ok &= iss_get_strs(&L->c, n, "work", true, &p->work) &
              iss_get_strs(&L->c, n, "work_review", false, &p->work_review) &
              iss_get_int(&L->c, n, "window_years", true, 1, 100, &p->window_years) &
              iss_get_int(&L->c, n, "min_cases", true, 1, 100000, &p->min_cases) &
              iss_get_int(&L->c, n, "min_years", false, 1, 1000, &p->min_years) &
              iss_get_str(&L->c, n, "years_reading", false, &reading);
        if (iss_map_get(n, "per_year_contract"))
            ok &= iss_load_enum(L, n, "per_year_contract", iss_contract_keys, &contract);
        if (reading.s && strcmp(reading.s, "window") != 0) {
            iss_error(&L->c, reading.loc, "years_reading must be 'window'");
            ok = false;
        }
        if (ok && p->work.n == 0) {
            iss_error(&L->c, p->work.loc, "work must not be empty");
            ok = false;
        }
        for (size_t i = 0; ok && i < p->work.n; i++)
            ok &= work_pair(L, &p->work.v[i]);
        for (size_t i = 0; ok && i < p->work_review.n; i++)
            ok &= work_pair(L, &p->work_review.v[i]);
    } else {
        ok &= iss_get_str(&L->c, n, "reiji", true, &reiji) &
              iss_get_str(&L->c, n, "lecturing_subject", false, &subj);
    }
    p->id = id.s;
    p->clause = clause.s ? clause.s : "";
    p->reiji = reiji.s;
    p->lecturing_subject = subj.s;
    p->per_year_contract = (iss_contract)contract;
    return ok;
}

static status qualification_path(ev *E, iss_result *res, size_t p, const iss_path *path)
{
    const iss_person *pe = &E->d->persons[p];
    const char *who = pe->id.s;
    status best = ST_NO;
    for (size_t i = 0; i < pe->nquals; i++) {
        const iss_qualification *q = &pe->quals[i];
        bool limit;
        const iss_entry *e =
            ev_lookup(E, res, who, ISS_ENTRY_QUALIFICATION, q->name.s, q->loc, &limit);
        bool relevant = q->equivalent || !e || iss_entry_on_list(e, path->reiji);
        if (relevant && q->acquired && q->acquired > E->ref) {
            note(res, ISS_MARK_INFO, M_QUAL_NOT_YET, q->loc, who, q->name.s,
                 ev_date(E, q->acquired), END);
            continue;
        }
        if (relevant && q->expires && q->expires < E->ref) {
            note(res, ISS_MARK_FAIL, M_QUAL_EXPIRED, q->loc, who, q->name.s, ev_date(E, q->expires),
                 END);
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
        status st = ev_judge_entry(E, res, who, ISS_ENTRY_QUALIFICATION, e, limit, q->name.s,
                                   q->equivalent, path->reiji, q->loc);
        if (st != ST_NO)
            st = ev_min(st, ev_claim_evidence(E, res, &q->evidence, q->loc));
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
        iss_note *n = note(res, ISS_MARK_INFO, M_DATED_LATE, loc, who, name, ev_date(E, date), END);
        if (n)
            n->entry_type = (int)type;
        return ST_NO;
    }
    status st = ev_judge_item(E, res, who, type, name, false, reiji, loc);
    if (st != ST_NO)
        st = ev_min(st, ev_claim_evidence(E, res, ev_ref, loc));
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
        status st = ev_claim_evidence(E, res, &l->evidence, l->loc);
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

status ev_path(ev *E, iss_result *res, size_t p, const iss_path *path, const iss_rule *rule)
{
    switch (path->type) {
    case ISS_PATH_QUALIFICATION:
        return qualification_path(E, res, p, path);
    case ISS_PATH_COMMUNITY:
        return community_path(E, res, p, path);
    case ISS_PATH_TRAINING:
        return training_path(E, res, p, path);
    case ISS_PATH_TRACK_RECORD:
        return ev_track_record(E, res, p, path, rule);
    }
    return ST_NO;
}

/* One catalogue-backed claim's branches, common to three path types. */
void ex_catalogue_branches(iss_buf *out, iss_lang lang, const char *what)
{
    iss_str_printf(out, S_EX_PATHS_THE_IS_NOT_IN, lang, what);
}

void ex_path(iss_buf *out, const iss_criteria *c, const iss_rule *r, const iss_path *p,
             iss_lang lang)
{
    bool parens = *p->clause && *p->clause != '(';
    iss_str_printf(out, S_EX_PATHS_PATH, lang, p->id, *p->clause ? (parens ? " (" : " ") : "",
                   p->clause, parens ? ")" : "");
    char on[128];
    snprintf(on, sizeof on, "%s.reiji", p->id);
    switch (p->type) {
    case ISS_PATH_QUALIFICATION:
        iss_str_printf(out, S_EX_PATHS_A_QUALIFICATION_PERSONS_QUALIFICATIONS, lang, p->reiji);
        ex_reading_ref(out, r, on, lang);
        iss_buf_puts(out, iss_string(S_EX_PATHS_ACQUIRED_AFTER_THE_REFERENCE, lang));
        ex_catalogue_branches(out, lang, iss_string(S_TYPE_QUALIFICATION, lang));
        iss_buf_puts(out, iss_string(S_EX_PATHS_OTHERWISE_A_VERIFIED_ENTRY, lang));
        break;
    case ISS_PATH_COMMUNITY:
        iss_str_printf(out, S_EX_PATHS_A_LECTURER_OR_LEADER, lang, p->reiji);
        ex_reading_ref(out, r, on, lang);
        if (p->lecturing_subject)
            iss_str_printf(out, S_EX_PATHS_OR_A_HIGHER_EDUCATION, lang, p->lecturing_subject);
        iss_buf_puts(out, iss_string(S_EX_PATHS_BEGUN_AFTER_THE_REFERENCE, lang));
        ex_catalogue_branches(out, lang, iss_string(S_EX_PATHS_COMMUNITY, lang));
        if (p->lecturing_subject)
            iss_buf_puts(out, iss_string(S_EX_PATHS_A_LECTURING_RECORD_ON, lang));
        iss_buf_puts(out, iss_string(S_EX_PATHS_OTHERWISE_A_VERIFIED_ENTRY, lang));
        break;
    case ISS_PATH_TRAINING:
        iss_str_printf(out, S_EX_PATHS_A_TRAINING_PERSONS_TRAININGS, lang, p->reiji);
        ex_reading_ref(out, r, on, lang);
        iss_buf_puts(out, iss_string(S_EX_PATHS_COMPLETED_AFTER_THE_REFERENCE, lang));
        ex_catalogue_branches(out, lang, iss_string(S_TYPE_TRAINING, lang));
        iss_buf_puts(out, iss_string(S_EX_PATHS_OTHERWISE_A_VERIFIED_ENTRY, lang));
        break;
    case ISS_PATH_TRACK_RECORD:
        ex_track_record(out, c, r, p, lang);
        break;
    }
}

static const char *path_value(const iss_path *p, const char *key, iss_buf *tmp)
{
    if (strcmp(key, "reiji") == 0)
        return p->reiji;
    if (strcmp(key, "lecturing_subject") == 0)
        return p->lecturing_subject;
    if (strcmp(key, "work") == 0)
        return ex_strs_value(tmp, &p->work);
    if (strcmp(key, "work_review") == 0)
        return ex_strs_value(tmp, &p->work_review);
    if (strcmp(key, "per_year_contract") == 0)
        return p->per_year_contract == ISS_CONTRACT_NONE ? NULL
                                                         : iss_contract_keys[p->per_year_contract];
    long v = strcmp(key, "window_years") == 0 ? p->window_years
             : strcmp(key, "min_cases") == 0  ? p->min_cases
             : strcmp(key, "min_years") == 0  ? p->min_years
                                              : 0;
    if (strcmp(key, "years_reading") == 0 && p->min_years)
        return "window";
    if (!v)
        return NULL;
    iss_buf_printf(tmp, "%ld", v);
    return tmp->s;
}

/* The parameters of each path, with their values and what they mean. */
bool ex_path_params(iss_buf *out, const iss_rule *r, iss_lang lang)
{
    for (size_t k = 0; k < r->leads.npaths; k++) {
        const iss_path *p = &r->leads.paths[k];
        char scope[64];
        snprintf(scope, sizeof scope, "path:%s", iss_path_type_name(p->type));
        iss_buf_printf(out, "  paths[%s].type: %s\n", p->id, iss_path_type_name(p->type));
        const char *const *pk = iss_path_params(p->type);
        for (size_t i = 0; pk[i]; i++) {
            iss_buf tmp = {0};
            const char *v = path_value(p, pk[i], &tmp);
            const char *doc = iss_param_doc(scope, pk[i], lang);
            if (v)
                iss_buf_printf(out, "  paths[%s].%s: %s — %s\n", p->id, pk[i], v, doc ? doc : "?");
            iss_buf_free(&tmp);
        }
    }
    return r->leads.npaths > 0;
}

bool iss_path_reading_target(const iss_path *p, const char *key)
{
    if (p->type != ISS_PATH_TRACK_RECORD)
        return strcmp(key, "reiji") == 0 ||
               (strcmp(key, "lecturing_subject") == 0 && p->lecturing_subject);
    return strcmp(key, "work") == 0 || strcmp(key, "window_years") == 0 ||
           strcmp(key, "min_cases") == 0 || (strcmp(key, "work_review") == 0 && p->work_review.n) ||
           (strcmp(key, "min_years") == 0 && p->min_years) ||
           (strcmp(key, "per_year_contract") == 0 && p->per_year_contract != ISS_CONTRACT_NONE);
}

/* A track-record path: the readings its parameters need (work of another
 * category, work counted subject to review, the window, per-year
 * contracts, operating years).  Another path: its 例示 list, unless a
 * reading says why no entry is on it. */
void iss_lint_path(iss_loader *L, const iss_rule *r, const iss_path *p)
{
    static const iss_entry_type path_entry[] = {ISS_ENTRY_QUALIFICATION, ISS_ENTRY_COMMUNITY,
                                                ISS_ENTRY_TRAINING};
    char on[256];
    if (p->type != ISS_PATH_TRACK_RECORD) {
        snprintf(on, sizeof on, "%s.reiji", p->id);
        if (iss_rule_reading(r, on) < 0)
            iss_lint_list(L, r, p->reiji, path_entry[p->type], p->loc);
        return;
    }
    const char *own = L->cr->categories[r->category].code;
    bool other = false;
    for (size_t w = 0; w < p->work.n; w++) {
        size_t len = strlen(own);
        other |= strncmp(p->work.v[w].s, own, len) != 0 || p->work.v[w].s[len] != '/';
    }
    snprintf(on, sizeof on, "%s.work", p->id);
    if (other)
        iss_lint_needs_reading(L, r, p->work.loc, on);
    snprintf(on, sizeof on, "%s.work_review", p->id);
    if (p->work_review.n)
        iss_lint_needs_reading(L, r, p->work_review.loc, on);
    snprintf(on, sizeof on, "%s.window_years", p->id);
    iss_lint_needs_reading(L, r, p->loc, on);
    snprintf(on, sizeof on, "%s.per_year_contract", p->id);
    if (p->per_year_contract != ISS_CONTRACT_NONE)
        iss_lint_needs_reading(L, r, p->loc, on);
    snprintf(on, sizeof on, "%s.min_years", p->id);
    if (p->min_years)
        iss_lint_needs_reading(L, r, p->loc, on);
}
