/* position.c - LSP positions and isscheck's locations.
 *
 * Lines: LSP ends a line at CR LF, LF or CR, and so does this file.
 * Columns: isscheck counts characters (code points) from 1, as libyaml
 * does; LSP counts code units of the negotiated encoding from 0: UTF-16
 * by default (a character outside the BMP, such as 𠮷, is two units),
 * UTF-8 bytes or UTF-32 code points when the client offers them.  Bytes
 * that are not UTF-8 count as one character each, as one unit. */
#include "lsp.h"

#include <string.h>

const char *iss_pos_enc_name(iss_pos_enc e)
{
    return e == ISS_ENC_UTF8 ? "utf-8" : e == ISS_ENC_UTF32 ? "utf-32" : "utf-16";
}

/* The length of the UTF-8 sequence at s (at most n bytes), 1 for a byte
 * that does not start a well-formed one. */
static size_t seq_len(const unsigned char *s, size_t n)
{
    size_t k = s[0] < 0x80             ? 1
               : (s[0] & 0xE0) == 0xC0 ? 2
               : (s[0] & 0xF0) == 0xE0 ? 3
               : (s[0] & 0xF8) == 0xF0 ? 4
                                       : 1;
    if (k > n || (k == 2 && s[0] < 0xC2))
        return 1;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 1;
    return k;
}

static long units(size_t k, iss_pos_enc enc)
{
    if (enc == ISS_ENC_UTF8)
        return (long)k;
    if (enc == ISS_ENC_UTF16)
        return k == 4 ? 2 : 1;
    return 1;
}

size_t iss_line_start(const char *text, size_t len, long line, size_t *end)
{
    size_t i = 0;
    long l = 0;
    while (l < line && i < len) {
        if (text[i] == '\n') {
            l++;
        } else if (text[i] == '\r') {
            l++;
            if (i + 1 < len && text[i + 1] == '\n')
                i++;
        }
        i++;
    }
    if (l < line)
        i = len;
    size_t e = i;
    while (e < len && text[e] != '\n' && text[e] != '\r')
        e++;
    if (end)
        *end = e;
    return i;
}

size_t iss_pos_to_byte(const char *text, size_t len, iss_pos_enc enc, long line, long character)
{
    size_t end;
    size_t i = iss_line_start(text, len, line < 0 ? 0 : line, &end);
    for (long c = 0; i < end && c < character;) {
        size_t k = seq_len((const unsigned char *)text + i, end - i);
        c += units(k, enc);
        if (c > character) /* inside a surrogate pair or a sequence: its start */
            break;
        i += k;
    }
    return i;
}

long iss_byte_to_char(const char *text, size_t line_start, size_t off, iss_pos_enc enc)
{
    long c = 0;
    for (size_t i = line_start; i < off;) {
        size_t k = seq_len((const unsigned char *)text + i, off - i);
        c += units(k, enc);
        i += k;
    }
    return c;
}

size_t iss_loc_to_byte(const char *text, size_t len, iss_loc loc)
{
    if (loc.line <= 0)
        return 0;
    size_t end;
    size_t i = iss_line_start(text, len, loc.line - 1, &end);
    /* a byte-order mark is invisible to isscheck's columns */
    if (loc.line == 1 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (int c = 1; i < end && c < loc.col; c++)
        i += seq_len((const unsigned char *)text + i, end - i);
    return i;
}

iss_loc iss_byte_to_loc(const char *text, size_t len, size_t off)
{
    iss_loc l = {1, 1};
    size_t start = 0;
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'))) {
            l.line++;
            start = i + 1;
        }
    for (size_t i = start; i < off; l.col++)
        i += seq_len((const unsigned char *)text + i, off - i);
    return l;
}
