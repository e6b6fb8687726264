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
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "report_ci.h"

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
    for (size_t k = 0; v->r && k < v->r->nresults; k++) {
        const iss_result *res = &v->r->results[k];
        iss_ci_level level = iss_ci_level_of(res->verdict, run->review_level);
        if (level == ISS_CI_NONE)
            continue;
        const char *t = iss_rule_title(res->rule, run->lang);
        title.len = msg.len = 0;
        iss_buf_printf(&title, "%s %s", res->rule->id, t ? t : "");
        iss_ci_result_message(&msg, v->r->criteria, res, run->lang, iss_text_str, "\n");
        command(&p->sec[0], level, iss_ci_file(v->f), res->loc, title.s, msg.s);
    }
    iss_buf_free(&msg);
    iss_buf_free(&title);
}

/* The last line: "isscheck: declarations: N, PASS …, not loaded N" - not
 * a command, so the runner shows it as it is. */
static void github_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    if (k == 0)
        return;
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
