/* test_baseline.c - an earlier JSON report as a baseline: each mark (new,
 * unchanged, resolved, a rule no longer reported), the files not compared
 * (another provider, several of it, other editions), what --fail-on new
 * counts, and the reports refused with their positions. */
#include "fixture.h"
#include "isscheck/baseline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* examples/aud-fail.yaml, evaluated: AUD-T-a fails, AUD-T-b needs review,
 * AUD-Q-a passes. */
static fx_run *aud(void)
{
    FILE *f = fopen(ISS_SOURCE_DIR "/examples/aud-fail.yaml", "rb");
    ck_assert_ptr_nonnull(f);
    static char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    return fx_eval(fx_verified(), text, NULL);
}

/* aud-fail's other problems, the same then */
#define SAME " AUD-Q-c-1=fail AUD-Q-c-2=review AUD-Q-c-3=fail"

/* text in a temporary file, loaded as a baseline named "b.json" */
static iss_baseline *load(const char *text, iss_diags *d)
{
    char path[] = "/tmp/isscheck-baseline-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    iss_baseline *b = iss_baseline_load(path, "b.json", d);
    unlink(path);
    return b;
}

/* The editions of r's criteria as a report's "editions" array. */
static void editions(iss_buf *out, const iss_report *r, const char *edition)
{
    iss_buf_puts(out, "[");
    for (size_t i = 0; i < r->criteria->nsets; i++)
        iss_buf_printf(out, "%s{\"document\":\"%s\",\"edition\":\"%s\"}", i ? "," : "",
                       r->criteria->sets[i]->document,
                       edition ? edition : r->criteria->sets[i]->edition);
    iss_buf_puts(out, "]");
}

/* A report of one file (file, provider, editions of r or edition) whose
 * results are "RULE=VERDICT" pairs, space-separated. */
static void file_json(iss_buf *out, const iss_report *r, const char *file, const char *provider,
                      const char *edition, const char *results)
{
    iss_buf_printf(out, "{\"file\":\"%s\",\"status\":1,\"provider\":\"%s\",\"editions\":", file,
                   provider);
    editions(out, r, edition);
    iss_buf_puts(out, ",\"results\":[");
    char *copy = strdup(results);
    char *save = NULL;
    int k = 0;
    for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(t, '=');
        *eq = '\0';
        iss_buf_printf(out, "%s{\"rule\":\"%s\",\"verdict\":\"%s\"}", k++ ? "," : "", t, eq + 1);
    }
    free(copy);
    iss_buf_puts(out, "]}");
}

static iss_baseline *baseline_of(const char *files_json)
{
    iss_buf b = {0};
    iss_buf_printf(&b, "{\"format\":\"isscheck-report\",\"format_version\":1,\"files\":[%s]}",
                   files_json);
    iss_diags d = {0};
    iss_baseline *base = load(b.s, &d);
    ck_assert_msg(base != NULL, "%s", fx_diags_text(&d));
    iss_diags_free(&d);
    iss_buf_free(&b);
    return base;
}

static iss_base_mark mark_of(const iss_report *r, const char *rule)
{
    for (size_t i = 0; i < r->nresults; i++)
        if (strcmp(r->results[i].rule->id, rule) == 0)
            return r->base->marks[i];
    ck_abort_msg("no result %s", rule);
    return ISS_BASE_NONE;
}

START_TEST(marks)
{
    fx_run *run = aud();
    iss_report *r = run->report;
    ck_assert_int_eq(fx_result(r, "AUD-T-a")->verdict, ISS_FAIL);
    ck_assert_int_eq(fx_result(r, "AUD-T-b")->verdict, ISS_REVIEW);
    ck_assert_int_eq(fx_result(r, "AUD-Q-a")->verdict, ISS_PASS);
    iss_buf f = {0};
    /* AUD-T-a was no problem (new); AUD-T-b was a fail, a review now (new:
     * not with that verdict); AUD-Q-a failed (resolved); a waived result
     * then is no problem then; DV-T-a-1 failed, its category is not
     * applied for now (resolved, no longer reported); VA-T-a was review,
     * left out by the selection (not listed) */
    file_json(&f, r, "test.yaml", "株式会社かもめ情報監査", NULL,
              "AUD-T-a=waived AUD-T-b=fail AUD-Q-a=fail DV-T-a-1=fail VA-T-a=review" SAME);
    iss_baseline *b = baseline_of(f.s);
    const char *const skip[] = {"VA-*"};
    iss_selection sel = {.skip = skip, .nskip = 1};
    iss_baseline_match(b, r, &sel);
    const iss_base_match *m = r->base;
    ck_assert_int_eq(m->state, ISS_BASE_COMPARED);
    ck_assert_int_eq(mark_of(r, "AUD-T-a"), ISS_BASE_NEW);
    ck_assert_int_eq(mark_of(r, "AUD-T-b"), ISS_BASE_NEW);
    ck_assert_int_eq(mark_of(r, "AUD-Q-a"), ISS_BASE_RESOLVED);
    ck_assert_uint_eq(m->ngone, 1);
    ck_assert_str_eq(m->gone[0]->rule, "DV-T-a-1");
    ck_assert_uint_eq(m->counts[ISS_BASE_NEW], 2);
    ck_assert_uint_eq(m->counts[ISS_BASE_UNCHANGED], 3);
    ck_assert_uint_eq(m->counts[ISS_BASE_RESOLVED], 2);
    ck_assert(iss_baseline_fails(r, false));
    ck_assert_str_eq(iss_base_sarif_state(r, (size_t)(fx_result(r, "AUD-Q-a") - r->results)),
                     "absent");
    iss_baseline_free(b);
    iss_buf_free(&f);
    fx_run_free(run);
}
END_TEST

/* The same problems then: unchanged, and --fail-on new counts none (a
 * review only under strict, and only a new one). */
START_TEST(unchanged_fail_nothing)
{
    fx_run *run = aud();
    iss_report *r = run->report;
    iss_buf f = {0};
    file_json(&f, r, "other-name.yaml", "株式会社かもめ情報監査", NULL,
              "AUD-T-a=fail AUD-T-b=review" SAME);
    iss_baseline *b = baseline_of(f.s);
    iss_baseline_match(b, r, NULL);
    ck_assert_int_eq(r->base->state, ISS_BASE_COMPARED); /* the only file of the provider */
    ck_assert_int_eq(mark_of(r, "AUD-T-a"), ISS_BASE_UNCHANGED);
    ck_assert_int_eq(mark_of(r, "AUD-T-b"), ISS_BASE_UNCHANGED);
    ck_assert_int_eq(mark_of(r, "AUD-Q-a"), ISS_BASE_NONE);
    ck_assert(!iss_baseline_fails(r, false));
    ck_assert(!iss_baseline_fails(r, true));
    iss_baseline_free(b);
    iss_buf_free(&f);
    fx_run_free(run);
}
END_TEST

/* Not compared: another provider, several files of it and none of this
 * name, other editions; every fail then counts for --fail-on new. */
START_TEST(not_compared)
{
    fx_run *run = aud();
    iss_report *r = run->report;
    struct {
        const char *files;
        iss_base_state state;
    } cases[4];
    iss_buf f[4] = {{0}};
    file_json(&f[0], r, "test.yaml", "株式会社かもめ情報監査 ", NULL, "AUD-T-a=fail");
    cases[0].state = ISS_BASE_NO_PROVIDER;
    file_json(&f[1], r, "a.yaml", "株式会社かもめ情報監査", NULL, "AUD-T-a=fail");
    iss_buf_puts(&f[1], ",");
    file_json(&f[1], r, "b.yaml", "株式会社かもめ情報監査", NULL, "AUD-T-a=fail");
    cases[1].state = ISS_BASE_AMBIGUOUS;
    file_json(&f[2], r, "test.yaml", "株式会社かもめ情報監査", "第2版", "AUD-T-a=fail");
    cases[2].state = ISS_BASE_OTHER_EDITION;
    /* several, one of this name: that one */
    file_json(&f[3], r, "a.yaml", "株式会社かもめ情報監査", "第2版", "AUD-T-a=fail");
    iss_buf_puts(&f[3], ",");
    file_json(&f[3], r, "test.yaml", "株式会社かもめ情報監査", NULL,
              "AUD-T-a=fail AUD-T-b=review" SAME);
    cases[3].state = ISS_BASE_COMPARED;
    for (int i = 0; i < 4; i++) {
        iss_baseline *b = baseline_of(f[i].s);
        iss_baseline_match(b, r, NULL);
        ck_assert_int_eq(r->base->state, cases[i].state);
        ck_assert_int_eq(mark_of(r, "AUD-T-a"),
                         i == 3 ? ISS_BASE_UNCHANGED : ISS_BASE_NONE); /* marks stay NONE */
        ck_assert(iss_baseline_fails(r, false) == (i != 3));
        if (i == 2)
            ck_assert_ptr_nonnull(strstr(r->base->base_editions, "第2版"));
        iss_baseline_free(b);
        iss_buf_free(&f[i]);
    }
    fx_run_free(run);
}
END_TEST

/* A report that cannot be a baseline is refused with a reason, at the
 * line and column Jansson gives; files that were not loaded are skipped. */
START_TEST(refused)
{
    iss_diags d = {0};
    ck_assert_ptr_null(load("{\"format\": \"isscheck-report\",\n  \"files\": [,]}", &d));
    ck_assert_diag(&d, 2, 13, "not valid JSON");
    iss_diags_free(&d);
    ck_assert_ptr_null(
        load("{\"format\":\"isscheck-report\",\"format_version\":2,\"files\":[]}", &d));
    ck_assert_ptr_nonnull(fx_diag_find(&d, "format version 2"));
    iss_diags_free(&d);
    ck_assert_ptr_null(load("{\"format\":\"sarif\"}", &d));
    ck_assert_ptr_nonnull(fx_diag_find(&d, "'format' is missing"));
    iss_diags_free(&d);
    ck_assert_ptr_null(load("{\"format\":\"isscheck-report\",\"format_version\":1,\"files\":[{"
                            "\"file\":\"a\",\"provider\":\"p\",\"editions\":[],\"results\":[{"
                            "\"rule\":\"X\",\"verdict\":\"maybe\"}]}]}",
                            &d));
    ck_assert_ptr_nonnull(fx_diag_find(&d, "'files[].results[].verdict'"));
    iss_diags_free(&d);
    ck_assert_ptr_null(
        load("{\"format\":\"isscheck-report\",\"format_version\":1,\"format\":1}", &d));
    ck_assert_ptr_nonnull(fx_diag_find(&d, "duplicate"));
    iss_diags_free(&d);
    iss_baseline *b = load("{\"format\":\"isscheck-report\",\"format_version\":1,\"files\":[{"
                           "\"file\":\"bad.yaml\",\"status\":2,\"errors\":[]}]}",
                           &d);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(b->nfiles, 0);
    ck_assert_uint_eq(d.n, 0);
    iss_baseline_free(b);
    ck_assert_ptr_null(iss_baseline_load("/nonexistent/b.json", "b.json", &d));
    ck_assert_ptr_nonnull(fx_diag_find(&d, "cannot open"));
    iss_diags_free(&d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("baseline");
    TCase *t = tcase_create("match");
    tcase_add_unchecked_fixture(t, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(t, marks);
    tcase_add_test(t, unchanged_fail_nothing);
    tcase_add_test(t, not_compared);
    suite_add_tcase(s, t);
    t = tcase_create("load");
    tcase_add_test(t, refused);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
