/* i18n.c - the texts of messages and labels, in Japanese and English. */
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

static const char *const type_words[][2] = {
    {"資格", "qualification"},
    {"専門家コミュニティ", "community"},
    {"研修", "training"},
    {"基準", "standard"},
    {"結果の取扱", "result handling"},
    {"準拠する内容", "compliance content"},
    {"教育・研修", "education"},
};

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
                iss_buf_puts(out, type_words[n->entry_type][lang]);
            t = open + 3;
        } else {
            iss_buf_add(out, "{", 1);
            t = open + 1;
        }
    }
}

const char *iss_verdict_label(iss_verdict v, iss_lang lang)
{
    static const char *const labels[ISS_VERDICTS][2] = {{"適合", "PASS"},
                                                        {"要確認", "REVIEW"},
                                                        {"不適合", "FAIL"},
                                                        {"対象外", "N/A"},
                                                        {"免除", "WAIVED"}};
    return v < ISS_VERDICTS ? labels[v][lang] : "?";
}

const char *iss_ref_source_label(iss_ref_source src, iss_lang lang)
{
    static const char *const labels[3][2] = {
        {"申告書の reference_date", "the declaration's reference_date"},
        {"--as-of による指定", "given by --as-of"},
        {"申告書に記載がないため本日（日本時間）",
         "not stated in the declaration: today in Japan"}};
    return src <= ISS_REF_TODAY ? labels[src][lang] : "?";
}
