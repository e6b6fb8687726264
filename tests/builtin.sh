#!/bin/sh
# builtin.sh BINARY BUILD_DIR CMAKE GENERATOR - the criteria built into the
# binary.
#
# - the binary copied alone into an empty folder and run from there with
#   env -i checks an example exactly as the build tree's binary does, and
#   its init writes no $schema modeline (there is no schema beside it);
# - criteria export writes criteria/ back byte for byte, and never over an
#   existing file;
# - ISSCHECK_CRITERIA: a colon-separated list of set folders below
#   --criteria and above the built-in sets; empty elements skipped, an
#   empty variable is an unset one;
# - an installed prefix, moved, still works, init's modeline included;
# - the generator refuses a set that loads but has a lint error.
# Run from the source root.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
build=$2
cmake=$3
gen=$4
src=$(pwd)
tmp=$(mktemp -d)
tmp=$(cd "$tmp" && pwd -P)
trap 'rm -rf "$tmp"' EXIT
fail=0
err() { echo "builtin: $*" >&2; fail=1; }
export SOURCE_DATE_EPOCH=1775012400
unset ISSCHECK_CRITERIA ISSCHECK_LANG

# ---- the binary alone ----
mkdir "$tmp/alone"
cp "$bin" "$tmp/alone/isscheck"
(cd "$tmp/alone" && env -i ./isscheck check "$src/examples/va-pass.yaml" >"$tmp/a.out" 2>"$tmp/a.err"; echo $? >"$tmp/a.st")
(cd "$tmp/alone" && env -i "$bin" check "$src/examples/va-pass.yaml" >"$tmp/b.out" 2>"$tmp/b.err"; echo $? >"$tmp/b.st")
for f in out err st; do
  cmp -s "$tmp/a.$f" "$tmp/b.$f" || err "alone: $f differs from the build tree's binary"
done
[ "$(cat "$tmp/a.st")" = 0 ] || err "alone: check exited $(cat "$tmp/a.st"), expected 0"
grep -q . "$tmp/a.out" || err "alone: check printed nothing"
[ "$(ls -A "$tmp/alone")" = isscheck ] || err "alone: the run left files beside the binary"
(cd "$tmp/alone" && env -i ./isscheck criteria list --lang en) >"$tmp/list" 2>&1 || err "alone: criteria list failed"
grep -q '^  from:     built-in:iss-3$' "$tmp/list" || err "alone: criteria list does not say built-in:iss-3"
(cd "$tmp/alone" && env -i ./isscheck init --category va >"$tmp/init.yaml") || err "alone: init failed"
if grep -q 'yaml-language-server' "$tmp/init.yaml"; then
  err "alone: init wrote a \$schema modeline, but there is no schema beside the binary"
fi
head -n 1 "$tmp/init.yaml" | grep -q '^# va ' || err "alone: init's first line is not the categories line"
(cd "$tmp/alone" && env -i ./isscheck validate - <"$tmp/init.yaml" >/dev/null) ||
  err "alone: the template without modeline does not validate"

# ---- criteria export ----
"$bin" criteria export "$tmp/exp" || err "export: exit $?"
diff -r "$src/criteria" "$tmp/exp" >&2 || err "export: differs from criteria/"
"$bin" criteria export "$tmp/exp" 2>"$tmp/e.err"
st=$?
[ $st = 2 ] || err "export over an export: exit $st, expected 2"
grep -q "^$tmp/exp/iss-3/aud.yaml: error: .*criteria export" "$tmp/e.err" ||
  err "export over an export: no error naming the first existing file"
diff -r "$src/criteria" "$tmp/exp" >/dev/null || err "export over an export changed files"
mkdir -p "$tmp/exp2/iss-3"
echo mine >"$tmp/exp2/iss-3/va.yaml"
"$bin" criteria export "$tmp/exp2" 2>/dev/null
st=$?
[ $st = 2 ] || err "export over one file: exit $st, expected 2"
[ "$(cat "$tmp/exp2/iss-3/va.yaml")" = mine ] || err "export overwrote a file"
[ "$(find "$tmp/exp2" -type f | wc -l)" = 1 ] || err "a refused export still wrote files"
"$bin" criteria export 2>/dev/null
[ $? = 2 ] || err "export without DIR: expected exit 2"
: >"$tmp/plain"
"$bin" criteria export "$tmp/plain/sub" 2>/dev/null
[ $? = 2 ] || err "export under a regular file: expected exit 2"

# ---- ISSCHECK_CRITERIA ----
"$bin" criteria list --lang en >"$tmp/l0"
ISSCHECK_CRITERIA= "$bin" criteria list --lang en >"$tmp/l1" || err "env: empty variable fails"
cmp -s "$tmp/l0" "$tmp/l1" || err "env: an empty ISSCHECK_CRITERIA is not the same as unset"
all="$tmp/exp/iss-3:$tmp/exp/pt-draft:$tmp/exp/trust-2025-10"
ISSCHECK_CRITERIA=$all "$bin" check examples/va-pass.yaml >"$tmp/c1"
"$bin" check examples/va-pass.yaml >"$tmp/c0"
cmp -s "$tmp/c0" "$tmp/c1" || err "env: the exported sets do not check as the built-in ones"
ISSCHECK_CRITERIA=$all "$bin" criteria list --lang en >"$tmp/l2"
[ "$(grep -c '(ISSCHECK_CRITERIA)$' "$tmp/l2")" = 3 ] || err "env: criteria list does not name ISSCHECK_CRITERIA thrice"
grep -q 'built-in:' "$tmp/l2" && err "env: a built-in set is still listed beside its replacement"
ISSCHECK_CRITERIA="::$tmp/exp/iss-3::" "$bin" criteria list --lang en >"$tmp/l3" || err "env: empty elements fail"
[ "$(grep -c '(ISSCHECK_CRITERIA)$' "$tmp/l3")" = 1 ] || err "env: empty elements are not skipped"
ISSCHECK_CRITERIA="$tmp/nope" "$bin" criteria list >/dev/null 2>"$tmp/e2"
[ $? = 2 ] || err "env: a missing folder is not exit 2"
grep -q "$tmp/nope/manifest.yaml" "$tmp/e2" || err "env: the error does not name the missing folder"
ISSCHECK_CRITERIA="$tmp/exp/iss-3:$tmp/exp/iss-3" "$bin" criteria list >/dev/null 2>"$tmp/e3"
[ $? = 2 ] || err "env: the same edition twice is not exit 2"
grep -q "ISSCHECK_CRITERIA gives 'meti-iss'" "$tmp/e3" ||
  grep -q "ISSCHECK_CRITERIA が 'meti-iss'" "$tmp/e3" || err "env: the same edition twice is not named"
# --criteria ranks above ISSCHECK_CRITERIA: a local edit of a title shows
cp -R "$tmp/exp/iss-3" "$tmp/edit"
sed 's/^title: .*/title: "local edition"/' "$tmp/exp/iss-3/manifest.yaml" >"$tmp/edit/manifest.yaml"
ISSCHECK_CRITERIA="$tmp/exp/iss-3" "$bin" criteria list --lang en --criteria "$tmp/edit" >"$tmp/l4"
grep -q 'title:    local edition' "$tmp/l4" || err "env + --criteria: the --criteria set does not win"
grep -q "from:     $tmp/edit (--criteria)" "$tmp/l4" || err "env + --criteria: not named as --criteria"
grep -q '(ISSCHECK_CRITERIA)' "$tmp/l4" && err "env + --criteria: the replaced set is still listed"
ISSCHECK_CRITERIA="$tmp/edit" "$bin" explain --lang en VA-T-a >"$tmp/x1"
grep -q "^Criteria: $tmp/edit, in force" "$tmp/x1" || err "env: explain does not use the ISSCHECK_CRITERIA set"

# ---- no YAML parsed for the built-in sets ----
# A breakpoint on libyaml's parser: never reached by commands that use
# only built-in sets, reached once ISSCHECK_CRITERIA gives a set (so the
# probe itself works).  Skipped without gdb.
yaml_hits() { # command... : how often yaml_parser_initialize was reached
  ASAN_OPTIONS=detect_leaks=0 gdb -nx -batch -ex 'set breakpoint pending on' \
    -ex 'break yaml_parser_initialize' -ex run -ex 'info breakpoints' --args "$@" </dev/null 2>&1 |
    sed -n 's/.*breakpoint already hit \([0-9]*\) time.*/\1/p'
}
if command -v gdb >/dev/null 2>&1; then
  for cmd in "--version" "criteria list" "list" "explain VA-T-a" "init --category va"; do
    # shellcheck disable=SC2086
    n=$(yaml_hits "$bin" $cmd)
    [ -z "$n" ] || err "no-yaml: '$cmd' parsed YAML with built-in sets only"
  done
  n=$(ISSCHECK_CRITERIA="$tmp/exp/iss-3" yaml_hits "$bin" --version)
  [ -n "$n" ] || err "no-yaml: the probe does not see ISSCHECK_CRITERIA's set being parsed"
else
  echo "builtin: gdb not installed, the no-YAML probe is skipped" >&2
fi

# ---- a moved install prefix ----
"$cmake" --install "$build" --prefix "$tmp/p" >/dev/null || err "cmake --install failed"
[ -e "$tmp/p/share/isscheck/criteria" ] && err "install: share/isscheck/criteria is still installed"
mv "$tmp/p" "$tmp/q"
"$tmp/q/bin/isscheck" check examples/va-pass.yaml >"$tmp/m.out" 2>&1 || err "moved: check failed"
cmp -s "$tmp/c0" "$tmp/m.out" || err "moved: check output differs from the build tree's"
"$tmp/q/bin/isscheck" init --category va >"$tmp/m.yaml" || err "moved: init failed"
want="# yaml-language-server: \$schema=file://$tmp/q/share/isscheck/schema/isscheck-declaration.schema.json"
[ "$(head -n 1 "$tmp/m.yaml")" = "$want" ] || err "moved: init's modeline is '$(head -n 1 "$tmp/m.yaml")', expected '$want'"
test -f "$tmp/q/share/isscheck/schema/isscheck-declaration.schema.json" || err "moved: no schema"

# ---- the generator lints ----
"$gen" "$tmp/gen.c" "$tmp/exp/pt-draft" || err "generator: the exported pt-draft does not generate"
grep -q 'iss_builtin_sets' "$tmp/gen.c" || err "generator: no table of sets in its output"
cp -R "$tmp/exp/pt-draft" "$tmp/bad"
sed 's/^clauses: \[/clauses: [第9章 9, /' "$tmp/exp/pt-draft/manifest.yaml" >"$tmp/bad/manifest.yaml"
"$bin" check --criteria "$tmp/bad" examples/va-pass.yaml >/dev/null 2>&1 ||
  err "generator: the lint-only error set does not even load"
"$gen" "$tmp/bad.c" "$tmp/bad" 2>"$tmp/gen.err"
[ $? = 1 ] || err "generator: a set with a lint error did not fail"
grep -q "clause '第9章 9' has no rule" "$tmp/gen.err" || err "generator: the lint error is not printed"
[ -e "$tmp/bad.c" ] && err "generator: wrote output for a set that failed"

[ $fail = 0 ] && echo "builtin: all checks passed"
exit $fail
