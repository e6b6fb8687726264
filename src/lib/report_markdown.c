/* report_markdown.c - the Markdown report of a run (GitHub/GitLab flavoured),
 * for a pull-request comment or an examiner's working paper, in the run's
 * language.
 *
 * Layout (documented in isscheck(1)):
 *   ## heading, then the criteria line (title, edition, issuer, date,
 *   status, digest) and the options that change verdicts or results;
 *   a summary table, one row per file: file, provider, categories applied
 *   for, pass/review/fail/n/a counts, status (a file that could not be
 *   loaded: its first error);
 *   per file a ### section (provider, reference date; or every diagnostic),
 *   and per category a #### section with a table (verdict, rule, title,
 *   clause, line:column) followed, for every rule that is fail or review,
 *   by a bullet list of its notes.
 * Text from the declaration is escaped so that it shows as written and can
 * neither break a table nor inject markup.  The output is a function of
 * the run alone.
 */
#include "isscheck/baseline.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "isscheck/waivers.h"

#include <stdlib.h>
#include <string.h>

static const char *nz(const char *s)
{
    return s ? s : "";
}

static bool alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* s as Markdown inline text, shown literally: the characters that start
 * markup are backslash-escaped, '<' '>' '&' written as entities (no raw HTML),
 * '|' escaped (a table cell); control characters, line and paragraph
 * separators, bidirectional controls and bytes that are not UTF-8 are
 * escaped visibly as in the text report (\n, \x1b, \u2028: a backslash
 * before a letter is shown as it is), so a cell or a list item stays one
 * line.  '_' between ASCII letters or digits is left alone: it cannot
 * emphasise there. */
static void md(iss_buf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)nz(s);
    size_t run = 0; /* bytes p[run..i) are copied as they are, in one append */
    for (size_t i = 0;;) {
        unsigned char c = p[i];
        const char *esc = NULL;
        bool slash = false; /* the byte itself, after a backslash */
        switch (c) {
        case '&':
        case '<':
        case '>':
            esc = iss_markup_ref(c);
            break;
        case '\\':
        case '`':
        case '*':
        case '[':
        case ']':
        case '|':
        case '~':
            slash = true;
            break;
        case '_':
            slash = !(i > 0 && alnum(p[i - 1]) && alnum(p[i + 1]));
            break;
        case '#':
        case '+':
        case '-':
        case '=':
            slash = i == 0; /* block markers only at the start of the text */
            break;
        default:
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            if (c && !iss_text_unsafe(&p[i])) { /* UTF-8 that can be shown */
                i += iss_utf8_char(&p[i], NULL);
                continue;
            }
            break;
        }
        if (!slash && !esc && c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        if (i > run)
            iss_buf_add(out, (const char *)p + run, i - run);
        if (!c)
            break;
        if (esc) {
            iss_buf_puts(out, esc);
        } else if (slash) {
            char two[2] = {'\\', (char)c};
            iss_buf_add(out, two, 2);
        } else { /* a control character, a separator, a byte that is not UTF-8 */
            iss_text_escape_char(out, &p[i]);
            i += iss_text_unsafe(&p[i]) - 1;
        }
        run = ++i;
    }
}

/* A file's status: a failure (or not loaded) in bold. */
static void status_cell(iss_buf *out, const iss_view *v)
{
    switch (v->status) {
    case ISS_STATUS_NOT_LOADED:
        iss_buf_printf(out, "**%s**", v->status_label);
        if (v->first_error) {
            iss_buf_puts(out, ": ");
            iss_view_diag(out, v, v->first_error, md);
        }
        break;
    case ISS_STATUS_FAIL:
        iss_buf_printf(out, "**%s**", v->status_label);
        break;
    case ISS_STATUS_REVIEW_STRICT:
        iss_buf_printf(out, "**%s** (`--strict`)", v->status_label);
        break;
    default:
        iss_buf_puts(out, v->status_label);
        break;
    }
}

static void summary_head(iss_buf *out, const iss_run *run)
{
    iss_lang lang = run->lang;
    iss_buf_printf(out, "### %s\n\n", iss_string(S_SUMMARY, lang));
    iss_buf_printf(out, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                   iss_string(S_FILE, lang), iss_string(S_PROVIDER, lang),
                   iss_string(S_CATEGORIES, lang), iss_verdict_label(ISS_PASS, lang),
                   iss_verdict_label(ISS_REVIEW, lang), iss_verdict_label(ISS_FAIL, lang),
                   iss_verdict_label(ISS_NA, lang), iss_verdict_label(ISS_WAIVED, lang),
                   iss_string(S_STATUS, lang));
    iss_buf_puts(out, "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
}

/* A file's row of the summary table. */
static void summary_row(iss_buf *out, const iss_view *v)
{
    const iss_report *r = v->r;
    iss_buf_puts(out, "| ");
    md(out, v->f->file);
    iss_buf_puts(out, " | ");
    if (r) {
        md(out, v->provider);
        iss_buf_puts(out, " | ");
        iss_view_categories(out, v, ", ", false, md);
        iss_buf_printf(out, " | %zu | %zu | %zu | %zu | %zu | ", r->counts[ISS_PASS],
                       r->counts[ISS_REVIEW], r->counts[ISS_FAIL], r->counts[ISS_NA],
                       r->counts[ISS_WAIVED]);
    } else {
        iss_buf_puts(out, "— | — | — | — | — | — | — | ");
    }
    status_cell(out, v);
    iss_buf_puts(out, " |\n");
}

static const char *const marks[] = {"·", "✓", "?", "✗"};

static void location(iss_buf *out, iss_loc loc)
{
    if (loc.line && loc.col)
        iss_buf_printf(out, "%d:%d", loc.line, loc.col);
    else if (loc.line)
        iss_buf_printf(out, "%d", loc.line);
}

/* Results listed with their notes under the table: failed, review, and
 * those a waiver or judgement decided. */
static bool detailed(const iss_result *res)
{
    return res->verdict == ISS_FAIL || res->verdict == ISS_REVIEW || res->applied;
}

static void category_section(iss_buf *out, const iss_run *run, const iss_view *v, size_t ci)
{
    const iss_report *r = v->r;
    const iss_category *cat = &r->criteria->categories[ci];
    iss_lang lang = v->lang;
    iss_buf_puts(out, "#### ");
    md(out, iss_category_name(cat, lang));
    iss_buf_puts(out, " (");
    iss_render_category(out, cat->code, iss_view_service(v, ci), true, md);
    iss_buf_puts(out, ")\n\n");
    size_t n;
    if (iss_view_section_absent(v, ci, &n)) { /* one line, not a row per rule */
        iss_buf_printf(out, "%s %zu: ", iss_verdict_label(ISS_NA, lang), n);
        iss_render_section_absent(out, v, ci, md);
        iss_buf_puts(out, "\n\n");
        return;
    }
    iss_buf_printf(out, "| %s | %s | %s | %s | %s |\n", iss_string(S_VERDICT, lang),
                   iss_string(S_RULE, lang), iss_string(S_RULE_TITLE, lang),
                   iss_string(S_CLAUSE, lang), iss_string(S_LINE_COL, lang));
    iss_buf_puts(out, "| --- | --- | --- | --- | --- |\n");
    bool listed = false;
    for (size_t i = 0; i < r->nresults; i++) {
        const iss_result *res = &r->results[i];
        if (res->rule->category != ci || !iss_run_shows(run, res))
            continue;
        const char *label = iss_verdict_label(res->verdict, lang);
        const char *judged = res->applied && res->applied->kind == ISS_ENTRY_JUDGEMENT
                                 ? iss_string(S_JUDGED_SUFFIX, lang)
                                 : "";
        if (res->verdict == ISS_FAIL)
            iss_buf_printf(out, "| **%s**%s", label, judged);
        else
            iss_buf_printf(out, "| %s%s", label, judged);
        iss_render_base_mark(out, r, i, lang);
        iss_buf_puts(out, " | ");
        md(out, res->rule->id);
        iss_buf_puts(out, " | ");
        md(out, iss_rule_title(res->rule, lang));
        iss_buf_puts(out, " | ");
        md(out, res->rule->clause);
        iss_buf_puts(out, " | ");
        location(out, res->loc);
        iss_buf_puts(out, " |\n");
        listed |= detailed(res);
    }
    iss_buf_puts(out, "\n");
    if (!listed)
        return;
    iss_buf note = {0};
    for (size_t i = 0; i < r->nresults; i++) {
        const iss_result *res = &r->results[i];
        if (res->rule->category != ci || !detailed(res) || !iss_run_shows(run, res))
            continue;
        iss_buf_printf(out, "- **%s", iss_verdict_label(res->verdict, lang));
        iss_render_base_mark(out, r, i, lang);
        iss_buf_puts(out, "** ");
        md(out, res->rule->id);
        iss_buf_puts(out, " ");
        md(out, iss_rule_title(res->rule, lang));
        iss_buf_puts(out, "\n");
        for (size_t k = 0; k < res->nnotes; k++) {
            iss_buf_printf(out, "  - %s ", marks[res->notes[k].mark]);
            iss_render_note(out, &res->notes[k], lang, md, &note);
            iss_buf_puts(out, "\n");
        }
    }
    iss_buf_free(&note);
    iss_buf_puts(out, "\n");
}

/* A file that could not be loaded: why, and every diagnostic. */
static void not_loaded_section(iss_buf *out, const iss_view *v)
{
    iss_buf_printf(out, "%s\n\n", iss_string(S_NOT_LOADED_TEXT, v->lang));
    iss_view_diags(out, v, md, "- ", "\n");
    if (v->f->diags && v->f->diags->n)
        iss_buf_puts(out, "\n");
}

/* The facts of a checked file, as a list. */
static void facts(iss_buf *out, const iss_run *run, const iss_view *v)
{
    const iss_report *r = v->r;
    iss_lang lang = v->lang;
    iss_buf_printf(out, "- %s: ", iss_string(S_PROVIDER, lang));
    md(out, v->provider);
    iss_buf_printf(out, "\n- %s: %s (%s)\n", iss_string(S_REF_DATE, lang), v->ref_date,
                   v->ref_source);
    iss_buf_printf(out, "- SHA-256: `%s`\n", v->sha256);
    if (r->waivers) {
        iss_buf_printf(out, "- %s: ", iss_string(S_WAIVERS, lang));
        md(out, r->waivers);
        iss_buf_puts(out, "\n");
    }
    iss_render_baseline_facts(out, r, lang, md, "- ", ": ", "\n");
    iss_buf_printf(out, "- %s: ", iss_string(S_SUMMARY, lang));
    iss_render_counts(out, r->counts, r->judged, lang);
    iss_buf_puts(out, "\n");
    if (r->omitted)
        iss_buf_printf(out, "- %s: %zu\n", iss_string(S_RESULTS_OMITTED, lang), r->omitted);
    size_t hidden = iss_run_hidden(run, r);
    if (hidden) {
        iss_buf_puts(out, "- ");
        iss_string_arg(out, S_SHOW_HIDDEN, lang, run->show_option);
        iss_buf_printf(out, ": %zu\n", hidden);
    }
    iss_buf_puts(out, "\n");
}

static void file_section(iss_buf *out, const iss_run *run, const iss_view *v)
{
    const iss_report *r = v->r;
    iss_buf_puts(out, "### ");
    md(out, v->f->file);
    iss_buf_puts(out, "\n\n");
    if (!r) {
        not_loaded_section(out, v);
        return;
    }
    facts(out, run, v);
    if (v->disclaimer)
        iss_buf_printf(out, "> **%s**: %s (%s: %zu)\n\n", iss_string(S_NOTE, v->lang),
                       v->disclaimer, iss_string(S_UNVERIFIED_RELIED_L, v->lang),
                       r->unverified_relied);
    for (size_t ci = 0; ci < r->criteria->ncategories; ci++)
        if (iss_view_category_shown(run, v, ci))
            category_section(out, run, v, ci);
}

/* Sections: 0 the file's row of the summary table, 1 its section. */
static void markdown_part(iss_part *p, const iss_run *run, const iss_view *v, size_t index)
{
    (void)index;
    summary_row(&p->sec[0], v);
    file_section(&p->sec[1], run, v);
}

/* The heading: the criteria, the tool and the options that change the
 * verdicts or the results. */
static void heading(iss_buf *out, const iss_run *run)
{
    iss_lang lang = run->lang;
    iss_buf_printf(out, "## %s\n\n%s: ", iss_string(S_REPORT_TITLE, lang),
                   iss_string(S_CRITERIA, lang));
    iss_render_criteria(out, run->criteria, lang, md, "`", "`");
    iss_buf_printf(out, "  \n%s: isscheck ", iss_string(S_TOOL, lang));
    md(out, run->tool_version);
    if (run->strict)
        iss_buf_printf(out, "  \n`--strict`: %s", iss_string(S_STRICT_TEXT, lang));
    if (run->redacted)
        iss_buf_printf(out, "  \n`--redact`: %s", iss_string(S_REDACTED_TEXT, lang));
    if (run->selection) {
        iss_buf_printf(out, "  \n%s: ", iss_string(S_SELECTION, lang));
        md(out, run->selection);
    }
    iss_buf_puts(out, "\n\n");
}

/* After the files: the waivers file's entries that did nothing, one item
 * each, FILE:LINE:COL: MESSAGE. */
static void unused_entries(iss_buf *out, const iss_run *run, const iss_run_totals *t)
{
    iss_unused *u;
    size_t n = iss_waivers_unused(run->waivers, t, &u);
    if (!n)
        return;
    iss_buf_printf(out, "### %s (%zu)\n\n", iss_string(S_UNUSED_HEADING, run->lang), n);
    for (size_t i = 0; i < n; i++) {
        iss_buf_puts(out, "- ");
        md(out, u[i].w->file);
        iss_buf_printf(out, ":%d:%d: ", u[i].w->loc.line, u[i].w->loc.col);
        iss_unused_render(out, &u[i], run->lang, md);
        iss_buf_puts(out, "\n");
    }
    free(u);
}

static void markdown_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    if (k == 1)
        iss_buf_puts(out, "\n"); /* the end of the summary table */
    if (k == 2)
        unused_entries(out, run, t);
    if (k != 0)
        return;
    heading(out, run);
    summary_head(out, run);
}

const iss_format iss_format_markdown = {
    .name = "markdown",
    .nsections = 2,
    .squeeze = true, /* one trailing newline */
    .part = markdown_part,
    .glue = markdown_glue,
};

void iss_report_markdown(iss_buf *out, const iss_run *run)
{
    iss_report_render(out, &iss_format_markdown, run);
}
