/* input.h - the limits a declaration is read within, and opening and
 * reading an input file safely: what a program checking files needs of
 * the reader (the YAML itself stays inside the library: node.h). */
#ifndef ISSCHECK_INPUT_H
#define ISSCHECK_INPUT_H

#include "isscheck/base.h"

#include <stdio.h>

typedef struct {
    size_t max_bytes;       /* input file size */
    size_t max_depth;       /* nesting of sequences and mappings */
    size_t max_nodes;       /* nodes in the document */
    size_t max_scalar;      /* bytes in one scalar */
    size_t max_persons;     /* persons in a declaration */
    size_t max_engagements; /* engagements, own and prior, in a declaration */
    bool regular_only;      /* a regular file only, not even a pipe: a file a folder
                             * search found or a criteria manifest lists */
    bool fixed;             /* no option sets these (criteria files): errors say so
                             * rather than name a --max- option */
    bool tree_loader;       /* a declaration loaded through a whole-document tree
                             * only, the path its errors take (decl.c): for tests
                             * that compare it with the model built from events */
} iss_limits;

extern const iss_limits iss_default_limits;
/* The default limits, fixed: those of criteria files. */
extern const iss_limits iss_fixed_limits;

/* Opens path for reading, never blocking on a FIFO without a writer: it is
 * opened with O_NONBLOCK and fstat'd first.  A regular file is returned
 * (O_NONBLOCK cleared).  A FIFO, unless regular_only, is opened again to
 * stream from its writer, as a file named on the command line does.  A
 * directory, a device or a socket is refused, a FIFO too when regular_only.
 * "-" is standard input (a FIFO, a terminal or a file, never closed by the
 * caller).  Returns the stream, or NULL with *why set: an errno value of
 * open(2) (> 0), or one of the ISS_INPUT_ reasons (< 0). */
enum { ISS_INPUT_DIRECTORY = -1, ISS_INPUT_NOT_REGULAR = -2, ISS_INPUT_SPECIAL = -3 };
FILE *iss_input_open(const char *path, bool regular_only, int *why);
/* Adds the diagnostic for a *why of iss_input_open, naming name. */
void iss_input_error(iss_diags *d, const char *name, int why);
/* Reads the whole file at path ("-" for standard input), within
 * lim->max_bytes, into out (replacing what it held), opened by
 * iss_input_open (lim->regular_only).  Unless sha256 is NULL, the bytes'
 * SHA-256 is written there in hex, taken as they are read.  Returns false
 * after adding a diagnostic. */
bool iss_read_file(const char *path, const char *name, const iss_limits *lim, iss_buf *out,
                   char sha256[65], iss_diags *d);
#endif
