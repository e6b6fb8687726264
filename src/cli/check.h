/* check.h - isscheck check, in two files: cmd_check.c reads the options
 * and gathers the inputs, check_run.c drives the threads that check the
 * files (the library's iss_check_file) and writes the report. */
#ifndef ISSCHECK_CLI_CHECK_H
#define ISSCHECK_CLI_CHECK_H

#include "cli.h"
#include "walk.h"

#include "isscheck/waivers.h"

/* Everything `check` was told; freed by check_opts_free. */
typedef struct {
    iss_day as_of;
    iss_limits lim;
    bool strict, redact, require_evidence, only_declarations, csv_bom;
    size_t format;        /* index in iss_formats */
    iss_lang lang;        /* of the report */
    const char *lang_opt; /* --lang's value, while the options are read */
    const char *output, *summary_csv, *waivers;
    cli_list files, cats, rules, skips, criteria;
    size_t jobs;       /* -j: files checked in parallel; 0: one per core */
    iss_buf selection; /* the selection options, as given, for the report */
    unsigned show;     /* --show: a bit per verdict listed (iss_run.show); 0: all */
    iss_buf show_text; /* --show as the reports name it, verdicts in their order */
} check_opts;

/* Checks every file found (each through the whole pipeline, at most
 * o->jobs at a time), writes the report and the summary CSV, and returns
 * the run's exit status, starting from status (2 when an input could not
 * be found). */
int check_run(const cli_ctx *ctx, const check_opts *o, const cli_inputs *found,
              const iss_editions *ed, const iss_waivers *w, iss_day now, int status);

#endif
