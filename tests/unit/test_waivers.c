/* test_waivers.c - SHA-256 against FIPS 180-4's examples, and waivers and
 * judgements applied to a report: the expiry boundary (29 February too),
 * pinning, precedence, what applies to which verdict, and the counts. */
#include "fixture.h"
#include "isscheck/waivers.h"
#include "sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void sha_hex(const void *data, size_t n, char hex[65])
{
    iss_sha256 s;
    iss_sha256_init(&s);
    iss_sha256_add(&s, data, n);
    iss_sha256_hex(&s, hex);
}

START_TEST(sha256_examples)
{
    char hex[65];
    sha_hex("", 0, hex);
    ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha_hex(two, strlen(two), hex);
    ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* a million 'a', fed in uneven pieces */
    iss_sha256 s;
    iss_sha256_init(&s);
    char a[997];
    memset(a, 'a', sizeof a);
    size_t left = 1000000;
    for (size_t k = 1; left; k = k * 7 % sizeof a + 1) {
        size_t n = k < left ? k : left;
        iss_sha256_add(&s, a, n);
        left -= n;
    }
    iss_sha256_hex(&s, hex);
    ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
END_TEST

/* Any split of a message gives the digest of the whole (the padding at
 * every length around a block: 55, 56, 63, 64 bytes). */
START_TEST(sha256_any_split)
{
    unsigned char msg[130];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (unsigned char)(i * 37 + 11);
    for (size_t len = 0; len <= sizeof msg; len++) {
        char whole[65];
        sha_hex(msg, len, whole);
        for (size_t cut = 0; cut <= len; cut++) {
            iss_sha256 s;
            char hex[65];
            iss_sha256_init(&s);
            iss_sha256_add(&s, msg, cut);
            iss_sha256_add(&s, msg + cut, len - cut);
            iss_sha256_hex(&s, hex);
            ck_assert_msg(strcmp(hex, whole) == 0, "length %zu cut at %zu", len, cut);
        }
    }
}
END_TEST

#define PROTECTION                                                                                 \
    "customer_info_protection:\n"                                                                  \
    "  procedure: 顧客情報保護規程\n"                                                      \
    "  in_operation: true\n"                                                                       \
    "  audits:\n"                                                                                  \
    "    - {date: 2025-12-01, type: internal, auditor: P9}\n"

/* AUD-Q-a fails (no quality manager), AUD-T-b needs review (a standard the
 * catalogue does not know). */
static const char AUD[] = "provider: {name: テスト監査}\n"
                          "reference_date: 2026-04-01\n"
                          "persons:\n"
                          "  - id: P1\n"
                          "    qualifications: [{name: CISA}]\n"
                          "  - id: P2\n"
                          "  - id: P9\n"
                          "engagements:\n"
                          "  - {id: A1, category: aud, kind: assurance, start: 2025-01-10, end: "
                          "2025-03-31, contract: single,\n"
                          "     staff: [P1], reviews: [{document: audit-plan, by: P2}, {document: "
                          "audit-report, by: P2}]}\n"
                          "services:\n"
                          "  - category: aud\n"
                          "    technical_leads: {persons: [P1]}\n"
                          "    manual: {sections: [process, output]}\n"
                          "    standards: [社内独自の監査基準]\n"
                          "    education: [監査人教育]\n" PROTECTION;

/* The waivers file text loaded against the fixture criteria; NULL and its
 * diagnostics in *d when refused. */
static iss_waivers *load(const char *text, iss_diags *d)
{
    char path[] = "/tmp/isscheck-waivers-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    iss_criteria *sets[1] = {(iss_criteria *)fx_verified()};
    iss_editions ed = {sets, 1, NULL};
    iss_waivers *w = iss_waivers_load(path, "w.yaml", &ed, NULL, d);
    unlink(path);
    return w;
}

/* The waivers file of the last apply(): its entries outlive the report
 * that points at them, and done() frees both. */
static iss_waivers *current;

/* AUD evaluated and the waivers applied with today given. */
static fx_run *apply(const char *waivers, const char *today)
{
    iss_diags d = {0};
    current = load(waivers, &d);
    ck_assert_msg(current != NULL, "%s", fx_diags_text(&d));
    iss_diags_free(&d);
    fx_run *run = fx_eval(fx_verified(), AUD, NULL);
    iss_waivers_apply(current, run->report, fx_day(today));
    return run;
}

static void done(fx_run *run)
{
    fx_run_free(run);
    iss_waivers_free(current);
    current = NULL;
}

static const char WAIVE_QA[] = "waivers:\n"
                               "  - {rule: AUD-Q-a, provider: テスト監査, reason: 採用中,\n"
                               "     decided_by: 審査員, expires: %s}\n";

static char *waiver_until(const char *expires)
{
    static char buf[256];
    snprintf(buf, sizeof buf, WAIVE_QA, expires);
    return buf;
}

START_TEST(expiry_is_inclusive)
{
    fx_run *run = fx_eval(fx_verified(), AUD, NULL);
    ck_assert_verdict(run, "AUD-Q-a", ISS_FAIL, NULL);
    size_t fails = run->report->counts[ISS_FAIL];
    fx_run_free(run);

    run = apply(waiver_until("2026-11-23"), "2026-11-23");
    ck_assert_verdict(run, "AUD-Q-a", ISS_WAIVED, "waived: 採用中");
    const iss_result *res = fx_result(run->report, "AUD-Q-a");
    ck_assert_int_eq(res->computed, ISS_FAIL);
    ck_assert_ptr_nonnull(res->applied);
    ck_assert_uint_eq(run->report->counts[ISS_WAIVED], 1);
    ck_assert_uint_eq(run->report->counts[ISS_FAIL], fails - 1);
    done(run);

    run = apply(waiver_until("2026-11-23"), "2026-11-24");
    ck_assert_verdict(run, "AUD-Q-a", ISS_FAIL, "expired on 2026-11-23");
    ck_assert_ptr_null(fx_result(run->report, "AUD-Q-a")->applied);
    ck_assert_uint_eq(run->report->counts[ISS_WAIVED], 0);
    done(run);
}
END_TEST

START_TEST(expiry_on_29_february)
{
    fx_run *run = apply(waiver_until("2028-02-29"), "2028-02-29");
    ck_assert_verdict(run, "AUD-Q-a", ISS_WAIVED, NULL);
    done(run);
    run = apply(waiver_until("2028-02-29"), "2028-03-01");
    ck_assert_verdict(run, "AUD-Q-a", ISS_FAIL, "expired on 2028-02-29");
    done(run);
}
END_TEST

/* A judgement sets a review result's verdict, takes precedence over a
 * waiver of the same rule whatever the order, and applies to review only. */
START_TEST(judgements)
{
    fx_run *plain = fx_eval(fx_verified(), AUD, NULL);
    ck_assert_verdict(plain, "AUD-T-b", ISS_REVIEW, NULL);
    char text[2048];
    snprintf(
        text, sizeof text,
        "waivers:\n"
        "  - {rule: AUD-T-b, provider: テスト監査, reason: w, decided_by: e, expires: 2030-01-01}\n"
        "judgements:\n"
        "  - {rule: AUD-T-b, provider: テスト監査, verdict: fail, reason: 根拠が弱い,\n"
        "     decided_by: e, decided_on: 2026-04-02, declaration_sha256: %s}\n"
        "  - {rule: AUD-Q-a, provider: テスト監査, verdict: pass, reason: j,\n"
        "     decided_by: e, decided_on: 2026-04-02, declaration_sha256: %s}\n",
        plain->decl->sha256, plain->decl->sha256);
    fx_run *run = apply(text, "2026-04-02");
    ck_assert_verdict(run, "AUD-T-b", ISS_FAIL, "judged fail: 根拠が弱い");
    const iss_result *res = fx_result(run->report, "AUD-T-b");
    ck_assert_int_eq(res->computed, ISS_REVIEW);
    ck_assert_int_eq(res->applied->kind, ISS_ENTRY_JUDGEMENT);
    /* the fail is judged, not waived */
    ck_assert_verdict(run, "AUD-Q-a", ISS_FAIL, "apply to review results only");
    ck_assert_uint_eq(run->report->judged, 1);
    ck_assert_uint_eq(run->report->counts[ISS_REVIEW], plain->report->counts[ISS_REVIEW] - 1);
    ck_assert_uint_eq(run->report->counts[ISS_FAIL], plain->report->counts[ISS_FAIL] + 1);
    done(run);
    fx_run_free(plain);
}
END_TEST

/* Pinned to another version of the declaration, another provider, a rule
 * that passes: not applied, and said why (except another provider's,
 * which is simply not about this declaration). */
START_TEST(not_applied)
{
    fx_run *run = apply("waivers:\n"
                        "  - {rule: AUD-Q-a, provider: テスト監査, reason: r, decided_by: e,\n"
                        "     expires: 2030-01-01, declaration_sha256: "
                        "00000000000000000000000000000000000000000000000000000000000000aa}\n"
                        "  - {rule: AUD-T-b, provider: 別の事業者, reason: r, decided_by: e,\n"
                        "     expires: 2030-01-01}\n"
                        "  - {rule: AUD-Q-b, provider: テスト監査, reason: r, decided_by: e,\n"
                        "     expires: 2030-01-01}\n",
                        "2026-04-02");
    ck_assert_verdict(run, "AUD-Q-a", ISS_FAIL, "the declaration was edited");
    ck_assert_verdict(run, "AUD-T-b", ISS_REVIEW, NULL);
    ck_assert_msg(!fx_note_has(fx_result(run->report, "AUD-T-b"), "waiver"), "%s",
                  fx_notes_text(fx_result(run->report, "AUD-T-b")));
    ck_assert_verdict(run, "AUD-Q-b", ISS_PASS, "is not needed");
    ck_assert_uint_eq(run->report->counts[ISS_WAIVED], 0);
    done(run);
}
END_TEST

START_TEST(refused)
{
    iss_diags d = {0};
    iss_waivers *w = load("waivers:\n"
                          "  - {rule: AUD-Q-x, provider: p, reason: r, decided_by: e,\n"
                          "     expires: 2030-01-01}\n"
                          "judgements:\n"
                          "  - {rule: AUD-T-b, provider: p, verdict: pass, reason: r,\n"
                          "     decided_by: e, decided_on: 2026-01-01}\n",
                          &d);
    ck_assert_ptr_null(w);
    ck_assert_diag(&d, 2, 12, "did you mean 'AUD-Q-a'?");
    ck_assert_diag(&d, 5, 5, "needs 'declaration_sha256'");
    iss_diags_free(&d);
}
END_TEST

/* ---- entries that did nothing in a run ---- */

#define D1 "1111111111111111111111111111111111111111111111111111111111111111"
#define D2 "2222222222222222222222222222222222222222222222222222222222222222"
#define D3 "3333333333333333333333333333333333333333333333333333333333333333"
/* D1 with two digits changed: a digest copied wrong */
#define D1_TYPO "1111111111111111111111111111111111111111111111111111111111111a1b"

/* A file of the run as its summary row gives it. */
static iss_file_summary row(const char *file, const char *provider, const char *sha256)
{
    iss_file_summary r = {0};
    r.file = (char *)file;
    r.provider = (char *)provider;
    r.sha256 = (char *)sha256;
    return r;
}

/* The problem of each entry that did nothing, as a string: "0:near 2:absent" */
static const char *problems(const iss_waivers *w, const iss_run_totals *t)
{
    static char buf[512];
    iss_unused *u;
    size_t n = iss_waivers_unused(w, t, &u);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char one[64];
        snprintf(one, sizeof one, "%s%zu:%s", i ? " " : "", (size_t)(u[i].w - w->v),
                 iss_unused_kind_name(u[i].kind));
        strncat(buf, one, sizeof buf - strlen(buf) - 1);
    }
    free(u);
    return buf;
}

#define WAIVE(rule, provider)                                                                      \
    "  - {rule: " rule ", provider: \"" provider "\", reason: r, decided_by: e, "                  \
    "expires: 2030-01-01}\n"
#define JUDGE(rule, provider, sha)                                                                 \
    "  - {rule: " rule ", provider: \"" provider "\", verdict: pass, reason: r, decided_by: e, "   \
    "decided_on: 2026-01-01, declaration_sha256: " sha "}\n"

START_TEST(unused_entries)
{
    iss_diags d = {0};
    iss_waivers *w = load("waivers:\n" WAIVE("AUD-Q-a", "ACME Corp")       /* 0 used */
                          WAIVE("AUD-Q-b", "ACME  Corp")                   /* 1 extra space */
                          WAIVE("AUD-Q-b", "acme corp")                    /* 2 case */
                          WAIVE("AUD-T-b", "ACME Crop")                    /* 3 two letters */
                          WAIVE("AUD-Q-a", "Blue Heron KK")                /* 4 absent */
                          WAIVE("AUD-T-b", "株式会社サンプルセキュリティ") /* 5 absent */
                          WAIVE("AUD-T-b", "ACME Corp")                    /* 6 no result */
                          "judgements:\n" JUDGE("AUD-Q-b", "Other KK", D1) /* 7 ACME's digest */
                          JUDGE("AUD-Q-b", "ACME Corp", D1_TYPO)           /* 8 mistyped */
                          JUDGE("AUD-Q-a", "ACME Corp", D3)                /* 9 edited */
                          JUDGE("AUD-T-b", "Sample KK", D2), /* 10 its own, no AUD-T-b */
                          &d);
    ck_assert_msg(w != NULL, "%s", fx_diags_text(&d));
    iss_diags_free(&d);
    iss_file_summary rows[] = {
        row("a.yaml", "ACME Corp", D1),
        row("b.yaml", "株式会社あおばセキュアテック", "3333"),
        row("c.yaml", NULL, ""), /* not loaded */
        row("d.yaml", "Sample KK", D2),
    };
    unsigned char used[11] = {0};
    used[0] = ISS_ENTRY_MATCHED;
    used[8] = ISS_ENTRY_PINNED;
    used[9] = ISS_ENTRY_PINNED;
    iss_run_totals t = {.rows = rows, .nrows = 4, .waivers_used = used};
    ck_assert_str_eq(problems(w, &t), "1:provider-near 2:provider-near 3:provider-near "
                                      "4:provider-absent 5:provider-absent 6:rule-unused "
                                      "7:digest-other 8:digest-near 9:digest-none "
                                      "10:rule-unused");
    /* the name meant, and the words of each */
    iss_unused *u;
    size_t n = iss_waivers_unused(w, &t, &u);
    ck_assert_uint_eq(n, 10);
    ck_assert_str_eq(u[0].other, "ACME Corp");
    ck_assert_str_eq(u[6].file, "a.yaml");
    ck_assert_str_eq(u[6].other, "ACME Corp");
    iss_buf b = {0};
    iss_unused_render(&b, &u[0], ISS_LANG_EN, NULL);
    ck_assert_str_eq(b.s, "waiver of rule AUD-Q-b for 'ACME  Corp': no declaration of provider "
                          "'ACME  Corp' in this run; did you mean 'ACME Corp'?");
    b.len = 0;
    iss_unused_render(&b, &u[3], ISS_LANG_EN, NULL);
    ck_assert_str_eq(b.s, "waiver of rule AUD-Q-a for 'Blue Heron KK': no declaration of provider "
                          "'Blue Heron KK' in this run");
    b.len = 0;
    iss_unused_render(&b, &u[7], ISS_LANG_JA, NULL);
    ck_assert_ptr_nonnull(strstr(b.s, "a.yaml"));
    iss_buf_free(&b);
    free(u);
    /* every entry used: nothing; no waivers file: nothing */
    memset(used, ISS_ENTRY_MATCHED, sizeof used);
    ck_assert_str_eq(problems(w, &t), "");
    ck_assert_uint_eq(iss_waivers_unused(NULL, &t, &u), 0);
    iss_waivers_free(w);
}
END_TEST

/* Which entries a report's results make used: the provider's and rule's,
 * pinned to this version or to another. */
START_TEST(match_flags)
{
    fx_run *run = fx_eval(fx_verified(), AUD, NULL);
    const char *digest = run->report->decl->sha256;
    const char *provider = run->report->decl->provider.s;
    char text[2048];
    snprintf(
        text, sizeof text,
        "waivers:\n"
        "  - {rule: AUD-Q-a, provider: \"%s\", reason: r, decided_by: e, expires: 2030-01-01}\n"
        "  - {rule: AUD-Q-a, provider: other, reason: r, decided_by: e, expires: 2030-01-01}\n"
        "judgements:\n"
        "  - {rule: AUD-Q-a, provider: \"%s\", verdict: pass, reason: r, decided_by: e,\n"
        "     decided_on: 2026-01-01, declaration_sha256: %s}\n"
        "  - {rule: AUD-Q-b, provider: \"%s\", verdict: pass, reason: r, decided_by: e,\n"
        "     decided_on: 2026-01-01, declaration_sha256: " D2 "}\n",
        provider, provider, digest, provider);
    iss_diags d = {0};
    iss_waivers *w = load(text, &d);
    ck_assert_msg(w != NULL, "%s", fx_diags_text(&d));
    iss_diags_free(&d);
    unsigned char used[4] = {0};
    iss_waivers_match(w, run->report, used);
    ck_assert_int_eq(used[0], ISS_ENTRY_MATCHED);
    ck_assert_int_eq(used[1], 0);
    ck_assert_int_eq(used[2], ISS_ENTRY_MATCHED);
    ck_assert_int_eq(used[3], ISS_ENTRY_PINNED);
    iss_waivers_match(w, NULL, used); /* a file not loaded: nothing */
    iss_waivers_free(w);
    fx_run_free(run);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("waivers");
    TCase *t = tcase_create("sha256");
    tcase_add_test(t, sha256_examples);
    tcase_add_test(t, sha256_any_split);
    suite_add_tcase(s, t);
    t = tcase_create("apply");
    tcase_add_unchecked_fixture(t, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(t, expiry_is_inclusive);
    tcase_add_test(t, expiry_on_29_february);
    tcase_add_test(t, judgements);
    tcase_add_test(t, not_applied);
    tcase_add_test(t, refused);
    tcase_add_test(t, unused_entries);
    tcase_add_test(t, match_flags);
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
