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

static bool word(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

void iss_diag_mask(iss_diags *d, const char *secret)
{
    size_t n = secret ? strlen(secret) : 0;
    if (!d->n || !n)
        return;
    iss_diag *x = &d->v[d->n - 1];
    const char *msg = x->masked ? x->masked : x->msg;
    iss_buf b = {0};
    iss_buf_add(&b, "", 0);
    for (const char *s = msg; *s;) {
        if (strncmp(s, secret, n) == 0 && !(s > msg && word(s[-1]) && word(s[0])) &&
            !(word(s[n - 1]) && word(s[n]))) {
            iss_buf_puts(&b, "***");
            s += n;
        } else {
            iss_buf_add(&b, s++, 1);
        }
    }
    free(x->masked);
    x->masked = b.s;
}

void iss_diags_redact(iss_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].masked) {
            free(d->v[i].msg);
            d->v[i].msg = d->v[i].masked;
            d->v[i].masked = NULL;
        }
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
        free(d->v[i].masked);
        free((char *)d->v[i].file);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}
