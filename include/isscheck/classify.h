/* classify.h - which YAML files are declarations: the one rule that the
 * folder search of `check DIR`, `check --only-declarations` (the pre-commit
 * hook) and any later caller share.  isscheck-declaration(5), section
 * "WHICH FILES ARE DECLARATIONS", states it for users.
 *
 * The rule reads a file's top-level keys with a tolerant line scan, not
 * with the YAML parser, so a half-written declaration or one with a syntax
 * error is still recognised (and then checked, which reports the error):
 *
 * - a top-level key provider, persons, engagements, registrations,
 *   customer_info_protection or reference_date, or a top-level services
 *   whose value is a list, makes a declaration;
 * - otherwise a top-level waivers or judgements makes a waivers file;
 * - otherwise a top-level isscheck whose value is a number on the same
 *   line (isscheck: 1) makes a declaration;
 * - anything else is other YAML (a workflow; a compose file, whose
 *   services is a mapping; a GitLab CI file with a job called isscheck).
 *
 * Top-level keys are those written at the start of a line (block style),
 * plain or quoted, or directly inside a flow mapping that holds the whole
 * document ({provider: ...}).
 */
#ifndef ISSCHECK_CLASSIFY_H
#define ISSCHECK_CLASSIFY_H

#include <stddef.h>

typedef enum { ISS_KIND_OTHER, ISS_KIND_DECLARATION, ISS_KIND_WAIVERS } iss_file_kind;

/* The kind of the n bytes at s (any bytes: no encoding is assumed). */
iss_file_kind iss_classify(const char *s, size_t n);

/* The kind of the file at path.  What cannot be classified without risk
 * counts as a declaration, so that checking it says what is wrong: a path
 * that is not a regular file (never opened so that it could block), one
 * that cannot be read, or one larger than 16 MiB (the default --max-bytes). */
iss_file_kind iss_classify_file(const char *path);

#endif
