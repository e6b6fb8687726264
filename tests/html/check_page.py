"""check_page.py HTML JSON [DOM] - the HTML report against the JSON report
of the same run (tests/html/static.sh, tests/html/run.sh).

Checks, with Python's html.parser: the page's lang is the JSON's language;
it is one document with one <style> and one <script>, whose SHA-256 is the
one the Content-Security-Policy allows; it loads nothing (no src, no href
but in-page anchors); every start tag is one the reporter writes (so no
declaration string became markup); a section per file, in order, and in
each exactly one matrix cell (<details class="cell v-VERDICT">) per result
of the JSON, with the JSON's verdicts in the JSON's order; a file that was
not loaded lists as many errors as the JSON.  With DOM (the page as
Chromium left it after its script ran, from --dump-dom): the same cells, and
the open/close buttons shown, so the script ran under the policy.
Prints one line; exits 1 on any problem."""
import base64
import hashlib
import json
import sys
from html.parser import HTMLParser

OWN = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "dl", "dt", "dd",
       "code", "ul", "li", "span", "p", "button", "main", "section", "table", "thead", "tbody",
       "tr", "th", "td", "a", "caption", "details", "summary", "div", "strong", "script"}
CLASS = {"pass": "pass", "review": "review", "fail": "fail", "n/a": "na", "waived": "waived"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.files, self.problems = [], [], []
        self.lang = self.csp = None
        self.scripts, self.styles = [], 0
        self.in_script = False
        self.tools_hidden = None

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
            self.files.append({"cells": [], "errors": 0})
        elif tag == "details" and "cell" in cls:
            v = [c[2:] for c in cls if c.startswith("v-")]
            self.files[-1]["cells"].append(v[0] if v else None)
        elif tag == "li" and self.files and self.stack_has_errors:
            self.files[-1]["errors"] += 1
        elif tag == "p" and "tools" in cls:
            self.tools_hidden = "hidden" in a
        if tag == "ul":
            self.stack_has_errors = "errors" in cls

    stack_has_errors = False

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if tag == "ul":
            self.stack_has_errors = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1] += data


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p


def compare(name, page, report, problems):
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
        want = [CLASS[r["verdict"]] for r in jf.get("results", [])]
        cells += len(pf["cells"])
        if pf["cells"] != want:
            bad(f"file {i + 1} ({jf['file']}): cells {pf['cells']}, JSON verdicts {want}")
        if "errors" in jf and pf["errors"] != len(jf["errors"]):
            bad(f"file {i + 1}: {pf['errors']} errors listed, {len(jf['errors'])} in the JSON")
    return cells


def main():
    html, js = sys.argv[1], sys.argv[2]
    dom = sys.argv[3] if len(sys.argv) > 3 else None
    problems = []
    with open(js, encoding="utf-8") as f:
        report = json.load(f)
    page = parse(html)
    cells = compare(html, page, report, problems)
    if page.styles != 1 or len(page.scripts) != 1:
        problems.append(f"{html}: {page.styles} <style>, {len(page.scripts)} <script>")
    else:
        digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
        want = ("default-src 'none'; style-src 'unsafe-inline'; "
                f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")
        if page.csp != want:
            problems.append(f"{html}: Content-Security-Policy {page.csp!r}, expected {want!r}")
    if page.tools_hidden is not True:
        problems.append(f"{html}: the buttons are not hidden before the script runs")
    if dom:
        d = parse(dom)
        compare(dom, d, report, problems)
        if d.tools_hidden is not False:
            problems.append(f"{dom}: the buttons are still hidden: the script did not run")
    for p in problems:
        print(f"html: {p}", file=sys.stderr)
    print(f"{html}: {len(page.files)} files, {cells} cells{', DOM checked' if dom else ''}")
    sys.exit(1 if problems else 0)


main()
