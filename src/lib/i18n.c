/* i18n.c - the texts of messages and labels, in Japanese and English:
 * messages.def (verdict reasons) and strings.def (everything else a
 * reporter writes), one id-keyed table each. */
#include "isscheck/report.h"

#include <string.h>

static const char *const texts[ISS_MSG_COUNT][2] = {
#define ISS_MSG(id, ja, en) [id] = {ja, en},
#include "isscheck/messages.def"
#undef ISS_MSG
};

static const char *const ids[ISS_MSG_COUNT] = {
#define ISS_MSG(id, ja, en) [id] = #id,
#include "isscheck/messages.def"
#undef ISS_MSG
};

const char *iss_msg_id(iss_msg msg)
{
    return msg < ISS_MSG_COUNT ? ids[msg] : "?";
}

static const char *const strings[ISS_STR_COUNT][2] = {
#define ISS_STR(id, ja, en) [id] = {ja, en},
#include "isscheck/strings.def"
#undef ISS_STR
};

const char *iss_string(iss_str_id id, iss_lang lang)
{
    return id < ISS_STR_COUNT ? strings[id][lang] : "?";
}

void iss_string_arg(iss_buf *out, iss_str_id id, iss_lang lang, const char *arg)
{
    const char *t = iss_string(id, lang);
    const char *at = strstr(t, "{0}");
    if (!at) {
        iss_buf_puts(out, t);
        return;
    }
    iss_buf_add(out, t, (size_t)(at - t));
    iss_buf_puts(out, arg);
    iss_buf_puts(out, at + 3);
}

/* The tables' orders are the enums' (strings.def says so): checked here,
 * where both are in sight. */
_Static_assert(S_VERDICT_WAIVED - S_VERDICT_PASS == ISS_WAIVED - ISS_PASS &&
                   S_VERDICT_WAIVED - S_VERDICT_PASS + 1 == ISS_VERDICTS,
               "strings.def: the verdict labels follow iss_verdict");
_Static_assert(S_REF_TODAY - S_REF_DECLARATION == ISS_REF_TODAY - ISS_REF_DECLARATION,
               "strings.def: the reference date sources follow iss_ref_source");
_Static_assert(S_TYPE_EDUCATION - S_TYPE_QUALIFICATION ==
                   ISS_ENTRY_EDUCATION - ISS_ENTRY_QUALIFICATION,
               "strings.def: the catalogue types follow iss_entry_type");

void iss_note_render(iss_buf *out, const iss_note *n, iss_lang lang)
{
    const char *t = texts[n->msg][lang];
    while (*t) {
        const char *open = strchr(t, '{');
        if (!open) {
            iss_buf_puts(out, t);
            break;
        }
        iss_buf_add(out, t, (size_t)(open - t));
        if (open[1] >= '0' && open[1] < '0' + ISS_NOTE_ARGS && open[2] == '}') {
            int i = open[1] - '0';
            const char *a = lang == ISS_LANG_EN && n->args_en[i] ? n->args_en[i] : n->args[i];
            iss_buf_puts(out, a ? a : "");
            t = open + 3;
        } else if (open[1] == 't' && open[2] == '}') {
            if (n->entry_type >= 0)
                iss_buf_puts(out,
                             iss_string((iss_str_id)(S_TYPE_QUALIFICATION + n->entry_type), lang));
            t = open + 3;
        } else {
            iss_buf_add(out, "{", 1);
            t = open + 1;
        }
    }
}

const char *iss_verdict_label(iss_verdict v, iss_lang lang)
{
    return v < ISS_VERDICTS ? iss_string((iss_str_id)(S_VERDICT_PASS + v), lang) : "?";
}

const char *iss_ref_source_label(iss_ref_source src, iss_lang lang)
{
    return src <= ISS_REF_TODAY ? iss_string((iss_str_id)(S_REF_DECLARATION + src), lang) : "?";
}

const char *iss_lang_tag(iss_lang lang)
{
    return lang == ISS_LANG_JA ? "ja" : "en";
}

const char *iss_rule_title(const iss_rule *rule, iss_lang lang)
{
    return lang == ISS_LANG_JA ? rule->title_ja : rule->title_en;
}

const char *iss_category_name(const iss_category *cat, iss_lang lang)
{
    return lang == ISS_LANG_JA ? cat->name_ja : cat->name_en;
}

const char *iss_risk_level(const iss_risk *k, iss_lang lang)
{
    return lang == ISS_LANG_JA ? k->level_ja : k->level_en;
}
