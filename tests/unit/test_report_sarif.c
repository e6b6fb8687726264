/* test_report_sarif.c - the SARIF 2.1.0 report of a run (report_sarif.c):
 * a run of a declaration that passes every rule, one that fails and needs
 * review, and a file that could not be loaded.  The log has one run whose
 * driver lists the rules evaluated; only fail and review give results (fail:
 * kind fail, level error; review: kind fail, level warning), each pointing at
 * its rule and at its place in the declaration; the file that could not be
 * loaded gives tool-execution notifications.  Also: URIs, escaping, both
 * languages, and that the same run gives the same bytes.
 *
 * The log's keys come out in a fixed order with no white space, so the
 * assertions look for exact fragments of it.  With SARIF_OUT set in the
 * environment, the Japanese log of the run is also written to that file (for
 * a look, or for tests/sarif/check_sarif.py's schema). */
/* The YAML inputs below are laid out one YAML line per C line: */
/* clang-format off */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "report_ci.h"

#define PROTECTION                                                                                 \
    "customer_info_protection:\n"                                                                  \
    "  procedure: 顧客情報保護規程 v2\n"                                                           \
    "  in_operation: true\n"                                                                       \
    "  audits:\n"                                                                                  \
    "    - {date: 2025-12-01, type: internal, auditor: P9}\n"

/* Passes every rule of aud against the fixture criteria. */
static const char AUD_PASS[] =
    "provider: {name: テスト監査}\n"
    "reference_date: 2026-04-01\n"
    "persons:\n"
    "  - id: P1\n"
    "    qualifications: [{name: CISA}]\n"
    "  - id: P2\n"
    "  - id: P3\n"
    "  - id: P9\n"
    "engagements:\n"
    "  - {id: A1, category: aud, kind: assurance, start: 2025-01-10, end: 2025-03-31, contract: single,\n"
    "     staff: [P1], reviews: [{document: audit-plan, by: P2}, {document: audit-report, by: P2}]}\n"
    "services:\n"
    "  - category: aud\n"
    "    technical_leads: {persons: [P1]}\n"
    "    quality_manager: P3\n"
    "    manual: {sections: [process, output]}\n"
    "    standards: [情報セキュリティ監査基準]\n"
    "    education: [監査人教育]\n" PROTECTION;

/* The same with no quality manager (AUD-Q-a fails) and a standard the
 * catalogue does not know (AUD-T-b needs review). */
static const char AUD_FAIL[] =
    "provider: {name: テスト監査}\n"
    "reference_date: 2026-04-01\n"
    "persons:\n"
    "  - id: P1\n"
    "    qualifications: [{name: CISA}]\n"
    "  - id: P2\n"
    "  - id: P3\n"
    "  - id: P9\n"
    "engagements:\n"
    "  - {id: A1, category: aud, kind: assurance, start: 2025-01-10, end: 2025-03-31, contract: single,\n"
    "     staff: [P1], reviews: [{document: audit-plan, by: P2}, {document: audit-report, by: P2}]}\n"
    "services:\n"
    "  - category: aud\n"
    "    technical_leads: {persons: [P1]}\n"
    "    manual: {sections: [process, output]}\n"
    "    standards: [社内独自の監査基準]\n"
    "    education: [監査人教育]\n" PROTECTION;

/* ---- the run ---- */

static fx_run *pass_run, *fail_run;
static iss_diags bad_diags;
static iss_file_result files[3];

static void run_setup(void)
{
    fx_criteria_setup();
    pass_run = fx_eval(fx_verified(), AUD_PASS, NULL);
    fail_run = fx_eval(fx_verified(), AUD_FAIL, NULL);
    iss_diag_add(&bad_diags, ISS_SEV_ERROR, "decl/bad.yaml", (iss_loc){3, 5},
                 "unknown key 'qualifcations' in a person; did you mean 'qualifications'?");
    iss_diag_add_byte(&bad_diags, "decl/bad.yaml", 17, "invalid UTF-8");
    files[0] = (iss_file_result){"decl/pass.yaml", pass_run->report, NULL, 0};
    files[1] = (iss_file_result){"decl/fail.yaml", fail_run->report, NULL, 1};
    files[2] = (iss_file_result){"decl/bad.yaml", NULL, &bad_diags, 2};
}

static void run_teardown(void)
{
    fx_run_free(pass_run);
    fx_run_free(fail_run);
    iss_diags_free(&bad_diags);
    fx_criteria_teardown();
}

static iss_run make_run(iss_lang lang, size_t nfiles)
{
    iss_run run = {0};
    run.tool_version = "9.9.9-test";
    run.lang = lang;
    run.criteria = fx_verified();
    run.files = files;
    run.nfiles = nfiles;
    run.status = nfiles > 2 ? 2 : nfiles > 1 ? 1 : 0;
    return run;
}

static char *render(const iss_run *run)
{
    iss_buf b = {0};
    iss_report_sarif(&b, run);
    ck_assert_ptr_nonnull(b.s);
    ck_assert_uint_eq(strlen(b.s), b.len);
    return b.s;
}

#define ck_assert_has(text, frag)                                                                  \
    ck_assert_msg(strstr((text), (frag)) != NULL, "no '%s' in:\n%.3000s", (frag), (text))
#define ck_assert_no(text, frag)                                                                   \
    ck_assert_msg(strstr((text), (frag)) == NULL, "'%s' unexpected in:\n%.3000s", (frag), (text))

static size_t count(const char *text, const char *frag)
{
    size_t n = 0;
    for (const char *p = strstr(text, frag); p; p = strstr(p + 1, frag))
        n++;
    return n;
}

/* The place of rule id in tool.driver.rules (descriptors are the only objects
 * that begin with "id"), or -1 when it is not there. */
static int rule_index(const char *log, const char *id)
{
    char want[128];
    snprintf(want, sizeof want, "{\"id\":\"%s\",", id);
    const char *at = strstr(log, want);
    if (!at)
        return -1;
    int n = 0;
    for (const char *p = strstr(log, "{\"id\":\""); p && p < at; p = strstr(p + 1, "{\"id\":\""))
        n++;
    return n;
}

/* ---- tests ---- */

START_TEST(the_declarations_are_what_the_tests_assume)
{
    const iss_report *p = pass_run->report, *f = fail_run->report;
    ck_assert_uint_gt(p->nresults, 0);
    ck_assert_uint_eq(p->counts[ISS_PASS], p->nresults);
    ck_assert_verdict(fail_run, "AUD-Q-a", ISS_FAIL, NULL);
    ck_assert_verdict(fail_run, "AUD-T-b", ISS_REVIEW, NULL);
    ck_assert_uint_eq(f->counts[ISS_FAIL], 1);
    ck_assert_uint_eq(f->counts[ISS_REVIEW], 1);
}
END_TEST

START_TEST(one_sarif_log_of_one_run)
{
    iss_run run = make_run(ISS_LANG_EN, 3);
    char *log = render(&run);
    const char *head = "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
                       "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"isscheck\","
                       "\"version\":\"9.9.9-test\",\"informationUri\":\"man:isscheck(1)\",\"rules\":[";
    ck_assert_msg(strncmp(log, head, strlen(head)) == 0, "log starts:\n%.300s", log);
    ck_assert_uint_eq(count(log, "\"tool\":"), 1);
    /* one line, ending in a newline, closing the one run */
    ck_assert_uint_eq(count(log, "\n"), 1);
    size_t n = strlen(log);
    ck_assert_msg(strcmp(log + n - 4, "}]}\n") == 0, "log ends: %s", log + n - 10);
    ck_assert_has(log, ",\"language\":\"en\",\"columnKind\":\"unicodeCodePoints\",");
    /* the tool's only home is its manual page: no invented URL */
    ck_assert_uint_eq(count(log, "informationUri"), 1);
    free(log);
}
END_TEST

START_TEST(rules_are_those_evaluated)
{
    iss_run run = make_run(ISS_LANG_EN, 3);
    char *log = render(&run);
    const iss_criteria *c = fx_verified();
    const iss_report *p = pass_run->report;
    /* every rule evaluated is described once, in criteria order */
    int last = -1;
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *rule = &c->rules[i];
        bool evaluated = false;
        for (size_t k = 0; k < p->nresults; k++)
            if (p->results[k].rule == rule)
                evaluated = true;
        int at = rule_index(log, rule->id);
        if (!evaluated) {
            ck_assert_msg(at < 0, "rule %s described but not evaluated", rule->id);
            continue;
        }
        ck_assert_msg(at == last + 1, "rule %s at %d after %d", rule->id, at, last);
        last = at;
        char want[4096];
        iss_buf name = {0};
        iss_ci_rule_name(&name, rule);
        ck_assert_str_ne(name.s, rule->id); /* SARIF1001: a name is not the id */
        snprintf(want, sizeof want,
                 "{\"id\":\"%s\",\"name\":\"%s\",\"shortDescription\":{\"text\":\"%s\"},"
                 "\"fullDescription\":{\"text\":\"%s\"},\"help\":{\"text\":\"%s %s %s\\n",
                 rule->id, name.s, rule->title_en, rule->summary, c->title, c->edition, rule->clause);
        iss_buf_free(&name);
        ck_assert_has(log, want);
        snprintf(want, sizeof want,
                 "\"properties\":{\"category\":\"aud\",\"citation\":{\"document\":\"meti-iss\",\"title\":\"%s\",\"edition\":\"%s\","
                 "\"date\":\"%s\",\"clause\":\"%s\"},\"tags\":[\"aud\"]}}",
                 c->title, c->edition, fx_date_str(c->date), rule->clause);
        ck_assert_has(log, want);
    }
    ck_assert_int_eq(last + 1, (int)p->nresults);
    /* and, last, the rule that stands for a file not loaded */
    ck_assert_int_eq(rule_index(log, ISS_CI_LOAD_RULE), last + 1);
    ck_assert_uint_eq(count(log, "{\"id\":\""), p->nresults + 1);
    free(log);
}
END_TEST

START_TEST(only_fail_and_review_give_results)
{
    iss_run run = make_run(ISS_LANG_EN, 3);
    char *log = render(&run);
    const iss_report *f = fail_run->report;
    ck_assert_uint_eq(count(log, "\"ruleId\":"), 2 + 1 /* the file not loaded */);
    for (size_t i = 0; i < f->nresults; i++) {
        const iss_result *res = &f->results[i];
        char want[512];
        snprintf(want, sizeof want, "\"ruleId\":\"%s\",", res->rule->id);
        if (res->verdict == ISS_PASS || res->verdict == ISS_NA)
            ck_assert_no(log, want);
        else
            ck_assert_has(log, want);
    }
    /* the passing declaration leaves no result */
    ck_assert_no(log, "\"uri\":\"decl/pass.yaml\"");
    free(log);
}
END_TEST

/* The result of rule id: from "ruleId" to its properties. */
static void assert_result(const char *log, const iss_report *r, const char *id, const char *level,
                          const char *verdict, const char *label)
{
    const iss_result *res = fx_result(r, id);
    ck_assert_ptr_nonnull(res);
    ck_assert_int_gt(res->loc.line, 0);
    char want[1024];
    snprintf(want, sizeof want,
             "{\"ruleId\":\"%s\",\"ruleIndex\":%d,\"kind\":\"fail\",\"level\":\"%s\","
             "\"message\":{\"text\":\"%s: %s ",
             id, rule_index(log, id), level, label, id);
    ck_assert_has(log, want);
    snprintf(want, sizeof want,
             "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"decl/fail.yaml\","
             "\"uriBaseId\":\"SRCROOT\"},\"region\":{\"startLine\":%d,\"startColumn\":%d}}}],"
             "\"properties\":{\"isscheck-verdict\":\"%s\"}}",
             res->loc.line, res->loc.col, verdict);
    ck_assert_has(log, want);
}

START_TEST(fail_is_an_error_review_a_warning)
{
    iss_run run = make_run(ISS_LANG_EN, 3);
    char *log = render(&run);
    ck_assert_int_ge(rule_index(log, "AUD-Q-a"), 0);
    assert_result(log, fail_run->report, "AUD-Q-a", "error", "fail", "FAIL");
    assert_result(log, fail_run->report, "AUD-T-b", "warning", "review", "REVIEW");
    /* review stays kind fail (SARIF §3.27.10 would force level none otherwise) */
    ck_assert_no(log, "\"kind\":\"review\"");
    ck_assert_no(log, "\"level\":\"none\"");
    ck_assert_uint_eq(count(log, "\"kind\":\"fail\""), 2 + 1 /* ISS-LOAD */);
    free(log);
}
END_TEST

START_TEST(messages_carry_the_marked_notes)
{
    iss_run run = make_run(ISS_LANG_EN, 3);
    char *log = render(&run);
    const iss_criteria *c = fx_verified();
    const iss_result *res = fx_result(fail_run->report, "AUD-T-b");
    char want[2048];
    snprintf(want, sizeof want, "\"text\":\"REVIEW: AUD-T-b %s (%s %s %s)\\n- ", res->rule->title_en,
             c->title, c->edition, res->rule->clause);
    ck_assert_has(log, want);
    for (size_t i = 0; i < res->nnotes; i++) {
        const iss_note *n = &res->notes[i];
        iss_buf t = {0};
        if (n->loc.line)
            iss_buf_printf(&t, "line %d: ", n->loc.line);
        iss_note_render(&t, n, ISS_LANG_EN);
        if (n->mark == ISS_MARK_REVIEW || n->mark == ISS_MARK_FAIL)
            ck_assert_has(log, t.s);
        iss_buf_free(&t);
    }
    free(log);
}
END_TEST

START_TEST(japanese)
{
    iss_run run = make_run(ISS_LANG_JA, 3);
    char *log = render(&run);
    const iss_rule *qa = fx_result(fail_run->report, "AUD-Q-a")->rule;
    ck_assert_has(log, "\"message\":{\"text\":\"不適合: AUD-Q-a ");
    ck_assert_has(log, "\"message\":{\"text\":\"要確認: AUD-T-b ");
    ck_assert_has(log, "行目: ");
    char want[1024];
    /* the title in Japanese; the summary stays English */
    snprintf(want, sizeof want, "\"shortDescription\":{\"text\":\"%s\"},\"fullDescription\":{\"text\":\"%s\"}",
             qa->title_ja, qa->summary);
    ck_assert_has(log, want);
    ck_assert_has(log, ",\"language\":\"ja\",");
    /* the levels do not depend on the language */
    ck_assert_uint_eq(count(log, "\"level\":\"error\""),
                      1 + 2 /* notifications */ + 2 /* ISS-LOAD: its result and default level */);
    ck_assert_uint_eq(count(log, "\"level\":\"warning\""), 1);
    const char *path = getenv("SARIF_OUT");
    if (path && *path) {
        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        ck_assert_uint_eq(fwrite(log, 1, strlen(log), f), strlen(log));
        ck_assert_int_eq(fclose(f), 0);
    }
    free(log);
}
END_TEST

START_TEST(unloaded_files_are_notifications)
{
    iss_run run = make_run(ISS_LANG_EN, 3);
    char *log = render(&run);
    ck_assert_has(log,
        "\"invocations\":[{\"executionSuccessful\":false,\"exitCode\":2,"
        "\"toolExecutionNotifications\":["
        "{\"level\":\"error\",\"message\":{\"text\":\"unknown key 'qualifcations' in a person; "
        "did you mean 'qualifications'?\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
        "{\"uri\":\"decl/bad.yaml\",\"uriBaseId\":\"SRCROOT\"},\"region\":{\"startLine\":3,\"startColumn\":5}}}]},"
        "{\"level\":\"error\",\"message\":{\"text\":\"invalid UTF-8\"},\"locations\":[{\"physicalLocation\":"
        "{\"artifactLocation\":{\"uri\":\"decl/bad.yaml\",\"uriBaseId\":\"SRCROOT\"},\"region\":{\"byteOffset\":17}}}]}"
        "]}]");
    free(log);
    /* every file loaded: a successful execution, with the run's status */
    run = make_run(ISS_LANG_EN, 2);
    log = render(&run);
    ck_assert_has(log, "\"invocations\":[{\"executionSuccessful\":true,\"exitCode\":1}]");
    ck_assert_no(log, "toolExecutionNotifications");
    free(log);
}
END_TEST

START_TEST(unloaded_file_without_diagnostics)
{
    iss_file_result one = {"x.yaml", NULL, NULL, 2};
    iss_run run = make_run(ISS_LANG_EN, 1);
    run.files = &one;
    run.status = 2;
    char *log = render(&run);
    ck_assert_has(log, "\"rules\":[{\"id\":\"ISS-LOAD\",\"name\":\"DeclarationNotLoaded\",");
    ck_assert_has(log, "\"results\":[{\"ruleId\":\"ISS-LOAD\",\"ruleIndex\":0,\"kind\":\"fail\","
                       "\"level\":\"error\",\"message\":{\"text\":\"the declaration could not be "
                       "checked\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
                       "{\"uri\":\"x.yaml\",\"uriBaseId\":\"SRCROOT\"}}}],"
                       "\"properties\":{\"isscheck-verdict\":\"not-loaded\"}}]");
    ck_assert_has(log, "\"executionSuccessful\":false,\"exitCode\":2,\"toolExecutionNotifications\":"
                       "[{\"level\":\"error\",\"message\":{\"text\":\"the declaration could not be checked\"},"
                       "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"x.yaml\","
                       "\"uriBaseId\":\"SRCROOT\"}}}]}]");
    free(log);
}
END_TEST

START_TEST(unloaded_file_is_a_result_at_its_first_error)
{
    iss_run run = make_run(ISS_LANG_EN, 3);
    char *log = render(&run);
    char want[1024];
    snprintf(want, sizeof want,
             "{\"ruleId\":\"ISS-LOAD\",\"ruleIndex\":%d,\"kind\":\"fail\",\"level\":\"error\","
             "\"message\":{\"text\":\"decl/bad.yaml:3:5: error: unknown key 'qualifcations' in a "
             "person; did you mean 'qualifications'?\\ndecl/bad.yaml: byte 17: error: invalid UTF-8\"},"
             "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"decl/bad.yaml\","
             "\"uriBaseId\":\"SRCROOT\"},\"region\":{\"startLine\":3,\"startColumn\":5}}}],"
             "\"properties\":{\"isscheck-verdict\":\"not-loaded\"}}",
             rule_index(log, ISS_CI_LOAD_RULE));
    ck_assert_has(log, want);
    /* a run whose files all loaded has no such rule */
    free(log);
    run = make_run(ISS_LANG_EN, 2);
    log = render(&run);
    ck_assert_no(log, "ISS-LOAD");
    free(log);
}
END_TEST

START_TEST(review_levels)
{
    iss_run run = make_run(ISS_LANG_EN, 2);
    run.review_level = ISS_REVIEW_NOTE;
    char *log = render(&run);
    assert_result(log, fail_run->report, "AUD-T-b", "note", "review", "REVIEW");
    assert_result(log, fail_run->report, "AUD-Q-a", "error", "fail", "FAIL");
    free(log);
    run.review_level = ISS_REVIEW_NONE;
    log = render(&run);
    ck_assert_no(log, "\"ruleId\":\"AUD-T-b\"");
    ck_assert_uint_eq(count(log, "\"ruleId\":"), 1);
    /* the rule was evaluated all the same: still described */
    ck_assert_int_ge(rule_index(log, "AUD-T-b"), 0);
    free(log);
}
END_TEST

START_TEST(rule_names)
{
    iss_rule r = {.id = "VA-T-a", .title_en = "Staff with expertise"};
    iss_buf b = {0};
    iss_ci_rule_name(&b, &r);
    ck_assert_str_eq(b.s, "StaffWithExpertise");
    b.len = 0;
    r.title_en = "Review of audit plan and report, or peer review";
    iss_ci_rule_name(&b, &r);
    ck_assert_str_eq(b.s, "ReviewOfAuditPlanAndReportOrPeerReview");
    b.len = 0;
    r.title_en = "The provider's own security measures"; /* an apostrophe joins */
    iss_ci_rule_name(&b, &r);
    ck_assert_str_eq(b.s, "TheProvidersOwnSecurityMeasures");
    b.len = 0;
    r.title_en = "品質管理"; /* no ASCII letter: the id's letters */
    iss_ci_rule_name(&b, &r);
    ck_assert_str_eq(b.s, "RuleVATA");
    b.len = 0;
    r.title_en = "3 years of cases"; /* an identifier does not start with a digit */
    iss_ci_rule_name(&b, &r);
    ck_assert_str_eq(b.s, "RuleVATA");
    iss_buf_free(&b);
}
END_TEST

START_TEST(run_properties)
{
    iss_run run = make_run(ISS_LANG_EN, 3);
    const iss_criteria *c = fx_verified();
    char *log = render(&run);
    char want[2048];
    snprintf(want, sizeof want,
             "\"properties\":{\"criteria\":{\"document\":\"%s\",\"title\":\"%s\",\"edition\":\"%s\","
             "\"date\":\"%s\",\"issuer\":\"%s\",\"status\":\"%s\",\"digest\":\"%s\"},"
             "\"editions\":[{\"document\":\"%s\",\"title\":\"%s\",\"edition\":\"%s\","
             "\"date\":\"%s\",\"issuer\":\"%s\",\"status\":\"%s\",\"digest\":\"%s\"}],"
             "\"strict\":false,\"files\":[{\"file\":\"decl/pass.yaml\",\"status\":0,"
             "\"sha256\":\"%s\",",
             c->document, c->title, c->edition, fx_date_str(c->date), c->issuer,
             c->draft ? "draft" : "in-force", c->digest, c->document, c->title, c->edition,
             fx_date_str(c->date), c->issuer, c->draft ? "draft" : "in-force", c->digest,
             pass_run->report->decl->sha256);
    ck_assert_has(log, want);
    ck_assert_has(log, "{\"file\":\"decl/bad.yaml\",\"status\":2}]}}]}\n");
    const iss_report *f = fail_run->report;
    snprintf(want, sizeof want,
             "{\"file\":\"decl/fail.yaml\",\"status\":1,\"sha256\":\"%s\","
             "\"reference_date\":\"2026-04-01\",\"unverified_entries_relied_on\":%zu,"
             "\"summary\":{\"pass\":%zu,\"review\":1,\"fail\":1,\"n/a\":%zu,\"waived\":0,"
             "\"judged\":0}}",
             f->decl->sha256, f->unverified_relied, f->counts[ISS_PASS], f->counts[ISS_NA]);
    ck_assert_has(log, want);
    ck_assert_no(log, "\"selection\"");
    free(log);
    run.strict = true;
    run.selection = "--category aud";
    log = render(&run);
    ck_assert_has(log, "\"strict\":true,\"selection\":\"--category aud\",\"files\":[");
    free(log);
}
END_TEST

START_TEST(uris)
{
    iss_file_result f[3] = {
        {"/srv/申告 書.yaml", fail_run->report, NULL, 1},
        {"a:b%#?.yaml", fail_run->report, NULL, 1},
        {"<stdin>", fail_run->report, NULL, 1},
    };
    iss_run run = make_run(ISS_LANG_EN, 3);
    run.files = f;
    char *log = render(&run);
    /* absolute: a file URI, no base */
    ck_assert_has(log, "\"artifactLocation\":{\"uri\":\"file:///srv/%E7%94%B3%E5%91%8A%20%E6%9B%B8.yaml\"},");
    /* relative: percent-encoded, so that no colon makes it look like a scheme */
    ck_assert_has(log, "\"artifactLocation\":{\"uri\":\"a%3Ab%25%23%3F.yaml\",\"uriBaseId\":\"SRCROOT\"},");
    /* standard input names no artifact: its results have no location */
    ck_assert_uint_eq(count(log, "\"ruleId\":"), 6);
    ck_assert_uint_eq(count(log, "\"locations\":"), 4);
    free(log);
}
END_TEST

START_TEST(escaping)
{
    iss_diags d = {0};
    iss_diag_add(&d, ISS_SEV_ERROR, "e.yaml", (iss_loc){1, 0}, "%s",
                 "a \"q\" \\ tab\t nl\n ctl\x01 bad\xff\xfe end 日本");
    iss_file_result one = {"e.yaml", NULL, &d, 2};
    iss_run run = make_run(ISS_LANG_EN, 1);
    run.files = &one;
    run.status = 2;
    char *log = render(&run);
    ck_assert_has(log, "\"text\":\"a \\\"q\\\" \\\\ tab\\t nl\\n ctl\\u0001 bad\\ufffd\\ufffd end 日本\"");
    /* line known, column not: no startColumn */
    ck_assert_has(log, "\"region\":{\"startLine\":1}}");
    free(log);
    iss_diags_free(&d);
}
END_TEST

START_TEST(deterministic)
{
    iss_run run = make_run(ISS_LANG_JA, 3);
    char *a = render(&run), *b = render(&run);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("report_sarif");
    TCase *tc = tcase_create("sarif");
    tcase_add_unchecked_fixture(tc, run_setup, run_teardown);
    tcase_add_test(tc, the_declarations_are_what_the_tests_assume);
    tcase_add_test(tc, one_sarif_log_of_one_run);
    tcase_add_test(tc, rules_are_those_evaluated);
    tcase_add_test(tc, only_fail_and_review_give_results);
    tcase_add_test(tc, fail_is_an_error_review_a_warning);
    tcase_add_test(tc, messages_carry_the_marked_notes);
    tcase_add_test(tc, japanese);
    tcase_add_test(tc, unloaded_files_are_notifications);
    tcase_add_test(tc, unloaded_file_without_diagnostics);
    tcase_add_test(tc, unloaded_file_is_a_result_at_its_first_error);
    tcase_add_test(tc, review_levels);
    tcase_add_test(tc, rule_names);
    tcase_add_test(tc, run_properties);
    tcase_add_test(tc, uris);
    tcase_add_test(tc, escaping);
    tcase_add_test(tc, deterministic);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(suite());
}
