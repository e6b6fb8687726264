/* sample_run.h - the run the report suites share: a declaration that
 * passes every rule, one that fails, reviews and is n/a in two categories,
 * and one that could not be loaded; built by hand into an iss_run. */
/* The YAML inputs below are laid out one YAML line per C line: */
/* clang-format off */
#ifndef ISSCHECK_TEST_SAMPLE_RUN_H
#define ISSCHECK_TEST_SAMPLE_RUN_H

#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define PROTECTION                                                                                 \
    "customer_info_protection:\n"                                                                  \
    "  procedure: 顧客情報保護規程 v2\n"                                                           \
    "  in_operation: true\n"                                                                       \
    "  audits:\n"                                                                                  \
    "    - {date: 2025-12-01, type: internal, auditor: P9}\n"

/* Passes every rule of va (fixture criteria, verified catalogue). */
static const char PASSING[] =
    "provider: {name: テスト診断}\n"
    "reference_date: 2026-04-01\n"
    "persons:\n"
    "  - id: P1\n"
    "    qualifications: [{name: 情報処理安全確保支援士, number: '012345', acquired: 2021-10-01, expires: 2027-09-30}]\n"
    "  - id: P2\n"
    "  - id: P3\n"
    "  - id: P9\n"
    "engagements:\n"
    "  - {id: V1, category: va, kind: web, start: 2025-01-10, end: 2025-02-20, contract: single,\n"
    "     staff: [P1], reviews: [{document: inspection-report, by: P2}]}\n"
    "services:\n"
    "  - category: va\n"
    "    subtypes: [web, platform]\n"
    "    technical_leads:\n"
    "      persons: [P1]\n"
    "      counts: {qualification: 1, community: 0, track_record: 0, training: 0}\n"
    "    quality_manager: P3\n"
    "    manual: {sections: [process, output]}\n"
    "    standards: [OWASP ASVS]\n"
    "    result_handling: [診断結果取扱規程]\n"
    "    education: [診断員教育]\n" PROTECTION;

/* va: fails most rules, VA-Q-c-1 review; dv: DV-Q-a fail (no quality
 * manager), DV-Q-c-2 review (an education not in the catalogue), DV-T-a-2
 * and DV-T-a-dual n/a (sub-type device only).  The provider's name has the
 * characters XML and Markdown tables treat specially. */
static const char FAILING[] =
    "provider: {name: 'A<&\"|B テスト'}\n"
    "reference_date: 2026-04-01\n"
    "persons:\n"
    "  - id: P1\n"
    "    trainings: [{name: SEC556, completed: 2024-06-30}]\n"
    "  - id: P2\n"
    "    trainings: [{name: SEC542, completed: 2024-06-30}]\n"
    "  - id: P3\n"
    "  - id: P9\n"
    "engagements:\n"
    "  - {id: D1, category: dv, kind: device, start: 2025-01-10, end: 2025-02-20, contract: single,\n"
    "     staff: [P1, P2], reviews: [{document: inspection-report, by: P3}]}\n"
    "services:\n"
    "  - category: va\n"
    "    subtypes: [web]\n"
    "    technical_leads: {persons: [P2]}\n"
    "  - category: dv\n"
    "    subtypes: [device]\n"
    "    technical_leads:\n"
    "      persons: [P1]\n"
    "      counts: {qualification: 0, track_record: 0, training: 1}\n"
    "    va_leads:\n"
    "      persons: [P2]\n"
    "      counts: {qualification: 0, community: 0, track_record: 0, training: 1}\n"
    "    manual: {sections: [process.spec_coordination, process.method, process.requests, output]}\n"
    "    standards: [IoT検証基準, OWASP ASVS]\n"
    "    compliance: [機器検証の内容]\n"
    "    result_handling: [検証結果取扱規程, 診断結果取扱規程]\n"
    "    education: [謎の社内研修]\n"
    "    statements:\n"
    "      target: 検証対象は依頼者の指定する機器\n"
    "      scope: 検証範囲は契約書の別紙に定める\n"
    "      responsibility: 当社は当該範囲についてのみ責任を負う\n" PROTECTION;

/* clang-format on */

/* A run of three files: pass.yaml, fail.yaml and bad<&>.yaml (refused). */
typedef struct {
    fx_run *pass, *fail;
    iss_diags *errs;
    iss_file_result files[3];
    iss_run run;
} batch;

static inline batch *batch_new(iss_lang lang, bool strict)
{
    batch *b = calloc(1, sizeof *b);
    ck_assert_ptr_nonnull(b);
    b->pass = fx_eval(fx_verified(), PASSING, NULL);
    b->fail = fx_eval(fx_verified(), FAILING, NULL);
    b->pass->decl->file = "pass.yaml";
    b->fail->decl->file = "fail.yaml";
    /* a real refusal, then errors whose text needs escaping */
    b->errs = fx_decl_errors(fx_verified(), "provider: {name: x}\nbogus: 1\n");
    iss_diag_add(b->errs, ISS_SEV_ERROR, "bad<&>.yaml", (iss_loc){8, 5},
                 "unknown key 'a<b>&\"c\"' in a person");
    iss_diag_add(
        b->errs, ISS_SEV_ERROR, "bad<&>.yaml", (iss_loc){9, 1},
        "control \x01 and \x1b, invalid \xff\xfe bytes, a line\nbreak, a surrogate \xed\xa0\x80");
    iss_diag_add_byte(b->errs, "bad<&>.yaml", 17, "invalid UTF-8");
    const iss_report *pr = b->pass->report, *fr = b->fail->report;
    int fail_status = fr->counts[ISS_FAIL] || (strict && fr->counts[ISS_REVIEW]) ? 1 : 0;
    b->files[0] = (iss_file_result){"pass.yaml", pr, NULL, 0};
    b->files[1] = (iss_file_result){"fail.yaml", fr, NULL, fail_status};
    b->files[2] = (iss_file_result){"bad<&>.yaml", NULL, b->errs, 2};
    b->run = (iss_run){.tool_version = "9.9.9-test",
                       .lang = lang,
                       .strict = strict,
                       .criteria = fx_verified(),
                       .files = b->files,
                       .nfiles = 3,
                       .status = 2};
    return b;
}

static inline void batch_free(batch *b)
{
    fx_run_free(b->pass);
    fx_run_free(b->fail);
    fx_diags_free(b->errs);
    free(b);
}

static inline size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

#define ck_assert_has(text, substr)                                                                \
    ck_assert_msg(strstr((text), (substr)) != NULL, "no '%s' in:\n%.1500s", (substr), (text))
#define ck_assert_no(text, substr)                                                                 \
    ck_assert_msg(strstr((text), (substr)) == NULL, "'%s' unexpected in:\n%.1500s", (substr),      \
                  (text))

#endif
