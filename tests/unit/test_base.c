/* test_base.c - the arena, the growable buffer and the diagnostics records
 * every part of the library builds on (base.h). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

START_TEST(arena_memory_is_zeroed_aligned_and_separate)
{
    iss_arena *a = iss_arena_new();
    ck_assert_uint_eq(iss_arena_used(a), 0);
    unsigned char *prev = NULL;
    for (size_t size = 0; size < 300; size += 7) {
        unsigned char *p = iss_arena_alloc(a, size);
        ck_assert_ptr_nonnull(p);                                   /* even for 0 bytes */
        ck_assert_uint_eq((uintptr_t)p % _Alignof(max_align_t), 0); /* suits any type */
        for (size_t i = 0; i < size; i++)
            ck_assert_uint_eq(p[i], 0);
        memset(p, 0xAB, size);
        ck_assert_ptr_ne(p, prev); /* a zero-byte block is a block of its own */
        prev = p;
    }
    /* what was written is still there: blocks do not overlap */
    unsigned char *x = iss_arena_alloc(a, 16), *y = iss_arena_alloc(a, 16);
    memset(x, 1, 16);
    memset(y, 2, 16);
    ck_assert_uint_eq(x[15], 1);
    ck_assert_uint_eq(y[0], 2);
    ck_assert_uint_gt(iss_arena_used(a), 0);
    iss_arena_free(a);
    ck_assert_uint_eq(iss_arena_used(NULL), 0);
}
END_TEST

START_TEST(arena_grows_past_a_chunk)
{
    iss_arena *a = iss_arena_new();
    char *small = iss_arena_strdup(a, "small");
    size_t before = iss_arena_used(a);
    /* a block larger than the default chunk gets a chunk of its size */
    size_t big = 1u << 20;
    unsigned char *p = iss_arena_alloc(a, big);
    ck_assert_uint_eq(p[0], 0);
    ck_assert_uint_eq(p[big - 1], 0);
    memset(p, 0xFF, big);
    ck_assert_uint_ge(iss_arena_used(a), before + big);
    /* and many small ones fill several chunks */
    char *last = NULL;
    for (int i = 0; i < 20000; i++)
        last = iss_arena_printf(a, "item-%05d", i);
    ck_assert_str_eq(last, "item-19999");
    ck_assert_str_eq(small, "small");
    iss_arena_free(a);
}
END_TEST

START_TEST(arena_strings)
{
    iss_arena *a = iss_arena_new();
    ck_assert_ptr_null(iss_arena_strdup(a, NULL));
    ck_assert_str_eq(iss_arena_strdup(a, ""), "");
    const char bytes[] = {'a', 'b', '\0', 'c'};
    char *s = iss_arena_strndup(a, bytes, 4);
    ck_assert_int_eq(memcmp(s, bytes, 4), 0);
    ck_assert_int_eq(s[4], '\0');
    ck_assert_str_eq(iss_arena_strndup(a, "abcdef", 3), "abc");
    ck_assert_str_eq(iss_arena_printf(a, "%s-%d-%zu", "x", -3, (size_t)7), "x--3-7");
    ck_assert_str_eq(iss_arena_printf(a, "%s", ""), "");
    iss_arena_free(a);
}
END_TEST

START_TEST(buffer_appends_and_grows)
{
    iss_buf b = {0};
    iss_buf_add(&b, "", 0);
    ck_assert_ptr_nonnull(b.s); /* an empty string, not NULL, once added to */
    ck_assert_str_eq(b.s, "");
    ck_assert_uint_eq(b.len, 0);
    iss_buf_puts(&b, "ab");
    iss_buf_add(&b, "cdef", 2);
    iss_buf_printf(&b, "[%d]", 42);
    ck_assert_str_eq(b.s, "abcd[42]");
    ck_assert_uint_eq(b.len, 8);
    /* printing nothing changes nothing */
    iss_buf_printf(&b, "%s", "");
    ck_assert_uint_eq(b.len, 8);
    /* growth, by add and by printf, keeps everything */
    char chunk[1000];
    memset(chunk, 'x', sizeof chunk);
    for (int i = 0; i < 10; i++) {
        iss_buf_add(&b, chunk, sizeof chunk);
        iss_buf_printf(&b, "%0700d", i);
    }
    ck_assert_uint_eq(b.len, 8 + 10 * 1700);
    ck_assert_uint_eq(strlen(b.s), b.len);
    ck_assert_uint_gt(b.cap, b.len);
    ck_assert_int_eq(b.s[8 + 1700 - 1], '0');
    ck_assert_int_eq(b.s[b.len - 1], '9');
    iss_buf_free(&b);
    ck_assert_ptr_null(b.s);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_uint_eq(b.cap, 0);
    /* a buffer whose first write is a printf */
    iss_buf_printf(&b, "%s", "first");
    ck_assert_str_eq(b.s, "first");
    iss_buf_free(&b);
    iss_buf_free(&b); /* twice is fine */
}
END_TEST

static char *printed(const iss_diags *d)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    iss_diags_print(f, d, ISS_LANG_EN);
    ck_assert_int_eq(fclose(f), 0);
    return text;
}

START_TEST(diagnostics_printed_in_one_shape)
{
    iss_diags d = {0};
    char file[] = "in.yaml";
    iss_diag_add(&d, ISS_SEV_ERROR, file, (iss_loc){3, 14}, "bad %s", "value");
    iss_diag_add(&d, ISS_SEV_WARNING, file, (iss_loc){4, 1}, "odd");
    iss_diag_add(&d, ISS_SEV_ERROR, file, (iss_loc){0, 0}, "cannot open: %s", "gone");
    iss_diag_add_byte(&d, file, 17, "invalid UTF-8");
    iss_diag_add(&d, ISS_SEV_ERROR, NULL, (iss_loc){0, 0}, "no file");
    /* the record owns its copy of the file name */
    strcpy(file, "xx.yaml");
    ck_assert_uint_eq(d.n, 5);
    ck_assert_uint_eq(d.errors, 4); /* a warning is not an error */
    ck_assert_int_eq(d.v[0].byte, -1);
    ck_assert_int_eq(d.v[3].byte, 17);
    char *text = printed(&d);
    ck_assert_str_eq(text, "in.yaml:3:14: error: bad value\n"
                           "in.yaml:4:1: warning: odd\n"
                           "in.yaml: error: cannot open: gone\n"
                           "in.yaml: byte 17: error: invalid UTF-8\n"
                           "isscheck: error: no file\n");
    free(text);
    iss_diags_free(&d);
    ck_assert_uint_eq(d.n, 0);
    ck_assert_uint_eq(d.errors, 0);
    ck_assert_ptr_null(d.v);
}
END_TEST

START_TEST(many_diagnostics_kept_in_order)
{
    iss_diags d = {0};
    for (int i = 1; i <= 100; i++)
        iss_diag_add(&d, ISS_SEV_ERROR, "f", (iss_loc){i, 1}, "error %d", i);
    ck_assert_uint_eq(d.n, 100);
    for (int i = 0; i < 100; i++) {
        char want[32];
        snprintf(want, sizeof want, "error %d", i + 1);
        ck_assert_str_eq(d.v[i].msg, want);
        ck_assert_int_eq(d.v[i].loc.line, i + 1);
    }
    /* a long message is not cut */
    char long_msg[5000];
    memset(long_msg, 'm', sizeof long_msg - 1);
    long_msg[sizeof long_msg - 1] = '\0';
    iss_diag_add(&d, ISS_SEV_ERROR, "f", (iss_loc){1, 1}, "%s", long_msg);
    ck_assert_uint_eq(strlen(d.v[100].msg), sizeof long_msg - 1);
    iss_diags_free(&d);
}
END_TEST

/* The sanitizers abort on an impossible allocation unless told to return
 * NULL as libc does: the out-of-memory test needs libc's behaviour. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "allocator_may_return_null=1";
}

START_TEST(heap_copies_and_zeroed_arrays)
{
    char *p = iss_xmemdup("a\0b", 3); /* the length given, NUL and all */
    ck_assert_mem_eq(p, "a\0b", 4);
    free(p);
    p = iss_xmemdup(NULL, 0);
    ck_assert_str_eq(p, "");
    free(p);
    p = iss_xstrdup("persons");
    ck_assert_str_eq(p, "persons");
    free(p);
    size_t *z = iss_xcalloc(100, sizeof *z);
    for (size_t i = 0; i < 100; i++)
        ck_assert_uint_eq(z[i], 0);
    free(z);
}
END_TEST

/* The policy of base.h: exhaustion is status 2, never a NULL returned. */
START_TEST(out_of_memory_exits_with_status_2)
{
    void *p = iss_xcalloc(SIZE_MAX / 2, 4); /* the product overflows */
    free(p);
}
END_TEST

START_TEST(out_of_memory_in_realloc_exits_with_status_2)
{
    /* more than any machine has, below the sizes memcheck calls negative */
    void *p = iss_xrealloc(NULL, (size_t)1 << 62);
    free(p);
}
END_TEST

static Suite *base_suite(void)
{
    Suite *s = suite_create("base");
    TCase *tc = tcase_create("arena");
    tcase_add_test(tc, arena_memory_is_zeroed_aligned_and_separate);
    tcase_add_test(tc, arena_grows_past_a_chunk);
    tcase_add_test(tc, arena_strings);
    tcase_add_test(tc, heap_copies_and_zeroed_arrays);
    /* a test that exits needs a process of its own: without fork
     * (CK_FORK=no, as tests/valgrind.sh runs the suites) it would end the
     * whole runner, so these two run in the forked runs only */
    const char *fork_mode = getenv("CK_FORK");
    if (!fork_mode || strcmp(fork_mode, "no") != 0) {
        tcase_add_exit_test(tc, out_of_memory_exits_with_status_2, 2);
        tcase_add_exit_test(tc, out_of_memory_in_realloc_exits_with_status_2, 2);
    }
    suite_add_tcase(s, tc);
    tc = tcase_create("buffer");
    tcase_add_test(tc, buffer_appends_and_grows);
    suite_add_tcase(s, tc);
    tc = tcase_create("diagnostics");
    tcase_add_test(tc, diagnostics_printed_in_one_shape);
    tcase_add_test(tc, many_diagnostics_kept_in_order);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(base_suite());
}
