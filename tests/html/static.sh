#!/bin/sh
# static.sh BINARY - the HTML report (--format html) of every example in
# both languages, of a batch with a file that cannot be loaded, and of the
# hostile declaration of tests/golden/html-hostile (read as a file whose
# name is itself markup), and of --show, checked against the JSON report of the same run by
# check_page.py: one cell per result, the Content-Security-Policy's hash
# that of the script, nothing loaded, no element the reporter did not
# write.  Needs no browser (tests/html/run.sh is the browser test).  Run
# from the source root.
set -eu
bin=$1
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400
unset ISSCHECK_LANG
hostile="$tmp/<img src=x onerror=alert(1)> & \"'.yaml"
cp tests/golden/html-hostile/stdin "$hostile"
n=0 fails=0
check() { # check [--show LIST] ARGS...: html and json of the same run, compared
  n=$((n + 1))
  show=
  if [ "$1" = --show ]; then
    show=$2
    shift 2
  fi
  "$bin" check --format html ${show:+--show "$show"} "$@" >"$tmp/$n.html" 2>/dev/null || true
  "$bin" check --format json ${show:+--show "$show"} "$@" >"$tmp/$n.json" 2>/dev/null || true
  python3 "$here/check_page.py" ${show:+--show "$show"} "$tmp/$n.html" "$tmp/$n.json" >/dev/null ||
    fails=$((fails + 1))
}
for lang in ja en; do
  for f in examples/*.yaml; do
    check --lang "$lang" "$f"
  done
  check --lang "$lang" examples tests/golden/err-unknown-key/input.yaml
  check --lang "$lang" --strict --rule 'VA-*' "$hostile" examples/va-fail.yaml
  check --show fail,review --lang "$lang" examples tests/golden/err-unknown-key/input.yaml
  check --show na,waived --lang "$lang" --waivers examples/examiner.waivers.yaml \
    examples/va-fail.yaml
done
echo "html: $n reports checked, $fails failed"
[ "$fails" -eq 0 ]
