#!/bin/sh
# diag_messages.sh - every message isscheck can print as an error has a
# Japanese translation in include/isscheck/diag_ja.def.
#
# Reads src/: the format string of every call of a function that prints or
# records a diagnostic (FUNCS below: the function and the index of its
# format argument), and the descriptions ("a person", "the declaration")
# handed to the typed getters of fields.c, which name what was being read.
# A format that is not a string literal fails too: the lookup is by the
# English text, so it must be visible here.
#
# And the reporters (src/lib/report*.c) write no words of their own: every
# word is a row of include/isscheck/strings.def (both languages, which
# test_diag checks), so a reporter source with a string literal holding
# Japanese, or a pick(lang, "…", "…") of literals, fails.  So do
# `isscheck explain`, `isscheck init`, `isscheck catalogue` and the check
# kinds (explain.c, template.c, catalogue_list.c, src/lib/checks/): a string literal holding Japanese there, or
# an inline pair X(lang, "…", "…") or tmpl_text(t, "…", "…"), fails.  Run
# from the source root.
set -eu
/usr/bin/python3 - <<'PY'
import glob, re, sys

# function name -> index of its format (or description) argument
FUNCS = {
    "iss_diag_add": 4, "iss_diag_add_byte": 3, "iss_diag_add_byte_at": 4, "iss_error": 2,
    "usage_error": 1, "cli_error": 2,  # src/cli: the context first (cli.h)
}
WHAT = {"iss_expect_map": 2, "iss_expect_seq": 2, "iss_node_str": 2}

def literal_body(tok):
    # adjacent string literals of one argument, joined; None if not only literals
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', tok)
    rest = re.sub(r'"((?:[^"\\]|\\.)*)"', "", tok).strip()
    if not parts or rest:
        return None
    return "".join(parts)

def args_at(src, i):
    # the arguments of the call whose "(" is at src[i], split at top-level commas
    depth, args, cur, j = 0, [], [], i
    while j < len(src):
        ch = src[j]
        if ch == '"':
            k = j + 1
            while src[k] != '"':
                k += 2 if src[k] == "\\" else 1
            cur.append(src[j:k + 1]); j = k + 1; continue
        if ch == "'":
            k = j + 1
            while src[k] != "'":
                k += 2 if src[k] == "\\" else 1
            cur.append(src[j:k + 1]); j = k + 1; continue
        if ch in "({[":
            depth += 1
            if depth == 1:
                j += 1; continue
        elif ch in ")}]":
            depth -= 1
            if depth == 0:
                args.append("".join(cur).strip()); return args
        elif ch == "," and depth == 1:
            args.append("".join(cur).strip()); cur = []; j += 1; continue
        cur.append(ch); j += 1
    return args

def strip_comments(s):
    out, i = [], 0
    while i < len(s):
        if s.startswith("/*", i):
            i = s.index("*/", i) + 2; out.append(" ")
        elif s.startswith("//", i):
            i = s.index("\n", i)
        elif s[i] in "\"'":
            q, k = s[i], i + 1
            while s[k] != q:
                k += 2 if s[k] == "\\" else 1
            out.append(s[i:k + 1]); i = k + 1
        else:
            out.append(s[i]); i += 1
    return "".join(out)

table = {}
for line in open("include/isscheck/diag_ja.def", encoding="utf-8"):
    m = re.match(r'ISS_DIAG_JA\("((?:[^"\\]|\\.)*)",', line)
    if m:
        table[m.group(1)] = True

missing, bad, seen = [], [], 0
for path in sorted(glob.glob("src/**/*.c", recursive=True)):
    src = strip_comments(open(path, encoding="utf-8").read())
    for m in re.finditer(r"\b(\w+)\s*\(", src):
        name = m.group(1)
        if name not in FUNCS and name not in WHAT:
            continue
        line = src.count("\n", 0, m.start()) + 1
        before = src[:m.start()].rstrip()
        # a declaration or definition, not a call
        if re.search(r"\b(void|int|bool|static|const)\s*\**$", before):
            continue
        args = args_at(src, m.end() - 1)
        if name in WHAT:
            what = literal_body(args[WHAT[name]]) if len(args) > WHAT[name] else None
            if what is not None and re.match(r"(a|an|the) ", what) and what not in table:
                missing.append("%s:%d: description \"%s\"" % (path, line, what))
            continue
        idx = FUNCS[name]
        fmt = literal_body(args[idx]) if len(args) > idx else None
        seen += 1
        if fmt is None:
            bad.append("%s:%d: %s: the format is not a string literal: %s" % (path, line, name, args[idx:idx + 1]))
        elif fmt == "%s" and len(args) > idx + 1 and literal_body(args[idx + 1]) is not None:
            bad.append("%s:%d: %s: pass the message itself as the format, so it is looked up" % (path, line, name))
        elif fmt not in table:
            missing.append("%s:%d: \"%s\"" % (path, line, fmt))
# the reporters' words come from strings.def
JAPANESE = re.compile("[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
LITERAL = r'"(?:[^"\\\n]|\\.)*"'

def own_words(path, where):
    # path's source without comments, after noting its literals holding Japanese
    src = strip_comments(open(path, encoding="utf-8").read())
    for m in re.finditer(LITERAL, src):
        if JAPANESE.search(m.group(0)):
            line = src.count("\n", 0, m.start()) + 1
            bad.append("%s:%d: Japanese in %s: make it a row of strings.def: %s"
                       % (path, line, where, m.group(0)[:60]))
    return src

own = 0
for path in sorted(glob.glob("src/lib/report*.c")):
    own += 1
    src = own_words(path, "a reporter")
    for m in re.finditer(r"\bpick\s*\(", src):
        args = args_at(src, m.end() - 1)
        if any(literal_body(a) is not None for a in args[1:]):
            line = src.count("\n", 0, m.start()) + 1
            bad.append("%s:%d: pick() of literal strings: make them a row of strings.def"
                       % (path, line))
if own < 6:
    print("diag_messages: only %d reporter sources found: is the scan broken?" % own,
          file=sys.stderr)
    sys.exit(1)
# the explanation's, the template's and the check kinds' words too
kinds = sorted(glob.glob("src/lib/checks/*.[ch]"))
for path in ["src/lib/explain.c", "src/lib/template.c", "src/lib/catalogue_list.c"] + kinds:
    src = own_words(path, "a literal")
    for m in re.finditer(r"\b(X|tmpl_text)\s*\(", src):
        line = src.count("\n", 0, m.start()) + 1
        bad.append("%s:%d: %s(): an inline pair: make it a row of strings.def"
                   % (path, line, m.group(1)))
if len(kinds) < 10:
    print("diag_messages: only %d check kind sources found: is the scan broken?" % len(kinds),
          file=sys.stderr)
    sys.exit(1)
for m in bad + missing:
    print("diag_messages: " + m, file=sys.stderr)
if missing:
    print("diag_messages: add each message above to include/isscheck/diag_ja.def "
          "(kept sorted: the unit test test_diag says where)", file=sys.stderr)
if seen < 100:
    print("diag_messages: only %d calls found: is the scan broken?" % seen, file=sys.stderr)
    sys.exit(1)
sys.exit(1 if missing or bad else 0)
PY
