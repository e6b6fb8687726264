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
    const char *scope, *key;
    iss_str_id text;
} param_doc;

/* scope: "path:<type>", or a part of a check ("requirement", "section",
 * "alternative"); a check kind's own parameters are described in its row
 * (src/lib/checks/NAME.c) */
/* a row, with its fields named */
#define DOC(scope_, key_, text_)                                                                   \
    {                                                                                              \
        .scope = (scope_), .key = (key_), .text = (text_)                                          \
    }

static const param_doc docs[] = {
    DOC("path:qualification", "reiji", S_PARAM_PATH_QUALIFICATION_REIJI),
    DOC("path:community", "reiji", S_PARAM_PATH_COMMUNITY_REIJI),
    DOC("path:community", "lecturing_subject", S_PARAM_PATH_COMMUNITY_LECTURING_SUBJECT),
    DOC("path:training", "reiji", S_PARAM_PATH_TRAINING_REIJI),
    DOC("path:track_record", "work", S_PARAM_PATH_TRACK_RECORD_WORK),
    DOC("path:track_record", "work_review", S_PARAM_PATH_TRACK_RECORD_WORK_REVIEW),
    DOC("path:track_record", "window_years", S_PARAM_PATH_TRACK_RECORD_WINDOW_YEARS),
    DOC("path:track_record", "min_cases", S_PARAM_PATH_TRACK_RECORD_MIN_CASES),
    DOC("path:track_record", "per_year_contract", S_PARAM_PATH_TRACK_RECORD_PER_YEAR_CONTRACT),
    DOC("path:track_record", "min_years", S_PARAM_PATH_TRACK_RECORD_MIN_YEARS),
    DOC("path:track_record", "years_reading", S_PARAM_PATH_TRACK_RECORD_YEARS_READING),
    DOC("requirement", "field", S_PARAM_REQUIREMENT_FIELD),
    DOC("requirement", "reiji", S_PARAM_REQUIREMENT_REIJI),
    DOC("requirement", "clause", S_PARAM_REQUIREMENT_CLAUSE),
    DOC("requirement", "when_subtypes", S_PARAM_REQUIREMENT_WHEN_SUBTYPES),
    DOC("requirement", "distinct", S_PARAM_REQUIREMENT_DISTINCT),
    DOC("section", "id", S_PARAM_SECTION_ID),
    DOC("section", "clause", S_PARAM_SECTION_CLAUSE),
    DOC("section", "ja", S_PARAM_SECTION_JA),
    DOC("section", "en", S_PARAM_SECTION_EN),
    DOC("alternative", "documents", S_PARAM_ALTERNATIVE_DOCUMENTS),
    DOC("alternative", "reviewer", S_PARAM_ALTERNATIVE_REVIEWER),
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
    [ISS_PATH_QUALIFICATION] = "qualification", [ISS_PATH_COMMUNITY] = "community",
    [ISS_PATH_TRAINING] = "training",           [ISS_PATH_TRACK_RECORD] = "track_record",
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
                return iss_string(d->text, lang);
        return NULL;
    }
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        if (strcmp(docs[i].scope, scope) == 0 && strcmp(docs[i].key, key) == 0)
            return iss_string(docs[i].text, lang);
    return NULL;
}
