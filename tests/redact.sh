#!/bin/sh
# redact.sh BINARY - `check --redact` leaks no person in any format.
#
# Every examples/*.yaml is copied with a name given to each person (some
# with a space, one in Latin letters, one containing another's) and that
# name, spaced differently, written into the person's evidence, so ids and
# names both reach the notes.  Then, for every format (text, json, sarif,
# junit, markdown, html, github, gitlab, in Japanese and English) and --summary-csv:
#   - no person id (as a token) nor name (however spaced) is in the
#     redacted output;
#   - the redacted output is the plain output with each person replaced by
#     person-N, N its position in that file's persons list (the same
#     pseudonym everywhere), apart from the header saying it is redacted;
#   - a declaration refused for a duplicated person id keeps the id out of
#     stdout, stderr and the summary.
# Fails when any reporter prints a person some other way than through the
# notes iss_report_redact rewrites.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=1775012400
unset ISSCHECK_LANG
/usr/bin/python3 - "$bin" "$dir" <<'PY'
import copy, csv, glob, io, json, pathlib, re, subprocess, sys
import yaml

binary, tmp = sys.argv[1], pathlib.Path(sys.argv[2])
NAMES = ["山田 太郎", "佐藤 花子", "Ichiro SUZUKI", "山田 太郎丸", "高橋 美咲", "田中 次郎",
         "伊藤 健太", "渡辺 翔子", "中村 優斗", "小林 直樹"]
problems = []

def spaced(name, k):
    """The name as written in evidence: without, with or with other spacing."""
    parts = name.split(" ")
    return [parts[0] + parts[1], name, parts[0] + "\u3000" + parts[1], name.lower()][k % 4]

# the copies, and each file's persons: (id, name) by position
persons = {}
files = []
for src in sorted(p for p in glob.glob("examples/*.yaml") if not p.endswith(".waivers.yaml")):
    doc = yaml.safe_load(open(src, encoding="utf-8"))
    plist = doc.get("persons") or []
    for i, p in enumerate(plist):
        p["name"] = NAMES[i % len(NAMES)]
        for key in ("qualifications", "trainings", "community_roles", "lecturing"):
            for k, item in enumerate(p.get(key) or []):
                if isinstance(item, dict) and "evidence" in item:
                    item["evidence"] = f"{item['evidence']} {spaced(p['name'], i + k)}"
    dst = tmp / pathlib.Path(src).name
    dst.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    files.append(str(dst))
    persons[str(dst)] = [(p["id"], p["name"]) for p in plist]

# one mapping for the whole run: an id or name at the same position in every file
mapping = {}
for f, plist in persons.items():
    for i, (pid, name) in enumerate(plist):
        for key in (("id", pid), ("name", name)):
            if mapping.setdefault(key, i) != i:
                problems.append(f"{f}: {key} at position {i + 1} and {mapping[key] + 1} elsewhere")
ids = sorted({k[1] for k in mapping if k[0] == "id"}, key=len, reverse=True)
names = sorted({k[1] for k in mapping if k[0] == "name"}, key=lambda n: len(n.replace(" ", "")),
               reverse=True)
WS = "[ \t\u00a0\u3000]*"
def id_re(pid):
    return r"(?<![A-Za-z0-9_])" + re.escape(pid) + r"(?![A-Za-z0-9_])"
def name_re(name):
    return WS.join(re.escape(c) for c in name.replace(" ", ""))
alts = [(id_re(p), ("id", p)) for p in ids] + [(name_re(n), ("name", n)) for n in names]
alts.sort(key=lambda a: -len(a[1][1].replace(" ", "")))
pattern = re.compile("|".join(f"({a})" for a, _ in alts), re.IGNORECASE)
def expected(text):
    def sub(m):
        key = alts[m.lastindex - 1][1]
        return f"person-{mapping[key] + 1}"
    return pattern.sub(sub, text)

def leaks(text):
    found = [p for p in ids if re.search(id_re(p), text)]
    found += [n for n in names if re.search(name_re(n), text, re.IGNORECASE)]
    return found

def run(args):
    p = subprocess.run([binary, "check", *args], capture_output=True)
    return p.stdout.decode("utf-8"), p.stderr.decode("utf-8"), p.returncode

MARK = re.compile("redact|匿名化", re.IGNORECASE)
seen_names = 0
for fmt in ["text", "json", "sarif", "junit", "markdown", "html", "github", "gitlab"]:
    for lang in ["ja", "en"]:
        what = f"--format {fmt} --lang {lang}"
        plain, perr, pst = run(["--format", fmt, "--lang", lang, *files])
        red, rerr, rst = run(["--redact", "--format", fmt, "--lang", lang, *files])
        if (pst, rst) != (1, 1) or perr or rerr:
            problems.append(f"{what}: status {pst}/{rst}, stderr {perr[:200]!r} {rerr[:200]!r}")
        if not leaks(plain):
            problems.append(f"{what}: the plain report names nobody; the test proves nothing")
        seen_names += sum(1 for n in names if re.search(name_re(n), plain, re.IGNORECASE))
        for who in leaks(red):
            problems.append(f"{what}: the redacted report keeps {who!r}")
        if fmt in ("github", "gitlab"):
            continue  # no header to say so: no leak is what they promise
        want = expected(plain)
        if fmt in ("json", "sarif"):
            got, want = json.loads(red), json.loads(want)
            flag = got if fmt == "json" else got["runs"][0]["properties"]
            if flag.pop("redacted", None) is not True:
                problems.append(f"{what}: no redacted: true")
            if fmt == "json":
                want.pop("redacted", None)
            if got != want:
                problems.append(f"{what}: not the plain report with person-N for each person")
        else:
            plain_lines = set(plain.splitlines())
            marks = [l for l in red.splitlines() if MARK.search(l) and l not in plain_lines]
            got = [l.rstrip() for l in red.splitlines() if l not in marks]
            if not marks:
                problems.append(f"{what}: the header does not say the report is redacted")
            want = [l.rstrip() for l in want.splitlines()]
            if got != want:
                diff = [(a, b) for a, b in zip(got, want) if a != b][:3]
                problems.append(f"{what}: not the plain report with person-N: {diff}")
if not seen_names:
    problems.append("no name reached any plain report; the test proves nothing")

# --summary-csv, and a declaration refused for a duplicated person id
broken = tmp / "broken.yaml"
doc = yaml.safe_load(open(files[0], encoding="utf-8"))
doc["persons"].append(copy.deepcopy(doc["persons"][0]))
broken.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
dup = doc["persons"][0]["id"]
for fmt in ["text", "json", "sarif", "junit", "markdown", "html", "github", "gitlab"]:
    csvf = tmp / f"summary-{fmt}.csv"
    out, err, st = run(["--redact", "--format", fmt, "--summary-csv", str(csvf), files[0],
                        str(broken)])
    summary = csvf.read_text(encoding="utf-8")
    if st != 2 or "***" not in err:
        problems.append(f"--format {fmt}, refused file: status {st}, stderr {err!r}")
    for where, text in (("stdout", out), ("stderr", err), ("summary", summary)):
        for who in leaks(text):
            problems.append(f"--format {fmt}, refused file: {where} keeps {who!r}")
    rows = list(csv.DictReader(io.StringIO(summary)))
    if len(rows) != 2 or rows[1]["status"] != "2":
        problems.append(f"--format {fmt}: summary rows {rows}")
plain_err = run([str(broken)])[1]
if dup not in plain_err:
    problems.append(f"without --redact the error should name {dup!r}: {plain_err!r}")

for p in problems:
    print("redact:", p, file=sys.stderr)
print(f"redact: {len(files)} declarations, {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
