#!/bin/sh
# diag_unused.sh - every row of include/isscheck/diag_ja.def is still used:
# the reverse of diag_messages.sh.  A row whose English no call in src/
# passes any more is a translation nobody can see, and it hides the
# message it once belonged to from the next reader of the table.
#
# A row is used when its English key is the whole of a string literal in
# src/ (adjacent literals joined, comments left out): the format of an
# iss_diag_add, iss_error, usage_error or cli_error call, a description
# handed to a typed getter of fields.c, or a message chosen at run time
# (a table of formats, a ternary) that reaches one of them.  Run from the
# source root.
set -eu
/usr/bin/python3 - <<'PY'
import glob, re, sys

LITERAL = r'"((?:[^"\\\n]|\\.)*)"'

# comments become a space; string and character literals are kept whole,
# so a "/*" inside a literal does not start a comment
TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|/\*.*?\*/|//[^\n]*', re.S)

def strip_comments(s):
    return TOKEN.sub(lambda m: m.group(0) if m.group(0)[0] in "\"'" else " ", s)

# every string literal in src/, adjacent ones joined as the compiler does
used, nfiles = set(), 0
for path in sorted(glob.glob("src/**/*.[ch]", recursive=True)):
    nfiles += 1
    src = strip_comments(open(path, encoding="utf-8").read())
    for m in re.finditer(LITERAL + r'(?:\s*' + LITERAL + r')*', src):
        used.add("".join(re.findall(LITERAL, m.group(0))))

rows, unused = 0, []
for n, line in enumerate(open("include/isscheck/diag_ja.def", encoding="utf-8"), 1):
    m = re.match(r'ISS_DIAG_JA\(' + LITERAL + ',', line)
    if not m:
        continue
    rows += 1
    if m.group(1) not in used:
        unused.append('include/isscheck/diag_ja.def:%d: "%s"' % (n, m.group(1)))
if nfiles < 50 or rows < 100:
    print("diag_unused: only %d sources and %d rows found: is the scan broken?" % (nfiles, rows),
          file=sys.stderr)
    sys.exit(1)
for u in unused:
    print("diag_unused: no message in src/ uses " + u, file=sys.stderr)
if unused:
    print("diag_unused: delete each row above from include/isscheck/diag_ja.def", file=sys.stderr)
sys.exit(1 if unused else 0)
PY
