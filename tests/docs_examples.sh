#!/bin/sh
# docs_examples.sh BINARY - runs every command example of README.md and the
# man pages, so the docs cannot rot.
#
# README.md: each line in a ```sh block that starts with "isscheck " or
# "./build/isscheck " is run (with the binary under test), and must exit
# with the status a trailing "# exit N" comment gives (0 when none).
# Man pages: each ".Dl isscheck ..." line is run the same way.
set -u
bin=$1
fails=0 runs=0
export SOURCE_DATE_EPOCH=1775012400
unset ISSCHECK_LANG
run() { # command-line, expected status, origin
  cmd=$(printf '%s' "$1" | sed -e 's/[[:space:]]*#.*$//' -e 's/^\.\/build\/isscheck /isscheck /' -e 's/^isscheck //')
  runs=$((runs + 1))
  # shellcheck disable=SC2086
  eval "\"\$bin\" $cmd" >/dev/null 2>&1 </dev/null
  got=$?
  if [ "$got" != "$2" ]; then
    echo "docs: '$1' ($3) exited $got, expected $2" >&2
    fails=$((fails + 1))
  fi
}
expected() { printf '%s' "$1" | sed -n 's/.*# exit \([0-9]\).*/\1/p'; }
tmp=$(mktemp)
# examples that write files (criteria export ~/...) write them into a
# home of their own, removed afterwards
HOME=$(mktemp -d)
export HOME
trap 'rm -f "$tmp"; rm -rf "$HOME"' EXIT
awk '/^```sh/{on=1;next} /^```/{on=0} on' README.md | grep -E '^(\./build/)?isscheck ' >"$tmp" || true
while IFS= read -r line; do
  e=$(expected "$line"); run "$line" "${e:-0}" README.md
done <"$tmp"
for page in man/*.[1-9]; do
  [ -f "$page" ] || continue
  sed -n 's/^\.Dl //p' "$page" | grep -E '^isscheck ' | sed 's/\\-/-/g; s/\\&//g' >"$tmp" || true
  while IFS= read -r line; do
    e=$(expected "$line"); run "$line" "${e:-0}" "$page"
  done <"$tmp"
done
echo "docs: $runs examples run, $fails failed"
[ "$runs" -gt 0 ] && [ "$fails" -eq 0 ]
