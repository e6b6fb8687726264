#!/bin/sh
# lint.sh BUILD_DIR - clang-tidy (.clang-tidy) and cppcheck over src/, both
# clean or exit 1.  BUILD_DIR must have compile_commands.json.
set -eu
build=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
clang-tidy -p "$build" --quiet src/lib/*.c src/lib/checks/*.c src/cli/*.c src/lsp/*.c
cppcheck --std=c11 --enable=warning,performance,portability --inline-suppr \
  --library=tests/jansson.cfg \
  --error-exitcode=1 -q -I include -I src/lib src
echo "lint: clang-tidy and cppcheck clean"
