/* arena.c - bump allocation and growable buffers. */
#include "isscheck/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK = 64 * 1024 };

struct chunk {
    struct chunk *next;
    size_t size, used;
    max_align_t data[];
};

struct iss_arena {
    struct chunk *head;
    size_t total;
};

void iss_out_of_memory(void)
{
    fputs("isscheck: error: out of memory\n", stderr);
    exit(2);
}

void *iss_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        iss_out_of_memory();
    return p;
}

void *iss_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        iss_out_of_memory();
    return p;
}

void *iss_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        iss_out_of_memory();
    return q;
}

char *iss_xmemdup(const char *s, size_t n)
{
    char *p = iss_xmalloc(n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *iss_xstrdup(const char *s)
{
    return iss_xmemdup(s, strlen(s));
}

iss_arena *iss_arena_new(void)
{
    iss_arena *a = iss_xmalloc(sizeof *a);
    a->head = NULL;
    a->total = 0;
    return a;
}

void iss_arena_free(iss_arena *a)
{
    if (!a)
        return;
    struct chunk *c = a->head;
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void iss_arena_reset(iss_arena *a)
{
    if (!a || !a->head)
        return;
    struct chunk *keep = a->head, *c = keep->next;
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
    keep->next = NULL;
    keep->used = 0;
    a->head = keep;
    a->total = keep->size;
}

/* Room for size bytes at the given alignment (a power of two), not
 * zeroed: the offset, not the size, is rounded, so that strings packed at
 * alignment 1 waste nothing and structures after them are still aligned. */
static void *take(iss_arena *a, size_t size, size_t align)
{
    struct chunk *c = a->head;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at > c->size || c->size - at < size) {
        size_t cap = size > CHUNK ? size : CHUNK;
        c = iss_xmalloc(sizeof *c + cap);
        c->size = cap;
        c->used = 0;
        c->next = a->head;
        a->head = c;
        a->total += cap;
        at = 0;
    }
    c->used = at + size;
    return (char *)c->data + at;
}

void *iss_arena_alloc(iss_arena *a, size_t size)
{
    void *p = take(a, size ? size : 1, sizeof(max_align_t));
    memset(p, 0, size);
    return p;
}

void *iss_arena_alloc_raw(iss_arena *a, size_t size)
{
    return take(a, size ? size : 1, sizeof(max_align_t));
}

/* a string needs no alignment: packed, and not zeroed before its copy */
char *iss_arena_strndup(iss_arena *a, const char *s, size_t n)
{
    char *p = take(a, n + 1, 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *iss_arena_strdup(iss_arena *a, const char *s)
{
    return s ? iss_arena_strndup(a, s, strlen(s)) : NULL;
}

/* One vsnprintf into a buffer on the stack, copied into the arena; a
 * second pass only for a text longer than that buffer (the evaluator
 * formats a few short strings per rule and file: counts, dates, names). */
char *iss_arena_printf(iss_arena *a, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return iss_arena_strdup(a, "");
    if ((size_t)n < sizeof small)
        return iss_arena_strndup(a, small, (size_t)n);
    char *p = take(a, (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t iss_arena_used(const iss_arena *a)
{
    return a ? a->total : 0;
}

void iss_buf_add(iss_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->s = iss_xrealloc(b->s, cap);
        b->cap = cap;
    }
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void iss_buf_puts(iss_buf *b, const char *s)
{
    iss_buf_add(b, s, strlen(s));
}

/* One vsnprintf into the room left, a second only when the text did not fit
 * (reporters call this for nearly every line they write). */
void iss_buf_printf(iss_buf *b, const char *fmt, ...)
{
    if (b->cap - b->len < 128) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->len < 128)
            cap *= 2;
        b->s = iss_xrealloc(b->s, cap);
        b->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n <= 0) {
        b->s[b->len] = '\0';
        return;
    }
    if ((size_t)n >= b->cap - b->len) {
        size_t cap = b->cap;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        b->s = iss_xrealloc(b->s, cap);
        b->cap = cap;
        va_start(ap, fmt);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

void iss_buf_free(iss_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}
