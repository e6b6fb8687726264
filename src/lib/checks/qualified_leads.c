/* qualified_leads.c - a lead group of the service with at least one person
 * meeting a path (paths.c, track_record.c), and the per-path counts when
 * the rule has them disclosed. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static bool load(iss_loader *L, const iss_node *n, iss_rule *r)
{
    bool ok = true;
    const iss_node *list;
    iss_str group = {0};
    ok &= iss_get_str(&L->c, n, "group", true, &group) &
          iss_get_bool(&L->c, n, "disclose_counts", &r->leads.disclose_counts);
    r->leads.group = group.s;
    list = iss_load_seq(&L->c, n, "paths");
    if (!list)
        return false;
    if (list->n == 0) {
        iss_error(&L->c, list->loc, "paths must not be empty");
        return false;
    }
    r->leads.npaths = list->n;
    r->leads.paths = iss_arena_alloc(L->cr->arena, list->n * sizeof *r->leads.paths);
    for (size_t i = 0; i < list->n; i++) {
        ok &= iss_load_path(L, list->kids[i], &r->leads.paths[i]);
        for (size_t j = 0; ok && j < i; j++)
            if (strcmp(r->leads.paths[j].id, r->leads.paths[i].id) == 0) {
                iss_error(&L->c, list->kids[i]->loc, "path id '%s' used twice",
                          r->leads.paths[i].id);
                ok = false;
            }
    }
    return ok;
}

/* The track-record paths' findings first, then the 例示 lists', as the
 * lint has always listed them. */
static void lint(iss_loader *L, const iss_rule *r)
{
    for (size_t k = 0; k < r->leads.npaths; k++)
        if (r->leads.paths[k].type == ISS_PATH_TRACK_RECORD)
            iss_lint_path(L, r, &r->leads.paths[k]);
    for (size_t k = 0; k < r->leads.npaths; k++)
        if (r->leads.paths[k].type != ISS_PATH_TRACK_RECORD)
            iss_lint_path(L, r, &r->leads.paths[k]);
}

static bool reading_target(const iss_rule *r, const char *on)
{
    const char *dot = strchr(on, '.');
    for (size_t k = 0; dot && k < r->leads.npaths; k++) {
        const iss_path *p = &r->leads.paths[k];
        if (strlen(p->id) == (size_t)(dot - on) && strncmp(p->id, on, (size_t)(dot - on)) == 0)
            return iss_path_reading_target(p, dot + 1);
    }
    return false;
}

static long window(const iss_rule *r)
{
    long longest = 0;
    for (size_t k = 0; k < r->leads.npaths; k++)
        if (r->leads.paths[k].window_years > longest)
            longest = r->leads.paths[k].window_years;
    return longest;
}

/* Whether person p meets any path of a qualified_leads rule. */
status ev_meets_rule(ev *E, size_t p, const iss_rule *rule)
{
    status best = ST_NO;
    size_t mark = E->npend;
    for (size_t k = 0; k < rule->leads.npaths && best != ST_YES; k++) {
        status st = ev_path(E, NULL, p, &rule->leads.paths[k], rule);
        if (st > best)
            best = st;
    }
    if (best == ST_YES)
        E->npend = mark; /* met on verified ground: nothing unverified decided it */
    return best;
}

/* Why a lead meets no path: the paths, and when the rule has no
 * track-record path, that the person's cases of the category do not count. */
static void lead_meets_none(ev *E, iss_result *res, size_t p)
{
    const iss_rule *rule = res->rule;
    iss_buf paths = {0}, cases = {0};
    bool track = false;
    for (size_t k = 0; k < rule->leads.npaths; k++) {
        iss_buf_printf(&paths, "%s%s", k ? ", " : "", rule->leads.paths[k].id);
        track |= rule->leads.paths[k].type == ISS_PATH_TRACK_RECORD;
    }
    for (size_t k = E->eng_start[p]; !track && k < E->eng_start[p + 1]; k++) {
        const iss_engagement *e = &E->d->engagements[E->eng_of[k]];
        if (e->category == rule->category)
            iss_buf_printf(&cases, "%s%s", cases.len ? ", " : "", e->id.s);
    }
    const char *ps = iss_arena_strdup(E->r->arena, paths.s ? paths.s : "");
    if (cases.len)
        note(res, ISS_MARK_FAIL, M_LEAD_MEETS_NONE_NO_TRACK, E->d->persons[p].loc, ev_person(E, p),
             ps, rule->id, iss_arena_strdup(E->r->arena, cases.s), END);
    else
        note(res, ISS_MARK_FAIL, M_LEAD_MEETS_NONE, E->d->persons[p].loc, ev_person(E, p), ps, END);
    iss_buf_free(&paths);
    iss_buf_free(&cases);
}

/* The per-path counts the group states (disclose_counts) against those
 * computed: missing, naming an unknown path, differing or incomplete
 * fails, at the counts.  computed: "path: n, …"; ids: the paths. */
static void check_counts(ev *E, const iss_lead_group *g, iss_result *res, const long *counts,
                         const char *computed, const char *ids)
{
    const iss_rule *rule = res->rule;
    bool counts_ok = true;
    if (!g->has_counts) {
        note(res, ISS_MARK_FAIL, M_COUNTS_MISSING, g->loc, iss_arena_strdup(E->r->arena, computed),
             END);
        counts_ok = false;
    } else {
        for (size_t i = 0; i < g->ncounts; i++) {
            const iss_stated_count *sc = &g->counts[i];
            size_t k = 0;
            while (k < rule->leads.npaths && strcmp(rule->leads.paths[k].id, sc->path.s) != 0)
                k++;
            if (k == rule->leads.npaths) {
                note(res, ISS_MARK_FAIL, M_COUNT_UNKNOWN, sc->path.loc, sc->path.s,
                     iss_arena_strdup(E->r->arena, ids), END);
                counts_ok = false;
            } else if (sc->count != counts[k]) {
                note(res, ISS_MARK_FAIL, M_COUNT_MISMATCH, sc->path.loc, sc->path.s,
                     ev_num(E, sc->count), ev_num(E, counts[k]), END);
                counts_ok = false;
            }
        }
        for (size_t k = 0; k < rule->leads.npaths; k++) {
            bool stated = false;
            for (size_t i = 0; i < g->ncounts; i++)
                stated |= strcmp(g->counts[i].path.s, rule->leads.paths[k].id) == 0;
            if (!stated) {
                note(res, ISS_MARK_FAIL, M_COUNT_ABSENT, g->counts_loc, rule->leads.paths[k].id,
                     ev_num(E, counts[k]), END);
                counts_ok = false;
            }
        }
    }
    if (!counts_ok) {
        res->verdict = ISS_FAIL;
        res->loc = g->has_counts ? g->counts_loc : g->loc;
    }
}

static void check_qualified_leads(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *rule = res->rule;
    const iss_lead_group *g = ev_find_group(s, rule->leads.group);
    if (!g || g->npersons == 0) {
        res->verdict = ISS_FAIL;
        res->loc = g ? g->loc : s->loc;
        note(res, ISS_MARK_FAIL, M_LEADS_NONE, res->loc, rule->leads.group, END);
        return;
    }
    res->loc = g->loc;
    long *counts = iss_arena_alloc(E->r->arena, rule->leads.npaths * sizeof *counts);
    status best = ST_NO;
    for (size_t i = 0; i < g->npersons; i++) {
        size_t p = g->persons[i];
        status pbest = ST_NO;
        iss_buf met = {0};
        size_t mark = E->npend;
        for (size_t k = 0; k < rule->leads.npaths; k++) {
            status st = ev_path(E, res, p, &rule->leads.paths[k], rule);
            if (st >= ST_REVIEW) {
                counts[k]++;
                iss_buf_printf(&met, "%s%s%s", met.len ? ", " : "", rule->leads.paths[k].id,
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
            note(res, ev_mark(pbest), M_LEAD_MEETS, E->d->persons[p].loc, ev_person(E, p),
                 iss_arena_strdup(E->r->arena, met.s), END);
        iss_buf_free(&met);
        if (pbest > best)
            best = pbest;
    }
    iss_buf computed = {0}, ids = {0};
    for (size_t k = 0; k < rule->leads.npaths; k++) {
        const char *label =
            rule->leads.paths[k].clause[0]
                ? iss_arena_printf(E->r->arena, "%s %s", rule->leads.paths[k].clause,
                                   rule->leads.paths[k].id)
                : rule->leads.paths[k].id;
        note(res, ISS_MARK_INFO, M_PATH_COUNT, g->loc, label, ev_num(E, counts[k]), END);
        iss_buf_printf(&computed, "%s%s: %ld", k ? ", " : "", rule->leads.paths[k].id, counts[k]);
        iss_buf_printf(&ids, "%s%s", k ? ", " : "", rule->leads.paths[k].id);
    }
    res->verdict = ev_verdict(best);
    if (best == ST_NO)
        note(res, ISS_MARK_FAIL, M_NO_LEAD_MEETS, g->loc, END);
    else if (best == ST_REVIEW)
        note(res, ISS_MARK_REVIEW, M_LEADS_REVIEW, g->loc, END);
    if (rule->leads.disclose_counts)
        check_counts(E, g, res, counts, computed.s, ids.s);
    iss_buf_free(&computed);
    iss_buf_free(&ids);
}

/* How the rule is evaluated: every branch its evaluation takes. */
static void explain(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    iss_str_printf(out, S_EX_QUALIFIED_LEADS_EACH_PERSON_LISTED_UNDER, lang, r->leads.group, cat);
    for (size_t i = 0; i < r->leads.npaths; i++)
        ex_path(out, c, r, &r->leads.paths[i], lang);
    iss_str_printf(out, S_EX_QUALIFIED_LEADS_SERVICES_MISSING_OR_NO, lang, r->leads.group);
    if (r->leads.disclose_counts) {
        iss_str_printf(out, S_EX_QUALIFIED_LEADS_THE_NUMBER_OF_PERSONS, lang, r->leads.group);
        for (size_t i = 0; i < r->leads.npaths; i++)
            iss_buf_printf(out, "%s%s", i ? ", " : "", r->leads.paths[i].id);
        iss_buf_puts(out, iss_string(S_EX_QUALIFIED_LEADS_COUNTING_PERSONS_WHO_MEET, lang));
    } else {
        iss_str_printf(out, S_EX_QUALIFIED_LEADS_SERVICES_COUNTS_IS_NOT, lang, r->leads.group);
    }
}

static const char *value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    if (strcmp(key, "group") == 0)
        return r->leads.group;
    if (strcmp(key, "disclose_counts") == 0)
        return r->leads.disclose_counts ? "true" : "false";
    if (strcmp(key, "paths") != 0)
        return NULL;
    for (size_t i = 0; i < r->leads.npaths; i++)
        iss_buf_printf(tmp, "%s%s", i ? ", " : "[", r->leads.paths[i].id);
    iss_buf_puts(tmp, "]");
    return tmp->s;
}

/* A declaration fragment that satisfies the rule. */
static void snippet(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    const iss_path *p = r->leads.npaths ? &r->leads.paths[0] : NULL;
    iss_buf_puts(y, "persons:\n  - id: P001\n");
    if (p && p->type == ISS_PATH_QUALIFICATION) {
        const char *name = ex_example_entry(c, ISS_ENTRY_QUALIFICATION, p->reiji);
        iss_buf_puts(y, "    qualifications:\n      - {name: ");
        ex_yaml_scalar(y, name ? name : iss_string(S_EX_QUALIFIED_LEADS_QUALIFICATION, lang));
        iss_buf_puts(y, ", acquired: 2024-04-01}\n");
    } else if (p && p->type == ISS_PATH_COMMUNITY) {
        const char *name = ex_example_entry(c, ISS_ENTRY_COMMUNITY, p->reiji);
        iss_buf_puts(y, "    community_roles:\n      - {community: ");
        ex_yaml_scalar(y, name ? name : iss_string(S_EX_QUALIFIED_LEADS_COMMUNITY, lang));
        iss_buf_puts(y, ", role: lecturer, from: 2024-04-01}\n");
    } else if (p && p->type == ISS_PATH_TRAINING) {
        const char *name = ex_example_entry(c, ISS_ENTRY_TRAINING, p->reiji);
        iss_buf_puts(y, "    trainings:\n      - {name: ");
        ex_yaml_scalar(y, name ? name : iss_string(S_EX_QUALIFIED_LEADS_TRAINING, lang));
        iss_buf_puts(y, ", completed: 2024-04-01}\n");
    } else if (p) {
        const char *w = p->work.n ? p->work.v[0].s : "";
        const char *slash = strchr(w, '/');
        iss_buf_printf(y, "engagements:   # %s\n",
                       iss_string(S_EX_QUALIFIED_LEADS_AND_MORE_UP_TO, lang));
        iss_buf_printf(y,
                       "  - {id: E001, category: %.*s, kind: %s, start: 2025-04-01, "
                       "end: 2025-04-30, contract: single, staff: [P001]}\n",
                       slash ? (int)(slash - w) : (int)strlen(cat), slash ? w : cat,
                       slash ? slash + 1 : "(kind)");
    }
    iss_buf_printf(y, "services:\n  - category: %s\n    %s:\n      persons: [P001]\n", cat,
                   r->leads.group);
    if (r->leads.disclose_counts) {
        iss_buf_puts(y, "      counts: {");
        for (size_t i = 0; r->leads.paths && i < r->leads.npaths; i++)
            iss_buf_printf(y, "%s%s: %d", i ? ", " : "", r->leads.paths[i].id, i == 0);
        iss_buf_puts(y, "}\n");
    }
}

/* Each lead group of the category, with the paths its rule accepts. */
static void service_template(const iss_tmpl *t, size_t k)
{
    iss_buf *o = t->out;
    const iss_criteria *c = t->c;
    const iss_category *cat = &c->categories[k];
    for (size_t g = 0; g < cat->ngroups; g++) {
        const iss_rule *r = tmpl_rule(c, k, ISS_CHECK_QUALIFIED_LEADS, cat->groups[g]);
        if (!r)
            continue;
        iss_buf_printf(o, "    # %s %s: %s\n", r->id, tmpl_title(t, r),
                       iss_string(S_TPL_QUALIFIED_LEADS_DESIGNATE_PERSONS_MEETING_ONE, t->lang));
        for (size_t i = 0; i < r->leads.npaths; i++) {
            const iss_path *p = &r->leads.paths[i];
            iss_buf_printf(o, "    #   %s", p->id);
            if (p->reiji)
                iss_str_printf(o, S_TPL_QUALIFIED_LEADS_REIJI, t->lang, p->reiji);
            /* the languages name the years and the cases in opposite orders */
            if (p->type == ISS_PATH_TRACK_RECORD)
                iss_str_printf(o, S_TPL_QUALIFIED_LEADS_TRACK_RECORD, t->lang,
                               t->lang == ISS_LANG_EN ? p->min_cases : p->window_years,
                               t->lang == ISS_LANG_EN ? p->window_years : p->min_cases);
            iss_buf_puts(o, "\n");
        }
        iss_buf_printf(o, "    %s:\n      persons: []\n", cat->groups[g]);
        if (r->leads.disclose_counts) {
            iss_buf_printf(o, "      # %s\n",
                           iss_string(S_TPL_QUALIFIED_LEADS_PERSONS_MEETING_EACH_PATH, t->lang));
            iss_buf_puts(o, "      counts: {");
            for (size_t i = 0; i < r->leads.npaths; i++)
                iss_buf_printf(o, "%s%s: 0", i ? ", " : "", r->leads.paths[i].id);
            iss_buf_puts(o, "}\n");
        }
    }
}

/* What each parameter means (isscheck explain). */
static const iss_param_text docs[] = {
    {"group", S_PARAM_QUALIFIED_LEADS_GROUP},
    {"disclose_counts", S_PARAM_QUALIFIED_LEADS_DISCLOSE_COUNTS},
    {"paths", S_PARAM_QUALIFIED_LEADS_PATHS},
    {NULL, 0},
};

static const char *const params[] = {"group", "disclose_counts", "paths", NULL};

const struct iss_check_kind iss_check_qualified_leads = {
    .params = params,
    .docs = docs,
    .load = load,
    .lint = lint,
    .reading_target = reading_target,
    .window = window,
    .evaluate = check_qualified_leads,
    .explain = explain,
    .value = value,
    .part_params = ex_path_params,
    .snippet = snippet,
    .service_template = service_template,
};
