#!/bin/sh
# validate.sh BINARY - the JUnit XML report (--format junit) of every
# example, in both languages, and of batches with a file that cannot be
# loaded (with and without --strict), is well-formed XML (parsed with
# /usr/bin/python3's xml.etree) of the expected shape: a <testsuites> root
# whose counts are the sums of its <testsuite>s', each suite's counts those
# of its <testcase>s, every testcase with at most one of failure, skipped and
# error; the verdicts mapped as isscheck(1) says (review skipped, or a
# failure of type review under --strict; n/a and waived skipped; a judged
# fail a failure of type judged; a file not loaded one error of type input); an exit status that agrees; the same bytes when run
# again.  Run from the source root.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400
n=0
run() { # run ARGS...: the report in $tmp/N.xml, the arguments and exit status beside it
  n=$((n + 1))
  printf '%s\n' "$*" >"$tmp/$n.args"
  status=0
  "$bin" check --format junit "$@" >"$tmp/$n.xml" 2>/dev/null || status=$?
  echo "$status" >"$tmp/$n.status"
}
for lang in ja en; do
  for f in examples/*-*.yaml; do
    run --lang "$lang" "$f"
  done
  run --lang "$lang" --waivers examples/examiner.waivers.yaml examples/va-fail.yaml examples/va-pass.yaml
  # entries that did nothing: a suite of no testcase, its system-err
  run --lang "$lang" --waivers tests/golden/waivers-unused/waivers.yaml examples/va-fail.yaml \
    examples/va-pass.yaml
  run --lang "$lang" examples tests/golden/err-unknown-key/input.yaml
  run --lang "$lang" --strict examples tests/golden/err-unknown-key/input.yaml
  run --lang "$lang" tests/golden/err-unknown-key/input.yaml
  run --lang "$lang" --baseline tests/baseline/round0.json examples/va-fail.yaml examples/va-pass.yaml
done
run --strict examples/aud-pass.yaml
# deterministic: the last batch again
"$bin" check --format junit --strict examples/aud-pass.yaml >"$tmp/again" 2>/dev/null || true
if ! cmp -s "$tmp/again" "$tmp/$n.xml"; then
  echo "junit: the same run gave different reports" >&2
  exit 1
fi
/usr/bin/python3 - "$tmp" <<'PY'
import pathlib, sys
import xml.etree.ElementTree as ET

bad = 0
def problem(name, msg):
    global bad
    bad += 1
    print(f"junit: {name}: {msg}", file=sys.stderr)

def num(el, attr, name):
    v = el.get(attr)
    if v is None or not v.isdigit():
        problem(name, f"<{el.tag} name={el.get('name')!r}>: {attr}={v!r} is not a count")
        return 0
    return int(v)

seen = set()  # the kinds of outcome met, so that a broken mapping cannot pass unseen
reports = sorted(pathlib.Path(sys.argv[1]).glob("*.xml"), key=lambda p: int(p.stem))
for p in reports:
    args = p.with_suffix(".args").read_text().split()
    status = int(p.with_suffix(".status").read_text())
    strict = "--strict" in args
    name = f"report {p.stem} ({' '.join(args)})"
    raw = p.read_bytes()
    if not raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n'):
        problem(name, "no XML declaration")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as e:
        problem(name, f"not well-formed: {e}")
        continue
    if root.tag != "testsuites" or root.get("name") != "isscheck":
        problem(name, f"root is <{root.tag} name={root.get('name')!r}>, not <testsuites name='isscheck'>")
        continue
    keys = ("tests", "failures", "errors", "skipped")
    sums = dict.fromkeys(keys, 0)
    if len(root) == 0:
        problem(name, "no testsuite")
    for s in root:
        sname = s.get("name")
        if s.tag != "testsuite" or not sname:
            problem(name, f"<{s.tag}> under the root")
            continue
        if s.find("properties") is None:
            problem(name, f"suite {sname!r}: no properties")
        got = dict.fromkeys(keys, 0)
        for tc in s.findall("testcase"):
            got["tests"] += 1
            tname = tc.get("name")
            if not tc.get("classname") or not tname:
                problem(name, f"suite {sname!r}: a testcase without classname or name")
            kids = [k for k in tc if k.tag in ("failure", "skipped", "error")]
            if len(kids) > 1:
                problem(name, f"testcase {tname!r}: {len(kids)} of failure/skipped/error")
            if not kids:
                seen.add("pass")
            for k in kids:
                msg = k.get("message") or ""
                if k.tag == "failure":
                    got["failures"] += 1
                    kind = k.get("type")
                    seen.add("failure:" + str(kind))
                    if kind not in ("fail", "review", "judged") or (kind == "review") != msg.startswith("review: ") \
                            or (kind == "judged") != msg.startswith("judged: "):
                        problem(name, f"{tname!r}: failure of type {kind!r}, message {msg[:40]!r}")
                    if kind == "review" and not strict:
                        problem(name, f"{tname!r}: a review is a failure without --strict")
                    if not (k.text or "").strip():
                        problem(name, f"{tname!r}: a failure without text")
                elif k.tag == "skipped":
                    got["skipped"] += 1
                    seen.add("skipped:" + msg.split(":")[0])
                    if not (msg.startswith("n/a: ") or msg.startswith("waived: ")
                            or (msg.startswith("review: ") and not strict)):
                        problem(name, f"{tname!r}: skipped with message {msg[:40]!r}")
                else:
                    got["errors"] += 1
                    seen.add("error:" + str(k.get("type")))
                    if k.get("type") != "input" or ": error: " not in msg:
                        problem(name, f"{tname!r}: error of type {k.get('type')!r}, message {msg[:40]!r}")
        for k in keys:
            want = num(s, k, name)
            sums[k] += want
            if want != got[k]:
                problem(name, f"suite {sname!r}: {k}={want}, its testcases give {got[k]}")
    for k in keys:
        if num(root, k, name) != sums[k]:
            problem(name, f"root {k}={root.get(k)}, its suites sum to {sums[k]}")
    # the exit status agrees: 2 a file not loaded, 1 a failure, else 0
    want = 2 if sums["errors"] else 1 if sums["failures"] else 0
    if status != want:
        problem(name, f"exit status {status}, the report says {want}")
for kind in ("pass", "failure:fail", "failure:review", "failure:judged", "skipped:review",
             "skipped:waived", "error:input"):
    if kind not in seen:
        problem("all", f"no {kind} met in any report")
print(f"junit: {len(reports)} reports checked")
sys.exit(1 if bad or not reports else 0)
PY
