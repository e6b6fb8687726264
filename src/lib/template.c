/* template.c - a declaration template for the categories applied for
 * (isscheck init): every key the rules of those categories read, with
 * comments quoting what each is for, generated from the criteria. */
#include "checks/checks.h"

#include <string.h>

/* "例示 1-2 (VA-T-a), 例示 1-4 (MON-T-a)": the lists of one path type
 * over the chosen categories' rules. */
static void path_lists(const iss_tmpl *t, iss_path_type type, iss_buf *b)
{
    for (size_t i = 0; i < t->c->nrules; i++) {
        const iss_rule *r = &t->c->rules[i];
        if (!t->chosen[r->category] || r->kind != ISS_CHECK_QUALIFIED_LEADS)
            continue;
        for (size_t k = 0; k < r->leads.npaths; k++)
            if (r->leads.paths[k].type == type && r->leads.paths[k].reiji)
                iss_str_printf(b, S_TPL_REIJI_OF_RULE, t->lang, b->len ? ", " : "",
                               r->leads.paths[k].reiji, r->id);
    }
}

static void person_key(const iss_tmpl *t, const char *key, iss_str_id what, iss_path_type type,
                       bool lists)
{
    iss_buf b = {0};
    if (lists)
        path_lists(t, type, &b);
    iss_buf_printf(t->out, "    %s: []", key);
    iss_buf_printf(t->out, "%*s", (int)(18 - strlen(key)), "");
    iss_buf_printf(t->out, "# %s%s%s\n", iss_string(what, t->lang), b.len ? "; " : "",
                   b.len ? b.s : "");
    iss_buf_free(&b);
}

static void template_persons(const iss_tmpl *t)
{
    iss_buf *o = t->out;
    iss_buf_printf(o, "\n# %s\n", iss_string(S_TPL_EVERYONE_THE_DECLARATION_NAMES, t->lang));
    iss_buf_puts(o, "persons:\n  - id: P001\n");
    person_key(t, "qualifications", S_TPL_PERSONS_QUALIFICATIONS, ISS_PATH_QUALIFICATION, true);
    person_key(t, "community_roles", S_TPL_PERSONS_COMMUNITY_ROLES, ISS_PATH_COMMUNITY, true);
    iss_buf subjects = {0};
    for (size_t i = 0; i < t->c->nrules; i++) {
        const iss_rule *r = &t->c->rules[i];
        for (size_t k = 0;
             t->chosen[r->category] && r->kind == ISS_CHECK_QUALIFIED_LEADS && k < r->leads.npaths;
             k++)
            if (r->leads.paths[k].lecturing_subject &&
                !strstr(subjects.s ? subjects.s : "", r->leads.paths[k].lecturing_subject))
                iss_buf_printf(&subjects, "%s%s", subjects.len ? ", " : "",
                               r->leads.paths[k].lecturing_subject);
    }
    iss_buf_puts(o, "    lecturing: []");
    iss_buf_printf(o, "%*s", (int)(18 - strlen("lecturing")), "");
    iss_buf_printf(o, "# %s%s%s\n",
                   iss_string(S_TPL_HIGHER_EDUCATION_LECTURING_INSTITUTION, t->lang),
                   subjects.len ? "; subject: " : "", subjects.len ? subjects.s : "");
    iss_buf_free(&subjects);
    person_key(t, "trainings", S_TPL_PERSONS_TRAININGS, ISS_PATH_TRAINING, true);
    person_key(t, "prior_engagements", S_TPL_PERSONS_PRIOR_ENGAGEMENTS, ISS_PATH_TRACK_RECORD,
               false);
}

static void template_engagements(const iss_tmpl *t)
{
    iss_buf *o = t->out;
    const iss_criteria *c = t->c;
    iss_buf_printf(o, "\n# %s\n", iss_string(S_TPL_THE_PROVIDER_S_OWN, t->lang));
    for (size_t k = 0; k < c->ncategories; k++) {
        if (!t->chosen[k])
            continue;
        iss_buf_printf(o, "#   kind (%s):", c->categories[k].code);
        for (size_t i = 0; i < c->categories[k].nkinds; i++)
            iss_buf_printf(o, " %s%s", c->categories[k].kinds[i].code,
                           i + 1 < c->categories[k].nkinds ? "," : "");
        iss_buf_puts(o, "\n");
    }
    iss_buf_puts(o, iss_string(S_TPL_CONTRACTS, t->lang));
    const char *doc = NULL;
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *r = &c->rules[i];
        if (!t->chosen[r->category] || r->kind != ISS_CHECK_CASE_REVIEW)
            continue;
        iss_buf_printf(o, "#   reviews (%s):", r->id);
        for (size_t a = 0; a < r->review.nalts; a++) {
            iss_buf_puts(o, a ? "; or" : "");
            for (size_t d = 0; d < r->review.alts[a].documents.n; d++) {
                iss_buf_printf(o, " %s", r->review.alts[a].documents.v[d].s);
                if (!doc)
                    doc = r->review.alts[a].documents.v[d].s;
            }
        }
        iss_buf_puts(o, "\n");
    }
    size_t first = 0;
    while (first < c->ncategories && !t->chosen[first])
        first++;
    iss_buf_puts(o, "engagements: []\n");
    iss_buf_printf(o,
                   "#  - {id: E001, category: %s, kind: %s, start: 2025-04-01, end: 2025-04-30, "
                   "contract: single,\n#     staff: [P001]%s%s%s}\n",
                   c->categories[first].code,
                   c->categories[first].nkinds ? c->categories[first].kinds[0].code : "(kind)",
                   doc ? ", reviews: [{document: " : "", doc ? doc : "", doc ? ", by: P002}]" : "");
}

const iss_rule *tmpl_rule(const iss_criteria *c, size_t cat, iss_check_kind kind, const char *group)
{
    for (size_t i = 0; i < c->nrules; i++)
        if (c->rules[i].category == cat && c->rules[i].kind == kind &&
            (!group || (c->rules[i].leads.group && strcmp(c->rules[i].leads.group, group) == 0)))
            return &c->rules[i];
    return NULL;
}

const char *tmpl_title(const iss_tmpl *t, const iss_rule *r)
{
    return t->lang == ISS_LANG_EN ? r->title_en : r->title_ja;
}

static void template_service(const iss_tmpl *t, size_t k)
{
    iss_buf *o = t->out;
    const iss_category *cat = &t->c->categories[k];
    iss_buf_printf(o, "  # %s (%s)\n  - category: %s\n",
                   t->lang == ISS_LANG_EN ? cat->name_en : cat->name_ja, cat->clause, cat->code);
    if (cat->nsubtypes) {
        iss_buf_printf(o, "    # %s\n", iss_string(S_TPL_SUB_TYPES_APPLIED_FOR, t->lang));
        for (size_t i = 0; i < cat->nsubtypes; i++)
            iss_buf_printf(o, "    #   %s: %s\n", cat->subtypes[i].code,
                           t->lang == ISS_LANG_EN ? cat->subtypes[i].en : cat->subtypes[i].ja);
        iss_buf_puts(o, "    subtypes: [");
        for (size_t i = 0; i < cat->nsubtypes; i++)
            iss_buf_printf(o, "%s%s", i ? ", " : "", cat->subtypes[i].code);
        iss_buf_puts(o, "]\n");
    }
    /* the kinds' parts in the order a service entry has always had them;
     * a kind not listed (one added later) comes after, in table order */
    static const iss_check_kind order[] = {ISS_CHECK_QUALIFIED_LEADS, ISS_CHECK_DUAL_ROLE,
                                           ISS_CHECK_PERSON_ASSIGNED, ISS_CHECK_MANUAL_SECTIONS,
                                           ISS_CHECK_REIJI_ITEMS,     ISS_CHECK_STATEMENT};
    const size_t nlisted = sizeof order / sizeof *order;
    for (size_t i = 0; i < nlisted; i++)
        iss_check_kinds[order[i]]->service_template(t, k);
    for (size_t kind = 0; kind < ISS_CHECK_COUNT; kind++) {
        bool listed = false;
        for (size_t i = 0; i < nlisted; i++)
            listed |= (size_t)order[i] == kind;
        if (!listed && iss_check_kinds[kind]->service_template)
            iss_check_kinds[kind]->service_template(t, k);
    }
}

/* A trust rule's id and the item it quotes, as a comment: "TR-CAP 会社の資本関係
 * (title)". */
static void trust_comment(const iss_tmpl *t, const char *indent, iss_trust_item item,
                          iss_str_id what)
{
    for (size_t i = 0; i < t->c->nrules; i++) {
        const iss_rule *r = &t->c->rules[i];
        if (t->chosen[r->category] && r->kind == ISS_CHECK_TRUST && r->trust.item == item) {
            iss_str_printf(t->out, S_TPL_TRUST_RULE, t->lang, indent, r->id, r->clause,
                           tmpl_title(t, r));
            /* a format too: the shareholders' text has a % */
            iss_str_printf(t->out, what, t->lang);
            iss_buf_puts(t->out, "\n");
        }
    }
}

/* The top-level trust section of a category that applies through it. */
static void template_trust(const iss_tmpl *t)
{
    iss_buf *o = t->out;
    iss_buf_printf(o, "\n# %s\n# %s\ntrust:\n",
                   iss_string(S_TPL_PROVIDER_TRUSTWORTHINESS_DRAFT_ITS, t->lang),
                   iss_string(S_TPL_DELETING_AN_ITEM_FAILS, t->lang));
    trust_comment(t, "  ", ISS_TRUST_CAPITAL, S_TPL_MAIN_SHAREHOLDERS_NAME_COUNTRY);
    iss_buf_puts(o, "  capital:\n    shareholders: []\n    evidence: ~\n");
    trust_comment(t, "  ", ISS_TRUST_EMPLOYEES, S_TPL_CONFIDENTIALITY_TRAINING_AND_LEAVING);
    trust_comment(t, "  ", ISS_TRUST_COVERAGE, S_TPL_COVERS_IDS_OF_THE);
    iss_buf_puts(o, "  employees:\n    confidentiality: ~\n    training: ~\n    leaving: ~\n"
                    "    covers: []\n");
    iss_buf_puts(o, "  information:\n");
    trust_comment(t, "    ", ISS_TRUST_CERTIFICATIONS,
                  S_TPL_INFORMATION_MANAGEMENT_CERTIFICATIONS_NAME);
    iss_buf_puts(o, "    certifications: []\n");
    trust_comment(t, "    ", ISS_TRUST_STORAGE, S_TPL_WHERE_CUSTOMERS_INFORMATION_IS);
    iss_buf_puts(o, "    storage: []\n");
    trust_comment(t, "  ", ISS_TRUST_SUBCONTRACTING, S_TPL_SUBCONTRACTORS_NAME_COUNTRY_SERVICES);
    iss_buf_puts(o, "  subcontractors: ~\n");
    trust_comment(t, "  ", ISS_TRUST_TOOLS, S_TPL_TOOLS_USED_NAME_VENDOR);
    iss_buf_puts(o, "  tools: []\n");
    trust_comment(t, "  ", ISS_TRUST_SECURITY, S_TPL_OWN_SECURITY_MEASURES_MEASURE);
    iss_buf_puts(o, "  security: []\n");
}

/* PT-a and the like: a category applied for here or registered already. */
static void template_registrations(const iss_tmpl *t)
{
    const iss_rule *r = NULL;
    for (size_t i = 0; i < t->c->nrules && !r; i++)
        if (t->chosen[t->c->rules[i].category] && t->c->rules[i].kind == ISS_CHECK_PREREQUISITE &&
            t->c->rules[i].prereq.requires.n)
            r = &t->c->rules[i];
    if (!r)
        return;
    iss_buf_printf(t->out, "\n# %s %s: %s\n", r->id, tmpl_title(t, r),
                   iss_string(S_TPL_APPLY_FOR_IT_IN, t->lang));
    iss_buf_printf(t->out,
                   "# registrations:\n#   - {category: %s, number: \"%s\", expires: 2027-03-31, "
                   "evidence: %s}\n",
                   r->prereq.requires.v[0].s, iss_string(S_TPL_REGISTRATION_NUMBER, t->lang),
                   iss_string(S_TPL_NOTICE_OF_REGISTRATION, t->lang));
}

void iss_template_write(iss_buf *out, const iss_criteria *c, const bool *chosen, iss_lang lang,
                        const char *schema_url)
{
    const iss_tmpl tv = {.c = c, .chosen = chosen, .lang = lang, .out = out}, *t = &tv;
    iss_buf *o = out;
    char date[ISS_DATE_SIZE];
    iss_date_format(c->date, date);
    if (schema_url)
        iss_buf_printf(o, "# yaml-language-server: $schema=%s\n", schema_url);
    iss_buf_puts(o, "#");
    for (size_t k = 0; k < c->ncategories; k++)
        if (t->chosen[k])
            iss_buf_printf(o, " %s (%s)", c->categories[k].code,
                           t->lang == ISS_LANG_EN ? c->categories[k].name_en
                                                  : c->categories[k].name_ja);
    iss_buf_printf(o, "\n# %s: %s %s (%s)\n", iss_string(S_CRITERIA_L, t->lang), c->title,
                   c->edition, date);
    iss_buf_printf(o, "# %s\n# %s\n", iss_string(S_TPL_TEMPLATE_WRITTEN_BY_ISSCHECK, t->lang),
                   iss_string(S_TPL_FORMAT_MAN_5_ISSCHECK, t->lang));
    iss_buf_puts(o, "isscheck: 1\nprovider:\n");
    iss_buf_printf(o, "  name: \"%s\"\n", iss_string(S_TPL_PROVIDER_NAME, t->lang));
    iss_buf_printf(o, "  corporate_number: ~    # %s\n",
                   iss_string(S_TPL_CORPORATE_NUMBER_OPTIONAL_NOT, t->lang));
    iss_buf_printf(o, "reference_date: ~        # %s\n",
                   iss_string(S_TPL_REFERENCE_DATE_YYYY_MM, t->lang));
    template_persons(t);
    template_engagements(t);
    iss_buf_printf(o, "\n# %s\nservices:\n", iss_string(S_TPL_ONE_ENTRY_PER_CATEGORY, t->lang));
    bool protection = false, trust = false;
    for (size_t k = 0; k < c->ncategories; k++) {
        if (!t->chosen[k])
            continue;
        if (c->categories[k].section) {
            trust |= strcmp(c->categories[k].section, "trust") == 0;
            continue;
        }
        template_service(t, k);
        protection |= tmpl_rule(c, k, ISS_CHECK_INFO_PROTECTION, NULL) != NULL;
    }
    if (protection) {
        iss_buf_printf(o, "\n# %s\ncustomer_info_protection:\n",
                       iss_string(S_TPL_THE_PROCEDURE_PROTECTING_CUSTOMERS, t->lang));
        iss_buf_printf(o, "  procedure: ~           # %s\n",
                       iss_string(S_TPL_THE_DOCUMENT_SETTING_OUT, t->lang));
        iss_buf_printf(o, "  in_operation: false    # %s\n",
                       iss_string(S_TPL_TRUE_ONCE_IT_IS, t->lang));
        iss_buf_printf(o, "  audits: []             # %s\n",
                       iss_string(S_TPL_DATE_TYPE_INTERNAL_EXTERNAL, t->lang));
    }
    template_registrations(t);
    if (trust)
        template_trust(t);
}
