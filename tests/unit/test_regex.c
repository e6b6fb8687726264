/* test_regex.c - rule-file patterns cost bounded time: a catastrophically
 * backtracking alias gives up at PCRE2's match limit and the verdict says
 * so (review, naming the entry), never a hang and never a pass. */
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char dir[] = "/tmp/isscheck-regex-XXXXXX";

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* A criteria set: the shipped rules, and a catalogue of one entry whose
 * alias is the textbook exponential pattern. */
static iss_criteria *evil_set(void)
{
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp '%s'/*.yaml '%s'/", FX_SHIPPED_DIR, dir);
    ck_assert_int_eq(system(cmd), 0);
    write_file("catalogue.yaml",
               "catalogue:\n"
               "  - id: evil\n"
               "    type: qualification\n"
               "    name: Evil Qualification\n"
               "    aliases: ['^(a+)+$']\n"
               "    lists: [1-2]\n"
               "    provenance: {reiji_date: 2023-03-30, checked: 2026-01-01, by: test}\n");
    return fx_criteria_load_clean(dir);
}

static void remove_set(void)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    strcpy(dir, "/tmp/isscheck-regex-XXXXXX");
}

START_TEST(exponential_alias_hits_the_limit)
{
    iss_criteria *c = evil_set();
    /* 40 a's and a b: 2^40 paths without a limit */
    const iss_entry *hit = (const iss_entry *)1;
    const iss_entry *e = iss_catalogue_lookup(c, ISS_ENTRY_QUALIFICATION,
                                              "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", &hit);
    ck_assert_ptr_null(e);
    ck_assert_ptr_nonnull(hit);
    ck_assert_str_eq(hit->id, "evil");
    /* the same pattern still matches what it should, with no limit hit */
    e = iss_catalogue_lookup(c, ISS_ENTRY_QUALIFICATION, "aaaa", &hit);
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_null(hit);
    iss_criteria_free(c);
    remove_set();
}
END_TEST

START_TEST(limit_makes_the_path_review)
{
    iss_criteria *c = evil_set();
    fx_run *r = fx_eval(c,
                        "provider: {name: x}\n"
                        "reference_date: 2026-04-01\n"
                        "persons:\n"
                        "  - id: P1\n"
                        "    qualifications: [{name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab}]\n"
                        "services:\n"
                        "  - category: va\n"
                        "    subtypes: [web]\n"
                        "    technical_leads: {persons: [P1], counts: {qualification: 1, "
                        "community: 0, track_record: 0, training: 0}}\n",
                        NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_REVIEW, "catalogue entry 'evil' hit PCRE2's match limit");
    fx_run_free(r);
    iss_criteria_free(c);
    remove_set();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("regex");
    TCase *tc = tcase_create("limits");
    tcase_add_test(tc, exponential_alias_hits_the_limit);
    tcase_add_test(tc, limit_makes_the_path_review);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
