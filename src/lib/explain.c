/* explain.c - a rule explained from the criteria: its citation, clause
 * text, readings, every branch of its evaluation, its parameters and a
 * declaration snippet that satisfies it (isscheck explain).  Everything
 * is generated from the rule's check kind and parameters, in Japanese or
 * English. */
#include "isscheck/authoring.h"

#include <stdio.h>
#include <string.h>

/* A scalar as YAML: plain when YAML would read it back as the same
 * string, else double-quoted. */
static void yaml_scalar(iss_buf *out, const char *s)
{
    static const char *const special[] = {"",     "~",    "null",  "Null",  "NULL",  "true",
                                          "True", "TRUE", "false", "False", "FALSE", "yes",
                                          "no",   "on",   "off",   NULL};
    bool plain = iss_lookup(special, s) < 0 && !strchr("-?:,[]{}#&*!|>'\"%@` ", s[0]) &&
                 !strpbrk(s, ":#,[]{}\"'\\\n\t") && s[strlen(s) - 1] != ' ' &&
                 !(s[0] >= '0' && s[0] <= '9') && s[0] != '.' && s[0] != '+';
    if (plain) {
        iss_buf_puts(out, s);
        return;
    }
    iss_buf_add(out, "\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            iss_buf_printf(out, "\\%c", *p);
        else if (*p == '\n')
            iss_buf_puts(out, "\\n");
        else if (*p == '\t')
            iss_buf_puts(out, "\\t");
        else
            iss_buf_add(out, p, 1);
    }
    iss_buf_add(out, "\"", 1);
}

static const iss_entry_type field_entry[ISS_FIELD_COUNT] = {
    ISS_ENTRY_STANDARD, ISS_ENTRY_RESULT_HANDLING, ISS_ENTRY_COMPLIANCE, ISS_ENTRY_EDUCATION};

/* The text in the explanation's language (a macro, so that a format's
 * two literals are both checked). */
#define X(lang, ja, en) ((lang) == ISS_LANG_EN ? (en) : (ja))

static const char *contract_word(iss_lang lang, iss_contract k)
{
    switch (k) {
    case ISS_CONTRACT_SINGLE:
        return X(lang, "単一の契約（single）", "single contract (single)");
    case ISS_CONTRACT_COMPREHENSIVE:
        return X(lang, "包括的な契約（comprehensive）", "comprehensive contract (comprehensive, 包括的な契約)");
    case ISS_CONTRACT_CONTINUING:
        return X(lang, "継続的な契約（continuing）", "continuing contract (continuing, 継続的な契約)");
    default:
        return "none";
    }
}

/* The first catalogue entry of the type on the 例示 list, for examples. */
static const char *example_entry(const iss_criteria *c, iss_entry_type type, const char *reiji)
{
    for (size_t i = 0; i < c->nentries; i++)
        if (c->entries[i].type == type && (!reiji || iss_entry_on_list(&c->entries[i], reiji)))
            return c->entries[i].name;
    return NULL;
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
                iss_buf_printf(out, X(lang, "（%s）", " (%s)"),
                               lang == ISS_LANG_EN ? c->categories[ci].kinds[k].en
                                                   : c->categories[ci].kinds[k].ja);
        if (ci < 0)
            iss_buf_puts(out, X(lang, "（この区分を定める基準を読み込んだときに数える）",
                                " (counted when the criteria defining this category are loaded)"));
    }
}

/* "(reading: ON)" when the rule carries a reading on the parameter. */
static void reading_ref(iss_buf *out, const iss_rule *r, const char *on, iss_lang lang)
{
    if (iss_rule_reading(r, on) >= 0)
        iss_buf_printf(out, X(lang, "（読み: %s）", " (reading: %s)"), on);
}

/* One catalogue-backed claim's branches, common to three path types. */
static void catalogue_branches(iss_buf *out, iss_lang lang, const char *what)
{
    iss_buf_printf(out,
                   X(lang,
                     "      %sがカタログにない、又は同等のもの（equivalent: true）として申告: 要確認\n"
                     "      カタログの項目に当たるが例示への掲載が未確認（unverified）: 要確認\n"
                     "      カタログの項目に当たるが当該例示に載っていない: 数えない\n"
                     "      別名パターンが PCRE2 の上限に達した: 要確認\n"
                     "      根拠（evidence）の記載がない: 一覧に示し、--require-evidence のときは要確認\n",
                     "      the %s is not in the catalogue, or is claimed as equivalent (equivalent: "
                     "true): review\n"
                     "      it matches a catalogue entry whose listing in the 例示 is unconfirmed "
                     "(unverified): review\n"
                     "      it matches an entry that is not on this 例示 list: not counted\n"
                     "      an alias pattern hits PCRE2's limits: review\n"
                     "      it names no evidence: listed, and review under --require-evidence\n"),
                   what);
}

static void explain_path(iss_buf *out, const iss_criteria *c, const iss_rule *r, const iss_path *p,
                         iss_lang lang)
{
    bool parens = *p->clause && *p->clause != '(';
    iss_buf_printf(out, X(lang, "  - 要件 '%s'%s%s%s: ", "  - path '%s'%s%s%s: "), p->id,
                   *p->clause ? (parens ? " (" : " ") : "", p->clause, parens ? ")" : "");
    char on[128];
    snprintf(on, sizeof on, "%s.reiji", p->id);
    switch (p->type) {
    case ISS_PATH_QUALIFICATION:
        iss_buf_printf(out,
                       X(lang, "例示 %s の資格（persons[].qualifications）",
                         "a qualification (persons[].qualifications) on 例示 %s"),
                       p->reiji);
        reading_ref(out, r, on, lang);
        iss_buf_puts(out, X(lang, "\n      取得日が基準日より後: 数えない\n"
                                  "      有効期限が基準日より前: 数えない（期限切れとして示す）\n"
                                  "      カタログの項目に登録番号の形式があり、番号がない又は合わない: 数えない\n",
                            "\n      acquired after the reference date: not counted\n"
                            "      expired before the reference date: not counted (shown as expired)\n"
                            "      the catalogue entry gives a number format and the number is "
                            "missing or does not match: not counted\n"));
        catalogue_branches(out, lang, X(lang, "資格", "qualification"));
        iss_buf_puts(out, X(lang, "      それ以外で例示に載る確認済みの項目: 満たす\n",
                            "      otherwise, a verified entry on the list: met\n"));
        break;
    case ISS_PATH_COMMUNITY:
        iss_buf_printf(out,
                       X(lang, "例示 %s の専門家コミュニティでの講師又はリーダーの経験（persons[].community_roles）",
                         "a lecturer or leader role (persons[].community_roles) in a community on "
                         "例示 %s"),
                       p->reiji);
        reading_ref(out, r, on, lang);
        if (p->lecturing_subject)
            iss_buf_printf(out,
                           X(lang, "、又は区分 '%s' を対象とする高等教育機関での講師経験（persons[].lecturing）",
                             ", or a higher-education lecturing record (persons[].lecturing) "
                             "with subject '%s'"),
                           p->lecturing_subject);
        iss_buf_puts(out, X(lang, "\n      開始日が基準日より後: 数えない\n",
                            "\n      begun after the reference date: not counted\n"));
        catalogue_branches(out, lang, X(lang, "コミュニティ", "community"));
        if (p->lecturing_subject)
            iss_buf_puts(out, X(lang, "      対象の区分が合う講師経験（基準日以前）: 満たす\n",
                                "      a lecturing record on the subject, begun on or before the "
                                "reference date: met\n"));
        iss_buf_puts(out, X(lang, "      それ以外で例示に載る確認済みの項目: 満たす\n",
                            "      otherwise, a verified entry on the list: met\n"));
        break;
    case ISS_PATH_TRAINING:
        iss_buf_printf(out,
                       X(lang, "例示 %s の研修の修了（persons[].trainings）",
                         "a training (persons[].trainings) on 例示 %s"),
                       p->reiji);
        reading_ref(out, r, on, lang);
        iss_buf_puts(out, X(lang, "\n      修了日が基準日より後: 数えない\n",
                            "\n      completed after the reference date: not counted\n"));
        catalogue_branches(out, lang, X(lang, "研修", "training"));
        iss_buf_puts(out, X(lang, "      それ以外で例示に載る確認済みの項目: 満たす\n",
                            "      otherwise, a verified entry on the list: met\n"));
        break;
    case ISS_PATH_TRACK_RECORD: {
        const char *own = c->categories[r->category].code;
        iss_buf wref = {0};
        snprintf(on, sizeof on, "%s.window_years", p->id);
        reading_ref(&wref, r, on, lang);
        iss_buf_printf(out,
                       X(lang,
                         "基準日までの %ld 年間の区間に %ld 件以上の実績。その者を staff に含む案件と、その者の "
                         "prior_engagements のうち、次の業務（区分/種別）を数える: ",
                         "at least %ld cases in the %ld years up to the reference date, among the "
                         "engagements listing the person as staff and the person's "
                         "prior_engagements, of this work (category/kind): "),
                       lang == ISS_LANG_EN ? p->min_cases : p->window_years,
                       lang == ISS_LANG_EN ? p->window_years : p->min_cases);
        work_list(out, c, &p->work, lang);
        snprintf(on, sizeof on, "%s.work", p->id);
        reading_ref(out, r, on, lang);
        iss_buf_puts(out, "\n");
        iss_buf_printf(out,
                       X(lang,
                         "      期間が区間に重なる案件を数える%s。基準日より後に始まる案件は数えない。終了日のない案件は基準日まで続くものとする\n"
                         "      業務が上記の組に当たらない案件は数えない。種別（kind）の記載がない案件は数えず、一覧に示す\n"
                         "      数えた案件は一覧に示し、区分が '%s' でない案件にはその区分を添える\n",
                         "      an engagement counts when its period overlaps the window%s; one "
                         "that starts after the reference date never counts; an ongoing one runs "
                         "to the reference date\n"
                         "      an engagement whose work is none of the pairs does not count; one "
                         "with no kind stated does not count and is listed\n"
                         "      the counted cases are listed, each with its category when it is "
                         "not '%s'\n"),
                       wref.s ? wref.s : "", own);
        iss_buf_free(&wref);
        if (p->per_year_contract != ISS_CONTRACT_NONE) {
            iss_buf_printf(out,
                           X(lang,
                             "      %sは区間との重なりのうち満12か月ごとに1件、重なりがあれば少なくとも1件。その他の契約は1件",
                             "      a %s counts one case per whole 12-month span of its overlap "
                             "with the window, at least one; any other contract counts one"),
                           contract_word(lang, p->per_year_contract));
            snprintf(on, sizeof on, "%s.per_year_contract", p->id);
            reading_ref(out, r, on, lang);
            iss_buf_puts(out, "\n");
        } else {
            iss_buf_puts(out, X(lang, "      どの契約も1件と数える\n",
                                "      every contract counts one case\n"));
        }
        if (p->min_years) {
            iss_buf_printf(out,
                           X(lang,
                             "      かつ、数えた案件の区間内の期間の合計（並行する案件もそれぞれ）が運用年数のべ %ld 年以上",
                             "      and the counted engagements' durations inside the window, "
                             "concurrent ones each counted, reach %ld operating years (のべ)"),
                           p->min_years);
            snprintf(on, sizeof on, "%s.min_years", p->id);
            reading_ref(out, r, on, lang);
            iss_buf_puts(out, X(lang,
                                "\n      件数は満たすが区間内の年数が足りず、区間より前の案件を含めると年数に達する（通算の読み）: 要確認（両方の数字を示す）\n",
                                "\n      the cases suffice but the years inside the window do "
                                "not, while counting the engagements before the window would "
                                "reach them (the career reading): review, with both figures\n"));
        }
        if (p->work_review.n) {
            iss_buf_puts(out, X(lang, "      次の業務は審査員の確認を条件として数える: ",
                                "      this work counts only subject to review: "));
            work_list(out, c, &p->work_review, lang);
            snprintf(on, sizeof on, "%s.work_review", p->id);
            reading_ref(out, r, on, lang);
            iss_buf_puts(out, X(lang, "\n      それを数えて初めて満たす: 要確認\n",
                                "\n      met only by counting it: review\n"));
        }
        iss_buf_puts(out, X(lang, "      それ以外で件数（と年数）を満たす: 満たす\n",
                            "      otherwise, enough cases (and years): met\n"));
        break;
    }
    }
}

static const char *reviewer_words(iss_reviewer r, iss_lang lang)
{
    switch (r) {
    case ISS_REVIEWER_INDEPENDENT:
        return X(lang, "当該案件の従事者（staff）以外の者が行う", "by a person not on the case's staff");
    case ISS_REVIEWER_ANY:
        return X(lang, "誰が行ってもよい", "by anyone");
    default:
        return X(lang, "当該案件の従事者、又は次の規則を満たす者が行う:",
                 "by a person on the case's staff or one meeting a path of");
    }
}

static const char *strs_value(iss_buf *tmp, const iss_strs *l)
{
    if (!l->n)
        return NULL;
    iss_buf_puts(tmp, "[");
    iss_strs_join(tmp, l, ", ");
    iss_buf_puts(tmp, "]");
    return tmp->s;
}

/* The value the rule gives a check parameter, as written, or NULL when it
 * gives none. */
static const char *check_value(const iss_rule *r, const char *key, iss_buf *tmp)
{
    static const char *const trust[] = {"capital",  "employees",      "coverage", "certifications",
                                        "storage",  "subcontracting", "tools",    "security"};
    if (strcmp(key, "group") == 0)
        return r->group;
    if (strcmp(key, "disclose_counts") == 0)
        return r->disclose_counts ? "true" : "false";
    if (strcmp(key, "paths") == 0) {
        for (size_t i = 0; i < r->npaths; i++)
            iss_buf_printf(tmp, "%s%s", i ? ", " : "[", r->paths[i].id);
        iss_buf_puts(tmp, "]");
        return tmp->s;
    }
    if (strcmp(key, "rules") == 0 && r->dual[0]) {
        iss_buf_printf(tmp, "[%s, %s]", r->dual[0]->id, r->dual[1]->id);
        return tmp->s;
    }
    if (strcmp(key, "requirements") == 0 || strcmp(key, "sections") == 0 ||
        strcmp(key, "alternatives") == 0) {
        size_t n = key[0] == 'r' ? r->nreqs : key[0] == 's' ? r->nsections : r->nalts;
        iss_buf_printf(tmp, "(%zu)", n);
        return tmp->s;
    }
    if (strcmp(key, "field") == 0)
        return r->field;
    if (strcmp(key, "source") == 0)
        return r->source == ISS_SECTIONS_REPORT_TEMPLATE ? "report_template" : "manual";
    if (strcmp(key, "when_missing") == 0)
        return r->missing_review ? "review" : "fail";
    if (strcmp(key, "window_years") == 0) {
        iss_buf_printf(tmp, "%ld", r->window_years);
        return tmp->s;
    }
    if (strcmp(key, "qualified_rule") == 0)
        return r->qualified_rule ? r->qualified_rule->id : NULL;
    if (strcmp(key, "statements") == 0)
        return strs_value(tmp, &r->statements);
    if (strcmp(key, "when_present") == 0)
        return r->when_present_pass ? "pass" : "review";
    if (strcmp(key, "requires") == 0)
        return strs_value(tmp, &r->requires);
    if (strcmp(key, "accept_registration") == 0)
        return r->accept_registration ? "true" : NULL;
    if (strcmp(key, "item") == 0)
        return trust[r->trust_item];
    if (strcmp(key, "threshold_percent") == 0 && r->trust_item == ISS_TRUST_CAPITAL) {
        iss_buf_printf(tmp, "%ld", r->threshold / 100);
        return tmp->s;
    }
    return NULL;
}

static const char *path_value(const iss_path *p, const char *key, iss_buf *tmp)
{
    static const char *const contracts[] = {"single", "comprehensive", "continuing", "none"};
    if (strcmp(key, "reiji") == 0)
        return p->reiji;
    if (strcmp(key, "lecturing_subject") == 0)
        return p->lecturing_subject;
    if (strcmp(key, "work") == 0)
        return strs_value(tmp, &p->work);
    if (strcmp(key, "work_review") == 0)
        return strs_value(tmp, &p->work_review);
    if (strcmp(key, "per_year_contract") == 0)
        return p->per_year_contract == ISS_CONTRACT_NONE ? NULL : contracts[p->per_year_contract];
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

/* Every parameter the rule's check gives, with its value and what it
 * means (params.c: the table the loader accepts parameters from). */
static void explain_params(iss_buf *out, const iss_rule *r, iss_lang lang)
{
    const char *kind = iss_check_name(r->kind);
    const char *const *keys = iss_check_params(r->kind);
    iss_buf_printf(out, X(lang, "パラメータ（検査 '%s'）:\n", "Parameters (check '%s'):\n"), kind);
    bool any = false;
    for (size_t i = 0; keys[i]; i++) {
        iss_buf tmp = {0};
        const char *v = check_value(r, keys[i], &tmp);
        const char *doc = iss_param_doc(kind, keys[i], lang);
        if (v) {
            iss_buf_printf(out, "  %s: %s — %s\n", keys[i], v, doc ? doc : "?");
            any = true;
        }
        iss_buf_free(&tmp);
    }
    for (size_t k = 0; k < r->npaths; k++) {
        const iss_path *p = &r->paths[k];
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
    if (!any && !r->npaths)
        iss_buf_puts(out, X(lang, "  なし\n", "  none\n"));
}

/* How the rule is evaluated: every branch the evaluator takes, from the
 * check kind and the rule's parameters. */
static void explain_evaluation(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    iss_buf_printf(out, X(lang, "評価の方法（検査 '%s'）:\n", "How it is evaluated (check '%s'):\n"),
                   iss_check_name(r->kind));
    if (r->when_subtypes.n) {
        iss_buf_puts(out, X(lang, "  申請区分 ", "  Applies only when one of the sub-types "));
        iss_strs_join(out, &r->when_subtypes, ", ");
        iss_buf_puts(out, X(lang, " のいずれかを申請するときに適用し、それ以外は対象外（n/a）。\n",
                            " is applied for; otherwise n/a.\n"));
    }
    switch (r->kind) {
    case ISS_CHECK_QUALIFIED_LEADS:
        iss_buf_printf(out,
                       X(lang,
                         "  services[].%s.persons に挙げた者（区分 '%s'）を一人ずつ、次の要件について調べる:\n",
                         "  Each person listed under services[].%s.persons (category '%s') is "
                         "checked against these paths:\n"),
                       r->group, cat);
        for (size_t i = 0; i < r->npaths; i++)
            explain_path(out, c, r, &r->paths[i], lang);
        iss_buf_printf(out,
                       X(lang,
                         "  services[].%s がない又は persons が空: 不適合\n"
                         "  いずれの要件も満たさない者は、その旨を要件の一覧とともに示す（実績の要件がない規則では、その者の当該区分の案件を数えないことも示す）\n"
                         "  少なくとも1名が要件を確実に満たす: 適合。最善でも要確認の要件による: 要確認。誰も満たさない: 不適合\n",
                         "  services[].%s missing, or no persons: fail\n"
                         "  a person meeting no path is listed with the paths (where the rule has "
                         "no track-record path, also that the person's cases of the category do "
                         "not count)\n"
                         "  at least one person meets a path firmly: pass; the best rests on "
                         "review: review; nobody meets one: fail\n"),
                       r->group);
        if (r->disclose_counts) {
            iss_buf_printf(out,
                           X(lang, "  要件ごとの人数を services[].%s.counts に書く（",
                             "  The number of persons meeting each path must be stated under "
                             "services[].%s.counts ("),
                           r->group);
            for (size_t i = 0; i < r->npaths; i++)
                iss_buf_printf(out, "%s%s", i ? ", " : "", r->paths[i].id);
            iss_buf_puts(out, X(lang, "）。要確認の要件を満たす者も数える。ない・欠ける・未知の要件・算出値と違う: 不適合（算出値を示す）\n",
                                "), counting persons who meet a path on review too; missing, "
                                "incomplete, naming an unknown path or differing from the "
                                "computed ones: fail, and the report prints the computed ones\n"));
        } else {
            iss_buf_printf(out, X(lang, "  services[].%s.counts は読まない。\n",
                                  "  services[].%s.counts is not read.\n"),
                           r->group);
        }
        break;
    case ISS_CHECK_DUAL_ROLE:
        iss_buf_printf(out,
                       X(lang,
                         "  services[].%s と services[].%s の両方に挙げられ、%s と %s の両方の要件を満たす者（要確認を含む）を算出する。\n"
                         "  算出した者が services[].dual_roles.persons にない: 不適合\n"
                         "  dual_roles.persons に両方を満たさない者がいる: 不適合\n"
                         "  dual_roles.count がない又は算出した人数と違う: 不適合\n"
                         "  それ以外: 適合\n",
                         "  The persons in both services[].%s and services[].%s who meet a path "
                         "of both %s and %s (on review too) are computed.\n"
                         "  one of them not under services[].dual_roles.persons: fail\n"
                         "  a person under dual_roles.persons not meeting both: fail\n"
                         "  dual_roles.count missing, or not their number: fail\n"
                         "  otherwise: pass\n"),
                       r->dual[0]->group, r->dual[1]->group, r->dual[0]->id, r->dual[1]->id);
        break;
    case ISS_CHECK_REIJI_ITEMS:
        iss_buf_puts(out, X(lang, "  要求ごとに、その欄の項目（名前、又は {name, evidence, equivalent}）から最もよいものを選ぶ:\n",
                            "  For each requirement the best item of its field (a name, or {name, "
                            "evidence, equivalent}) is chosen:\n"));
        for (size_t i = 0; i < r->nreqs; i++) {
            const iss_requirement *q = &r->reqs[i];
            iss_buf_printf(out, "  - services[].%s: ", iss_item_field_keys[q->field]);
            if (q->reiji)
                iss_buf_printf(out, X(lang, "例示 %s の項目", "an item on 例示 %s"), q->reiji);
            else
                iss_buf_puts(out, X(lang, "任意の項目", "any item"));
            if (q->distinct)
                iss_buf_puts(out, X(lang, "（他の要求を満たした項目とは別のもの）",
                                    ", different from the items meeting the other requirements"));
            if (q->when_subtypes.n) {
                iss_buf_puts(out, X(lang, "（申請区分 ", " (only with sub-type "));
                iss_strs_join(out, &q->when_subtypes, X(lang, " 又は ", " or "));
                iss_buf_puts(out, X(lang, " のときだけ）", ")"));
            }
            iss_buf_puts(out, "\n");
        }
        catalogue_branches(out, lang, X(lang, "項目", "item"));
        iss_buf_puts(out, X(lang, "      例示に載る確認済みの項目: 満たす\n"
                                  "  各項目は一度だけ示す（満たした要求について、又はどの要求も満たさなければその欄の最初の要求について）\n"
                                  "  満たす項目のない要求がある: 不適合。すべて満たし、一つでも要確認: 要確認。それ以外: 適合\n",
                            "      a verified entry on the list: met\n"
                            "  Each item is described once (for the requirement it meets, or "
                            "for the first requirement of its field when it meets none).\n"
                            "  a requirement no item meets: fail; all met, one on review: review; "
                            "otherwise: pass\n"));
        break;
    case ISS_CHECK_PERSON_ASSIGNED:
        iss_buf_printf(out,
                       X(lang, "  services[].%s に persons で申告した者を書く: 適合。ない: 不適合\n",
                         "  services[].%s names a person declared under persons: pass; "
                         "missing: fail\n"),
                       r->field);
        break;
    case ISS_CHECK_MANUAL_SECTIONS: {
        const char *where = r->source == ISS_SECTIONS_REPORT_TEMPLATE ? "report_template" : "manual";
        iss_buf_printf(out, X(lang, "  services[].%s.sections に次のすべてを含む:\n",
                              "  services[].%s.sections must include every one of:\n"),
                       where);
        for (size_t i = 0; i < r->nsections; i++)
            iss_buf_printf(out, "  - %s: %s%s%s\n", r->sections[i].id,
                           lang == ISS_LANG_EN ? r->sections[i].en : r->sections[i].ja,
                           r->sections[i].clause && *r->sections[i].clause ? " " : "",
                           r->sections[i].clause ? r->sections[i].clause : "");
        const char *miss = r->missing_review ? X(lang, "要確認", "review") : X(lang, "不適合", "fail");
        iss_buf_printf(out,
                       X(lang, "  services[].%s がない: %s。節が欠ける: %s。すべてある: 適合（根拠の記載がなく --require-evidence のときは要確認）\n",
                         "  services[].%s missing: %s; a section missing: %s; all there: pass "
                         "(review when it names no evidence under --require-evidence)\n"),
                       where, miss, miss);
        break;
    }
    case ISS_CHECK_CASE_REVIEW:
        iss_buf_printf(out,
                       X(lang,
                         "  区分 '%s' の自社の案件のうち、基準日までの %ld 年間の区間に終了したものを確認する",
                         "  Every own engagement of category '%s' that ended within the %ld years "
                         "up to the reference date is checked"),
                       cat, r->window_years);
        reading_ref(out, r, "window_years", lang);
        iss_buf_puts(out, X(lang, "。区間より前に終了した案件は数えず、継続中（終了日なし又は基準日より後）の案件は除いて一覧に示す。各案件の engagements[].reviews に次のいずれかが要る:\n",
                            "; cases that ended before the window are not checked, and ongoing "
                            "ones (no end, or ending after the reference date) are left out and "
                            "listed. Each needs, under engagements[].reviews, one of:\n"));
        for (size_t i = 0; i < r->nalts; i++) {
            iss_buf_puts(out, "  - ");
            iss_strs_join(out, &r->alts[i].documents, X(lang, " 及び ", " and "));
            iss_buf_printf(out, X(lang, "（%s", " reviewed %s"), reviewer_words(r->alts[i].reviewer, lang));
            if (r->alts[i].reviewer == ISS_REVIEWER_STAFF_OR_QUALIFIED)
                iss_buf_printf(out, " %s", r->qualified_rule ? r->qualified_rule->id : "?");
            iss_buf_puts(out, X(lang, "）\n", "\n"));
        }
        iss_buf_puts(out, X(lang,
                            "  文書のレビューの記録がない、又はレビュー者が条件を満たさない: その案件は満たさない\n"
                            "  レビュー者が規則を満たすかが要確認の項目による: その案件は要確認\n"
                            "  満たさない案件がある: 不適合。要確認の案件がある: 要確認。すべて満たす: 適合\n"
                            "  確認する案件がない: 要確認（手続の実施は審査員が確認する）\n",
                            "  no review of a document, or a reviewer not meeting the condition: "
                            "the case fails\n"
                            "  whether a reviewer meets the rule rests on items to review: the "
                            "case is review\n"
                            "  a case fails: fail; a case is review: review; all met: pass\n"
                            "  no case to check: review (an examiner checks the procedure itself)\n"));
        break;
    case ISS_CHECK_INFO_PROTECTION:
        iss_buf_printf(out,
                       X(lang,
                         "  customer_info_protection がない: 不適合\n"
                         "  procedure（手続の文書）がない: 不適合。in_operation: true でない: 不適合\n"
                         "  audits の監査のうち、基準日より後のもの、及び区分 '%s' の自社の案件のいずれかの担当者が監査人であるものは数えない",
                         "  customer_info_protection missing: fail\n"
                         "  no procedure named: fail; not in_operation: true: fail\n"
                         "  an audit dated after the reference date, or by a person on the staff "
                         "of any own engagement of category '%s', does not count"),
                       cat);
        reading_ref(out, r, "check", lang);
        iss_buf_puts(out, X(lang, "\n  数える監査がない: 不適合（数えなかった監査とその理由を先に示す）。それ以外: 適合\n",
                            "\n  no audit counts: fail (the audits that did not count, and why, "
                            "come first); otherwise: pass\n"));
        break;
    case ISS_CHECK_STATEMENT:
        iss_buf_puts(out, X(lang, "  services[].statements に次を書く: ",
                            "  services[].statements must give "));
        iss_strs_join(out, &r->statements, ", ");
        iss_buf_printf(out, X(lang, "。すべてある: %s。一つでもない: 不適合\n",
                              "; all given: %s; one missing: fail\n"),
                       r->when_present_pass ? X(lang, "適合", "pass")
                                            : X(lang, "要確認（内容は審査員が判断する）",
                                                "review (an examiner judges the substance)"));
        break;
    case ISS_CHECK_PREREQUISITE:
        iss_buf_puts(out, X(lang, "  次の区分をそれぞれ同じ申告書で申請していること: ",
                            "  Each of these categories must be applied for in the same "
                            "declaration: "));
        iss_strs_join(out, &r->requires, ", ");
        if (r->accept_registration) {
            iss_buf_puts(out, X(lang, "。又は registrations に登録番号とともに申告した登録が基準日に有効であること",
                                "; or declared under registrations with its number and not "
                                "expired on the reference date"));
            reading_ref(out, r, "accept_registration", lang);
            iss_buf_puts(out, X(lang, "。登録が期限切れ: 不適合", "; a registration that expired: fail"));
        }
        iss_buf_puts(out, X(lang, "。それ以外: 不適合。区分が読み込んだ基準にない: 不適合\n",
                            "; otherwise: fail; a category not in the loaded criteria: fail\n"));
        break;
    case ISS_CHECK_TRUST:
        iss_buf_puts(out, X(lang, "  申告書に 'trust' の節があるときに適用する（なければ対象外）。書かれていない項目と、本ツールの読みが挙げる不整合は不適合。それ以外は要確認（内容は審査員が判断する）",
                            "  Applies when the declaration has a 'trust' section (else n/a). "
                            "Items left out, and the inconsistencies this tool's reading names, "
                            "fail; the rest is review: an examiner judges the substance"));
        reading_ref(out, r, "check", lang);
        iss_buf_puts(out, X(lang, "。\n", ".\n"));
        break;
    }
    if (r->set->draft)
        iss_buf_puts(out, X(lang, "  この規則は案の基準に属する: 満たすと判断したものも適合ではなく要確認になる。\n",
                            "  The rule belongs to a draft set: what it finds met ends in review, "
                            "never pass.\n"));
}

static void snippet_lines(iss_buf *out, const char *text)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        iss_buf_puts(out, "    ");
        iss_buf_add(out, p, n);
        iss_buf_puts(out, "\n");
        p += n + (nl ? 1 : 0);
    }
}

/* A short declaration fragment that satisfies the rule. */
static void explain_snippet(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const char *cat = c->categories[r->category].code;
    iss_buf y = {0};
    switch (r->kind) {
    case ISS_CHECK_QUALIFIED_LEADS: {
        const iss_path *p = r->npaths ? &r->paths[0] : NULL;
        iss_buf_puts(&y, "persons:\n  - id: P001\n");
        if (p && p->type == ISS_PATH_QUALIFICATION) {
            const char *name = example_entry(c, ISS_ENTRY_QUALIFICATION, p->reiji);
            iss_buf_puts(&y, "    qualifications:\n      - {name: ");
            yaml_scalar(&y, name ? name : X(lang, "(資格)", "(qualification)"));
            iss_buf_puts(&y, ", acquired: 2024-04-01}\n");
        } else if (p && p->type == ISS_PATH_COMMUNITY) {
            const char *name = example_entry(c, ISS_ENTRY_COMMUNITY, p->reiji);
            iss_buf_puts(&y, "    community_roles:\n      - {community: ");
            yaml_scalar(&y, name ? name : X(lang, "(コミュニティ)", "(community)"));
            iss_buf_puts(&y, ", role: lecturer, from: 2024-04-01}\n");
        } else if (p && p->type == ISS_PATH_TRAINING) {
            const char *name = example_entry(c, ISS_ENTRY_TRAINING, p->reiji);
            iss_buf_puts(&y, "    trainings:\n      - {name: ");
            yaml_scalar(&y, name ? name : X(lang, "(研修)", "(training)"));
            iss_buf_puts(&y, ", completed: 2024-04-01}\n");
        } else if (p) {
            const char *w = p->work.n ? p->work.v[0].s : "";
            const char *slash = strchr(w, '/');
            iss_buf_printf(&y, "engagements:   # %s\n",
                           X(lang, "必要な件数まで続ける", "and more, up to the cases needed"));
            iss_buf_printf(&y,
                           "  - {id: E001, category: %.*s, kind: %s, start: 2025-04-01, "
                           "end: 2025-04-30, contract: single, staff: [P001]}\n",
                           slash ? (int)(slash - w) : (int)strlen(cat), slash ? w : cat,
                           slash ? slash + 1 : "(kind)");
        }
        iss_buf_printf(&y, "services:\n  - category: %s\n    %s:\n      persons: [P001]\n", cat,
                       r->group);
        if (r->disclose_counts) {
            iss_buf_puts(&y, "      counts: {");
            for (size_t i = 0; r->paths && i < r->npaths; i++)
                iss_buf_printf(&y, "%s%s: %d", i ? ", " : "", r->paths[i].id, i == 0);
            iss_buf_puts(&y, "}\n");
        }
        break;
    }
    case ISS_CHECK_DUAL_ROLE:
        iss_buf_printf(&y,
                       "services:\n  - category: %s\n    %s: {persons: [P001]}\n"
                       "    %s: {persons: [P001]}\n    dual_roles: {persons: [P001], count: 1}\n",
                       cat, r->dual[0]->group, r->dual[1]->group);
        break;
    case ISS_CHECK_REIJI_ITEMS:
        iss_buf_printf(&y, "services:\n  - category: %s\n", cat);
        for (int f = 0; f < ISS_FIELD_COUNT; f++) {
            bool first = true;
            for (size_t i = 0; i < r->nreqs; i++) {
                const iss_requirement *q = &r->reqs[i];
                if ((int)q->field != f)
                    continue;
                const char *name = example_entry(c, field_entry[f], q->reiji);
                if (first)
                    iss_buf_printf(&y, "    %s:\n", iss_item_field_keys[f]);
                first = false;
                iss_buf_puts(&y, "      - {name: ");
                yaml_scalar(&y, name ? name : X(lang, "(項目)", "(item)"));
                iss_buf_printf(&y, ", evidence: %s}", X(lang, "(文書)", "(document)"));
                if (q->reiji)
                    iss_buf_printf(&y, "   # 例示 %s", q->reiji);
                iss_buf_puts(&y, "\n");
            }
        }
        break;
    case ISS_CHECK_PERSON_ASSIGNED:
        iss_buf_printf(&y, "persons:\n  - id: P001\nservices:\n  - category: %s\n    %s: P001\n",
                       cat, r->field);
        break;
    case ISS_CHECK_MANUAL_SECTIONS: {
        const char *where = r->source == ISS_SECTIONS_REPORT_TEMPLATE ? "report_template" : "manual";
        iss_buf_printf(&y, "services:\n  - category: %s\n    %s:\n      sections: [", cat, where);
        for (size_t i = 0; i < r->nsections; i++)
            iss_buf_printf(&y, "%s%s", i ? ", " : "", r->sections[i].id);
        iss_buf_printf(&y, "]\n      evidence: %s\n",
                       X(lang, "(文書と版)", "(document, version)"));
        break;
    }
    case ISS_CHECK_CASE_REVIEW: {
        const iss_alternative *a = r->nalts ? &r->alts[0] : NULL;
        iss_buf_printf(&y,
                       "engagements:\n  - id: E001\n    category: %s\n    start: 2025-04-01\n"
                       "    end: 2025-04-30\n    contract: single\n    staff: [P001]\n"
                       "    reviews:\n",
                       cat);
        for (size_t i = 0; a && i < a->documents.n; i++)
            iss_buf_printf(&y, "      - {document: %s, by: %s}\n", a->documents.v[i].s,
                           a->reviewer == ISS_REVIEWER_INDEPENDENT ? "P002" : "P001");
        break;
    }
    case ISS_CHECK_INFO_PROTECTION:
        iss_buf_printf(&y,
                       "customer_info_protection:\n  procedure: %s\n  in_operation: true\n"
                       "  audits:\n    - {date: 2025-12-01, type: internal, auditor: P009}"
                       "   # %s\n",
                       X(lang, "(文書)", "(document)"),
                       X(lang, "どの案件の担当者でもない者", "on no case's staff"));
        break;
    case ISS_CHECK_STATEMENT:
        iss_buf_printf(&y, "services:\n  - category: %s\n    statements:\n", cat);
        for (size_t i = 0; i < r->statements.n; i++)
            iss_buf_printf(&y, "      %s: %s\n", r->statements.v[i].s, X(lang, "(本文)", "(text)"));
        break;
    case ISS_CHECK_PREREQUISITE:
        iss_buf_printf(&y, "services:\n  - category: %s\n", r->requires.n ? r->requires.v[0].s : cat);
        iss_buf_printf(&y, "  - category: %s\n", cat);
        if (r->accept_registration)
            iss_buf_printf(&y, "# %s\nregistrations:\n  - {category: %s, number: \"%s\", expires: 2027-03-31}\n",
                           X(lang, "又は、登録済みのとき:", "or, when already registered:"),
                           r->requires.n ? r->requires.v[0].s : cat,
                           X(lang, "(登録番号)", "(registration number)"));
        break;
    case ISS_CHECK_TRUST: {
        static const char *const snippets[] = {
            "trust:\n  capital:\n    shareholders:\n      - {name: (parent), country: JP, share: 60, parent: true}\n",
            "trust:\n  employees:\n    confidentiality: {document: (rule), evidence: (ref)}\n"
            "    training: {document: (rule)}\n    leaving: {document: (rule)}\n",
            "trust:\n  employees:\n    covers: [P001, P002]\n",
            "trust:\n  information:\n    certifications:\n"
            "      - {name: ISO/IEC 27001, number: (number), expires: 2027-03-31}\n",
            "trust:\n  information:\n    storage:\n      - {data: (kind of data), location: (where), country: JP}\n",
            "trust:\n  subcontractors:\n      - {name: (name), country: JP, services: [va], "
            "customer_data: true, confidentiality: true}\n",
            "trust:\n  tools:\n    - {name: (tool), vendor: (vendor), country: JP, ai: true, "
            "customer_data_leaves: false}\n",
            "trust:\n  security:\n    - {measure: (measure), evidence: (ref)}\n",
        };
        iss_buf_puts(&y, snippets[r->trust_item]);
        break;
    }
    }
    iss_buf_puts(out, X(lang, "申告書でこれを満たす例（isscheck-declaration(5) を参照）:\n",
                        "What satisfies it, in a declaration (see isscheck-declaration(5)):\n"));
    snippet_lines(out, y.s ? y.s : "");
    iss_buf_free(&y);
}

static void indented(iss_buf *out, const char *text)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        iss_buf_puts(out, "  ");
        iss_buf_add(out, p, n);
        iss_buf_puts(out, "\n");
        p += n + (nl ? 1 : 0);
    }
}

/* The readings the rule applies, each with the parameter it is on and
 * where it comes from. */
static void explain_readings(iss_buf *out, const iss_rule *r, iss_lang lang)
{
    if (!r->reading_on.n)
        return;
    iss_buf_puts(out, X(lang, "\n読み（本ツールによる解釈であり、文書の本文ではない）:\n",
                        "\nReadings (this tool's, not the document's text):\n"));
    for (size_t i = 0; i < r->reading_on.n; i++)
        iss_buf_printf(out, X(lang, "  - %s（出典: %s）:\n    %s\n", "  - %s (source: %s):\n    %s\n"),
                       r->reading_on.v[i].s, r->reading_source.v[i].s,
                       lang == ISS_LANG_EN ? r->reading_en.v[i].s : r->reading_ja.v[i].s);
}


void iss_explain_rule(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    const iss_category *cat = &c->categories[r->category];
    const iss_criteria *set = r->set;
    char date[ISS_DATE_SIZE];
    iss_date_format(set->date, date);
    iss_buf_printf(out, "%s  %s\n\n", r->id, lang == ISS_LANG_EN ? r->title_en : r->title_ja);
    iss_buf_printf(out, X(lang, "出典: %s %s（%s）%s\n", "Citation: %s %s (%s) %s\n"), set->title,
                   set->edition, date, r->clause);
    iss_buf_printf(out, X(lang, "区分: %s（%s）%s\n", "Category: %s (%s, %s)\n"), cat->code,
                   lang == ISS_LANG_EN ? cat->name_en : cat->name_ja, cat->clause);
    iss_buf_printf(out, X(lang, "基準: %s、%s\n\n", "Criteria: %s, %s\n\n"), set->dir,
                   set->draft ? X(lang, "案", "draft") : X(lang, "施行中", "in force"));
    if (r->label)
        iss_buf_printf(out,
                       X(lang, "見出し（本プロジェクトが組み立てたもので、文書の本文ではない）: %s\n\n",
                         "Heading (composed by this project, not the document's text): %s\n\n"),
                       r->label);
    if (r->text) {
        iss_buf_puts(out, X(lang, "本文（逐語）:\n", "Text (本文, verbatim):\n"));
        indented(out, r->text);
    } else {
        iss_buf_puts(out, X(lang, "本文: 入手できない（案）。出典と内容の報告（英語）:\n",
                             "Text: not available (draft):\n"));
        indented(out, r->text_unavailable);
    }
    if (r->related_text) {
        iss_buf_printf(out, X(lang, "\n関連する本文（逐語、%s）:\n", "\nRelated text (verbatim, %s):\n"),
                       r->related_clause);
        indented(out, r->related_text);
    }
    explain_readings(out, r, lang);
    if (lang == ISS_LANG_EN) { /* the summary is written in English only */
        iss_buf_puts(out, "\nSummary:\n");
        indented(out, r->summary);
    }
    iss_buf_puts(out, "\n");
    explain_evaluation(out, c, r, lang);
    iss_buf_puts(out, "\n");
    explain_params(out, r, lang);
    iss_buf_puts(out, "\n");
    explain_snippet(out, c, r, lang);
}
