/* report_json.c - the JSON report of a run, for programs and pipelines.
 * Keys come out in a fixed order; the shape is described, and versioned,
 * by schema/isscheck-report.schema.json. */
#include "isscheck/report.h"

#include <string.h>

static void str(iss_buf *out, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    iss_buf_add(out, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"':
            iss_buf_add(out, "\\\"", 2);
            break;
        case '\\':
            iss_buf_add(out, "\\\\", 2);
            break;
        case '\n':
            iss_buf_add(out, "\\n", 2);
            break;
        case '\t':
            iss_buf_add(out, "\\t", 2);
            break;
        case '\r':
            iss_buf_add(out, "\\r", 2);
            break;
        default:
            if (*p < 0x20) {
                char esc[6] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15]};
                iss_buf_add(out, esc, sizeof esc);
            } else {
                iss_buf_add(out, (const char *)p, 1); /* UTF-8 passes through */
            }
        }
    }
    iss_buf_add(out, "\"", 1);
}

static void key(iss_buf *out, const char *k, bool first)
{
    if (!first)
        iss_buf_add(out, ",", 1);
    str(out, k);
    iss_buf_add(out, ":", 1);
}

static void date(iss_buf *out, iss_day d)
{
    char b[11];
    iss_date_format(d, b);
    str(out, b);
}

static void location(iss_buf *out, const char *file, iss_loc loc)
{
    iss_buf_puts(out, "{");
    key(out, "file", true);
    str(out, file);
    key(out, "line", false);
    iss_buf_printf(out, "%d", loc.line);
    key(out, "column", false);
    iss_buf_printf(out, "%d", loc.col);
    iss_buf_puts(out, "}");
}

static void criteria(iss_buf *out, const iss_criteria *c)
{
    iss_buf_puts(out, "{");
    key(out, "document", true);
    str(out, c->document);
    key(out, "title", false);
    str(out, c->title);
    key(out, "edition", false);
    str(out, c->edition);
    key(out, "date", false);
    date(out, c->date);
    key(out, "issuer", false);
    str(out, c->issuer);
    key(out, "status", false);
    str(out, c->draft ? "draft" : "in-force");
    key(out, "digest", false);
    str(out, c->digest);
    iss_buf_puts(out, "}");
}

static const char *const marks[] = {"info", "pass", "review", "fail"};
static const char *const ref_sources[] = {"declaration", "option", "today"};

static void result(iss_buf *out, const iss_report *r, const iss_result *res, iss_lang lang)
{
    const iss_rule *rule = res->rule;
    const iss_criteria *c = r->criteria;
    iss_buf_puts(out, "{");
    key(out, "rule", true);
    str(out, rule->id);
    key(out, "category", false);
    str(out, c->categories[rule->category].code);
    key(out, "verdict", false);
    str(out, iss_verdict_name(res->verdict));
    key(out, "title", false);
    str(out, lang == ISS_LANG_JA ? rule->title_ja : rule->title_en);
    key(out, "citation", false);
    iss_buf_puts(out, "{");
    key(out, "title", true);
    str(out, c->title);
    key(out, "edition", false);
    str(out, c->edition);
    key(out, "date", false);
    date(out, c->date);
    key(out, "clause", false);
    str(out, rule->clause);
    iss_buf_puts(out, "}");
    key(out, "location", false);
    if (res->loc.line)
        location(out, r->decl->file, res->loc);
    else
        iss_buf_puts(out, "null");
    key(out, "notes", false);
    iss_buf_puts(out, "[");
    iss_buf text = {0};
    for (size_t i = 0; i < res->nnotes; i++) {
        const iss_note *n = &res->notes[i];
        if (i)
            iss_buf_puts(out, ",");
        iss_buf_puts(out, "{");
        key(out, "mark", true);
        str(out, marks[n->mark]);
        key(out, "code", false);
        str(out, iss_msg_id(n->msg));
        key(out, "message", false);
        text.len = 0;
        iss_buf_add(&text, "", 0);
        iss_note_render(&text, n, lang);
        str(out, text.s);
        key(out, "line", false);
        if (n->loc.line)
            iss_buf_printf(out, "%d", n->loc.line);
        else
            iss_buf_puts(out, "null");
        iss_buf_puts(out, "}");
    }
    iss_buf_free(&text);
    iss_buf_puts(out, "]}");
}

static void file_result(iss_buf *out, const iss_file_result *f, iss_lang lang)
{
    iss_buf_puts(out, "{");
    key(out, "file", true);
    str(out, f->file);
    key(out, "status", false);
    iss_buf_printf(out, "%d", f->status);
    const iss_report *r = f->report;
    if (!r) {
        key(out, "errors", false);
        iss_buf_puts(out, "[");
        for (size_t i = 0; f->diags && i < f->diags->n; i++) {
            const iss_diag *d = &f->diags->v[i];
            if (i)
                iss_buf_puts(out, ",");
            iss_buf_puts(out, "{");
            key(out, "severity", true);
            str(out, d->sev == ISS_SEV_ERROR ? "error" : "warning");
            key(out, "file", false);
            str(out, d->file);
            key(out, "line", false);
            iss_buf_printf(out, "%d", d->loc.line);
            key(out, "column", false);
            iss_buf_printf(out, "%d", d->loc.col);
            key(out, "byte", false);
            if (d->byte >= 0)
                iss_buf_printf(out, "%ld", d->byte);
            else
                iss_buf_puts(out, "null");
            key(out, "message", false);
            str(out, d->msg);
            iss_buf_puts(out, "}");
        }
        iss_buf_puts(out, "]}");
        return;
    }
    key(out, "provider", false);
    str(out, r->decl->provider.s);
    key(out, "reference_date", false);
    date(out, r->ref);
    key(out, "reference_date_source", false);
    str(out, ref_sources[r->ref_source]);
    key(out, "unverified_entries_relied_on", false);
    iss_buf_printf(out, "%zu", r->unverified_relied);
    key(out, "summary", false);
    iss_buf_printf(out, "{\"pass\":%zu,\"review\":%zu,\"fail\":%zu,\"n/a\":%zu}",
                   r->counts[ISS_PASS], r->counts[ISS_REVIEW], r->counts[ISS_FAIL],
                   r->counts[ISS_NA]);
    key(out, "results", false);
    iss_buf_puts(out, "[");
    for (size_t i = 0; i < r->nresults; i++) {
        if (i)
            iss_buf_puts(out, ",");
        result(out, r, &r->results[i], lang);
    }
    iss_buf_puts(out, "]}");
}

void iss_report_json(iss_buf *out, const iss_run *run)
{
    iss_buf_puts(out, "{");
    key(out, "format", true);
    str(out, "isscheck-report");
    key(out, "format_version", false);
    iss_buf_puts(out, "1");
    key(out, "tool", false);
    iss_buf_puts(out, "{");
    key(out, "name", true);
    str(out, "isscheck");
    key(out, "version", false);
    str(out, run->tool_version);
    iss_buf_puts(out, "}");
    key(out, "language", false);
    str(out, run->lang == ISS_LANG_JA ? "ja" : "en");
    key(out, "strict", false);
    iss_buf_puts(out, run->strict ? "true" : "false");
    key(out, "criteria", false);
    criteria(out, run->criteria);
    key(out, "status", false);
    iss_buf_printf(out, "%d", run->status);
    key(out, "files", false);
    iss_buf_puts(out, "[");
    for (size_t i = 0; i < run->nfiles; i++) {
        if (i)
            iss_buf_puts(out, ",");
        file_result(out, &run->files[i], run->lang);
    }
    iss_buf_puts(out, "]}\n");
}
