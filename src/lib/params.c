/* params.c - what each parameter of a check kind, path type or part means,
 * in Japanese and English (each kind lists its parameters in its row,
 * src/lib/checks/).  The loader refuses a parameter a kind does not list
 * (criteria.c), and `isscheck explain` describes every
 * parameter a rule gives from the same rows, so a parameter cannot be
 * added without a description (tests/unit/test_criteria.c checks that
 * every row has both languages). */
#include "checks/checks.h"

#include <string.h>

typedef struct {
    const char *scope, *key, *ja, *en;
} param_doc;

/* scope: a check kind, "path:<type>", or a part of a check
 * ("requirement", "section", "alternative") */
static const param_doc docs[] = {
    {"qualified_leads", "group", "技術責任者を申告する services[] の欄（この欄の persons が対象）",
     "the services[] group whose persons are the leads checked"},
    {"qualified_leads", "disclose_counts",
     "true: 要件ごとの人数を申告書の counts に書かせ、算出値と照合する",
     "true: the per-path counts must be stated under counts and equal the computed ones"},
    {"qualified_leads", "paths", "要件（いずれか一つを満たせばよい）",
     "the paths (meeting any one suffices)"},
    {"dual_role", "rules", "両方を満たす者を兼務者とする二つの規則",
     "the two rules whose paths a 兼務者 meets both of"},
    {"reiji_items", "requirements", "それぞれ満たすべき例示の項目の要求",
     "the requirements, each to be met"},
    {"person_assigned", "field", "担当者を書く services[] の欄",
     "the services[] field naming the person"},
    {"manual_sections", "sections", "含むべき節", "the sections that must be covered"},
    {"manual_sections", "source",
     "節を読む場所: manual（マニュアル）又は report_template（報告書の構成）",
     "where the sections are read: manual, or report_template"},
    {"manual_sections", "when_missing", "節が欠けたときの判定: fail 又は review",
     "the verdict when a section is missing: fail or review"},
    {"case_review", "window_years",
     "確認する案件の区間（基準日までの年数）: この区間に終了した案件だけを確認する",
     "the window (years up to the reference date): only cases that ended in it are checked"},
    {"case_review", "alternatives", "いずれか一つを満たせばよいレビューの方法",
     "the ways of review, any one of which suffices"},
    {"case_review", "qualified_rule", "レビュー者が満たしてもよい規則（staff_or_qualified のとき）",
     "the rule a reviewer may meet instead (staff_or_qualified)"},
    {"statement", "statements", "申告書の statements に必要な表明",
     "the statements that must be given"},
    {"statement", "when_present", "すべての表明があるときの判定: pass 又は review",
     "the verdict when every statement is given: pass or review"},
    {"prerequisite", "requires", "同じ申告書で申請していなければならない区分",
     "the categories that must be applied for in the same declaration"},
    {"prerequisite", "accept_registration",
     "true: 申請の代わりに、有効な登録を登録番号とともに申告してもよい",
     "true: a current registration declared with its number does instead"},
    {"trust", "item", "信頼性の審査項目のうちどれを確認するか", "which trust item is checked"},
    {"trust", "threshold_percent", "申告すべき株主の持分の下限（%）",
     "the share (%) from which a shareholder must be declared"},
    {"path:qualification", "reiji", "資格の例示の一覧", "the 例示 list of qualifications"},
    {"path:community", "reiji", "専門家コミュニティの例示の一覧", "the 例示 list of communities"},
    {"path:community", "lecturing_subject", "高等教育機関での講師経験の対象となる区分",
     "the category a higher-education lecturing record must be on"},
    {"path:training", "reiji", "研修の例示の一覧", "the 例示 list of trainings"},
    {"path:track_record", "work", "数える業務（区分/種別の組）",
     "the work that counts (category/kind pairs)"},
    {"path:track_record", "work_review", "審査員の確認を条件として数える業務（区分/種別の組）",
     "the work that counts only subject to review (category/kind pairs)"},
    {"path:track_record", "window_years", "実績を数える区間（基準日までの年数）",
     "the window (years up to the reference date)"},
    {"path:track_record", "min_cases", "必要な件数", "the cases needed"},
    {"path:track_record", "per_year_contract", "1年間分で1件と数える契約の種類",
     "the contract type counted one case per year"},
    {"path:track_record", "min_years", "必要な運用年数（のべ）",
     "the operating years (のべ) needed"},
    {"path:track_record", "years_reading", "運用年数を数える読み（window: 区間内の期間）",
     "the reading of the operating years (window: durations inside the window)"},
    {"requirement", "field", "項目を書く services[] の欄",
     "the services[] field holding the items"},
    {"requirement", "reiji", "項目が載るべき例示の一覧（ないときは任意の項目）",
     "the 例示 list the item must be on (none: any item)"},
    {"requirement", "clause", "要求の条項", "the requirement's clause"},
    {"requirement", "when_subtypes", "この要求が適用される申請区分",
     "the sub-types the requirement applies to"},
    {"requirement", "distinct", "true: 他の要求を満たした項目とは別の項目が要る",
     "true: an item other than those meeting the other requirements"},
    {"section", "id", "manual.sections に書く節の ID", "the section id written in manual.sections"},
    {"section", "clause", "節の条項", "the section's clause"},
    {"section", "ja", "節の名前（日本語）", "the section's name in Japanese"},
    {"section", "en", "節の名前（英語）", "the section's name in English"},
    {"alternative", "documents", "レビューされるべき文書（engagements[].reviews の document）",
     "the documents to be reviewed (document in engagements[].reviews)"},
    {"alternative", "reviewer",
     "レビュー者の条件: independent（案件の従事者以外）、any（誰でも）、"
     "staff_or_qualified（従事者又は qualified_rule を満たす者）",
     "who may review: independent (not on the case's staff), any, or staff_or_qualified (on the "
     "staff, or meeting qualified_rule)"},
};

static const char *const p_none[] = {NULL};

static const char *const pp_reiji[] = {"reiji", NULL};
static const char *const pp_community[] = {"reiji", "lecturing_subject", NULL};
static const char *const pp_track[] = {"work",          "work_review", "window_years",
                                       "min_cases",     "min_years",   "per_year_contract",
                                       "years_reading", NULL};
static const char *const *const path_params[] = {
    [ISS_PATH_QUALIFICATION] = pp_reiji,
    [ISS_PATH_COMMUNITY] = pp_community,
    [ISS_PATH_TRAINING] = pp_reiji,
    [ISS_PATH_TRACK_RECORD] = pp_track,
};
/* NULL-terminated: the loader accepts these as a path's type */
const char *const iss_path_type_keys[] = {
    [ISS_PATH_QUALIFICATION] = "qualification",
    [ISS_PATH_COMMUNITY] = "community",
    [ISS_PATH_TRAINING] = "training",
    [ISS_PATH_TRACK_RECORD] = "track_record",
    [ISS_PATH_TRACK_RECORD + 1] = NULL,
};

static const char *const part_req[] = {"field",         "reiji",    "clause",
                                       "when_subtypes", "distinct", NULL};
static const char *const part_sec[] = {"id", "clause", "ja", "en", NULL};
static const char *const part_alt[] = {"documents", "reviewer", NULL};

const char *iss_path_type_name(iss_path_type t)
{
    return (size_t)t <= ISS_PATH_TRACK_RECORD ? iss_path_type_keys[t] : "?";
}

const char *const *iss_path_params(iss_path_type t)
{
    return (size_t)t < sizeof path_params / sizeof *path_params ? path_params[t] : p_none;
}

const char *const *iss_part_params(const char *part)
{
    if (strcmp(part, "requirement") == 0)
        return part_req;
    if (strcmp(part, "section") == 0)
        return part_sec;
    if (strcmp(part, "alternative") == 0)
        return part_alt;
    return p_none;
}

const char *iss_param_doc(const char *scope, const char *key, iss_lang lang)
{
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        if (strcmp(docs[i].scope, scope) == 0 && strcmp(docs[i].key, key) == 0)
            return lang == ISS_LANG_EN ? docs[i].en : docs[i].ja;
    return NULL;
}
