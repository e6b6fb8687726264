#!/bin/sh
# summary_csv.sh BINARY - a batch over examples/ plus a broken file writes
# every file's report, the summary, a CSV that a standard CSV reader
# parses (one row per file, the broken one with status 2), and exits 2;
# the folder search leaves the waivers file in examples/ out.  With
# --waivers, the waived and judged columns count what it applied; sha256
# is each file's digest and failed_rules/review_rules list as many rule ids
# as the fail/review counts.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=1775012400
"$bin" check --summary-csv "$dir/summary.csv" examples tests/golden/err-unknown-key/input.yaml \
  >"$dir/out.txt" 2>"$dir/err.txt"
status=$?
"$bin" check --summary-csv "$dir/waived.csv" --waivers examples/examiner.waivers.yaml \
  examples/va-fail.yaml examples/va-pass.yaml >/dev/null 2>&1
echo $? >"$dir/waived.status"
/usr/bin/python3 - "$dir" "$status" <<'PY'
import csv, hashlib, pathlib, sys
d = pathlib.Path(sys.argv[1]); status = int(sys.argv[2])
problems = []
if status != 2:
    problems.append(f"exit status {status}, expected 2")
rows = list(csv.DictReader(open(d / "summary.csv", newline="", encoding="utf-8")))
examples = sorted(str(p) for p in pathlib.Path("examples").glob("*.yaml")
                  if not p.name.endswith(".waivers.yaml"))
names = [r["file"] for r in rows]
if names != examples + ["tests/golden/err-unknown-key/input.yaml"]:
    problems.append(f"rows {names}")
for r in rows:
    want = "2" if r["file"].startswith("tests/") else ("1" if "fail" in r["file"] else "0")
    if r["status"] != want:
        problems.append(f"{r['file']}: status {r['status']}, expected {want}")
    if want != "2" and int(r["pass"]) + int(r["review"]) + int(r["fail"]) + int(r["n/a"]) == 0:
        problems.append(f"{r['file']}: no counts")
    if want == "2" and "qualifcations" not in r["error"]:
        problems.append(f"{r['file']}: error not carried: {r['error']!r}")
    # the digest, and the failed rules of a failing file (none of a passing one)
    if want != "2" and r["sha256"] != hashlib.sha256(open(r["file"], "rb").read()).hexdigest():
        problems.append(f"{r['file']}: sha256 {r['sha256']!r} is not the file's")
    if want == "1" and not r["failed_rules"]:
        problems.append(f"{r['file']}: fails, but no failed_rules")
    if want == "0" and r["failed_rules"]:
        problems.append(f"{r['file']}: passes, but failed_rules {r['failed_rules']!r}")
    if want != "2" and len(r["failed_rules"].split()) != int(r["fail"]):
        problems.append(f"{r['file']}: failed_rules {r['failed_rules']!r} for {r['fail']} fails")
    if want != "2" and len(r["review_rules"].split()) != int(r["review"]):
        problems.append(f"{r['file']}: review_rules {r['review_rules']!r} for {r['review']} reviews")
text = (d / "out.txt").read_text(encoding="utf-8")
for f in examples:
    if f"申告書: {f}\n" not in text:
        problems.append(f"no report for {f}")
n = len(examples) + 1
if f"== ファイルごとの要約 ({n}) ==" not in text:
    problems.append(f"no summary of {n} files")
if "qualifcations" not in (d / "err.txt").read_text(encoding="utf-8"):
    problems.append("the broken file's error is not on stderr")
# va-fail: VA-Q-c-1 waived, VA-Q-c-2 judged fail; va-pass: VA-Q-c-2 judged pass
want = {"examples/va-fail.yaml": ("1", "1", "1"), "examples/va-pass.yaml": ("0", "1", "0")}
got = {r["file"]: (r["waived"], r["judged"], r["status"])
       for r in csv.DictReader(open(d / "waived.csv", newline="", encoding="utf-8"))}
if got != want:
    problems.append(f"with --waivers: (waived, judged, status) {got}, expected {want}")
if (d / "waived.status").read_text().strip() != "1":
    problems.append("with --waivers: exit status not 1 (a judged fail fails the run)")
for p in problems:
    print("summary-csv:", p, file=sys.stderr)
print(f"summary-csv: {len(rows)} rows, {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
