#!/bin/sh
# ci_fingerprints.sh BINARY - GitLab's Code Quality fingerprints are what
# GitLab tells new from fixed by, so they must not move between rounds:
#   - the same declarations give the same fingerprints with and without a
#     --baseline (the [new]/[unchanged] mark is in the description only);
#   - an entry of --waivers that did nothing keeps its fingerprint when
#     lines are added above it, and the same entry pinned to a digest
#     gets another;
#   - no fingerprint is used twice in a run.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=1775012400
unset ISSCHECK_LANG
entry='  - rule: VA-T-b
    provider: 株式会社みなと監査サービス
    reason: r
    decided_by: e
    expires: 2030-01-01'
printf 'isscheck: 1\nwaivers:\n%s\n' "$entry" >"$dir/w.yaml"
# the same entry pinned to a declaration: another target, another fingerprint
printf 'isscheck: 1\nwaivers:\n  # a comment\n  # and another\n%s\n%s\n    declaration_sha256: %s\n' \
  "$entry" "$entry" 0000000000000000000000000000000000000000000000000000000000000000 >"$dir/w2"
run() { "$bin" check --format gitlab --lang en "$@" examples/va-fail.yaml examples/va-pass.yaml; }
run >"$dir/plain.json"
run --baseline tests/baseline/round0.json >"$dir/base.json"
run --waivers "$dir/w.yaml" >"$dir/w1.json"
# the next round of the same waivers file: the fingerprint is of its name
mv "$dir/w2" "$dir/w.yaml"
run --waivers "$dir/w.yaml" >"$dir/w2.json"
/usr/bin/python3 - "$dir" <<'PY'
import json, os, sys
d = sys.argv[1]
load = lambda n: json.load(open(os.path.join(d, n), encoding="utf-8"))
problems = []
plain, base, w1, w2 = (load(n + ".json") for n in ("plain", "base", "w1", "w2"))
fp = lambda issues: [(i["check_name"], i["location"]["path"], i["fingerprint"]) for i in issues]
if fp(plain) != fp(base):
    problems.append("a --baseline changes the fingerprints")
if not any(i["description"].startswith("[new] ") for i in base):
    problems.append("no [new] mark with a baseline")
if any(i["description"].startswith("[") for i in plain):
    problems.append("a mark without a baseline")
unused = lambda issues: [i for i in issues if i["check_name"] == "ISS-WAIVER-UNUSED"]
u1, u2 = unused(w1), unused(w2)
if len(u1) != 1 or len(u2) != 2:
    problems.append(f"{len(u1)} and {len(u2)} unused entries, expected 1 and 2")
else:
    if u1[0]["location"]["lines"]["begin"] == u2[0]["location"]["lines"]["begin"]:
        problems.append("the entry did not move: the test proves nothing")
    if u1[0]["fingerprint"] != u2[0]["fingerprint"]:
        problems.append("the unused entry's fingerprint moved with its line")
    if u2[0]["fingerprint"] == u2[1]["fingerprint"]:
        problems.append("two entries of different targets share a fingerprint")
    if u1[0]["severity"] != "info":
        problems.append(f"a provider absent from the run is {u1[0]['severity']}, not info")
for name, doc in (("plain", plain), ("base", base), ("w1", w1), ("w2", w2)):
    fps = [i["fingerprint"] for i in doc]
    if len(set(fps)) != len(fps):
        problems.append(f"{name}: a fingerprint used twice")
for p in problems:
    print("ci-fingerprints:", p)
sys.exit(1 if problems else 0)
PY
