/* classify.c - which YAML files are declarations (the rule is stated in
 * classify.h and isscheck-declaration(5)).  A line scan over bytes, not
 * the YAML parser: it has to see through syntax errors, so it looks only
 * at the top-level keys and, for services, whether its value is a list. */
#include "isscheck/classify.h"

#include "isscheck/base.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { SEEN_ISSCHECK = 1, SEEN_WAIVERS = 2, SEEN_DECL = 4, SEEN_SERVICES = 8 };

/* What a top-level key says about the file (0: nothing). */
static unsigned key_flag(const char *k, size_t n)
{
    static const struct {
        const char *name;
        unsigned flag;
    } keys[] = {
        {"provider", SEEN_DECL},       {"persons", SEEN_DECL},
        {"engagements", SEEN_DECL},    {"registrations", SEEN_DECL},
        {"reference_date", SEEN_DECL}, {"customer_info_protection", SEEN_DECL},
        {"services", SEEN_SERVICES},   {"waivers", SEEN_WAIVERS},
        {"judgements", SEEN_WAIVERS},  {"isscheck", SEEN_ISSCHECK},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strlen(keys[i].name) == n && memcmp(keys[i].name, k, n) == 0)
            return keys[i].flag;
    return 0;
}

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static bool key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The end of the line that p is on (its '\n', or end). */
static const char *eol(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? nl : end;
}

/* The closing quote of the quoted scalar opening at p ('' and \" escape),
 * or NULL when it does not close before end. */
static const char *close_quote(const char *p, const char *end)
{
    char q = *p;
    for (p++; p < end; p++) {
        bool escape =
            (q == '"' && *p == '\\') || (q == '\'' && *p == '\'' && p + 1 < end && p[1] == '\'');
        if (escape)
            p++; /* \x in double quotes, '' in single quotes */
        else if (*p == q)
            return p;
    }
    return NULL;
}

/* Whether the value that starts at v, just after "key:", is a list: a
 * flow sequence on the same line, or, when nothing but a comment follows
 * there, a block sequence on the next line that holds something. */
static bool value_is_list(const char *v, const char *end)
{
    const char *e = eol(v, end);
    while (v < e && blank(*v))
        v++;
    if (v < e && *v != '#')
        return *v == '[';
    while (e < end) {
        const char *p = e + 1;
        e = eol(p, end);
        while (p < e && blank(*p))
            p++;
        if (p == e || *p == '#')
            continue;
        return *p == '-' && (p + 1 == e || blank(p[1]));
    }
    return false;
}

/* Whether the value that starts at v, just after "isscheck:", is a
 * number on the same line (a format version, isscheck: 1), not the
 * mapping of a CI job that happens to be called isscheck. */
static bool value_is_number(const char *v, const char *end)
{
    while (v < end && blank(*v))
        v++;
    return v < end && *v >= '0' && *v <= '9';
}

/* The flags of one key: services counted only when its value is a list,
 * isscheck only when its value is a number. */
static unsigned seen_key(const char *k, size_t n, const char *value, const char *end)
{
    unsigned f = key_flag(k, n);
    if (f == SEEN_SERVICES)
        f = value_is_list(value, end) ? SEEN_DECL : 0;
    else if (f == SEEN_ISSCHECK && !value_is_number(value, eol(value, end)))
        f = 0;
    return f;
}

/* The keys directly inside the flow mapping that opens at p and holds the
 * whole document ({isscheck: 1, provider: {...}, services: [...]}). */
static unsigned flow_keys(const char *doc, const char *end)
{
    unsigned seen = 0;
    int depth = 0;
    bool at_key = false; /* where a key of the outer mapping may start */
    for (const char *p = doc; p < end && !(seen & SEEN_DECL); p++) {
        char c = *p;
        if (c == '#' && (p == doc || blank(p[-1]) || p[-1] == '\n')) {
            p = eol(p, end); /* the loop steps past the '\n' */
            continue;
        }
        if (c == '{' || c == '[') {
            depth++;
            at_key = depth == 1 && c == '{';
            continue;
        }
        if (c == '}' || c == ']') {
            if (--depth <= 0)
                break;
            continue;
        }
        if (c == ',') {
            at_key = depth == 1;
            continue;
        }
        if (blank(c) || c == '\n')
            continue;
        const char *k = p, *last; /* the key's text, and its last byte */
        size_t n;
        if (c == '"' || c == '\'') {
            last = close_quote(p, end);
            if (!last)
                break;
            k = p + 1;
            n = (size_t)(last - k);
        } else if (key_char(c)) {
            for (last = p; last + 1 < end && key_char(last[1]);)
                last++;
            n = (size_t)(last - k) + 1;
        } else {
            at_key = false; /* some other scalar, an anchor, a tag... */
            continue;
        }
        const char *after = last + 1;
        while (after < end && (blank(*after) || *after == '\n'))
            after++;
        if (at_key && after < end && *after == ':') {
            const char *v = after + 1;
            while (v < end && (blank(*v) || *v == '\n'))
                v++;
            unsigned f = key_flag(k, n);
            if (f == SEEN_SERVICES)
                f = v < end && *v == '[' ? SEEN_DECL : 0;
            else if (f == SEEN_ISSCHECK && !value_is_number(v, end))
                f = 0;
            seen |= f;
        }
        at_key = false;
        p = last;
    }
    return seen;
}

iss_file_kind iss_classify(const char *s, size_t n)
{
    const char *p = s, *end = s + n;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    unsigned seen = 0;
    size_t indent = 0; /* of the document's top-level keys */
    bool start = true; /* before the document's first content */
    while (p < end && !(seen & SEEN_DECL)) {
        const char *e = eol(p, end), *q = p;
        while (q < e && blank(*q))
            q++;
        if (start) {
            if (q == e || *q == '#' || (q == p && *q == '%'))
                goto next; /* blank, comment, directive */
            if (q == p && e - p >= 3 && memcmp(p, "---", 3) == 0 && (e - p == 3 || blank(p[3]))) {
                for (q = p + 3; q < e && blank(*q);)
                    q++;
                if (q == e || *q == '#')
                    goto next;
            }
            start = false;
            if (*q == '{') {
                seen = flow_keys(q, end);
                break;
            }
            indent = (size_t)(q - p);
        }
        if ((size_t)(q - p) != indent || q == e)
            goto next;
        const char *k = q, *after;
        size_t kn;
        if (*q == '"' || *q == '\'') {
            const char *c = close_quote(q, e);
            if (!c)
                goto next;
            k = q + 1;
            kn = (size_t)(c - k);
            after = c + 1;
        } else {
            while (q < e && key_char(*q))
                q++;
            kn = (size_t)(q - k);
            after = q;
        }
        while (after < e && blank(*after))
            after++;
        if (kn && after < e && *after == ':' && (after + 1 == e || blank(after[1])))
            seen |= seen_key(k, kn, after + 1, end);
    next:
        if (e == end)
            break;
        p = e + 1;
    }
    if (seen & SEEN_DECL)
        return ISS_KIND_DECLARATION;
    if (seen & SEEN_WAIVERS)
        return ISS_KIND_WAIVERS;
    return seen & SEEN_ISSCHECK ? ISS_KIND_DECLARATION : ISS_KIND_OTHER;
}

enum { CLASSIFY_MAX = 16 * 1024 * 1024 };

iss_file_kind iss_classify_file(const char *path)
{
    /* O_NONBLOCK: a FIFO without a writer must not stop a folder search */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return ISS_KIND_DECLARATION;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > CLASSIFY_MAX) {
        close(fd);
        return ISS_KIND_DECLARATION;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0; /* +1: a file that grew shows it */
    char *buf = iss_xmalloc(cap);
    iss_file_kind kind = ISS_KIND_DECLARATION;
    ssize_t r = -1;
    while (len < cap && (r = read(fd, buf + len, cap - len)) > 0)
        len += (size_t)r;
    if (r == 0 || len == cap)
        kind = iss_classify(buf, len);
    free(buf);
    close(fd);
    return kind;
}
