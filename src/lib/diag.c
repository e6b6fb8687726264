/* diag.c - diagnostic records and their one printed shape. */
#include "isscheck/base.h"

#include <stdlib.h>
#include <string.h>

static char *vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static char *vformat(const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        n = 0;
    char *s = iss_xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

/* A new record; it owns a copy of file, which outlives the loader's arena. */
static iss_diag *push(iss_diags *d, iss_severity sev, const char *file, const char *fmt,
                      va_list ap) __attribute__((format(printf, 4, 0)));
static iss_diag *push(iss_diags *d, iss_severity sev, const char *file, const char *fmt,
                      va_list ap)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->v = iss_xrealloc(d->v, d->cap * sizeof *d->v);
    }
    iss_diag *x = &d->v[d->n++];
    memset(x, 0, sizeof *x);
    x->sev = sev;
    x->byte = -1;
    x->file = file ? strcpy(iss_xmalloc(strlen(file) + 1), file) : NULL;
    x->msg = vformat(fmt, ap);
    if (sev == ISS_SEV_ERROR)
        d->errors++;
    return x;
}

void iss_diag_add(iss_diags *d, iss_severity sev, const char *file, iss_loc loc,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    push(d, sev, file, fmt, ap)->loc = loc;
    va_end(ap);
}

void iss_diag_add_byte(iss_diags *d, const char *file, long byte, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    push(d, ISS_SEV_ERROR, file, fmt, ap)->byte = byte;
    va_end(ap);
}

void iss_diags_print(FILE *f, const iss_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const iss_diag *x = &d->v[i];
        const char *sev = x->sev == ISS_SEV_ERROR ? "error" : "warning";
        const char *file = x->file ? x->file : "isscheck";
        if (x->byte >= 0)
            fprintf(f, "%s: byte %ld: %s: %s\n", file, x->byte, sev, x->msg);
        else if (x->loc.line > 0)
            fprintf(f, "%s:%d:%d: %s: %s\n", file, x->loc.line, x->loc.col, sev, x->msg);
        else
            fprintf(f, "%s: %s: %s\n", file, sev, x->msg);
    }
}

void iss_diags_free(iss_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].msg);
        free((char *)d->v[i].file);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}
