/* strs.h - strings that remember where they were written, lists of
 * them, and the loading context that reports errors at those places:
 * the vocabulary the models (criteria.h, decl.h) are written in. */
#ifndef ISSCHECK_STRS_H
#define ISSCHECK_STRS_H

#include "isscheck/base.h"

typedef struct {
    const char *file;
    iss_arena *arena;
    iss_diags *diags;
} iss_ctx;

/* A string value and where it was written; s == NULL when absent. */
typedef struct {
    const char *s;
    iss_loc loc;
} iss_str;

typedef struct {
    iss_str *v;
    size_t n;
    iss_loc loc;
} iss_strs;

/* The entry of the NULL-terminated list nearest to s (edit distance),
 * when near enough to suggest ("did you mean ...?"); else NULL. */
const char *iss_nearest(const char *const *list, const char *s);
/* Index of s in the NULL-terminated list, or -1. */
int iss_lookup(const char *const *list, const char *s);
bool iss_strs_has(const iss_strs *l, const char *s);
/* Appends the strings of l to out, sep between two. */
void iss_strs_join(iss_buf *out, const iss_strs *l, const char *sep);

#endif
