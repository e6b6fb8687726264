/* test_report_junit.c - the JUnit XML report of a run: a run built by hand
 * from a declaration that passes every rule, one that fails, reviews and is
 * n/a in two categories, and one that could not be loaded.  The XML is
 * well-formed (checked by a small checker below), its counts add up, each
 * verdict maps to its element (review and n/a skipped, or review a failure
 * under --strict), and text from the input is escaped. */
/* The YAML inputs below are laid out one YAML line per C line: */
/* clang-format off */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#include "sample_run.h"

static char *render(const iss_run *run)
{
    iss_buf b = {0};
    iss_report_junit(&b, run);
    ck_assert_ptr_nonnull(b.s);
    ck_assert_uint_eq(strlen(b.s), b.len);
    return b.s;
}

/* ---- a small XML checker ---- */

/* The code point of the UTF-8 sequence at *p, advancing *p; -1 if invalid. */
static long utf8_next(const unsigned char **p)
{
    const unsigned char *s = *p;
    long cp;
    int n;
    if (s[0] < 0x80) {
        *p += 1;
        return s[0];
    } else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        cp = s[0] & 0x1F, n = 2;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        cp = s[0] & 0x0F, n = 3;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        cp = s[0] & 0x07, n = 4;
    } else {
        return -1;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return -1;
    *p += n;
    return cp;
}

static bool xml_char(long cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* The length of a reference at p ("&amp;", "&#10;", …), 0 if not one. */
static size_t reference(const char *p)
{
    static const char *const names[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strncmp(p, names[i], strlen(names[i])) == 0)
            return strlen(names[i]);
    if (p[1] == '#') {
        size_t i = 2;
        bool hex = p[2] == 'x';
        i += hex;
        size_t start = i;
        while ((p[i] >= '0' && p[i] <= '9') || (hex && strchr("abcdefABCDEF", p[i]) && p[i]))
            i++;
        if (i > start && p[i] == ';')
            return i + 1;
    }
    return 0;
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
}

/* Whether x is a well-formed XML document of the shape a reporter writes: the
 * declaration, then one root element; matched tags; quoted attributes without
 * '<'; only predefined and character references; only XML 1.0 characters. */
static bool xml_well_formed(const char *x, char *why, size_t n)
{
    for (const unsigned char *p = (const unsigned char *)x; *p;) {
        size_t at = (size_t)((const char *)p - x);
        long cp = utf8_next(&p);
        if (cp < 0 || !xml_char(cp)) {
            snprintf(why, n, "byte %zu: not an XML 1.0 character", at);
            return false;
        }
    }
    static const char decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (strncmp(x, decl, strlen(decl)) != 0) {
        snprintf(why, n, "no XML declaration");
        return false;
    }
    char stack[16][64];
    int depth = 0, roots = 0;
    for (const char *p = x + strlen(decl); *p;) {
        size_t at = (size_t)(p - x);
        if (*p == '<' && p[1] == '/') {
            const char *s = p + 2;
            size_t len = 0;
            while (name_char(s[len]))
                len++;
            if (depth == 0 || strlen(stack[depth - 1]) != len ||
                strncmp(stack[depth - 1], s, len) != 0 || s[len] != '>') {
                snprintf(why, n, "byte %zu: unmatched end tag", at);
                return false;
            }
            depth--;
            p = s + len + 1;
        } else if (*p == '<') {
            const char *s = p + 1;
            size_t len = 0;
            while (name_char(s[len]))
                len++;
            if (len == 0 || len >= sizeof stack[0] || (depth == 0 && roots++)) {
                snprintf(why, n, "byte %zu: bad start tag (or a second root)", at);
                return false;
            }
            char name[64];
            memcpy(name, s, len);
            name[len] = '\0';
            s += len;
            for (;;) {
                if (*s == '>' || (s[0] == '/' && s[1] == '>'))
                    break;
                if (*s != ' ') {
                    snprintf(why, n, "byte %zu: expected a space before an attribute",
                             (size_t)(s - x));
                    return false;
                }
                s++;
                size_t an = 0;
                while (name_char(s[an]))
                    an++;
                if (an == 0 || s[an] != '=' || s[an + 1] != '"') {
                    snprintf(why, n, "byte %zu: bad attribute", (size_t)(s - x));
                    return false;
                }
                s += an + 2;
                while (*s && *s != '"') {
                    if (*s == '<' || (*s == '&' && !reference(s))) {
                        snprintf(why, n, "byte %zu: '%c' in an attribute value", (size_t)(s - x),
                                 *s);
                        return false;
                    }
                    s++;
                }
                if (*s != '"') {
                    snprintf(why, n, "unterminated attribute");
                    return false;
                }
                s++;
            }
            if (*s == '/') {
                s += 2;
            } else {
                if (depth == (int)(sizeof stack / sizeof *stack)) {
                    snprintf(why, n, "too deep");
                    return false;
                }
                strcpy(stack[depth++], name);
                s++;
            }
            p = s;
        } else {
            if (depth == 0 && *p != '\n' && *p != ' ') {
                snprintf(why, n, "byte %zu: text outside the root", at);
                return false;
            }
            if (*p == '&') {
                size_t r = reference(p);
                if (!r) {
                    snprintf(why, n, "byte %zu: bare '&'", at);
                    return false;
                }
                p += r;
                continue;
            }
            p++;
        }
    }
    if (depth || roots != 1) {
        snprintf(why, n, "%d element(s) left open, %d root(s)", depth, roots);
        return false;
    }
    return true;
}

/* The value of the attribute name in the start tag at tag, as a number. */
static long attr_num(const char *tag, const char *name)
{
    char pat[64];
    snprintf(pat, sizeof pat, " %s=\"", name);
    const char *end = strchr(tag, '>');
    const char *at = strstr(tag, pat);
    ck_assert_msg(at && at < end, "no %s in %.80s", name, tag);
    return strtol(at + strlen(pat), NULL, 10);
}

/* Every testsuite's counts are those of its testcases, and the root's their
 * sums; every testcase holds at most one of failure, skipped, error. */
static bool counts_add_up(const char *x, char *why, size_t n)
{
    const char *root = strstr(x, "<testsuites ");
    long sums[4] = {0};
    static const char *const attrs[] = {"tests", "failures", "errors", "skipped"};
    static const char *const elems[] = {"<testcase ", "<failure ", "<error ", "<skipped "};
    for (const char *s = root; (s = strstr(s + 1, "<testsuite ")) != NULL;) {
        const char *end = strstr(s, "</testsuite>");
        size_t len = (size_t)(end - s);
        char *body = strndup(s, len);
        for (int i = 0; i < 4; i++) {
            long want = attr_num(s, attrs[i]);
            long got = (long)count(body, elems[i]);
            sums[i] += want;
            if (want != got) {
                snprintf(why, n, "suite %.60s: %s=%ld but %ld %s", s, attrs[i], want, got,
                         elems[i]);
                free(body);
                return false;
            }
        }
        for (const char *t = body; (t = strstr(t, "<testcase ")) != NULL; t++) {
            const char *close = strchr(t, '>');
            if (close[-1] == '/')
                continue; /* an empty testcase */
            const char *te = strstr(t, "</testcase>");
            size_t k = 0;
            for (int i = 1; i < 4; i++) {
                const char *e = strstr(t, elems[i]);
                k += e && e < te;
            }
            if (k != 1) {
                snprintf(why, n, "testcase %.80s has %zu of failure/error/skipped", t, k);
                free(body);
                return false;
            }
        }
        free(body);
    }
    for (int i = 0; i < 4; i++) {
        if (attr_num(root, attrs[i]) != sums[i]) {
            snprintf(why, n, "root %s=%ld, suites sum to %ld", attrs[i], attr_num(root, attrs[i]),
                     sums[i]);
            return false;
        }
    }
    return true;
}

#define ck_assert_xml(x)                                                                           \
    do {                                                                                           \
        char why_[512];                                                                            \
        ck_assert_msg(xml_well_formed((x), why_, sizeof why_), "%s in:\n%.1500s", why_, (x));      \
        ck_assert_msg(counts_add_up((x), why_, sizeof why_), "%s in:\n%.1500s", why_, (x));        \
    } while (0)

/* The element from the testcase of rule_id in classname up to its end. */
static char *testcase_of(const char *x, const char *classname, const char *rule_id)
{
    char pat[256];
    snprintf(pat, sizeof pat, "<testcase classname=\"%s\" name=\"%s ", classname, rule_id);
    const char *t = strstr(x, pat);
    ck_assert_msg(t != NULL, "no %s in:\n%.1500s", pat, x);
    const char *gt = strchr(t, '>');
    const char *end = gt[-1] == '/' ? gt + 1 : strstr(t, "</testcase>") + strlen("</testcase>");
    return strndup(t, (size_t)(end - t));
}

/* The start tag of the testsuite whose name starts with name. */
static char *suite_tag(const char *x, const char *name)
{
    char pat[256];
    snprintf(pat, sizeof pat, "<testsuite name=\"%s", name);
    const char *t = strstr(x, pat);
    ck_assert_msg(t != NULL, "no %s in:\n%.1500s", pat, x);
    return strndup(t, (size_t)(strchr(t, '>') + 1 - t));
}

/* pass, fail, skipped counts of a report's category, as the JUnit mapping
 * counts them. */
static void expected(const iss_report *r, const char *code, bool strict, long *tests,
                     long *failures, long *skipped)
{
    *tests = *failures = *skipped = 0;
    for (size_t i = 0; i < r->nresults; i++) {
        const iss_result *res = &r->results[i];
        if (code && strcmp(r->criteria->categories[res->rule->category].code, code) != 0)
            continue;
        (*tests)++;
        if (res->verdict == ISS_FAIL || (strict && res->verdict == ISS_REVIEW))
            (*failures)++;
        else if (res->verdict == ISS_REVIEW || res->verdict == ISS_NA)
            (*skipped)++;
    }
}

/* ---- tests ---- */

START_TEST(well_formed_in_every_mode)
{
    for (int lang = ISS_LANG_JA; lang <= ISS_LANG_EN; lang++) {
        for (int strict = 0; strict <= 1; strict++) {
            batch *b = batch_new((iss_lang)lang, strict);
            char *x = render(&b->run);
            ck_assert_xml(x);
            free(x);
            batch_free(b);
        }
    }
}
END_TEST

START_TEST(root_and_suites)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *x = render(&b->run);
    ck_assert(strncmp(x,
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"isscheck\" ",
                      62) == 0);
    const iss_report *pr = b->pass->report, *fr = b->fail->report;
    long t1, f1, s1, t2, f2, s2;
    expected(pr, NULL, false, &t1, &f1, &s1);
    expected(fr, NULL, false, &t2, &f2, &s2);
    char want[256];
    snprintf(want, sizeof want,
             "<testsuites name=\"isscheck\" tests=\"%ld\" failures=\"%ld\" errors=\"1\" "
             "skipped=\"%ld\">\n",
             t1 + t2 + 1, f1 + f2, s1 + s2);
    ck_assert_has(x, want);
    ck_assert_uint_gt((size_t)f2, 0);
    ck_assert_uint_gt((size_t)s2, 0);
    /* a suite per file and category applied for, in order, and one per refused file */
    ck_assert_uint_eq(count(x, "<testsuite "), 4);
    const char *a = strstr(x, "<testsuite name=\"pass.yaml: va (Vulnerability assessment)\"");
    const char *v = strstr(x, "<testsuite name=\"fail.yaml: va (Vulnerability assessment)\"");
    const char *d = strstr(x, "<testsuite name=\"fail.yaml: dv (Device verification)\"");
    const char *e = strstr(x, "<testsuite name=\"bad&lt;&amp;&gt;.yaml\"");
    ck_assert_msg(a && v && d && e && a < v && v < d && d < e, "suites out of order:\n%.1500s", x);
    ck_assert_str_eq(x + strlen(x) - strlen("  </testsuite>\n</testsuites>\n"),
                     "  </testsuite>\n</testsuites>\n");
    /* each suite's counts */
    static const char *const codes[] = {"va", "dv"};
    static const char *const names[] = {"fail.yaml: va", "fail.yaml: dv"};
    for (int i = 0; i < 2; i++) {
        long t, f, s;
        expected(fr, codes[i], false, &t, &f, &s);
        char *tag = suite_tag(x, names[i]);
        ck_assert_int_eq(attr_num(tag, "tests"), t);
        ck_assert_int_eq(attr_num(tag, "failures"), f);
        ck_assert_int_eq(attr_num(tag, "errors"), 0);
        ck_assert_int_eq(attr_num(tag, "skipped"), s);
        free(tag);
    }
    char *tag = suite_tag(x, "pass.yaml: va");
    snprintf(want, sizeof want,
             "<testsuite name=\"pass.yaml: va (Vulnerability assessment)\" tests=\"%zu\" "
             "failures=\"0\" errors=\"0\" skipped=\"0\">",
             pr->nresults);
    ck_assert_str_eq(tag, want);
    free(tag);
    ck_assert_uint_eq(count(x, "<testcase "), pr->nresults + fr->nresults + 1);
    free(x);
    batch_free(b);
}
END_TEST

START_TEST(properties)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *x = render(&b->run);
    const char *s = strstr(x, "<testsuite name=\"fail.yaml: dv");
    ck_assert_ptr_nonnull(s);
    const char *end = strstr(s, "</properties>");
    char *props = strndup(s, (size_t)(end - s));
    char want[256];
    ck_assert_has(props,
                  "<property name=\"criteria.title\" value=\"情報セキュリティサービス基準\"/>");
    ck_assert_has(props, "<property name=\"criteria.edition\" value=\"第3版\"/>");
    ck_assert_has(props, "<property name=\"criteria.date\" value=\"2023-03-30\"/>");
    ck_assert_has(props, "<property name=\"criteria.status\" value=\"in-force\"/>");
    snprintf(want, sizeof want, "<property name=\"criteria.digest\" value=\"%s\"/>",
             fx_verified()->digest);
    ck_assert_has(props, want);
    ck_assert_has(props, "<property name=\"category\" value=\"dv\"/>");
    ck_assert_has(props, "<property name=\"subtypes\" value=\"device\"/>");
    ck_assert_has(props, "<property name=\"reference_date\" value=\"2026-04-01\"/>");
    ck_assert_has(props, "<property name=\"reference_date.source\" value=\"declaration\"/>");
    ck_assert_has(props, "<property name=\"strict\" value=\"false\"/>");
    ck_assert_has(props, "<property name=\"tool\" value=\"isscheck 9.9.9-test\"/>");
    ck_assert_no(props, "selection");
    free(props);
    free(x);
    /* a selection is recorded with what it left out */
    b->run.selection = "--skip 'VA-*'";
    ((iss_report *)b->fail->report)->omitted = 3;
    x = render(&b->run);
    ck_assert_has(x, "<property name=\"selection\" value=\"--skip 'VA-*'\"/>\n      <property "
                     "name=\"omitted\" value=\"3\"/>");
    free(x);
    batch_free(b);
}
END_TEST

START_TEST(pass_is_an_empty_testcase)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *x = render(&b->run);
    const iss_report *pr = b->pass->report;
    for (size_t i = 0; i < pr->nresults; i++) {
        ck_assert_int_eq(pr->results[i].verdict, ISS_PASS);
        char want[256];
        snprintf(want, sizeof want, "    <testcase classname=\"pass.yaml.va\" name=\"%s %s\"/>\n",
                 pr->results[i].rule->id, pr->results[i].rule->title_en);
        ck_assert_has(x, want);
    }
    free(x);
    batch_free(b);
}
END_TEST

START_TEST(fail_is_a_failure_with_every_note)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *x = render(&b->run);
    const iss_result *res = fx_result(b->fail->report, "DV-Q-a");
    ck_assert_int_eq(res->verdict, ISS_FAIL);
    char *tc = testcase_of(x, "fail.yaml.dv", "DV-Q-a");
    char want[1024];
    snprintf(
        want, sizeof want,
        "<testcase classname=\"fail.yaml.dv\" name=\"DV-Q-a Quality manager assigned\">\n"
        "      <failure message=\"no quality manager assigned (quality_manager)\" type=\"fail\">"
        "x no quality manager assigned (quality_manager) (fail.yaml:%d:%d)\n"
        "citation: 情報セキュリティサービス基準 第3版 第2章 5 (2) ア\n"
        "at: fail.yaml:%d:%d\n"
        "</failure>\n    </testcase>",
        res->notes[0].loc.line, res->notes[0].loc.col, res->loc.line, res->loc.col);
    ck_assert_str_eq(tc, want);
    free(tc);
    /* a failure with several notes: the message is the first fail note, the
     * body every note (marks - + ? x) one a line */
    res = fx_result(b->fail->report, "VA-T-a");
    ck_assert_int_eq(res->verdict, ISS_FAIL);
    ck_assert_uint_gt(res->nnotes, 3);
    tc = testcase_of(x, "fail.yaml.va", "VA-T-a");
    size_t lines = 0;
    const char *body = strchr(strstr(tc, "<failure "), '>') + 1;
    for (const char *p = body; (p = strchr(p, '\n')) && p < strstr(body, "</failure>"); p++)
        lines++;
    ck_assert_uint_eq(lines, res->nnotes + 2); /* + citation, location */
    ck_assert_has(tc, "\n+ P2: meets training\n");
    ck_assert_has(tc, "\n- (エ) training: 1 person(s)\n");
    ck_assert_has(
        tc, "<failure message=\"per-path counts (要件を満たす者ごとの人数) not stated; computed: "
            "qualification: 0, community: 0, track_record: 0, training: 1\" type=\"fail\">- P2: ");
    ck_assert_uint_eq(count(tc, "<failure "), 1);
    ck_assert_no(tc, "<skipped");
    free(tc);
    free(x);
    batch_free(b);
}
END_TEST

START_TEST(review_skipped_or_failure_under_strict)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    const iss_result *res = fx_result(b->fail->report, "DV-Q-c-2");
    ck_assert_int_eq(res->verdict, ISS_REVIEW);
    char *x = render(&b->run);
    char *tc = testcase_of(x, "fail.yaml.dv", "DV-Q-c-2");
    ck_assert_str_eq(
        tc,
        "<testcase classname=\"fail.yaml.dv\" name=\"DV-Q-c-2 Education and training\">\n"
        "      <skipped message=\"review: education[1]: education '謎の社内研修' is not in the "
        "catalogue: treated as a claim of equivalence to 例示7-5, for an examiner to judge\"/>\n"
        "    </testcase>");
    free(tc);
    free(x);
    batch_free(b);

    /* --strict: a failure of type review, with the notes, citation and location */
    b = batch_new(ISS_LANG_EN, true);
    res = fx_result(b->fail->report, "DV-Q-c-2");
    x = render(&b->run);
    ck_assert_xml(x);
    tc = testcase_of(x, "fail.yaml.dv", "DV-Q-c-2");
    char want[1024];
    snprintf(
        want, sizeof want,
        "<testcase classname=\"fail.yaml.dv\" name=\"DV-Q-c-2 Education and training\">\n"
        "      <failure message=\"review: education[1]: education '謎の社内研修' is not in the "
        "catalogue: treated as a claim of equivalence to 例示7-5, for an examiner to judge\" "
        "type=\"review\">? education[1]: education '謎の社内研修' is not in the catalogue: treated "
        "as a "
        "claim of equivalence to 例示7-5, for an examiner to judge (fail.yaml:%d:%d)\n",
        res->notes[0].loc.line, res->notes[0].loc.col);
    ck_assert_msg(strncmp(tc, want, strlen(want)) == 0, "expected\n%s\ngot\n%.1500s", want, tc);
    snprintf(want, sizeof want,
             "citation: 情報セキュリティサービス基準 第3版 第2章 5 (2) ウ (イ)\nat: "
             "fail.yaml:%d:%d\n</failure>\n",
             res->loc.line, res->loc.col);
    ck_assert_has(tc, want);
    ck_assert_no(tc, "<skipped");
    free(tc);
    /* counts move from skipped to failures; n/a stays skipped */
    long t, f, s;
    expected(b->fail->report, "dv", true, &t, &f, &s);
    char *tag = suite_tag(x, "fail.yaml: dv");
    ck_assert_int_eq(attr_num(tag, "failures"), f);
    ck_assert_int_eq(attr_num(tag, "skipped"), s);
    ck_assert_int_eq(s, (long)b->fail->report->counts[ISS_NA]);
    free(tag);
    ck_assert_has(x, "<property name=\"strict\" value=\"true\"/>");
    tc = testcase_of(x, "fail.yaml.dv", "DV-T-a-2");
    ck_assert_has(tc, "<skipped message=\"n/a: ");
    free(tc);
    free(x);
    batch_free(b);
}
END_TEST

START_TEST(na_is_skipped)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *x = render(&b->run);
    ck_assert_int_eq(fx_result(b->fail->report, "DV-T-a-2")->verdict, ISS_NA);
    char *tc = testcase_of(x, "fail.yaml.dv", "DV-T-a-2");
    ck_assert_str_eq(
        tc, "<testcase classname=\"fail.yaml.dv\" name=\"DV-T-a-2 Vulnerability-assessment staff "
            "with expertise\">\n"
            "      <skipped message=\"n/a: applies only to sub-types device+web, device+platform "
            "(applied for: device)\"/>\n    </testcase>");
    free(tc);
    free(x);
    batch_free(b);
}
END_TEST

START_TEST(unloaded_file_is_an_error)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *x = render(&b->run);
    const char *s = strstr(x, "<testsuite name=\"bad&lt;&amp;&gt;.yaml\" tests=\"1\" "
                              "failures=\"0\" errors=\"1\" skipped=\"0\">");
    ck_assert_msg(s != NULL, "%.1500s", x);
    char *suite = strndup(s, (size_t)(strstr(s, "</testsuite>") - s));
    ck_assert_has(
        suite,
        "<testcase classname=\"bad&lt;&amp;&gt;.yaml\" name=\"load\">\n      <error message=\"");
    ck_assert_uint_eq(count(suite, "<error "), 1);
    ck_assert_uint_eq(count(suite, "<testcase "), 1);
    /* the message is the first error; the body every diagnostic, one a line */
    const iss_diag *first = &b->errs->v[0];
    char want[1024];
    snprintf(want, sizeof want, "<error message=\"test.yaml:%d:%d: error: ", first->loc.line,
             first->loc.col);
    ck_assert_has(suite, want);
    ck_assert_has(suite, "\" type=\"input\">test.yaml:");
    ck_assert_has(
        suite,
        "\nbad&lt;&amp;&gt;.yaml:8:5: error: unknown key 'a&lt;b&gt;&amp;\"c\"' in a person\n");
    /* a diagnostic line is escaped as on standard error (iss_diag_line) */
    ck_assert_has(suite, "\nbad&lt;&amp;&gt;.yaml:9:1: error: control \\x01 and \\x1b, invalid "
                         "\\xff\\xfe bytes, a line\\nbreak, a surrogate \\xed\\xa0\\x80\n");
    ck_assert_has(suite, "\nbad&lt;&amp;&gt;.yaml: byte 17: error: invalid UTF-8\n</error>");
    size_t lines = 0;
    const char *body = strstr(suite, "type=\"input\">");
    for (const char *p = body; (p = strchr(p, '\n')) && p < strstr(body, "</error>"); p++)
        lines++;
    ck_assert_uint_eq(lines, b->errs->n); /* one a line: a line break in one is escaped */
    free(suite);
    free(x);
    batch_free(b);
}
END_TEST

START_TEST(escaping)
{
    batch *b = batch_new(ISS_LANG_EN, false);
    char *x = render(&b->run);
    /* the provider's name from the YAML: < & " escaped, | as is */
    ck_assert_has(x, "<property name=\"provider\" value=\"A&lt;&amp;&quot;|B テスト\"/>");
    ck_assert_no(x, "A<");
    free(x);
    /* whitespace in attributes survives normalisation; controls are replaced */
    b->fail->decl->provider.s = "tab\there\nnew line\rcr \x02 ]]> 'q'";
    b->files[0].file = "a\"b.yaml";
    x = render(&b->run);
    ck_assert_xml(x);
    ck_assert_has(x, "value=\"tab&#9;here&#10;new line&#13;cr \xEF\xBF\xBD ]]&gt; 'q'\"");
    ck_assert_has(x, "<testsuite name=\"a&quot;b.yaml: va (Vulnerability assessment)\"");
    ck_assert_has(x, "<testcase classname=\"a&quot;b.yaml.va\" name=\"VA-T-a ");
    free(x);
    batch_free(b);
}
END_TEST

START_TEST(japanese)
{
    batch *b = batch_new(ISS_LANG_JA, false);
    char *x = render(&b->run);
    ck_assert_has(x, "<testsuite name=\"pass.yaml: va (脆弱性診断サービス)\"");
    ck_assert_has(
        x, "<testcase classname=\"fail.yaml.dv\" name=\"DV-Q-a 品質管理者の割当状況\">\n"
           "      <failure message=\"品質管理の担当者が割り当てられていない（quality_manager）\" "
           "type=\"fail\">"
           "x 品質管理の担当者が割り当てられていない（quality_manager） (fail.yaml:");
    ck_assert_has(x, "\n出典: 情報セキュリティサービス基準 第3版 第2章 5 (2) ア\n位置: fail.yaml:");
    /* the type and the review/n/a prefixes are not translated */
    ck_assert_has(x, "<skipped message=\"review: ");
    ck_assert_has(x, "<skipped message=\"n/a: ");
    free(x);
    batch_free(b);
}
END_TEST

START_TEST(deterministic_and_empty_run)
{
    batch *b = batch_new(ISS_LANG_EN, true);
    char *x = render(&b->run), *y = render(&b->run);
    ck_assert_str_eq(x, y);
    free(x);
    free(y);
    /* appends to what the buffer holds */
    iss_buf buf = {0};
    iss_buf_puts(&buf, "prefix\n");
    iss_report_junit(&buf, &b->run);
    ck_assert(strncmp(buf.s, "prefix\n<?xml ", 13) == 0);
    iss_buf_free(&buf);
    /* no file: an empty root */
    b->run.nfiles = 0;
    x = render(&b->run);
    ck_assert_str_eq(
        x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<testsuites name=\"isscheck\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
           "</testsuites>\n");
    ck_assert_xml(x);
    free(x);
    /* a refused file without any diagnostic still has its error */
    iss_file_result lone = {"x.yaml", NULL, NULL, 2};
    b->run.files = &lone;
    b->run.nfiles = 1;
    x = render(&b->run);
    ck_assert_xml(x);
    ck_assert_has(x, "<error message=\"x.yaml: error: the declaration could not be loaded\" "
                     "type=\"input\"></error>");
    free(x);
    batch_free(b);
}
END_TEST

static Suite *junit_suite(void)
{
    Suite *s = suite_create("report_junit");
    TCase *tc = tcase_create("junit");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, well_formed_in_every_mode);
    tcase_add_test(tc, root_and_suites);
    tcase_add_test(tc, properties);
    tcase_add_test(tc, pass_is_an_empty_testcase);
    tcase_add_test(tc, fail_is_a_failure_with_every_note);
    tcase_add_test(tc, review_skipped_or_failure_under_strict);
    tcase_add_test(tc, na_is_skipped);
    tcase_add_test(tc, unloaded_file_is_an_error);
    tcase_add_test(tc, escaping);
    tcase_add_test(tc, japanese);
    tcase_add_test(tc, deterministic_and_empty_run);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(junit_suite());
}
