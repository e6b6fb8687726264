/* yaml_errors.c - libyaml's problems reported as what the person writing
 * the file did wrong: a reader error (encoding, control characters) at
 * the line and column an editor shows, a scanner or parser problem with a
 * message that says what to change, translated like every diagnostic.
 * Only reader.c calls it (yaml_errors.h). */
#include "yaml_errors.h"

#include "textpos.h"

#include <string.h>

static bool invalid_utf8_problem(const char *problem)
{
    return problem && (strstr(problem, "UTF-8") || strstr(problem, "octet"));
}

/* What a person writing YAML by hand did wrong, read from libyaml's problem
 * and context strings (src/scanner.c and src/parser.c of libyaml 0.2):
 * each gets a message that says what to change, translated like every
 * diagnostic.  libyaml has no error codes, so its strings are the key; its
 * own text stays for a problem not listed (or one a later libyaml words
 * differently), so nothing is lost. */
typedef enum {
    YM_TAB,            /* a tab where libyaml wants indentation spaces */
    YM_RESERVED,       /* '@', '`', '%' or another character no token starts with */
    YM_COLON,          /* ': ' inside a value, or a key indented deeper than its siblings */
    YM_KEY,            /* a line that does not continue the block mapping above */
    YM_DASH,           /* a line that does not continue the block list above */
    YM_MISSING_COLON,  /* a key without its ':' */
    YM_UNCLOSED_QUOTE, /* a quoted value never closed */
    YM_UNCLOSED_SEQ,   /* a '[' never closed */
    YM_UNCLOSED_MAP,   /* a '{' never closed */
    YM_NO_VALUE,       /* a stray ']', '}' or ',', or a '- ' item inside [ ] */
    YM_DASH_AFTER_KEY, /* key: - item, on one line */
    YM_DUP_YAML,       /* two %YAML directives */
    YM_DUP_TAG,        /* two %TAG directives for one handle */
    YM_VERSION,        /* a %YAML version libyaml does not read */
    YM_DIRECTIVE,      /* a malformed or unknown directive (a line starting with '%') */
    YM_DOC_START,      /* content after a directive or '...' without '---' */
    YM_ESCAPE,         /* a bad backslash escape in a double-quoted value */
    YM_INDICATOR,      /* a value starting with '&', '*' or '!' */
    YM_BLOCK_HEADER,   /* text after '|' or '>' on its line */
} yaml_mistake;

/* First match wins; a NULL problem matches any problem of that context,
 * a NULL context any context.  The tab rows come before the block scalar
 * row, which would otherwise take a tab in a block scalar. */
static const struct {
    const char *problem, *context;
    yaml_mistake what;
    char indicator; /* YM_INDICATOR: the character that started it */
} mistakes[] = {
    {"found a tab character that violates indentation", NULL, YM_TAB, 0},
    {"found a tab character where an indentation space is expected", NULL, YM_TAB, 0},
    /* the tab case of this one is told apart by the character itself */
    {"found character that cannot start any token", NULL, YM_RESERVED, 0},
    {"mapping values are not allowed in this context", NULL, YM_COLON, 0},
    {"did not find expected key", NULL, YM_KEY, 0},
    {"did not find expected '-' indicator", NULL, YM_DASH, 0},
    {"could not find expected ':'", NULL, YM_MISSING_COLON, 0},
    {"found unexpected end of stream", "while scanning a quoted scalar", YM_UNCLOSED_QUOTE, 0},
    {"found unexpected document indicator", "while scanning a quoted scalar", YM_UNCLOSED_QUOTE, 0},
    {"did not find expected ',' or ']'", NULL, YM_UNCLOSED_SEQ, 0},
    {"did not find expected ',' or '}'", NULL, YM_UNCLOSED_MAP, 0},
    {"did not find expected node content", NULL, YM_NO_VALUE, 0},
    {"block sequence entries are not allowed in this context", NULL, YM_DASH_AFTER_KEY, 0},
    {"found duplicate %YAML directive", NULL, YM_DUP_YAML, 0},
    {"found duplicate %TAG directive", NULL, YM_DUP_TAG, 0},
    {"found incompatible YAML document", NULL, YM_VERSION, 0},
    {NULL, "while scanning a directive", YM_DIRECTIVE, 0},
    {NULL, "while scanning a %YAML directive", YM_DIRECTIVE, 0},
    {NULL, "while scanning a %TAG directive", YM_DIRECTIVE, 0},
    {"did not find expected <document start>", NULL, YM_DOC_START, 0},
    {"found unknown escape character", NULL, YM_ESCAPE, 0},
    {"did not find expected hexdecimal number", NULL, YM_ESCAPE, 0},
    {"found invalid Unicode character escape code", NULL, YM_ESCAPE, 0},
    {NULL, "while scanning an anchor", YM_INDICATOR, '&'},
    {NULL, "while scanning an alias", YM_INDICATOR, '*'},
    {NULL, "while scanning a tag", YM_INDICATOR, '!'},
    {"found undefined tag handle", NULL, YM_INDICATOR, '!'},
    {NULL, "while parsing a tag", YM_INDICATOR, '!'},
    {NULL, "while scanning a block scalar", YM_BLOCK_HEADER, 0},
};

static bool same(const char *x, const char *y)
{
    return !x || (y && strcmp(x, y) == 0);
}

/* The byte of s (len bytes) at a 1-based line and column (characters),
 * lines ended as libyaml ends them on this input (LF, CR LF, a lone CR);
 * len when that is past the end. */
static size_t loc_byte(const char *s, size_t len, iss_loc at)
{
    size_t i = 0;
    for (int line = 1; line < at.line && i < len;) {
        char c = s[i++];
        if (c == '\n' || (c == '\r' && (i == len || s[i] != '\n')))
            line++;
    }
    for (int col = 1; col < at.col && i < len; col++)
        do
            i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

/* The character (its UTF-8 bytes) at at, into out; false past the end. */
static bool char_at(const char *s, size_t len, iss_loc at, char out[5])
{
    size_t i = loc_byte(s, len, at), n = 1;
    if (i >= len)
        return false;
    while (n < 4 && i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80)
        n++;
    memcpy(out, s + i, n);
    out[n] = '\0';
    return true;
}

/* Reports libyaml's scanner or parser problem at loc as what the user did
 * wrong, when the table knows it; false when it does not.  Long on
 * purpose: one iss_diag_add with a literal message per case, so that the
 * compiler checks each format and tests/diag_messages.sh finds each
 * message's Japanese; the cases share nothing else. */
static bool yaml_mistake_error(const yaml_parser_t *p, const char *bytes, size_t len, iss_loc loc,
                               const char *name, iss_diags *d)
{
    size_t k = 0, nk = sizeof mistakes / sizeof mistakes[0];
    while (k < nk &&
           !(same(mistakes[k].problem, p->problem) && same(mistakes[k].context, p->context)))
        k++;
    if (k == nk)
        return false;
    char c[5];
    iss_loc ctx = iss_yaml_loc(p->context_mark);
    yaml_mistake what = mistakes[k].what;
    if (what == YM_RESERVED) {
        if (!char_at(bytes, len, iss_yaml_loc(p->problem_mark), c))
            return false;
        if (strcmp(c, "\t") == 0)
            what = YM_TAB;
    }
    switch (what) {
    case YM_RESERVED:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a plain value cannot start with '%s' (YAML reserves it): put the value in "
                     "quotes",
                     c);
        break;
    case YM_TAB:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a tab character: tabs cannot indent YAML; use spaces");
        break;
    case YM_COLON:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "':' is not allowed here: put a value that contains ': ' in quotes, or "
                     "indent this key like the keys above it");
        break;
    case YM_KEY:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "expected 'key: value' of the mapping that starts at line %d: indent this "
                     "line like that mapping's keys, and write nothing after a quoted value",
                     ctx.line);
        break;
    case YM_DASH:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "expected an item ('- ') of the list that starts at line %d: indent this "
                     "line like the first key of its item, or start a new item with '- '",
                     ctx.line);
        break;
    case YM_MISSING_COLON:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "missing ':' after the key at line %d, column %d (write 'key: value', a "
                     "space after the ':')",
                     ctx.line, ctx.col);
        break;
    case YM_UNCLOSED_QUOTE:
        /* the context mark is the opening quote */
        if (!char_at(bytes, len, ctx, c))
            return false;
        if (strcmp(c, "'") == 0)
            iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                         "the single-quoted value that starts at line %d, column %d is never "
                         "closed: end it with another '",
                         ctx.line, ctx.col);
        else
            iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                         "the double-quoted value that starts at line %d, column %d is never "
                         "closed: end it with another \"",
                         ctx.line, ctx.col);
        break;
    case YM_UNCLOSED_SEQ:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "the list opened by '[' at line %d, column %d is not closed: separate its "
                     "items with ',' and end it with ']'",
                     ctx.line, ctx.col);
        break;
    case YM_UNCLOSED_MAP:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "the mapping opened by '{' at line %d, column %d is not closed: separate its "
                     "entries with ',' and end it with '}'",
                     ctx.line, ctx.col);
        break;
    case YM_NO_VALUE:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a value is missing here: look for a stray ']', '}' or ',', or a '- ' item "
                     "inside [ ] or { } (write [a, b] there)");
        break;
    case YM_DASH_AFTER_KEY:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a list item ('- ') cannot start on the line of its key: start the list on "
                     "the next line, indented, or write [a, b]");
        break;
    case YM_DUP_YAML:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a second %%YAML directive: a document has at most one");
        break;
    case YM_DUP_TAG:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc, "a second %%TAG directive for the same handle");
        break;
    case YM_VERSION:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "the %%YAML directive names a version of YAML isscheck does not read: "
                     "delete the line");
        break;
    case YM_DIRECTIVE:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "a line that starts with '%%' is a directive (%%YAML or %%TAG) and this one "
                     "is malformed: delete it, or put a key or value that starts with '%%' in "
                     "quotes");
        break;
    case YM_DOC_START:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "expected a '---' line here: after a %%YAML or %%TAG directive, or after "
                     "'...', a document starts with '---'");
        break;
    case YM_ESCAPE:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "invalid escape in a double-quoted value: write a backslash as '\\\\', or "
                     "put the value in single quotes");
        break;
    case YM_INDICATOR:
        c[0] = mistakes[k].indicator;
        c[1] = '\0';
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "'%s' at the start of a value is YAML syntax (anchor '&', alias '*', tag "
                     "'!'): put the value in quotes",
                     c);
        break;
    case YM_BLOCK_HEADER:
        iss_diag_add(d, ISS_SEV_ERROR, name, loc,
                     "after '|' or '>' the line may hold only an indentation digit (1-9), '+' or "
                     "'-', and a comment: write the text on the lines below, indented");
        break;
    }
    return true;
}

/* bytes, len: the parser's input, after bom bytes skipped (a byte-order
 * mark, added back to offsets).  A reader error has a byte offset only:
 * its line and column are counted from the bytes, as an editor counts. */
void iss_yaml_parser_error(const yaml_parser_t *p, const char *bytes, size_t len, size_t bom,
                           const char *name, iss_diags *d)
{
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->error == YAML_READER_ERROR) {
        iss_loc at = iss_text_loc(bytes, len, p->problem_offset);
        long byte = (long)(p->problem_offset + bom);
        if (invalid_utf8_problem(problem))
            iss_diag_add_byte_at(d, name, at, byte,
                                 "invalid UTF-8 (%s); is the file in Shift_JIS/CP932? "
                                 "convert it with: iconv -f CP932 -t UTF-8",
                                 problem);
        else if (strcmp(problem, "control characters are not allowed") == 0)
            iss_diag_add_byte_at(d, name, at, byte, "control character U+%04X is not allowed",
                                 (unsigned)p->problem_value);
        else
            iss_diag_add_byte_at(d, name, at, byte, "%s", problem);
        return;
    }
    iss_loc loc = iss_yaml_loc(p->problem_mark);
    /* at the end of a file without a final line break, libyaml forces one
     * and reports the next line, which the file does not have: the error
     * is where the file ends */
    iss_loc end = iss_text_loc(bytes, len, len);
    if (loc.line > end.line)
        loc = end;
    if (yaml_mistake_error(p, bytes, len, loc, name, d))
        return;
    if (p->context)
        iss_diag_add(d, ISS_SEV_ERROR, name, loc, "%s %s", problem, p->context);
    else
        iss_diag_add(d, ISS_SEV_ERROR, name, loc, "%s", problem);
}
