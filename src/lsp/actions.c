/* actions.c - the language server's code actions: the edits that fix
 * what a check's diagnostics name (a misspelt key renamed, a missing key
 * added, a lead group's stated counts set to the ones computed), each
 * from the data the check attached to its diagnostic (check.c). */
#include "server.h"

#include <stdlib.h>
#include <string.h>

static json_t *text_edit(iss_lsp *s, iss_lsp_doc *d, size_t b0, size_t b1, const char *text)
{
    return json_pack("{s:o, s:s}", "range", iss_lsp_range(s, d->text, d->len, b0, b1), "newText",
                     text);
}

static json_t *action(iss_lsp_doc *d, const char *title, json_t *diag, json_t *edit)
{
    json_t *changes = json_object();
    json_object_set_new(changes, d->uri, json_pack("[o]", edit));
    return json_pack("{s:s, s:s, s:[O], s:{s:o}}", "title", title, "kind", "quickfix",
                     "diagnostics", diag, "edit", "changes", changes);
}

/* The indentation of the line holding off, as a string of spaces. */
static size_t line_begin(const char *t, size_t off)
{
    while (off > 0 && t[off - 1] != '\n' && t[off - 1] != '\r')
        off--;
    return off;
}

/* A key inserted before the key at b (block) or after a flow mapping's '{'. */
static json_t *insert_key(iss_lsp *s, iss_lsp_doc *d, size_t b, const char *key, const char *value)
{
    const char *t = d->text;
    iss_buf nt = {0};
    json_t *e;
    if (b < d->len && t[b] == '{') {
        iss_buf_printf(&nt, "%s: %s, ", key, value);
        e = text_edit(s, d, b + 1, b + 1, nt.s);
    } else {
        size_t col = b - line_begin(t, b);
        iss_buf_printf(&nt, "%s: %s\n%*s", key, value, (int)col, "");
        e = text_edit(s, d, b, b, nt.s);
    }
    iss_buf_free(&nt);
    return e;
}

/* The end of the flow collection opening at b (after its closing bracket). */
static size_t flow_end(const char *t, size_t len, size_t b)
{
    int depth = 0;
    for (size_t i = b; i < len; i++) {
        depth += t[i] == '{' || t[i] == '[' ? 1 : t[i] == '}' || t[i] == ']' ? -1 : 0;
        if (depth == 0)
            return i + 1;
    }
    return len;
}

/* Sets a lead group's counts: b is where the check put the result, the
 * counts' value when the group states them (a flow mapping's '{', or the
 * first key of a block mapping), else the group itself. */
static json_t *counts_action(iss_lsp *s, iss_lsp_doc *d, json_t *diag, json_t *counts, bool stated,
                             size_t b)
{
    const char *t = d->text;
    size_t col = b - line_begin(t, b);
    iss_buf flow = {0}, block = {0};
    iss_buf_puts(&flow, "{");
    const char *k;
    json_t *v;
    json_object_foreach(counts, k, v)
    {
        iss_buf_printf(&flow, "%s%s: %lld", flow.len > 1 ? ", " : "", k,
                       (long long)json_integer_value(v));
        if (block.len)
            iss_buf_printf(&block, "\n%*s", (int)col, "");
        iss_buf_printf(&block, "%s: %lld", k, (long long)json_integer_value(v));
    }
    iss_buf_puts(&flow, "}");
    json_t *edit;
    if (!stated) {
        edit = insert_key(s, d, b, "counts", flow.s);
    } else if (b < d->len && t[b] == '{') {
        edit = text_edit(s, d, b, flow_end(t, d->len, b), flow.s);
    } else { /* the block mapping's lines, indented deeper than its parent */
        size_t end = b;
        for (size_t i = b; i < d->len;) {
            size_t e = i;
            while (e < d->len && t[e] != '\n' && t[e] != '\r')
                e++;
            size_t j = i;
            while (j < e && t[j] == ' ')
                j++;
            if (i != b && (j == e || j - i < col))
                break;
            end = e;
            i = e + (e + 1 < d->len && t[e] == '\r' && t[e + 1] == '\n' ? 2 : 1);
        }
        edit = text_edit(s, d, b, end, block.s);
    }
    json_t *a = action(d, "Set the stated counts to the computed ones", diag, edit);
    iss_buf_free(&flow);
    iss_buf_free(&block);
    return a;
}

json_t *iss_lsp_code_actions(iss_lsp *s, iss_lsp_doc *d, json_t *diagnostics)
{
    json_t *out = json_array();
    size_t i;
    json_t *diag;
    json_array_foreach(diagnostics, i, diag)
    {
        json_t *data = json_object_get(diag, "data");
        const char *fix = json_string_value(json_object_get(data, "fix"));
        json_t *st = json_object_get(json_object_get(diag, "range"), "start");
        if (!fix || !json_is_integer(json_object_get(st, "line")))
            continue;
        size_t b = iss_pos_to_byte(d->text, d->len, s->enc,
                                   (long)json_integer_value(json_object_get(st, "line")),
                                   (long)json_integer_value(json_object_get(st, "character")));
        if (strcmp(fix, "rename") == 0) {
            const char *from = json_string_value(json_object_get(data, "from"));
            const char *to = json_string_value(json_object_get(data, "to"));
            size_t n = from ? strlen(from) : 0;
            if (!to || !n || b + n > d->len || memcmp(d->text + b, from, n) != 0)
                continue; /* the text has changed since */
            iss_buf title = {0};
            iss_buf_printf(&title, "Replace '%s' with '%s'", from, to);
            json_array_append_new(out, action(d, title.s, diag, text_edit(s, d, b, b + n, to)));
            iss_buf_free(&title);
        } else if (strcmp(fix, "add") == 0) {
            const char *key = json_string_value(json_object_get(data, "key"));
            if (!key)
                continue;
            iss_buf title = {0};
            iss_buf_printf(&title, "Add the required key '%s'", key);
            json_array_append_new(out, action(d, title.s, diag, insert_key(s, d, b, key, "TODO")));
            iss_buf_free(&title);
        } else if (strcmp(fix, "counts") == 0 && json_is_object(json_object_get(data, "counts"))) {
            json_array_append_new(out,
                                  counts_action(s, d, diag, json_object_get(data, "counts"),
                                                json_is_true(json_object_get(data, "stated")), b));
        }
    }
    return out;
}
