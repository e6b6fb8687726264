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
/* Writes YYYY-MM-DD and a NUL into buf (at least 11 bytes). */
void iss_date_format(iss_day day, char buf[11]);

/* The same month and day n years later (n may be negative); 29 February
 * becomes 28 February in a year that has none. */
iss_day iss_day_add_years(iss_day day, int n);

/* The "past N years" window ending on ref: [ref - N years + 1 day, ref]. */
iss_day iss_window_start(iss_day ref, int years);

/* Whole 12-month spans in the closed interval [from, to] (0 if to < from). */
int iss_whole_years(iss_day from, iss_day to);

/* Today's calendar date in Japan (UTC+9, no daylight saving) at time t. */
iss_day iss_day_in_japan(time_t t);

#endif
