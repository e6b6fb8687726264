#!/bin/sh
# install-isscheck.sh - the install step of the CI templates in examples/ci
# (copy it into your repository beside them, as ci/install-isscheck.sh):
# installs a pinned isscheck release, verified by its SHA-256 before
# anything of it is used, or, when no release is pinned, builds isscheck
# from source.
#
# A pinned release (all three set):
#   ISSCHECK_VERSION      the release, e.g. 0.2.0
#   ISSCHECK_SHA256       the SHA-256 of isscheck-VERSION-linux-x86_64-static.tar.gz,
#                         as the release's SHA256SUMS gives it
#   ISSCHECK_RELEASE_URL  the folder the release's files are in: https://...,
#                         file:///... or a plain path.  A placeholder: the
#                         project publishes no releases at a fixed address
#                         yet; point it at where yours are (scripts/release
#                         builds them).
# The archive is downloaded, checked with `sha256sum -c` (a wrong checksum
# stops here, exit 1, nothing installed, no fallback), unpacked, and its
# bin/ and share/ copied under ISSCHECK_PREFIX (default /usr/local).
#
# From source (when ISSCHECK_VERSION, ISSCHECK_SHA256 or ISSCHECK_RELEASE_URL
# is empty):
#   ISSCHECK_REPO         a git URL of the isscheck sources
#   ISSCHECK_REF          the commit or tag to build (default vVERSION when
#                         ISSCHECK_VERSION is set, else the default branch)
# Needs cmake gcc make pkg-config libyaml-dev libpcre2-dev nettle-dev git.
#
# Either way the installed `isscheck --version` must name ISSCHECK_VERSION
# when it is set.
set -eu
prefix=${ISSCHECK_PREFIX:-/usr/local}
version=${ISSCHECK_VERSION:-}
sum=${ISSCHECK_SHA256:-}
url=${ISSCHECK_RELEASE_URL:-}
say() { echo "install-isscheck: $*" >&2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# fetch SOURCE DEST: https:// or http:// (curl, else wget), file://, a path
fetch() {
  case $1 in
    http://* | https://*)
      if command -v curl >/dev/null 2>&1; then
        curl -fsSL --retry 3 -o "$2" "$1"
      else
        wget -q -O "$2" "$1"
      fi ;;
    file://*) cp "${1#file://}" "$2" ;;
    *) cp "$1" "$2" ;;
  esac
}

if [ -n "$version" ] && [ -n "$sum" ] && [ -n "$url" ]; then
  case $sum in
    *[!0-9a-f]*) say "ISSCHECK_SHA256 must be 64 lower-case hexadecimal digits"; exit 1 ;;
  esac
  [ ${#sum} -eq 64 ] || { say "ISSCHECK_SHA256 must be 64 lower-case hexadecimal digits"; exit 1; }
  name=isscheck-$version-linux-x86_64-static
  fetch "${url%/}/$name.tar.gz" "$tmp/$name.tar.gz" || { say "cannot fetch ${url%/}/$name.tar.gz"; exit 1; }
  ( cd "$tmp" && printf '%s  %s\n' "$sum" "$name.tar.gz" | sha256sum -c --quiet - ) || {
    say "$name.tar.gz does not match ISSCHECK_SHA256: not installed"
    exit 1
  }
  mkdir "$tmp/x"
  tar -xzf "$tmp/$name.tar.gz" -C "$tmp/x"
  [ -x "$tmp/x/$name/bin/isscheck" ] || { say "the archive has no $name/bin/isscheck"; exit 1; }
  mkdir -p "$prefix"
  cp -R "$tmp/x/$name/bin" "$tmp/x/$name/share" "$prefix/"
  say "installed release $version (sha256 verified) under $prefix"
elif [ -n "${ISSCHECK_REPO:-}" ]; then
  ref=${ISSCHECK_REF:-${version:+v$version}}
  git clone -q "$ISSCHECK_REPO" "$tmp/src"
  [ -z "$ref" ] || git -C "$tmp/src" checkout -q --detach "$ref"
  cmake -S "$tmp/src" -B "$tmp/build" -DCMAKE_BUILD_TYPE=Release -DISSCHECK_TESTS=OFF \
    -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
  cmake --build "$tmp/build" -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
  cmake --install "$tmp/build" >/dev/null
  say "built ${ref:-the default branch} from $ISSCHECK_REPO, installed under $prefix"
else
  say "set ISSCHECK_VERSION, ISSCHECK_SHA256 and ISSCHECK_RELEASE_URL for a release, or ISSCHECK_REPO to build from source"
  exit 1
fi

got=$("$prefix/bin/isscheck" --version 2>/dev/null | sed -n '1s/^isscheck //p')
if [ -n "$version" ] && [ "$got" != "$version" ]; then
  say "the installed isscheck says version '$got', not $version"
  exit 1
fi
echo "isscheck $got"
