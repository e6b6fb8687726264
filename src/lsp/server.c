/* server.c - the language server's protocol: JSON-RPC messages, the
 * lifecycle, the documents the client has open and the settings; the
 * checks are check.c's.
 *
 * Concurrency.  The reading thread (iss_lsp_feed) answers every request
 * itself, from the documents' text and what the newest check left.  A
 * check runs on the one worker thread: each change of a document bumps its
 * generation and replaces the document's pending check, if any (no queue
 * of stale checks); a check that finishes after a newer change is thrown
 * away, not published.  The library's pipeline cannot be interrupted from
 * outside, so a check already running goes to its end, but nothing waits
 * for it: the reading thread keeps answering, and the newest text is
 * checked next.  Before a batch of messages is handled, every message
 * already read is parsed (read-ahead): a $/cancelRequest among them cancels
 * a request still waiting, and several changes of a document read together
 * make one check. */
#include "server.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* JSON-RPC 2.0's error codes and LSP's own */
enum {
    ERR_PARSE = -32700,
    ERR_INVALID_REQUEST = -32600,
    ERR_METHOD = -32601,
    ERR_PARAMS = -32602,
    ERR_INTERNAL = -32603,
    ERR_NOT_INITIALIZED = -32002,
    ERR_CANCELLED = -32800,
};

/* The requests about one open document: each method's enumerator and its
 * name, from one list. */
#define DOC_METHODS(X)                                                                             \
    X(DOC_HOVER, "textDocument/hover")                                                             \
    X(DOC_COMPLETION, "textDocument/completion")                                                   \
    X(DOC_DEFINITION, "textDocument/definition")                                                   \
    X(DOC_REFERENCES, "textDocument/references")                                                   \
    X(DOC_CODE_ACTION, "textDocument/codeAction")
#define AS_ENUM(e, name) e,
#define AS_NAME(e, name) name,
typedef enum { DOC_METHODS(AS_ENUM) } doc_method;
static const char *const doc_methods[] = {DOC_METHODS(AS_NAME) NULL};
#undef AS_ENUM
#undef AS_NAME

/* ---- output ---------------------------------------------------------- */

void iss_lsp_send(iss_lsp *s, json_t *msg)
{
    char *body = json_dumps(msg, JSON_COMPACT);
    if (!body)
        return;
    size_t n = strlen(body);
    iss_buf b = {0};
    iss_buf_printf(&b, "Content-Length: %zu\r\n\r\n", n);
    iss_buf_add(&b, body, n);
    free(body);
    pthread_mutex_lock(&s->wmu);
    s->host.write(s->host.ctx, b.s, b.len);
    pthread_mutex_unlock(&s->wmu);
    iss_buf_free(&b);
}

static void respond(iss_lsp *s, json_t *id, json_t *result)
{
    json_t *m = json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(),
                          "result", result ? result : json_null());
    iss_lsp_send(s, m);
    json_decref(m);
}

static void respond_error(iss_lsp *s, json_t *id, int code, const char *message)
{
    json_t *m = json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(),
                          "error", "code", code, "message", message);
    iss_lsp_send(s, m);
    json_decref(m);
}

void iss_lsp_notify(iss_lsp *s, const char *method, json_t *params)
{
    json_t *m = json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params", params);
    iss_lsp_send(s, m);
    json_decref(m);
}

static void show_message(iss_lsp *s, int type, const char *text)
{
    iss_lsp_notify(s, "window/showMessage", json_pack("{s:i, s:s}", "type", type, "message", text));
}

/* ---- settings -------------------------------------------------------- */

void iss_lsp_config_unref(iss_lsp_config *c)
{
    if (c && --c->refs == 0) {
        iss_editions_free(c->ed);
        free(c);
    }
}

/* An LSP DiagnosticSeverity by name; "off": not published (0). */
static int severity_named(const char *v, int dflt)
{
    if (v && strcmp(v, "off") == 0)
        return 0;
    static const char *const names[] = {"error", "warning", "information", "hint", NULL};
    int k = v ? iss_lookup(names, v) : -1;
    return k >= 0 ? k + 1 : dflt;
}

/* The settings' language, date, severities and input limits into c. */
static void config_read(iss_lsp *s, iss_lsp_config *c, json_t *set)
{
    const char *lang = json_string_value(json_object_get(set, "language"));
    if (lang && strcmp(lang, "en") == 0)
        c->lang = ISS_LANG_EN;
    else if (lang && strcmp(lang, "ja") == 0)
        c->lang = ISS_LANG_JA;
    else if (lang)
        show_message(s, 2, "isscheck: setting 'language': expected 'ja' or 'en'");
    const char *as_of = json_string_value(json_object_get(set, "asOf"));
    if (as_of && *as_of && !iss_date_parse(as_of, strlen(as_of), &c->as_of)) {
        c->as_of = ISS_NO_DATE;
        show_message(s, 2, "isscheck: setting 'asOf': expected a date YYYY-MM-DD");
    }
    json_t *sev = json_object_get(set, "severity");
    c->sev_fail = severity_named(json_string_value(json_object_get(sev, "fail")), 1);
    c->sev_review = severity_named(json_string_value(json_object_get(sev, "review")), 2);
    /* the input limits, as check's --max-* options */
    static const char *const limits[] = {"maxBytes",  "maxDepth",   "maxNodes",
                                         "maxScalar", "maxPersons", "maxEngagements"};
    size_t *const limit_of[] = {&c->lim.max_bytes,  &c->lim.max_depth,   &c->lim.max_nodes,
                                &c->lim.max_scalar, &c->lim.max_persons, &c->lim.max_engagements};
    for (size_t k = 0; k < sizeof limits / sizeof *limits; k++) {
        json_t *v = json_object_get(set, limits[k]);
        if (json_is_integer(v) && json_integer_value(v) > 0)
            *limit_of[k] = (size_t)json_integer_value(v);
        else if (v)
            show_message(s, 2, "isscheck: a limit setting must be a positive whole number");
    }
}

/* c->ed: the criteria of the settings' folders (a string or a list of
 * strings), else, saying why, the built-in sets; NULL when even those
 * fail. */
static void config_criteria(iss_lsp *s, iss_lsp_config *c, json_t *cr)
{
    const char **dirs = iss_xmalloc((json_array_size(cr) + 1) * sizeof *dirs);
    size_t n = 0;
    if (json_is_string(cr) && *json_string_value(cr))
        dirs[n++] = json_string_value(cr);
    size_t i;
    json_t *x;
    json_array_foreach(cr, i, x) if (json_is_string(x)) dirs[n++] = json_string_value(x);
    iss_diags d = {0};
    c->ed = s->host.load_editions(dirs, n, &d);
    if (!c->ed) {
        iss_buf b = {0};
        iss_buf_puts(&b, "isscheck: the criteria could not be loaded; using the built-in sets:");
        for (size_t k = 0; k < d.n; k++) {
            iss_buf_puts(&b, "\n");
            iss_diag_line(&b, &d.v[k], "isscheck", c->lang);
        }
        show_message(s, 1, b.s);
        iss_buf_free(&b);
        iss_diags_free(&d);
        c->ed = s->host.load_editions(NULL, 0, &d);
    }
    iss_diags_free(&d);
    free(dirs);
}

/* A new configuration from the client's settings (NULL: the defaults);
 * what cannot be used is said in a message and left at its default. */
static iss_lsp_config *config_new(iss_lsp *s, json_t *set)
{
    if (json_is_object(json_object_get(set, "isscheck")))
        set = json_object_get(set, "isscheck");
    if (!json_is_object(set))
        set = NULL;
    iss_lsp_config *c = iss_xmalloc(sizeof *c);
    *c = (iss_lsp_config){.refs = 1,
                          .lim = iss_default_limits,
                          .as_of = ISS_NO_DATE,
                          .lang = s->host.lang,
                          .sev_fail = 1,
                          .sev_review = 2};
    config_read(s, c, set);
    config_criteria(s, c, json_object_get(set, "criteria"));
    if (!c->ed) { /* even the built-in sets: nothing can be checked */
        free(c);
        return NULL;
    }
    /* The catalogue's patterns are compiled when first needed: here, once,
     * rather than in every child process a check runs in (they would be
     * compiled and thrown away each time, milliseconds per check). */
    for (size_t k = 0; k < c->ed->nsets; k++) {
        const iss_criteria *cs = c->ed->sets[k];
        for (int t = ISS_ENTRY_QUALIFICATION; t <= ISS_ENTRY_EDUCATION; t++)
            (void)iss_catalogue_match(cs, (iss_entry_type)t, "");
        for (size_t e = 0; e < cs->nentries; e++)
            if (cs->entries[e].number_src)
                (void)iss_entry_number_ok(&cs->entries[e], "");
    }
    return c;
}

/* ---- documents ------------------------------------------------------- */

iss_lsp_doc *iss_lsp_find(iss_lsp *s, const char *uri)
{
    for (iss_lsp_doc *d = s->docs; d; d = d->next)
        if (strcmp(d->uri, uri) == 0)
            return d;
    return NULL;
}

static void doc_free(iss_lsp_doc *d)
{
    free(d->uri);
    free(d->text);
    iss_lsp_marks_free(d->marks, d->nmarks);
    free(d->provider);
    free(d);
}

static const char *text_document_uri(json_t *params)
{
    return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

static bool did_open(iss_lsp *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text))
        return false;
    pthread_mutex_lock(&s->mu);
    iss_lsp_doc *d = iss_lsp_find(s, uri);
    if (!d) {
        d = iss_xmalloc(sizeof *d);
        memset(d, 0, sizeof *d);
        d->uri = iss_xstrdup(uri);
        d->next = s->docs;
        s->docs = d;
    }
    free(d->text);
    d->len = json_string_length(text);
    d->text = iss_xmemdup(json_string_value(text), d->len);
    d->version = (long)json_integer_value(json_object_get(td, "version"));
    d->gen++;
    pthread_mutex_unlock(&s->mu);
    iss_lsp_post_check(s, d);
    return true;
}

static bool did_change(iss_lsp *s, json_t *params)
{
    const char *uri = text_document_uri(params);
    json_t *changes = json_object_get(params, "contentChanges");
    iss_lsp_doc *d = uri ? iss_lsp_find(s, uri) : NULL;
    if (!d || !json_is_array(changes))
        return false;
    iss_buf t = {0};
    iss_buf_add(&t, d->text, d->len);
    size_t i;
    json_t *c;
    json_array_foreach(changes, i, c)
    {
        json_t *text = json_object_get(c, "text");
        if (!json_is_string(text))
            continue;
        json_t *range = json_object_get(c, "range");
        size_t b0 = 0, b1 = t.len;
        if (json_is_object(range)) { /* an incremental change, if a client sends one */
            json_t *st = json_object_get(range, "start"), *en = json_object_get(range, "end");
            b0 = iss_pos_to_byte(t.s ? t.s : "", t.len, s->enc,
                                 (long)json_integer_value(json_object_get(st, "line")),
                                 (long)json_integer_value(json_object_get(st, "character")));
            b1 = iss_pos_to_byte(t.s ? t.s : "", t.len, s->enc,
                                 (long)json_integer_value(json_object_get(en, "line")),
                                 (long)json_integer_value(json_object_get(en, "character")));
            if (b1 < b0)
                b1 = b0;
        }
        iss_buf n = {0};
        iss_buf_add(&n, t.s ? t.s : "", b0);
        iss_buf_add(&n, json_string_value(text), json_string_length(text));
        iss_buf_add(&n, t.s ? t.s + b1 : "", t.len - b1);
        iss_buf_free(&t);
        t = n;
    }
    pthread_mutex_lock(&s->mu);
    free(d->text);
    d->text = iss_xmemdup(t.s ? t.s : "", t.len);
    d->len = t.len;
    d->version = (long)json_integer_value(
        json_object_get(json_object_get(params, "textDocument"), "version"));
    d->gen++;
    pthread_mutex_unlock(&s->mu);
    iss_buf_free(&t);
    iss_lsp_post_check(s, d);
    return true;
}

static bool did_close(iss_lsp *s, json_t *params)
{
    const char *uri = text_document_uri(params);
    if (!uri)
        return false;
    pthread_mutex_lock(&s->mu);
    for (iss_lsp_doc **p = &s->docs; *p; p = &(*p)->next)
        if (strcmp((*p)->uri, uri) == 0) {
            iss_lsp_doc *d = *p;
            *p = d->next;
            doc_free(d);
            /* a closed document keeps no diagnostics */
            iss_lsp_notify(s, "textDocument/publishDiagnostics",
                           json_pack("{s:s, s:[]}", "uri", uri, "diagnostics"));
            break;
        }
    pthread_mutex_unlock(&s->mu);
    iss_lsp_poke(s);
    return true;
}

static void configure(iss_lsp *s, json_t *settings)
{
    iss_lsp_config *c = config_new(s, settings);
    if (!c)
        return;
    pthread_mutex_lock(&s->mu);
    iss_lsp_config *old = s->cfg;
    s->cfg = c;
    pthread_mutex_unlock(&s->mu);
    if (old) {
        pthread_mutex_lock(&s->mu);
        iss_lsp_config_unref(old); /* jobs still running with it keep their reference */
        pthread_mutex_unlock(&s->mu);
    }
    for (iss_lsp_doc *d = s->docs; d; d = d->next) {
        pthread_mutex_lock(&s->mu);
        d->gen++;
        pthread_mutex_unlock(&s->mu);
        iss_lsp_post_check(s, d);
    }
}

/* ---- the lifecycle --------------------------------------------------- */

static json_t *initialize(iss_lsp *s, json_t *params)
{
    /* positionEncoding (3.17): the first the client offers that we know */
    s->enc = ISS_ENC_UTF16;
    size_t i;
    json_t *e;
    json_array_foreach(
        json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
                        "positionEncodings"),
        i, e)
    {
        const char *v = json_string_value(e);
        if (v && strcmp(v, "utf-16") == 0)
            break;
        if (v && strcmp(v, "utf-8") == 0) {
            s->enc = ISS_ENC_UTF8;
            break;
        }
        if (v && strcmp(v, "utf-32") == 0) {
            s->enc = ISS_ENC_UTF32;
            break;
        }
    }
    configure(s, json_object_get(params, "initializationOptions"));
    return json_pack("{s:{s:s, s:{s:b, s:i, s:{s:b}}, s:b, s:{s:[s,s,s,s,s], s:b}, s:b, s:b, "
                     "s:{s:[s]}}, s:{s:s, s:s}}",
                     "capabilities", "positionEncoding", iss_pos_enc_name(s->enc),
                     "textDocumentSync", "openClose", 1, "change", 1, "save", "includeText", 0,
                     "hoverProvider", 1, "completionProvider", "triggerCharacters", ":", " ", "[",
                     ",", "-", "resolveProvider", 0, "definitionProvider", 1, "referencesProvider",
                     1, "codeActionProvider", "codeActionKinds", "quickfix", "serverInfo", "name",
                     "isscheck", "version", s->host.version ? s->host.version : "");
}

/* The byte offset of params' position in d, or SIZE_MAX when params does
 * not name one. */
static size_t param_offset(const iss_lsp *s, const iss_lsp_doc *d, json_t *params)
{
    json_t *p = json_object_get(params, "position");
    json_t *line = json_object_get(p, "line"), *ch = json_object_get(p, "character");
    if (!json_is_integer(line) || !json_is_integer(ch))
        return (size_t)-1;
    return iss_pos_to_byte(d->text, d->len, s->enc, (long)json_integer_value(line),
                           (long)json_integer_value(ch));
}

/* A request about one document (m): answered from its text and its
 * newest check; nothing for a document the client has not opened. */
static void doc_request(iss_lsp *s, doc_method m, json_t *id, json_t *params)
{
    const char *uri = text_document_uri(params);
    iss_lsp_doc *d = uri ? iss_lsp_find(s, uri) : NULL;
    if (!uri) {
        respond_error(s, id, ERR_PARAMS, "params.textDocument.uri is missing");
        return;
    }
    if (!d) { /* a document the client has not opened: nothing to say */
        respond(s, id, m == DOC_REFERENCES || m == DOC_CODE_ACTION ? json_array() : NULL);
        return;
    }
    if (m == DOC_CODE_ACTION) {
        json_t *diags = json_object_get(json_object_get(params, "context"), "diagnostics");
        respond(s, id, iss_lsp_code_actions(s, d, diags));
        return;
    }
    size_t off = param_offset(s, d, params);
    if (off == (size_t)-1) {
        respond_error(s, id, ERR_PARAMS, "params.position is missing or not a position");
        return;
    }
    json_t *r =
        m == DOC_HOVER ? iss_lsp_hover(s, d, off)
        : m == DOC_COMPLETION
            ? iss_lsp_completion(s, d, off)
            : iss_lsp_definition(s, d, off, m == DOC_REFERENCES,
                                 json_is_true(json_object_get(json_object_get(params, "context"),
                                                              "includeDeclaration")));
    respond(s, id, r);
}

/* A request: the lifecycle's here, in the order the states allow them. */
static void request(iss_lsp *s, const char *method, json_t *id, json_t *params)
{
    if (strcmp(method, "initialize") == 0) {
        if (s->state != ISS_LSP_NEW) {
            respond_error(s, id, ERR_INVALID_REQUEST, "initialize was already sent");
            return;
        }
        json_t *r = initialize(s, params);
        if (!s->cfg) {
            json_decref(r);
            respond_error(s, id, ERR_INTERNAL, "isscheck: no criteria could be loaded");
            return;
        }
        s->state = ISS_LSP_RUNNING;
        respond(s, id, r);
        return;
    }
    if (s->state == ISS_LSP_NEW) {
        respond_error(s, id, ERR_NOT_INITIALIZED, "the server is not initialized");
        return;
    }
    if (s->state == ISS_LSP_SHUTDOWN) {
        respond_error(s, id, ERR_INVALID_REQUEST, "the server is shut down: only exit remains");
        return;
    }
    if (strcmp(method, "shutdown") == 0) {
        s->state = ISS_LSP_SHUTDOWN;
        respond(s, id, NULL);
        return;
    }
    if (strcmp(method, "isscheck/status") == 0) {
        /* for tests and the benchmark: what the worker has done */
        pthread_mutex_lock(&s->mu);
        json_t *r = json_pack("{s:I, s:I, s:b, s:f}", "checks", (json_int_t)s->checks, "superseded",
                              (json_int_t)s->superseded, "busy", s->busy || s->jobs || s->here,
                              "lastCheckMs", s->last_ms);
        pthread_mutex_unlock(&s->mu);
        respond(s, id, r);
        return;
    }
    int m = iss_lookup(doc_methods, method);
    if (m < 0)
        respond_error(s, id, ERR_METHOD, "method not found");
    else
        doc_request(s, (doc_method)m, id, params);
}

static void notification(iss_lsp *s, const char *method, json_t *params)
{
    if (s->state != ISS_LSP_RUNNING)
        return; /* before initialize and after shutdown: dropped (exit is handled before) */
    if (strcmp(method, "textDocument/didOpen") == 0)
        did_open(s, params);
    else if (strcmp(method, "textDocument/didChange") == 0)
        did_change(s, params);
    else if (strcmp(method, "textDocument/didClose") == 0)
        did_close(s, params);
    else if (strcmp(method, "workspace/didChangeConfiguration") == 0)
        configure(s, json_object_get(params, "settings"));
    /* initialized, didSave (the text is the one already checked),
     * $/cancelRequest (read ahead: see feed), $/setTrace and anything else
     * need nothing */
}

/* One message.  Returns false after exit. */
static bool handle(iss_lsp *s, json_t *msg, json_t *cancelled)
{
    if (!json_is_object(msg)) {
        respond_error(s, NULL, ERR_INVALID_REQUEST, "a message must be a JSON object");
        return true;
    }
    json_t *id = json_object_get(msg, "id");
    json_t *method = json_object_get(msg, "method");
    bool has_id = id != NULL;
    if (has_id && !json_is_string(id) && !json_is_integer(id)) {
        respond_error(s, NULL, ERR_INVALID_REQUEST, "an id must be a number or a string");
        return true;
    }
    if (!json_is_string(method)) {
        if (has_id && (json_object_get(msg, "result") || json_object_get(msg, "error")))
            return true; /* a response: this server sends no requests */
        respond_error(s, id, ERR_INVALID_REQUEST, "a request needs a method");
        return true;
    }
    const char *jr = json_string_value(json_object_get(msg, "jsonrpc"));
    if (!jr || strcmp(jr, "2.0") != 0) {
        if (has_id)
            respond_error(s, id, ERR_INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        return true;
    }
    const char *m = json_string_value(method);
    json_t *params = json_object_get(msg, "params");
    if (!has_id) {
        if (strcmp(m, "exit") == 0) {
            s->clean_exit = s->state == ISS_LSP_SHUTDOWN;
            s->state = ISS_LSP_EXITED;
            return false;
        }
        notification(s, m, params);
        return true;
    }
    size_t i;
    json_t *c;
    json_array_foreach(cancelled, i, c) if (json_equal(c, id))
    {
        respond_error(s, id, ERR_CANCELLED, "cancelled");
        return true;
    }
    request(s, m, id, params);
    return true;
}

bool iss_lsp_feed(iss_lsp *s, const char *bytes, size_t n)
{
    if (s->state == ISS_LSP_EXITED)
        return false;
    iss_frame_add(&s->fr, bytes, n);
    /* read ahead: every whole message now, so a cancel reaches a request
     * still waiting */
    json_t *batch = json_array(), *cancelled = json_array();
    for (;;) {
        const char *body, *why;
        size_t len;
        iss_frame_event ev = iss_frame_next(&s->fr, &body, &len, &why);
        if (ev == ISS_FRAME_MORE)
            break;
        if (ev == ISS_FRAME_ERROR) {
            json_array_append_new(batch, json_pack("{s:s}", "$frame", why));
            continue;
        }
        json_error_t err;
        json_t *msg = json_loadb(body, len, JSON_DECODE_ANY, &err);
        if (!msg) {
            json_array_append_new(batch, json_pack("{s:s}", "$json", err.text));
            continue;
        }
        const char *m = json_string_value(json_object_get(msg, "method"));
        json_t *p = json_object_get(msg, "params");
        if (m && strcmp(m, "$/cancelRequest") == 0 && json_object_get(p, "id"))
            json_array_append(cancelled, json_object_get(p, "id"));
        json_array_append_new(batch, msg);
    }
    bool go = true;
    size_t i;
    json_t *msg;
    json_array_foreach(batch, i, msg)
    {
        if (!go)
            break;
        json_t *fe = json_object_get(msg, "$frame"), *je = json_object_get(msg, "$json");
        if (json_object_size(msg) == 1 && (fe || je)) {
            if (s->state == ISS_LSP_EXITED)
                continue;
            iss_buf b = {0};
            iss_buf_printf(&b, "%s: %s", fe ? "malformed frame" : "invalid JSON",
                           json_string_value(fe ? fe : je));
            respond_error(s, NULL, fe ? ERR_INVALID_REQUEST : ERR_PARSE, b.s);
            iss_buf_free(&b);
            continue;
        }
        go = handle(s, msg, cancelled);
    }
    json_decref(batch);
    json_decref(cancelled);
    iss_lsp_run_pending(s);
    return go;
}

/* ---- the server ------------------------------------------------------ */

iss_lsp *iss_lsp_new(const iss_lsp_host *host)
{
    iss_lsp *s = iss_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->host = *host;
    s->fr.max_body = host->max_message;
    s->enc = ISS_ENC_UTF16;
    pthread_mutex_init(&s->mu, NULL);
    pthread_mutex_init(&s->wmu, NULL);
    pthread_cond_init(&s->cv, NULL);
    s->wake[0] = s->wake[1] = -1;
    if (host->threaded && pipe(s->wake) == 0) {
        /* non-blocking both ways: a full pipe already holds a wake-up */
        fcntl(s->wake[0], F_SETFL, O_NONBLOCK);
        fcntl(s->wake[1], F_SETFL, O_NONBLOCK);
        fcntl(s->wake[0], F_SETFD, FD_CLOEXEC);
        fcntl(s->wake[1], F_SETFD, FD_CLOEXEC);
        s->has_worker = pthread_create(&s->worker, NULL, iss_lsp_worker, s) == 0;
        if (!s->has_worker) {
            close(s->wake[0]);
            close(s->wake[1]);
            s->wake[0] = s->wake[1] = -1;
        }
    }
    return s;
}

int iss_lsp_status(const iss_lsp *s)
{
    return s->clean_exit ? 0 : 1;
}

void iss_lsp_free(iss_lsp *s)
{
    if (!s)
        return;
    if (s->has_worker) {
        pthread_mutex_lock(&s->mu);
        s->stop = true;
        pthread_cond_signal(&s->cv);
        pthread_mutex_unlock(&s->mu);
        iss_lsp_poke(s);
        pthread_join(s->worker, NULL);
    }
    if (s->wake[0] >= 0) {
        close(s->wake[0]);
        close(s->wake[1]);
    }
    for (int k = 0; k < 2; k++) /* no thread left: no lock needed */
        while (k ? s->here : s->jobs) {
            iss_lsp_job **list = k ? &s->here : &s->jobs;
            iss_lsp_job *j = *list;
            *list = j->next;
            iss_lsp_config_unref(j->cfg);
            iss_lsp_job_free(j);
        }
    while (s->docs) {
        iss_lsp_doc *d = s->docs;
        s->docs = d->next;
        doc_free(d);
    }
    iss_lsp_config_unref(s->cfg);
    iss_frame_free(&s->fr);
    pthread_mutex_destroy(&s->mu);
    pthread_mutex_destroy(&s->wmu);
    pthread_cond_destroy(&s->cv);
    free(s);
}
