/* report_html.c - the HTML report of a run: one self-contained HTML5 page
 * for a person (an examiner, a provider) to read in a browser, offline, or
 * to print.
 *
 * Layout (documented in isscheck(1)):
 *   a header: the tool and its version, the criteria (title, edition,
 *   issuer, date, status, digest), --strict, --redact and the selection, and a
 *   legend of the verdicts;
 *   for more than one file, a summary table, one row per file (provider,
 *   categories, the count of each verdict, status; a file that could not
 *   be loaded: its first error), each file linked to its section;
 *   per file a section: provider, reference date and where it came from,
 *   counts, results left out, the unverified-catalogue notice, then the
 *   matrix: one row per category applied for, one cell per rule result, in
 *   criteria order.  A cell is a <details> element: its summary shows the
 *   verdict (colour, border style, symbol and label, so it reads in
 *   greyscale and to a screen reader) and the rule; opened, it shows the
 *   title, the citation, the location FILE:LINE:COL and every note.
 *   A file that could not be loaded shows every diagnostic instead.
 *
 * The page needs no script: <details> opens without one, and the print
 * style sheet shows every cell open.  The inline script only adds buttons
 * to open or close every cell, opens a cell a link points to, and opens
 * every cell before printing in browsers whose print style cannot.  A
 * Content-Security-Policy allows no external resource and no script but
 * this one (by its hash), so even a failure of escaping could not run
 * anything.  Every string of the declaration, the file names and the
 * diagnostics go through iss_html_str.  The output is a function of the run
 * alone.
 */
#include "isscheck/baseline.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"
#include "isscheck/waivers.h"

#include <stdlib.h>

#include <string.h>

/* How each verdict is shown: its class (the CSS below gives .v-CLASS a
 * colour and a border style) and a symbol; the label is
 * iss_verdict_label's.  A new verdict is a row here and a .v- rule in the
 * style sheet. */
static const struct {
    const char *cls, *mark;
} verdicts[] = {
    [ISS_PASS] = {"pass", "✓"}, [ISS_REVIEW] = {"review", "?"}, [ISS_FAIL] = {"fail", "✗"},
    [ISS_NA] = {"na", "–"},     [ISS_WAIVED] = {"waived", "⊘"},
};
_Static_assert(sizeof verdicts / sizeof verdicts[0] == ISS_VERDICTS,
               "every verdict needs a class and a symbol");

/* The note marks, by iss_mark: class and symbol. */
static const struct {
    const char *cls, *mark;
} marks[] = {
    [ISS_MARK_INFO] = {"info", "·"},
    [ISS_MARK_PASS] = {"pass", "✓"},
    [ISS_MARK_REVIEW] = {"review", "?"},
    [ISS_MARK_FAIL] = {"fail", "✗"},
};

static const char style[] =
    ":root{color-scheme:light;--ink:#1f2328;--rule:#d0d7de;"
    "--pass:#1a7f37;--pass-bg:#dafbe1;--review:#7d4e00;--review-bg:#fff1c2;"
    "--fail:#b3261e;--fail-bg:#ffe3e0;--na:#57606a;--na-bg:#eef1f4;"
    "--waived:#6639ba;--waived-bg:#f1ebfc}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:80rem;padding:1rem 1.5rem;color:var(--ink);background:#fff;"
    "font:15px/1.5 system-ui,\"Hiragino Sans\",\"Noto Sans CJK JP\",\"Yu Gothic\",sans-serif}\n"
    "h1{font-size:1.4rem;margin:.5rem 0}\n"
    "h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-bottom:.2rem;"
    "border-bottom:2px solid var(--rule);overflow-wrap:anywhere}\n"
    "code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;"
    "overflow-wrap:anywhere}\n"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}\n"
    "dl.facts dt{font-weight:600}\n"
    "dl.facts dd{margin:0;overflow-wrap:anywhere}\n"
    "table{border-collapse:collapse}\n"
    ".summary th,.summary td{border:1px solid var(--rule);padding:.3rem .6rem;text-align:left;"
    "vertical-align:top}\n"
    ".summary td,.summary th[scope=row]{overflow-wrap:anywhere}\n"
    ".summary .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.5rem 0}\n"
    ".v-pass{--c:var(--pass);--bg:var(--pass-bg);--line:solid}\n"
    ".v-review{--c:var(--review);--bg:var(--review-bg);--line:dashed}\n"
    ".v-fail{--c:var(--fail);--bg:var(--fail-bg);--line:double}\n"
    ".v-na{--c:var(--na);--bg:var(--na-bg);--line:dotted}\n"
    ".v-waived{--c:var(--waived);--bg:var(--waived-bg);--line:dashed}\n"
    ".judged{font-weight:400;font-style:italic}\n"
    ".badge,.cell{color:var(--c);background:var(--bg);border:3px var(--line) var(--c);"
    "border-radius:.35rem}\n"
    ".badge{display:inline-block;padding:0 .45rem;font-weight:600;white-space:nowrap}\n"
    ".notice{border-left:4px solid var(--review);background:var(--review-bg);"
    "padding:.4rem .75rem}\n"
    ".matrix{width:100%;margin:.5rem 0 1rem}\n"
    ".matrix caption{text-align:left;font-weight:600;padding:.3rem 0}\n"
    ".matrix th{width:15rem;text-align:left;vertical-align:top;padding:.5rem .75rem .5rem 0;"
    "border-top:1px solid var(--rule)}\n"
    ".matrix td{padding:.5rem 0;border-top:1px solid var(--rule)}\n"
    ".matrix .code{display:block;font-weight:400;font-size:.9em}\n"
    ".cells{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.4rem}\n"
    ".cell{min-width:0}\n"
    ".cell[open]{grid-column:1/-1}\n"
    ".cell>summary{cursor:pointer;padding:.25rem .5rem;font-weight:600}\n"
    ".cell>summary:focus-visible{outline:3px solid #0969da;outline-offset:2px}\n"
    ".cell .rule{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}\n"
    ".cell .title{display:block;color:var(--ink);font-weight:400;font-size:.85em;"
    "overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\n"
    ".cell[open] .title{white-space:normal}\n"
    ".cell .body{background:#fff;color:var(--ink);padding:.4rem .75rem;"
    "border-top:1px solid var(--c);border-radius:0 0 .2rem .2rem}\n"
    ".notes{margin:.3rem 0 0;padding:0;list-style:none}\n"
    ".notes li{padding-left:1.5em;text-indent:-1.5em;overflow-wrap:anywhere}\n"
    ".notes .mark{display:inline-block;width:1.5em;text-indent:0;font-weight:700}\n"
    ".m-pass .mark{color:var(--pass)}\n"
    ".m-review .mark{color:var(--review)}\n"
    ".m-fail .mark{color:var(--fail)}\n"
    ".errors li{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}\n"
    ":target{scroll-margin-top:1rem}\n"
    ".cell:target{outline:3px solid #0969da}\n"
    "@media print{\n"
    "body{max-width:none;padding:0;font-size:9.5pt}\n"
    ".tools{display:none}\n"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "details::details-content{content-visibility:visible;display:block}\n"
    ".cells{display:block}\n"
    ".cell{margin:0 0 .3rem;break-inside:avoid}\n"
    ".cell .title{white-space:normal}\n"
    ".matrix th{width:9rem}\n"
    "tr,li,.facts{break-inside:avoid}\n"
    "h2{break-after:avoid}\n"
    "a{color:inherit;text-decoration:none}\n"
    "}\n";

/* The style of the filters, the sortable table and a category's one line
 * (style's second half: a C string is kept under 4095 bytes). */
static const char style_views[] =
    "[hidden]{display:none!important}\n"
    ".filter{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}\n"
    ".filter .what{font-weight:600}\n"
    ".filter input[type=search]{font:inherit;padding:.1rem .4rem;min-width:16rem}\n"
    ".absent{margin:0;color:var(--na)}\n"
    ".sortable thead th{cursor:pointer;user-select:none}\n"
    ".sortable th[aria-sort=ascending]::after{content:\" \\25B2\"}\n"
    ".sortable th[aria-sort=descending]::after{content:\" \\25BC\"}\n"
    /* Printed, every cell, as the filters that hid some do not print: a
     * printout must not read as the whole report while it is not. */
    "@media print{.filter,.sort-hint{display:none}\n"
    ".cell[hidden],.absent[hidden]{display:block!important}\n"
    ".matrix tr[hidden]{display:table-row!important}}\n";

/* The script, and its hash for the Content-Security-Policy: base64 of the
 * SHA-256 of the text between <script> and </script> (script, then
 * script_views).  Change one, change
 * the other (tests/html/static.sh checks they agree):
 *   python3 -c 'import base64,hashlib,sys;print(base64.b64encode(hashlib.sha256(
 *     sys.stdin.buffer.read()).digest()).decode())' <script.js */
static const char script[] =
    "(function(){\n"
    "var cells=document.querySelectorAll('details.cell');\n"
    "function all(open){for(var i=0;i<cells.length;i++)cells[i].open=open;}\n"
    "var tools=document.querySelector('.tools');\n"
    "if(tools&&cells.length){\n"
    "tools.hidden=false;\n"
    "tools.addEventListener('click',function(e){\n"
    "var b=e.target.closest('button');if(b)all(b.value==='open');});}\n"
    "function target(){\n"
    "var id=decodeURIComponent(location.hash.slice(1));\n"
    "var t=id&&document.getElementById(id);\n"
    "if(t&&t.matches('details.cell'))t.open=true;}\n"
    "window.addEventListener('hashchange',target);target();\n"
    "var opened=[];\n"
    "window.addEventListener('beforeprint',function(){\n"
    "for(var "
    "i=0;i<cells.length;i++)if(!cells[i].open){cells[i].open=true;opened.push(cells[i]);}});\n"
    "window.addEventListener('afterprint',function(){\n"
    "while(opened.length)opened.pop().open=false;});\n";
/* The filters and the sortable summary table, the script's second half
 * (a C string is kept under 4095 bytes).  Both may start from the page's
 * query, ?show=fail,review&q=TEXT&sort=COLUMN&order=desc, so that a view
 * can be linked to (and tests/html/run.sh drives them so). */
static const char script_views[] =
    "var url=new URLSearchParams(location.search);\n"
    "var items=document.querySelectorAll('details.cell,p.absent');\n"
    "var filter=document.querySelector('.filter');\n"
    "if(filter&&items.length){\n"
    "var boxes=filter.querySelectorAll('input[type=checkbox]');\n"
    "var text=filter.querySelector('input[type=search]');\n"
    "var apply=function(){\n"
    "var on={},q=text.value.trim().toLowerCase(),i;\n"
    "for(i=0;i<boxes.length;i++)on[boxes[i].value]=boxes[i].checked;\n"
    "for(i=0;i<items.length;i++){\n"
    "var v=/(?:^| )v-(\\w+)/.exec(items[i].className);\n"
    "items[i].hidden=!(v&&on[v[1]])||(q!==''&&items[i].textContent.toLowerCase().indexOf(q)<0);}\n"
    "var rows=document.querySelectorAll('.matrix tr');\n"
    "for(i=0;i<rows.length;i++)\n"
    "rows[i].hidden=!rows[i].querySelector('details.cell:not([hidden]),p.absent:not([hidden])');};"
    "\n"
    "filter.hidden=false;\n"
    "filter.addEventListener('input',apply);\n"
    "filter.addEventListener('change',apply);\n"
    "if(url.has('show')){\n"
    "var show=url.get('show').split(',');\n"
    "for(var i=0;i<boxes.length;i++)boxes[i].checked=show.indexOf(boxes[i].value)>=0;}\n"
    "if(url.has('q'))text.value=url.get('q');\n"
    "apply();}\n"
    "var table=document.querySelector('table.summary');\n"
    "if(table){\n"
    "var heads=table.tHead.rows[0].cells,by=-1,desc=false;\n"
    "var key=function(row,col,num){\n"
    "var t=row.cells[col].textContent.trim();\n"
    "if(!num)return t;\n"
    "var n=parseFloat(t);return isNaN(n)?-1:n;};\n"
    "var sort=function(col,down){\n"
    "var num=heads[col].classList.contains('n');\n"
    "var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);\n"
    "rows.sort(function(a,b){\n"
    "var x=key(a,col,num),y=key(b,col,num),d=x<y?-1:x>y?1:0;return down?-d:d;});\n"
    "for(var i=0;i<rows.length;i++)body.appendChild(rows[i]);\n"
    "for(i=0;i<heads.length;i++)heads[i].removeAttribute('aria-sort');\n"
    "heads[col].setAttribute('aria-sort',down?'descending':'ascending');\n"
    "by=col;desc=down;};\n"
    "table.classList.add('sortable');\n"
    "document.querySelector('.sort-hint').hidden=false;\n"
    "for(var c=0;c<heads.length;c++){\n"
    "heads[c].tabIndex=0;\n"
    "heads[c].addEventListener('click',function(col){\n"
    "return function(){sort(col,col===by&&!desc);};}(c));}\n"
    "table.tHead.addEventListener('keydown',function(e){\n"
    "if((e.key==='Enter'||e.key===' "
    "')&&e.target.tagName==='TH'){e.preventDefault();e.target.click();}});\n"
    "var s=parseInt(url.get('sort'),10);\n"
    "if(s>=0&&s<heads.length)sort(s,url.get('order')==='desc');}\n"
    "})();\n";
static const char script_hash[] = "sha256-Lin/q3hjkKGMo8g1tDr0stsamSlqvcMPUEiTTFL6kts=";

static void h(iss_buf *out, const char *s)
{
    iss_html_str(out, s);
}

/* A verdict as a badge: symbol and label, coloured. */
static void badge(iss_buf *out, iss_verdict v, iss_lang lang, const char *extra)
{
    iss_buf_printf(out, "<span class=\"badge v-%s\">%s ", verdicts[v].cls, verdicts[v].mark);
    h(out, iss_verdict_label(v, lang));
    if (extra)
        iss_buf_puts(out, extra);
    iss_buf_puts(out, "</span>");
}

static void head(iss_buf *out, const iss_run *run, const iss_run_totals *t)
{
    iss_lang lang = run->lang;
    iss_buf_printf(out,
                   "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; script-src '%s'; base-uri 'none'; "
                   "form-action 'none'\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"isscheck ",
                   iss_lang_tag(lang), script_hash);
    h(out, run->tool_version);
    iss_buf_puts(out, "\">\n<title>");
    if (t->nrows == 1) {
        h(out, t->rows[0].file);
        iss_buf_puts(out, " — ");
    }
    iss_buf_printf(out, "isscheck</title>\n<style>\n%s%s</style>\n</head>\n<body>\n", style,
                   style_views);
}

/* The filters the script shows (hidden without it, so a page read without
 * script offers none): a box per verdict the page lists, and free text
 * matched against each cell's rule id, title and notes. */
static void filter(iss_buf *out, const iss_run *run)
{
    iss_lang lang = run->lang;
    iss_buf_printf(out, "<p class=\"filter\" hidden><span class=\"what\">%s</span>",
                   iss_string(S_FILTER_L, lang));
    for (size_t v = 0; v < ISS_VERDICTS; v++) {
        if (run->show && !(run->show & (1u << v)))
            continue;
        iss_buf_printf(out,
                       " <label class=\"badge v-%s\"><input type=\"checkbox\" value=\"%s\" "
                       "checked> %s ",
                       verdicts[v].cls, verdicts[v].cls, verdicts[v].mark);
        h(out, iss_verdict_label((iss_verdict)v, lang));
        iss_buf_puts(out, "</label>");
    }
    iss_buf_printf(out, " <label>%s <input type=\"search\"></label></p>\n",
                   iss_string(S_FILTER_TEXT, lang));
}

static void header(iss_buf *out, const iss_run *run)
{
    iss_lang lang = run->lang;
    iss_buf_printf(out, "<header>\n<h1>%s</h1>\n<dl class=\"facts\">\n",
                   iss_string(S_REPORT_TITLE, lang));
    iss_buf_printf(out, "<dt>%s</dt><dd>isscheck ", iss_string(S_TOOL, lang));
    h(out, run->tool_version);
    iss_buf_puts(out, "</dd>\n");
    for (size_t i = 0; i < run->criteria->nsets; i++) {
        iss_buf_printf(out, "<dt>%s</dt><dd>", iss_string(S_CRITERIA, lang));
        iss_render_criteria(out, run->criteria->sets[i], lang, h, "<code>", "</code>");
        iss_buf_puts(out, "</dd>\n");
    }
    if (run->strict)
        iss_buf_printf(out, "<dt><code>--strict</code></dt><dd>%s</dd>\n",
                       iss_string(S_STRICT_TEXT, lang));
    if (run->redacted)
        iss_buf_printf(out, "<dt><code>--redact</code></dt><dd>%s</dd>\n",
                       iss_string(S_REDACTED_TEXT, lang));
    if (run->selection) {
        iss_buf_printf(out, "<dt>%s</dt><dd><code>", iss_string(S_SELECTION, lang));
        h(out, run->selection);
        iss_buf_puts(out, "</code></dd>\n");
    }
    iss_buf_printf(out, "</dl>\n<ul class=\"legend\" aria-label=\"%s\">\n",
                   iss_string(S_LEGEND, lang));
    for (size_t v = 0; v < ISS_VERDICTS; v++) {
        iss_buf_puts(out, "<li>");
        badge(out, (iss_verdict)v, lang, NULL);
        iss_buf_puts(out, "</li>\n");
    }
    iss_buf_printf(out,
                   "</ul>\n<p class=\"tools\" hidden><button type=\"button\" value=\"open\">%s"
                   "</button> <button type=\"button\" value=\"close\">%s</button></p>\n",
                   iss_string(S_OPEN_ALL, lang), iss_string(S_CLOSE_ALL, lang));
    filter(out, run);
    iss_buf_puts(out, "</header>\n");
}

/* A file's status: its worst verdict, or not loaded. */
static void status_cell(iss_buf *out, const iss_view *v)
{
    if (v->status == ISS_STATUS_NOT_LOADED) {
        iss_buf_printf(out, "<strong>%s</strong>", v->status_label);
        if (v->first_error) {
            iss_buf_puts(out, ": <code>");
            iss_view_diag(out, v, v->first_error, h);
            iss_buf_puts(out, "</code>");
        }
        return;
    }
    badge(out, v->status_verdict, v->lang,
          v->status == ISS_STATUS_REVIEW_STRICT ? " (--strict)" : NULL);
}

static void summary_head(iss_buf *out, const iss_run *run)
{
    iss_lang lang = run->lang;
    iss_buf_printf(out,
                   "<section id=\"summary\">\n<h2>%s</h2>\n"
                   "<p class=\"sort-hint\" hidden>%s</p>\n<table class=\"summary\">\n"
                   "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                   "<th scope=\"col\">%s</th>",
                   iss_string(S_SUMMARY, lang), iss_string(S_SORT_HINT, lang),
                   iss_string(S_FILE, lang), iss_string(S_PROVIDER, lang),
                   iss_string(S_CATEGORIES, lang));
    for (size_t v = 0; v < ISS_VERDICTS; v++) {
        iss_buf_puts(out, "<th scope=\"col\" class=\"n\">");
        h(out, iss_verdict_label((iss_verdict)v, lang));
        iss_buf_puts(out, "</th>");
    }
    iss_buf_printf(out, "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                   iss_string(S_STATUS, lang));
}

/* A file's row of the summary table; i: its place in the run. */
static void summary_row(iss_buf *out, const iss_view *v, size_t i)
{
    const iss_report *r = v->r;
    iss_buf_printf(out, "<tr><th scope=\"row\"><a href=\"#file-%zu\">", i + 1);
    h(out, v->f->file);
    iss_buf_puts(out, "</a></th><td>");
    if (r) {
        h(out, v->provider);
        iss_buf_puts(out, "</td><td>");
        iss_view_categories(out, v, "; ", true, h);
        iss_buf_puts(out, "</td>");
        for (size_t k = 0; k < ISS_VERDICTS; k++)
            iss_buf_printf(out, "<td class=\"n\">%zu</td>", r->counts[k]);
    } else {
        iss_buf_puts(out, "—</td><td>—</td>");
        for (size_t k = 0; k < ISS_VERDICTS; k++)
            iss_buf_puts(out, "<td class=\"n\">—</td>");
    }
    iss_buf_puts(out, "<td>");
    status_cell(out, v);
    iss_buf_puts(out, "</td></tr>\n");
}

/* Whether another rule of rule's category has the same title in lang (the
 * standard gives (ア), (イ) and (ウ) of a clause its one heading). */
static bool title_shared(const iss_criteria *c, const iss_rule *rule, iss_lang lang)
{
    const char *title = iss_rule_title(rule, lang);
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *o = &c->rules[i];
        if (o != rule && o->category == rule->category &&
            strcmp(iss_rule_title(o, lang), title) == 0)
            return true;
    }
    return false;
}

/* The short title a closed cell shows, cut to its width: the rule's title,
 * led by the last word of its clause ("(ア)", "なお") when the title alone
 * would not tell the cell from another of its category; true then. */
static bool short_title(iss_buf *out, const iss_criteria *c, const iss_rule *rule, iss_lang lang)
{
    bool shared = title_shared(c, rule, lang);
    if (shared && rule->clause) {
        const char *sp = strrchr(rule->clause, ' ');
        h(out, sp ? sp + 1 : rule->clause);
        iss_buf_puts(out, " ");
    }
    h(out, iss_rule_title(rule, lang));
    return shared && rule->clause;
}

/* One cell of the matrix: the verdict, the rule id and its short title;
 * opened, the whole title, the citation, the location and the notes. */
static void cell(iss_buf *out, const iss_view *v, size_t fi, size_t i, iss_buf *text)
{
    const iss_result *res = &v->r->results[i];
    iss_lang lang = v->lang;
    const iss_rule *rule = res->rule;
    iss_verdict vd = res->verdict < ISS_VERDICTS ? res->verdict : ISS_REVIEW;
    iss_buf_printf(out,
                   "<details class=\"cell v-%s\" id=\"file-%zu-%zu\"><summary>"
                   "<span class=\"verdict\">%s ",
                   verdicts[vd].cls, fi + 1, i + 1, verdicts[vd].mark);
    h(out, iss_verdict_label(vd, lang));
    if (res->applied && res->applied->kind == ISS_ENTRY_JUDGEMENT)
        iss_buf_printf(out, " <span class=\"judged\">(%s)</span>", iss_string(S_JUDGED_L, lang));
    const char *base = iss_base_label(v->r, i, lang);
    if (base)
        iss_buf_printf(out, " <span class=\"base\">(%s)</span>", base);
    iss_buf_puts(out, "</span> <span class=\"rule\">");
    h(out, rule->id);
    iss_buf_puts(out, "</span> <span class=\"title\">");
    bool cut = short_title(out, v->r->criteria, rule, lang);
    iss_buf_puts(out, "</span></summary>\n<div class=\"body\">\n<dl class=\"facts\">\n");
    if (cut) { /* the title as the criteria give it */
        iss_buf_printf(out, "<dt>%s</dt><dd>", iss_string(S_RULE_TITLE, lang));
        h(out, iss_rule_title(rule, lang));
        iss_buf_puts(out, "</dd>\n");
    }
    iss_buf_printf(out, "<dt>%s</dt><dd>", iss_string(S_CITATION, lang));
    iss_render_citation(out, rule, h);
    iss_buf_puts(out, "</dd>\n");
    if (res->loc.line) {
        iss_buf_printf(out, "<dt>%s</dt><dd><code>", iss_string(S_LOCATION, lang));
        h(out, v->decl_file);
        iss_buf_printf(out, ":%d:%d</code></dd>\n", res->loc.line, res->loc.col);
    }
    iss_buf_puts(out, "</dl>\n");
    if (res->nnotes)
        iss_buf_puts(out, "<ul class=\"notes\">\n");
    for (size_t k = 0; k < res->nnotes; k++) {
        const iss_note *n = &res->notes[k];
        iss_buf_printf(out, "<li class=\"m-%s\"><span class=\"mark\">%s</span>", marks[n->mark].cls,
                       marks[n->mark].mark);
        iss_render_note(out, n, lang, h, text);
        iss_buf_puts(out, "</li>\n");
    }
    if (res->nnotes)
        iss_buf_puts(out, "</ul>\n");
    iss_buf_puts(out, "</div>\n</details>\n");
}

/* The one line of a category none of whose rules apply (no such section). */
static void section_absent(iss_buf *out, const iss_view *v, size_t ci, size_t n)
{
    iss_buf_printf(out, "<p class=\"absent v-na\">");
    char count[32];
    snprintf(count, sizeof count, " %zu", n);
    badge(out, ISS_NA, v->lang, count);
    iss_buf_puts(out, " ");
    iss_render_section_absent(out, v, ci, h);
    iss_buf_puts(out, "</p>");
}

static void matrix(iss_buf *out, const iss_run *run, const iss_view *v, size_t fi)
{
    const iss_report *r = v->r;
    const iss_criteria *c = r->criteria;
    iss_buf_printf(out, "<table class=\"matrix\">\n<caption>%s</caption>\n<tbody>\n",
                   iss_string(S_MATRIX_CAPTION, v->lang));
    iss_buf text = {0};
    for (size_t ci = 0; ci < c->ncategories; ci++) {
        if (!iss_view_category_shown(run, v, ci))
            continue;
        const iss_category *cat = &c->categories[ci];
        iss_buf_puts(out, "<tr><th scope=\"row\">");
        h(out, iss_category_name(cat, v->lang));
        iss_buf_puts(out, " <span class=\"code\">(");
        iss_render_category(out, cat->code, iss_view_service(v, ci), true, h);
        iss_buf_puts(out, ")</span></th>\n<td>");
        size_t n;
        if (iss_view_section_absent(v, ci, &n)) {
            section_absent(out, v, ci, n);
            iss_buf_puts(out, "</td></tr>\n");
            continue;
        }
        iss_buf_puts(out, "<div class=\"cells\">\n");
        for (size_t i = 0; i < r->nresults; i++)
            if (r->results[i].rule->category == ci && iss_run_shows(run, &r->results[i]))
                cell(out, v, fi, i, &text);
        iss_buf_puts(out, "</div></td></tr>\n");
    }
    iss_buf_free(&text);
    iss_buf_puts(out, "</tbody>\n</table>\n");
}

/* A file that could not be loaded: why, and every diagnostic. */
static void not_loaded_section(iss_buf *out, const iss_view *v)
{
    iss_buf_printf(out, "<p>%s</p>\n", iss_string(S_NOT_LOADED_TEXT, v->lang));
    if (v->f->diags && v->f->diags->n) {
        iss_buf_puts(out, "<ul class=\"errors\">\n");
        iss_view_diags(out, v, h, "<li>", "</li>\n");
        iss_buf_puts(out, "</ul>\n");
    }
}

/* The facts of a checked file: provider, digest, reference date, counts,
 * the editions it chose, what the selection and judgements changed. */
static void facts(iss_buf *out, const iss_run *run, const iss_view *v)
{
    const iss_report *r = v->r;
    iss_lang lang = v->lang;
    iss_buf_printf(out, "<dl class=\"facts\">\n<dt>%s</dt><dd>", iss_string(S_PROVIDER, lang));
    h(out, v->provider);
    iss_buf_puts(out, "</dd>\n<dt>SHA-256</dt><dd><code>");
    h(out, v->sha256);
    iss_buf_printf(out, "</code></dd>\n<dt>%s</dt><dd>%s (%s)</dd>\n<dt>%s</dt><dd>",
                   iss_string(S_REF_DATE, lang), v->ref_date, v->ref_source,
                   iss_string(S_SUMMARY, lang));
    for (size_t k = 0; k < ISS_VERDICTS; k++) {
        char n[32];
        snprintf(n, sizeof n, " %zu", r->counts[k]);
        if (k)
            iss_buf_puts(out, " ");
        badge(out, (iss_verdict)k, lang, n);
    }
    iss_buf_puts(out, "</dd>\n");
    /* A declaration that chose other editions (its criteria: key) names them. */
    for (size_t i = 0; r->criteria != run->criteria && i < r->criteria->nsets; i++) {
        iss_buf_printf(out, "<dt>%s</dt><dd>", iss_string(S_CRITERIA, lang));
        iss_render_criteria(out, r->criteria->sets[i], lang, h, "<code>", "</code>");
        iss_buf_puts(out, "</dd>\n");
    }
    if (r->omitted)
        iss_buf_printf(out, "<dt>%s</dt><dd>%zu</dd>\n", iss_string(S_RESULTS_OMITTED, lang),
                       r->omitted);
    size_t hidden = iss_run_hidden(run, r);
    if (hidden) {
        iss_buf_puts(out, "<dt>");
        iss_string_arg(out, S_SHOW_HIDDEN, lang, run->show_option);
        iss_buf_printf(out, "</dt><dd>%zu</dd>\n", hidden);
    }
    iss_render_baseline_facts(out, r, lang, h, "<dt>", "</dt><dd>", "</dd>\n");
    if (r->judged)
        iss_buf_printf(out, "<dt>%s</dt><dd>%zu</dd>\n", iss_string(S_JUDGED_VERDICTS, lang),
                       r->judged);
    iss_buf_puts(out, "</dl>\n");
}

static void file_section(iss_buf *out, const iss_run *run, const iss_view *v, size_t fi)
{
    iss_buf_printf(out, "<section class=\"file\" id=\"file-%zu\">\n<h2>", fi + 1);
    h(out, v->f->file);
    iss_buf_puts(out, "</h2>\n");
    if (!v->r) {
        not_loaded_section(out, v);
    } else {
        facts(out, run, v);
        if (v->disclaimer)
            iss_buf_printf(out,
                           "<p class=\"notice\" role=\"note\"><strong>%s</strong>: %s (%s: "
                           "%zu)</p>\n",
                           iss_string(S_NOTE, v->lang), v->disclaimer,
                           iss_string(S_UNVERIFIED_RELIED_L, v->lang), v->r->unverified_relied);
        matrix(out, run, v, fi);
    }
    iss_buf_puts(out, "</section>\n");
}

/* Sections: 0 the file's row of the summary table (a run of more than one
 * file has one), 1 its section. */
static void html_part(iss_part *p, const iss_run *run, const iss_view *v, size_t index)
{
    if (run->nfiles > 1)
        summary_row(&p->sec[0], v, index);
    file_section(&p->sec[1], run, v, index);
}

/* After the files: the waivers file's entries that did nothing, an item
 * each, FILE:LINE:COL and why. */
static void unused_entries(iss_buf *out, const iss_run *run, const iss_run_totals *t)
{
    iss_unused *u;
    size_t n = iss_waivers_unused(run->waivers, t, &u);
    if (!n)
        return;
    iss_buf_printf(out, "<section id=\"unused-waivers\">\n<h2>%s (%zu)</h2>\n<ul>\n",
                   iss_string(S_UNUSED_HEADING, run->lang), n);
    for (size_t i = 0; i < n; i++) {
        iss_buf_puts(out, "<li><code>");
        h(out, u[i].w->file);
        iss_buf_printf(out, ":%d:%d</code> ", u[i].w->loc.line, u[i].w->loc.col);
        iss_unused_render(out, &u[i], run->lang, h);
        iss_buf_puts(out, "</li>\n");
    }
    iss_buf_puts(out, "</ul>\n</section>\n");
    free(u);
}

static void html_glue(iss_buf *out, const iss_run *run, const iss_run_totals *t, size_t k)
{
    bool summary = t->nrows > 1;
    if (k == 0) {
        head(out, run, t);
        header(out, run);
        iss_buf_puts(out, "<main>\n");
        if (summary)
            summary_head(out, run);
    } else if (k == 1) {
        if (summary)
            iss_buf_puts(out, "</tbody>\n</table>\n</section>\n");
    } else {
        unused_entries(out, run, t);
        iss_buf_printf(out, "</main>\n<script>%s%s</script>\n</body>\n</html>\n", script,
                       script_views);
    }
}

const iss_format iss_format_html = {
    .name = "html",
    .nsections = 2,
    .part = html_part,
    .glue = html_glue,
};

void iss_report_html(iss_buf *out, const iss_run *run)
{
    iss_report_render(out, &iss_format_html, run);
}
