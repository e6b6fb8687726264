/* report_text.c - the plain-text report, for a person reading one file. */
#include "isscheck/report.h"

#include <string.h>

static const char *pick(iss_lang lang, const char *ja, const char *en)
{
    return lang == ISS_LANG_JA ? ja : en;
}

static void date(iss_buf *out, iss_day d)
{
    char b[11];
    iss_date_format(d, b);
    iss_buf_puts(out, b);
}

static const char *const marks[] = {"-", "+", "?", "x"};

/* "PASS 5, REVIEW 2, FAIL 0, N/A 8", then the waived and judged counts
 * when a waivers file set any. */
static void counts(iss_buf *out, const iss_report *r, iss_lang lang)
{
    iss_buf_printf(out, "%s %zu, %s %zu, %s %zu, %s %zu", iss_verdict_label(ISS_PASS, lang),
                   r->counts[ISS_PASS], iss_verdict_label(ISS_REVIEW, lang), r->counts[ISS_REVIEW],
                   iss_verdict_label(ISS_FAIL, lang), r->counts[ISS_FAIL],
                   iss_verdict_label(ISS_NA, lang), r->counts[ISS_NA]);
    if (r->counts[ISS_WAIVED] || r->judged)
        iss_buf_printf(out, ", %s %zu, %s %zu", iss_verdict_label(ISS_WAIVED, lang),
                       r->counts[ISS_WAIVED], pick(lang, "うち審査員の判断", "judged"), r->judged);
}

void iss_report_text(iss_buf *out, const iss_report *r, iss_lang lang, const char *tool_version)
{
    const iss_criteria *c = r->criteria;
    const iss_decl *d = r->decl;
    iss_buf_printf(out, "isscheck %s\n", tool_version);
    for (size_t i = 0; i < c->nsets; i++) {
        const iss_criteria *e = c->sets[i];
        iss_buf_printf(out, "%s: %s %s (%s, ", pick(lang, "基準", "criteria"), e->title, e->edition,
                       e->issuer);
        date(out, e->date);
        iss_buf_printf(out, ", %s, %s %s)\n",
                       e->draft ? pick(lang, "案", "draft") : pick(lang, "施行中", "in force"),
                       pick(lang, "ダイジェスト", "digest"), e->digest);
    }
    iss_buf_printf(out, "%s: %s\n", pick(lang, "申告書", "declaration"), d->file);
    iss_buf_printf(out, "SHA-256: %s\n", d->sha256);
    if (r->waivers)
        iss_buf_printf(out, "%s: %s\n", pick(lang, "免除・審査員の判断", "waivers and judgements"),
                       r->waivers);
    iss_buf_printf(out, "%s: %s\n", pick(lang, "事業者", "provider"), d->provider.s);
    iss_buf_printf(out, "%s: ", pick(lang, "基準日", "reference date"));
    date(out, r->ref);
    iss_buf_printf(out, " (%s)\n", iss_ref_source_label(r->ref_source, lang));
    if (r->redacted)
        iss_buf_printf(out, "%s: %s\n", pick(lang, "匿名化", "redacted"),
                       pick(lang,
                            "人物の ID と氏名を仮名（person-1, person-2, …: "
                            "申告書の persons の順）に置き換えた",
                            "person ids and names replaced by pseudonyms (person-1, "
                            "person-2, …: the order of the declaration's persons)"));
    if (r->unverified_relied)
        iss_buf_printf(
            out, "%s\n",
            lang == ISS_LANG_JA
                ? "注意: 以下の判定は例示への掲載が未確認（unverified）のカタログ項目に依拠"
                  "している。登録の判断ではなく自己点検の結果である。"
                : "note: verdicts below rest on catalogue entries whose listing in the "
                  "例示 is unconfirmed (unverified); this is a self-check, not a "
                  "registration decision.");
    if (r->unverified_relied)
        iss_buf_printf(
            out, "%s: %zu\n",
            pick(lang, "依拠した未確認のカタログ項目", "unverified catalogue entries relied on"),
            r->unverified_relied);
    if (r->unevidenced || r->require_evidence)
        iss_buf_printf(out, "%s: %zu%s\n",
                       pick(lang, "根拠資料を示していない主張", "claims naming no evidence"),
                       r->unevidenced,
                       !r->require_evidence  ? ""
                       : lang == ISS_LANG_JA ? "（--require-evidence: いずれも要確認）"
                                             : " (--require-evidence: each is review)");
    if (r->omitted)
        iss_buf_printf(out, "%s: %zu\n",
                       pick(lang, "選択（--category, --rule, --skip）により除外したルール",
                            "rules left out by --category, --rule or --skip"),
                       r->omitted);

    size_t last_cat = (size_t)-1;
    for (size_t i = 0; i < r->nresults; i++) {
        const iss_result *res = &r->results[i];
        const iss_rule *rule = res->rule;
        if (rule->category != last_cat) {
            last_cat = rule->category;
            const iss_category *cat = &c->categories[last_cat];
            const iss_service *s = iss_decl_service(d, last_cat);
            iss_buf_printf(out, "\n== %s (%s", pick(lang, cat->name_ja, cat->name_en), cat->code);
            for (size_t k = 0; s && k < s->subtypes.n; k++)
                iss_buf_printf(out, "%s%s", k ? ", " : ": ", s->subtypes.v[k].s);
            iss_buf_puts(out, ") ==\n");
            const iss_risk *k = iss_criteria_risk(c, cat->code);
            if (k && s)
                iss_buf_printf(out, "%s: %s — %s: %s (%s %s)\n", pick(lang, "リスク", "risk"),
                               pick(lang, k->level_ja, k->level_en),
                               pick(lang, "取り扱うデータ", "data handled"), k->data,
                               k->set->edition, pick(lang, "の表", "table"));
        }
        bool judged = res->applied && res->applied->kind == ISS_ENTRY_JUDGEMENT;
        iss_buf_printf(out, "\n[%s%s] %s %s\n", iss_verdict_label(res->verdict, lang),
                       judged ? pick(lang, "（審査員の判断）", " (judged)") : "", rule->id,
                       pick(lang, rule->title_ja, rule->title_en));
        iss_buf_printf(out, "  %s: %s %s %s\n", pick(lang, "出典", "citation"), rule->set->title,
                       rule->set->edition, rule->clause);
        if (res->loc.line)
            iss_buf_printf(out, "  %s: %s:%d:%d\n", pick(lang, "位置", "at"), d->file,
                           res->loc.line, res->loc.col);
        for (size_t k = 0; k < res->nnotes; k++) {
            const iss_note *n = &res->notes[k];
            iss_buf_printf(out, "  %s ", marks[n->mark]);
            iss_note_render(out, n, lang);
            if ((n->mark == ISS_MARK_FAIL || n->mark == ISS_MARK_REVIEW) && n->loc.line)
                iss_buf_printf(out, " (%s %d)", pick(lang, "行", "line"), n->loc.line);
            iss_buf_puts(out, "\n");
        }
    }
    iss_buf_printf(out, "\n%s: ", pick(lang, "要約", "summary"));
    counts(out, r, lang);
    iss_buf_puts(out, "\n");
}

static void categories(iss_buf *out, const iss_report *r, const char *sep)
{
    for (size_t i = 0; i < r->decl->nservices; i++)
        iss_buf_printf(out, "%s%s", i ? sep : "",
                       r->criteria->categories[r->decl->services[i].category].code);
}

static const char *first_error(const iss_file_result *f, iss_lang lang)
{
    return f->diags && f->diags->n ? iss_diag_msg(&f->diags->v[0], lang) : "";
}

void iss_report_text_run(iss_buf *out, const iss_run *run)
{
    iss_lang lang = run->lang;
    bool first = true;
    for (size_t i = 0; i < run->nfiles; i++) {
        if (!run->files[i].report)
            continue;
        if (!first)
            iss_buf_puts(out, "\n");
        first = false;
        iss_report_text(out, run->files[i].report, lang, run->tool_version);
    }
    if (run->nfiles < 2)
        return;
    iss_buf_printf(out, "%s== %s (%zu) ==\n", first ? "" : "\n",
                   pick(lang, "ファイルごとの要約", "summary per file"), run->nfiles);
    for (size_t i = 0; i < run->nfiles; i++) {
        const iss_file_result *f = &run->files[i];
        const iss_report *r = f->report;
        iss_buf_printf(out, "%s: ", f->file);
        if (!r) {
            iss_buf_printf(out, "%s (%s), %s 2\n", pick(lang, "読み込めない", "not loaded"),
                           first_error(f, lang), pick(lang, "終了ステータス", "status"));
            continue;
        }
        iss_buf_printf(out, "%s (", r->decl->provider.s);
        categories(out, r, ", ");
        iss_buf_puts(out, "): ");
        counts(out, r, lang);
        iss_buf_printf(out, ", %s %d\n", pick(lang, "終了ステータス", "status"), f->status);
    }
}

/* One CSV field, quoted when it must be (RFC 4180). */
static void csv_field(iss_buf *out, const char *s, bool last)
{
    if (strpbrk(s, ",\"\r\n")) {
        iss_buf_add(out, "\"", 1);
        for (; *s; s++) {
            if (*s == '"')
                iss_buf_add(out, "\"", 1);
            iss_buf_add(out, s, 1);
        }
        iss_buf_add(out, "\"", 1);
    } else {
        iss_buf_puts(out, s);
    }
    iss_buf_puts(out, last ? "\r\n" : ",");
}

void iss_report_summary_csv(iss_buf *out, const iss_run *run)
{
    iss_buf_puts(out,
                 "file,provider,categories,pass,review,fail,n/a,waived,judged,status,error\r\n");
    for (size_t i = 0; i < run->nfiles; i++) {
        const iss_file_result *f = &run->files[i];
        const iss_report *r = f->report;
        csv_field(out, f->file, false);
        if (!r) {
            iss_buf_puts(out, ",,,,,,,,2,");
            csv_field(out, first_error(f, run->lang), true);
            continue;
        }
        csv_field(out, r->decl->provider.s, false);
        iss_buf cats = {0};
        iss_buf_add(&cats, "", 0);
        categories(&cats, r, " ");
        csv_field(out, cats.s, false);
        iss_buf_free(&cats);
        iss_buf_printf(out, "%zu,%zu,%zu,%zu,%zu,%zu,%d,\r\n", r->counts[ISS_PASS],
                       r->counts[ISS_REVIEW], r->counts[ISS_FAIL], r->counts[ISS_NA],
                       r->counts[ISS_WAIVED], r->judged, f->status);
    }
}
