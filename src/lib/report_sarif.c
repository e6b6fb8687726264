/* report_sarif.c - the SARIF 2.1.0 report of a run, for code-scanning
 * services (GitHub code scanning and other SARIF viewers).
 *
 * One log, one run.  The mapping:
 *
 *   tool.driver      name "isscheck", version = the program's version; rules:
 *                    one reportingDescriptor per rule of the criteria set that
 *                    was evaluated for some file of the run (whatever its
 *                    verdict), in criteria order: id and name = the rule id,
 *                    shortDescription = its title in the report's language,
 *                    fullDescription = its English summary, help.text = the
 *                    citation ("<title> <edition> <clause>"), a newline and
 *                    the clause's verbatim (Japanese) text; properties: the
 *                    category, the citation and tags [category].
 *   results          one per rule result whose verdict is fail or review;
 *                    pass and n/a give none.  ruleId, ruleIndex (into
 *                    driver.rules), message.text = a line with the verdict
 *                    label, rule id, title and citation, then one line per
 *                    note marked fail or review, and each reading that
 *                    decided the verdict (every note when none is marked),
 *                    with its line in the declaration.  locations[0] is the
 *                    declaration (uri as named; relative ones carry uriBaseId
 *                    SRCROOT; absolute ones become file:// URIs; bytes outside
 *                    RFC 3986's unreserved and sub-delims are percent-encoded)
 *                    with region startLine/startColumn where the verdict rests
 *                    (no region when the line is unknown; no location at all
 *                    for a declaration read from standard input).
 *       fail    ->   kind "fail", level "error",   properties {"isscheck-verdict": "fail"}
 *       review  ->   kind "fail", level "warning", properties {"isscheck-verdict": "review"}
 *       waived  ->   the level of the verdict computed (error or warning),
 *                    suppressions [{kind "external", justification: the
 *                    waiver's reason}] (no status: accepted), properties
 *                    {"isscheck-verdict": "waived", "isscheck-computed",
 *                    "isscheck-waiver": the waiver}
 *       judged  ->   a judgement's fail is a fail (its pass gives no result),
 *                    with "isscheck-computed": "review" and "isscheck-waiver":
 *                    the judgement
 *                    Review stays kind "fail": SARIF 2.1.0 §3.27.10 requires
 *                    level "none" for every other kind, and GitHub code
 *                    scanning does not show level "none" results.  --strict
 *                    changes the exit status (exitCode), not the levels.
 *       --baseline ->    baselineState (§3.27.24) on each result of a file
 *                    compared: "new" or "unchanged" (a fail or review), for
 *                    a waived one "updated" when it was a problem then;
 *                    a problem then that is pass or n/a now, or whose rule
 *                    has no result now, is a result of kind "pass", level
 *                    "none", baselineState "absent" (nothing for a file not
 *                    compared)
 *   invocations[0]   executionSuccessful = false when some file could not be
 *                    loaded, else true; exitCode = the run's exit status; each
 *                    diagnostic of a file that could not be loaded is a
 *                    toolExecutionNotification: level "error" ("warning" for
 *                    a warning), message.text, and the file's location with
 *                    region startLine/startColumn (line > 0) and, for
 *                    encoding errors, byteOffset.
 *   run              language "ja" or "en"; columnKind "unicodeCodePoints"
 *                    (columns count characters, as in every diagnostic); properties:
 *                    criteria {document, title, edition, date, issuer, status,
 *                    digest} (the primary edition), editions (every default
 *                    edition, as that object), strict, redacted (true, with
 *                    --redact), selection (when given) and files: each file
 *                    with its exit status and, when checked, its SHA-256,
 *                    reference date, unverified catalogue entries relied on
 *                    and verdict counts (passes leave no result behind;
 *                    judged counts those a judgement set).
 *
 * Keys come out in a fixed order and nothing depends on the clock: the same
 * run gives the same bytes.  The log is one line, ending in a newline. */
#include "isscheck/baseline.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "isscheck/waivers.h"
#include "report_ci.h"

#include <stdlib.h>
#include <string.h>

/* ---- JSON ---------------------------------------------------------------- */

/* {"text": s} */
static void message(iss_buf *out, const char *s)
{
    iss_buf_puts(out, "{");
    iss_json_key(out, "text", true);
    iss_json_str(out, s);
    iss_buf_puts(out, "}");
}

/* ---- locations ----------------------------------------------------------- */

/* artifactLocation of a path as named: a relative reference under SRCROOT,
 * or a file:// URI for an absolute path. */
static void artifact_location(iss_buf *out, const char *file)
{
    static const char hex[] = "0123456789ABCDEF";
    bool absolute = file[0] == '/';
    iss_buf_puts(out, "{");
    iss_json_key(out, "uri", true);
    iss_buf_add(out, "\"", 1);
    if (absolute)
        iss_buf_puts(out, "file://");
    for (const unsigned char *p = (const unsigned char *)file; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/!$&'()*+,;=@", *p)) {
            iss_buf_add(out, (const char *)p, 1);
        } else {
            char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            iss_buf_add(out, esc, sizeof esc);
        }
    }
    iss_buf_add(out, "\"", 1);
    if (!absolute) {
        iss_json_key(out, "uriBaseId", false);
        iss_json_str(out, "SRCROOT");
    }
    iss_buf_puts(out, "}");
}

/* A location object: the file, and a region when line or, for encoding
 * errors, byte is known (both when both are). */
static void location(iss_buf *out, const char *file, iss_loc loc, long byte)
{
    iss_buf_puts(out, "{");
    iss_json_key(out, "physicalLocation", true);
    iss_buf_puts(out, "{");
    iss_json_key(out, "artifactLocation", true);
    artifact_location(out, file);
    if (loc.line > 0) {
        iss_json_key(out, "region", false);
        iss_buf_puts(out, "{");
        iss_json_key(out, "startLine", true);
        iss_json_int(out, loc.line);
        if (loc.col > 0) {
            iss_json_key(out, "startColumn", false);
            iss_json_int(out, loc.col);
        }
        if (byte >= 0) { /* an encoding error: the same place in bytes */
            iss_json_key(out, "byteOffset", false);
            iss_json_int(out, byte);
        }
        iss_buf_puts(out, "}");
    } else if (byte >= 0) {
        iss_json_key(out, "region", false);
        iss_buf_puts(out, "{");
        iss_json_key(out, "byteOffset", true);
        iss_json_int(out, byte);
        iss_buf_puts(out, "}");
    }
    iss_buf_puts(out, "}}");
}

/* ---- rules --------------------------------------------------------------- */

/* The index of rule in c->rules, or (size_t)-1. */
static size_t rule_pos(const iss_criteria *c, const iss_rule *rule)
{
    if (rule >= c->rules && rule < c->rules + c->nrules)
        return (size_t)(rule - c->rules);
    for (size_t i = 0; i < c->nrules; i++)
        if (rule->id && c->rules[i].id && strcmp(rule->id, c->rules[i].id) == 0)
            return i;
    return (size_t)-1;
}

static void descriptor(iss_buf *out, const iss_criteria *c, const iss_rule *rule, iss_lang lang)
{
    const char *title = iss_rule_title(rule, lang);
    iss_buf_puts(out, "{");
    iss_json_key(out, "id", true);
    iss_json_str(out, rule->id);
    iss_json_key(out, "name", false);
    iss_buf name = {0};
    iss_ci_rule_name(&name, rule);
    iss_json_str(out, name.s);
    iss_buf_free(&name);
    if (title) {
        iss_json_key(out, "shortDescription", false);
        message(out, title);
    }
    if (rule->summary) {
        iss_json_key(out, "fullDescription", false);
        message(out, rule->summary);
    }
    iss_buf help = {0};
    iss_ci_citation(&help, c, rule);
    if (rule->text)
        iss_buf_printf(&help, "\n%s", rule->text);
    else if (rule->text_unavailable)
        iss_buf_printf(&help, "\n(%s: %s)", iss_string(S_NO_CLAUSE_TEXT_L, lang),
                       rule->text_unavailable);
    iss_json_key(out, "help", false);
    message(out, help.s);
    iss_buf_free(&help);
    iss_json_key(out, "properties", false);
    iss_buf_puts(out, "{");
    const char *cat = rule->category < c->ncategories ? c->categories[rule->category].code : NULL;
    iss_json_key(out, "category", true);
    iss_json_str(out, cat);
    iss_json_key(out, "citation", false);
    iss_json_citation(out, c, rule);
    if (cat) {
        iss_json_key(out, "tags", false);
        iss_buf_puts(out, "[");
        iss_json_str(out, cat);
        iss_buf_puts(out, "]");
    }
    iss_buf_puts(out, "}}");
}

/* ---- results ------------------------------------------------------------- */

/* {"text": the result's message} */
static void message_of(iss_buf *out, const iss_criteria *c, const iss_result *res, iss_lang lang)
{
    iss_buf t = {0};
    iss_ci_result_message(&t, c, res, lang, NULL, "\n- ");
    message(out, t.s);
    iss_buf_free(&t);
}

/* Whether --baseline found result i resolved: it is listed, kind pass,
 * level none, whatever --review-level leaves out (§3.27.24). */
static bool base_absent(const iss_report *r, size_t i)
{
    const char *state = iss_base_sarif_state(r, i);
    return state && strcmp(state, "absent") == 0;
}

/* rule_pos: the rule's place in the run's criteria, written as a marker
 * that becomes its index in driver.rules (iss_format.rule_index). */
static const char *const levels[] = {
    [ISS_CI_NONE] = "none",
    [ISS_CI_NOTE] = "note",
    [ISS_CI_WARNING] = "warning",
    [ISS_CI_ERROR] = "error",
};

/* level: what the verdict (a waived result: the verdict computed) became */
static void result(iss_buf *out, const iss_report *r, size_t ri, size_t rule_pos, const char *file,
                   iss_lang lang, iss_ci_level level)
{
    const iss_result *res = &r->results[ri];
    const char *state = iss_base_sarif_state(r, ri);
    bool absent = base_absent(r, ri);
    iss_buf_puts(out, "{");
    iss_json_key(out, "ruleId", true);
    iss_json_str(out, res->rule->id);
    iss_json_key(out, "ruleIndex", false);
    iss_buf_printf(out, "\x01%zu\x02", rule_pos);
    iss_json_key(out, "kind", false);
    iss_json_str(out, absent ? "pass" : "fail");
    iss_json_key(out, "level", false);
    iss_json_str(out, absent ? "none" : levels[level]);
    if (state) {
        iss_json_key(out, "baselineState", false);
        iss_json_str(out, state);
    }
    iss_json_key(out, "message", false);
    message_of(out, r->criteria, res, lang);
    if (!iss_ci_no_artifact(file)) {
        iss_json_key(out, "locations", false);
        iss_buf_puts(out, "[");
        location(out, file, res->loc, -1);
        iss_buf_puts(out, "]");
    }
    if (res->verdict == ISS_WAIVED) {
        iss_json_key(out, "suppressions", false);
        iss_buf_puts(out, "[{");
        iss_json_key(out, "kind", true);
        iss_json_str(out, "external");
        /* no status: absent means accepted (SARIF 2.1.0 §3.35.3), and the
         * published schema misspells the key "state" (sarif-spec #449) */
        iss_json_key(out, "justification", false);
        iss_json_str(out, res->applied->reason);
        iss_buf_puts(out, "}]");
    }
    iss_json_key(out, "properties", false);
    iss_buf_puts(out, "{");
    iss_json_key(out, "isscheck-verdict", true);
    iss_json_str(out, iss_verdict_name(res->verdict));
    if (res->applied) {
        iss_json_key(out, "isscheck-computed", false);
        iss_json_str(out, iss_verdict_name(res->computed));
        iss_json_key(out, "isscheck-waiver", false);
        iss_json_waiver(out, res->applied);
    }
    iss_buf_puts(out, "}}");
}

/* A problem of the baseline whose rule this file no longer has results
 * for: an absent result (§3.27.24), kind pass; first: no result before it
 * in the section.  Returns whether the section is still empty. */
static bool gone_result(iss_buf *out, iss_part *p, const iss_criteria *c,
                        const iss_base_result *was, const char *file, bool first, iss_lang lang)
{
    size_t pos = (size_t)-1;
    for (size_t i = 0; i < c->nrules && pos == (size_t)-1; i++)
        if (strcmp(c->rules[i].id, was->rule) == 0)
            pos = i;
    if (pos == (size_t)-1) /* not a rule of the run's criteria: no ruleIndex to give */
        return first;
    p->rules_used[pos] = 1;
    if (!first)
        iss_buf_puts(out, ",");
    iss_buf_puts(out, "{");
    iss_json_key(out, "ruleId", true);
    iss_json_str(out, was->rule);
    iss_json_key(out, "ruleIndex", false);
    iss_buf_printf(out, "\x01%zu\x02", pos);
    iss_json_key(out, "kind", false);
    iss_json_str(out, "pass");
    iss_json_key(out, "level", false);
    iss_json_str(out, "none");
    iss_json_key(out, "baselineState", false);
    iss_json_str(out, "absent");
    iss_json_key(out, "message", false);
    iss_buf t = {0};
    iss_buf_printf(&t, "%s: %s %s (%s)", iss_string(S_BASE_RESOLVED, lang), was->rule,
                   iss_rule_title(&c->rules[pos], lang), iss_verdict_label(was->verdict, lang));
    message(out, t.s);
    iss_buf_free(&t);
    if (!iss_ci_no_artifact(file)) {
        iss_json_key(out, "locations", false);
        iss_buf_puts(out, "[");
        location(out, file, (iss_loc){0, 0}, -1);
        iss_buf_puts(out, "]");
    }
    iss_json_key(out, "properties", false);
    iss_buf_puts(out, "{");
    iss_json_key(out, "isscheck-baseline-verdict", true);
    iss_json_str(out, iss_verdict_name(was->verdict));
    iss_buf_puts(out, "}}");
    return false;
}

/* ---- the invocation ------------------------------------------------------ */

static void notification(iss_buf *out, bool *first, const char *file, iss_severity sev,
                         const char *msg, iss_loc loc, long byte)
{
    if (!*first)
        iss_buf_puts(out, ",");
    *first = false;
    iss_buf_puts(out, "{");
    iss_json_key(out, "level", true);
    iss_json_str(out, sev == ISS_SEV_ERROR ? "error" : "warning");
    iss_json_key(out, "message", false);
    message(out, msg);
    if (!iss_ci_no_artifact(file)) {
        iss_json_key(out, "locations", false);
        iss_buf_puts(out, "[");
        location(out, file, loc, byte);
        iss_buf_puts(out, "]");
    }
    iss_buf_puts(out, "}");
}

/* A file that could not be loaded: each diagnostic a notification. */
static void notifications(iss_buf *out, const iss_file_result *f, iss_lang lang)
{
    bool first = true;
    size_t n = f->diags ? f->diags->n : 0;
    for (size_t k = 0; k < n; k++) {
        const iss_diag *d = &f->diags->v[k];
        notification(out, &first, d->file ? d->file : f->file, d->sev, iss_diag_msg(d, lang),
                     d->loc, d->byte);
    }
    if (n == 0)
        notification(out, &first, f->file, ISS_SEV_ERROR, iss_string(S_NOT_CHECKED_L, lang),
                     (iss_loc){0, 0}, -1);
}

/* A file that could not be loaded, as a result of its own rule (ISS-LOAD)
 * at its first error, so that code scanning shows it as an alert: the
 * notifications alone are not shown there. */
static void load_result(iss_buf *out, const iss_view *v, size_t rule_pos)
{
    const iss_diag *d = v->first_error;
    iss_buf_puts(out, "{");
    iss_json_key(out, "ruleId", true);
    iss_json_str(out, ISS_CI_LOAD_RULE);
    iss_json_key(out, "ruleIndex", false);
    iss_buf_printf(out, "\x01%zu\x02", rule_pos);
    iss_json_key(out, "kind", false);
    iss_json_str(out, "fail");
    iss_json_key(out, "level", false);
    iss_json_str(out, "error");
    iss_json_key(out, "message", false);
    iss_buf t = {0};
    iss_ci_load_message(&t, v, NULL, "\n");
    message(out, t.s);
    iss_buf_free(&t);
    const char *file = d && d->file ? d->file : v->f->file;
    if (!iss_ci_no_artifact(file)) {
        iss_json_key(out, "locations", false);
        iss_buf_puts(out, "[");
        location(out, file, d ? d->loc : (iss_loc){0, 0}, d ? d->byte : -1);
        iss_buf_puts(out, "]");
    }
    iss_json_key(out, "properties", false);
    iss_buf_puts(out, "{");
    iss_json_key(out, "isscheck-verdict", true);
    iss_json_str(out, "not-loaded");
    iss_buf_puts(out, "}}");
}

/* The descriptor of ISS-LOAD, last in driver.rules when a file of the run
 * could not be loaded. */
static void load_descriptor(iss_buf *out, iss_lang lang)
{
    iss_buf_puts(out, "{");
    iss_json_key(out, "id", true);
    iss_json_str(out, ISS_CI_LOAD_RULE);
    iss_json_key(out, "name", false);
    iss_json_str(out, "DeclarationNotLoaded");
    iss_json_key(out, "shortDescription", false);
    message(out, iss_string(S_CI_LOAD_TITLE, lang));
    iss_json_key(out, "fullDescription", false);
    message(out, iss_string(S_CI_LOAD_SUMMARY, ISS_LANG_EN));
    iss_json_key(out, "help", false);
    message(out, iss_string(S_CI_LOAD_HELP, lang));
    iss_json_key(out, "defaultConfiguration", false);
    iss_buf_puts(out, "{");
    iss_json_key(out, "level", true);
    iss_json_str(out, "error");
    iss_buf_puts(out, "}}");
}

/* The waivers file's entries that did nothing: each a notification at the
 * entry, a warning, or a note for a provider simply absent from the run.
 * Their number; with out NULL, only that. */
static size_t unused_notifications(iss_buf *out, bool first, const iss_run *run,
                                   const iss_run_totals *t)
{
    iss_unused *u;
    size_t n = iss_waivers_unused(run->waivers, t, &u);
    iss_buf msg = {0};
    for (size_t i = 0; out && i < n; i++) {
        if (!first || i)
            iss_buf_puts(out, ",");
        iss_buf_puts(out, "{");
        iss_json_key(out, "level", true);
        iss_json_str(out, u[i].kind == ISS_UNUSED_ABSENT ? "note" : "warning");
        iss_json_key(out, "message", false);
        msg.len = 0;
        iss_unused_render(&msg, &u[i], run->lang, NULL);
        message(out, msg.s);
        if (!iss_ci_no_artifact(u[i].w->file)) {
            iss_json_key(out, "locations", false);
            iss_buf_puts(out, "[");
            location(out, u[i].w->file, u[i].w->loc, -1);
            iss_buf_puts(out, "]");
        }
        iss_buf_puts(out, "}");
    }
    iss_buf_free(&msg);
    free(u);
    return n;
}

/* ---- run properties ------------------------------------------------------ */

/* properties.files: one object per file. */
static void file_properties(iss_buf *out, const iss_view *v)
{
    const iss_file_result *f = v->f;
    const iss_report *r = v->r;
    iss_buf_puts(out, "{");
    iss_json_key(out, "file", true);
    iss_json_str(out, f->file);
    iss_json_key(out, "status", false);
    iss_json_int(out, f->status);
    if (r) {
        iss_json_key(out, "sha256", false);
        iss_json_str(out, v->sha256);
        iss_json_key(out, "reference_date", false);
        iss_json_date(out, r->ref);
        iss_json_key(out, "unverified_entries_relied_on", false);
        iss_json_int(out, (long long)(r->unverified_relied));
        iss_json_key(out, "summary", false);
        iss_json_counts(out, r->counts, r->judged);
    }
    iss_buf_puts(out, "}");
}

/* run.properties, up to its files. */
static void run_properties(iss_buf *out, const iss_run *run)
{
    const iss_criteria *c = run->criteria;
    iss_buf_puts(out, "{");
    iss_json_key(out, "criteria", true);
    iss_json_criteria(out, c);
    iss_json_key(out, "editions", false);
    iss_json_editions(out, c);
    iss_json_key(out, "strict", false);
    iss_buf_puts(out, run->strict ? "true" : "false");
    if (run->redacted) {
        iss_json_key(out, "redacted", false);
        iss_buf_puts(out, "true");
    }
    if (run->selection) {
        iss_json_key(out, "selection", false);
        iss_json_str(out, run->selection);
    }
    iss_json_key(out, "files", false);
    iss_buf_puts(out, "[");
}

/* ---- the log ------------------------------------------------------------- */

/* Sections: 0 the notifications of files that could not be loaded, 1 the
 * results, 2 the files of run.properties. */
static void sarif_part(iss_part *p, const iss_run *run, const iss_view *v, size_t index)
{
    (void)index;
    const iss_file_result *f = v->f;
    const iss_criteria *c = run->criteria;
    const iss_report *r = f->report;
    if (!r) {
        notifications(&p->sec[0], f, run->lang);
        p->rules_used = iss_xmalloc(c->nrules + 1);
        memset(p->rules_used, 0, c->nrules + 1);
        p->rules_used[c->nrules] = 1; /* ISS-LOAD, after the criteria's rules */
        load_result(&p->sec[1], v, c->nrules);
    } else {
        p->rules_used = iss_xmalloc(c->nrules + 1);
        memset(p->rules_used, 0, c->nrules + 1);
        bool first = true;
        for (size_t k = 0; k < r->nresults; k++) {
            const iss_result *res = &r->results[k];
            size_t pos = rule_pos(c, res->rule);
            if (pos == (size_t)-1)
                continue;
            p->rules_used[pos] = 1;
            /* a waived result keeps the level of what was computed, suppressed */
            iss_ci_level level = iss_ci_level_of(
                res->verdict == ISS_WAIVED ? res->computed : res->verdict, run->review_level);
            if (level == ISS_CI_NONE && !base_absent(r, k))
                continue;
            if (!first)
                iss_buf_puts(&p->sec[1], ",");
            first = false;
            result(&p->sec[1], r, k, pos, iss_ci_file(f), run->lang, level);
        }
        for (size_t k = 0; r->base && k < r->base->ngone; k++)
            first =
                gone_result(&p->sec[1], p, c, r->base->gone[k], iss_ci_file(f), first, run->lang);
    }
    file_properties(&p->sec[2], v);
}

static void sarif_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    const iss_criteria *c = run->criteria;
    bool ok = t->not_loaded == 0;
    /* the notifications array opens in glue 0 and closes in glue 1: only
     * they need to know whether it has any (the unused entries are worked
     * out from every file's flags) */
    bool notes = k <= 1 && (!ok || unused_notifications(NULL, true, run, t));
    switch (k) {
    case 0:
        iss_buf_puts(out, "{");
        iss_json_key(out, "$schema", true);
        iss_json_str(out, "https://json.schemastore.org/sarif-2.1.0.json");
        iss_json_key(out, "version", false);
        iss_json_str(out, "2.1.0");
        iss_json_key(out, "runs", false);
        iss_buf_puts(out, "[{");

        iss_json_key(out, "tool", true);
        iss_buf_puts(out, "{");
        iss_json_key(out, "driver", true);
        iss_buf_puts(out, "{");
        iss_json_key(out, "name", true);
        iss_json_str(out, "isscheck");
        iss_json_key(out, "version", false);
        iss_json_str(out, run->tool_version);
        /* the tool has no web home: its manual page is where to learn more */
        iss_json_key(out, "informationUri", false);
        iss_json_str(out, "man:isscheck(1)");
        iss_json_key(out, "rules", false);
        iss_buf_puts(out, "[");
        for (size_t i = 0, n = 0; i < c->nrules; i++) {
            if (!t->rules_used[i])
                continue;
            if (n++)
                iss_buf_puts(out, ",");
            descriptor(out, c, &c->rules[i], run->lang);
        }
        if (t->not_loaded) {
            if (c->nrules && memchr(t->rules_used, 1, c->nrules))
                iss_buf_puts(out, ",");
            load_descriptor(out, run->lang);
        }
        iss_buf_puts(out, "]}}");

        iss_json_key(out, "invocations", false);
        iss_buf_puts(out, "[{");
        iss_json_key(out, "executionSuccessful", true);
        iss_buf_puts(out, ok ? "true" : "false");
        iss_json_key(out, "exitCode", false);
        iss_json_int(out, run->status);
        if (notes) {
            iss_json_key(out, "toolExecutionNotifications", false);
            iss_buf_puts(out, "[");
        }
        break;
    case 1:
        unused_notifications(out, ok, run, t);
        if (notes)
            iss_buf_puts(out, "]");
        iss_buf_puts(out, "}]");
        iss_json_key(out, "language", false);
        iss_json_str(out, iss_lang_tag(run->lang));
        iss_json_key(out, "columnKind", false);
        iss_json_str(out, "unicodeCodePoints");
        iss_json_key(out, "results", false);
        iss_buf_puts(out, "[");
        break;
    case 2:
        iss_buf_puts(out, "]");
        iss_json_key(out, "properties", false);
        run_properties(out, run);
        break;
    default:
        iss_buf_puts(out, "]}}]}\n");
        break;
    }
}

const iss_format iss_format_sarif = {
    .name = "sarif",
    .nsections = 3,
    .sep = {",", ",", ","},
    .rule_index = {false, true, false},
    .part = sarif_part,
    .glue = sarif_glue,
};

void iss_report_sarif(iss_buf *out, const iss_run *run)
{
    iss_report_render(out, &iss_format_sarif, run);
}
