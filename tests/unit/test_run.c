/* test_run.c - one file checked the way `isscheck check` does it
 * (iss_check_file: load, hash, evaluate, select, waivers, redact, outcome),
 * and a run rendered file by file (iss_report_stream: every part rendered
 * and freed at once) giving the same bytes, in every format, as the
 * whole-run rendering with every report at hand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "isscheck/run.h"

#define EX(name) ISS_SOURCE_DIR "/examples/" name

static iss_editions *editions;
static iss_limits limits;

static void setup(void)
{
    iss_diags d = {0};
    /* the source tree's sets, as ISSCHECK_CRITERIA would give them */
    static const char *const dirs[] = {ISS_SOURCE_DIR "/criteria/iss-3",
                                       ISS_SOURCE_DIR "/criteria/pt-draft",
                                       ISS_SOURCE_DIR "/criteria/trust-2025-10"};
    iss_editions_sources src = {.env = dirs, .nenv = sizeof dirs / sizeof *dirs};
    editions = iss_editions_load(&src, &d);
    ck_assert_msg(editions != NULL, "%s", fx_diags_text(&d));
    iss_diags_free(&d);
    limits = iss_default_limits;
}

static void teardown(void)
{
    iss_editions_free(editions);
}

static iss_check_options options(void)
{
    return (iss_check_options){.editions = editions,
                               .limits = &limits,
                               .as_of = ISS_NO_DATE,
                               .today = fx_day("2026-04-01")};
}

START_TEST(test_outcomes)
{
    iss_check_options o = options();
    iss_checked *pass = iss_check_file(EX("va-pass.yaml"), "va-pass.yaml", &o, NULL);
    ck_assert_ptr_nonnull(pass->result.report);
    ck_assert_str_eq(pass->result.file, "va-pass.yaml");
    ck_assert_int_eq(pass->result.status, 0);
    ck_assert_uint_eq(strlen(pass->decl->sha256), 64);
    ck_assert_uint_eq(pass->result.report->counts[ISS_FAIL], 0);
    ck_assert_uint_gt(pass->result.report->counts[ISS_REVIEW], 0);

    iss_checked *fail = iss_check_file(EX("va-fail.yaml"), "va-fail.yaml", &o, NULL);
    ck_assert_int_eq(fail->result.status, 1);
    ck_assert_uint_gt(fail->result.report->counts[ISS_FAIL], 0);

    iss_checked *gone = iss_check_file("/nonexistent/x.yaml", "x.yaml", &o, NULL);
    ck_assert_ptr_null(gone->result.report);
    ck_assert_ptr_null(gone->decl);
    ck_assert_int_eq(gone->result.status, 2);
    ck_assert_uint_gt(gone->result.diags->n, 0);
    ck_assert_str_eq(gone->result.diags->v[0].file, "x.yaml");

    /* --strict: a review result gives status 1 */
    o.strict = true;
    iss_checked *strict = iss_check_file(EX("va-pass.yaml"), "va-pass.yaml", &o, NULL);
    ck_assert_int_eq(strict->result.status, 1);
    iss_checked_free(pass);
    iss_checked_free(fail);
    iss_checked_free(gone);
    iss_checked_free(strict);
    iss_checked_free(NULL);
}
END_TEST

START_TEST(test_selection_and_scratch)
{
    const char *rules[] = {"VA-*"};
    const char *skip[] = {"VA-Q-*"};
    iss_selection sel = {NULL, 0, rules, 1, skip, 1};
    iss_check_options o = options();
    o.selection = &sel;
    o.as_of = fx_day("2026-06-30");
    iss_arena *scratch = iss_arena_new();
    iss_checked *c = iss_check_file(EX("va-pass.yaml"), "va-pass.yaml", &o, scratch);
    const iss_report *r = c->result.report;
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ref, fx_day("2026-06-30"));
    ck_assert_int_eq(r->ref_source, ISS_REF_OPTION);
    ck_assert_uint_gt(r->omitted, 0);
    ck_assert_uint_gt(r->nresults, 0);
    for (size_t i = 0; i < r->nresults; i++) {
        ck_assert(strncmp(r->results[i].rule->id, "VA-", 3) == 0);
        ck_assert(strncmp(r->results[i].rule->id, "VA-Q-", 5) != 0);
    }
    /* the same scratch serves the next file */
    iss_checked *d = iss_check_file(EX("df-fail.yaml"), "df-fail.yaml", &o, scratch);
    ck_assert_ptr_nonnull(d->result.report);
    iss_checked_free(c);
    iss_checked_free(d);
    iss_arena_free(scratch);
}
END_TEST

START_TEST(test_redact)
{
    iss_check_options o = options();
    o.redact = true;
    iss_checked *c = iss_check_file(EX("va-fail.yaml"), "va-fail.yaml", &o, NULL);
    ck_assert(c->result.report->redacted);
    iss_check_options po = options();
    iss_checked *plain = iss_check_file(EX("va-fail.yaml"), "va-fail.yaml", &po, NULL);
    ck_assert(!plain->result.report->redacted);
    /* every person id of the declaration is gone from the text report */
    iss_buf t = {0};
    iss_report_text(&t, c->result.report, ISS_LANG_EN, "test");
    for (size_t i = 0; i < plain->decl->npersons; i++) {
        const char *id = plain->decl->persons[i].id.s;
        char quoted[128];
        snprintf(quoted, sizeof quoted, "'%s'", id);
        ck_assert_msg(strstr(t.s, quoted) == NULL, "%s in the redacted report", id);
    }
    ck_assert_ptr_nonnull(strstr(t.s, "person-"));
    iss_buf_free(&t);
    iss_checked_free(c);
    iss_checked_free(plain);
}
END_TEST

static const char *const files[] = {EX("va-pass.yaml"),     EX("va-fail.yaml"),
                                    "/nonexistent/x.yaml",  EX("multi-category.yaml"),
                                    EX("va-pt-trust.yaml"), EX("dv-fail.yaml")};
enum { NFILES = sizeof files / sizeof files[0] };

/* Each format, rendered file by file with every report freed as soon as its
 * part is rendered, equals the whole-run rendering with every report kept;
 * the rows are the summary's. */
START_TEST(test_stream_equals_whole_run)
{
    const iss_format *fmt = iss_formats[_i];
    iss_check_options o = options();
    iss_checked *kept[NFILES];
    iss_file_result results[NFILES];
    int status = 0;
    for (size_t i = 0; i < NFILES; i++) {
        kept[i] = iss_check_file(files[i], files[i], &o, NULL);
        results[i] = kept[i]->result;
        status = results[i].status > status ? results[i].status : status;
    }
    iss_run whole = {.tool_version = "9.9.9-test",
                     .lang = _i % 2 ? ISS_LANG_EN : ISS_LANG_JA,
                     .criteria = editions->deflt,
                     .files = results,
                     .nfiles = NFILES,
                     .status = status};
    iss_buf want = {0};
    iss_report_render(&want, fmt, &whole);

    char *got = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&got, &len);
    ck_assert_ptr_nonnull(out);
    iss_run run = whole;
    run.files = NULL; /* streaming: the parts never see the other files */
    run.status = -1;
    iss_report_stream *s = iss_report_stream_new(fmt, &run, out);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < NFILES; i++) {
        iss_checked *c = iss_check_file(files[i], files[i], &o, NULL);
        iss_part p;
        iss_part_render(&p, fmt, &run, &c->result, i);
        iss_checked_free(c);
        ck_assert(iss_report_stream_add(s, &p));
    }
    const iss_run_totals *t = iss_report_stream_totals(s);
    ck_assert_uint_eq(t->nrows, NFILES);
    ck_assert_uint_eq(t->not_loaded, 1);
    ck_assert_ptr_null(t->rows[2].provider);
    ck_assert_int_eq(t->rows[1].status, 1);
    ck_assert_uint_eq(t->rows[3].counts[ISS_PASS], kept[3]->result.report->counts[ISS_PASS]);
    run.status = status;
    ck_assert(iss_report_stream_finish(s, &run));
    iss_buf csv = {0}, csv_whole = {0};
    iss_summary_csv(&csv, t->rows, t->nrows);
    iss_report_summary_csv(&csv_whole, &whole);
    ck_assert_str_eq(csv.s, csv_whole.s);
    iss_report_stream_free(s);
    fclose(out);
    ck_assert_msg(len == want.len && memcmp(got, want.s, len) == 0,
                  "--format %s: the streamed report differs from the whole run's", fmt->name);
    ck_assert_uint_gt(len, 100);
    free(got);
    iss_buf_free(&want);
    iss_buf_free(&csv);
    iss_buf_free(&csv_whole);
    for (size_t i = 0; i < NFILES; i++)
        iss_checked_free(kept[i]);
}
END_TEST

/* SARIF's ruleIndex, which only the end of the run knows, is resolved when
 * the results are copied: it points at the rule of its ruleId. */
START_TEST(test_sarif_rule_index)
{
    iss_check_options o = options();
    iss_checked *c = iss_check_file(EX("dv-fail.yaml"), "dv-fail.yaml", &o, NULL);
    iss_run run = {.tool_version = "t",
                   .lang = ISS_LANG_EN,
                   .criteria = editions->deflt,
                   .files = &c->result,
                   .nfiles = 1,
                   .status = 1};
    iss_buf b = {0};
    iss_report_sarif(&b, &run);
    ck_assert_ptr_null(memchr(b.s, '\x01', b.len));
    ck_assert_ptr_null(memchr(b.s, '\x02', b.len));
    /* the first result's ruleIndex names the descriptor with its ruleId */
    const char *res = strstr(b.s, "\"ruleId\":\"");
    ck_assert_ptr_nonnull(res);
    char id[64];
    ck_assert_int_eq(sscanf(res, "\"ruleId\":\"%63[^\"]\",\"ruleIndex\":", id), 1);
    unsigned idx = 0;
    ck_assert_int_eq(sscanf(strstr(res, "\"ruleIndex\":"), "\"ruleIndex\":%u", &idx), 1);
    const char *rules = strstr(b.s, "\"rules\":[");
    ck_assert_ptr_nonnull(rules);
    const char *d = rules;
    for (unsigned k = 0; k <= idx; k++) {
        d = strstr(d + 1, "{\"id\":\"");
        ck_assert_ptr_nonnull(d);
    }
    char want[80];
    snprintf(want, sizeof want, "{\"id\":\"%s\"", id);
    ck_assert(strncmp(d, want, strlen(want)) == 0);
    iss_buf_free(&b);
    iss_checked_free(c);
}
END_TEST

/* A run's status: an input error outranks a failed rule, which outranks
 * none, whatever the order the files come in. */
START_TEST(test_run_status)
{
    static const int cases[][3] = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {0, 2, 2}, {2, 0, 2},
                                   {1, 2, 2}, {2, 1, 2}, {1, 1, 1}, {2, 2, 2}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_int_eq(iss_run_status_add(cases[i][0], cases[i][1]), cases[i][2]);
}
END_TEST

/* The message iss_selection_check gives for sel ("" when it passes). */
static const char *selection_error(const iss_selection *sel, iss_lang lang, char *buf, size_t n)
{
    iss_diags d = {0};
    bool ok = iss_selection_check(sel, editions, &d);
    ck_assert_int_eq(ok, d.n == 0);
    snprintf(buf, n, "%s", ok ? "" : iss_diag_msg(&d.v[0], lang));
    ck_assert(d.v == NULL || d.v[0].file == NULL); /* a usage error: no file, no line */
    iss_diags_free(&d);
    return buf;
}

/* A selection that would keep nothing is refused, with the nearest
 * category or pattern that would match. */
START_TEST(test_selection_check)
{
    char b[512];
    const char *va[] = {"va"}, *vx[] = {"vx"}, *all[] = {"VA-*"}, *typo[] = {"va-q-a"},
               *glob[] = {"VB-*"}, *open[] = {"VA-["}, *none[] = {"ZZZZZZZZZZ"};
    iss_selection ok = {.categories = va, .ncategories = 1, .rules = all, .nrules = 1};
    ck_assert_str_eq(selection_error(&ok, ISS_LANG_EN, b, sizeof b), "");
    iss_selection cat = {.categories = vx, .ncategories = 1};
    ck_assert_str_eq(selection_error(&cat, ISS_LANG_EN, b, sizeof b),
                     "--category: unknown category 'vx'; did you mean 'va'?");
    iss_selection rule = {.rules = typo, .nrules = 1};
    ck_assert_str_eq(selection_error(&rule, ISS_LANG_EN, b, sizeof b),
                     "--rule: no rule id matches 'va-q-a'; did you mean 'VA-T-a'?");
    iss_selection start = {.rules = glob, .nrules = 1};
    ck_assert_str_eq(selection_error(&start, ISS_LANG_EN, b, sizeof b),
                     "--rule: no rule id matches 'VB-*'; did you mean 'VA-*'?");
    iss_selection bad = {.skip = open, .nskip = 1};
    ck_assert_str_eq(selection_error(&bad, ISS_LANG_EN, b, sizeof b),
                     "--skip: 'VA-[' is not a valid glob pattern (an unclosed '[' or a '\\' at "
                     "the end)");
    iss_selection far = {.skip = none, .nskip = 1};
    ck_assert_str_eq(selection_error(&far, ISS_LANG_EN, b, sizeof b),
                     "--skip: no rule id matches 'ZZZZZZZZZZ'; 'isscheck list' shows every rule");
    /* translated as the usage error prints it */
    ck_assert_str_ne(selection_error(&far, ISS_LANG_JA, b, sizeof b),
                     "--skip: no rule id matches 'ZZZZZZZZZZ'; 'isscheck list' shows every rule");
}
END_TEST

/* A reference date for the whole run is refused, before any file is read,
 * when the longest window of a loaded edition would start before
 * 0001-01-01. */
START_TEST(test_as_of_fits)
{
    iss_day early, ok;
    ck_assert(iss_date_parse("0003-12-30", 10, &early));
    ck_assert(iss_date_parse("2026-04-01", 10, &ok));
    iss_diags d = {0};
    ck_assert(iss_as_of_fits(ISS_NO_DATE, editions, &d));
    ck_assert(iss_as_of_fits(ok, editions, &d));
    ck_assert_int_eq(d.n, 0);
    ck_assert(!iss_as_of_fits(early, editions, &d));
    ck_assert_int_eq(d.n, 1);
    ck_assert_ptr_null(d.v[0].file);
    ck_assert_msg(
        strncmp(iss_diag_msg(&d.v[0], ISS_LANG_EN), "--as-of: 0003-12-30 is too early", 32) == 0,
        "%s", iss_diag_msg(&d.v[0], ISS_LANG_EN));
    iss_diags_free(&d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("run");
    TCase *tc = tcase_create("core");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_outcomes);
    tcase_add_test(tc, test_selection_and_scratch);
    tcase_add_test(tc, test_redact);
    tcase_add_loop_test(tc, test_stream_equals_whole_run, 0, 6);
    tcase_add_test(tc, test_sarif_rule_index);
    tcase_add_test(tc, test_run_status);
    tcase_add_test(tc, test_selection_check);
    tcase_add_test(tc, test_as_of_fits);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(suite());
}
