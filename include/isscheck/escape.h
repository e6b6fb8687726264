/* escape.h - the escaping layer the reporters share: UTF-8 decoding, JSON
 * strings and HTML text.  (XML and Markdown escaping stay with their
 * reporter; they build on iss_utf8_char.) */
#ifndef ISSCHECK_ESCAPE_H
#define ISSCHECK_ESCAPE_H

#include "isscheck/eval.h"

#include <stdint.h>

/* The length (1-4) of the well-formed UTF-8 sequence at p, a NUL-terminated
 * string, and its code point in *cp (when cp is not NULL); 0 when it is not
 * one (overlong forms and surrogates included). */
size_t iss_utf8_char(const unsigned char *p, uint32_t *cp);

/* s as a JSON string, quotes included: escapes, and U+FFFD for bytes that
 * are not UTF-8, so the document stays valid whatever a file name holds. */
void iss_json_str(iss_buf *out, const char *s);
/* s as HTML text, safe both between tags and inside a quoted attribute
 * value: & < > " ' as character references; tab and line feed kept; other
 * control characters (C0, DEL, C1) dropped; bytes that are not UTF-8 and
 * Unicode noncharacters become U+FFFD, so the page has no parse error
 * whatever a declaration or a file name holds.  NULL is the empty string. */
void iss_html_str(iss_buf *out, const char *s);
/* The character reference HTML and XML (and Markdown, which passes HTML
 * through) give a markup character: & < > " as &amp; &lt; &gt; &quot;;
 * NULL for any other byte. */
const char *iss_markup_ref(unsigned c);
/* Text for a person (the text report, Markdown, the summary CSV, standard
 * error) shows some characters escaped, visibly, so that a value can
 * neither start a line, move the cursor nor reorder what follows: C0
 * controls and DEL as \t \n \r or \xHH, C1 controls (U+0080..U+009F),
 * U+2028, U+2029 and the bidirectional formatting characters (U+061C,
 * U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) as \uHHHH, and each byte
 * that is not UTF-8 as \xHH.  A backslash stays as it is.
 * iss_text_unsafe: how many bytes the character at p spans when it is one
 * of those (0 for any other, and for the NUL that ends a string);
 * iss_text_escape_char appends the escape of that character. */
size_t iss_text_unsafe(const unsigned char *p);
void iss_text_escape_char(iss_buf *out, const unsigned char *p);
/* s with every such character escaped; NULL is the empty string. */
void iss_text_str(iss_buf *out, const char *s);
/* s so, but its line feeds kept: for a text the tool composed of many
 * values, whose own lines end in line feeds (explain, list, --version). */
void iss_text_lines(iss_buf *out, const char *s);
/* The message fmt formats, escaped as iss_text_str escapes a value (the
 * tool's own formats hold no control character, so only what the
 * arguments brought is escaped). */
void iss_text_vprintf(iss_buf *out, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* ,"k": (no comma when first); k is a key of the report's own, plain
 * ASCII with no quote, backslash or control character */
void iss_json_key(iss_buf *out, const char *k, bool first);
/* A JSON number (what "%lld" writes, without printf: reports write many). */
void iss_json_int(iss_buf *out, long long v);
/* "YYYY-MM-DD" */
void iss_json_date(iss_buf *out, iss_day d);
/* The criteria set as one object: document, title, edition, date, issuer,
 * status, digest (the JSON and SARIF reports both carry it). */
/* The editions a (composite) criteria is made of, as an array of criteria objects. */
void iss_json_editions(iss_buf *out, const iss_criteria *c);
void iss_json_criteria(iss_buf *out, const iss_criteria *c);
/* A rule's citation: title, edition, date, clause. */
void iss_json_citation(iss_buf *out, const iss_criteria *c, const iss_rule *rule);

/* A file's verdict counts: {"pass":N,"review":N,"fail":N,"n/a":N,
 * "waived":N,"judged":N} (the JSON and SARIF reports both carry them). */
void iss_json_counts(iss_buf *out, const size_t *counts, size_t judged);

/* The waiver or judgement a result's verdict rests on, as one object (kind,
 * file, line, reason, decided_by, decided_on, expires, declaration_sha256),
 * or null; the JSON and SARIF reports both carry it. */
void iss_json_waiver(iss_buf *out, const iss_waiver *w);

#endif
