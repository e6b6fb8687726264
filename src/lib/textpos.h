/* textpos.h - an input's bytes as an editor sees them: where a byte is
 * (line and column), which encoding a file that is not UTF-8 is in, and the
 * characters libyaml would take for line breaks although an editor does not.
 *
 * Lines are counted as editors count them: LF, CR LF and a lone CR end a
 * line; U+0085, U+2028 and U+2029 do not (YAML 1.2 agrees: they are
 * ordinary characters).  Columns count characters (code points), 1-based,
 * as every isscheck position does.
 */
#ifndef ISS_LIB_TEXTPOS_H
#define ISS_LIB_TEXTPOS_H

#include "isscheck/base.h"

#include <stdbool.h>
#include <stddef.h>

/* The line and column of byte off of s (len bytes).  The bytes before off
 * are taken as UTF-8: each byte that is not a continuation byte starts a
 * character.  off == len is the position just after the last byte. */
iss_loc iss_text_loc(const char *s, size_t len, size_t off);

/* "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when s is in that
 * encoding, else NULL.  A byte-order mark decides (*bom set true);
 * without one, the NUL bytes that ASCII characters bring in those
 * encodings do (*bom false): UTF-32 when the top byte of every 4-byte unit
 * of the first 4 KiB is zero, the next one zero in at least half of them
 * and never above 0x10, UTF-16 when at least a quarter of
 * the 2-byte units have a zero byte on the same side and more than four
 * times as many as on the other side.  A UTF-8 file never has NUL bytes
 * (they are control characters), so none is mistaken for one. */
const char *iss_text_wide_encoding(const char *s, size_t len, bool *bom);

/* U+0085 (NEL), U+2028 (LS) and U+2029 (PS) end a line for libyaml (YAML
 * 1.1) but for no editor: in a comment, libyaml would end the comment and
 * parse the rest of the line as YAML; in a value it would fold the line.
 * iss_unbreak_copy returns a malloc'd copy of s in which each of them is
 * replaced by a placeholder, a character of the same length in bytes that
 * occurs nowhere in s, neither written nor as a \x, \u or \U escape, so
 * libyaml reads them as ordinary characters and its marks stay an
 * editor's; iss_unbreak_restore puts them back into a scalar's bytes.
 * Returns NULL (and u->on false) when s has none of them, or when no
 * placeholder is free (a file would have to hold every candidate: then
 * libyaml reads them its way). */
typedef struct {
    bool on;
    unsigned char orig[3][3], ph[3][3]; /* NEL, LS, PS and their placeholders */
} iss_unbreak;
char *iss_unbreak_copy(const char *s, size_t len, iss_unbreak *u);
void iss_unbreak_restore(const iss_unbreak *u, char *s, size_t len);

#endif
