#!/bin/sh
# validate.sh BINARY - the SARIF 2.1.0 report (--format sarif) of every
# example, of files that cannot be loaded, of a batch of both, of an absolute
# path, of standard input, with each --review-level and against a baseline, in Japanese and English: each log validates
# against tests/sarif/sarif-schema-2.1.0.json (draft-07, Debian's
# python3-jsonschema) and keeps the rules of the SARIF text that the schema
# cannot express (check_sarif.py); each is compared with the --format json
# report of the same command, and rendering twice gives the same bytes.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400
n=0

# case LANG STDIN ARGS...: one command, in sarif (twice) and in json.
case_() {
  n=$((n + 1))
  lang=$1 in=$2
  shift 2
  printf '%s\n' "$lang" "$@" >"$tmp/$n.args"
  for f in sarif again json; do
    fmt=$f
    [ "$f" = again ] && fmt=sarif
    set +e
    "$bin" check --format "$fmt" --lang "$lang" "$@" <"$in" >"$tmp/$n.$f" 2>/dev/null
    echo $? >"$tmp/$n.$f.status"
    set -e
  done
}

for lang in ja en; do
  for f in examples/*-*.yaml tests/golden/err-unknown-key/input.yaml \
    tests/golden/err-invalid-utf8/input.yaml; do
    case_ "$lang" /dev/null "$f"
  done
  case_ "$lang" /dev/null examples tests/golden/err-unknown-key/input.yaml
  case_ "$lang" /dev/null "$PWD/examples/aud-fail.yaml"
  case_ "$lang" examples/va-fail.yaml -
  case_ "$lang" /dev/null --waivers examples/examiner.waivers.yaml examples/va-fail.yaml \
    examples/va-pass.yaml
  for level in warning note none; do
    case_ "$lang" /dev/null --review-level "$level" --waivers examples/examiner.waivers.yaml \
      examples/va-fail.yaml examples/va-pass.yaml tests/golden/err-unknown-key/input.yaml
  done
  # against a baseline (tests/baseline/README): new, unchanged, absent, updated, not compared
  case_ "$lang" /dev/null --baseline tests/baseline/round0.json examples/va-fail.yaml \
    examples/va-pass.yaml examples/aud-fail.yaml
  case_ "$lang" /dev/null --baseline tests/baseline/round1.json --waivers \
    examples/examiner.waivers.yaml examples/va-fail.yaml examples/va-pass.yaml
  case_ "$lang" /dev/null --baseline tests/baseline/other-edition.json examples/va-fail.yaml
  # entries that did nothing: notifications at the entries
  case_ "$lang" /dev/null --waivers tests/golden/waivers-unused/waivers.yaml examples/va-fail.yaml \
    examples/va-pass.yaml
done

/usr/bin/python3 "$here/check_sarif.py" "$here/sarif-schema-2.1.0.json" "$tmp"
