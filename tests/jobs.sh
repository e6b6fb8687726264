#!/bin/sh
# jobs.sh BINARY - `check -j 4` (and -j 0, one job per core) writes the
# same bytes as `-j 1`: standard output, standard error, --summary-csv and
# exit status, in every format, over examples/ plus files that cannot be
# loaded (in the middle of the list and at its end, so their parts come
# out of order) and standard input read twice; and over the benchmark's
# corpus (bench/gen.py, the size of bench/run --quick), more files than
# the writer lets wait.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=1775012400
files="examples tests/golden/err-unknown-key/input.yaml examples/va-pass.yaml
tests/golden/err-duplicate-key/input.yaml /nonexistent/decl.yaml - examples/df-fail.yaml -"
fail=0
# compare NAME EXPECTED-STATUS ARGS...: -j 4 and -j 0 against -j 1
compare() {
  name=$1 want=$2
  shift 2
  for format in text json sarif junit markdown html github gitlab; do
    for j in 1 4 0; do
      "$bin" check -j "$j" --format "$format" --summary-csv "$dir/$format-$j.csv" "$@" \
        <examples/mon-pass.yaml >"$dir/$format-$j.out" 2>"$dir/$format-$j.err"
      echo $? >"$dir/$format-$j.status"
    done
    for j in 4 0; do
      for part in out err csv status; do
        if ! cmp -s "$dir/$format-1.$part" "$dir/$format-$j.$part"; then
          echo "jobs: $name, --format $format: -j $j and -j 1 differ in $part:"
          diff "$dir/$format-1.$part" "$dir/$format-$j.$part" | head -20
          fail=1
        fi
      done
    done
    if [ ! -s "$dir/$format-1.out" ] || [ "$(cat "$dir/$format-1.status")" != "$want" ]; then
      echo "jobs: $name, --format $format: expected a report and exit status $want"
      fail=1
    fi
  done
}
# shellcheck disable=SC2086
compare examples 2 $files
# against a baseline, read once before the workers start (tests/baseline/README)
compare baseline 1 --baseline tests/baseline/round0.json examples
# and with waivers: the entries that did nothing come from every file's part
compare waivers 1 --baseline tests/baseline/round0.json \
  --waivers tests/golden/waivers-unused/waivers.yaml examples
if command -v python3 >/dev/null; then
  python3 bench/gen.py "$dir/corpus" --count 60 --big-persons 100 >/dev/null || fail=1
  # some files fail (the planted defects), none is an input error
  compare "bench corpus" 1 "$dir/corpus/batch"
  if [ "$(grep -c '^[^,]*decl-[0-9]*\.yaml,' "$dir/text-1.csv")" != 60 ]; then
    echo "jobs: bench corpus: the summary does not have a row for each of the 60 files"
    fail=1
  fi
else
  echo "jobs: python3 not found: the bench corpus part is skipped"
fi
# more jobs than files, and the option's spellings
for args in "-j8 examples/va-pass.yaml" "--jobs=3 examples/va-pass.yaml" \
  "--jobs 2 examples/va-pass.yaml"; do
  # shellcheck disable=SC2086
  "$bin" check $args >"$dir/one.out" 2>&1 || { echo "jobs: '$args' failed"; fail=1; }
  "$bin" check examples/va-pass.yaml | cmp -s - "$dir/one.out" || { echo "jobs: '$args' differs"; fail=1; }
done
for bad in "-j -1" "-j x" "--jobs=" "-j 1025" "--jobsx 2"; do
  # shellcheck disable=SC2086
  "$bin" check $bad examples/va-pass.yaml >/dev/null 2>"$dir/bad.err"
  st=$?
  if [ "$st" != 2 ] || ! grep -q "^isscheck: error: " "$dir/bad.err"; then
    echo "jobs: '$bad': exit $st, expected a usage error"
    fail=1
  fi
done
exit $fail
