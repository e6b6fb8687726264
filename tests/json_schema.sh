#!/bin/sh
# json_schema.sh BINARY - every example, a broken file and a batch of both,
# reported with --format json in both languages, validate against
# schema/isscheck-report.schema.json (JSON Schema draft 2020-12, checked
# with Debian's python3-jsonschema).
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400
n=0
for lang in ja en; do
  for f in examples/*-*.yaml tests/golden/err-unknown-key/input.yaml tests/golden/err-invalid-utf8/input.yaml; do
    n=$((n + 1))
    "$bin" check --format json --lang "$lang" "$f" >"$tmp/$n.json" 2>/dev/null || true
  done
  n=$((n + 1))
  "$bin" check --format json --lang "$lang" examples tests/golden/err-unknown-key/input.yaml \
    >"$tmp/$n.json" 2>/dev/null || true
  # waived, judged, expired and not-needed entries (examples/examiner.waivers.yaml)
  n=$((n + 1))
  "$bin" check --format json --lang "$lang" --waivers examples/examiner.waivers.yaml examples \
    >"$tmp/$n.json" 2>/dev/null || true
  # entries that did nothing, one of each problem (isscheck-waivers(5))
  n=$((n + 1))
  "$bin" check --format json --lang "$lang" --waivers tests/golden/waivers-unused/waivers.yaml \
    examples/va-fail.yaml examples/va-pass.yaml >"$tmp/$n.json" 2>/dev/null || true
  n=$((n + 1))
  "$bin" check --format json --lang "$lang" --waivers examples/examiner.waivers.yaml \
    - <tests/golden/waivers-edited/stdin >"$tmp/$n.json" 2>/dev/null || true
  n=$((n + 1))
  "$bin" check --format json --lang "$lang" --rule 'VA-*' --skip VA-T-b examples/multi-category.yaml \
    >"$tmp/$n.json" 2>/dev/null || true
  # against a baseline (tests/baseline/README): compared, other provider, other edition
  n=$((n + 1))
  "$bin" check --format json --lang "$lang" --baseline tests/baseline/round0.json examples \
    >"$tmp/$n.json" 2>/dev/null || true
  n=$((n + 1))
  "$bin" check --format json --lang "$lang" --fail-on new --baseline tests/baseline/other-edition.json \
    examples/va-fail.yaml >"$tmp/$n.json" 2>/dev/null || true
done
/usr/bin/python3 - "$tmp" <<'PY'
import json, pathlib, sys
from jsonschema import Draft202012Validator
schema = json.load(open("schema/isscheck-report.schema.json"))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
assert not v.is_valid({}), "the schema must reject an empty document"
bad = 0
problems = set()
files = sorted(pathlib.Path(sys.argv[1]).glob("*.json"))
for p in files:
    doc = json.loads(p.read_text(encoding="utf-8"))
    for e in v.iter_errors(doc):
        bad += 1
        print(f"{p.name}: {e.json_path}: {e.message}", file=sys.stderr)
    # every report in the run, and the run's status is the worst file's
    if doc["status"] != max([f["status"] for f in doc["files"]] + [0]):
        bad += 1
        print(f"{p.name}: run status {doc['status']} is not the worst file's", file=sys.stderr)
    problems.update(u["problem"] for u in doc.get("unused_waivers", []))
# the unused entries of the runs above: every problem the schema names is met
want = set(schema["properties"]["unused_waivers"]["items"]["properties"]["problem"]["enum"])
if problems != want:
    bad += 1
    print(f"unused_waivers: met {sorted(problems)}, the schema names {sorted(want)}", file=sys.stderr)
print(f"json schema: {len(files)} reports validated, {bad} problems")
sys.exit(1 if bad or not files else 0)
PY
