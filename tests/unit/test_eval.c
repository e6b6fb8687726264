/* test_eval.c - every check kind, on the rules of every category, against the
 * fixture criteria whose catalogue is verified (tests/unit/fixtures/verified),
 * so that rules can end in each of pass, fail, review and n/a.
 *
 * Most tests start from a declaration that passes every rule of its category
 * and change one thing (mutate()), so that the one verdict that changes is the
 * one under test.  The readings tested are those of clauses.md: the window,
 * 29 February, contract counting, independence. */
/* The YAML inputs below are laid out one YAML line per C line: */
/* clang-format off */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* ---- building declarations ---- */

/* base with each (from, to) pair replaced; every `from` must occur exactly
 * once, so a test never silently mutates nothing.  NULL ends the pairs. */
static char *replaced(const char *base, va_list ap)
{
    char *s = strdup(base);
    ck_assert_ptr_nonnull(s);
    for (;;) {
        const char *from = va_arg(ap, const char *);
        if (!from)
            break;
        const char *to = va_arg(ap, const char *);
        char *at = strstr(s, from);
        ck_assert_msg(at != NULL, "test bug: '%s' not in the base declaration", from);
        ck_assert_msg(strstr(at + 1, from) == NULL, "test bug: '%s' occurs twice", from);
        size_t lf = strlen(from), lt = strlen(to), ls = strlen(s);
        char *n = malloc(ls - lf + lt + 1);
        ck_assert_ptr_nonnull(n);
        size_t pre = (size_t)(at - s);
        memcpy(n, s, pre);
        memcpy(n + pre, to, lt);
        memcpy(n + pre + lt, at + lf, ls - pre - lf + 1);
        free(s);
        s = n;
    }
    return s;
}

static fx_run *mutate(const char *base, const char *as_of, ...)
{
    va_list ap;
    va_start(ap, as_of);
    char *yaml = replaced(base, ap);
    va_end(ap);
    fx_run *run = fx_eval(fx_verified(), yaml, as_of);
    free(yaml);
    return run;
}

static fx_run *run(const char *yaml, const char *as_of)
{
    return fx_eval(fx_verified(), yaml, as_of);
}

#define REF "2026-04-01"

/* ---- baselines: one declaration per category that passes every rule ---- */

#define PROTECTION                                                                                 \
    "customer_info_protection:\n"                                                                  \
    "  procedure: 顧客情報保護規程 v2\n"                                                           \
    "  in_operation: true\n"                                                                       \
    "  audits:\n"                                                                                  \
    "    - {date: 2025-12-01, type: internal, auditor: P9}\n"

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

static const char VA_PASS[] =
    "provider: {name: テスト診断}\n"
    "reference_date: 2026-04-01\n"
    "persons:\n"
    "  - id: P1\n"
    "    qualifications: [{name: 情報処理安全確保支援士, number: '012345', acquired: 2021-10-01, expires: 2027-09-30}]\n"
    "  - id: P2\n"
    "  - id: P3\n"
    "  - id: P9\n"
    "engagements:\n"
    "  - {id: V1, category: va, kind: web, start: 2025-01-10, end: 2025-02-20, contract: single,\n"
    "     staff: [P1], reviews: [{document: inspection-report, by: P2}]}\n"
    "services:\n"
    "  - category: va\n"
    "    subtypes: [web, platform]\n"
    "    technical_leads:\n"
    "      persons: [P1]\n"
    "      counts: {qualification: 1, community: 0, track_record: 0, training: 0}\n"
    "    quality_manager: P3\n"
    "    manual: {sections: [process, output]}\n"
    "    standards: [OWASP ASVS]\n"
    "    result_handling: [診断結果取扱規程]\n"
    "    education: [診断員教育]\n" PROTECTION;

static const char DF_PASS[] =
    "provider: {name: テストフォレンジック}\n"
    "reference_date: 2026-04-01\n"
    "persons:\n"
    "  - id: P1\n"
    "    qualifications: [{name: GCFA}]\n"
    "  - id: P2\n"
    "  - id: P3\n"
    "  - id: P9\n"
    "engagements:\n"
    "  - {id: F1, category: df, kind: device, start: 2025-01-10, end: 2025-02-20, contract: single,\n"
    "     staff: [P1, P2], reviews: [{document: investigation-report, by: P2}]}\n"
    "services:\n"
    "  - category: df\n"
    "    subtypes: [device]\n"
    "    technical_leads:\n"
    "      persons: [P1]\n"
    "      counts: {qualification: 1, community: 0, training: 0}\n"
    "    quality_manager: P3\n"
    "    manual: {sections: [quality_manual, report_terms]}\n"
    "    standards: [証拠保全ガイドライン]\n"
    "    education: [フォレンジック資格維持講座, 社内勉強会]\n" PROTECTION;

static const char MON_PASS[] =
    "provider: {name: テスト監視}\n"
    "reference_date: 2026-04-01\n"
    "persons:\n"
    "  - id: P1\n"
    "    qualifications: [{name: CISSP}]\n"
    "  - id: P2\n"
    "  - id: P3\n"
    "  - id: P9\n"
    "engagements:\n"
    "  - {id: M1, category: mon, kind: mss, start: 2024-04-01, end: 2025-03-31, contract: continuing, staff: [P1]}\n"
    "services:\n"
    "  - category: mon\n"
    "    subtypes: [mss]\n"
    "    technical_leads:\n"
    "      persons: [P1]\n"
    "      counts: {qualification: 1, community: 0, track_record: 0, training: 0}\n"
    "    quality_manager: P3\n"
    "    manual: {sections: [process, output]}\n"
    "    compliance: [監視運用の内容]\n"
    "    education: [監視員継続教育]\n"
    "    statements:\n"
    "      quality_management: {text: 要員の確保と作業の実施を品質管理計画で管理する, evidence: 品質管理計画}\n"
    PROTECTION;

static const char DV_PASS[] =
    "provider: {name: テスト検証}\n"
    "reference_date: 2026-04-01\n"
    "persons:\n"
    "  - id: P1\n"
    "    trainings: [{name: SEC556, completed: 2024-06-30}]\n"
    "  - id: P2\n"
    "    trainings: [{name: SEC542, completed: 2024-06-30}]\n"
    "  - id: P3\n"
    "  - id: P9\n"
    "engagements:\n"
    "  - {id: D1, category: dv, kind: device, start: 2025-01-10, end: 2025-02-20, contract: single,\n"
    "     staff: [P1, P2], reviews: [{document: inspection-report, by: P3}]}\n"
    "services:\n"
    "  - category: dv\n"
    "    subtypes: [device+web]\n"
    "    technical_leads:\n"
    "      persons: [P1]\n"
    "      counts: {qualification: 0, track_record: 0, training: 1}\n"
    "    va_leads:\n"
    "      persons: [P2]\n"
    "      counts: {qualification: 0, community: 0, track_record: 0, training: 1}\n"
    "    quality_manager: P3\n"
    "    manual: {sections: [process.spec_coordination, process.method, process.requests, output]}\n"
    "    standards: [IoT検証基準, OWASP ASVS]\n"
    "    compliance: [機器検証の内容]\n"
    "    result_handling: [検証結果取扱規程, 診断結果取扱規程]\n"
    "    education: [検証員教育]\n"
    "    statements:\n"
    "      target: 検証対象は依頼者の指定する機器\n"
    "      scope: 検証範囲は契約書の別紙に定める\n"
    "      responsibility: 当社は当該範囲についてのみ責任を負う\n"
    PROTECTION;

/* Every result of the report is pass, except the rules listed (id, verdict pairs). */
static void assert_all_pass_but(const fx_run *r, const char *id, iss_verdict v)
{
    for (size_t i = 0; i < r->report->nresults; i++) {
        const iss_result *res = &r->report->results[i];
        iss_verdict want = id && strcmp(res->rule->id, id) == 0 ? v : ISS_PASS;
        ck_assert_msg(res->verdict == want, "%s: expected %s, got %s:\n%s", res->rule->id,
                      iss_verdict_name(want), iss_verdict_name(res->verdict), fx_notes_text(res));
    }
}

START_TEST(aud_baseline_passes_every_rule)
{
    fx_run *r = run(AUD_PASS, NULL);
    ck_assert_uint_eq(r->report->nresults, 7);
    assert_all_pass_but(r, NULL, ISS_PASS);
    ck_assert_uint_eq(r->report->counts[ISS_PASS], 7);
    ck_assert_uint_eq(r->report->unverified_relied, 0);
    ck_assert_verdict(r, "AUD-T-a", ISS_PASS, "P1: qualification 'CISA' is 'CISA' of 例示1-1");
    ck_assert_verdict(r, "AUD-Q-c-1", ISS_PASS, "A1: audit-report reviewed by P2");
    fx_run_free(r);
}
END_TEST

START_TEST(va_baseline_passes_every_rule)
{
    fx_run *r = run(VA_PASS, NULL);
    ck_assert_uint_eq(r->report->nresults, 7);
    assert_all_pass_but(r, NULL, ISS_PASS);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "(ア) qualification: 1 person(s)");
    ck_assert_verdict(r, "VA-Q-c-1", ISS_PASS, "V1: inspection-report reviewed by P2");
    ck_assert_verdict(r, "VA-Q-c-3", ISS_PASS, "audit of 2025-12-01 (internal) by P9");
    fx_run_free(r);
}
END_TEST

START_TEST(df_baseline_passes_every_rule)
{
    fx_run *r = run(DF_PASS, NULL);
    ck_assert_uint_eq(r->report->nresults, 7);
    assert_all_pass_but(r, NULL, ISS_PASS);
    ck_assert_verdict(r, "DF-Q-b", ISS_PASS, "covers (イ) terms and standards on report quality");
    fx_run_free(r);
}
END_TEST

START_TEST(mon_baseline_passes_but_attestation_is_review)
{
    fx_run *r = run(MON_PASS, NULL);
    ck_assert_uint_eq(r->report->nresults, 7);
    /* MON-Q-c-1 is an attestation: review even when stated */
    assert_all_pass_but(r, "MON-Q-c-1", ISS_REVIEW);
    ck_assert_verdict(r, "MON-Q-c-1", ISS_REVIEW, "the statements' substance is for an examiner to judge");
    ck_assert_verdict(r, "MON-Q-c-1", ISS_REVIEW, "statement 'quality_management': 要員の確保");
    ck_assert_uint_eq(r->report->counts[ISS_REVIEW], 1);
    fx_run_free(r);
}
END_TEST

START_TEST(dv_baseline_passes_every_rule)
{
    fx_run *r = run(DV_PASS, NULL);
    ck_assert_uint_eq(r->report->nresults, 11);
    assert_all_pass_but(r, NULL, ISS_PASS);
    ck_assert_verdict(r, "DV-T-a-dual", ISS_PASS, "persons meeting both DV-T-a-1 and DV-T-a-2: —");
    ck_assert_verdict(r, "DV-T-b-3", ISS_PASS, "statement 'responsibility'");
    fx_run_free(r);
}
END_TEST

START_TEST(category_not_applied_for_gives_no_results)
{
    fx_run *r = run(VA_PASS, NULL);
    for (size_t i = 0; i < r->report->nresults; i++)
        ck_assert_msg(strncmp(r->report->results[i].rule->id, "VA-", 3) == 0, "result for %s",
                      r->report->results[i].rule->id);
    ck_assert_ptr_null(fx_result(r->report, "AUD-T-a"));
    ck_assert_ptr_null(fx_result(r->report, "DV-T-a-dual"));
    size_t total = 0;
    for (int v = 0; v < ISS_VERDICTS; v++)
        total += r->report->counts[v];
    ck_assert_uint_eq(total, r->report->nresults);
    fx_run_free(r);
    /* two categories: both sets of rules, in criteria order */
    r = mutate(VA_PASS, NULL, "services:\n", "services:\n  - category: aud\n", NULL);
    ck_assert_uint_eq(r->report->nresults, 14);
    ck_assert_str_eq(r->report->results[0].rule->id, "AUD-T-a");
    ck_assert_str_eq(r->report->results[7].rule->id, "VA-T-a");
    ck_assert_verdict(r, "AUD-T-a", ISS_FAIL, "no technical leads declared in 'technical_leads'");
    fx_run_free(r);
}
END_TEST

START_TEST(reference_date_sources)
{
    fx_run *r = run(VA_PASS, "2025-06-01");
    ck_assert_int_eq(r->report->ref_source, ISS_REF_OPTION);
    ck_assert_str_eq(fx_date_str(r->report->ref), "2025-06-01");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "reference_date: 2026-04-01\n", "", NULL);
    ck_assert_int_eq(r->report->ref_source, ISS_REF_TODAY);
    ck_assert_str_eq(fx_date_str(r->report->ref), "2026-04-01"); /* fx_eval's "today" */
    fx_run_free(r);
}
END_TEST

/* ---- track record (VA-T-a (ウ), MON-T-a (ウ), DV-T-a-1 b) ---- */

/* P1 is the only VA lead; counts state track_record = tr. */
static char *va_track_decl(const char *engagements, int tr)
{
    static const char fmt[] =
        "provider: {name: x}\n"
        "persons:\n"
        "  - id: P1\n"
        "  - id: P2\n"
        "engagements:\n"
        "%s"
        "services:\n"
        "  - category: va\n"
        "    subtypes: [web]\n"
        "    technical_leads:\n"
        "      persons: [P1]\n"
        "      counts: {qualification: 0, community: 0, track_record: %d, training: 0}\n";
    iss_buf b = {0};
    iss_buf_printf(&b, fmt, engagements, tr);
    return b.s;
}

static fx_run *va_track(const char *engagements, int tr, const char *as_of)
{
    char *yaml = va_track_decl(engagements, tr);
    fx_run *r = run(yaml, as_of);
    free(yaml);
    return r;
}

#define VENG(id, kind, start, end, contract)                                                       \
    "  - {id: " id ", category: va, kind: " kind ", start: " start ", end: " end                    \
    ", contract: " contract ", staff: [P1]}\n"
#define VENG_ONGOING(id, start, contract)                                                          \
    "  - {id: " id ", category: va, kind: web, start: " start ", contract: " contract               \
    ", staff: [P1]}\n"

/* four single contracts inside the window of 2026-04-01 */
#define FOUR_SINGLES                                                                               \
    VENG("E1", "web", "2024-01-10", "2024-01-20", "single")                                        \
    VENG("E2", "platform", "2024-06-01", "2024-06-10", "single")                                   \
    VENG("E3", "mobile", "2025-01-10", "2025-01-20", "single")                                     \
    VENG("E4", "other", "2025-06-01", "2025-06-10", "single")

START_TEST(track_five_cases_pass_four_fail)
{
    fx_run *r = va_track(FOUR_SINGLES VENG("E5", "web", "2025-09-01", "2025-09-05", "single"), 1, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P1: 5 case(s) in 2023-04-02..2026-04-01 (need 5): E1, E2, E3, E4, E5");
    fx_run_free(r);
    r = va_track(FOUR_SINGLES, 0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "P1: 4 case(s) in 2023-04-02..2026-04-01 (need 5)");
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "no technical lead meets any path");
    fx_run_free(r);
}
END_TEST

START_TEST(track_window_first_day_counts_day_before_does_not)
{
    fx_run *r = va_track(FOUR_SINGLES VENG("E5", "web", "2023-03-01", "2023-04-02", "single"), 1, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "5 case(s)");
    fx_run_free(r);
    r = va_track(FOUR_SINGLES VENG("E5", "web", "2023-03-01", "2023-04-01", "single"), 0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "4 case(s)");
    fx_run_free(r);
}
END_TEST

START_TEST(track_engagement_after_reference_date_never_counts)
{
    fx_run *r = va_track(FOUR_SINGLES VENG("E5", "web", "2026-04-02", "2026-05-01", "single"), 0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "4 case(s) in 2023-04-02..2026-04-01 (need 5): E1, E2, E3, E4");
    fx_run_free(r);
    /* even a comprehensive one that would span years */
    r = va_track(FOUR_SINGLES VENG_ONGOING("E5", "2026-04-02", "comprehensive"), 0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "4 case(s)");
    fx_run_free(r);
    /* starting on the reference date itself counts */
    r = va_track(FOUR_SINGLES VENG_ONGOING("E5", "2026-04-01", "single"), 1, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "5 case(s)");
    fx_run_free(r);
}
END_TEST

START_TEST(track_ongoing_runs_to_reference_date)
{
    /* 2024-04-01 .. ref 2026-04-01: two whole years of a comprehensive contract */
    const char *three = VENG("E1", "web", "2024-01-10", "2024-01-20", "single")
        VENG("E2", "platform", "2024-06-01", "2024-06-10", "single")
        VENG("E3", "mobile", "2025-01-10", "2025-01-20", "single");
    char eng[1024];
    snprintf(eng, sizeof eng, "%s%s", three, VENG_ONGOING("E5", "2024-04-01", "comprehensive"));
    fx_run *r = va_track(eng, 1, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "5 case(s) in 2023-04-02..2026-04-01 (need 5): E1, E2, E3, E5×2");
    fx_run_free(r);
    /* the same contract ended after one year counts once */
    snprintf(eng, sizeof eng, "%s%s", three, VENG("E5", "web", "2024-04-01", "2025-04-01", "comprehensive"));
    r = va_track(eng, 0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "4 case(s)");
    fx_run_free(r);
    /* an ongoing one evaluated at a later date counts more years */
    snprintf(eng, sizeof eng, "%s", VENG_ONGOING("E5", "2024-04-01", "comprehensive"));
    r = va_track(eng, 0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "2 case(s)");
    fx_run_free(r);
}
END_TEST

START_TEST(track_comprehensive_counts_per_whole_year_for_va)
{
    /* three whole years of the window: 3 case(s), plus two singles = 5 */
    fx_run *r = va_track(VENG("C1", "web", "2023-04-02", "2026-04-01", "comprehensive")
                             VENG("E1", "web", "2024-01-10", "2024-01-20", "single")
                             VENG("E2", "web", "2024-06-01", "2024-06-10", "single"),
                         1, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "5 case(s) in 2023-04-02..2026-04-01 (need 5): C1×3, E1, E2");
    fx_run_free(r);
    /* a contract running since before the window counts only its overlap */
    r = va_track(VENG("C1", "web", "2018-01-01", "2027-12-31", "comprehensive")
                     VENG("E1", "web", "2024-01-10", "2024-01-20", "single"),
                 0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "4 case(s) in 2023-04-02..2026-04-01 (need 5): C1×3, E1");
    fx_run_free(r);
    /* any overlap counts at least 1, even a few days */
    r = va_track(FOUR_SINGLES VENG("C1", "web", "2023-01-01", "2023-04-05", "comprehensive"), 1, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "5 case(s)");
    fx_run_free(r);
}
END_TEST

START_TEST(track_continuing_counts_one_for_va)
{
    fx_run *r = va_track(VENG("C1", "web", "2023-04-02", "2026-04-01", "continuing")
                             VENG("E1", "web", "2024-01-10", "2024-01-20", "single")
                             VENG("E2", "web", "2024-06-01", "2024-06-10", "single"),
                         0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "3 case(s) in 2023-04-02..2026-04-01 (need 5): C1, E1, E2");
    fx_run_free(r);
}
END_TEST

START_TEST(track_kinds_and_categories_filter)
{
    /* a MON case does not count for VA, even on the same person */
    fx_run *r = va_track(FOUR_SINGLES
                         "  - {id: M1, category: mon, kind: mss, start: 2025-01-10, end: 2025-01-20, contract: single, staff: [P1]}\n",
                         0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "4 case(s)");
    fx_run_free(r);
    /* an engagement without a kind does not count where the path names kinds */
    r = va_track(FOUR_SINGLES
                 "  - {id: E5, category: va, start: 2025-09-01, end: 2025-09-05, contract: single, staff: [P1]}\n",
                 0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "4 case(s)");
    fx_run_free(r);
    /* a case on P2's staff only is not P1's */
    r = va_track(FOUR_SINGLES
                 "  - {id: E5, category: va, kind: web, start: 2025-09-01, end: 2025-09-05, contract: single, staff: [P2]}\n",
                 0, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "4 case(s)");
    fx_run_free(r);
}
END_TEST

START_TEST(track_prior_engagements_count)
{
    const char *yaml =
        "provider: {name: x}\n"
        "persons:\n"
        "  - id: P1\n"
        "    prior_engagements:\n"
        "      - {id: X1, category: va, kind: web, start: 2023-05-01, end: 2023-06-30, contract: single}\n"
        "      - {id: X2, category: va, kind: web, start: 2022-05-01, end: 2023-03-31, contract: single}\n"
        "engagements:\n" FOUR_SINGLES
        "services:\n"
        "  - category: va\n"
        "    subtypes: [web]\n"
        "    technical_leads: {persons: [P1], counts: {qualification: 0, community: 0, track_record: 1, training: 0}}\n";
    fx_run *r = run(yaml, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "5 case(s) in 2023-04-02..2026-04-01 (need 5): E1, E2, E3, E4, X1");
    fx_run_free(r);
}
END_TEST

START_TEST(track_window_of_29_february)
{
    /* ref 2024-02-29: the window is 2021-03-01 .. 2024-02-29 */
    const char *four = VENG("E1", "web", "2022-01-10", "2022-01-20", "single")
        VENG("E2", "web", "2022-06-01", "2022-06-10", "single")
        VENG("E3", "web", "2023-01-10", "2023-01-20", "single")
        VENG("E4", "web", "2023-06-01", "2023-06-10", "single");
    char eng[1024];
    snprintf(eng, sizeof eng, "%s%s", four, VENG("E5", "web", "2021-02-01", "2021-03-01", "single"));
    fx_run *r = va_track(eng, 1, "2024-02-29");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "5 case(s) in 2021-03-01..2024-02-29 (need 5)");
    fx_run_free(r);
    snprintf(eng, sizeof eng, "%s%s", four, VENG("E5", "web", "2021-02-01", "2021-02-28", "single"));
    r = va_track(eng, 0, "2024-02-29");
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "4 case(s) in 2021-03-01..2024-02-29 (need 5)");
    fx_run_free(r);
    /* a comprehensive contract over the whole leap window: 3 years */
    snprintf(eng, sizeof eng, "%s%s", VENG("C1", "web", "2021-03-01", "2024-02-29", "comprehensive"),
             VENG("E1", "web", "2022-01-10", "2022-01-20", "single") VENG("E2", "web", "2022-06-01", "2022-06-10", "single"));
    r = va_track(eng, 1, "2024-02-29");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "C1×3");
    fx_run_free(r);
}
END_TEST

/* MON: 5 case(s) (continuing = 1 per year) and 10 operating years. */
static fx_run *mon_track(const char *persons_extra, const char *engagements, int tr)
{
    static const char fmt[] =
        "provider: {name: x}\n"
        "persons:\n"
        "  - id: P1\n"
        "%s"
        "engagements:\n"
        "%s"
        "services:\n"
        "  - category: mon\n"
        "    subtypes: [mss]\n"
        "    technical_leads:\n"
        "      persons: [P1]\n"
        "      counts: {qualification: 0, community: 0, track_record: %d, training: 0}\n";
    iss_buf b = {0};
    iss_buf_printf(&b, fmt, persons_extra, engagements, tr);
    fx_run *r = run(b.s, REF);
    iss_buf_free(&b);
    return r;
}

#define MENG(id, kind, start, end, contract)                                                       \
    "  - {id: " id ", category: mon, kind: " kind ", start: " start ", end: " end                   \
    ", contract: " contract ", staff: [P1]}\n"

START_TEST(mon_ten_years_in_window_with_concurrent_engagements)
{
    /* four concurrent three-year continuing contracts: 12 case(s), 12 operating years */
    fx_run *r = mon_track("", MENG("M1", "mss", "2023-04-02", "2026-04-01", "continuing")
                                  MENG("M2", "mss", "2023-04-02", "2026-04-01", "continuing")
                                  MENG("M3", "appliance", "2023-04-02", "2026-04-01", "continuing")
                                  MENG("M4", "appliance", "2023-04-02", "2026-04-01", "continuing"),
                          1);
    ck_assert_verdict(r, "MON-T-a", ISS_PASS,
                      "P1: 12 case(s) and 12.0 operating years in 2023-04-02..2026-04-01 (need 5 cases and 10 years)");
    fx_run_free(r);
    /* three of them: 9 case(s) but 9 years */
    r = mon_track("", MENG("M1", "mss", "2023-04-02", "2026-04-01", "continuing")
                          MENG("M2", "mss", "2023-04-02", "2026-04-01", "continuing")
                          MENG("M3", "appliance", "2023-04-02", "2026-04-01", "continuing"),
                  0);
    ck_assert_verdict(r, "MON-T-a", ISS_FAIL, "9 case(s) and 9.0 operating years");
    fx_run_free(r);
}
END_TEST

START_TEST(mon_comprehensive_counts_one_continuing_counts_per_year)
{
    /* the same four contracts as comprehensive: 4 case(s) for MON */
    fx_run *r = mon_track("", MENG("M1", "mss", "2023-04-02", "2026-04-01", "comprehensive")
                                  MENG("M2", "mss", "2023-04-02", "2026-04-01", "comprehensive")
                                  MENG("M3", "appliance", "2023-04-02", "2026-04-01", "comprehensive")
                                  MENG("M4", "appliance", "2023-04-02", "2026-04-01", "comprehensive"),
                          0);
    ck_assert_verdict(r, "MON-T-a", ISS_FAIL, "P1: 4 case(s) and 12.0 operating years");
    fx_run_free(r);
}
END_TEST

START_TEST(mon_career_reading_gives_review)
{
    /* 12 years of one continuing contract (3 in the window) and two singles: 5 case(s),
     * about 3 years inside the window, over 10 counting the years before it */
    fx_run *r = mon_track("", MENG("M1", "mss", "2014-04-02", "2026-04-01", "continuing")
                                  MENG("M2", "mss", "2024-01-10", "2024-01-20", "single")
                                  MENG("M3", "appliance", "2025-01-10", "2025-01-20", "single"),
                          1);
    ck_assert_verdict(r, "MON-T-a", ISS_REVIEW, "P1: 5 case(s) and 3.0 operating years");
    ck_assert_verdict(r, "MON-T-a", ISS_REVIEW, "P1: 12.0 operating years counting engagements before the window (career reading)");
    fx_run_free(r);
    /* the years before the window from a previous employer */
    r = mon_track("    prior_engagements:\n"
                  "      - {id: X1, category: mon, kind: mss, start: 2010-01-01, end: 2020-12-31, contract: continuing}\n",
                  MENG("M1", "mss", "2023-06-01", "2023-06-10", "single") MENG("M2", "mss", "2024-01-10", "2024-01-20", "single")
                      MENG("M3", "mss", "2024-06-01", "2024-06-10", "single") MENG("M4", "mss", "2025-01-10", "2025-01-20", "single")
                          MENG("M5", "appliance", "2025-06-01", "2025-06-10", "single"),
                  1);
    ck_assert_verdict(r, "MON-T-a", ISS_REVIEW, "career reading");
    fx_run_free(r);
}
END_TEST

START_TEST(mon_track_fails_otherwise)
{
    /* five short cases, no long history */
    fx_run *r = mon_track("", MENG("M1", "mss", "2023-06-01", "2023-06-10", "single")
                                  MENG("M2", "mss", "2024-01-10", "2024-01-20", "single")
                                  MENG("M3", "mss", "2024-06-01", "2024-06-10", "single")
                                  MENG("M4", "mss", "2025-01-10", "2025-01-20", "single")
                                  MENG("M5", "appliance", "2025-06-01", "2025-06-10", "single"),
                          0);
    ck_assert_verdict(r, "MON-T-a", ISS_FAIL, "P1: 5 case(s) and 0.1 operating years");
    ck_assert_msg(!fx_note_has(fx_result(r->report, "MON-T-a"), "counting engagements before the window"), "career note on a plain fail");
    fx_run_free(r);
    /* a long career but too few cases in the window: fail, not review */
    r = mon_track("", MENG("M1", "mss", "2010-04-02", "2026-04-01", "continuing"), 0);
    ck_assert_verdict(r, "MON-T-a", ISS_FAIL, "P1: 3 case(s) and 3.0 operating years");
    fx_run_free(r);
    /* monitoring engagements are not kinds a/b; combined ones count only
     * subject to review (reading 11), and here they are not enough anyway */
    r = mon_track("", MENG("M1", "monitoring", "2023-04-02", "2026-04-01", "continuing")
                          MENG("M2", "monitoring", "2023-04-02", "2026-04-01", "continuing")
                          MENG("M3", "combined", "2023-04-02", "2026-04-01", "continuing")
                          MENG("M4", "combined", "2023-04-02", "2026-04-01", "continuing"),
                  0);
    ck_assert_verdict(r, "MON-T-a", ISS_FAIL,
                      "P1: 6 case(s) and 6.0 operating years in 2023-04-02..2026-04-01 (need 5 cases and 10 years): "
                      "M3×3 (mon/combined?), M4×3 (mon/combined?)");
    fx_run_free(r);
}
END_TEST

START_TEST(dv_track_record_counts_device_cases)
{
    fx_run *r = mutate(DV_PASS, NULL,
                       "    trainings: [{name: SEC556, completed: 2024-06-30}]\n", "",
                       "  - {id: D1,",
                       "  - {id: D2, category: dv, kind: device, start: 2023-04-02, end: 2026-04-01, contract: comprehensive, staff: [P1]}\n"
                       "  - {id: D3, category: dv, kind: device, start: 2024-04-02, end: 2024-05-01, contract: single, staff: [P1]}\n"
                       "  - {id: D4, category: dv, kind: web, start: 2024-04-02, end: 2024-05-01, contract: single, staff: [P1]}\n"
                       "  - {id: D1,",
                       "counts: {qualification: 0, track_record: 0, training: 1}",
                       "counts: {qualification: 0, track_record: 1, training: 0}",
                       NULL);
    /* D1 (staff P1) + D2×3 + D3 = 5; D4 is web, not device verification */
    ck_assert_verdict(r, "DV-T-a-1", ISS_PASS, "P1: 5 case(s) in 2023-04-02..2026-04-01 (need 5): D2×3, D3, D1");
    fx_run_free(r);
}
END_TEST

/* ---- qualifications (reading 5) ---- */

START_TEST(qualification_expired_day_before_not_counted)
{
    fx_run *r = mutate(VA_PASS, NULL, "expires: 2027-09-30", "expires: 2026-03-31",
                       "counts: {qualification: 1,", "counts: {qualification: 0,", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "P1: qualification '情報処理安全確保支援士' expired on 2026-03-31");
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "P1: meets none of the paths");
    fx_run_free(r);
}
END_TEST

START_TEST(qualification_expiring_on_reference_date_counted)
{
    fx_run *r = mutate(VA_PASS, NULL, "expires: 2027-09-30", "expires: 2026-04-01", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P1: meets qualification");
    ck_assert_msg(!fx_note_has(fx_result(r->report, "VA-T-a"), "expired"), "an expiry note");
    fx_run_free(r);
    /* the same declaration a day later: expired */
    r = mutate(VA_PASS, "2026-04-02", "expires: 2027-09-30", "expires: 2026-04-01",
               "counts: {qualification: 1,", "counts: {qualification: 0,", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "expired on 2026-04-01");
    fx_run_free(r);
}
END_TEST

START_TEST(qualification_acquired_after_reference_date_not_counted)
{
    fx_run *r = mutate(VA_PASS, NULL, "acquired: 2021-10-01", "acquired: 2026-04-02",
                       "counts: {qualification: 1,", "counts: {qualification: 0,", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "P1: qualification '情報処理安全確保支援士' acquired on 2026-04-02, after the reference date");
    fx_run_free(r);
    /* acquired on the reference date counts */
    r = mutate(VA_PASS, NULL, "acquired: 2021-10-01", "acquired: 2026-04-01", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "meets qualification");
    fx_run_free(r);
}
END_TEST

START_TEST(qualification_number_pattern)
{
    fx_run *r = mutate(VA_PASS, NULL, "number: '012345'", "number: '12345'",
                       "counts: {qualification: 1,", "counts: {qualification: 0,", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL,
                      "P1: registration number '12345' of '情報処理安全確保支援士' does not match the format of '情報処理安全確保支援士'");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "number: '012345', ", "", "counts: {qualification: 1,", "counts: {qualification: 0,", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "P1: qualification '情報処理安全確保支援士' has no registration number");
    fx_run_free(r);
    /* the pattern applies to a name matched by an alias too */
    r = mutate(VA_PASS, NULL, "name: 情報処理安全確保支援士, number: '012345'", "name: riss, number: 'A12345'",
               "counts: {qualification: 1,", "counts: {qualification: 0,", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "registration number 'A12345' of 'riss'");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "name: 情報処理安全確保支援士, number: '012345'", "name: RISS, number: '654321'", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "qualification 'RISS' is '情報処理安全確保支援士' of 例示1-2");
    fx_run_free(r);
}
END_TEST

START_TEST(qualification_unknown_is_review_naming_it)
{
    fx_run *r = mutate(VA_PASS, NULL, "name: 情報処理安全確保支援士, number: '012345'", "name: 架空セキュリティ資格", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_REVIEW, "P1: qualification '架空セキュリティ資格' is not in the catalogue");
    ck_assert_verdict(r, "VA-T-a", ISS_REVIEW, "P1: meets qualification?");
    ck_assert_verdict(r, "VA-T-a", ISS_REVIEW, "whether a path is met rests on items an examiner must judge");
    fx_run_free(r);
}
END_TEST

/* A name that is an entry of another type (a 例示3-2 training claimed as
 * 例示7-3 education) is said to be one; the verdict stays review, as for
 * any name not in the catalogue under the claimed type. */
START_TEST(other_type_entry_is_named_and_review)
{
    fx_run *r = mutate(DF_PASS, NULL, "education: [フォレンジック資格維持講座, 社内勉強会]",
                       "education: [FOR500, 社内勉強会]", NULL);
    ck_assert_verdict(r, "DF-Q-c-2", ISS_REVIEW,
                      "education[1]: education 'FOR500' is listed as a 例示3-2 training ('FOR500'), "
                      "not as 例示7-3 education");
    fx_run_free(r);
    /* a name of no entry at all is still "not in the catalogue" */
    r = mutate(DF_PASS, NULL, "education: [フォレンジック資格維持講座, 社内勉強会]",
               "education: [FOR999, 社内勉強会]", NULL);
    ck_assert_verdict(r, "DF-Q-c-2", ISS_REVIEW, "education 'FOR999' is not in the catalogue");
    fx_run_free(r);
    /* a qualification that is a training entry */
    r = mutate(VA_PASS, NULL, "name: 情報処理安全確保支援士, number: '012345'", "name: SEC542", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_REVIEW,
                      "P1: qualification 'SEC542' is listed as a 例示3-1 training ('SEC542'), "
                      "not as 例示1-2 qualification");
    fx_run_free(r);
}
END_TEST

START_TEST(qualification_equivalent_is_review)
{
    fx_run *r = mutate(VA_PASS, NULL, "number: '012345',", "equivalent: true, number: '012345',", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_REVIEW, "qualification '情報処理安全確保支援士' is claimed as equivalent (同等のもの) to 例示1-2");
    fx_run_free(r);
}
END_TEST

START_TEST(qualification_on_another_list_not_counted)
{
    /* CISA is on 例示1-1 (AUD) only */
    fx_run *r = mutate(VA_PASS, NULL, "name: 情報処理安全確保支援士, number: '012345'", "name: CISA",
                       "counts: {qualification: 1,", "counts: {qualification: 0,", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "P1: qualification 'CISA' (catalogue entry 'CISA') is not listed in 例示1-2");
    fx_run_free(r);
}
END_TEST

START_TEST(unverified_entry_is_review_and_counted_once)
{
    fx_run *r = mutate(VA_PASS, NULL, "name: 情報処理安全確保支援士, number: '012345'", "name: OSCP", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_REVIEW, "P1: qualification 'OSCP' matches catalogue entry 'OSCP', whose listing in 例示1-2 is unconfirmed (unverified)");
    ck_assert_uint_eq(r->report->unverified_relied, 1);
    fx_run_free(r);
    /* two persons on the same entry, and a second unverified entry (a standard) */
    r = mutate(VA_PASS, NULL, "name: 情報処理安全確保支援士, number: '012345'", "name: OSCP",
               "  - id: P2\n", "  - id: P2\n    qualifications: [{name: OSCP}]\n",
               "persons: [P1]\n      counts: {qualification: 1,", "persons: [P1, P2]\n      counts: {qualification: 2,",
               "standards: [OWASP ASVS]", "standards: [PTES]", NULL);
    ck_assert_verdict(r, "VA-T-b", ISS_REVIEW, "standards[1]: standard 'PTES' matches catalogue entry 'PTES'");
    ck_assert_uint_eq(r->report->unverified_relied, 2);
    fx_run_free(r);
    /* verified entries are relied on without being counted */
    r = run(VA_PASS, NULL);
    ck_assert_uint_eq(r->report->unverified_relied, 0);
    fx_run_free(r);
}
END_TEST

/* ---- community, lecturing, training ---- */

START_TEST(community_and_lecturing_paths)
{
    fx_run *r = mutate(VA_PASS, NULL,
                       "  - id: P2\n",
                       "  - id: P2\n"
                       "    community_roles: [{community: OWASP Japan, role: leader, from: 2022-05-01, evidence: 議事録}]\n"
                       "  - id: P4\n"
                       "    lecturing: [{institution: テスト大学, subject: va, from: 2021-04-01, to: 2022-03-31}]\n"
                       "  - id: P5\n"
                       "    lecturing: [{institution: テスト大学, subject: df, from: 2021-04-01}]\n"
                       "    community_roles: [{community: OWASP Japan, role: 講師, from: 2026-05-01}]\n",
                       "persons: [P1]\n      counts: {qualification: 1, community: 0,",
                       "persons: [P1, P2, P4, P5]\n      counts: {qualification: 1, community: 2,", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P2: community 'OWASP Japan' is 'OWASP Japan' of 例示2-1");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "evidence: 議事録");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P4: lecturer at higher-education institution 'テスト大学' on Vulnerability assessment");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P4: 高等教育機関「テスト大学」で 脆弱性診断サービス を対象とする講師経験");
    /* P5 lectured on forensics, and the community role starts after the reference date */
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P5: community 'OWASP Japan' is dated 2026-05-01, after the reference date");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P5: meets none of the paths");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "(イ) community: 2 person(s)");
    fx_run_free(r);
}
END_TEST

START_TEST(training_path)
{
    fx_run *r = mutate(VA_PASS, NULL,
                       "  - id: P2\n",
                       "  - id: P2\n"
                       "    trainings: [{name: SEC542, completed: 2025-06-30}]\n"
                       "  - id: P4\n"
                       "    trainings: [{name: SEC542, completed: 2026-04-02}]\n",
                       "persons: [P1]\n      counts: {qualification: 1, community: 0, track_record: 0, training: 0}",
                       "persons: [P1, P2, P4]\n      counts: {qualification: 1, community: 0, track_record: 0, training: 1}",
                       NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P2: training 'SEC542' is 'SEC542' of 例示3-1");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P4: training 'SEC542' is dated 2026-04-02, after the reference date");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P4: meets none of the paths");
    fx_run_free(r);
    /* SEC560 is unverified: review */
    r = mutate(VA_PASS, NULL, "  - id: P2\n", "  - id: P2\n    trainings: [{name: SEC560, completed: 2025-06-30}]\n",
               "persons: [P1]\n      counts: {qualification: 1, community: 0, track_record: 0, training: 0}",
               "persons: [P2]\n      counts: {qualification: 0, community: 0, track_record: 0, training: 1}", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_REVIEW, "P2: training 'SEC560' matches catalogue entry 'SEC560'");
    fx_run_free(r);
}
END_TEST

/* ---- per-path counts (reading 6) ---- */

START_TEST(person_with_several_paths_counted_in_each)
{
    fx_run *r = mutate(VA_PASS, NULL,
                       "expires: 2027-09-30}]\n",
                       "expires: 2027-09-30}]\n    trainings: [{name: SEC542, completed: 2025-06-30}]\n",
                       "  - id: P2\n", "  - id: P2\n    trainings: [{name: SEC542, completed: 2025-06-30}]\n",
                       "persons: [P1]\n      counts: {qualification: 1, community: 0, track_record: 0, training: 0}",
                       "persons: [P1, P2]\n      counts: {qualification: 1, community: 0, track_record: 0, training: 2}",
                       NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P1: meets qualification, training");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P2: meets training");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "(ア) qualification: 1 person(s)");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "(エ) training: 2 person(s)");
    fx_run_free(r);
}
END_TEST

START_TEST(counts_missing_mismatched_unknown_absent)
{
    fx_run *r = mutate(VA_PASS, NULL, "      counts: {qualification: 1, community: 0, track_record: 0, training: 0}\n", "", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL,
                      "per-path counts (要件を満たす者ごとの人数) not stated; computed: qualification: 1, community: 0, track_record: 0, training: 0");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "counts: {qualification: 1,", "counts: {qualification: 2,", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "stated count for 'qualification' is 2, computed 1");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "training: 0}", "training: 0, experience: 0}", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL,
                      "stated count for unknown path 'experience' (paths: qualification, community, track_record, training)");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, ", training: 0}", "}", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "no stated count for path 'training' (computed 0)");
    fx_run_free(r);
    /* the verdict rests on the counts */
    r = mutate(VA_PASS, NULL, "counts: {qualification: 1,", "counts: {qualification: 0,", NULL);
    const iss_result *res = fx_result(r->report, "VA-T-a");
    ck_assert_int_eq(res->verdict, ISS_FAIL);
    ck_assert_int_eq(res->loc.line, 17);
    fx_run_free(r);
}
END_TEST

START_TEST(no_leads_fail_and_aud_needs_no_counts)
{
    fx_run *r = mutate(VA_PASS, NULL, "    technical_leads:\n      persons: [P1]\n"
                                      "      counts: {qualification: 1, community: 0, track_record: 0, training: 0}\n",
                       "", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "no technical leads declared in 'technical_leads'");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "persons: [P1]\n", "persons: []\n", NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "no technical leads declared");
    fx_run_free(r);
    /* AUD-T-a discloses the list of leads, not counts: passes without them */
    r = run(AUD_PASS, NULL);
    ck_assert_verdict(r, "AUD-T-a", ISS_PASS, "P1: meets qualification");
    fx_run_free(r);
    r = mutate(AUD_PASS, NULL, "qualifications: [{name: CISA}]", "qualifications: [{name: CISA, equivalent: true}]", NULL);
    ck_assert_verdict(r, "AUD-T-a", ISS_REVIEW, "claimed as equivalent");
    fx_run_free(r);
    r = mutate(AUD_PASS, NULL, "qualifications: [{name: CISA}]", "qualifications: [{name: GCFA}]", NULL);
    ck_assert_verdict(r, "AUD-T-a", ISS_FAIL, "is not listed in 例示1-1");
    fx_run_free(r);
}
END_TEST

/* ---- case review (reading 7, first half) ---- */

START_TEST(va_reviewer_on_staff_fails_naming_case)
{
    fx_run *r = mutate(VA_PASS, NULL, "reviews: [{document: inspection-report, by: P2}]",
                       "reviews: [{document: inspection-report, by: P1}]", NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_FAIL, "V1: inspection-report reviewed by P1, who is on the case's staff");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, ", reviews: [{document: inspection-report, by: P2}]", "", NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_FAIL, "V1: no review of inspection-report");
    fx_run_free(r);
    /* one failing case among good ones fails, and the verdict rests on it */
    r = mutate(VA_PASS, NULL, "services:\n",
               "  - {id: V2, category: va, kind: web, start: 2025-03-01, end: 2025-03-10, contract: single,\n"
               "     staff: [P1, P2], reviews: [{document: inspection-report, by: P2}]}\n"
               "services:\n",
               NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_FAIL, "V2: inspection-report reviewed by P2, who is on the case's staff");
    ck_assert_verdict(r, "VA-Q-c-1", ISS_FAIL, "V1: inspection-report reviewed by P2");
    ck_assert_int_eq(fx_result(r->report, "VA-Q-c-1")->loc.line, 12);
    fx_run_free(r);
    /* two reviews, one independent: the case passes */
    r = mutate(VA_PASS, NULL, "reviews: [{document: inspection-report, by: P2}]",
               "reviews: [{document: inspection-report, by: P1}, {document: inspection-report, by: P2}]", NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_PASS, "V1: inspection-report reviewed by P2");
    fx_run_free(r);
}
END_TEST

START_TEST(dv_reviewer_on_staff_fails)
{
    fx_run *r = mutate(DV_PASS, NULL, "{document: inspection-report, by: P3}", "{document: inspection-report, by: P2}", NULL);
    ck_assert_verdict(r, "DV-Q-c-1", ISS_FAIL, "D1: inspection-report reviewed by P2, who is on the case's staff");
    fx_run_free(r);
}
END_TEST

START_TEST(df_reviewer_staff_or_qualified)
{
    /* baseline: P2 is on F1's staff */
    fx_run *r = run(DF_PASS, NULL);
    ck_assert_verdict(r, "DF-Q-c-1", ISS_PASS, "F1: investigation-report reviewed by P2");
    fx_run_free(r);
    /* P1 is not on the staff but meets DF-T-a (GCFA) */
    r = mutate(DF_PASS, NULL, "staff: [P1, P2], reviews: [{document: investigation-report, by: P2}]",
               "staff: [P2], reviews: [{document: investigation-report, by: P1}]", NULL);
    ck_assert_verdict(r, "DF-Q-c-1", ISS_PASS, "F1: investigation-report reviewed by P1");
    fx_run_free(r);
    /* P3 is neither */
    r = mutate(DF_PASS, NULL, "staff: [P1, P2], reviews: [{document: investigation-report, by: P2}]",
               "staff: [P2], reviews: [{document: investigation-report, by: P3}]", NULL);
    ck_assert_verdict(r, "DF-Q-c-1", ISS_FAIL, "F1: investigation-report reviewed by P3, who is neither on the case nor meets DF-T-a");
    fx_run_free(r);
    /* P3 meets DF-T-a only by an equivalence claim: review */
    r = mutate(DF_PASS, NULL, "staff: [P1, P2], reviews: [{document: investigation-report, by: P2}]",
               "staff: [P2], reviews: [{document: investigation-report, by: P3}]",
               "  - id: P3\n", "  - id: P3\n    qualifications: [{name: 海外フォレンジック資格, equivalent: true}]\n", NULL);
    ck_assert_verdict(r, "DF-Q-c-1", ISS_REVIEW, "F1: investigation-report reviewed by P3, who meets DF-T-a only on items an examiner must judge");
    fx_run_free(r);
    /* P3 meets DF-T-a by an expired qualification: fail */
    r = mutate(DF_PASS, NULL, "staff: [P1, P2], reviews: [{document: investigation-report, by: P2}]",
               "staff: [P2], reviews: [{document: investigation-report, by: P3}]",
               "  - id: P3\n", "  - id: P3\n    qualifications: [{name: GCFA, expires: 2025-12-31}]\n", NULL);
    ck_assert_verdict(r, "DF-Q-c-1", ISS_FAIL, "who is neither on the case nor meets DF-T-a");
    fx_run_free(r);
}
END_TEST

START_TEST(aud_review_alternatives)
{
    /* alternative a needs both documents */
    fx_run *r = mutate(AUD_PASS, NULL, ", {document: audit-report, by: P2}", "", NULL);
    ck_assert_verdict(r, "AUD-Q-c-1", ISS_FAIL, "A1: no review of audit-report");
    ck_assert_verdict(r, "AUD-Q-c-1", ISS_FAIL, "A1: no review of peer-review"); /* and b was not met either */
    fx_run_free(r);
    r = mutate(AUD_PASS, NULL, "{document: audit-report, by: P2}", "{document: audit-report, by: P1}", NULL);
    ck_assert_verdict(r, "AUD-Q-c-1", ISS_FAIL, "A1: audit-report reviewed by P1, who is on the case's staff");
    fx_run_free(r);
    /* alternative b: a peer review, by anyone, the case's staff included */
    r = mutate(AUD_PASS, NULL, "reviews: [{document: audit-plan, by: P2}, {document: audit-report, by: P2}]",
               "reviews: [{document: peer-review, by: P1}]", NULL);
    ck_assert_verdict(r, "AUD-Q-c-1", ISS_PASS, "A1: peer-review by P1");
    ck_assert_msg(!fx_note_has(fx_result(r->report, "AUD-Q-c-1"), "no review of audit-plan"),
                  "notes of the failed alternative shown on a pass");
    fx_run_free(r);
}
END_TEST

START_TEST(case_review_no_completed_case_is_review)
{
    fx_run *r = mutate(VA_PASS, NULL, "start: 2025-01-10, end: 2025-02-20,", "start: 2025-01-10,", NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_REVIEW, "V1: not counted (not completed by 2026-04-01)");
    ck_assert_verdict(r, "VA-Q-c-1", ISS_REVIEW, "no completed case of this service in 2023-04-02..2026-04-01");
    fx_run_free(r);
    /* ending after the reference date: not completed either */
    r = mutate(VA_PASS, NULL, "end: 2025-02-20,", "end: 2026-04-02,", NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_REVIEW, "V1: not counted");
    fx_run_free(r);
    /* ending before the window: not in it */
    r = mutate(VA_PASS, NULL, "start: 2025-01-10, end: 2025-02-20,", "start: 2023-03-01, end: 2023-04-01,", NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_REVIEW, "no completed case");
    fx_run_free(r);
    /* ending on the window's first day: in it */
    r = mutate(VA_PASS, NULL, "start: 2025-01-10, end: 2025-02-20,", "start: 2023-03-01, end: 2023-04-02,", NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_PASS, "V1: inspection-report reviewed by P2");
    fx_run_free(r);
    /* no engagements at all */
    r = mutate(VA_PASS, NULL,
               "  - {id: V1, category: va, kind: web, start: 2025-01-10, end: 2025-02-20, contract: single,\n"
               "     staff: [P1], reviews: [{document: inspection-report, by: P2}]}\n",
               "", "engagements:\n", "", NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_REVIEW, "no completed case");
    fx_run_free(r);
}
END_TEST

START_TEST(case_review_ongoing_case_excluded)
{
    /* an ongoing case without review does not spoil a reviewed completed one */
    fx_run *r = mutate(VA_PASS, NULL, "services:\n",
                       "  - {id: V2, category: va, kind: web, start: 2025-06-01, contract: comprehensive, staff: [P1]}\n"
                       "  - {id: V3, category: va, kind: web, start: 2026-05-01, end: 2026-05-02, contract: single, staff: [P1]}\n"
                       "  - {id: M1, category: mon, kind: mss, start: 2025-01-01, end: 2025-01-02, contract: single, staff: [P1]}\n"
                       "services:\n",
                       NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_PASS, "V2: not counted (not completed by 2026-04-01)");
    const iss_result *res = fx_result(r->report, "VA-Q-c-1");
    ck_assert_msg(!fx_note_has(res, "V3"), "a case starting after the reference date is mentioned");
    ck_assert_msg(!fx_note_has(res, "M1"), "a MON case is reviewed under VA");
    fx_run_free(r);
}
END_TEST

/* ---- customer-information protection (reading 7, second half) ---- */

START_TEST(protection_auditor_on_staff_of_a_case)
{
    /* P1 audits, and is on V1's staff, although the audit sampled no case */
    fx_run *r = mutate(VA_PASS, NULL, "auditor: P9", "auditor: P1", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_FAIL, "the audit of 2025-12-01 does not count: auditor P1 is on the staff of V1, a case of this service");
    ck_assert_verdict(r, "VA-Q-c-3", ISS_FAIL, "no audit on or before 2026-04-01 by someone outside the staff of this service's cases");
    fx_run_free(r);
    /* with a second, independent audit: pass */
    r = mutate(VA_PASS, NULL, "auditor: P9}\n", "auditor: P1}\n    - {date: 2026-01-15, type: internal, auditor: P9, cases: [V1]}\n", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_PASS, "audit of 2026-01-15 (internal) by P9");
    ck_assert_verdict(r, "VA-Q-c-3", ISS_PASS, "auditor P1 is on the staff of V1");
    fx_run_free(r);
}
END_TEST

START_TEST(protection_auditor_on_another_categorys_case)
{
    /* P2 is on a MON case only: independent for VA; applying for MON too, not for MON */
    fx_run *r = mutate(VA_PASS, NULL, "auditor: P9", "auditor: P2",
                       "services:\n",
                       "  - {id: M1, category: mon, kind: mss, start: 2025-01-01, end: 2025-01-02, contract: single, staff: [P2]}\n"
                       "services:\n"
                       "  - category: mon\n"
                       "    subtypes: [mss]\n",
                       NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_PASS, "audit of 2025-12-01 (internal) by P2");
    ck_assert_verdict(r, "MON-Q-c-3", ISS_FAIL, "the audit of 2025-12-01 does not count: auditor P2 is on the staff of M1");
    fx_run_free(r);
    /* a reviewer (not staff) of a case is not its staff */
    r = mutate(VA_PASS, NULL, "auditor: P9", "auditor: P2", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_PASS, "by P2");
    fx_run_free(r);
}
END_TEST

START_TEST(protection_external_late_not_operating_missing)
{
    fx_run *r = mutate(VA_PASS, NULL, "{date: 2025-12-01, type: internal, auditor: P9}",
                       "{date: 2025-12-01, type: external, organisation: テスト監査法人}", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_PASS, "audit of 2025-12-01 (external) by テスト監査法人");
    ck_assert_verdict(r, "VA-Q-c-3", ISS_PASS, "2025-12-01 の外部監査（監査人 テスト監査法人）");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "date: 2025-12-01", "date: 2026-04-02", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_FAIL, "the audit of 2026-04-02 does not count: it is after the reference date");
    ck_assert_verdict(r, "VA-Q-c-3", ISS_FAIL, "no audit on or before 2026-04-01 by someone outside");
    fx_run_free(r);
    /* on the reference date counts */
    r = mutate(VA_PASS, NULL, "date: 2025-12-01", "date: 2026-04-01", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_PASS, "audit of 2026-04-01");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "in_operation: true", "in_operation: false", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_FAIL, "the procedure is not stated to be in operation (in_operation: true)");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "  in_operation: true\n", "", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_FAIL, "not stated to be in operation");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "  procedure: 顧客情報保護規程 v2\n", "", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_FAIL, "the procedure document is not named (procedure)");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, PROTECTION, "", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_FAIL, "no customer-information protection procedure declared (customer_info_protection)");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "  audits:\n    - {date: 2025-12-01, type: internal, auditor: P9}\n", "", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_FAIL, "no audit on or before 2026-04-01 by someone outside the staff of this service's cases");
    fx_run_free(r);
}
END_TEST

START_TEST(protection_same_for_every_category)
{
    const char *const bases[] = {AUD_PASS, DF_PASS, MON_PASS, DV_PASS};
    const char *const rules[] = {"AUD-Q-c-3", "DF-Q-c-3", "MON-Q-c-3", "DV-Q-c-3"};
    for (size_t i = 0; i < 4; i++) {
        fx_run *r = mutate(bases[i], NULL, "auditor: P9", "auditor: P1", NULL);
        ck_assert_verdict(r, rules[i], ISS_FAIL, "auditor P1 is on the staff of");
        fx_run_free(r);
    }
}
END_TEST

/* ---- DV: dual roles, sub-types ---- */

/* P1 holds CISSP (例示1-5 and 1-2): meets DV-T-a-1 and DV-T-a-2. */
static fx_run *dv_dual(const char *dual, const char *subtypes)
{
    iss_buf b = {0}, st = {0};
    if (dual) /* NULL: no dual_roles (printf of a null %s is undefined) */
        iss_buf_printf(&b, "    dual_roles: %s\n    quality_manager: P3\n", dual);
    iss_buf_printf(&st, "subtypes: [%s]", subtypes);
    fx_run *r = mutate(DV_PASS, NULL, "subtypes: [device+web]", st.s, "    trainings: [{name: SEC556, completed: 2024-06-30}]\n",
                       "    qualifications: [{name: CISSP}]\n",
                       "counts: {qualification: 0, track_record: 0, training: 1}",
                       "counts: {qualification: 1, track_record: 0, training: 0}",
                       "      persons: [P2]\n      counts: {qualification: 0, community: 0, track_record: 0, training: 1}",
                       "      persons: [P1, P2]\n      counts: {qualification: 1, community: 0, track_record: 0, training: 1}",
                       "    quality_manager: P3\n", dual ? b.s : "    quality_manager: P3\n", NULL);
    iss_buf_free(&b);
    iss_buf_free(&st);
    return r;
}

START_TEST(dv_dual_role_declared_with_count_passes)
{
    fx_run *r = dv_dual("{persons: [P1], count: 1}", "device+web");
    ck_assert_verdict(r, "DV-T-a-1", ISS_PASS, NULL);
    ck_assert_verdict(r, "DV-T-a-2", ISS_PASS, NULL);
    ck_assert_verdict(r, "DV-T-a-dual", ISS_PASS, "persons meeting both DV-T-a-1 and DV-T-a-2: P1");
    fx_run_free(r);
}
END_TEST

START_TEST(dv_dual_role_undeclared_or_miscounted_fails)
{
    fx_run *r = dv_dual(NULL, "device+web");
    ck_assert_verdict(r, "DV-T-a-dual", ISS_FAIL, "not declared as 兼務者 (dual_roles): P1");
    ck_assert_verdict(r, "DV-T-a-dual", ISS_FAIL, "兼務者 count not stated (dual_roles.count); computed 1");
    fx_run_free(r);
    r = dv_dual("{persons: [P1], count: 2}", "device+web");
    ck_assert_verdict(r, "DV-T-a-dual", ISS_FAIL, "stated 兼務者 count 2, computed 1");
    fx_run_free(r);
    r = dv_dual("{persons: [P1]}", "device+web");
    ck_assert_verdict(r, "DV-T-a-dual", ISS_FAIL, "兼務者 count not stated");
    fx_run_free(r);
    r = dv_dual("{persons: [P1, P2], count: 2}", "device+web");
    ck_assert_verdict(r, "DV-T-a-dual", ISS_FAIL, "declared as 兼務者 but not meeting both: P2");
    fx_run_free(r);
    /* device+platform is a VA half too */
    r = dv_dual(NULL, "device+platform");
    ck_assert_verdict(r, "DV-T-a-dual", ISS_FAIL, "not declared as 兼務者 (dual_roles): P1");
    fx_run_free(r);
}
END_TEST

START_TEST(dv_in_both_groups_meeting_one_is_not_dual)
{
    /* P1 (SEC556, 例示3-4 only) is in both groups but meets DV-T-a-1 only */
    fx_run *r = mutate(DV_PASS, NULL,
                       "      persons: [P2]\n      counts: {qualification: 0, community: 0, track_record: 0, training: 1}",
                       "      persons: [P1, P2]\n      counts: {qualification: 0, community: 0, track_record: 0, training: 1}",
                       NULL);
    ck_assert_verdict(r, "DV-T-a-dual", ISS_PASS, "persons meeting both DV-T-a-1 and DV-T-a-2: —");
    ck_assert_verdict(r, "DV-T-a-2", ISS_PASS, "P1: meets none of the paths");
    fx_run_free(r);
}
END_TEST

START_TEST(dv_device_only_is_na)
{
    fx_run *r = mutate(DV_PASS, NULL, "subtypes: [device+web]", "subtypes: [device]", NULL);
    ck_assert_verdict(r, "DV-T-a-2", ISS_NA, "applies only to sub-types device+web, device+platform (applied for: device)");
    ck_assert_verdict(r, "DV-T-a-dual", ISS_NA, "applies only to sub-types");
    ck_assert_uint_eq(r->report->counts[ISS_NA], 2);
    ck_assert_verdict(r, "DV-T-a-1", ISS_PASS, NULL);
    fx_run_free(r);
    /* n/a even with an undeclared overlap */
    r = dv_dual(NULL, "device");
    ck_assert_verdict(r, "DV-T-a-dual", ISS_NA, "applied for: device");
    fx_run_free(r);
}
END_TEST

START_TEST(dv_standards_va_half_only_with_web_or_platform)
{
    /* device only: the 例示4-4 standard suffices */
    fx_run *r = mutate(DV_PASS, NULL, "subtypes: [device+web]", "subtypes: [device]",
                       "standards: [IoT検証基準, OWASP ASVS]", "standards: [IoT検証基準]", NULL);
    ck_assert_verdict(r, "DV-T-b-1", ISS_PASS, "standards[1]: standard 'IoT検証基準' is 'IoT検証基準' of 例示4-4");
    ck_assert_verdict(r, "DV-T-b-2", ISS_PASS, NULL);
    fx_run_free(r);
    /* device+web: 例示4-2 as well */
    r = mutate(DV_PASS, NULL, "standards: [IoT検証基準, OWASP ASVS]", "standards: [IoT検証基準]", NULL);
    ck_assert_verdict(r, "DV-T-b-1", ISS_FAIL, "no standard declared for 例示4-2");
    ck_assert_verdict(r, "DV-T-b-2", ISS_FAIL, "no standard declared for 例示4-2");
    fx_run_free(r);
    r = mutate(DV_PASS, NULL, "subtypes: [device+web]", "subtypes: [device+platform]", NULL);
    ck_assert_verdict(r, "DV-T-b-1", ISS_PASS, "standards[2]: standard 'OWASP ASVS' is 'OWASP ASVS' of 例示4-2");
    fx_run_free(r);
    /* device+web: the VA result handling (例示5-1) too */
    r = mutate(DV_PASS, NULL, "result_handling: [検証結果取扱規程, 診断結果取扱規程]", "result_handling: [検証結果取扱規程]", NULL);
    ck_assert_verdict(r, "DV-T-b-2", ISS_FAIL, "no result handling declared for 例示5-1");
    fx_run_free(r);
    r = mutate(DV_PASS, NULL, "compliance: [機器検証の内容]", "compliance: [監視運用の内容]", NULL);
    ck_assert_verdict(r, "DV-T-b-2", ISS_FAIL, "no compliance content declared for 例示6-2");
    ck_assert_verdict(r, "DV-T-b-2", ISS_FAIL, "compliance[1]: compliance content '監視運用の内容' (catalogue entry '監視運用の内容') is not listed in 例示6-2");
    fx_run_free(r);
}
END_TEST

/* ---- statements ---- */

START_TEST(statements_pass_review_fail)
{
    fx_run *r = mutate(DV_PASS, NULL, "      responsibility: 当社は当該範囲についてのみ責任を負う\n", "", NULL);
    ck_assert_verdict(r, "DV-T-b-3", ISS_FAIL, "statement 'responsibility' missing (statements.responsibility)");
    fx_run_free(r);
    r = mutate(DV_PASS, NULL, "      scope: 検証範囲は契約書の別紙に定める\n", "      scope: ''\n", NULL);
    ck_assert_verdict(r, "DV-T-b-3", ISS_FAIL, "statement 'scope' missing");
    fx_run_free(r);
    r = mutate(MON_PASS, NULL,
               "    statements:\n      quality_management: {text: 要員の確保と作業の実施を品質管理計画で管理する, evidence: 品質管理計画}\n",
               "", NULL);
    ck_assert_verdict(r, "MON-Q-c-1", ISS_FAIL, "statement 'quality_management' missing (statements.quality_management)");
    fx_run_free(r);
    r = run(MON_PASS, NULL);
    ck_assert_verdict(r, "MON-Q-c-1", ISS_REVIEW, "evidence: 品質管理計画");
    fx_run_free(r);
}
END_TEST

/* ---- declared items (reiji_items) ---- */

START_TEST(va_items_pass_fail_review)
{
    fx_run *r = mutate(VA_PASS, NULL, "    result_handling: [診断結果取扱規程]\n", "", NULL);
    ck_assert_verdict(r, "VA-T-b", ISS_FAIL, "no result handling declared for 例示5-1");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "standards: [OWASP ASVS]", "standards: [{name: 社内診断基準, equivalent: true, evidence: 基準書}]", NULL);
    ck_assert_verdict(r, "VA-T-b", ISS_REVIEW, "standards[1]: standard '社内診断基準' is claimed as equivalent (同等のもの) to 例示4-2");
    ck_assert_verdict(r, "VA-T-b", ISS_REVIEW, "evidence: 基準書");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "standards: [OWASP ASVS]", "standards: [社内診断基準]", NULL);
    ck_assert_verdict(r, "VA-T-b", ISS_REVIEW, "standard '社内診断基準' is not in the catalogue");
    fx_run_free(r);
    /* an audit standard is not a VA one */
    r = mutate(VA_PASS, NULL, "standards: [OWASP ASVS]", "standards: [情報セキュリティ監査基準]", NULL);
    ck_assert_verdict(r, "VA-T-b", ISS_FAIL, "is not listed in 例示4-2");
    fx_run_free(r);
    /* a good item among others passes */
    r = mutate(VA_PASS, NULL, "standards: [OWASP ASVS]", "standards: [社内診断基準, 情報セキュリティ監査基準, OWASP ASVS]", NULL);
    ck_assert_verdict(r, "VA-T-b", ISS_PASS, "standards[3]: standard 'OWASP ASVS' is 'OWASP ASVS' of 例示4-2");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "education: [診断員教育]", "education: [未確認の教育]", NULL);
    ck_assert_verdict(r, "VA-Q-c-2", ISS_REVIEW, "unconfirmed (unverified)");
    ck_assert_uint_eq(r->report->unverified_relied, 1);
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "    education: [診断員教育]\n", "", NULL);
    ck_assert_verdict(r, "VA-Q-c-2", ISS_FAIL, "no education declared for 例示7-2");
    fx_run_free(r);
}
END_TEST

START_TEST(other_categories_items)
{
    fx_run *r = mutate(AUD_PASS, NULL, "standards: [情報セキュリティ監査基準]", "standards: [OWASP ASVS]", NULL);
    ck_assert_verdict(r, "AUD-T-b", ISS_FAIL, "no standard declared for 例示4-1");
    fx_run_free(r);
    r = mutate(AUD_PASS, NULL, "education: [監査人教育]", "education: [診断員教育]", NULL);
    ck_assert_verdict(r, "AUD-Q-c-2", ISS_FAIL, "no education declared for 例示7-1");
    fx_run_free(r);
    r = mutate(DF_PASS, NULL, "standards: [証拠保全ガイドライン]", "standards: [{name: 証拠保全ガイドライン, equivalent: true}]", NULL);
    ck_assert_verdict(r, "DF-T-b", ISS_REVIEW, "claimed as equivalent");
    fx_run_free(r);
    r = mutate(MON_PASS, NULL, "    compliance: [監視運用の内容]\n", "", NULL);
    ck_assert_verdict(r, "MON-T-b", ISS_FAIL, "no compliance content declared for 例示6-1");
    fx_run_free(r);
    r = mutate(MON_PASS, NULL, "education: [監視員継続教育]", "education: [検証員教育]", NULL);
    ck_assert_verdict(r, "MON-Q-c-2", ISS_FAIL, "'検証員教育' (catalogue entry '検証員教育') is not listed in 例示7-4");
    fx_run_free(r);
    r = mutate(DV_PASS, NULL, "education: [検証員教育]", "education: [{name: 社内検証研修, equivalent: true}]", NULL);
    ck_assert_verdict(r, "DV-Q-c-2", ISS_REVIEW, "claimed as equivalent (同等のもの) to 例示7-5");
    fx_run_free(r);
}
END_TEST

START_TEST(df_education_needs_two_distinct_items)
{
    fx_run *r = mutate(DF_PASS, NULL, "education: [フォレンジック資格維持講座, 社内勉強会]", "education: [フォレンジック資格維持講座]", NULL);
    ck_assert_verdict(r, "DF-Q-c-2", ISS_FAIL, "no education besides the one above declared (education)");
    ck_assert_verdict(r, "DF-Q-c-2", ISS_FAIL, "education[1]: education 'フォレンジック資格維持講座' is 'フォレンジック資格維持講座' of 例示7-3");
    fx_run_free(r);
    /* the order of the items does not matter */
    r = mutate(DF_PASS, NULL, "education: [フォレンジック資格維持講座, 社内勉強会]", "education: [社内勉強会, フォレンジック資格維持講座]", NULL);
    ck_assert_verdict(r, "DF-Q-c-2", ISS_PASS, "education '社内勉強会' declared");
    fx_run_free(r);
    /* without the 例示7-3 course */
    r = mutate(DF_PASS, NULL, "education: [フォレンジック資格維持講座, 社内勉強会]", "education: [社内勉強会, 別の勉強会]", NULL);
    ck_assert_verdict(r, "DF-Q-c-2", ISS_REVIEW, "education '社内勉強会' is not in the catalogue");
    fx_run_free(r);
    r = mutate(DF_PASS, NULL, "    education: [フォレンジック資格維持講座, 社内勉強会]\n", "", NULL);
    ck_assert_verdict(r, "DF-Q-c-2", ISS_FAIL, "no education declared for 例示7-3");
    ck_assert_verdict(r, "DF-Q-c-2", ISS_FAIL, "no education declared (education)");
    fx_run_free(r);
}
END_TEST

/* ---- manual and quality manager ---- */

START_TEST(manual_missing_sections_named)
{
    fx_run *r = mutate(VA_PASS, NULL, "sections: [process, output]", "sections: [process]", NULL);
    ck_assert_verdict(r, "VA-Q-b", ISS_FAIL, "lacks (イ) output management (output in manual.sections)");
    ck_assert_verdict(r, "VA-Q-b", ISS_FAIL, "covers (ア) service-process management (process)");
    ck_assert_verdict(r, "VA-Q-b", ISS_FAIL, "(イ) アウトプットの管理 が含まれていない");
    fx_run_free(r);
    r = mutate(VA_PASS, NULL, "    manual: {sections: [process, output]}\n", "", NULL);
    ck_assert_verdict(r, "VA-Q-b", ISS_FAIL, "no manual declared (manual)");
    fx_run_free(r);
    r = mutate(DV_PASS, NULL, "process.method, process.requests, output", "process.method, output", NULL);
    ck_assert_verdict(r, "DV-Q-b", ISS_FAIL, "lacks (ア) handling of client requests, opinions and complaints (process.requests in manual.sections)");
    fx_run_free(r);
    r = mutate(DF_PASS, NULL, "sections: [quality_manual, report_terms]", "sections: [quality_manual]", NULL);
    ck_assert_verdict(r, "DF-Q-b", ISS_FAIL, "lacks (イ) terms and standards on report quality (report_terms in manual.sections)");
    fx_run_free(r);
    r = mutate(MON_PASS, NULL, "sections: [process, output]", "sections: [output]", NULL);
    ck_assert_verdict(r, "MON-Q-b", ISS_FAIL, "lacks (ア) service-process management");
    fx_run_free(r);
}
END_TEST

START_TEST(quality_manager_missing_fails)
{
    const char *const bases[] = {AUD_PASS, VA_PASS, DF_PASS, MON_PASS, DV_PASS};
    const char *const rules[] = {"AUD-Q-a", "VA-Q-a", "DF-Q-a", "MON-Q-a", "DV-Q-a"};
    for (size_t i = 0; i < 5; i++) {
        fx_run *r = run(bases[i], NULL);
        ck_assert_verdict(r, rules[i], ISS_PASS, "quality manager: P3");
        fx_run_free(r);
        r = mutate(bases[i], NULL, "    quality_manager: P3\n", "", NULL);
        ck_assert_verdict(r, rules[i], ISS_FAIL, "no quality manager assigned (quality_manager)");
        fx_run_free(r);
    }
}
END_TEST

/* ---- issue 15: the kind of work counts, wherever it was declared (reading 10) ---- */

/* The same five web tests, under va and under dv, for VA-T-a and DV-T-a-2. */
static fx_run *web_five(const char *category)
{
    char eng[1024];
    snprintf(eng, sizeof eng,
             "  - {id: W1, category: %s, kind: web, start: 2024-01-10, end: 2024-01-20, contract: single, staff: [P1]}\n"
             "  - {id: W2, category: %s, kind: web, start: 2024-06-01, end: 2024-06-10, contract: single, staff: [P1]}\n"
             "  - {id: W3, category: %s, kind: web, start: 2025-01-10, end: 2025-01-20, contract: single, staff: [P1]}\n"
             "  - {id: W4, category: %s, kind: web, start: 2025-06-01, end: 2025-06-10, contract: single, staff: [P1]}\n"
             "  - {id: W5, category: %s, kind: web, start: 2025-09-01, end: 2025-09-05, contract: single, staff: [P1]}\n",
             category, category, category, category, category);
    iss_buf b = {0};
    iss_buf_printf(&b,
                   "provider: {name: x}\n"
                   "persons:\n"
                   "  - id: P1\n"
                   "  - id: P2\n"
                   "    trainings: [{name: SEC556, completed: 2024-06-30}]\n"
                   "engagements:\n%s"
                   "services:\n"
                   "  - category: va\n"
                   "    subtypes: [web]\n"
                   "    technical_leads:\n"
                   "      persons: [P1]\n"
                   "      counts: {qualification: 0, community: 0, track_record: 1, training: 0}\n"
                   "  - category: dv\n"
                   "    subtypes: [device+web]\n"
                   "    technical_leads:\n"
                   "      persons: [P2]\n"
                   "      counts: {qualification: 0, track_record: 0, training: 1}\n"
                   "    va_leads:\n"
                   "      persons: [P1]\n"
                   "      counts: {qualification: 0, community: 0, track_record: 1, training: 0}\n",
                   eng);
    fx_run *r = run(b.s, REF);
    free(b.s);
    return r;
}

START_TEST(web_tests_count_under_va_and_under_dv)
{
    fx_run *r = web_five("va");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P1: 5 case(s) in 2023-04-02..2026-04-01 (need 5): W1, W2, W3, W4, W5");
    ck_assert_verdict(r, "DV-T-a-2", ISS_PASS, "P1: 5 case(s) in 2023-04-02..2026-04-01 (need 5): W1 (va), W2 (va), W3 (va), W4 (va), W5 (va)");
    ck_assert_verdict(r, "DV-T-a-2", ISS_PASS, "source: clauses.md reading 10");
    ck_assert_msg(!fx_note_has(fx_result(r->report, "VA-T-a"), "reading 10"),
                  "VA-T-a counted only its own category: reading 10 decided nothing");
    fx_run_free(r);
    r = web_five("dv");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P1: 5 case(s) in 2023-04-02..2026-04-01 (need 5): W1 (dv), W2 (dv), W3 (dv), W4 (dv), W5 (dv)");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "source: clauses.md reading 10");
    ck_assert_verdict(r, "DV-T-a-2", ISS_PASS, "P1: 5 case(s) in 2023-04-02..2026-04-01 (need 5): W1, W2, W3, W4, W5");
    fx_run_free(r);
}
END_TEST

START_TEST(penetration_tests_count_as_va_d)
{
    /* the fixture set composed with the shipped PT option, whose category
     * the penetration tests are declared under */
    iss_criteria *pt = fx_criteria_load_clean(ISS_SOURCE_DIR "/criteria/pt-draft");
    const iss_criteria *sets[] = {fx_verified(), pt};
    iss_diags d = {0};
    iss_criteria *both = iss_criteria_compose(sets, 2, &d);
    ck_assert_msg(both != NULL, "%s", fx_diags_text(&d));
    char *yaml = va_track_decl(
        "  - {id: T1, category: pt, kind: pt, start: 2024-01-10, end: 2024-01-20, contract: single, staff: [P1]}\n"
        "  - {id: T2, category: pt, kind: pt, start: 2024-06-01, end: 2024-06-10, contract: single, staff: [P1]}\n"
        "  - {id: T3, category: pt, kind: pt, start: 2025-01-10, end: 2025-01-20, contract: single, staff: [P1]}\n"
        "  - {id: T4, category: pt, kind: pt, start: 2025-06-01, end: 2025-06-10, contract: single, staff: [P1]}\n"
        "  - {id: T5, category: pt, kind: pt, start: 2025-09-01, end: 2025-09-05, contract: single, staff: [P1]}\n",
        1);
    fx_run *r = fx_eval(both, yaml, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P1: 5 case(s) in 2023-04-02..2026-04-01 (need 5): T1 (pt), T2 (pt), T3 (pt), T4 (pt), T5 (pt)");
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "source: clauses.md reading 10");
    fx_run_free(r);
    /* four are not enough */
    char *four = strstr(yaml, "  - {id: T5");
    memmove(four, strstr(four, "\n") + 1, strlen(strstr(four, "\n") + 1) + 1);
    r = fx_eval(both, yaml, REF);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "P1: 4 case(s)");
    fx_run_free(r);
    free(yaml);
    iss_criteria_free(both);
    iss_criteria_free(pt);
    iss_diags_free(&d);
}
END_TEST

START_TEST(forensic_device_is_not_device_verification)
{
    /* D1 + D2×3 = 4 device-verification cases; F1 is a forensic
     * investigation of a device (category df, kind device): not counted */
    fx_run *r = mutate(DV_PASS, NULL,
                       "    trainings: [{name: SEC556, completed: 2024-06-30}]\n", "",
                       "  - {id: D1,",
                       "  - {id: D2, category: dv, kind: device, start: 2023-04-02, end: 2026-04-01, contract: comprehensive, staff: [P1]}\n"
                       "  - {id: F1, category: df, kind: device, start: 2024-04-02, end: 2024-05-01, contract: single, staff: [P1]}\n"
                       "  - {id: D1,",
                       "counts: {qualification: 0, track_record: 0, training: 1}",
                       "counts: {qualification: 0, track_record: 0, training: 0}",
                       NULL);
    ck_assert_verdict(r, "DV-T-a-1", ISS_FAIL, "P1: 4 case(s) in 2023-04-02..2026-04-01 (need 5): D2×3, D1");
    ck_assert_msg(!fx_note_has(fx_result(r->report, "DV-T-a-1"), "F1"), "%s", fx_notes_text(fx_result(r->report, "DV-T-a-1")));
    fx_run_free(r);
}
END_TEST

START_TEST(combined_mon_engagement_is_review)
{
    /* 9 cases and 9 years of mss/appliance work; with the combined C1, 12
     * and 12: met only if C1 is MSS work, which an examiner decides */
    fx_run *r = mon_track("", MENG("M1", "mss", "2023-04-02", "2026-04-01", "continuing")
                                  MENG("M2", "mss", "2023-04-02", "2026-04-01", "continuing")
                                  MENG("M3", "appliance", "2023-04-02", "2026-04-01", "continuing")
                                  MENG("C1", "combined", "2023-04-02", "2026-04-01", "continuing"),
                          1);
    ck_assert_verdict(r, "MON-T-a", ISS_REVIEW,
                      "P1: 12 case(s) and 12.0 operating years in 2023-04-02..2026-04-01 (need 5 cases and 10 years): "
                      "M1×3, M2×3, M3×3, C1×3 (mon/combined?)");
    ck_assert_verdict(r, "MON-T-a", ISS_REVIEW, "P1: met only by counting C1, which an examiner must confirm as qualifying work");
    ck_assert_verdict(r, "MON-T-a", ISS_REVIEW, "source: clauses.md reading 11");
    fx_run_free(r);
    /* enough without it: pass, and the combined case changes nothing */
    r = mon_track("", MENG("M1", "mss", "2023-04-02", "2026-04-01", "continuing")
                          MENG("M2", "mss", "2023-04-02", "2026-04-01", "continuing")
                          MENG("M3", "appliance", "2023-04-02", "2026-04-01", "continuing")
                          MENG("M4", "appliance", "2023-04-02", "2026-04-01", "continuing")
                          MENG("C1", "combined", "2023-04-02", "2026-04-01", "continuing"),
                  1);
    ck_assert_verdict(r, "MON-T-a", ISS_PASS, "P1: 12 case(s) and 12.0 operating years");
    ck_assert_msg(!fx_note_has(fx_result(r->report, "MON-T-a"), "reading 11"), "reading 11 decided nothing here");
    fx_run_free(r);
}
END_TEST

START_TEST(case_review_ignores_cases_ended_before_the_window)
{
    /* V0 ended before 2023-04-02, without any review: not checked (reading 12) */
    fx_run *r = mutate(VA_PASS, NULL, "engagements:\n",
                       "engagements:\n"
                       "  - {id: V0, category: va, kind: web, start: 2022-01-10, end: 2023-04-01, contract: single, staff: [P1]}\n",
                       NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_PASS, "V1: inspection-report reviewed by P2");
    ck_assert_verdict(r, "VA-Q-c-1", ISS_PASS, "source: clauses.md reading 12");
    ck_assert_msg(!fx_note_has(fx_result(r->report, "VA-Q-c-1"), "V0"), "%s", fx_notes_text(fx_result(r->report, "VA-Q-c-1")));
    fx_run_free(r);
    /* ended on the window's first day: checked, and it fails */
    r = mutate(VA_PASS, NULL, "engagements:\n",
               "engagements:\n"
               "  - {id: V0, category: va, kind: web, start: 2022-01-10, end: 2023-04-02, contract: single, staff: [P1]}\n",
               NULL);
    ck_assert_verdict(r, "VA-Q-c-1", ISS_FAIL, "V0: no review of inspection-report");
    fx_run_free(r);
}
END_TEST

/* ---- issue 15: the first failing line says why ---- */

/* The first note marked fail of a rule's result. */
static const char *first_fail(const fx_run *r, const char *rule)
{
    const iss_result *res = fx_result(r->report, rule);
    ck_assert_ptr_nonnull(res);
    for (size_t i = 0; i < res->nnotes; i++)
        if (res->notes[i].mark == ISS_MARK_FAIL) {
            iss_result one = *res;
            one.notes = &res->notes[i];
            one.nnotes = 1;
            static char buf[1024];
            snprintf(buf, sizeof buf, "%s", fx_notes_text(&one));
            return buf;
        }
    return "";
}

START_TEST(first_fail_line_says_why)
{
    /* VA-Q-c-3: the only audit is by a person on a case's staff */
    fx_run *r = mutate(VA_PASS, NULL, "auditor: P9}", "auditor: P1}", NULL);
    ck_assert_verdict(r, "VA-Q-c-3", ISS_FAIL, NULL);
    ck_assert_msg(strstr(first_fail(r, "VA-Q-c-3"), "auditor P1 is on the staff of V1") != NULL, "%s",
                  first_fail(r, "VA-Q-c-3"));
    fx_run_free(r);
    /* DF-T-a: a lead with DF cases only: DF has no track-record path */
    r = mutate(DF_PASS, NULL, "    qualifications: [{name: GCFA}]\n", "",
               "counts: {qualification: 1,", "counts: {qualification: 0,", NULL);
    ck_assert_verdict(r, "DF-T-a", ISS_FAIL, NULL);
    ck_assert_msg(strstr(first_fail(r, "DF-T-a"),
                         "P1: meets none of the paths (qualification, community, training); DF-T-a has no "
                         "track-record path, so the cases F1 do not count") != NULL,
                  "%s", first_fail(r, "DF-T-a"));
    fx_run_free(r);
}
END_TEST

START_TEST(each_item_listed_once)
{
    /* DV-T-b-1 weighs the standards against 4-4 and 4-2, DV-T-b-2 the
     * result-handling items against 5-2 and 5-1: each item is told once */
    fx_run *r = run(DV_PASS, NULL);
    static const char *const items[][2] = {{"DV-T-b-1", "standards[1]: "}, {"DV-T-b-1", "standards[2]: "},
                                           {"DV-T-b-2", "result_handling[1]: "}, {"DV-T-b-2", "result_handling[2]: "}};
    for (size_t i = 0; i < 4; i++) {
        ck_assert_verdict(r, items[i][0], ISS_PASS, items[i][1]);
        const char *t = fx_notes_text(fx_result(r->report, items[i][0]));
        const char *at = strstr(t, items[i][1]);
        ck_assert_msg(at && !strstr(at + 1, items[i][1]), "%s told twice:\n%s", items[i][1], t);
    }
    fx_run_free(r);
}
END_TEST

START_TEST(sections_without_clause_have_one_space)
{
    fx_run *r = run(VA_PASS, NULL);
    const char *t = fx_notes_text(fx_result(r->report, "VA-Q-b"));
    ck_assert_msg(strstr(t, "covers (ア) service-process management") != NULL, "%s", t);
    ck_assert_msg(strstr(t, "  ") == NULL || strstr(t, "covers  ") == NULL, "%s", t);
    fx_run_free(r);
}
END_TEST

START_TEST(unverified_count_only_where_the_verdict_rests)
{
    /* P1's unverified OSCP, but P2 meets the rule on a verified training:
     * the pass does not rest on OSCP, which is not counted */
    fx_run *r = mutate(VA_PASS, NULL, "name: 情報処理安全確保支援士, number: '012345'", "name: OSCP",
                       "  - id: P2\n", "  - id: P2\n    trainings: [{name: SEC542, completed: 2024-06-30}]\n",
                       "persons: [P1]\n      counts: {qualification: 1, community: 0, track_record: 0, training: 0}",
                       "persons: [P1, P2]\n      counts: {qualification: 1, community: 0, track_record: 0, training: 1}",
                       NULL);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "P1: qualification 'OSCP' matches catalogue entry 'OSCP'");
    ck_assert_uint_eq(r->report->unverified_relied, 0);
    fx_run_free(r);
}
END_TEST

static Suite *eval_suite(void)
{
    Suite *s = suite_create("eval");
    TCase *tc = tcase_create("baselines");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, aud_baseline_passes_every_rule);
    tcase_add_test(tc, va_baseline_passes_every_rule);
    tcase_add_test(tc, df_baseline_passes_every_rule);
    tcase_add_test(tc, mon_baseline_passes_but_attestation_is_review);
    tcase_add_test(tc, dv_baseline_passes_every_rule);
    tcase_add_test(tc, category_not_applied_for_gives_no_results);
    tcase_add_test(tc, reference_date_sources);
    suite_add_tcase(s, tc);

    tc = tcase_create("track-record");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, track_five_cases_pass_four_fail);
    tcase_add_test(tc, track_window_first_day_counts_day_before_does_not);
    tcase_add_test(tc, track_engagement_after_reference_date_never_counts);
    tcase_add_test(tc, track_ongoing_runs_to_reference_date);
    tcase_add_test(tc, track_comprehensive_counts_per_whole_year_for_va);
    tcase_add_test(tc, track_continuing_counts_one_for_va);
    tcase_add_test(tc, track_kinds_and_categories_filter);
    tcase_add_test(tc, track_prior_engagements_count);
    tcase_add_test(tc, track_window_of_29_february);
    tcase_add_test(tc, mon_ten_years_in_window_with_concurrent_engagements);
    tcase_add_test(tc, mon_comprehensive_counts_one_continuing_counts_per_year);
    tcase_add_test(tc, mon_career_reading_gives_review);
    tcase_add_test(tc, mon_track_fails_otherwise);
    tcase_add_test(tc, dv_track_record_counts_device_cases);
    suite_add_tcase(s, tc);

    tc = tcase_create("qualified-leads");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, qualification_expired_day_before_not_counted);
    tcase_add_test(tc, qualification_expiring_on_reference_date_counted);
    tcase_add_test(tc, qualification_acquired_after_reference_date_not_counted);
    tcase_add_test(tc, qualification_number_pattern);
    tcase_add_test(tc, qualification_unknown_is_review_naming_it);
    tcase_add_test(tc, other_type_entry_is_named_and_review);
    tcase_add_test(tc, qualification_equivalent_is_review);
    tcase_add_test(tc, qualification_on_another_list_not_counted);
    tcase_add_test(tc, unverified_entry_is_review_and_counted_once);
    tcase_add_test(tc, community_and_lecturing_paths);
    tcase_add_test(tc, training_path);
    tcase_add_test(tc, person_with_several_paths_counted_in_each);
    tcase_add_test(tc, counts_missing_mismatched_unknown_absent);
    tcase_add_test(tc, no_leads_fail_and_aud_needs_no_counts);
    suite_add_tcase(s, tc);

    tc = tcase_create("independence");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, va_reviewer_on_staff_fails_naming_case);
    tcase_add_test(tc, dv_reviewer_on_staff_fails);
    tcase_add_test(tc, df_reviewer_staff_or_qualified);
    tcase_add_test(tc, aud_review_alternatives);
    tcase_add_test(tc, case_review_no_completed_case_is_review);
    tcase_add_test(tc, case_review_ongoing_case_excluded);
    tcase_add_test(tc, protection_auditor_on_staff_of_a_case);
    tcase_add_test(tc, protection_auditor_on_another_categorys_case);
    tcase_add_test(tc, protection_external_late_not_operating_missing);
    tcase_add_test(tc, protection_same_for_every_category);
    suite_add_tcase(s, tc);

    tc = tcase_create("dv");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, dv_dual_role_declared_with_count_passes);
    tcase_add_test(tc, dv_dual_role_undeclared_or_miscounted_fails);
    tcase_add_test(tc, dv_in_both_groups_meeting_one_is_not_dual);
    tcase_add_test(tc, dv_device_only_is_na);
    tcase_add_test(tc, dv_standards_va_half_only_with_web_or_platform);
    suite_add_tcase(s, tc);

    tc = tcase_create("items-manual-statements");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, statements_pass_review_fail);
    tcase_add_test(tc, va_items_pass_fail_review);
    tcase_add_test(tc, other_categories_items);
    tcase_add_test(tc, df_education_needs_two_distinct_items);
    tcase_add_test(tc, manual_missing_sections_named);
    tcase_add_test(tc, quality_manager_missing_fails);
    suite_add_tcase(s, tc);

    tc = tcase_create("issue-15");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, web_tests_count_under_va_and_under_dv);
    tcase_add_test(tc, penetration_tests_count_as_va_d);
    tcase_add_test(tc, forensic_device_is_not_device_verification);
    tcase_add_test(tc, combined_mon_engagement_is_review);
    tcase_add_test(tc, case_review_ignores_cases_ended_before_the_window);
    tcase_add_test(tc, first_fail_line_says_why);
    tcase_add_test(tc, each_item_listed_once);
    tcase_add_test(tc, sections_without_clause_have_one_space);
    tcase_add_test(tc, unverified_count_only_where_the_verdict_rests);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(eval_suite());
}
