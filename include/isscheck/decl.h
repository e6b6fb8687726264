/* decl.h - a provider's declaration as a typed model.  Every field
 * remembers where it was written.  Loading is strict: unknown keys,
 * duplicate keys, wrong types, impossible dates, end before start and
 * references to undeclared persons or engagements are errors.
 */
#ifndef ISSCHECK_DECL_H
#define ISSCHECK_DECL_H

#include "isscheck/editions.h"

typedef struct {
    iss_str name, number, evidence;
    iss_day acquired, expires;
    bool equivalent;
    iss_loc loc;
} iss_qualification;

typedef struct {
    iss_str community, evidence;
    bool leader; /* false: lecturer */
    iss_day from, to;
    iss_loc loc;
} iss_community_role;

typedef struct {
    iss_str institution, subject, evidence;
    iss_day from, to;
    iss_loc loc;
} iss_lecturing;

typedef struct {
    iss_str name, evidence;
    iss_day completed;
    iss_loc loc;
} iss_training;

typedef struct {
    iss_str document;
    size_t by; /* person index */
    iss_loc loc;
} iss_review;

typedef struct {
    iss_str id, kind;
    size_t category;
    iss_day start, end; /* end ISS_NO_DATE: ongoing */
    iss_contract contract;
    size_t *staff; /* person indices */
    size_t nstaff;
    iss_review *reviews;
    size_t nreviews;
    long owner; /* -1: the provider's own case; else the person of a prior engagement */
    iss_loc loc;
} iss_engagement;

typedef struct {
    iss_str id, name;
    iss_qualification *quals;
    size_t nquals;
    iss_community_role *roles;
    size_t nroles;
    iss_lecturing *lecturing;
    size_t nlecturing;
    iss_training *trainings;
    size_t ntrainings;
    iss_loc loc;
} iss_person;

typedef struct {
    iss_str path;
    long count;
} iss_stated_count;

typedef struct {
    const char *key; /* technical_leads, va_leads, … */
    size_t *persons;
    size_t npersons;
    iss_stated_count *counts;
    size_t ncounts;
    bool has_counts;
    iss_loc loc, counts_loc;
} iss_lead_group;

typedef struct {
    iss_str name, evidence;
    bool equivalent;
    iss_loc loc;
} iss_item;

typedef struct {
    iss_str id, text, evidence;
} iss_statement;

typedef struct {
    size_t category;
    iss_strs subtypes;
    iss_lead_group *groups;
    size_t ngroups;
    bool has_dual;
    size_t *dual;
    size_t ndual;
    long dual_count; /* -1 when not stated */
    iss_loc dual_loc;
    long quality_manager; /* person index, -1 when absent */
    iss_loc qm_loc;
    bool has_manual;
    iss_strs manual_sections;
    iss_str manual_evidence;
    iss_loc manual_loc;
    iss_item *items[ISS_FIELD_COUNT];
    size_t nitems[ISS_FIELD_COUNT];
    iss_loc items_loc[ISS_FIELD_COUNT];
    iss_statement *statements;
    size_t nstatements;
    bool has_template; /* report_template: the sections of the report the service delivers */
    iss_strs template_sections;
    iss_str template_evidence;
    iss_loc template_loc;
    iss_loc loc;
} iss_service;

/* A registration the provider already holds (for a prerequisite). */
typedef struct {
    iss_str category, number, evidence;
    iss_day expires; /* ISS_NO_DATE: not stated */
    iss_loc loc;
} iss_registration;

/* ---- the trust section (事業者の信頼性, draft) ---- */

typedef enum { ISS_UNSTATED = -1, ISS_NO = 0, ISS_YES = 1 } iss_tristate;

typedef struct {
    iss_str name, country, evidence;
    long share; /* hundredths of a percent */
    bool parent;
    iss_loc loc;
} iss_holder;

typedef struct {
    iss_str document, evidence;
    iss_loc loc; /* line 0: not stated */
} iss_rulebook;

typedef struct {
    iss_str name, number, evidence;
    iss_day expires;
    iss_loc loc;
} iss_certification;

typedef struct {
    iss_str data, location, country;
    iss_loc loc;
} iss_storage;

typedef struct {
    iss_str name, country, evidence;
    iss_strs services;
    iss_tristate customer_data, confidentiality;
    iss_loc loc;
} iss_subcontractor;

typedef struct {
    iss_str name, vendor, country, evidence;
    iss_tristate ai, data_leaves;
    iss_loc loc;
} iss_tool;

typedef struct {
    iss_str measure, evidence;
    iss_loc loc;
} iss_measure;

/* Each part's loc has line 0 when the declaration leaves it out. */
typedef struct {
    iss_loc loc;
    iss_loc capital_loc;
    iss_holder *holders;
    size_t nholders;
    iss_str capital_evidence;
    iss_loc employees_loc;
    iss_rulebook confidentiality, training, leaving;
    size_t *covered; /* person indices */
    size_t ncovered;
    iss_loc covers_loc;
    iss_loc information_loc;
    iss_certification *certs;
    size_t ncerts;
    iss_loc storage_loc;
    iss_storage *storage;
    size_t nstorage;
    iss_loc subcontractors_loc;
    iss_subcontractor *subs;
    size_t nsubs;
    iss_loc tools_loc;
    iss_tool *tools;
    size_t ntools;
    iss_loc security_loc;
    iss_measure *measures;
    size_t nmeasures;
} iss_trust;

typedef struct {
    iss_day date;
    bool external;
    long auditor; /* person index, or -1 with auditor_org */
    iss_str auditor_org, evidence;
    iss_loc loc;
} iss_audit;

typedef struct {
    const char *file;
    char sha256[65]; /* of the file's bytes, as 64 hex digits */
    const iss_criteria *criteria;
    iss_str provider, corporate_number;
    iss_day reference_date; /* ISS_NO_DATE when not stated */
    iss_loc reference_loc;
    iss_person *persons;
    size_t npersons;
    iss_engagement *engagements; /* own cases first, then prior engagements */
    size_t nengagements;
    iss_service *services;
    size_t nservices;
    bool has_protection;
    iss_str procedure;
    bool in_operation;
    iss_audit *audits;
    size_t naudits;
    iss_loc protection_loc;
    iss_registration *registrations;
    size_t nregistrations;
    bool has_trust;
    iss_trust trust;
    iss_loc root_loc;
    iss_criteria *owned; /* the composite of editions the declaration named, if any */
    iss_arena *arena;
    /* persons and engagements read from events: heap arrays grown as the
     * items came (realloc), kept as they are rather than copied into the
     * arena; NULL when the tree path loaded them (in the arena) */
    void *heap_persons, *heap_engagements;
} iss_decl;

/* Loads the declaration at path ("-": standard input), shown as name.
 * Returns NULL after adding located diagnostics to d. */
iss_decl *iss_decl_load(const char *path, const char *name, const iss_criteria *c,
                        const iss_limits *lim, iss_diags *d);
/* The same, reading the file's node tree into scratch (reset first and
 * after, never freed): a caller loading many files reuses one scratch
 * arena, so the tree's memory is not fetched afresh for each file. */
iss_decl *iss_decl_load_in(const char *path, const char *name, const iss_editions *ed,
                           const iss_limits *lim, iss_arena *scratch, iss_diags *d);
iss_decl *iss_decl_parse(const char *bytes, size_t len, const char *name, const iss_criteria *c,
                         const iss_limits *lim, iss_diags *d);
/* The same against every loaded edition: the declaration's 'criteria'
 * key (document: edition) picks which, else the defaults. */
iss_decl *iss_decl_load_editions(const char *path, const char *name, const iss_editions *ed,
                                 const iss_limits *lim, iss_diags *d);
iss_decl *iss_decl_parse_editions(const char *bytes, size_t len, const char *name,
                                  const iss_editions *ed, const iss_limits *lim, iss_diags *d);
void iss_decl_free(iss_decl *decl);

const iss_service *iss_decl_service(const iss_decl *decl, size_t category);

#endif
