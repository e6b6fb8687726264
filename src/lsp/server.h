/* server.h - the language server's state, shared by server.c (protocol,
 * lifecycle, documents, settings), check.c (checks and their jobs),
 * range.c (positions as JSON) and features.c (hover, completion,
 * navigation, code actions).  Private to src/lsp. */
#ifndef ISSCHECK_LSP_SERVER_H
#define ISSCHECK_LSP_SERVER_H

#include "isscheck/classify.h"
#include "lsp.h"

#include <jansson.h>
#include <pthread.h>

/* What a check left for hover: a result's place and its text. */
typedef struct {
    iss_loc loc;
    char *rule;  /* its id */
    char *hover; /* Markdown: the rule, its citation and verbatim clause text, the reasons */
} iss_lsp_mark;

typedef struct iss_lsp_doc iss_lsp_doc;
struct iss_lsp_doc {
    char *uri;
    char *text;
    size_t len;
    long version;
    unsigned long gen; /* bumped by every change: a check of an older one is stale */
    /* from the newest check published (under mu) */
    iss_lsp_mark *marks;
    size_t nmarks;
    char *provider; /* a declaration's provider name, for waivers files */
    iss_lsp_doc *next;
};

/* The settings a check runs with; shared by the jobs that use it. */
typedef struct {
    int refs;
    iss_editions *ed;
    iss_limits lim;
    iss_day as_of;
    iss_lang lang;
    int sev_fail, sev_review; /* LSP DiagnosticSeverity: 1 error … 4 hint */
} iss_lsp_config;

typedef struct iss_lsp_job iss_lsp_job;
struct iss_lsp_job {
    char *uri, *text;
    size_t len;
    long version;
    unsigned long gen;
    iss_day today;
    double posted; /* when the change was read (ms, monotonic) */
    iss_lsp_config *cfg;
    iss_lsp_job *next;
};

enum { ISS_LSP_NEW, ISS_LSP_RUNNING, ISS_LSP_SHUTDOWN, ISS_LSP_EXITED };

struct iss_lsp {
    iss_lsp_host host;
    iss_frame fr;
    int state;
    bool clean_exit;
    iss_pos_enc enc;
    iss_lsp_config *cfg; /* the current settings (the reading thread's) */
    pthread_mutex_t mu;  /* docs' gen and marks, jobs, stop, busy */
    pthread_cond_t cv;
    pthread_mutex_t wmu; /* one message written at a time */
    pthread_t worker;
    bool has_worker, stop, busy;
    iss_lsp_doc *docs;
    iss_lsp_job *jobs;        /* pending for the worker: at most one per document */
    iss_lsp_job *here;        /* pending for the reading thread (small documents) */
    unsigned long checks;     /* checks finished (published or not) */
    unsigned long superseded; /* checks stopped by a newer change */
    double last_ms;           /* the newest published check: from its change read to published */
    int wake[2];              /* a pipe: the worker's check may have become stale */
};

/* server.c.  Sends a message (takes a reference from nothing: msg is not
 * stolen). */
void iss_lsp_send(iss_lsp *s, json_t *msg);
/* Sends a notification; params is stolen. */
void iss_lsp_notify(iss_lsp *s, const char *method, json_t *params);
iss_lsp_doc *iss_lsp_find(iss_lsp *s, const char *uri);
/* Drops a reference to c (under mu when jobs may hold it), freeing it with
 * the last. */
void iss_lsp_config_unref(iss_lsp_config *c);

/* check.c.  Queues a check of d's current text, replacing its pending one. */
void iss_lsp_post_check(iss_lsp *s, iss_lsp_doc *d);
/* Runs the checks queued for the reading thread, now. */
void iss_lsp_run_pending(iss_lsp *s);
/* Tells the worker that a job may have become stale. */
void iss_lsp_poke(iss_lsp *s);
/* The worker thread's loop (arg: the server). */
void *iss_lsp_worker(void *arg);
void iss_lsp_job_free(iss_lsp_job *j);
void iss_lsp_marks_free(iss_lsp_mark *m, size_t n);

/* range.c.  Line starts of a text, for the many positions of one check. */
typedef struct {
    size_t *v;
    size_t n;
} iss_lsp_lines;
iss_lsp_lines iss_lsp_lines_of(const char *t, size_t len);
json_t *iss_lsp_range_json(iss_pos_enc enc, const char *t, const iss_lsp_lines *l, size_t b0,
                           size_t b1);
/* The byte offset of isscheck's location, with the line index. */
size_t iss_lsp_loc_byte(const char *t, size_t len, const iss_lsp_lines *l, iss_loc loc);
/* An LSP Position as JSON for byte offset off of text. */
json_t *iss_lsp_position(const iss_lsp *s, const char *text, size_t len, size_t off);
json_t *iss_lsp_range(const iss_lsp *s, const char *text, size_t len, size_t b0, size_t b1);

/* features.c: each returns the result of its request (NULL: null), or
 * sets *err to a JSON-RPC error code with *why. */
json_t *iss_lsp_hover(iss_lsp *s, iss_lsp_doc *d, size_t off);
json_t *iss_lsp_completion(iss_lsp *s, iss_lsp_doc *d, size_t off);
json_t *iss_lsp_definition(iss_lsp *s, iss_lsp_doc *d, size_t off, bool references,
                           bool include_declaration);
json_t *iss_lsp_code_actions(iss_lsp *s, iss_lsp_doc *d, json_t *diagnostics);

/* The end of the token at off (a key, a scalar): the diagnostics' ranges. */
size_t iss_lsp_token_end(const char *text, size_t len, size_t off);

#endif
