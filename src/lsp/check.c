/* check.c - the language server's checks: what one check of a text
 * finds (diagnostics, and the marks hover shows), the jobs that run them
 * (on the reading thread for small documents, else on the worker, in a
 * child process), and publishing what a check found unless a newer change
 * came.  The concurrency is described at the top of server.c. */
#include "server.h"

#include "isscheck/report.h"
#include "isscheck/run.h"
#include "isscheck/waivers.h"

#include <errno.h>
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

/* Milliseconds of a monotonic clock. */
static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

void iss_lsp_job_free(iss_lsp_job *j)
{
    if (!j)
        return;
    free(j->uri);
    free(j->text);
    free(j);
}

void iss_lsp_marks_free(iss_lsp_mark *m, size_t n)
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
                             size_t len, const iss_lsp_lines *l, iss_lang lang)
{
    for (size_t i = 0; i < d->n; i++) {
        const iss_diag *x = &d->v[i];
        size_t b0 = x->byte >= 0 ? ((size_t)x->byte < len ? (size_t)x->byte : len)
                                 : iss_lsp_loc_byte(t, len, l, x->loc);
        size_t b1 = x->loc.line > 0 ? iss_lsp_token_end(t, len, b0) : b0;
        json_t *dg =
            json_pack("{s:o, s:i, s:s, s:s}", "range", iss_lsp_range_json(enc, t, l, b0, b1),
                      "severity", x->sev == ISS_SEV_ERROR ? 1 : 2, "source", "isscheck", "message",
                      iss_diag_msg(x, lang));
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

/* What one result's diagnostic is read with: where it stands, in which
 * language, on which text. */
typedef struct {
    const iss_lsp_config *cfg;
    iss_pos_enc enc;
    const char *uri, *t;
    size_t len;
    const iss_lsp_lines *l;
} result_at;

static const char *rule_title(const iss_rule *rule, iss_lang lang)
{
    return lang == ISS_LANG_EN && rule->title_en ? rule->title_en : rule->title_ja;
}

/* The result's other reasons, each at its place, then the rule's
 * citation at the result's (b0, b1). */
static json_t *related(const result_at *at, const iss_result *r, size_t why, size_t b0, size_t b1,
                       iss_buf *b)
{
    iss_lang lang = at->cfg->lang;
    const iss_rule *rule = r->rule;
    json_t *rel = json_array();
    for (size_t k = 0; k < r->nnotes; k++) {
        if (k == why)
            continue;
        b->len = 0;
        iss_note_render(b, &r->notes[k], lang);
        iss_loc nl = r->notes[k].loc.line > 0 ? r->notes[k].loc : r->loc;
        size_t n0 = iss_lsp_loc_byte(at->t, at->len, at->l, nl);
        json_array_append_new(rel,
                              json_pack("{s:{s:s, s:o}, s:s#}", "location", "uri", at->uri, "range",
                                        iss_lsp_range_json(at->enc, at->t, at->l, n0,
                                                           iss_lsp_token_end(at->t, at->len, n0)),
                                        "message", b->s ? b->s : "", (int)b->len));
    }
    b->len = 0;
    const char *title = rule_title(rule, lang);
    iss_buf_printf(b, "%s %s%s%s (%s %s)", rule->id, rule->clause ? rule->clause : "",
                   title ? " " : "", title ? title : "", rule->set ? rule->set->title : "",
                   rule->set ? rule->set->edition : "");
    json_array_append_new(rel, json_pack("{s:{s:s, s:o}, s:s#}", "location", "uri", at->uri,
                                         "range", iss_lsp_range_json(at->enc, at->t, at->l, b0, b1),
                                         "message", b->s, (int)b->len));
    return rel;
}

/* Hover's text for a result: the rule, its citation, the verbatim clause
 * text, the reasons (Markdown). */
static void hover_text(iss_buf *b, const iss_result *r, iss_lang lang)
{
    const iss_rule *rule = r->rule;
    const char *title = rule_title(rule, lang);
    b->len = 0;
    iss_buf_printf(b, "**%s** %s — %s\n\n", rule->id, title ? title : "",
                   iss_verdict_label(r->verdict, lang));
    if (rule->clause)
        iss_buf_printf(b, "%s %s, %s\n\n", rule->set ? rule->set->title : "",
                       rule->set ? rule->set->edition : "", rule->clause);
    const char *text = rule->text ? rule->text : rule->text_unavailable;
    for (const char *p = text; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        iss_buf_puts(b, "> ");
        iss_buf_add(b, p, n);
        iss_buf_puts(b, "\n");
        p = e ? e + 1 : p + n;
    }
    iss_buf_puts(b, "\n");
    for (size_t k = 0; k < r->nnotes; k++) {
        iss_buf_puts(b, "- ");
        iss_note_render(b, &r->notes[k], lang);
        iss_buf_puts(b, "\n");
    }
}

/* A diagnostic for each result that failed or needs review (unless its
 * severity is off), and a mark for hover for each. */
static void add_results(outcome *o, const iss_report *rep, const result_at *at)
{
    iss_lang lang = at->cfg->lang;
    iss_buf b = {0};
    for (size_t i = 0; i < rep->nresults; i++) {
        const iss_result *r = &rep->results[i];
        if (r->verdict != ISS_FAIL && r->verdict != ISS_REVIEW)
            continue;
        const iss_rule *rule = r->rule;
        size_t b0 = iss_lsp_loc_byte(at->t, at->len, at->l, r->loc);
        size_t b1 = r->loc.line > 0 ? iss_lsp_token_end(at->t, at->len, b0) : b0;
        size_t why = first_reason(r);
        int sev = r->verdict == ISS_FAIL ? at->cfg->sev_fail : at->cfg->sev_review;
        b.len = 0;
        if (r->nnotes)
            iss_note_render(&b, &r->notes[why], lang);
        else
            iss_buf_puts(&b, rule_title(rule, lang));
        json_t *dg = json_pack("{s:o, s:i, s:s, s:s, s:s#}", "range",
                               iss_lsp_range_json(at->enc, at->t, at->l, b0, b1), "severity",
                               sev ? sev : 4, "code", rule->id, "source", "isscheck", "message",
                               b.s ? b.s : "", (int)b.len);
        json_object_set_new(dg, "relatedInformation", related(at, r, why, b0, b1, &b));
        json_t *data = counts_fix(r);
        if (data)
            json_object_set_new(dg, "data", data);
        if (sev)
            json_array_append_new(o->diags, dg);
        else
            json_decref(dg);
        hover_text(&b, r, lang);
        if (o->nmarks == o->cap) {
            o->cap = o->cap ? 2 * o->cap : 16;
            o->marks = iss_xrealloc(o->marks, o->cap * sizeof *o->marks);
        }
        o->marks[o->nmarks++] =
            (iss_lsp_mark){r->loc, iss_xstrdup(rule->id), iss_xmemdup(b.s ? b.s : "", b.len)};
    }
    iss_buf_free(&b);
}

/* Checks one text as its kind says (classify.h): a declaration through the
 * whole pipeline, a waivers file as a waivers file, other YAML not at all. */
static outcome check_text(const iss_lsp_job *j, iss_pos_enc enc)
{
    outcome o = {.diags = json_array()};
    iss_file_kind kind = iss_classify(j->text, j->len);
    if (kind == ISS_KIND_OTHER)
        return o;
    const iss_lsp_config *cfg = j->cfg;
    iss_lsp_lines l = iss_lsp_lines_of(j->text, j->len);
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
            add_results(
                &o, c->result.report,
                &(result_at){
                    .cfg = cfg, .enc = enc, .uri = j->uri, .t = j->text, .len = j->len, .l = &l});
        if (c->decl && c->decl->provider.s)
            o.provider = iss_xstrdup(c->decl->provider.s);
        iss_checked_free(c);
    }
    free(l.v);
    return o;
}

static void outcome_free(outcome *o)
{
    json_decref(o->diags);
    iss_lsp_marks_free(o->marks, o->nmarks);
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
                                               iss_xstrdup(rule ? rule : ""),
                                               iss_xstrdup(hover ? hover : "")};
    }
    const char *p = json_string_value(json_object_get(m, "provider"));
    o->provider = p ? iss_xstrdup(p) : NULL;
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
void iss_lsp_poke(iss_lsp *s)
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
    outcome o = {.diags = json_array()};
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
        o = (outcome){.diags = json_array()};
    }
    s->checks++;
    iss_lsp_doc *d = iss_lsp_find(s, j->uri);
    if (rc != 1 && d && d->gen == j->gen) {
        iss_lsp_marks_free(d->marks, d->nmarks);
        free(d->provider);
        d->marks = o.marks;
        d->nmarks = o.nmarks;
        d->provider = o.provider;
        o.marks = NULL;
        o.nmarks = 0;
        o.provider = NULL;
        iss_lsp_notify(s, "textDocument/publishDiagnostics",
                       json_pack("{s:s, s:I, s:O}", "uri", j->uri, "version",
                                 (json_int_t)j->version, "diagnostics", o.diags));
        s->last_ms = now_ms() - j->posted;
    }
    iss_lsp_config_unref(j->cfg);
    pthread_mutex_unlock(&s->mu);
    outcome_free(&o);
    iss_lsp_job_free(j);
}

void *iss_lsp_worker(void *arg)
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
 * handled (iss_lsp_run_pending): a millisecond or two, with no hand-over to
 * another thread; a larger one by the worker, in a child process. */
void iss_lsp_post_check(iss_lsp *s, iss_lsp_doc *d)
{
    if (!s->cfg)
        return;
    iss_lsp_job *j = iss_xmalloc(sizeof *j);
    memset(j, 0, sizeof *j);
    j->uri = iss_xstrdup(d->uri);
    j->text = iss_xmemdup(d->text, d->len);
    j->len = d->len;
    j->version = d->version;
    j->gen = d->gen;
    j->today = s->host.today(s->host.ctx);
    j->posted = now_ms();
    j->cfg = s->cfg;
    bool here = !s->has_worker || d->len < ISS_LSP_FORK_MIN;
    pthread_mutex_lock(&s->mu);
    s->cfg->refs++;
    for (int k = 0; k < 2; k++) { /* superseded before it started */
        iss_lsp_job *old = take_job(k ? &s->here : &s->jobs, d->uri);
        if (old) {
            iss_lsp_config_unref(old->cfg);
            iss_lsp_job_free(old);
        }
    }
    append_job(here ? &s->here : &s->jobs, j);
    if (!here)
        pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
    iss_lsp_poke(s); /* the check running may be of an older text */
}

/* The checks the reading thread runs itself, now. */
void iss_lsp_run_pending(iss_lsp *s)
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
