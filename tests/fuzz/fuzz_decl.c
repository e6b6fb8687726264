/* fuzz_decl.c - libFuzzer harness: the declaration loader and a full check.
 *
 * Any input must end in a report or in diagnostics, never in a crash, a
 * hang or a leak.  The shipped criteria are loaded once. */
#include "isscheck/report.h"

#include <stdint.h>
#include <stdlib.h>

static iss_criteria *criteria;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    iss_diags d = {0};
    criteria = iss_criteria_load(ISS_SOURCE_DIR "/criteria/iss-3", &d);
    iss_diags_free(&d);
    if (!criteria)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    iss_diags d = {0};
    iss_decl *decl = iss_decl_parse((const char *)data, size, "fuzz.yaml", criteria, NULL, &d);
    if (decl) {
        iss_report *r = iss_evaluate(decl, ISS_NO_DATE, iss_day_from_ymd(2026, 4, 1));
        iss_buf out = {0};
        iss_report_text(&out, r, ISS_LANG_JA, "fuzz");
        iss_report_text(&out, r, ISS_LANG_EN, "fuzz");
        iss_buf_free(&out);
        iss_report_free(r);
        iss_decl_free(decl);
    } else if (d.n == 0) {
        abort(); /* a refused input always says why */
    }
    iss_diags_free(&d);
    return 0;
}
