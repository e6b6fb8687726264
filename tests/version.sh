#!/bin/sh
# version.sh BINARY VERSION - the version comes from one place: --version
# prints CMake's project(VERSION) (given here as VERSION), then, in a git
# checkout, the commit the build was configured from, then each criteria
# edition with its digest; a report's header has the version and no commit.
# Run from the source root.
set -u
bin=$1 want=$2
fail=0
out=$("$bin" --version) || { echo "version: --version failed" >&2; exit 1; }
first=$(printf '%s\n' "$out" | sed -n 1p)
[ "$first" = "isscheck $want" ] || { echo "version: first line '$first', expected 'isscheck $want'" >&2; fail=1; }
commit=$(printf '%s\n' "$out" | sed -n 's/^commit: //p')
top=$(git rev-parse --show-toplevel 2>/dev/null || true)
if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(pwd -P)" ]; then
  # configured from this checkout: the line starts with what git describes
  # (a build configured from a dirty tree adds -dirty)
  desc=$(git describe --tags --always --abbrev=12)
  case $commit in
    "$desc" | "$desc"-dirty) ;;
    *) echo "version: commit '$commit', expected '$desc' (git describe)" >&2; fail=1 ;;
  esac
else
  [ -z "$commit" ] || { echo "version: a commit line outside git: '$commit'" >&2; fail=1; }
fi
# one criteria line per edition `criteria list` shows, with the same digest
n=$(printf '%s\n' "$out" | grep -c '^criteria: .*, digest [0-9a-f]\{16\}, ')
[ "$n" -ge 1 ] || { echo "version: no criteria line with a digest" >&2; fail=1; }
for d in $("$bin" criteria list | grep -o '\b[0-9a-f]\{16\}\b'); do
  printf '%s\n' "$out" | grep -q "digest $d," || { echo "version: digest $d of criteria list missing" >&2; fail=1; }
done
# reports carry the version, never the commit
rep=$(SOURCE_DATE_EPOCH=1775012400 "$bin" check --lang en examples/va-pass.yaml)
printf '%s\n' "$rep" | grep -q "^isscheck $want\$" || { echo "version: the report header lacks 'isscheck $want'" >&2; fail=1; }
if [ -n "$commit" ]; then
  printf '%s\n' "$rep" | grep -qF "$commit" && { echo "version: the report names the commit" >&2; fail=1; }
fi
[ $fail -eq 0 ] && echo "version: isscheck $want${commit:+ ($commit)}, $n editions"
exit $fail
