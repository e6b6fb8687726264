/* criteria.h - the standard as data: a criteria set (manifest, rule files,
 * the 例示 catalogue) loaded from a folder.  Nothing of the standard is
 * written in C; this is only the shape of what the YAML says.
 */
#ifndef ISSCHECK_CRITERIA_H
#define ISSCHECK_CRITERIA_H

#include "isscheck/dates.h"
#include "isscheck/input.h"
#include "isscheck/strs.h"

#include <stdatomic.h>

/* A compiled PCRE2 pattern (pcre2_code *), or NULL while not compiled. */
typedef _Atomic(void *) iss_pattern_slot;

typedef struct {
    const char *code, *ja, *en;
} iss_label;

typedef struct {
    const char *code, *prefix, *name_ja, *name_en, *clause;
    const char **aliases;
    size_t naliases;
    iss_label *subtypes;
    size_t nsubtypes;
    iss_label *kinds; /* engagement kinds */
    size_t nkinds;
    const char **groups; /* lead-group keys a service of this category may carry */
    size_t ngroups;
    const char *section; /* applies when the declaration has this top-level
                          * section (trust) rather than a service; NULL: a service */
} iss_category;

/* The data a category handles and its risk level (the 2025-10 table). */
typedef struct {
    const char *category, *level_ja, *level_en, *data, *risk;
    const struct iss_criteria *set;
} iss_risk;

/* The check kinds, in the order the loader lists them: X(ENUM, name) for
 * each, name being what a rule file writes under check.kind and the name
 * of the kind's module (src/lib/checks/NAME.c, iss_check_NAME). */
#define ISS_CHECK_KINDS(X)                                                                         \
    X(QUALIFIED_LEADS, qualified_leads)                                                            \
    X(DUAL_ROLE, dual_role)                                                                        \
    X(REIJI_ITEMS, reiji_items)                                                                    \
    X(PERSON_ASSIGNED, person_assigned)                                                            \
    X(MANUAL_SECTIONS, manual_sections)                                                            \
    X(CASE_REVIEW, case_review)                                                                    \
    X(INFO_PROTECTION, info_protection)                                                            \
    X(STATEMENT, statement)                                                                        \
    X(PREREQUISITE, prerequisite)                                                                  \
    X(TRUST, trust)

typedef enum {
#define ISS_CHECK_ENUM(K, name) ISS_CHECK_##K,
    ISS_CHECK_KINDS(ISS_CHECK_ENUM)
#undef ISS_CHECK_ENUM
        ISS_CHECK_COUNT
} iss_check_kind;

typedef enum {
    ISS_TRUST_CAPITAL,
    ISS_TRUST_EMPLOYEES,
    ISS_TRUST_COVERAGE,
    ISS_TRUST_CERTIFICATIONS,
    ISS_TRUST_STORAGE,
    ISS_TRUST_SUBCONTRACTING,
    ISS_TRUST_TOOLS,
    ISS_TRUST_SECURITY
} iss_trust_item;
typedef enum { ISS_SECTIONS_MANUAL, ISS_SECTIONS_REPORT_TEMPLATE } iss_sections_source;

typedef enum {
    ISS_PATH_QUALIFICATION,
    ISS_PATH_COMMUNITY,
    ISS_PATH_TRAINING,
    ISS_PATH_TRACK_RECORD
} iss_path_type;
typedef enum {
    ISS_CONTRACT_SINGLE,
    ISS_CONTRACT_COMPREHENSIVE,
    ISS_CONTRACT_CONTINUING,
    ISS_CONTRACT_NONE
} iss_contract;
typedef enum {
    ISS_FIELD_STANDARDS,
    ISS_FIELD_RESULT_HANDLING,
    ISS_FIELD_COMPLIANCE,
    ISS_FIELD_EDUCATION,
    ISS_FIELD_COUNT
} iss_item_field;
/* The declaration keys of the item fields, in iss_item_field order,
 * NULL-terminated. */
extern const char *const iss_item_field_keys[ISS_FIELD_COUNT + 1];
typedef enum {
    ISS_REVIEWER_INDEPENDENT,
    ISS_REVIEWER_ANY,
    ISS_REVIEWER_STAFF_OR_QUALIFIED
} iss_reviewer;
typedef enum {
    ISS_ENTRY_QUALIFICATION,
    ISS_ENTRY_COMMUNITY,
    ISS_ENTRY_TRAINING,
    ISS_ENTRY_STANDARD,
    ISS_ENTRY_RESULT_HANDLING,
    ISS_ENTRY_COMPLIANCE,
    ISS_ENTRY_EDUCATION
} iss_entry_type;
/* The names a catalogue file gives the types, in iss_entry_type order,
 * NULL-terminated (catalogue.c). */
extern const char *const iss_entry_type_keys[];

typedef struct {
    const char *id, *clause;
    iss_path_type type;
    const char *reiji;             /* qualification, community, training */
    const char *lecturing_subject; /* community: category code of higher-education lecturing */
    /* track_record: the work that counts, as "category/kind" pairs (kind
     * codes repeat across categories); work_review: work that counts only
     * subject to review (clauses.md readings 10, 11) */
    iss_strs work, work_review;
    long window_years, min_cases, min_years;
    iss_contract per_year_contract;
    iss_loc loc;
} iss_path;

typedef struct {
    iss_item_field field;
    const char *reiji, *clause; /* reiji NULL: any declared item */
    iss_strs when_subtypes;
    bool distinct;
} iss_requirement;

typedef struct {
    const char *id, *clause, *ja, *en;
} iss_section;

typedef struct {
    iss_strs documents;
    iss_reviewer reviewer;
} iss_alternative;

typedef struct iss_rule iss_rule;

/* The parameters of each check kind, one struct per kind (the kind's
 * module under src/lib/checks/ loads, evaluates and explains them). */
typedef struct {
    const char *group;
    bool disclose_counts;
    iss_path *paths;
    size_t npaths;
} iss_leads_params;

typedef struct {
    iss_strs names;          /* the two rule ids as written */
    const iss_rule *rule[2]; /* linked once every file of the set is in */
} iss_dual_params;

typedef struct {
    iss_requirement *reqs;
    size_t nreqs;
} iss_items_params;

typedef struct {
    const char *field;
} iss_person_params;

typedef struct {
    iss_section *sections;
    size_t nsections;
    iss_sections_source source;
    bool missing_review; /* a missing section is review, not fail (unconfirmed criteria) */
} iss_sections_params;

typedef struct {
    long window_years;
    iss_alternative *alts;
    size_t nalts;
    iss_str qualified_id;           /* qualified_rule as written, or no string */
    const iss_rule *qualified_rule; /* linked once every file of the set is in */
} iss_review_params;

typedef struct {
    iss_strs statements;
    bool when_present_pass;
} iss_statement_params;

/* categories applied for here or registered already */
typedef struct {
    iss_strs requires;
    bool accept_registration; /* a current registration declared with its number also does */
} iss_prereq_params;

typedef struct {
    iss_trust_item item;
    long threshold; /* capital: share in hundredths of a percent */
} iss_trust_params;

struct iss_rule {
    const char *id, *clause, *title_ja, *title_en, *text, *summary;
    const char
        *text_unavailable;      /* draft rules: why the clause text is not given, and its source */
    const char *label;          /* a heading composed by this project (not verbatim), or NULL */
    const char *related_text;   /* verbatim text from elsewhere in the document the rule rests on */
    const char *related_clause; /* where related_text is */
    /* The readings the rule applies (clauses.md or this project's own),
     * parallel lists: reading_on names the parameter (or "check") each one
     * justifies, reading_source where it comes from, reading_ja/_en the
     * reading itself. */
    iss_strs reading_on, reading_source, reading_ja, reading_en;
    const struct iss_criteria *set; /* the edition the rule belongs to */
    const char *file;
    iss_loc loc;
    size_t category; /* index into iss_criteria.categories */
    iss_strs when_subtypes;
    iss_check_kind kind;
    /* The parameters of the kind: only the member named after it is set
     * (the others are the same bytes).  Last in the struct, so that the
     * built-in criteria generator knows where the union ends. */
    union {
        iss_leads_params leads;         /* qualified_leads */
        iss_dual_params dual;           /* dual_role */
        iss_items_params items;         /* reiji_items */
        iss_person_params person;       /* person_assigned */
        iss_sections_params sections;   /* manual_sections */
        iss_review_params review;       /* case_review */
        iss_statement_params statement; /* statement */
        iss_prereq_params prereq;       /* prerequisite */
        iss_trust_params trust;         /* trust */
    };
};

typedef struct {
    const char *id, *name, *note;
    iss_entry_type type;
    const char **alias_src;
    size_t naliases;
    /* pcre2_code *, one per alias and then the number pattern's (naliases
     * + 1 slots, shared by every copy of the entry): compiled when the set
     * is loaded from a folder (a bad pattern is a located error), when
     * first needed for a built-in set (NULL until then; set once,
     * atomically, so the threads of check -j may race to it) */
    iss_pattern_slot *alias_re;
    const struct iss_criteria *owner;
    iss_strs lists;
    const char *number_src;
    bool verified;
    const char *provenance; /* "unverified" or "例示 DATE, checked DATE by WHO" */
} iss_entry;

/* Where a set comes from, in rising precedence. */
typedef enum { ISS_ORIGIN_BUILTIN, ISS_ORIGIN_ENV, ISS_ORIGIN_OPTION } iss_origin;

typedef struct iss_criteria iss_criteria;
struct iss_criteria {
    const char *dir, *document, *title, *edition, *source, *issuer;
    iss_day date;
    bool draft;
    bool builtin;      /* compiled into the binary: static data, never freed */
    iss_origin origin; /* built in, or the folder of ISSCHECK_CRITERIA or --criteria */
    /* The editions this criteria is made of: itself for a set loaded from
     * a folder; one per document for a composite (iss_criteria_compose). */
    const iss_criteria **sets;
    size_t nsets;
    bool composite; /* borrows rules, entries and patterns from its sets */
    iss_risk *risks;
    size_t nrisks;
    iss_strs clauses; /* the clauses the manifest says the set encodes */
    iss_category *categories;
    size_t ncategories;
    iss_rule *rules;
    size_t nrules;
    iss_entry *entries;
    size_t nentries;
    /* per entry type, the alias patterns of its entries as one alternation
     * (pcre2_code *, catalogue.c), made when first needed as alias_re is:
     * a name that no alias of the type matches, the common case of a claim
     * not in the catalogue, costs one match instead of one per alias */
    iss_pattern_slot type_re[ISS_ENTRY_EDUCATION + 1];
    char digest[17];    /* FNV-1a 64 of the files loaded, hex */
    const char **files; /* a set loaded from a folder: the paths of its manifest
                         * and of the files it lists (none for a composite or
                         * a built-in set) */
    size_t nfiles;
    iss_arena *arena; /* NULL for a built-in set */
};

/* Loads the criteria set in dir (its manifest.yaml and the files it
 * names).  Returns NULL after adding diagnostics to d. */
iss_criteria *iss_criteria_load(const char *dir, iss_diags *d);
/* iss_criteria_free of a built-in set does nothing. */
void iss_criteria_free(iss_criteria *c);

/* A criteria file held in memory (a built-in set's YAML): its plain name
 * in the set's folder and its bytes. */
typedef struct {
    const char *name;
    const char *bytes;
    size_t len;
} iss_criteria_file;

/* Checks a criteria set for its authors (isscheck criteria lint): loads it
 * as far as it goes and adds every finding to d, warnings included.
 * Returns 0 clean (warnings allowed), 1 findings, 2 not loadable at all
 * (a manifest or rule file that is missing or not YAML). */
int iss_criteria_lint(const char *dir, iss_diags *d);
/* The same for a set whose files are in memory; dir is the name its files
 * are reported under (dir/NAME). */
int iss_criteria_lint_files(const char *dir, const iss_criteria_file *files, size_t n,
                            iss_diags *d);

/* One criteria made of several sets (one edition per document), in the
 * order given: categories, rules and catalogue entries concatenated, each
 * rule still naming its own set.  The sets must outlive it.  Returns NULL
 * after adding a diagnostic (a category or rule id defined by two sets). */
iss_criteria *iss_criteria_compose(const iss_criteria *const *sets, size_t n, iss_diags *d);

/* The index of the rule's reading on `on` (a parameter, PATH.PARAMETER or
 * "check"), or -1. */
int iss_rule_reading(const iss_rule *r, const char *on);

/* The parameters of each check kind, path type and part of a check
 * ("requirement", "section", "alternative"), NULL-terminated: the loader
 * accepts these and no others, and iss_param_doc describes each one
 * (scope: the check kind's name, "path:<type>", or the part) in lang, or
 * returns NULL for a parameter it does not describe (params.c). */
const char *iss_check_name(iss_check_kind k);
const char *const *iss_check_params(iss_check_kind k);
const char *iss_path_type_name(iss_path_type t);
const char *const *iss_path_params(iss_path_type t);
const char *const *iss_part_params(const char *part);
const char *iss_param_doc(const char *scope, const char *key, iss_lang lang);

/* The risk row of a category code, or NULL. */
const iss_risk *iss_criteria_risk(const iss_criteria *c, const char *category);

/* The category whose code or alias is name, or -1. */
int iss_criteria_category(const iss_criteria *c, const char *name);
const iss_rule *iss_criteria_rule(const iss_criteria *c, const char *id);
/* The longest window, in years, that a rule or path of c counts back from
 * the reference date (0 when none does). */
long iss_criteria_longest_window(const iss_criteria *c);

/* Catalogue look-up: the entry of the given type that name matches
 * (exactly, or by an alias pattern), or NULL. */
const iss_entry *iss_catalogue_match(const iss_criteria *c, iss_entry_type type, const char *name);
/* The same, and *limit_hit (when not NULL) names an entry whose alias
 * pattern gave up at PCRE2's match or depth limit on name, NULL if none:
 * a catastrophic pattern costs a bounded time and is reported, never a
 * hang. */
const iss_entry *iss_catalogue_lookup(const iss_criteria *c, iss_entry_type type, const char *name,
                                      const iss_entry **limit_hit);
/* Whether number matches the entry's registration-number format (true
 * when the entry gives none). */
bool iss_entry_number_ok(const iss_entry *e, const char *number);
bool iss_entry_on_list(const iss_entry *e, const char *reiji);

#endif
