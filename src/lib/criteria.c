/* criteria.c - loading a criteria set: manifest, rule files, catalogue. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "checks/checks.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static bool label(iss_loader *L, const iss_node *n, const char *what, iss_label *out)
{
    static const char *const keys[] = {"code", "ja", "en", NULL};
    iss_str code = {0}, ja = {0}, en = {0};
    if (!iss_expect_map(&L->c, n, what, keys))
        return false;
    bool ok = iss_get_str(&L->c, n, "code", true, &code) & iss_get_str(&L->c, n, "ja", true, &ja) &
              iss_get_str(&L->c, n, "en", true, &en);
    out->code = code.s;
    out->ja = ja.s;
    out->en = en.s;
    return ok;
}

static bool labels(iss_loader *L, const iss_node *map, const char *key, iss_label **out, size_t *n)
{
    const iss_node *v = iss_map_get(map, key);
    if (iss_node_is_null(v))
        return true;
    if (!iss_expect_seq(&L->c, v, key))
        return false;
    *out = iss_arena_alloc(L->cr->arena, (v->n + 1) * sizeof **out);
    *n = v->n;
    bool ok = true;
    for (size_t i = 0; i < v->n; i++)
        ok &= label(L, v->kids[i], key, &(*out)[i]);
    return ok;
}

static const char **plain_list(iss_loader *L, const iss_strs *s)
{
    const char **v = iss_arena_alloc(L->cr->arena, (s->n + 1) * sizeof *v);
    for (size_t i = 0; i < s->n; i++)
        v[i] = s->v[i].s;
    return v;
}

static bool load_category(iss_loader *L, const iss_node *n, iss_category *cat)
{
    static const char *const keys[] = {"code", "rule_prefix", "name", "aliases", "clause",
                                       "subtypes", "engagement_kinds", "lead_groups", "section", NULL};
    static const char *const name_keys[] = {"ja", "en", NULL};
    if (!iss_expect_map(&L->c, n, "a category", keys))
        return false;
    iss_str code = {0}, prefix = {0}, clause = {0}, ja = {0}, en = {0}, section = {0};
    iss_strs aliases = {0}, groups = {0};
    bool ok = iss_get_str(&L->c, n, "code", true, &code) &
              iss_get_str(&L->c, n, "section", false, &section) &
              iss_get_str(&L->c, n, "rule_prefix", true, &prefix) &
              iss_get_str(&L->c, n, "clause", false, &clause) &
              iss_get_strs(&L->c, n, "aliases", false, &aliases) &
              iss_get_strs(&L->c, n, "lead_groups", false, &groups);
    const iss_node *name = iss_map_get(n, "name");
    if (!name) {
        iss_error(&L->c, n->loc, "missing required key 'name'");
        ok = false;
    } else if (iss_expect_map(&L->c, name, "name", name_keys)) {
        ok &= iss_get_str(&L->c, name, "ja", true, &ja) & iss_get_str(&L->c, name, "en", true, &en);
    } else {
        ok = false;
    }
    ok &= labels(L, n, "subtypes", &cat->subtypes, &cat->nsubtypes);
    ok &= labels(L, n, "engagement_kinds", &cat->kinds, &cat->nkinds);
    cat->code = code.s;
    cat->prefix = prefix.s;
    cat->clause = clause.s ? clause.s : "";
    cat->name_ja = ja.s;
    cat->name_en = en.s;
    cat->aliases = plain_list(L, &aliases);
    cat->naliases = aliases.n;
    cat->groups = plain_list(L, &groups);
    cat->ngroups = groups.n;
    cat->section = section.s;
    if (section.s && strcmp(section.s, "trust") != 0) {
        iss_error(&L->c, section.loc, "unknown section '%s'; expected trust", section.s);
        ok = false;
    }
    return ok;
}

/* ---- catalogue ---- */

static const char *const entry_types[] = {"qualification", "community", "training", "standard",
                                          "result_handling", "compliance", "education", NULL};

/* Whether patterns are JIT-compiled.  Measured with callgrind on `check
 * examples/va-pass.yaml` with the built-in criteria: 1.84 M instructions
 * without the JIT, 3.46 M with it (hyperfine, min of 300: 1.40 ms against
 * 2.36 ms).  The JIT costs more to compile than it saves on the few
 * matches a declaration needs; -DISS_PATTERN_JIT=1 turns it back on. */
#ifndef ISS_PATTERN_JIT
#define ISS_PATTERN_JIT 0
#endif
static const bool pattern_jit = ISS_PATTERN_JIT;

static pcre2_code *pattern_compile(const char *pat, int *err, PCRE2_SIZE *off)
{
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                                   err, off, NULL);
    if (re && pattern_jit)
        pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* best effort: the interpreter works too */
    return re;
}

static pcre2_code *compile(iss_loader *L, const char *pat, iss_loc loc, const char *what)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pattern_compile(pat, &err, &off);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        iss_error(&L->c, loc, "%s pattern '%s' does not compile at offset %zu: %s", what, pat,
                  (size_t)off, (char *)msg);
        return NULL;
    }
    return re;
}

static void free_entry_patterns(iss_entry *e)
{
    for (size_t j = 0; e->alias_re && j <= e->naliases; j++)
        pcre2_code_free(atomic_load(&e->alias_re[j]));
    e->alias_re = NULL;
}

static bool load_entry(iss_loader *L, const iss_node *n, iss_entry *e)
{
    static const char *const keys[] = {"id", "type", "name", "aliases", "lists", "number_pattern",
                                       "provenance", "note", NULL};
    static const char *const prov_keys[] = {"reiji_date", "checked", "by", NULL};
    if (!iss_expect_map(&L->c, n, "a catalogue entry", keys))
        return false;
    iss_str id = {0}, type = {0}, name = {0}, num = {0}, note = {0};
    iss_strs aliases = {0};
    bool ok = iss_get_str(&L->c, n, "id", true, &id) & iss_get_str(&L->c, n, "type", true, &type) &
              iss_get_str(&L->c, n, "name", true, &name) &
              iss_get_strs(&L->c, n, "aliases", false, &aliases) &
              iss_get_strs(&L->c, n, "lists", true, &e->lists) &
              iss_get_str(&L->c, n, "number_pattern", false, &num) &
              iss_get_str(&L->c, n, "note", false, &note);
    if (!ok)
        return false;
    e->id = id.s;
    e->name = name.s;
    e->note = note.s;
    int t = iss_lookup(entry_types, type.s);
    if (t < 0) {
        iss_error(&L->c, type.loc, "unknown catalogue entry type '%s'", type.s);
        return false;
    }
    e->type = (iss_entry_type)t;
    e->naliases = aliases.n;
    e->alias_src = plain_list(L, &aliases);
    e->alias_re = iss_arena_alloc(L->cr->arena, (aliases.n + 1) * sizeof *e->alias_re);
    for (size_t i = 0; i < aliases.n; i++) {
        pcre2_code *re = compile(L, aliases.v[i].s, aliases.v[i].loc, "alias");
        atomic_store(&e->alias_re[i], re);
        ok &= re != NULL;
    }
    if (num.s && *num.s) {
        e->number_src = num.s;
        pcre2_code *re = compile(L, num.s, num.loc, "number");
        atomic_store(&e->alias_re[aliases.n], re);
        ok &= re != NULL;
    }
    const iss_node *prov = iss_map_get(n, "provenance");
    if (!prov) {
        iss_error(&L->c, n->loc, "catalogue entry '%s' has no provenance", e->id);
        return false;
    }
    if (iss_scalar_is(prov, "unverified")) {
        e->provenance = "unverified";
    } else if (prov->type == ISS_NODE_MAP && iss_expect_map(&L->c, prov, "provenance", prov_keys)) {
        iss_day rd = 0, ck = 0;
        iss_str by = {0};
        ok &= iss_get_date(&L->c, prov, "reiji_date", true, &rd, NULL) &
              iss_get_date(&L->c, prov, "checked", true, &ck, NULL) &
              iss_get_str(&L->c, prov, "by", true, &by);
        char a[ISS_DATE_SIZE], b[ISS_DATE_SIZE];
        iss_date_format(rd, a);
        iss_date_format(ck, b);
        e->provenance = iss_arena_printf(L->cr->arena, "例示 %s, checked %s by %s", a, b,
                                         by.s ? by.s : "?");
        e->verified = ok;
    } else {
        iss_error(&L->c, prov->loc,
                  "provenance must be 'unverified' or a mapping with reiji_date, checked and by");
        return false;
    }
    return ok;
}

static void free_patterns(iss_criteria *c)
{
    for (size_t i = 0; i < c->nentries; i++)
        free_entry_patterns(&c->entries[i]);
}

/* ---- rules ---- */

const iss_node *iss_load_seq(iss_ctx *c, const iss_node *map, const char *key)
{
    const iss_node *list = iss_map_get(map, key);
    if (!list) {
        iss_error(c, map->loc, "missing required key '%s'", key);
        return NULL;
    }
    return iss_expect_seq(c, list, key) ? list : NULL;
}

const char *const iss_item_field_keys[ISS_FIELD_COUNT + 1] = {"standards", "result_handling",
                                                             "compliance", "education", NULL};

bool iss_load_enum(iss_loader *L, const iss_node *map, const char *key, const char *const *values,
                   int *out)
{
    iss_str s = {0};
    if (!iss_get_str(&L->c, map, key, true, &s))
        return false;
    int i = iss_lookup(values, s.s);
    if (i < 0) {
        iss_buf known = {0};
        for (size_t k = 0; values[k]; k++)
            iss_buf_printf(&known, "%s%s", k ? ", " : "", values[k]);
        iss_error(&L->c, s.loc, "unknown %s '%s'; expected one of %s", key, s.s, known.s);
        iss_buf_free(&known);
        return false;
    }
    *out = i;
    return true;
}

/* The keys a check may have: kind and every kind's parameters, in the
 * order the message for an unknown key has always listed them (a
 * parameter of a kind added later comes after), NULL-terminated. */
static void check_keys(const char **out, size_t cap)
{
    static const char *const order[] = {"kind", "group", "disclose_counts", "paths", "rules",
                                        "requirements", "field", "sections", "window_years",
                                        "alternatives", "qualified_rule", "statements",
                                        "when_present", "source", "when_missing", "requires",
                                        "item", "threshold_percent", "accept_registration", NULL};
    size_t n = 0;
    for (size_t i = 0; order[i] && n + 1 < cap; i++)
        out[n++] = order[i];
    for (size_t k = 0; k < ISS_CHECK_COUNT; k++)
        for (const char *const *p = iss_check_kinds[k]->params; *p && n + 1 < cap; p++) {
            out[n] = NULL;
            if (iss_lookup(out, *p) < 0)
                out[n++] = *p;
        }
    out[n] = NULL;
}

static bool load_check(iss_loader *L, const iss_node *n, iss_rule *r)
{
    const char *keys[64];
    check_keys(keys, sizeof keys / sizeof *keys);
    if (!iss_expect_map(&L->c, n, "a check", keys))
        return false;
    int kind = 0;
    if (!iss_load_enum(L, n, "kind", iss_check_names, &kind))
        return false;
    r->kind = (iss_check_kind)kind;
    bool ok = true;
    const char *const *params = iss_check_params(r->kind);
    for (size_t i = 0; i + 1 < 2 * n->n; i += 2) {
        const char *key = n->kids[i]->str;
        if (strcmp(key, "kind") != 0 && iss_lookup(params, key) < 0) {
            iss_error(&L->c, n->kids[i]->loc, "'%s' is not a parameter of check kind '%s'", key,
                      iss_check_name(r->kind));
            ok = false;
        }
    }
    return ok & iss_check_kinds[r->kind]->load(L, n, r);
}

/* The rule's readings: a list of {on, source, ja, en}, kept as four
 * parallel string lists (the rule struct holds only plain data). */
static bool load_readings(iss_loader *L, const iss_node *n, iss_rule *r)
{
    static const char *const keys[] = {"on", "source", "ja", "en", NULL};
    const iss_node *list = iss_map_get(n, "reading");
    if (!list)
        return true;
    if (!iss_expect_seq(&L->c, list, "reading"))
        return false;
    iss_strs *all[] = {&r->reading_on, &r->reading_source, &r->reading_ja, &r->reading_en};
    for (size_t k = 0; k < 4; k++) {
        all[k]->v = iss_arena_alloc(L->cr->arena, (list->n + 1) * sizeof(iss_str));
        all[k]->n = list->n;
        all[k]->loc = list->loc;
    }
    bool ok = true;
    for (size_t i = 0; i < list->n; i++) {
        const iss_node *m = list->kids[i];
        if (!iss_expect_map(&L->c, m, "a reading", keys)) {
            ok = false;
            continue;
        }
        for (size_t k = 0; k < 4; k++)
            ok &= iss_get_str(&L->c, m, keys[k], true, &all[k]->v[i]);
    }
    return ok;
}

static bool load_rule(iss_loader *L, const iss_node *n, size_t category, iss_rule *r)
{
    static const char *const keys[] = {"id",      "clause",        "title",          "text",
                                       "label",   "related_text",  "related_clause", "text_unavailable",
                                       "reading", "summary",       "when_subtypes",  "check",
                                       NULL};
    static const char *const title_keys[] = {"ja", "en", NULL};
    if (!iss_expect_map(&L->c, n, "a rule", keys))
        return false;
    iss_str id = {0}, clause = {0}, text = {0}, summary = {0}, ja = {0}, en = {0}, none = {0},
            label = {0}, rel = {0}, rel_clause = {0};
    bool ok = iss_get_str(&L->c, n, "id", true, &id) & iss_get_str(&L->c, n, "clause", true, &clause) &
              iss_get_str(&L->c, n, "text_unavailable", false, &none) &
              iss_get_str(&L->c, n, "text", !none.s, &text) &
              iss_get_str(&L->c, n, "label", false, &label) &
              iss_get_str(&L->c, n, "related_text", false, &rel) &
              iss_get_str(&L->c, n, "related_clause", false, &rel_clause) &
              load_readings(L, n, r) &
              iss_get_str(&L->c, n, "summary", true, &summary) &
              iss_get_strs(&L->c, n, "when_subtypes", false, &r->when_subtypes);
    if (!rel.s != !rel_clause.s) {
        iss_error(&L->c, n->loc, "'related_text' and 'related_clause' go together");
        ok = false;
    }
    if (none.s && text.s) {
        iss_error(&L->c, none.loc, "a rule gives either 'text' or 'text_unavailable', not both");
        ok = false;
    } else if (none.s && !L->cr->draft) {
        iss_error(&L->c, none.loc,
                  "rule '%s' has no clause text: only a draft set may say 'text_unavailable'",
                  id.s ? id.s : "?");
        ok = false;
    } else if (none.s && L->lint) {
        iss_diag_add(L->c.diags, ISS_SEV_WARNING, L->c.file, none.loc,
                     "rule '%s' gives no clause text (draft; primary text not available): %s",
                     id.s ? id.s : "?", none.s);
    }
    const iss_node *title = iss_map_get(n, "title");
    if (!title) {
        iss_error(&L->c, n->loc, "missing required key 'title'");
        ok = false;
    } else if (iss_expect_map(&L->c, title, "title", title_keys)) {
        ok &= iss_get_str(&L->c, title, "ja", true, &ja) & iss_get_str(&L->c, title, "en", true, &en);
    } else {
        ok = false;
    }
    r->id = id.s;
    r->clause = clause.s;
    r->text = text.s;
    r->text_unavailable = none.s;
    r->label = label.s;
    r->related_text = rel.s;
    r->related_clause = rel_clause.s;
    r->set = L->cr;
    r->summary = summary.s;
    r->title_ja = ja.s;
    r->title_en = en.s;
    r->file = L->c.file;
    r->loc = n->loc;
    r->category = category;
    const iss_node *check = iss_map_get(n, "check");
    if (!check) {
        iss_error(&L->c, n->loc, "rule '%s' has no 'check'", id.s ? id.s : "?");
        return false;
    }
    ok &= load_check(L, check, r);
    const iss_category *cat = &L->cr->categories[category];
    size_t plen = strlen(cat->prefix);
    if (id.s && (strncmp(id.s, cat->prefix, plen) != 0 || id.s[plen] != '-')) {
        iss_error(&L->c, id.loc, "rule id '%s' does not start with its category's prefix '%s-'",
                  id.s, cat->prefix);
        ok = false;
    }
    if (L->lint && L->cr->draft && r->kind == ISS_CHECK_STATEMENT && r->statement.when_present_pass) {
        iss_error(&L->c, check->loc,
                  "rule '%s' of a draft set would pass on a statement: a draft rule cannot pass "
                  "on substance (use when_present: review)",
                  id.s ? id.s : "?");
        ok = false;
    }
    for (size_t i = 0; ok && i < r->when_subtypes.n; i++) {
        bool found = false;
        for (size_t j = 0; j < cat->nsubtypes; j++)
            found |= strcmp(cat->subtypes[j].code, r->when_subtypes.v[i].s) == 0;
        if (!found) {
            iss_error(&L->c, r->when_subtypes.v[i].loc, "unknown sub-type '%s' of category '%s'",
                      r->when_subtypes.v[i].s, cat->code);
            ok = false;
        }
    }
    return ok;
}

static void digest_add(uint64_t *h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        *h ^= (unsigned char)s[i];
        *h *= 0x100000001b3ULL;
    }
}

typedef struct {
    iss_rule *v;
    size_t n, cap;
} rule_vec;

/* The bytes of the set's file base (at path): from memory for a built-in
 * set, else from the folder. */
static bool read_source(iss_loader *L, const char *path, const char *base, iss_buf *b)
{
    if (L->mem) {
        for (size_t i = 0; i < L->nmem; i++)
            if (strcmp(L->mem[i].name, base) == 0) {
                iss_buf_add(b, L->mem[i].bytes, L->mem[i].len);
                return true;
            }
    } else {
        /* a regular file only: a FIFO in its place would hang the run */
        int why = 0;
        FILE *f = iss_input_open(path, true, &why);
        if (f) {
            char chunk[65536];
            size_t got;
            while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b->len <= L->lim->max_bytes)
                iss_buf_add(b, chunk, got);
            fclose(f);
            return true;
        }
        if (why <= 0) {
            iss_input_error(L->c.diags, path, why);
            L->unloadable = true;
            return false;
        }
    }
    iss_diag_add(L->c.diags, ISS_SEV_ERROR, path, (iss_loc){0, 0}, "cannot open criteria file");
    L->unloadable = true;
    return false;
}

/* The digest covers each file's plain name and bytes, so it does not
 * depend on where the set is installed. */
static bool load_file(iss_loader *L, const char *path, const char *base, rule_vec *rules,
                      iss_node **catalogue_out, uint64_t *h)
{
    const char *name = path;
    L->c.file = name;
    /* read bytes once: they feed both the digest and the parser */
    iss_buf b = {0};
    if (!read_source(L, path, base, &b))
        return false;
    digest_add(h, base, strlen(base) + 1);
    digest_add(h, b.s ? b.s : "", b.len);
    iss_node *root = iss_read_yaml(b.s ? b.s : "", b.len, name, L->lim, L->cr->arena, L->c.diags);
    iss_buf_free(&b);
    if (!root) {
        L->unloadable = true;
        return false;
    }
    if (iss_map_get(root, "catalogue")) {
        static const char *const keys[] = {"catalogue", NULL};
        if (!iss_expect_map(&L->c, root, "a catalogue file", keys))
            return false;
        *catalogue_out = root;
        return true;
    }
    static const char *const keys[] = {"category", "rules", NULL};
    if (!iss_expect_map(&L->c, root, "a rule file", keys))
        return false;
    iss_str cat = {0};
    if (!iss_get_str(&L->c, root, "category", true, &cat))
        return false;
    int ci = iss_criteria_category(L->cr, cat.s);
    if (ci < 0) {
        iss_error(&L->c, cat.loc, "category '%s' is not in the manifest", cat.s);
        return false;
    }
    const iss_node *list = iss_load_seq(&L->c, root, "rules");
    if (!list)
        return false;
    bool ok = true;
    for (size_t i = 0; i < list->n; i++) {
        if (rules->n == rules->cap) {
            rules->cap = rules->cap ? rules->cap * 2 : 64;
            rules->v = iss_xrealloc(rules->v, rules->cap * sizeof *rules->v);
        }
        iss_rule *r = &rules->v[rules->n];
        memset(r, 0, sizeof *r);
        if (load_rule(L, list->kids[i], (size_t)ci, r))
            rules->n++;
        else
            ok = false;
    }
    return ok;
}

static bool load_catalogue(iss_loader *L, const iss_node *root, const char *name)
{
    L->c.file = name;
    const iss_node *list = iss_map_get(root, "catalogue");
    if (!iss_expect_seq(&L->c, list, "catalogue"))
        return false;
    iss_criteria *cr = L->cr;
    cr->entries = iss_arena_alloc(cr->arena, (list->n + 1) * sizeof *cr->entries);
    bool ok = true;
    for (size_t i = 0; i < list->n; i++) {
        iss_entry *e = &cr->entries[cr->nentries];
        memset(e, 0, sizeof *e); /* the slot of a failed entry is reused */
        e->owner = cr;
        if (!load_entry(L, list->kids[i], e)) {
            free_entry_patterns(e); /* what compiled before the entry failed */
            ok = false;
            continue;
        }
        cr->nentries++;
        for (size_t j = 0; j + 1 < cr->nentries; j++)
            if (strcmp(cr->entries[j].id, e->id) == 0) {
                iss_error(&L->c, list->kids[i]->loc, "catalogue id '%s' defined twice", e->id);
                ok = false;
            }
    }
    return ok;
}

/* Rules that name other rules (dual_role, case_review's qualified_rule)
 * are linked once every file is in, by their kind's link. */
static bool link_rules(iss_loader *L)
{
    bool ok = true;
    iss_criteria *cr = L->cr;
    for (size_t i = 0; i < cr->nrules; i++) {
        iss_rule *r = &cr->rules[i];
        L->c.file = r->file;
        for (size_t j = 0; j < i; j++)
            if (strcmp(cr->rules[j].id, r->id) == 0) {
                iss_error(&L->c, r->loc, "rule id '%s' defined twice (first in %s:%d)", r->id,
                          cr->rules[j].file, cr->rules[j].loc.line);
                ok = false;
            }
        if (iss_check_kinds[r->kind]->link)
            ok &= iss_check_kinds[r->kind]->link(L, r);
    }
    return ok;
}

const iss_rule *iss_load_leads_rule(iss_loader *L, const iss_str *name)
{
    const iss_rule *t = iss_criteria_rule(L->cr, name->s);
    if (!t || t->kind != ISS_CHECK_QUALIFIED_LEADS) {
        iss_error(&L->c, name->loc, "'%s' is not a qualified_leads rule of this criteria set",
                  name->s);
        return NULL;
    }
    return t;
}

static bool load_risks(iss_loader *L, const iss_node *m)
{
    static const char *const keys[] = {"category", "level", "data", "risk", NULL};
    static const char *const level_keys[] = {"ja", "en", NULL};
    const iss_node *list = iss_map_get(m, "risk");
    if (iss_node_is_null(list))
        return true;
    if (!iss_expect_seq(&L->c, list, "risk"))
        return false;
    iss_criteria *cr = L->cr;
    cr->risks = iss_arena_alloc(cr->arena, (list->n + 1) * sizeof *cr->risks);
    bool ok = true;
    for (size_t i = 0; i < list->n; i++) {
        const iss_node *n = list->kids[i];
        iss_str cat = {0}, ja = {0}, en = {0}, data = {0}, risk = {0};
        if (!iss_expect_map(&L->c, n, "a risk row", keys)) {
            ok = false;
            continue;
        }
        const iss_node *level = iss_map_get(n, "level");
        bool rok = iss_get_str(&L->c, n, "category", true, &cat) &
                   iss_get_str(&L->c, n, "data", true, &data) & iss_get_str(&L->c, n, "risk", true, &risk);
        if (!level) {
            iss_error(&L->c, n->loc, "missing required key 'level'");
            rok = false;
        } else if (iss_expect_map(&L->c, level, "level", level_keys)) {
            rok &= iss_get_str(&L->c, level, "ja", true, &ja) & iss_get_str(&L->c, level, "en", true, &en);
        } else {
            rok = false;
        }
        if (rok)
            cr->risks[cr->nrisks++] = (iss_risk){.category = cat.s,
                                                   .level_ja = ja.s,
                                                   .level_en = en.s,
                                                   .data = data.s,
                                                   .risk = risk.s,
                                                   .set = cr};
        ok &= rok;
    }
    return ok;
}

/* Checks only an author needs: every clause the manifest lists has a rule,
 * and every 例示 list a rule refers to has an entry in the catalogue. */
/* The rule's reading on `on`, or -1. */
int iss_rule_reading(const iss_rule *r, const char *on)
{
    for (size_t i = 0; i < r->reading_on.n; i++)
        if (strcmp(r->reading_on.v[i].s, on) == 0)
            return (int)i;
    return -1;
}

/* Whether a reading's `on` names something the rule has: "check" (the
 * check kind itself), a check parameter, or PATH.PARAMETER. */
static bool reading_target(const iss_rule *r, const char *on)
{
    const struct iss_check_kind *k = iss_check_kinds[r->kind];
    return strcmp(on, "check") == 0 || (k->reading_target && k->reading_target(r, on));
}

/* A parameter that departs from the clause text (or fills a gap in it)
 * without a reading saying so and where it comes from. */
void iss_lint_needs_reading(iss_loader *L, const iss_rule *r, iss_loc loc, const char *on)
{
    if (iss_rule_reading(r, on) >= 0)
        return;
    iss_diag_add(L->c.diags, ISS_SEV_WARNING, r->file, loc,
                 "rule '%s': parameter '%s' departs from the clause text or fills a gap in it, "
                 "but no reading says so and where it comes from (reading: [{on: %s, ...}])",
                 r->id, on, on);
}

static void lint_readings(iss_loader *L, const iss_rule *r)
{
    for (size_t i = 0; i < r->reading_on.n; i++)
        if (!reading_target(r, r->reading_on.v[i].s))
            iss_diag_add(L->c.diags, ISS_SEV_WARNING, r->file, r->reading_on.v[i].loc,
                         "rule '%s': reading on '%s' names no parameter of the rule", r->id,
                         r->reading_on.v[i].s);
    if (iss_check_kinds[r->kind]->lint)
        iss_check_kinds[r->kind]->lint(L, r);
}

void iss_lint_list(iss_loader *L, const iss_rule *r, const char *list, iss_entry_type type,
                   iss_loc loc)
{
    bool found = !list;
    for (size_t j = 0; j < L->cr->nentries && !found; j++)
        found = L->cr->entries[j].type == type && iss_entry_on_list(&L->cr->entries[j], list);
    if (!found)
        iss_diag_add(L->c.diags, ISS_SEV_WARNING, r->file, loc,
                     "rule '%s' refers to 例示 list %s, which no catalogue entry of type %s is on: "
                     "every claim on it will need review",
                     r->id, list, entry_types[type]);
}

static bool lint_set(iss_loader *L, const char *mpath)
{
    iss_criteria *cr = L->cr;
    bool ok = true;
    for (size_t i = 0; i < cr->clauses.n; i++) {
        bool found = false;
        for (size_t j = 0; j < cr->nrules && !found; j++)
            found = strcmp(cr->rules[j].clause, cr->clauses.v[i].s) == 0;
        if (!found) {
            L->c.file = mpath;
            iss_error(&L->c, cr->clauses.v[i].loc, "clause '%s' has no rule", cr->clauses.v[i].s);
            ok = false;
        }
    }
    /* the readings each rule's parameters need, the 例示 lists it names */
    for (size_t i = 0; i < cr->nrules; i++)
        lint_readings(L, &cr->rules[i]);
    return ok;
}

static iss_criteria *load_set(const char *dir, const iss_criteria_file *mem, size_t nmem,
                              iss_diags *d, bool lint, bool *unloadable)
{
    static const char *const keys[] = {"document", "title", "edition", "date", "issuer", "source",
                                       "status", "files", "categories", "clauses", "risk", NULL};
    iss_criteria *cr = calloc(1, sizeof *cr);
    if (!cr)
        return NULL;
    cr->arena = iss_arena_new();
    cr->dir = iss_arena_strdup(cr->arena, dir);
    cr->sets = iss_arena_alloc(cr->arena, sizeof *cr->sets);
    cr->sets[0] = cr;
    cr->nsets = 1;
    iss_loader L = {.c = {.file = NULL, .arena = cr->arena, .diags = d},
                    .cr = cr,
                    .lim = &iss_fixed_limits,
                    .lint = lint,
                    .mem = mem,
                    .nmem = nmem};
    char *mpath = iss_arena_printf(cr->arena, "%s/manifest.yaml", dir);
    L.c.file = mpath;
    uint64_t h = 0xcbf29ce484222325ULL;
    rule_vec rules = {0};
    iss_node *catalogue = NULL;
    const char *catalogue_name = NULL;
    size_t before = d->errors;
    /* the files read, manifest first, for a caller that must not write over them */
    cr->files = iss_arena_alloc(cr->arena, sizeof *cr->files);
    cr->files[cr->nfiles++] = mpath;
    iss_node *m = NULL;
    if (mem) {
        iss_buf mbytes = {0};
        if (read_source(&L, mpath, "manifest.yaml", &mbytes))
            m = iss_read_yaml(mbytes.s ? mbytes.s : "", mbytes.len, mpath, L.lim, cr->arena, d);
        iss_buf_free(&mbytes);
    } else {
        iss_limits mlim = *L.lim;
        mlim.regular_only = true; /* a FIFO in its place would hang the run */
        m = iss_read_yaml_file(mpath, mpath, &mlim, cr->arena, d);
    }
    if (!m)
        L.unloadable = true;
    if (!m || !iss_expect_map(&L.c, m, "a manifest", keys))
        goto fail;
    iss_str doc = {0}, title = {0}, edition = {0}, issuer = {0}, source = {0}, state = {0};
    iss_strs files = {0};
    bool ok = iss_get_str(&L.c, m, "document", true, &doc) & iss_get_str(&L.c, m, "title", true, &title) &
              iss_get_str(&L.c, m, "edition", true, &edition) &
              iss_get_date(&L.c, m, "date", true, &cr->date, NULL) &
              iss_get_str(&L.c, m, "issuer", true, &issuer) &
              iss_get_str(&L.c, m, "source", true, &source) &
              iss_get_str(&L.c, m, "status", true, &state) &
              iss_get_strs(&L.c, m, "files", true, &files) &
              iss_get_strs(&L.c, m, "clauses", false, &cr->clauses);
    if (!ok)
        goto fail;
    if (strcmp(state.s, "in-force") != 0 && strcmp(state.s, "draft") != 0) {
        iss_error(&L.c, state.loc, "status must be 'in-force' or 'draft'");
        goto fail;
    }
    cr->document = doc.s;
    cr->title = title.s;
    cr->edition = edition.s;
    cr->issuer = issuer.s;
    cr->source = source.s;
    cr->draft = strcmp(state.s, "draft") == 0;
    const iss_node *cats = iss_load_seq(&L.c, m, "categories");
    if (!cats)
        goto fail;
    cr->categories = iss_arena_alloc(cr->arena, (cats->n + 1) * sizeof *cr->categories);
    for (size_t i = 0; i < cats->n; i++) {
        if (!load_category(&L, cats->kids[i], &cr->categories[i]))
            goto fail;
        cr->ncategories = i + 1;
    }
    ok = load_risks(&L, m);
    const char **all = iss_arena_alloc(cr->arena, (files.n + 1) * sizeof *all);
    all[0] = cr->files[0];
    cr->files = all;
    for (size_t i = 0; i < files.n; i++) {
        const char *f = files.v[i].s;
        if (strchr(f, '/') || f[0] == '.') {
            L.c.file = mpath;
            iss_error(&L.c, files.v[i].loc, "file '%s' must be a plain name in the same folder", f);
            ok = false;
            continue;
        }
        char *path = iss_arena_printf(cr->arena, "%s/%s", dir, f);
        cr->files[cr->nfiles++] = path;
        iss_node *cat = NULL;
        ok &= load_file(&L, path, f, &rules, &cat, &h);
        if (cat) {
            if (catalogue) {
                iss_error(&L.c, cat->loc, "a second catalogue file (first: %s)", catalogue_name);
                ok = false;
            }
            catalogue = cat;
            catalogue_name = path;
        }
    }
    if (!ok && !lint)
        goto fail;
    if (catalogue && !load_catalogue(&L, catalogue, catalogue_name) && !lint)
        goto fail;
    cr->rules = iss_arena_alloc(cr->arena, (rules.n + 1) * sizeof *cr->rules);
    if (rules.n)
        memcpy(cr->rules, rules.v, rules.n * sizeof *cr->rules);
    cr->nrules = rules.n;
    free(rules.v);
    rules.v = NULL;
    if (!link_rules(&L) && !lint)
        goto fail;
    if (lint)
        lint_set(&L, mpath);
    if (d->errors > before)
        goto fail;
    snprintf(cr->digest, sizeof cr->digest, "%016llx", (unsigned long long)h);
    return cr;
fail:
    free(rules.v);
    iss_criteria_free(cr);
    if (unloadable)
        *unloadable = L.unloadable;
    return NULL;
}

iss_criteria *iss_criteria_load(const char *dir, iss_diags *d)
{
    return load_set(dir, NULL, 0, d, false, NULL);
}

static int lint(const char *dir, const iss_criteria_file *mem, size_t nmem, iss_diags *d)
{
    bool unloadable = false;
    size_t before = d->errors;
    iss_criteria *c = load_set(dir, mem, nmem, d, true, &unloadable);
    iss_criteria_free(c);
    return unloadable ? 2 : d->errors > before ? 1 : 0;
}

int iss_criteria_lint(const char *dir, iss_diags *d)
{
    return lint(dir, NULL, 0, d);
}

int iss_criteria_lint_files(const char *dir, const iss_criteria_file *files, size_t n,
                            iss_diags *d)
{
    /* an empty list is not "read the folder" */
    static const iss_criteria_file none = {"", "", 0};
    return lint(dir, n ? files : &none, n, d);
}

/* memcpy, but n == 0 may come with a NULL source */
static void copy_n(void *dst, const void *src, size_t n, size_t size)
{
    if (n)
        memcpy(dst, src, n * size);
}

/* Track-record work naming a category of another set of the composite:
 * now that the category is known, its kind must be one of its kinds. */
static bool compose_work_kinds(const iss_criteria *c, iss_diags *d)
{
    bool ok = true;
    for (size_t i = 0; ok && i < c->nrules; i++) {
        const iss_rule *r = &c->rules[i];
        for (size_t k = 0; r->kind == ISS_CHECK_QUALIFIED_LEADS && k < r->leads.npaths; k++) {
            const iss_path *p = &r->leads.paths[k];
            for (size_t w = 0; w < p->work.n + p->work_review.n; w++) {
                const iss_str *pair =
                    w < p->work.n ? &p->work.v[w] : &p->work_review.v[w - p->work.n];
                const char *slash = strchr(pair->s, '/');
                char code[64];
                size_t len = (size_t)(slash - pair->s);
                if (len >= sizeof code)
                    continue;
                memcpy(code, pair->s, len);
                code[len] = '\0';
                int ci = iss_criteria_category(c, code);
                if (ci < 0)
                    continue;
                bool known = false;
                for (size_t j = 0; j < c->categories[ci].nkinds; j++)
                    known |= strcmp(c->categories[ci].kinds[j].code, slash + 1) == 0;
                if (!known) {
                    iss_diag_add(d, ISS_SEV_ERROR, r->file, pair->loc,
                                 "unknown engagement kind '%s' of category '%s'", slash + 1, code);
                    ok = false;
                }
            }
        }
    }
    return ok;
}

iss_criteria *iss_criteria_compose(const iss_criteria *const *sets, size_t n, iss_diags *d)
{
    iss_criteria *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->arena = iss_arena_new();
    c->composite = true;
    size_t ncat = 0, nrules = 0, nentries = 0, nrisks = 0;
    for (size_t i = 0; i < n; i++) {
        ncat += sets[i]->ncategories;
        nrules += sets[i]->nrules;
        nentries += sets[i]->nentries;
        nrisks += sets[i]->nrisks;
    }
    if (n) {
        const iss_criteria *p = sets[0];
        c->dir = p->dir;
        c->document = p->document;
        c->title = p->title;
        c->edition = p->edition;
        c->source = p->source;
        c->issuer = p->issuer;
        c->date = p->date;
        c->draft = p->draft;
        memcpy(c->digest, p->digest, sizeof c->digest);
    }
    c->sets = iss_arena_alloc(c->arena, (n + 1) * sizeof *c->sets);
    copy_n(c->sets, sets, n, sizeof *c->sets);
    c->nsets = n;
    c->categories = iss_arena_alloc(c->arena, (ncat + 1) * sizeof *c->categories);
    c->rules = iss_arena_alloc(c->arena, (nrules + 1) * sizeof *c->rules);
    c->entries = iss_arena_alloc(c->arena, (nentries + 1) * sizeof *c->entries);
    c->risks = iss_arena_alloc(c->arena, (nrisks + 1) * sizeof *c->risks);
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        const iss_criteria *s = sets[i];
        for (size_t k = 0; k < s->ncategories; k++) {
            const iss_category *cat = &s->categories[k];
            int clash = iss_criteria_category(c, cat->code);
            if (clash >= 0) {
                iss_diag_add(d, ISS_SEV_ERROR, s->dir, (iss_loc){0, 0},
                             "category '%s' of '%s' is defined by another document too", cat->code,
                             s->document);
                ok = false;
            }
        }
        size_t cbase = c->ncategories;
        copy_n(c->categories + cbase, s->categories, s->ncategories, sizeof *s->categories);
        c->ncategories += s->ncategories;
        iss_rule *rbase = c->rules + c->nrules;
        for (size_t k = 0; k < s->nrules; k++) {
            const iss_rule *r = &s->rules[k];
            const iss_rule *clash = iss_criteria_rule(c, r->id);
            if (clash) {
                iss_diag_add(d, ISS_SEV_ERROR, r->file, r->loc,
                             "rule id '%s' is defined by two documents ('%s' and '%s')", r->id,
                             clash->set->document, s->document);
                ok = false;
            }
            iss_rule *to = &c->rules[c->nrules++];
            *to = *r;
            to->category += cbase;
            if (iss_check_kinds[r->kind]->relink)
                iss_check_kinds[r->kind]->relink(to, s->rules, rbase);
        }
        copy_n(c->entries + c->nentries, s->entries, s->nentries, sizeof *s->entries);
        c->nentries += s->nentries;
        copy_n(c->risks + c->nrisks, s->risks, s->nrisks, sizeof *s->risks);
        c->nrisks += s->nrisks;
    }
    ok = ok && compose_work_kinds(c, d);
    if (!ok) {
        iss_criteria_free(c);
        return NULL;
    }
    return c;
}

const iss_risk *iss_criteria_risk(const iss_criteria *c, const char *category)
{
    for (size_t i = 0; i < c->nrisks; i++)
        if (strcmp(c->risks[i].category, category) == 0)
            return &c->risks[i];
    return NULL;
}

void iss_criteria_free(iss_criteria *c)
{
    if (!c || c->builtin)
        return;
    if (!c->composite)
        free_patterns(c);
    iss_arena_free(c->arena);
    free(c);
}

int iss_criteria_category(const iss_criteria *c, const char *name)
{
    for (size_t i = 0; i < c->ncategories; i++) {
        const iss_category *k = &c->categories[i];
        if (k->code && strcmp(k->code, name) == 0)
            return (int)i;
        for (size_t j = 0; j < k->naliases; j++)
            if (strcmp(k->aliases[j], name) == 0)
                return (int)i;
    }
    return -1;
}

const iss_rule *iss_criteria_rule(const iss_criteria *c, const char *id)
{
    for (size_t i = 0; i < c->nrules; i++)
        if (strcmp(c->rules[i].id, id) == 0)
            return &c->rules[i];
    return NULL;
}

/* The limits of every match against a rule file's pattern, the same for
 * every set: a pattern that backtracks catastrophically stops there
 * instead of hanging.  Made once, on the first match. */
static pcre2_match_context *match_limits;
static pthread_once_t match_limits_once = PTHREAD_ONCE_INIT;

static void match_limits_make(void)
{
    match_limits = pcre2_match_context_create(NULL);
    if (!match_limits) {
        fputs("isscheck: out of memory\n", stderr);
        exit(2);
    }
    pcre2_set_match_limit(match_limits, 100000);
    pcre2_set_depth_limit(match_limits, 1000);
    pcre2_set_heap_limit(match_limits, 20000); /* KiB */
}

/* The compiled pattern of a slot, compiling src when it is first needed (a
 * built-in set's patterns: they compiled when the binary was built).  Two
 * threads may both compile it; the first to store it wins, the other's
 * copy is freed.  NULL if it does not compile. */
static pcre2_code *pattern(iss_pattern_slot *slot, const char *src)
{
    pcre2_code *re = atomic_load_explicit(slot, memory_order_acquire);
    if (re || !src)
        return re;
    int err;
    PCRE2_SIZE off;
    pcre2_code *mine = pattern_compile(src, &err, &off);
    void *expected = NULL;
    if (atomic_compare_exchange_strong_explicit(slot, &expected, mine, memory_order_acq_rel,
                                                memory_order_acquire))
        return mine;
    pcre2_code_free(mine);
    return expected;
}

/* 1 match, 0 no match, -1 a limit (or another matching error) was hit */
static int re_match(iss_pattern_slot *slot, const char *src, const char *s)
{
    pcre2_code *re = pattern(slot, src);
    if (!re)
        return -1;
    pthread_once(&match_limits_once, match_limits_make);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, match_limits);
    pcre2_match_data_free(md);
    return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

const iss_entry *iss_catalogue_match(const iss_criteria *c, iss_entry_type type, const char *name)
{
    return iss_catalogue_lookup(c, type, name, NULL);
}

const iss_entry *iss_catalogue_lookup(const iss_criteria *c, iss_entry_type type, const char *name,
                                      const iss_entry **limit_hit)
{
    if (limit_hit)
        *limit_hit = NULL;
    for (size_t i = 0; i < c->nentries; i++) {
        const iss_entry *e = &c->entries[i];
        if (e->type == type && strcmp(e->name, name) == 0)
            return e;
    }
    for (size_t i = 0; i < c->nentries; i++) {
        const iss_entry *e = &c->entries[i];
        if (e->type != type)
            continue;
        for (size_t j = 0; j < e->naliases; j++) {
            int m = re_match(&e->alias_re[j], e->alias_src[j], name);
            if (m > 0)
                return e;
            if (m < 0 && limit_hit && !*limit_hit)
                *limit_hit = e;
        }
    }
    return NULL;
}

bool iss_entry_number_ok(const iss_entry *e, const char *number)
{
    if (!e->number_src)
        return true;
    return number && re_match(&e->alias_re[e->naliases], e->number_src, number) > 0;
}

bool iss_entry_on_list(const iss_entry *e, const char *reiji)
{
    return reiji && iss_strs_has(&e->lists, reiji);
}

long iss_criteria_longest_window(const iss_criteria *c)
{
    long longest = 0;
    for (size_t i = 0; c && i < c->nrules; i++) {
        const struct iss_check_kind *k = iss_check_kinds[c->rules[i].kind];
        long w = k->window ? k->window(&c->rules[i]) : 0;
        if (w > longest)
            longest = w;
    }
    return longest;
}
