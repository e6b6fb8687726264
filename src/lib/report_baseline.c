/* report_baseline.c - the words every human format shows of a baseline
 * (baseline.h): the mark after a verdict and the header's line. */
#include "isscheck/baseline.h"

static void put(iss_buf *out, const char *s, iss_escape_fn *esc)
{
    if (esc)
        esc(out, s);
    else
        iss_buf_puts(out, s);
}

const char *iss_base_label(const iss_report *r, size_t i, iss_lang lang)
{
    static const iss_str_id words[] = {[ISS_BASE_NEW] = S_BASE_NEW,
                                       [ISS_BASE_UNCHANGED] = S_BASE_UNCHANGED,
                                       [ISS_BASE_RESOLVED] = S_BASE_RESOLVED};
    const iss_base_match *m = r->base;
    if (!m || m->state != ISS_BASE_COMPARED || m->marks[i] == ISS_BASE_NONE)
        return NULL;
    return iss_string(words[m->marks[i]], lang);
}

void iss_render_base_mark(iss_buf *out, const iss_report *r, size_t i, iss_lang lang)
{
    const char *label = iss_base_label(r, i, lang);
    if (!label)
        return;
    iss_buf_puts(out, iss_string(S_BASE_MARK_SEP, lang));
    iss_buf_puts(out, label);
}

void iss_render_baseline(iss_buf *out, const iss_report *r, iss_lang lang, iss_escape_fn *esc)
{
    const iss_base_match *m = r->base;
    if (!m)
        return;
    put(out, m->baseline, esc);
    iss_buf_puts(out, " (");
    if (m->state == ISS_BASE_COMPARED) {
        iss_buf_printf(out, "%s %zu, %s %zu, %s %zu)", iss_string(S_BASE_NEW, lang),
                       m->counts[ISS_BASE_NEW], iss_string(S_BASE_UNCHANGED, lang),
                       m->counts[ISS_BASE_UNCHANGED], iss_string(S_BASE_RESOLVED, lang),
                       m->counts[ISS_BASE_RESOLVED]);
        return;
    }
    iss_buf_printf(out, "%s: ", iss_string(S_BASE_NOT_COMPARED, lang));
    if (m->state == ISS_BASE_OTHER_EDITION) {
        iss_buf why = {0};
        iss_string_arg(&why, S_BASE_OTHER_EDITION, lang, m->base_editions);
        iss_buf_add(&why, "", 1);
        put(out, why.s, esc);
        iss_buf_free(&why);
    } else {
        iss_buf_puts(out, iss_string(m->state == ISS_BASE_NO_PROVIDER ? S_BASE_NO_PROVIDER
                                                                      : S_BASE_AMBIGUOUS,
                                     lang));
    }
    iss_buf_puts(out, ")");
}

void iss_render_base_gone(iss_buf *out, const iss_report *r, iss_lang lang, iss_escape_fn *esc)
{
    const iss_base_match *m = r->base;
    for (size_t i = 0; m && i < m->ngone; i++) {
        if (i)
            iss_buf_puts(out, ", ");
        put(out, m->gone[i]->rule, esc);
        iss_buf_printf(out, " (%s)", iss_verdict_label(m->gone[i]->verdict, lang));
    }
}

void iss_render_baseline_facts(iss_buf *out, const iss_report *r, iss_lang lang, iss_escape_fn *esc,
                               const char *before, const char *between, const char *after)
{
    if (!r->base)
        return;
    iss_buf_puts(out, before);
    iss_buf_puts(out, iss_string(S_BASELINE_L, lang));
    iss_buf_puts(out, between);
    iss_render_baseline(out, r, lang, esc);
    iss_buf_puts(out, after);
    if (!r->base->ngone)
        return;
    iss_buf_puts(out, before);
    iss_buf_puts(out, iss_string(S_BASE_GONE_L, lang));
    iss_buf_puts(out, between);
    iss_render_base_gone(out, r, lang, esc);
    iss_buf_puts(out, after);
}
