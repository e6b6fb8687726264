/* fields.h (private to the library) - typed, strict access to the reader's nodes, shared by the
 * declaration and criteria loaders.  Every getter reports a located error
 * (and returns false) for a wrong type, and iss_expect_map reports every
 * unknown key with the nearest known one.
 */
#ifndef ISS_LIB_FIELDS_H
#define ISS_LIB_FIELDS_H

#include "isscheck/dates.h"
#include "isscheck/strs.h"
#include "node.h"

void iss_error(iss_ctx *c, iss_loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* n must be a mapping whose keys are all in keys (NULL-terminated). */
bool iss_expect_map(iss_ctx *c, const iss_node *n, const char *what, const char *const *keys);
bool iss_expect_seq(iss_ctx *c, const iss_node *n, const char *what);

/* Field getters: absent (or null) and !required leaves *out untouched and
 * returns true; absent and required is an error at the map's position. */
bool iss_get_str(iss_ctx *c, const iss_node *map, const char *key, bool required, iss_str *out);
bool iss_get_date(iss_ctx *c, const iss_node *map, const char *key, bool required, iss_day *out,
                  iss_loc *loc);
bool iss_get_bool(iss_ctx *c, const iss_node *map, const char *key, bool *out);
bool iss_get_int(iss_ctx *c, const iss_node *map, const char *key, bool required, long min,
                 long max, long *out);
/* A scalar or a sequence of scalars becomes a list of strings. */
bool iss_get_strs(iss_ctx *c, const iss_node *map, const char *key, bool required, iss_strs *out);
/* One scalar as a string (no NUL bytes, not a collection). */
bool iss_node_str(iss_ctx *c, const iss_node *n, const char *what, iss_str *out);

/* The edit distance between a and b in code points (an invalid byte counts
 * as one: a name in kana or kanji is three bytes a character, and a distance
 * in bytes would call unrelated names of the same ending near); a's length
 * in code points in *alen when alen is not NULL.  iss_nearest (strs.h) and
 * the waivers' did-you-mean both measure with it. */
size_t iss_edit_distance(const char *a, const char *b, size_t *alen);
/* A name of more bytes than this is not compared (64 characters of four
 * bytes): its distance to any other is ISS_EDIT_DISTANCE_FAR, near none. */
enum { ISS_EDIT_DISTANCE_BYTES = 256, ISS_EDIT_DISTANCE_FAR = 1000 };

#endif
