/* test_fields.c - the typed getters both loaders share: what each accepts,
 * and the located error each gives for the wrong shape. */
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "fixture.h"

typedef struct {
    iss_arena *arena;
    iss_diags diags;
    iss_ctx ctx;
    iss_node *root;
} tree;

static tree *parse(const char *yaml)
{
    tree *t = calloc(1, sizeof *t);
    ck_assert_ptr_nonnull(t);
    t->arena = iss_arena_new();
    t->root = iss_read_yaml(yaml, strlen(yaml), "f.yaml", NULL, t->arena, &t->diags);
    ck_assert_msg(t->root != NULL, "test bug: %s", fx_diags_text(&t->diags));
    t->ctx = (iss_ctx){"f.yaml", t->arena, &t->diags};
    return t;
}

static void tree_free(tree *t)
{
    iss_arena_free(t->arena);
    iss_diags_free(&t->diags);
    free(t);
}

START_TEST(expect_map_and_seq_name_what_was_found)
{
    tree *t = parse("s: x\nl: [1]\nm: {a: 1}\n");
    static const char *const keys[] = {"a", NULL};
    ck_assert(!iss_expect_map(&t->ctx, iss_map_get(t->root, "s"), "thing", keys));
    ck_assert_diag(&t->diags, 1, 4, "thing must be a mapping, not a scalar");
    ck_assert(!iss_expect_map(&t->ctx, iss_map_get(t->root, "l"), "thing", keys));
    ck_assert_diag(&t->diags, 2, 4, "thing must be a mapping, not a list");
    ck_assert(!iss_expect_map(&t->ctx, NULL, "thing", keys));
    ck_assert_diag(&t->diags, 0, 0, "thing must be a mapping, not nothing");
    ck_assert(iss_expect_map(&t->ctx, iss_map_get(t->root, "m"), "thing", keys));
    ck_assert(!iss_expect_seq(&t->ctx, iss_map_get(t->root, "m"), "things"));
    ck_assert_diag(&t->diags, 3, 4, "things must be a list, not a mapping");
    ck_assert(!iss_expect_seq(&t->ctx, NULL, "things"));
    ck_assert_diag(&t->diags, 0, 0, "things must be a list, not nothing");
    ck_assert(iss_expect_seq(&t->ctx, iss_map_get(t->root, "l"), "things"));
    ck_assert_uint_eq(t->diags.errors, 5);
    ck_assert_str_eq(t->diags.v[0].file, "f.yaml");
    tree_free(t);
}
END_TEST

START_TEST(unknown_keys_with_and_without_suggestion)
{
    tree *t = parse("nam: 1\nzz: 2\n\"ev\\0idence\": 3\nname: 4\n");
    static const char *const keys[] = {"name", "evidence", NULL};
    ck_assert(!iss_expect_map(&t->ctx, t->root, "a thing", keys));
    ck_assert_diag(&t->diags, 1, 1, "unknown key 'nam' in a thing; did you mean 'name'?");
    ck_assert_diag(&t->diags, 2, 1, "unknown key 'zz' in a thing; expected one of name, evidence");
    ck_assert_diag(&t->diags, 3, 1, "NUL byte in a key of a thing");
    ck_assert_uint_eq(t->diags.errors, 3); /* 'name' is known */
    /* a mapping that takes no keys */
    static const char *const none[] = {NULL};
    ck_assert(!iss_expect_map(&t->ctx, t->root, "nothing", none));
    ck_assert_diag(&t->diags, 4, 1, "unknown key 'name' in nothing; expected one of (none)");
    tree_free(t);
}
END_TEST

START_TEST(required_and_null_values)
{
    tree *t = parse("a: x\nb: ~\nc:\nd: ''\n");
    iss_str s = {"untouched", {0, 0}};
    /* absent, or null, and optional: untouched */
    ck_assert(iss_get_str(&t->ctx, t->root, "z", false, &s));
    ck_assert(iss_get_str(&t->ctx, t->root, "b", false, &s));
    ck_assert_str_eq(s.s, "untouched");
    ck_assert_uint_eq(t->diags.n, 0);
    /* required: at the map when absent, at the null when written */
    ck_assert(!iss_get_str(&t->ctx, t->root, "z", true, &s));
    ck_assert_diag(&t->diags, 1, 1, "missing required key 'z'");
    ck_assert(!iss_get_str(&t->ctx, t->root, "c", true, &s));
    ck_assert_diag(&t->diags, 3, 3, "missing required key 'c'");
    /* a quoted empty string is a value */
    ck_assert(iss_get_str(&t->ctx, t->root, "d", true, &s));
    ck_assert_str_eq(s.s, "");
    ck_assert_int_eq(s.loc.line, 4);
    tree_free(t);
}
END_TEST

START_TEST(dates)
{
    tree *t = parse("ok: 2024-02-29\nlist: [2024-01-01]\nbad: 2023-02-29\nform: 2024-2-1\n"
                    "bin: \"2024-01-01\\0\"\n");
    iss_day d = ISS_NO_DATE;
    iss_loc loc = {0, 0};
    ck_assert(iss_get_date(&t->ctx, t->root, "ok", true, &d, &loc));
    ck_assert_str_eq(fx_date_str(d), "2024-02-29");
    ck_assert_int_eq(loc.line, 1);
    ck_assert_int_eq(loc.col, 5);
    ck_assert(!iss_get_date(&t->ctx, t->root, "list", true, &d, NULL));
    ck_assert_diag(&t->diags, 2, 7, "'list' must be a date (YYYY-MM-DD), not a list");
    ck_assert(!iss_get_date(&t->ctx, t->root, "bad", true, &d, NULL));
    ck_assert_diag(&t->diags, 3, 6, "'bad': 2023-02-29 is not a date in the calendar");
    ck_assert(!iss_get_date(&t->ctx, t->root, "form", true, &d, NULL));
    ck_assert_diag(&t->diags, 4, 7,
                   "'form': expected a date written YYYY-MM-DD with ASCII digits "
                   "(e.g. 2026-04-01), not '2024-2-1'");
    ck_assert(!iss_get_date(&t->ctx, t->root, "bin", true, &d, NULL));
    ck_assert_diag(&t->diags, 5, 6, "not '(binary)'");
    ck_assert_str_eq(fx_date_str(d), "2024-02-29"); /* failures leave it */
    tree_free(t);
}
END_TEST

START_TEST(booleans_and_numbers)
{
    tree *t = parse("t: true\nf: false\nq: 'true'\ny: yes\n"
                    "n: 42\nneg: -1\nbig: 1234567890\nstr: '42'\nhex: 0x2A\nl: [1]\n");
    bool b = false;
    ck_assert(iss_get_bool(&t->ctx, t->root, "t", &b));
    ck_assert(b);
    ck_assert(iss_get_bool(&t->ctx, t->root, "f", &b));
    ck_assert(!b);
    ck_assert(iss_get_bool(&t->ctx, t->root, "absent", &b));
    ck_assert(!b);
    ck_assert(!iss_get_bool(&t->ctx, t->root, "q", &b)); /* quoted: a string */
    ck_assert_diag(&t->diags, 3, 4, "'q' must be true or false");
    ck_assert(!iss_get_bool(&t->ctx, t->root, "y", &b));
    ck_assert_diag(&t->diags, 4, 4, "'y' must be true or false");
    long n = 0;
    ck_assert(iss_get_int(&t->ctx, t->root, "n", true, 0, 100, &n));
    ck_assert_int_eq(n, 42);
    ck_assert(!iss_get_int(&t->ctx, t->root, "n", true, 0, 41, &n));
    ck_assert_diag(&t->diags, 5, 4, "'n' must be a whole number from 0 to 41");
    ck_assert(!iss_get_int(&t->ctx, t->root, "n", true, 43, 100, &n));
    static const char *const bad[] = {"neg", "big", "str", "hex", "l"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        size_t before = t->diags.errors;
        ck_assert_msg(!iss_get_int(&t->ctx, t->root, bad[i], true, 0, 2000000000, &n),
                      "%s accepted", bad[i]);
        ck_assert_uint_eq(t->diags.errors, before + 1);
    }
    ck_assert_int_eq(n, 42);
    ck_assert(iss_get_int(&t->ctx, t->root, "absent", false, 0, 1, &n));
    ck_assert(!iss_get_int(&t->ctx, t->root, "absent", true, 0, 1, &n));
    ck_assert_diag(&t->diags, 1, 1, "missing required key 'absent'");
    tree_free(t);
}
END_TEST

START_TEST(string_lists)
{
    tree *t = parse("one: x\nmany: [a, b]\nnone: []\nmap: {a: 1}\nnested: [a, [b]]\n");
    iss_strs l = {0};
    ck_assert(iss_get_strs(&t->ctx, t->root, "one", true, &l));
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.v[0].s, "x");
    ck_assert_int_eq(l.loc.line, 1);
    ck_assert(iss_get_strs(&t->ctx, t->root, "many", true, &l));
    ck_assert_uint_eq(l.n, 2);
    ck_assert(iss_strs_has(&l, "b"));
    ck_assert(!iss_strs_has(&l, "c"));
    ck_assert_int_eq(l.v[1].loc.col, 11);
    ck_assert(iss_get_strs(&t->ctx, t->root, "none", true, &l));
    ck_assert_uint_eq(l.n, 0);
    ck_assert_uint_eq(t->diags.n, 0);
    ck_assert(!iss_get_strs(&t->ctx, t->root, "map", true, &l));
    ck_assert_diag(&t->diags, 4, 6, "map must be a list, not a mapping");
    ck_assert(!iss_get_strs(&t->ctx, t->root, "nested", true, &l));
    ck_assert_diag(&t->diags, 5, 13, "'nested' must be a string, not a list");
    tree_free(t);
}
END_TEST

/* Distances count characters, not bytes; a name past ISS_EDIT_DISTANCE_BYTES
 * is near nothing (its table would be the product of two long lengths: a
 * declaration of a few megabyte-long unknown keys took minutes). */
START_TEST(edit_distance)
{
    size_t len = 0;
    ck_assert_uint_eq(iss_edit_distance("persons", "person", &len), 1);
    ck_assert_uint_eq(len, 7);
    ck_assert_uint_eq(iss_edit_distance("株式会社アルファ", "株式会社アルフア", &len), 1);
    ck_assert_uint_eq(len, 8); /* characters, not the 24 bytes */
    ck_assert_uint_eq(iss_edit_distance("", "abc", NULL), 3);
    char *lng = malloc(ISS_EDIT_DISTANCE_BYTES + 2);
    memset(lng, 'a', ISS_EDIT_DISTANCE_BYTES + 1);
    lng[ISS_EDIT_DISTANCE_BYTES + 1] = '\0';
    ck_assert_uint_eq(iss_edit_distance(lng, lng, NULL), ISS_EDIT_DISTANCE_FAR);
    ck_assert_uint_eq(iss_edit_distance("a", lng, NULL), ISS_EDIT_DISTANCE_FAR);
    lng[ISS_EDIT_DISTANCE_BYTES] = '\0'; /* at the limit: still compared */
    ck_assert_uint_eq(iss_edit_distance(lng, lng, NULL), 0);
    const char *const keys[] = {"persons", "services", NULL};
    ck_assert_str_eq(iss_nearest(keys, "persns"), "persons");
    free(lng);
}
END_TEST

static Suite *fields_suite(void)
{
    Suite *s = suite_create("fields");
    TCase *tc = tcase_create("getters");
    tcase_add_test(tc, expect_map_and_seq_name_what_was_found);
    tcase_add_test(tc, unknown_keys_with_and_without_suggestion);
    tcase_add_test(tc, required_and_null_values);
    tcase_add_test(tc, dates);
    tcase_add_test(tc, booleans_and_numbers);
    tcase_add_test(tc, string_lists);
    tcase_add_test(tc, edit_distance);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(fields_suite());
}
