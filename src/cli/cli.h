/* cli.h - what every command of the command line shares: the context a
 * command runs in, its option table and the one iterator that reads it,
 * the one usage error, the one resolution of the language, and the
 * criteria and the day a run works with.  No logic of the standard lives
 * in src/cli: a command parses, calls the library and writes.
 *
 * Ownership as everywhere (base.h): nothing here takes ownership of its
 * arguments. */
#ifndef ISSCHECK_CLI_CLI_H
#define ISSCHECK_CLI_CLI_H

#include "isscheck/editions.h"
#include "isscheck/report.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum { CLI_EXIT_CLEAN = 0, CLI_EXIT_FAILED = 1, CLI_EXIT_USAGE = 2 };

/* What a command runs with, passed down rather than held in globals. */
typedef struct {
    /* the language of the command line's own errors (usage errors, files
     * it cannot write, diagnostics of commands without a report): see
     * cli_lang_guess */
    iss_lang lang;
    /* the command whose help a usage error points to ("Try 'isscheck help
     * CMD'."), or NULL for the general help */
    const char *cmd;
} cli_ctx;

/* A usage error: "isscheck: error: MESSAGE" and the hint to the help, on
 * standard error, the message (English fmt, a key of diag_ja.def) in
 * c->lang, the values it quotes escaped (one line).  Returns 2. */
int usage_error(const cli_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same for a message the library recorded (x: its first error). */
int usage_error_diag(const cli_ctx *c, const iss_diag *x);
/* FILE: error: MESSAGE on standard error, in c->lang. */
void cli_error(const cli_ctx *c, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The language that counts: opt (--lang's value) when given, else
 * ISSCHECK_LANG's when set and not empty, else Japanese.  -1 with *out
 * set, or the usage error's status when the one that counts is neither ja
 * nor en. */
int cli_lang_resolve(const cli_ctx *c, const char *opt, iss_lang *out);
/* The same, read from the whole command line before anything is parsed
 * (the last valid --lang before "--"; invalid values are passed over, as
 * the parse reports them), so an error found before --lang on the line is
 * in the language --lang names. */
iss_lang cli_lang_guess(int argc, char **argv);
/* A command's help, the strings.def row id (S_HELP_...), in c->lang on to:
 * every help follows the language the whole line names (cli_lang_guess),
 * wherever --lang stands, so "check --help --lang en" is English. */
void cli_help(const cli_ctx *c, iss_str_id id, FILE *to);

/* One option of a command's table (which ends with an entry whose name is
 * NULL).  The id tells the command's options apart. */
typedef struct {
    const char *name; /* "--output" */
    char short_name;  /* 'o' for -o, or 0 */
    bool takes_value; /* --name VALUE, --name=VALUE, -xVALUE, -x VALUE */
    bool repeatable;  /* each use adds to a list; else the last use counts */
    int id;
} cli_option;

/* Reads argv (argv[0] is the command) by the table opts, the one way every
 * command reads its arguments: options as the table says (--name,
 * --name VALUE, --name=VALUE, -x, -x VALUE, -xVALUE), "-" and anything not
 * starting with '-' as operands, and everything after "--" too.  Each
 * option, with its value (NULL for a flag), and each operand (opt NULL)
 * goes to on_arg in order until it returns a status (>= 0), which
 * cli_parse returns; an unknown option, or a value missing or given to a
 * flag, is a usage error (2); -1 when every argument was read. */
typedef int (*cli_on_arg)(const cli_ctx *ctx, void *data, const cli_option *opt, char *val);
int cli_parse(const cli_ctx *ctx, const cli_option *opts, int argc, char **argv, cli_on_arg on_arg,
              void *data);

/* A growable list of option values. */
typedef struct {
    const char **v;
    size_t n;
} cli_list;

/* Adds val to l; with split, each comma-separated part of it (empty parts
 * left out; val is cut in place). */
void cli_list_add(cli_list *l, char *val, bool split);

/* What list and init are told alike: the categories of a criteria set
 * (--category: code or alias, "a,b" or repeated) and the language; they
 * take no operand.  cli_choice_new allocates chosen, cli_choice_free
 * frees it. */
typedef struct {
    const iss_criteria *c;
    bool *chosen; /* per category of c */
    bool any;     /* whether --category was given */
    const char *lang_opt;
    iss_lang lang; /* resolved (cli_lang_resolve) once every option is read */
} cli_choice;
cli_choice cli_choice_new(const iss_criteria *c);
void cli_choice_free(cli_choice *ch);
/* cli_parse for such a command: an operand is a usage error, --category
 * and --lang (OPT_CATEGORY, OPT_LANG of cmds.h) are read into ch, every
 * other option goes to other (with data); then the language is resolved. */
int cli_choice_parse(const cli_ctx *ctx, const cli_option *opts, int argc, char **argv,
                     cli_choice *ch, cli_on_arg other, void *data);

/* Every criteria set, in rising precedence: the built-in ones,
 * ISSCHECK_CRITERIA's folders, the n folders dirs names (--criteria). */
iss_editions *cli_load_editions(const char *const *dirs, size_t n, iss_diags *d);
/* Today in Japan, or SOURCE_DATE_EPOCH's day; ISS_NO_DATE after a usage
 * error (a reference date past 9999-12-31 is refused, never wrapped). */
iss_day cli_today(const cli_ctx *c);

#endif
