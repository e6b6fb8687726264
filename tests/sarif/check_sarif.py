"""check_sarif.py SCHEMA DIR - checks the SARIF logs that validate.sh made.

For each case N in DIR: N.args (the language, then the arguments), N.sarif
and N.again (the same command rendered twice), N.json (the --format json
report of it) and N.*.status (exit statuses).  Each log must validate
against the SARIF 2.1.0 schema (draft-07) and keep what the SARIF text says
and isscheck's mapping promises (see src/lib/report_sarif.c):

  - every result's ruleId is in tool.driver.rules and ruleIndex points at it;
    rule ids are unique;
  - kind and level per SARIF 2.1.0 §3.27.10: a kind other than "fail" has
    level "none" (kind defaults to "fail", level to "warning" for kind fail);
  - fail -> kind "fail", level "error"; review -> kind "fail", level
    "warning" (--review-level note: "note"; none: no result); each result
    says which in properties["isscheck-verdict"];
  - a file that could not be loaded: one result of rule ISS-LOAD, level
    "error", at its first error, last in driver.rules;
  - a waived result: the kind and level of its computed verdict, and an
    accepted external suppression whose justification is the waiver's reason;
  - exactly the fail, review and waived results of the JSON report, in its order,
    with its locations (pass and n/a give none);
  - the driver's rules are the rules evaluated for some file;
  - invocations[0]: executionSuccessful false exactly when some file could
    not be loaded, exitCode the process's status, and one error
    notification per error of such a file, at its place;
  - the same bytes when rendered twice, one log ending in a newline.
Exits non-zero on any problem.
"""
import json
import pathlib
import sys
import urllib.parse

from jsonschema import Draft7Validator

schema = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
Draft7Validator.check_schema(schema)
validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
assert not validator.is_valid({}), "the schema must reject an empty document"
assert not validator.is_valid({"version": "2.1.0", "runs": [{"tool": {}}]}), \
    "the schema must reject a run without a driver"

tmp = pathlib.Path(sys.argv[2])
problems = 0


def problem(case, msg):
    global problems
    problems += 1
    print(f"sarif: case {case}: {msg}", file=sys.stderr)


def artifact_file(case, loc):
    """The file a SARIF location names, as it was named on the command line."""
    art = loc["physicalLocation"]["artifactLocation"]
    uri = art["uri"]
    if uri.startswith("file://"):
        if "uriBaseId" in art:
            problem(case, f"absolute uri {uri} with a uriBaseId")
        return urllib.parse.unquote(uri[len("file://"):])
    if art.get("uriBaseId") != "SRCROOT":
        problem(case, f"relative uri {uri} without uriBaseId SRCROOT")
    if ":" in uri.split("/")[0]:
        problem(case, f"relative uri {uri} whose first segment has a colon")
    return urllib.parse.unquote(uri)


def region_of(loc):
    reg = loc["physicalLocation"].get("region")
    return None if reg is None else (reg.get("startLine"), reg.get("startColumn"),
                                     reg.get("byteOffset"))


cases = sorted(int(p.stem) for p in tmp.glob("*.args"))
for n in cases:
    args = (tmp / f"{n}.args").read_text(encoding="utf-8").splitlines()
    lang = args[0]
    review_level = args[args.index("--review-level") + 1] if "--review-level" in args else "warning"
    raw = (tmp / f"{n}.sarif").read_bytes()
    status = int((tmp / f"{n}.sarif.status").read_text())
    if raw != (tmp / f"{n}.again").read_bytes():
        problem(n, "two renderings of the same run differ")
    if not raw.endswith(b"\n") or raw.count(b"\n") != 1:
        problem(n, "the log is not one line ending in a newline")
    try:
        log = json.loads(raw.decode("utf-8"))
        ref = json.loads((tmp / f"{n}.json").read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        problem(n, f"not JSON: {e}")
        continue
    for e in validator.iter_errors(log):
        problem(n, f"schema: {e.json_path}: {e.message}")

    if log.get("version") != "2.1.0" or len(log.get("runs", [])) != 1:
        problem(n, "not one SARIF 2.1.0 run")
        continue
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    if driver.get("name") != "isscheck" or driver.get("version") != ref["tool"]["version"]:
        problem(n, f"driver {driver.get('name')} {driver.get('version')}")
    if run.get("language") != lang:
        problem(n, f"language {run.get('language')}, not {lang}")
    if run.get("properties", {}).get("criteria") != ref["criteria"]:
        problem(n, "run.properties.criteria differs from the JSON report's criteria")

    # the rules
    rules = driver.get("rules", [])
    ids = [r["id"] for r in rules]
    if len(set(ids)) != len(ids):
        problem(n, "duplicate rule ids")
    evaluated = {r["rule"] for f in ref["files"] for r in f.get("results", [])}
    if any("errors" in f for f in ref["files"]):
        evaluated.add("ISS-LOAD")
        if ids[-1:] != ["ISS-LOAD"]:
            problem(n, "ISS-LOAD is not the last rule")
    # with --baseline: the rules of problems resolved for want of a result too
    evaluated |= {r["rule"] for f in ref["files"] for r in f.get("baseline", {}).get("resolved_rules", [])}
    if set(ids) != evaluated:
        problem(n, f"driver rules {sorted(ids)} are not the rules evaluated {sorted(evaluated)}")
    for r in rules:
        if r.get("name") in (None, r["id"]):  # SARIF1001
            problem(n, f"rule {r['id']}: its name {r.get('name')!r} is not a name")
        if r["id"] == "ISS-LOAD":
            continue
        cit = r.get("properties", {}).get("citation", {})
        want = f"{cit.get('title')} {cit.get('edition')} {cit.get('clause')}\n"
        if not r.get("help", {}).get("text", "").startswith(want):
            problem(n, f"rule {r['id']}: help.text does not start with the citation")
        for k in ("shortDescription", "fullDescription"):
            if not r.get(k, {}).get("text"):
                problem(n, f"rule {r['id']}: no {k}")

    # the results
    got = []
    for i, res in enumerate(run.get("results", [])):
        rid, idx = res.get("ruleId"), res.get("ruleIndex")
        if rid not in ids:
            problem(n, f"result {i}: ruleId {rid} is not in tool.driver.rules")
        if not isinstance(idx, int) or not 0 <= idx < len(rules) or rules[idx]["id"] != rid:
            problem(n, f"result {i}: ruleIndex {idx} does not point at rule {rid}")
        kind = res.get("kind", "fail")
        level = res.get("level", "warning" if kind == "fail" else "none")
        if kind != "fail" and level != "none":  # SARIF 2.1.0 §3.27.10
            problem(n, f"result {i}: kind {kind} with level {level}")
        props = res.get("properties", {})
        verdict = props.get("isscheck-verdict")
        state = res.get("baselineState")
        if state == "absent":  # --baseline: resolved, kind pass (SARIF 2.1.0 §3.27.24)
            if (kind, level) != ("pass", "none"):
                problem(n, f"result {i}: absent as kind {kind}, level {level}")
            if verdict in ("fail", "review", "waived"):
                problem(n, f"result {i}: absent but {verdict}")
            locs = res.get("locations", [])
            got.append((artifact_file(n, locs[0]) if locs else "<stdin>", rid, verdict,
                        region_of(locs[0]) if locs else None, state))
            continue
        levels = {"fail": ("fail", "error"), "review": ("fail", review_level),
                  "not-loaded": ("fail", "error")}
        # a waived result keeps the level of what was computed, and is suppressed
        want = levels.get(props.get("isscheck-computed") if verdict == "waived" else verdict)
        if want is None:
            problem(n, f"result {i}: isscheck-verdict {verdict!r} (pass and n/a give no result)")
        elif (kind, level) != want:
            problem(n, f"result {i}: {verdict} as kind {kind}, level {level}, not {want}")
        sup = res.get("suppressions")
        if verdict == "waived":
            w = props.get("isscheck-waiver") or {}
            if (not sup or sup[0].get("kind") != "external" or sup[0].get("status", "accepted") != "accepted"
                    or sup[0].get("justification") != w.get("reason")):
                problem(n, f"result {i}: waived without an accepted external suppression "
                        f"justified by the waiver's reason: {sup}")
        elif sup:
            problem(n, f"result {i}: {verdict} result suppressed")
        if not res.get("message", {}).get("text"):
            problem(n, f"result {i}: no message text")
        locs = res.get("locations", [])
        if locs:
            got.append((artifact_file(n, locs[0]), rid, verdict, region_of(locs[0]), state))
        else:
            got.append(("<stdin>", rid, verdict, None, state))
    expected = []
    for f in ref["files"]:
        if "errors" in f:
            errs = [e for e in f["errors"] if e["severity"] == "error"] or f["errors"]
            e = errs[0] if errs else None
            reg = None if e is None or f["file"] == "<stdin>" else \
                (e["line"], e["column"] or None, e["byte"]) if e["line"] else \
                (None, None, e["byte"]) if e["byte"] is not None else None
            expected.append((e["file"] if e else f["file"], "ISS-LOAD", "not-loaded", reg, None))
        compared = f.get("baseline", {}).get("state") == "compared"
        for r in f.get("results", []):
            computed = r.get("computed", r["verdict"]) if r["verdict"] == "waived" else r["verdict"]
            if review_level == "none" and computed == "review":
                continue
            mark = r.get("baseline") if compared else None
            shown = r["verdict"] in ("fail", "review", "waived")
            if shown or mark == "resolved":
                loc = r["location"]
                reg = (loc["line"], loc["column"] or None, None) if loc else None
                if not compared:
                    state = None
                elif not shown:
                    state = "absent"
                elif r["verdict"] != "waived":
                    state = mark
                else:  # waived now: a problem then (updated), waived then too, or
                    # neither; a waiver is no fix, so the JSON report marks none of them
                    state = ("new", "unchanged", "updated")
                expected.append((f["file"], r["rule"], r["verdict"],
                                 None if f["file"] == "<stdin>" else reg, state))
        for g in f.get("baseline", {}).get("resolved_rules", []):
            expected.append((f["file"], g["rule"], None, None, "absent"))
    # a state of several choices is met by any of them
    expected = [e[:4] + (g[4],) if isinstance(e[4], tuple) and len(g) == 5 and g[4] in e[4] else e
                for e, g in zip(expected, got)] + expected[len(got):]
    if got != expected:
        problem(n, f"results {got} are not the JSON report's fail and review results {expected}")

    # the invocation
    inv = run.get("invocations", [])
    if len(inv) != 1:
        problem(n, f"{len(inv)} invocations")
        continue
    inv = inv[0]
    unloaded = [f for f in ref["files"] if "errors" in f]
    if inv.get("executionSuccessful") != (not unloaded):
        problem(n, f"executionSuccessful {inv.get('executionSuccessful')} with {len(unloaded)} unloaded files")
    if inv.get("exitCode") != status or status != ref["status"]:
        problem(n, f"exitCode {inv.get('exitCode')}, process status {status}, JSON status {ref['status']}")
    notes = inv.get("toolExecutionNotifications", [])
    want_notes = []
    for f in unloaded:
        for e in f["errors"]:
            # an encoding error has its line and column and its byte offset
            reg = (e["line"], e["column"] or None, e["byte"]) if e["line"] else \
                (None, None, e["byte"]) if e["byte"] is not None else None
            want_notes.append((e["severity"], e["message"], e["file"], reg))
    # then the waivers file's entries that did nothing, as the JSON report's unused_waivers
    for u in ref.get("unused_waivers", []):
        want_notes.append((u["level"], u["message"], u["file"], (u["line"], u["column"], None)))
    got_notes = []
    for k in notes:
        locs = k.get("locations", [])
        got_notes.append((k.get("level"), k.get("message", {}).get("text"),
                          artifact_file(n, locs[0]) if locs else "<stdin>",
                          region_of(locs[0]) if locs else None))
    if got_notes != want_notes:
        problem(n, f"notifications {got_notes} are not the JSON report's errors {want_notes}")

print(f"sarif: {len(cases)} logs validated, {problems} problems")
sys.exit(1 if problems or not cases else 0)
