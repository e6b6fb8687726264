/* waivers.c - loading a waivers file and applying it to a report. */
#include "isscheck/waivers.h"

#include "fields.h"
#include "isscheck/escape.h"
#include "isscheck/report.h"

#include <stdlib.h>
#include <string.h>

#define END ((const char *)NULL)

/* The rule an entry names, in any loaded edition (or the one it names). */
static bool rule_known(const iss_editions *ed, const char *edition, const char *id,
                       bool *edition_known)
{
    *edition_known = edition == NULL;
    for (size_t i = 0; i < ed->nsets; i++) {
        const iss_criteria *c = ed->sets[i];
        if (edition && strcmp(c->edition, edition) != 0)
            continue;
        *edition_known = true;
        if (iss_criteria_rule(c, id))
            return true;
    }
    return false;
}

/* The nearest rule id of any loaded edition, for "did you mean". */
static const char *nearest_rule(const iss_editions *ed, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < ed->nsets; i++)
        n += ed->sets[i]->nrules;
    const char **ids = iss_xmalloc((n + 1) * sizeof *ids);
    n = 0;
    for (size_t i = 0; i < ed->nsets; i++)
        for (size_t k = 0; k < ed->sets[i]->nrules; k++)
            ids[n++] = ed->sets[i]->rules[k].id;
    ids[n] = NULL;
    const char *best = iss_nearest(ids, id);
    free(ids);
    return best;
}

/* rule: ID or EDITION:ID (the edition as its manifest writes it). */
static bool load_rule(iss_ctx *c, const iss_editions *ed, const iss_node *e, iss_waiver *w)
{
    iss_str rule = {0};
    if (!iss_get_str(c, e, "rule", true, &rule))
        return false;
    const char *colon = strrchr(rule.s, ':');
    w->rule = colon ? colon + 1 : rule.s;
    w->edition = colon ? iss_arena_strndup(c->arena, rule.s, (size_t)(colon - rule.s)) : NULL;
    bool edition_known;
    if (rule_known(ed, w->edition, w->rule, &edition_known))
        return true;
    if (!edition_known) {
        iss_error(c, rule.loc,
                  "unknown criteria edition '%s' in rule '%s'; 'isscheck criteria list' shows the "
                  "editions",
                  w->edition, rule.s);
        return false;
    }
    const char *near = nearest_rule(ed, w->rule);
    if (w->edition && near)
        iss_error(c, rule.loc, "unknown rule '%s' in edition %s; did you mean '%s'?", w->rule,
                  w->edition, near);
    else if (w->edition)
        iss_error(c, rule.loc, "unknown rule '%s' in edition %s; 'isscheck list' shows every rule",
                  w->rule, w->edition);
    else if (near)
        iss_error(c, rule.loc, "unknown rule '%s'; did you mean '%s'?", w->rule, near);
    else
        iss_error(c, rule.loc, "unknown rule '%s'; 'isscheck list' shows every rule", w->rule);
    return false;
}

/* declaration_sha256: 64 hex digits (upper case is accepted, kept lower). */
static bool load_pin(iss_ctx *c, const iss_node *e, iss_waiver *w)
{
    iss_str pin = {0};
    if (!iss_get_str(c, e, "declaration_sha256", false, &pin))
        return false;
    if (!pin.s)
        return true;
    size_t n = strlen(pin.s);
    char *lower = iss_arena_strdup(c->arena, pin.s);
    bool ok = n == 64;
    for (size_t i = 0; ok && i < n; i++) {
        char ch = lower[i];
        if (ch >= 'A' && ch <= 'F')
            lower[i] = (char)(ch - 'A' + 'a');
        else if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
            ok = false;
    }
    if (!ok) {
        iss_error(c, pin.loc,
                  "'declaration_sha256': expected the 64 hexadecimal digits of SHA-256 that "
                  "isscheck check prints for the declaration, not '%s'",
                  pin.s);
        return false;
    }
    w->sha256 = lower;
    return true;
}

static bool load_entry(iss_ctx *c, const iss_editions *ed, const iss_node *e, iss_entry_kind kind,
                       iss_waiver *w)
{
    static const char *const waiver_keys[] = {
        "rule",    "provider",           "reason", "decided_by", "decided_on",
        "expires", "declaration_sha256", NULL};
    static const char *const judgement_keys[] = {
        "rule",       "provider",           "verdict", "reason", "decided_by",
        "decided_on", "declaration_sha256", NULL};
    bool judgement = kind == ISS_ENTRY_JUDGEMENT;
    if (!iss_expect_map(c, e, judgement ? "a judgement" : "a waiver",
                        judgement ? judgement_keys : waiver_keys))
        return false;
    memset(w, 0, sizeof *w); /* the slot may hold a rejected entry */
    w->kind = kind;
    w->file = c->file;
    w->loc = e->loc;
    w->decided_on = ISS_NO_DATE;
    w->expires = ISS_NO_DATE;
    iss_str provider = {0}, reason = {0}, by = {0};
    bool ok = load_rule(c, ed, e, w);
    ok &= iss_get_str(c, e, "provider", true, &provider);
    ok &= iss_get_str(c, e, "reason", true, &reason);
    ok &= iss_get_str(c, e, "decided_by", true, &by);
    ok &= iss_get_date(c, e, "decided_on", judgement, &w->decided_on, NULL);
    if (!judgement)
        ok &= iss_get_date(c, e, "expires", true, &w->expires, NULL);
    ok &= load_pin(c, e, w);
    if (judgement) {
        iss_str v = {0};
        if (iss_get_str(c, e, "verdict", true, &v) && v.s) {
            if (strcmp(v.s, "pass") == 0)
                w->verdict = ISS_PASS;
            else if (strcmp(v.s, "fail") == 0)
                w->verdict = ISS_FAIL;
            else {
                iss_error(c, v.loc, "'verdict': a judgement is 'pass' or 'fail', not '%s'", v.s);
                ok = false;
            }
        } else {
            ok = false;
        }
        if (ok && !w->sha256) {
            iss_error(c, e->loc,
                      "a judgement needs 'declaration_sha256': it judges one version of a "
                      "declaration (isscheck check prints its SHA-256)");
            ok = false;
        }
    }
    w->provider = provider.s;
    w->reason = reason.s;
    w->decided_by = by.s;
    return ok;
}

/* Two entries of the same kind for the same rule, provider, edition and
 * version of the declaration: which one holds would be a guess. */
static bool same_target(const iss_waiver *a, const iss_waiver *b)
{
    return a->kind == b->kind && strcmp(a->rule, b->rule) == 0 &&
           strcmp(a->provider, b->provider) == 0 &&
           (a->edition && b->edition ? strcmp(a->edition, b->edition) == 0
                                     : a->edition == b->edition) &&
           (a->sha256 && b->sha256 ? strcmp(a->sha256, b->sha256) == 0 : a->sha256 == b->sha256);
}

static iss_waivers *waivers_load(const char *path, const char *bytes, size_t len, const char *name,
                                 const iss_editions *ed, const iss_limits *lim, iss_diags *d);

iss_waivers *iss_waivers_load(const char *path, const char *name, const iss_editions *ed,
                              const iss_limits *lim, iss_diags *d)
{
    return waivers_load(path, NULL, 0, name, ed, lim, d);
}

iss_waivers *iss_waivers_parse(const char *bytes, size_t len, const char *name,
                               const iss_editions *ed, const iss_limits *lim, iss_diags *d)
{
    return waivers_load(NULL, bytes, len, name, ed, lim, d);
}

/* path's file, or (path NULL) the len bytes at bytes */
static iss_waivers *waivers_load(const char *path, const char *bytes, size_t len, const char *name,
                                 const iss_editions *ed, const iss_limits *lim, iss_diags *d)
{
    iss_waivers *w = iss_xmalloc(sizeof *w);
    memset(w, 0, sizeof *w);
    w->arena = iss_arena_new();
    w->file = iss_arena_strdup(w->arena, name);
    iss_ctx c = {w->file, w->arena, d};
    size_t before = d->errors;
    iss_arena *tree = iss_arena_new();
    const iss_node *root = path ? iss_read_yaml_file_in(path, w->file, lim, tree, w->arena, d)
                                : iss_read_yaml_in(bytes, len, w->file, lim, tree, w->arena, d);
    static const char *const keys[] = {"isscheck", "waivers", "judgements", NULL};
    if (root && iss_expect_map(&c, root, "the waivers file", keys)) {
        long version = 1;
        (void)iss_get_int(&c, root, "isscheck", false, 1, 1, &version);
        size_t cap = 0;
        for (size_t i = 0; i < root->n; i++) {
            const iss_node *l = root->kids[2 * i + 1];
            if (!iss_scalar_is(root->kids[2 * i], "isscheck") && !iss_node_is_null(l) &&
                iss_expect_seq(&c, l, root->kids[2 * i]->str))
                cap += l->n;
        }
        w->v = iss_arena_alloc(w->arena, (cap ? cap : 1) * sizeof *w->v);
        /* the lists in the order written, so errors come out in line order */
        for (size_t i = 0; i < root->n; i++) {
            const iss_node *key = root->kids[2 * i], *l = root->kids[2 * i + 1];
            if (iss_scalar_is(key, "isscheck") || iss_node_is_null(l) || l->type != ISS_NODE_SEQ)
                continue;
            iss_entry_kind kind =
                iss_scalar_is(key, "waivers") ? ISS_ENTRY_WAIVER : ISS_ENTRY_JUDGEMENT;
            for (size_t k = 0; k < l->n; k++) {
                iss_waiver *e = &w->v[w->n];
                if (!load_entry(&c, ed, l->kids[k], kind, e))
                    continue;
                for (size_t j = 0; j < w->n; j++) {
                    if (!same_target(&w->v[j], e))
                        continue;
                    if (kind == ISS_ENTRY_WAIVER)
                        iss_error(&c, e->loc,
                                  "a second waiver of rule '%s' for '%s' (the first is at line %d)",
                                  e->rule, e->provider, w->v[j].loc.line);
                    else
                        iss_error(&c, e->loc,
                                  "a second judgement of rule '%s' for '%s' (the first is at line "
                                  "%d)",
                                  e->rule, e->provider, w->v[j].loc.line);
                }
                w->n++;
            }
        }
    }
    iss_arena_free(tree);
    if (!root || d->errors != before) {
        iss_waivers_free(w);
        return NULL;
    }
    return w;
}

void iss_waivers_free(iss_waivers *w)
{
    if (!w)
        return;
    iss_arena_free(w->arena);
    free(w);
}

static const char *day_str(iss_arena *a, iss_day day)
{
    char buf[ISS_DATE_SIZE];
    iss_date_format(day, buf);
    return iss_arena_strdup(a, buf);
}

/* Whether entry w is about result res of declaration d. */
static bool targets(const iss_waiver *w, const iss_result *res, const iss_decl *d)
{
    return strcmp(w->rule, res->rule->id) == 0 && strcmp(w->provider, d->provider.s) == 0 &&
           (!w->edition || strcmp(w->edition, res->rule->set->edition) == 0);
}

/* The digits in which two digests of the same length differ. */
static size_t digits_apart(const char *a, const char *b)
{
    size_t n = 0;
    for (; *a && *b; a++, b++)
        n += *a != *b;
    return n + strlen(a) + strlen(b);
}

static void apply_one(const iss_waiver *w, iss_report *r, iss_result *res, iss_day today)
{
    iss_arena *a = r->arena;
    const char *where = iss_arena_printf(a, "%s:%d", w->file, w->loc.line);
    const char *vja = iss_verdict_label(res->computed, ISS_LANG_JA);
    const char *ven = iss_verdict_label(res->computed, ISS_LANG_EN);
    const char *date = day_str(a, w->kind == ISS_ENTRY_WAIVER ? w->expires : w->decided_on);
    iss_loc none = {0, 0};
    iss_note *n;
    if (w->sha256 && strcmp(w->sha256, r->decl->sha256) != 0) {
        bool j = w->kind == ISS_ENTRY_JUDGEMENT;
        /* two digests of different bytes differ in about 60 of their 64
         * digits: a few only is a digest copied wrong, not an edit */
        bool typo = digits_apart(w->sha256, r->decl->sha256) <= 8;
        n = iss_result_note(res, ISS_MARK_REVIEW, typo ? M_WAIVER_PIN_TYPO : M_WAIVER_PINNED, none,
                            w->reason, w->decided_by, date, where, vja, j ? "審査員の判断" : "免除",
                            typo ? w->sha256 : iss_arena_strndup(a, w->sha256, 16),
                            typo ? r->decl->sha256 : iss_arena_strndup(a, r->decl->sha256, 16),
                            END);
        n->args_en[4] = ven;
        n->args_en[5] = j ? "judgement" : "waiver";
        return;
    }
    if (w->kind == ISS_ENTRY_WAIVER && today > w->expires) {
        n = iss_result_note(res, ISS_MARK_REVIEW, M_WAIVER_EXPIRED, none, w->reason, w->decided_by,
                            date, where, vja, END);
        n->args_en[4] = ven;
        return;
    }
    if (res->applied)
        return; /* an earlier entry decided this result */
    bool fits = w->kind == ISS_ENTRY_WAIVER
                    ? res->computed == ISS_FAIL || res->computed == ISS_REVIEW
                    : res->computed == ISS_REVIEW;
    if (!fits) {
        n = iss_result_note(res, ISS_MARK_INFO,
                            w->kind == ISS_ENTRY_WAIVER ? M_WAIVER_UNNEEDED
                                                        : M_JUDGEMENT_NOT_REVIEW,
                            none, w->reason, w->decided_by, date, where, vja, END);
        n->args_en[4] = ven;
        return;
    }
    res->applied = w;
    if (w->kind == ISS_ENTRY_WAIVER) {
        res->verdict = ISS_WAIVED;
        n = iss_result_note(res, ISS_MARK_INFO, M_WAIVED, none, w->reason, w->decided_by, date,
                            where, vja, END);
        n->args_en[4] = ven;
    } else {
        res->verdict = w->verdict;
        r->judged++;
        n = iss_result_note(res, w->verdict == ISS_PASS ? ISS_MARK_PASS : ISS_MARK_FAIL, M_JUDGED,
                            none, w->reason, w->decided_by, date, where,
                            iss_verdict_label(w->verdict, ISS_LANG_JA), END);
        n->args_en[4] = iss_verdict_name(w->verdict);
    }
}

void iss_waivers_apply(const iss_waivers *w, iss_report *r, iss_day today)
{
    if (!w)
        return;
    r->waivers = w->file;
    /* judgements first: where both fit a review result, the examiner's
     * judgement of it holds, not a waiver of the rule */
    static const iss_entry_kind order[2] = {ISS_ENTRY_JUDGEMENT, ISS_ENTRY_WAIVER};
    for (size_t i = 0; i < r->nresults; i++) {
        iss_result *res = &r->results[i];
        for (int pass = 0; pass < 2; pass++)
            for (size_t k = 0; k < w->n; k++)
                if (w->v[k].kind == order[pass] && targets(&w->v[k], res, r->decl))
                    apply_one(&w->v[k], r, res, today);
    }
    memset(r->counts, 0, sizeof r->counts);
    for (size_t i = 0; i < r->nresults; i++)
        r->counts[r->results[i].verdict]++;
}

void iss_waivers_match(const iss_waivers *w, const iss_report *r, unsigned char *used)
{
    if (!w || !r)
        return;
    for (size_t k = 0; k < w->n; k++) {
        const iss_waiver *e = &w->v[k];
        for (size_t i = 0; i < r->nresults && !(used[k] & ISS_ENTRY_MATCHED); i++)
            if (targets(e, &r->results[i], r->decl))
                used[k] |= e->sha256 && strcmp(e->sha256, r->decl->sha256) != 0 ? ISS_ENTRY_PINNED
                                                                                : ISS_ENTRY_MATCHED;
    }
}

/* s without white space (ASCII, U+3000) and in ASCII lower case, for
 * "one extra space" or a capital written differently. */
static char *squashed(const char *s)
{
    char *out = iss_xmalloc(strlen(s) + 1), *o = out;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            continue;
        if (strncmp(s, "\xE3\x80\x80", 3) == 0) {
            s += 2;
            continue;
        }
        *o++ = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
    }
    *o = '\0';
    return out;
}

/* A provider of the run close to p: the same but for white space or case,
 * else at most 3 characters away and no more than one in four; NULL when
 * none is. */
static const char *near_provider(const char *const *seen, const char *p)
{
    char *sp = squashed(p);
    const char *near = NULL;
    size_t bestd = 4;
    for (size_t i = 0; seen[i]; i++) {
        char *si = squashed(seen[i]);
        size_t len, d = strcmp(si, sp) == 0 ? 0 : iss_edit_distance(p, seen[i], &len);
        free(si);
        if (d < bestd && (d == 0 || d * 4 <= len)) {
            bestd = d;
            near = seen[i];
        }
    }
    free(sp);
    return near;
}

size_t iss_waivers_unused(const iss_waivers *w, const iss_run_totals *t, iss_unused **out)
{
    *out = NULL;
    if (!w || !w->n)
        return 0;
    /* the providers of the run, each once, for did-you-mean */
    const char **seen = iss_xmalloc((t->nrows + 1) * sizeof *seen);
    size_t nseen = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const char *p = t->rows[i].provider;
        bool dup = !p;
        for (size_t j = 0; !dup && j < nseen; j++)
            dup = strcmp(seen[j], p) == 0;
        if (!dup)
            seen[nseen++] = p;
    }
    seen[nseen] = NULL;
    iss_unused *u = iss_xmalloc(w->n * sizeof *u);
    size_t n = 0;
    for (size_t k = 0; k < w->n; k++) {
        const iss_waiver *e = &w->v[k];
        unsigned char used = t->waivers_used ? t->waivers_used[k] : 0;
        if (used & ISS_ENTRY_MATCHED)
            continue;
        iss_unused x = {.w = e, .kind = ISS_UNUSED_ABSENT};
        bool provider_seen = false;
        for (size_t i = 0; !provider_seen && i < nseen; i++)
            provider_seen = strcmp(seen[i], e->provider) == 0;
        /* the declarations its digest names, when checked: the provider's
         * own (which then has no result of the rule), or another's */
        const iss_file_summary *same = NULL, *other = NULL, *near = NULL;
        for (size_t i = 0; e->sha256 && i < t->nrows; i++) {
            const iss_file_summary *row = &t->rows[i];
            if (!row->provider)
                continue;
            bool mine = strcmp(row->provider, e->provider) == 0;
            if (strcmp(row->sha256, e->sha256) == 0) {
                if (mine && !same)
                    same = row;
                else if (!mine && !other)
                    other = row;
            } else if (mine && !near && digits_apart(row->sha256, e->sha256) <= 8) {
                near = row; /* mistyped, not edited */
            }
        }
        if (provider_seen && (same || !(used & ISS_ENTRY_PINNED))) {
            x.kind = ISS_UNUSED_RULE;
        } else if (other) {
            x.kind = ISS_UNUSED_DIGEST_OTHER;
            x.other = other->provider;
            x.file = other->file;
        } else if (used & ISS_ENTRY_PINNED) {
            x.kind = near ? ISS_UNUSED_DIGEST_NEAR : ISS_UNUSED_DIGEST_NONE;
            x.file = near ? near->file : NULL;
        } else {
            x.other = near_provider(seen, e->provider);
            x.kind = x.other ? ISS_UNUSED_NEAR : ISS_UNUSED_ABSENT;
        }
        u[n++] = x;
    }
    free(seen);
    if (!n)
        free(u);
    else
        *out = u;
    return n;
}

const char *iss_unused_kind_name(iss_unused_kind k)
{
    static const char *const names[] = {"provider-absent", "provider-near", "digest-other",
                                        "digest-none",     "digest-near",   "rule-unused"};
    return names[k];
}

/* The string id with {0}, {1}, {2} replaced by args[0..2], each escaped. */
static void render_args(iss_buf *out, iss_str_id id, iss_lang lang, iss_escape_fn *esc,
                        const char *const args[3])
{
    const char *t = iss_string(id, lang);
    for (const char *at; (at = strchr(t, '{')) != NULL;) {
        if (at[1] < '0' || at[1] > '2' || at[2] != '}') {
            iss_buf_add(out, t, (size_t)(at - t + 1));
            t = at + 1;
            continue;
        }
        iss_buf_add(out, t, (size_t)(at - t));
        const char *a = args[at[1] - '0'] ? args[at[1] - '0'] : "";
        if (esc)
            esc(out, a);
        else
            iss_buf_puts(out, a);
        t = at + 3;
    }
    iss_buf_puts(out, t);
}

void iss_unused_render(iss_buf *out, const iss_unused *u, iss_lang lang, iss_escape_fn *esc)
{
    const iss_waiver *e = u->w;
    /* the rule as the entry names it: ID, or EDITION:ID */
    char *qualified = NULL;
    if (e->edition) {
        size_t len = strlen(e->edition) + strlen(e->rule) + 2;
        qualified = iss_xmalloc(len);
        snprintf(qualified, len, "%s:%s", e->edition, e->rule);
    }
    const char *rule = qualified ? qualified : e->rule;
    const char *entry[3] = {rule, e->provider, NULL};
    render_args(out, e->kind == ISS_ENTRY_JUDGEMENT ? S_UNUSED_JUDGEMENT : S_UNUSED_WAIVER, lang,
                esc, entry);
    iss_buf_puts(out, iss_string(S_UNUSED_SEP, lang));
    static const iss_str_id why[] = {
        [ISS_UNUSED_ABSENT] = S_UNUSED_ABSENT,
        [ISS_UNUSED_NEAR] = S_UNUSED_NEAR,
        [ISS_UNUSED_DIGEST_OTHER] = S_UNUSED_DIGEST_OTHER,
        [ISS_UNUSED_DIGEST_NONE] = S_UNUSED_DIGEST_NONE,
        [ISS_UNUSED_DIGEST_NEAR] = S_UNUSED_DIGEST_NEAR,
        [ISS_UNUSED_RULE] = S_UNUSED_RULE,
    };
    const char *args[3] = {e->provider, u->kind == ISS_UNUSED_DIGEST_NEAR ? u->file : u->other,
                           u->kind == ISS_UNUSED_RULE ? rule : u->file};
    render_args(out, why[u->kind], lang, esc, args);
    free(qualified);
}
