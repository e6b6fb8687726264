/* test_redact.c - person ids and names replaced by pseudonyms (redact.h):
 * ids as whole tokens, names anywhere and however spaced, the longest
 * first; and the ids a refused declaration's errors quote, masked. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "isscheck/redact.h"

/* A redactor over persons given as id, name pairs (NULL: absent). */
static iss_redactor *redactor(size_t n, const char *const *pairs)
{
    iss_person *p = calloc(n + 1, sizeof *p);
    for (size_t i = 0; i < n; i++) {
        p[i].id.s = pairs[2 * i];
        p[i].name.s = pairs[2 * i + 1];
    }
    iss_redactor *x = iss_redactor_new(p, n);
    free(p); /* the redactor keeps copies of what it needs */
    return x;
}

static void check_redacts(const iss_redactor *x, const char *in, const char *want)
{
    iss_arena *a = iss_arena_new();
    const char *got = iss_redact_str(x, a, in);
    ck_assert_msg(strcmp(got, want) == 0, "redacting '%s': got '%s', expected '%s'", in, got, want);
    if (strcmp(in, want) == 0)
        ck_assert_ptr_eq(got, in); /* nothing replaced: the string itself */
    iss_arena_free(a);
}

START_TEST(ids_are_whole_tokens_longest_first)
{
    static const char *const persons[] = {"D5", NULL, "D501", NULL, "P-1", NULL};
    iss_redactor *x = redactor(3, persons);
    check_redacts(x, "D5", "person-1");                           /* the whole string */
    check_redacts(x, "D501", "person-2");                         /* not D5 inside D501 */
    check_redacts(x, "D5 D501 D5", "person-1 person-2 person-1"); /* start, middle, end */
    check_redacts(x, "D501,D5", "person-2,person-1");
    check_redacts(x, "認定証の写し D501", "認定証の写し person-2");
    check_redacts(x, "認定証の写しD5", "認定証の写しperson-1"); /* Japanese is no word */
    check_redacts(x, "(D5)、D5。", "(person-1)、person-1。");
    check_redacts(x, "XD5 D5x D50 D5_1 d5", "XD5 D5x D50 D5_1 d5"); /* other tokens, case */
    check_redacts(x, "D5-2", "person-1-2");                         /* '-' separates tokens */
    check_redacts(x, "P-1 P-10 P-1.", "person-3 P-10 person-3.");
    check_redacts(x, "", "");
    check_redacts(x, "E501, E502", "E501, E502");
    iss_redactor_free(x);
}
END_TEST

START_TEST(names_anywhere_however_spaced)
{
    static const char *const persons[] = {"K1", "山田 太郎", "K2", "Taro Yamada"};
    iss_redactor *x = redactor(2, persons);
    check_redacts(x, "山田太郎", "person-1");
    check_redacts(x, "修了証（山田太郎分）", "修了証（person-1分）");
    check_redacts(x, "山田 太郎の認定証", "person-1の認定証");
    check_redacts(x, "山田　太郎", "person-1");   /* U+3000 */
    check_redacts(x, "山田  \t太郎", "person-1"); /* any run of white space */
    check_redacts(x, "山田花子", "山田花子");     /* a surname alone is not the name */
    check_redacts(x, "山田 ", "山田 ");
    check_redacts(x, "by TARO YAMADA, TaroYamada", "by person-2, person-2");
    check_redacts(x, "K1 山田太郎 K2", "person-1 person-1 person-2");
    check_redacts(x, "太郎 山田", "太郎 山田"); /* another order is another string */
    iss_redactor_free(x);
}
END_TEST

START_TEST(one_name_inside_another)
{
    /* the longer name wins where both match; the shorter stays itself */
    static const char *const persons[] = {"A1", "田中", "A2", "田中一郎", "A3", NULL, NULL, "一"};
    iss_redactor *x = redactor(4, persons);
    check_redacts(x, "田中一郎と田中", "person-2とperson-1");
    check_redacts(x, "田中 一郎", "person-2");
    check_redacts(x, "一郎", "person-4郎"); /* a one-character name is replaced wherever it is */
    check_redacts(x, "A3 A1", "person-3 person-1");
    iss_redactor_free(x);
}
END_TEST

START_TEST(an_id_and_a_name_the_longer_match_wins)
{
    static const char *const persons[] = {"Yamada", NULL, "Y2", "Yamada Hanako"};
    iss_redactor *x = redactor(2, persons);
    check_redacts(x, "Yamada", "person-1");
    check_redacts(x, "Yamada Hanako", "person-2");
    check_redacts(x, "YamadaHanako", "person-2");
    iss_redactor_free(x);
}
END_TEST

START_TEST(masked_errors_of_a_refused_declaration)
{
    iss_diags d = {0};
    iss_diag_add(&d, ISS_SEV_ERROR, "f.yaml", (iss_loc){3, 5}, "person id '%s' declared twice",
                 "a");
    iss_diag_mask(&d, "a");
    iss_diag_add(&d, ISS_SEV_ERROR, "f.yaml", (iss_loc){4, 5}, "unknown person '%s'", "山田");
    iss_diag_mask(&d, "山田");
    iss_diag_add(&d, ISS_SEV_ERROR, "f.yaml", (iss_loc){5, 1}, "unknown key 'a'");
    ck_assert_str_eq(d.v[0].msg, "person id 'a' declared twice"); /* until redacted */
    iss_diags_redact(&d);
    ck_assert_str_eq(d.v[0].msg, "person id '***' declared twice"); /* not inside 'declared' */
    ck_assert_str_eq(d.v[1].msg, "unknown person '***'");
    ck_assert_str_eq(d.v[2].msg, "unknown key 'a'"); /* not marked: not a person */
    ck_assert_uint_eq(d.errors, 3);
    iss_diags_free(&d);
}
END_TEST

START_TEST(the_loader_marks_every_error_that_quotes_a_person)
{
    static const char *const yaml[] = {
        "provider: {name: x}\npersons: [{id: D501}, {id: D501}]\nservices: [{category: va, "
        "subtypes: [web], technical_leads: {persons: [D501]}}]\n",
        "provider: {name: x}\npersons: [{id: D501}]\nservices: [{category: va, "
        "subtypes: [web], technical_leads: {persons: [D501, D501]}}]\n",
        "provider: {name: x}\npersons: [{id: D501}]\nservices: [{category: va, "
        "subtypes: [web], technical_leads: {persons: [D502]}}]\n",
    };
    for (size_t i = 0; i < sizeof yaml / sizeof yaml[0]; i++) {
        iss_diags *d = fx_decl_errors(fx_shipped(), yaml[i]);
        ck_assert_uint_gt(d->n, 0);
        iss_diags_redact(d);
        for (size_t k = 0; k < d->n; k++)
            ck_assert_msg(!strstr(d->v[k].msg, "D50"), "case %zu: '%s' keeps a person id", i,
                          d->v[k].msg);
        fx_diags_free(d);
    }
}
END_TEST

static Suite *redact_suite(void)
{
    Suite *s = suite_create("redact");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, ids_are_whole_tokens_longest_first);
    tcase_add_test(tc, names_anywhere_however_spaced);
    tcase_add_test(tc, one_name_inside_another);
    tcase_add_test(tc, an_id_and_a_name_the_longer_match_wins);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, masked_errors_of_a_refused_declaration);
    tcase_add_test(tc, the_loader_marks_every_error_that_quotes_a_person);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(redact_suite());
}
