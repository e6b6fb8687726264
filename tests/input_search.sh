#!/bin/sh
# input_search.sh BINARY - inputs never hang and never vanish (issue 13,
# item 6): a folder search takes regular files only; a FIFO, a socket
# named *.yaml, an unreadable subfolder or top folder is an input error
# (exit 2) naming it while the other files are still checked; a FIFO in
# place of a rule file a --criteria manifest lists is an error, not a hang;
# a FIFO named on the command line still streams.  Every run is under
# timeout: a hang fails (status 124) instead of stopping the test.
#
# The unreadable folder needs a user that permissions stop: as root (who
# reads anything) that step runs as nobody through setpriv or runuser;
# when neither works, the step is left out and said so.
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
chmod 755 "$dir" # nobody must reach it
export SOURCE_DATE_EPOCH=1775012400
export ISSCHECK_LANG=en
fail=0
check() { # description, condition...
  d=$1; shift
  if "$@"; then :; else echo "input-search: FAILED: $d" >&2; fail=1; fi
}
run() { timeout 20 "$bin" "$@"; }
rows() { tail -n +2 "$1" | cut -d, -f1 | tr '\n' ' '; } # the files of a summary CSV

# a FIFO named x.yaml (and a socket, when python3 can make one) in a searched folder
mkdir -p "$dir/d/sub"
cp examples/va-pass.yaml "$dir/d/a.yaml"
cp examples/va-fail.yaml "$dir/d/sub/b.yaml"
mkfifo "$dir/d/x.yaml"
run check --summary-csv "$dir/s.csv" "$dir/d" >/dev/null 2>"$dir/err"
status=$?
check "a FIFO in a searched folder does not hang" [ $status -ne 124 ]
check "a FIFO in a searched folder exits 2" [ $status -eq 2 ]
check "the FIFO is named" grep -q "d/x.yaml: error: not a regular file" "$dir/err"
check "the other files are checked" [ "$(rows "$dir/s.csv")" = "$dir/d/a.yaml $dir/d/sub/b.yaml " ]
rm -f "$dir/d/x.yaml"
if /usr/bin/python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$dir/d/sock.yml" 2>/dev/null; then
  run check "$dir/d" >/dev/null 2>"$dir/err"
  check "a socket named *.yml exits 2" [ $? -eq 2 ]
  check "the socket is named" grep -q "d/sock.yml: error: not a regular file" "$dir/err"
  rm -f "$dir/d/sock.yml"
fi

# a FIFO named on the command line still streams from its writer
mkfifo "$dir/named.yaml"
(cat examples/va-pass.yaml >"$dir/named.yaml") &
run check "$dir/named.yaml" >"$dir/out" 2>"$dir/err"
check "a named FIFO streams (exit 0)" [ $? -eq 0 ]
check "a named FIFO's declaration is reported" grep -q "named.yaml" "$dir/out"
rm -f "$dir/named.yaml"

# a FIFO in place of a rule file the manifest lists, and of the manifest
cp -r criteria/iss-3 "$dir/set"
rm "$dir/set/va.yaml"
mkfifo "$dir/set/va.yaml"
run check --criteria "$dir/set" examples/va-pass.yaml >/dev/null 2>"$dir/err"
status=$?
check "a FIFO rule file does not hang" [ $status -ne 124 ]
check "a FIFO rule file exits 2" [ $status -eq 2 ]
check "the FIFO rule file is named" grep -q "set/va.yaml: error: not a regular file" "$dir/err"
run criteria lint "$dir/set" >/dev/null 2>&1
check "criteria lint of a FIFO rule file does not hang" [ $? -eq 2 ]
rm "$dir/set/manifest.yaml"
mkfifo "$dir/set/manifest.yaml"
run check --criteria "$dir/set" examples/va-pass.yaml >/dev/null 2>"$dir/err"
check "a FIFO manifest exits 2 without hanging" [ $? -eq 2 ]
check "the FIFO manifest is named" grep -q "set/manifest.yaml: error: not a regular file" "$dir/err"

# unreadable folders: as a user that permissions stop
as_nobody() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
  elif runuser -u nobody -- true 2>/dev/null; then
    runuser -u nobody -- "$@"
  else
    return 125
  fi
}
mkdir "$dir/d/locked"
cp examples/va-pass.yaml "$dir/d/locked/c.yaml"
chmod -R a+rX "$dir/d"
chmod 000 "$dir/d/locked"
as_nobody timeout 20 "$bin" check --output /dev/null --summary-csv - "$dir/d" >"$dir/s.csv" 2>"$dir/err"
status=$?
if [ $status -eq 125 ]; then
  echo "input-search: no way to run as a user that permissions stop: unreadable folders not tested"
else
  check "an unreadable subfolder exits 2" [ $status -eq 2 ]
  check "the unreadable subfolder is named" grep -q "d/locked: error: cannot search" "$dir/err"
  check "the others are still checked" [ "$(rows "$dir/s.csv")" = "$dir/d/a.yaml $dir/d/sub/b.yaml " ]
  as_nobody timeout 20 "$bin" check "$dir/d/locked" >/dev/null 2>"$dir/err"
  check "an unreadable top folder exits 2" [ $? -eq 2 ]
  check "an unreadable top folder says it cannot be searched" grep -q "locked: error: cannot search" "$dir/err"
  check "an unreadable top folder is not called empty" sh -c "! grep -q 'no \*.yaml' \"\$1\"" _ "$dir/err"
fi
chmod 755 "$dir/d/locked"

[ $fail -eq 0 ] && echo "input-search: all checks passed"
exit $fail
