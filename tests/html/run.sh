#!/bin/sh
# run.sh BINARY OUTDIR - the HTML report in a real browser: Debian's headless
# Chromium loads each page from a file (offline), and the test fails on any
# console message (an uncaught error, a Content-Security-Policy violation, a
# blocked load: the page logs nothing of its own), or when the DOM Chromium
# leaves after the page's script has run (--dump-dom) does not have exactly
# one matrix cell per result of the JSON report of the same run
# (check_page.py), or shows the open/close buttons hidden (the script did
# not run).  Printed to PDF, every cell is open: when pdftotext (Debian's
# poppler-utils) is there, an English page's PDF must hold one citation per
# result, also when printed filtered and without its script.
# The filters and the sorting are driven through the page's query
# (?show=…&q=…&sort=…&order=…, the state a link to a view carries, set
# by the same code the controls run): check_page.py --query compares the
# cells Chromium hides, and the order it leaves the summary rows in, with
# what the page's own text says they must be.
# Screenshots for people to look at are written to OUTDIR (the build
# directory's html/): a batch with a failing and an unloadable file, and
# the same page opened at one cell (a #fragment opens it).
# Without chromium the test is skipped (exit 77, ctest's SKIP_RETURN_CODE),
# unless ISSCHECK_REQUIRE_BROWSER=1 (as .ci/run sets): then it fails.
# Run from the source root.
set -eu
bin=$1
out=$2
here=$(dirname "$0")
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400 HOME="$tmp"
unset ISSCHECK_LANG
. "$here/browser.sh"
hostile="$tmp/<img src=x onerror=alert(1)> & \"'.yaml"
cp tests/golden/html-hostile/stdin "$hostile"
n=0 fails=0
page() { # page NAME ARGS...: render, load, compare
  name=$1
  shift
  n=$((n + 1))
  "$bin" check --format html "$@" >"$tmp/$name.html" 2>/dev/null || true
  "$bin" check --format json "$@" >"$tmp/$name.json" 2>/dev/null || true
  if ! browse "file://$tmp/$name.html" --dump-dom >"$tmp/$name.dom"; then
    echo "html: $name: chromium failed:" >&2
    tail -5 "$tmp/log" >&2
    fails=$((fails + 1))
    return
  fi
  if grep -E ':CONSOLE|Uncaught' "$tmp/log" >&2; then
    echo "html: $name: console messages (above)" >&2
    fails=$((fails + 1))
  fi
  python3 "$here/check_page.py" "$tmp/$name.html" "$tmp/$name.json" "$tmp/$name.dom" ||
    fails=$((fails + 1))
  # (English pages only: their labels need no CJK font to come out as text)
  if grep -q '<html lang="en">' "$tmp/$name.html"; then
    printed "$name" "$name.html"
  fi
}
printed() { # printed NAME FILE[?QUERY]: every cell of page NAME open in FILE's PDF
  command -v pdftotext >/dev/null || return 0
  browse "file://$tmp/$2" --print-to-pdf="$tmp/$1.pdf" --no-pdf-header-footer >/dev/null || true
  got=$(pdftotext "$tmp/$1.pdf" - 2>/dev/null | grep -c "^Citation" || true)
  want=$(grep -c '<details class="cell ' "$tmp/$1.html" || true)
  if [ "$got" != "$want" ]; then
    echo "html: $2: printed, $got cells open of $want" >&2
    fails=$((fails + 1))
  fi
}
view() { # view NAME QUERY: page NAME's DOM loaded with ?QUERY, checked
  n=$((n + 1))
  if ! browse "file://$tmp/$1.html?$2" --dump-dom >"$tmp/$1.q.dom"; then
    echo "html: $1?$2: chromium failed:" >&2
    tail -5 "$tmp/log" >&2
    fails=$((fails + 1))
    return
  fi
  python3 "$here/check_page.py" --query "$2" "$tmp/$1.html" "$tmp/$1.json" "$tmp/$1.q.dom" ||
    fails=$((fails + 1))
}
page va-fail-ja examples/va-fail.yaml
page batch-en --lang en examples/va-fail.yaml examples/dv-pass.yaml \
  tests/golden/err-unknown-key/input.yaml
page hostile-en --lang en "$hostile" examples/multi-category.yaml
page all-ja examples
view batch-en 'show=fail,review&q=Q-c'
view all-ja 'show=pass,na&q=t-a'
view all-ja 'sort=3&order=desc'
view all-ja 'sort=4'
view all-ja 'sort=1'
view batch-en 'sort=0&order=desc'
# Printed as a user left it, filtered (a printout must not read as the
# whole report while it is not: the filters do not print), and without
# script (its element taken out of a copy).
n=$((n + 2))
printed batch-en 'batch-en.html?show=fail&q=Q-c'
sed '/^<script>/,/^<\/script>$/d' "$tmp/batch-en.html" >"$tmp/batch-en.noscript.html"
grep -q '<script' "$tmp/batch-en.noscript.html" && { echo "html: script left" >&2; fails=$((fails + 1)); }
printed batch-en batch-en.noscript.html
# Screenshots, for people: the batch, and the batch opened at its first cell.
browse "file://$tmp/batch-en.html" --screenshot="$out/batch-en.png" --window-size=1280,1800 \
  >/dev/null || fails=$((fails + 1))
browse "file://$tmp/batch-en.html#file-1-1" --screenshot="$out/batch-en-cell.png" \
  --window-size=1280,1800 >/dev/null || fails=$((fails + 1))
for png in batch-en batch-en-cell; do
  [ -s "$out/$png.png" ] || { echo "html: no screenshot $out/$png.png" >&2; fails=$((fails + 1)); }
done
cp "$tmp/batch-en.html" "$out/batch-en.html"
echo "html: $n pages loaded in $("$chromium" --version 2>/dev/null | head -1), $fails failed; screenshots in $out"
[ "$fails" -eq 0 ]
