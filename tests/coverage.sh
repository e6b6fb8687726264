#!/bin/sh
# coverage.sh - line and branch coverage of src/ by the test suite.
#
# Configures an instrumented build (-DISSCHECK_COVERAGE=ON) in its own
# directory, builds it, runs every test with ctest (unit suites, golden tests,
# documentation examples), then prints gcovr's per-file line and branch tables
# and the summary for src/ only.  Exits non-zero when a test fails or when the
# coverage is below the targets below.
#
# Environment:
#   BUILD=DIR   build directory (default: build-cov under the source root)
#   HTML=DIR    also write an annotated HTML report (DIR/index.html)
#   JOBS=N      parallel build and test jobs (default: nproc)
# Needs gcovr (apt-get install gcovr) and gcc's gcov.
set -eu

LINE_TARGET=90   # per cent of the lines of src/ executed
BRANCH_TARGET=80 # per cent of the branches of src/ taken

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build-cov}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

command -v gcovr >/dev/null || { echo "coverage.sh: gcovr not found (apt-get install gcovr)" >&2; exit 2; }

mkdir -p "$build"
log=$build/coverage-build.log
if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DISSCHECK_COVERAGE=ON \
         -DISSCHECK_TESTS=ON -DISSCHECK_SANITIZE=OFF -DISSCHECK_FUZZ=OFF &&
       cmake --build "$build" -j "$jobs"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "coverage.sh: the instrumented build failed" >&2
  exit 2
fi
# Counters of an earlier run would add up with this one's.
find "$build" -name '*.gcda' -delete

tests_ok=0
ctest --test-dir "$build" -j "$jobs" --output-on-failure || tests_ok=$?

# gcov runs once, into a JSON tracefile; the reports below read it.  Only
# the objects of src/ are searched: the test programs each compile
# fixture.c, and gcovr 5 trips over merging those copies.
trace=$build/coverage.json
gcovr -r "$root" --filter "$root/src/" \
  --exclude-unreachable-branches --exclude-throw-branches \
  --json "$trace" "$build/CMakeFiles"

echo
echo "== Lines (src/) =="
gcovr -a "$trace" -r "$root" --txt
echo "== Branches (src/) =="
gcovr -a "$trace" -r "$root" --txt --branches
if [ -n "${HTML:-}" ]; then
  mkdir -p "$HTML"
  gcovr -a "$trace" -r "$root" --html-details "$HTML/index.html"
  echo "HTML report: $HTML/index.html"
fi

status=0
gcovr -a "$trace" -r "$root" --print-summary --fail-under-line "$LINE_TARGET" \
  --fail-under-branch "$BRANCH_TARGET" >"$build/coverage-summary.txt" || status=$?
grep -E '^(lines|branches):' "$build/coverage-summary.txt"
echo "targets: lines >= $LINE_TARGET%, branches >= $BRANCH_TARGET%"
case $status in
  0) ;;
  2) echo "coverage.sh: line coverage below $LINE_TARGET%" >&2 ;;
  4) echo "coverage.sh: branch coverage below $BRANCH_TARGET%" >&2 ;;
  6) echo "coverage.sh: line coverage below $LINE_TARGET% and branch coverage below $BRANCH_TARGET%" >&2 ;;
  *) echo "coverage.sh: gcovr failed (status $status)" >&2 ;;
esac
if [ "$tests_ok" != 0 ]; then
  echo "coverage.sh: some tests failed (ctest status $tests_ok)" >&2
  [ "$status" != 0 ] || status=1
fi
exit "$status"
