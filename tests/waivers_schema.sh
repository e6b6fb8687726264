#!/bin/sh
# waivers_schema.sh BINARY - keeps schema/isscheck-waivers.schema.json (JSON
# Schema draft 2020-12, checked with Debian's python3-jsonschema) in step
# with the waivers loader (src/lib/waivers.c, via `isscheck check --waivers
# FILE examples/va-pass.yaml`: exit 2 and an error naming FILE is a
# rejection) and with the rules of the criteria it checks entries against:
#
#  1. the schema's rule ids (ID and EDITION:ID) are those of every set
#     under criteria/;
#  2. every example waivers file and every tests/golden/*/waivers.yaml the
#     loader accepts validates against the schema;
#  3. the files the loader rejects are rejected by the schema too, entry by
#     entry: each entry of tests/golden/waivers-errors/waivers.yaml on its
#     own is rejected by both, but the two halves of its duplicate, which
#     both accept alone (a second entry for the same target is the one
#     thing only the loader can check, asserted as such);
#  4. mutations of the example's entries - each key removed, each key
#     misspelt, bad dates, bad digests, bad verdicts, wrong types, unknown
#     rules and editions - get the same answer from the loader and from
#     the schema;
#  5. the example printed in man/isscheck-waivers.5 is
#     examples/examiner.waivers.yaml, line for line.
#
# YAML is read as editors read it (YAML 1.2 core schema: no timestamps, so
# dates are strings); the mutated documents are written back as YAML.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400
/usr/bin/python3 - "$bin" "$tmp" <<'PY'
import copy, glob, json, os, re, subprocess, sys
import yaml
from jsonschema import Draft202012Validator

bin_, tmp = sys.argv[1], sys.argv[2]
problems = []

def problem(msg):
    problems.append(msg)
    print("waivers schema: " + msg, file=sys.stderr)

# ---- YAML 1.2 core schema, as yaml-language-server reads a file ----
class Core(yaml.SafeLoader):
    pass
Core.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
]:
    Core.add_implicit_resolver(tag, re.compile(regexp), first)
Core.add_constructor("tag:yaml.org,2002:bool", lambda l, n: l.construct_scalar(n) in ("true", "True", "TRUE"))

def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.load(f, Loader=Core)

schema = json.load(open("schema/isscheck-waivers.schema.json", encoding="utf-8"))
Draft202012Validator.check_schema(schema)
V = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
D = schema["$defs"]

def schema_ok(path):
    try:
        doc = load(path)
    except yaml.YAMLError:
        return False, ["not YAML"]
    errs = [f"{e.json_path}: {e.message}" for e in V.iter_errors(doc)]
    return not errs, errs

def loader(path):
    """(accepted, error lines naming path) from isscheck check --waivers."""
    r = subprocess.run([bin_, "check", "--lang", "en", "--waivers", path, "examples/va-pass.yaml"],
                       capture_output=True, text=True)
    errs = [l for l in r.stderr.splitlines() if l.startswith(path + ":")]
    if r.returncode in (0, 1) and not errs:
        return True, []
    if r.returncode == 2 and errs:
        return False, errs
    problem(f"{path}: check --waivers exited {r.returncode} with stderr {r.stderr!r}")
    return False, errs

# ---- 1. the rule ids are the criteria's ----
ids, edition_ids = [], []
for mf in sorted(glob.glob("criteria/*/manifest.yaml")):
    man = yaml.safe_load(open(mf, encoding="utf-8"))
    for f in man["files"]:
        rf = yaml.safe_load(open(os.path.join(os.path.dirname(mf), f), encoding="utf-8"))
        if isinstance(rf, dict) and "rules" in rf:
            for r in rf["rules"]:
                ids.append(r["id"])
                edition_ids.append(f"{man['edition']}:{r['id']}")
for name, want in (("rule-id", ids), ("edition-rule-id", edition_ids)):
    got = D[name]["enum"]
    if sorted(got) != sorted(want):
        problem(f"$defs/{name}: only in the schema {sorted(set(got) - set(want))}, "
                f"only in criteria/ {sorted(set(want) - set(got))}")

# ---- 2. what the loader accepts, the schema accepts ----
files = sorted(glob.glob("examples/*.waivers.yaml") + glob.glob("examples/*.waivers.yml")) + \
    sorted(glob.glob("tests/golden/*/waivers.yaml"))
accepted = rejected = 0
for p in files:
    l_ok, l_errs = loader(p)
    s_ok, s_errs = schema_ok(p)
    if p.startswith("examples/") and not l_ok:
        problem(f"{p}: the loader rejects an example: {l_errs[:2]}")
    if l_ok:
        accepted += 1
        if not s_ok:
            problem(f"{p}: accepted by the loader, not by the schema: {s_errs[:3]}")
    else:
        rejected += 1
        if s_ok:
            problem(f"{p}: rejected by the loader ({l_errs[0] if l_errs else '?'}), "
                    f"accepted by the schema")

def write(name, doc):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as out:
        yaml.safe_dump(doc, out, allow_unicode=True, sort_keys=False)
    return path

# (file, what, expectation): "reject" both reject, "accept" both accept,
# "agree" both the same, "required" see below, "loader-only" the loader
# rejects what the schema cannot see.
cases = []

# ---- 3. the rejected golden file, entry by entry ----
errors = load("tests/golden/waivers-errors/waivers.yaml")
n = 0
for kind in ("waivers", "judgements"):
    for i, e in enumerate(errors.get(kind) or []):
        n += 1
        # every entry has an error but the two halves of the duplicate
        ok = kind == "waivers" and e.get("rule") == "VA-Q-a"
        cases.append((write(f"errors-{n:02d}.yaml", {"isscheck": 1, kind: [e]}),
                      f"waivers-errors {kind}[{i}] alone", "accept" if ok else "reject"))
# the duplicate: each half alone is fine, the pair is the loader's to reject
dup = [e for e in errors["waivers"] if e["rule"] == "VA-Q-a"]
if len(dup) != 2:
    problem("tests/golden/waivers-errors/waivers.yaml no longer has the duplicate VA-Q-a pair")
else:
    cases.append((write("errors-dup.yaml", {"isscheck": 1, "waivers": dup}),
                  "waivers-errors: the duplicate pair", "loader-only"))
cases.append(("tests/golden/waivers-errors/waivers.yaml", "the whole file", "reject"))

# ---- 4. mutations of the example's entries ----
example = load("examples/examiner.waivers.yaml")
BAD_DATES = ("2026-13-01", "2026/04/01", "2026-4-1", "2025-02-29", "２０２６-０４-０１", "0000-01-01")
GOOD_SHA = "7937a6c73ceea96caa0ec16730f78cc67e03a0de473cc03c133c081977558f00"
BAD_SHAS = ("abc", GOOD_SHA[:63], GOOD_SHA + "0", "g" + GOOD_SHA[1:], " " + GOOD_SHA[1:])
m = 0

def mutant(what, doc, expect):
    global m
    m += 1
    cases.append((write(f"m{m:04d}.yaml", doc), what, expect))

mutant("the example", example, "accept")
mutant("no isscheck key", {k: v for k, v in example.items() if k != "isscheck"}, "accept")
mutant("isscheck: 2", {**example, "isscheck": 2}, "reject")
mutant("isscheck: '1' quoted", {**example, "isscheck": "1"}, "reject")
mutant("an unknown top-level key", {**example, "waiver": []}, "reject")
mutant("waivers: a mapping", {**example, "waivers": {"rule": "VA-T-a"}}, "reject")
mutant("waivers: null", {**example, "waivers": None}, "accept")
mutant("judgements: empty list", {**example, "judgements": []}, "accept")
mutant("an empty mapping", {}, "accept")
mutant("a list at the top", [example], "reject")
for kind in ("waivers", "judgements"):
    for i, entry in enumerate(example[kind]):
        where = f"{kind}[{i}]"

        def at(e):
            d = copy.deepcopy(example)
            d[kind][i] = e
            return d
        mutant(f"{where}: a string for the entry", at("VA-T-a"), "reject")
        for k in entry:
            rest = {kk: vv for kk, vv in entry.items() if kk != k}
            mutant(f"{where}/{k} removed", at(rest), "required")
            mutant(f"{where}/{k} null", at({**rest, k: None}), "required")
            mutant(f"{where}/{k} misspelt", at({**rest, k + "x": entry[k]}), "reject")
            mutant(f"{where}/{k} a mapping", at({**entry, k: {"zz": 1}}), "reject")
            mutant(f"{where}/{k} a list", at({**entry, k: [entry[k]]}), "reject")
        mutant(f"{where}: an unknown key", at({**entry, "comment": "x"}), "reject")
        mutant(f"{where}: expires on a judgement" if kind == "judgements" else
               f"{where}: verdict on a waiver", at({**entry, **(
                   {"expires": "2030-01-01"} if kind == "judgements" else {"verdict": "pass"})}),
               "reject")
        for k in ("decided_on", "expires"):
            for bad in BAD_DATES:
                mutant(f"{where}/{k}: {bad}", at({**entry, k: bad}), "reject")
            mutant(f"{where}/{k}: 2028-02-29", at({**entry, k: "2028-02-29"}),
                   "reject" if (k, kind) == ("expires", "judgements") else "accept")
        for bad in BAD_SHAS:
            mutant(f"{where}/declaration_sha256: {bad!r}", at({**entry, "declaration_sha256": bad}),
                   "reject")
        mutant(f"{where}/declaration_sha256 in upper case",
               at({**entry, "declaration_sha256": GOOD_SHA.upper()}), "accept")
        mutant(f"{where}/provider: a number", at({**entry, "provider": 12345}), "accept")
        mutant(f"{where}/reason: a boolean", at({**entry, "reason": True}), "accept")
        for rule, expect in (("VA-T-x", "reject"), ("va-t-a", "reject"), ("第3版:VA-T-a", "accept"),
                             ("第9版:VA-T-a", "reject"), ("第3版:TR-CAP", "reject"),
                             ("2025年10月（審査項目案）:TR-CAP", "accept"), ("PT-a", "accept"),
                             (":VA-T-a", "reject"), ("", "reject"), (123, "reject")):
            mutant(f"{where}/rule: {rule!r}", at({**entry, "rule": rule}), expect)
        if kind == "judgements":
            for v, expect in (("fail", "accept"), ("pass", "accept"), ("waived", "reject"),
                              ("PASS", "reject"), ("review", "reject"), (True, "reject")):
                mutant(f"{where}/verdict: {v!r}", at({**entry, "verdict": v}), expect)

counts = {}
for path, what, expect in cases:
    l_ok, l_errs = loader(path)
    s_ok, s_errs = schema_ok(path)
    if expect == "required":
        # a key the loader requires, the schema requires; a key the
        # schema requires, the loader cannot do without
        missing = any("missing required key" in e or "needs 'declaration_sha256'" in e
                      for e in l_errs)
        bad = (missing and s_ok) or (not s_ok and l_ok) or (not l_ok and not missing)
        expect = "required" if missing else "optional"
    elif expect == "reject":
        bad = l_ok or s_ok
    elif expect == "accept":
        bad = not l_ok or not s_ok
    elif expect == "loader-only":
        bad = l_ok or not s_ok
    else:
        bad = l_ok != s_ok
    counts[expect] = counts.get(expect, 0) + 1
    if bad:
        problem(f"{what}: loader {'accepts' if l_ok else 'rejects'}, schema "
                f"{'accepts' if s_ok else 'rejects'} (expected: {expect}) "
                + "; ".join((l_errs + s_errs)[:2]))
# ---- 5. the man page prints the example file as it is ----
page = open("man/isscheck-waivers.5", encoding="utf-8").read().split("\n")
first = "# yaml-language-server: $schema=../schema/isscheck-waivers.schema.json"
shown = None
if first in page:
    start = page.index(first)
    shown = page[start:page.index(".Ed", start)]
    shown = [re.sub(r"^\\&", "", l).replace("\\e", "\\") for l in shown]
if shown != open("examples/examiner.waivers.yaml", encoding="utf-8").read().rstrip("\n").split("\n"):
    problem("man/isscheck-waivers.5: EXAMPLES does not print examples/examiner.waivers.yaml as it is")

print(f"waivers schema: {accepted} accepted and {rejected} rejected files, {len(cases)} cases "
      f"({', '.join(f'{v} {k}' for k, v in sorted(counts.items()))}), {len(problems)} problems")
sys.exit(1 if problems or accepted < 2 or len(cases) < 100 else 0)
PY
