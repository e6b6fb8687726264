/* schema.c - the declaration JSON Schema (schema/isscheck-declaration.
 * schema.json), built into the binary, as the language server's source
 * for the keys it completes and the descriptions it shows on hover: the
 * schema stays the one place keys are described.
 *
 * Only what naming keys needs is followed: properties, $ref into $defs,
 * anyOf, oneOf, allOf, if/then/else and items (a list of mappings is
 * passed through: the path names mapping keys only).  Parsed once, on
 * first use, and kept for the life of the process. */
#include "lsp.h"

#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char iss_declaration_schema[];
extern const size_t iss_declaration_schema_len;

static json_t *root;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void parse(void)
{
    root = json_loadb((const char *)iss_declaration_schema, iss_declaration_schema_len, 0, NULL);
}

static json_t *schema(void)
{
    pthread_once(&once, parse);
    return root;
}

static json_t *deref(json_t *s)
{
    for (int i = 0; i < 8 && s; i++) {
        const char *r = json_string_value(json_object_get(s, "$ref"));
        if (!r)
            break;
        if (strncmp(r, "#/$defs/", 8) != 0)
            return NULL;
        s = json_object_get(json_object_get(schema(), "$defs"), r + 8);
    }
    return s;
}

enum { MAX_SET = 64, MAX_DEPTH = 8 };

typedef struct {
    json_t *v[MAX_SET];
    size_t n;
} set;

static void set_add(set *s, json_t *x)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == x)
            return;
    if (x && s->n < MAX_SET)
        s->v[s->n++] = x;
}

/* The schemas whose properties apply to a mapping validated by s. */
static void mappings(json_t *s, set *out, int depth)
{
    if (!json_is_object(s) || depth > MAX_DEPTH)
        return;
    if (json_is_object(json_object_get(s, "properties")))
        set_add(out, s);
    /* $ref applies beside the object's own keywords (2019-09 and later) */
    const char *r = json_string_value(json_object_get(s, "$ref"));
    if (r && strncmp(r, "#/$defs/", 8) == 0)
        mappings(json_object_get(json_object_get(schema(), "$defs"), r + 8), out, depth + 1);
    static const char *const lists[] = {"anyOf", "oneOf", "allOf"};
    for (size_t k = 0; k < 3; k++) {
        json_t *l = json_object_get(s, lists[k]);
        size_t i;
        json_t *x;
        json_array_foreach(l, i, x) mappings(x, out, depth + 1);
    }
    static const char *const subs[] = {"then", "else", "items"};
    for (size_t k = 0; k < 3; k++)
        mappings(json_object_get(s, subs[k]), out, depth + 1);
}

/* The mapping schemas at path, and in *last the property schemas (not
 * dereferenced: their own description first) of its last key. */
static void walk(const char *const *path, size_t n, set *maps, set *last)
{
    maps->n = 0;
    if (last)
        last->n = 0;
    json_t *r = schema();
    if (!r)
        return;
    mappings(r, maps, 0);
    for (size_t k = 0; k < n; k++) {
        set props = {.n = 0};
        for (size_t i = 0; i < maps->n; i++)
            set_add(&props, json_object_get(json_object_get(maps->v[i], "properties"), path[k]));
        if (last && k + 1 == n)
            *last = props;
        maps->n = 0;
        for (size_t i = 0; i < props.n; i++)
            mappings(props.v[i], maps, 0);
    }
}

const char *iss_schema_description(const char *const *path, size_t n)
{
    set maps, last;
    if (!n)
        return json_string_value(json_object_get(schema(), "description"));
    walk(path, n, &maps, &last);
    for (size_t i = 0; i < last.n; i++) {
        const char *d = json_string_value(json_object_get(last.v[i], "description"));
        if (!d)
            d = json_string_value(json_object_get(deref(last.v[i]), "description"));
        if (d)
            return d;
    }
    return NULL;
}

static bool required_in(json_t *map, const char *key)
{
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(map, "required"), i,
                       x) if (json_is_string(x) &&
                              strcmp(json_string_value(x), key) == 0) return true;
    return false;
}

size_t iss_schema_keys(const char *const *path, size_t n, const char **out, bool *required,
                       size_t max)
{
    set maps;
    walk(path, n, &maps, NULL);
    size_t k = 0;
    for (size_t i = 0; i < maps.n; i++) {
        const char *key;
        json_t *v;
        json_object_foreach(json_object_get(maps.v[i], "properties"), key, v)
        {
            (void)v;
            size_t j = 0;
            while (j < k && strcmp(out[j], key) != 0)
                j++;
            if (j == k && k < max) {
                out[k] = key;
                required[k++] = required_in(maps.v[i], key);
            } else if (j < k) {
                required[j] |= required_in(maps.v[i], key);
            }
        }
    }
    return k;
}
