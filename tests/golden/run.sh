#!/bin/sh
# run.sh BINARY CASE_DIR - one golden test of the command line.
#
# CASE_DIR/args holds the arguments (one line, split by the shell, paths
# relative to the source root, where this runs); optional CASE_DIR/stdin is
# fed to standard input and CASE_DIR/env holds VAR=value lines.  The test
# passes when stdout, stderr and the exit status equal expected.stdout,
# expected.stderr and expected.status.  With UPDATE=1 the expected files are
# rewritten from the current output instead (review the diff before
# committing).
set -u
bin=$1
dir=$2
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
args=$(cat "$dir/args")
stdin=/dev/null
[ -f "$dir/stdin" ] && stdin=$dir/stdin
(
  unset ISSCHECK_LANG LANG LC_ALL
  export SOURCE_DATE_EPOCH=1775012400 # 2026-04-01 12:00 in Japan, for runs without a date
  if [ -f "$dir/env" ]; then
    while IFS= read -r line; do [ -n "$line" ] && export "$line"; done <"$dir/env"
  fi
  # shellcheck disable=SC2086
  eval "\"\$bin\" $args" <"$stdin" >"$out" 2>"$err"
  echo $? >"$out.status"
)
status=$(cat "$out.status"); rm -f "$out.status"
# The source root is where the tree was cloned (--version prints the criteria
# folder under it): the expected files spell it @SRCDIR@.
for src in "$(pwd)" "$(pwd -P)"; do
  root=$(printf '%s\n' "$src" | sed 's/[][\\.*^$|]/\\&/g')
  for f in "$out" "$err"; do
    sed "s|$root|@SRCDIR@|g" "$f" >"$f.n" && mv "$f.n" "$f"
  done
done
# The tool's version (CMake's project(VERSION)) is spelled @VERSION@, so a
# release changes no golden file; the commit line of --version, which
# changes with every commit and is absent outside git, is left out
# (tests/version.sh checks both against the source).  The version is read
# from CMakeLists.txt, which this runs beside, not asked of the binary
# (which valgrind.sh runs slowly).
version=$(sed -n 's/^project(isscheck VERSION \([0-9.]*\) .*/\1/p' CMakeLists.txt | sed 's/[][\\.*^$|]/\\&/g')
if [ -n "$version" ]; then
  for f in "$out" "$err"; do
    sed -e "s|isscheck $version|isscheck @VERSION@|g" \
        -e "s|\"name\":\"isscheck\",\"version\":\"$version\"|\"name\":\"isscheck\",\"version\":\"@VERSION@\"|g" \
        -e '/^commit: /d' "$f" >"$f.n" && mv "$f.n" "$f"
  done
fi
if [ "${UPDATE:-}" = 1 ]; then
  cp "$out" "$dir/expected.stdout"
  cp "$err" "$dir/expected.stderr"
  echo "$status" >"$dir/expected.status"
  exit 0
fi
fail=0
for f in stdout stderr; do
  want=$dir/expected.$f
  [ -f "$want" ] || want=/dev/null
  got=$out; [ $f = stderr ] && got=$err
  if ! diff -u "$want" "$got" >&2; then
    echo "golden: $f differs for $dir" >&2
    fail=1
  fi
done
want_status=$(cat "$dir/expected.status" 2>/dev/null || echo 0)
if [ "$status" != "$want_status" ]; then
  echo "golden: exit status $status, expected $want_status for $dir" >&2
  fail=1
fi
exit $fail
