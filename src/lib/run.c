/* run.c - one declaration file checked the way a user sees it (run.h). */
#include "isscheck/run.h"

#include "fields.h"
#include "isscheck/redact.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool iss_reference_fits(const iss_decl *decl, iss_day as_of, iss_day today, iss_diags *d,
                        const char *file)
{
    iss_day ref = as_of ? as_of : decl->reference_date ? decl->reference_date : today;
    if (ref == ISS_NO_DATE)
        return true;
    long longest = iss_criteria_longest_window(decl->criteria);
    if (!longest || iss_window_fits(ref, (int)longest))
        return true;
    char day[ISS_DATE_SIZE], earliest[ISS_DATE_SIZE];
    iss_date_format(ref, day);
    iss_date_format(iss_window_earliest_ref((int)longest), earliest);
    if (!as_of && decl->reference_date)
        iss_diag_add(d, ISS_SEV_ERROR, file, decl->reference_loc,
                     "'reference_date': %s is too early: the criteria count back %ld years, a "
                     "window that would start before 0001-01-01; the earliest reference date is %s",
                     day, longest, earliest);
    else
        iss_diag_add(d, ISS_SEV_ERROR, file, (iss_loc){0, 0},
                     "reference date %s is too early: the criteria count back %ld years, a window "
                     "that would start before 0001-01-01; the earliest reference date is %s",
                     day, longest, earliest);
    return false;
}

bool iss_as_of_fits(iss_day as_of, const iss_editions *ed, iss_diags *d)
{
    long longest = 0;
    for (size_t i = 0; as_of && i < ed->nsets; i++) {
        long w = iss_criteria_longest_window(ed->sets[i]);
        longest = w > longest ? w : longest;
    }
    if (!as_of || !longest || iss_window_fits(as_of, (int)longest))
        return true;
    char day[ISS_DATE_SIZE], earliest[ISS_DATE_SIZE];
    iss_date_format(as_of, day);
    iss_date_format(iss_window_earliest_ref((int)longest), earliest);
    iss_diag_add(d, ISS_SEV_ERROR, NULL, (iss_loc){0, 0},
                 "--as-of: %s is too early: the criteria count back %ld years, a window that "
                 "would start before 0001-01-01; the earliest reference date is %s",
                 day, longest, earliest);
    return false;
}

static iss_checked *checked_new(const char *name)
{
    iss_checked *c = iss_xmalloc(sizeof *c);
    memset(c, 0, sizeof *c);
    size_t n = strlen(name);
    c->file = memcpy(iss_xmalloc(n + 1), name, n + 1);
    c->result = (iss_file_result){c->file, NULL, &c->diags, 2};
    return c;
}

static iss_checked *evaluate(iss_checked *c, const iss_check_options *o);

iss_checked *iss_check_file(const char *path, const char *name, const iss_check_options *o,
                            iss_arena *scratch)
{
    iss_checked *c = checked_new(name);
    c->decl = scratch ? iss_decl_load_in(path, c->file, o->editions, o->limits, scratch, &c->diags)
                      : iss_decl_load_editions(path, c->file, o->editions, o->limits, &c->diags);
    return evaluate(c, o);
}

iss_checked *iss_check_bytes(const char *bytes, size_t len, const char *name,
                             const iss_check_options *o)
{
    iss_checked *c = checked_new(name);
    c->decl = iss_decl_parse_editions(bytes, len, c->file, o->editions, o->limits, &c->diags);
    return evaluate(c, o);
}

/* A file the baseline could not be compared with is said, naming both
 * sides, so that a wrong baseline never passes for a clean one. */
static void base_warning(iss_checked *c, const iss_report *rep)
{
    const iss_base_match *m = rep->base;
    const char *provider = rep->decl->provider.s ? rep->decl->provider.s : "";
    size_t n = c->diags.n;
    if (m->state == ISS_BASE_NO_PROVIDER)
        iss_diag_add(&c->diags, ISS_SEV_WARNING, c->file, (iss_loc){0, 0},
                     "baseline '%s' has no file of provider '%s': results not compared",
                     m->baseline, provider);
    else if (m->state == ISS_BASE_AMBIGUOUS)
        iss_diag_add(&c->diags, ISS_SEV_WARNING, c->file, (iss_loc){0, 0},
                     "baseline '%s' cannot tell which file of provider '%s' is '%s' (several in "
                     "the baseline or in this run, none of this name): results not compared",
                     m->baseline, provider, c->file);
    else if (m->state == ISS_BASE_OTHER_EDITION)
        iss_diag_add(&c->diags, ISS_SEV_WARNING, c->file, (iss_loc){0, 0},
                     "baseline '%s' checked '%s' against %s, this run against %s: results not "
                     "compared",
                     m->baseline, m->base_file, m->base_editions, m->editions);
    if (c->diags.n > n)
        c->base_warning = n + 1;
}

/* The rest of a check once the declaration is loaded (or not). */
static iss_checked *evaluate(iss_checked *c, const iss_check_options *o)
{
    if (c->decl && !iss_reference_fits(c->decl, o->as_of, o->today, &c->diags, c->file)) {
        iss_decl_free(c->decl);
        c->decl = NULL;
    }
    if (!c->decl) {
        if (o->redact)
            iss_diags_redact(&c->diags);
        return c;
    }
    iss_eval_options eo = {o->require_evidence};
    iss_report *rep = iss_evaluate_with(c->decl, o->as_of, o->today, &eo);
    if (o->selection && !iss_selection_empty(o->selection))
        iss_report_select(rep, o->selection);
    if (o->waivers)
        iss_waivers_apply(o->waivers, rep, o->today);
    if (o->redact) /* last: waiver notes quoting a person are redacted too */
        iss_report_redact(rep);
    if (o->baseline) {
        iss_baseline_match(o->baseline, rep, o->selection);
        base_warning(c, rep);
    }
    c->result.report = rep;
    if (o->fail_on_new)
        c->result.status = iss_baseline_fails(rep, o->strict) ? 1 : 0;
    else
        c->result.status = rep->counts[ISS_FAIL] || (o->strict && rep->counts[ISS_REVIEW]) ? 1 : 0;
    return c;
}

void iss_checked_free(iss_checked *c)
{
    if (!c)
        return;
    iss_report_free((iss_report *)c->result.report);
    iss_decl_free(c->decl);
    iss_diags_free(&c->diags);
    free(c->file);
    free(c);
}

int iss_run_status_add(int status, int file_status)
{
    if (status == 2 || file_status == 2)
        return 2;
    return status == 1 || file_status == 1 ? 1 : 0;
}

/* ---- whether a selection can select anything ---- */

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

const char *iss_nearest_or_case(const char *const *list, const char *s)
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
    if (!pat[lit]) {
        const char *near = iss_nearest_or_case(ids, pat);
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
    const char *near = iss_nearest_or_case((const char *const *)starts, start);
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

/* Every category sel names is one of some loaded edition. */
static bool categories_known(const iss_selection *sel, const iss_editions *ed, iss_diags *d)
{
    for (size_t k = 0; k < sel->ncategories; k++) {
        const char *code = sel->categories[k];
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
        const char *near = iss_nearest_or_case(codes, code);
        if (near)
            iss_diag_add(d, ISS_SEV_ERROR, NULL, (iss_loc){0, 0},
                         "--category: unknown category '%s'; did you mean '%s'?", code, near);
        else
            iss_diag_add(d, ISS_SEV_ERROR, NULL, (iss_loc){0, 0},
                         "--category: unknown category '%s'", code);
        free(codes);
        return false;
    }
    return true;
}

/* Whether the glob pat (of option opt) is valid and matches one of ids. */
static bool pattern_matches(const char *const *ids, size_t n, const char *opt, const char *pat,
                            iss_diags *d)
{
    if (!glob_valid(pat)) {
        iss_diag_add(d, ISS_SEV_ERROR, NULL, (iss_loc){0, 0},
                     "%s: '%s' is not a valid glob pattern (an unclosed '[' or a '\\' at the end)",
                     opt, pat);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        if (fnmatch(pat, ids[i], 0) == 0)
            return true;
    iss_buf near = {0};
    if (suggest_pattern(ids, n, pat, &near))
        iss_diag_add(d, ISS_SEV_ERROR, NULL, (iss_loc){0, 0},
                     "%s: no rule id matches '%s'; did you mean '%s'?", opt, pat, near.s);
    else
        iss_diag_add(d, ISS_SEV_ERROR, NULL, (iss_loc){0, 0},
                     "%s: no rule id matches '%s'; 'isscheck list' shows every rule", opt, pat);
    iss_buf_free(&near);
    return false;
}

bool iss_selection_check(const iss_selection *sel, const iss_editions *ed, iss_diags *d)
{
    if (!categories_known(sel, ed, d))
        return false;
    size_t n;
    const char **ids = all_rule_ids(ed, &n);
    bool ok = true;
    for (size_t k = 0; ok && k < sel->nrules; k++)
        ok = pattern_matches(ids, n, "--rule", sel->rules[k], d);
    for (size_t k = 0; ok && k < sel->nskip; k++)
        ok = pattern_matches(ids, n, "--skip", sel->skip[k], d);
    free(ids);
    return ok;
}
