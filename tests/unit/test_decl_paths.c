/* test_decl_paths.c - the two ways a declaration becomes a model give the
 * same result: the model built from the reader's events, one person and
 * one case at a time (the way every clean file takes), and the one built
 * from a whole-document tree (the way a file with errors takes, for the
 * order of its diagnostics).  Compared on every example and golden input,
 * and on documents written in the orders the event path hands over to the
 * tree path: the same diagnostics, or the same report. */
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* Loads bytes both ways and asserts the same outcome. */
static void same_both_ways(const char *bytes, size_t len, const char *name)
{
    iss_limits events = iss_default_limits, tree = iss_default_limits;
    tree.tree_loader = true;
    iss_diags de = {0}, dt = {0};
    iss_decl *a = iss_decl_parse(bytes, len, name, fx_shipped(), &events, &de);
    iss_decl *b = iss_decl_parse(bytes, len, name, fx_shipped(), &tree, &dt);
    ck_assert_msg(!a == !b, "%s: loaded one way only", name);
    ck_assert_msg(de.n == dt.n, "%s: %zu diagnostics against %zu", name, de.n, dt.n);
    for (size_t i = 0; i < de.n; i++) {
        ck_assert_str_eq(de.v[i].msg, dt.v[i].msg);
        ck_assert_int_eq(de.v[i].loc.line, dt.v[i].loc.line);
        ck_assert_int_eq(de.v[i].loc.col, dt.v[i].loc.col);
    }
    if (a && b) {
        ck_assert_str_eq(a->sha256, b->sha256);
        iss_report *ra = iss_evaluate(a, ISS_NO_DATE, fx_day("2026-04-01"));
        iss_report *rb = iss_evaluate(b, ISS_NO_DATE, fx_day("2026-04-01"));
        iss_buf ta = {0}, tb = {0};
        iss_report_text(&ta, ra, ISS_LANG_EN, "test");
        iss_report_text(&tb, rb, ISS_LANG_EN, "test");
        ck_assert_msg(ta.len == tb.len && memcmp(ta.s, tb.s, ta.len) == 0, "%s: the reports differ",
                      name);
        iss_buf_free(&ta);
        iss_buf_free(&tb);
        iss_report_free(ra);
        iss_report_free(rb);
    }
    iss_decl_free(a);
    iss_decl_free(b);
    iss_diags_free(&de);
    iss_diags_free(&dt);
}

static void same_for_files(const char *pattern)
{
    glob_t g;
    ck_assert_int_eq(glob(pattern, 0, NULL, &g), 0);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        FILE *f = fopen(g.gl_pathv[i], "rb");
        ck_assert_ptr_nonnull(f);
        iss_buf b = {0};
        char chunk[4096];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
            iss_buf_add(&b, chunk, got);
        fclose(f);
        same_both_ways(b.s ? b.s : "", b.len, g.gl_pathv[i]);
        iss_buf_free(&b);
    }
    globfree(&g);
}

START_TEST(examples_and_goldens)
{
    same_for_files(ISS_SOURCE_DIR "/examples/*.yaml");
    same_for_files(ISS_SOURCE_DIR "/tests/golden/*/input.yaml");
}
END_TEST

#define PROVIDER "provider: {name: テスト株式会社}\nreference_date: 2026-04-01\n"
#define PERSONS                                                                                    \
    "persons:\n"                                                                                   \
    "  - id: P1\n"                                                                                 \
    "    prior_engagements:\n"                                                                     \
    "      - {id: X1, category: va, kind: web, start: 2020-01-10, end: 2020-02-20,\n"              \
    "         contract: single, employer: A社}\n"                                                 \
    "  - id: P2\n"
#define CASES                                                                                      \
    "engagements:\n"                                                                               \
    "  - {id: E1, category: va, kind: web, start: 2025-01-10, end: 2025-02-20, contract: "         \
    "single,\n"                                                                                    \
    "     staff: [P1], reviews: [{document: inspection-report, by: P2}]}\n"
#define SERVICES                                                                                   \
    "services:\n"                                                                                  \
    "  - category: va\n"                                                                           \
    "    subtypes: [web]\n"                                                                        \
    "    technical_leads: {persons: [P1]}\n"                                                       \
    "customer_info_protection: {procedure: P, in_operation: true,\n"                               \
    "  audits: [{date: 2025-06-01, type: internal, auditor: P2, cases: [E1]}]}\n"

static void same(const char *yaml)
{
    same_both_ways(yaml, strlen(yaml), "order.yaml");
}

/* The orders the event path cannot load in one pass, and lists that are
 * not lists: the tree path takes over, with the same result. */
START_TEST(orders_and_shapes)
{
    same(PROVIDER PERSONS CASES SERVICES);
    same(SERVICES CASES PERSONS PROVIDER);
    same(PROVIDER CASES PERSONS SERVICES);
    same("criteria: {meti-iss: 第3版}\n" PROVIDER PERSONS CASES SERVICES);
    same(PROVIDER PERSONS CASES SERVICES "criteria: {meti-iss: 第3版}\n");
    same(PROVIDER PERSONS "persons: []\n" CASES SERVICES);
    same(PROVIDER PERSONS CASES CASES SERVICES);
    same(PROVIDER "persons: ~\n" CASES SERVICES);
    same(PROVIDER "persons: {id: P1}\n" SERVICES);
    same(PROVIDER "persons: []\nengagements: []\n" SERVICES);
    same(PROVIDER PERSONS "engagements: P1\n" SERVICES);
    same(PROVIDER PERSONS "  - P3\n" CASES SERVICES);
    same(PROVIDER PERSONS "  - id: P1\n" CASES SERVICES);
    same(PROVIDER PERSONS CASES "  - {id: E1, category: va, kind: web, start: 2025-01-10,\n"
                                "     contract: single, staff: [P2]}\n" SERVICES);
    same(PROVIDER PERSONS CASES "  - {id: E2, category: va, kind: web, start: 2025-01-10,\n"
                                "     contract: single, staff: [P9]}\n" SERVICES);
    same(PROVIDER PERSONS "  - id: P3\n    unknwn: 1\n" CASES SERVICES);
    same(PROVIDER PERSONS CASES SERVICES "unknown_root_key: 1\n");
    same(PROVIDER PERSONS "  - &a {id: P4}\n" CASES SERVICES);
    same(PROVIDER PERSONS "  - {id: P4, id: P5}\n" CASES SERVICES);
    same(PROVIDER PERSONS CASES "  - [deep, [er]]\n" SERVICES);
}
END_TEST

/* Past the limits while streaming: the tree path reports the limit. */
START_TEST(limits_while_streaming)
{
    iss_limits events = iss_default_limits, tree = iss_default_limits;
    events.max_persons = tree.max_persons = 1;
    events.max_engagements = tree.max_engagements = 1;
    tree.tree_loader = true;
    const char *yaml = PROVIDER PERSONS CASES SERVICES;
    iss_diags de = {0}, dt = {0};
    iss_decl *a = iss_decl_parse(yaml, strlen(yaml), "x.yaml", fx_shipped(), &events, &de);
    iss_decl *b = iss_decl_parse(yaml, strlen(yaml), "x.yaml", fx_shipped(), &tree, &dt);
    ck_assert_ptr_null(a);
    ck_assert_ptr_null(b);
    ck_assert_uint_eq(de.n, dt.n);
    ck_assert_uint_ge(de.n, 1);
    for (size_t i = 0; i < de.n; i++)
        ck_assert_str_eq(de.v[i].msg, dt.v[i].msg);
    iss_diags_free(&de);
    iss_diags_free(&dt);
}
END_TEST

static Suite *paths_suite(void)
{
    Suite *s = suite_create("decl_paths");
    TCase *tc = tcase_create("same");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, examples_and_goldens);
    tcase_add_test(tc, orders_and_shapes);
    tcase_add_test(tc, limits_while_streaming);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(paths_suite());
}
