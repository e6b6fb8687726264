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
#include "yaml_errors.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* The defaults, once: criteria files are read within them too, fixed. */
#define DEFAULT_LIMITS                                                                             \
    .max_bytes = 16u << 20, .max_depth = 64, .max_nodes = 1000000, .max_scalar = 1u << 20,         \
    .max_persons = 10000, .max_engagements = 100000

const iss_limits iss_default_limits = {DEFAULT_LIMITS};
const iss_limits iss_fixed_limits = {DEFAULT_LIMITS, .fixed = true};

typedef struct {
    iss_node *node;
    iss_node **kids; /* kept from one container to the next at this depth */
    size_t n, cap;
    int stream; /* a streamed sequence: its key's index in iss_stream.keys; else -1 */
} frame;

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
        if (later && first) /* set together */
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

/* The event handlers below are parts of one loop, written apart to be
 * read apart: inlined into it, the reading state stays in registers (as
 * calls, a 10 MB declaration cost 0.9 % more instructions, callgrind). */
#define HOT static inline __attribute__((always_inline))

/* One document being read: libyaml's events become nodes on an explicit
 * stack.  Frames above depth keep their kids' arrays for the next
 * container at that depth: one allocation per depth, not one per
 * mapping. */
typedef struct {
    const char *name;
    const iss_limits *lim;
    const iss_stream *st;
    iss_arena *tree, *strings;
    iss_diags *d;
    iss_unbreak ub;
    frame *stack;
    size_t depth, used, cap, nodes, docs;
    iss_node *root;
} reading;

/* Refuses an anchor or a tag on a node, and a node past the limit;
 * false after the diagnostic. */
HOT bool node_allowed(reading *R, const yaml_event_t *ev, iss_loc loc)
{
    const yaml_char_t *anchor = ev->type == YAML_SCALAR_EVENT ? ev->data.scalar.anchor
                                : ev->type == YAML_SEQUENCE_START_EVENT
                                    ? ev->data.sequence_start.anchor
                                    : ev->data.mapping_start.anchor;
    const yaml_char_t *tag = ev->type == YAML_SCALAR_EVENT           ? ev->data.scalar.tag
                             : ev->type == YAML_SEQUENCE_START_EVENT ? ev->data.sequence_start.tag
                                                                     : ev->data.mapping_start.tag;
    if (anchor) {
        iss_diag_add(R->d, ISS_SEV_ERROR, R->name, loc,
                     "anchor '&%s' not allowed; anchors and aliases are not supported",
                     (const char *)anchor);
        return false;
    }
    if (tag) {
        iss_diag_add(R->d, ISS_SEV_ERROR, R->name, loc, "tag '%s' not allowed", (const char *)tag);
        return false;
    }
    if (++R->nodes > R->lim->max_nodes) {
        if (R->lim->fixed)
            iss_diag_add(R->d, ISS_SEV_ERROR, R->name, loc,
                         "more than %zu nodes (a fixed limit of criteria files)",
                         R->lim->max_nodes);
        else
            iss_diag_add(R->d, ISS_SEV_ERROR, R->name, loc,
                         "more than %zu nodes (limit --max-nodes)", R->lim->max_nodes);
        return false;
    }
    return true;
}

/* A scalar's node: its bytes copied (a key inside a streamed item goes
 * with the item: the model keeps values, never the keys of its
 * mappings); false past the scalar limit. */
HOT bool scalar_node(reading *R, const yaml_event_t *ev, iss_node *made, bool in_item, bool is_key)
{
    size_t n = ev->data.scalar.length;
    if (n > R->lim->max_scalar) {
        if (R->lim->fixed)
            iss_diag_add(R->d, ISS_SEV_ERROR, R->name, made->loc,
                         "scalar of %zu bytes exceeds the fixed limit of %zu of criteria files", n,
                         R->lim->max_scalar);
        else
            iss_diag_add(R->d, ISS_SEV_ERROR, R->name, made->loc,
                         "scalar of %zu bytes exceeds the limit of %zu (--max-scalar)", n,
                         R->lim->max_scalar);
        return false;
    }
    made->type = ISS_NODE_SCALAR;
    char *str = iss_arena_strndup(in_item && is_key ? R->st->items : R->strings,
                                  (const char *)ev->data.scalar.value, n);
    iss_unbreak_restore(&R->ub, str, n);
    made->str = str;
    made->len = n;
    made->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    return true;
}

/* The node a scalar or a container's start makes, or NULL after the
 * diagnostic.  in_item: inside an item of a streamed sequence, whose
 * nodes are scratch. */
HOT iss_node *node_start(reading *R, const yaml_event_t *ev, iss_loc loc, bool in_item)
{
    if (!node_allowed(R, ev, loc))
        return NULL;
    bool is_key = false;
    if (R->depth > 0) {
        frame *top = &R->stack[R->depth - 1];
        is_key = top->node->type == ISS_NODE_MAP && top->n % 2 == 0;
        if (is_key && ev->type != YAML_SCALAR_EVENT) {
            iss_diag_add(R->d, ISS_SEV_ERROR, R->name, loc, "a mapping key must be a plain string");
            return NULL;
        }
    }
    /* every field is written below: no zeroing */
    iss_node *made = iss_arena_alloc_raw(in_item ? R->st->items : R->tree, sizeof *made);
    made->loc = loc;
    made->kids = NULL;
    made->n = 0;
    if (ev->type == YAML_SCALAR_EVENT)
        return scalar_node(R, ev, made, in_item, is_key) ? made : NULL;
    made->type = ev->type == YAML_SEQUENCE_START_EVENT ? ISS_NODE_SEQ : ISS_NODE_MAP;
    made->str = NULL;
    made->len = 0;
    made->plain = false;
    if (R->depth >= R->lim->max_depth) {
        if (R->lim->fixed)
            iss_diag_add(R->d, ISS_SEV_ERROR, R->name, loc,
                         "nesting deeper than %zu levels (a fixed limit of criteria files)",
                         R->lim->max_depth);
        else
            iss_diag_add(R->d, ISS_SEV_ERROR, R->name, loc,
                         "nesting deeper than %zu levels (limit --max-depth)", R->lim->max_depth);
        return NULL;
    }
    return made;
}

/* The container a sequence or mapping end finishes, its kids copied out
 * of the frame; NULL after a duplicate key's diagnostic (*ok false) or
 * when libyaml ends what it never started (never trusted blindly). */
HOT iss_node *container_end(reading *R, bool in_item, bool *ok)
{
    if (R->depth == 0)
        return NULL;
    frame *top = &R->stack[--R->depth];
    iss_node *node = top->node;
    if (top->stream >= 0) {
        node->n = top->n; /* the items went to the callback */
    } else {
        node->n = node->type == ISS_NODE_MAP ? top->n / 2 : top->n;
        if (top->n) {
            node->kids = iss_arena_alloc_raw(in_item && R->depth >= 2 ? R->st->items : R->tree,
                                             top->n * sizeof *node->kids);
            memcpy(node->kids, top->kids, top->n * sizeof *node->kids);
        }
    }
    if (node->type == ISS_NODE_MAP && !check_duplicates(node, R->name, R->d)) {
        *ok = false;
        return NULL;
    }
    return node;
}

/* A container that starts becomes the top frame; a sequence that is the
 * value of one of the stream's keys is streamed. */
HOT void frame_push(reading *R, iss_node *made)
{
    if (R->depth == R->cap) {
        R->cap = R->cap ? R->cap * 2 : 16;
        R->stack = iss_xrealloc(R->stack, R->cap * sizeof *R->stack);
    }
    if (R->depth == R->used) {
        R->stack[R->used].kids = NULL;
        R->stack[R->used].cap = 0;
        R->used++;
    }
    int stream = -1;
    const frame *root = &R->stack[0];
    if (R->st && R->depth == 1 && made->type == ISS_NODE_SEQ && root->node->type == ISS_NODE_MAP &&
        root->n % 2 == 1)
        stream = stream_key(R->st, root->kids[root->n - 1]);
    R->stack[R->depth] = (frame){.node = made,
                                 .kids = R->stack[R->depth].kids,
                                 .cap = R->stack[R->depth].cap,
                                 .n = 0,
                                 .stream = stream};
    R->depth++;
}

/* A finished node goes to its parent: the root, a kid of the top frame,
 * or, as an item of a streamed list, to the callback (then its scratch
 * nodes go).  False when a callback stops the reading. */
HOT bool attach(reading *R, iss_node *made)
{
    if (R->depth == 0) {
        R->root = made;
        return true;
    }
    frame *top = &R->stack[R->depth - 1];
    const iss_stream *st = R->st;
    if (top->stream >= 0) {
        bool ok = st->item(st->ctx, (size_t)top->stream, made, top->n);
        top->n++;
        iss_arena_reset(st->items);
        return ok;
    }
    frame_push_kid(top, made);
    if (st && R->depth == 1 && top->node->type == ISS_NODE_MAP && top->n % 2 == 0 && st->value)
        return st->value(st->ctx, top->kids[top->n - 2], made);
    return true;
}

/* Handles one event; false stops the reading (after a diagnostic, or a
 * callback's stop). */
HOT bool event(reading *R, const yaml_event_t *ev, bool *done)
{
    iss_loc loc = iss_yaml_loc(ev->start_mark);
    /* inside an item of a streamed sequence (the root mapping is
     * stack[0], the sequence stack[1]): its nodes are scratch */
    bool in_item = R->depth >= 2 && R->stack[1].stream >= 0, ok = true;
    iss_node *made;
    switch (ev->type) {
    case YAML_STREAM_END_EVENT:
        *done = true;
        return true;
    case YAML_DOCUMENT_START_EVENT:
        if (++R->docs > 1) {
            iss_diag_add(R->d, ISS_SEV_ERROR, R->name, loc,
                         "a second YAML document; a file holds exactly one");
            return false;
        }
        return true;
    case YAML_ALIAS_EVENT:
        iss_diag_add(R->d, ISS_SEV_ERROR, R->name, loc,
                     "alias '*%s' not allowed; write the value out", (char *)ev->data.alias.anchor);
        return false;
    case YAML_SCALAR_EVENT:
        made = node_start(R, ev, loc, in_item);
        return made && attach(R, made);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        made = node_start(R, ev, loc, in_item);
        if (made)
            frame_push(R, made);
        return made != NULL;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        made = container_end(R, in_item, &ok); /* the finished container goes to its parent */
        return ok && (!made || attach(R, made));
    default:
        return true;
    }
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
    reading R = {.name = name, .lim = lim, .st = st, .tree = tree, .strings = strings, .d = d};
    char *unbroken = iss_unbreak_copy(bytes, len, &R.ub);
    yaml_parser_set_input_string(&p, (const unsigned char *)(unbroken ? unbroken : bytes), len);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    bool ok = true, done = false;
    while (ok && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            iss_yaml_parser_error(&p, bytes, len, bom, name, d);
            ok = false;
            break;
        }
        ok = event(&R, &ev, &done);
        yaml_event_delete(&ev);
    }
    for (size_t i = 0; i < R.used; i++)
        free(R.stack[i].kids);
    free(R.stack);
    free(unbroken);
    yaml_parser_delete(&p);
    if (!ok)
        return NULL;
    if (!R.root) {
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0}, "empty file: no YAML document");
        return NULL;
    }
    return R.root;
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
