/* node.h (private to the library) - the one YAML reader: a file becomes a small tree of nodes that
 * remember their line and column.  Nothing after the reader sees libyaml.
 */
#ifndef ISS_LIB_NODE_H
#define ISS_LIB_NODE_H

#include "isscheck/input.h"

typedef enum { ISS_NODE_SCALAR, ISS_NODE_SEQ, ISS_NODE_MAP } iss_node_type;

typedef struct iss_node iss_node;
struct iss_node {
    iss_node_type type;
    iss_loc loc;
    bool plain;      /* scalar written without quotes (true, 12, null …) */
    const char *str; /* scalar bytes, NUL-terminated; may hold NULs: use len */
    size_t len;
    iss_node **kids; /* SEQ: n items; MAP: n pairs, kids[2i] key, kids[2i+1] value */
    size_t n;
};

/* Reads the file at path ("-" for standard input) into a tree allocated in
 * arena.  Returns the root, or NULL after adding diagnostics to d.  The
 * display name used in diagnostics is name. */
iss_node *iss_read_yaml_file(const char *path, const char *name, const iss_limits *lim,
                             iss_arena *arena, iss_diags *d);
/* The same for bytes in memory. */
iss_node *iss_read_yaml(const char *bytes, size_t len, const char *name, const iss_limits *lim,
                        iss_arena *arena, iss_diags *d);

/* The same two, with the nodes (and their lists of children) allocated in
 * tree and the scalars' bytes in strings: a loader that keeps only the
 * strings frees tree when it is done, so a model does not carry the tree
 * it was read from (about three quarters of the memory of a large file). */
iss_node *iss_read_yaml_file_in(const char *path, const char *name, const iss_limits *lim,
                                iss_arena *tree, iss_arena *strings, iss_diags *d);
iss_node *iss_read_yaml_in(const char *bytes, size_t len, const char *name, const iss_limits *lim,
                           iss_arena *tree, iss_arena *strings, iss_diags *d);

/* Streaming: the long lists of a document (a declaration's persons and
 * engagements) handed over one item at a time, so that no whole-document
 * tree is ever built.  When the value of one of the root mapping's keys
 * listed in keys is a sequence, each finished item of it is passed to item
 * (key: its index in keys; index: the item's position) with its nodes, and
 * the keys of its mappings, in the arena items, reset after each call; its
 * other scalars' bytes are in strings, as usual.  Such a sequence stays in
 * the tree as a node with n items and no kids.  Every other value of the
 * root is passed to value when it is finished (it stays in the tree too).
 * Every check of the reader applies as without streaming.  A callback
 * returning false stops the reading: the reader then returns NULL without
 * a diagnostic of its own. */
typedef struct {
    const char *const *keys; /* NULL-terminated */
    bool (*item)(void *ctx, size_t key, const iss_node *item, size_t index);
    bool (*value)(void *ctx, const iss_node *key, const iss_node *value);
    void *ctx;
    iss_arena *items;
} iss_stream;
iss_node *iss_read_yaml_stream(const char *bytes, size_t len, const char *name,
                               const iss_limits *lim, iss_arena *tree, iss_arena *strings,
                               const iss_stream *stream, iss_diags *d);

/* Looks a key up in a mapping node; NULL when absent or node is not a map. */
const iss_node *iss_map_get(const iss_node *map, const char *key);
bool iss_scalar_is(const iss_node *n, const char *s);
bool iss_node_is_null(const iss_node *n);

#endif
