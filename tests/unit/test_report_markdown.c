/* test_report_markdown.c - the Markdown report of a run, for a pull-request
 * comment or an examiner's working paper: the heading and criteria line, the
 * summary table (one row per file, a refused file with its first error), a
 * section per file and category with its table and the notes of every rule
 * that is fail or review; both languages, --strict, and escaping of table
 * cells (| and line breaks) and of markup.  The run is the one of
 * test_report_junit.c: a passing declaration, a failing one and a refused
 * one. */
/* The YAML inputs below are laid out one YAML line per C line: */
/* clang-format off */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#include "sample_run.h"

static char *render(const iss_run *run)
{
    iss_buf b = {0};
    iss_report_markdown(&b, run);
    ck_assert_ptr_nonnull(b.s);
    ck_assert_uint_eq(strlen(b.s), b.len);
    return b.s;
}

/* text holds line as a whole line. */
#define ck_assert_line(text, line)                                                                 \
    do {                                                                                           \
        char want_[2048];                                                                          \
        snprintf(want_, sizeof want_, "\n%s\n", (line));                                           \
        ck_assert_msg(strstr((text), want_) != NULL, "no line '%s' in:\n%.1500s", (line), (text)); \
    } while (0)

/* The cells of a table row: unescaped '|' separators, less one. */
static int cells(const char *line, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '\\') {
            i++;
            continue;
        }
        n += line[i] == '|';
    }
    return n - 1;
}

/* Every table is well formed: a header row, a delimiter row, rows with the
 * header's number of cells, every row starting and ending with '|'; and no
 * raw '<' other than the <br> of a line break. */
static bool tables_ok(const char *md, char *why, size_t n)
{
    int want = -1, row = 0;
    for (const char *line = md; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len && line[0] == '|') {
            int c = cells(line, len);
            if (line[len - 1] != '|' || (len >= 2 && line[len - 2] == '\\')) {
                snprintf(why, n, "row does not end with '|': %.*s", (int)len, line);
                return false;
            }
            if (row == 0)
                want = c;
            else if (row == 1 && strncmp(line, "| --- |", 7) != 0) {
                snprintf(why, n, "no delimiter row after %.*s", (int)len, line);
                return false;
            }
            if (c != want || c < 1) {
                snprintf(why, n, "%d cells, the header has %d: %.*s", c, want, (int)len, line);
                return false;
            }
            row++;
        } else {
            row = 0;
        }
        for (const char *p = line; p < line + len; p++) {
            if (*p == '<' && strncmp(p, "<br>", 4) != 0) {
                snprintf(why, n, "raw '<' in: %.*s", (int)len, line);
                return false;
            }
        }
        line += len + (end != NULL);
    }
    return true;
}

#define ck_assert_tables(md)                                                                       \
    do {                                                                                           \
        char why_[1024];                                                                           \
        ck_assert_msg(tables_ok((md), why_, sizeof why_), "%s in:\n%.1500s", why_, (md));          \
    } while (0)

/* The text of the ### section of file (up to the next ### or the end). */
static char *section(const char *md, const char *file)
{
    char pat[256];
    snprintf(pat, sizeof pat, "\n### %s\n", file);
    const char *s = strstr(md, pat);
    ck_assert_msg(s != NULL, "no section %s in:\n%.1500s", file, md);
    const char *e = strstr(s + 1, "\n### ");
    return strndup(s + 1, e ? (size_t)(e - s) : strlen(s + 1));
}

/* ---- tests ---- */

START_TEST(heading_and_criteria)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *m = render(&b->run);
    char want[512];
    snprintf(want, sizeof want,
             "## isscheck: self-check against 情報セキュリティサービス基準\n\n"
             "Criteria: 情報セキュリティサービス基準 第3版 (経済産業省, 2023-03-30, in force, "
             "digest `%s`)  \n"
             "Tool: isscheck 9.9.9-test\n\n### Summary\n\n",
             fx_verified()->digest);
    ck_assert_msg(strncmp(m, want, strlen(want)) == 0, "expected\n%s\ngot\n%.1500s", want, m);
    /* one trailing newline */
    ck_assert(m[strlen(m) - 1] == '\n' && m[strlen(m) - 2] != '\n');
    free(m);
    batch_free(b);

    b = batch_new(ISS_LANG_JA, true);
    m = render(&b->run);
    snprintf(want, sizeof want,
             "## isscheck: 情報セキュリティサービス基準への適合の自己点検\n\n"
             "基準: 情報セキュリティサービス基準 第3版 (経済産業省, 2023-03-30, 施行中, "
             "ダイジェスト `%s`)  \n"
             "ツール: isscheck 9.9.9-test  \n"
             "`--strict`: 要確認も不適合として終了状態に数える\n\n### 要約\n\n",
             fx_verified()->digest);
    ck_assert_msg(strncmp(m, want, strlen(want)) == 0, "expected\n%s\ngot\n%.1500s", want, m);
    free(m);
    /* a draft, and a selection */
    iss_criteria *c = fx_criteria_load_clean(FX_VERIFIED_DIR);
    c->draft = true;
    b->run.criteria = c;
    b->run.selection = "--rule 'DV-*' --skip DV-Q-a";
    ((iss_report *)b->fail->report)->omitted = 7;
    m = render(&b->run);
    ck_assert_has(m, "(経済産業省, 2023-03-30, 案, ダイジェスト `");
    ck_assert_has(m, "  \n選択: \\--rule 'DV-\\*' --skip DV-Q-a\n\n");
    ck_assert_has(m, "\n- 選択により省いた結果: 7\n");
    free(m);
    iss_criteria_free(c);
    batch_free(b);
}
END_TEST

START_TEST(summary_table)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *m = render(&b->run);
    ck_assert_tables(m);
    const iss_report *fr = b->fail->report;
    char want[1024];
    snprintf(
        want, sizeof want,
        "| File | Provider | Categories | PASS | REVIEW | FAIL | N/A | WAIVED | Status |\n"
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n"
        "| pass.yaml | テスト診断 | va (web, platform) | %zu | 0 | 0 | 0 | 0 | PASS |\n"
        "| fail.yaml | A&lt;&amp;\"\\|B テスト | va (web), dv (device) | %zu | %zu | %zu | %zu | 0 | "
        "**FAIL** |\n"
        "| bad&lt;&amp;&gt;.yaml | — | — | — | — | — | — | — | **not loaded**: test.yaml:2:1: error: "
        "unknown key "
        "'bogus' in the declaration; expected one of isscheck, criteria, provider, reference_date, "
        "persons, engagements, services, registrations, customer_info_protection, trust |\n\n",
        b->pass->report->nresults, fr->counts[ISS_PASS], fr->counts[ISS_REVIEW],
        fr->counts[ISS_FAIL], fr->counts[ISS_NA]);
    ck_assert_has(m, want);
    free(m);
    /* the status: review without a failure, and the same under --strict */
    iss_report *r = (iss_report *)b->fail->report;
    size_t fails = r->counts[ISS_FAIL];
    r->counts[ISS_FAIL] = 0;
    m = render(&b->run);
    ck_assert_has(m, " | REVIEW |\n| bad");
    free(m);
    b->run.strict = true;
    m = render(&b->run);
    ck_assert_has(m, " | **REVIEW** (`--strict`) |\n| bad");
    free(m);
    r->counts[ISS_FAIL] = fails;
    batch_free(b);
    /* Japanese */
    b = batch_new(ISS_LANG_JA, false);
    m = render(&b->run);
    ck_assert_tables(m);
    ck_assert_has(m, "| ファイル | 事業者 | 区分 | 適合 | 要確認 | 不適合 | 対象外 | 免除 | 結果 |\n");
    ck_assert_has(m, "| pass.yaml | テスト診断 | va (web, platform) | 7 | 0 | 0 | 0 | 0 | 適合 |\n");
    ck_assert_has(m, " | **不適合** |\n");
    ck_assert_has(
        m,
        "| bad&lt;&amp;&gt;.yaml | — | — | — | — | — | — | — | **読込不可**: test.yaml:2:1: error: ");
    free(m);
    batch_free(b);
}
END_TEST

START_TEST(file_and_category_sections)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *m = render(&b->run);
    /* files in run order; categories in criteria order */
    const char *p = strstr(m, "\n### pass.yaml\n"), *f = strstr(m, "\n### fail.yaml\n"),
               *e = strstr(m, "\n### bad&lt;&amp;&gt;.yaml\n");
    ck_assert_msg(p && f && e && p < f && f < e, "%.1500s", m);
    char *s = section(m, "fail.yaml");
    static const char head[] = "### fail.yaml\n\n- Provider: A&lt;&amp;\"\\|B テスト\n"
                               "- Reference date: 2026-04-01 (the declaration's reference_date)\n";
    ck_assert_msg(strncmp(s, head, strlen(head)) == 0, "%s", s);
    const iss_report *fr = b->fail->report;
    char want[1024];
    snprintf(want, sizeof want, "\n- Summary: PASS %zu, REVIEW %zu, FAIL %zu, N/A %zu\n",
             fr->counts[ISS_PASS], fr->counts[ISS_REVIEW], fr->counts[ISS_FAIL],
             fr->counts[ISS_NA]);
    ck_assert_has(s, want);
    const char *va = strstr(s, "\n#### Vulnerability assessment (va: web)\n\n| Verdict | Rule | "
                               "Title | Clause | Line:col |\n| --- | --- | --- | --- | --- |\n");
    const char *dv = strstr(s, "\n#### Device verification (dv: device)\n\n| Verdict | Rule | "
                               "Title | Clause | Line:col |\n");
    ck_assert_msg(va && dv && va < dv, "%s", s);
    /* a row per result, in order, with the verdict (a failure in bold) */
    const char *last = dv;
    for (size_t i = 0; i < fr->nresults; i++) {
        const iss_result *res = &fr->results[i];
        if (strcmp(fr->criteria->categories[res->rule->category].code, "dv") != 0)
            continue;
        const char *label = iss_verdict_label(res->verdict, ISS_LANG_EN);
        snprintf(want, sizeof want, "\n| %s%s%s | %s | %s | %s | %d:%d |\n",
                 res->verdict == ISS_FAIL ? "**" : "", label, res->verdict == ISS_FAIL ? "**" : "",
                 res->rule->id, res->rule->title_en, res->rule->clause, res->loc.line,
                 res->loc.col);
        const char *at = strstr(last, want);
        ck_assert_msg(at != NULL, "no row\n%s\nafter the last in:\n%s", want, s);
        last = at + 1;
    }
    ck_assert_has(s, "| **FAIL** | DV-Q-a | Quality manager assigned | 第2章 5 (2) ア | ");
    ck_assert_has(s, "| N/A | DV-T-a-2 | Vulnerability-assessment staff with expertise | 第2章 5 "
                     "(1) ア (イ) | ");
    ck_assert_has(s, "| REVIEW | DV-Q-c-2 | Education and training | 第2章 5 (2) ウ (イ) | ");
    free(s);
    /* the passing file: a table and no list */
    s = section(m, "pass.yaml");
    ck_assert_uint_eq(count(s, "\n| PASS | "), b->pass->report->nresults);
    ck_assert_no(s, "\n- **");
    free(s);
    free(m);
    batch_free(b);
}
END_TEST

START_TEST(notes_of_fail_and_review_rules)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *m = render(&b->run);
    char *s = section(m, "fail.yaml");
    const iss_report *fr = b->fail->report;
    const iss_result *qa = fx_result(fr, "DV-Q-a"), *edu = fx_result(fr, "DV-Q-c-2");
    char want[1024];
    snprintf(want, sizeof want,
             "\n- **FAIL** DV-Q-a Quality manager assigned\n"
             "  - ✗ no quality manager assigned (quality_manager) (line %d)\n"
             "- **REVIEW** DV-Q-c-2 Education and training\n"
             "  - ? education\\[1\\]: education '謎の社内研修' is not in the catalogue: treated as "
             "a claim of "
             "equivalence to 例示7-5, for an examiner to judge (line %d)\n",
             qa->notes[0].loc.line, edu->notes[0].loc.line);
    ck_assert_has(s, want);
    /* every note of VA-T-a, with its mark */
    const iss_result *ta = fx_result(fr, "VA-T-a");
    ck_assert_has(s, "\n- **FAIL** VA-T-a Staff with expertise\n"
                     "  - · P2: 0 case(s) in 2023-04-02..2026-04-01 (need 5): —\n"
                     "  - ✓ P2: training 'SEC542' is 'SEC542' of 例示3-1\n");
    const char *at = strstr(s, "\n- **FAIL** VA-T-a ");
    size_t notes = 0;
    for (const char *p = strchr(at + 1, '\n'); p && strncmp(p, "\n  - ", 5) == 0;
         p = strchr(p + 1, '\n'))
        notes++;
    ck_assert_uint_eq(notes, ta->nnotes);
    /* a list item per fail or review rule; none for pass or n/a */
    ck_assert_uint_eq(count(s, "\n- **FAIL** "), fr->counts[ISS_FAIL]);
    ck_assert_uint_eq(count(s, "\n- **REVIEW** "), fr->counts[ISS_REVIEW]);
    ck_assert_no(s, "- **PASS**");
    ck_assert_no(s, "- **N/A**");
    ck_assert_no(s, "DV-T-a-2 Vulnerability-assessment staff with expertise\n");
    free(s);
    free(m);
    batch_free(b);
    /* Japanese */
    b = batch_new(ISS_LANG_JA, false);
    m = render(&b->run);
    qa = fx_result(b->fail->report, "DV-Q-a");
    snprintf(want, sizeof want,
             "\n- **不適合** DV-Q-a 品質管理者の割当状況\n"
             "  - ✗ 品質管理の担当者が割り当てられていない（quality_manager） (行 %d)\n",
             qa->notes[0].loc.line);
    ck_assert_has(m, want);
    ck_assert_has(m, "\n#### 機器検証サービス (dv: device)\n\n| 判定 | ルール | 項目 | 条項 | "
                     "位置（行:桁） |\n");
    free(m);
    batch_free(b);
}
END_TEST

START_TEST(unloaded_file)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *m = render(&b->run);
    char *s = section(m, "bad&lt;&amp;&gt;.yaml");
    ck_assert_str_eq(
        s,
        "### bad&lt;&amp;&gt;.yaml\n\n"
        "The declaration could not be loaded; it was not checked.\n\n"
        "- test.yaml:2:1: error: unknown key 'bogus' in the declaration; expected one of isscheck, "
        "criteria, provider, reference_date, persons, engagements, services, registrations, customer_info_protection, trust\n"
        "- bad&lt;&amp;&gt;.yaml:8:5: error: unknown key 'a&lt;b&gt;&amp;\"c\"' in a person\n"
        /* escaped as on standard error, then as Markdown: \\ shows \ */
        "- bad&lt;&amp;&gt;.yaml:9:1: error: control \\\\x01 and \\\\x1b, invalid "
        "\\\\xff\\\\xfe bytes, a line\\\\nbreak, a surrogate \\\\xed\\\\xa0\\\\x80\n"
        "- bad&lt;&amp;&gt;.yaml: byte 17: error: invalid UTF-8\n");
    free(s);
    free(m);
    /* without any diagnostic */
    iss_file_result lone = {"x.yaml", NULL, NULL, 2};
    b->run.files = &lone;
    b->run.nfiles = 1;
    m = render(&b->run);
    ck_assert_tables(m);
    ck_assert_has(m, "| x.yaml | — | — | — | — | — | — | — | **not loaded** |\n");
    ck_assert(
        strcmp(
            m + strlen(m) -
                strlen("### x.yaml\n\nThe declaration could not be loaded; it was not checked.\n"),
            "### x.yaml\n\nThe declaration could not be loaded; it was not checked.\n") == 0);
    free(m);
    batch_free(b);
}
END_TEST

START_TEST(escaping)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    /* a line break and a pipe in a cell; markup that must show as written;
     * control characters escaped visibly, as in the text report */
    b->fail->decl->provider.s = "x|y\nz\r *b* _i_ snake_case `c` [l](u) <b>&amp; \\ ~s~ \x01";
    b->files[1].file = "#dir/a|b_.yaml";
    char *m = render(&b->run);
    ck_assert_tables(m);
    static const char esc[] =
        "x\\|y\\nz\\r \\*b\\* \\_i\\_ snake_case \\`c\\` \\[l\\](u) &lt;b&gt;&amp;amp; \\\\ \\~s\\~ "
        "\\x01";
    char want[512];
    snprintf(want, sizeof want, "\n| \\#dir/a\\|b\\_.yaml | %s | va (web), dv (device) | ", esc);
    ck_assert_has(m, want);
    snprintf(want, sizeof want, "\n### \\#dir/a\\|b\\_.yaml\n\n- Provider: %s\n", esc);
    ck_assert_has(m, want);
    ck_assert_no(m, "\x01");
    ck_assert_no(m, "\r");
    free(m);
    batch_free(b);
}
END_TEST

START_TEST(deterministic)
{
    for (int strict = 0; strict <= 1; strict++) {
        batch *b = batch_new(ISS_LANG_JA, strict);
        char *x = render(&b->run), *y = render(&b->run);
        ck_assert_str_eq(x, y);
        ck_assert_tables(x);
        free(x);
        free(y);
        /* appends to what the buffer holds */
        iss_buf buf = {0};
        iss_buf_puts(&buf, "prefix\n");
        iss_report_markdown(&buf, &b->run);
        ck_assert(strncmp(buf.s, "prefix\n## isscheck", 18) == 0);
        iss_buf_free(&buf);
        batch_free(b);
    }
}
END_TEST

static Suite *markdown_suite(void)
{
    Suite *s = suite_create("report_markdown");
    TCase *tc = tcase_create("markdown");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, heading_and_criteria);
    tcase_add_test(tc, summary_table);
    tcase_add_test(tc, file_and_category_sections);
    tcase_add_test(tc, notes_of_fail_and_review_rules);
    tcase_add_test(tc, unloaded_file);
    tcase_add_test(tc, escaping);
    tcase_add_test(tc, deterministic);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(markdown_suite());
}
