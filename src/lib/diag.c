/* diag.c - diagnostic records and their one printed shape. */
#include "isscheck/base.h"

#include <stdlib.h>
#include <string.h>

static iss_diag *push(iss_diags *d)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->v = iss_xrealloc(d->v, d->cap * sizeof *d->v);
    }
    iss_diag *x = &d->v[d->n++];
    memset(x, 0, sizeof *x);
    x->byte = -1;
    return x;
}

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

void iss_diag_add(iss_diags *d, iss_severity sev, const char *file, iss_loc loc,
                  const char *fmt, ...)
{
    iss_diag *x = push(d);
    x->sev = sev;
    x->file = file ? strcpy(iss_xmalloc(strlen(file) + 1), file) : NULL; /* outlives the loader's arena */
    x->loc = loc;
    va_list ap;
    va_start(ap, fmt);
    x->msg = vformat(fmt, ap);
    va_end(ap);
    if (sev == ISS_SEV_ERROR)
        d->errors++;
}

void iss_diag_add_byte(iss_diags *d, const char *file, long byte, const char *fmt, ...)
{
    iss_diag *x = push(d);
    x->sev = ISS_SEV_ERROR;
    x->file = file ? strcpy(iss_xmalloc(strlen(file) + 1), file) : NULL; /* outlives the loader's arena */
    x->byte = byte;
    va_list ap;
    va_start(ap, fmt);
    x->msg = vformat(fmt, ap);
    va_end(ap);
    d->errors++;
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
