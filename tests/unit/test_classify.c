/* test_classify.c - the rule that tells a declaration from a waivers file
 * and from other YAML (classify.h, isscheck-declaration(5)): every shipped
 * example, half-written and broken declarations, waivers files with and
 * without isscheck: 1, workflows and compose files, flow style, and files
 * the scan must not trust (FIFO, unreadable, missing). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "isscheck/classify.h"

static iss_file_kind kind(const char *s)
{
    return iss_classify(s, strlen(s));
}

START_TEST(declarations)
{
    /* complete, without isscheck:, half-written, broken YAML */
    ck_assert_int_eq(kind("isscheck: 1\nprovider:\n  name: A\nservices:\n  - category: va\n"),
                     ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("provider: {name: A}\nservices: [{category: va}]\n"),
                     ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("isscheck: 1\n"), ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("# draft\npersons:\n  - id: P1\n    qualifications: [\n"),
                     ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("provider:\n  name: \"unclosed\n\tbad: [}\n"), ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("reference_date: 2026-04-01\n"), ISS_KIND_DECLARATION);
    /* services alone, as a block list at column 0 or indented, or flow */
    ck_assert_int_eq(kind("services:\n- category: va\n"), ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("services:   # applied for\n\n  # va first\n  - category: va\n"),
                     ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("services: []\n"), ISS_KIND_DECLARATION);
    /* BOM, CRLF, a directive and a document marker, quoted keys, spaces before ':' */
    ck_assert_int_eq(kind("\xEF\xBB\xBFprovider:\r\n  name: A\r\n"), ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("%YAML 1.2\n---\n\"provider\": {name: A}\n"), ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("'engagements' : []\n"), ISS_KIND_DECLARATION);
    /* the whole document indented, or in flow style over several lines */
    ck_assert_int_eq(kind("  isscheck: 1\n  customer_info_protection: {}\n"), ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("{isscheck: 1,\n # c\n \"provider\": {name: A}}\n"),
                     ISS_KIND_DECLARATION);
    ck_assert_int_eq(kind("--- {services: [va], x: 1}\n"), ISS_KIND_DECLARATION);
    /* a declaration key beats a waivers key: checking it reports the stray key */
    ck_assert_int_eq(kind("waivers: []\nprovider: {name: A}\n"), ISS_KIND_DECLARATION);
    /* any bytes: Shift_JIS text around ASCII keys */
    ck_assert_int_eq(kind("# \x90\xbf\x8b\x81\nregistrations:\n  - \x83\x41\n"),
                     ISS_KIND_DECLARATION);
}
END_TEST

START_TEST(waivers_files)
{
    ck_assert_int_eq(kind("isscheck: 1\nwaivers:\n  - rule: VA-T-a\n"), ISS_KIND_WAIVERS);
    ck_assert_int_eq(kind("judgements: []\n"), ISS_KIND_WAIVERS);
    ck_assert_int_eq(kind("{isscheck: 1, waivers: []}"), ISS_KIND_WAIVERS);
    ck_assert_int_eq(kind("waivers:\n  - rule: [broken\n"), ISS_KIND_WAIVERS);
}
END_TEST

START_TEST(other_yaml)
{
    /* a GitHub workflow: provider and services only nested */
    ck_assert_int_eq(kind("name: ci\non: [push]\njobs:\n  build:\n    services:\n      - db\n"
                          "    provider: x\n"),
                     ISS_KIND_OTHER);
    /* a compose file: top-level services is a mapping */
    ck_assert_int_eq(kind("services:\n  web:\n    image: nginx\n"), ISS_KIND_OTHER);
    ck_assert_int_eq(kind("version: '3'\nservices: {web: {image: nginx}}\n"), ISS_KIND_OTHER);
    ck_assert_int_eq(kind("{services: {web: {}}, provider_x: 1}"), ISS_KIND_OTHER);
    /* a GitLab CI job called isscheck: isscheck counts only as a number */
    ck_assert_int_eq(kind("isscheck:\n  script: [isscheck check d/]\n"), ISS_KIND_OTHER);
    ck_assert_int_eq(kind("isscheck: {script: x}\n"), ISS_KIND_OTHER);
    ck_assert_int_eq(kind("{isscheck: {script: x}}"), ISS_KIND_OTHER);
    /* keys that only start or end like ours, values, comments, a list document */
    ck_assert_int_eq(kind("providers: []\nmy_persons: 1\n"), ISS_KIND_OTHER);
    ck_assert_int_eq(kind("a: |\nprovider: text in a block scalar? no: column 0 ends it\n"),
                     ISS_KIND_DECLARATION); /* column 0 ends a block scalar: a real key */
    ck_assert_int_eq(kind("a: |\n  provider: inside the block scalar\n"), ISS_KIND_OTHER);
    ck_assert_int_eq(kind("# provider: commented out\n"), ISS_KIND_OTHER);
    ck_assert_int_eq(kind("- provider: a\n- isscheck: 1\n"), ISS_KIND_OTHER);
    ck_assert_int_eq(kind("x: {provider: 1, \"waivers\": 2}\n"), ISS_KIND_OTHER);
    ck_assert_int_eq(kind("provider:x\n"), ISS_KIND_OTHER); /* a plain scalar, not a key */
    ck_assert_int_eq(kind(""), ISS_KIND_OTHER);
    ck_assert_int_eq(iss_classify("provider\0: x\n", 13), ISS_KIND_OTHER);
}
END_TEST

START_TEST(shipped_examples)
{
    static const char *const decls[] = {"aud-fail", "aud-pass", "df-fail",     "df-pass",
                                        "dv-fail",  "dv-pass",  "mon-fail",    "mon-pass",
                                        "va-fail",  "va-pass",  "va-pt-trust", "multi-category"};
    char path[4096];
    for (size_t i = 0; i < sizeof decls / sizeof decls[0]; i++) {
        snprintf(path, sizeof path, "%s/examples/%s.yaml", ISS_SOURCE_DIR, decls[i]);
        ck_assert_msg(iss_classify_file(path) == ISS_KIND_DECLARATION, "%s", path);
    }
    snprintf(path, sizeof path, "%s/examples/examiner.waivers.yaml", ISS_SOURCE_DIR);
    ck_assert_int_eq(iss_classify_file(path), ISS_KIND_WAIVERS);
    snprintf(path, sizeof path, "%s/examples/ci/github-actions.yml.in", ISS_SOURCE_DIR);
    ck_assert_int_eq(iss_classify_file(path), ISS_KIND_OTHER);
    snprintf(path, sizeof path, "%s/examples/ci/gitlab-ci.yml.in", ISS_SOURCE_DIR);
    ck_assert_int_eq(iss_classify_file(path), ISS_KIND_OTHER);
}
END_TEST

START_TEST(untrusted_files_count_as_declarations)
{
    char dir[] = "/tmp/isscheck-classify-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char fifo[128], missing[128];
    snprintf(fifo, sizeof fifo, "%s/f.yaml", dir);
    snprintf(missing, sizeof missing, "%s/none.yaml", dir);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    /* a FIFO without a writer: answered at once, never read */
    ck_assert_int_eq(iss_classify_file(fifo), ISS_KIND_DECLARATION);
    ck_assert_int_eq(iss_classify_file(missing), ISS_KIND_DECLARATION);
    ck_assert_int_eq(iss_classify_file(dir), ISS_KIND_DECLARATION);
    unlink(fifo);
    rmdir(dir);
}
END_TEST

static Suite *classify_suite(void)
{
    Suite *s = suite_create("classify");
    TCase *tc = tcase_create("bytes");
    tcase_add_test(tc, declarations);
    tcase_add_test(tc, waivers_files);
    tcase_add_test(tc, other_yaml);
    suite_add_tcase(s, tc);
    tc = tcase_create("files");
    tcase_add_test(tc, shipped_examples);
    tcase_add_test(tc, untrusted_files_count_as_declarations);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(classify_suite());
}
