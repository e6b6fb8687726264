/* diag.c - diagnostic records, their two languages and their one printed
 * shape. */
#include "isscheck/base.h"
#include "isscheck/escape.h"

#include <stdlib.h>
#include <string.h>

/* English format -> Japanese, sorted by the English (strcmp order; the
 * unit test test_diag checks the order and the conversions of each pair). */
typedef struct {
    const char *en, *ja;
} pair;
static const pair ja_table[] = {
#define ISS_DIAG_JA(en, ja) {en, ja},
#include "isscheck/diag_ja.def"
#undef ISS_DIAG_JA
};

static int by_en(const void *key, const void *entry)
{
    return strcmp(key, ((const pair *)entry)->en);
}

const char *iss_diag_text(const char *en, iss_lang lang)
{
    if (lang == ISS_LANG_EN || !en)
        return en;
    const pair *hit =
        bsearch(en, ja_table, sizeof ja_table / sizeof ja_table[0], sizeof ja_table[0], by_en);
    return hit ? hit->ja : en;
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

static char *dup(const char *s)
{
    return strcpy(iss_xmalloc(strlen(s) + 1), s);
}

/* A new record; it owns a copy of file, which outlives the loader's arena. */
static iss_diag *push(iss_diags *d, iss_severity sev, const char *file)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->v = iss_xrealloc(d->v, d->cap * sizeof *d->v);
    }
    iss_diag *x = &d->v[d->n++];
    memset(x, 0, sizeof *x);
    x->sev = sev;
    x->byte = -1;
    x->file = file ? dup(file) : NULL;
    if (sev == ISS_SEV_ERROR)
        d->errors++;
    return x;
}

/* Both languages from the same arguments: the translation has the same
 * conversions in the same order as fmt. */
static void vboth(iss_diag *x, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static void vboth(iss_diag *x, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    x->msg = vformat(fmt, cp);
    va_end(cp);
    const char *ja = iss_diag_text(fmt, ISS_LANG_JA);
    x->msg_ja = ja == fmt ? dup(x->msg) : vformat(ja, ap);
}

void iss_diag_addv(iss_diags *d, iss_severity sev, const char *file, iss_loc loc, const char *fmt,
                   va_list ap)
{
    iss_diag *x = push(d, sev, file);
    x->loc = loc;
    vboth(x, fmt, ap);
}

void iss_diag_add(iss_diags *d, iss_severity sev, const char *file, iss_loc loc, const char *fmt,
                  ...)
{
    va_list ap;
    va_start(ap, fmt);
    iss_diag_addv(d, sev, file, loc, fmt, ap);
    va_end(ap);
}

void iss_diag_add_byte(iss_diags *d, const char *file, long byte, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    iss_diag *x = push(d, ISS_SEV_ERROR, file);
    x->byte = byte;
    vboth(x, fmt, ap);
    va_end(ap);
}

void iss_diag_add_byte_at(iss_diags *d, const char *file, iss_loc loc, long byte, const char *fmt,
                          ...)
{
    va_list ap;
    va_start(ap, fmt);
    iss_diag *x = push(d, ISS_SEV_ERROR, file);
    x->loc = loc;
    x->byte = byte;
    vboth(x, fmt, ap);
    va_end(ap);
}

static bool word(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* msg with every whole-token secret (n bytes) as ***, malloc'd */
static char *mask(const char *msg, const char *secret, size_t n)
{
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
    return b.s;
}

void iss_diag_mask(iss_diags *d, const char *secret)
{
    size_t n = secret ? strlen(secret) : 0;
    if (!d->n || !n)
        return;
    iss_diag *x = &d->v[d->n - 1];
    char *m = mask(x->masked ? x->masked : x->msg, secret, n);
    free(x->masked);
    x->masked = m;
    if (x->msg_ja) {
        m = mask(x->masked_ja ? x->masked_ja : x->msg_ja, secret, n);
        free(x->masked_ja);
        x->masked_ja = m;
    }
}

void iss_diags_redact(iss_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].masked) {
            free(d->v[i].msg);
            d->v[i].msg = d->v[i].masked;
            d->v[i].masked = NULL;
            if (d->v[i].masked_ja) {
                free(d->v[i].msg_ja);
                d->v[i].msg_ja = d->v[i].masked_ja;
                d->v[i].masked_ja = NULL;
            }
        }
}

void iss_diag_add_texts(iss_diags *d, iss_severity sev, const char *file, iss_loc loc,
                        const char *en, const char *ja)
{
    iss_diag *x = push(d, sev, file);
    x->loc = loc;
    x->msg = dup(en);
    x->msg_ja = dup(ja ? ja : en);
}

const char *iss_diag_msg(const iss_diag *x, iss_lang lang)
{
    const char *m = lang == ISS_LANG_JA && x->msg_ja ? x->msg_ja : x->msg;
    return m ? m : "";
}

void iss_diag_line(iss_buf *out, const iss_diag *x, const char *fallback, iss_lang lang)
{
    const char *sev = x->sev == ISS_SEV_ERROR ? "error" : "warning";
    const char *file = x->file ? x->file : fallback ? fallback : "";
    /* the file name and the values the message quotes escaped: the line
     * stays one line, and nothing in it moves a terminal's cursor */
    iss_text_str(out, file);
    if (x->loc.line > 0) /* an encoding error's byte offset is in JSON and SARIF too */
        iss_buf_printf(out, ":%d:%d: %s: ", x->loc.line, x->loc.col, sev);
    else if (x->byte >= 0)
        iss_buf_printf(out, ": byte %ld: %s: ", x->byte, sev);
    else
        iss_buf_printf(out, ": %s: ", sev);
    iss_text_str(out, iss_diag_msg(x, lang));
}

void iss_diags_print(FILE *f, const iss_diags *d, iss_lang lang)
{
    iss_buf line = {0};
    for (size_t i = 0; i < d->n; i++) {
        line.len = 0;
        iss_diag_line(&line, &d->v[i], "isscheck", lang);
        iss_buf_add(&line, "\n", 1);
        fwrite(line.s, 1, line.len, f);
    }
    iss_buf_free(&line);
}

void iss_diags_truncate(iss_diags *d, size_t n)
{
    while (d->n > n) {
        iss_diag *x = &d->v[--d->n];
        d->errors -= x->sev == ISS_SEV_ERROR;
        free(x->msg);
        free(x->masked);
        free(x->msg_ja);
        free(x->masked_ja);
        free((char *)x->file);
    }
}

void iss_diags_free(iss_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].msg);
        free(d->v[i].masked);
        free(d->v[i].msg_ja);
        free(d->v[i].masked_ja);
        free((char *)d->v[i].file);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}
