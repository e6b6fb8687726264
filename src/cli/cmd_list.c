/* cmd_list.c - isscheck list: every rule of the criteria set, one a line
 * (or one JSON document). */
#include "cmds.h"
#include "output.h"

#include "isscheck/escape.h"
#include "isscheck/report.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {
    CLI_OPTION_HELP,
    CLI_OPTION_CATEGORY,
    {.name = "--format", .takes_value = true, .id = OPT_FORMAT},
    CLI_OPTION_LANG,
    CLI_OPTION_CRITERIA,
    {0},
};

/* --format text|json: *data is whether it is json */
static int format_arg(const cli_ctx *ctx, void *data, const cli_option *opt, char *val)
{
    bool *json = data;
    if (opt->id != OPT_FORMAT)
        return -1;
    *json = strcmp(val, "json") == 0;
    if (strcmp(val, "text") != 0 && !*json)
        return usage_error(ctx, "--format: expected text or json, not '%s'", val);
    return -1;
}

/* Columns on a terminal: East Asian wide characters take two. */
static size_t display_width(const char *s)
{
    size_t w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t cp = 0;
        size_t n = iss_utf8_char(p, &cp);
        if (n == 0) {
            w++;
            p++;
            continue;
        }
        bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        w += wide ? 2 : 1;
        p += n;
    }
    return w;
}

static void pad(iss_buf *out, const char *s, size_t width)
{
    iss_buf_puts(out, s);
    for (size_t w = display_width(s); w < width; w++)
        iss_buf_add(out, " ", 1);
}

static void rule_json(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang,
                      bool first)
{
    const char *const head[][2] = {
        {"id", r->id}, {"category", c->categories[r->category].code}, {"clause", r->clause}};
    const char *const titles[][2] = {{"title", lang == ISS_LANG_EN ? r->title_en : r->title_ja},
                                     {"title_ja", r->title_ja},
                                     {"title_en", r->title_en}};
    iss_buf_puts(out, first ? "{" : ",{");
    for (size_t i = 0; i < 3; i++) {
        iss_json_key(out, head[i][0], i == 0);
        iss_json_str(out, head[i][1]);
    }
    iss_json_key(out, "citation", false);
    iss_json_citation(out, c, r);
    for (size_t i = 0; i < 3; i++) {
        iss_json_key(out, titles[i][0], false);
        iss_json_str(out, titles[i][1]);
    }
    iss_json_key(out, "draft", false);
    iss_buf_puts(out, r->set->draft ? "true" : "false");
    iss_json_key(out, "summary", false);
    iss_json_str(out, r->summary);
    iss_buf_puts(out, "}");
}

/* The text list: aligned columns under a heading. */
static void list_text(iss_buf *out, const iss_criteria *c, const cli_choice *o)
{
    bool en = o->lang == ISS_LANG_EN;
    iss_lang lang = o->lang;
    size_t wid = 2, wclause = 0;
    for (size_t i = 0; i < c->nrules; i++) {
        size_t w = display_width(c->rules[i].id), wc = display_width(c->rules[i].clause);
        wid = w > wid ? w : wid;
        wclause = wc > wclause ? wc : wclause;
    }
    const char *states[2] = {iss_string(S_IN_FORCE_L, lang), iss_string(S_LIST_DRAFT, lang)};
    const char *state_head = iss_string(S_LIST_STATUS, lang);
    size_t wstate = display_width(state_head);
    for (int k = 0; k < 2; k++)
        if (display_width(states[k]) > wstate)
            wstate = display_width(states[k]);
    pad(out, "ID", wid + 2);
    pad(out, iss_string(S_LIST_CLAUSE, lang), wclause + 2);
    pad(out, state_head, wstate + 2);
    iss_buf_printf(out, "%s\n", iss_string(S_LIST_TITLE, lang));
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *r = &c->rules[i];
        if (o->any && !o->chosen[r->category])
            continue;
        pad(out, r->id, wid + 2);
        pad(out, r->clause, wclause + 2);
        pad(out, states[r->set->draft], wstate + 2);
        iss_buf_printf(out, "%s\n", en ? r->title_en : r->title_ja);
    }
}

static void list_json(iss_buf *out, const iss_criteria *c, const cli_choice *o)
{
    iss_buf_puts(out, "{\"criteria\":");
    iss_json_criteria(out, c);
    iss_buf_puts(out, ",\"rules\":[");
    size_t shown = 0;
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *r = &c->rules[i];
        if (o->any && !o->chosen[r->category])
            continue;
        rule_json(out, c, r, o->lang, shown++ == 0);
    }
    iss_buf_puts(out, "]}\n");
}

static int run(const cli_ctx *ctx, const iss_criteria *c, int argc, char **argv)
{
    cli_choice o = cli_choice_new(c);
    bool json = false;
    int status = cli_choice_parse(ctx, options, argc, argv, &o, format_arg, &json);
    if (status < 0) {
        iss_buf out = {0};
        if (json)
            list_json(&out, c, &o);
        else { /* every value of the criteria escaped (iss_text_lines) */
            iss_buf raw = {0};
            list_text(&raw, c, &o);
            iss_text_lines(&out, raw.s);
            iss_buf_free(&raw);
        }
        status = CLI_EXIT_CLEAN;
        if (!cli_write_stdout(&out)) {
            cli_error(ctx, "isscheck", "cannot write the list: %s", strerror(errno));
            status = CLI_EXIT_USAGE;
        }
        iss_buf_free(&out);
    }
    cli_choice_free(&o);
    return status;
}

const cli_authoring cli_cmd_list = {
    .name = "list", .help = S_HELP_LIST, .opts = options, .run = run};
