/* report.c - what several reporters ask of a run's record. */
#include "isscheck/report.h"

#include <stdlib.h>
#include <string.h>

const iss_diag *iss_file_first_error(const iss_file_result *f)
{
    const iss_diags *ds = f->diags;
    for (size_t i = 0; ds && i < ds->n; i++)
        if (ds->v[i].sev == ISS_SEV_ERROR)
            return &ds->v[i];
    return ds && ds->n ? &ds->v[0] : NULL;
}

bool iss_report_has_category(const iss_report *r, size_t cat)
{
    for (size_t i = 0; i < r->nresults; i++)
        if (r->results[i].rule->category == cat)
            return true;
    return false;
}

static char *dup(const char *s)
{
    size_t n = strlen(s ? s : "");
    char *d = iss_xmalloc(n + 1);
    memcpy(d, s ? s : "", n + 1);
    return d;
}

void iss_file_summary_init(iss_file_summary *s, const iss_file_result *f, iss_lang lang)
{
    memset(s, 0, sizeof *s);
    s->file = dup(f->file);
    s->status = f->status;
    const iss_report *r = f->report;
    if (!r) {
        s->error = dup(f->diags && f->diags->n ? iss_diag_msg(&f->diags->v[0], lang) : "");
        return;
    }
    s->provider = dup(r->decl->provider.s);
    iss_buf cats = {0};
    iss_buf_add(&cats, "", 0);
    for (size_t i = 0; i < r->decl->nservices; i++) {
        if (i)
            iss_buf_add(&cats, " ", 1);
        iss_buf_puts(&cats, r->criteria->categories[r->decl->services[i].category].code);
    }
    s->categories = cats.s;
    memcpy(s->counts, r->counts, sizeof s->counts);
    s->judged = r->judged;
}

void iss_file_summary_free(iss_file_summary *s)
{
    free(s->file);
    free(s->provider);
    free(s->categories);
    free(s->error);
    memset(s, 0, sizeof *s);
}
