#!/bin/sh
# static.sh BINARY [REFERENCE_BINARY] - the static build
# (-DISSCHECK_STATIC=ON) is one self-contained binary: `file` says
# statically linked, `ldd` finds no dynamic dependency, and the binary,
# whose criteria are built in, copied alone into an empty directory and run
# with an empty environment (env -i) checks examples/va-pass.yaml with the
# same bytes of output as the normal build: the golden output
# tests/golden/va-pass/expected.stdout (which the normal build's own test
# asserts), and, when given (or named by ISSCHECK_STATIC_REFERENCE), what
# REFERENCE_BINARY, a normal build, prints.  Run from the source root.
set -u
bin=$(realpath "$1") ref=${2:-${ISSCHECK_STATIC_REFERENCE:-}}
fail=0
err() { echo "static: $*" >&2; fail=1; }
command -v file >/dev/null || { echo "static: 'file' is not installed" >&2; exit 1; }
# "static-pie linked" is file's name for a static PIE, what -static-pie
# makes (loaded at a random address, still no dynamic dependency)
case $(file -b "$bin") in
  *"statically linked"* | *"static-pie linked"*) ;;
  *) err "file does not say statically linked: $(file -b "$bin")" ;;
esac
case $(file -b "$bin") in
  *"interpreter "* | *"dynamically linked"*) err "file names a dynamic loader: $(file -b "$bin")" ;;
esac
# ldd says "not a dynamic executable" for a static binary, "statically
# linked" for a static PIE, and lists nothing
lddout=$(LC_ALL=C ldd "$bin" 2>&1)
case $lddout in
  *"=>"* | *"ld-linux"*) err "ldd lists dependencies: $lddout" ;;
  *"not a dynamic executable"* | *"statically linked"*) ;;
  *) err "ldd does not say static: $lddout" ;;
esac
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/alone" "$dir/examples"
cp "$bin" "$dir/alone/isscheck"
cp examples/va-pass.yaml "$dir/examples/"
[ "$(ls -A "$dir/alone")" = isscheck ] || err "the directory holds more than the binary"
# from the directory above the binary's, so that the declaration's path in
# the report is examples/va-pass.yaml, as in the golden file
( cd "$dir" && env -i alone/isscheck check examples/va-pass.yaml >"$dir/out" 2>"$dir/err" )
status=$?
[ "$status" -eq 0 ] || { err "the binary alone exited $status"; cat "$dir/err" >&2; }
[ ! -s "$dir/err" ] || { err "the binary alone wrote to standard error"; cat "$dir/err" >&2; }
version=$("$bin" --version | sed -n '1s/^isscheck //p')
sed "s/@VERSION@/$version/g" tests/golden/va-pass/expected.stdout >"$dir/want"
cmp -s "$dir/want" "$dir/out" || { err "output differs from the golden file"; diff "$dir/want" "$dir/out" | head -20 >&2; }
if [ -n "$ref" ]; then
  env -i "$ref" check examples/va-pass.yaml >"$dir/ref" 2>/dev/null
  cmp -s "$dir/ref" "$dir/out" || { err "output differs from $ref's"; diff "$dir/ref" "$dir/out" | head -20 >&2; }
fi
[ $fail -eq 0 ] && echo "static: $(wc -c <"$bin") bytes, statically linked, alone under env -i (built-in criteria): same output"
exit $fail
