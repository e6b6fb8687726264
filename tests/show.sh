#!/bin/sh
# show.sh BINARY - what --show may change and what it may not: the machine
# formats (json, sarif, junit) and the summary CSV are byte for byte those
# of the same run without it; the human formats (text, markdown, html) are
# byte for byte the same whatever -j, and each lists fewer results than
# without --show (so the option did something).  Run from the source root.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400
unset ISSCHECK_LANG
set -- examples tests/golden/err-unknown-key/input.yaml
waivers=examples/examiner.waivers.yaml
fails=0
fail() {
  echo "show: $*" >&2
  fails=$((fails + 1))
}
for fmt in json sarif junit; do
  "$bin" check --format "$fmt" --waivers "$waivers" "$@" >"$tmp/all.$fmt" 2>/dev/null
  "$bin" check --format "$fmt" --waivers "$waivers" --show fail,waived "$@" >"$tmp/show.$fmt" \
    2>/dev/null
  cmp -s "$tmp/all.$fmt" "$tmp/show.$fmt" || fail "--format $fmt: --show changed the report"
done
"$bin" check --output "$tmp/r1" --summary-csv "$tmp/all.csv" "$@" 2>/dev/null
"$bin" check --output "$tmp/r2" --summary-csv "$tmp/show.csv" --show review "$@" 2>/dev/null
cmp -s "$tmp/all.csv" "$tmp/show.csv" || fail "--summary-csv: --show changed the CSV"
for fmt in text markdown html; do
  "$bin" check --format "$fmt" --waivers "$waivers" "$@" >"$tmp/all.$fmt" 2>/dev/null
  "$bin" check --format "$fmt" --waivers "$waivers" --show fail,waived "$@" >"$tmp/j1.$fmt" \
    2>/dev/null
  "$bin" check -j 3 --format "$fmt" --waivers "$waivers" --show fail,waived "$@" \
    >"$tmp/j3.$fmt" 2>/dev/null
  cmp -s "$tmp/j1.$fmt" "$tmp/j3.$fmt" || fail "--format $fmt --show: -j 3 differs from -j 1"
  [ "$(wc -c <"$tmp/j1.$fmt")" -lt "$(wc -c <"$tmp/all.$fmt")" ] ||
    fail "--format $fmt: --show left nothing out"
done
grep -q 'WAIVED\|免除' "$tmp/j1.text" || fail "--show waived: no waived result listed"
if grep -q '^\[\(適合\|要確認\|対象外\)' "$tmp/j1.text"; then
  fail "--show fail,waived: the text lists another verdict"
fi
echo "show: $fails failed"
[ "$fails" -eq 0 ]
