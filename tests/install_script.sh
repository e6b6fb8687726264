#!/bin/sh
# install_script.sh DIST - the install step of the CI templates
# (examples/ci/install-isscheck.sh, which both templates call as
# ci/install-isscheck.sh) against a locally built release in DIST
# (scripts/release): the version the templates pin is this one; a file://
# URL and a plain path with the right SHA-256 install a working static
# binary; a wrong checksum, a tampered archive and a malformed checksum
# fail and install nothing; with no checksum it builds from source
# (ISSCHECK_REPO: this repository, at HEAD).  .ci/run runs it.  Run from
# the source root.
set -u
dist=$(realpath "$1")
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
err() { echo "install-script: $*" >&2; fail=1; }
version=$(sed -n 's/^project(isscheck VERSION \([0-9.]*\) .*/\1/p' CMakeLists.txt)
name=isscheck-$version-linux-x86_64-static.tar.gz
sum=$(sed -n "s/^\([0-9a-f]\{64\}\)  $name\$/\1/p" "$dist/SHA256SUMS")
[ -n "$sum" ] || { echo "install-script: no $name in $dist/SHA256SUMS" >&2; exit 1; }

# the templates call the script and pin this version
for t in examples/ci/github-actions.yml.in examples/ci/github-annotations.yml.in \
  examples/ci/gitlab-ci.yml.in; do
  grep -q 'sh ci/install-isscheck.sh$' "$t" || err "$t does not run ci/install-isscheck.sh"
  grep -q "ISSCHECK_VERSION: \"$version\"" "$t" || err "$t does not pin version $version"
  grep -q 'ISSCHECK_SHA256: ' "$t" || err "$t has no ISSCHECK_SHA256"
done

# a user's repository with the script where the templates expect it
mkdir -p "$tmp/repo/ci"
cp examples/ci/install-isscheck.sh "$tmp/repo/ci/"
# run_install PREFIX SHA256 URL [more VAR=value]: runs the templates' command
run_install() {
  p=$1 s=$2 u=$3
  shift 3
  ( cd "$tmp/repo" && env ISSCHECK_PREFIX="$p" ISSCHECK_VERSION="$version" ISSCHECK_SHA256="$s" \
      ISSCHECK_RELEASE_URL="$u" ISSCHECK_REPO= "$@" sh ci/install-isscheck.sh ) >"$tmp/log" 2>&1
}
static_ok() { file -b "$1/bin/isscheck" 2>/dev/null | grep -Eq 'statically linked|static-pie linked'; }

run_install "$tmp/p1" "$sum" "file://$dist" || { err "file:// with the right checksum failed"; cat "$tmp/log" >&2; }
static_ok "$tmp/p1" || err "file://: no static bin/isscheck installed"
[ -f "$tmp/p1/share/man/man1/isscheck.1.gz" ] || err "file://: no man page installed"
run_install "$tmp/p2" "$sum" "$dist/" || { err "a plain path with the right checksum failed"; cat "$tmp/log" >&2; }
static_ok "$tmp/p2" || err "path: no static bin/isscheck installed"

# a wrong checksum: one digit changed
last=$(printf '%s' "$sum" | cut -c64)
[ "$last" = 0 ] && other=1 || other=0
bad=$(printf '%s' "$sum" | cut -c1-63)$other
if run_install "$tmp/p3" "$bad" "file://$dist"; then err "a wrong checksum was accepted"; fi
grep -q 'does not match ISSCHECK_SHA256' "$tmp/log" || err "a wrong checksum: no message saying so"
[ ! -e "$tmp/p3" ] || err "a wrong checksum still installed something"
# a tampered archive under the right name and checksum
mkdir "$tmp/evil"
cp "$dist/$name" "$tmp/evil/$name"
printf 'x' >>"$tmp/evil/$name"
if run_install "$tmp/p4" "$sum" "$tmp/evil"; then err "a tampered archive was accepted"; fi
[ ! -e "$tmp/p4" ] || err "a tampered archive still installed something"
if run_install "$tmp/p5" "$(printf '%s' "$sum" | tr a-f A-F)x" "$dist"; then err "a malformed checksum was accepted"; fi
if run_install "$tmp/p6" "$sum" "file://$tmp/nowhere"; then err "a missing archive was accepted"; fi

# no checksum: the fallback builds this repository's HEAD from source
run_install "$tmp/p7" "" "" ISSCHECK_REPO="$root" ISSCHECK_REF="$(git rev-parse HEAD)" ||
  { err "the build from source failed"; cat "$tmp/log" >&2; }
[ -x "$tmp/p7/bin/isscheck" ] || err "the build from source installed no bin/isscheck"

[ $fail -eq 0 ] && echo "install-script: release $version verified and installed (file://, path); wrong, tampered and malformed checksums refused; source fallback built"
exit $fail
