#!/usr/bin/env bash
# valgrind.sh BUILD_DIR - the unit suites, every golden test and the
# language server's client cases under
# valgrind memcheck: zero errors and no definite leaks, or exit 1.
# BUILD_DIR must be a build without the sanitizers.
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
vg=(valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
  --show-leak-kinds=definite)
fail=0
for t in "$build"/tests/test_*; do
  [ -x "$t" ] || continue
  if ! CK_FORK=no "${vg[@]}" --log-file="$logs/$(basename "$t").log" "$t" >/dev/null; then
    echo "valgrind: $(basename "$t") failed" >&2
    cat "$logs/$(basename "$t").log" >&2
    fail=1
  fi
done
# The golden driver runs this wrapper in place of the binary; valgrind's
# own report goes to a log, so stdout and stderr still compare exactly.
wrapper=$logs/isscheck
cat >"$wrapper" <<WRAP
#!/bin/sh
exec valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
  --show-leak-kinds=definite --log-file="$logs/golden.%p.log" "$build/isscheck" "\$@"
WRAP
chmod +x "$wrapper"
n=0
cd "$root"
for dir in tests/golden/*/; do
  n=$((n + 1))
  if ! tests/golden/run.sh "$wrapper" "${dir%/}" 2>"$logs/diff.txt"; then
    echo "valgrind: golden ${dir%/} failed" >&2
    cat "$logs/diff.txt" >&2
    fail=1
  fi
done
# The language server: the Python client's cases under valgrind (all but
# the 64 MiB message and the 20 MB document, too slow there; no child
# process is forked for the documents these cases open).
if ! ISSCHECK_LSP_TIMEOUT_SCALE=20 python3 tests/lsp/test_lsp.py "$wrapper" session classify encodings hover \
  completion navigation code_actions frames lifecycle cancel crash_free_on_junk >"$logs/lsp.txt" 2>&1; then
  echo "valgrind: the language server's cases failed" >&2
  cat "$logs/lsp.txt" >&2
  fail=1
fi
if grep -l . "$logs"/golden.*.log >/dev/null 2>&1; then
  cat "$logs"/golden.*.log >&2
  fail=1
fi
echo "valgrind: unit suites, $n golden tests and the language server, $([ $fail = 0 ] && echo clean || echo FAILED)"
exit $fail
