/* builtin.h - the criteria sets compiled into the binary.
 *
 * src/gen/gen_criteria.c loads every set under criteria/ at build time with
 * the same loader (and lint) as --criteria, and writes each as static C
 * data: the iss_criteria a run uses without parsing any YAML, and the bytes
 * of the set's files, for `isscheck criteria export` and `criteria lint`.
 * The sets are never freed (iss_criteria_free does nothing for them); the
 * only parts that change at run time are their pattern slots, compiled
 * when first needed.
 */
#ifndef ISSCHECK_BUILTIN_H
#define ISSCHECK_BUILTIN_H

#include "isscheck/criteria.h"

typedef struct {
    const char *name; /* the set's folder under criteria/: iss-3 */
    iss_criteria *set;
    const iss_criteria_file *files; /* every file of the folder, sorted by name */
    size_t nfiles;
} iss_builtin_set;

extern const iss_builtin_set iss_builtin_sets[];
extern const size_t iss_builtin_nsets;

#endif
