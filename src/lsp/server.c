/* server.c - the language server's protocol: JSON-RPC messages, the
 * lifecycle, the documents the client has open, settings, and checks.
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

#include "isscheck/report.h"
#include "isscheck/run.h"
#include "isscheck/waivers.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Documents this large or larger are checked in a child process. */
#ifndef ISS_LSP_FORK_MIN
#define ISS_LSP_FORK_MIN (256u << 10)
#endif

enum {
    ERR_PARSE = -32700,
    ERR_INVALID_REQUEST = -32600,
    ERR_METHOD = -32601,
    ERR_PARAMS = -32602,
    ERR_NOT_INITIALIZED = -32002,
    ERR_CANCELLED = -32800,
};

/* Milliseconds of a monotonic clock. */
static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    return memcpy(iss_xmalloc(n + 1), s, n + 1);
}

static char *xmemdup(const char *s, size_t n)
{
    char *p = iss_xmalloc(n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

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

static void notify(iss_lsp *s, const char *method, json_t *params)
{
    json_t *m = json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params", params);
    iss_lsp_send(s, m);
    json_decref(m);
}

static void show_message(iss_lsp *s, int type, const char *text)
{
    notify(s, "window/showMessage", json_pack("{s:i, s:s}", "type", type, "message", text));
}

/* ---- positions ------------------------------------------------------- */

/* Line starts of a text, for the many positions of one check. */
typedef struct {
    size_t *v;
    size_t n;
} lines;

static lines lines_of(const char *t, size_t len)
{
    lines l = {NULL, 0};
    size_t cap = 64;
    l.v = iss_xmalloc(cap * sizeof *l.v);
    l.v[l.n++] = 0;
    for (size_t i = 0; i < len; i++) {
        bool br = t[i] == '\n' || (t[i] == '\r' && (i + 1 >= len || t[i + 1] != '\n'));
        if (!br)
            continue;
        if (l.n == cap) {
            cap *= 2;
            l.v = iss_xrealloc(l.v, cap * sizeof *l.v);
        }
        l.v[l.n++] = i + 1;
    }
    return l;
}

static size_t line_of(const lines *l, size_t off)
{
    size_t lo = 0, hi = l->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->v[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static json_t *pos_json(iss_pos_enc enc, const char *t, const lines *l, size_t off)
{
    size_t line = line_of(l, off);
    return json_pack("{s:I, s:I}", "line", (json_int_t)line, "character",
                     (json_int_t)iss_byte_to_char(t, l->v[line], off, enc));
}

static json_t *range_json(iss_pos_enc enc, const char *t, const lines *l, size_t b0, size_t b1)
{
    return json_pack("{s:o, s:o}", "start", pos_json(enc, t, l, b0), "end",
                     pos_json(enc, t, l, b1));
}

json_t *iss_lsp_position(const iss_lsp *s, const char *text, size_t len, size_t off)
{
    lines l = lines_of(text, len);
    json_t *p = pos_json(s->enc, text, &l, off);
    free(l.v);
    return p;
}

json_t *iss_lsp_range(const iss_lsp *s, const char *text, size_t len, size_t b0, size_t b1)
{
    lines l = lines_of(text, len);
    json_t *r = range_json(s->enc, text, &l, b0, b1);
    free(l.v);
    return r;
}

/* The byte offset of isscheck's location with the line index. */
static size_t loc_byte(const char *t, size_t len, const lines *l, iss_loc loc)
{
    if (loc.line <= 0)
        return 0;
    if ((size_t)loc.line > l->n)
        return len;
    size_t i = l->v[loc.line - 1];
    if (loc.line == 1 && len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    /* the columns of the line, counted as position.c counts them */
    size_t end = i;
    while (end < len && t[end] != '\n' && t[end] != '\r')
        end++;
    for (int c = 1; i < end && c < loc.col; c++) {
        unsigned char b = (unsigned char)t[i];
        size_t k = b < 0x80             ? 1
                   : (b & 0xE0) == 0xC0 ? 2
                   : (b & 0xF0) == 0xE0 ? 3
                   : (b & 0xF8) == 0xF0 ? 4
                                        : 1;
        if (i + k > end)
            k = 1;
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)t[i + j] & 0xC0) != 0x80)
                k = 1;
        i += k;
    }
    return i;
}

size_t iss_lsp_token_end(const char *t, size_t len, size_t off)
{
    size_t e = off;
    if (e < len && (t[e] == '"' || t[e] == '\'')) { /* a quoted scalar */
        char q = t[e++];
        while (e < len && t[e] != q && t[e] != '\n' && t[e] != '\r')
            e++;
        return e < len && t[e] == q ? e + 1 : e;
    }
    while (e < len && !strchr(" \t\r\n,]}#", t[e]) &&
           !(t[e] == ':' && (e + 1 >= len || strchr(" \t\r\n", t[e + 1]))))
        e++;
    if (e == off) { /* nothing to mark there: the rest of the line */
        while (e < len && t[e] != '\n' && t[e] != '\r')
            e++;
        while (e > off && (t[e - 1] == ' ' || t[e - 1] == '\t'))
            e--;
    }
    return e;
}

/* ---- settings -------------------------------------------------------- */

static void config_unref(iss_lsp_config *c)
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

/* A new configuration from the client's settings (NULL: the defaults);
 * what cannot be used is said in a message and left at its default. */
static iss_lsp_config *config_new(iss_lsp *s, json_t *set)
{
    iss_lsp_config *c = iss_xmalloc(sizeof *c);
    memset(c, 0, sizeof *c);
    c->refs = 1;
    c->lim = iss_default_limits;
    c->as_of = ISS_NO_DATE;
    c->lang = s->host.lang;
    c->sev_fail = 1;
    c->sev_review = 2;
    if (json_is_object(json_object_get(set, "isscheck")))
        set = json_object_get(set, "isscheck");
    if (!json_is_object(set))
        set = NULL;
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
    /* criteria folders: a string or a list of strings */
    json_t *cr = json_object_get(set, "criteria");
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

/* ---- checks ---------------------------------------------------------- */

static void job_free(iss_lsp_job *j)
{
    if (!j)
        return;
    free(j->uri);
    free(j->text);
    free(j);
}

static void marks_free(iss_lsp_mark *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(m[i].rule);
        free(m[i].hover);
    }
    free(m);
}

/* What a check of one text found, ready to publish. */
typedef struct {
    json_t *diags;
    iss_lsp_mark *marks;
    size_t nmarks, cap;
    char *provider;
} outcome;

static json_t *fix_data(const iss_diag *x)
{
    /* the loader's English messages (fields.c) name what a fix needs */
    const char *m = x->msg;
    static const char unknown[] = "unknown key '", mean[] = "; did you mean '",
                      missing[] = "missing required key '";
    if (strncmp(m, unknown, sizeof unknown - 1) == 0) {
        const char *k = m + sizeof unknown - 1, *ke = strchr(k, '\'');
        const char *dm = strstr(m, mean);
        if (ke && dm) {
            const char *v = dm + sizeof mean - 1, *ve = strchr(v, '\'');
            if (ve)
                return json_pack("{s:s, s:s#, s:s#}", "fix", "rename", "from", k, (int)(ke - k),
                                 "to", v, (int)(ve - v));
        }
    }
    if (strncmp(m, missing, sizeof missing - 1) == 0) {
        const char *k = m + sizeof missing - 1, *ke = strchr(k, '\'');
        if (ke)
            return json_pack("{s:s, s:s#}", "fix", "add", "key", k, (int)(ke - k));
    }
    return NULL;
}

static void add_diag_records(outcome *o, const iss_diags *d, iss_pos_enc enc, const char *t,
                             size_t len, const lines *l, iss_lang lang)
{
    for (size_t i = 0; i < d->n; i++) {
        const iss_diag *x = &d->v[i];
        size_t b0 = x->byte >= 0 ? ((size_t)x->byte < len ? (size_t)x->byte : len)
                                 : loc_byte(t, len, l, x->loc);
        size_t b1 = x->loc.line > 0 ? iss_lsp_token_end(t, len, b0) : b0;
        json_t *dg = json_pack("{s:o, s:i, s:s, s:s}", "range", range_json(enc, t, l, b0, b1),
                               "severity", x->sev == ISS_SEV_ERROR ? 1 : 2, "source", "isscheck",
                               "message", iss_diag_msg(x, lang));
        json_t *data = fix_data(x);
        if (data)
            json_object_set_new(dg, "data", data);
        json_array_append_new(o->diags, dg);
    }
}

/* The reason a result's diagnostic shows: its first note that says why
 * it failed (or needs review), else its first note. */
static size_t first_reason(const iss_result *r)
{
    iss_mark want = r->verdict == ISS_FAIL ? ISS_MARK_FAIL : ISS_MARK_REVIEW;
    for (size_t i = 0; i < r->nnotes; i++)
        if (r->notes[i].mark == want)
            return i;
    for (size_t i = 0; i < r->nnotes; i++)
        if (r->notes[i].mark != ISS_MARK_INFO && r->notes[i].mark != ISS_MARK_PASS)
            return i;
    return 0;
}

/* For the code action that sets a lead group's stated counts: the counts
 * the rule computed, in the order of its paths. */
static json_t *counts_fix(const iss_result *r)
{
    if (r->rule->kind != ISS_CHECK_QUALIFIED_LEADS || !r->rule->leads.disclose_counts)
        return NULL;
    bool wrong = false;
    for (size_t i = 0; i < r->nnotes; i++)
        wrong |= r->notes[i].msg == M_COUNT_MISMATCH || r->notes[i].msg == M_COUNT_ABSENT ||
                 r->notes[i].msg == M_COUNTS_MISSING || r->notes[i].msg == M_COUNT_UNKNOWN;
    if (!wrong)
        return NULL;
    json_t *counts = json_object();
    size_t k = 0;
    for (size_t i = 0; i < r->nnotes && k < r->rule->leads.npaths; i++)
        if (r->notes[i].msg == M_PATH_COUNT && r->notes[i].args[1])
            json_object_set_new(counts, r->rule->leads.paths[k++].id,
                                json_integer(strtol(r->notes[i].args[1], NULL, 10)));
    if (k != r->rule->leads.npaths) {
        json_decref(counts);
        return NULL;
    }
    bool stated = true;
    for (size_t i = 0; i < r->nnotes; i++)
        stated &= r->notes[i].msg != M_COUNTS_MISSING;
    return json_pack("{s:s, s:o, s:b}", "fix", "counts", "counts", counts, "stated", stated);
}

static void add_results(outcome *o, const iss_report *rep, const iss_lsp_config *cfg,
                        iss_pos_enc enc, const char *uri, const char *t, size_t len, const lines *l)
{
    iss_lang lang = cfg->lang;
    iss_buf b = {0};
    for (size_t i = 0; i < rep->nresults; i++) {
        const iss_result *r = &rep->results[i];
        if (r->verdict != ISS_FAIL && r->verdict != ISS_REVIEW)
            continue;
        const iss_rule *rule = r->rule;
        size_t b0 = loc_byte(t, len, l, r->loc);
        size_t b1 = r->loc.line > 0 ? iss_lsp_token_end(t, len, b0) : b0;
        size_t why = first_reason(r);
        int sev = r->verdict == ISS_FAIL ? cfg->sev_fail : cfg->sev_review;
        b.len = 0;
        if (r->nnotes)
            iss_note_render(&b, &r->notes[why], lang);
        else
            iss_buf_puts(&b,
                         lang == ISS_LANG_EN && rule->title_en ? rule->title_en : rule->title_ja);
        json_t *dg = json_pack("{s:o, s:i, s:s, s:s, s:s#}", "range", range_json(enc, t, l, b0, b1),
                               "severity", sev ? sev : 4, "code", rule->id, "source", "isscheck",
                               "message", b.s ? b.s : "", (int)b.len);
        /* the other reasons, then the citation */
        json_t *rel = json_array();
        for (size_t k = 0; k < r->nnotes; k++) {
            if (k == why)
                continue;
            b.len = 0;
            iss_note_render(&b, &r->notes[k], lang);
            iss_loc at = r->notes[k].loc.line > 0 ? r->notes[k].loc : r->loc;
            size_t n0 = loc_byte(t, len, l, at);
            json_array_append_new(
                rel, json_pack("{s:{s:s, s:o}, s:s#}", "location", "uri", uri, "range",
                               range_json(enc, t, l, n0, iss_lsp_token_end(t, len, n0)), "message",
                               b.s ? b.s : "", (int)b.len));
        }
        b.len = 0;
        const char *title = lang == ISS_LANG_EN && rule->title_en ? rule->title_en : rule->title_ja;
        iss_buf_printf(&b, "%s %s%s%s (%s %s)", rule->id, rule->clause ? rule->clause : "",
                       title ? " " : "", title ? title : "", rule->set ? rule->set->title : "",
                       rule->set ? rule->set->edition : "");
        json_array_append_new(rel,
                              json_pack("{s:{s:s, s:o}, s:s#}", "location", "uri", uri, "range",
                                        range_json(enc, t, l, b0, b1), "message", b.s, (int)b.len));
        json_object_set_new(dg, "relatedInformation", rel);
        json_t *data = counts_fix(r);
        if (data)
            json_object_set_new(dg, "data", data);
        if (sev)
            json_array_append_new(o->diags, dg);
        else
            json_decref(dg);

        /* hover: the rule, its citation, the verbatim clause text, the reasons */
        b.len = 0;
        iss_buf_printf(&b, "**%s** %s — %s\n\n", rule->id, title ? title : "",
                       iss_verdict_label(r->verdict, lang));
        if (rule->clause)
            iss_buf_printf(&b, "%s %s, %s\n\n", rule->set ? rule->set->title : "",
                           rule->set ? rule->set->edition : "", rule->clause);
        const char *text = rule->text ? rule->text : rule->text_unavailable;
        for (const char *p = text; p && *p;) {
            const char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            iss_buf_puts(&b, "> ");
            iss_buf_add(&b, p, n);
            iss_buf_puts(&b, "\n");
            p = e ? e + 1 : p + n;
        }
        iss_buf_puts(&b, "\n");
        for (size_t k = 0; k < r->nnotes; k++) {
            iss_buf_puts(&b, "- ");
            iss_note_render(&b, &r->notes[k], lang);
            iss_buf_puts(&b, "\n");
        }
        if (o->nmarks == o->cap) {
            o->cap = o->cap ? 2 * o->cap : 16;
            o->marks = iss_xrealloc(o->marks, o->cap * sizeof *o->marks);
        }
        o->marks[o->nmarks++] =
            (iss_lsp_mark){r->loc, xstrdup(rule->id), xmemdup(b.s ? b.s : "", b.len)};
    }
    iss_buf_free(&b);
}

/* Checks one text as its kind says (classify.h): a declaration through the
 * whole pipeline, a waivers file as a waivers file, other YAML not at all. */
static outcome check_text(const iss_lsp_job *j, iss_pos_enc enc)
{
    outcome o = {json_array(), NULL, 0, 0, NULL};
    iss_file_kind kind = iss_classify(j->text, j->len);
    if (kind == ISS_KIND_OTHER)
        return o;
    const iss_lsp_config *cfg = j->cfg;
    lines l = lines_of(j->text, j->len);
    if (kind == ISS_KIND_WAIVERS) {
        iss_diags d = {0};
        iss_waivers *w = iss_waivers_parse(j->text, j->len, j->uri, cfg->ed, &cfg->lim, &d);
        add_diag_records(&o, &d, enc, j->text, j->len, &l, cfg->lang);
        iss_waivers_free(w);
        iss_diags_free(&d);
    } else {
        iss_check_options co = {
            .editions = cfg->ed, .limits = &cfg->lim, .as_of = cfg->as_of, .today = j->today};
        iss_checked *c = iss_check_bytes(j->text, j->len, j->uri, &co);
        add_diag_records(&o, &c->diags, enc, j->text, j->len, &l, cfg->lang);
        if (c->result.report)
            add_results(&o, c->result.report, cfg, enc, j->uri, j->text, j->len, &l);
        if (c->decl && c->decl->provider.s)
            o.provider = xstrdup(c->decl->provider.s);
        iss_checked_free(c);
    }
    free(l.v);
    return o;
}

static void outcome_free(outcome *o)
{
    json_decref(o->diags);
    marks_free(o->marks, o->nmarks);
    free(o->provider);
    memset(o, 0, sizeof *o);
}

/* An outcome as one JSON text, for the pipe from the checking process. */
static char *outcome_dump(const outcome *o)
{
    json_t *marks = json_array();
    for (size_t i = 0; i < o->nmarks; i++)
        json_array_append_new(marks, json_pack("{s:i, s:i, s:s, s:s}", "line", o->marks[i].loc.line,
                                               "col", o->marks[i].loc.col, "rule", o->marks[i].rule,
                                               "hover", o->marks[i].hover));
    json_t *m = json_pack("{s:O, s:o, s:s?}", "diagnostics", o->diags, "marks", marks, "provider",
                          o->provider);
    char *text = json_dumps(m, JSON_COMPACT);
    json_decref(m);
    return text;
}

static bool outcome_load(const char *text, size_t n, outcome *o)
{
    memset(o, 0, sizeof *o);
    json_t *m = json_loadb(text, n, 0, NULL);
    json_t *diags = json_object_get(m, "diagnostics"), *marks = json_object_get(m, "marks");
    if (!json_is_array(diags) || !json_is_array(marks)) {
        json_decref(m);
        return false;
    }
    o->diags = json_incref(diags);
    o->cap = json_array_size(marks);
    o->marks = iss_xmalloc((o->cap + 1) * sizeof *o->marks);
    size_t i;
    json_t *x;
    json_array_foreach(marks, i, x)
    {
        const char *rule = json_string_value(json_object_get(x, "rule"));
        const char *hover = json_string_value(json_object_get(x, "hover"));
        o->marks[o->nmarks++] = (iss_lsp_mark){{(int)json_integer_value(json_object_get(x, "line")),
                                                (int)json_integer_value(json_object_get(x, "col"))},
                                               xstrdup(rule ? rule : ""),
                                               xstrdup(hover ? hover : "")};
    }
    const char *p = json_string_value(json_object_get(m, "provider"));
    o->provider = p ? xstrdup(p) : NULL;
    json_decref(m);
    return true;
}

/* Whether j has been superseded (a newer change, the document closed, the
 * server stopping). */
static bool stale(iss_lsp *s, const iss_lsp_job *j)
{
    pthread_mutex_lock(&s->mu);
    const iss_lsp_doc *d = iss_lsp_find(s, j->uri);
    bool old = s->stop || !d || d->gen != j->gen;
    pthread_mutex_unlock(&s->mu);
    return old;
}

/* Tells the worker that a job may have become stale. */
static void poke(iss_lsp *s)
{
    if (s->has_worker) {
        char c = 1;
        ssize_t w = write(s->wake[1], &c, 1); /* full pipe: a wake-up is pending anyway */
        (void)w;
    }
}

/* Runs check_text in a child process, so that a check a newer change
 * supersedes is stopped where it is (SIGKILL), not run to its end, and a
 * document that crashed the library would take only the child with it.
 * Returns 0 with *o filled, 1 when superseded, 2 when the child failed.
 * Only for documents of ISS_LSP_FORK_MIN bytes or more: a smaller one is
 * checked in a millisecond or two, less than forking and passing the
 * outcome back cost, and nothing is gained by stopping it. */
static int check_in_child(iss_lsp *s, const iss_lsp_job *j, outcome *o)
{
    int fds[2];
    if (pipe(fds) != 0)
        return 2;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return 2;
    }
    if (pid == 0) {
        close(fds[0]);
        outcome c = check_text(j, s->enc);
        char *text = outcome_dump(&c);
        size_t n = text ? strlen(text) : 0, done = 0;
        while (done < n) {
            ssize_t w = write(fds[1], text + done, n - done);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                break;
            done += (size_t)w;
        }
        free(text);
        outcome_free(&c);
        _exit(done == n ? 0 : 1);
    }
    close(fds[1]);
    iss_buf out = {0};
    int rc = 0;
    char buf[1 << 14];
    for (;;) {
        struct pollfd p[2] = {{fds[0], POLLIN, 0}, {s->wake[0], POLLIN, 0}};
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            rc = 2;
            break;
        }
        if (p[1].revents) {
            while (read(s->wake[0], buf, sizeof buf) > 0)
                ;
            if (stale(s, j)) {
                rc = 1;
                break;
            }
        }
        if (p[0].revents) {
            ssize_t n = read(fds[0], buf, sizeof buf);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            iss_buf_add(&out, buf, (size_t)n);
        }
    }
    close(fds[0]);
    if (rc == 1)
        kill(pid, SIGKILL);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (rc == 0 &&
        (!WIFEXITED(st) || WEXITSTATUS(st) != 0 || !outcome_load(out.s ? out.s : "", out.len, o)))
        rc = 2;
    iss_buf_free(&out);
    return rc;
}

/* The diagnostic of a check that did not finish. */
static outcome check_failed(void)
{
    outcome o = {json_array(), NULL, 0, 0, NULL};
    json_array_append_new(o.diags,
                          json_pack("{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:i, s:s, s:s}", "range",
                                    "start", "line", 0, "character", 0, "end", "line", 0,
                                    "character", 0, "severity", 1, "source", "isscheck", "message",
                                    "isscheck: the check of this document did not finish"));
    return o;
}

/* Runs j and publishes what it found, unless a newer change came (under
 * mu, so a didClose cannot slip between the test and the message). */
static void run_job(iss_lsp *s, iss_lsp_job *j)
{
    outcome o;
    int rc = 0;
    if (s->has_worker && j->len >= ISS_LSP_FORK_MIN)
        rc = check_in_child(s, j, &o);
    else
        o = check_text(j, s->enc);
    if (rc == 2)
        o = check_failed();
    pthread_mutex_lock(&s->mu);
    if (rc == 1) {
        s->superseded++;
        o = (outcome){json_array(), NULL, 0, 0, NULL};
    }
    s->checks++;
    iss_lsp_doc *d = iss_lsp_find(s, j->uri);
    if (rc != 1 && d && d->gen == j->gen) {
        marks_free(d->marks, d->nmarks);
        free(d->provider);
        d->marks = o.marks;
        d->nmarks = o.nmarks;
        d->provider = o.provider;
        o.marks = NULL;
        o.nmarks = 0;
        o.provider = NULL;
        notify(s, "textDocument/publishDiagnostics",
               json_pack("{s:s, s:I, s:O}", "uri", j->uri, "version", (json_int_t)j->version,
                         "diagnostics", o.diags));
        s->last_ms = now_ms() - j->posted;
    }
    config_unref(j->cfg);
    pthread_mutex_unlock(&s->mu);
    outcome_free(&o);
    job_free(j);
}

static void *worker_main(void *arg)
{
    iss_lsp *s = arg;
    pthread_mutex_lock(&s->mu);
    for (;;) {
        while (!s->jobs && !s->stop)
            pthread_cond_wait(&s->cv, &s->mu);
        if (s->stop)
            break;
        iss_lsp_job *j = s->jobs;
        s->jobs = j->next;
        s->busy = true;
        pthread_mutex_unlock(&s->mu);
        run_job(s, j); /* a stale one is stopped at the first wake-up */
        pthread_mutex_lock(&s->mu);
        s->busy = false;
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* Takes the pending job of uri out of *list (under mu), or NULL. */
static iss_lsp_job *take_job(iss_lsp_job **list, const char *uri)
{
    for (iss_lsp_job **p = list; *p; p = &(*p)->next)
        if (strcmp((*p)->uri, uri) == 0) {
            iss_lsp_job *j = *p;
            *p = j->next;
            j->next = NULL;
            return j;
        }
    return NULL;
}

static void append_job(iss_lsp_job **list, iss_lsp_job *j)
{
    while (*list)
        list = &(*list)->next;
    *list = j;
}

/* Queues a check of d's current text, replacing its pending one (no
 * queue of stale checks).  A document under ISS_LSP_FORK_MIN bytes is
 * checked by the reading thread once the messages read with this one are
 * handled (run_pending): a millisecond or two, with no hand-over to
 * another thread; a larger one by the worker, in a child process. */
static void post_check(iss_lsp *s, iss_lsp_doc *d)
{
    if (!s->cfg)
        return;
    iss_lsp_job *j = iss_xmalloc(sizeof *j);
    memset(j, 0, sizeof *j);
    j->uri = xstrdup(d->uri);
    j->text = xmemdup(d->text, d->len);
    j->len = d->len;
    j->version = d->version;
    j->gen = d->gen;
    j->today = s->host.today();
    j->posted = now_ms();
    j->cfg = s->cfg;
    bool here = !s->has_worker || d->len < ISS_LSP_FORK_MIN;
    pthread_mutex_lock(&s->mu);
    s->cfg->refs++;
    for (int k = 0; k < 2; k++) { /* superseded before it started */
        iss_lsp_job *old = take_job(k ? &s->here : &s->jobs, d->uri);
        if (old) {
            config_unref(old->cfg);
            job_free(old);
        }
    }
    append_job(here ? &s->here : &s->jobs, j);
    if (!here)
        pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
    poke(s); /* the check running may be of an older text */
}

/* The checks the reading thread runs itself, now. */
static void run_pending(iss_lsp *s)
{
    for (;;) {
        pthread_mutex_lock(&s->mu);
        iss_lsp_job *j = s->here;
        if (j)
            s->here = j->next;
        pthread_mutex_unlock(&s->mu);
        if (!j)
            break;
        run_job(s, j);
    }
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
    marks_free(d->marks, d->nmarks);
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
        d->uri = xstrdup(uri);
        d->next = s->docs;
        s->docs = d;
    }
    free(d->text);
    d->len = json_string_length(text);
    d->text = xmemdup(json_string_value(text), d->len);
    d->version = (long)json_integer_value(json_object_get(td, "version"));
    d->gen++;
    pthread_mutex_unlock(&s->mu);
    post_check(s, d);
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
    d->text = xmemdup(t.s ? t.s : "", t.len);
    d->len = t.len;
    d->version = (long)json_integer_value(
        json_object_get(json_object_get(params, "textDocument"), "version"));
    d->gen++;
    pthread_mutex_unlock(&s->mu);
    iss_buf_free(&t);
    post_check(s, d);
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
            notify(s, "textDocument/publishDiagnostics",
                   json_pack("{s:s, s:[]}", "uri", uri, "diagnostics"));
            break;
        }
    pthread_mutex_unlock(&s->mu);
    poke(s);
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
        config_unref(old); /* jobs still running with it keep their reference */
        pthread_mutex_unlock(&s->mu);
    }
    for (iss_lsp_doc *d = s->docs; d; d = d->next) {
        pthread_mutex_lock(&s->mu);
        d->gen++;
        pthread_mutex_unlock(&s->mu);
        post_check(s, d);
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
            respond_error(s, id, -32603, "isscheck: no criteria could be loaded");
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
    static const char *const doc_methods[] = {"textDocument/hover",      "textDocument/completion",
                                              "textDocument/definition", "textDocument/references",
                                              "textDocument/codeAction", NULL};
    int m = iss_lookup(doc_methods, method);
    if (m < 0) {
        respond_error(s, id, ERR_METHOD, "method not found");
        return;
    }
    const char *uri = text_document_uri(params);
    iss_lsp_doc *d = uri ? iss_lsp_find(s, uri) : NULL;
    if (!uri) {
        respond_error(s, id, ERR_PARAMS, "params.textDocument.uri is missing");
        return;
    }
    if (!d) { /* a document the client has not opened: nothing to say */
        respond(s, id, m == 3 || m == 4 ? json_array() : NULL);
        return;
    }
    if (m == 4) {
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
        m == 0 ? iss_lsp_hover(s, d, off)
        : m == 1
            ? iss_lsp_completion(s, d, off)
            : iss_lsp_definition(s, d, off, m == 3,
                                 json_is_true(json_object_get(json_object_get(params, "context"),
                                                              "includeDeclaration")));
    respond(s, id, r);
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
    run_pending(s);
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
        s->has_worker = pthread_create(&s->worker, NULL, worker_main, s) == 0;
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
        poke(s);
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
            config_unref(j->cfg);
            job_free(j);
        }
    while (s->docs) {
        iss_lsp_doc *d = s->docs;
        s->docs = d->next;
        doc_free(d);
    }
    config_unref(s->cfg);
    iss_frame_free(&s->fr);
    pthread_mutex_destroy(&s->mu);
    pthread_mutex_destroy(&s->wmu);
    pthread_cond_destroy(&s->cv);
    free(s);
}
