/* features.c - what the language server answers from a document's text:
 * hover, completion, go to definition, find references (the code actions,
 * which edit the text rather than read it, are actions.c's).
 *
 * The text is read with a tolerant scan (not the YAML parser), because
 * an editor's buffer is often half-written: block mappings by their
 * indentation, flow mappings and sequences by their brackets, on one line
 * or several.  The scan names, for every scalar, the key it is the value
 * of and the keys of the mappings around it (lists passed through), which
 * is what the schema, the catalogue and the ids need.  Rule hovers come
 * from the newest check (server.c). */
#include "server.h"

#include "isscheck/criteria.h"

#include <stdlib.h>
#include <string.h>

/* ---- the scan -------------------------------------------------------- */

typedef struct {
    size_t off, len;
} span;

enum { MAX_NEST = 64 };

typedef struct {
    size_t col;
    span key;
} blk_entry;

typedef struct {
    char type;
    span owner, key;
    bool after_colon;
} flw_entry;

typedef struct scan scan;
/* is_key: the scalar is a key; owner: the key whose value (or list item)
 * it is, or an empty span */
typedef void (*scan_fn)(scan *sc, span v, span owner, bool is_key);

struct scan {
    const char *t;
    size_t len; /* the text is read up to here */
    blk_entry blk[MAX_NEST];
    size_t nblk;
    flw_entry flw[MAX_NEST];
    size_t nflw;
    /* the line being read in block context: its key (len 0: none) */
    size_t line_col;
    span line_key;
    bool line_colon; /* the line's key has its ':' */
    scan_fn fn;
    void *ctx;
};

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

static bool span_is(const scan *sc, span s, const char *w)
{
    size_t n = strlen(w);
    return s.len == n && memcmp(sc->t + s.off, w, n) == 0;
}

/* A scalar starting at i: quoted (its content, quotes excluded, *next
 * after the closing quote) or plain (up to a ':' before a space, a
 * comment, or in flow context a flow indicator). */
static span read_scalar(const scan *sc, size_t i, size_t eol, bool flow, size_t *next)
{
    const char *t = sc->t;
    if (t[i] == '"' || t[i] == '\'') {
        char q = t[i];
        size_t e = i + 1;
        while (e < eol && t[e] != q)
            e += t[e] == '\\' && q == '"' && e + 1 < eol ? 2 : 1;
        *next = e < eol ? e + 1 : eol;
        return (span){i + 1, (e < eol ? e : eol) - i - 1};
    }
    size_t e = i;
    while (e < eol) {
        char c = t[e];
        if (c == ':' && (e + 1 >= eol || is_space(t[e + 1]) || (flow && strchr(",]}", t[e + 1]))))
            break;
        if (c == '#' && e > i && is_space(t[e - 1]))
            break;
        if (flow && strchr(",[]{}", c))
            break;
        e++;
    }
    size_t v = e;
    while (v > i && is_space(t[v - 1]))
        v--;
    *next = e;
    return (span){i, v - i};
}

static span empty_span(void)
{
    return (span){0, 0};
}

/* Reads flow content from i to the end of the line; returns where it
 * stopped (the line's end). */
static void scan_flow(scan *sc, size_t i, size_t eol)
{
    const char *t = sc->t;
    while (i < eol && sc->nflw) {
        char c = t[i];
        if (is_space(c)) {
            i++;
            continue;
        }
        if (c == '#' && (i == 0 || is_space(t[i - 1])))
            return;
        flw_entry *top = &sc->flw[sc->nflw - 1];
        if (c == '{' || c == '[') {
            span owner =
                top->type == '{' ? (top->after_colon ? top->key : empty_span()) : top->owner;
            if (sc->nflw < MAX_NEST)
                sc->flw[sc->nflw++] = (flw_entry){
                    .type = c, .owner = owner, .key = empty_span(), .after_colon = false};
            i++;
            continue;
        }
        if (c == '}' || c == ']') {
            sc->nflw--;
            i++;
            continue;
        }
        if (c == ',') {
            top->after_colon = false;
            top->key = empty_span();
            i++;
            continue;
        }
        if (c == ':') {
            top->after_colon = true;
            i++;
            continue;
        }
        size_t next;
        span v = read_scalar(sc, i, eol, true, &next);
        if (next == i) { /* a ':' that does not end a key */
            i++;
            continue;
        }
        size_t k = next;
        while (k < eol && is_space(t[k]))
            k++;
        bool key = top->type == '{' && !top->after_colon && k < eol && t[k] == ':';
        if (key) {
            top->key = v;
            if (sc->fn)
                sc->fn(sc, v, empty_span(), true);
        } else if (sc->fn) {
            sc->fn(sc, v, top->type == '{' ? top->key : top->owner, false);
        }
        i = next;
    }
}

static void scan_line(scan *sc, size_t i, size_t eol)
{
    const char *t = sc->t;
    if (sc->nflw) {
        scan_flow(sc, i, eol);
        return;
    }
    size_t j = i;
    while (j < eol && is_space(t[j]))
        j++;
    while (j < eol && t[j] == '-' && (j + 1 >= eol || is_space(t[j + 1]))) {
        j++;
        while (j < eol && is_space(t[j]))
            j++;
    }
    sc->line_key = empty_span();
    sc->line_colon = false;
    sc->line_col = j - i;
    if (j >= eol || t[j] == '#')
        return;
    while (sc->nblk && sc->blk[sc->nblk - 1].col >= j - i)
        sc->nblk--;
    span owner = sc->nblk ? sc->blk[sc->nblk - 1].key : empty_span();
    if (t[j] != '{' && t[j] != '[') {
        size_t next;
        span v = read_scalar(sc, j, eol, false, &next);
        if (next < eol && t[next] == ':') { /* a key */
            sc->line_key = v;
            sc->line_colon = true;
            if (sc->fn)
                sc->fn(sc, v, empty_span(), true);
            if (sc->nblk < MAX_NEST)
                sc->blk[sc->nblk++] = (blk_entry){j - i, v};
            owner = v;
            j = next + 1;
            while (j < eol && is_space(t[j]))
                j++;
            if (j >= eol || t[j] == '#')
                return;
        } else {
            sc->line_key = v; /* a key being written, or a list item */
            if (sc->fn && v.len)
                sc->fn(sc, v, owner, false);
            return;
        }
        if (t[j] != '{' && t[j] != '[') {
            v = read_scalar(sc, j, eol, false, &next);
            if (sc->fn && v.len && t[j] != '|' && t[j] != '>')
                sc->fn(sc, v, owner, false);
            return;
        }
    }
    /* a flow collection: its owner is the line's key, or none for a list item */
    sc->flw[sc->nflw++] = (flw_entry){.type = t[j],
                                      .owner = sc->line_colon ? owner : empty_span(),
                                      .key = empty_span(),
                                      .after_colon = false};
    if (!sc->line_colon && t[j] == '[')
        sc->flw[0].owner = owner;
    scan_flow(sc, j + 1, eol);
}

static void scan_run(scan *sc)
{
    size_t i = 0;
    while (i <= sc->len) {
        size_t eol = i;
        while (eol < sc->len && sc->t[eol] != '\n' && sc->t[eol] != '\r')
            eol++;
        scan_line(sc, i, eol);
        if (eol >= sc->len)
            break;
        i = eol + (sc->t[eol] == '\r' && eol + 1 < sc->len && sc->t[eol + 1] == '\n' ? 2 : 1);
    }
}

/* The keys around the scan's position: the block keys, then the flow
 * collections' owners. */
static size_t scan_path(const scan *sc, char **out, size_t max, size_t block_upto)
{
    size_t n = 0;
    for (size_t i = 0; i < sc->nblk && n < max; i++) {
        if (sc->blk[i].col >= block_upto)
            break;
        out[n++] = iss_xmemdup(sc->t + sc->blk[i].key.off, sc->blk[i].key.len);
    }
    for (size_t i = 0; i < sc->nflw && n < max; i++)
        if (sc->flw[i].owner.len &&
            !(i == 0 && n &&
              strncmp(out[n - 1], sc->t + sc->flw[i].owner.off, sc->flw[i].owner.len) == 0 &&
              out[n - 1][sc->flw[i].owner.len] == '\0'))
            out[n++] = iss_xmemdup(sc->t + sc->flw[i].owner.off, sc->flw[i].owner.len);
    return n;
}

static void path_free(char **p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(p[i]);
}

/* What is at offset off: a key (being) written in the mapping at path, or
 * a value of the key named owner. */
typedef struct {
    char *path[MAX_NEST];
    size_t npath;
    bool key_pos;
    char *owner;       /* value position: the key (NULL: none known) */
    size_t tok0, tok1; /* the word at the position */
} context;

static size_t word_start(const char *t, size_t off)
{
    size_t s = off;
    while (s > 0 && !strchr(" \t\r\n,[]{}:\"'", t[s - 1]))
        s--;
    return s;
}

static context context_at(const char *t, size_t len, size_t off)
{
    context cx;
    memset(&cx, 0, sizeof cx);
    cx.tok0 = word_start(t, off);
    cx.tok1 = off;
    while (cx.tok1 < len && !strchr(" \t\r\n,[]{}:#\"'", t[cx.tok1]))
        cx.tok1++;
    scan sc;
    memset(&sc, 0, sizeof sc);
    sc.t = t;
    sc.len = cx.tok0; /* the text before the word */
    scan_run(&sc);
    if (sc.nflw) {
        flw_entry *top = &sc.flw[sc.nflw - 1];
        cx.npath = scan_path(&sc, cx.path, MAX_NEST, (size_t)-1);
        if (top->type == '{' && !top->after_colon) {
            cx.key_pos = true;
        } else {
            span o = top->type == '{' ? top->key : top->owner;
            cx.owner = o.len ? iss_xmemdup(t + o.off, o.len) : NULL;
        }
        return cx;
    }
    /* block context: the line up to the word */
    if (sc.line_colon) {
        cx.npath = scan_path(&sc, cx.path, MAX_NEST, (size_t)-1);
        if (cx.npath) {
            cx.owner = cx.path[--cx.npath];
        }
        return cx;
    }
    size_t ls = cx.tok0;
    while (ls > 0 && t[ls - 1] != '\n' && t[ls - 1] != '\r')
        ls--;
    size_t col = cx.tok0 - ls;
    cx.npath = scan_path(&sc, cx.path, MAX_NEST, col);
    cx.key_pos = true;
    /* "- x" in a list of scalars: also a value of the list's key */
    bool dash = false;
    for (size_t i = ls; i < cx.tok0; i++)
        dash |= t[i] == '-';
    if (dash && cx.npath)
        cx.owner = iss_xstrdup(cx.path[cx.npath - 1]);
    return cx;
}

static void context_free(context *cx)
{
    path_free(cx->path, cx->npath);
    free(cx->owner);
}

static bool path_ends(const context *cx, const char *key)
{
    return cx->npath && strcmp(cx->path[cx->npath - 1], key) == 0;
}

/* ---- ids: persons and engagements ------------------------------------ */

typedef enum { ID_NONE, ID_PERSON, ID_ENGAGEMENT } id_kind;

typedef struct {
    span v;
    id_kind kind;
} id_def;

typedef struct {
    id_def *defs;
    size_t n, cap;
    /* the scalar at the cursor */
    size_t at;
    span hit;
    bool hit_found;
    /* references: scalars equal to this */
    const char *want;
    size_t wantn;
    span *refs;
    size_t nrefs, rcap;
} ids;

/* What an "id" key at the scan's position defines. */
static id_kind id_kind_here(const scan *sc)
{
    /* the innermost keys: persons[].id, engagements[].id, prior_engagements[].id */
    const char *t = sc->t;
    span last = empty_span();
    for (size_t i = 0; i < sc->nblk; i++)
        if (sc->blk[i].col < sc->line_col || sc->nflw)
            last = sc->blk[i].key;
    for (size_t i = 0; i < sc->nflw; i++)
        if (sc->flw[i].owner.len)
            last = sc->flw[i].owner;
    (void)t;
    if (span_is(sc, last, "persons") && sc->nblk && sc->blk[0].col == 0 &&
        span_is(sc, sc->blk[0].key, "persons"))
        return ID_PERSON;
    if (span_is(sc, last, "engagements") || span_is(sc, last, "prior_engagements"))
        return ID_ENGAGEMENT;
    return ID_NONE;
}

static void ids_fn(scan *sc, span v, span owner, bool is_key)
{
    ids *I = sc->ctx;
    if (!is_key && span_is(sc, owner, "id")) {
        id_kind k = id_kind_here(sc);
        if (k != ID_NONE) {
            if (I->n == I->cap) {
                I->cap = I->cap ? 2 * I->cap : 32;
                I->defs = iss_xrealloc(I->defs, I->cap * sizeof *I->defs);
            }
            I->defs[I->n++] = (id_def){v, k};
        }
    }
    if (!is_key && I->at >= v.off && I->at <= v.off + v.len && !I->hit_found) {
        I->hit = v;
        I->hit_found = true;
    }
    if (!is_key && I->want && v.len == I->wantn && memcmp(sc->t + v.off, I->want, v.len) == 0) {
        if (I->nrefs == I->rcap) {
            I->rcap = I->rcap ? 2 * I->rcap : 32;
            I->refs = iss_xrealloc(I->refs, I->rcap * sizeof *I->refs);
        }
        I->refs[I->nrefs++] = v;
    }
}

static void ids_scan(const char *t, size_t len, ids *I)
{
    scan sc;
    memset(&sc, 0, sizeof sc);
    sc.t = t;
    sc.len = len;
    sc.fn = ids_fn;
    sc.ctx = I;
    scan_run(&sc);
}

static void ids_free(ids *I)
{
    free(I->defs);
    free(I->refs);
}

static const id_def *ids_find(const char *t, const ids *I, span v)
{
    for (size_t i = 0; i < I->n; i++)
        if (I->defs[i].v.len == v.len && memcmp(t + I->defs[i].v.off, t + v.off, v.len) == 0)
            return &I->defs[i];
    return NULL;
}

static json_t *location(iss_lsp *s, const iss_lsp_doc *d, span v)
{
    return json_pack("{s:s, s:o}", "uri", d->uri, "range",
                     iss_lsp_range(s, d->text, d->len, v.off, v.off + v.len));
}

json_t *iss_lsp_definition(iss_lsp *s, iss_lsp_doc *d, size_t off, bool references,
                           bool include_declaration)
{
    ids I;
    memset(&I, 0, sizeof I);
    I.at = off;
    I.at = off;
    ids_scan(d->text, d->len, &I);
    const id_def *def = I.hit_found ? ids_find(d->text, &I, I.hit) : NULL;
    if (!def) {
        ids_free(&I);
        return references ? json_array() : json_null();
    }
    if (!references) {
        json_t *r = location(s, d, def->v);
        ids_free(&I);
        return r;
    }
    span dv = def->v;
    ids R;
    memset(&R, 0, sizeof R);
    R.at = (size_t)-1;
    R.want = d->text + dv.off;
    R.wantn = dv.len;
    ids_scan(d->text, d->len, &R);
    json_t *a = json_array();
    for (size_t i = 0; i < R.nrefs; i++)
        if (include_declaration || R.refs[i].off != dv.off)
            json_array_append_new(a, location(s, d, R.refs[i]));
    ids_free(&I);
    ids_free(&R);
    return a;
}

/* ---- hover ----------------------------------------------------------- */

static iss_entry_type entry_type_of(const context *cx, bool *ok)
{
    *ok = true;
    if (cx->owner && strcmp(cx->owner, "name") == 0) {
        if (path_ends(cx, "qualifications"))
            return ISS_ENTRY_QUALIFICATION;
        if (path_ends(cx, "trainings"))
            return ISS_ENTRY_TRAINING;
        if (path_ends(cx, "standards"))
            return ISS_ENTRY_STANDARD;
        if (path_ends(cx, "result_handling"))
            return ISS_ENTRY_RESULT_HANDLING;
        if (path_ends(cx, "compliance"))
            return ISS_ENTRY_COMPLIANCE;
        if (path_ends(cx, "education"))
            return ISS_ENTRY_EDUCATION;
    }
    if (cx->owner && strcmp(cx->owner, "community") == 0)
        return ISS_ENTRY_COMMUNITY;
    *ok = false;
    return ISS_ENTRY_QUALIFICATION;
}

static json_t *markdown(iss_lsp *s, iss_lsp_doc *d, const char *md, size_t b0, size_t b1)
{
    return json_pack("{s:{s:s, s:s}, s:o}", "contents", "kind", "markdown", "value", md, "range",
                     iss_lsp_range(s, d->text, d->len, b0, b1));
}

static void entry_markdown(iss_buf *b, const iss_entry *e)
{
    static const char *const types[] = {"qualification",   "community",  "training", "standard",
                                        "result_handling", "compliance", "education"};
    iss_buf_printf(b, "**%s** (%s, %s)\n\n", e->name, types[e->type], e->id);
    for (size_t i = 0; i < e->lists.n; i++)
        iss_buf_printf(b, "%s%s", i ? ", " : "例示: ", e->lists.v[i].s);
    if (e->lists.n)
        iss_buf_puts(b, "\n\n");
    if (e->note)
        iss_buf_printf(b, "%s\n\n", e->note);
    iss_buf_printf(b, "provenance: %s", e->provenance ? e->provenance : "unverified");
    if (e->owner)
        iss_buf_printf(b, " (%s %s)", e->owner->title, e->owner->edition);
    iss_buf_puts(b, "\n");
}

/* A rule's place: the newest check's results that rest at off, or NULL. */
static json_t *rule_hover(iss_lsp *s, iss_lsp_doc *d, size_t off)
{
    const char *t = d->text;
    iss_loc here = iss_byte_to_loc(t, d->len, off);
    iss_buf md = {0};
    size_t r0 = off, r1 = off;
    pthread_mutex_lock(&s->mu);
    for (size_t i = 0; i < d->nmarks; i++) {
        iss_loc at = d->marks[i].loc;
        if (at.line != here.line)
            continue;
        size_t b0 = iss_loc_to_byte(t, d->len, at);
        size_t b1 = iss_lsp_token_end(t, d->len, b0);
        if (off < b0 || off > b1)
            continue;
        if (md.len)
            iss_buf_puts(&md, "\n---\n\n");
        iss_buf_puts(&md, d->marks[i].hover);
        r0 = b0;
        r1 = b1;
    }
    pthread_mutex_unlock(&s->mu);
    json_t *h = md.len ? markdown(s, d, md.s, r0, r1) : NULL;
    iss_buf_free(&md);
    return h;
}

/* A value the catalogue knows (a qualification's name…): its entry. */
static json_t *entry_hover(iss_lsp *s, iss_lsp_doc *d, const context *cx)
{
    const char *t = d->text;
    bool ok;
    iss_entry_type type = entry_type_of(cx, &ok);
    /* the whole scalar: names hold spaces */
    size_t v0 = cx->tok0, v1 = cx->tok1;
    while (v0 > 0 && !strchr("\r\n,[{:\"'", t[v0 - 1]))
        v0--;
    while (v0 < v1 && is_space(t[v0]))
        v0++;
    v1 = v0;
    while (v1 < d->len && !strchr("\r\n,]}", t[v1]) &&
           !(t[v1] == '#' && v1 > v0 && is_space(t[v1 - 1])))
        v1++;
    while (v1 > v0 && is_space(t[v1 - 1]))
        v1--;
    if (!ok || v1 <= v0)
        return NULL;
    json_t *h = NULL;
    char *name = iss_xmemdup(t + v0, v1 - v0);
    const iss_entry *e = iss_catalogue_match(s->cfg->ed->deflt, type, name);
    if (e) {
        iss_buf md = {0};
        entry_markdown(&md, e);
        h = markdown(s, d, md.s, v0, v1);
        iss_buf_free(&md);
    }
    free(name);
    return h;
}

json_t *iss_lsp_hover(iss_lsp *s, iss_lsp_doc *d, size_t off)
{
    const char *t = d->text;
    json_t *h = rule_hover(s, d, off);
    if (h)
        return h;
    context cx = context_at(t, d->len, off);
    bool is_key = cx.key_pos;
    if (!is_key) { /* a key followed by ':' is read as a value before it */
        size_t k = cx.tok1;
        while (k < d->len && is_space(t[k]))
            k++;
        if (k < d->len && t[k] == ':') {
            is_key = true;
            if (cx.owner && cx.npath < MAX_NEST) {
                cx.path[cx.npath++] = cx.owner;
                cx.owner = NULL;
            }
        }
    }
    if (cx.tok1 > cx.tok0 && is_key && cx.npath < MAX_NEST) {
        /* a key: its description in the schema */
        cx.path[cx.npath++] = iss_xmemdup(t + cx.tok0, cx.tok1 - cx.tok0);
        const char *desc = iss_schema_description((const char *const *)cx.path, cx.npath);
        if (desc) {
            iss_buf md = {0};
            iss_buf_printf(&md, "**%s**\n\n%s\n", cx.path[cx.npath - 1], desc);
            h = markdown(s, d, md.s, cx.tok0, cx.tok1);
            iss_buf_free(&md);
        }
    } else if (!is_key && s->cfg) {
        h = entry_hover(s, d, &cx);
    }
    context_free(&cx);
    return h;
}

/* ---- completion ------------------------------------------------------ */

enum { KIND_VALUE = 12, KIND_PROPERTY = 10, KIND_REFERENCE = 18, KIND_ENUM = 20 };

static void item(json_t *items, const char *label, int kind, const char *detail, const char *doc)
{
    json_t *it = json_pack("{s:s, s:i}", "label", label, "kind", kind);
    if (detail)
        json_object_set_new(it, "detail", json_string(detail));
    if (doc)
        json_object_set_new(it, "documentation", json_string(doc));
    json_array_append_new(items, it);
}

static bool is_person_key(const char *k)
{
    static const char *const keys[] = {"staff",   "by",     "persons", "quality_manager",
                                       "auditor", "covers", NULL};
    return iss_lookup(keys, k) >= 0;
}

/* In a waivers file: rule ids, the providers of the declarations open,
 * the file's keys. */
static void waivers_completion(iss_lsp *s, const context *cx, json_t *items)
{
    const iss_editions *ed = s->cfg ? s->cfg->ed : NULL;
    if (cx->owner && strcmp(cx->owner, "rule") == 0 && ed) {
        for (size_t i = 0; i < ed->nsets; i++)
            for (size_t k = 0; k < ed->sets[i]->nrules; k++) {
                const iss_rule *r = &ed->sets[i]->rules[k];
                item(items, r->id, KIND_VALUE, r->title_ja, r->summary);
            }
    } else if (cx->owner && strcmp(cx->owner, "provider") == 0) {
        pthread_mutex_lock(&s->mu);
        for (iss_lsp_doc *o = s->docs; o; o = o->next)
            if (o->provider)
                item(items, o->provider, KIND_VALUE, o->uri, NULL);
        pthread_mutex_unlock(&s->mu);
    } else if (cx->key_pos) {
        static const char *const top[] = {"isscheck", "waivers", "judgements", NULL};
        static const char *const entry[] = {"rule",       "provider",   "reason",
                                            "decided_by", "decided_on", "expires",
                                            "sha256",     "verdict",    NULL};
        for (const char *const *k = cx->npath == 0 ? top : entry; *k; k++)
            item(items, *k, KIND_PROPERTY, NULL, NULL);
    }
}

/* The values the criteria know for the key being written: catalogue
 * entries, engagement kinds, categories, contract kinds. */
static void criteria_completion(const iss_editions *ed, const context *cx, json_t *items)
{
    const char *owner = cx->owner;
    bool cat_ok;
    iss_entry_type type = entry_type_of(cx, &cat_ok);
    if (owner && cat_ok && ed) {
        const iss_criteria *c = ed->deflt;
        for (size_t i = 0; i < c->nentries; i++)
            if (c->entries[i].type == type)
                item(items, c->entries[i].name, KIND_VALUE, c->entries[i].id,
                     c->entries[i].provenance);
    }
    if (owner && ed && strcmp(owner, "kind") == 0) {
        const iss_criteria *c = ed->deflt;
        for (size_t i = 0; i < c->ncategories; i++)
            for (size_t k = 0; k < c->categories[i].nkinds; k++)
                item(items, c->categories[i].kinds[k].code, KIND_ENUM, c->categories[i].code,
                     c->categories[i].kinds[k].ja);
    }
    if (owner && ed && (strcmp(owner, "category") == 0 || strcmp(owner, "subject") == 0)) {
        const iss_criteria *c = ed->deflt;
        for (size_t i = 0; i < c->ncategories; i++)
            item(items, c->categories[i].code, KIND_ENUM, c->categories[i].name_ja,
                 c->categories[i].name_en);
    }
    if (owner && strcmp(owner, "contract") == 0) {
        /* every contract kind but NONE, by its enumerator */
        static const char *const contracts[ISS_CONTRACT_NONE][2] = {
            [ISS_CONTRACT_SINGLE] = {"single", "単発"},
            [ISS_CONTRACT_COMPREHENSIVE] = {"comprehensive", "包括的な契約"},
            [ISS_CONTRACT_CONTINUING] = {"continuing", "継続的な契約"}};
        for (size_t i = 0; i < ISS_CONTRACT_NONE; i++)
            item(items, contracts[i][0], KIND_ENUM, contracts[i][1], NULL);
    }
}

json_t *iss_lsp_completion(iss_lsp *s, iss_lsp_doc *d, size_t off)
{
    const char *t = d->text;
    json_t *items = json_array();
    context cx = context_at(t, d->len, off);
    if (iss_classify(t, d->len) == ISS_KIND_WAIVERS) {
        waivers_completion(s, &cx, items);
        context_free(&cx);
        return items;
    }
    if (cx.key_pos) {
        const char *keys[128];
        bool req[128];
        size_t n = iss_schema_keys((const char *const *)cx.path, cx.npath, keys, req, 128);
        for (size_t i = 0; i < n; i++) {
            if (cx.npath < MAX_NEST)
                cx.path[cx.npath] = (char *)keys[i];
            const char *desc = iss_schema_description((const char *const *)cx.path, cx.npath + 1);
            item(items, keys[i], KIND_PROPERTY, req[i] ? "required" : NULL, desc);
        }
    }
    const char *owner = cx.owner;
    if (owner && is_person_key(owner) && !(cx.npath == 0 && strcmp(owner, "persons") == 0)) {
        ids I;
        memset(&I, 0, sizeof I);
        I.at = (size_t)-1;
        ids_scan(t, d->len, &I);
        for (size_t i = 0; i < I.n; i++)
            if (I.defs[i].kind == ID_PERSON) {
                char *id = iss_xmemdup(t + I.defs[i].v.off, I.defs[i].v.len);
                item(items, id, KIND_REFERENCE, "person", NULL);
                free(id);
            }
        ids_free(&I);
    }
    criteria_completion(s->cfg ? s->cfg->ed : NULL, &cx, items);
    context_free(&cx);
    return items;
}
