/* report.c - what several reporters ask of a run's record. */
#include "isscheck/report.h"

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
