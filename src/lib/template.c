/* template.c - a declaration template for the categories applied for
 * (isscheck init): every key the rules of those categories read, with
 * comments quoting what each is for, generated from the criteria. */
#include "checks/checks.h"

#include <string.h>

/* A comment in the template's language. */
const char *tmpl_text(const iss_tmpl *t, const char *ja, const char *en)
{
    return t->lang == ISS_LANG_EN ? en : ja;
}

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
                iss_buf_printf(b, "%s例示 %s (%s)", b->len ? ", " : "", r->leads.paths[k].reiji, r->id);
    }
}

static void person_key(const iss_tmpl *t, const char *key, const char *ja, const char *en,
                       iss_path_type type, bool lists)
{
    iss_buf b = {0};
    if (lists)
        path_lists(t, type, &b);
    iss_buf_printf(t->out, "    %s: []", key);
    iss_buf_printf(t->out, "%*s", (int)(18 - strlen(key)), "");
    iss_buf_printf(t->out, "# %s%s%s\n", tmpl_text(t, ja, en), b.len ? "; " : "", b.len ? b.s : "");
    iss_buf_free(&b);
}

static void template_persons(const iss_tmpl *t)
{
    iss_buf *o = t->out;
    iss_buf_printf(o, "\n# %s\n",
                   tmpl_text(t, "申告書が名指す者すべて。id で参照する（P001 のような仮名でよい）。",
                     "Everyone the declaration names, referred to by id (a pseudonym such as "
                     "P001 is enough)."));
    iss_buf_puts(o, "persons:\n  - id: P001\n");
    person_key(t, "qualifications", "資格 {name, number, acquired, expires, equivalent, evidence}",
               "qualifications {name, number, acquired, expires, equivalent, evidence}",
               ISS_PATH_QUALIFICATION, true);
    person_key(t, "community_roles",
               "専門家コミュニティの講師・リーダー {community, role: lecturer|leader, from, to}",
               "community lecturer or leader {community, role: lecturer|leader, from, to}",
               ISS_PATH_COMMUNITY, true);
    iss_buf subjects = {0};
    for (size_t i = 0; i < t->c->nrules; i++) {
        const iss_rule *r = &t->c->rules[i];
        for (size_t k = 0;
             t->chosen[r->category] && r->kind == ISS_CHECK_QUALIFIED_LEADS && k < r->leads.npaths; k++)
            if (r->leads.paths[k].lecturing_subject &&
                !strstr(subjects.s ? subjects.s : "", r->leads.paths[k].lecturing_subject))
                iss_buf_printf(&subjects, "%s%s", subjects.len ? ", " : "",
                               r->leads.paths[k].lecturing_subject);
    }
    iss_buf_puts(o, "    lecturing: []");
    iss_buf_printf(o, "%*s", (int)(18 - strlen("lecturing")), "");
    iss_buf_printf(o, "# %s%s%s\n",
                   tmpl_text(t, "高等教育機関の講師経験 {institution, subject, from, to}",
                     "higher-education lecturing {institution, subject, from, to}"),
                   subjects.len ? "; subject: " : "", subjects.len ? subjects.s : "");
    iss_buf_free(&subjects);
    person_key(t, "trainings", "修了した研修 {name, completed, evidence}",
               "trainings completed {name, completed, evidence}", ISS_PATH_TRAINING, true);
    person_key(t, "prior_engagements",
               "前職での本人の実績 {id, category, kind, start, end, contract, employer}",
               "own cases at a previous employer {id, category, kind, start, end, contract, "
               "employer}",
               ISS_PATH_TRACK_RECORD, false);
}

static void template_engagements(const iss_tmpl *t)
{
    iss_buf *o = t->out;
    const iss_criteria *c = t->c;
    iss_buf_printf(o, "\n# %s\n", tmpl_text(t, "事業者自身の案件。", "The provider's own cases."));
    for (size_t k = 0; k < c->ncategories; k++) {
        if (!t->chosen[k])
            continue;
        iss_buf_printf(o, "#   kind (%s):", c->categories[k].code);
        for (size_t i = 0; i < c->categories[k].nkinds; i++)
            iss_buf_printf(o, " %s%s", c->categories[k].kinds[i].code,
                           i + 1 < c->categories[k].nkinds ? "," : "");
        iss_buf_puts(o, "\n");
    }
    iss_buf_puts(o, "#   contract: single (単発), comprehensive (包括的), continuing (継続的)\n");
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
        iss_buf_printf(o, "    # %s\n",
                       tmpl_text(t, "申請する区分（申請しないものは消す）:",
                         "sub-types applied for (delete the others):"));
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
static void trust_comment(const iss_tmpl *t, const char *indent, iss_trust_item item, const char *what)
{
    for (size_t i = 0; i < t->c->nrules; i++) {
        const iss_rule *r = &t->c->rules[i];
        if (t->chosen[r->category] && r->kind == ISS_CHECK_TRUST && r->trust.item == item)
            iss_buf_printf(t->out, "%s# %s 「%s」 %s: %s\n", indent, r->id, r->clause, tmpl_title(t, r),
                           what);
    }
}

/* The top-level trust section of a category that applies through it. */
static void template_trust(const iss_tmpl *t)
{
    iss_buf *o = t->out;
    iss_buf_printf(o, "\n# %s\n# %s\ntrust:\n",
                   tmpl_text(t, "事業者の信頼性（案）。各項目の規則は案: 満たしても要確認になる。",
                     "Provider trustworthiness (draft).  Its rules are drafts: what they find met "
                     "ends in review."),
                   tmpl_text(t, "項目を消すと、それを読む規則は不適合になる。",
                     "Deleting an item fails the rules that read it."));
    trust_comment(t, "  ", ISS_TRUST_CAPITAL,
                  tmpl_text(t, "主な株主 {name, country, share: 0-100 の %, parent, evidence}（名を挙げないなら []）",
                    "main shareholders {name, country, share: percent 0-100, parent, evidence} "
                    "([] when none is named)"));
    iss_buf_puts(o, "  capital:\n    shareholders: []\n    evidence: ~\n");
    trust_comment(t, "  ", ISS_TRUST_EMPLOYEES,
                  tmpl_text(t, "秘密保持・教育・退職時の規程 {document, evidence}",
                    "confidentiality, training and leaving rules {document, evidence}"));
    trust_comment(t, "  ", ISS_TRUST_COVERAGE,
                  tmpl_text(t, "covers: 規程が適用される者の id", "covers: ids of the persons the rules cover"));
    iss_buf_puts(o, "  employees:\n    confidentiality: ~\n    training: ~\n    leaving: ~\n"
                    "    covers: []\n");
    iss_buf_puts(o, "  information:\n");
    trust_comment(t, "    ", ISS_TRUST_CERTIFICATIONS,
                  tmpl_text(t, "情報管理の認証 {name, number, expires, evidence}",
                    "information-management certifications {name, number, expires, evidence}"));
    iss_buf_puts(o, "    certifications: []\n");
    trust_comment(t, "    ", ISS_TRUST_STORAGE,
                  tmpl_text(t, "顧客の情報の保管場所 {data, location, country}",
                    "where customers' information is kept {data, location, country}"));
    iss_buf_puts(o, "    storage: []\n");
    trust_comment(t, "  ", ISS_TRUST_SUBCONTRACTING,
                  tmpl_text(t, "委託先 {name, country, services, customer_data, confidentiality, evidence}（ないなら []）",
                    "subcontractors {name, country, services, customer_data, confidentiality, "
                    "evidence} ([] when none)"));
    iss_buf_puts(o, "  subcontractors: ~\n");
    trust_comment(t, "  ", ISS_TRUST_TOOLS,
                  tmpl_text(t, "使用ツール {name, vendor, country, ai, customer_data_leaves, evidence}",
                    "tools used {name, vendor, country, ai, customer_data_leaves, evidence}"));
    iss_buf_puts(o, "  tools: []\n");
    trust_comment(t, "  ", ISS_TRUST_SECURITY,
                  tmpl_text(t, "自社の対策 {measure, evidence}", "own security measures {measure, evidence}"));
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
                   tmpl_text(t, "同じ申告書で申請するか、現に有効な登録を申告する:",
                     "apply for it in this declaration, or declare a current registration:"));
    iss_buf_printf(t->out,
                   "# registrations:\n#   - {category: %s, number: \"%s\", expires: 2027-03-31, "
                   "evidence: %s}\n",
                   r->prereq.requires.v[0].s, tmpl_text(t, "（登録番号）", "(registration number)"),
                   tmpl_text(t, "登録通知書", "notice of registration"));
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
    iss_buf_printf(o, "\n# %s: %s %s (%s)\n", tmpl_text(t, "基準", "criteria"), c->title, c->edition, date);
    iss_buf_printf(
        o, "# %s\n# %s\n",
        tmpl_text(t, "isscheck init が書いた雛形。このまま読み込めるが、記入するまで規則は不適合になる。",
          "Template written by isscheck init.  It loads as it is; its rules fail until "
          "it is filled in."),
        tmpl_text(t, "書式: man 5 isscheck-declaration。確認: isscheck validate / isscheck check。",
          "Format: man 5 isscheck-declaration.  Check: isscheck validate, isscheck "
          "check."));
    iss_buf_puts(o, "isscheck: 1\nprovider:\n");
    iss_buf_printf(o, "  name: \"%s\"\n", tmpl_text(t, "（事業者名）", "(provider name)"));
    iss_buf_printf(
        o, "  corporate_number: ~    # %s\n",
        tmpl_text(t, "法人番号（任意、検査しない）", "corporate number (optional, not checked)"));
    iss_buf_printf(o, "reference_date: ~        # %s\n",
                   tmpl_text(t, "基準となる日 YYYY-MM-DD（なければ --as-of か今日）",
                     "reference date YYYY-MM-DD (without it, --as-of or today)"));
    template_persons(t);
    template_engagements(t);
    iss_buf_printf(
        o, "\n# %s\nservices:\n",
        tmpl_text(t, "申請するサービス区分（区分ごとに一つ）。", "One entry per category applied for."));
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
                       tmpl_text(t, "顧客の情報を保護するための手続（各区分の Q-c-3）。",
                         "The procedure protecting customers' information (Q-c-3 of each "
                         "category)."));
        iss_buf_printf(o, "  procedure: ~           # %s\n",
                       tmpl_text(t, "手続を定めた文書", "the document setting out the procedure"));
        iss_buf_printf(o, "  in_operation: false    # %s\n",
                       tmpl_text(t, "運用していれば true", "true once it is in operation"));
        iss_buf_printf(
            o, "  audits: []             # %s\n",
            tmpl_text(t, "{date, type: internal|external, auditor: 者の id | organisation: 組織名}",
              "{date, type: internal|external, auditor: person id | organisation: name}"));
    }
    template_registrations(t);
    if (trust)
        template_trust(t);
}

