/* report_stream.c - a run's report written file by file (report.h): each
 * file's part rendered as soon as the file is checked, its sections kept in
 * temporary files, and the document assembled at the end: the glue, which
 * carries what only the end of the run knows, and the sections copied
 * between.  The bytes are those of the whole-run rendering, which is this
 * same code with every file at hand. */
#include "isscheck/report.h"
#include "isscheck/waivers.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const iss_format *const iss_formats[] = {
    &iss_format_text,   &iss_format_json,     &iss_format_sarif,
    &iss_format_junit,  &iss_format_markdown, &iss_format_html,
    &iss_format_github, &iss_format_gitlab,   NULL,
};

void iss_part_render(iss_part *p, const iss_format *fmt, const iss_run *run,
                     const iss_file_result *f, size_t index)
{
    memset(p, 0, sizeof *p);
    iss_file_summary_init(&p->row, f, run->lang);
    iss_view v;
    iss_view_init(&v, f, run->lang, run->strict);
    fmt->part(p, run, &v, index);
    if (run->waivers) { /* in every format: the glue reports the entries that did nothing */
        p->waivers_used = iss_xmalloc(run->waivers->n + 1);
        memset(p->waivers_used, 0, run->waivers->n + 1);
        iss_waivers_match(run->waivers, f->report, p->waivers_used);
    }
}

void iss_part_free(iss_part *p)
{
    for (size_t k = 0; k < ISS_SECTIONS_MAX; k++)
        iss_buf_free(&p->sec[k]);
    iss_file_summary_free(&p->row);
    free(p->rules_used);
    p->rules_used = NULL;
    free(p->waivers_used);
    p->waivers_used = NULL;
}

struct iss_report_stream {
    const iss_format *fmt;
    FILE *out;
    FILE *sec[ISS_SECTIONS_MAX]; /* NULL: section 0 of a direct format */
    bool nonempty[ISS_SECTIONS_MAX];
    size_t nrules; /* of run->criteria */
    unsigned char *rules_used;
    size_t nentries; /* of run->waivers */
    unsigned char *waivers_used;
    iss_file_summary *rows;
    size_t cap;
    iss_run_totals t;
    bool failed; /* a write to a temporary file failed; errno kept in err */
    int err;
};

iss_report_stream *iss_report_stream_new(const iss_format *fmt, const iss_run *run, FILE *out)
{
    iss_report_stream *s = iss_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->fmt = fmt;
    s->out = out;
    s->nrules = run->criteria ? run->criteria->nrules : 0;
    s->rules_used = iss_xmalloc(s->nrules + 1);
    memset(s->rules_used, 0, s->nrules + 1);
    s->t.rules_used = s->rules_used;
    s->nentries = run->waivers ? run->waivers->n : 0;
    s->waivers_used = iss_xmalloc(s->nentries + 1);
    memset(s->waivers_used, 0, s->nentries + 1);
    s->t.waivers_used = s->waivers_used;
    for (size_t k = fmt->direct ? 1 : 0; k < fmt->nsections; k++) {
        s->sec[k] = tmpfile();
        if (!s->sec[k]) {
            int err = errno;
            iss_report_stream_free(s);
            errno = err;
            return NULL;
        }
    }
    return s;
}

static void put(iss_report_stream *s, FILE *f, const char *b, size_t n)
{
    if (n && fwrite(b, 1, n, f) != n && !s->failed) {
        s->failed = true;
        s->err = errno;
    }
}

bool iss_report_stream_add(iss_report_stream *s, iss_part *p)
{
    const iss_format *fmt = s->fmt;
    for (size_t k = 0; k < fmt->nsections; k++) {
        iss_buf *b = &p->sec[k];
        if (!b->len)
            continue;
        FILE *f = s->sec[k] ? s->sec[k] : s->out;
        if (s->nonempty[k] && fmt->sep[k])
            put(s, f, fmt->sep[k], strlen(fmt->sep[k]));
        put(s, f, b->s, b->len);
        s->nonempty[k] = true;
    }
    if (s->t.nrows == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->rows = iss_xrealloc(s->rows, s->cap * sizeof *s->rows);
        s->t.rows = s->rows;
    }
    if (!p->row.provider)
        s->t.not_loaded++;
    s->rows[s->t.nrows++] = p->row; /* the row's strings move to the stream */
    memset(&p->row, 0, sizeof p->row);
    s->t.tests += p->tests;
    s->t.failures += p->failures;
    s->t.errors += p->errors;
    s->t.skipped += p->skipped;
    for (size_t i = 0; p->rules_used && i < s->nrules; i++)
        s->rules_used[i] |= p->rules_used[i];
    for (size_t i = 0; p->waivers_used && i < s->nentries; i++)
        s->waivers_used[i] |= p->waivers_used[i];
    iss_part_free(p);
    return !s->failed;
}

const iss_run_totals *iss_report_stream_totals(const iss_report_stream *s)
{
    return &s->t;
}

/* Where the document goes: out, with Markdown's trailing newlines squeezed
 * (newlines are held back until something follows them). */
typedef struct {
    FILE *f;
    bool squeeze;
    size_t newlines;
    bool failed;
} sink;

static void emit(sink *k, const char *b, size_t n)
{
    if (!n)
        return;
    if (k->squeeze) {
        size_t t = 0;
        while (t < n && b[n - 1 - t] == '\n')
            t++;
        if (t == n) {
            k->newlines += n;
            return;
        }
        for (; k->newlines; k->newlines--)
            if (fputc('\n', k->f) == EOF)
                k->failed = true;
        n -= t;
        k->newlines = t;
    }
    if (fwrite(b, 1, n, k->f) != n)
        k->failed = true;
}

static void emit_buf(sink *k, iss_buf *b)
{
    emit(k, b->s, b->len);
    b->len = 0;
}

/* Copies a section from its temporary file, rule indexes replaced. */
static bool copy_section(sink *k, FILE *f, const size_t *index, size_t nrules)
{
    if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0)
        return false;
    char chunk[65536];
    bool in_mark = false;
    size_t pos = 0;
    char num[24];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (!index) {
            emit(k, chunk, n);
            continue;
        }
        size_t i = 0;
        while (i < n) {
            if (in_mark) {
                char c = chunk[i++];
                if (c == '\x02') {
                    in_mark = false;
                    int len = snprintf(num, sizeof num, "%zu", pos <= nrules ? index[pos] : 0);
                    emit(k, num, (size_t)len);
                } else {
                    pos = pos * 10 + (size_t)(c - '0');
                }
                continue;
            }
            const char *m = memchr(chunk + i, '\x01', n - i);
            size_t end = m ? (size_t)(m - chunk) : n;
            emit(k, chunk + i, end - i);
            i = end;
            if (m) {
                in_mark = true;
                pos = 0;
                i++;
            }
        }
    }
    return !ferror(f);
}

bool iss_report_stream_finish(iss_report_stream *s, const iss_run *run)
{
    const iss_format *fmt = s->fmt;
    if (s->failed) {
        errno = s->err;
        return false;
    }
    /* driver.rules: the rules evaluated for some file, in criteria order */
    size_t *index = NULL;
    for (size_t k = 0; k < fmt->nsections; k++)
        if (fmt->rule_index[k] && !index) {
            index = iss_xmalloc((s->nrules + 1) * sizeof *index);
            size_t used = 0;
            for (size_t i = 0; i < s->nrules; i++)
                index[i] = s->rules_used[i] ? used++ : (size_t)-1;
            index[s->nrules] = used; /* a rule of the format's own (ISS-LOAD), after them */
        }
    sink k = {s->out, fmt->squeeze, 0, false};
    iss_buf g = {0};
    bool ok = true;
    for (size_t sec = 0; sec <= fmt->nsections; sec++) {
        fmt->glue(&g, run, &s->t, sec);
        emit_buf(&k, &g);
        if (sec < fmt->nsections && s->sec[sec])
            ok =
                copy_section(&k, s->sec[sec], fmt->rule_index[sec] ? index : NULL, s->nrules) && ok;
    }
    if (k.squeeze && k.newlines && fputc('\n', k.f) == EOF)
        k.failed = true;
    iss_buf_free(&g);
    free(index);
    return ok && !k.failed && !ferror(s->out);
}

void iss_report_stream_free(iss_report_stream *s)
{
    if (!s)
        return;
    for (size_t k = 0; k < ISS_SECTIONS_MAX; k++)
        if (s->sec[k])
            fclose(s->sec[k]);
    for (size_t i = 0; i < s->t.nrows; i++)
        iss_file_summary_free(&s->rows[i]);
    free(s->rows);
    free(s->rules_used);
    free(s->waivers_used);
    free(s);
}

void iss_report_render(iss_buf *out, const iss_format *fmt, const iss_run *run)
{
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    if (!f) /* it fails only for lack of memory */
        iss_out_of_memory();
    iss_report_stream *s = iss_report_stream_new(fmt, run, f);
    if (!s) { /* tmpfile failed for a section */
        fputs("isscheck: error: cannot make a temporary file\n", stderr);
        exit(2);
    }
    for (size_t i = 0; i < run->nfiles; i++) {
        iss_part p;
        iss_part_render(&p, fmt, run, &run->files[i], i);
        iss_report_stream_add(s, &p);
    }
    iss_report_stream_finish(s, run);
    iss_report_stream_free(s);
    fclose(f);
    iss_buf_add(out, mem ? mem : "", len);
    free(mem);
}
