#!/bin/sh
# declaration_schema.sh BINARY - keeps schema/isscheck-declaration.schema.json
# (JSON Schema draft 2020-12, checked with Debian's python3-jsonschema) in
# step with the declaration parser (src/lib/decl.c, via `isscheck validate`)
# and with the criteria it reads its vocabulary from:
#
#  1. the schema's category names, sub-types, engagement kinds, lead groups,
#     manual and report-template sections, statement ids, review documents
#     and criteria editions are those of every set under criteria/; a
#     category with a section (tr) is no service;
#  2. every example and every golden-test input the parser accepts
#     validates against the schema;
#  3. mutations of the examples - an unknown key in each mapping, a
#     mapping in place of each scalar and of each list, bad dates, bad
#     booleans and numbers, a list of one written as its string, each key
#     removed - get the same answer from the parser and from the schema.
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
    print("schema: " + msg, file=sys.stderr)

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

# PyYAML follows YAML 1.1, where U+0085, U+2028 and U+2029 end a line;
# for YAML 1.2, editors and isscheck they are ordinary characters: each is
# read as a private-use character the text does not hold, then put back.
BREAKS = "\u0085\u2028\u2029"

def restore(doc, back):
    if isinstance(doc, str):
        return doc.translate(back)
    if isinstance(doc, dict):
        return {restore(k, back): restore(v, back) for k, v in doc.items()}
    if isinstance(doc, list):
        return [restore(v, back) for v in doc]
    return doc

def load(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    if not any(b in text for b in BREAKS):
        return yaml.load(text, Loader=Core)
    free = [chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text][:3]
    doc = yaml.load(text.translate({ord(b): p for b, p in zip(BREAKS, free)}), Loader=Core)
    return restore(doc, {ord(p): b for b, p in zip(BREAKS, free)})

schema = json.load(open("schema/isscheck-declaration.schema.json", encoding="utf-8"))
Draft202012Validator.check_schema(schema)
V = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
D = schema["$defs"]

def schema_ok(doc):
    return V.is_valid(doc)

# ---- 1. the vocabulary is the criteria's ----
def section_ids(sec):
    """The ids a sections schema allows: an enum, or none (an empty list only)."""
    sec = D[sec["$ref"].split("/")[-1]] if "$ref" in sec else sec
    if sec.get("type") == "array" and sec.get("maxItems") == 0:
        return [], []
    return sec["anyOf"][0]["enum"], sec["anyOf"][1]["items"]["enum"]

docs = set()
editions = {}
cats = []  # (set folder, category) of every set
for mf in sorted(glob.glob("criteria/*/manifest.yaml")):
    man = yaml.safe_load(open(mf, encoding="utf-8"))
    editions.setdefault(man["document"], []).append(str(man["edition"]))
    folder = os.path.dirname(mf)
    rules = []
    for f in man["files"]:
        rf = yaml.safe_load(open(os.path.join(folder, f), encoding="utf-8"))
        if isinstance(rf, dict) and "rules" in rf:
            rules.append((rf["category"], rf["rules"]))
    for c in man["categories"]:
        cats.append((c, [r for cat, rs in rules if cat == c["code"] for r in rs]))
crit = {k: v.get("enum") for k, v in D["criteria"]["properties"].items()}
if crit != editions:
    problem(f"$defs/criteria: schema {crit}, criteria {editions}")
services = [c for c, _ in cats if not c.get("section")]
for c, rules in cats:
    code = c["code"]
    if c.get("section"):
        want = [code] + c.get("aliases", [])
        if D.get(f"category-{code}", {}).get("enum") != want:
            problem(f"$defs/category-{code} is not {want}")
        if {"$ref": f"#/$defs/category-{code}"} in D["category"]["anyOf"] or f"service-{code}" in D:
            problem(f"{code} applies through '{c['section']}', yet the schema makes it a service")
        if c["section"] not in schema["properties"]:
            problem(f"the schema has no top-level '{c['section']}' for {code}")
        continue
    want = [code] + c.get("aliases", [])
    if D.get(f"category-{code}", {}).get("enum") != want:
        problem(f"$defs/category-{code} is not {want}")
        continue
    if {"$ref": f"#/$defs/category-{code}"} not in D["category"]["anyOf"]:
        problem(f"$defs/category does not list category-{code}")
    svc = D.get(f"service-{code}", {}).get("properties", {})
    subtypes = set()
    for s in c.get("subtypes", []):
        subtypes |= {s["code"], s["ja"]}
    got = set(D[f"subtype-{code}"]["enum"]) if f"subtype-{code}" in D else set()
    if got != subtypes:
        problem(f"sub-types of {code}: schema {sorted(got)}, criteria {sorted(subtypes)}")
    if bool(subtypes) != ("subtypes" in D.get(f"service-{code}", {}).get("required", [])):
        problem(f"service-{code}: 'subtypes' is required exactly when the category has sub-types")
    kinds = None
    for alt in D["engagement-kind"]["allOf"]:
        if alt["if"]["properties"]["category"]["$ref"] == f"#/$defs/category-{code}":
            kinds = alt["then"]["properties"]["kind"]["enum"]
    if kinds != [k["code"] for k in c.get("engagement_kinds", [])] + [None]:
        problem(f"engagement kinds of {code}: schema {kinds}")
    groups = sorted(k for k, v in svc.items() if v.get("$ref") == "#/$defs/lead-group")
    if groups != sorted(c.get("lead_groups", [])):
        problem(f"lead groups of {code}: schema {groups}, criteria {c.get('lead_groups')}")
    sections, statements, template = [], [], []
    for r in rules:
        ch = r["check"]
        if ch["kind"] == "manual_sections" and ch.get("source") == "report_template":
            template += [s["id"] for s in ch["sections"]]
        elif ch["kind"] == "manual_sections":
            sections += [s["id"] for s in ch["sections"]]
        if ch["kind"] == "statement":
            statements += ch["statements"]
        for a in ch.get("alternatives", []):
            docs |= set(a["documents"])
    one, many = section_ids(svc["manual"]["properties"]["sections"])
    if one != sections or many != sections:
        problem(f"manual sections of {code}: schema {one}, criteria {sections}")
    if template or "report_template" in svc:
        one, many = section_ids(svc.get("report_template", {}).get("properties", {}).get(
            "sections", {"type": "array", "maxItems": 0}))
        if one != template or many != template:
            problem(f"report-template sections of {code}: schema {one}, criteria {template}")
    names = svc["statements"].get("propertyNames")
    names = [] if names is False else names["enum"]
    if names != statements:
        problem(f"statements of {code}: schema {names}, criteria {statements}")
if set(D["review"]["properties"]["document"]["enum"]) != docs:
    problem(f"review documents: schema {D['review']['properties']['document']['enum']}, criteria {sorted(docs)}")
if {"$ref": "#/$defs/category-" + "x"} in D["category"]["anyOf"] or \
        len(D["category"]["anyOf"]) != len(services):
    problem("$defs/category lists a category the criteria do not have")

# ---- `isscheck validate` over many files at once: the files with errors ----
def parser_errors(paths):
    out = {p: [] for p in paths}
    for i in range(0, len(paths), 500):
        chunk = paths[i:i + 500]
        r = subprocess.run([bin_, "validate", *chunk], capture_output=True, text=True)
        for line in r.stderr.splitlines():
            for p in chunk:
                if line.startswith(p + ":"):
                    out[p].append(line)
                    break
            else:
                problem(f"validate printed a line naming no file: {line}")
        if r.returncode != (2 if any(out[p] for p in chunk) else 0):
            problem(f"validate exited {r.returncode} for a batch, errors in "
                    f"{sum(1 for p in chunk if out[p])} files")
    return out

# ---- 2. what the parser accepts, the schema accepts ----
examples = sorted(p for p in glob.glob("examples/*.yaml") if not p.endswith(".waivers.yaml"))
inputs = examples + sorted(glob.glob("tests/golden/*/input.yaml")) + \
    sorted(glob.glob("tests/golden/*/*.yml")) + sorted(glob.glob("tests/golden/*/*.yaml"))
inputs = sorted(set(inputs))
errs = parser_errors(inputs)
accepted = 0
for p in inputs:
    if errs[p]:
        if p in examples:
            problem(f"{p}: the parser rejects an example")
        continue
    accepted += 1
    try:
        doc = load(p)
    except yaml.YAMLError as e:
        problem(f"{p}: the parser accepts it, PyYAML does not: {e}")
        continue
    for e in V.iter_errors(doc):
        problem(f"{p}: accepted by the parser, not by the schema: {e.json_path}: {e.message}")

# ---- 3. mutations: parser and schema agree ----
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

def nodes(doc, path=()):
    yield path, doc
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from nodes(v, path + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from nodes(v, path + (i,))

def setat(doc, path, value):
    d = copy.deepcopy(doc)
    if not path:
        return value
    t = d
    for k in path[:-1]:
        t = t[k]
    t[path[-1]] = value
    return d

def delat(doc, path):
    d = copy.deepcopy(doc)
    t = d
    for k in path[:-1]:
        t = t[k]
    del t[path[-1]]
    return d

# (document, expectation): "reject" both must reject, "accept" both must
# accept, "agree" both the same, "required" see below.
# The failing examples have the shapes of the passing ones: mutating the
# passing examples and the multi-category one reaches every key and keeps
# the run short.
mutants = []
# va-pt-trust has trust, report_template and pt; two golden inputs add
# registrations and criteria.
for ex in [e for e in examples if e.endswith("-pass.yaml") or "multi" in e or "trust" in e] + \
        ["tests/golden/pt-registered-va/input.yaml", "tests/golden/edition-named-shipped/input.yaml"]:
    doc = load(ex)
    mutants.append((ex, "original", doc, "accept"))
    for path, v in nodes(doc):
        where = "/".join(map(str, path)) or "(root)"
        if isinstance(v, dict):
            # counts is a mapping of path id to number: any key loads
            if path and path[-1] == "counts":
                mutants.append((ex, f"unknown path in {where}", setat(doc, path, {**v, "zz_unknown": 1}), "accept"))
            else:
                mutants.append((ex, f"unknown key in {where}", setat(doc, path, {**v, "zz_unknown": "x"}), "reject"))
            for k in v:
                mutants.append((ex, f"{where}/{k} removed", delat(doc, path + (k,)), "required"))
        elif isinstance(v, list):
            if path:
                mutants.append((ex, f"mapping for the list {where}", setat(doc, path, {"zz": 1}), "reject"))
            if v and not isinstance(v[0], (dict, list)):
                mutants.append((ex, f"string for the list of one {where}", setat(doc, path, v[0]), "agree"))
        elif path:
            mutants.append((ex, f"mapping for the scalar {where}", setat(doc, path, {"zz_wrong": 1}), "reject"))
            if isinstance(v, str) and DATE.match(v):
                for bad in ("2026-13-01", "2026/04/01", "2026-4-1", "2025-02-29", "２０２６-０４-０１"):
                    mutants.append((ex, f"date {bad} at {where}", setat(doc, path, bad), "reject"))
            if isinstance(v, bool):
                mutants.append((ex, f"'yes' for the boolean {where}", setat(doc, path, "yes"), "reject"))
            elif isinstance(v, int):
                mutants.append((ex, f"-1 for the number {where}", setat(doc, path, -1), "reject"))
                # a share is a percentage written as a number or a string
                quoted = "accept" if path[-1] == "share" else "reject"
                mutants.append((ex, f"'{v}' quoted for the number {where}", setat(doc, path, str(v)), quoted))
            elif isinstance(v, float) and path[-1] == "share":
                mutants.append((ex, f"three decimals for the share {where}", setat(doc, path, f"{v:.3f}1"), "reject"))
                mutants.append((ex, f"over 100 for the share {where}", setat(doc, path, "100.01"), "reject"))

files = []
for i, (ex, what, doc, _) in enumerate(mutants):
    f = os.path.join(tmp, f"m{i:05d}.yaml")
    with open(f, "w", encoding="utf-8") as out:
        yaml.safe_dump(doc, out, allow_unicode=True, sort_keys=False)
    files.append(f)
errs = parser_errors(files)
counts = {}
for f, (ex, what, doc, expect) in zip(files, mutants):
    p_ok, s_ok = not errs[f], schema_ok(doc)
    if expect == "required":
        # a key the parser requires, the schema requires; a key the
        # schema requires, the parser cannot do without
        missing = any("missing required key" in e for e in errs[f])
        bad = (missing and s_ok) or (not s_ok and p_ok)
        expect = "required" if missing else "optional"
    elif expect == "reject":
        bad = p_ok or s_ok
    elif expect == "accept":
        bad = not p_ok or not s_ok
    else:
        bad = p_ok != s_ok
    counts[expect] = counts.get(expect, 0) + 1
    if bad:
        problem(f"{ex}: {what}: parser {'accepts' if p_ok else 'rejects'}, schema "
                f"{'accepts' if s_ok else 'rejects'} (expected: {expect}) "
                + ("; ".join(errs[f][:2]) if errs[f] else ""))
print(f"declaration schema: {accepted} accepted inputs validated, {len(mutants)} mutations "
      f"({', '.join(f'{v} {k}' for k, v in sorted(counts.items()))}), {len(problems)} problems")
sys.exit(1 if problems or accepted < len(examples) or len(mutants) < 100 else 0)
PY
