/* test_diag.c - the Japanese of diagnostics (diag_ja.def, diag.c): every
 * translation takes the same arguments as its English, so a bad one cannot
 * crash or print garbage; the table is in the order the lookup needs; each
 * record carries both languages and prints either.  The reporters' tables
 * (messages.def, strings.def) too: no row lacks a language, both languages
 * take the same {N} arguments, and every strings.def row's languages take
 * the same printf conversions in the same order (the explanation's and the
 * template's rows, S_EX_ and S_TPL_, are printf formats that the compiler
 * no longer sees as literals; a parameter's meaning, S_PARAM_, is text). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static const struct {
    const char *en, *ja;
} table[] = {
#define ISS_DIAG_JA(en, ja) {en, ja},
#include "isscheck/diag_ja.def"
#undef ISS_DIAG_JA
};
enum { NTABLE = sizeof table / sizeof table[0] };

/* The rows of messages.def and strings.def, as the X-macros give them. */
static const struct {
    const char *id, *ja, *en;
} rows[] = {
#define ISS_MSG(id, ja, en) {#id, ja, en},
#include "isscheck/messages.def"
#undef ISS_MSG
#define ISS_STR(id, ja, en) {#id, ja, en},
#include "isscheck/strings.def"
#undef ISS_STR
};
enum { NROWS = sizeof rows / sizeof rows[0] };

/* The printf conversions of fmt, one letter string each ("s", "zu", "ld",
 * "*d" for a star width), joined by spaces into out; false for a
 * conversion this program would not use (positional %1$s, %n). */
static bool conversions(const char *fmt, char *out, size_t size)
{
    size_t len = 0;
    out[0] = '\0';
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        char conv[16];
        size_t n = 0;
        while (strchr("-+ #0", *p) && *p)
            p++;
        for (; (*p >= '0' && *p <= '9') || *p == '*'; p++)
            if (*p == '*')
                conv[n++] = '*';
        if (*p == '$')
            return false;
        if (*p == '.')
            for (p++; (*p >= '0' && *p <= '9') || *p == '*'; p++)
                if (*p == '*')
                    conv[n++] = '*';
        while (*p && strchr("hlzjtL", *p) && n < 8)
            conv[n++] = *p++;
        if (!*p || !strchr("diouxXeEfgGcsp", *p))
            return false;
        conv[n++] = *p;
        conv[n] = '\0';
        int w = snprintf(out + len, size - len, "%s%s", len ? " " : "", conv);
        if (w < 0 || (size_t)w >= size - len)
            return false;
        len += (size_t)w;
    }
    return true;
}

START_TEST(each_translation_takes_the_same_arguments)
{
    for (size_t i = 0; i < NTABLE; i++) {
        char en[256], ja[256];
        ck_assert_msg(conversions(table[i].en, en, sizeof en), "bad conversion in \"%s\"",
                      table[i].en);
        ck_assert_msg(conversions(table[i].ja, ja, sizeof ja), "bad conversion in \"%s\"",
                      table[i].ja);
        ck_assert_msg(strcmp(en, ja) == 0, "\"%s\" takes (%s) but its Japanese \"%s\" takes (%s)",
                      table[i].en, en, table[i].ja, ja);
        ck_assert_msg(*table[i].ja, "\"%s\" has an empty translation", table[i].en);
    }
}
END_TEST

START_TEST(conversions_are_read_as_printf_reads_them)
{
    char c[64];
    ck_assert(conversions("a %s b %zu c %ld %% %d", c, sizeof c));
    ck_assert_str_eq(c, "s zu ld d");
    ck_assert(conversions("%-10s|%.*s", c, sizeof c));
    ck_assert_str_eq(c, "s *s");
    ck_assert(!conversions("%1$s", c, sizeof c));
    ck_assert(!conversions("%n", c, sizeof c));
}
END_TEST

START_TEST(table_is_sorted_for_the_lookup)
{
    for (size_t i = 1; i < NTABLE; i++)
        ck_assert_msg(strcmp(table[i - 1].en, table[i].en) < 0,
                      "diag_ja.def: \"%s\" must come before \"%s\" (strcmp order, no duplicates)",
                      table[i].en, table[i - 1].en);
}
END_TEST

START_TEST(every_entry_is_found)
{
    for (size_t i = 0; i < NTABLE; i++) {
        /* a copy: the lookup compares text, not pointers */
        char *en = strcpy(malloc(strlen(table[i].en) + 1), table[i].en);
        ck_assert_str_eq(iss_diag_text(en, ISS_LANG_JA), table[i].ja);
        ck_assert_ptr_eq(iss_diag_text(en, ISS_LANG_EN), en);
        free(en);
    }
    const char *none = "no such message %s";
    ck_assert_ptr_eq(iss_diag_text(none, ISS_LANG_JA), none);
    ck_assert_ptr_null(iss_diag_text(NULL, ISS_LANG_JA));
}
END_TEST

/* The {N} arguments of a row's text, in order of N, as a bit set; false
 * for a brace that opens no argument the renderers know ({0}..{7}, {t}). */
static bool placeholders(const char *t, unsigned *set)
{
    *set = 0;
    for (const char *p = strchr(t, '{'); p; p = strchr(p + 1, '{')) {
        if (p[1] == 't' && p[2] == '}')
            *set |= 1u << 8;
        else if (p[1] >= '0' && p[1] <= '7' && p[2] == '}')
            *set |= 1u << (p[1] - '0');
        else
            return false;
    }
    return true;
}

/* A row whose text the reporters would show empty, or whose languages take
 * different arguments, is a bug: check it here, not in a report.  A
 * strings.def row (printf_too) is also read as a printf format: a printf format
 * (format, the S_EX_ and S_TPL_ rows) has no {N} arguments, its braces are
 * text. */
static const char *row_fault(const char *ja, const char *en, bool printf_too, bool format)
{
    unsigned a = 0, b = 0;
    if (!ja || !*ja)
        return "no Japanese";
    if (!en || !*en)
        return "no English";
    if (!format && (!placeholders(ja, &a) || !placeholders(en, &b)))
        return "a brace that is no argument";
    if (a != b)
        return "different arguments in Japanese and English";
    char cja[256], cen[256];
    if (printf_too && (!conversions(ja, cja, sizeof cja) || !conversions(en, cen, sizeof cen)))
        return "a printf conversion this program does not use";
    if (printf_too && strcmp(cja, cen) != 0)
        return "different printf conversions in Japanese and English";
    return NULL;
}

static bool is_format(const char *id)
{
    return strncmp(id, "S_EX_", 5) == 0 || strncmp(id, "S_TPL_", 6) == 0;
}

/* A parameter's meaning (S_PARAM_) and a command's help (S_HELP_) are
 * text, printed by "%s" or as they are: neither {N} nor printf reads them
 * (the help quotes the language server's settings in braces). */
static bool is_text(const char *id)
{
    return strncmp(id, "S_PARAM_", 8) == 0 || strncmp(id, "S_HELP_", 7) == 0;
}

START_TEST(every_report_string_has_both_languages)
{
    ck_assert_int_gt(NROWS, ISS_MSG_COUNT + 50); /* both tables were read */
    for (size_t i = 0; i < NROWS; i++) {
        const char *fault =
            is_text(rows[i].id)
                ? row_fault(rows[i].ja, rows[i].en, false, true) /* only: both languages */
                : row_fault(rows[i].ja, rows[i].en, i >= ISS_MSG_COUNT, is_format(rows[i].id));
        ck_assert_msg(!fault, "%s: %s", rows[i].id, fault);
    }
    /* the lookups give every row, in both languages */
    for (int id = 0; id < ISS_STR_COUNT; id++) {
        ck_assert_str_eq(iss_string((iss_str_id)id, ISS_LANG_JA), rows[ISS_MSG_COUNT + id].ja);
        ck_assert_str_eq(iss_string((iss_str_id)id, ISS_LANG_EN), rows[ISS_MSG_COUNT + id].en);
    }
}
END_TEST

/* The check above fails on each kind of bad row. */
START_TEST(a_bad_row_is_caught)
{
    ck_assert_ptr_null(row_fault("{0}行目: ", "line {0}: ", true, false));
    ck_assert_str_eq(row_fault("", "summary", true, false), "no Japanese");
    ck_assert_str_eq(row_fault(NULL, "summary", false, false), "no Japanese");
    ck_assert_str_eq(row_fault("要約", "", true, false), "no English");
    ck_assert_str_eq(row_fault("{0}: {1}", "{0}", false, false),
                     "different arguments in Japanese and English");
    ck_assert_str_eq(row_fault("{t}", "x", false, false),
                     "different arguments in Japanese and English");
    ck_assert_str_eq(row_fault("{9}", "{9}", true, false), "a brace that is no argument");
    /* the printf formats: their braces are text, their conversions count */
    ck_assert_ptr_null(
        row_fault("資格 {name}: %s（%ld 年）", "{name}: %s (%ld years)", true, true));
    ck_assert_ptr_null(row_fault("100%%", "100%%", true, false));
    ck_assert_str_eq(row_fault("%ld 件 %s", "%s: %ld cases", true, true),
                     "different printf conversions in Japanese and English");
    ck_assert_str_eq(row_fault("%s と %s", "%s", true, true),
                     "different printf conversions in Japanese and English");
    ck_assert_str_eq(row_fault("%1$s", "%1$s", true, true),
                     "a printf conversion this program does not use");
    /* messages.def is not printf: its % is text */
    ck_assert_ptr_null(row_fault("50% 以上", "50% or more", false, false));
}
END_TEST

START_TEST(a_string_takes_its_argument)
{
    iss_buf b = {0};
    iss_string_arg(&b, S_LINE_N, ISS_LANG_JA, "12");
    iss_string_arg(&b, S_LINE_N, ISS_LANG_EN, "12");
    iss_string_arg(&b, S_SUMMARY, ISS_LANG_EN, "12"); /* no {0}: the text alone */
    iss_buf_add(&b, "", 1);
    ck_assert_str_eq(b.s, "12行目: line 12: Summary");
    iss_buf_free(&b);
    ck_assert_str_eq(iss_verdict_label(ISS_WAIVED, ISS_LANG_JA), "免除");
    ck_assert_str_eq(iss_ref_source_label(ISS_REF_TODAY, ISS_LANG_EN),
                     "not stated in the declaration: today in Japan");
    ck_assert_str_eq(iss_string(ISS_STR_COUNT, ISS_LANG_EN), "?");
}
END_TEST

static char *printed(const iss_diags *d, iss_lang lang)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    iss_diags_print(f, d, lang);
    ck_assert_int_eq(fclose(f), 0);
    return text;
}

START_TEST(records_carry_both_languages)
{
    iss_diags d = {0};
    iss_diag_add(&d, ISS_SEV_ERROR, "a.yaml", (iss_loc){3, 5}, "missing required key '%s'", "name");
    iss_diag_add_byte(&d, "b.yaml", 7,
                      "invalid UTF-8 (%s); is the file in Shift_JIS/CP932? "
                      "convert it with: iconv -f CP932 -t UTF-8",
                      "bad octet");
    iss_diag_add(&d, ISS_SEV_WARNING, NULL, (iss_loc){0, 0}, "not in the table: %d", 42);
    iss_diag_add_texts(&d, ISS_SEV_ERROR, "c.yaml", (iss_loc){1, 1}, "in English", "日本語で");
    ck_assert_str_eq(d.v[0].msg, "missing required key 'name'");
    ck_assert_str_eq(d.v[0].msg_ja, "必須のキー 'name' がない");
    ck_assert_str_eq(iss_diag_msg(&d.v[0], ISS_LANG_EN), "missing required key 'name'");
    ck_assert_str_eq(iss_diag_msg(&d.v[0], ISS_LANG_JA), "必須のキー 'name' がない");
    ck_assert_str_eq(d.v[2].msg_ja, "not in the table: 42"); /* English in both */

    char *ja = printed(&d, ISS_LANG_JA);
    /* the shape and the words error/warning stay, for the tools that parse them */
    ck_assert_str_eq(ja, "a.yaml:3:5: error: 必須のキー 'name' がない\n"
                         "b.yaml: byte 7: error: 不正な UTF-8 である（bad octet）。ファイルが "
                         "Shift_JIS/CP932 ではないか。変換するには: iconv -f CP932 -t UTF-8\n"
                         "isscheck: warning: not in the table: 42\n"
                         "c.yaml:1:1: error: 日本語で\n");
    free(ja);
    char *en = printed(&d, ISS_LANG_EN);
    ck_assert_str_eq(en, "a.yaml:3:5: error: missing required key 'name'\n"
                         "b.yaml: byte 7: error: invalid UTF-8 (bad octet); is the file in "
                         "Shift_JIS/CP932? convert it with: iconv -f CP932 -t UTF-8\n"
                         "isscheck: warning: not in the table: 42\n"
                         "c.yaml:1:1: error: in English\n");
    free(en);
    iss_diags_free(&d);
}
END_TEST

static Suite *diag_suite(void)
{
    Suite *s = suite_create("diag");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, each_translation_takes_the_same_arguments);
    tcase_add_test(tc, conversions_are_read_as_printf_reads_them);
    tcase_add_test(tc, table_is_sorted_for_the_lookup);
    tcase_add_test(tc, every_entry_is_found);
    tcase_add_test(tc, every_report_string_has_both_languages);
    tcase_add_test(tc, a_bad_row_is_caught);
    tcase_add_test(tc, a_string_takes_its_argument);
    suite_add_tcase(s, tc);
    tc = tcase_create("records");
    tcase_add_test(tc, records_carry_both_languages);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(diag_suite());
}
