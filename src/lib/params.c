/* params.c - what each parameter of a path type or of a part of a check
 * means, in Japanese and English, and the parameters each accepts (a check
 * kind lists its own parameters and their meanings in its row,
 * src/lib/checks/).  The loader refuses a parameter not listed
 * (criteria.c), and `isscheck explain` describes every parameter a rule
 * gives from the same rows, so a parameter cannot be added without a
 * description (tests/unit/test_criteria.c checks that every one has both
 * languages). */
#include "checks/checks.h"

#include <string.h>

typedef struct {
    const char *scope, *key, *ja, *en;
} param_doc;

/* scope: "path:<type>", or a part of a check ("requirement", "section",
 * "alternative"); a check kind's own parameters are described in its row
 * (src/lib/checks/NAME.c) */
/* a row, with its fields named */
#define DOC(scope_, key_, ja_, en_) {.scope = (scope_), .key = (key_), .ja = (ja_), .en = (en_)}

static const param_doc docs[] = {
    DOC("path:qualification", "reiji", "資格の例示の一覧", "the 例示 list of qualifications"),
    DOC("path:community", "reiji", "専門家コミュニティの例示の一覧", "the 例示 list of communities"),
    DOC("path:community", "lecturing_subject", "高等教育機関での講師経験の対象となる区分",
     "the category a higher-education lecturing record must be on"),
    DOC("path:training", "reiji", "研修の例示の一覧", "the 例示 list of trainings"),
    DOC("path:track_record", "work", "数える業務（区分/種別の組）",
     "the work that counts (category/kind pairs)"),
    DOC("path:track_record", "work_review", "審査員の確認を条件として数える業務（区分/種別の組）",
     "the work that counts only subject to review (category/kind pairs)"),
    DOC("path:track_record", "window_years", "実績を数える区間（基準日までの年数）",
     "the window (years up to the reference date)"),
    DOC("path:track_record", "min_cases", "必要な件数", "the cases needed"),
    DOC("path:track_record", "per_year_contract", "1年間分で1件と数える契約の種類",
     "the contract type counted one case per year"),
    DOC("path:track_record", "min_years", "必要な運用年数（のべ）",
     "the operating years (のべ) needed"),
    DOC("path:track_record", "years_reading", "運用年数を数える読み（window: 区間内の期間）",
     "the reading of the operating years (window: durations inside the window)"),
    DOC("requirement", "field", "項目を書く services[] の欄",
     "the services[] field holding the items"),
    DOC("requirement", "reiji", "項目が載るべき例示の一覧（ないときは任意の項目）",
     "the 例示 list the item must be on (none: any item)"),
    DOC("requirement", "clause", "要求の条項", "the requirement's clause"),
    DOC("requirement", "when_subtypes", "この要求が適用される申請区分",
     "the sub-types the requirement applies to"),
    DOC("requirement", "distinct", "true: 他の要求を満たした項目とは別の項目が要る",
     "true: an item other than those meeting the other requirements"),
    DOC("section", "id", "manual.sections に書く節の ID", "the section id written in manual.sections"),
    DOC("section", "clause", "節の条項", "the section's clause"),
    DOC("section", "ja", "節の名前（日本語）", "the section's name in Japanese"),
    DOC("section", "en", "節の名前（英語）", "the section's name in English"),
    DOC("alternative", "documents", "レビューされるべき文書（engagements[].reviews の document）",
     "the documents to be reviewed (document in engagements[].reviews)"),
    DOC("alternative", "reviewer",
     "レビュー者の条件: independent（案件の従事者以外）、any（誰でも）、"
     "staff_or_qualified（従事者又は qualified_rule を満たす者）",
     "who may review: independent (not on the case's staff), any, or staff_or_qualified (on the "
     "staff, or meeting qualified_rule)"),
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
    for (size_t k = 0; k < ISS_CHECK_COUNT; k++) {
        if (strcmp(iss_check_names[k], scope) != 0)
            continue;
        for (const iss_param_text *d = iss_check_kinds[k]->docs; d && d->key; d++)
            if (strcmp(d->key, key) == 0)
                return lang == ISS_LANG_EN ? d->en : d->ja;
        return NULL;
    }
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        if (strcmp(docs[i].scope, scope) == 0 && strcmp(docs[i].key, key) == 0)
            return lang == ISS_LANG_EN ? docs[i].en : docs[i].ja;
    return NULL;
}
