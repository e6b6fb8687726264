/* reader.c - the only code that talks to libyaml.
 *
 * It walks libyaml's events with an explicit stack (never recursing on
 * input-shaped data), enforces the limits before memory is spent, refuses
 * what a declaration or rule file has no use for (aliases, anchors, tags,
 * complex keys, several documents) and duplicate keys, and keeps every
 * node's position.
 */
#include "node.h"
#include "sha256.h"

#include "textpos.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

const iss_limits iss_default_limits = {
    .max_bytes = 16u << 20,
    .max_depth = 64,
    .max_nodes = 1000000,
    .max_scalar = 1u << 20,
    .max_persons = 10000,
    .max_engagements = 100000,
};

const iss_limits iss_fixed_limits = {
    .max_bytes = 16u << 20,
    .max_depth = 64,
    .max_nodes = 1000000,
    .max_scalar = 1u << 20,
    .max_persons = 10000,
    .max_engagements = 100000,
    .fixed = true,
};

typedef struct {
    iss_node *node;
    iss_node **kids; /* kept from one container to the next at this depth */
    size_t n, cap;
    int stream; /* a streamed sequence: its key's index in iss_stream.keys; else -1 */
} frame;

static iss_loc mark_loc(yaml_mark_t m)
{
    iss_loc l = {(int)m.line + 1, (int)m.column + 1};
    return l;
}

static void frame_push_kid(frame *f, iss_node *kid)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 8;
        f->kids = iss_xrealloc(f->kids, f->cap * sizeof *f->kids);
    }
    f->kids[f->n++] = kid;
}

static bool key_less(const iss_node *x, const iss_node *y)
{
    if (x->len != y->len)
        return x->len < y->len;
    return memcmp(x->str, y->str, x->len) < 0;
}

static bool key_eq(const iss_node *x, const iss_node *y)
{
    return x->len == y->len && memcmp(x->str, y->str, x->len) == 0;
}

static int key_cmp(const void *a, const void *b)
{
    const iss_node *x = *(iss_node *const *)a, *y = *(iss_node *const *)b;
    if (!key_eq(x, y))
        return key_less(x, y) ? -1 : 1;
    /* equal keys: keep document order so the later one is reported */
    if (x->loc.line != y->loc.line)
        return x->loc.line < y->loc.line ? -1 : 1;
    return x->loc.col < y->loc.col ? -1 : (x->loc.col > y->loc.col);
}

static void duplicate_error(const iss_node *later, const iss_node *first, const char *name,
                            iss_diags *d)
{
    iss_diag_add(d, ISS_SEV_ERROR, name, later->loc, "duplicate key '%s' (first at line %d)",
                 later->str, first->loc.line);
}

/* Duplicate keys are found by sorting, so a hostile mapping of many keys
 * costs n log n, not n squared; a mapping of a few keys (nearly all of
 * them) is compared pair by pair, without an allocation.  Either way the
 * one reported is the second occurrence of the least duplicated key (by
 * length, then bytes), as the sort finds it. */
static bool check_duplicates(const iss_node *map, const char *name, iss_diags *d)
{
    if (map->n < 2)
        return true;
    if (map->n <= 16) {
        const iss_node *later = NULL, *first = NULL;
        for (size_t j = 1; j < map->n; j++)
            for (size_t i = 0; i < j; i++) {
                const iss_node *x = map->kids[2 * i], *y = map->kids[2 * j];
                if (key_eq(x, y)) {
                    if (!later || key_less(y, later)) {
                        later = y;
                        first = x;
                    }
                    break;
                }
            }
        if (later)
            duplicate_error(later, first, name, d);
        return !later;
    }
    iss_node **keys = iss_xmalloc(map->n * sizeof *keys);
    for (size_t i = 0; i < map->n; i++)
        keys[i] = map->kids[2 * i];
    qsort(keys, map->n, sizeof *keys, key_cmp);
    bool ok = true;
    for (size_t i = 1; i < map->n; i++) {
        if (key_eq(keys[i], keys[i - 1])) {
            duplicate_error(keys[i], keys[i - 1], name, d);
            ok = false;
            break;
        }
    }
    free(keys);
    return ok;
}

/* The size limit: its option's, or for criteria files the fixed one. */
static void size_error(iss_diags *d, const char *name, const iss_limits *lim)
{
    if (lim->fixed)
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0},
                     "file is larger than the fixed limit of %zu bytes of criteria files "
                     "(no option changes it)",
                     lim->max_bytes);
    else
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0},
                     "file is larger than the limit of %zu bytes (--max-bytes)", lim->max_bytes);
}

/* A file in UTF-16 or UTF-32: named, with the command that converts it,
 * rather than left to fail as UTF-8 on its first NUL or stray byte. */
static bool wide_encoding(const char *bytes, size_t len, const char *name, iss_diags *d)
{
    bool bom = false;
    const char *enc = iss_text_wide_encoding(bytes, len, &bom);
    if (!enc)
        return false;
    if (bom)
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0},
                     "the file is in %s (it starts with that byte-order mark), not UTF-8; "
                     "convert it with: iconv -f %s -t UTF-8",
                     enc, enc);
    else
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0},
                     "the file looks like %s without a byte-order mark (NUL bytes between its "
                     "characters), not UTF-8; convert it with: iconv -f %s -t UTF-8",
                     enc, enc);
    return true;
}

static bool invalid_utf8_problem(const char *problem)
{
    return problem && (strstr(problem, "UTF-8") || strstr(problem, "octet"));
}

/* What a person writing YAML by hand did wrong, read from libyaml's problem
 * and context strings (src/scanner.c and src/parser.c of libyaml 0.2):
 * each gets a message that says what to change, translated like every
 * diagnostic.  libyaml has no error codes, so its strings are the key; its
 * own text stays for a problem not listed (or one a later libyaml words
 * differently), so nothing is lost. */
typedef enum {
    YM_TAB,            /* a tab where libyaml wants indentation spaces */
    YM_RESERVED,       /* '@', '`', '%' or another character no token starts with */
    YM_COLON,          /* ': ' inside a value, or a key indented deeper than its siblings */
    YM_KEY,            /* a line that does not continue the block mapping above */
    YM_DASH,           /* a line that does not continue the block list above */
    YM_MISSING_COLON,  /* a key without its ':' */
    YM_UNCLOSED_QUOTE, /* a quoted value never closed */
    YM_UNCLOSED_SEQ,   /* a '[' never closed */
    YM_UNCLOSED_MAP,   /* a '{' never closed */
    YM_NO_VALUE,       /* a stray ']', '}' or ',', or a '- ' item inside [ ] */
    YM_DASH_AFTER_KEY, /* key: - item, on one line */
    YM_DUP_YAML,       /* two %YAML directives */
    YM_DUP_TAG,        /* two %TAG directives for one handle */
    YM_VERSION,        /* a %YAML version libyaml does not read */
    YM_DIRECTIVE,      /* a malformed or unknown directive (a line starting with '%') */
    YM_DOC_START,      /* content after a directive or '...' without '---' */
    YM_ESCAPE,         /* a bad backslash escape in a double-quoted value */
    YM_INDICATOR,      /* a value starting with '&', '*' or '!' */
    YM_BLOCK_HEADER,   /* text after '|' or '>' on its line */
} yaml_mistake;

/* First match wins; a NULL problem matches any problem of that context,
 * a NULL context any context.  The tab rows come before the block scalar
 * row, which would otherwise take a tab in a block scalar. */
static const struct {
    const char *problem, *context;
    yaml_mistake what;
    char indicator; /* YM_INDICATOR: the character that started it */
} mistakes[] = {
    {"found a tab character that violates indentation", NULL, YM_TAB, 0},
    {"found a tab character where an indentation space is expected", NULL, YM_TAB, 0},
    /* the tab case of this one is told apart by the character itself */
    {"found character that cannot start any token", NULL, YM_RESERVED, 0},
    {"mapping values are not allowed in this context", NULL, YM_COLON, 0},
    {"did not find expected key", NULL, YM_KEY, 0},
    {"did not find expected '-' indicator", NULL, YM_DASH, 0},
    {"could not find expected ':'", NULL, YM_MISSING_COLON, 0},
    {"found unexpected end of stream", "while scanning a quoted scalar", YM_UNCLOSED_QUOTE, 0},
    {"found unexpected document indicator", "while scanning a quoted scalar", YM_UNCLOSED_QUOTE, 0},
    {"did not find expected ',' or ']'", NULL, YM_UNCLOSED_SEQ, 0},
    {"did not find expected ',' or '}'", NULL, YM_UNCLOSED_MAP, 0},
    {"did not find expected node content", NULL, YM_NO_VALUE, 0},
    {"block sequence entries are not allowed in this context", NULL, YM_DASH_AFTER_KEY, 0},
    {"found duplicate %YAML directive", NULL, YM_DUP_YAML, 0},
    {"found duplicate %TAG directive", NULL, YM_DUP_TAG, 0},
    {"found incompatible YAML document", NULL, YM_VERSION, 0},
    {NULL, "while scanning a directive", YM_DIRECTIVE, 0},
    {NULL, "while scanning a %YAML directive", YM_DIRECTIVE, 0},
    {NULL, "while scanning a %TAG directive", YM_DIRECTIVE, 0},
    {"did not find expected <document start>", NULL, YM_DOC_START, 0},
    {"found unknown escape character", NULL, YM_ESCAPE, 0},
    {"did not find expected hexdecimal number", NULL, YM_ESCAPE, 0},
    {"found invalid Unicode character escape code", NULL, YM_ESCAPE, 0},
    {NULL, "while scanning an anchor", YM_INDICATOR, '&'},
    {NULL, "while scanning an alias", YM_INDICATOR, '*'},
    {NULL, "while scanning a tag", YM_INDICATOR, '!'},
    {"found undefined tag handle", NULL, YM_INDICATOR, '!'},
    {NULL, "while parsing a tag", YM_INDICATOR, '!'},
    {NULL, "while scanning a block scalar", YM_BLOCK_HEADER, 0},
};

static bool same(const char *x, const char *y)
{
    return !x || (y && strcmp(x, y) == 0);
}

/* The byte of s (len bytes) at a 1-based line and column (characters),
 * lines ended as libyaml ends them on this input (LF, CR LF, a lone CR);
 * len when that is past the end. */
static size_t loc_byte(const char *s, size_t len, iss_loc at)
{
    size_t i = 0;
    for (int line = 1; line < at.line && i < len;) {
        char c = s[i++];
        if (c == '\n' || (c == '\r' && (i == len || s[i] != '\n')))
            line++;
    }
    for (int col = 1; col < at.col && i < len; col++)
        do
            i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

/* The character (its UTF-8 bytes) at at, into out; false past the end. */
static bool char_at(const char *s, size_t len, iss_loc at, char out[5])
{
    size_t i = loc_byte(s, len, at), n = 1;
    if (i >= len)
        return false;
    while (n < 4 && i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80)
        n++;
    memcpy(out, s + i, n);
    out[n] = '\0';
    return true;
}

/* Reports libyaml's scanner or parser problem at loc as what the user did
 * wrong, when the table knows it; false when it does not. */
static bool yaml_mistake_error(const yaml_parser_t *p, const char *bytes, size_t len, iss_loc loc,
                               const char *name, iss_diags *d)
{
    size_t k = 0, nk = sizeof mistakes / sizeof mistakes[0];
    while (k < nk &&
           !(same(mistakes[k].problem, p->problem) && same(mistakes[k].context, p->context)))
        k++;
    if (k == nk)
        return false;
    char c[5];
    iss_loc ctx = mark_loc(p->context_mark);
    yaml_mistake what = mistakes[k].what;
    if (what == YM_RESERVED) {
        if (!char_at(bytes, len, mark_loc(p->problem_mark), c))
            return false;
        if (strcmp(c, "\t") == 0)
            what = YM_TAB;
    }
    switch (what) {
    case YM_RESERVED:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a plain value cannot start with '%s' (YAML reserves it): put the value in "
                     "quotes",
                     c);
        break;
    case YM_TAB:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a tab character: tabs cannot indent YAML; use spaces");
        break;
    case YM_COLON:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "':' is not allowed here: put a value that contains ': ' in quotes, or "
                     "indent this key like the keys above it");
        break;
    case YM_KEY:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "expected 'key: value' of the mapping that starts at line %d: indent this "
                     "line like that mapping's keys, and write nothing after a quoted value",
                     ctx.line);
        break;
    case YM_DASH:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "expected an item ('- ') of the list that starts at line %d: indent this "
                     "line like the first key of its item, or start a new item with '- '",
                     ctx.line);
        break;
    case YM_MISSING_COLON:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "missing ':' after the key at line %d, column %d (write 'key: value', a "
                     "space after the ':')",
                     ctx.line, ctx.col);
        break;
    case YM_UNCLOSED_QUOTE:
        /* the context mark is the opening quote */
        if (!char_at(bytes, len, ctx, c))
            return false;
        if (strcmp(c, "'") == 0)
            iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                         "the single-quoted value that starts at line %d, column %d is never "
                         "closed: end it with another '",
                         ctx.line, ctx.col);
        else
            iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                         "the double-quoted value that starts at line %d, column %d is never "
                         "closed: end it with another \"",
                         ctx.line, ctx.col);
        break;
    case YM_UNCLOSED_SEQ:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "the list opened by '[' at line %d, column %d is not closed: separate its "
                     "items with ',' and end it with ']'",
                     ctx.line, ctx.col);
        break;
    case YM_UNCLOSED_MAP:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "the mapping opened by '{' at line %d, column %d is not closed: separate its "
                     "entries with ',' and end it with '}'",
                     ctx.line, ctx.col);
        break;
    case YM_NO_VALUE:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a value is missing here: look for a stray ']', '}' or ',', or a '- ' item "
                     "inside [ ] or { } (write [a, b] there)");
        break;
    case YM_DASH_AFTER_KEY:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a list item ('- ') cannot start on the line of its key: start the list on "
                     "the next line, indented, or write [a, b]");
        break;
    case YM_DUP_YAML:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a second %%YAML directive: a document has at most one");
        break;
    case YM_DUP_TAG:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc, "a second %%TAG directive for the same handle");
        break;
    case YM_VERSION:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "the %%YAML directive names a version of YAML isscheck does not read: "
                     "delete the line");
        break;
    case YM_DIRECTIVE:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a line that starts with '%%' is a directive (%%YAML or %%TAG) and this one "
                     "is malformed: delete it, or put a key or value that starts with '%%' in "
                     "quotes");
        break;
    case YM_DOC_START:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "expected a '---' line here: after a %%YAML or %%TAG directive, or after "
                     "'...', a document starts with '---'");
        break;
    case YM_ESCAPE:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "invalid escape in a double-quoted value: write a backslash as '\\\\', or "
                     "put the value in single quotes");
        break;
    case YM_INDICATOR:
        c[0] = mistakes[k].indicator;
        c[1] = '\0';
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "'%s' at the start of a value is YAML syntax (anchor '&', alias '*', tag "
                     "'!'): put the value in quotes",
                     c);
        break;
    case YM_BLOCK_HEADER:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "after '|' or '>' the line may hold only an indentation digit (1-9), '+' or "
                     "'-', and a comment: write the text on the lines below, indented");
        break;
    }
    return true;
}

/* bytes, len: the parser's input, after bom bytes skipped (a byte-order
 * mark, added back to offsets).  A reader error has a byte offset only:
 * its line and column are counted from the bytes, as an editor counts. */
static void parser_error(const yaml_parser_t *p, const char *bytes, size_t len, size_t bom,
                         const char *name, iss_diags *d)
{
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->error == YAML_READER_ERROR) {
        iss_loc at = iss_text_loc(bytes, len, p->problem_offset);
        long byte = (long)(p->problem_offset + bom);
        if (invalid_utf8_problem(problem))
            iss_diag_add_byte_at(d, name, at, byte,
                                 "invalid UTF-8 (%s); is the file in Shift_JIS/CP932? "
                                 "convert it with: iconv -f CP932 -t UTF-8",
                                 problem);
        else if (strcmp(problem, "control characters are not allowed") == 0)
            iss_diag_add_byte_at(d, name, at, byte, "control character U+%04X is not allowed",
                                 (unsigned)p->problem_value);
        else
            iss_diag_add_byte_at(d, name, at, byte, "%s", problem);
        return;
    }
    iss_loc loc = mark_loc(p->problem_mark);
    /* at the end of a file without a final line break, libyaml forces one
     * and reports the next line, which the file does not have: the error
     * is where the file ends */
    iss_loc end = iss_text_loc(bytes, len, len);
    if (loc.line > end.line)
        loc = end;
    if (yaml_mistake_error(p, bytes, len, loc, name, d))
        return;
    if (p->context)
        iss_diag_add(d, ISS_SEV_ERROR, name, loc, "%s %s", problem, p->context);
    else
        iss_diag_add(d, ISS_SEV_ERROR, name, loc, "%s", problem);
}

iss_node *iss_read_yaml_in(const char *bytes, size_t len, const char *name, const iss_limits *lim,
                           iss_arena *tree, iss_arena *strings, iss_diags *d)
{
    return iss_read_yaml_stream(bytes, len, name, lim, tree, strings, NULL, d);
}

/* The index in keys of the root key k, or -1. */
static int stream_key(const iss_stream *st, const iss_node *k)
{
    for (size_t i = 0; st->keys[i]; i++)
        if (strlen(st->keys[i]) == k->len && memcmp(st->keys[i], k->str, k->len) == 0)
            return (int)i;
    return -1;
}

iss_node *iss_read_yaml_stream(const char *bytes, size_t len, const char *name,
                               const iss_limits *lim, iss_arena *tree, iss_arena *strings,
                               const iss_stream *st, iss_diags *d)
{
    if (!lim)
        lim = &iss_default_limits;
    if (len > lim->max_bytes) {
        size_error(d, name, lim);
        return NULL;
    }
    if (wide_encoding(bytes, len, name, d))
        return NULL;
    /* skip a UTF-8 byte-order mark: accepted, and invisible to positions */
    size_t bom = 0;
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bom = 3;
        bytes += 3;
        len -= 3;
    }
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0}, "cannot initialise the YAML parser");
        return NULL;
    }
    iss_unbreak ub;
    char *unbroken = iss_unbreak_copy(bytes, len, &ub);
    yaml_parser_set_input_string(&p, (const unsigned char *)(unbroken ? unbroken : bytes), len);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);

    /* frames above depth keep their kids' arrays for the next container
     * at that depth: one allocation per depth, not one per mapping */
    frame *stack = NULL;
    size_t depth = 0, used = 0, cap = 0, nodes = 0, docs = 0;
    iss_node *root = NULL;
    bool ok = true, done = false;

    while (ok && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            parser_error(&p, bytes, len, bom, name, d);
            ok = false;
            break;
        }
        iss_loc loc = mark_loc(ev.start_mark);
        iss_node *made = NULL;
        /* inside an item of a streamed sequence (the root mapping is
         * stack[0], the sequence stack[1]): its nodes are scratch */
        bool in_item = depth >= 2 && stack[1].stream >= 0;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++docs > 1) {
                iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                             "a second YAML document; a file holds exactly one");
                ok = false;
            }
            break;
        case YAML_ALIAS_EVENT:
            iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                         "alias '*%s' not allowed; write the value out",
                         (char *)ev.data.alias.anchor);
            ok = false;
            break;
        case YAML_SCALAR_EVENT:
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            const yaml_char_t *anchor = ev.type == YAML_SCALAR_EVENT ? ev.data.scalar.anchor
                                        : ev.type == YAML_SEQUENCE_START_EVENT
                                            ? ev.data.sequence_start.anchor
                                            : ev.data.mapping_start.anchor;
            const yaml_char_t *tag = ev.type == YAML_SCALAR_EVENT ? ev.data.scalar.tag
                                     : ev.type == YAML_SEQUENCE_START_EVENT
                                         ? ev.data.sequence_start.tag
                                         : ev.data.mapping_start.tag;
            if (anchor) {
                iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                             "anchor '&%s' not allowed; anchors and aliases are not supported",
                             (const char *)anchor);
                ok = false;
                break;
            }
            if (tag) {
                iss_diag_add(d, ISS_SEV_ERROR, name, loc, "tag '%s' not allowed",
                             (const char *)tag);
                ok = false;
                break;
            }
            if (++nodes > lim->max_nodes) {
                if (lim->fixed)
                    iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                                 "more than %zu nodes (a fixed limit of criteria files)",
                                 lim->max_nodes);
                else
                    iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                                 "more than %zu nodes (limit --max-nodes)", lim->max_nodes);
                ok = false;
                break;
            }
            bool is_key = false;
            if (depth > 0) {
                frame *top = &stack[depth - 1];
                is_key = top->node->type == ISS_NODE_MAP && top->n % 2 == 0;
                if (is_key && ev.type != YAML_SCALAR_EVENT) {
                    iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                                 "a mapping key must be a plain string");
                    ok = false;
                    break;
                }
            }
            /* every field is written below: no zeroing */
            made = iss_arena_alloc_raw(in_item ? st->items : tree, sizeof *made);
            made->loc = loc;
            made->kids = NULL;
            made->n = 0;
            if (ev.type == YAML_SCALAR_EVENT) {
                size_t n = ev.data.scalar.length;
                if (n > lim->max_scalar) {
                    if (lim->fixed)
                        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                                     "scalar of %zu bytes exceeds the fixed limit of %zu of "
                                     "criteria files",
                                     n, lim->max_scalar);
                    else
                        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                                     "scalar of %zu bytes exceeds the limit of %zu (--max-scalar)",
                                     n, lim->max_scalar);
                    ok = false;
                    break;
                }
                made->type = ISS_NODE_SCALAR;
                /* a key inside a streamed item goes with the item: the
                 * model keeps values, never the keys of its mappings */
                char *str = iss_arena_strndup(in_item && is_key ? st->items : strings,
                                              (const char *)ev.data.scalar.value, n);
                iss_unbreak_restore(&ub, str, n);
                made->str = str;
                made->len = n;
                made->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            } else {
                made->type = ev.type == YAML_SEQUENCE_START_EVENT ? ISS_NODE_SEQ : ISS_NODE_MAP;
                made->str = NULL;
                made->len = 0;
                made->plain = false;
                if (depth >= lim->max_depth) {
                    if (lim->fixed)
                        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                                     "nesting deeper than %zu levels (a fixed limit of criteria "
                                     "files)",
                                     lim->max_depth);
                    else
                        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                                     "nesting deeper than %zu levels (limit --max-depth)",
                                     lim->max_depth);
                    ok = false;
                    break;
                }
            }
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            if (depth == 0) /* libyaml balances its events; never trust it blindly */
                break;
            frame *top = &stack[--depth];
            iss_node *node = top->node;
            if (top->stream >= 0) {
                node->n = top->n; /* the items went to the callback */
            } else {
                node->n = node->type == ISS_NODE_MAP ? top->n / 2 : top->n;
                if (top->n) {
                    node->kids = iss_arena_alloc_raw(in_item && depth >= 2 ? st->items : tree,
                                                     top->n * sizeof *node->kids);
                    memcpy(node->kids, top->kids, top->n * sizeof *node->kids);
                }
            }
            if (node->type == ISS_NODE_MAP && !check_duplicates(node, name, d)) {
                ok = false;
                break;
            }
            made = node; /* attach the finished container to its parent */
            break;
        }
        default:
            break;
        }
        if (ok && made) {
            bool container_start =
                made->type != ISS_NODE_SCALAR &&
                (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT);
            if (container_start) {
                if (depth == cap) {
                    cap = cap ? cap * 2 : 16;
                    stack = iss_xrealloc(stack, cap * sizeof *stack);
                }
                if (depth == used) {
                    stack[used].kids = NULL;
                    stack[used].cap = 0;
                    used++;
                }
                int stream = -1;
                if (st && depth == 1 && made->type == ISS_NODE_SEQ &&
                    stack[0].node->type == ISS_NODE_MAP && stack[0].n % 2 == 1)
                    stream = stream_key(st, stack[0].kids[stack[0].n - 1]);
                stack[depth].node = made;
                stack[depth].n = 0;
                stack[depth].stream = stream;
                depth++;
            } else if (depth == 0) {
                root = made;
            } else {
                frame *top = &stack[depth - 1];
                if (top->stream >= 0) {
                    /* a finished item of a streamed list: handed over, then
                     * its scratch nodes go */
                    ok = st->item(st->ctx, (size_t)top->stream, made, top->n);
                    top->n++;
                    iss_arena_reset(st->items);
                } else {
                    frame_push_kid(top, made);
                    if (ok && st && depth == 1 && top->node->type == ISS_NODE_MAP &&
                        top->n % 2 == 0 && st->value)
                        ok = st->value(st->ctx, top->kids[top->n - 2], made);
                }
            }
        }
        yaml_event_delete(&ev);
    }
    for (size_t i = 0; i < used; i++)
        free(stack[i].kids);
    free(stack);
    free(unbroken);
    yaml_parser_delete(&p);
    if (!ok)
        return NULL;
    if (!root) {
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0}, "empty file: no YAML document");
        return NULL;
    }
    return root;
}

iss_node *iss_read_yaml(const char *bytes, size_t len, const char *name, const iss_limits *lim,
                        iss_arena *arena, iss_diags *d)
{
    return iss_read_yaml_in(bytes, len, name, lim, arena, arena, d);
}

iss_node *iss_read_yaml_file(const char *path, const char *name, const iss_limits *lim,
                             iss_arena *arena, iss_diags *d)
{
    return iss_read_yaml_file_in(path, name, lim, arena, arena, d);
}

FILE *iss_input_open(const char *path, bool regular_only, int *why)
{
    struct stat st;
    if (strcmp(path, "-") == 0) {
        /* standard input may be anything a shell can redirect, but a
         * directory or a socket */
        *why = 0;
        if (fstat(STDIN_FILENO, &st) == 0 && S_ISDIR(st.st_mode))
            *why = ISS_INPUT_DIRECTORY;
        else if (fstat(STDIN_FILENO, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) &&
                 !S_ISCHR(st.st_mode))
            *why = ISS_INPUT_SPECIAL;
        return *why ? NULL : stdin;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        *why = errno;
        return NULL;
    }
    *why = 0;
    if (fstat(fd, &st) != 0)
        *why = errno;
    else if (S_ISDIR(st.st_mode))
        *why = ISS_INPUT_DIRECTORY;
    else if (S_ISFIFO(st.st_mode) && !regular_only) {
        /* a named pipe streams: wait for its writer.  Opened without a
         * writer, a blocking read would see end of file at once; poll
         * waits for data, or for a writer that came and went (Linux
         * reports POLLHUP only then), so nothing it wrote is lost even
         * if it has closed its end already */
        int fl = fcntl(fd, F_GETFL);
        struct pollfd p = {fd, POLLIN, 0};
        if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0)
            *why = errno;
        while (!*why && poll(&p, 1, -1) < 0)
            if (errno != EINTR)
                *why = errno;
    } else if (!S_ISREG(st.st_mode))
        *why = regular_only ? ISS_INPUT_NOT_REGULAR : ISS_INPUT_SPECIAL;
    else {
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0)
            *why = errno;
    }
    FILE *f = *why ? NULL : fdopen(fd, "rb");
    if (!f && !*why)
        *why = errno;
    if (!f && fd >= 0)
        close(fd);
    return f;
}

void iss_input_error(iss_diags *d, const char *name, int why)
{
    if (why == ISS_INPUT_DIRECTORY)
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0}, "is a directory");
    else if (why == ISS_INPUT_NOT_REGULAR)
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0}, "not a regular file");
    else if (why == ISS_INPUT_SPECIAL)
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0}, "not a regular file or a pipe");
    else
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0}, "cannot open: %s", strerror(why));
}

bool iss_read_file(const char *path, const char *name, const iss_limits *lim, iss_buf *out,
                   char sha256[65], iss_diags *d)
{
    if (!lim)
        lim = &iss_default_limits;
    bool is_stdin = strcmp(path, "-") == 0;
    int why = 0;
    FILE *f = iss_input_open(path, lim->regular_only, &why);
    if (!f) {
        iss_input_error(d, name, why);
        return false;
    }
    struct stat st;
    bool have_st = fstat(fileno(f), &st) == 0;
    iss_buf b = {0};
    out->len = 0;
    /* a regular file's size is known: one buffer of that size, not a
     * doubling one copied at each step (the limit still applies below) */
    if (have_st && S_ISREG(st.st_mode) && st.st_size > 0 && (size_t)st.st_size <= lim->max_bytes) {
        /* + 2: the NUL, and room for the read that finds the end */
        b.cap = (size_t)st.st_size + 2;
        b.s = iss_xmalloc(b.cap);
    }
    /* the bytes are read straight into the buffer (no bounce through a
     * chunk on the stack), 256 KB at a time, each piece hashed at once
     * while it is still in the cache, not in a second pass over the whole
     * file; never more than one byte past the limit is read */
    iss_sha256 h;
    if (sha256)
        iss_sha256_init(&h);
    bool too_big = false, read_error = false;
    int err = 0;
    for (;;) {
        if (b.cap - b.len < 2) { /* full: a pipe, or a file that grew */
            size_t cap = b.cap ? 2 * b.cap : 65536;
            b.cap = cap - 2 > lim->max_bytes ? lim->max_bytes + 2 : cap;
            b.s = iss_xrealloc(b.s, b.cap);
        }
        size_t want = b.cap - b.len - 1;
        if (want > (size_t)256 * 1024)
            want = (size_t)256 * 1024;
        /* read(2) on the descriptor: stdio would split the request into
         * its own block sizes and copy the tail through its buffer (the
         * stream is never read through stdio) */
        ssize_t r = read(fileno(f), b.s + b.len, want);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            read_error = true;
            err = errno;
            break;
        }
        size_t got = (size_t)r;
        if (got == 0)
            break;
        if (b.len + got > lim->max_bytes) {
            too_big = true;
            break;
        }
        if (sha256)
            iss_sha256_add(&h, b.s + b.len, got);
        b.len += got;
    }
    if (b.s)
        b.s[b.len] = '\0';
    if (!is_stdin)
        fclose(f);
    if (read_error || too_big) {
        if (read_error)
            iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0}, "cannot read: %s", strerror(err));
        else
            size_error(d, name, lim);
        iss_buf_free(&b);
        return false;
    }
    if (sha256)
        iss_sha256_hex(&h, sha256);
    iss_buf_free(out);
    *out = b;
    return true;
}

iss_node *iss_read_yaml_file_in(const char *path, const char *name, const iss_limits *lim,
                                iss_arena *tree, iss_arena *strings, iss_diags *d)
{
    iss_buf b = {0};
    iss_node *root = NULL;
    if (iss_read_file(path, name, lim, &b, NULL, d))
        root = iss_read_yaml_in(b.s ? b.s : "", b.len, name, lim ? lim : &iss_default_limits, tree,
                                strings, d);
    iss_buf_free(&b);
    return root;
}

const iss_node *iss_map_get(const iss_node *map, const char *key)
{
    if (!map || map->type != ISS_NODE_MAP)
        return NULL;
    size_t kl = strlen(key);
    for (size_t i = 0; i < map->n; i++) {
        const iss_node *k = map->kids[2 * i];
        if (k->len == kl && memcmp(k->str, key, kl) == 0)
            return map->kids[2 * i + 1];
    }
    return NULL;
}

bool iss_scalar_is(const iss_node *n, const char *s)
{
    return n && n->type == ISS_NODE_SCALAR && n->len == strlen(s) && memcmp(n->str, s, n->len) == 0;
}

bool iss_node_is_null(const iss_node *n)
{
    return !n || (n->type == ISS_NODE_SCALAR && n->plain &&
                  (n->len == 0 || iss_scalar_is(n, "~") || iss_scalar_is(n, "null") ||
                   iss_scalar_is(n, "Null") || iss_scalar_is(n, "NULL")));
}
