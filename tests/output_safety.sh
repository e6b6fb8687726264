#!/bin/sh
# output_safety.sh BINARY - --output, --summary-csv and init -o never
# destroy anything (issue 13, item 5): an output that is an input, the
# waivers file, a criteria file or the other output is refused (also
# through a hard link or another spelling) and the file is untouched; a
# FIFO or /dev/null is written in place and stays what it is; '-' is
# standard output; a new file gets the umask's mode, a replaced one keeps
# its own; a 255-byte name works; no temporary file is left; help and
# version to a full disk exit 2.  Every run is under timeout, so a hang
# fails the test instead of stopping it.
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
src=$(pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=1775012400
export ISSCHECK_LANG=en
fail=0
check() { # description, condition...
  d=$1; shift
  if "$@"; then :; else echo "output-safety: FAILED: $d" >&2; fail=1; fi
}
run() { timeout 20 "$bin" "$@"; }
same() { cmp -s "$1" "$2"; }
no_temp() { [ -z "$(find "$dir" -name '.isscheck-*' -print)" ]; }

cp examples/va-pass.yaml "$dir/decl.yaml"
cp examples/va-pass.yaml "$dir/decl.orig"

# the same file as an input declaration: by name, by hard link, by another spelling
run check --output "$dir/decl.yaml" "$dir/decl.yaml" >/dev/null 2>"$dir/err"
check "output = input exits 2" [ $? -eq 2 ]
check "output = input leaves the declaration" same "$dir/decl.yaml" "$dir/decl.orig"
check "output = input is explained" grep -q "decl.yaml: error: is the same file as the input" "$dir/err"
run check --format json --output "$dir/decl.yaml" "$dir/decl.yaml" >/dev/null 2>&1
check "output = input (json) exits 2" [ $? -eq 2 ]
check "output = input (json) leaves the declaration" same "$dir/decl.yaml" "$dir/decl.orig"
ln "$dir/decl.yaml" "$dir/link.yaml"
run check --summary-csv "$dir/link.yaml" examples/va-fail.yaml "$dir/decl.yaml" >/dev/null 2>&1
check "summary = input through a hard link exits 2" [ $? -eq 2 ]
check "summary = input through a hard link leaves it" same "$dir/decl.yaml" "$dir/decl.orig"
mkdir "$dir/sub"
run check --output "$dir/sub/../decl.yaml" "$dir" >/dev/null 2>&1
check "output = a file found by a folder search exits 2" [ $? -eq 2 ]
check "output = a found file leaves it" same "$dir/decl.yaml" "$dir/decl.orig"
rm -f "$dir/link.yaml"
run check --output "$dir/decl.yaml" - <"$dir/decl.yaml" >/dev/null 2>&1
check "output = standard input's file exits 2" [ $? -eq 2 ]
check "output = standard input's file leaves it" same "$dir/decl.yaml" "$dir/decl.orig"
run check "$dir/decl.yaml" >>"$dir/decl.yaml" 2>/dev/null
check "standard output appended to the input exits 2" [ $? -eq 2 ]
check "standard output appended to the input leaves it" same "$dir/decl.yaml" "$dir/decl.orig"

# the same file as the waivers file
cp examples/examiner.waivers.yaml "$dir/w.yaml"
cp examples/examiner.waivers.yaml "$dir/w.orig"
run check --waivers "$dir/w.yaml" --output "$dir/w.yaml" examples/va-fail.yaml >/dev/null 2>&1
check "output = waivers exits 2" [ $? -eq 2 ]
check "output = waivers leaves it" same "$dir/w.yaml" "$dir/w.orig"

# the same file as a rule file or the manifest of a --criteria set
cp -r criteria/iss-3 "$dir/set"
cp "$dir/set/va.yaml" "$dir/va.orig"
run check --criteria "$dir/set" --output "$dir/set/va.yaml" examples/va-pass.yaml >/dev/null 2>&1
check "output = a rule file exits 2" [ $? -eq 2 ]
check "output = a rule file leaves it" same "$dir/set/va.yaml" "$dir/va.orig"
cp "$dir/set/manifest.yaml" "$dir/manifest.orig"
run check --criteria "$dir/set" --summary-csv "$dir/set/./manifest.yaml" examples/va-pass.yaml >/dev/null 2>&1
check "summary = the manifest exits 2" [ $? -eq 2 ]
check "summary = the manifest leaves it" same "$dir/set/manifest.yaml" "$dir/manifest.orig"

# the two outputs are one file: new, existing, through a hard link
run check --output "$dir/r.txt" --summary-csv "$dir/sub/../r.txt" examples/va-pass.yaml >/dev/null 2>&1
check "output = summary (new file) exits 2" [ $? -eq 2 ]
check "output = summary (new file) writes nothing" [ ! -e "$dir/r.txt" ]
printf 'old\n' >"$dir/r.txt"
ln "$dir/r.txt" "$dir/r-link.txt"
run check --output "$dir/r.txt" --summary-csv "$dir/r-link.txt" examples/va-pass.yaml >/dev/null 2>&1
check "output = summary through a hard link exits 2" [ $? -eq 2 ]
check "output = summary through a hard link leaves it" [ "$(cat "$dir/r.txt")" = old ]
rm -f "$dir/r.txt" "$dir/r-link.txt"

# '-' is standard output; both '-' is a usage error
(cd "$dir" && run check --output - "$src/examples/va-pass.yaml" >"$dir/stdout.txt" 2>/dev/null)
check "--output - exits 0" [ $? -eq 0 ]
check "--output - writes the report on standard output" grep -q "va-pass.yaml" "$dir/stdout.txt"
check "--output - creates no file named -" [ ! -e "$dir/-" ]
(cd "$dir" && run check --output "$dir/r.txt" --summary-csv - "$src/examples/va-pass.yaml" >"$dir/stdout.csv" 2>/dev/null)
check "--summary-csv - writes the CSV on standard output" grep -q "^file,provider," "$dir/stdout.csv"
check "--summary-csv - with --output FILE writes the report there" grep -q "va-pass.yaml" "$dir/r.txt"
rm -f "$dir/r.txt"
(cd "$dir" && run check --output - --summary-csv - "$src/examples/va-pass.yaml" >"$dir/both.txt" 2>"$dir/err")
check "--output - --summary-csv - exits 2" [ $? -eq 2 ]
check "--output - --summary-csv - writes nothing" [ ! -s "$dir/both.txt" ] && [ ! -e "$dir/-" ]
check "--output - --summary-csv - is a usage error" grep -q "Try 'isscheck help'" "$dir/err"

# a FIFO is written in place: its reader gets the report, it stays a FIFO
mkfifo "$dir/fifo"
timeout 20 cat "$dir/fifo" >"$dir/from-fifo" &
reader=$!
run check --output "$dir/fifo" examples/va-pass.yaml 2>/dev/null
check "--output FIFO exits 0" [ $? -eq 0 ]
wait $reader
check "the FIFO's reader got the report" grep -q "va-pass.yaml" "$dir/from-fifo"
check "the FIFO is still a FIFO" [ -p "$dir/fifo" ]
timeout 20 cat "$dir/fifo" >"$dir/from-fifo" &
reader=$!
run init --category va -o "$dir/fifo" 2>/dev/null
check "init -o FIFO exits 0" [ $? -eq 0 ]
wait $reader
check "the FIFO's reader got the template" grep -q "persons" "$dir/from-fifo"
check "the FIFO is still a FIFO after init" [ -p "$dir/fifo" ]

# a character device: /dev/null's own device node, made in the test's
# folder, so that a writer that renames over it (as root, it could) never
# replaces the system's /dev/null; skipped when mknod is not allowed
if mknod "$dir/null" c 1 3 2>/dev/null; then
  run check --output "$dir/null" --summary-csv "$dir/null" examples/va-pass.yaml 2>/dev/null
  check "--output to /dev/null's device exits 0" [ $? -eq 0 ]
  check "/dev/null's device is still a character device" [ -c "$dir/null" ]
fi

# /dev/stdout and /dev/stderr: links into /proc/self/fd, made here so that
# a writer that renames over them can only ever replace the test's own
ln -s /proc/self/fd/1 "$dir/stdout-link"
ln -s /proc/self/fd/2 "$dir/stderr-link"
run check --output "$dir/stdout-link" examples/va-pass.yaml >"$dir/via-link.txt" 2>/dev/null
check "--output /dev/stdout (a file) exits 0" [ $? -eq 0 ]
check "--output /dev/stdout (a file) writes standard output" grep -q "va-pass.yaml" "$dir/via-link.txt"
check "/dev/stdout is still a link" [ -L "$dir/stdout-link" ]
run check --output "$dir/stdout-link" examples/va-pass.yaml 2>/dev/null | cat >"$dir/via-pipe.txt"
check "--output /dev/stdout (a pipe) writes standard output" grep -q "va-pass.yaml" "$dir/via-pipe.txt"
check "/dev/stdout is still a link after a pipe" [ -L "$dir/stdout-link" ]
run check --output "$dir/stderr-link" examples/va-pass.yaml 2>"$dir/stderr.txt" >/dev/null
check "--output /dev/stderr (a file) exits 2" [ $? -eq 2 ]
check "/dev/stderr is still a link" [ -L "$dir/stderr-link" ]
run check --summary-csv "$dir/stdout-link" examples/va-pass.yaml >"$dir/via-link.txt" 2>/dev/null
check "--summary-csv /dev/stdout with the report on standard output exits 2" [ $? -eq 2 ]

# modes: the umask's for a new file, the old one's for a replaced file
(umask 077 && run check --output "$dir/m077.txt" examples/va-pass.yaml >/dev/null 2>&1)
check "umask 077 gives a new file 0600" [ "$(stat -c %a "$dir/m077.txt")" = 600 ]
(umask 022 && run check --output "$dir/m022.txt" examples/va-pass.yaml >/dev/null 2>&1)
check "umask 022 gives a new file 0644" [ "$(stat -c %a "$dir/m022.txt")" = 644 ]
printf 'old\n' >"$dir/m600.txt"
chmod 600 "$dir/m600.txt"
(umask 022 && run check --output "$dir/m600.txt" examples/va-pass.yaml >/dev/null 2>&1)
check "a replaced 0600 file stays 0600" [ "$(stat -c %a "$dir/m600.txt")" = 600 ]
check "a replaced 0600 file holds the new report" grep -q "va-pass.yaml" "$dir/m600.txt"
(umask 077 && run init --category va -o "$dir/init077.yaml" 2>/dev/null)
check "init -o under umask 077 gives 0600" [ "$(stat -c %a "$dir/init077.yaml")" = 600 ]
cp "$dir/init077.yaml" "$dir/init.orig"
run init --category va,dv -o "$dir/init077.yaml" 2>"$dir/err"
check "init -o over a file exits 2" [ $? -eq 2 ]
check "init -o never overwrites" same "$dir/init077.yaml" "$dir/init.orig"
check "init -o over a file says so" grep -q "does not overwrite it" "$dir/err"

# a symbolic link is replaced itself; what it points to is left alone
printf 'not mine\n' >"$dir/pointed.txt"
ln -s pointed.txt "$dir/sym.txt"
run check --output "$dir/sym.txt" examples/va-pass.yaml 2>/dev/null
check "--output over a symbolic link exits 0" [ $? -eq 0 ]
check "the file a link points to is left alone" [ "$(cat "$dir/pointed.txt")" = "not mine" ]
check "the link is replaced by the report" sh -c '[ ! -L "$1" ] && grep -q va-pass.yaml "$1"' _ "$dir/sym.txt"

# a name at NAME_MAX (255 bytes): the temporary file's name is its own
long=$(printf '%0251d' 0).txt
run check --output "$dir/$long" examples/va-pass.yaml 2>"$dir/err"
check "a 255-byte name exits 0" [ $? -eq 0 ]
check "a 255-byte name is written" grep -q "va-pass.yaml" "$dir/$long"
run check --output "$dir/$long" examples/va-pass.yaml 2>/dev/null
check "a 255-byte name is replaced" [ $? -eq 0 ]
check "no temporary file is left" no_temp

# a text report in a file holds what standard output would
run check --output "$dir/r.txt" examples/va-pass.yaml tests/golden/err-unknown-key/input.yaml 2>/dev/null
run check examples/va-pass.yaml tests/golden/err-unknown-key/input.yaml >"$dir/r.stdout" 2>/dev/null
check "a text report in a file = standard output" same "$dir/r.txt" "$dir/r.stdout"

# a run stopped by a signal while its temporary file is open removes it:
# a FIFO declaration without a writer holds the run after the outputs
# are opened
mkfifo "$dir/stuck.yaml"
timeout 20 "$bin" check --output "$dir/stopped.txt" "$dir/stuck.yaml" >/dev/null 2>&1 &
pid=$!
i=0
while [ $i -lt 100 ] && no_temp; do sleep 0.1; i=$((i + 1)); done
appeared=yes
no_temp && appeared=no
check "the run under test has its temporary file open" [ $appeared = yes ]
kill -TERM $pid 2>/dev/null
wait $pid
check "SIGTERM stops the run" [ $? -ne 0 ]
check "SIGTERM leaves no temporary file" no_temp
check "SIGTERM writes no report" [ ! -e "$dir/stopped.txt" ]
rm -f "$dir/stuck.yaml"

# help and version to a full disk
if [ -w /dev/full ]; then
  for args in "--help" "--version" "help" "help check" "help init" "check --help" "init --help" \
    "criteria --help" "criteria list"; do
    # shellcheck disable=SC2086
    run $args >/dev/full 2>"$dir/err"
    check "$args >/dev/full exits 2" [ $? -eq 2 ]
    check "$args >/dev/full says so" grep -q "<stdout>: error: cannot write" "$dir/err"
  done
fi
check "no temporary file is left at the end" no_temp

[ $fail -eq 0 ] && echo "output-safety: all checks passed"
exit $fail
