"""check_page.py [--show LIST] [--query QS] HTML JSON [DOM] - the HTML report
against the JSON report of the same run (tests/html/static.sh,
tests/html/run.sh).

Checks, with Python's html.parser: the page's lang is the JSON's language;
it is one document with one <style> and one <script>, whose SHA-256 is the
one the Content-Security-Policy allows; it loads nothing (no src, no href
but in-page anchors); every start tag is one the reporter writes (so no
declaration string became markup); a section per file, in order, and in
each exactly one matrix cell (<details class="cell v-VERDICT">) per result
of the JSON, with the JSON's verdicts in the JSON's order, but for the
results --show LIST (the run's option) leaves out and those of a category
whose section the declaration lacks (notes: M_NA_SECTION alone), which are
one line (<p class="absent">) per such category; a file that was not loaded
lists as many errors as the JSON.  With DOM (the page as
Chromium left it after its script ran, from --dump-dom): the same cells, and
the open/close buttons shown, so the script ran under the policy.
Prints one line; exits 1 on any problem."""
import base64
import hashlib
import json
import sys
import urllib.parse
from html.parser import HTMLParser

OWN = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "dl", "dt", "dd",
       "code", "ul", "li", "span", "p", "button", "main", "section", "table", "thead", "tbody",
       "tr", "th", "td", "a", "caption", "details", "summary", "div", "strong", "script", "label",
       "input"}
VOID = {"meta", "input"}
CLASS = {"pass": "pass", "review": "review", "fail": "fail", "n/a": "na", "waived": "waived"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.files, self.problems = [], [], []
        self.lang = self.csp = None
        self.scripts, self.styles = [], 0
        self.in_script = False
        self.tools_hidden = self.filter_hidden = None
        self.items = []  # every cell and one-line category: [class, text, hidden]
        self.open_items = []  # those whose text is being read
        self.depth = 0
        self.in_summary = self.in_summary_body = False
        self.rows = []  # the summary table's rows: the text of each cell
        self.heads = []  # its headings: (numeric, aria-sort)
        self.cellbuf = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag not in OWN:
            self.problems.append(f"unexpected element <{tag}>")
        for k, v in attrs:
            if k == "src" or (k == "href" and not (v or "").startswith("#")) or k.startswith("on"):
                self.problems.append(f"<{tag} {k}={v!r}>")
        cls = (a.get("class") or "").split()
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a.get("content")
        elif tag == "style":
            self.styles += 1
        elif tag == "script":
            self.in_script = True
            self.scripts.append("")
        elif tag == "section" and "file" in cls:
            self.files.append({"cells": [], "errors": 0, "absent": 0})
        elif tag == "details" and "cell" in cls:
            v = [c[2:] for c in cls if c.startswith("v-")]
            self.files[-1]["cells"].append(v[0] if v else None)
        elif tag == "p" and "absent" in cls:
            self.files[-1]["absent"] += 1
        elif tag == "p" and "filter" in cls:
            self.filter_hidden = "hidden" in a
        elif tag == "table" and "summary" in cls:
            self.in_summary = True
        if tag in ("details", "p") and ("cell" in cls or "absent" in cls):
            v = [c[2:] for c in cls if c.startswith("v-")]
            item = [v[0] if v else None, "", "hidden" in a, self.depth]
            self.items.append(item)
            self.open_items.append(item)
        if self.in_summary:
            if tag == "tbody":
                self.in_summary_body = True
            elif tag == "tr" and self.in_summary_body:
                self.rows.append([])
            elif tag in ("th", "td"):
                if self.in_summary_body:
                    self.cellbuf = ""
                else:
                    self.heads.append(("n" in cls, a.get("aria-sort")))
        if tag == "li" and self.files and self.stack_has_errors:
            self.files[-1]["errors"] += 1
        elif tag == "p" and "tools" in cls:
            self.tools_hidden = "hidden" in a
        if tag not in VOID:
            self.depth += 1
        if tag == "ul":
            self.stack_has_errors = "errors" in cls

    stack_has_errors = False

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.depth -= 1
        while self.open_items and self.open_items[-1][3] >= self.depth:
            self.open_items.pop()
        if tag == "table":
            self.in_summary = self.in_summary_body = False
        if tag in ("th", "td") and self.cellbuf is not None:
            self.rows[-1].append(self.cellbuf.strip())
            self.cellbuf = None
        if tag == "script":
            self.in_script = False
        if tag == "ul":
            self.stack_has_errors = False

    def handle_data(self, data):
        for item in self.open_items:
            item[1] += data
        if self.cellbuf is not None:
            self.cellbuf += data
        if self.in_script:
            self.scripts[-1] += data


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p


def collapsed(res):
    """A result shown as part of its category's one line: the evaluator's
    note for a section the declaration lacks, alone."""
    return [n["code"] for n in res["notes"]] == ["M_NA_SECTION"]


def compare(name, page, report, problems, show):
    def bad(msg):
        problems.append(f"{name}: {msg}")
    for m in page.problems:
        bad(m)
    if page.lang != report["language"]:
        bad(f"lang {page.lang!r}, the JSON's language {report['language']!r}")
    files = report["files"]
    if len(page.files) != len(files):
        bad(f"{len(page.files)} file sections, {len(files)} files in the JSON")
        return 0
    cells = 0
    for i, (pf, jf) in enumerate(zip(page.files, files)):
        results = jf.get("results", [])
        shown = [r for r in results if not show or CLASS[r["verdict"]] in show]
        want = [CLASS[r["verdict"]] for r in shown if not collapsed(r)]
        cats = sorted({r["category"] for r in shown if collapsed(r)})
        cells += len(pf["cells"])
        if pf["cells"] != want:
            bad(f"file {i + 1} ({jf['file']}): cells {pf['cells']}, JSON verdicts {want}")
        if pf["absent"] != len(cats):
            bad(f"file {i + 1}: {pf['absent']} one-line categories, JSON: {cats}")
        if "errors" in jf and pf["errors"] != len(jf["errors"]):
            bad(f"file {i + 1}: {pf['errors']} errors listed, {len(jf['errors'])} in the JSON")
    return cells


def number(text):
    try:
        return float(text)
    except ValueError:
        return -1.0


def check_query(page, dom, query, bad):
    """The DOM, loaded with ?query, against what the page's own text says it
    must show."""
    q = urllib.parse.parse_qs(query)
    if "show" in q or "q" in q:
        on = set(q["show"][0].split(",")) if "show" in q else None
        text = q.get("q", [""])[0].strip().lower()
        if len(page.items) != len(dom.items):
            bad(f"{len(dom.items)} cells in the DOM, {len(page.items)} in the page")
        want = [not ((on is None or v in on) and text in t.lower()) for v, t, _, _ in page.items]
        got = [h for _, _, h, _ in dom.items]
        if want != got:
            diff = [i for i, (w, g) in enumerate(zip(want, got)) if w != g]
            bad(f"?{query}: cells hidden {got.count(True)}, expected {want.count(True)}; "
                f"first wrong: {diff[:5]}")
        if all(want) or not any(want):
            bad(f"?{query}: the filter shows {'nothing' if all(want) else 'everything'}: "
                "no test of it")
    if "sort" in q:
        col = int(q["sort"][0])
        down = q.get("order", ["asc"])[0] == "desc"
        numeric = page.heads[col][0]
        key = (lambda r: number(r[col])) if numeric else (lambda r: r[col])
        want = sorted(page.rows, key=key, reverse=down)
        if dom.rows != want:
            bad(f"?{query}: rows {[r[0] for r in dom.rows]}, expected {[r[0] for r in want]}")
        if want == page.rows:
            bad(f"?{query}: the page is in that order already: no test of sorting")
        if numeric and sorted(page.rows, key=lambda r: r[col], reverse=down) == want:
            bad(f"?{query}: text order is the same as numeric order: no test of it")
        aria = [a for _, a in dom.heads]
        if aria[col] != ("descending" if down else "ascending") or aria.count(None) != len(aria) - 1:
            bad(f"?{query}: aria-sort {aria}")


def main():
    args = sys.argv[1:]
    show = query = None
    while args and args[0].startswith("--"):
        if args[0] == "--show":
            show = {CLASS["n/a" if v == "na" else v] for v in args[1].split(",")}
        elif args[0] == "--query":
            query = args[1]
        args = args[2:]
    html, js = args[0], args[1]
    dom = args[2] if len(args) > 2 else None
    problems = []
    with open(js, encoding="utf-8") as f:
        report = json.load(f)
    page = parse(html)
    cells = compare(html, page, report, problems, show)
    if page.styles != 1 or len(page.scripts) != 1:
        problems.append(f"{html}: {page.styles} <style>, {len(page.scripts)} <script>")
    else:
        digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
        want = ("default-src 'none'; style-src 'unsafe-inline'; "
                f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")
        if page.csp != want:
            problems.append(f"{html}: Content-Security-Policy {page.csp!r}, expected {want!r}")
    if page.tools_hidden is not True or page.filter_hidden is not True:
        problems.append(f"{html}: the buttons or the filters are not hidden before the script runs")
    if dom:
        d = parse(dom)
        compare(dom, d, report, problems, show)
        if d.tools_hidden is not False:
            problems.append(f"{dom}: the buttons are still hidden: the script did not run")
        if d.filter_hidden is not False:
            problems.append(f"{dom}: the filters are still hidden: the script did not run")
        if query:
            check_query(page, d, query, lambda m: problems.append(f"{dom}: {m}"))
    for p in problems:
        print(f"html: {p}", file=sys.stderr)
    print(f"{html}: {len(page.files)} files, {cells} cells{', DOM checked' if dom else ''}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":  # (tests/html/clicks.py imports its parser)
    main()
