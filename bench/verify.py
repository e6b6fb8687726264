#!/usr/bin/env python3
"""Compares isscheck's verdicts on the corpus with the planted defects.

    bench/verify.py CORPUS REPORT.json

REPORT.json is `isscheck check --format json CORPUS/batch` (or any subset of
the manifest's files).  For every file in the report the set of rules that
failed, and the file's exit status, must equal what CORPUS/manifest.tsv
records; every file of the manifest must be in the report.  Prints one line
per mismatch and exits 1 when there is any.
"""
import json
import os
import sys


def main():
    corpus, report = sys.argv[1], sys.argv[2]
    want = {}
    with open(os.path.join(corpus, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, status, rules, defect = line.rstrip("\n").split("\t")
            want[os.path.normpath(os.path.join(corpus, name))] = (
                int(status), set() if rules == "-" else set(rules.split(",")), defect)
    with open(report, encoding="utf-8") as f:
        doc = json.load(f)
    bad = 0
    seen = set()
    for fr in doc["files"]:
        name = os.path.normpath(fr["file"])
        if name not in want:
            print("verify: %s: not in the manifest" % name)
            bad += 1
            continue
        seen.add(name)
        status, rules, defect = want[name]
        got = {r["rule"] for r in fr.get("results", []) if r["verdict"] == "fail"}
        if fr["status"] != status or got != rules:
            print("verify: %s: defect %s: expected exit %d failing %s, got exit %s failing %s"
                  % (name, defect, status, sorted(rules) or "nothing", fr["status"], sorted(got) or "nothing"))
            bad += 1
    for name in sorted(set(want) - seen):
        print("verify: %s: missing from the report" % name)
        bad += 1
    planted = sum(1 for s, _, _ in want.values() if s)
    print("verify: %d files, %d with a planted defect, %d mismatches" % (len(want), planted, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
