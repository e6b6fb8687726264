/* fuzz_decl.c - libFuzzer harness: the declaration loader and a full check.
 *
 * Any input must end in a report or in diagnostics, never in a crash, a
 * hang or a leak.  The shipped criteria are loaded once.  The input is also
 * loaded through the whole-document tree (the path a file with errors
 * takes): the outcome must be the same as from the reader's events, the
 * same diagnostics or the same report. */
#include "isscheck/report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    iss_diags d = {0}, dt = {0};
    iss_limits tree = iss_default_limits;
    tree.tree_loader = true;
    iss_decl *decl = iss_decl_parse((const char *)data, size, "fuzz.yaml", criteria, NULL, &d);
    iss_decl *other = iss_decl_parse((const char *)data, size, "fuzz.yaml", criteria, &tree, &dt);
    if (!decl != !other || d.n != dt.n)
        abort(); /* the two paths disagree */
    for (size_t i = 0; i < d.n; i++)
        if (strcmp(d.v[i].msg, dt.v[i].msg) != 0 || d.v[i].loc.line != dt.v[i].loc.line ||
            d.v[i].loc.col != dt.v[i].loc.col)
            abort();
    if (decl) {
        iss_report *r = iss_evaluate(decl, ISS_NO_DATE, iss_day_from_ymd(2026, 4, 1));
        iss_report *rt = iss_evaluate(other, ISS_NO_DATE, iss_day_from_ymd(2026, 4, 1));
        iss_buf out = {0}, outt = {0};
        iss_report_text(&out, r, ISS_LANG_JA, "fuzz");
        iss_report_text(&out, r, ISS_LANG_EN, "fuzz");
        iss_report_text(&outt, rt, ISS_LANG_JA, "fuzz");
        iss_report_text(&outt, rt, ISS_LANG_EN, "fuzz");
        if (out.len != outt.len || memcmp(out.s, outt.s, out.len) != 0)
            abort();
        iss_buf_free(&out);
        iss_buf_free(&outt);
        iss_report_free(r);
        iss_report_free(rt);
    } else if (d.n == 0) {
        abort(); /* a refused input always says why */
    }
    iss_decl_free(decl);
    iss_decl_free(other);
    iss_diags_free(&d);
    iss_diags_free(&dt);
    return 0;
}
