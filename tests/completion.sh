#!/bin/bash
# completion.sh BINARY - completion/isscheck.bash, sourced in `bash --norc`,
# completes what the binary accepts:
#  - in step with src/cli: the commands of `isscheck --help`; every option
#    of `isscheck help COMMAND` (and its taking a value or not) is in the
#    script's own list for that command, which the script falls back on; every
#    option named in src/cli/*.c is in some command's help
#    (or the completion, which reads the help, would not offer it); --format
#    values are the library's iss_formats[] table (report_stream.c) and
#    list's text|json; --lang ja|en;
#  - driven as readline drives it (COMP_WORDS, COMP_CWORD, COMP_LINE,
#    COMP_POINT), COMPREPLY holds what is expected: commands, options, option
#    values, categories and rule ids as the binary lists them, declaration
#    files and folders, and with a binary that fails, the script's lists and
#    nothing for categories and rule ids; quietly, and without leaving a
#    variable behind in the user's shell.
# The cases run with the plain fallback, and again with bash-completion's
# helpers when /usr/share/bash-completion/bash_completion is installed.
# Run from the source root.
set -u
helpers=${ISSCHECK_BASH_COMPLETION:-/usr/share/bash-completion/bash_completion}
script=$PWD/completion/isscheck.bash

if [ "${1-}" = --cases ]; then
    # completion.sh --cases MODE BINARY TMP: the COMPREPLY cases, in a fresh
    # bash --norc; MODE helpers sources bash-completion first.
    mode=$2 bin=$3 tmp=$4
    if [ "$mode" = helpers ]; then
        # shellcheck disable=SC1090
        . "$helpers" || exit 1
        declare -F _init_completion >/dev/null || { echo "no _init_completion in $helpers"; exit 1; }
    fi
    # shellcheck disable=SC1090
    . "$script" || exit 1
    if [ "$mode" = plain ] && declare -F _init_completion _filedir >/dev/null; then
        echo "plain: bash-completion's helpers are defined"; exit 1
    fi
    fail=0
    # comp LINE EXPECTED...: complete at the end of LINE (split as readline
    # splits it: at blanks, and '=' a word of its own), COMPREPLY sorted ==
    # EXPECTED sorted, nothing written to stdout or stderr, no new variable.
    comp() {
        local line=$1 got want out
        shift
        COMP_LINE=$line
        COMP_POINT=${#line}
        read -ra COMP_WORDS <<<"${line//=/ = }"
        [[ $line == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMPREPLY=()
        compgen -v | sort >"$tmp/vars.before"
        _isscheck >"$tmp/out" 2>&1
        compgen -v | sort | comm -13 "$tmp/vars.before" - | grep -vx BASH_REMATCH >>"$tmp/out"
        out=$(cat "$tmp/out")
        got=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort | tr '\n' ' ')
        want=$(printf '%s\n' "$@" | sed '/^$/d' | sort | tr '\n' ' ')
        if [ "$got" != "$want" ] || [ -n "$out" ]; then
            printf '%s: [%s]\n  got:      %s\n  expected: %s\n' "$mode" "$line" "$got" "$want"
            [ -z "$out" ] || printf '  output:   %s\n' "$out"
            fail=1
        fi
    }
    cmds="check criteria validate init list explain catalogue lsp help"
    cats=$("$bin" list --format json | /usr/bin/python3 -c '
import json, sys
print(" ".join(sorted({r["category"] for r in json.load(sys.stdin)["rules"]})))')
    ids=$("$bin" list | awk 'NR > 1 { print $1 }')
    va=$(printf '%s\n' $ids | grep '^VA-')
    case " $(echo $va) " in *" VA-T-a "*) ;; *) echo "isscheck list has no VA-T-a: $ids"; fail=1 ;; esac
    case " $cats " in *" va "*) ;; *) echo "categories: '$cats'"; fail=1 ;; esac

    mkdir -p "$tmp/bin" "$tmp/broken" "$tmp/work/d"
    ln -sf "$bin" "$tmp/bin/isscheck"
    printf '#!/bin/sh\necho "isscheck: broken" >&2\nexit 2\n' >"$tmp/broken/isscheck"
    chmod +x "$tmp/broken/isscheck"
    PATH=$tmp/bin:$PATH
    cd "$tmp/work" || exit 1
    : >a.yaml; : >b.yml; : >c.txt; : >d/e.yaml

    comp "isscheck " $cmds
    comp "isscheck ch" check
    comp "isscheck --v" --version
    comp "isscheck help " $cmds
    comp "isscheck help check " 
    comp "isscheck check --for" --format
    comp "isscheck check --s" --strict --skip --summary-csv --show
    comp "isscheck check --show fail,r" fail,review
    comp "isscheck check --format " text json sarif junit markdown html github gitlab
    comp "isscheck check --format g" github gitlab
    comp "isscheck check --review-level " warning note none
    comp "isscheck check --format=j" json junit
    comp "isscheck list --format " text json
    comp "isscheck list --" --category --format --lang --criteria --help
    comp "isscheck init -" --category --lang -o --output --criteria -h --help
    comp "isscheck check --lang " ja en
    comp "isscheck explain --lang e" en
    comp "isscheck catalogue --" --type --reiji --format --lang --criteria --help
    comp "isscheck catalogue --type t" training
    comp "isscheck catalogue --type=c" community compliance
    comp "isscheck catalogue --reiji 7-" 7-1 7-2 7-3 7-4 7-5
    comp "isscheck catalogue --format " text json
    comp "isscheck catalogue --type training " 
    comp "isscheck explain VA-" $va
    comp "isscheck explain VA-T-a " 
    comp "isscheck check --rule VA-" $va
    comp "isscheck check --category " $cats
    comp "isscheck init --category va,a" $(printf 'va,%s\n' $cats | grep '^va,a')
    comp "isscheck check " a.yaml b.yml d
    comp "isscheck validate --criteria d " a.yaml b.yml d
    comp "isscheck check --strict a" a.yaml
    comp "isscheck check --output " a.yaml b.yml c.txt d
    comp "isscheck init -o c" c.txt
    comp "isscheck check --criteria " d
    comp "isscheck criteria " list lint export
    comp "isscheck criteria export " d
    comp "isscheck criteria list --" --criteria --lang
    comp "isscheck criteria lint " d
    comp "isscheck check -j " 
    comp "$tmp/bin/isscheck check --category v" va
    # a binary that fails: the script's own lists, nothing else, no noise
    comp "$tmp/broken/isscheck check --re" --redact --require-evidence --review-level
    comp "$tmp/broken/isscheck check --wa" --waivers
    comp "$tmp/broken/isscheck check --waivers " a.yaml b.yml d
    comp "$tmp/broken/isscheck check --category " 
    comp "$tmp/broken/isscheck explain VA-" 
    comp "/nonexistent/isscheck list --f" --format
    exit $fail
fi

bin=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset ISSCHECK_LANG
fail=0
err() { echo "completion: $*" >&2; fail=1; }

# shellcheck disable=SC1090
. "$script" || { err "cannot source $script"; exit 1; }

# The commands of `isscheck --help`.
want=$("$bin" --lang en --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z]*\).*/\1/p' | sort | tr '\n' ' ')
got=$(printf '%s\n' $_isscheck_commands | sort | tr '\n' ' ')
[ "$want" = "$got" ] || err "commands: isscheck --help has '$want', the script '$got'"

# Options: `help COMMAND` against the script's lists.  The options listed
# ahead of the binary (being added) may be missing from its help.
pending=" --waivers= --require-evidence --redact "
helped=" --version "
for c in check list explain catalogue init validate lsp; do
    h=$(_isscheck_help_opts "$bin" "$c")
    [ -n "$h" ] || err "isscheck help $c: no options read"
    var=_isscheck_static_$c
    s=" $(echo ${!var}) "
    for o in $h; do
        helped+="${o%=} "
        case "$s" in *" $o "*) ;; *) err "$c: 'isscheck help $c' has $o, _isscheck_static_$c not" ;; esac
    done
    for o in $s; do
        case " $h $pending" in *" $o "*) ;; *) err "$c: _isscheck_static_$c has $o, 'isscheck help $c' not" ;; esac
    done
done
"$bin" --lang en help criteria | grep -q '^usage: isscheck criteria list \[--criteria DIR\]\.\.\. \[--lang ja|en\]$' ||
    err "isscheck help criteria: 'criteria list [--criteria DIR]... [--lang ja|en]' changed; see _isscheck_static_criteria_list"
# Every option src/cli compares against is in some command's help.
for o in $(grep -oh '"--\?[a-z][a-z0-9-]*"' src/cli/*.c | tr -d '"' | sort -u); do
    case "$helped" in *" $o "*) ;; *) err "src/cli has option $o, no 'isscheck help COMMAND' lists it" ;; esac
done
# Values.
want=$(sed -n '/iss_formats\[\] = {/,/^};/p' src/lib/report_stream.c | grep -o 'iss_format_[a-z]*' | sed 's/^iss_format_//' | tr '\n' ' ')
[ "$want" = "$_isscheck_check_formats " ] || err "check --format: report_stream.c's iss_formats has '$want', the script '$_isscheck_check_formats'"
want=$("$bin" --lang en help list | sed -n 's/^  --format \([a-z|]*\) .*/\1/p' | tr '|' ' ')
[ "$want" = "$_isscheck_list_formats" ] || err "list --format: help has '$want', the script '$_isscheck_list_formats'"
want=$("$bin" catalogue --lang en --type xyzzy-plugh 2>&1 | sed -n 's/.*; expected one of //p' | tr -d ',')
[ "$want" = "$_isscheck_entry_types" ] || err "catalogue --type: the binary has '$want', the script '$_isscheck_entry_types'"
for c in check list explain catalogue init; do
    want=$("$bin" --lang en help "$c" | sed -n 's/^  --lang \([a-z|]*\) .*/\1/p' | tr '|' ' ')
    [ "$want" = "$_isscheck_langs" ] || err "$c --lang: help has '$want', the script '$_isscheck_langs'"
done

# The cases, plain and (when installed) with bash-completion's helpers.
bash --norc --noprofile "$0" --cases plain "$bin" "$tmp" || fail=1
if [ -r "$helpers" ]; then
    bash --norc --noprofile "$0" --cases helpers "$bin" "$tmp" || fail=1
else
    echo "completion: $helpers not installed: the cases ran with the plain fallback only"
fi
[ "$fail" = 0 ] && echo "completion: ok"
exit $fail
