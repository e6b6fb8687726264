/* baseline.c - an earlier JSON report as a baseline (baseline.h).
 *
 * Jansson reads the report (the language server's JSON already): the
 * report is JSON we wrote, and only the few keys matching needs are kept,
 * copied into the baseline's arena, so the tree is freed at once and the
 * threads that match files read plain structs. */
#include "isscheck/baseline.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

const char *iss_base_mark_name(iss_base_mark m)
{
    static const char *const names[] = {NULL, "new", "unchanged", "resolved"};
    return m < ISS_BASE_MARKS ? names[m] : NULL;
}

void iss_baseline_free(iss_baseline *b)
{
    if (!b)
        return;
    iss_arena_free(b->arena);
}

/* The value of key in o when it has the type t, else NULL. */
static json_t *get(const json_t *o, const char *key, json_type t)
{
    json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
    return v && json_typeof(v) == t ? v : NULL;
}

/* A key the report must have, missing or of the wrong type. */
static void *missing(const char *name, const char *what, iss_diags *d)
{
    iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0},
                 "baseline: not an isscheck JSON report: '%s' is missing or not of its type", what);
    return NULL;
}

static bool verdict_of(const char *s, iss_verdict *v)
{
    for (int k = 0; k < ISS_VERDICTS; k++)
        if (strcmp(s, iss_verdict_name((iss_verdict)k)) == 0) {
            *v = (iss_verdict)k;
            return true;
        }
    return false;
}

/* "DOCUMENT EDITION; …" of a report's "editions" array, or NULL. */
static const char *editions_key(iss_arena *a, const json_t *eds)
{
    iss_buf k = {0};
    size_t i;
    json_t *e;
    bool ok = true;
    json_array_foreach(eds, i, e)
    {
        json_t *doc = get(e, "document", JSON_STRING), *ed = get(e, "edition", JSON_STRING);
        if (!doc || !ed) {
            ok = false;
            break;
        }
        iss_buf_printf(&k, "%s%s %s", i ? "; " : "", json_string_value(doc), json_string_value(ed));
    }
    const char *s = ok ? iss_arena_strndup(a, k.s ? k.s : "", k.len) : NULL;
    iss_buf_free(&k);
    return s;
}

/* One loaded file of the report into f; false (d said why) if malformed. */
static bool load_file(iss_arena *a, const json_t *jf, iss_base_file *f, const char *name,
                      iss_diags *d)
{
    json_t *file = get(jf, "file", JSON_STRING), *prov = get(jf, "provider", JSON_STRING);
    json_t *eds = get(jf, "editions", JSON_ARRAY), *res = get(jf, "results", JSON_ARRAY);
    if (!file || !prov || !eds || !res)
        return missing(name,
                       !file   ? "files[].file"
                       : !prov ? "files[].provider"
                       : !eds  ? "files[].editions"
                               : "files[].results",
                       d);
    f->file = iss_arena_strdup(a, json_string_value(file));
    f->provider = iss_arena_strdup(a, json_string_value(prov));
    f->editions = editions_key(a, eds);
    if (!f->editions)
        return missing(name, "files[].editions[].edition", d);
    f->nresults = json_array_size(res);
    f->results = iss_arena_alloc(a, (f->nresults + 1) * sizeof *f->results);
    size_t i;
    json_t *jr;
    json_array_foreach(res, i, jr)
    {
        json_t *rule = get(jr, "rule", JSON_STRING), *verdict = get(jr, "verdict", JSON_STRING);
        if (!rule || !verdict || !verdict_of(json_string_value(verdict), &f->results[i].verdict))
            return missing(name, !rule ? "files[].results[].rule" : "files[].results[].verdict", d);
        f->results[i].rule = iss_arena_strdup(a, json_string_value(rule));
    }
    return true;
}

/* The report's files that were loaded (a file with "errors" has no
 * results to compare), into b. */
static bool load_report(iss_baseline *b, const json_t *root, const char *name, iss_diags *d)
{
    json_t *format = get(root, "format", JSON_STRING);
    if (!format || strcmp(json_string_value(format), "isscheck-report") != 0)
        return missing(name, "format", d);
    json_t *version = get(root, "format_version", JSON_INTEGER);
    if (!version)
        return missing(name, "format_version", d);
    if (json_integer_value(version) != 1) {
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0},
                     "baseline: report format version %lld; this isscheck reads version 1",
                     (long long)json_integer_value(version));
        return false;
    }
    json_t *files = get(root, "files", JSON_ARRAY);
    if (!files)
        return missing(name, "files", d);
    b->files = iss_arena_alloc(b->arena, (json_array_size(files) + 1) * sizeof *b->files);
    size_t i;
    json_t *jf;
    json_array_foreach(files, i, jf)
    {
        if (!json_is_object(jf))
            return missing(name, "files[]", d);
        if (get(jf, "errors", JSON_ARRAY) && !json_object_get(jf, "provider"))
            continue;
        if (!load_file(b->arena, jf, &b->files[b->nfiles], name, d))
            return false;
        b->nfiles++;
    }
    return true;
}

iss_baseline *iss_baseline_load(const char *path, const char *name, iss_diags *d)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        iss_diag_add(d, ISS_SEV_ERROR, name, (iss_loc){0, 0}, "cannot open: %s", strerror(errno));
        return NULL;
    }
    json_error_t err;
    json_t *root = json_loadf(fp, JSON_REJECT_DUPLICATES, &err);
    fclose(fp);
    if (!root) {
        /* Jansson counts lines from 1 and columns in characters from 1;
         * column 0 is before the line's first character (at the end) */
        iss_loc at = {err.line > 0 ? err.line : 0, err.line <= 0    ? 0
                                                   : err.column > 0 ? err.column
                                                                    : 1};
        iss_diag_add(d, ISS_SEV_ERROR, name, at, "baseline: not valid JSON: %s", err.text);
        return NULL;
    }
    iss_baseline *b = NULL;
    iss_arena *a = iss_arena_new();
    b = iss_arena_alloc(a, sizeof *b);
    b->arena = a;
    b->file = iss_arena_strdup(a, name);
    bool ok = load_report(b, root, name, d);
    json_decref(root);
    if (!ok) {
        iss_baseline_free(b);
        return NULL;
    }
    return b;
}

/* ---- matching ------------------------------------------------------------ */

static bool problem(iss_verdict v)
{
    return v == ISS_FAIL || v == ISS_REVIEW;
}

/* r's editions as iss_base_file.editions spells them. */
static const char *report_editions(iss_arena *a, const iss_criteria *c)
{
    iss_buf k = {0};
    for (size_t i = 0; i < c->nsets; i++)
        iss_buf_printf(&k, "%s%s %s", i ? "; " : "", c->sets[i]->document, c->sets[i]->edition);
    const char *s = iss_arena_strndup(a, k.s ? k.s : "", k.len);
    iss_buf_free(&k);
    return s;
}

void iss_baseline_claim(iss_baseline *b, const char *file)
{
    for (size_t i = 0; i < b->nfiles; i++)
        if (strcmp(b->files[i].file, file) == 0)
            b->files[i].named = true;
}

/* The baseline's file of provider: the one of the same name, else the only
 * one that no other file of the run is named as; NULL with *state saying
 * why not. */
static const iss_base_file *find_file(const iss_baseline *b, const char *provider, const char *file,
                                      iss_base_state *state)
{
    const iss_base_file *only = NULL;
    size_t n = 0, claimed = 0;
    for (size_t i = 0; i < b->nfiles; i++) {
        const iss_base_file *f = &b->files[i];
        if (strcmp(f->provider, provider) != 0)
            continue;
        if (strcmp(f->file, file) == 0)
            return f;
        if (f->named) {
            claimed++;
            continue;
        }
        only = f;
        n++;
    }
    *state = n + claimed == 0 ? ISS_BASE_NO_PROVIDER : ISS_BASE_AMBIGUOUS;
    return n == 1 ? only : NULL;
}

static const iss_base_result *find_result(const iss_base_file *f, const char *rule)
{
    for (size_t i = 0; i < f->nresults; i++)
        if (strcmp(f->results[i].rule, rule) == 0)
            return &f->results[i];
    return NULL;
}

/* Whether the run left the rule of that id out (--rule, --skip,
 * --category): not checked, so neither resolved nor not. */
static bool left_out(const iss_report *r, const iss_selection *sel, const char *id)
{
    if (!sel || iss_selection_empty(sel))
        return false;
    const iss_criteria *c = r->criteria;
    for (size_t i = 0; i < c->nrules; i++)
        if (strcmp(c->rules[i].id, id) == 0)
            return !iss_selection_keeps(sel, c, &c->rules[i]);
    return false;
}

static bool in_report(const iss_report *r, const char *id)
{
    for (size_t i = 0; i < r->nresults; i++)
        if (strcmp(r->results[i].rule->id, id) == 0)
            return true;
    return false;
}

void iss_baseline_match(const iss_baseline *b, iss_report *r, const iss_selection *sel)
{
    iss_arena *a = r->arena;
    iss_base_match *m = iss_arena_alloc(a, sizeof *m);
    m->baseline = b->file;
    m->editions = report_editions(a, r->criteria);
    m->marks = iss_arena_alloc(a, (r->nresults + 1) * sizeof *m->marks);
    m->was = iss_arena_alloc(a, (r->nresults + 1) * sizeof *m->was);
    r->base = m;
    const char *provider = r->decl->provider.s ? r->decl->provider.s : "";
    const iss_base_file *f = find_file(b, provider, r->decl->file, &m->state);
    if (!f)
        return;
    m->base_file = f->file;
    if (strcmp(f->editions, m->editions) != 0) {
        m->state = ISS_BASE_OTHER_EDITION;
        m->base_editions = f->editions;
        return;
    }
    m->state = ISS_BASE_COMPARED;
    for (size_t i = 0; i < r->nresults; i++) {
        const iss_result *res = &r->results[i];
        const iss_base_result *was = find_result(f, res->rule->id);
        m->was[i] = was;
        bool then = was && problem(was->verdict);
        iss_base_mark mark = ISS_BASE_NONE;
        if (problem(res->verdict))
            mark = then && was->verdict == res->verdict ? ISS_BASE_UNCHANGED : ISS_BASE_NEW;
        else if (then && res->verdict != ISS_WAIVED) /* a waiver is not a fix */
            mark = ISS_BASE_RESOLVED;
        m->marks[i] = mark;
        m->counts[mark]++;
    }
    m->gone = iss_arena_alloc(a, (f->nresults + 1) * sizeof *m->gone);
    for (size_t i = 0; i < f->nresults; i++) {
        const iss_base_result *was = &f->results[i];
        if (problem(was->verdict) && !in_report(r, was->rule) && !left_out(r, sel, was->rule)) {
            m->gone[m->ngone++] = was;
            m->counts[ISS_BASE_RESOLVED]++;
        }
    }
}

bool iss_baseline_fails(const iss_report *r, bool strict)
{
    const iss_base_match *m = r->base;
    for (size_t i = 0; i < r->nresults; i++) {
        iss_verdict v = r->results[i].verdict;
        bool counts = v == ISS_FAIL || (strict && v == ISS_REVIEW);
        if (counts && (!m || m->state != ISS_BASE_COMPARED || m->marks[i] == ISS_BASE_NEW))
            return true;
    }
    return false;
}

const char *iss_base_sarif_state(const iss_report *r, size_t i)
{
    const iss_base_match *m = r->base;
    if (!m || m->state != ISS_BASE_COMPARED)
        return NULL;
    const iss_base_result *was = m->was[i];
    switch (r->results[i].verdict) {
    case ISS_FAIL:
    case ISS_REVIEW:
        return m->marks[i] == ISS_BASE_UNCHANGED ? "unchanged" : "new";
    case ISS_WAIVED:
        return !was                         ? "new"
               : was->verdict == ISS_WAIVED ? "unchanged"
               : problem(was->verdict)      ? "updated"
                                            : "new";
    default:
        return m->marks[i] == ISS_BASE_RESOLVED ? "absent" : NULL;
    }
}
