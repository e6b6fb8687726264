/* run.c - one declaration file checked the way a user sees it (run.h). */
#include "isscheck/run.h"

#include "isscheck/redact.h"

#include <stdlib.h>
#include <string.h>

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
    c->result.report = rep;
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
