/* dates.c - civil-calendar arithmetic and the "past N years" window.
 *
 * Day numbers follow the days-from-civil algorithm (proleptic Gregorian,
 * eras of 400 years), shifted so that 0000-03-01 is day 1.
 */
#include "isscheck/dates.h"

#include <stdio.h>

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool iss_date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

iss_day iss_day_from_ymd(int y, int m, int d)
{
    if (!iss_date_valid(y, m, d))
        return ISS_NO_DATE;
    long yy = m <= 2 ? y - 1 : y;
    long era = yy / 400; /* yy >= 0 for years >= 1 */
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12; /* March = 0 */
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe + 1;
}

void iss_day_to_ymd(iss_day day, int *y, int *m, int *d)
{
    long z = day - 1;
    long era = z / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(mm <= 2 ? yy + 1 : yy);
    *m = (int)mm;
    *d = (int)dd;
}

static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool iss_date_parse(const char *s, size_t len, iss_day *out)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return false;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return false;
    iss_day day = iss_day_from_ymd(y, m, d);
    if (day == ISS_NO_DATE)
        return false;
    *out = day;
    return true;
}

bool iss_date_out_of_range(const char *s, size_t len)
{
    size_t n = 0;
    long y = 0;
    while (n < len && s[n] >= '0' && s[n] <= '9') {
        if (y <= 99999)
            y = y * 10 + (s[n] - '0');
        n++;
    }
    if (n < 4 || len != n + 6 || s[n] != '-' || s[n + 3] != '-')
        return false;
    int m = digits(s + n + 1, 2), d = digits(s + n + 4, 2);
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y < 1 || y > 9999);
}

void iss_date_format(iss_day day, char buf[ISS_DATE_SIZE])
{
    int y, m, d;
    if (day == ISS_NO_DATE) {
        snprintf(buf, 11, "----------");
        return;
    }
    iss_day_to_ymd(day, &y, &m, &d);
    /* digit by digit: the compiler can see it never overflows buf */
    unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u, ud = (unsigned)d % 100u;
    buf[0] = (char)('0' + uy / 1000);
    buf[1] = (char)('0' + uy / 100 % 10);
    buf[2] = (char)('0' + uy / 10 % 10);
    buf[3] = (char)('0' + uy % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + um / 10);
    buf[6] = (char)('0' + um % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + ud / 10);
    buf[9] = (char)('0' + ud % 10);
    buf[10] = '\0';
}

iss_day iss_day_add_years(iss_day day, int n)
{
    int y, m, d;
    iss_day_to_ymd(day, &y, &m, &d);
    y += n;
    if (y < 1 || y > 9999)
        return ISS_NO_DATE;
    if (m == 2 && d == 29 && !leap(y))
        d = 28;
    return iss_day_from_ymd(y, m, d);
}

iss_day iss_window_start(iss_day ref, int years)
{
    iss_day back = iss_day_add_years(ref, -years);
    if (back != ISS_NO_DATE)
        return back + 1;
    /* the day before the window is in year 0: 0000-12-31 leaves 0001-01-01 */
    return iss_window_fits(ref, years) ? iss_day_from_ymd(1, 1, 1) : 1;
}

bool iss_window_fits(iss_day ref, int years)
{
    int y, m, d;
    iss_day_to_ymd(ref, &y, &m, &d);
    /* ref - N years is the day before the window: 0000-12-31 at the latest */
    return y - years >= 1 || (y - years == 0 && m == 12 && d == 31);
}

iss_day iss_window_earliest_ref(int years)
{
    return iss_day_from_ymd(years, 12, 31);
}

int iss_whole_years(iss_day from, iss_day to)
{
    if (to < from)
        return 0;
    /* k whole years fit when the k-year window ending on to starts on or
     * after from: measured back from the end, like the window itself, so
     * a span from 29 February agrees with iss_window_start. */
    int k = 0;
    while (iss_window_start(to, k + 1) >= from && k < 10000)
        k++;
    return k;
}

iss_day iss_day_in_japan(time_t t)
{
    /* Japan has used UTC+9 without daylight saving since 1952. */
    long long s = (long long)t + 9LL * 3600;
    long long days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
    /* 1970-01-01 as a day number */
    return (iss_day)(days + iss_day_from_ymd(1970, 1, 1));
}
