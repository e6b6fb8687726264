#!/bin/sh
# ci_examples.sh BINARY - the CI integrations shipped in examples/ci and
# .pre-commit-hooks.yaml run as written: the pre-commit entry with the
# files pre-commit would pass, and each pipeline's isscheck command on a
# copy of examples/ laid out as declarations/.
set -u
bin=$1
root=$(pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=1775012400
mkdir -p "$dir/bin" "$dir/declarations"
ln -s "$bin" "$dir/bin/isscheck"
cp examples/*-pass.yaml examples/multi-category.yaml "$dir/declarations/"
PATH=$dir/bin:$PATH
fail=0
# pre-commit: `entry` followed by the matching files
entry=$(sed -n 's/^  entry: //p' .pre-commit-hooks.yaml)
[ -n "$entry" ] || { echo "ci: no entry in .pre-commit-hooks.yaml" >&2; exit 1; }
( cd "$dir" && $entry declarations/va-pass.yaml declarations/dv-pass.yaml >/dev/null ) || {
  echo "ci: the pre-commit entry failed on passing declarations" >&2; fail=1; }
( cd "$dir" && $entry "$root/examples/va-fail.yaml" >/dev/null )
[ $? -eq 1 ] || { echo "ci: the pre-commit entry did not fail on a failing declaration" >&2; fail=1; }
# each pipeline's isscheck lines, as written
ran=0
for f in examples/ci/github-actions.yml.in examples/ci/github-annotations.yml.in \
  examples/ci/gitlab-ci.yml.in; do
  cmds=$(grep -o 'isscheck check [^|]*declarations/' "$f")
  [ -n "$cmds" ] || { echo "ci: no isscheck command in $f" >&2; fail=1; continue; }
  while IFS= read -r cmd; do
    ran=$((ran + 1))
    rm -f "$dir"/isscheck.csv
    ( cd "$dir" && eval "$cmd" >"$dir/stdout" ) || { echo "ci: '$cmd' from $f failed" >&2; fail=1; }
    out=$(printf '%s' "$cmd" | sed -n 's/.*--output \([^ ]*\).*/\1/p')
    if [ -n "$out" ]; then
      [ -s "$dir/$out" ] || { echo "ci: $f wrote no $out" >&2; fail=1; }
    else # annotations on standard output: commands and the count line only
      grep -v -e '^::\(error\|warning\|notice\) ' -e '^isscheck: ' "$dir/stdout" >&2 &&
        { echo "ci: $f: a line that is not an annotation" >&2; fail=1; }
      [ -s "$dir/stdout" ] || { echo "ci: $f printed nothing" >&2; fail=1; }
    fi
    case $cmd in
      *--summary-csv*) [ -s "$dir/isscheck.csv" ] || { echo "ci: $f wrote no summary CSV" >&2; fail=1; } ;;
    esac
  done <<EOF_CMDS
$cmds
EOF_CMDS
done
[ $fail -eq 0 ] && echo "ci: pre-commit hook and $ran pipeline commands ran as written"
exit $fail
