/* authoring.h - the subcommands for people writing declarations: list,
 * explain, init and validate.  Each runs over a criteria set the caller
 * has loaded (main.c owns how criteria are found) and returns the exit
 * status: 0 done, 2 usage or input error.  None takes ownership of its
 * arguments. */
#ifndef ISSCHECK_CLI_AUTHORING_H
#define ISSCHECK_CLI_AUTHORING_H

#include "isscheck/criteria.h"

typedef struct {
    const char *name;
    const char *usage;                                        /* the text of `isscheck help NAME` */
    int (*run)(const iss_criteria *c, int argc, char **argv); /* argv[0] is the name */
} iss_cli_command;

/* The authoring command called name, or NULL. */
const iss_cli_command *iss_cli_authoring(const char *name);

/* Before the criteria are loaded: prints the usage for -h or --help
 * (returns 0), reports a usage error (returns 2), or sets *criteria_dir to
 * the value of --criteria DIR (NULL when not given) and returns -1. */
int iss_cli_prescan(const iss_cli_command *cmd, int argc, char **argv, const char **criteria_dir);

/* The language of the command line's own errors (usage errors, files it
 * cannot write, diagnostics of commands without a report): --lang's value
 * when argv gives a valid one (before --), else ISSCHECK_LANG's, else
 * Japanese.  Read from argv before anything is parsed, so an error found
 * before --lang on the line is in the language that --lang names.
 * iss_cli_choose_lang is called once, by main. */
void iss_cli_choose_lang(int argc, char **argv);
iss_lang iss_cli_lang(void);
/* FILE: error: MESSAGE, the message in iss_cli_lang (fmt is the English,
 * a key of diag_ja.def). */
void iss_cli_error(const char *file, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
