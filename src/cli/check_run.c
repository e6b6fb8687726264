/* check_run.c - checking the files of a run, one at a time through the
 * whole pipeline, and writing the report.
 *
 * Each file is checked (iss_check_file: load, evaluate, select, waivers,
 * redact, outcome), its part of the report rendered and its report freed
 * at once; the writer (this thread) adds the parts to the report in the
 * order of found, whatever the number of jobs, so the output is the same
 * byte for byte.  With -j N, N workers check files while at most `window`
 * finished parts wait for the writer: memory stays bounded however many
 * files there are. */
#include "check.h"
#include "output.h"

#include "isscheck/report.h"
#include "isscheck/run.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef ISS_VERSION
#define ISS_VERSION "0.0.0"
#endif

/* A file's outcome, ready to be written. */
typedef struct {
    iss_part part;
    iss_buf err; /* the diagnostics of a file that could not be loaded, for stderr */
    int status;
    size_t index; /* the file it is for; valid when ready */
    bool ready;
} outcome;

typedef struct {
    iss_check_options co;
    const iss_format *fmt;
    const iss_run *run; /* what parts may know of the run */
    iss_lang lang;
    outcome *slots; /* slots[i % window] holds file i */
    size_t window;
    size_t next;    /* the next file a worker takes */
    size_t written; /* files the writer has taken */
    const cli_inputs *found;
    pthread_mutex_t mu;
    pthread_cond_t ready, space;
    pthread_t *tid;
    size_t nthreads;
    outcome *stdin_outcomes; /* of the files read from standard input, in order */
    iss_arena *scratch;      /* the writer's, when it checks files itself */
} pipeline;

static bool is_stdin(const pipeline *p, size_t i)
{
    return strcmp(p->found->v[i].path, "-") == 0;
}

/* Checks found->v[i] and renders its part into *out. */
static void produce(pipeline *p, size_t i, iss_arena *scratch, outcome *out)
{
    const cli_input *in = &p->found->v[i];
    const char *name = is_stdin(p, i) ? "<stdin>" : in->path;
    iss_check_options co = p->co;
    iss_limits lim = *co.limits;
    lim.regular_only = in->searched; /* not a FIFO put there since the search */
    co.limits = &lim;
    iss_checked *c = iss_check_file(in->path, name, &co, scratch);
    memset(out, 0, sizeof *out);
    if (!c->decl)
        for (size_t k = 0; k < c->diags.n; k++) {
            iss_diag_line(&out->err, &c->diags.v[k], "isscheck", p->lang);
            iss_buf_add(&out->err, "\n", 1);
        }
    if (c->base_warning) {
        iss_diag_line(&out->err, &c->diags.v[c->base_warning - 1], "isscheck", p->lang);
        iss_buf_add(&out->err, "\n", 1);
    }
    iss_part_render(&out->part, p->fmt, p->run, &c->result, i);
    out->status = c->result.status;
    out->index = i;
    iss_checked_free(c);
}

static void *worker(void *arg)
{
    pipeline *p = arg;
    iss_arena *scratch = iss_arena_new();
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next < p->found->n && is_stdin(p, p->next)) /* read before the workers start */
            p->next++;
        if (p->next >= p->found->n)
            break;
        if (p->next >= p->written + p->window) { /* its slot is still taken */
            pthread_cond_wait(&p->space, &p->mu);
            continue;
        }
        size_t i = p->next++;
        pthread_mutex_unlock(&p->mu);
        outcome o;
        produce(p, i, scratch, &o);
        pthread_mutex_lock(&p->mu);
        o.ready = true;
        p->slots[i % p->window] = o;
        pthread_cond_broadcast(&p->ready);
    }
    pthread_mutex_unlock(&p->mu);
    iss_arena_free(scratch);
    return NULL;
}

/* One job per core for -j 0. */
static size_t cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (size_t)n;
}

/* Reads standard input (named once or more) first, in order, as -j 1
 * reads it, then starts the workers (none for one job). */
static void pipeline_start(pipeline *p, size_t jobs)
{
    size_t n = p->found->n;
    p->window = 2 * (jobs ? jobs : 1);
    p->slots = iss_xmalloc(p->window * sizeof *p->slots);
    memset(p->slots, 0, p->window * sizeof *p->slots);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->ready, NULL);
    pthread_cond_init(&p->space, NULL);
    p->scratch = iss_arena_new();
    size_t nstdin = 0;
    for (size_t i = 0; i < n; i++)
        nstdin += is_stdin(p, i);
    p->stdin_outcomes = iss_xmalloc((nstdin + 1) * sizeof *p->stdin_outcomes);
    for (size_t i = 0, k = 0; i < n; i++)
        if (is_stdin(p, i))
            produce(p, i, p->scratch, &p->stdin_outcomes[k++]);
    p->tid = iss_xmalloc((jobs + 1) * sizeof *p->tid);
    for (; jobs > 1 && p->nthreads < jobs; p->nthreads++)
        if (pthread_create(&p->tid[p->nthreads], NULL, worker, p) != 0)
            break;
}

/* The outcome of file i (k: how many standard input outcomes were taken
 * before it), in the order of found; frees its slot for the workers. */
static outcome pipeline_take(pipeline *p, size_t i, size_t *k)
{
    outcome oc;
    if (is_stdin(p, i)) {
        oc = p->stdin_outcomes[(*k)++];
    } else if (p->nthreads == 0) {
        produce(p, i, p->scratch, &oc);
    } else {
        pthread_mutex_lock(&p->mu);
        outcome *slot = &p->slots[i % p->window];
        while (!(slot->ready && slot->index == i))
            pthread_cond_wait(&p->ready, &p->mu);
        oc = *slot;
        slot->ready = false;
        pthread_mutex_unlock(&p->mu);
    }
    pthread_mutex_lock(&p->mu);
    p->written = i + 1;
    pthread_cond_broadcast(&p->space);
    pthread_mutex_unlock(&p->mu);
    return oc;
}

static void pipeline_stop(pipeline *p)
{
    for (size_t t = 0; t < p->nthreads; t++)
        pthread_join(p->tid[t], NULL);
    free(p->tid);
    iss_arena_free(p->scratch);
    free(p->stdin_outcomes);
    free(p->slots);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->ready);
    pthread_cond_destroy(&p->space);
}

/* Whether the report was written, and if not, the errno of the first
 * failure. */
typedef struct {
    bool ok;
    int err;
} write_state;

static void write_failed(write_state *ws)
{
    if (ws->ok) {
        ws->ok = false;
        ws->err = errno;
    }
}

/* Every file's outcome: its errors to standard error, its part to the
 * report.  Returns the run's status. */
static int write_parts(pipeline *p, iss_report_stream *rs, int status, write_state *ws)
{
    for (size_t i = 0, k = 0; i < p->found->n; i++) {
        outcome oc = pipeline_take(p, i, &k);
        if (oc.err.len)
            fwrite(oc.err.s, 1, oc.err.len, stderr);
        iss_buf_free(&oc.err);
        status = iss_run_status_add(status, oc.status);
        if (!iss_report_stream_add(rs, &oc.part))
            write_failed(ws);
    }
    return status;
}

/* The summary CSV: one row per file. */
static bool write_csv(const check_opts *o, cli_output *csv, const iss_report_stream *rs)
{
    const iss_run_totals *t = iss_report_stream_totals(rs);
    iss_buf b = {0};
    if (o->csv_bom)
        iss_buf_puts(&b, "\xEF\xBB\xBF");
    iss_summary_csv(&b, t->rows, t->nrows);
    fwrite(b.s ? b.s : "", 1, b.len, cli_output_file(csv));
    iss_buf_free(&b);
    return cli_output_close(csv, true);
}

/* Checks the files into rs and finishes the report: the run's status. */
static int check_all(const cli_ctx *ctx, const check_opts *o, pipeline *p, iss_report_stream *rs,
                     cli_output *out, iss_run *run)
{
    size_t jobs = o->jobs ? o->jobs : cores();
    pipeline_start(p, jobs > p->found->n ? p->found->n : jobs);
    write_state ws = {.ok = true};
    int status = write_parts(p, rs, run->status, &ws);
    pipeline_stop(p);
    run->status = status;
    if (ws.ok && !iss_report_stream_finish(rs, run))
        write_failed(&ws);
    if (!ws.ok && !ferror(cli_output_file(out))) {
        /* not the output itself (cli_output_close says that): a part kept
         * in a temporary file could not be read back */
        cli_error(ctx, "isscheck", "cannot write the report: %s", strerror(ws.err));
        cli_output_close(out, false);
        return CLI_EXIT_USAGE;
    }
    return cli_output_close(out, true) ? status : CLI_EXIT_USAGE;
}

int check_run(const cli_ctx *ctx, const check_opts *o, const cli_inputs *found,
              const iss_editions *ed, const iss_waivers *w, const iss_baseline *b, iss_day now,
              int status)
{
    iss_selection sel = {.categories = o->cats.v,
                         .ncategories = o->cats.n,
                         .rules = o->rules.v,
                         .nrules = o->rules.n,
                         .skip = o->skips.v,
                         .nskip = o->skips.n};
    iss_diags d = {0};
    if (!iss_selection_check(&sel, ed, &d)) {
        usage_error_diag(ctx, &d.v[0]);
        iss_diags_free(&d);
        return CLI_EXIT_USAGE;
    }
    iss_run run = {.tool_version = ISS_VERSION,
                   .lang = o->lang,
                   .strict = o->strict,
                   .criteria = ed->deflt,
                   .nfiles = found->n,
                   .status = status,
                   .selection = o->selection.len ? o->selection.s : NULL,
                   .redacted = o->redact,
                   .require_evidence = o->require_evidence,
                   .show = o->show,
                   .show_option = o->show ? o->show_text.s : NULL,
                   .review_level = o->review_level,
                   .baseline = b ? b->file : NULL,
                   .fail_on_new = o->fail_on_new,
                   .waivers = w};
    cli_output *out = cli_output_open(ctx, o->output);
    cli_output *csv = out && o->summary_csv ? cli_output_open(ctx, o->summary_csv) : NULL;
    if (!out || (o->summary_csv && !csv)) {
        cli_output_close(out, false);
        return CLI_EXIT_USAGE;
    }
    const iss_format *fmt = iss_formats[o->format];
    iss_report_stream *rs = iss_report_stream_new(fmt, &run, cli_output_file(out));
    if (!rs) {
        cli_error(ctx, "isscheck", "cannot make a temporary file: %s", strerror(errno));
        cli_output_close(out, false);
        cli_output_close(csv, false);
        return CLI_EXIT_USAGE;
    }
    pipeline p = {.co = {.editions = ed,
                         .limits = &o->lim,
                         .selection = &sel,
                         .waivers = w,
                         .as_of = o->as_of,
                         .today = now,
                         .strict = o->strict,
                         .redact = o->redact,
                         .require_evidence = o->require_evidence,
                         .baseline = b,
                         .fail_on_new = o->fail_on_new},
                  .fmt = fmt,
                  .run = &run,
                  .lang = o->lang,
                  .found = found};
    status = check_all(ctx, o, &p, rs, out, &run);
    if (csv && !write_csv(o, csv, rs))
        status = CLI_EXIT_USAGE;
    iss_report_stream_free(rs);
    return status;
}
