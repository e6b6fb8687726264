/* frame.c - JSON-RPC messages cut out of a byte stream by their
 * Content-Length headers (LSP 3.17, "Base Protocol").
 *
 * A header block is at most 8 KiB and ends with an empty line (CRLF CRLF).
 * A whole block that cannot be read (no Content-Length, a value that is
 * not a number) is reported and dropped; a block that never ends is
 * reported once and dropped, with whatever follows, up to the next line
 * that starts a Content-Length header, so junk does not lose the stream.  A body over max_body is
 * reported and skipped as it arrives: it is never held in memory. */
#include "lsp.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_HEADER = 8192, DEFAULT_MAX_BODY = 64u << 20 };

void iss_frame_add(iss_frame *f, const char *s, size_t n)
{
    if (f->skip) { /* the rest of an oversized body */
        size_t k = n < f->skip ? n : f->skip;
        f->skip -= k;
        s += k;
        n -= k;
    }
    if (!n)
        return;
    if (f->start) { /* drop what was consumed before growing */
        memmove(f->buf, f->buf + f->start, f->len - f->start);
        f->len -= f->start;
        f->start = 0;
    }
    if (f->len + n > f->cap) {
        size_t cap = f->cap ? f->cap : 4096;
        while (cap < f->len + n)
            cap *= 2;
        f->buf = iss_xrealloc(f->buf, cap);
        f->cap = cap;
    }
    memcpy(f->buf + f->len, s, n);
    f->len += n;
}

/* The offset of the next "Content-Length" at the start of a line from
 * from on, or the end of what can be dropped safely (the last bytes may be
 * the start of one). */
static size_t resync(const iss_frame *f, size_t from)
{
    static const char key[] = "Content-Length";
    size_t n = sizeof key - 1;
    for (size_t i = from; i + n <= f->len; i++)
        if ((i == 0 || f->buf[i - 1] == '\n') && strncasecmp(f->buf + i, key, n) == 0)
            return i;
    return f->len > from + n ? f->len - n : from;
}

static const char *find_blank(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++)
        if (memcmp(s + i, "\r\n\r\n", 4) == 0)
            return s + i;
    return NULL;
}

/* The header lines from h to blank (the empty line that ends them):
 * false when one is not a header line or Content-Length is given twice or
 * is not a number; *have says whether it was given, *clen its value. */
static bool header_lines(const char *h, const char *blank, bool *have, unsigned long long *clen)
{
    bool bad = false;
    for (const char *line = h; line < blank + 2;) {
        const char *eol = line;
        while (eol < blank + 2 && *eol != '\r')
            eol++;
        static const char key[] = "Content-Length:";
        size_t kn = sizeof key - 1;
        if ((size_t)(eol - line) >= kn && strncasecmp(line, key, kn) == 0) {
            const char *v = line + kn;
            while (v < eol && (*v == ' ' || *v == '\t'))
                v++;
            const char *e = eol;
            while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
                e--;
            bad |= *have || v == e;
            *have = true;
            *clen = 0;
            for (; v < e && !bad; v++) {
                if (*v < '0' || *v > '9' || *clen > (1ull << 40))
                    bad = true;
                else
                    *clen = *clen * 10 + (unsigned)(*v - '0');
            }
        } else if (memchr(line, ':', (size_t)(eol - line)) == NULL) {
            bad = true; /* not a header line at all */
        }
        line = eol + 2;
    }
    return !bad;
}

iss_frame_event iss_frame_next(iss_frame *f, const char **body, size_t *len, const char **why)
{
    size_t max_body = f->max_body ? f->max_body : DEFAULT_MAX_BODY;
    if (f->junk) { /* after a malformed header: silently to the next Content-Length line */
        f->start = resync(f, f->start);
        static const char key[] = "Content-Length";
        if (f->len - f->start < sizeof key - 1 ||
            strncasecmp(f->buf + f->start, key, sizeof key - 1) != 0 ||
            (f->start > 0 && f->buf[f->start - 1] != '\n'))
            return ISS_FRAME_MORE;
        f->junk = false;
    }
    const char *h = f->buf + f->start;
    size_t avail = f->len - f->start;
    if (!avail)
        return ISS_FRAME_MORE;
    const char *blank = find_blank(h, avail < MAX_HEADER ? avail : MAX_HEADER);
    if (!blank) {
        if (avail < MAX_HEADER)
            return ISS_FRAME_MORE;
        f->start = resync(f, f->start + 1);
        f->junk = true;
        *why = "a header longer than 8192 bytes";
        return ISS_FRAME_ERROR;
    }
    size_t hlen = (size_t)(blank - h) + 4;
    /* the header lines: Content-Length is required, others are ignored */
    bool have = false;
    unsigned long long clen = 0;
    bool bad = !header_lines(h, blank, &have, &clen);
    if (!have || bad) {
        f->start += hlen; /* the block is whole: what follows may be a frame */
        *why = have ? "an invalid Content-Length header" : "a header without Content-Length";
        return ISS_FRAME_ERROR;
    }
    if (clen > max_body) {
        size_t here = avail - hlen;
        if (here >= clen) {
            f->start += hlen + (size_t)clen;
        } else {
            f->skip = (size_t)clen - here;
            f->start = f->len;
        }
        *why = "a message larger than the server accepts";
        return ISS_FRAME_ERROR;
    }
    if (avail - hlen < clen)
        return ISS_FRAME_MORE;
    *body = h + hlen;
    *len = (size_t)clen;
    f->start += hlen + (size_t)clen;
    return ISS_FRAME_BODY;
}

void iss_frame_free(iss_frame *f)
{
    free(f->buf);
    memset(f, 0, sizeof *f);
}
