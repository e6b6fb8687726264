#!/usr/bin/env python3
"""schema_keys.py - isscheck-declaration(5) and the declaration JSON Schema
(which the binary carries for the language server's completion and hover)
name the same keys: every key a .It Ic line of the page's KEYS section
introduces is a property of the schema, and every property of the schema
is named by the page (an Ic or Li argument).  Run from the source root."""
import json
import re
import sys

schema = json.load(open("schema/isscheck-declaration.schema.json", encoding="utf-8"))
keys = set()
stack = [schema]
while stack:
    x = stack.pop()
    if isinstance(x, dict):
        if isinstance(x.get("properties"), dict):
            keys.update(x["properties"])
        stack.extend(x.values())
    elif isinstance(x, list):
        stack.extend(x)

page = open("man/isscheck-declaration.5", encoding="utf-8").read().splitlines()
named, introduced = set(), set()
section = None
for line in page:
    if line.startswith(".Sh "):
        section = line[4:].strip()
    if not line.startswith("."):
        continue
    words = line.split()
    for i, w in enumerate(words):
        if w in ("Ic", "Li", ".Ic", ".Li"):
            for arg in words[i + 1:]:
                if arg in ("Ic", "Li", "Pq", "No", "Ns", "Pf", "Cm", "Fl", "Xr", "Ar", "Dq", "Sq"):
                    break
                named.update(re.findall(r"[A-Za-z_][A-Za-z0-9_-]*", arg))
    if section == "KEYS" and line.startswith(".It Ic "):
        introduced.update(re.findall(r"\bIc ([A-Za-z_][A-Za-z0-9_]*)", line))

bad = 0
for k in sorted(introduced - keys):
    print("isscheck-declaration(5) documents key '%s', the schema has no such property" % k)
    bad = 1
for k in sorted(keys - named):
    print("the schema has key '%s', isscheck-declaration(5) never names it" % k)
    bad = 1
if not introduced:
    print("no .It Ic line read in KEYS: the page's layout changed")
    bad = 1
print("schema keys: %d, in the page: %s" % (len(keys), "all" if not bad else "NOT all"))
sys.exit(bad)
