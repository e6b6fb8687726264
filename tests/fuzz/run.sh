#!/usr/bin/env bash
# run.sh [SECONDS] - build the libFuzzer harnesses with clang and run each
# for SECONDS (default 60), seeded from examples/ and the shipped criteria.
# Crashes are left as crash-* files in the current directory: each becomes
# a regression test.
set -eu
secs=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build-fuzz}
CC=clang cmake -S "$root" -B "$build" -DISSCHECK_FUZZ=ON -DISSCHECK_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$corpus/decl" "$corpus/reader" "$corpus/criteria" "$corpus/classify" "$corpus/lsp"
cp "$root"/examples/*.yaml "$corpus/decl/"
cp "$root"/examples/*.yaml "$corpus/reader/"
find "$root/tests/golden" -name '*.yaml' -exec cp {} "$corpus/decl/" \; 2>/dev/null || true
cp "$root"/criteria/iss-3/*.yaml "$corpus/criteria/"
cp "$root"/examples/*.yaml "$root"/examples/ci/*.in "$corpus/classify/"
# sessions of the language server: each example opened, changed, hovered
python3 "$root/tests/fuzz/lsp_seeds.py" "$root" "$corpus/lsp"
status=0
for h in reader decl criteria classify lsp; do
  log=$corpus/$h.log
  if "$build/tests/fuzz/fuzz_$h" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
    -dict="$root/tests/fuzz/$([ $h = lsp ] && echo lsp || echo yaml).dict" -print_final_stats=1 "$corpus/$h" >"$log" 2>&1; then
    echo "fuzz_$h: $secs s, $(sed -n 's/^stat::number_of_executed_units: *//p' "$log") executions, nothing found"
  else
    echo "fuzz_$h: FAILED" >&2
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" >&2 || tail -20 "$log" >&2
    status=1
  fi
done
exit $status
