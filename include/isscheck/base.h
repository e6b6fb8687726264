/* base.h - arena, diagnostics and strings shared by every part of libisscheck.
 *
 * Ownership: iss_x_new returns an object the caller frees with iss_x_free;
 * iss_x_free(NULL) does nothing; no function takes ownership of its
 * arguments.  Everything a loaded model points to lives in the model's arena
 * and is freed with it, at once.
 */
#ifndef ISSCHECK_BASE_H
#define ISSCHECK_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A bump allocator: many small allocations, one free. */
typedef struct iss_arena iss_arena;
iss_arena *iss_arena_new(void);
void iss_arena_free(iss_arena *a);
void *iss_arena_alloc(iss_arena *a, size_t size); /* zeroed; never NULL */
/* The same, not zeroed: for memory the caller writes whole at once (the
 * reader's nodes), where zeroing first only doubles the stores. */
void *iss_arena_alloc_raw(iss_arena *a, size_t size);
/* Forgets every allocation but keeps the newest chunk for the next ones, so
 * scratch memory reused file after file is not fetched afresh each time. */
void iss_arena_reset(iss_arena *a);
char *iss_arena_strndup(iss_arena *a, const char *s, size_t n);
char *iss_arena_strdup(iss_arena *a, const char *s);
char *iss_arena_printf(iss_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t iss_arena_used(const iss_arena *a);

/* Out of memory: one policy for the whole library.
 *
 * Memory running out is not an error a caller can act on: a checker that
 * carried on would report on a model it could not build.  So allocation
 * cannot fail: iss_x* and the arena print "isscheck: error: out of
 * memory" and exit with status 2 (the exit status of any input or usage
 * error, isscheck(1)), through iss_out_of_memory, which is also what code
 * calls when another library's allocation (PCRE2, Jansson, stdio) reports
 * exhaustion.  It follows that:
 *   - a function that only allocates never returns NULL, and its callers
 *     do not test for it (iss_arena_new, iss_lsp_new);
 *   - NULL from a constructor means the input was wrong, and it comes with
 *     diagnostics (iss_decl_load: "returns NULL after adding located
 *     diagnostics"); every such NULL is tested;
 *   - nothing in the library calls malloc, calloc, realloc or strdup
 *     directly, so no unchecked NULL is left to dereference. */
_Noreturn void iss_out_of_memory(void);
void *iss_xmalloc(size_t n);
/* n * size bytes, zeroed; the product's overflow is exhaustion too. */
void *iss_xcalloc(size_t n, size_t size);
void *iss_xrealloc(void *p, size_t n);
/* A heap copy of s (n bytes and a terminating NUL for iss_xmemdup). */
char *iss_xstrdup(const char *s);
char *iss_xmemdup(const char *s, size_t n);

/* A growable byte buffer (heap, not arena). */
typedef struct {
    char *s;
    size_t len, cap;
} iss_buf;
void iss_buf_add(iss_buf *b, const char *s, size_t n);
void iss_buf_puts(iss_buf *b, const char *s);
void iss_buf_printf(iss_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void iss_buf_free(iss_buf *b);

/* A position in an input file; line and col are 1-based, 0 when unknown. */
typedef struct {
    int line, col;
} iss_loc;

/* The language of what is printed for people: reports and diagnostics.
 * Chosen by parameter, never by locale or global state. */
typedef enum { ISS_LANG_JA, ISS_LANG_EN } iss_lang;

/* Diagnostics: records, printed as FILE:LINE:COL: error: MESSAGE.  Each
 * record owns copies of its file name and message: it outlives the model
 * (and arena) whose loading produced it; iss_diags_free frees them.
 *
 * Messages are written in English at the call site; the English format
 * string is also the key of its Japanese translation (diag_ja.def, a table
 * with the same conversions in the same order).  Each record is formatted
 * in both languages when it is added, from the same arguments, which stay
 * as they are (key names, file names, values).  A format without a
 * translation is recorded in English in both. */
typedef enum { ISS_SEV_ERROR, ISS_SEV_WARNING } iss_severity;
typedef struct {
    iss_severity sev;
    const char *file;
    iss_loc loc;
    /* >= 0 for encoding errors, which have loc too when the line is known
     * (FILE:LINE:COL:), else FILE: byte N: */
    long byte;
    char *msg;    /* English */
    char *msg_ja; /* Japanese */
    /* msg and msg_ja with the person ids they quote as ***, or NULL
     * (iss_diag_mask) */
    char *masked, *masked_ja;
} iss_diag;
typedef struct {
    iss_diag *v;
    size_t n, cap;
    size_t errors;
} iss_diags;
void iss_diag_add(iss_diags *d, iss_severity sev, const char *file, iss_loc loc, const char *fmt,
                  ...) __attribute__((format(printf, 5, 6)));
void iss_diag_addv(iss_diags *d, iss_severity sev, const char *file, iss_loc loc, const char *fmt,
                   va_list ap) __attribute__((format(printf, 5, 0)));
void iss_diag_add_byte(iss_diags *d, const char *file, long byte, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* An encoding error at byte offset byte, which is at loc (iss_text_loc). */
void iss_diag_add_byte_at(iss_diags *d, const char *file, iss_loc loc, long byte, const char *fmt,
                          ...) __attribute__((format(printf, 5, 6)));
/* Records that the newest diagnostic of d quotes secret (a person id)
 * where it stands as a whole token; iss_diags_redact masks it. */
void iss_diag_mask(iss_diags *d, const char *secret);
/* Replaces every message that quotes a person id by its masked copy, for
 * --redact: a declaration that did not load has no persons list to give
 * pseudonyms from. */
void iss_diags_redact(iss_diags *d);
/* A message already written in each language, for one whose arguments are
 * words that are translated too ("a mapping", what was being read). */
void iss_diag_add_texts(iss_diags *d, iss_severity sev, const char *file, iss_loc loc,
                        const char *en, const char *ja);
/* The translation of an English format string or phrase into lang: en
 * itself for English or when the table has none. */
const char *iss_diag_text(const char *en, iss_lang lang);
/* A record's message in lang. */
const char *iss_diag_msg(const iss_diag *x, iss_lang lang);
/* FILE:LINE:COL: error: MESSAGE (no newline), fallback naming a record
 * without a file; the file name and the message are escaped as
 * iss_text_str (escape.h) escapes text, so the line is one line.  The words error and warning stay
 * English in every language, for the editors and CI annotators that parse them. */
void iss_diag_line(iss_buf *out, const iss_diag *x, const char *fallback, iss_lang lang);
void iss_diags_print(FILE *f, const iss_diags *d, iss_lang lang);
/* Drops the records from the n-th on (a loader that tries again). */
void iss_diags_truncate(iss_diags *d, size_t n);
void iss_diags_free(iss_diags *d);

#endif
