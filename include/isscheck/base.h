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
/* Forgets every allocation but keeps the newest chunk for the next ones, so
 * scratch memory reused file after file is not fetched afresh each time. */
void iss_arena_reset(iss_arena *a);
char *iss_arena_strndup(iss_arena *a, const char *s, size_t n);
char *iss_arena_strdup(iss_arena *a, const char *s);
char *iss_arena_printf(iss_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
size_t iss_arena_used(const iss_arena *a);

/* Allocation that cannot fail: exits with status 2 on exhaustion. */
void *iss_xmalloc(size_t n);
void *iss_xrealloc(void *p, size_t n);

/* A growable byte buffer (heap, not arena). */
typedef struct {
    char *s;
    size_t len, cap;
} iss_buf;
void iss_buf_add(iss_buf *b, const char *s, size_t n);
void iss_buf_puts(iss_buf *b, const char *s);
void iss_buf_printf(iss_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void iss_buf_free(iss_buf *b);

/* A position in an input file; line and col are 1-based, 0 when unknown. */
typedef struct {
    int line, col;
} iss_loc;

/* Diagnostics: records, printed as FILE:LINE:COL: error: MESSAGE.  Each
 * record owns copies of its file name and message: it outlives the model
 * (and arena) whose loading produced it; iss_diags_free frees them. */
typedef enum { ISS_SEV_ERROR, ISS_SEV_WARNING } iss_severity;
typedef struct {
    iss_severity sev;
    const char *file;
    iss_loc loc;
    long byte; /* >= 0 for encoding errors: FILE: byte N: error: */
    char *msg;
    char *masked; /* msg with the person ids it quotes as ***, or NULL (iss_diag_mask) */
} iss_diag;
typedef struct {
    iss_diag *v;
    size_t n, cap;
    size_t errors;
} iss_diags;
void iss_diag_add(iss_diags *d, iss_severity sev, const char *file, iss_loc loc,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void iss_diag_add_byte(iss_diags *d, const char *file, long byte, const char *fmt,
                       ...) __attribute__((format(printf, 4, 5)));
/* Records that the newest diagnostic of d quotes secret (a person id)
 * where it stands as a whole token; iss_diags_redact masks it. */
void iss_diag_mask(iss_diags *d, const char *secret);
/* Replaces every message that quotes a person id by its masked copy, for
 * --redact: a declaration that did not load has no persons list to give
 * pseudonyms from. */
void iss_diags_redact(iss_diags *d);
void iss_diags_print(FILE *f, const iss_diags *d);
void iss_diags_free(iss_diags *d);

#endif
