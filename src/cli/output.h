/* output.h - the one way the command line writes a file: a report
 * (check --output), a summary (check --summary-csv) or a template
 * (init -o), or criteria export's files.
 *
 * A path that names nothing yet, or a regular file, is written through a
 * temporary file beside it (".isscheck-XXXXXX" in the same directory, so
 * the name fits whatever the target's length and the rename is atomic),
 * flushed to disk and renamed into place on commit: the path holds either
 * its old contents or the whole new file.  A new file gets the mode the
 * umask gives (0666 & ~umask); a replaced one keeps its mode, and its owner
 * and group where the process may set them.  An existing path that is not
 * a regular file (a FIFO, a terminal, /dev/null, /dev/stdout on a pipe) is
 * written in place, never replaced.  NULL or "-" is standard output.
 *
 * Every function that fails prints "FILE: error: MESSAGE" on standard
 * error (in ctx->lang; ctx must outlive the output) (standard output is named <stdout>) and says so
 * by its result; the caller only sets the exit status.  cli_output_open returns an object that
 * cli_output_close frees, whatever it returns. */
#ifndef ISSCHECK_CLI_OUTPUT_H
#define ISSCHECK_CLI_OUTPUT_H

#include "cli.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct cli_output cli_output;

/* NULL or "-": standard output.  Returns NULL after printing an error. */
cli_output *cli_output_open(const cli_ctx *ctx, const char *path);
/* The same for a file that must not exist yet (init -o): an existing
 * regular file is an error, now or when the new file is linked into place;
 * a special file is still written in place. */
cli_output *cli_output_open_new(const cli_ctx *ctx, const char *path);
FILE *cli_output_file(cli_output *o);
/* commit: flush, fsync, put in place; false: discard, the old file
 * untouched.  Returns false after printing an error (a write error seen
 * at any time, or one in putting the file in place). */
bool cli_output_close(cli_output *o, bool commit);

/* Whether the output path (NULL or "-": standard output, then only when it
 * is a regular file) is none of the n files of inputs ("-": standard input)
 * by device and inode, so a hard link or another spelling is caught too.
 * A path that does not exist, or a character device (/dev/null, a
 * terminal), is never the same file.  Prints an error naming both and
 * returns false when it is one of them. */
bool cli_output_distinct(const cli_ctx *ctx, const char *path, const char *const *inputs, size_t n);
/* Whether the outputs a and b (either NULL: none) are different files;
 * both "-" is the caller's usage error, not checked here.  Prints an error
 * and returns false when they are the same file. */
bool cli_outputs_distinct(const cli_ctx *ctx, const char *a, const char *b);

/* Flushes standard output at the end of a command: status unchanged when
 * everything written reached it, else an error printed (unless status
 * already says 2, whose message is out) and 2. */
int cli_stdout_finish(const cli_ctx *ctx, int status);
/* Writes b to standard output and flushes it: false when it did not all
 * reach it (errno says why; the caller reports it). */
bool cli_write_stdout(const iss_buf *b);

#endif
