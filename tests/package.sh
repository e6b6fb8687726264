#!/bin/sh
# package.sh DIST - the release artefacts in DIST (scripts/release) work as
# a user gets them.  Needs root (it installs and purges the package) and
# dpkg-dev, lintian, man-db and file; .ci/run runs it.  Run from the source
# root.
#
# Debian package: lintian reports no error (the warnings it prints are
# listed in README.md's "Installing"); `apt-get install ./isscheck_*.deb`
# pulls in the computed Depends; the installed `isscheck` checks an
# example from another directory; `man -w isscheck` finds the page; after
# `apt-get purge` nothing the package listed is left (a directory that
# remains belongs to another package).
# Static archive: it unpacks to bin/isscheck, statically linked, with the
# man pages, completion and schemas, and names the package's version
# (tests/static.sh checks the static binary's output); SHA256SUMS verifies
# both.
set -eu
dist=$(realpath "$1")
root=$(pwd)
SUDO=$(command -v sudo || true)
export DEBIAN_FRONTEND=noninteractive SOURCE_DATE_EPOCH=1775012400
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "package: $*" >&2; exit 1; }

( cd "$dist" && sha256sum -c --quiet SHA256SUMS ) || fail "SHA256SUMS does not verify"
deb=$(ls "$dist"/isscheck_*_amd64.deb)
tgz=$(ls "$dist"/isscheck-*-linux-x86_64-static.tar.gz)

# lintian: no error (warnings are printed for the log)
lintian --fail-on error "$deb" || fail "lintian reports errors"

dpkg -s isscheck >/dev/null 2>&1 && fail "isscheck is already installed; purge it first"
$SUDO apt-get install -y -qq "$deb" >/dev/null
dpkg -L isscheck | sort >"$tmp/files"
grep -qx /usr/bin/isscheck "$tmp/files" || fail "the package has no /usr/bin/isscheck"
for f in /usr/share/man/man1/isscheck.1.gz /usr/share/man/man5/isscheck-declaration.5.gz \
         /usr/share/bash-completion/completions/isscheck /usr/share/doc/isscheck/copyright \
         /usr/share/doc/isscheck/changelog.Debian.gz /usr/share/isscheck/schema/isscheck-report.schema.json; do
  grep -qx "$f" "$tmp/files" || fail "the package lacks $f"
done
cp examples/va-pass.yaml "$tmp/"
( cd "$tmp" && /usr/bin/isscheck check va-pass.yaml >"$tmp/deb.out" ) || fail "the installed isscheck failed on va-pass.yaml"
grep -q '^isscheck ' "$tmp/deb.out" || fail "the installed isscheck printed no report"
[ "$(man -w isscheck)" = /usr/share/man/man1/isscheck.1.gz ] || fail "man -w isscheck: $(man -w isscheck 2>&1)"
man -w 5 isscheck-declaration >/dev/null || fail "man -w 5 isscheck-declaration finds nothing"
$SUDO apt-get purge -y -qq isscheck >/dev/null
dpkg -s isscheck >/dev/null 2>&1 && fail "isscheck is still installed after purge"
while IFS= read -r p; do
  [ -e "$p" ] || continue
  [ -d "$p" ] && dpkg -S "$p" >/dev/null 2>&1 && continue # shared with another package
  fail "$p is left after apt-get purge"
done <"$tmp/files"

# the static archive
tar -xzf "$tgz" -C "$tmp"
top=$tmp/$(basename "$tgz" .tar.gz)
for f in bin/isscheck share/man/man1/isscheck.1.gz share/bash-completion/completions/isscheck \
         share/isscheck/schema/isscheck-declaration.schema.json share/doc/isscheck/copyright; do
  [ -f "$top/$f" ] || fail "the static archive lacks $f"
done
case $(file -b "$top/bin/isscheck") in
  *"statically linked"* | *"static-pie linked"*) ;;
  *) fail "the archive's binary is not statically linked" ;;
esac
debv=$(dpkg-deb -f "$deb" Version)
v=$(env -i "$top/bin/isscheck" --version 2>/dev/null | sed -n '1s/^isscheck //p')
[ "$v-1" = "$debv" ] || fail "the static binary says version '$v', the package '$debv'"
echo "package: $(basename "$deb") installs, runs, has its man page and purges clean; $(basename "$tgz") holds a static binary"
