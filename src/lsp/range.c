/* range.c - LSP positions and ranges as JSON: byte offsets and
 * isscheck's locations turned into the client's (line, character), with
 * a line index so that the many positions of one check cost a binary
 * search each. */
#include "server.h"

#include <stdlib.h>
#include <string.h>

iss_lsp_lines iss_lsp_lines_of(const char *t, size_t len)
{
    iss_lsp_lines l = {NULL, 0};
    size_t cap = 64;
    l.v = iss_xmalloc(cap * sizeof *l.v);
    l.v[l.n++] = 0;
    for (size_t i = 0; i < len; i++) {
        bool br = t[i] == '\n' || (t[i] == '\r' && (i + 1 >= len || t[i + 1] != '\n'));
        if (!br)
            continue;
        if (l.n == cap) {
            cap *= 2;
            l.v = iss_xrealloc(l.v, cap * sizeof *l.v);
        }
        l.v[l.n++] = i + 1;
    }
    return l;
}

static size_t line_of(const iss_lsp_lines *l, size_t off)
{
    size_t lo = 0, hi = l->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->v[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static json_t *pos_json(iss_pos_enc enc, const char *t, const iss_lsp_lines *l, size_t off)
{
    size_t line = line_of(l, off);
    return json_pack("{s:I, s:I}", "line", (json_int_t)line, "character",
                     (json_int_t)iss_byte_to_char(t, l->v[line], off, enc));
}

json_t *iss_lsp_range_json(iss_pos_enc enc, const char *t, const iss_lsp_lines *l, size_t b0,
                           size_t b1)
{
    return json_pack("{s:o, s:o}", "start", pos_json(enc, t, l, b0), "end",
                     pos_json(enc, t, l, b1));
}

json_t *iss_lsp_position(const iss_lsp *s, const char *text, size_t len, size_t off)
{
    iss_lsp_lines l = iss_lsp_lines_of(text, len);
    json_t *p = pos_json(s->enc, text, &l, off);
    free(l.v);
    return p;
}

json_t *iss_lsp_range(const iss_lsp *s, const char *text, size_t len, size_t b0, size_t b1)
{
    iss_lsp_lines l = iss_lsp_lines_of(text, len);
    json_t *r = iss_lsp_range_json(s->enc, text, &l, b0, b1);
    free(l.v);
    return r;
}

size_t iss_lsp_loc_byte(const char *t, size_t len, const iss_lsp_lines *l, iss_loc loc)
{
    if (loc.line <= 0)
        return 0;
    if ((size_t)loc.line > l->n)
        return len;
    size_t i = l->v[loc.line - 1];
    if (loc.line == 1 && len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    /* the columns of the line, counted as position.c counts them */
    size_t end = i;
    while (end < len && t[end] != '\n' && t[end] != '\r')
        end++;
    for (int c = 1; i < end && c < loc.col; c++) {
        unsigned char b = (unsigned char)t[i];
        size_t k = b < 0x80             ? 1
                   : (b & 0xE0) == 0xC0 ? 2
                   : (b & 0xF0) == 0xE0 ? 3
                   : (b & 0xF8) == 0xF0 ? 4
                                        : 1;
        if (i + k > end)
            k = 1;
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)t[i + j] & 0xC0) != 0x80)
                k = 1;
        i += k;
    }
    return i;
}

size_t iss_lsp_token_end(const char *t, size_t len, size_t off)
{
    size_t e = off;
    if (e < len && (t[e] == '"' || t[e] == '\'')) { /* a quoted scalar */
        char q = t[e++];
        while (e < len && t[e] != q && t[e] != '\n' && t[e] != '\r')
            e++;
        return e < len && t[e] == q ? e + 1 : e;
    }
    while (e < len && !strchr(" \t\r\n,]}#", t[e]) &&
           !(t[e] == ':' && (e + 1 >= len || strchr(" \t\r\n", t[e + 1]))))
        e++;
    if (e == off) { /* nothing to mark there: the rest of the line */
        while (e < len && t[e] != '\n' && t[e] != '\r')
            e++;
        while (e > off && (t[e - 1] == ' ' || t[e - 1] == '\t'))
            e--;
    }
    return e;
}
