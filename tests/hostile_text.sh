#!/bin/sh
# hostile_text.sh BINARY - values cannot forge a report line or drive a
# terminal (issue 16, item 4).
#
# Declarations whose double-quoted values hold \e (ESC sequences: title,
# clear screen, colour), \a, \r, \n followed by a fake diagnostic, \x9b
# (the C1 CSI), \u2028 and \u202e; a declaration that fails to load on a
# key holding them; files named with a raw ESC, a newline (and a fake
# diagnostic after it) and bytes that are not UTF-8; and a criteria set
# whose title holds ESC and a newline; a value and a file name that hold
# a newline before a forged GitHub workflow command ("::error ...") and the
# characters that end one (%, :, ,); a waivers file whose entry, for a
# provider of no file, holds them too (listed as doing nothing).  All of it
# goes through every format (text, json, sarif, junit, markdown, html,
# github, gitlab) in both languages,
# with --summary-csv, and:
#   - the text report, Markdown, the CSV and stderr are UTF-8 with no C0
#     control character but the line ends the tool writes, no C1 control,
#     no U+2028/U+2029 and no bidirectional control;
#   - no line of any of them starts with a value: every stderr line starts
#     with the name of a file of the run or "isscheck:", and no line of a
#     report starts with a forged "x.yaml:" diagnostic or "[PASS]";
#   - the escapes are there (\x1b, \n, \u009b, \u2028, \xff);
#   - JSON and SARIF parse and carry the values as they are; JUnit parses
#     as XML; HTML has no control character but tab and line feed;
#   - the CSV parses, one row per file, and no cell starts a formula;
#   - github: no control character; every line is a workflow command the
#     tool wrote (::error/::warning/::notice, properties file, line, col,
#     title, none holding a raw ':' or ','), one per fail or review result,
#     per file not loaded, per waivers entry that did nothing and per
#     problem of the baseline resolved (as the JSON report counts them), or
#     the last line, the count; a forged command never starts a line; the
#     unused entry's provider is there, escaped;
#   - gitlab: JSON, no control character in the bytes or in any value,
#     one issue per fail or review result, per file not loaded and per
#     waivers entry that did nothing (GitLab finds resolved ones itself).
# All of it against a baseline whose name and edition forge lines too.
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=1775012400
unset ISSCHECK_LANG
cp -r criteria/iss-3 "$dir/set"
/usr/bin/python3 - "$bin" "$dir" <<'PY'
import csv, io, json, os, re, subprocess, sys
import xml.dom.minidom
from html.parser import HTMLParser

binary, tmp = sys.argv[1], sys.argv[2]
problems = []

def write(name, text):
    path = os.path.join(os.fsencode(tmp), name)
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))
    return path

DECL = """isscheck: 1
provider:
  name: "{provider}"
reference_date: 2026-04-01
persons:
  - id: "{person}"
    qualifications:
      - {{name: "{qual}", acquired: 2021-10-01}}
services:
  - category: va
    subtypes: [web]
    technical_leads:
      persons: ["{person}"]
"""
forge = "\\nx.yaml:1:1: error: forged"
files = [
    write(b"c0.yaml", DECL.format(provider="A\\e]0;title\\a\\e[2J\\rB" + forge,
                                   person="P\\e[8m1", qual="CISSP\\n[PASS] VA-T-a forged\\r")),
    write(b"c1.yaml", DECL.format(provider="C1\\x9b31mred" + forge, person="P\\x9b2",
                                   qual="Q\\x85next line")),
    write(b"sep.yaml", DECL.format(provider="S\\u2028x.yaml:2:2: error: forged\\u2029end",
                                    person="P\\u202e3", qual="Q\\u2028[PASS] forged")),
    write(b"broken.yaml", 'isscheck: 1\n"bad\\e[2J' + forge + '": 1\n'),
    write(b"date.yaml", 'isscheck: 1\nprovider: {name: D}\nreference_date: "2026\\e-04' + forge + '"\n'),
]
files.append(write(b"gh.yaml", DECL.format(provider="G\\n::error file=x.yaml::forged",
                                          person="P\\r\\n::warning::forged",
                                          qual="Q\\n::error title=a,b:c::forged %0A %25 ,:")))
src = open(files[0], "rb").read()
for name in [b"esc\x1b[31mred.yaml", b"nl\nx.yaml:9:9: error: forged-name.yaml",
             b"bad\xff\xfe.yaml", b"gh\n::error::forged,a:b%0A.yaml"]:
    path = os.path.join(os.fsencode(tmp), name)
    open(path, "wb").write(src)
    files.append(path)
broken_name = os.path.join(os.fsencode(tmp), b"broken\x1b]0;t\x07\nx.yaml:8:8: error: forged\xff.yaml")
open(broken_name, "wb").write(open(files[3], "rb").read())
files.append(broken_name)
# a criteria set whose title forges a line too
manifest = os.path.join(tmp, "set", "manifest.yaml")
text = open(manifest, encoding="utf-8").read()
title = 'title: "基準\\e[2J\\nx.yaml:7:7: error: forged-criteria"'
text = re.sub(r"(?m)^title: .*$", lambda m: title, text, count=1)
open(manifest, "w", encoding="utf-8").write(text)

# a baseline (--baseline) of another edition for c0's provider, its name
# and its edition forging lines too: its warning and header lines
base_doc = {"format": "isscheck-report", "format_version": 1, "files": [{
    "file": "x", "status": 1, "provider": "A\x1b]0;title\x07\x1b[2J\rB\nx.yaml:1:1: error: forged",
    "editions": [{"document": "meti-iss", "edition": "3\x1b[2J\nx.yaml:5:5: error: forged-edition"}],
    "results": []}]}
baseline = os.path.join(os.fsencode(tmp), b"base\x1b[2J\nx.yaml:6:6: error: forged.json")
open(baseline, "wb").write(json.dumps(base_doc).encode("utf-8"))
# a waivers file whose entry, for a provider of no file, comes back in the
# list of entries that did nothing at the end of every report
waivers = write(b"w.waivers.yaml", """waivers:
  - rule: VA-T-a
    provider: "W\\e[2J\\rZ\\nx.yaml:5:5: error: forged-waiver\\u2028"
    reason: r
    decided_by: e
    expires: 2030-01-01
""")

BAD = re.compile("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

def text_safe(label, data, crlf=False):
    try:
        s = data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"{label}: not UTF-8: {e}")
        s = data.decode("utf-8", "replace")
    if crlf:
        s = s.replace("\r\n", "\n")
    m = BAD.search(s)
    if m:
        problems.append(f"{label}: raw U+{ord(m.group()):04X} at {m.start()}: "
                        f"{s[max(0, m.start() - 40):m.start() + 20]!r}")
    for line in s.split("\n"):
        if re.match(r"\s*(- )?(x\.yaml:|\[PASS\] forged|forged)", line):
            problems.append(f"{label}: a value starts a line: {line[:80]!r}")
    return s

names = [os.fsdecode(f) for f in files]
stdin_prefixes = ("isscheck: ", tmp + "/")
COMMAND = re.compile(r"::(error|warning|notice) (file=[^:,]*,(line=[0-9]+,)?(col=[0-9]+,)?)?"
                     r"title=[^:,]*::")
for lang in ["en", "ja"]:
    need = None  # fail and review results and files not loaded, from the JSON report
    unused_n = resolved_n = 0  # unused waivers entries, baseline problems resolved (JSON)
    for fmt in ["text", "json", "sarif", "junit", "markdown", "html", "github", "gitlab"]:
        out = os.path.join(tmp, f"out.{lang}.{fmt}")
        summary = os.path.join(tmp, f"summary.{lang}.{fmt}.csv")
        p = subprocess.run([binary, "check", "--lang", lang, "--criteria", os.path.join(tmp, "set"),
                            "--format", fmt, "--output", out, "--summary-csv", summary,
                            "--baseline", baseline, "--waivers", waivers] + files,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        label = f"{lang}/{fmt}"
        if p.returncode != 2:
            problems.append(f"{label}: exit status {p.returncode}, expected 2 (broken files)")
        err = text_safe(label + " stderr", p.stderr)
        for line in err.splitlines():
            if not line.startswith(stdin_prefixes):
                problems.append(f"{label} stderr: a line that is not a diagnostic: {line[:80]!r}")
        for want in ["\\x1b", "\\n", "\\xff"]:
            if want not in err:
                problems.append(f"{label} stderr: no {want} escape")
        data = open(out, "rb").read()
        if fmt in ("text", "markdown"):
            s = text_safe(label, data)
            for want in ["\\x1b", "\\n", "\\u009b", "\\u2028", "\\u202e", "\\xff", "\\x07"]:
                if want not in s:
                    problems.append(f"{label}: no {want} escape")
            if "\\nx.yaml:7:7: error: forged-criteria" not in s:
                problems.append(f"{label}: the criteria title is not there, escaped")
            if "\\nx.yaml:5:5: error: forged-edition" not in s or "\\nx.yaml:6:6" not in s:
                problems.append(f"{label}: the baseline's name and edition are not there, escaped")
            if "\\nx.yaml:5:5: error: forged-waiver\\u2028" not in s:
                problems.append(f"{label}: the unused waiver's provider is not there, escaped")
        elif fmt in ("json", "sarif"):
            try:
                doc = json.loads(data.decode("utf-8"))
            except ValueError as e:
                problems.append(f"{label}: not JSON: {e}")
                doc = None
            if fmt == "json" and doc is not None:
                need = sum(1 for f in doc["files"] if "errors" in f) + \
                    sum(1 for f in doc["files"] for r in f.get("results", [])
                        if r["verdict"] in ("fail", "review"))
                providers = [f.get("provider") for f in doc["files"]]
                if "A\x1b]0;title\x07\x1b[2J\rB\nx.yaml:1:1: error: forged" not in providers:
                    problems.append(f"{label}: the provider is not carried as it is: {providers!r}")
                unused_n = len(doc.get("unused_waivers", []))
                resolved_n = sum(1 for f in doc["files"] for r in f.get("results", [])
                                 if r.get("baseline") == "resolved") + \
                    sum(len(f["baseline"]["resolved_rules"]) for f in doc["files"]
                        if f.get("baseline", {}).get("state") == "compared")
                unused = [u["provider"] for u in doc.get("unused_waivers", [])]
                if unused != ["W\x1b[2J\rZ\nx.yaml:5:5: error: forged-waiver\u2028"]:
                    problems.append(f"{label}: the unused waiver is not carried as it is: {unused!r}")
        elif fmt == "github":
            s = text_safe(label, data)
            lines = s.split("\n")
            if lines[-1] != "" or not lines[-2].startswith("isscheck: "):
                problems.append(f"{label}: does not end in the count line: {lines[-2:]!r}")
            commands = lines[:-2]
            for line in commands:
                if not COMMAND.match(line):
                    problems.append(f"{label}: a line that is not a command of the tool: {line[:100]!r}")
            if need is not None and len(commands) != need + unused_n + resolved_n:
                problems.append(f"{label}: {len(commands)} commands for {need} results and files, "
                                f"{unused_n} unused entries, {resolved_n} resolved")
            if "\\x1b[2J\\rZ\\nx.yaml:5:5: error: forged-waiver\\u2028" not in s:
                problems.append(f"{label}: the unused waiver's provider is not there, escaped")
        elif fmt == "gitlab":
            text_safe(label, data)
            try:
                issues = json.loads(data.decode("utf-8"))
            except ValueError as e:
                problems.append(f"{label}: not JSON: {e}")
                issues = []
            for i in issues:
                for v in (i["description"], i["location"]["path"], i["check_name"]):
                    if BAD.search(v):
                        problems.append(f"{label}: a control character in {v[:80]!r}")
            if need is not None and len(issues) != need + unused_n:
                problems.append(f"{label}: {len(issues)} issues for {need} results and files, "
                                f"{unused_n} unused entries")
            if not any("\\x1b[2J\\rZ\\nx.yaml:5:5: error: forged-waiver\\u2028" in i["description"]
                       for i in issues if i["check_name"] == "ISS-WAIVER-UNUSED"):
                problems.append(f"{label}: the unused waiver's provider is not there, escaped")
        elif fmt == "junit":
            try:
                xml.dom.minidom.parseString(data)
            except Exception as e:  # noqa: BLE001 - any parse error fails
                problems.append(f"{label}: not XML: {e}")
        else:
            try:
                s = data.decode("utf-8")
            except UnicodeDecodeError as e:
                problems.append(f"{label}: not UTF-8: {e}")
                s = ""
            m = re.search("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]", s)
            if m:
                problems.append(f"{label}: raw U+{ord(m.group()):04X} in the page")
            HTMLParser().feed(s)
        raw = open(summary, "rb").read()
        s = text_safe(label + " csv", raw, crlf=True)
        rows = list(csv.reader(io.StringIO(s, newline="")))
        if len(rows) != len(files) + 1:
            problems.append(f"{label} csv: {len(rows) - 1} rows for {len(files)} files")
        for row in rows[1:]:
            for cell in row:
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    problems.append(f"{label} csv: a cell starts a formula: {cell[:40]!r}")
        if fmt == "text" and lang == "en":
            cells = {r[0]: r for r in rows[1:]}
            esc = tmp + "/esc\\x1b[31mred.yaml"
            if esc not in cells:
                problems.append(f"csv: no row for the ESC file name as {esc!r}: {sorted(cells)!r}")
            bad = tmp + "/bad\\xff\\xfe.yaml"
            if bad not in cells:
                problems.append(f"csv: no row for the non-UTF-8 file name as {bad!r}")
for p in problems:
    print("hostile-text:", p, file=sys.stderr)
print(f"hostile-text: {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
