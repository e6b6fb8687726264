/* fields.c - typed access to nodes, with located errors. */
#include "fields.h"
#include "isscheck/escape.h"

#include <stdlib.h>
#include <string.h>

void iss_error(iss_ctx *c, iss_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    iss_diag_addv(c->diags, ISS_SEV_ERROR, c->file, loc, fmt, ap);
    va_end(ap);
}

/* The errors below fill their blanks with words that are translated too
 * (what was being read, a type): each language is written with its own
 * format, so the compiler checks both, and recorded as a pair. */
static void error_texts(iss_ctx *c, iss_loc loc, iss_buf *en, iss_buf *ja)
{
    iss_diag_add_texts(c->diags, ISS_SEV_ERROR, c->file, loc, en->s ? en->s : "",
                       ja->s ? ja->s : "");
    iss_buf_free(en);
    iss_buf_free(ja);
}

static const char *ja_word(const char *en)
{
    return iss_diag_text(en, ISS_LANG_JA);
}

/* What is being read, as the subject of a Japanese sentence: a description
 * ("a person") in Japanese, a key name quoted as the English quotes it,
 * with a space before the particle that follows. */
static void subject_ja(iss_buf *b, const char *what)
{
    const char *ja = ja_word(what);
    if (ja != what)
        iss_buf_puts(b, ja);
    else
        iss_buf_printf(b, "'%s' ", what);
}

static const char *type_name(const iss_node *n)
{
    if (!n)
        return "nothing";
    switch (n->type) {
    case ISS_NODE_MAP:
        return "a mapping";
    case ISS_NODE_SEQ:
        return "a list";
    default:
        return "a scalar";
    }
}

/* WHAT must be a mapping / a list, not TYPE */
static void wrong_type(iss_ctx *c, const iss_node *n, const char *what, const char *want)
{
    iss_buf en = {0}, ja = {0};
    iss_buf_printf(&en, "%s must be %s, not %s", what, want, type_name(n));
    subject_ja(&ja, what);
    iss_buf_printf(&ja, "は%sでなければならないが、%sである", ja_word(want), ja_word(type_name(n)));
    error_texts(c, n ? n->loc : (iss_loc){0, 0}, &en, &ja);
}

/* s as code points (an invalid byte counts as one), in *cp; their number. */
static size_t code_points(const char *s, uint32_t **cp)
{
    size_t len = strlen(s), n = 0;
    *cp = iss_xmalloc((len + 1) * sizeof **cp);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t k = iss_utf8_char(p, &(*cp)[n]);
        if (!k) {
            (*cp)[n] = *p;
            k = 1;
        }
        n++;
        p += k;
    }
    return n;
}

size_t iss_edit_distance(const char *a, const char *b, size_t *alen)
{
    /* longer names are never near: the table is their product, and a
     * declaration's keys and names are the input's to make long */
    size_t la = strlen(a), lb = strlen(b);
    if (la > ISS_EDIT_DISTANCE_BYTES || lb > ISS_EDIT_DISTANCE_BYTES) {
        if (alen)
            *alen = la;
        return ISS_EDIT_DISTANCE_FAR;
    }
    uint32_t *x, *y;
    size_t n = code_points(a, &x), m = code_points(b, &y);
    size_t *row = iss_xmalloc((m + 1) * sizeof *row);
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = diag + (x[i - 1] != y[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[m];
    free(row);
    free(x);
    free(y);
    if (alen)
        *alen = n;
    return d;
}

const char *iss_nearest(const char *const *list, const char *s)
{
    const char *best = NULL;
    size_t bestd = 99;
    for (size_t j = 0; list[j]; j++) {
        size_t dd = iss_edit_distance(s, list[j], NULL);
        if (dd < bestd) {
            bestd = dd;
            best = list[j];
        }
    }
    size_t len = strlen(s);
    return best && bestd <= (len < 6 ? 1 : len / 3 + 1) ? best : NULL;
}

bool iss_expect_map(iss_ctx *c, const iss_node *n, const char *what, const char *const *keys)
{
    if (!n || n->type != ISS_NODE_MAP) {
        wrong_type(c, n, what, "a mapping");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < n->n; i++) {
        const iss_node *k = n->kids[2 * i];
        iss_buf en = {0}, ja = {0};
        if (strlen(k->str) != k->len) {
            iss_buf_printf(&en, "NUL byte in a key of %s", what);
            subject_ja(&ja, what);
            iss_buf_puts(&ja, "のキーに NUL バイトがある");
            error_texts(c, k->loc, &en, &ja);
            ok = false;
            continue;
        }
        if (iss_lookup(keys, k->str) >= 0)
            continue;
        const char *best = iss_nearest(keys, k->str);
        subject_ja(&ja, what);
        if (best) {
            iss_buf_printf(&en, "unknown key '%s' in %s; did you mean '%s'?", k->str, what, best);
            iss_buf_printf(&ja, "に未知のキー '%s' がある。'%s' のことか", k->str, best);
        } else {
            iss_buf known = {0};
            for (size_t j = 0; keys[j]; j++)
                iss_buf_printf(&known, "%s%s", j ? ", " : "", keys[j]);
            iss_buf_printf(&en, "unknown key '%s' in %s; expected one of %s", k->str, what,
                           known.s ? known.s : "(none)");
            iss_buf_printf(&ja, "に未知のキー '%s' がある。使えるキー: %s", k->str,
                           known.s ? known.s : "（なし）");
            iss_buf_free(&known);
        }
        error_texts(c, k->loc, &en, &ja);
        ok = false;
    }
    return ok;
}

bool iss_expect_seq(iss_ctx *c, const iss_node *n, const char *what)
{
    if (!n || n->type != ISS_NODE_SEQ) {
        wrong_type(c, n, what, "a list");
        return false;
    }
    return true;
}

bool iss_node_str(iss_ctx *c, const iss_node *n, const char *what, iss_str *out)
{
    if (n->type != ISS_NODE_SCALAR) {
        iss_buf en = {0}, ja = {0};
        iss_buf_printf(&en, "'%s' must be a string, not %s", what, type_name(n));
        subject_ja(&ja, what);
        iss_buf_printf(&ja, "は文字列でなければならないが、%sである", ja_word(type_name(n)));
        error_texts(c, n->loc, &en, &ja);
        return false;
    }
    if (strlen(n->str) != n->len) {
        iss_error(c, n->loc, "NUL byte in '%s'", what);
        return false;
    }
    out->s = n->str;
    out->loc = n->loc;
    return true;
}

static const iss_node *field(iss_ctx *c, const iss_node *map, const char *key, bool required)
{
    const iss_node *v = iss_map_get(map, key);
    if (iss_node_is_null(v)) {
        if (required)
            iss_error(c, v ? v->loc : map->loc, "missing required key '%s'", key);
        return NULL;
    }
    return v;
}

bool iss_get_str(iss_ctx *c, const iss_node *map, const char *key, bool required, iss_str *out)
{
    const iss_node *v = field(c, map, key, required);
    if (!v)
        return !required;
    return iss_node_str(c, v, key, out);
}

bool iss_get_date(iss_ctx *c, const iss_node *map, const char *key, bool required, iss_day *out,
                  iss_loc *loc)
{
    const iss_node *v = field(c, map, key, required);
    if (!v)
        return !required;
    if (v->type != ISS_NODE_SCALAR) {
        iss_buf en = {0}, ja = {0};
        iss_buf_printf(&en, "'%s' must be a date (YYYY-MM-DD), not %s", key, type_name(v));
        iss_buf_printf(&ja, "'%s' は日付（YYYY-MM-DD）でなければならないが、%sである", key,
                       ja_word(type_name(v)));
        error_texts(c, v->loc, &en, &ja);
        return false;
    }
    if (!iss_date_parse(v->str, v->len, out)) {
        int y, m, dd;
        char tail;
        if (iss_date_out_of_range(v->str, v->len))
            iss_error(c, v->loc,
                      "'%s': %s is outside the dates isscheck handles, 0001-01-01 to 9999-12-31",
                      key, v->str);
        else if (v->len == 10 && sscanf(v->str, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) == 3)
            iss_error(c, v->loc, "'%s': %s is not a date in the calendar", key, v->str);
        else
            iss_error(c, v->loc,
                      "'%s': expected a date written YYYY-MM-DD with ASCII digits "
                      "(e.g. 2026-04-01), not '%s'",
                      key, strlen(v->str) == v->len ? v->str : "(binary)");
        return false;
    }
    if (loc)
        *loc = v->loc;
    return true;
}

bool iss_get_bool(iss_ctx *c, const iss_node *map, const char *key, bool *out)
{
    const iss_node *v = field(c, map, key, false);
    if (!v)
        return true;
    if (v->type == ISS_NODE_SCALAR && v->plain &&
        (iss_scalar_is(v, "true") || iss_scalar_is(v, "false"))) {
        *out = iss_scalar_is(v, "true");
        return true;
    }
    iss_error(c, v->loc, "'%s' must be true or false", key);
    return false;
}

bool iss_get_int(iss_ctx *c, const iss_node *map, const char *key, bool required, long min,
                 long max, long *out)
{
    const iss_node *v = field(c, map, key, required);
    if (!v)
        return !required;
    bool digits = v->type == ISS_NODE_SCALAR && v->plain && v->len > 0 && v->len <= 9;
    for (size_t i = 0; digits && i < v->len; i++)
        digits = v->str[i] >= '0' && v->str[i] <= '9';
    long n = digits ? strtol(v->str, NULL, 10) : -1;
    if (!digits || n < min || n > max) {
        iss_error(c, v->loc, "'%s' must be a whole number from %ld to %ld", key, min, max);
        return false;
    }
    *out = n;
    return true;
}

bool iss_get_strs(iss_ctx *c, const iss_node *map, const char *key, bool required, iss_strs *out)
{
    const iss_node *v = field(c, map, key, required);
    if (!v)
        return !required;
    out->loc = v->loc;
    if (v->type == ISS_NODE_SCALAR) {
        out->v = iss_arena_alloc(c->arena, sizeof *out->v);
        out->n = 1;
        return iss_node_str(c, v, key, &out->v[0]);
    }
    if (!iss_expect_seq(c, v, key))
        return false;
    out->v = iss_arena_alloc(c->arena, (v->n ? v->n : 1) * sizeof *out->v);
    out->n = v->n;
    bool ok = true;
    for (size_t i = 0; i < v->n; i++)
        ok &= iss_node_str(c, v->kids[i], key, &out->v[i]);
    return ok;
}

int iss_lookup(const char *const *list, const char *s)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return i;
    return -1;
}

bool iss_strs_has(const iss_strs *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].s, s) == 0)
            return true;
    return false;
}

void iss_strs_join(iss_buf *out, const iss_strs *l, const char *sep)
{
    for (size_t i = 0; i < l->n; i++)
        iss_buf_printf(out, "%s%s", i ? sep : "", l->v[i].s);
}
