/* test_report_html.c - the HTML report of a run (report_html.c) and the
 * escaping it rests on (iss_html_str): every string of a declaration, a
 * file name or a diagnostic escaped; the page's structure (lang, one
 * self-contained document, the Content-Security-Policy, a section per file,
 * the summary table only for a batch, one matrix cell per result with its
 * verdict class, label, citation, location and notes); a refused file with
 * its errors; both languages; deterministic.  The run is the shared one of
 * sample_run.h. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "isscheck/escape.h"

#include "sample_run.h"

static char *render(const iss_run *run)
{
    iss_buf b = {0};
    iss_report_html(&b, run);
    ck_assert_ptr_nonnull(b.s);
    ck_assert_uint_eq(strlen(b.s), b.len);
    return b.s;
}

static char *esc(const char *s)
{
    iss_buf b = {0};
    iss_buf_add(&b, "", 0);
    iss_html_str(&b, s);
    return b.s;
}

/* The text of file's section (from its <h2> to the next </section>). */
static char *section(const char *html, const char *escaped_file)
{
    char pat[512];
    snprintf(pat, sizeof pat, "<h2>%s</h2>", escaped_file);
    const char *s = strstr(html, pat);
    ck_assert_msg(s != NULL, "no section %s in:\n%.1500s", escaped_file, html);
    const char *e = strstr(s, "</section>");
    ck_assert_ptr_nonnull(e);
    return strndup(s, (size_t)(e - s));
}

/* Every start tag in the body (outside <style> and <script>) is one the
 * reporter writes: no markup can come from the data. */
static void assert_only_own_tags(const char *html)
{
    static const char *const own[] = {
        "html",    "head",    "meta",    "title", "style",  "body",   "header", "h1",    "h2",
        "dl",      "dt",      "dd",      "code",  "ul",     "li",     "span",   "p",     "button",
        "main",    "section", "table",   "thead", "tbody",  "tr",     "th",     "td",    "a",
        "caption", "details", "summary", "div",   "strong", "script", "label",  "input", NULL};
    const char *body = strstr(html, "<body>");
    const char *end = strstr(html, "<script>");
    ck_assert(body && end && body < end);
    for (const char *p = body; p < end && (p = strchr(p, '<')) != NULL && p < end; p++) {
        if (p[1] == '/' || p[1] == '!')
            continue;
        size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz0123456789");
        char tag[16] = "";
        if (n < sizeof tag)
            memcpy(tag, p + 1, n);
        ck_assert_msg(n > 0 && n < sizeof tag && iss_lookup(own, tag) >= 0,
                      "unexpected tag at: %.80s", p);
    }
}

START_TEST(html_escaping)
{
    char *s = esc("<script>a&b\"c'd</script>");
    ck_assert_str_eq(s, "&lt;script&gt;a&amp;b&quot;c&#39;d&lt;/script&gt;");
    free(s);
    /* tab and line feed kept, other controls dropped (C0, DEL, C1 U+0085) */
    s = esc("a\tb\nc\r\x01\x1b\x7f"
            "d\xc2\x85"
            "e");
    ck_assert_str_eq(s, "a\tb\ncde");
    free(s);
    /* invalid UTF-8 (1), an overlong form (2 bytes), a surrogate (3 bytes),
     * noncharacters U+FDD0, U+FFFE, U+10FFFF (1 each): 9 U+FFFD */
    s = esc("x\xff\xc0\xaf\xed\xa0\x80\xef\xb7\x90\xef\xbf\xbe\xf4\x8f\xbf\xbfy");
    ck_assert_str_eq(s, "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy");
    free(s);
    /* Japanese and other valid text unchanged; NULL is empty */
    s = esc("情報セキュリティ 🔒 é");
    ck_assert_str_eq(s, "情報セキュリティ 🔒 é");
    free(s);
    s = esc(NULL);
    ck_assert_str_eq(s, "");
    free(s);
    /* an entity in the data is shown, not decoded */
    s = esc("&amp;");
    ck_assert_str_eq(s, "&amp;amp;");
    free(s);
}
END_TEST

START_TEST(document)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *m = render(&b->run);
    ck_assert(strncmp(m, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
                      63) == 0);
    ck_assert(strcmp(m + strlen(m) - 16, "</body>\n</html>\n") == 0);
    ck_assert_uint_eq(count(m, "<html"), 1);
    ck_assert_uint_eq(count(m, "<script>"), 1);
    ck_assert_uint_eq(count(m, "<style>"), 1);
    /* self-contained: no reference to anything outside the page */
    ck_assert_has(m, "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src "
                     "'sha256-");
    ck_assert_no(m, "src=");
    ck_assert_no(m, "http:");
    ck_assert_no(m, "https:");
    ck_assert_no(m, "<link");
    ck_assert_no(m, "@import");
    ck_assert_no(m, "url(");
    /* print: cells open, not broken */
    ck_assert_has(m, "@media print{");
    ck_assert_has(m, "details::details-content{content-visibility:visible");
    ck_assert_has(m, ".cell{margin:0 0 .3rem;break-inside:avoid}");
    /* header */
    ck_assert_has(m, "<h1>isscheck: self-check against 情報セキュリティサービス基準</h1>");
    ck_assert_has(m, "<dt>Tool</dt><dd>isscheck 9.9.9-test</dd>");
    char want[512];
    snprintf(want, sizeof want,
             "<dt>Criteria</dt><dd>情報セキュリティサービス基準 第3版 (経済産業省, 2023-03-30, "
             "in force, digest <code>%s</code>)</dd>",
             fx_verified()->digest);
    ck_assert_has(m, want);
    ck_assert_no(m, "--strict");
    ck_assert_no(m, "<dt>Selection</dt>");
    /* a legend of every verdict, with its label */
    ck_assert_has(m, "<span class=\"badge v-pass\">✓ PASS</span>");
    ck_assert_has(m, "<span class=\"badge v-review\">? REVIEW</span>");
    ck_assert_has(m, "<span class=\"badge v-fail\">✗ FAIL</span>");
    ck_assert_has(m, "<span class=\"badge v-na\">– N/A</span>");
    assert_only_own_tags(m);
    free(m);
    batch_free(b);
    /* Japanese, --strict, a selection, a draft */
    b = batch_new(ISS_LANG_JA, true);
    iss_criteria *c = fx_criteria_load_clean(FX_VERIFIED_DIR);
    c->draft = true;
    b->run.criteria = c;
    b->run.selection = "--rule 'DV-*' --skip <x>";
    m = render(&b->run);
    ck_assert(strncmp(m, "<!DOCTYPE html>\n<html lang=\"ja\">", 32) == 0);
    ck_assert_has(m, "<h1>isscheck: 情報セキュリティサービス基準への適合の自己点検</h1>");
    ck_assert_has(m, "(経済産業省, 2023-03-30, 案, ダイジェスト <code>");
    ck_assert_has(m, "<dt><code>--strict</code></dt><dd>要確認も不適合として終了状態に数える</dd>");
    ck_assert_has(m, "<dt>選択</dt><dd><code>--rule &#39;DV-*&#39; --skip &lt;x&gt;</code></dd>");
    ck_assert_has(m, "<span class=\"badge v-pass\">✓ 適合</span>");
    ck_assert_has(m, ">すべて開く</button>");
    free(m);
    iss_criteria_free(c);
    batch_free(b);
}
END_TEST

START_TEST(summary_table)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *m = render(&b->run);
    ck_assert_uint_eq(count(m, "<table class=\"summary\">"), 1);
    ck_assert_has(m,
                  "<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Provider</th>"
                  "<th scope=\"col\">Categories</th><th scope=\"col\" class=\"n\">PASS</th>"
                  "<th scope=\"col\" class=\"n\">REVIEW</th><th scope=\"col\" class=\"n\">FAIL"
                  "</th><th scope=\"col\" class=\"n\">N/A</th><th scope=\"col\" class=\"n\">WAIVED"
                  "</th><th scope=\"col\">Status</th>"
                  "</tr></thead>");
    const iss_report *fr = b->fail->report;
    char want[1024];
    snprintf(want, sizeof want,
             "<tr><th scope=\"row\"><a href=\"#file-2\">fail.yaml</a></th><td>A&lt;&amp;&quot;|B "
             "テスト</td><td>va: web; dv: device</td><td class=\"n\">%zu</td><td class=\"n\">%zu"
             "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">0</td>"
             "<td><span class=\"badge "
             "v-fail\">✗ FAIL</span></td></tr>",
             fr->counts[ISS_PASS], fr->counts[ISS_REVIEW], fr->counts[ISS_FAIL],
             fr->counts[ISS_NA]);
    ck_assert_has(m, want);
    ck_assert_has(m, "<tr><th scope=\"row\"><a href=\"#file-3\">bad&lt;&amp;&gt;.yaml</a></th>"
                     "<td>—</td><td>—</td><td class=\"n\">—</td><td class=\"n\">—</td><td "
                     "class=\"n\">—</td><td class=\"n\">—</td><td class=\"n\">—</td>"
                     "<td><strong>not loaded</strong>: "
                     "<code>test.yaml:2:1: error: unknown key &#39;bogus&#39; in the declaration;");
    /* every link leads to a section */
    for (int i = 1; i <= 3; i++) {
        snprintf(want, sizeof want, "<section class=\"file\" id=\"file-%d\">", i);
        ck_assert_has(m, want);
    }
    free(m);
    /* review without a failure, and under --strict */
    iss_report *r = (iss_report *)b->fail->report;
    size_t fails = r->counts[ISS_FAIL];
    r->counts[ISS_FAIL] = 0;
    m = render(&b->run);
    ck_assert_has(m, "<td><span class=\"badge v-review\">? REVIEW</span></td></tr>\n<tr>");
    free(m);
    b->run.strict = true;
    m = render(&b->run);
    ck_assert_has(m, "<td><span class=\"badge v-review\">? REVIEW (--strict)</span></td></tr>");
    free(m);
    r->counts[ISS_FAIL] = fails;
    /* one file: no summary table */
    b->run.nfiles = 1;
    m = render(&b->run);
    ck_assert_no(m, "class=\"summary\"");
    ck_assert_has(m, "<title>pass.yaml — isscheck</title>");
    free(m);
    batch_free(b);
}
END_TEST

START_TEST(matrix_cells)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *m = render(&b->run);
    /* one cell per result in the whole page, and per file */
    size_t results = b->pass->report->nresults + b->fail->report->nresults;
    ck_assert_uint_eq(count(m, "<details class=\"cell "), results);
    char *s = section(m, "fail.yaml");
    const iss_report *fr = b->fail->report;
    ck_assert_uint_eq(count(s, "<details class=\"cell "), fr->nresults);
    ck_assert_uint_eq(count(s, "<details class=\"cell v-fail\""), fr->counts[ISS_FAIL]);
    ck_assert_uint_eq(count(s, "<details class=\"cell v-review\""), fr->counts[ISS_REVIEW]);
    ck_assert_uint_eq(count(s, "<details class=\"cell v-na\""), fr->counts[ISS_NA]);
    ck_assert_uint_eq(count(s, "<details class=\"cell v-pass\""), fr->counts[ISS_PASS]);
    /* a row per category, in criteria order, with the sub-types */
    const char *va = strstr(s, "<tr><th scope=\"row\">Vulnerability assessment <span "
                               "class=\"code\">(va: web)</span></th>");
    const char *dv = strstr(s, "<tr><th scope=\"row\">Device verification <span "
                               "class=\"code\">(dv: device)</span></th>");
    ck_assert_msg(va && dv && va < dv, "%s", s);
    /* each cell in order: verdict class, id, label, rule, title, citation,
     * location, every note */
    const char *last = s;
    for (size_t i = 0; i < fr->nresults; i++) {
        const iss_result *res = &fr->results[i];
        static const char *const cls[] = {"pass", "review", "fail", "na"};
        char want[1024];
        snprintf(want, sizeof want,
                 "<details class=\"cell v-%s\" id=\"file-2-%zu\"><summary><span "
                 "class=\"verdict\">",
                 cls[res->verdict], i + 1);
        const char *at = strstr(last, want);
        ck_assert_msg(at != NULL, "no cell %s after the last in:\n%s", want, s);
        const char *end = strstr(at, "</details>");
        char *c = strndup(at, (size_t)(end - at));
        snprintf(want, sizeof want,
                 "%s</span> <span class=\"rule\">%s</span> <span "
                 "class=\"title\">%s</span></summary>",
                 iss_verdict_label(res->verdict, ISS_LANG_EN), res->rule->id, res->rule->title_en);
        ck_assert_has(c, want);
        snprintf(want, sizeof want,
                 "<dt>Citation</dt><dd>情報セキュリティサービス基準 第3版 %s</dd>",
                 res->rule->clause);
        ck_assert_has(c, want);
        if (res->loc.line) {
            snprintf(want, sizeof want, "<dt>Location</dt><dd><code>fail.yaml:%d:%d</code></dd>",
                     res->loc.line, res->loc.col);
            ck_assert_has(c, want);
        }
        ck_assert_uint_eq(count(c, "<li class=\"m-"), res->nnotes);
        free(c);
        last = at + 1;
    }
    /* a note: its mark, text and line */
    const iss_result *qa = fx_result(fr, "DV-Q-a");
    char want[512];
    snprintf(want, sizeof want,
             "<li class=\"m-fail\"><span class=\"mark\">✗</span>no quality manager assigned "
             "(quality_manager) (line %d)</li>",
             qa->notes[0].loc.line);
    ck_assert_has(s, want);
    ck_assert_has(s, "<li class=\"m-pass\"><span class=\"mark\">✓</span>P2: training "
                     "&#39;SEC542&#39; is &#39;SEC542&#39; of 例示3-1</li>");
    free(s);
    free(m);
    batch_free(b);
    /* Japanese labels */
    b = batch_new(ISS_LANG_JA, false);
    m = render(&b->run);
    ck_assert_has(m, "<caption>判定（区分 × ルール）</caption>");
    ck_assert_has(m, "<span class=\"verdict\">✗ 不適合</span> <span class=\"rule\">DV-Q-a</span> "
                     "<span class=\"title\">品質管理者の割当状況</span>");
    ck_assert_has(m, "<dt>出典</dt><dd>");
    ck_assert_has(m, "<dt>位置</dt><dd><code>fail.yaml:");
    ck_assert_has(m, "（quality_manager） (行 ");
    ck_assert_has(m, "<dt>基準日</dt><dd>2026-04-01 (申告書の reference_date)</dd>");
    free(m);
    batch_free(b);
}
END_TEST

/* --show: only the verdicts named are cells; each file's facts say how many
 * were left out and by which option; the counts stay whole. */
START_TEST(shown_verdicts)
{
    ck_assert_int_eq(iss_verdict_parse("na"), ISS_NA);
    ck_assert_int_eq(iss_verdict_parse("n/a"), ISS_NA);
    ck_assert_int_eq(iss_verdict_parse("waived"), ISS_WAIVED);
    ck_assert_int_eq(iss_verdict_parse("judged"), ISS_VERDICTS);
    ck_assert_int_eq(iss_verdict_parse("FAIL"), ISS_VERDICTS);
    batch *b = batch_new(ISS_LANG_EN, false);
    b->run.show = 1u << ISS_FAIL;
    b->run.show_option = "--show fail";
    char *m = render(&b->run);
    const iss_report *fr = b->fail->report, *pr = b->pass->report;
    ck_assert_uint_eq(count(m, "<details class=\"cell "),
                      fr->counts[ISS_FAIL] + pr->counts[ISS_FAIL]);
    ck_assert_uint_eq(count(m, "<details class=\"cell v-fail\""),
                      fr->counts[ISS_FAIL] + pr->counts[ISS_FAIL]);
    ck_assert_uint_eq(iss_run_hidden(&b->run, fr), fr->nresults - fr->counts[ISS_FAIL]);
    char *s = section(m, "fail.yaml");
    char want[256];
    snprintf(want, sizeof want, "<dt>Results not shown (--show fail)</dt><dd>%zu</dd>",
             fr->nresults - fr->counts[ISS_FAIL]);
    ck_assert_has(s, want);
    snprintf(want, sizeof want, "<span class=\"badge v-pass\">✓ PASS %zu</span>",
             fr->counts[ISS_PASS]);
    ck_assert_has(s, want);
    /* the filters offer only what the page lists */
    ck_assert_has(m, "<input type=\"checkbox\" value=\"fail\" checked>");
    ck_assert_ptr_null(strstr(m, "<input type=\"checkbox\" value=\"pass\""));
    free(s);
    free(m);
    /* every verdict named: nothing left out, nothing said */
    b->run.show = (1u << ISS_VERDICTS) - 1;
    m = render(&b->run);
    ck_assert_ptr_null(strstr(m, "Results not shown"));
    ck_assert_uint_eq(count(m, "<details class=\"cell "), fr->nresults + pr->nresults);
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
        "<h2>bad&lt;&amp;&gt;.yaml</h2>\n"
        "<p>The declaration could not be loaded; it was not checked.</p>\n"
        "<ul class=\"errors\">\n"
        "<li>test.yaml:2:1: error: unknown key &#39;bogus&#39; in the declaration; expected one "
        "of isscheck, criteria, provider, reference_date, persons, engagements, services, "
        "registrations, customer_info_protection, trust</li>\n"
        "<li>bad&lt;&amp;&gt;.yaml:8:5: error: unknown key &#39;a&lt;b&gt;&amp;&quot;c&quot;&#39; "
        "in a person</li>\n"
        /* a diagnostic line is escaped as on standard error (iss_diag_line) */
        "<li>bad&lt;&amp;&gt;.yaml:9:1: error: control \\x01 and \\x1b, invalid \\xff\\xfe "
        "bytes, a line\\nbreak, a surrogate \\xed\\xa0\\x80</li>\n"
        "<li>bad&lt;&amp;&gt;.yaml: byte 17: error: invalid UTF-8</li>\n"
        "</ul>\n");
    free(s);
    free(m);
    /* without any diagnostic */
    iss_file_result lone = {"x.yaml", NULL, NULL, 2};
    b->run.files = &lone;
    b->run.nfiles = 1;
    m = render(&b->run);
    ck_assert_has(m, "<h2>x.yaml</h2>\n<p>The declaration could not be loaded; it was not "
                     "checked.</p>\n</section>");
    ck_assert_no(m, "class=\"errors\"");
    ck_assert_no(m, "<details");
    free(m);
    batch_free(b);
}
END_TEST

START_TEST(hostile_strings)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    b->fail->decl->provider.s = "<script>alert(1)</script>&\"'</details>";
    b->fail->decl->file = "<img src=x onerror=alert(2)>.yaml";
    b->files[1].file = "<img src=x onerror=alert(2)>.yaml";
    b->run.tool_version = "1\"><script>";
    b->run.selection = "--rule '<b>'";
    char *m = render(&b->run);
    assert_only_own_tags(m);
    ck_assert_no(m, "<script>alert");
    ck_assert_no(m, "<img");
    ck_assert_has(m, "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;&lt;/details&gt;");
    ck_assert_has(m, "<h2>&lt;img src=x onerror=alert(2)&gt;.yaml</h2>");
    ck_assert_has(m, "<code>&lt;img src=x onerror=alert(2)&gt;.yaml:");
    ck_assert_has(m, "<meta name=\"generator\" content=\"isscheck 1&quot;&gt;&lt;script&gt;\">");
    /* cells still balance */
    ck_assert_uint_eq(count(m, "<details"), count(m, "</details>"));
    ck_assert_uint_eq(count(m, "<section"), count(m, "</section>"));
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
        free(x);
        free(y);
        /* appends to what the buffer holds */
        iss_buf buf = {0};
        iss_buf_puts(&buf, "prefix\n");
        iss_report_html(&buf, &b->run);
        ck_assert(strncmp(buf.s, "prefix\n<!DOCTYPE html>", 22) == 0);
        iss_buf_free(&buf);
        batch_free(b);
    }
}
END_TEST

static Suite *html_suite(void)
{
    Suite *s = suite_create("report_html");
    TCase *tc = tcase_create("html");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, html_escaping);
    tcase_add_test(tc, document);
    tcase_add_test(tc, summary_table);
    tcase_add_test(tc, matrix_cells);
    tcase_add_test(tc, shown_verdicts);
    tcase_add_test(tc, unloaded_file);
    tcase_add_test(tc, hostile_strings);
    tcase_add_test(tc, deterministic);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(html_suite());
}
