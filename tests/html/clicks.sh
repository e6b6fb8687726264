#!/bin/sh
# clicks.sh BINARY - the HTML report's controls driven as a user drives
# them, in headless Chromium: clicks on the verdict boxes, text typed into
# the filter, clicks, Enter and Space on the summary's headings (a second
# click reverses the order), every control focused (clicks.py says how and
# what it checks after each step).  run.sh sets the same state through the
# page's query; this test runs the event handlers themselves.  A copy of
# each page carries the test's script (its hash added to the page's
# policy); what the page showed after each step comes back in the DOM
# Chromium dumps.  Last the page is reloaded, with and without a query:
# it must show the query's view again (or everything).  The same test is
# run on copies with a handler broken, and must fail them.  Skipped (exit 77) without chromium, as run.sh.  Run from
# the source root.
set -eu
bin=$1
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400 HOME="$tmp" PYTHONDONTWRITEBYTECODE=1 # (it imports check_page)
unset ISSCHECK_LANG
. "$here/browser.sh"
n=0 fails=0
render() { # render NAME ARGS...: the page of a run
  name=$1
  shift
  "$bin" check --format html "$@" >"$tmp/$name.html" 2>/dev/null || true
}
drive() { # drive NAME QUERY TEXT [OLD NEW]: add the test (break the page), load ?QUERY, compare
  name=$1 query=$2 text=$3
  shift 3
  python3 "$here/clicks.py" prepare "$tmp/$name.html" "$tmp/$name.t.html" "$text" "$@" || return 1
  if ! browse "file://$tmp/$name.t.html${query:+?$query}" --dump-dom >"$tmp/$name.dom"; then
    echo "html: $name: chromium failed:" >&2
    tail -5 "$tmp/log" >&2
    return 1
  fi
  if grep -E ':CONSOLE|Uncaught' "$tmp/log" >&2; then
    echo "html: $name: console messages (above)" >&2
    return 1
  fi
  python3 "$here/clicks.py" check "$tmp/$name.html" "$tmp/$name.dom" "$text" "$query"
}
render batch-en --lang en examples/va-fail.yaml examples/dv-pass.yaml \
  tests/golden/err-unknown-key/input.yaml
render all-ja examples
# Mixed case and spaces around: the filter ignores both.  all-ja is loaded
# with a query (a link to a view): reloaded, it shows the query's view.
n=$((n + 2))
drive batch-en '' ' q-C ' || fails=$((fails + 1))
drive all-ja 'show=pass,review,fail,na&q=%E5%AF%BE%E8%B1%A1&sort=5&order=desc' 'T-A' || fails=$((fails + 1))
# The same test must fail when a handler is broken: typing not listened
# to, a second click that does not reverse, Enter and Space not taken.
for mutant in "filter.addEventListener('input',apply);@" \
  "col===by&&!desc@false" "(e.key==='Enter'||e.key===' ')@false"; do
  n=$((n + 1))
  if drive batch-en '' ' q-C ' "${mutant%%@*}" "${mutant#*@}" >"$tmp/mutant" 2>&1; then
    echo "html: the page with ${mutant%%@*} broken passed the test" >&2
    fails=$((fails + 1))
  else
    echo "html: ${mutant%%@*} broken: caught ($(grep -m1 '^html:' "$tmp/mutant" | cut -c1-160))"
  fi
done
echo "html: $n pages driven in $("$chromium" --version 2>/dev/null | head -1), $fails failed"
[ "$fails" -eq 0 ]
