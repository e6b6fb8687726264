/* escape.c - UTF-8 decoding, JSON strings and HTML text, shared by the
 * reporters. */
#include "isscheck/escape.h"

#include <stdlib.h>
#include <string.h>

size_t iss_utf8_char(const unsigned char *p, uint32_t *cp_out)
{
    unsigned c = p[0];
    uint32_t cp;
    size_t n;
    if (c < 0x80) {
        n = 1;
        cp = c;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0; /* also stops at the NUL */
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp_out)
        *cp_out = cp;
    return n;
}

/* A well-formed three-byte sequence that iss_utf8_char needs not look at:
 * lead E1..EC or EE..EF (no overlong form, no surrogate) and two
 * continuation bytes. */
static bool three_byte(const unsigned char *p)
{
    return ((p[0] >= 0xE1 && p[0] <= 0xEC) || p[0] == 0xEE || p[0] == 0xEF) &&
           (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80;
}

/* The escapers copy runs of bytes that need no escape with one
 * iss_buf_add each, not byte by byte: they write most of every report. */
void iss_json_str(iss_buf *out, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    const unsigned char *run = p;
    iss_buf_add(out, "\"", 1);
    for (;;) {
        unsigned c = *p;
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            p++;
            continue;
        }
        if (three_byte(p)) { /* most Japanese text */
            p += 3;
            continue;
        }
        size_t n = c >= 0x80 ? iss_utf8_char(p, NULL) : 0;
        if (n) {
            p += n;
            continue;
        }
        if (p > run)
            iss_buf_add(out, (const char *)run, (size_t)(p - run));
        if (!c)
            break;
        static const char *const short_escapes[0x80] = {
            ['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\t'] = "\\t", ['\r'] = "\\r"};
        const char *esc = c < 0x80 ? short_escapes[c] : NULL;
        if (esc) {
            iss_buf_add(out, esc, 2);
        } else if (c < 0x20) {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            iss_buf_add(out, u, sizeof u);
        } else {
            iss_buf_add(out, "\\ufffd", 6); /* not UTF-8 */
        }
        run = ++p;
    }
    iss_buf_add(out, "\"", 1);
}

const char *iss_markup_ref(unsigned c)
{
    static const char *const refs[0x80] = {
        ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;"};
    return c < 0x80 ? refs[c] : NULL;
}

/* U+FDD0..U+FDEF and the last two code points of every plane: HTML calls
 * them a parse error. */
static bool noncharacter(uint32_t cp)
{
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

void iss_html_str(iss_buf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    const unsigned char *run = p;
    for (;;) {
        unsigned c = *p;
        if (c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') {
            p++;
            continue;
        }
        if (c != 0xEF && three_byte(p)) { /* U+1000..U+CFFF, U+E000..U+EFFF */
            p += 3;
            continue;
        }
        uint32_t cp = 0;
        size_t n = c >= 0x80 ? iss_utf8_char(p, &cp) : 0;
        if (n && !noncharacter(cp) && !(cp >= 0x80 && cp <= 0x9F)) {
            p += n;
            continue;
        }
        if (p > run)
            iss_buf_add(out, (const char *)run, (size_t)(p - run));
        if (!c)
            break;
        const char *ref = c == '\'' ? "&#39;" : iss_markup_ref(c);
        if (ref) {
            iss_buf_puts(out, ref);
            p++;
        } else if (c < 0x20 || c == 0x7F) {
            if (c == '\t' || c == '\n')
                iss_buf_add(out, (const char *)p, 1);
            p++; /* other controls are dropped */
        } else if (n == 0 || noncharacter(cp)) {
            iss_buf_puts(out, "\xEF\xBF\xBD");
            p += n ? n : 1;
        } else {
            p += n; /* a C1 control */
        }
        run = p;
    }
}

/* U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069: they reorder
 * the text around them on a terminal or a page (Trojan Source). */
static bool bidi_control(uint32_t cp)
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

size_t iss_text_unsafe(const unsigned char *p)
{
    unsigned c = p[0];
    if (c < 0x80)
        return (c && c < 0x20) || c == 0x7F ? 1 : 0;
    uint32_t cp = 0;
    size_t n = iss_utf8_char(p, &cp);
    if (!n)
        return 1; /* a byte that is not UTF-8 */
    return cp <= 0x9F || cp == 0x2028 || cp == 0x2029 || bidi_control(cp) ? n : 0;
}

void iss_text_escape_char(iss_buf *out, const unsigned char *p)
{
    static const char hex[] = "0123456789abcdef";
    unsigned c = p[0];
    uint32_t cp = 0;
    if (c == '\t' || c == '\n' || c == '\r') {
        char e[2] = {'\\', c == '\t' ? 't' : c == '\n' ? 'n' : 'r'};
        iss_buf_add(out, e, 2);
    } else if (c < 0x80 || !iss_utf8_char(p, &cp)) {
        char e[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]}; /* a control or a stray byte */
        iss_buf_add(out, e, 4);
    } else {
        char e[6] = {'\\',        'u', hex[cp >> 12 & 15], hex[cp >> 8 & 15], hex[cp >> 4 & 15],
                     hex[cp & 15]};
        iss_buf_add(out, e, 6);
    }
}

void iss_text_str(iss_buf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    const unsigned char *run = p;
    for (;;) {
        unsigned c = *p;
        if (c >= 0x20 && c < 0x7F) {
            p++;
            continue;
        }
        /* most Japanese text; E2 80 and E2 81 hold U+2028, U+2029 and bidi controls */
        if (three_byte(p) && !(c == 0xE2 && (p[1] == 0x80 || p[1] == 0x81))) {
            p += 3;
            continue;
        }
        if (!c)
            break;
        size_t n = iss_text_unsafe(p);
        if (!n) {
            p += iss_utf8_char(p, NULL);
            continue;
        }
        if (p > run)
            iss_buf_add(out, (const char *)run, (size_t)(p - run));
        iss_text_escape_char(out, p);
        run = p += n;
    }
    if (p > run)
        iss_buf_add(out, (const char *)run, (size_t)(p - run));
}

void iss_text_lines(iss_buf *out, const char *s)
{
    iss_buf line = {0};
    for (const char *p = s ? s : "";;) {
        const char *nl = strchr(p, '\n');
        line.len = 0;
        iss_buf_add(&line, p, nl ? (size_t)(nl - p) : strlen(p));
        iss_text_str(out, line.s);
        if (!nl)
            break;
        iss_buf_puts(out, "\n");
        p = nl + 1;
    }
    iss_buf_free(&line);
}

void iss_text_vprintf(iss_buf *out, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        return;
    char *s = iss_xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    iss_text_str(out, s);
    free(s);
}

void iss_json_int(iss_buf *out, long long v)
{
    char b[24];
    size_t i = sizeof b;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    do {
        b[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        b[--i] = '-';
    iss_buf_add(out, b + i, sizeof b - i);
}

void iss_json_date(iss_buf *out, iss_day d)
{
    char b[11];
    iss_date_format(d, b);
    iss_json_str(out, b);
}

void iss_json_editions(iss_buf *out, const iss_criteria *c)
{
    iss_buf_puts(out, "[");
    for (size_t i = 0; i < c->nsets; i++) {
        if (i)
            iss_buf_puts(out, ",");
        iss_json_criteria(out, c->sets[i]);
    }
    iss_buf_puts(out, "]");
}

/* {"document", "title", "edition", "date": how the criteria objects and
 * the citations name a criteria set (the object left open). */
static void criteria_names(iss_buf *out, const iss_criteria *c)
{
    iss_buf_puts(out, "{");
    iss_json_key(out, "document", true);
    iss_json_str(out, c->document);
    iss_json_key(out, "title", false);
    iss_json_str(out, c->title);
    iss_json_key(out, "edition", false);
    iss_json_str(out, c->edition);
    iss_json_key(out, "date", false);
    iss_json_date(out, c->date);
}

void iss_json_criteria(iss_buf *out, const iss_criteria *c)
{
    criteria_names(out, c);
    iss_json_key(out, "issuer", false);
    iss_json_str(out, c->issuer);
    iss_json_key(out, "status", false);
    iss_json_str(out, c->draft ? "draft" : "in-force");
    iss_json_key(out, "digest", false);
    iss_json_str(out, c->digest);
    iss_buf_puts(out, "}");
}

void iss_json_citation(iss_buf *out, const iss_criteria *composite, const iss_rule *rule)
{
    criteria_names(out, rule->set ? rule->set : composite);
    iss_json_key(out, "clause", false);
    iss_json_str(out, rule->clause);
    iss_buf_puts(out, "}");
}

void iss_json_key(iss_buf *out, const char *k, bool first)
{
    /* keys are the reporters' own ASCII names: nothing to escape */
    if (first)
        iss_buf_add(out, "\"", 1);
    else
        iss_buf_add(out, ",\"", 2);
    iss_buf_add(out, k, strlen(k));
    iss_buf_add(out, "\":", 2);
}

void iss_json_counts(iss_buf *out, const size_t *n, size_t judged)
{
    iss_buf_printf(out,
                   "{\"pass\":%zu,\"review\":%zu,\"fail\":%zu,\"n/a\":%zu,\"waived\":%zu,"
                   "\"judged\":%zu}",
                   n[ISS_PASS], n[ISS_REVIEW], n[ISS_FAIL], n[ISS_NA], n[ISS_WAIVED], judged);
}

static void json_date_or_null(iss_buf *out, iss_day d)
{
    if (d == ISS_NO_DATE)
        iss_buf_puts(out, "null");
    else
        iss_json_date(out, d);
}

void iss_json_waiver(iss_buf *out, const iss_waiver *w)
{
    if (!w) {
        iss_buf_puts(out, "null");
        return;
    }
    iss_buf_puts(out, "{");
    iss_json_key(out, "kind", true);
    iss_json_str(out, w->kind == ISS_ENTRY_WAIVER ? "waiver" : "judgement");
    iss_json_key(out, "file", false);
    iss_json_str(out, w->file);
    iss_json_key(out, "line", false);
    iss_json_int(out, w->loc.line);
    iss_json_key(out, "reason", false);
    iss_json_str(out, w->reason);
    iss_json_key(out, "decided_by", false);
    iss_json_str(out, w->decided_by);
    iss_json_key(out, "decided_on", false);
    json_date_or_null(out, w->decided_on);
    iss_json_key(out, "expires", false);
    json_date_or_null(out, w->expires);
    iss_json_key(out, "declaration_sha256", false);
    if (w->sha256)
        iss_json_str(out, w->sha256);
    else
        iss_buf_puts(out, "null");
    iss_buf_puts(out, "}");
}
