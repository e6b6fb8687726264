#!/bin/sh
# output_atomic.sh BINARY - --output replaces the file only with a whole
# report: a failed run leaves the old file as it was and no temporary file
# behind; a write error on standard output is exit 2, not a silent cut.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=1775012400
export ISSCHECK_LANG=en # the messages checked below are the English ones
fail=0
check() { # description, condition...
  d=$1; shift
  if "$@"; then :; else echo "output: FAILED: $d" >&2; fail=1; fi
}
printf 'old report\n' >"$dir/report.json"

# a usage error: nothing is written
"$bin" check --format json --output "$dir/report.json" --as-of 2026-02-30 examples/va-pass.yaml 2>/dev/null
check "usage error exits 2" [ $? -eq 2 ]
check "usage error keeps the old file" [ "$(cat "$dir/report.json")" = "old report" ]

# an unwritable place: exit 2, message names the file
err=$("$bin" check --output "$dir/no-such-dir/report.txt" examples/va-pass.yaml 2>&1 >/dev/null)
check "missing directory exits 2" [ $? -eq 2 ]
check "missing directory is named" sh -c "printf '%s' \"\$1\" | grep -q 'no-such-dir/report.txt: error: cannot write'" _ "$err"

# a run that completes replaces the file whole, even with an input error in the batch
"$bin" check --format json --output "$dir/report.json" examples/va-pass.yaml \
  tests/golden/err-unknown-key/input.yaml 2>/dev/null
check "batch with an input error exits 2" [ $? -eq 2 ]
check "the report was written" grep -q '"format":"isscheck-report"' "$dir/report.json"
check "the error is in the report" grep -q "unknown key 'qualifcations'" "$dir/report.json"
check "no temporary file is left" [ "$(ls "$dir" | wc -l)" -eq 1 ]

# a full disk on standard output
if [ -w /dev/full ]; then
  "$bin" check examples/va-pass.yaml >/dev/full 2>/dev/null
  check "writing to a full disk exits 2" [ $? -eq 2 ]
fi
# a closed pipe: the reader goes away before the report is written
status=$( { "$bin" check examples/ 2>"$dir/pipe.err"; echo $? >"$dir/pipe.status"; } | true; cat "$dir/pipe.status")
check "a closed pipe exits 2" [ "$status" -eq 2 ]
check "a closed pipe is reported" grep -q "<stdout>: error: cannot write" "$dir/pipe.err"
rm -f "$dir/pipe.err" "$dir/pipe.status"

[ $fail -eq 0 ] && echo "output: all checks passed"
exit $fail
