#!/bin/sh
# precommit.sh BINARY - the pre-commit hook checks declarations only.  A
# temporary git repository holds a declaration, a half-written one, a
# waivers file (with isscheck: 1, under a name the folder search does not
# leave out), a GitHub workflow and a compose file.  The hook's entry from
# .pre-commit-hooks.yaml runs as pre-commit runs it: the entry, then every
# staged file its `files` pattern matches; and with pre-commit itself
# (`pre-commit try-repo`) when it is installed.  `check DIR` applies the
# same rule.  Run from the source root.
set -u
bin=$(realpath "$1")
root=$(pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=1775012400
unset ISSCHECK_LANG
fail=0
err() { echo "precommit: $*" >&2; fail=1; }
mkdir -p "$dir/bin" "$dir/repo/declarations" "$dir/repo/.github/workflows"
ln -s "$bin" "$dir/bin/isscheck"
PATH=$dir/bin:$PATH
export PATH
repo=$dir/repo
cp examples/va-pass.yaml "$repo/declarations/va.yaml"
cp examples/examiner.waivers.yaml "$repo/declarations/decisions.yaml"
cat >"$repo/.github/workflows/ci.yml" <<'EOF'
name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    services:
      db: {image: postgres}
    steps:
      - run: make
EOF
cat >"$repo/compose.yaml" <<'EOF'
services:
  web:
    image: nginx
EOF
# git: what pre-commit lists (git ls-files); without git (a source archive
# on a machine without it) the files are listed with find instead
have_git=$(command -v git || true)
stage() { [ -z "$have_git" ] || ( cd "$repo" && git add -A ); }
if [ -n "$have_git" ]; then
  ( cd "$repo" && git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm init ) ||
    { echo "precommit: cannot make the git repository" >&2; exit 1; }
fi

entry=$(sed -n 's/^  entry: //p' .pre-commit-hooks.yaml)
pattern=$(sed -n 's/^  files: //p' .pre-commit-hooks.yaml)
[ -n "$entry" ] && [ -n "$pattern" ] || { echo "precommit: no entry or files in .pre-commit-hooks.yaml" >&2; exit 1; }
# run_hook: the entry with the repository's files that match `files`, as
# pre-commit passes them; sets status, and out/errs to its output
run_hook() {
  if [ -n "$have_git" ]; then
    files=$(cd "$repo" && git ls-files | grep -E "$pattern")
  else
    files=$(cd "$repo" && find . -type f ! -path './.git/*' | sed 's|^\./||' | LC_ALL=C sort | grep -E "$pattern")
  fi
  # shellcheck disable=SC2086
  ( cd "$repo" && $entry $files >"$dir/out" 2>"$dir/errs" )
  status=$?
}

run_hook
[ "$status" -eq 0 ] || { err "the hook failed ($status) on a passing declaration, a waivers file, a workflow and a compose file"; cat "$dir/errs" >&2; }
grep -q '^declaration: declarations/va.yaml$' "$dir/out" || err "the declaration was not checked"
grep -q '^declarations/decisions.yaml: note: skipped: a waivers file, not a declaration$' "$dir/errs" ||
  err "the waivers file was not reported as skipped"
grep -q '^.github/workflows/ci.yml: note: skipped: not a declaration' "$dir/errs" ||
  err "the workflow was not reported as skipped"
grep -q '^compose.yaml: note: skipped: not a declaration' "$dir/errs" ||
  err "the compose file was not reported as skipped"
[ "$(grep -vc ': note: skipped: ' "$dir/errs")" -eq 0 ] || { err "unexpected errors"; cat "$dir/errs" >&2; }

# a failing declaration fails the hook (1); a half-written one without
# isscheck: and with a syntax error is checked and fails it (2)
cp "$root/examples/va-fail.yaml" "$repo/declarations/va-fail.yaml"
stage
run_hook
[ "$status" -eq 1 ] || err "a failing declaration: exit $status, expected 1"
printf 'provider:\n  name: 株式会社途中\nservices:\n  - category: va\n    subtypes: [web\n' \
  >"$repo/declarations/draft.yml"
stage
run_hook
[ "$status" -eq 2 ] || err "a half-written declaration: exit $status, expected 2"
grep -q '^declarations/draft.yml:[0-9]*:[0-9]*: error: ' "$dir/errs" ||
  err "the half-written declaration's syntax error was not reported"

# only other YAML: nothing checked, nothing on standard output, exit 0
( cd "$repo" && $entry .github/workflows/ci.yml compose.yaml >"$dir/out" 2>"$dir/errs" )
status=$?
[ "$status" -eq 0 ] && [ ! -s "$dir/out" ] || err "only other YAML: exit $status, or output"

# the folder search applies the same rule: the draft and va-fail stay
rm "$repo/declarations/draft.yml" "$repo/declarations/va-fail.yaml"
( cd "$repo" && isscheck check --lang en . >"$dir/out" 2>"$dir/errs" )
status=$?
[ "$status" -eq 0 ] || { err "check DIR: exit $status, expected 0"; cat "$dir/errs" >&2; }
[ ! -s "$dir/errs" ] || { err "check DIR: diagnostics"; cat "$dir/errs" >&2; }
n=$(grep -c '^declaration: ' "$dir/out")
[ "$n" -eq 1 ] || err "check DIR: the declaration was not the one file checked"
grep -q 'ci.yml\|compose.yaml\|decisions.yaml' "$dir/out" && err "check DIR: read a file that is not a declaration"

# pre-commit itself, when installed: this repository's hook tried on the
# temporary repository
if [ -n "$have_git" ] && command -v pre-commit >/dev/null 2>&1; then
  # try-repo needs the hooks file committed: a throw-away clone of the tree
  hooks=$dir/hooks
  mkdir "$hooks" && cp "$root/.pre-commit-hooks.yaml" "$hooks/" &&
    ( cd "$hooks" && git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm hooks )
  ( cd "$repo" && PRE_COMMIT_HOME=$dir/cache pre-commit try-repo "$hooks" isscheck --all-files >"$dir/out" 2>&1 )
  status=$?
  [ "$status" -eq 0 ] || { err "pre-commit try-repo: exit $status"; cat "$dir/out" >&2; }
  printf 'provider: {name: X}\nservices: [{category: va}]\n' >"$repo/declarations/bad.yaml"
  ( cd "$repo" && git add -A && PRE_COMMIT_HOME=$dir/cache pre-commit try-repo "$hooks" isscheck --all-files >"$dir/out" 2>&1 )
  status=$?
  [ "$status" -ne 0 ] || err "pre-commit try-repo passed a failing declaration"
  via="pre-commit try-repo and the entry"
else
  via="the entry (pre-commit or git not installed)"
fi
[ $fail -eq 0 ] && echo "precommit: declarations only, by $via"
exit $fail
