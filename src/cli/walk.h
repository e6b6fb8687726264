/* walk.h - the declaration files a check reads: the files named on the
 * command line, and those a folder search finds under a directory named
 * there.  The list and its paths belong to the cli_inputs, freed by
 * cli_inputs_free. */
#ifndef ISSCHECK_CLI_WALK_H
#define ISSCHECK_CLI_WALK_H

#include "cli.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *path;    /* "-": standard input */
    bool searched; /* found by a folder search: must still be a regular
                    * file when opened (a named FIFO streams) */
} cli_input;

typedef struct {
    cli_input *v; /* sorted by path, so the order never depends on the
                   * file system's or the command line's */
    size_t n, cap;
    size_t yaml_seen; /* *.yaml and *.yml files a search found, declarations or not */
} cli_inputs;

/* Adds the n files named on the command line to in: a directory (symbolic
 * links followed for a name given) is searched, recursively and without
 * following symbolic links inside, for regular files named *.yaml or
 * *.yml, *.waivers.yaml and *.waivers.yml left out; anything else is taken
 * as named.  A directory or entry that cannot be read, a FIFO, socket or
 * device named *.yaml or *.yml, and a folder holding no declaration, are
 * each an input error printed on standard error, naming it; the search
 * goes on with the rest.  Returns 0, or 2 after such an error. */
int cli_inputs_find(const cli_ctx *ctx, cli_inputs *in, const char *const *files, size_t n);
void cli_inputs_free(cli_inputs *in);

#endif
