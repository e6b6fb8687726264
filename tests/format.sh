#!/bin/sh
# format.sh - every C source and header of the project is as clang-format
# (.clang-format) writes it, or exit 1 naming the files.  Run
# `clang-format -i FILE` on what it names.  Tables laid out by hand are
# fenced with `// clang-format off` / `// clang-format on`.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bad=0
for f in $(git ls-files '*.c' '*.h'); do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "format: $f differs from clang-format's layout" >&2
    bad=1
  fi
done
[ "$bad" = 0 ] && echo "format: every C file as clang-format lays it out"
exit "$bad"
