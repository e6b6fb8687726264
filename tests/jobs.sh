#!/bin/sh
# jobs.sh BINARY - `check -j 4` writes the same bytes as `-j 1`: standard
# output, standard error, --summary-csv and exit status, in text, json and
# sarif, over examples/ plus files that cannot be loaded (in the middle of
# the list and at its end, so their slots are filled out of order) and
# standard input read twice.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=1775012400
files="examples tests/golden/err-unknown-key/input.yaml examples/va-pass.yaml
tests/golden/err-duplicate-key/input.yaml /nonexistent/decl.yaml - examples/df-fail.yaml -"
fail=0
for format in text json sarif; do
  for j in 1 4; do
    # shellcheck disable=SC2086
    "$bin" check -j "$j" --format "$format" --summary-csv "$dir/$format-$j.csv" $files \
      <examples/mon-pass.yaml >"$dir/$format-$j.out" 2>"$dir/$format-$j.err"
    echo $? >"$dir/$format-$j.status"
  done
  for part in out err csv status; do
    if ! cmp -s "$dir/$format-1.$part" "$dir/$format-4.$part"; then
      echo "jobs: --format $format: -j 4 and -j 1 differ in $part:"
      diff "$dir/$format-1.$part" "$dir/$format-4.$part" | head -20
      fail=1
    fi
  done
  if [ ! -s "$dir/$format-1.out" ] || [ "$(cat "$dir/$format-1.status")" != 2 ]; then
    echo "jobs: --format $format: expected a report and exit status 2"
    fail=1
  fi
done
# more jobs than files, and the option's spellings
for args in "-j8 examples/va-pass.yaml" "--jobs=3 examples/va-pass.yaml" \
  "--jobs 2 examples/va-pass.yaml"; do
  # shellcheck disable=SC2086
  "$bin" check $args >"$dir/one.out" 2>&1 || { echo "jobs: '$args' failed"; fail=1; }
  "$bin" check examples/va-pass.yaml | cmp -s - "$dir/one.out" || { echo "jobs: '$args' differs"; fail=1; }
done
for bad in "-j 0" "-j x" "--jobs=" "-j 1025" "--jobsx 2"; do
  # shellcheck disable=SC2086
  "$bin" check $bad examples/va-pass.yaml >/dev/null 2>"$dir/bad.err"
  st=$?
  if [ "$st" != 2 ] || ! grep -q "^isscheck: error: " "$dir/bad.err"; then
    echo "jobs: '$bad': exit $st, expected a usage error"
    fail=1
  fi
done
exit $fail
