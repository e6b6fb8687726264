/* test_reader.c - the one YAML reader: what it refuses (duplicate keys,
 * aliases, anchors, tags, several documents, bad encodings), the limits it
 * enforces, and the positions it keeps. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "node.h"

/* The input is refused with one error containing substr at line:col. */
#define ck_assert_refused(r, line, col, substr)                                                    \
    do {                                                                                           \
        ck_assert_ptr_null((r)->root);                                                             \
        ck_assert_int_ge((r)->diags.errors, 1);                                                    \
        ck_assert_diag(&(r)->diags, (line), (col), (substr));                                      \
    } while (0)

START_TEST(duplicate_key_names_the_later_line)
{
    fx_yaml *r = fx_read_yaml_str("a: 1\nb: 2\na: 3\n");
    ck_assert_refused(r, 3, 1, "duplicate key 'a' (first at line 1)");
    fx_yaml_free(r);
    /* nested, and in a flow mapping */
    r = fx_read_yaml_str("top:\n  x: 1\n  y: 2\n  x: 3\n");
    ck_assert_refused(r, 4, 3, "duplicate key 'x' (first at line 2)");
    fx_yaml_free(r);
    r = fx_read_yaml_str("m: {k: 1, k: 2}\n");
    ck_assert_refused(r, 1, 11, "duplicate key 'k'");
    fx_yaml_free(r);
    /* keys differing only after a NUL are different keys */
    r = fx_read_yaml_str("\"a\\0b\": 1\n\"a\\0c\": 2\n");
    ck_assert_ptr_nonnull(r->root);
    ck_assert_int_eq(r->root->n, 2);
    fx_yaml_free(r);
}
END_TEST

START_TEST(anchor_alias_and_tag_refused)
{
    fx_yaml *r = fx_read_yaml_str("a: &x 1\nb: 2\n");
    ck_assert_refused(r, 1, 4, "anchor '&x' not allowed");
    fx_yaml_free(r);
    r = fx_read_yaml_str("a: 1\nb: *x\n");
    ck_assert_refused(r, 2, 4, "alias '*x' not allowed");
    fx_yaml_free(r);
    r = fx_read_yaml_str("a: !!str 1\n");
    ck_assert_refused(r, 1, 4, "tag 'tag:yaml.org,2002:str' not allowed");
    fx_yaml_free(r);
    r = fx_read_yaml_str("a: !custom {b: 1}\n");
    ck_assert_refused(r, 1, 4, "tag '!custom' not allowed");
    fx_yaml_free(r);
}
END_TEST

START_TEST(second_document_refused)
{
    fx_yaml *r = fx_read_yaml_str("a: 1\n---\nb: 2\n");
    ck_assert_refused(r, 2, 1, "a second YAML document");
    fx_yaml_free(r);
    /* one explicit document is fine */
    r = fx_read_yaml_str("---\na: 1\n...\n");
    ck_assert_ptr_nonnull(r->root);
    ck_assert_int_eq(r->diags.n, 0);
    fx_yaml_free(r);
}
END_TEST

START_TEST(empty_input_refused)
{
    static const char *const empties[] = {"", "\n\n", "# only a comment\n", "\xEF\xBB\xBF"};
    for (size_t i = 0; i < sizeof empties / sizeof *empties; i++) {
        fx_yaml *r = fx_read_yaml_str(empties[i]);
        ck_assert_ptr_null(r->root);
        ck_assert_diag(&r->diags, 0, 0, "empty file: no YAML document");
        fx_yaml_free(r);
    }
}
END_TEST

START_TEST(invalid_utf8_gives_byte_offset)
{
    fx_yaml *r = fx_read_yaml_str("a: \xff\xfe\n");
    ck_assert_ptr_null(r->root);
    const iss_diag *d = fx_diag_find(&r->diags, "invalid UTF-8");
    ck_assert_msg(d != NULL, "no invalid UTF-8 diagnostic: %s", fx_diags_text(&r->diags));
    ck_assert_int_eq(d->byte, 3);
    ck_assert_msg(strstr(d->msg, "iconv") != NULL, "no hint: %s", d->msg);
    fx_yaml_free(r);
    /* Shift_JIS 「株式会社」 after a valid line */
    r = fx_read_yaml_str("provider:\n  name: \x8a\x94\x8e\xae\x89\xef\x8e\xd0\n");
    ck_assert_ptr_null(r->root);
    d = fx_diag_find(&r->diags, "invalid UTF-8");
    ck_assert_msg(d != NULL, "no invalid UTF-8 diagnostic: %s", fx_diags_text(&r->diags));
    ck_assert_int_eq(d->byte, 18);
    fx_yaml_free(r);
}
END_TEST

START_TEST(bom_accepted_and_invisible_to_positions)
{
    fx_yaml *r = fx_read_yaml_str("\xEF\xBB\xBF"
                                  "a: 1\nb: x\n");
    ck_assert_ptr_nonnull(r->root);
    ck_assert_int_eq(r->diags.n, 0);
    ck_assert_int_eq(r->root->type, ISS_NODE_MAP);
    ck_assert_int_eq(r->root->n, 2);
    ck_assert(iss_scalar_is(r->root->kids[0], "a"));
    ck_assert_int_eq(r->root->kids[0]->loc.line, 1);
    ck_assert_int_eq(r->root->kids[0]->loc.col, 1);
    ck_assert(iss_scalar_is(iss_map_get(r->root, "b"), "x"));
    fx_yaml_free(r);
}
END_TEST

START_TEST(nul_in_double_quoted_scalar_keeps_length)
{
    fx_yaml *r = fx_read_yaml_str("a: \"x\\0y\"\nb: 'x\\0y'\n");
    ck_assert_ptr_nonnull(r->root);
    const iss_node *a = iss_map_get(r->root, "a");
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(a->len, 3);
    ck_assert_uint_eq(strlen(a->str), 1);
    ck_assert_int_eq(memcmp(a->str, "x\0y", 3), 0);
    ck_assert(!a->plain);
    /* single quotes do not escape */
    const iss_node *b = iss_map_get(r->root, "b");
    ck_assert_uint_eq(b->len, 4);
    ck_assert_uint_eq(strlen(b->str), 4);
    fx_yaml_free(r);
}
END_TEST

START_TEST(deep_nesting_refused_not_crashed)
{
    enum { N = 200 };
    char buf[2 * N + 2];
    memset(buf, '[', N);
    memset(buf + N, ']', N);
    buf[2 * N] = '\n';
    buf[2 * N + 1] = '\0';
    fx_yaml *r = fx_read_yaml_str(buf);
    ck_assert_refused(r, 1, 0, "--max-depth");
    ck_assert_diag(&r->diags, 1, 0, "deeper than 64 levels");
    fx_yaml_free(r);
    /* nested block mappings count too */
    iss_limits lim = iss_default_limits;
    lim.max_depth = 3;
    const char *four = "a:\n  b:\n    c:\n      d: 1\n";
    r = fx_read_yaml(four, strlen(four), &lim);
    ck_assert_refused(r, 4, 7, "nesting deeper than 3 levels (limit --max-depth)");
    fx_yaml_free(r);
    lim.max_depth = 4;
    r = fx_read_yaml(four, strlen(four), &lim);
    ck_assert_ptr_nonnull(r->root);
    fx_yaml_free(r);
}
END_TEST

START_TEST(node_limit_with_custom_limits)
{
    iss_limits lim = iss_default_limits;
    lim.max_nodes = 5;
    const char *ten = "[1, 2, 3, 4, 5, 6, 7, 8, 9]\n"; /* 10 nodes with the sequence */
    fx_yaml *r = fx_read_yaml(ten, strlen(ten), &lim);
    ck_assert_refused(r, 1, 14, "more than 5 nodes (limit --max-nodes)");
    fx_yaml_free(r);
    const char *five = "[1, 2, 3, 4]\n";
    r = fx_read_yaml(five, strlen(five), &lim);
    ck_assert_ptr_nonnull(r->root);
    ck_assert_uint_eq(r->root->n, 4);
    fx_yaml_free(r);
}
END_TEST

START_TEST(scalar_and_size_limits)
{
    iss_limits lim = iss_default_limits;
    lim.max_scalar = 4;
    const char *s = "a: abcde\n";
    fx_yaml *r = fx_read_yaml(s, strlen(s), &lim);
    ck_assert_refused(r, 1, 4, "scalar of 5 bytes exceeds the limit of 4 (--max-scalar)");
    fx_yaml_free(r);
    lim = iss_default_limits;
    lim.max_bytes = 8;
    r = fx_read_yaml(s, strlen(s), &lim);
    ck_assert_refused(r, 0, 0, "larger than the limit of 8 bytes (--max-bytes)");
    fx_yaml_free(r);
}
END_TEST

START_TEST(complex_key_refused)
{
    fx_yaml *r = fx_read_yaml_str("? [a, b]\n: 1\n");
    ck_assert_refused(r, 1, 3, "a mapping key must be a plain string");
    fx_yaml_free(r);
}
END_TEST

START_TEST(malformed_yaml_located)
{
    fx_yaml *r = fx_read_yaml_str("a: [1, 2\nb: 3\n");
    ck_assert_ptr_null(r->root);
    ck_assert_int_ge(r->diags.errors, 1);
    ck_assert_int_ge(r->diags.v[0].loc.line, 1);
    ck_assert_int_ge(r->diags.v[0].loc.col, 1);
    fx_yaml_free(r);
}
END_TEST

START_TEST(positions_are_one_based)
{
    fx_yaml *r = fx_read_yaml_str("a:\n  b: [1, 22]\n  c: {d: x}\n");
    ck_assert_ptr_nonnull(r->root);
    const iss_node *root = r->root;
    ck_assert_int_eq(root->loc.line, 1);
    ck_assert_int_eq(root->loc.col, 1);
    const iss_node *a = iss_map_get(root, "a");
    ck_assert_int_eq(a->type, ISS_NODE_MAP);
    ck_assert_int_eq(a->loc.line, 2);
    ck_assert_int_eq(a->loc.col, 3);
    ck_assert_int_eq(a->kids[0]->loc.line, 2); /* key b */
    ck_assert_int_eq(a->kids[0]->loc.col, 3);
    const iss_node *b = iss_map_get(a, "b");
    ck_assert_int_eq(b->type, ISS_NODE_SEQ);
    ck_assert_int_eq(b->loc.col, 6);
    ck_assert_uint_eq(b->n, 2);
    ck_assert_int_eq(b->kids[1]->loc.line, 2);
    ck_assert_int_eq(b->kids[1]->loc.col, 10);
    ck_assert(b->kids[1]->plain);
    const iss_node *d = iss_map_get(iss_map_get(a, "c"), "d");
    ck_assert_int_eq(d->loc.line, 3);
    ck_assert_int_eq(d->loc.col, 10);
    fx_yaml_free(r);
}
END_TEST

START_TEST(null_and_scalar_helpers)
{
    fx_yaml *r = fx_read_yaml_str("a: ~\nb: null\nc: 'null'\nd:\ne: \"\"\n");
    ck_assert_ptr_nonnull(r->root);
    ck_assert(iss_node_is_null(iss_map_get(r->root, "a")));
    ck_assert(iss_node_is_null(iss_map_get(r->root, "b")));
    ck_assert(!iss_node_is_null(iss_map_get(r->root, "c"))); /* quoted: a string */
    ck_assert(iss_node_is_null(iss_map_get(r->root, "d")));
    ck_assert(!iss_node_is_null(iss_map_get(r->root, "e")));
    ck_assert(iss_node_is_null(iss_map_get(r->root, "absent")));
    ck_assert_ptr_null(iss_map_get(iss_map_get(r->root, "c"), "x")); /* not a map */
    fx_yaml_free(r);
}
END_TEST

static Suite *reader_suite(void)
{
    Suite *s = suite_create("reader");
    TCase *tc = tcase_create("refusals");
    tcase_add_test(tc, duplicate_key_names_the_later_line);
    tcase_add_test(tc, anchor_alias_and_tag_refused);
    tcase_add_test(tc, second_document_refused);
    tcase_add_test(tc, empty_input_refused);
    tcase_add_test(tc, complex_key_refused);
    tcase_add_test(tc, malformed_yaml_located);
    suite_add_tcase(s, tc);
    tc = tcase_create("encoding");
    tcase_add_test(tc, invalid_utf8_gives_byte_offset);
    tcase_add_test(tc, bom_accepted_and_invisible_to_positions);
    tcase_add_test(tc, nul_in_double_quoted_scalar_keeps_length);
    suite_add_tcase(s, tc);
    tc = tcase_create("limits");
    tcase_add_test(tc, deep_nesting_refused_not_crashed);
    tcase_add_test(tc, node_limit_with_custom_limits);
    tcase_add_test(tc, scalar_and_size_limits);
    suite_add_tcase(s, tc);
    tc = tcase_create("tree");
    tcase_add_test(tc, positions_are_one_based);
    tcase_add_test(tc, null_and_scalar_helpers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(reader_suite());
}
