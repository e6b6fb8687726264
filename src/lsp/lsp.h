/* lsp.h - isscheck's language server (`isscheck lsp`): LSP 3.17 over a
 * byte stream, JSON-RPC 2.0 with Content-Length framing, JSON by Jansson.
 *
 * The server is fed the bytes of its input as they come and writes whole
 * messages through a callback; it never reads or writes a file descriptor
 * itself, so the command line (src/cli/cmd_lsp.c), the tests and the
 * fuzzer drive the same code.  Checks run on one worker thread (or, for
 * the fuzzer, inline at the end of each feed): the reading thread keeps
 * answering while a large document is checked, and a newer version of a
 * document replaces its pending check (see server.c).
 *
 * Ownership as everywhere (base.h): iss_lsp_new returns an object the
 * caller frees with iss_lsp_free; nothing takes ownership of its
 * arguments.
 */
#ifndef ISSCHECK_LSP_H
#define ISSCHECK_LSP_H

#include "isscheck/editions.h"

#include <stdbool.h>
#include <stddef.h>

/* What the host (the command line) gives the server: how criteria are
 * found (built in, ISSCHECK_CRITERIA, then the client's folders) and what
 * day it is in Japan.  ctx is passed back to the callbacks that need the
 * host's own state (so the host keeps none in globals). */
typedef struct {
    iss_editions *(*load_editions)(const char *const *dirs, size_t n, iss_diags *d);
    iss_day (*today)(void *ctx);
    /* writes one whole message (header and body); called from either
     * thread, never at once */
    void (*write)(void *ctx, const char *bytes, size_t n);
    void *ctx;
    const char *version; /* the program's, for serverInfo */
    iss_lang lang;       /* the default language of messages */
    bool threaded;       /* checks on a worker thread; false: inline (the fuzzer) */
    size_t max_message;  /* bytes of one message's body; 0: the default (64 MiB) */
} iss_lsp_host;

typedef struct iss_lsp iss_lsp;

iss_lsp *iss_lsp_new(const iss_lsp_host *host);
/* Feeds n more bytes of input.  Returns false once the client has sent
 * exit (nothing more is read). */
bool iss_lsp_feed(iss_lsp *s, const char *bytes, size_t n);
/* The exit status: 0 after shutdown then exit, 1 otherwise (LSP 3.17). */
int iss_lsp_status(const iss_lsp *s);
/* Stops the worker (after its current check) and frees everything. */
void iss_lsp_free(iss_lsp *s);

/* ---- inside the server ---------------------------------------------- */

/* Content-Length framing (frame.c).  Bytes are added as they come; each
 * call of iss_frame_next gives the next whole body, or an error for a
 * malformed header or a body over the limit (then skipped as it arrives,
 * never held), or nothing until more input comes. */
typedef struct {
    char *buf;
    size_t len, cap, start;
    size_t skip; /* bytes of an oversized body still to drop */
    bool junk;   /* dropping junk up to the next Content-Length line */
    size_t max_body;
} iss_frame;

typedef enum { ISS_FRAME_MORE, ISS_FRAME_BODY, ISS_FRAME_ERROR } iss_frame_event;
void iss_frame_add(iss_frame *f, const char *s, size_t n);
/* BODY: *body and *len are valid until the next call; ERROR: *why says
 * what was wrong (a static string). */
iss_frame_event iss_frame_next(iss_frame *f, const char **body, size_t *len, const char **why);
void iss_frame_free(iss_frame *f);

/* Positions (position.c).  isscheck counts lines from 1 and columns in
 * characters (Unicode code points) from 1; LSP counts both from 0 and
 * columns in the negotiated encoding's code units. */
typedef enum { ISS_ENC_UTF16, ISS_ENC_UTF8, ISS_ENC_UTF32 } iss_pos_enc;
const char *iss_pos_enc_name(iss_pos_enc e);
/* The byte offset at which line (0-based) starts in text, or len when the
 * text has fewer lines; *end gets the offset of its line break. */
size_t iss_line_start(const char *text, size_t len, long line, size_t *end);
/* The byte offset of LSP position (line, character) in text, clamped to
 * the line. */
size_t iss_pos_to_byte(const char *text, size_t len, iss_pos_enc enc, long line, long character);
/* The LSP character of the byte offset off on the line starting at
 * line_start. */
long iss_byte_to_char(const char *text, size_t line_start, size_t off, iss_pos_enc enc);
/* The byte offset of isscheck's 1-based (line, col), clamped; line 0 is
 * the start of the text. */
size_t iss_loc_to_byte(const char *text, size_t len, iss_loc loc);
/* isscheck's (line, col) of byte offset off. */
iss_loc iss_byte_to_loc(const char *text, size_t len, size_t off);

/* The declaration JSON Schema built into the binary (schema.c).  A path
 * is the keys of nested mappings, lists passed through.  The description
 * of the key path names (NULL: none; n == 0: the schema's own). */
const char *iss_schema_description(const char *const *path, size_t n);
/* The keys valid in the mapping at path; returns how many were written to
 * out (at most max); *required[i] says whether each one is required. */
size_t iss_schema_keys(const char *const *path, size_t n, const char **out, bool *required,
                       size_t max);

#endif
