/* test_escape.c - text for a person (escape.c: iss_text_str and its
 * parts) shows every character that could forge a line or drive a
 * terminal as a visible escape, and nothing else; the summary CSV
 * (report_text.c) builds on it and neutralises formulas. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"

/* iss_text_str(s), NUL-terminated, malloc'd */
static char *text(const char *s)
{
    iss_buf b = {0};
    iss_text_str(&b, s);
    iss_buf_add(&b, "", 1);
    return b.s;
}

#define ck_text(in, want)                                                                          \
    do {                                                                                           \
        char *got_ = text(in);                                                                     \
        ck_assert_str_eq(got_, want);                                                              \
        free(got_);                                                                                \
    } while (0)

START_TEST(controls_are_escaped)
{
    ck_text("a\tb\nc\rd", "a\\tb\\nc\\rd");
    ck_text("\x1b]0;title\x07\x1b[2J", "\\x1b]0;title\\x07\\x1b[2J");
    ck_text("\x01\x1f\x7f", "\\x01\\x1f\\x7f");
    /* C1 controls, from YAML's "\x9b" and "\x85" */
    ck_text("\xC2\x9B"
            "31m\xC2\x85",
            "\\u009b31m\\u0085");
    ck_text("\xC2\x80\xC2\x9F", "\\u0080\\u009f");
}
END_TEST

START_TEST(separators_and_bidi_controls_are_escaped)
{
    ck_text("a\xE2\x80\xA8"
            "b\xE2\x80\xA9"
            "c",
            "a\\u2028b\\u2029c");
    ck_text("\xE2\x80\xAE"
            "gpj.exe",
            "\\u202egpj.exe");
    ck_text("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", "\\u202a\\u202b\\u202c\\u202d");
    ck_text("\xE2\x81\xA6\xE2\x81\xA9\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C",
            "\\u2066\\u2069\\u200e\\u200f\\u061c");
}
END_TEST

START_TEST(bytes_that_are_not_utf8_are_escaped)
{
    ck_text("a\xFF\xFE"
            "b",
            "a\\xff\\xfeb");
    ck_text("\xE3\x81", "\\xe3\\x81");          /* cut short */
    ck_text("\xC0\xAF", "\\xc0\\xaf");          /* overlong '/' */
    ck_text("\xED\xA0\x80", "\\xed\\xa0\\x80"); /* a surrogate */
    ck_text("x\xE3\x81"
            "y",
            "x\\xe3\\x81y"); /* before ASCII */
}
END_TEST

START_TEST(everything_else_is_kept)
{
    ck_text("情報セキュリティサービス基準 第3版", "情報セキュリティサービス基準 第3版");
    /* neighbours of the escaped code points: em dash, ellipsis, U+2027, U+202F, U+2070 */
    ck_text("— … \xE2\x80\xA7\xE2\x80\xAF\xE2\x81\xB0", "— … \xE2\x80\xA7\xE2\x80\xAF\xE2\x81\xB0");
    ck_text("\xC2\xA0\xC2\xA9 \xF0\x9F\x98\x80", "\xC2\xA0\xC2\xA9 \xF0\x9F\x98\x80");
    ck_text("a\\x1b is text", "a\\x1b is text"); /* a backslash stays */
    ck_text("", "");
    ck_text(NULL, "");
}
END_TEST

START_TEST(unsafe_spans_whole_characters)
{
    ck_assert_uint_eq(iss_text_unsafe((const unsigned char *)""), 0);
    ck_assert_uint_eq(iss_text_unsafe((const unsigned char *)"a"), 0);
    ck_assert_uint_eq(iss_text_unsafe((const unsigned char *)"\n"), 1);
    ck_assert_uint_eq(iss_text_unsafe((const unsigned char *)"\xC2\x9B"), 2);
    ck_assert_uint_eq(iss_text_unsafe((const unsigned char *)"\xE2\x80\xA8"), 3);
    ck_assert_uint_eq(iss_text_unsafe((const unsigned char *)"\xE6\x83\x85"), 0);
    ck_assert_uint_eq(iss_text_unsafe((const unsigned char *)"\xFF"), 1);
}
END_TEST

static void text_printf(iss_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void text_printf(iss_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    iss_text_vprintf(b, fmt, ap);
    va_end(ap);
}

START_TEST(vprintf_escapes_the_arguments)
{
    iss_buf b = {0};
    iss_buf_puts(&b, "[");
    text_printf(&b, "unknown key '%s' (%d)", "k\ny", 2);
    iss_buf_add(&b, "", 1);
    ck_assert_str_eq(b.s, "[unknown key 'k\\ny' (2)");
    iss_buf_free(&b);
}
END_TEST

/* One summary row with the given file, provider and categories. */
static iss_file_summary row(char *file, char *provider, char *error)
{
    iss_file_summary s;
    memset(&s, 0, sizeof s);
    s.file = file;
    s.provider = provider;
    s.categories = (char *)"va";
    s.error = error;
    s.sha256 = (char *)"";
    s.failed = (char *)"VA-T-a VA-Q-a";
    s.review = (char *)"";
    s.counts[ISS_PASS] = 1;
    s.status = provider ? 1 : 2;
    return s;
}

START_TEST(csv_cells_never_start_a_formula)
{
    iss_file_summary rows[] = {
        row((char *)"=1+1.yaml", (char *)"+81", (char *)""),
        row((char *)"-a.yaml", (char *)"@SUM(A1:A2)", (char *)""),
        row((char *)"b.yaml", (char *)"=cmd|'/c calc'!A1", (char *)""),
        row((char *)"c.yaml", (char *)"\tTab", (char *)""),
        row((char *)"d.yaml", (char *)"\rCR, \"q\"", (char *)""),
        row((char *)"e\x1b[2J\n\xFF.yaml", NULL, (char *)"-bad\nline"),
        row((char *)"f.yaml", (char *)"a=b -c", (char *)""),
    };
    iss_buf b = {0};
    iss_summary_csv(&b, rows, sizeof rows / sizeof rows[0]);
    iss_buf_add(&b, "", 1);
    ck_assert_str_eq(b.s,
                     "file,provider,categories,pass,review,fail,n/a,waived,judged,status,error,"
                     "sha256,failed_rules,review_rules\r\n"
                     "'=1+1.yaml,'+81,va,1,0,0,0,0,0,1,,,VA-T-a VA-Q-a,\r\n"
                     "'-a.yaml,'@SUM(A1:A2),va,1,0,0,0,0,0,1,,,VA-T-a VA-Q-a,\r\n"
                     "b.yaml,'=cmd|'/c calc'!A1,va,1,0,0,0,0,0,1,,,VA-T-a VA-Q-a,\r\n"
                     "c.yaml,'\\tTab,va,1,0,0,0,0,0,1,,,VA-T-a VA-Q-a,\r\n"
                     "d.yaml,\"'\\rCR, \"\"q\"\"\",va,1,0,0,0,0,0,1,,,VA-T-a VA-Q-a,\r\n"
                     "e\\x1b[2J\\n\\xff.yaml,,,,,,,,,2,'-bad\\nline,,,\r\n"
                     "f.yaml,a=b -c,va,1,0,0,0,0,0,1,,,VA-T-a VA-Q-a,\r\n");
    iss_buf_free(&b);
}
END_TEST

static Suite *escape_suite(void)
{
    Suite *s = suite_create("escape");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, controls_are_escaped);
    tcase_add_test(tc, separators_and_bidi_controls_are_escaped);
    tcase_add_test(tc, bytes_that_are_not_utf8_are_escaped);
    tcase_add_test(tc, everything_else_is_kept);
    tcase_add_test(tc, unsafe_spans_whole_characters);
    tcase_add_test(tc, vprintf_escapes_the_arguments);
    suite_add_tcase(s, tc);
    tc = tcase_create("csv");
    tcase_add_test(tc, csv_cells_never_start_a_formula);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(escape_suite());
}
