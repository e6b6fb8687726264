/* test_decl_refusals.c - every shape error of a declaration's parts is
 * refused with an error at the offending node, and the lenient forms the
 * format allows (a scalar for a one-item list, Japanese role names, category
 * aliases) load as documented. */
/* The YAML inputs below are laid out one YAML line per C line: */
/* clang-format off */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define HEAD                                                                                       \
    "provider:\n"                                                                                  \
    "  name: テスト株式会社\n"                                                                     \
    "reference_date: 2026-04-01\n"                                                                 \
    "persons:\n"                                                                                   \
    "  - id: P1\n"                                                                                 \
    "  - id: P2\n"
#define VA_SERVICE                                                                                 \
    "services:\n"                                                                                  \
    "  - category: va\n"                                                                           \
    "    subtypes: [web]\n"                                                                        \
    "    technical_leads: {persons: [P1]}\n"
#define ENG "engagements:\n  - {id: E1, category: va, start: 2025-01-01, contract: single, "

/* A declaration with '^' where the error must point, and the error. */
typedef struct {
    const char *yaml;
    const char *msg;
} refusal;

static const refusal cases[] = {
    /* the top level */
    {"provider: ^x\n" VA_SERVICE, "provider must be a mapping, not a scalar"},
    {"^provider: {name: x}\nservices: ~\n", "missing required key 'services'"},
    {"provider: {name: x}\nservices: ^{va: x}\n", "services must be a list, not a mapping"},
    {"provider: {name: x}\nservices:\n  - ^va\n", "a service must be a mapping"},
    {"provider: {name: x}\nreference_date: ^[2026]\n" VA_SERVICE,
     "'reference_date' must be a date (YYYY-MM-DD), not a list"},
    {"provider: {name: x}\nreference_date: ^\"2026-04-01\\0\"\n" VA_SERVICE,
     "'reference_date': expected a date written YYYY-MM-DD with ASCII digits (e.g. 2026-04-01), not '(binary)'"},
    {"provider: {name: x, ^\"na\\0me\": y}\n" VA_SERVICE, "NUL byte in a key of provider"},
    {"isscheck: ^1234567890\nprovider: {name: x}\n" VA_SERVICE, "'isscheck' must be a whole number from 1 to 1"},
    {"isscheck: ^\"1\"\nprovider: {name: x}\n" VA_SERVICE, "'isscheck' must be a whole number from 1 to 1"},
    {HEAD VA_SERVICE "customer_info_protection: ^yes\n",
     "customer_info_protection must be a mapping, not a scalar"},
    {HEAD VA_SERVICE "customer_info_protection:\n  audits: [^x]\n", "an audit must be a mapping, not a scalar"},
    {HEAD VA_SERVICE "customer_info_protection:\n  audits: [^{date: 2025-12-01, auditor: P2}]\n",
     "missing required key 'type'"},

    /* persons */
    {"provider: {name: x}\nservices:\n  - category: va\n    subtypes: [web]\n    technical_leads: {persons: [^P1]}\n",
     "unknown person 'P1'; declare it under 'persons'"}, /* no persons at all */
    {HEAD "    qualifications: [^CISSP]\n" VA_SERVICE, "a qualification must be a mapping, not a scalar"},
    {HEAD "    qualifications: [{name: CISSP, equivalent: ^\"true\"}]\n" VA_SERVICE,
     "'equivalent' must be true or false"},
    {HEAD "    community_roles: [^OWASP Japan]\n" VA_SERVICE, "a community role must be a mapping, not a scalar"},
    {HEAD "    community_roles: [{community: OWASP Japan, role: ^member}]\n" VA_SERVICE,
     "role must be 'lecturer' (講師) or 'leader' (リーダー), not 'member'"},
    {HEAD "    community_roles: [^{community: OWASP Japan}]\n" VA_SERVICE, "missing required key 'role'"},
    {HEAD "    lecturing: [^東京大学]\n" VA_SERVICE, "a lecturing record must be a mapping, not a scalar"},
    {HEAD "    lecturing: [{institution: 東京大学, subject: ^pentest}]\n" VA_SERVICE,
     "unknown category 'pentest'; expected one of aud, va, df, mon, dv"},
    {HEAD "    trainings: [^SEC542]\n" VA_SERVICE, "a training must be a mapping, not a scalar"},
    {HEAD "    prior_engagements: [^X-1]\n" VA_SERVICE, "a prior engagement must be a mapping, not a scalar"},
    {HEAD "    prior_engagements: ^{X-1: x}\n" VA_SERVICE, "prior_engagements must be a list, not a mapping"},
    {HEAD "    prior_engagements:\n"
          "      - {id: X-1, category: va, start: 2023-01-01, contract: single, ^staff: [P1]}\n" VA_SERVICE,
     "unknown key 'staff' in a prior engagement"},

    /* engagements */
    {HEAD ENG "staff: ^{P1: lead}}\n" VA_SERVICE, "staff must be a list, not a mapping"},
    {HEAD "engagements:\n  - ^{id: E1, start: 2025-01-01, contract: single, staff: [P1]}\n" VA_SERVICE,
     "missing required key 'category'"},
    {HEAD "engagements:\n  - ^{category: va, start: 2025-01-01, contract: single, staff: [P1]}\n"
          "  - {id: E2, category: va, start: 2025-01-01, contract: single, staff: [P1]}\n" VA_SERVICE,
     "missing required key 'id'"},
    {HEAD "engagements:\n  - id: E1\n    category: va\n    start: 2025-01-01\n    contract: single\n"
          "    staff: ^P1, P2\n" VA_SERVICE,
     "unknown person 'P1, P2'; several persons are written as a list: [P1, P2]"},
    {HEAD ENG "staff: [P1], reviews: [^x]}\n" VA_SERVICE, "a review must be a mapping, not a scalar"},
    {HEAD ENG "staff: [P1], reviews: [^{document: inspection-report}]}\n" VA_SERVICE,
     "missing required key 'by'"},

    /* services */
    {HEAD "services:\n  - category: va\n    subtypes: [web]\n    technical_leads: ^[P1]\n",
     "technical_leads must be a mapping, not a list"},
    {HEAD "services:\n  - category: va\n    subtypes: [web]\n    technical_leads: {persons: [P1], counts: ^[1]}\n",
     "'counts' must be a mapping of path to number"},
    {HEAD "services:\n  - category: va\n    subtypes: [web]\n"
          "    technical_leads: {persons: [P1], counts: {qualification: ^\"1\"}}\n",
     "'qualification' must be a whole number from 0 to 1000000"},
    {HEAD VA_SERVICE "    standards: [^[OWASP ASVS]]\n", "standards must be a mapping, not a list"},
    {HEAD VA_SERVICE "    statements: ^[target]\n", "'statements' must be a mapping of statement id to text"},
    {HEAD VA_SERVICE "    statements: {target: ^[a, b]}\n", "a statement must be a mapping, not a list"},
    {HEAD VA_SERVICE "    manual: ^[process]\n", "manual must be a mapping, not a list"},
    {HEAD VA_SERVICE "    dual_roles: ^[P1]\n", "dual_roles must be a mapping, not a list"},
};

/* The position of the '^' in yaml (line, column in characters), and yaml without it. */
static char *strip_caret(const char *yaml, iss_loc *at)
{
    const char *caret = strchr(yaml, '^');
    ck_assert_msg(caret != NULL, "test bug: no '^' in the case");
    *at = (iss_loc){1, 1};
    for (const char *p = yaml; p < caret; p++) {
        if (*p == '\n')
            *at = (iss_loc){at->line + 1, 1};
        else if (((unsigned char)*p & 0xC0) != 0x80)
            at->col++;
    }
    iss_buf b = {0};
    iss_buf_add(&b, yaml, (size_t)(caret - yaml));
    iss_buf_puts(&b, caret + 1);
    return b.s;
}

START_TEST(part_of_the_wrong_shape_refused)
{
    const refusal *c = &cases[_i];
    iss_loc at;
    char *yaml = strip_caret(c->yaml, &at);
    iss_diags *d = fx_decl_errors(fx_shipped(), yaml);
    char why[8192];
    ck_assert_msg(fx_check_diag(d, at.line, at.col, c->msg, why, sizeof why), "case %d: %s", _i, why);
    fx_diags_free(d);
    free(yaml);
}
END_TEST

START_TEST(long_unknown_key_without_suggestion)
{
    /* keys longer than any known one are not compared (and not suggested) */
    char key[80];
    memset(key, 'a', 70);
    key[70] = '\0';
    char yaml[512];
    snprintf(yaml, sizeof yaml, "provider: {name: x}\n%s: 1\n" VA_SERVICE, key);
    iss_diags *d = fx_decl_errors(fx_shipped(), yaml);
    char msg[128];
    snprintf(msg, sizeof msg, "unknown key '%s' in the declaration", key);
    ck_assert_diag(d, 2, 1, msg);
    ck_assert_ptr_null(fx_diag_find(d, "did you mean"));
    fx_diags_free(d);
}
END_TEST

START_TEST(scalar_for_a_one_item_list)
{
    fx_run *run = fx_eval(fx_shipped(), HEAD
        "engagements:\n"
        "  - {id: E1, category: va, kind: web, start: 2025-01-01, contract: single, staff: P2}\n"
        "services:\n"
        "  - category: va\n"
        "    subtypes: web\n"
        "    technical_leads: {persons: P1}\n", NULL);
    const iss_decl *d = run->decl;
    ck_assert_uint_eq(d->engagements[0].nstaff, 1);
    ck_assert_uint_eq(d->engagements[0].staff[0], 1);
    ck_assert_uint_eq(d->services[0].subtypes.n, 1);
    ck_assert_str_eq(d->services[0].subtypes.v[0].s, "web");
    ck_assert_uint_eq(d->services[0].groups[0].npersons, 1);
    fx_run_free(run);
}
END_TEST

START_TEST(roles_and_lecturing_as_loaded)
{
    fx_run *run = fx_eval(fx_shipped(), HEAD
        "    community_roles:\n"
        "      - {community: OWASP Japan, role: リーダー}\n"
        "      - {community: ISC2 Japan, role: 講師}\n"
        "      - {community: SECCON, role: lecturer}\n"
        "    lecturing: [{institution: 東京大学, subject: 脆弱性診断, from: 2024-04-01}]\n"
        VA_SERVICE, NULL);
    const iss_person *p = &run->decl->persons[1];
    ck_assert_uint_eq(p->nroles, 3);
    ck_assert(p->roles[0].leader);
    ck_assert(!p->roles[1].leader);
    ck_assert(!p->roles[2].leader);
    /* the subject, given by an alias, becomes the category's code */
    ck_assert_str_eq(p->lecturing[0].subject.s, "va");
    ck_assert_str_eq(fx_date_str(p->lecturing[0].from), "2024-04-01");
    fx_run_free(run);
}
END_TEST

#define DV_STATEMENTS(scope)                                                                       \
    "provider: {name: x}\n"                                                                        \
    "reference_date: 2026-04-01\n"                                                                 \
    "persons: [{id: P1}]\n"                                                                        \
    "services:\n"                                                                                  \
    "  - category: dv\n"                                                                           \
    "    subtypes: [device]\n"                                                                     \
    "    technical_leads: {persons: [P1]}\n"                                                       \
    "    statements:\n"                                                                            \
    "      target: 対象を明示\n"                                                                   \
    "      scope: " scope "\n"                                                                     \
    "      responsibility: {text: 責任を表明, evidence: 契約書}\n"

START_TEST(empty_statement_counts_as_missing)
{
    /* DV-T-b-3 passes when its three statements are made */
    fx_run *run = fx_eval(fx_shipped(), DV_STATEMENTS("範囲を明示"), NULL);
    ck_assert_verdict(run, "DV-T-b-3", ISS_PASS, "statement 'scope': 範囲を明示");
    const iss_service *s = &run->decl->services[0];
    ck_assert_uint_eq(s->nstatements, 3);
    ck_assert_str_eq(s->statements[2].text.s, "責任を表明");
    ck_assert_str_eq(s->statements[2].evidence.s, "契約書");
    fx_run_free(run);
    /* an empty text is no statement */
    run = fx_eval(fx_shipped(), DV_STATEMENTS("''"), NULL);
    ck_assert_ptr_null(run->decl->services[0].statements[1].text.s);
    ck_assert_verdict(run, "DV-T-b-3", ISS_FAIL, "statement 'scope' missing (statements.scope)");
    fx_run_free(run);
}
END_TEST

START_TEST(limit_on_engagements)
{
    /* own and prior engagements count together */
    const char *yaml = HEAD
        "    prior_engagements:\n"
        "      - {id: X-1, category: va, start: 2023-01-01, contract: single}\n"
        "engagements:\n" /* 9 */
        "  - {id: E1, category: va, start: 2025-01-01, contract: single, staff: [P1]}\n"
        VA_SERVICE;
    iss_limits lim = iss_default_limits;
    lim.max_engagements = 1;
    iss_diags d = {0};
    iss_decl *decl = iss_decl_parse(yaml, strlen(yaml), "test.yaml", fx_shipped(), &lim, &d);
    ck_assert_ptr_null(decl);
    ck_assert_diag(&d, 10, 3, "more than 1 engagements, own and prior (limit --max-engagements)");
    iss_diags_free(&d);
    lim.max_engagements = 2;
    decl = iss_decl_parse(yaml, strlen(yaml), "test.yaml", fx_shipped(), &lim, &d);
    ck_assert_msg(decl != NULL, "%s", fx_diags_text(&d));
    ck_assert_uint_eq(decl->nengagements, 2);
    iss_decl_free(decl);
    iss_diags_free(&d);
    /* prior engagements only: the error is at the persons */
    const char *prior = HEAD
        "    prior_engagements:\n"
        "      - {id: X-1, category: va, start: 2023-01-01, contract: single}\n"
        "      - {id: X-2, category: va, start: 2023-02-01, contract: single}\n"
        VA_SERVICE;
    lim.max_engagements = 1;
    decl = iss_decl_parse(prior, strlen(prior), "test.yaml", fx_shipped(), &lim, &d);
    ck_assert_ptr_null(decl);
    ck_assert_diag(&d, 5, 3, "more than 1 engagements, own and prior (limit --max-engagements)");
    iss_diags_free(&d);
}
END_TEST

static Suite *decl_refusals_suite(void)
{
    Suite *s = suite_create("decl-refusals");
    TCase *tc = tcase_create("shapes");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_loop_test(tc, part_of_the_wrong_shape_refused, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_test(tc, long_unknown_key_without_suggestion);
    tcase_add_test(tc, limit_on_engagements);
    suite_add_tcase(s, tc);
    tc = tcase_create("lenient");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, scalar_for_a_one_item_list);
    tcase_add_test(tc, roles_and_lecturing_as_loaded);
    tcase_add_test(tc, empty_statement_counts_as_missing);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(decl_refusals_suite());
}
