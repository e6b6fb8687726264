/* manual_sections.c - the sections a service's manual (or report template)
 * must cover. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

/* where the sections are read, in iss_sections_source order: also the
 * declaration key of each */
static const char *const sources[] = {"manual", "report_template", NULL};

static bool load(iss_loader *L, const iss_node *n, iss_rule *r)
{
    static const char *const sec_keys[] = {"id", "clause", "ja", "en", NULL};
    bool ok = true;
    const iss_node *list;
    int src = ISS_SECTIONS_MANUAL;
    iss_str wm = {0};
    if (iss_map_get(n, "source"))
        ok &= iss_load_enum(L, n, "source", sources, &src);
    r->sections.source = (iss_sections_source)src;
    ok &= iss_get_str(&L->c, n, "when_missing", false, &wm);
    if (wm.s && strcmp(wm.s, "fail") != 0 && strcmp(wm.s, "review") != 0) {
        iss_error(&L->c, wm.loc, "when_missing must be 'fail' or 'review'");
        ok = false;
    }
    r->sections.missing_review = wm.s && strcmp(wm.s, "review") == 0;
    list = iss_load_seq(&L->c, n, "sections");
    if (!list)
        return false;
    r->sections.nsections = list->n;
    r->sections.sections =
        iss_arena_alloc(L->cr->arena, (list->n + 1) * sizeof *r->sections.sections);
    for (size_t i = 0; i < list->n; i++) {
        const iss_node *m = list->kids[i];
        iss_str id = {0}, clause = {0}, ja = {0}, en = {0};
        if (!iss_expect_map(&L->c, m, "a section", sec_keys)) {
            ok = false;
            continue;
        }
        ok &= iss_get_str(&L->c, m, "id", true, &id) &
              iss_get_str(&L->c, m, "clause", false, &clause) &
              iss_get_str(&L->c, m, "ja", true, &ja) & iss_get_str(&L->c, m, "en", true, &en);
        r->sections.sections[i] =
            (iss_section){.id = id.s, .clause = clause.s, .ja = ja.s, .en = en.s};
    }
    return ok;
}

static void check_manual_sections(ev *E, const iss_service *s, iss_result *res)
{
    const iss_rule *rule = res->rule;
    bool tpl = rule->sections.source == ISS_SECTIONS_REPORT_TEMPLATE;
    bool has = tpl ? s->has_template : s->has_manual;
    const iss_strs *given = tpl ? &s->template_sections : &s->manual_sections;
    iss_verdict missing = rule->sections.missing_review ? ISS_REVIEW : ISS_FAIL;
    iss_mark mark = rule->sections.missing_review ? ISS_MARK_REVIEW : ISS_MARK_FAIL;
    if (!has) {
        res->verdict = missing;
        res->loc = s->loc;
        note(res, mark, tpl ? M_TEMPLATE_MISSING : M_MANUAL_MISSING, s->loc, END);
        return;
    }
    res->loc = tpl ? s->template_loc : s->manual_loc;
    res->verdict = ISS_PASS;
    for (size_t i = 0; i < rule->sections.nsections; i++) {
        const iss_section *sec = &rule->sections.sections[i];
        bool in = iss_strs_has(given, sec->id);
        const char *clause =
            sec->clause && *sec->clause ? iss_arena_printf(E->r->arena, "%s ", sec->clause) : "";
        iss_note *n = note(res, in ? ISS_MARK_PASS : mark, in ? M_SECTION_OK : M_SECTION_MISSING,
                           given->loc, clause, sec->ja, sec->id, END);
        n->args_en[1] = sec->en;
        if (!in)
            res->verdict = missing;
    }
    ev_evidence(E, res, tpl ? &s->template_evidence : &s->manual_evidence, res->loc);
}

/* How the rule is evaluated: every branch its evaluation takes. */
static void explain(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    (void)c;
    const char *where = sources[r->sections.source];
    iss_str_printf(out, S_EX_MANUAL_SECTIONS_SERVICES_SECTIONS_MUST_INCLUDE, lang, where);
    for (size_t i = 0; i < r->sections.nsections; i++)
        iss_buf_printf(out, "  - %s: %s%s%s\n", r->sections.sections[i].id,
                       lang == ISS_LANG_EN ? r->sections.sections[i].en
                                           : r->sections.sections[i].ja,
                       r->sections.sections[i].clause && *r->sections.sections[i].clause ? " " : "",
                       r->sections.sections[i].clause ? r->sections.sections[i].clause : "");
    const char *miss = r->sections.missing_review ? iss_string(S_EX_MANUAL_SECTIONS_REVIEW, lang)
                                                  : iss_string(S_EX_MANUAL_SECTIONS_FAIL, lang);
    iss_str_printf(out, S_EX_MANUAL_SECTIONS_SERVICES_MISSING_A_SECTION, lang, where, miss, miss);
}

static const char *value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    if (strcmp(key, "sections") == 0) {
        iss_buf_printf(tmp, "(%zu)", r->sections.nsections);
        return tmp->s;
    }
    if (strcmp(key, "source") == 0)
        return sources[r->sections.source];
    if (strcmp(key, "when_missing") == 0)
        return r->sections.missing_review ? "review" : "fail";
    return NULL;
}

/* A declaration fragment that satisfies the rule. */
static void snippet(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    const char *where = sources[r->sections.source];
    iss_buf_printf(y, "services:\n  - category: %s\n    %s:\n      sections: [", cat, where);
    for (size_t i = 0; i < r->sections.nsections; i++)
        iss_buf_printf(y, "%s%s", i ? ", " : "", r->sections.sections[i].id);
    iss_buf_printf(y, "]\n      evidence: %s\n",
                   iss_string(S_EX_MANUAL_SECTIONS_DOCUMENT_VERSION, lang));
}

/* The manual, or by its source the report template. */
static void service_template(const iss_tmpl *t, size_t k)
{
    iss_buf *o = t->out;
    const iss_criteria *c = t->c;
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *q = &c->rules[i];
        if (q->category != k || q->kind != ISS_CHECK_MANUAL_SECTIONS)
            continue;
        bool tpl = q->sections.source == ISS_SECTIONS_REPORT_TEMPLATE;
        iss_buf_printf(o, "    # %s %s: %s\n", q->id, tmpl_title(t, q),
                       tpl ? iss_string(S_TPL_MANUAL_SECTIONS_THE_CONTENTS_THE_REPORT, t->lang)
                           : iss_string(S_TPL_MANUAL_SECTIONS_THE_TOPICS_THE_MANUAL, t->lang));
        for (size_t j = 0; j < q->sections.nsections; j++)
            iss_buf_printf(o, "    #   %s: %s\n", q->sections.sections[j].id,
                           t->lang == ISS_LANG_EN ? q->sections.sections[j].en
                                                  : q->sections.sections[j].ja);
        iss_buf_printf(o, "    %s:\n      sections: []\n      evidence: ~\n",
                       sources[q->sections.source]);
    }
}

/* What each parameter means (isscheck explain). */
static const iss_param_text docs[] = {
    {"sections", S_PARAM_MANUAL_SECTIONS_SECTIONS},
    {"source", S_PARAM_MANUAL_SECTIONS_SOURCE},
    {"when_missing", S_PARAM_MANUAL_SECTIONS_WHEN_MISSING},
    {NULL, 0},
};

static const char *const params[] = {"sections", "source", "when_missing", NULL};

const struct iss_check_kind iss_check_manual_sections = {
    .params = params,
    .docs = docs,
    .load = load,
    .evaluate = check_manual_sections,
    .explain = explain,
    .value = value,
    .snippet = snippet,
    .service_template = service_template,
};
