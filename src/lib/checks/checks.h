/* checks.h - what the check kinds share with the loader (criteria.c), the
 * evaluator (eval.c), explain.c and template.c; private to the library.
 *
 * A check kind is one module, src/lib/checks/NAME.c, defining one row,
 * iss_check_NAME: how its parameters load (into its own member of
 * iss_rule's union, criteria.h), how it evaluates, how `isscheck explain`
 * tells its branches, parameters and a satisfying snippet, and what it adds
 * to a service of `isscheck init`'s template.  The rows are listed once, by
 * ISS_CHECK_KINDS (criteria.h); kinds.c gathers them into iss_check_kinds.
 * HACKING.md, "How to add a check kind", walks through a new one.
 */
#ifndef ISSCHECK_CHECKS_H
#define ISSCHECK_CHECKS_H

#include "fields.h"
#include "isscheck/authoring.h"
#include "isscheck/eval.h"
#include "isscheck/report.h"

/* ---- loading a rule file (criteria.c) ---- */

typedef struct {
    iss_ctx c;
    iss_criteria *cr;
    const iss_limits *lim;
    bool lint;                    /* go on past errors, to report every finding */
    bool unloadable;              /* a file is missing or not YAML */
    const iss_criteria_file *mem; /* the set's files in memory, or NULL: read dir */
    size_t nmem;
} iss_loader;

/* The value of a required key that must be one of values (NULL-terminated):
 * its index in *out, or false after a located error listing them. */
bool iss_load_enum(iss_loader *L, const iss_node *map, const char *key, const char *const *values,
                   int *out);
/* The strings of s as a NULL-terminated array in the set's arena. */
const char **iss_load_plain_list(iss_loader *L, const iss_strs *s);
/* A required list under key: the node, or NULL after a located error. */
const iss_node *iss_load_seq(iss_ctx *c, const iss_node *map, const char *key);
/* The qualified_leads rule of the set named by name, or NULL after a
 * located error (dual_role's rules, case_review's qualified_rule). */
const iss_rule *iss_load_leads_rule(iss_loader *L, const iss_str *name);
/* A lint warning: a parameter departs from the clause text (or fills a gap
 * in it) and no reading of the rule on `on` says so. */
void iss_lint_needs_reading(iss_loader *L, const iss_rule *r, iss_loc loc, const char *on);
/* A lint warning when no catalogue entry of the type is on the 例示 list. */
void iss_lint_list(iss_loader *L, const iss_rule *r, const char *list, iss_entry_type type,
                   iss_loc loc);

/* The catalogue file's entries into L's set (catalogue.c). */
bool iss_catalogue_load(iss_loader *L, const iss_node *root, const char *name);
/* Frees the patterns a set loaded from a folder compiled. */
void iss_catalogue_free_patterns(iss_criteria *c);
/* The type alternations of c (type_re), freed; also for a composite, which
 * owns them. */
void iss_catalogue_free_type_patterns(iss_criteria *c);

/* ---- evaluation (eval.c) ---- */

/* Whether something is met: ordered, so the best of several is the max. */
typedef enum { ST_NO = 0, ST_REVIEW = 1, ST_YES = 2 } status;

/* ends note()'s argument list: a pointer, as va_arg reads it */
#define END ((const char *)NULL)
/* the checks add notes by the hundred: a short name */
#define note(...) iss_result_note(__VA_ARGS__)

/* The evaluation of one declaration: what every check reads besides its
 * rule and service. */
typedef struct {
    iss_report *r;
    const iss_decl *d;
    const iss_criteria *c;
    iss_day ref;
    bool *relied;          /* per catalogue entry: an unverified entry a verdict rested on */
    size_t *pend;          /* unverified entries met while evaluating the current rule: they */
    size_t npend, cappend; /* count as relied on only if the rule's verdict rests on them */
    size_t *eng_of;        /* engagements per person, CSR: eng_start[p] .. eng_start[p+1] */
    size_t *eng_start;
    bool require_evidence; /* --require-evidence: a claim naming no evidence is review */
    bool unevidenced;      /* the rule being evaluated rests on such a claim */
    iss_loc *noev;         /* the claims naming no evidence met so far (rules share claims) */
    size_t nnoev, capnoev;
} ev;

const char *ev_date(ev *E, iss_day day);
const char *ev_num(ev *E, long n);
iss_mark ev_mark(status s);
iss_verdict ev_verdict(status s);
status ev_min(status a, status b);
const char *ev_person(ev *E, size_t p);
/* The evidence document a claim (written at loc) names, as a note; one
 * that names none is always listed, and with --require-evidence it is
 * review: the returned status caps a claim at review. */
status ev_claim_evidence(ev *E, iss_result *res, const iss_str *ev_ref, iss_loc loc);
/* The same for a claim the whole rule rests on (a manual, an audit, a
 * registration…): with --require-evidence, a pass becomes review. */
void ev_evidence(ev *E, iss_result *res, const iss_str *ev_ref, iss_loc loc);
/* The rule's reading on `on`, as a note, once per result: the reading
 * decided (part of) the verdict. */
void ev_reading_note(iss_result *res, const iss_rule *rule, const char *on);
/* A catalogue look-up; a pattern that gave up at PCRE2's limits is noted
 * (the verdict becomes review, never pass and never a hang). */
const iss_entry *ev_lookup(ev *E, iss_result *res, const char *who, iss_entry_type type,
                           const char *name, iss_loc loc, bool *limit);
/* One declared name (already looked up as e) against the 例示 list reiji. */
status ev_judge_entry(ev *E, iss_result *res, const char *who, iss_entry_type type,
                      const iss_entry *e, bool limit, const char *name, bool equivalent,
                      const char *reiji, iss_loc loc);
status ev_judge_item(ev *E, iss_result *res, const char *who, iss_entry_type type, const char *name,
                     bool equivalent, const char *reiji, iss_loc loc);
bool ev_in_list(const size_t *v, size_t n, size_t x);
/* The persons' ids, comma-separated ("—" for none). */
const char *ev_id_list(ev *E, const size_t *v, size_t n);
bool ev_applied_any(const iss_service *s, const iss_strs *subtypes);
const iss_lead_group *ev_find_group(const iss_service *s, const char *key);
/* Whether person p meets any path of a qualified_leads rule (silently:
 * the person is a reviewer or a 兼務者; qualified_leads.c). */
status ev_meets_rule(ev *E, size_t p, const iss_rule *rule);

/* ---- explanation (explain.c) ---- */

/* The strings.def row id as a printf format in lang.  The compiler cannot
 * check a format read from the table: tests/unit/test_diag.c checks that
 * both languages of every row take the same conversions. */
void iss_str_printf(iss_buf *out, iss_str_id id, iss_lang lang, ...);

/* A scalar as YAML: plain when YAML would read it back as the same
 * string, else double-quoted. */
void ex_yaml_scalar(iss_buf *out, const char *s);
/* "(reading: ON)" when the rule carries a reading on the parameter. */
void ex_reading_ref(iss_buf *out, const iss_rule *r, const char *on, iss_lang lang);
/* One catalogue-backed claim's branches (paths, reiji_items). */
void ex_catalogue_branches(iss_buf *out, iss_lang lang, const char *what);
/* The first catalogue entry of the type on the 例示 list, for examples. */
const char *ex_example_entry(const iss_criteria *c, iss_entry_type type, const char *reiji);
/* The 例示 lists rule r cites (its paths', its requirements'), in the
 * order written, each with the catalogue type looked up on it, to fn
 * (catalogue_list.c). */
typedef void iss_cited_fn(void *data, const char *reiji, iss_entry_type type);
void iss_rule_cited_lists(const iss_rule *r, iss_cited_fn *fn, void *data);
/* Each list r cites, once, with the names of the catalogue entries on it,
 * or a line saying it has none (every claim on it is then one of
 * equivalence); nothing for a rule citing no list. */
void ex_cited_lists(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang);
/* "[a, b]", or NULL for an empty list. */
const char *ex_strs_value(iss_buf *tmp, const iss_strs *l);
/* n as text in tmp. */
const char *ex_long_value(iss_buf *tmp, long n);

/* ---- the declaration template (template.c) ---- */

typedef struct {
    const iss_criteria *c;
    const bool *chosen;
    iss_lang lang;
    iss_buf *out;
} iss_tmpl;

const char *tmpl_title(const iss_tmpl *t, const iss_rule *r);
/* The first rule of the kind for category cat (with lead group group,
 * when not NULL), or NULL. */
const iss_rule *tmpl_rule(const iss_criteria *c, size_t cat, iss_check_kind kind,
                          const char *group);

/* ---- qualified_leads' paths (paths.c, track_record.c) ---- */

/* The path types' names, in iss_path_type order, NULL-terminated (params.c). */
extern const char *const iss_path_type_keys[];
/* The per_year_contract values, in iss_contract order, NULL-terminated. */
extern const char *const iss_contract_keys[];
bool iss_load_path(iss_loader *L, const iss_node *n, iss_path *p);
/* The lint findings on a path: readings its parameters need, a 例示 list
 * no catalogue entry is on. */
void iss_lint_path(iss_loader *L, const iss_rule *r, const iss_path *p);
/* Whether key names a parameter the path gives (a reading's PATH.KEY). */
bool iss_path_reading_target(const iss_path *p, const char *key);
/* Whether person p meets the path; res NULL: weighed without notes. */
status ev_path(ev *E, iss_result *res, size_t p, const iss_path *path, const iss_rule *rule);
status ev_track_record(ev *E, iss_result *res, size_t p, const iss_path *path,
                       const iss_rule *rule);
void ex_path(iss_buf *out, const iss_criteria *c, const iss_rule *r, const iss_path *p,
             iss_lang lang);
void ex_track_record(iss_buf *out, const iss_criteria *c, const iss_rule *r, const iss_path *p,
                     iss_lang lang);
/* The parameters of each path of r, with their values and what they mean;
 * whether there was one. */
bool ex_path_params(iss_buf *out, const iss_rule *r, iss_lang lang);

/* ---- the table ---- */

/* A parameter and what it means (a strings.def row: S_PARAM_KIND_KEY). */
typedef struct {
    const char *key;
    iss_str_id text;
} iss_param_text;

/* One row per kind; its name is ISS_CHECK_KINDS's (iss_check_names). */
struct iss_check_kind {
    const char *const *params;  /* the keys of its check besides kind, NULL-terminated */
    const iss_param_text *docs; /* what each one means (iss_param_doc), NULL key last */
    /* Its parameters from the check mapping n into r's member of the union;
     * false after located errors (every one of the mapping). */
    bool (*load)(iss_loader *L, const iss_node *n, iss_rule *r);
    /* Optional: resolves rule names once every file is in. */
    bool (*link)(iss_loader *L, iss_rule *r);
    /* Optional: points the rule's links at to_base's copies (a composite
     * set: iss_criteria_compose). */
    void (*relink)(iss_rule *r, const iss_rule *from_base, iss_rule *to_base);
    /* Optional: the lint findings on its parameters (readings they need,
     * 例示 lists no entry is on), and whether `on` names one of them. */
    void (*lint)(iss_loader *L, const iss_rule *r);
    bool (*reading_target)(const iss_rule *r, const char *on);
    /* Optional: the longest window it counts back, in years. */
    long (*window)(const iss_rule *r);
    /* Sets res->verdict and res->loc and adds the notes; s is NULL for a
     * rule of a section (trust). */
    void (*evaluate)(ev *E, const iss_service *s, iss_result *res);
    /* Every branch evaluate takes, from the parameters. */
    void (*explain)(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang);
    /* The value of parameter key as written, or NULL when the rule gives none. */
    const char *(*value)(const iss_rule *r, const char *key, iss_buf *tmp);
    /* Optional: the parameters of its parts (qualified_leads' paths), after
     * its own; whether there was one. */
    bool (*part_params)(iss_buf *out, const iss_rule *r, iss_lang lang);
    /* A declaration fragment that satisfies the rule, unindented. */
    void (*snippet)(iss_buf *y, const iss_criteria *c, const iss_rule *r, iss_lang lang);
    /* Optional: what it adds to service entry k of the template. */
    void (*service_template)(const iss_tmpl *t, size_t k);
};

#define ISS_CHECK_ROW(K, name) extern const struct iss_check_kind iss_check_##name;
ISS_CHECK_KINDS(ISS_CHECK_ROW)
#undef ISS_CHECK_ROW

/* Indexed by iss_check_kind. */
extern const struct iss_check_kind *const iss_check_kinds[ISS_CHECK_COUNT];
/* The kinds' names, NULL-terminated, as check.kind accepts them. */
extern const char *const iss_check_names[ISS_CHECK_COUNT + 1];

#endif
