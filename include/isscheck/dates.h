/* dates.h - calendar dates as day numbers, and the standard's windows.
 *
 * A date is an iss_day: the number of days since 0000-03-01 plus one, so
 * every valid date (years 1..9999) is positive and ISS_NO_DATE (0) means
 * "absent".
 */
#ifndef ISSCHECK_DATES_H
#define ISSCHECK_DATES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

typedef long iss_day;
#define ISS_NO_DATE 0L

bool iss_date_valid(int y, int m, int d);
iss_day iss_day_from_ymd(int y, int m, int d); /* ISS_NO_DATE if invalid */
void iss_day_to_ymd(iss_day day, int *y, int *m, int *d);

/* Parses exactly YYYY-MM-DD (ASCII digits) into *out; false otherwise. */
bool iss_date_parse(const char *s, size_t len, iss_day *out);
/* Whether s is written like a date, digits-MM-DD with a plausible month and
 * day, but its year is outside 1..9999 (0000-12-31, 10000-01-01): dates
 * isscheck does not handle, refused as such rather than as a typo. */
bool iss_date_out_of_range(const char *s, size_t len);
/* The size of a formatted date: YYYY-MM-DD and its NUL. */
enum { ISS_DATE_SIZE = 11 };
/* Writes YYYY-MM-DD and a NUL into buf. */
void iss_date_format(iss_day day, char buf[ISS_DATE_SIZE]);

/* The same month and day n years later (n may be negative); 29 February
 * becomes 28 February in a year that has none. */
iss_day iss_day_add_years(iss_day day, int n);

/* The "past N years" window ending on ref: [ref - N years + 1 day, ref].
 * A window that would start before 0001-01-01 starts on day 1 (0000-03-01);
 * iss_window_fits tells it first, and a run refuses such a reference date. */
iss_day iss_window_start(iss_day ref, int years);
/* Whether the N-year window ending on ref starts on or after 0001-01-01. */
bool iss_window_fits(iss_day ref, int years);
/* The earliest reference date whose N-year window fits: N-12-31 (N >= 1). */
iss_day iss_window_earliest_ref(int years);

/* Whole 12-month spans in the closed interval [from, to] (0 if to < from). */
int iss_whole_years(iss_day from, iss_day to);

/* Today's calendar date in Japan (UTC+9, no daylight saving) at time t. */
iss_day iss_day_in_japan(time_t t);

#endif
