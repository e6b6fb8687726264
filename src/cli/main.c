/* main.c - the isscheck command line: options, subcommands, exit status.
 * No logic of the standard lives here. */
#include "authoring.h"
#include "cmd_lsp.h"
#include "isscheck/builtin.h"
#include "isscheck/classify.h"
#include "isscheck/escape.h"
#include "isscheck/fields.h"
#include "isscheck/redact.h"
#include "isscheck/report.h"
#include "isscheck/run.h"
#include "isscheck/waivers.h"
#include "output.h"
#include "walk.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ISS_VERSION
#define ISS_VERSION "0.0.0"
#endif
#ifndef ISS_COMMIT
#define ISS_COMMIT ""
#endif

enum { EXIT_CLEAN = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "usage: isscheck [--version] [--help] COMMAND [ARGS]\n"
    "\n"
    "Check declarations against 情報セキュリティサービス基準 (METI's Information\n"
    "Security Service Standard).\n"
    "\n"
    "commands:\n"
    "  check [OPTIONS] FILE...   check declaration files and print a report\n"
    "  criteria list|lint        show the loaded criteria editions, or check rule files\n"
    "  validate FILE...          check only that declaration files load (structure)\n"
    "  init --category CODE      write a declaration template for the categories\n"
    "  list [--category CODE]    list the rules of the criteria set\n"
    "  explain RULE-ID           explain a rule: text, evaluation, what satisfies it\n"
    "  lsp                       run a language server for editors (LSP, stdio)\n"
    "  help [COMMAND]            show this help, or a command's\n"
    "\n"
    "exit status: 0 no rule failed, 1 a rule failed, 2 usage or input error\n";

static const char check_usage[] =
    "usage: isscheck check [OPTIONS] FILE...\n"
    "\n"
    "Check each declaration FILE (YAML; '-' reads standard input; a directory is\n"
    "searched for the regular *.yaml and *.yml files that are declarations by\n"
    "the rule of isscheck-declaration(5), *.waivers.yaml and *.waivers.yml left\n"
    "out; all in sorted order) against the criteria and print a report:\n"
    "per rule its verdict (pass, review, fail, n/a; waived with --waivers), the\n"
    "clause it cites, where in the file it rests and why.\n"
    "\n"
    "options:\n"
    "  --as-of YYYY-MM-DD   reference date (基準日); overrides the declaration's\n"
    "                       reference_date; without either, today in Japan\n"
    "                       (SOURCE_DATE_EPOCH is honoured when set)\n"
    "  --lang ja|en         report language (default ja, or ISSCHECK_LANG)\n"
    "  --strict             count review as failed in the exit status\n"
    "  --only-declarations  skip each FILE named that is not a declaration (a\n"
    "                       waivers file, other YAML) with a note, as a folder\n"
    "                       search does; for the pre-commit hook\n"
    "  --require-evidence   a claim (a qualification, a training, a manual, an\n"
    "                       audit…) that names no evidence document counts only\n"
    "                       as review; without it such claims are still listed\n"
    "  --format FORMAT      text (default), json (schema/isscheck-report.schema.json),\n"
    "                       sarif (SARIF 2.1.0), junit (JUnit XML), markdown or\n"
    "                       html (one self-contained page);\n"
    "                       machine formats carry the errors of files that could\n"
    "                       not be loaded, and are written even on exit status 2\n"
    "                       (not when the criteria or the waivers file fail)\n"
    "  --category CODE      check only this category (repeatable, or a,b,c)\n"
    "  --rule PATTERN       keep only rules whose id matches the glob (repeatable)\n"
    "  --skip PATTERN       leave out rules whose id matches the glob (repeatable);\n"
    "                       a category or pattern that matches nothing is an error\n"
    "  --summary-csv FILE   write one CSV row per file: counts, exit status,\n"
    "                       SHA-256, failed and review rule ids ('-': standard\n"
    "                       output, with --output FILE)\n"
    "  --csv-bom            start that CSV with a UTF-8 BOM, for Excel\n"
    "  --redact             replace person ids and names by pseudonyms (person-1,\n"
    "                       person-2, … in the order of 'persons') in every format,\n"
    "                       for sharing the report outside the provider\n"
    "  --output FILE        write the report to FILE, replacing it only when\n"
    "                       the whole report is written ('-': standard output;\n"
    "                       never a file the run reads; a FIFO or a device is\n"
    "                       written in place)\n"
    "  --waivers FILE       apply an examiner's waivers and judgements (YAML,\n"
    "                       isscheck-waivers(5)): a waived rule shows 'waived'\n"
    "                       and does not fail the run; a judged one shows the\n"
    "                       judged pass or fail; expiry is judged against today\n"
    "  --criteria DIR       also load the criteria set in DIR (a folder holding\n"
    "                       manifest.yaml): it replaces a built-in set (or one\n"
    "                       from ISSCHECK_CRITERIA) of the same document and\n"
    "                       edition, or adds an edition (repeatable)\n"
    "  -j N, --jobs N       check N files at a time (threads; default 1; 0: one\n"
    "                       per core); the output is the same, byte for byte,\n"
    "                       whatever N\n"
    "  --max-bytes N, --max-depth N, --max-nodes N, --max-scalar N,\n"
    "  --max-persons N, --max-engagements N\n"
    "                       input limits (defaults 16777216 bytes, depth 64,\n"
    "                       1000000 nodes, 1048576-byte scalars, 10000 persons,\n"
    "                       100000 engagements); going past one is an input error\n"
    "  -h, --help           show this help\n"
    "\n"
    "exit status: 0 no rule failed, 1 a rule failed (or, with --strict, needs\n"
    "review), 2 usage or input error; errors are printed as FILE:LINE:COL: error: MESSAGE\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Today in Japan, or SOURCE_DATE_EPOCH's day; ISS_NO_DATE after a usage
 * error (a reference date past 9999-12-31 is refused, never wrapped). */
static iss_day today(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (errno == ERANGE && v > 0 && *end == '\0')
            v = LLONG_MAX; /* past any date, not a malformed number */
        else if (errno || *end != '\0' || v < 0) {
            usage_error("SOURCE_DATE_EPOCH: expected seconds since 1970, not '%s'", sde);
            return ISS_NO_DATE;
        }
        /* 9999-12-31 23:59:59 in Japan (UTC+9) */
        if (v > 253402300799LL - 9LL * 3600) {
            usage_error("SOURCE_DATE_EPOCH: %s is after 9999-12-31 in Japan time (UTC+9), the "
                        "last date isscheck handles",
                        sde);
            return ISS_NO_DATE;
        }
        return iss_day_in_japan((time_t)v);
    }
    return iss_day_in_japan(time(NULL));
}

/* A --as-of date whose longest window, in the criteria loaded, would start
 * before 0001-01-01: a usage error (EXIT_USAGE), else 0. */
static int as_of_fits(iss_day as_of, const iss_editions *ed)
{
    long longest = 0;
    for (size_t i = 0; ed && as_of && i < ed->nsets; i++) {
        long w = iss_criteria_longest_window(ed->sets[i]);
        longest = w > longest ? w : longest;
    }
    if (!as_of || !longest || iss_window_fits(as_of, (int)longest))
        return 0;
    char day[ISS_DATE_SIZE], earliest[ISS_DATE_SIZE];
    iss_date_format(as_of, day);
    iss_date_format(iss_window_earliest_ref((int)longest), earliest);
    return usage_error("--as-of: %s is too early: the criteria count back %ld years, a window "
                       "that would start before 0001-01-01; the earliest reference date is %s",
                       day, longest, earliest);
}

static bool write_all(const iss_buf *b)
{
    if (b->len && fwrite(b->s, 1, b->len, stdout) != b->len)
        return false;
    return fflush(stdout) == 0;
}

/* A growable list of option values ("a,b" adds two). */
typedef struct {
    const char **v;
    size_t n;
} opt_list;

static void opt_add(opt_list *l, char *val, bool split)
{
    for (char *tok = val; tok;) {
        char *comma = split ? strchr(tok, ',') : NULL;
        if (comma)
            *comma = '\0';
        if (*tok) {
            l->v = iss_xrealloc(l->v, (l->n + 1) * sizeof *l->v);
            l->v[l->n++] = tok;
        }
        tok = comma ? comma + 1 : NULL;
    }
}

/* The folders ISSCHECK_CRITERIA lists (colon-separated, each a set's
 * folder, as --criteria takes): empty elements are skipped, so an empty
 * variable is an unset one and "$X:$ISSCHECK_CRITERIA" works while the
 * variable is still empty.  The strings point into *copy (free it). */
static opt_list env_criteria(char **copy)
{
    opt_list l = {0};
    const char *v = getenv("ISSCHECK_CRITERIA");
    *copy = NULL;
    if (!v || !*v)
        return l;
    *copy = strcpy(iss_xmalloc(strlen(v) + 1), v);
    for (char *tok = *copy; tok;) {
        char *colon = strchr(tok, ':');
        if (colon)
            *colon = '\0';
        if (*tok) {
            l.v = iss_xrealloc(l.v, (l.n + 1) * sizeof *l.v);
            l.v[l.n++] = tok;
        }
        tok = colon ? colon + 1 : NULL;
    }
    return l;
}

/* Every criteria set, in rising precedence: the built-in ones (no YAML is
 * read for them), ISSCHECK_CRITERIA's, those given with --criteria. */
static iss_editions *load_editions(const char *const *dirs, size_t n, iss_diags *d)
{
    iss_criteria **builtin = iss_xmalloc((iss_builtin_nsets + 1) * sizeof *builtin);
    for (size_t i = 0; i < iss_builtin_nsets; i++)
        builtin[i] = iss_builtin_sets[i].set;
    char *copy;
    opt_list env = env_criteria(&copy);
    iss_editions_sources src = {builtin, iss_builtin_nsets, env.v, env.n, dirs, n};
    iss_editions *e = iss_editions_load(&src, d);
    free(env.v);
    free(copy);
    free(builtin);
    return e;
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    iss_buf b = {0};
    iss_buf_puts(&b, "isscheck: error: ");
    /* the values it quotes (an argument, a file name) escaped: one line */
    iss_text_vprintf(&b, iss_diag_text(fmt, iss_cli_lang()), ap);
    va_end(ap);
    iss_buf_printf(&b, "\n%s\n", iss_diag_text("Try 'isscheck help'.", iss_cli_lang()));
    fwrite(b.s, 1, b.len, stderr);
    iss_buf_free(&b);
    return EXIT_USAGE;
}

/* The input limits, each settable by its option. */
static size_t *limit_option(iss_limits *lim, const char *name)
{
    if (strcmp(name, "--max-bytes") == 0)
        return &lim->max_bytes;
    if (strcmp(name, "--max-depth") == 0)
        return &lim->max_depth;
    if (strcmp(name, "--max-nodes") == 0)
        return &lim->max_nodes;
    if (strcmp(name, "--max-scalar") == 0)
        return &lim->max_scalar;
    if (strcmp(name, "--max-persons") == 0)
        return &lim->max_persons;
    if (strcmp(name, "--max-engagements") == 0)
        return &lim->max_engagements;
    return NULL;
}

/* Everything `check` was told; freed by check_opts_free. */
typedef struct {
    iss_day as_of;
    iss_limits lim;
    bool strict, redact, require_evidence, only_declarations, csv_bom;
    size_t format;
    iss_lang lang;
    const char *output, *summary_csv, *waivers;
    opt_list files, cats, rules, skips, criteria;
    size_t jobs;       /* -j: files checked in parallel; 0: one per core */
    iss_buf selection; /* the selection options, as given, for the report */
} check_opts;

static void check_opts_free(check_opts *o)
{
    free(o->files.v);
    free(o->cats.v);
    free(o->rules.v);
    free(o->skips.v);
    free(o->criteria.v);
    iss_buf_free(&o->selection);
}

/* Whether val is a number as a person writes one: ASCII digits only (no
 * sign, no space, which strtoul would take). */
static bool digits_only(const char *val)
{
    if (!*val)
        return false;
    for (; *val; val++)
        if (*val < '0' || *val > '9')
            return false;
    return true;
}

/* -j's value: 0 (one job per core) to 1024 threads, or SIZE_MAX when val
 * is not one */
static size_t parse_jobs(const char *val)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(val, &end, 10);
    if (!digits_only(val) || errno || *end || v > 1024)
        return SIZE_MAX;
    return (size_t)v;
}

/* Parses check's arguments into o: 0 to go on, else the exit status
 * (help printed: 0; usage error reported: 2). */
static int parse_check(int argc, char **argv, check_opts *o) __attribute__((nonnull(3)));
static int parse_check(int argc, char **argv, check_opts *o)
{
    const char *lang_s = getenv("ISSCHECK_LANG");
    bool opts_done = false;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (opts_done || a[0] != '-' || strcmp(a, "-") == 0) {
            opt_add(&o->files, a, false);
            continue;
        }
        if (strcmp(a, "--") == 0) {
            opts_done = true;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(check_usage, stdout);
            return EXIT_CLEAN;
        }
        if (a[1] == 'j') { /* -j N, -jN: the same as --jobs N */
            const char *val = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val)
                return usage_error("option '%s' needs a value", "-j");
            o->jobs = parse_jobs(val);
            if (o->jobs == SIZE_MAX)
                return usage_error("-j: expected a number of jobs from 0 to 1024, not '%s'", val);
            continue;
        }
        if (a[1] != '-')
            return usage_error("unknown option '%s'", a);
        char name[32];
        char *eq = strchr(a, '=');
        size_t len = eq ? (size_t)(eq - a) : strlen(a);
        if (len >= sizeof name)
            return usage_error("unknown option '%s'", a);
        memcpy(name, a, len);
        name[len] = '\0';
        static const char *const flags[] = {"--strict",           "--redact",  "--require-evidence",
                                            "--only-declarations", "--csv-bom", NULL};
        bool *const flag_of[] = {&o->strict, &o->redact, &o->require_evidence,
                                 &o->only_declarations, &o->csv_bom};
        int flag = iss_lookup(flags, name);
        if (flag >= 0) {
            if (eq)
                return usage_error("option '%s' takes no value", name);
            *flag_of[flag] = true;
            continue;
        }
        size_t *limit = limit_option(&o->lim, name);
        static const char *const valued[] = {
            "--as-of", "--lang", "--criteria",    "--format", "--output",  "--category",
            "--rule",  "--skip", "--summary-csv", "--jobs",   "--waivers", NULL};
        if (!limit && iss_lookup(valued, name) < 0)
            return usage_error("unknown option '%s'", a);
        char *val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
        if (!val)
            return usage_error("option '%s' needs a value", name);
        if (limit) {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(val, &end, 10);
            if (!digits_only(val) || errno || *end || v == 0 || v > SIZE_MAX / 2)
                return usage_error("%s: expected a positive whole number, not '%s'", name, val);
            *limit = (size_t)v;
        } else if (strcmp(name, "--as-of") == 0) {
            if (!iss_date_parse(val, strlen(val), &o->as_of)) {
                int y, mo, dd;
                char tail;
                if (iss_date_out_of_range(val, strlen(val)))
                    return usage_error("--as-of: %s is outside the dates isscheck handles, "
                                       "0001-01-01 to 9999-12-31",
                                       val);
                if (strlen(val) == 10 && sscanf(val, "%4d-%2d-%2d%c", &y, &mo, &dd, &tail) == 3)
                    return usage_error("--as-of: %s is not a date in the calendar", val);
                return usage_error("--as-of: expected a date YYYY-MM-DD, not '%s'", val);
            }
        } else if (strcmp(name, "--lang") == 0) {
            if (strcmp(val, "ja") != 0 && strcmp(val, "en") != 0)
                return usage_error("--lang: expected 'ja' or 'en', not '%s'", val);
            lang_s = val;
        } else if (strcmp(name, "--criteria") == 0) {
            if (!*val)
                return usage_error("--criteria: the folder name is empty");
            opt_add(&o->criteria, val, false);
        } else if (strcmp(name, "--jobs") == 0) {
            o->jobs = parse_jobs(val);
            if (o->jobs == SIZE_MAX)
                return usage_error("-j: expected a number of jobs from 0 to 1024, not '%s'", val);
        } else if (strcmp(name, "--format") == 0) {
            size_t k = 0;
            while (iss_formats[k] && strcmp(iss_formats[k]->name, val) != 0)
                k++;
            if (!iss_formats[k])
                return usage_error(
                    "--format: expected text, json, sarif, junit, markdown or html, not '%s'", val);
            o->format = k;
        } else if (strcmp(name, "--output") == 0 || strcmp(name, "--summary-csv") == 0 ||
                   strcmp(name, "--waivers") == 0) {
            if (!*val)
                return usage_error("%s: the file name is empty", name);
            *(name[2] == 'o' ? &o->output : name[2] == 's' ? &o->summary_csv : &o->waivers) = val;
        } else {
            /* --category, --rule, --skip: recorded as given, for the report;
             * an empty value (or an empty code in a,b,c) selects nothing */
            if (!*val)
                return usage_error("%s: the value is empty", name);
            if (strcmp(name, "--category") == 0 &&
                (val[0] == ',' || val[strlen(val) - 1] == ',' || strstr(val, ",,")))
                return usage_error("--category: an empty category code in '%s'", val);
            iss_buf_printf(&o->selection, "%s%s %s", o->selection.len ? " " : "", name, val);
            opt_add(strcmp(name, "--category") == 0 ? &o->cats
                    : strcmp(name, "--rule") == 0   ? &o->rules
                                                    : &o->skips,
                    val, strcmp(name, "--category") == 0);
        }
    }
    if (lang_s && !*lang_s)
        lang_s = NULL; /* an empty variable is an unset one */
    if (lang_s && strcmp(lang_s, "en") == 0)
        o->lang = ISS_LANG_EN;
    else if (lang_s && strcmp(lang_s, "ja") != 0)
        return usage_error("ISSCHECK_LANG: expected 'ja' or 'en', not '%s'", lang_s);
    if (o->files.n == 0)
        return usage_error("no declaration file given");
    if (o->csv_bom && !o->summary_csv)
        return usage_error("--csv-bom: no summary CSV to write (add --summary-csv FILE)");
    if (o->summary_csv && strcmp(o->summary_csv, "-") == 0 &&
        (!o->output || strcmp(o->output, "-") == 0))
        return usage_error("--summary-csv -: the report goes to standard output already "
                           "(write it elsewhere with --output FILE)");
    for (size_t k = 0; o->waivers && strcmp(o->waivers, "-") == 0 && k < o->files.n; k++)
        if (strcmp(o->files.v[k], "-") == 0)
            return usage_error("--waivers -: standard input is already a declaration");
    return -1;
}

/* ---- checking the files: one at a time through the whole pipeline ----
 * Each file is checked (iss_check_file), its part of the report rendered
 * and its report freed at once; the writer (this thread) adds the parts to
 * the report in the order of found, whatever the number of jobs, so the
 * output is the same byte for byte.  With -j N, N workers check files
 * while at most `window` finished parts wait for the writer: memory stays
 * bounded however many files there are. */

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

/* Whether pat is a glob fnmatch(3) reads as written: no '\\' at its end,
 * every '[' closed (a ']' right after "[" or "[!" is a member), every
 * "[:", "[." and "[=" inside a bracket closed by ":]", ".]", "=]". */
static bool glob_valid(const char *pat)
{
    for (const char *p = pat; *p; p++) {
        if (*p == '\\') {
            if (!*++p)
                return false;
            continue;
        }
        if (*p != '[')
            continue;
        const char *q = p + 1;
        q += *q == '!' || *q == '^';
        q += *q == ']';
        while (*q && *q != ']') {
            if (*q == '[' && (q[1] == ':' || q[1] == '.' || q[1] == '=')) {
                char close[3] = {q[1], ']', '\0'};
                const char *e = strstr(q + 2, close);
                if (!e)
                    return false;
                q = e + 2;
                continue;
            }
            q++;
        }
        if (!*q)
            return false;
        p = q;
    }
    return true;
}

/* The rule ids of every loaded edition, NULL-terminated (free the array). */
static const char **all_rule_ids(const iss_editions *ed, size_t *n)
{
    size_t total = 0;
    for (size_t i = 0; i < ed->nsets; i++)
        total += ed->sets[i]->nrules;
    const char **ids = iss_xmalloc((total + 1) * sizeof *ids);
    *n = 0;
    for (size_t i = 0; i < ed->nsets; i++)
        for (size_t k = 0; k < ed->sets[i]->nrules; k++)
            ids[(*n)++] = ed->sets[i]->rules[k].id;
    ids[*n] = NULL;
    return ids;
}

/* The entry of list nearest to s (iss_nearest), else one equal to it but
 * for case. */
static const char *nearest_or_case(const char *const *list, const char *s)
{
    const char *near = iss_nearest(list, s);
    for (size_t i = 0; !near && list[i]; i++)
        if (strcasecmp(list[i], s) == 0)
            near = list[i];
    return near;
}

/* A pattern close to pat that matches some id, in *out; false when none
 * is near.  A plain id: the nearest id, or "ID*" when ids start with it.
 * A glob: its literal start replaced by the nearest start of an id of the
 * same length ('VB-*': 'VA-*'). */
static bool suggest_pattern(const char *const *ids, size_t n, const char *pat, iss_buf *out)
{
    size_t lit = strcspn(pat, "*?[\\");
    const char *near = NULL;
    if (!pat[lit]) {
        near = nearest_or_case(ids, pat);
        if (near) {
            iss_buf_puts(out, near);
            return true;
        }
        for (size_t i = 0; i < n; i++)
            if (strncmp(ids[i], pat, lit) == 0) {
                iss_buf_printf(out, "%s*", pat);
                return true;
            }
        return false;
    }
    if (!lit)
        return false;
    char **starts = iss_xmalloc((n + 1) * sizeof *starts);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (strlen(ids[i]) >= lit) {
            starts[k] = iss_xmalloc(lit + 1);
            memcpy(starts[k], ids[i], lit);
            starts[k++][lit] = '\0';
        }
    starts[k] = NULL;
    char *start = iss_xmalloc(lit + 1);
    memcpy(start, pat, lit);
    start[lit] = '\0';
    near = nearest_or_case((const char *const *)starts, start);
    bool found = false;
    if (near) {
        iss_buf_printf(out, "%s%s", near, pat + lit);
        for (size_t i = 0; !found && i < n; i++)
            found = fnmatch(out->s, ids[i], 0) == 0;
    }
    for (size_t i = 0; i < k; i++)
        free(starts[i]);
    free(starts);
    free(start);
    return found;
}

/* Every --category names a category, and every --rule and --skip pattern
 * is a valid glob matching a rule id, of some loaded edition (a selection
 * that matches nothing is a typo, not a filter that keeps nothing: it
 * would turn a CI run green).  Whether the files checked have those rules
 * does not matter.  -1, or the usage error's status. */
static int check_selection(const check_opts *o, const iss_editions *ed)
{
    for (size_t k = 0; k < o->cats.n; k++) {
        const char *code = o->cats.v[k];
        bool known = false;
        size_t ncodes = 0;
        for (size_t i = 0; i < ed->nsets; i++) {
            known |= iss_criteria_category(ed->sets[i], code) >= 0;
            ncodes += ed->sets[i]->ncategories;
        }
        if (known)
            continue;
        const char **codes = iss_xmalloc((ncodes + 1) * sizeof *codes);
        ncodes = 0;
        for (size_t i = 0; i < ed->nsets; i++)
            for (size_t c = 0; c < ed->sets[i]->ncategories; c++)
                codes[ncodes++] = ed->sets[i]->categories[c].code;
        codes[ncodes] = NULL;
        const char *near = nearest_or_case(codes, code);
        int st = near ? usage_error("--category: unknown category '%s'; did you mean '%s'?", code,
                                    near)
                      : usage_error("--category: unknown category '%s'", code);
        free(codes);
        return st;
    }
    size_t n;
    const char **ids = all_rule_ids(ed, &n);
    int status = -1;
    for (size_t list = 0; list < 2 && status < 0; list++) {
        const opt_list *l = list ? &o->skips : &o->rules;
        const char *opt = list ? "--skip" : "--rule";
        for (size_t k = 0; k < l->n && status < 0; k++) {
            const char *pat = l->v[k];
            if (!glob_valid(pat)) {
                status = usage_error("%s: '%s' is not a valid glob pattern (an unclosed '[' or "
                                     "a '\\' at the end)",
                                     opt, pat);
                break;
            }
            bool matched = false;
            for (size_t i = 0; !matched && i < n; i++)
                matched = fnmatch(pat, ids[i], 0) == 0;
            if (matched)
                continue;
            iss_buf near = {0};
            if (suggest_pattern(ids, n, pat, &near))
                status = usage_error("%s: no rule id matches '%s'; did you mean '%s'?", opt, pat,
                                     near.s);
            else
                status = usage_error("%s: no rule id matches '%s'; 'isscheck list' shows every rule",
                                     opt, pat);
            iss_buf_free(&near);
        }
    }
    free(ids);
    return status;
}

static int check_files(const check_opts *o, const cli_inputs *found, const iss_editions *ed,
                       const iss_waivers *w, iss_day now, int status)
{
    const iss_criteria *crit = ed->deflt;
    iss_selection sel = {o->cats.v, o->cats.n, o->rules.v, o->rules.n, o->skips.v, o->skips.n};
    if (check_selection(o, ed) >= 0)
        return EXIT_USAGE;
    size_t n = found->n;
    iss_run run = {ISS_VERSION, o->lang,
                   o->strict,   crit,
                   NULL,        n,
                   status,      o->selection.len ? o->selection.s : NULL,
                   o->redact,   o->require_evidence};
    cli_output *out = cli_output_open(o->output);
    cli_output *csv = out && o->summary_csv ? cli_output_open(o->summary_csv) : NULL;
    if (!out || (o->summary_csv && !csv)) {
        cli_output_close(out, false);
        return EXIT_USAGE;
    }
    const iss_format *fmt = iss_formats[o->format];
    iss_report_stream *rs = iss_report_stream_new(fmt, &run, cli_output_file(out));
    if (!rs) {
        iss_cli_error("isscheck", "cannot make a temporary file: %s", strerror(errno));
        cli_output_close(out, false);
        cli_output_close(csv, false);
        return EXIT_USAGE;
    }
    size_t jobs = o->jobs ? o->jobs : cores();
    if (jobs > n)
        jobs = n;
    pipeline p = {.co = {.editions = ed,
                         .limits = &o->lim,
                         .selection = &sel,
                         .waivers = w,
                         .as_of = o->as_of,
                         .today = now,
                         .strict = o->strict,
                         .redact = o->redact,
                         .require_evidence = o->require_evidence},
                  .fmt = fmt,
                  .run = &run,
                  .lang = o->lang,
                  .window = 2 * (jobs ? jobs : 1),
                  .found = found};
    p.slots = iss_xmalloc(p.window * sizeof *p.slots);
    memset(p.slots, 0, p.window * sizeof *p.slots);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.ready, NULL);
    pthread_cond_init(&p.space, NULL);

    /* standard input, named once or more, is read first, in order, as -j 1
     * reads it; its outcomes wait for their turn */
    iss_arena *scratch = iss_arena_new();
    size_t nstdin = 0;
    for (size_t i = 0; i < n; i++)
        nstdin += is_stdin(&p, i);
    outcome *stdin_outcomes = iss_xmalloc((nstdin + 1) * sizeof *stdin_outcomes);
    for (size_t i = 0, k = 0; i < n; i++)
        if (is_stdin(&p, i))
            produce(&p, i, scratch, &stdin_outcomes[k++]);

    size_t nthreads = 0;
    pthread_t *tid = iss_xmalloc((jobs + 1) * sizeof *tid);
    for (; jobs > 1 && nthreads < jobs; nthreads++)
        if (pthread_create(&tid[nthreads], NULL, worker, &p) != 0)
            break;
    bool write_ok = true;
    int write_err = 0;
    for (size_t i = 0, k = 0; i < n; i++) {
        outcome oc;
        if (is_stdin(&p, i)) {
            oc = stdin_outcomes[k++];
        } else if (nthreads == 0) {
            produce(&p, i, scratch, &oc);
        } else {
            pthread_mutex_lock(&p.mu);
            outcome *slot = &p.slots[i % p.window];
            while (!(slot->ready && slot->index == i))
                pthread_cond_wait(&p.ready, &p.mu);
            oc = *slot;
            slot->ready = false;
            pthread_mutex_unlock(&p.mu);
        }
        pthread_mutex_lock(&p.mu);
        p.written = i + 1;
        pthread_cond_broadcast(&p.space);
        pthread_mutex_unlock(&p.mu);
        if (oc.err.len)
            fwrite(oc.err.s, 1, oc.err.len, stderr);
        iss_buf_free(&oc.err);
        if (oc.status == EXIT_USAGE)
            status = EXIT_USAGE;
        else if (status != EXIT_USAGE && oc.status == EXIT_FAILED)
            status = EXIT_FAILED;
        if (!iss_report_stream_add(rs, &oc.part) && write_ok) {
            write_ok = false;
            write_err = errno;
        }
    }
    for (size_t t = 0; t < nthreads; t++)
        pthread_join(tid[t], NULL);
    free(tid);
    iss_arena_free(scratch);
    free(stdin_outcomes);
    free(p.slots);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.ready);
    pthread_cond_destroy(&p.space);

    run.status = status;
    if (write_ok && !iss_report_stream_finish(rs, &run)) {
        write_ok = false;
        write_err = errno;
    }
    if (!write_ok && !ferror(cli_output_file(out))) {
        /* not the output itself (cli_output_close says that): a part kept
         * in a temporary file could not be read back */
        iss_cli_error("isscheck", "cannot write the report: %s", strerror(write_err));
        cli_output_close(out, false);
        status = EXIT_USAGE;
    } else if (!cli_output_close(out, true)) {
        status = EXIT_USAGE;
    }
    if (csv) {
        const iss_run_totals *t = iss_report_stream_totals(rs);
        iss_buf b = {0};
        if (o->csv_bom)
            iss_buf_puts(&b, "\xEF\xBB\xBF");
        iss_summary_csv(&b, t->rows, t->nrows);
        fwrite(b.s ? b.s : "", 1, b.len, cli_output_file(csv));
        iss_buf_free(&b);
        if (!cli_output_close(csv, true))
            status = EXIT_USAGE;
    }
    iss_report_stream_free(rs);
    return status;
}

/* --only-declarations: drops each file named that the rule of classify.h
 * does not call a declaration, with a note on standard error (directories
 * stay: their search applies the same rule; '-' stays, unread).  Returns
 * the number of arguments left. */
static size_t keep_declarations(opt_list *files, iss_lang lang)
{
    size_t kept = 0;
    for (size_t i = 0; i < files->n; i++) {
        const char *f = files->v[i];
        iss_file_kind k = strcmp(f, "-") == 0 ? ISS_KIND_DECLARATION : iss_classify_file(f);
        if (k == ISS_KIND_DECLARATION) {
            files->v[kept++] = f;
            continue;
        }
        iss_buf b = {0};
        iss_text_str(&b, f);
        iss_buf_printf(&b, ": note: %s\n",
                       iss_diag_text(k == ISS_KIND_WAIVERS
                                         ? "skipped: a waivers file, not a declaration"
                                         : "skipped: not a declaration (isscheck-declaration(5))",
                                     lang));
        fwrite(b.s, 1, b.len, stderr);
        iss_buf_free(&b);
    }
    return files->n = kept;
}

/* Neither output is a file the run reads (a declaration, the waivers
 * file, a criteria file) nor the other output: prints why and returns
 * false otherwise. */
static bool outputs_distinct(const check_opts *o, const cli_inputs *found, const iss_editions *ed)
{
    size_t n = 0, cap = found->n + 1;
    for (size_t i = 0; i < ed->nsets; i++)
        cap += ed->sets[i]->nfiles;
    const char **in = iss_xmalloc(cap * sizeof *in);
    for (size_t i = 0; i < found->n; i++)
        in[n++] = found->v[i].path;
    if (o->waivers)
        in[n++] = o->waivers;
    for (size_t i = 0; i < ed->nsets; i++)
        for (size_t k = 0; k < ed->sets[i]->nfiles; k++)
            in[n++] = ed->sets[i]->files[k];
    bool ok = cli_output_distinct(o->output, in, n) &&
              (!o->summary_csv || cli_output_distinct(o->summary_csv, in, n)) &&
              cli_outputs_distinct(o->output ? o->output : "-", o->summary_csv);
    free(in);
    return ok;
}

static int cmd_check(int argc, char **argv)
{
    check_opts o = {.lim = iss_default_limits, .jobs = 1};
    int status = parse_check(argc, argv, &o);
    if (status >= 0) {
        check_opts_free(&o);
        return status;
    }
    iss_day now = today();
    if (now == ISS_NO_DATE) {
        check_opts_free(&o);
        return EXIT_USAGE;
    }
    if (o.only_declarations && keep_declarations(&o.files, o.lang) == 0) {
        check_opts_free(&o); /* nothing but other YAML: nothing to check */
        return EXIT_CLEAN;
    }
    cli_inputs found = {0};
    status = cli_inputs_find(&found, o.files.v, o.files.n);
    iss_diags diags = {0};
    iss_editions *ed = load_editions(o.criteria.v, o.criteria.n, &diags);
    iss_waivers *w = NULL;
    bool refused = ed && !outputs_distinct(&o, &found, ed); /* before the waivers are read */
    if (ed && o.waivers && !refused) {
        const char *name = strcmp(o.waivers, "-") == 0 ? "<stdin>" : o.waivers;
        w = iss_waivers_load(o.waivers, name, ed, &o.lim, &diags);
    }
    if (refused || (ed && as_of_fits(o.as_of, ed))) {
        status = EXIT_USAGE;
    } else if (!ed || (o.waivers && !w)) {
        iss_diags_print(stderr, &diags, o.lang);
        status = EXIT_USAGE;
    } else {
        status = check_files(&o, &found, ed, w, now, status);
    }
    iss_waivers_free(w);
    iss_editions_free(ed);
    iss_diags_free(&diags);
    cli_inputs_free(&found);
    check_opts_free(&o);
    return status;
}

static const char criteria_usage[] =
    "usage: isscheck criteria list [--criteria DIR]...\n"
    "       isscheck criteria lint [DIR...]\n"
    "       isscheck criteria export DIR\n"
    "\n"
    "Criteria come from, first to last: --criteria DIR (repeatable), the\n"
    "folders ISSCHECK_CRITERIA lists (colon-separated), the sets built into\n"
    "isscheck.  A set from a folder replaces one of the same document and\n"
    "edition from further down, or adds an edition.\n"
    "\n"
    "list: every criteria edition loaded: document, edition, date, status,\n"
    "digest, rules, where it comes from, and whether a declaration that names\n"
    "no edition is checked against it.\n"
    "\n"
    "lint: check criteria sets for their authors (default: every built-in set,\n"
    "from the YAML it was built from): ids, citations, clause text, summaries,\n"
    "check kinds and parameters, catalogue references, PCRE2 patterns, every\n"
    "clause of the manifest has a rule, draft rules cannot pass.  Findings\n"
    "print as FILE:LINE:COL: error|warning.\n"
    "\n"
    "export: write the built-in sets' YAML, byte for byte as they were built,\n"
    "to DIR/SET/ (created; an existing file is never overwritten): the\n"
    "starting point of a local edition, used with --criteria DIR/SET.\n"
    "\n"
    "exit status: 0 clean (warnings allowed), 1 findings, 2 a set that cannot be\n"
    "loaded at all (a missing file, or one that is not YAML), a file export\n"
    "cannot write, or a usage error\n";

/* Where a set of criteria list comes from. */
static const char *origin_note(const iss_criteria *c)
{
    switch (c->origin) {
    case ISS_ORIGIN_ENV:
        return " (ISSCHECK_CRITERIA)";
    case ISS_ORIGIN_OPTION:
        return " (--criteria)";
    case ISS_ORIGIN_BUILTIN:
        break;
    }
    return "";
}

static int criteria_list(int argc, char **argv)
{
    opt_list dirs = {0};
    for (int i = 0; i < argc; i++) {
        char *dir = strcmp(argv[i], "--criteria") == 0 && i + 1 < argc ? argv[++i]
                          : strncmp(argv[i], "--criteria=", 11) == 0 ? argv[i] + 11
                                                                     : NULL;
        if (dir && !*dir) {
            free(dirs.v);
            return usage_error("--criteria: the folder name is empty");
        }
        if (dir) {
            opt_add(&dirs, dir, false);
        } else {
            free(dirs.v);
            return usage_error("criteria list: unexpected argument '%s'", argv[i]);
        }
    }
    iss_diags d = {0};
    iss_editions *ed = load_editions(dirs.v, dirs.n, &d);
    free(dirs.v);
    if (!ed) {
        iss_diags_print(stderr, &d, iss_cli_lang());
        iss_diags_free(&d);
        return EXIT_USAGE;
    }
    iss_buf out = {0};
    for (size_t i = 0; i < ed->nsets; i++) {
        const iss_criteria *c = ed->sets[i];
        bool dflt = false;
        for (size_t k = 0; k < ed->deflt->nsets; k++)
            dflt |= ed->deflt->sets[k] == c;
        char date[ISS_DATE_SIZE];
        iss_date_format(c->date, date);
        iss_buf_printf(&out, "%s %s\n  title:    %s (%s, %s)\n  status:   %s%s\n", c->document,
                       c->edition, c->title, c->issuer, date, c->draft ? "draft" : "in-force",
                       dflt ? ", applies by default" : "");
        iss_buf_printf(&out, "  rules:    %zu in %zu categor%s (", c->nrules, c->ncategories,
                       c->ncategories == 1 ? "y" : "ies");
        for (size_t k = 0; k < c->ncategories; k++)
            iss_buf_printf(&out, "%s%s", k ? ", " : "", c->categories[k].code);
        iss_buf_printf(&out, "), catalogue entries: %zu\n  digest:   %s\n  from:     %s%s\n",
                       c->nentries, c->digest, c->dir, origin_note(c));
    }
    int st = write_all(&out) ? EXIT_CLEAN : cli_stdout_finish(EXIT_CLEAN);
    iss_buf_free(&out);
    iss_editions_free(ed);
    iss_diags_free(&d);
    return st;
}

static int criteria_lint(int argc, char **argv)
{
    opt_list dirs = {0};
    for (int i = 0; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            free(dirs.v);
            return usage_error("criteria lint: unknown option '%s'", argv[i]);
        }
        opt_add(&dirs, argv[i], false);
    }
    bool builtin = dirs.n == 0; /* every built-in set, from its YAML */
    size_t n = builtin ? iss_builtin_nsets : dirs.n;
    int status = EXIT_CLEAN;
    for (size_t i = 0; i < n; i++) {
        iss_diags d = {0};
        const char *name = builtin ? iss_builtin_sets[i].set->dir : dirs.v[i];
        int st = builtin ? iss_criteria_lint_files(name, iss_builtin_sets[i].files,
                                                   iss_builtin_sets[i].nfiles, &d)
                         : iss_criteria_lint(name, &d);
        iss_diags_print(stderr, &d, iss_cli_lang());
        size_t warnings = d.n - d.errors;
        printf("%s: %s (%zu error%s, %zu warning%s)\n", name,
               st == 2 ? "cannot be loaded"
               : st    ? "findings"
                       : "clean",
               d.errors, d.errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
        if (st > status)
            status = st;
        iss_diags_free(&d);
    }
    free(dirs.v);
    if (cli_stdout_finish(EXIT_CLEAN) != EXIT_CLEAN)
        status = EXIT_USAGE;
    return status;
}

/* Writes n bytes to a new file at path: never over an existing one. */
static bool write_new_file(const char *path, const char *bytes, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        return false;
    size_t done = 0;
    bool ok = true;
    while (ok && done < n) {
        ssize_t w = write(fd, bytes + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        ok = w > 0;
        if (ok)
            done += (size_t)w;
    }
    int err = errno;
    ok = close(fd) == 0 && ok;
    if (!ok) {
        unlink(path);
        errno = err;
    }
    return ok;
}

/* isscheck criteria export DIR: the built-in sets' YAML, as built, in
 * DIR/SET/FILE.  Every target is checked before anything is written, so a
 * refused export leaves nothing behind; O_EXCL still guards each file. */
static int criteria_export(int argc, char **argv)
{
    if (argc != 1 || (argv[0][0] == '-' && argv[0][1]))
        return argc == 1 ? usage_error("criteria export: unknown option '%s'", argv[0])
                         : usage_error("criteria export: expected one folder (DIR)");
    const char *root = argv[0];
    iss_buf path = {0};
    int status = EXIT_CLEAN;
    for (size_t i = 0; i < iss_builtin_nsets && status == EXIT_CLEAN; i++)
        for (size_t k = 0; k < iss_builtin_sets[i].nfiles; k++) {
            path.len = 0;
            iss_buf_printf(&path, "%s/%s/%s", root, iss_builtin_sets[i].name,
                           iss_builtin_sets[i].files[k].name);
            struct stat st;
            if (lstat(path.s, &st) == 0) {
                iss_cli_error(path.s, "already exists: criteria export never overwrites a file");
                status = EXIT_USAGE;
                break;
            }
        }
    if (status == EXIT_CLEAN && mkdir(root, 0777) != 0 && errno != EEXIST) {
        iss_cli_error(root, "cannot create the folder: %s", strerror(errno));
        status = EXIT_USAGE;
    }
    for (size_t i = 0; i < iss_builtin_nsets && status == EXIT_CLEAN; i++) {
        const iss_builtin_set *b = &iss_builtin_sets[i];
        path.len = 0;
        iss_buf_printf(&path, "%s/%s", root, b->name);
        if (mkdir(path.s, 0777) != 0 && errno != EEXIST) {
            iss_cli_error(path.s, "cannot create the folder: %s", strerror(errno));
            status = EXIT_USAGE;
            break;
        }
        for (size_t k = 0; k < b->nfiles; k++) {
            path.len = 0;
            iss_buf_printf(&path, "%s/%s/%s", root, b->name, b->files[k].name);
            if (!write_new_file(path.s, b->files[k].bytes, b->files[k].len)) {
                iss_cli_error(path.s, "cannot write: %s", strerror(errno));
                status = EXIT_USAGE;
                break;
            }
        }
    }
    iss_buf_free(&path);
    return status;
}

static int cmd_criteria(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(criteria_usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_CLEAN;
    }
    if (strcmp(argv[1], "list") == 0)
        return criteria_list(argc - 2, argv + 2);
    if (strcmp(argv[1], "lint") == 0)
        return criteria_lint(argc - 2, argv + 2);
    if (strcmp(argv[1], "export") == 0)
        return criteria_export(argc - 2, argv + 2);
    return usage_error("criteria: unknown subcommand '%s' (list, lint or export)", argv[1]);
}

/* An authoring command (authoring.c) over the criteria set it names with
 * --criteria, or the built-in one. */
static int cmd_authoring(const iss_cli_command *ac, int argc, char **argv)
{
    const char *dir = NULL;
    int status = iss_cli_prescan(ac, argc, argv, &dir);
    if (status >= 0)
        return status;
    iss_diags diags = {0};
    iss_editions *ed = load_editions(&dir, dir ? 1 : 0, &diags);
    if (ed) {
        /* --criteria DIR: that set's edition, whether or not it applies by default */
        const iss_criteria *c = ed->deflt;
        iss_criteria *owned = NULL;
        for (size_t i = 0; dir && i < ed->nsets; i++)
            if (ed->sets[i]->origin == ISS_ORIGIN_OPTION) {
                iss_edition_req req = {{ed->sets[i]->document, {0, 0}},
                                       {ed->sets[i]->edition, {0, 0}}};
                iss_arena *a = iss_arena_new();
                iss_ctx ctx = {dir, a, &diags};
                c = iss_editions_resolve(ed, &req, 1, &ctx, &owned);
                iss_arena_free(a);
            }
        status = c ? ac->run(c, argc, argv) : EXIT_USAGE;
        if (!c)
            iss_diags_print(stderr, &diags, iss_cli_lang());
        iss_criteria_free(owned);
    } else {
        iss_diags_print(stderr, &diags, iss_cli_lang());
        status = EXIT_USAGE;
    }
    iss_editions_free(ed);
    iss_diags_free(&diags);
    return status;
}

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
        (strcmp(cmd, "help") == 0 && argc == 2)) {
        fputs(usage_text, stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "help") == 0) {
        if (strcmp(argv[2], "help") == 0) {
            fputs(usage_text, stdout);
            return EXIT_CLEAN;
        }
        if (strcmp(argv[2], "check") == 0) {
            fputs(check_usage, stdout);
            return EXIT_CLEAN;
        }
        if (strcmp(argv[2], "criteria") == 0) {
            fputs(criteria_usage, stdout);
            return EXIT_CLEAN;
        }
        if (strcmp(argv[2], "lsp") == 0) {
            fputs(iss_cli_lsp_usage, stdout);
            return EXIT_CLEAN;
        }
        const iss_cli_command *hc = iss_cli_authoring(argv[2]);
        if (hc) {
            fputs(hc->usage, stdout);
            return EXIT_CLEAN;
        }
        return usage_error("no help for '%s'", argv[2]);
    }
    if (strcmp(cmd, "--version") == 0) {
        iss_diags d = {0};
        iss_editions *ed = load_editions(NULL, 0, &d);
        /* the version, the source commit when built from git (reports carry
         * the version only) and every edition with the digest reports cite */
        printf("isscheck %s\n", ISS_VERSION);
        if (*ISS_COMMIT)
            printf("commit: %s\n", ISS_COMMIT);
        for (size_t i = 0; ed && i < ed->nsets; i++) {
            const iss_criteria *c = ed->sets[i];
            char date[ISS_DATE_SIZE];
            iss_date_format(c->date, date);
            printf("criteria: %s %s (%s, %s, digest %s, %s)\n", c->title, c->edition, date,
                   c->draft ? "draft" : "in force", c->digest, c->dir);
        }
        if (!ed) {
            fflush(stdout);
            iss_diags_print(stderr, &d, iss_cli_lang());
        }
        int st = ed ? EXIT_CLEAN : EXIT_USAGE;
        iss_editions_free(ed);
        iss_diags_free(&d);
        return st;
    }
    if (strcmp(cmd, "criteria") == 0)
        return cmd_criteria(argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "lsp") == 0)
        return iss_cli_lsp(argc - 1, argv + 1, load_editions, today, ISS_VERSION);
    if (iss_cli_authoring(cmd))
        return cmd_authoring(iss_cli_authoring(cmd), argc - 1, argv + 1);
    return usage_error("unknown command '%s'", cmd);
}

int main(int argc, char **argv)
{
    /* a closed pipe is a write error (exit 2), not a silent death by signal */
    signal(SIGPIPE, SIG_IGN);
    /* Each file's model, report and scratch are freed before the next
     * file: glibc would hand the top of the heap back to the kernel every
     * time (brk) and take it again for the next file, a page fault and a
     * zeroed page per 4 KB, file after file.  Keeping up to 32 MB of freed
     * heap for the next file costs no more than the peak already reached. */
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    mallopt(M_TOP_PAD, 1 << 20);
    iss_cli_choose_lang(argc, argv);
    /* help, version and every other text that reached standard output only
     * in part (a full disk, a closed pipe) make exit status 2 */
    return cli_stdout_finish(dispatch(argc, argv));
}
