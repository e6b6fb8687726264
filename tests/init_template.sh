#!/bin/sh
# init_template.sh BINARY - `isscheck init` writes, for every category alone,
# for all of them together and for a pair given by alias, in both
# languages, a template that `validate` accepts, that `check` loads (exit
# 1: its rules fail until it is filled in, never 2) and that validates
# against schema/isscheck-declaration.schema.json as an editor reads it
# (YAML 1.2 core schema).  -o writes the same bytes to a new file and
# refuses an existing one, leaving it untouched.  A category that applies
# through a top-level section (tr: trust) is no service: alone it is refused,
# with a service it adds that section with every sub-key; a rule reading the
# report template (PT-T-b) gets report_template, not manual.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400
unset ISSCHECK_LANG
fail=0 n=0
allcats=$("$bin" list --format json | /usr/bin/python3 -c '
import json, sys
print(" ".join(sorted({r["category"] for r in json.load(sys.stdin)["rules"]})))')
# the categories with a section, from every criteria set
sections=$(/usr/bin/python3 -c '
import glob, yaml
print(" ".join(c["code"] for f in sorted(glob.glob("criteria/*/manifest.yaml"))
               for c in yaml.safe_load(open(f, encoding="utf-8"))["categories"] if c.get("section")))')
[ -n "$sections" ] || { echo "init: no criteria set has a category with a section" >&2; fail=1; }
cats=
for c in $allcats; do
  case " $sections " in *" $c "*) ;; *) cats="$cats $c" ;; esac
done
all=$(printf '%s' "$allcats" | tr ' ' ',')
for s in $sections; do
  set +e
  "$bin" init --lang en --category "$s" >"$tmp/sec.yaml" 2>"$tmp/err"
  st=$?
  set -e
  if [ "$st" != 2 ] || [ -s "$tmp/sec.yaml" ] || ! grep -q 'at least one service' "$tmp/err"; then
    echo "init: --category $s alone (a section, no service): exit $st" >&2; fail=1
  fi
done
for sel in $cats "$all" "脆弱性診断,機器検証" "va,pt,tr" "pt" "pt,tr"; do
  for lang in ja en; do
    n=$((n + 1))
    f=$tmp/t$n.yaml
    if ! "$bin" init --category "$sel" --lang "$lang" >"$f"; then
      echo "init: --category $sel --lang $lang failed" >&2; fail=1; continue
    fi
    "$bin" validate "$f" >/dev/null || { echo "init: $sel/$lang: validate rejects the template" >&2; fail=1; }
    set +e
    "$bin" check "$f" >/dev/null 2>"$tmp/err"
    st=$?
    set -e
    if [ "$st" != 1 ] || [ -s "$tmp/err" ]; then
      echo "init: $sel/$lang: check exited $st (expected 1, rules failing) with:" >&2
      cat "$tmp/err" >&2; fail=1
    fi
    case ",$sel," in
      *,pt,*) grep -q '^    report_template:$' "$f" && ! grep -q '^    manual:$' "$f" ||
          { [ "$sel" != pt ] && [ "$sel" != pt,tr ]; } ||
          { echo "init: $sel/$lang: pt has no report_template, or a manual" >&2; fail=1; }
        grep -q '^# registrations:$' "$f" ||
          { echo "init: $sel/$lang: no commented registrations example" >&2; fail=1; } ;;
    esac
    case ",$sel," in
      *,tr,*)
        for k in trust: capital: shareholders: employees: confidentiality: training: leaving: \
                 covers: information: certifications: storage: subcontractors: tools: security:; do
          grep -q "^ *$k" "$f" || { echo "init: $sel/$lang: trust has no $k" >&2; fail=1; }
        done
        ! grep -q '^  - category: tr$' "$f" ||
          { echo "init: $sel/$lang: tr written as a service" >&2; fail=1; }
        [ "$(grep -c '^  *# TR-' "$f")" -ge 8 ] ||
          { echo "init: $sel/$lang: trust sub-keys lack the comments naming their rules" >&2; fail=1; } ;;
    esac
    head -n 1 "$f" | grep -q '^# yaml-language-server: \$schema=file:///.*/isscheck-declaration\.schema\.json$' ||
      { echo "init: $sel/$lang: first line does not name the schema" >&2; fail=1; }
  done
done
/usr/bin/python3 - "$tmp" <<'PY' || fail=1
import glob, json, re, sys
import yaml
from jsonschema import Draft202012Validator
class Core(yaml.SafeLoader):
    pass
Core.yaml_implicit_resolvers = {}
for tag, rx, first in [("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
                       ("tag:yaml.org,2002:bool", r"^(?:true|false)$", list("tf")),
                       ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", list("-+0123456789"))]:
    Core.add_implicit_resolver(tag, re.compile(rx), first)
v = Draft202012Validator(json.load(open("schema/isscheck-declaration.schema.json", encoding="utf-8")),
                         format_checker=Draft202012Validator.FORMAT_CHECKER)
bad = 0
files = sorted(glob.glob(sys.argv[1] + "/t*.yaml"))
for f in files:
    for e in v.iter_errors(yaml.load(open(f, encoding="utf-8"), Loader=Core)):
        bad += 1
        print(f"init: {f}: {e.json_path}: {e.message}", file=sys.stderr)
sys.exit(1 if bad or not files else 0)
PY
# -o: the same bytes, in a new file; an existing file is refused and kept
"$bin" init --category va -o "$tmp/new.yaml"
"$bin" init --category va | cmp -s - "$tmp/new.yaml" || { echo "init: -o wrote other bytes" >&2; fail=1; }
echo keep >"$tmp/old.yaml"
set +e
"$bin" init --lang en --category va -o "$tmp/old.yaml" 2>"$tmp/err"
st=$?
set -e
[ "$st" = 2 ] && [ "$(cat "$tmp/old.yaml")" = keep ] && grep -q 'exists' "$tmp/err" ||
  { echo "init: -o on an existing file: exit $st, file now: $(head -c 40 "$tmp/old.yaml")" >&2; fail=1; }
[ -z "$(find "$tmp" -name '*.tmp-*')" ] || { echo "init: a temporary file was left behind" >&2; fail=1; }
echo "init: $n templates checked"
[ "$n" -gt 2 ] && exit $fail
