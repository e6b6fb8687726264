/* criteria.c - loading a criteria set: manifest, rule files (each check
 * loaded by its kind, src/lib/checks/), the catalogue (catalogue.c), and
 * the lint an author runs on it. */
#include "checks/checks.h"
#include "fields.h"

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

const char **iss_load_plain_list(iss_loader *L, const iss_strs *s)
{
    const char **v = iss_arena_alloc(L->cr->arena, (s->n + 1) * sizeof *v);
    for (size_t i = 0; i < s->n; i++)
        v[i] = s->v[i].s;
    return v;
}

static bool load_category(iss_loader *L, const iss_node *n, iss_category *cat)
{
    static const char *const keys[] = {
        "code",     "rule_prefix",      "name",        "aliases", "clause",
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
    cat->aliases = iss_load_plain_list(L, &aliases);
    cat->naliases = aliases.n;
    cat->groups = iss_load_plain_list(L, &groups);
    cat->ngroups = groups.n;
    cat->section = section.s;
    if (section.s && strcmp(section.s, "trust") != 0) {
        iss_error(&L->c, section.loc, "unknown section '%s'; expected trust", section.s);
        ok = false;
    }
    return ok;
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
    static const char *const order[] = {"kind",
                                        "group",
                                        "disclose_counts",
                                        "paths",
                                        "rules",
                                        "requirements",
                                        "field",
                                        "sections",
                                        "window_years",
                                        "alternatives",
                                        "qualified_rule",
                                        "statements",
                                        "when_present",
                                        "source",
                                        "when_missing",
                                        "requires",
                                        "item",
                                        "threshold_percent",
                                        "accept_registration",
                                        NULL};
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

/* A rule gives its clause text, or (a draft set only) why it cannot; the
 * lint says when a draft's rule gives none. */
static bool text_given(iss_loader *L, const char *id, const iss_str *text, const iss_str *none)
{
    bool ok = true;
    if (none->s && text->s) {
        iss_error(&L->c, none->loc, "a rule gives either 'text' or 'text_unavailable', not both");
        ok = false;
    } else if (none->s && !L->cr->draft) {
        iss_error(&L->c, none->loc,
                  "rule '%s' has no clause text: only a draft set may say 'text_unavailable'", id);
        ok = false;
    } else if (none->s && L->lint) {
        iss_diag_add(L->c.diags, ISS_SEV_WARNING, L->c.file, none->loc,
                     "rule '%s' gives no clause text (draft; primary text not available): %s", id,
                     none->s);
    }
    return ok;
}

/* The sub-types a rule applies to are its category's. */
static bool subtypes_known(iss_loader *L, const iss_rule *r, const iss_category *cat)
{
    bool ok = true;
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

static bool load_rule(iss_loader *L, const iss_node *n, size_t category, iss_rule *r)
{
    static const char *const keys[] = {
        "id",      "clause",       "title",          "text",
        "label",   "related_text", "related_clause", "text_unavailable",
        "reading", "summary",      "when_subtypes",  "check",
        NULL};
    static const char *const title_keys[] = {"ja", "en", NULL};
    if (!iss_expect_map(&L->c, n, "a rule", keys))
        return false;
    iss_str id = {0}, clause = {0}, text = {0}, summary = {0}, ja = {0}, en = {0}, none = {0},
            label = {0}, rel = {0}, rel_clause = {0};
    bool ok = iss_get_str(&L->c, n, "id", true, &id) &
              iss_get_str(&L->c, n, "clause", true, &clause) &
              iss_get_str(&L->c, n, "text_unavailable", false, &none) &
              iss_get_str(&L->c, n, "text", !none.s, &text) &
              iss_get_str(&L->c, n, "label", false, &label) &
              iss_get_str(&L->c, n, "related_text", false, &rel) &
              iss_get_str(&L->c, n, "related_clause", false, &rel_clause) & load_readings(L, n, r) &
              iss_get_str(&L->c, n, "summary", true, &summary) &
              iss_get_strs(&L->c, n, "when_subtypes", false, &r->when_subtypes);
    if (!rel.s != !rel_clause.s) {
        iss_error(&L->c, n->loc, "'related_text' and 'related_clause' go together");
        ok = false;
    }
    ok &= text_given(L, id.s ? id.s : "?", &text, &none);
    const iss_node *title = iss_map_get(n, "title");
    if (!title) {
        iss_error(&L->c, n->loc, "missing required key 'title'");
        ok = false;
    } else if (iss_expect_map(&L->c, title, "title", title_keys)) {
        ok &=
            iss_get_str(&L->c, title, "ja", true, &ja) & iss_get_str(&L->c, title, "en", true, &en);
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
    if (L->lint && L->cr->draft && r->kind == ISS_CHECK_STATEMENT &&
        r->statement.when_present_pass) {
        iss_error(&L->c, check->loc,
                  "rule '%s' of a draft set would pass on a statement: a draft rule cannot pass "
                  "on substance (use when_present: review)",
                  id.s ? id.s : "?");
        ok = false;
    }
    return ok && subtypes_known(L, r, cat);
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
                   iss_get_str(&L->c, n, "data", true, &data) &
                   iss_get_str(&L->c, n, "risk", true, &risk);
        if (!level) {
            iss_error(&L->c, n->loc, "missing required key 'level'");
            rok = false;
        } else if (iss_expect_map(&L->c, level, "level", level_keys)) {
            rok &= iss_get_str(&L->c, level, "ja", true, &ja) &
                   iss_get_str(&L->c, level, "en", true, &en);
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

/* The manifest's YAML: from memory for a built-in set, else from the
 * folder; NULL (the set unloadable) after diagnostics. */
static iss_node *read_manifest(iss_loader *L, const char *mpath)
{
    iss_node *m = NULL;
    if (L->mem) {
        iss_buf mbytes = {0};
        if (read_source(L, mpath, "manifest.yaml", &mbytes))
            m = iss_read_yaml(mbytes.s ? mbytes.s : "", mbytes.len, mpath, L->lim, L->cr->arena,
                              L->c.diags);
        iss_buf_free(&mbytes);
    } else {
        iss_limits mlim = *L->lim;
        mlim.regular_only = true; /* a FIFO in its place would hang the run */
        m = iss_read_yaml_file(mpath, mpath, &mlim, L->cr->arena, L->c.diags);
    }
    if (!m)
        L->unloadable = true;
    return m;
}

/* The manifest's own fields and categories into the set; *files: the rule
 * and catalogue files it lists. */
static bool load_manifest(iss_loader *L, const iss_node *m, iss_strs *files)
{
    iss_str doc = {0}, title = {0}, edition = {0}, issuer = {0}, source = {0}, state = {0};
    iss_criteria *cr = L->cr;
    bool ok = iss_get_str(&L->c, m, "document", true, &doc) &
              iss_get_str(&L->c, m, "title", true, &title) &
              iss_get_str(&L->c, m, "edition", true, &edition) &
              iss_get_date(&L->c, m, "date", true, &cr->date, NULL) &
              iss_get_str(&L->c, m, "issuer", true, &issuer) &
              iss_get_str(&L->c, m, "source", true, &source) &
              iss_get_str(&L->c, m, "status", true, &state) &
              iss_get_strs(&L->c, m, "files", true, files) &
              iss_get_strs(&L->c, m, "clauses", false, &cr->clauses);
    if (!ok)
        return false;
    if (strcmp(state.s, "in-force") != 0 && strcmp(state.s, "draft") != 0) {
        iss_error(&L->c, state.loc, "status must be 'in-force' or 'draft'");
        return false;
    }
    cr->document = doc.s;
    cr->title = title.s;
    cr->edition = edition.s;
    cr->issuer = issuer.s;
    cr->source = source.s;
    cr->draft = strcmp(state.s, "draft") == 0;
    const iss_node *cats = iss_load_seq(&L->c, m, "categories");
    if (!cats)
        return false;
    cr->categories = iss_arena_alloc(cr->arena, (cats->n + 1) * sizeof *cr->categories);
    for (size_t i = 0; i < cats->n; i++) {
        if (!load_category(L, cats->kids[i], &cr->categories[i]))
            return false;
        cr->ncategories = i + 1;
    }
    return true;
}

/* The set in dir (or in mem): manifest, rule files, catalogue, links, and
 * with lint every finding.  A little over 80 lines: it is the sequence of
 * the steps, each a function, and the one place that frees on failure. */
static iss_criteria *load_set(const char *dir, const iss_criteria_file *mem, size_t nmem,
                              iss_diags *d, bool lint, bool *unloadable)
{
    static const char *const keys[] = {"document",   "title",   "edition", "date",
                                       "issuer",     "source",  "status",  "files",
                                       "categories", "clauses", "risk",    NULL};
    iss_criteria *cr = iss_xcalloc(1, sizeof *cr);
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
    iss_node *m = read_manifest(&L, mpath);
    if (!m || !iss_expect_map(&L.c, m, "a manifest", keys))
        goto fail;
    iss_strs files = {0};
    if (!load_manifest(&L, m, &files))
        goto fail;
    bool ok = load_risks(&L, m);
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
    if (catalogue && !iss_catalogue_load(&L, catalogue, catalogue_name) && !lint)
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

int iss_criteria_lint_files(const char *dir, const iss_criteria_file *files, size_t n, iss_diags *d)
{
    /* an empty list is not "read the folder" */
    static const iss_criteria_file none = {"", "", 0};
    return lint(dir, n ? files : &none, n, d);
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
        iss_catalogue_free_patterns(c);
    iss_catalogue_free_type_patterns(c);
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
