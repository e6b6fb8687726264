#!/bin/sh
# catalogue_schema.sh BINARY - isscheck catalogue --format json, over the
# built-in criteria (whole, by each type, by every list the standard names,
# a list with no entry), a catalogue with control characters and two
# editions carrying entries, validates against
# schema/isscheck-catalogue.schema.json (JSON Schema draft 2020-12, checked
# with Debian's python3-jsonschema); and the entries, counted by type, are
# the whole catalogue.  Run from the source root.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" catalogue --format json >"$tmp/all.json"
for t in qualification community training standard result_handling compliance education; do
  "$bin" catalogue --format json --type "$t" >"$tmp/type-$t.json"
done
for l in 1-1 1-2 1-3 1-4 1-5 2-1 2-2 2-3 3-1 3-2 3-3 3-4 4-1 4-2 4-3 4-4 5-1 5-2 6-1 6-2 7-1 7-2 7-3 7-4 7-5; do
  "$bin" catalogue --format json --reiji "$l" >"$tmp/list-$l.json"
done
"$bin" catalogue --format json --criteria tests/golden/catalogue-hostile/set >"$tmp/hostile.json"
ISSCHECK_CRITERIA=tests/golden/catalogue-editions/pt "$bin" catalogue --format json >"$tmp/editions.json"
/usr/bin/python3 - "$tmp" <<'PY'
import json, pathlib, sys
from jsonschema import Draft202012Validator
schema = json.load(open("schema/isscheck-catalogue.schema.json"))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
assert not v.is_valid({}), "the schema must reject an empty document"
d = pathlib.Path(sys.argv[1])
bad = 0
files = sorted(d.glob("*.json"))
for p in files:
    doc = json.loads(p.read_text(encoding="utf-8"))
    for e in v.iter_errors(doc):
        bad += 1
        print(f"{p.name}: {e.json_path}: {e.message}", file=sys.stderr)
def ids(name):
    return [e["id"] for e in json.loads((d / name).read_text(encoding="utf-8"))["entries"]]
every = ids("all.json")
by_type = sum((ids(f"type-{t}.json") for t in ["qualification", "community", "training", "standard",
                                                 "result_handling", "compliance", "education"]), [])
if sorted(every) != sorted(by_type) or not every:
    bad += 1
    print("the entries by type are not the whole catalogue", file=sys.stderr)
for p in d.glob("list-*.json"):
    doc = json.loads(p.read_text(encoding="utf-8"))
    if doc["reiji_has_entries"] != bool(doc["entries"]) or any(doc["reiji"] not in e["lists"] for e in doc["entries"]):
        bad += 1
        print(f"{p.name}: reiji_has_entries or an entry's lists disagree", file=sys.stderr)
if len({(e["document"], e["edition"]) for e in json.loads((d / "editions.json").read_text(encoding="utf-8"))["entries"]}) != 2:
    bad += 1
    print("editions.json: entries of two editions expected", file=sys.stderr)
print(f"catalogue schema: {len(files)} documents validated, {bad} problems")
sys.exit(1 if bad or not files else 0)
PY
