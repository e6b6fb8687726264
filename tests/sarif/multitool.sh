#!/bin/sh
# multitool.sh BINARY - the SARIF SDK's own validator (npm package
# @microsoft/sarif-multitool, `validate --rule-kind "Gh;Sarif"`: the SARIF
# text's rules and GitHub code scanning's) reports nothing on the SARIF
# logs of a pass, a fail, a review under each --review-level, files that
# cannot be loaded (a key, an encoding error), a batch of them all and a
# run with waivers, in Japanese and English.  Skipped (77) when the
# validator is not installed: SARIF_MULTITOOL names its binary
# (node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool), else it
# is looked for under npm's global root.  A declaration read from standard
# input is left out: its results name no file, and GitHub wants one
# (GH1015); code scanning needs the file named.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
tool=${SARIF_MULTITOOL:-}
if [ -z "$tool" ] && command -v npm >/dev/null 2>&1; then
  tool=$(npm root -g 2>/dev/null)/@microsoft/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
  [ -x "$tool" ] || tool=$(npm root -g 2>/dev/null)/@microsoft/sarif-multitool-linux/Sarif.Multitool
fi
if [ -z "$tool" ] || [ ! -x "$tool" ]; then
  echo "multitool: the SARIF multitool is not installed (set SARIF_MULTITOOL): skipped"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400
n=0
log() {
  n=$((n + 1))
  "$bin" check --format sarif "$@" >"$tmp/$n.sarif" 2>/dev/null || true
}
for lang in ja en; do
  log --lang "$lang" examples/va-pass.yaml
  log --lang "$lang" examples/va-fail.yaml
  log --lang "$lang" --review-level note examples/va-pass.yaml
  log --lang "$lang" --review-level none examples/va-pass.yaml
  log --lang "$lang" tests/golden/err-unknown-key/input.yaml
  log --lang "$lang" tests/golden/err-invalid-utf8/input.yaml
  log --lang "$lang" examples tests/golden/err-unknown-key/input.yaml \
    tests/golden/err-invalid-utf8/input.yaml
  log --lang "$lang" --waivers examples/examiner.waivers.yaml examples/va-fail.yaml \
    examples/va-pass.yaml
done
"$tool" validate --rule-kind "Gh;Sarif" -o "$tmp/out.json" "$tmp"/*.sarif >"$tmp/out.txt" 2>&1 || {
  cat "$tmp/out.txt"
  exit 1
}
/usr/bin/python3 - "$tmp/out.json" "$n" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
found = [r for run in doc["runs"] for r in run.get("results", [])]
for r in found:
    loc = r.get("locations", [{}])[0].get("physicalLocation", {}).get("artifactLocation", {})
    print(f"multitool: {loc.get('uri')}: {r.get('level')} {r.get('ruleId')}: "
          f"{r.get('message', {}).get('text', '')[:200]}", file=sys.stderr)
print(f"multitool: {sys.argv[2]} logs validated, {len(found)} problems")
sys.exit(1 if found else 0)
PY
