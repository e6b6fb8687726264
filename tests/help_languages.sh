#!/bin/sh
# help_languages.sh BINARY - each help says the same in both languages, as
# far as a script can tell: the Japanese help (strings.def's S_HELP_ rows)
# names the same options, metavariables and values as the English one, and
# the option lines keep the English layout that completion/isscheck.bash
# reads.  An option added to one language only (a merge that took the
# English line and not its translation) fails here.
set -u
bin=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset ISSCHECK_LANG
# The options (-x, --name) and the choices (ja|en, text|json) a help
# names anywhere, sorted; the metavariables are compared on the option
# lines (below) and the usage lines.
words() {
  grep -o -- '\(^\|[] [(（、。・|,=]\)--\?[a-z][a-z0-9-]*\|[a-z]*|[a-z|]*' "$1" |
    sed 's/^[^-a-z]*//' | grep -v '^[a-z]*$' | sort -u
  grep '^\(usage: \|使い方: \|  *isscheck \)' "$1" | sed -e 's/^usage: //' -e 's/^使い方: //' -e 's/^ *//'
}
# The option lines: two spaces, the option, up to the first run of two spaces
# or the description's column (23: "--review-level LEVEL" fills it).
options() {
  sed -n 's/^  \(-[^ ].*\)$/\1/p' "$1" | sed 's/  .*//' | cut -c1-20 | sed 's/ *$//' | sort -u
}
for c in help check criteria validate init list explain catalogue lsp; do
  "$bin" --lang en help "$c" >"$tmp/en" || { echo "help_languages: help $c --lang en failed" >&2; fail=1; }
  "$bin" help "$c" >"$tmp/ja" || { echo "help_languages: help $c failed" >&2; fail=1; }
  cmp -s "$tmp/en" "$tmp/ja" && { echo "help_languages: help $c: the Japanese is the English" >&2; fail=1; }
  words "$tmp/en" >"$tmp/en.w"
  words "$tmp/ja" >"$tmp/ja.w"
  if ! diff "$tmp/en.w" "$tmp/ja.w" >"$tmp/d"; then
    echo "help_languages: help $c: the languages name different words (< English, > Japanese):" >&2
    cat "$tmp/d" >&2
    fail=1
  fi
  options "$tmp/en" >"$tmp/en.o"
  options "$tmp/ja" >"$tmp/ja.o"
  if ! diff "$tmp/en.o" "$tmp/ja.o" >"$tmp/d"; then
    echo "help_languages: help $c: the option lines differ (< English, > Japanese):" >&2
    cat "$tmp/d" >&2
    fail=1
  fi
done
[ "$fail" = 0 ] && echo "help_languages: ok"
exit $fail
