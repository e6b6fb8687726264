# browser.sh - sourced by the browser tests (run.sh, clicks.sh) after they
# set tmp: chromium found, or the test skipped (exit 77, ctest's
# SKIP_RETURN_CODE) unless ISSCHECK_REQUIRE_BROWSER=1 (as .ci/run sets):
# then it fails; and browse URL ARGS..., chromium's stdout, its log in
# $tmp/log.
chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
  if [ "${ISSCHECK_REQUIRE_BROWSER:-0}" = 1 ]; then
    echo "html: FAILED: no chromium on PATH and ISSCHECK_REQUIRE_BROWSER=1" >&2
    exit 1
  fi
  echo "html: SKIPPED: no chromium on PATH (apt-get install chromium)"
  exit 77
fi
# As the machine notes say: no background networking (the network is
# closed), a fresh profile, no sandbox (root in a container).
browse() {
  url=$1
  shift
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 "$@" "$url" 2>"$tmp/log"
}
