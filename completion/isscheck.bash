# bash completion for isscheck(1)                          -*- shell-script -*-
#
# Installed as share/bash-completion/completions/isscheck, where
# bash-completion loads it the first time isscheck is completed; without
# bash-completion, source this file from ~/.bashrc.
#
# The options of a command are read from `isscheck help COMMAND` of the
# binary being completed (in English, whatever ISSCHECK_LANG says: the
# lines read are the English ones), so they follow that binary; category codes come
# from `isscheck criteria list`, rule ids from `isscheck list` (both honour
# the --criteria folders already on the line).  When the binary cannot be
# run, the lists below are used and categories and rule ids complete to
# nothing.  tests/completion.sh fails when src/cli gains an option or a
# format these lists do not have.
#
# bash-completion's _init_completion and _filedir are used when they are
# defined; a plain fallback does the same otherwise.

_isscheck_commands="check criteria validate init list explain catalogue lsp help"
_isscheck_check_formats="text json sarif junit markdown html github gitlab"
_isscheck_review_levels="warning note none"
_isscheck_list_formats="text json"
_isscheck_langs="ja en"
# catalogue --type: the catalogue's entry types (iss_entry_type_keys);
# --reiji: the 例示 lists the standard names (第1章 2 (7))
_isscheck_entry_types="qualification community training standard result_handling compliance education"
_isscheck_reiji_lists="1-1 1-2 1-3 1-4 1-5 2-1 2-2 2-3 3-1 3-2 3-3 3-4 4-1 4-2 4-3 4-4 5-1 5-2 6-1 6-2 7-1 7-2 7-3 7-4 7-5"
_isscheck_verdicts="pass review fail n/a waived"

# Each command's options, a trailing '=' on those that take a value; used
# when `isscheck help COMMAND` gives none, and to know which options take a
# value.  --waivers, --require-evidence and --redact are listed ahead of the
# binary that has them.
_isscheck_static_check="--as-of= --lang= --strict --format= --category= --rule=
  --skip= --summary-csv= --output= --criteria= -j= --jobs= --max-bytes=
  --max-depth= --max-nodes= --max-scalar= --max-persons= --max-engagements=
  --waivers= --require-evidence --redact --only-declarations --csv-bom --show= -h --help
  --review-level= --baseline= --fail-on="
_isscheck_static_list="--category= --format= --lang= --criteria= -h --help"
_isscheck_static_explain="--lang= --criteria= -h --help"
_isscheck_static_catalogue="--type= --reiji= --format= --lang= --criteria= -h --help"
_isscheck_static_init="--category= --lang= -o= --output= --criteria= -h --help"
_isscheck_static_validate="--criteria= -h --help"
_isscheck_static_lsp="--stdio -h --help"
_isscheck_static_criteria_list="--criteria= --lang="

# _isscheck_help_opts BINARY COMMAND: the options of `BINARY help COMMAND`,
# one line of words, '=' appended to those that take a value.  An option
# line of the help is "  -o, --output FILE   description": the words before
# the first run of two spaces; a short option with no value of its own,
# followed by a long one that has one, takes one too (-j N, -o FILE).
_isscheck_help_opts()
{
    local line out="" i
    local -a w names valued
    while IFS= read -r line; do
        [[ $line == "  -"* ]] || continue
        line=${line#"  "}
        line=${line%%"  "*}
        read -ra w <<<"${line//,/ }"
        names=() valued=()
        for ((i = 0; i < ${#w[@]}; i++)); do
            if [[ ${w[i]} == -* ]]; then
                names+=("${w[i]}")
                valued+=("")
            elif ((${#names[@]})); then
                valued[${#names[@]} - 1]="="
            fi
        done
        for ((i = ${#names[@]} - 2; i >= 0; i--)); do
            [[ ${names[i]} != --* && -z ${valued[i]} && ${names[i + 1]} == --* ]] &&
                valued[i]=${valued[i + 1]}
        done
        for ((i = 0; i < ${#names[@]}; i++)); do
            out+="${names[i]}${valued[i]} "
        done
    done < <(ISSCHECK_LANG=en "$1" help "$2" 2>/dev/null </dev/null)
    printf '%s\n' "${out% }"
}

# _isscheck_categories BINARY [DIR...]: the category codes of every criteria
# set loaded (with --criteria DIR for each DIR), from the "rules: ... in N
# categories (a, b)" lines of `isscheck criteria list`.
_isscheck_categories()
{
    local bin=$1 line d re='categor(y|ies) \(([^)]*)\)'
    local -a args=()
    shift
    for d in "$@"; do args+=(--criteria "$d"); done
    while IFS= read -r line; do
        [[ $line == *"rules:"* && $line =~ $re ]] && printf '%s\n' "${BASH_REMATCH[2]//,/}"
    done < <(ISSCHECK_LANG=en "$bin" criteria list "${args[@]}" 2>/dev/null </dev/null)
}

# _isscheck_rule_ids BINARY [DIR...]: the rule ids of `isscheck list` (the
# first column, after the heading), and of `isscheck list --criteria DIR`.
_isscheck_rule_ids()
{
    local bin=$1 d
    shift
    local -a args
    for d in "" "$@"; do
        args=(list)
        [[ -n $d ]] && args+=(--criteria "$d")
        ISSCHECK_LANG=en "$bin" "${args[@]}" 2>/dev/null </dev/null |
            while read -r d _; do
                [[ -n $d && $d != ID ]] && printf '%s\n' "$d"
            done
    done
}

# Files named *.yaml or *.yml, and directories (to descend into); with no
# argument, any file.
_isscheck_files()
{
    if declare -F _filedir >/dev/null; then
        if [[ ${1-} == yaml ]]; then _filedir '@(yaml|yml)'; else _filedir; fi
        return
    fi
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    if [[ ${1-} == yaml ]]; then
        local x
        COMPREPLY=()
        for x in yaml yml YAML YML; do
            COMPREPLY+=($(compgen -f -X "!*.$x" -- "$cur"))
        done
        COMPREPLY+=($(compgen -d -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

_isscheck_dirs()
{
    if declare -F _filedir >/dev/null; then
        _filedir -d
        return
    fi
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -d -- "$cur"))
}

# COMPREPLY: the words of $1 that begin with $cur.
_isscheck_words()
{
    local IFS=$' \t\n'
    COMPREPLY=($(compgen -W "$1" -- "$cur"))
}

_isscheck()
{
    local cur prev words cword split=false i
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        # The plain fallback: rejoin what COMP_WORDBREAKS split at '='
        # (--format=js arrives as --format, =, js), then split the current
        # word at its '=' as _init_completion -s does.
        local t join=false
        words=() cword=0
        for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
            t=${COMP_WORDS[i]}
            if $join; then
                words[${#words[@]} - 1]+=$t
                join=false
            elif [[ $t == "=" && ${#words[@]} -gt 1 ]]; then
                words[${#words[@]} - 1]+=$t
                join=true
            else
                words+=("$t")
            fi
            ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
        done
        ((COMP_CWORD >= ${#COMP_WORDS[@]})) && { words+=(""); cword=$((${#words[@]} - 1)); }
        cur=${words[cword]}
        prev=${words[cword - 1]}
        if [[ $cur == --*=* ]]; then
            prev=${cur%%=*}
            cur=${cur#*=}
            split=true
        fi
    fi
    COMPREPLY=()

    # The binary being completed (as typed: isscheck, ./build/isscheck, ~/bin/isscheck).
    local bin=${words[0]}
    # shellcheck disable=SC2088 # a literal ~/, as the word holds it
    [[ $bin == "~/"* ]] && bin=$HOME/${bin#"~/"}
    bin=$(type -P -- "$bin" 2>/dev/null) || bin=""
    [[ -n $bin && -x $bin ]] || bin=false

    if ((cword == 1)); then
        if [[ $cur == -* ]]; then
            _isscheck_words "--help -h --version"
        else
            _isscheck_words "$_isscheck_commands"
        fi
        return
    fi

    # opts: the options offered; known: those and this script's, to tell
    # which take a value (the binary's word first)
    local cmd=${words[1]} sub="" opts known var
    case $cmd in
        check | list | explain | catalogue | init | validate | lsp)
            opts=$(_isscheck_help_opts "$bin" "$cmd")
            var=_isscheck_static_$cmd
            [[ -n $opts ]] || opts=${!var}
            known="$opts ${!var}"
            ;;
        criteria)
            ((cword == 2)) && { _isscheck_words "list lint export"; return; }
            sub=${words[2]}
            if [[ $sub == list ]]; then
                opts=$_isscheck_static_criteria_list
                known=$opts
            else
                # lint DIR..., export DIR
                _isscheck_dirs
                return
            fi
            ;;
        help)
            ((cword == 2)) && _isscheck_words "$_isscheck_commands"
            return
            ;;
        *)
            return
            ;;
    esac

    # The words before the current one: --criteria folders, operands, whether -- was seen.
    local w takes=" " ddash=false noperands=0 first
    local -a dirs=()
    for w in $known; do [[ $w == *= && $takes != *" ${w%=} "* ]] && takes+="${w%=} "; done
    [[ -n $sub ]] && first=3 || first=2
    for ((i = first; i < cword; i++)); do
        w=${words[i]}
        if $ddash || [[ $w != -* || $w == - ]]; then
            ((noperands++))
        elif [[ $w == -- ]]; then
            ddash=true
        elif [[ $w == --*=* ]]; then
            [[ ${w%%=*} == --criteria ]] && dirs+=("${w#*=}")
        elif [[ $takes == *" $w "* ]] && ((i + 1 < cword)); then
            [[ $w == --criteria ]] && dirs+=("${words[i + 1]}")
            ((i++))
        fi
    done

    # The value of an option.
    if ! $ddash && { $split || [[ $prev == -* && $takes == *" $prev "* ]]; }; then
        case $prev in
            --format)
                if [[ $cmd == check ]]; then
                    _isscheck_words "$_isscheck_check_formats"
                else
                    _isscheck_words "$_isscheck_list_formats"
                fi
                ;;
            --lang) _isscheck_words "$_isscheck_langs" ;;
            --type) _isscheck_words "$_isscheck_entry_types" ;;
            --reiji) _isscheck_words "$_isscheck_reiji_lists" ;;
            --review-level) _isscheck_words "$_isscheck_review_levels" ;;
            --category)
                # a,b,c: complete the last of a comma-separated list
                # (less those already in it)
                local head="" cats c
                [[ $cur == *,* ]] && head=${cur%,*},
                cats=" $(_isscheck_categories "$bin" "${dirs[@]}" | tr '\n' ' ')"
                for c in ${head//,/ }; do cats=${cats// $c / }; done
                local IFS=$' \t\n'
                COMPREPLY=($(compgen -P "$head" -W "$cats" -- "${cur##*,}"))
                ;;
            --show)
                # a,b,c as --category's
                local head="" vs v
                [[ $cur == *,* ]] && head=${cur%,*},
                vs=" $_isscheck_verdicts "
                for v in ${head//,/ }; do vs=${vs// $v / }; done
                local IFS=$' \t\n'
                COMPREPLY=($(compgen -P "$head" -W "$vs" -- "${cur##*,}"))
                ;;
            --rule | --skip) _isscheck_words "$(_isscheck_rule_ids "$bin" "${dirs[@]}")" ;;
            --criteria) _isscheck_dirs ;;
            --waivers) _isscheck_files yaml ;;
            --baseline) _isscheck_files ;;
            --fail-on) _isscheck_words "new any" ;;
            -j | --jobs | --max-* | --as-of) ;;
            *) _isscheck_files ;;
        esac
        return
    fi

    if ! $ddash && [[ $cur == -* ]]; then
        local o list=""
        for o in $opts; do
            o=${o%=}
            [[ " $list " == *" $o "* ]] || list+="$o "
        done
        _isscheck_words "$list"
        return
    fi

    case $cmd in
        check | validate) _isscheck_files yaml ;;
        explain)
            ((noperands == 0)) && _isscheck_words "$(_isscheck_rule_ids "$bin" "${dirs[@]}")"
            ;;
    esac
}
complete -F _isscheck isscheck

# ex: filetype=sh
