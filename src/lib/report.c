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

/* The row's strings live in one block, file first: a run keeps a row per
 * file, so each costs one allocation, not four. */
void iss_file_summary_init(iss_file_summary *s, const iss_file_result *f, iss_lang lang)
{
    memset(s, 0, sizeof *s);
    s->status = f->status;
    const iss_report *r = f->report;
    const char *file = f->file ? f->file : "";
    const char *provider = r && r->decl->provider.s ? r->decl->provider.s : "";
    const char *error = !r && f->diags && f->diags->n ? iss_diag_msg(&f->diags->v[0], lang) : "";
    iss_buf b = {0};
    iss_buf_add(&b, file, strlen(file) + 1);
    size_t at_provider = b.len;
    iss_buf_add(&b, provider, strlen(provider) + 1);
    size_t at_categories = b.len;
    for (size_t i = 0; r && i < r->decl->nservices; i++) {
        if (i)
            iss_buf_add(&b, " ", 1);
        iss_buf_puts(&b, r->criteria->categories[r->decl->services[i].category].code);
    }
    iss_buf_add(&b, "", 1);
    size_t at_error = b.len;
    iss_buf_add(&b, error, strlen(error) + 1);
    size_t at_sha256 = b.len;
    iss_buf_puts(&b, r ? r->decl->sha256 : "");
    iss_buf_add(&b, "", 1);
    size_t at_verdict[2];
    static const iss_verdict listed[2] = {ISS_FAIL, ISS_REVIEW};
    for (size_t v = 0; v < 2; v++) {
        at_verdict[v] = b.len;
        size_t k = 0;
        for (size_t i = 0; r && i < r->nresults; i++)
            if (r->results[i].verdict == listed[v]) {
                if (k++)
                    iss_buf_add(&b, " ", 1);
                iss_buf_puts(&b, r->results[i].rule->id);
            }
        iss_buf_add(&b, "", 1);
    }
    s->file = iss_xrealloc(b.s, b.len); /* no room to spare */
    s->categories = s->file + at_categories;
    s->error = s->file + at_error;
    s->sha256 = s->file + at_sha256;
    s->failed = s->file + at_verdict[0];
    s->review = s->file + at_verdict[1];
    s->provider = r ? s->file + at_provider : NULL;
    if (r) {
        memcpy(s->counts, r->counts, sizeof s->counts);
        s->judged = r->judged;
    }
}

void iss_file_summary_free(iss_file_summary *s)
{
    free(s->file);
    memset(s, 0, sizeof *s);
}
