/* cmds.h - the commands of the command line, one file each (cmd_*.c);
 * main.c dispatches to them.  Each returns the exit status. */
#ifndef ISSCHECK_CLI_CMDS_H
#define ISSCHECK_CLI_CMDS_H

#include "cli.h"

#include "isscheck/report.h"

/* The options the authoring commands (list, explain, init, validate)
 * share, by id. */
enum { OPT_HELP, OPT_CRITERIA, OPT_CATEGORY, OPT_FORMAT, OPT_LANG, OPT_OUTPUT };

/* Their entries in the option tables. */
#define CLI_OPTION_HELP                                                                            \
    {                                                                                              \
        .name = "--help", .short_name = 'h', .id = OPT_HELP                                        \
    }
#define CLI_OPTION_CRITERIA                                                                        \
    {                                                                                              \
        .name = "--criteria", .takes_value = true, .id = OPT_CRITERIA                              \
    }
#define CLI_OPTION_LANG                                                                            \
    {                                                                                              \
        .name = "--lang", .takes_value = true, .id = OPT_LANG                                      \
    }
#define CLI_OPTION_CATEGORY                                                                        \
    {                                                                                              \
        .name = "--category", .takes_value = true, .repeatable = true, .id = OPT_CATEGORY          \
    }
/* A command for people writing declarations: it runs over one criteria
 * set, loaded by main.c after its options were read once (help and usage
 * errors before anything is loaded; --criteria DIR names the set). */
typedef struct {
    const char *name;
    iss_str_id help;        /* the text of `isscheck help NAME` */
    const cli_option *opts; /* its option table */
    int (*run)(const cli_ctx *ctx, const iss_criteria *c, int argc, char **argv);
} cli_authoring;

extern const cli_authoring cli_cmd_list, cli_cmd_explain, cli_cmd_init, cli_cmd_validate,
    cli_cmd_catalogue;

int cli_cmd_check(const cli_ctx *ctx, int argc, char **argv);
int cli_cmd_criteria(const cli_ctx *ctx, int argc, char **argv);

#endif
