/* test_report.c - the plain-text report in Japanese and in English: the
 * header (criteria, declaration, reference date and where it came from, the
 * unverified-catalogue warning), a block per category and rule, the marks and
 * line references of notes, and the summary; and the verdict labels. */
/* The YAML inputs below are laid out one YAML line per C line: */
/* clang-format off */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define DECL(ref)                                                                                  \
    "provider: {name: テスト株式会社}\n"                                                           \
    ref                                                                                            \
    "persons:\n"                                                                                   \
    "  - id: P1\n"                                                                                 \
    "    qualifications: [{name: 情報処理安全確保支援士, number: '012345'}]\n"                     \
    "services:\n"                                                                                  \
    "  - category: aud\n"                                                                          \
    "    technical_leads: {persons: [P1]}\n"                                                       \
    "  - category: va\n"                                                                           \
    "    subtypes: [web, platform]\n"                                                              \
    "    technical_leads: {persons: [P1]}\n"

static const char WITH_REF[] = DECL("reference_date: 2026-03-01\n");
static const char WITHOUT_REF[] = DECL("");

static char *render(const iss_report *r, iss_lang lang)
{
    iss_buf b = {0};
    iss_report_text(&b, r, lang, "9.9.9-test");
    ck_assert_ptr_nonnull(b.s);
    ck_assert_uint_eq(strlen(b.s), b.len);
    return b.s;
}

/* text holds line as a whole line. */
#define ck_assert_line(text, line)                                                                 \
    do {                                                                                           \
        char want_[1024];                                                                          \
        snprintf(want_, sizeof want_, "\n%s\n", (line));                                           \
        ck_assert_msg(strstr((text), want_) != NULL || strncmp((text), want_ + 1, strlen(want_ + 1)) == 0, \
                      "no line '%s' in:\n%s", (line), (text));                                     \
    } while (0)
#define ck_assert_no(text, substr)                                                                 \
    ck_assert_msg(strstr((text), (substr)) == NULL, "'%s' unexpected in:\n%s", (substr), (text))

START_TEST(header_japanese)
{
    fx_run *run = fx_eval(fx_shipped(), WITH_REF, NULL);
    char *t = render(run->report, ISS_LANG_JA);
    char line[256];
    ck_assert_line(t, "isscheck 9.9.9-test");
    snprintf(line, sizeof line, "基準: 情報セキュリティサービス基準 第3版 (経済産業省, 2023-03-30, 施行中, ダイジェスト %s)",
             fx_shipped()->digest);
    ck_assert_line(t, line);
    ck_assert_line(t, "申告書: test.yaml");
    ck_assert_line(t, "事業者: テスト株式会社");
    ck_assert_line(t, "基準日: 2026-03-01 (申告書の reference_date)");
    /* the shipped catalogue is unverified: the warning and the count */
    ck_assert_uint_gt(run->report->unverified_relied, 0);
    ck_assert_line(t, "注意: 以下の判定は例示への掲載が未確認（unverified）のカタログ項目に依拠している。"
                      "登録の判断ではなく自己点検の結果である。");
    snprintf(line, sizeof line, "依拠した未確認のカタログ項目: %zu", run->report->unverified_relied);
    ck_assert_line(t, line);
    free(t);
    fx_run_free(run);
}
END_TEST

START_TEST(header_english)
{
    fx_run *run = fx_eval(fx_shipped(), WITH_REF, NULL);
    char *t = render(run->report, ISS_LANG_EN);
    char line[256];
    ck_assert(strncmp(t, "isscheck 9.9.9-test\n", 20) == 0);
    snprintf(line, sizeof line, "criteria: 情報セキュリティサービス基準 第3版 (経済産業省, 2023-03-30, in force, digest %s)",
             fx_shipped()->digest);
    ck_assert_line(t, line);
    ck_assert_line(t, "declaration: test.yaml");
    ck_assert_line(t, "provider: テスト株式会社");
    ck_assert_line(t, "reference date: 2026-03-01 (the declaration's reference_date)");
    ck_assert_line(t, "note: verdicts below rest on catalogue entries whose listing in the 例示 is unconfirmed "
                      "(unverified); this is a self-check, not a registration decision.");
    snprintf(line, sizeof line, "unverified catalogue entries relied on: %zu", run->report->unverified_relied);
    ck_assert_line(t, line);
    ck_assert_no(t, "基準日");
    free(t);
    fx_run_free(run);
}
END_TEST

START_TEST(reference_date_sources)
{
    /* --as-of overrides the declaration's date */
    fx_run *run = fx_eval(fx_shipped(), WITH_REF, "2026-05-01");
    char *ja = render(run->report, ISS_LANG_JA), *en = render(run->report, ISS_LANG_EN);
    ck_assert_line(ja, "基準日: 2026-05-01 (--as-of による指定)");
    ck_assert_line(en, "reference date: 2026-05-01 (given by --as-of)");
    free(ja);
    free(en);
    fx_run_free(run);
    /* neither: today in Japan (the fixture's today is 2026-04-01) */
    run = fx_eval(fx_shipped(), WITHOUT_REF, NULL);
    ja = render(run->report, ISS_LANG_JA);
    en = render(run->report, ISS_LANG_EN);
    ck_assert_line(ja, "基準日: 2026-04-01 (申告書に記載がないため本日（日本時間）)");
    ck_assert_line(en, "reference date: 2026-04-01 (not stated in the declaration: today in Japan)");
    free(ja);
    free(en);
    fx_run_free(run);
}
END_TEST

START_TEST(no_warning_without_unverified_entries)
{
    /* the fixture catalogue's 情報処理安全確保支援士 is verified */
    fx_run *run = fx_eval(fx_verified(), WITH_REF, NULL);
    ck_assert_uint_eq(run->report->unverified_relied, 0);
    char *ja = render(run->report, ISS_LANG_JA), *en = render(run->report, ISS_LANG_EN);
    ck_assert_no(ja, "注意:");
    ck_assert_no(ja, "依拠した未確認");
    ck_assert_no(en, "note: verdicts below");
    ck_assert_no(en, "unverified catalogue entries relied on");
    /* the header goes on to the first category, after at most the count
     * of claims naming no evidence (the fixture names none) */
    const char *after = strstr(ja, "(申告書の reference_date)\n");
    ck_assert_ptr_nonnull(after);
    after += strlen("(申告書の reference_date)\n");
    static const char claims[] = "根拠資料を示していない主張: ";
    ck_assert_msg(strncmp(after, claims, strlen(claims)) == 0, "%.200s", after);
    after = strchr(after, '\n') + 1;
    ck_assert_msg(strncmp(after, "\n== ", 4) == 0, "%.200s", after);
    free(ja);
    free(en);
    fx_run_free(run);
}
END_TEST

START_TEST(draft_criteria_labelled)
{
    iss_criteria *c = fx_criteria_load_clean(FX_SHIPPED_DIR);
    c->draft = true;
    fx_run *run = fx_eval(c, WITH_REF, NULL);
    char *ja = render(run->report, ISS_LANG_JA), *en = render(run->report, ISS_LANG_EN);
    ck_assert_msg(strstr(ja, "(経済産業省, 2023-03-30, 案, ダイジェスト ") != NULL, "%s", ja);
    ck_assert_msg(strstr(en, "(経済産業省, 2023-03-30, draft, digest ") != NULL, "%s", en);
    ck_assert_no(ja, "施行中");
    ck_assert_no(en, "in force");
    free(ja);
    free(en);
    fx_run_free(run);
    iss_criteria_free(c);
}
END_TEST

START_TEST(category_and_rule_blocks)
{
    fx_run *run = fx_eval(fx_shipped(), WITH_REF, NULL);
    char *ja = render(run->report, ISS_LANG_JA), *en = render(run->report, ISS_LANG_EN);
    /* categories in criteria order, with the sub-types applied for */
    ck_assert_line(ja, "== 情報セキュリティ監査サービス (aud) ==");
    ck_assert_line(ja, "== 脆弱性診断サービス (va: web, platform) ==");
    ck_assert_line(en, "== Information security audit (aud) ==");
    ck_assert_line(en, "== Vulnerability assessment (va: web, platform) ==");
    ck_assert_ptr_nonnull(strstr(ja, "(aud) ==") < strstr(ja, "(va: web") ? ja : NULL);
    /* a rule: verdict label, id, title; the clause cited; where it rests */
    const iss_result *qm = fx_result(run->report, "VA-Q-a");
    ck_assert_int_eq(qm->verdict, ISS_FAIL);
    char line[256];
    snprintf(line, sizeof line, "\n[不適合] VA-Q-a 品質管理者の割当状況\n"
                                "  出典: 情報セキュリティサービス基準 第3版 第2章 2 (2) ア\n"
                                "  位置: test.yaml:%d:%d\n"
                                "  x 品質管理の担当者が割り当てられていない（quality_manager） (行 %d)\n",
             qm->loc.line, qm->loc.col, qm->notes[0].loc.line);
    ck_assert_msg(strstr(ja, line) != NULL, "no\n%s\nin:\n%s", line, ja);
    snprintf(line, sizeof line, "\n[FAIL] VA-Q-a Quality manager assigned\n"
                                "  citation: 情報セキュリティサービス基準 第3版 第2章 2 (2) ア\n"
                                "  at: test.yaml:%d:%d\n"
                                "  x no quality manager assigned (quality_manager) (line %d)\n",
             qm->loc.line, qm->loc.col, qm->notes[0].loc.line);
    ck_assert_msg(strstr(en, line) != NULL, "no\n%s\nin:\n%s", line, en);
    ck_assert_int_gt(qm->notes[0].loc.line, 0);
    free(ja);
    free(en);
    fx_run_free(run);
}
END_TEST

START_TEST(marks_and_line_references)
{
    /* the renderer shows each note's mark, and the line of fail and review
     * notes only; a result without a position has no 'at' line */
    fx_run *run = fx_eval(fx_shipped(), WITH_REF, NULL);
    iss_result *res = (iss_result *)fx_result(run->report, "VA-Q-a");
    ck_assert_uint_ge(res->nnotes, 1);
    iss_note saved = res->notes[0];
    res->loc = (iss_loc){0, 0};
    static const char *const marks[] = {"  - ", "  + ", "  ? ", "  x "};
    for (int m = ISS_MARK_INFO; m <= ISS_MARK_FAIL; m++) {
        res->notes[0].mark = (iss_mark)m;
        res->notes[0].loc = (iss_loc){42, 7};
        char *en = render(run->report, ISS_LANG_EN);
        char want[256];
        bool lined = m == ISS_MARK_FAIL || m == ISS_MARK_REVIEW;
        snprintf(want, sizeof want, "[FAIL] VA-Q-a Quality manager assigned\n"
                                    "  citation: 情報セキュリティサービス基準 第3版 第2章 2 (2) ア\n"
                                    "%sno quality manager assigned (quality_manager)%s\n",
                 marks[m], lined ? " (line 42)" : "");
        ck_assert_msg(strstr(en, want) != NULL, "mark %d: no\n%s\nin:\n%s", m, want, en);
        free(en);
    }
    /* a fail note without a line has no reference */
    res->notes[0].loc = (iss_loc){0, 0};
    char *ja = render(run->report, ISS_LANG_JA);
    ck_assert_msg(strstr(ja, "  x 品質管理の担当者が割り当てられていない（quality_manager）\n") != NULL, "%s", ja);
    free(ja);
    res->notes[0] = saved;
    fx_run_free(run);
}
END_TEST

START_TEST(summary_counts)
{
    fx_run *run = fx_eval(fx_shipped(), WITH_REF, NULL);
    const iss_report *r = run->report;
    size_t total = 0;
    for (int v = 0; v < ISS_VERDICTS; v++)
        total += r->counts[v];
    ck_assert_uint_eq(total, r->nresults);
    char *ja = render(r, ISS_LANG_JA), *en = render(r, ISS_LANG_EN);
    char want[256];
    snprintf(want, sizeof want, "\n\n要約: 適合 %zu, 要確認 %zu, 不適合 %zu, 対象外 %zu\n", r->counts[ISS_PASS],
             r->counts[ISS_REVIEW], r->counts[ISS_FAIL], r->counts[ISS_NA]);
    ck_assert_msg(strlen(ja) >= strlen(want) && strcmp(ja + strlen(ja) - strlen(want), want) == 0,
                  "report does not end with %s:\n%s", want, ja);
    snprintf(want, sizeof want, "\n\nsummary: PASS %zu, REVIEW %zu, FAIL %zu, N/A %zu\n", r->counts[ISS_PASS],
             r->counts[ISS_REVIEW], r->counts[ISS_FAIL], r->counts[ISS_NA]);
    ck_assert_msg(strlen(en) >= strlen(want) && strcmp(en + strlen(en) - strlen(want), want) == 0,
                  "report does not end with %s:\n%s", want, en);
    /* one block per result */
    size_t blocks = 0;
    for (const char *p = en; (p = strstr(p, "\n  citation: ")) != NULL; p++)
        blocks++;
    ck_assert_uint_eq(blocks, r->nresults);
    free(ja);
    free(en);
    fx_run_free(run);
}
END_TEST

START_TEST(english_argument_variants)
{
    /* a note argument with an English variant uses it in English only */
    fx_run *run = fx_eval(fx_shipped(), WITH_REF, NULL);
    iss_note n = {0};
    n.msg = M_QM_OK;
    n.entry_type = -1;
    n.args[0] = "山田";
    n.args_en[0] = "Yamada";
    iss_buf b = {0};
    iss_note_render(&b, &n, ISS_LANG_JA);
    ck_assert_str_eq(b.s, "品質管理の担当者: 山田");
    iss_buf_free(&b);
    iss_note_render(&b, &n, ISS_LANG_EN);
    ck_assert_str_eq(b.s, "quality manager: Yamada");
    iss_buf_free(&b);
    /* without one, the argument as given; a missing argument is empty */
    n.args_en[0] = NULL;
    iss_note_render(&b, &n, ISS_LANG_EN);
    ck_assert_str_eq(b.s, "quality manager: 山田");
    iss_buf_free(&b);
    n.args[0] = NULL;
    iss_note_render(&b, &n, ISS_LANG_EN);
    ck_assert_str_eq(b.s, "quality manager: ");
    iss_buf_free(&b);
    /* {t}: the catalogue type in the language, nothing without one */
    n = (iss_note){.msg = M_REQ_NONE_ANY, .entry_type = ISS_ENTRY_STANDARD, .args = {"standards"}};
    iss_note_render(&b, &n, ISS_LANG_JA);
    ck_assert_str_eq(b.s, "基準が申告されていない（standards）");
    iss_buf_free(&b);
    iss_note_render(&b, &n, ISS_LANG_EN);
    ck_assert_str_eq(b.s, "no standard declared (standards)");
    iss_buf_free(&b);
    n.entry_type = -1;
    iss_note_render(&b, &n, ISS_LANG_EN);
    ck_assert_str_eq(b.s, "no  declared (standards)");
    iss_buf_free(&b);
    fx_run_free(run);
}
END_TEST

START_TEST(verdict_labels_and_names)
{
    static const char *const ja[] = {"適合", "要確認", "不適合", "対象外", "免除"};
    static const char *const en[] = {"PASS", "REVIEW", "FAIL", "N/A", "WAIVED"};
    static const char *const names[] = {"pass", "review", "fail", "n/a", "waived"};
    ck_assert_int_eq(ISS_VERDICTS, 5);
    for (int v = 0; v < ISS_VERDICTS; v++) {
        ck_assert_str_eq(iss_verdict_label((iss_verdict)v, ISS_LANG_JA), ja[v]);
        ck_assert_str_eq(iss_verdict_label((iss_verdict)v, ISS_LANG_EN), en[v]);
        ck_assert_str_eq(iss_verdict_name((iss_verdict)v), names[v]);
    }
    ck_assert_str_eq(iss_verdict_label(ISS_VERDICTS, ISS_LANG_EN), "?");
    ck_assert_str_eq(iss_verdict_name(ISS_VERDICTS), "?");
}
END_TEST

/* The per-file view decides a file's status once for every format: the
 * worst verdict, review failing with --strict, a file not loaded with its
 * first error (not merely its first diagnostic). */
START_TEST(view_status_and_facts)
{
    fx_run *run = fx_eval(fx_shipped(), WITH_REF, NULL);
    iss_report r = *run->report;
    iss_file_result f = {.file = "given.yaml", .report = &r};
    iss_view v;
    memset(r.counts, 0, sizeof r.counts);
    r.counts[ISS_PASS] = 3;
    r.unverified_relied = 0;
    iss_view_init(&v, &f, ISS_LANG_EN, true);
    ck_assert_int_eq(v.status, ISS_STATUS_PASS);
    ck_assert_str_eq(v.status_label, "PASS");
    ck_assert_ptr_null(v.disclaimer);
    ck_assert_str_eq(v.ref_date, "2026-03-01");
    ck_assert_str_eq(v.ref_source, "the declaration's reference_date");
    ck_assert_str_eq(v.provider, "テスト株式会社");
    ck_assert_str_eq(v.decl_file, "test.yaml");
    r.counts[ISS_REVIEW] = 1;
    r.unverified_relied = 2;
    iss_view_init(&v, &f, ISS_LANG_JA, false);
    ck_assert_int_eq(v.status, ISS_STATUS_REVIEW);
    ck_assert_str_eq(v.status_label, "要確認");
    ck_assert_ptr_nonnull(v.disclaimer);
    ck_assert_str_eq(v.ref_source, "申告書の reference_date");
    iss_view_init(&v, &f, ISS_LANG_EN, true);
    ck_assert_int_eq(v.status, ISS_STATUS_REVIEW_STRICT);
    ck_assert_int_eq(v.status_verdict, ISS_REVIEW);
    r.counts[ISS_FAIL] = 1;
    iss_view_init(&v, &f, ISS_LANG_EN, false);
    ck_assert_int_eq(v.status, ISS_STATUS_FAIL);
    ck_assert_str_eq(v.status_label, "FAIL");

    iss_diags d = {0};
    iss_diag_add(&d, ISS_SEV_WARNING, "given.yaml", (iss_loc){1, 1}, "a warning");
    iss_diag_add(&d, ISS_SEV_ERROR, "given.yaml", (iss_loc){2, 3}, "an error");
    iss_file_result nl = {.file = "given.yaml", .diags = &d, .status = 2};
    iss_view_init(&v, &nl, ISS_LANG_EN, false);
    ck_assert_int_eq(v.status, ISS_STATUS_NOT_LOADED);
    ck_assert_str_eq(v.status_label, "not loaded");
    ck_assert_ptr_eq(v.first_error, &d.v[1]);
    ck_assert_ptr_null(v.provider);
    iss_buf b = {0};
    iss_view_diags(&b, &v, NULL, "<", ">");
    iss_buf_add(&b, "", 1);
    ck_assert_str_eq(b.s, "<given.yaml:1:1: warning: a warning><given.yaml:2:3: error: an error>");
    iss_buf_free(&b);
    iss_diags_free(&d);
    fx_run_free(run);
}
END_TEST

static Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("text");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, header_japanese);
    tcase_add_test(tc, header_english);
    tcase_add_test(tc, reference_date_sources);
    tcase_add_test(tc, no_warning_without_unverified_entries);
    tcase_add_test(tc, draft_criteria_labelled);
    tcase_add_test(tc, category_and_rule_blocks);
    tcase_add_test(tc, marks_and_line_references);
    tcase_add_test(tc, summary_counts);
    tcase_add_test(tc, english_argument_variants);
    tcase_add_test(tc, verdict_labels_and_names);
    tcase_add_test(tc, view_status_and_facts);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(report_suite());
}
