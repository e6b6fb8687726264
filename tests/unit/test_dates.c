/* test_dates.c - calendar arithmetic and the "past N years" window
 * (clauses.md reading 2): parsing, 29 February, window edges, whole years,
 * and today's date in Japan. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static bool parse(const char *s, iss_day *out)
{
    return iss_date_parse(s, strlen(s), out);
}

static const char *fmt(iss_day d)
{
    static char buf[4][11];
    static int next;
    char *b = buf[next++ % 4];
    iss_date_format(d, b);
    return b;
}

/* ---- parse and format ---- */

START_TEST(round_trip_every_day_1900_to_2100)
{
    /* plain ifs in the loop: a Check assertion per day would cost more than the test */
    iss_day first = fx_day("1900-01-01"), last = fx_day("2100-12-31");
    int py = 1899, pm = 12, pd = 31;
    for (iss_day d = first; d <= last; d++) {
        char buf[11];
        iss_date_format(d, buf);
        iss_day back = ISS_NO_DATE;
        if (!iss_date_parse(buf, 10, &back) || back != d)
            ck_abort_msg("day %ld formats as '%s', which parses back as %ld", d, buf, back);
        int y, m, dd;
        iss_day_to_ymd(d, &y, &m, &dd);
        if (iss_day_from_ymd(y, m, dd) != d)
            ck_abort_msg("%s: ymd and day number disagree", buf);
        /* consecutive day numbers are consecutive calendar days */
        bool next_day = (y == py && m == pm && dd == pd + 1) ||
                        (y == py && m == pm + 1 && dd == 1) ||
                        (y == py + 1 && m == 1 && dd == 1 && pm == 12);
        if (!next_day)
            ck_abort_msg("%s does not follow %04d-%02d-%02d", buf, py, pm, pd);
        py = y, pm = m, pd = dd;
    }
    ck_assert_int_eq(py, 2100);
    ck_assert_int_eq(last - first + 1, 365 * 201 + 49); /* 49 leap days: 1904..2096, not 2100 */
}
END_TEST

START_TEST(known_dates_and_extremes)
{
    iss_day d;
    ck_assert(parse("2026-04-01", &d));
    ck_assert_str_eq(fmt(d), "2026-04-01");
    ck_assert(parse("0001-01-01", &d));
    ck_assert_int_gt(d, 0);
    ck_assert_str_eq(fmt(d), "0001-01-01");
    ck_assert(parse("9999-12-31", &d));
    ck_assert_str_eq(fmt(d), "9999-12-31");
    /* 1970-01-01 and 2000-03-01 are 11017 days apart */
    ck_assert_int_eq(fx_day("2000-03-01") - fx_day("1970-01-01"), 11017);
    ck_assert_int_eq(fx_day("2026-04-01") - fx_day("2023-04-01"), 1096);
    char buf[11];
    iss_date_format(ISS_NO_DATE, buf);
    ck_assert_str_eq(buf, "----------");
}
END_TEST

START_TEST(impossible_dates_rejected)
{
    static const char *const bad[] = {
        "2026-02-30",
        "2025-02-29",
        "2026-13-01",
        "0000-01-01",
        "2026-00-10",
        "2026-04-00",
        "2026-04-31",
        "1900-02-29",
        "2026-4-1",
        "2026/04/01",
        "2026-04-0a",
        "2026-04-01x",
        " 2026-04-01",
        "+202-04-01",
        "-001-04-01",
        "",
        "2026-04",
        "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x96-04-01", /* ２０２６ full width */
        "2026-\xef\xbc\x90\xef\xbc\x94-01",                       /* ０４ full width */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        iss_day d = 12345;
        ck_assert_msg(!parse(bad[i], &d), "'%s' was accepted", bad[i]);
        ck_assert_msg(d == 12345, "'%s' wrote its output although refused", bad[i]);
    }
    ck_assert_int_eq(iss_day_from_ymd(2026, 2, 30), ISS_NO_DATE);
    ck_assert_int_eq(iss_day_from_ymd(0, 1, 1), ISS_NO_DATE);
    ck_assert_int_eq(iss_day_from_ymd(10000, 1, 1), ISS_NO_DATE);
    ck_assert(!iss_date_valid(2026, 13, 1));
}
END_TEST

START_TEST(leap_days_accepted)
{
    iss_day d;
    ck_assert(parse("2024-02-29", &d));
    ck_assert_str_eq(fmt(d), "2024-02-29");
    ck_assert(parse("2000-02-29", &d)); /* divisible by 400 */
    ck_assert_int_eq(fx_day("2024-03-01") - fx_day("2024-02-28"), 2);
    ck_assert_int_eq(fx_day("2025-03-01") - fx_day("2025-02-28"), 1);
}
END_TEST

START_TEST(parse_uses_the_length_not_the_nul)
{
    iss_day d;
    ck_assert(iss_date_parse("2026-04-01 trailing", 10, &d));
    ck_assert_str_eq(fmt(d), "2026-04-01");
    ck_assert(!iss_date_parse("2026-04-01", 9, &d));
    ck_assert(!iss_date_parse("2026-04\0001", 10, &d));
}
END_TEST

/* ---- years and windows ---- */

START_TEST(add_years_from_29_february)
{
    iss_day leap = fx_day("2024-02-29");
    ck_assert_str_eq(fmt(iss_day_add_years(leap, 1)), "2025-02-28");
    ck_assert_str_eq(fmt(iss_day_add_years(leap, -3)), "2021-02-28");
    ck_assert_str_eq(fmt(iss_day_add_years(leap, 4)), "2028-02-29");
    ck_assert_str_eq(fmt(iss_day_add_years(leap, -4)), "2020-02-29");
    ck_assert_str_eq(fmt(iss_day_add_years(fx_day("2026-04-01"), -3)), "2023-04-01");
    ck_assert_str_eq(fmt(iss_day_add_years(fx_day("2026-12-31"), 0)), "2026-12-31");
    ck_assert_int_eq(iss_day_add_years(fx_day("9999-01-01"), 1), ISS_NO_DATE);
    ck_assert_int_eq(iss_day_add_years(fx_day("0002-01-01"), -2), ISS_NO_DATE);
}
END_TEST

START_TEST(window_start_plain_and_leap)
{
    ck_assert_str_eq(fmt(iss_window_start(fx_day("2026-04-01"), 3)), "2023-04-02");
    /* 2024-02-29 minus 3 years is 2021-02-28; the window starts the day after */
    ck_assert_str_eq(fmt(iss_window_start(fx_day("2024-02-29"), 3)), "2021-03-01");
    ck_assert_str_eq(fmt(iss_window_start(fx_day("2024-03-01"), 3)), "2021-03-02");
    ck_assert_str_eq(fmt(iss_window_start(fx_day("2026-01-01"), 3)), "2023-01-02");
    ck_assert_str_eq(fmt(iss_window_start(fx_day("2026-04-01"), 1)), "2025-04-02");
    /* a window reaching before year 1 starts on the first day there is */
    ck_assert_int_le(iss_window_start(fx_day("0002-06-01"), 3), fx_day("0001-01-01"));
    ck_assert_int_gt(iss_window_start(fx_day("0002-06-01"), 3), ISS_NO_DATE);
}
END_TEST

/* The window rule: a reference date is refused (by the run, never clamped)
 * when its window would start before 0001-01-01. */
START_TEST(window_bounds_at_year_1)
{
    ck_assert(iss_window_fits(fx_day("0003-12-31"), 3));
    ck_assert(!iss_window_fits(fx_day("0003-12-30"), 3));
    ck_assert(!iss_window_fits(fx_day("0001-01-01"), 3));
    ck_assert(!iss_window_fits(fx_day("0001-01-01"), 1));
    ck_assert(iss_window_fits(fx_day("0001-12-31"), 1));
    ck_assert(iss_window_fits(fx_day("0004-01-01"), 3));
    ck_assert(iss_window_fits(fx_day("9999-12-31"), 100));
    ck_assert_str_eq(fmt(iss_window_earliest_ref(3)), "0003-12-31");
    ck_assert_str_eq(fmt(iss_window_earliest_ref(5)), "0005-12-31");
    /* the earliest window that fits starts on the first day there is */
    ck_assert_str_eq(fmt(iss_window_start(fx_day("0003-12-31"), 3)), "0001-01-01");
    ck_assert_str_eq(fmt(iss_window_start(fx_day("0004-01-01"), 3)), "0001-01-02");
    ck_assert_str_eq(fmt(iss_window_start(fx_day("9999-12-31"), 3)), "9997-01-01");
}
END_TEST

START_TEST(years_outside_1_to_9999_told_apart)
{
    static const char *const out[] = {"0000-12-31", "10000-01-01", "0000-01-01", "99999-12-31",
                                      "000000-06-15"};
    for (size_t i = 0; i < sizeof out / sizeof *out; i++)
        ck_assert_msg(iss_date_out_of_range(out[i], strlen(out[i])), "'%s' not out of range",
                      out[i]);
    static const char *const not_out[] = {
        "0001-01-01", "9999-12-31", "2026-04-01", "10000-13-01", "10000-01-32", "0000/01/01",
        "000-01-01",  "10000-1-01", "",           "x0000-01-01"};
    for (size_t i = 0; i < sizeof not_out / sizeof *not_out; i++)
        ck_assert_msg(!iss_date_out_of_range(not_out[i], strlen(not_out[i])),
                      "'%s' taken as out of range", not_out[i]);
}
END_TEST

START_TEST(whole_years_edges)
{
    /* exactly twelve months */
    ck_assert_int_eq(iss_whole_years(fx_day("2025-04-01"), fx_day("2026-03-31")), 1);
    /* one day short */
    ck_assert_int_eq(iss_whole_years(fx_day("2025-04-01"), fx_day("2026-03-30")), 0);
    /* the whole three-year window of ref 2026-04-01 */
    ck_assert_int_eq(iss_whole_years(fx_day("2023-04-02"), fx_day("2026-04-01")), 3);
    ck_assert_int_eq(iss_whole_years(fx_day("2023-04-03"), fx_day("2026-04-01")), 2);
    /* one day, and an empty interval */
    ck_assert_int_eq(iss_whole_years(fx_day("2026-04-01"), fx_day("2026-04-01")), 0);
    ck_assert_int_eq(iss_whole_years(fx_day("2026-04-02"), fx_day("2026-04-01")), 0);
    /* across 29 February */
    ck_assert_int_eq(iss_whole_years(fx_day("2024-02-29"), fx_day("2025-02-28")), 1);
    ck_assert_int_eq(iss_whole_years(fx_day("2021-03-01"), fx_day("2024-02-29")), 3);
    /* measured back from the end, like the window: the 3-year window ending
     * 2024-02-28 is exactly 2021-03-01..2024-02-28, so that span is 3 years */
    ck_assert_int_eq(iss_whole_years(fx_day("2021-03-01"), fx_day("2024-02-28")), 3);
    /* a year from 29 February ends on 28 February, not the day before */
    ck_assert_int_eq(iss_whole_years(fx_day("2024-02-29"), fx_day("2025-02-27")), 0);
    ck_assert_int_eq(iss_whole_years(fx_day("2016-04-01"), fx_day("2026-03-31")), 10);
}
END_TEST

/* ---- today in Japan ---- */

START_TEST(day_in_japan_switches_at_15_utc)
{
    /* 1774969200 is 2026-03-31T15:00:00Z = 2026-04-01T00:00:00+09:00 */
    ck_assert_str_eq(fmt(iss_day_in_japan((time_t)1774969200 - 1)), "2026-03-31");
    ck_assert_str_eq(fmt(iss_day_in_japan((time_t)1774969200)), "2026-04-01");
    ck_assert_str_eq(fmt(iss_day_in_japan((time_t)1775012400)), "2026-04-01");
    ck_assert_str_eq(fmt(iss_day_in_japan((time_t)0)), "1970-01-01");
    /* before the epoch: 1969-12-31T15:00:00Z is already 1970-01-01 in Japan */
    ck_assert_str_eq(fmt(iss_day_in_japan((time_t)-9 * 3600)), "1970-01-01");
    ck_assert_str_eq(fmt(iss_day_in_japan((time_t)-9 * 3600 - 1)), "1969-12-31");
}
END_TEST

static Suite *dates_suite(void)
{
    Suite *s = suite_create("dates");
    TCase *tc = tcase_create("parse-format");
    tcase_add_test(tc, round_trip_every_day_1900_to_2100);
    tcase_add_test(tc, known_dates_and_extremes);
    tcase_add_test(tc, impossible_dates_rejected);
    tcase_add_test(tc, leap_days_accepted);
    tcase_add_test(tc, parse_uses_the_length_not_the_nul);
    suite_add_tcase(s, tc);
    tc = tcase_create("years-and-windows");
    tcase_add_test(tc, add_years_from_29_february);
    tcase_add_test(tc, window_start_plain_and_leap);
    tcase_add_test(tc, window_bounds_at_year_1);
    tcase_add_test(tc, years_outside_1_to_9999_told_apart);
    tcase_add_test(tc, whole_years_edges);
    suite_add_tcase(s, tc);
    tc = tcase_create("japan");
    tcase_add_test(tc, day_in_japan_switches_at_15_utc);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(dates_suite());
}
