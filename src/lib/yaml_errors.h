/* yaml_errors.h (private to the library) - reporting libyaml's errors;
 * with reader.c, the only code that sees libyaml. */
#ifndef ISS_LIB_YAML_ERRORS_H
#define ISS_LIB_YAML_ERRORS_H

#include "isscheck/base.h"

#include <yaml.h>

/* A libyaml mark as a 1-based line and column. */
static inline iss_loc iss_yaml_loc(yaml_mark_t m)
{
    return (iss_loc){(int)m.line + 1, (int)m.column + 1};
}

/* Adds the diagnostic of p's error to d.  bytes, len: the parser's input,
 * after bom bytes skipped (a byte-order mark, added back to offsets).  A
 * reader error has a byte offset only: its line and column are counted
 * from the bytes, as an editor counts. */
void iss_yaml_parser_error(const yaml_parser_t *p, const char *bytes, size_t len, size_t bom,
                           const char *name, iss_diags *d);

#endif
