/* test_textpos.c - positions as an editor counts them (LF, CR LF and CR
 * end a line; NEL, LS and PS do not; columns are characters), for the
 * reader's own errors and libyaml's alike; UTF-16 and UTF-32 named; the
 * limits of criteria files named as fixed. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "isscheck/criteria.h"
#include "node.h"
#include "textpos.h"

#define LS "\xE2\x80\xA8"
#define PS "\xE2\x80\xA9"
#define NEL "\xC2\x85"

static void ck_loc(iss_loc l, int line, int col)
{
    ck_assert_msg(l.line == line && l.col == col, "at %d:%d, expected %d:%d", l.line, l.col, line,
                  col);
}

START_TEST(byte_offsets_become_editor_positions)
{
    const char *s = "a\nbc\r\nd\re" LS "f" NEL "g" PS "h\n\xE6\xA0\xAAx";
    size_t n = strlen(s);
    ck_loc(iss_text_loc(s, n, 0), 1, 1);
    ck_loc(iss_text_loc(s, n, 1), 1, 2);  /* the LF itself ends line 1 */
    ck_loc(iss_text_loc(s, n, 2), 2, 1);  /* b */
    ck_loc(iss_text_loc(s, n, 4), 2, 3);  /* the CR of CR LF */
    ck_loc(iss_text_loc(s, n, 5), 2, 3);  /* its LF: still line 2 */
    ck_loc(iss_text_loc(s, n, 6), 3, 1);  /* d: CR LF was one break */
    ck_loc(iss_text_loc(s, n, 8), 4, 1);  /* e: a lone CR is a break */
    ck_loc(iss_text_loc(s, n, 12), 4, 3); /* f: LS is one character, no break */
    ck_loc(iss_text_loc(s, n, 15), 4, 5); /* g: NEL neither */
    ck_loc(iss_text_loc(s, n, 19), 4, 7); /* h: PS neither */
    ck_loc(iss_text_loc(s, n, 24), 5, 2); /* x after a three-byte character */
    ck_loc(iss_text_loc(s, n, n + 10), 5, 3);
    ck_loc(iss_text_loc("", 0, 0), 1, 1);
}
END_TEST

START_TEST(invalid_utf8_on_line_3_column_9)
{
    /* 「株式会社」 is four characters (twelve bytes): the stray byte is the
     * ninth character of line 3 */
    fx_yaml *r = fx_read_yaml_str(
        "a: 1\r\nb: 2\nke: \xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE\xFF\n");
    ck_assert_ptr_null(r->root);
    ck_assert_diag(&r->diags, 3, 9, "invalid UTF-8");
    ck_assert_int_eq(r->diags.v[0].byte, 27);
    fx_yaml_free(r);
    /* after a byte-order mark: the offset counts it, the column does not */
    r = fx_read_yaml_str("\xEF\xBB\xBF"
                         "ab: \xFF\n");
    ck_assert_diag(&r->diags, 1, 5, "invalid UTF-8");
    ck_assert_int_eq(r->diags.v[0].byte, 7);
    fx_yaml_free(r);
}
END_TEST

START_TEST(control_character_located_and_named)
{
    fx_yaml *r = fx_read_yaml_str("a: 1\nb: \"x\x01y\"\n");
    ck_assert_ptr_null(r->root);
    ck_assert_diag(&r->diags, 2, 6, "control character U+0001 is not allowed");
    ck_assert_int_eq(r->diags.v[0].byte, 10);
    fx_yaml_free(r);
    /* after a lone CR and an LS: editor lines */
    r = fx_read_yaml_str("a: 1\rb: x" LS "y\n\x7F");
    ck_assert_diag(&r->diags, 3, 1, "control character U+007F is not allowed");
    fx_yaml_free(r);
}
END_TEST

START_TEST(ls_in_a_comment_is_comment)
{
    /* libyaml alone ends the comment at the LS and reads "b: 2" as YAML */
    fx_yaml *r = fx_read_yaml_str("a: 1 # one" LS "b: 2\nc: 3\n");
    ck_assert_msg(r->root != NULL, "refused: %s", fx_diags_text(&r->diags));
    ck_assert_int_eq(r->root->n, 2);
    ck_assert_int_eq(r->root->kids[2]->loc.line, 2);
    fx_yaml_free(r);
    /* a valid file with each of them in a comment: later lines unshifted */
    r = fx_read_yaml_str("# " LS " " PS " " NEL "\na: 1\n# x" LS "\nb:\n  - c # " PS "d: 1\n");
    ck_assert_msg(r->root != NULL, "refused: %s", fx_diags_text(&r->diags));
    ck_assert_int_eq(r->root->kids[0]->loc.line, 2);
    ck_assert_int_eq(r->root->kids[2]->loc.line, 4);
    ck_loc(r->root->kids[3]->kids[0]->loc, 5, 5);
    fx_yaml_free(r);
}
END_TEST

START_TEST(ls_in_a_value_is_content)
{
    fx_yaml *r = fx_read_yaml_str("a: x" LS "y" NEL "z" PS "\nb: 'q" LS "r'\nc: \"s" PS
                                  "t\\u2028\"\nd: 4\n");
    ck_assert_msg(r->root != NULL, "refused: %s", fx_diags_text(&r->diags));
    const iss_node *a = iss_map_get(r->root, "a"), *b = iss_map_get(r->root, "b"),
                   *c = iss_map_get(r->root, "c");
    ck_assert_str_eq(a->str, "x" LS "y" NEL "z" PS);
    ck_assert_str_eq(b->str, "q" LS "r");
    ck_assert_str_eq(c->str, "s" PS "t" LS);
    ck_assert_int_eq(r->root->kids[6]->loc.line, 4); /* d */
    fx_yaml_free(r);
    /* an error after them is at its editor line */
    r = fx_read_yaml_str("a: x" LS "y\nb: [1\n");
    ck_assert_ptr_null(r->root);
    ck_assert_int_ge(r->diags.v[0].loc.line, 2);
    ck_assert_int_le(r->diags.v[0].loc.line, 3);
    fx_yaml_free(r);
    r = fx_read_yaml_str("a: x" LS "y\na: 2\n");
    ck_assert_ptr_null(r->root);
    ck_assert_diag(&r->diags, 2, 1, "duplicate key 'a' (first at line 1)");
    fx_yaml_free(r);
}
END_TEST

START_TEST(placeholders_never_collide)
{
    /* the file already holds the first candidates, written and escaped:
     * they stay what they are, and LS comes back as LS */
    fx_yaml *r =
        fx_read_yaml_str("a: \"\xC4\x80\\uE000\\xff\"\nb: \xEE\x80\x81" LS "\xC4\x81" NEL "\n");
    ck_assert_msg(r->root != NULL, "refused: %s", fx_diags_text(&r->diags));
    ck_assert_str_eq(iss_map_get(r->root, "a")->str, "\xC4\x80\xEE\x80\x80\xC3\xBF");
    ck_assert_str_eq(iss_map_get(r->root, "b")->str, "\xEE\x80\x81" LS "\xC4\x81" NEL);
    fx_yaml_free(r);
    iss_unbreak u;
    ck_assert_ptr_null(iss_unbreak_copy("a: 1\n", 5, &u));
    ck_assert(!u.on);
}
END_TEST

START_TEST(crlf_and_lone_cr_files)
{
    fx_yaml *r = fx_read_yaml_str("a: 1\r\nb:\r\n  c: 2\r\n  c: 3\r\n");
    ck_assert_diag(&r->diags, 4, 3, "duplicate key 'c' (first at line 3)");
    fx_yaml_free(r);
    r = fx_read_yaml_str("a: 1\rb:\r  c: 2\r  c: 3\r");
    ck_assert_diag(&r->diags, 4, 3, "duplicate key 'c' (first at line 3)");
    fx_yaml_free(r);
}
END_TEST

START_TEST(wide_encodings_named)
{
    static const struct {
        const char *bytes;
        size_t len;
        const char *enc;
        bool bom;
    } cases[] = {
        {"\xFF\xFE"
         "a\0:\0 \0"
         "1\0\n\0",
         12, "UTF-16LE", true},
        {"\xFE\xFF\0a\0:\0 \0"
         "1\0\n",
         12, "UTF-16BE", true},
        {"a\0:\0 \0"
         "1\0\n\0",
         10, "UTF-16LE", false},
        {"\0a\0:\0 \0"
         "1\0\n",
         10, "UTF-16BE", false},
        {"\xFF\xFE\0\0"
         "a\0\0\0\n\0\0\0",
         12, "UTF-32LE", true},
        {"\0\0\xFE\xFF\0\0\0a\0\0\0\n", 12, "UTF-32BE", true},
        {"a\0\0\0:\0\0\0\n\0\0\0", 12, "UTF-32LE", false},
        {"\0\0\0a\0\0\0:\0\0\0\n", 12, "UTF-32BE", false},
        /* UTF-16LE of 「株」 and a newline, twice: the zero bytes of the
         * newlines, every fourth byte as in UTF-32LE, but the third is not 0 */
        {"\x2A\x68\n\0\x2A\x68\n\0", 8, "UTF-16LE", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool bom = !cases[i].bom;
        const char *enc = iss_text_wide_encoding(cases[i].bytes, cases[i].len, &bom);
        ck_assert_msg(enc && strcmp(enc, cases[i].enc) == 0, "case %zu: %s", i, enc ? enc : "none");
        ck_assert_int_eq(bom, cases[i].bom);
        fx_yaml *r = fx_read_yaml(cases[i].bytes, cases[i].len, NULL);
        ck_assert_ptr_null(r->root);
        char want[64];
        snprintf(want, sizeof want, "iconv -f %s -t UTF-8", cases[i].enc);
        ck_assert_diag(&r->diags, 0, 0, want);
        ck_assert_diag(&r->diags, 0, 0,
                       cases[i].bom ? "byte-order mark), not UTF-8" : "without a byte-order mark");
        ck_assert_ptr_null(strstr(r->diags.v[0].msg, "Shift_JIS"));
        fx_yaml_free(r);
    }
    /* UTF-8 with a stray NUL is UTF-8, its NUL a control character */
    bool bom;
    const char nul[] = "provider:\n  name: \"a\0b\"\n";
    ck_assert_ptr_null(iss_text_wide_encoding(nul, sizeof nul - 1, &bom));
    fx_yaml *r = fx_read_yaml(nul, sizeof nul - 1, NULL);
    ck_assert_diag(&r->diags, 2, 11, "control character U+0000 is not allowed");
    fx_yaml_free(r);
    ck_assert_ptr_null(iss_text_wide_encoding("a: 1\n", 5, &bom));
    ck_assert_ptr_null(iss_text_wide_encoding("", 0, &bom));
}
END_TEST

START_TEST(criteria_limits_name_no_option)
{
    iss_limits lim = iss_fixed_limits;
    lim.max_bytes = 8;
    lim.max_depth = 2;
    lim.max_nodes = 3;
    lim.max_scalar = 4;
    fx_yaml *r = fx_read_yaml("a: 1\nb: 2\n", 10, &lim);
    ck_assert_diag(&r->diags, 0, 0, "fixed limit of 8 bytes of criteria files (no option");
    ck_assert_ptr_null(strstr(r->diags.v[0].msg, "--max-bytes"));
    fx_yaml_free(r);
    lim.max_bytes = 100;
    r = fx_read_yaml("[[[1]]]", 7, &lim);
    ck_assert_diag(&r->diags, 1, 3, "nesting deeper than 2 levels (a fixed limit of criteria");
    fx_yaml_free(r);
    r = fx_read_yaml("[1, 2, 3]", 9, &lim);
    ck_assert_diag(&r->diags, 1, 8, "more than 3 nodes (a fixed limit of criteria files)");
    fx_yaml_free(r);
    r = fx_read_yaml("abcde", 5, &lim);
    ck_assert_diag(&r->diags, 1, 1, "scalar of 5 bytes exceeds the fixed limit of 4 of criteria");
    fx_yaml_free(r);
    /* the same limits from options name them */
    lim.fixed = false;
    lim.max_bytes = 8;
    r = fx_read_yaml("a: 1\nb: 2\n", 10, &lim);
    ck_assert_diag(&r->diags, 0, 0, "limit of 8 bytes (--max-bytes)");
    fx_yaml_free(r);
    ck_assert(iss_fixed_limits.fixed && !iss_default_limits.fixed);
    ck_assert_int_eq(iss_fixed_limits.max_bytes, iss_default_limits.max_bytes);
}
END_TEST

/* A criteria file over 16 MiB: the fixed limit, not --max-bytes (which
 * applies to declarations and waivers only). */
START_TEST(criteria_file_over_the_limit)
{
    char dir[] = "/tmp/isscheck-textpos-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/manifest.yaml", dir);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("# ", f);
    ck_assert_int_eq(ftruncate(fileno(f), (off_t)iss_fixed_limits.max_bytes + 1), 0);
    ck_assert_int_eq(fclose(f), 0);
    iss_diags d = {0};
    iss_criteria *c = iss_criteria_load(dir, &d);
    unlink(path);
    rmdir(dir);
    ck_assert_ptr_null(c);
    ck_assert_diag(&d, 0, 0,
                   "file is larger than the fixed limit of 16777216 bytes of criteria files (no "
                   "option changes it)");
    for (size_t i = 0; i < d.n; i++)
        ck_assert_ptr_null(strstr(d.v[i].msg, "--max-"));
    iss_diags_free(&d);
}
END_TEST

static Suite *textpos_suite(void)
{
    Suite *s = suite_create("textpos");
    TCase *tc = tcase_create("positions");
    tcase_add_test(tc, byte_offsets_become_editor_positions);
    tcase_add_test(tc, invalid_utf8_on_line_3_column_9);
    tcase_add_test(tc, control_character_located_and_named);
    tcase_add_test(tc, crlf_and_lone_cr_files);
    suite_add_tcase(s, tc);
    tc = tcase_create("breaks");
    tcase_add_test(tc, ls_in_a_comment_is_comment);
    tcase_add_test(tc, ls_in_a_value_is_content);
    tcase_add_test(tc, placeholders_never_collide);
    suite_add_tcase(s, tc);
    tc = tcase_create("encodings and limits");
    tcase_add_test(tc, wide_encodings_named);
    tcase_add_test(tc, criteria_limits_name_no_option);
    tcase_add_test(tc, criteria_file_over_the_limit);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(textpos_suite());
}
