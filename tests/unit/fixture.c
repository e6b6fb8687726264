/* fixture.c - helpers shared by the Check suites of tests/unit. */
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static iss_criteria *shipped, *verified;

iss_day fx_day(const char *ymd)
{
    iss_day d = ISS_NO_DATE;
    ck_assert_msg(iss_date_parse(ymd, strlen(ymd), &d), "test bug: '%s' is not a date", ymd);
    return d;
}

const char *fx_date_str(iss_day day)
{
    static char buf[11];
    iss_date_format(day, buf);
    return buf;
}

const char *fx_diags_text(const iss_diags *d)
{
    static char text[6144];
    size_t used = 0;
    text[0] = '\0';
    for (size_t i = 0; d && i < d->n && used < sizeof text; i++) {
        const iss_diag *x = &d->v[i];
        int w = x->byte >= 0 ? snprintf(text + used, sizeof text - used, "%s: byte %ld: %s\n",
                                        x->file ? x->file : "?", x->byte, x->msg)
                             : snprintf(text + used, sizeof text - used, "%s:%d:%d: %s\n",
                                        x->file ? x->file : "?", x->loc.line, x->loc.col, x->msg);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return text;
}

iss_criteria *fx_criteria_load_clean(const char *dir)
{
    iss_diags d = {0};
    iss_criteria *c = iss_criteria_load(dir, &d);
    if (!c || d.n) {
        char msg[6144];
        snprintf(msg, sizeof msg, "%s", fx_diags_text(&d));
        iss_diags_free(&d);
        iss_criteria_free(c);
        ck_abort_msg("criteria set %s did not load cleanly:\n%s", dir, msg);
    }
    iss_diags_free(&d);
    return c;
}

const iss_criteria *fx_shipped(void)
{
    if (!shipped)
        shipped = fx_criteria_load_clean(FX_SHIPPED_DIR);
    return shipped;
}

const iss_criteria *fx_verified(void)
{
    if (!verified)
        verified = fx_criteria_load_clean(FX_VERIFIED_DIR);
    return verified;
}

void fx_criteria_setup(void)
{
    fx_shipped();
    fx_verified();
}

void fx_criteria_teardown(void)
{
    iss_criteria_free(shipped);
    iss_criteria_free(verified);
    shipped = verified = NULL;
}

fx_run *fx_eval(const iss_criteria *c, const char *yaml, const char *as_of)
{
    fx_run *run = iss_xcalloc(1, sizeof *run);
    run->decl = iss_decl_parse(yaml, strlen(yaml), "test.yaml", c, NULL, &run->diags);
    if (!run->decl || run->diags.n) {
        char msg[6144];
        snprintf(msg, sizeof msg, "%s", fx_diags_text(&run->diags));
        fx_run_free(run);
        ck_abort_msg("declaration did not load cleanly:\n%s", msg);
    }
    run->report =
        iss_evaluate(run->decl, as_of ? fx_day(as_of) : ISS_NO_DATE, fx_day("2026-04-01"));
    return run;
}

void fx_run_free(fx_run *run)
{
    if (!run)
        return;
    iss_report_free(run->report);
    iss_decl_free(run->decl);
    iss_diags_free(&run->diags);
    free(run);
}

iss_diags *fx_decl_errors(const iss_criteria *c, const char *yaml)
{
    iss_diags *d = iss_xcalloc(1, sizeof *d);
    iss_decl *decl = iss_decl_parse(yaml, strlen(yaml), "test.yaml", c, NULL, d);
    if (decl) {
        iss_decl_free(decl);
        fx_diags_free(d);
        ck_abort_msg("the declaration was accepted; expected an error");
    }
    ck_assert_msg(d->errors > 0, "refused without an error diagnostic");
    return d;
}

iss_diags *fx_criteria_errors(const char *dir)
{
    iss_diags *d = iss_xcalloc(1, sizeof *d);
    iss_criteria *c = iss_criteria_load(dir, d);
    if (c) {
        iss_criteria_free(c);
        fx_diags_free(d);
        ck_abort_msg("the criteria set %s was accepted; expected an error", dir);
    }
    ck_assert_msg(d->errors > 0, "refused without an error diagnostic");
    return d;
}

void fx_diags_free(iss_diags *d)
{
    if (!d)
        return;
    iss_diags_free(d);
    free(d);
}

const iss_diag *fx_diag_find(const iss_diags *d, const char *substr)
{
    for (size_t i = 0; i < d->n; i++)
        if (strstr(d->v[i].msg, substr))
            return &d->v[i];
    return NULL;
}

bool fx_check_diag(const iss_diags *d, int line, int col, const char *substr, char *why, size_t n)
{
    for (size_t i = 0; i < d->n; i++) {
        const iss_diag *x = &d->v[i];
        if (strstr(x->msg, substr) && (!line || x->loc.line == line) && (!col || x->loc.col == col))
            return true;
    }
    snprintf(why, n, "no diagnostic containing \"%s\" at %d:%d; got:\n%s", substr, line, col,
             fx_diags_text(d));
    return false;
}

const iss_result *fx_result(const iss_report *r, const char *rule_id)
{
    for (size_t i = 0; i < r->nresults; i++)
        if (strcmp(r->results[i].rule->id, rule_id) == 0)
            return &r->results[i];
    return NULL;
}

bool fx_note_has(const iss_result *res, const char *substr)
{
    bool found = false;
    for (size_t i = 0; i < res->nnotes && !found; i++) {
        for (int lang = ISS_LANG_JA; lang <= ISS_LANG_EN && !found; lang++) {
            iss_buf b = {0};
            iss_note_render(&b, &res->notes[i], (iss_lang)lang);
            found = b.s && strstr(b.s, substr);
            iss_buf_free(&b);
        }
    }
    return found;
}

const char *fx_notes_text(const iss_result *res)
{
    static char text[6144];
    size_t used = 0;
    text[0] = '\0';
    for (size_t i = 0; i < res->nnotes && used < sizeof text; i++) {
        iss_buf b = {0};
        iss_note_render(&b, &res->notes[i], ISS_LANG_EN);
        int w = snprintf(text + used, sizeof text - used, "  %s\n", b.s ? b.s : "");
        iss_buf_free(&b);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return text;
}

bool fx_check_verdict(const iss_report *r, const char *rule_id, iss_verdict v, const char *substr,
                      char *why, size_t n)
{
    const iss_result *res = fx_result(r, rule_id);
    if (!res) {
        snprintf(why, n, "no result for rule %s", rule_id);
        return false;
    }
    bool verdict_ok = res->verdict == v;
    bool note_ok = !substr || fx_note_has(res, substr);
    if (verdict_ok && note_ok)
        return true;
    snprintf(why, n, "%s: expected %s%s%s%s, got %s with notes:\n%s", rule_id, iss_verdict_name(v),
             substr ? " with a note containing \"" : "", substr ? substr : "", substr ? "\"" : "",
             iss_verdict_name(res->verdict), fx_notes_text(res));
    return false;
}

int fx_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

fx_yaml *fx_read_yaml(const char *bytes, size_t len, const iss_limits *lim)
{
    fx_yaml *y = iss_xcalloc(1, sizeof *y);
    y->arena = iss_arena_new();
    y->root = iss_read_yaml(bytes, len, "in.yaml", lim, y->arena, &y->diags);
    return y;
}

fx_yaml *fx_read_yaml_str(const char *s)
{
    return fx_read_yaml(s, strlen(s), NULL);
}

void fx_yaml_free(fx_yaml *y)
{
    iss_arena_free(y->arena);
    iss_diags_free(&y->diags);
    free(y);
}
