/* test_decl.c - loading a declaration strictly: every refusal names what is
 * wrong and where (line and column), and what is accepted becomes the typed
 * model. */
/* The YAML inputs below are laid out one YAML line per C line: */
/* clang-format off */
#include <string.h>

#include "fixture.h"

/* A valid declaration, line by line (line numbers matter below). */
#define HEAD                                                                                       \
    "provider:\n"                        /* 1 */                                                   \
    "  name: テスト株式会社\n"           /* 2 */                                                   \
    "reference_date: 2026-04-01\n"       /* 3 */                                                   \
    "persons:\n"                         /* 4 */                                                   \
    "  - id: P1\n"                       /* 5 */                                                   \
    "  - id: P2\n"                       /* 6 */
#define VA_SERVICE                                                                                 \
    "services:\n"                                                                                  \
    "  - category: va\n"                                                                           \
    "    subtypes: [web]\n"                                                                        \
    "    technical_leads: {persons: [P1]}\n"

static iss_diags *refused(const char *yaml)
{
    return fx_decl_errors(fx_shipped(), yaml);
}

START_TEST(valid_declaration_loads)
{
    const char *yaml = HEAD
        "engagements:\n"
        "  - {id: E1, category: va, kind: web, start: 2025-01-10, end: 2025-02-20, contract: single,\n"
        "     staff: [P1], reviews: [{document: inspection-report, by: P2}]}\n"
        "  - {id: E2, category: 脆弱性診断, kind: platform, start: 2025-03-01, contract: 包括的, staff: [P1, P2]}\n"
        "  - {id: E3, category: mon, kind: mss, start: 2025-03-01, contract: 継続的, staff: [P2]}\n"
        VA_SERVICE;
    fx_run *run = fx_eval(fx_shipped(), yaml, NULL);
    const iss_decl *d = run->decl;
    ck_assert_str_eq(d->provider.s, "テスト株式会社");
    ck_assert_str_eq(fx_date_str(d->reference_date), "2026-04-01");
    ck_assert_int_eq(d->reference_loc.line, 3);
    ck_assert_int_eq(d->reference_loc.col, 17);
    ck_assert_uint_eq(d->npersons, 2);
    ck_assert_int_eq(d->persons[1].loc.line, 6);
    ck_assert_uint_eq(d->nengagements, 3);
    const iss_engagement *e1 = &d->engagements[0], *e2 = &d->engagements[1], *e3 = &d->engagements[2];
    ck_assert_int_eq(e1->contract, ISS_CONTRACT_SINGLE);
    ck_assert_int_eq(e1->owner, -1);
    ck_assert_uint_eq(e1->nreviews, 1);
    ck_assert_uint_eq(e1->reviews[0].by, 1);
    /* a category alias and the Japanese contract names */
    ck_assert_str_eq(fx_shipped()->categories[e2->category].code, "va");
    ck_assert_int_eq(e2->contract, ISS_CONTRACT_COMPREHENSIVE);
    ck_assert_int_eq(e2->end, ISS_NO_DATE); /* ongoing */
    ck_assert_int_eq(e3->contract, ISS_CONTRACT_CONTINUING);
    ck_assert_uint_eq(d->nservices, 1);
    ck_assert_str_eq(d->services[0].subtypes.v[0].s, "web");
    ck_assert_int_eq(run->report->ref_source, ISS_REF_DECLARATION);
    fx_run_free(run);
}
END_TEST

START_TEST(japanese_subtype_name_normalised)
{
    const char *yaml = HEAD
        "services:\n"
        "  - category: va\n"
        "    subtypes: [Webアプリケーション脆弱性診断]\n";
    fx_run *run = fx_eval(fx_shipped(), yaml, NULL);
    ck_assert_str_eq(run->decl->services[0].subtypes.v[0].s, "web");
    fx_run_free(run);
}
END_TEST

START_TEST(prior_engagement_belongs_to_its_person)
{
    const char *yaml = HEAD
        "    prior_engagements:\n"
        "      - {id: X-1, category: va, kind: web, start: 2023-05-01, end: 2023-06-30, contract: single,\n"
        "         employer: 前職株式会社}\n"
        "engagements:\n"
        "  - {id: E1, category: va, kind: web, start: 2025-01-10, end: 2025-02-20, contract: single, staff: [P1]}\n"
        VA_SERVICE;
    fx_run *run = fx_eval(fx_shipped(), yaml, NULL);
    const iss_decl *d = run->decl;
    ck_assert_uint_eq(d->nengagements, 2);
    ck_assert_int_eq(d->engagements[0].owner, -1); /* own cases first */
    ck_assert_str_eq(d->engagements[1].id.s, "X-1");
    ck_assert_int_eq(d->engagements[1].owner, 1);
    ck_assert_uint_eq(d->engagements[1].nstaff, 0);
    fx_run_free(run);
}
END_TEST

START_TEST(unknown_section_and_statement_ids)
{
    /* ids the rule files define: a typo is an input error, not a failed rule */
    iss_diags *d = refused(HEAD VA_SERVICE "    manual: {sections: [process, outptu]}\n");
    ck_assert_ptr_nonnull(fx_diag_find(d, "unknown manual section 'outptu' for category 'va'; expected one of process, output"));
    fx_diags_free(d);
    d = refused(HEAD VA_SERVICE "    statements: {targett: x}\n");
    ck_assert_ptr_nonnull(fx_diag_find(d, "unknown statement 'targett' for category 'va'"));
    fx_diags_free(d);
}
END_TEST

START_TEST(unknown_key_did_you_mean)
{
    iss_diags *d = refused(HEAD
        "    qualifcations: []\n" /* 7 */
        VA_SERVICE);
    ck_assert_diag(d, 7, 5, "unknown key 'qualifcations' in a person; did you mean 'qualifications'?");
    fx_diags_free(d);
    /* at the top level, and without a near key */
    d = refused(HEAD "refrence_date: 2026-04-01\n" VA_SERVICE);
    ck_assert_diag(d, 7, 1, "unknown key 'refrence_date' in the declaration; did you mean 'reference_date'?");
    fx_diags_free(d);
    d = refused(HEAD "zzzzzzzz: 1\n" VA_SERVICE);
    ck_assert_diag(d, 7, 1, "unknown key 'zzzzzzzz' in the declaration");
    ck_assert_ptr_null(fx_diag_find(d, "did you mean"));
    fx_diags_free(d);
}
END_TEST

START_TEST(every_unknown_key_reported_at_once)
{
    iss_diags *d = refused(HEAD
        "    nme: x\n"       /* 7 */
        "    trainigs: []\n" /* 8 */
        VA_SERVICE);
    ck_assert_diag(d, 7, 5, "unknown key 'nme' in a person; did you mean 'name'?");
    ck_assert_diag(d, 8, 5, "did you mean 'trainings'?");
    fx_diags_free(d);
}
END_TEST

START_TEST(wrong_types)
{
    iss_diags *d = refused("provider: {name: x}\npersons: {id: P1}\n" VA_SERVICE);
    ck_assert_diag(d, 2, 10, "persons must be a list, not a mapping");
    fx_diags_free(d);
    d = refused(HEAD
        "    qualifications:\n"                              /* 7 */
        "      - {name: CISSP, equivalent: yes}\n"           /* 8 */
        VA_SERVICE);
    ck_assert_diag(d, 8, 35, "'equivalent' must be true or false");
    fx_diags_free(d);
    d = refused(HEAD
        "services:\n"                                                      /* 7 */
        "  - category: va\n"                                               /* 8 */
        "    subtypes: [web]\n"                                            /* 9 */
        "    technical_leads: {persons: [P1], counts: {qualification: x}}\n" /* 10 */);
    ck_assert_diag(d, 10, 62, "'qualification' must be a whole number from 0 to 1000000");
    fx_diags_free(d);
    d = refused(HEAD
        "    name: [a, b]\n" /* 7 */
        VA_SERVICE);
    ck_assert_diag(d, 7, 11, "'name' must be a string, not a list");
    fx_diags_free(d);
    d = refused("isscheck: 2\n" HEAD VA_SERVICE);
    ck_assert_diag(d, 1, 11, "'isscheck' must be a whole number from 1 to 1");
    fx_diags_free(d);
    d = refused("- a\n- b\n");
    ck_assert_diag(d, 1, 1, "the declaration must be a mapping, not a list");
    fx_diags_free(d);
}
END_TEST

START_TEST(impossible_date_located)
{
    iss_diags *d = refused(
        "provider:\n"
        "  name: x\n"
        "reference_date: 2026-02-30\n" VA_SERVICE);
    ck_assert_diag(d, 3, 17, "'reference_date': 2026-02-30 is not a date in the calendar");
    fx_diags_free(d);
    d = refused(HEAD
        "    trainings:\n"                                  /* 7 */
        "      - {name: SEC542, completed: 2025-02-29}\n"   /* 8 */
        VA_SERVICE);
    ck_assert_diag(d, 8, 35, "'completed': 2025-02-29 is not a date in the calendar");
    fx_diags_free(d);
    d = refused("provider: {name: x}\nreference_date: 2026-4-1\n" VA_SERVICE);
    ck_assert_diag(d, 2, 17, "expected a date written YYYY-MM-DD with ASCII digits");
    fx_diags_free(d);
    d = refused("provider: {name: x}\nreference_date: ２０２６-04-01\n" VA_SERVICE);
    ck_assert_diag(d, 2, 17, "expected a date written YYYY-MM-DD with ASCII digits");
    fx_diags_free(d);
}
END_TEST

START_TEST(end_before_start)
{
    iss_diags *d = refused(HEAD
        "engagements:\n"                                                                  /* 7 */
        "  - id: E1\n"                                                                    /* 8 */
        "    category: va\n"                                                              /* 9 */
        "    start: 2025-02-01\n"                                                         /* 10 */
        "    end: 2025-01-31\n"                                                           /* 11 */
        "    contract: single\n"                                                          /* 12 */
        "    staff: [P1]\n"                                                               /* 13 */
        VA_SERVICE);
    ck_assert_diag(d, 11, 10, "'end' is before 'start'");
    fx_diags_free(d);
    /* the same day is a one-day engagement, not an error */
    fx_run *run = fx_eval(fx_shipped(), HEAD
        "engagements:\n"
        "  - {id: E1, category: va, start: 2025-02-01, end: 2025-02-01, contract: single, staff: [P1]}\n"
        VA_SERVICE, NULL);
    ck_assert_uint_eq(run->decl->nengagements, 1);
    fx_run_free(run);
    d = refused(HEAD
        "    qualifications:\n"                                                  /* 7 */
        "      - {name: CISSP, acquired: 2024-01-01, expires: 2023-12-31}\n"     /* 8 */
        VA_SERVICE);
    ck_assert_diag(d, 8, 54, "'expires' is before 'acquired'");
    fx_diags_free(d);
}
END_TEST

START_TEST(unknown_person_in_staff)
{
    iss_diags *d = refused(HEAD
        "engagements:\n"                                                                         /* 7 */
        "  - {id: E1, category: va, start: 2025-01-01, contract: single, staff: [P1, P9]}\n"     /* 8 */
        VA_SERVICE);
    ck_assert_diag(d, 8, 77, "unknown person 'P9'; declare it under 'persons'");
    fx_diags_free(d);
    d = refused(HEAD
        "services:\n"                                /* 7 */
        "  - category: va\n"                         /* 8 */
        "    subtypes: [web]\n"                      /* 9 */
        "    quality_manager: P7\n"                  /* 10 */);
    ck_assert_diag(d, 10, 22, "unknown person 'P7'");
    fx_diags_free(d);
    d = refused(HEAD
        "engagements:\n"                                                                          /* 7 */
        "  - {id: E1, category: va, start: 2025-01-01, contract: single, staff: [P1],\n"          /* 8 */
        "     reviews: [{document: inspection-report, by: P3}]}\n"                                /* 9 */
        VA_SERVICE);
    ck_assert_diag(d, 9, 50, "unknown person 'P3'");
    fx_diags_free(d);
    d = refused(HEAD
        "engagements:\n"                                                                          /* 7 */
        "  - {id: E1, category: va, start: 2025-01-01, contract: single, staff: [P1, P1]}\n"      /* 8 */
        VA_SERVICE);
    ck_assert_diag(d, 8, 77, "person 'P1' listed twice");
    fx_diags_free(d);
}
END_TEST

START_TEST(person_declared_twice)
{
    iss_diags *d = refused(HEAD "  - id: P1\n" /* 7 */ VA_SERVICE);
    ck_assert_diag(d, 7, 9, "person id 'P1' declared twice");
    fx_diags_free(d);
    d = refused(HEAD
        "engagements:\n"                                                                  /* 7 */
        "  - {id: E1, category: va, start: 2025-01-01, contract: single, staff: [P1]}\n"  /* 8 */
        "  - {id: E1, category: va, start: 2025-02-01, contract: single, staff: [P1]}\n"  /* 9 */
        VA_SERVICE);
    ck_assert_diag(d, 9, 10, "engagement id 'E1' declared twice");
    fx_diags_free(d);
}
END_TEST

START_TEST(unknown_category)
{
    iss_diags *d = refused(HEAD
        "services:\n"                  /* 7 */
        "  - category: pentest\n"      /* 8 */
        "    subtypes: [web]\n");
    ck_assert_diag(d, 8, 15, "unknown category 'pentest'; expected one of aud, va, df, mon, dv");
    fx_diags_free(d);
    d = refused(HEAD
        "engagements:\n"                                                                  /* 7 */
        "  - {id: E1, category: VA, start: 2025-01-01, contract: single, staff: [P1]}\n"  /* 8 */
        VA_SERVICE);
    ck_assert_diag(d, 8, 24, "unknown category 'VA'");
    fx_diags_free(d);
    d = refused(HEAD
        "services:\n"
        "  - category: va\n"     /* 8 */
        "    subtypes: [web]\n"
        "  - category: 脆弱性診断\n" /* 10 */
        "    subtypes: [web]\n");
    ck_assert_diag(d, 10, 5, "category 'va' applied for twice");
    fx_diags_free(d);
}
END_TEST

START_TEST(unknown_subtype_and_missing_subtypes)
{
    iss_diags *d = refused(HEAD
        "services:\n"                    /* 7 */
        "  - category: va\n"             /* 8 */
        "    subtypes: [web, api]\n"     /* 9 */);
    ck_assert_diag(d, 9, 21, "unknown sub-type 'api' of 'va'; expected web, platform, mobile");
    fx_diags_free(d);
    d = refused(HEAD
        "services:\n"                    /* 7 */
        "  - category: va\n"             /* 8 */
        "    quality_manager: P1\n");
    ck_assert_diag(d, 8, 5, "missing required key 'subtypes'");
    fx_diags_free(d);
    d = refused(HEAD
        "services:\n"                    /* 7 */
        "  - category: va\n"             /* 8 */
        "    subtypes: []\n"             /* 9 */);
    ck_assert_diag(d, 9, 15, "'subtypes' must name at least one sub-type of 'va'");
    fx_diags_free(d);
    /* AUD has no sub-types: none needed */
    fx_run *run = fx_eval(fx_shipped(), HEAD "services:\n  - category: aud\n", NULL);
    ck_assert_uint_eq(run->decl->nservices, 1);
    fx_run_free(run);
    /* a lead group of another category is an unknown key */
    d = refused(HEAD
        "services:\n"                    /* 7 */
        "  - category: va\n"             /* 8 */
        "    subtypes: [web]\n"          /* 9 */
        "    va_leads: {persons: [P1]}\n" /* 10 */);
    ck_assert_diag(d, 10, 5, "unknown key 'va_leads' in a service");
    fx_diags_free(d);
}
END_TEST

START_TEST(unknown_engagement_kind)
{
    iss_diags *d = refused(HEAD
        "engagements:\n"                                                                             /* 7 */
        "  - {id: E1, category: va, kind: iot, start: 2025-01-01, contract: single, staff: [P1]}\n"  /* 8 */
        VA_SERVICE);
    ck_assert_diag(d, 8, 34, "unknown kind 'iot' for category 'va'; expected one of web, platform, mobile, other");
    fx_diags_free(d);
    /* a kind of another category */
    d = refused(HEAD
        "engagements:\n"
        "  - {id: E1, category: mon, kind: web, start: 2025-01-01, contract: single, staff: [P1]}\n"
        VA_SERVICE);
    ck_assert_diag(d, 8, 35, "unknown kind 'web' for category 'mon'; expected one of mss, appliance, monitoring, combined");
    fx_diags_free(d);
}
END_TEST

START_TEST(unknown_contract)
{
    iss_diags *d = refused(HEAD
        "engagements:\n"                                                                  /* 7 */
        "  - {id: E1, category: va, start: 2025-01-01, contract: yearly, staff: [P1]}\n"  /* 8 */
        VA_SERVICE);
    ck_assert_diag(d, 8, 57, "contract must be single (単発), comprehensive (包括的) or continuing (継続的), not 'yearly'");
    fx_diags_free(d);
}
END_TEST

START_TEST(unknown_review_document)
{
    iss_diags *d = refused(HEAD
        "engagements:\n"                                                                  /* 7 */
        "  - {id: E1, category: va, start: 2025-01-01, contract: single, staff: [P1],\n"  /* 8 */
        "     reviews: [{document: report, by: P2}]}\n"                                   /* 9 */
        VA_SERVICE);
    ck_assert_diag(d, 9, 27, "unknown document 'report'; expected one of");
    const iss_diag *x = fx_diag_find(d, "unknown document");
    ck_assert_ptr_nonnull(x);
    static const char *const docs[] = {"audit-plan", "audit-report", "peer-review",
                                       "inspection-report", "investigation-report"};
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        ck_assert_msg(strstr(x->msg, docs[i]) != NULL, "'%s' not offered: %s", docs[i], x->msg);
    fx_diags_free(d);
}
END_TEST

START_TEST(audit_auditor_and_organisation)
{
    iss_diags *d = refused(HEAD VA_SERVICE
        "customer_info_protection:\n"                                                           /* 11 */
        "  procedure: 規程\n"                                                                   /* 12 */
        "  in_operation: true\n"                                                                /* 13 */
        "  audits:\n"                                                                           /* 14 */
        "    - {date: 2025-12-01, type: internal, auditor: P2, organisation: 監査法人}\n"        /* 15 */);
    ck_assert_diag(d, 15, 69, "give 'auditor' or 'organisation', not both");
    fx_diags_free(d);
    d = refused(HEAD VA_SERVICE
        "customer_info_protection:\n"
        "  in_operation: true\n"                                 /* 12 */
        "  audits:\n"                                            /* 13 */
        "    - {date: 2025-12-01, type: internal}\n"             /* 14 */);
    ck_assert_diag(d, 14, 7, "an audit names its 'auditor' (a person id) or 'organisation'");
    fx_diags_free(d);
    d = refused(HEAD VA_SERVICE
        "customer_info_protection:\n"
        "  in_operation: true\n"                                                   /* 12 */
        "  audits:\n"                                                              /* 13 */
        "    - {date: 2025-12-01, type: internal, auditor: P2, cases: [E9]}\n"     /* 14 */);
    ck_assert_diag(d, 14, 63, "unknown engagement 'E9'");
    fx_diags_free(d);
    d = refused(HEAD VA_SERVICE
        "customer_info_protection:\n"
        "  in_operation: true\n"                                                   /* 12 */
        "  audits:\n"                                                              /* 13 */
        "    - {date: 2025-12-01, type: self, auditor: P2}\n"                      /* 14 */);
    ck_assert_diag(d, 14, 32, "type must be 'internal' (内部) or 'external' (外部), not 'self'");
    fx_diags_free(d);
}
END_TEST

START_TEST(missing_required_keys)
{
    iss_diags *d = refused("reference_date: 2026-04-01\n" VA_SERVICE);
    ck_assert_diag(d, 1, 1, "missing required key 'provider'");
    fx_diags_free(d);
    d = refused(HEAD);
    ck_assert_diag(d, 1, 1, "missing required key 'services'");
    fx_diags_free(d);
    d = refused(HEAD
        "engagements:\n"                                               /* 7 */
        "  - {id: E1, category: va, start: 2025-01-01, staff: [P1]}\n" /* 8 */
        VA_SERVICE);
    ck_assert_diag(d, 8, 5, "missing required key 'contract'");
    fx_diags_free(d);
}
END_TEST

START_TEST(limits_on_persons)
{
    iss_limits lim = iss_default_limits;
    lim.max_persons = 1;
    iss_diags d = {0};
    const char *yaml = HEAD VA_SERVICE;
    iss_decl *decl = iss_decl_parse(yaml, strlen(yaml), "test.yaml", fx_shipped(), &lim, &d);
    ck_assert_ptr_null(decl);
    ck_assert_diag(&d, 5, 3, "more than 1 persons (limit --max-persons)");
    iss_diags_free(&d);
}
END_TEST

static Suite *decl_suite(void)
{
    Suite *s = suite_create("decl");
    TCase *tc = tcase_create("accepted");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, valid_declaration_loads);
    tcase_add_test(tc, japanese_subtype_name_normalised);
    tcase_add_test(tc, prior_engagement_belongs_to_its_person);
    suite_add_tcase(s, tc);
    tc = tcase_create("refused");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, unknown_key_did_you_mean);
    tcase_add_test(tc, unknown_section_and_statement_ids);
    tcase_add_test(tc, every_unknown_key_reported_at_once);
    tcase_add_test(tc, wrong_types);
    tcase_add_test(tc, impossible_date_located);
    tcase_add_test(tc, end_before_start);
    tcase_add_test(tc, unknown_person_in_staff);
    tcase_add_test(tc, person_declared_twice);
    tcase_add_test(tc, unknown_category);
    tcase_add_test(tc, unknown_subtype_and_missing_subtypes);
    tcase_add_test(tc, unknown_engagement_kind);
    tcase_add_test(tc, unknown_contract);
    tcase_add_test(tc, unknown_review_document);
    tcase_add_test(tc, audit_auditor_and_organisation);
    tcase_add_test(tc, missing_required_keys);
    tcase_add_test(tc, limits_on_persons);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(decl_suite());
}
