/* catalogue_list.c - the catalogue shown to people (isscheck catalogue)
 * and the 例示 lists a rule cites with the entries on each (isscheck
 * explain): so that a provider finds the name that matches without
 * reading catalogue.yaml, and sees which lists have no entry at all. */
#include "checks/checks.h"
#include "isscheck/authoring.h"
#include "isscheck/escape.h"

#include <stdio.h>
#include <string.h>

/* The lists the standard refers to (第1章 2 (7), ア … キ): list N-M is of
 * the N-th catalogue type (iss_entry_type + 1), whether or not the
 * catalogue has an entry on it. */
static const char *const standard_lists[] = {
    "1-1", "1-2", "1-3", "1-4", "1-5", "2-1", "2-2", "2-3", "3-1", "3-2", "3-3", "3-4", "4-1",
    "4-2", "4-3", "4-4", "5-1", "5-2", "6-1", "6-2", "7-1", "7-2", "7-3", "7-4", "7-5", NULL};

int iss_entry_type_lookup(const char *name)
{
    return iss_lookup(iss_entry_type_keys, name);
}

void iss_rule_cited_lists(const iss_rule *r, iss_cited_fn *fn, void *data)
{
    /* a path's type is the catalogue type it looks up, in the same order */
    if (r->kind == ISS_CHECK_QUALIFIED_LEADS)
        for (size_t k = 0; k < r->leads.npaths; k++) {
            const iss_path *p = &r->leads.paths[k];
            if (p->type != ISS_PATH_TRACK_RECORD && p->reiji)
                fn(data, p->reiji, (iss_entry_type)(ISS_ENTRY_QUALIFICATION + (int)p->type));
        }
    /* the item fields are the last four catalogue types, in order */
    if (r->kind == ISS_CHECK_REIJI_ITEMS)
        for (size_t k = 0; k < r->items.nreqs; k++) {
            const iss_requirement *q = &r->items.reqs[k];
            if (q->reiji)
                fn(data, q->reiji, (iss_entry_type)(ISS_ENTRY_STANDARD + (int)q->field));
        }
}

typedef struct {
    const char *reiji;
    bool found;
} cited_search;

static void cited_is(void *data, const char *reiji, iss_entry_type type)
{
    (void)type;
    cited_search *s = data;
    s->found |= strcmp(s->reiji, reiji) == 0;
}

bool iss_reiji_list_known(const iss_criteria *c, const char *reiji)
{
    if (iss_lookup(standard_lists, reiji) >= 0)
        return true;
    for (size_t i = 0; i < c->nentries; i++)
        if (iss_entry_on_list(&c->entries[i], reiji))
            return true;
    cited_search s = {.reiji = reiji};
    for (size_t i = 0; i < c->nrules && !s.found; i++)
        iss_rule_cited_lists(&c->rules[i], cited_is, &s);
    return s.found;
}

static bool passes(const iss_entry *e, const iss_catalogue_filter *f)
{
    return (f->type < 0 || (int)e->type == f->type) &&
           (!f->reiji || iss_entry_on_list(e, f->reiji));
}

size_t iss_catalogue_count(const iss_criteria *c, const iss_catalogue_filter *f)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nentries; i++)
        n += passes(&c->entries[i], f);
    return n;
}

/* ---- text ---- */

/* A row of strings.def whose one %s is a value from a criteria file:
 * the value escaped, so it can neither start a line nor move the cursor. */
static void text_row(iss_buf *out, iss_str_id id, iss_lang lang, const char *value)
{
    iss_buf v = {0};
    iss_text_str(&v, value);
    iss_str_printf(out, id, lang, v.s ? v.s : "");
    iss_buf_free(&v);
}

static void entry_text(iss_buf *out, const iss_entry *e, iss_lang lang)
{
    iss_buf v = {0}, id = {0};
    iss_text_str(&v, e->name);
    iss_text_str(&id, e->id);
    iss_buf_printf(out, "  %s [%s]\n", v.s ? v.s : "", id.s ? id.s : "");
    iss_buf_free(&id);
    iss_buf_free(&v);
    iss_buf lists = {0};
    iss_strs_join(&lists, &e->lists, ", ");
    if (e->lists.n)
        text_row(out, S_CAT_LISTS, lang, lists.s);
    else
        iss_buf_puts(out, iss_string(S_CAT_NO_LISTS, lang));
    iss_buf_free(&lists);
    for (size_t j = 0; j < e->naliases; j++)
        text_row(out, S_CAT_ALIAS, lang, e->alias_src[j]);
    if (e->number_src)
        text_row(out, S_CAT_NUMBER, lang, e->number_src);
    if (e->verified)
        text_row(out, S_CAT_PROVENANCE, lang, e->provenance);
    else
        iss_str_printf(out, S_CAT_PROVENANCE, lang, iss_string(S_CAT_UNVERIFIED, lang));
    if (e->note)
        text_row(out, S_CAT_NOTE, lang, e->note);
}

/* How many entries of the edition set pass f. */
static size_t set_count(const iss_criteria *c, const iss_criteria *set,
                        const iss_catalogue_filter *f)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nentries; i++)
        n += c->entries[i].owner == set && passes(&c->entries[i], f);
    return n;
}

/* The n entries of one edition that pass f, by type. */
static void set_text(iss_buf *out, const iss_criteria *c, const iss_criteria *set,
                     const iss_catalogue_filter *f, size_t n, iss_lang lang)
{
    iss_buf t = {0}, d = {0};
    iss_text_str(&t, set->title);
    iss_buf_puts(&t, " ");
    iss_text_str(&t, set->edition);
    iss_text_str(&d, set->dir);
    iss_str_printf(out, S_CAT_EDITION, lang, t.s, d.s ? d.s : "", n);
    iss_buf_free(&t);
    iss_buf_free(&d);
    size_t unverified = 0;
    for (size_t i = 0; i < c->nentries; i++)
        unverified +=
            c->entries[i].owner == set && !c->entries[i].verified && passes(&c->entries[i], f);
    if (unverified)
        iss_str_printf(out, S_CAT_UNVERIFIED_COUNT, lang, unverified);
    for (int type = ISS_ENTRY_QUALIFICATION; type <= ISS_ENTRY_EDUCATION; type++) {
        size_t k = 0;
        for (size_t i = 0; i < c->nentries; i++)
            k += c->entries[i].owner == set && (int)c->entries[i].type == type &&
                 passes(&c->entries[i], f);
        if (!k)
            continue;
        iss_buf_puts(out, "\n");
        iss_str_printf(out, S_CAT_TYPE, lang,
                       iss_string((iss_str_id)(S_TYPE_QUALIFICATION + type), lang),
                       iss_entry_type_keys[type], type + 1, k);
        for (size_t i = 0; i < c->nentries; i++) {
            const iss_entry *e = &c->entries[i];
            if (e->owner == set && (int)e->type == type && passes(e, f))
                entry_text(out, e, lang);
        }
    }
}

/* What is said of a list with no entry of any type: every claim on it is
 * one of equivalence (「又は同等のもの」), for an examiner. */
static void empty_list_text(iss_buf *out, const char *reiji, iss_lang lang)
{
    iss_buf v = {0};
    iss_text_str(&v, reiji);
    iss_str_printf(out, S_CAT_LIST_EMPTY, lang, v.s);
    iss_buf_free(&v);
}

void iss_catalogue_text(iss_buf *out, const iss_criteria *c, const iss_catalogue_filter *f,
                        iss_lang lang)
{
    if (!iss_catalogue_count(c, f)) {
        iss_catalogue_filter any = {.type = -1, .reiji = f->reiji};
        if (f->reiji && !iss_catalogue_count(c, &any))
            empty_list_text(out, f->reiji, lang);
        else
            iss_buf_puts(out, iss_string(S_CAT_NONE, lang));
        return;
    }
    bool first = true;
    for (size_t s = 0; s < c->nsets; s++) {
        size_t n = set_count(c, c->sets[s], f);
        if (!n)
            continue; /* an edition without a catalogue (trust, a draft) */
        if (!first)
            iss_buf_puts(out, "\n");
        set_text(out, c, c->sets[s], f, n, lang);
        first = false;
    }
}

/* ---- JSON ---- */

static void json_str_or_null(iss_buf *out, const char *s)
{
    if (s)
        iss_json_str(out, s);
    else
        iss_buf_puts(out, "null");
}

static void entry_json(iss_buf *out, const iss_entry *e, bool first)
{
    iss_buf_puts(out, first ? "{" : ",{");
    iss_json_key(out, "id", true);
    iss_json_str(out, e->id);
    iss_json_key(out, "type", false);
    iss_json_str(out, iss_entry_type_keys[e->type]);
    iss_json_key(out, "name", false);
    iss_json_str(out, e->name);
    iss_json_key(out, "lists", false);
    iss_buf_puts(out, "[");
    for (size_t j = 0; j < e->lists.n; j++) {
        iss_buf_puts(out, j ? "," : "");
        iss_json_str(out, e->lists.v[j].s);
    }
    iss_buf_puts(out, "]");
    iss_json_key(out, "aliases", false);
    iss_buf_puts(out, "[");
    for (size_t j = 0; j < e->naliases; j++) {
        iss_buf_puts(out, j ? "," : "");
        iss_json_str(out, e->alias_src[j]);
    }
    iss_buf_puts(out, "]");
    iss_json_key(out, "number_pattern", false);
    json_str_or_null(out, e->number_src);
    iss_json_key(out, "verified", false);
    iss_buf_puts(out, e->verified ? "true" : "false");
    iss_json_key(out, "provenance", false);
    iss_json_str(out, e->provenance);
    iss_json_key(out, "note", false);
    json_str_or_null(out, e->note);
    iss_json_key(out, "document", false);
    iss_json_str(out, e->owner->document);
    iss_json_key(out, "edition", false);
    iss_json_str(out, e->owner->edition);
    iss_buf_puts(out, "}");
}

void iss_catalogue_json(iss_buf *out, const iss_criteria *c, const iss_catalogue_filter *f)
{
    iss_buf_puts(out, "{");
    iss_json_key(out, "editions", true);
    iss_json_editions(out, c);
    iss_json_key(out, "type", false);
    json_str_or_null(out, f->type < 0 ? NULL : iss_entry_type_keys[f->type]);
    iss_json_key(out, "reiji", false);
    json_str_or_null(out, f->reiji);
    if (f->reiji) {
        /* whether the list has an entry of any type: none means every
         * claim on it is one of equivalence */
        iss_catalogue_filter any = {.type = -1, .reiji = f->reiji};
        iss_json_key(out, "reiji_has_entries", false);
        iss_buf_puts(out, iss_catalogue_count(c, &any) ? "true" : "false");
    }
    iss_json_key(out, "entries", false);
    iss_buf_puts(out, "[");
    size_t shown = 0;
    for (size_t i = 0; i < c->nentries; i++)
        if (passes(&c->entries[i], f))
            entry_json(out, &c->entries[i], shown++ == 0);
    iss_buf_puts(out, "]}\n");
}

/* ---- explain: the entries of each list a rule cites ---- */

typedef struct {
    iss_buf *out;
    const iss_criteria *c;
    const iss_rule *r;
    iss_lang lang;
    size_t k; /* the list being told: the first time it is cited */
} cited_text;

/* Whether the rule cites (reiji, type) before its k-th citation: each
 * list is told once. */
typedef struct {
    const char *reiji;
    iss_entry_type type;
    size_t seen, before;
    bool dup;
} cited_dup;

static void cited_dup_is(void *data, const char *reiji, iss_entry_type type)
{
    cited_dup *d = data;
    if (d->seen++ < d->before && type == d->type && strcmp(reiji, d->reiji) == 0)
        d->dup = true;
}

static void cited_entries(void *data, const char *reiji, iss_entry_type type)
{
    cited_text *t = data;
    cited_dup d = {.reiji = reiji, .type = type, .before = t->k++};
    iss_rule_cited_lists(t->r, cited_dup_is, &d);
    if (d.dup)
        return;
    const char *what = iss_string((iss_str_id)(S_TYPE_QUALIFICATION + type), t->lang);
    iss_catalogue_filter f = {.type = (int)type, .reiji = reiji};
    size_t n = iss_catalogue_count(t->c, &f);
    iss_buf v = {0};
    iss_text_str(&v, reiji);
    if (!n) {
        iss_str_printf(t->out, S_EX_CATALOGUE_EMPTY, t->lang, v.s, what);
        iss_buf_free(&v);
        return;
    }
    iss_str_printf(t->out, S_EX_CATALOGUE_LIST, t->lang, v.s, what, n);
    iss_buf_free(&v);
    for (size_t i = 0; i < t->c->nentries; i++) {
        const iss_entry *e = &t->c->entries[i];
        if (!passes(e, &f))
            continue;
        iss_buf name = {0}, id = {0};
        iss_text_str(&name, e->name);
        iss_text_str(&id, e->id);
        iss_buf_printf(t->out, "    - %s [%s]\n", name.s ? name.s : "", id.s ? id.s : "");
        iss_buf_free(&name);
        iss_buf_free(&id);
    }
}

static void count_cited(void *data, const char *reiji, iss_entry_type type)
{
    (void)reiji;
    (void)type;
    ++*(size_t *)data;
}

void ex_cited_lists(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang)
{
    size_t n = 0;
    iss_rule_cited_lists(r, count_cited, &n);
    if (!n)
        return;
    iss_buf_puts(out, "\n");
    iss_buf_puts(out, iss_string(S_EX_CATALOGUE_HEADING, lang));
    cited_text t = {.out = out, .c = c, .r = r, .lang = lang};
    iss_rule_cited_lists(r, cited_entries, &t);
}
