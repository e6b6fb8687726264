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

#endif
