/* report_github.c - GitHub Actions workflow commands: one annotation per
 * result that needs a person and per declaration that could not be
 * loaded, for a pull request where SARIF upload is not available.
 *
 * The mapping (documented in isscheck(1)):
 *   fail               ::error file=F,line=L,col=C,title=ID TITLE::MESSAGE
 *   review             ::warning (--review-level note: ::notice; none: left out)
 *   pass, n/a, waived  nothing (a judged fail is a fail)
 *   not loaded         ::error at its first error, title "declaration not
 *                      loaded", every diagnostic in the message
 * MESSAGE is the verdict, rule id, title and citation, then the notes that
 * decided it, one a line.  A last line (no command) counts the run.
 *
 * Escaping: every value (declaration text, file names, criteria text)
 * first as the text report escapes it (iss_text_str: control characters,
 * separators and bytes that are not UTF-8 shown as \n, \x1b, \u2028…),
 * then as GitHub's runner reads a command (actions/toolkit command.ts):
 * in the message % CR LF as %25 %0D %0A; in a property also : and , as
 * %3A %2C.  So a value can neither end the command, nor end a property,
 * nor start a line: every line is a command the tool wrote, or its count.
 * Line breaks between notes are the tool's own, as %0A. */
#include "isscheck/baseline.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "report_ci.h"

#include <stdlib.h>
#include <string.h>

/* s with % CR LF (and, in a property, : ,) percent-encoded */
static void gh_escape(iss_buf *out, const char *s, bool property)
{
    for (const char *p = s; *p; p++) {
        const char *e = *p == '%'               ? "%25"
                        : *p == '\r'            ? "%0D"
                        : *p == '\n'            ? "%0A"
                        : property && *p == ':' ? "%3A"
                        : property && *p == ',' ? "%2C"
                                                : NULL;
        if (e)
            iss_buf_puts(out, e);
        else
            iss_buf_add(out, p, 1);
    }
}

/* A value as a property: escaped for a person, then for the runner. */
static void gh_property(iss_buf *out, const char *key, const char *s)
{
    iss_buf t = {0};
    iss_text_str(&t, s);
    iss_buf_printf(out, "%s=", key);
    gh_escape(out, t.s ? t.s : "", true);
    iss_buf_free(&t);
}

/* ::LEVEL file=F,line=L,col=C,title=T::MESSAGE; file and loc left out for
 * standard input (the annotation then belongs to the run); message is
 * already escaped for a person (its line breaks are the tool's). */
static void command(iss_buf *out, iss_ci_level level, const char *file, iss_loc loc,
                    const char *title, const char *message)
{
    iss_buf_puts(out, level == ISS_CI_ERROR     ? "::error "
                      : level == ISS_CI_WARNING ? "::warning "
                                                : "::notice ");
    if (!iss_ci_no_artifact(file)) {
        gh_property(out, "file", file);
        if (loc.line > 0)
            iss_buf_printf(out, ",line=%d", loc.line);
        if (loc.line > 0 && loc.col > 0)
            iss_buf_printf(out, ",col=%d", loc.col);
        iss_buf_puts(out, ",");
    }
    gh_property(out, "title", title);
    iss_buf_puts(out, "::");
    gh_escape(out, message, false);
    iss_buf_puts(out, "\n");
}

/* A problem of the baseline that is none now, as a ::notice: GitHub has no
 * annotation for a fixed problem, and a pull request that fixes one
 * should show it.  i: its result now, or (size_t)-1 with was, a rule the
 * report no longer has (the declaration no longer applies for its
 * category; no line to point at). */
static void resolved_notice(iss_buf *out, const iss_run *run, const iss_view *v, size_t i,
                            const iss_base_result *was)
{
    const iss_report *r = v->r;
    const iss_criteria *c = r->criteria;
    const iss_rule *rule = NULL;
    if (i != (size_t)-1)
        rule = r->results[i].rule;
    for (size_t k = 0; !rule && k < c->nrules; k++)
        if (strcmp(c->rules[k].id, was->rule) == 0)
            rule = &c->rules[k];
    const char *label = iss_string(S_BASE_RESOLVED, run->lang);
    const char *t = rule ? iss_rule_title(rule, run->lang) : NULL;
    iss_buf title = {0}, msg = {0}, tmp = {0};
    iss_buf_printf(&title, "%s%s%s [%s]", was->rule, t ? " " : "", t ? t : "", label);
    /* three lines, each escaped as a whole: the line breaks are the tool's */
    iss_buf_printf(&tmp, "%s: %s%s%s", label, was->rule, t ? " " : "", t ? t : "");
    if (rule) {
        iss_buf_puts(&tmp, " (");
        iss_ci_citation(&tmp, c, rule);
        iss_buf_puts(&tmp, ")");
    }
    iss_text_str(&msg, tmp.s);
    iss_buf_puts(&msg, "\n");
    tmp.len = 0;
    iss_string_arg(&tmp, S_CI_RESOLVED_WAS, run->lang, iss_verdict_label(was->verdict, run->lang));
    iss_buf_puts(&tmp, iss_string(S_CI_LIST_SEP, run->lang));
    if (i != (size_t)-1)
        iss_string_arg(&tmp, S_CI_RESOLVED_NOW, run->lang,
                       iss_verdict_label(r->results[i].verdict, run->lang));
    else
        iss_buf_puts(&tmp, iss_string(S_CI_RESOLVED_GONE, run->lang));
    iss_text_str(&msg, tmp.s);
    iss_buf_puts(&msg, "\n");
    tmp.len = 0;
    iss_buf_printf(&tmp, "%s: %s", iss_string(S_BASELINE_L, run->lang), r->base->baseline);
    iss_text_str(&msg, tmp.s);
    command(out, ISS_CI_NOTE, iss_ci_file(v->f),
            i != (size_t)-1 ? r->results[i].loc : (iss_loc){0, 0}, title.s, msg.s);
    iss_buf_free(&title);
    iss_buf_free(&msg);
    iss_buf_free(&tmp);
}

static void github_part(iss_part *p, const iss_run *run, const iss_view *v, size_t index)
{
    (void)index;
    iss_buf msg = {0}, title = {0};
    if (!v->r) {
        const iss_diag *d = v->first_error;
        iss_ci_load_message(&msg, v, iss_text_str, "\n");
        command(&p->sec[0], ISS_CI_ERROR, d && d->file ? d->file : v->f->file,
                d ? d->loc : (iss_loc){0, 0}, iss_string(S_CI_LOAD_TITLE, run->lang), msg.s);
    }
    /* marks only for a file compared with the baseline (iss_base_label) */
    const iss_base_match *m =
        v->r && v->r->base && v->r->base->state == ISS_BASE_COMPARED ? v->r->base : NULL;
    for (size_t k = 0; v->r && k < v->r->nresults; k++) {
        const iss_result *res = &v->r->results[k];
        iss_ci_level level = iss_ci_level_of(res->verdict, run->review_level);
        if (m && m->marks[k] == ISS_BASE_RESOLVED && m->was[k])
            resolved_notice(&p->sec[0], run, v, k, m->was[k]);
        if (level == ISS_CI_NONE)
            continue;
        const char *t = iss_rule_title(res->rule, run->lang);
        const char *mark = iss_base_label(v->r, k, run->lang);
        title.len = msg.len = 0;
        iss_buf_printf(&title, "%s %s", res->rule->id, t ? t : "");
        if (mark)
            iss_buf_printf(&title, " [%s]", mark);
        iss_ci_result_message(&msg, v->r->criteria, res, run->lang, iss_text_str, "\n");
        command(&p->sec[0], level, iss_ci_file(v->f), res->loc, title.s, msg.s);
    }
    for (size_t k = 0; m && k < m->ngone; k++)
        resolved_notice(&p->sec[0], run, v, (size_t)-1, m->gone[k]);
    iss_buf_free(&msg);
    iss_buf_free(&title);
}

/* The waivers file's entries that did nothing, each at the entry: a
 * warning, or a notice for a provider simply absent from the run. */
static void unused_commands(iss_buf *out, const iss_run *run, const iss_run_totals *t)
{
    iss_unused *u;
    size_t n = iss_waivers_unused(run->waivers, t, &u);
    iss_buf msg = {0}, title = {0};
    for (size_t i = 0; i < n; i++) {
        msg.len = title.len = 0;
        iss_buf_printf(&title, "%s %s", ISS_CI_UNUSED_RULE,
                       iss_string(u[i].w->kind == ISS_ENTRY_JUDGEMENT ? S_CI_UNUSED_JUDGEMENT_T
                                                                      : S_CI_UNUSED_WAIVER_T,
                                  run->lang));
        iss_unused_render(&msg, &u[i], run->lang, iss_text_str);
        command(out, iss_ci_unused_level(&u[i]), u[i].w->file, u[i].w->loc, title.s, msg.s);
    }
    iss_buf_free(&msg);
    iss_buf_free(&title);
    free(u);
}

/* The last line: "isscheck: declarations: N, PASS …, not loaded N" - not
 * a command, so the runner shows it as it is. */
static void github_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    if (k == 0)
        return;
    unused_commands(out, run, t);
    size_t counts[ISS_VERDICTS] = {0}, judged = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        for (size_t v = 0; v < ISS_VERDICTS; v++)
            counts[v] += t->rows[i].counts[v];
        judged += t->rows[i].judged;
    }
    char n[24];
    snprintf(n, sizeof n, "%zu", t->nrows);
    iss_buf_puts(out, "isscheck: ");
    iss_string_arg(out, S_CI_DECLARATIONS, run->lang, n);
    iss_buf_puts(out, ", ");
    iss_render_counts(out, counts, judged, run->lang);
    if (t->not_loaded)
        iss_buf_printf(out, ", %s %zu", iss_string(S_NOT_LOADED_STATUS, run->lang), t->not_loaded);
    iss_buf_puts(out, "\n");
}

const iss_format iss_format_github = {
    .name = "github",
    .nsections = 1,
    .direct = true,
    .part = github_part,
    .glue = github_glue,
};
