/* textpos.c - an input's bytes as an editor sees them (textpos.h). */
#include "textpos.h"

#include <stdlib.h>
#include <string.h>

iss_loc iss_text_loc(const char *s, size_t len, size_t off)
{
    const unsigned char *u = (const unsigned char *)s;
    iss_loc l = {1, 1};
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++) {
        if (u[i] == '\n' || (u[i] == '\r' && (i + 1 >= len || u[i + 1] != '\n'))) {
            l.line++; /* LF, or a CR not followed by LF (CR LF is one break, at its LF) */
            l.col = 1;
        } else if (u[i] != '\r' && (u[i] & 0xC0) != 0x80) {
            l.col++; /* a character starts here */
        }
    }
    return l;
}

/* ---- UTF-16 and UTF-32 ---------------------------------------------------- */

static const char *wide_by_bom(const unsigned char *u, size_t len)
{
    if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
        return "UTF-32LE";
    if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
        return "UTF-32BE";
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return "UTF-16LE";
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return "UTF-16BE";
    return NULL;
}

/* Without a byte-order mark: the zero bytes of the first 4 KiB. */
static const char *wide_by_zeros(const unsigned char *u, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    size_t units = n / 4;
    size_t zero4[4] = {0};
    unsigned char high4[4] = {0}; /* the largest byte at each place */
    for (size_t i = 0; i < units * 4; i++) {
        if (u[i] == 0)
            zero4[i % 4]++;
        if (u[i] > high4[i % 4])
            high4[i % 4] = u[i];
    }
    /* code points end at U+10FFFF: the top byte is zero, the next at most
     * 0x10, and zero for most (those of the Basic Multilingual Plane) */
    if (units && zero4[3] == units && high4[2] <= 0x10 && zero4[2] * 2 >= units &&
        zero4[0] + zero4[1] < 2 * units)
        return "UTF-32LE";
    if (units && zero4[0] == units && high4[1] <= 0x10 && zero4[1] * 2 >= units &&
        zero4[2] + zero4[3] < 2 * units)
        return "UTF-32BE";
    size_t pairs = n / 2, even = 0, odd = 0;
    for (size_t i = 0; i < pairs * 2; i++)
        if (u[i] == 0 && i % 2)
            odd++;
        else if (u[i] == 0)
            even++;
    if (pairs && odd * 4 >= pairs && odd > 4 * even)
        return "UTF-16LE";
    if (pairs && even * 4 >= pairs && even > 4 * odd)
        return "UTF-16BE";
    return NULL;
}

const char *iss_text_wide_encoding(const char *s, size_t len, bool *bom)
{
    const unsigned char *u = (const unsigned char *)s;
    const char *enc = wide_by_bom(u, len);
    *bom = enc != NULL;
    return enc ? enc : wide_by_zeros(u, len);
}

/* ---- NEL, LS and PS ---------------------------------------------------------- */

static const unsigned char breaks[3][3] = {{0xC2, 0x85, 0}, {0xE2, 0x80, 0xA8}, {0xE2, 0x80, 0xA9}};

static size_t width(int k)
{
    return k == 0 ? 2 : 3;
}

/* Which of NEL, LS, PS starts at u[i], or -1. */
static int break_at(const unsigned char *u, size_t len, size_t i)
{
    for (int k = 0; k < 3; k++)
        if (i + width(k) <= len && memcmp(u + i, breaks[k], width(k)) == 0)
            return k;
    return -1;
}

static int hex(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The value of the n hex digits at u[i], or -1 (also when above U+FFFF). */
static long hex_at(const unsigned char *u, size_t len, size_t i, size_t n)
{
    long v = 0;
    if (i + n > len)
        return -1;
    for (size_t k = 0; k < n; k++) {
        int h = hex(u[i + k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
        if (v > 0xFFFF)
            return -1;
    }
    return v;
}

static void mark(unsigned char *seen, long cp)
{
    if (cp >= 0 && cp <= 0xFFFF)
        seen[cp / 8] |= (unsigned char)(1u << (cp % 8));
}

/* Every code point of the Basic Multilingual Plane that s holds, written
 * (2- and 3-byte UTF-8) or as a double-quoted escape. */
static void mark_seen(const unsigned char *u, size_t len, unsigned char *seen)
{
    for (size_t i = 0; i < len; i++) {
        if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < len && (u[i + 1] & 0xC0) == 0x80)
            mark(seen, (long)(u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F));
        else if ((u[i] & 0xF0) == 0xE0 && i + 2 < len && (u[i + 1] & 0xC0) == 0x80 &&
                 (u[i + 2] & 0xC0) == 0x80)
            mark(seen,
                 (long)(u[i] & 0x0F) << 12 | (long)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F));
        else if (u[i] == '\\' && i + 1 < len)
            mark(seen, u[i + 1] == 'x'   ? hex_at(u, len, i + 2, 2)
                       : u[i + 1] == 'u' ? hex_at(u, len, i + 2, 4)
                       : u[i + 1] == 'U' ? hex_at(u, len, i + 2, 8)
                                         : -1);
    }
}

static long free_code_point(const unsigned char *seen, long from, long to)
{
    for (long cp = from; cp <= to; cp++)
        if (!(seen[cp / 8] & (1u << (cp % 8))))
            return cp;
    return -1;
}

static void encode(long cp, unsigned char out[3])
{
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | cp >> 6);
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        out[2] = 0;
    } else {
        out[0] = (unsigned char)(0xE0 | cp >> 12);
        out[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
    }
}

/* Chooses the placeholders: NEL's among U+0100..U+07FF (two bytes, like
 * NEL), LS's and PS's in the private use area (three bytes). */
static bool choose(const unsigned char *u, size_t len, iss_unbreak *ub)
{
    unsigned char *seen = iss_xcalloc(0x10000 / 8, 1);
    mark_seen(u, len, seen);
    long nel = free_code_point(seen, 0x100, 0x7FF);
    long ls = free_code_point(seen, 0xE000, 0xF8FF);
    if (ls >= 0)
        mark(seen, ls);
    long ps = ls >= 0 ? free_code_point(seen, 0xE000, 0xF8FF) : -1;
    free(seen);
    if (nel < 0 || ps < 0)
        return false;
    encode(nel, ub->ph[0]);
    encode(ls, ub->ph[1]);
    encode(ps, ub->ph[2]);
    memcpy(ub->orig, breaks, sizeof breaks);
    return true;
}

char *iss_unbreak_copy(const char *s, size_t len, iss_unbreak *ub)
{
    const unsigned char *u = (const unsigned char *)s;
    memset(ub, 0, sizeof *ub);
    size_t i = 0;
    while (i < len && break_at(u, len, i) < 0)
        i++;
    if (i == len || !choose(u, len, ub))
        return NULL;
    unsigned char *copy = iss_xmalloc(len ? len : 1);
    for (size_t k = 0; k < len;) {
        int b = break_at(u, len, k);
        if (b < 0) {
            copy[k] = u[k];
            k++;
            continue;
        }
        for (size_t w = 0; w < width(b); w++)
            copy[k + w] = ub->ph[b][w];
        k += width(b);
    }
    ub->on = true;
    return (char *)copy;
}

void iss_unbreak_restore(const iss_unbreak *ub, char *s, size_t len)
{
    if (!ub || !ub->on)
        return;
    unsigned char *u = (unsigned char *)s;
    for (size_t i = 0; i < len;) {
        int hit = -1;
        for (int k = 0; k < 3 && hit < 0; k++)
            if (i + width(k) <= len && memcmp(u + i, ub->ph[k], width(k)) == 0)
                hit = k;
        if (hit < 0) {
            i++;
            continue;
        }
        for (size_t w = 0; w < width(hit); w++)
            u[i + w] = ub->orig[hit][w];
        i += width(hit);
    }
}
