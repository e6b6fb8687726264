/* catalogue.c - the catalogue of the 例示: its entries loaded from a
 * criteria set's catalogue file, their alias and number patterns (PCRE2,
 * compiled when first needed for a built-in set, with match limits), and a
 * declared name looked up among them. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "checks/checks.h"
#include "fields.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const iss_entry_type_keys[] = {"qualification",   "community",  "training",  "standard",
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
    static const char *const keys[] = {
        "id", "type", "name", "aliases", "lists", "number_pattern", "provenance", "note", NULL};
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
    int t = iss_lookup(iss_entry_type_keys, type.s);
    if (t < 0) {
        iss_error(&L->c, type.loc, "unknown catalogue entry type '%s'", type.s);
        return false;
    }
    e->type = (iss_entry_type)t;
    e->naliases = aliases.n;
    e->alias_src = iss_load_plain_list(L, &aliases);
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
        e->provenance =
            iss_arena_printf(L->cr->arena, "例示 %s, checked %s by %s", a, b, by.s ? by.s : "?");
        e->verified = ok;
    } else {
        iss_error(&L->c, prov->loc,
                  "provenance must be 'unverified' or a mapping with reiji_date, checked and by");
        return false;
    }
    return ok;
}

void iss_catalogue_free_patterns(iss_criteria *c)
{
    for (size_t i = 0; i < c->nentries; i++)
        free_entry_patterns(&c->entries[i]);
}

bool iss_catalogue_load(iss_loader *L, const iss_node *root, const char *name)
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
                     r->id, list, iss_entry_type_keys[type]);
}

/* The limits of every match against a rule file's pattern, the same for
 * every set: a pattern that backtracks catastrophically stops there
 * instead of hanging.  Made once, on the first match. */
static pcre2_match_context *match_limits;
static pthread_once_t match_limits_once = PTHREAD_ONCE_INIT;

static void match_limits_make(void)
{
    match_limits = pcre2_match_context_create(NULL);
    if (!match_limits) /* PCRE2 fails this only for lack of memory */
        iss_out_of_memory();
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
static int code_match(const pcre2_code *re, const char *s)
{
    pthread_once(&match_limits_once, match_limits_make);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, match_limits);
    pcre2_match_data_free(md);
    return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

static int re_match(iss_pattern_slot *slot, const char *src, const char *s)
{
    pcre2_code *re = pattern(slot, src);
    return re ? code_match(re, s) : -1;
}

/* What a type_re slot holds when its type has no alternation: no alias,
 * an alias that cannot be combined, or one that does not compile. */
static char no_alternation;

/* Whether src can stand in an alternation of several patterns: a reference
 * to a group by number or name (a backreference, a subroutine call,
 * recursion), a branch reset or a verb that must open the pattern would
 * change meaning there. */
static bool combinable(const char *src)
{
    for (const char *p = src; *p; p++) {
        if (p[0] == '\\' && p[1]) {
            if ((p[1] >= '1' && p[1] <= '9') || p[1] == 'g' || p[1] == 'k')
                return false;
            p++; /* an escaped character: "\\(" opens no group */
            continue;
        }
        if (p[0] == '(' && (p[1] == '*' || (p[1] == '?' && p[2] == '('))) /* a verb, a condition */
            return false;
        if (p[0] == '(' && p[1] == '?' &&
            ((p[2] >= '0' && p[2] <= '9') || strchr("PR&|+", p[2]) ||
             (p[2] == '-' && p[3] >= '0' && p[3] <= '9')))
            return false;
    }
    return true;
}

/* The alternation of every alias of type's entries in c: "(?:A)|(?:B)|…",
 * each alias's inline options kept to its group; NULL when there is none. */
static pcre2_code *type_pattern(const iss_criteria *c, iss_entry_type type)
{
    iss_pattern_slot *slot = (iss_pattern_slot *)&c->type_re[type];
    void *re = atomic_load_explicit(slot, memory_order_acquire);
    if (re)
        return re == &no_alternation ? NULL : re;
    iss_buf src = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < c->nentries; i++) {
        const iss_entry *e = &c->entries[i];
        for (size_t j = 0; ok && e->type == type && j < e->naliases; j++) {
            ok = combinable(e->alias_src[j]);
            iss_buf_puts(&src, src.len ? "|(?:" : "(?:");
            iss_buf_puts(&src, e->alias_src[j]);
            iss_buf_puts(&src, ")");
        }
    }
    int err;
    PCRE2_SIZE off;
    pcre2_code *mine = ok && src.len ? pattern_compile(src.s, &err, &off) : NULL;
    iss_buf_free(&src);
    void *expected = NULL;
    void *put = mine ? (void *)mine : (void *)&no_alternation;
    if (atomic_compare_exchange_strong_explicit(slot, &expected, put, memory_order_acq_rel,
                                                memory_order_acquire))
        return mine;
    pcre2_code_free(mine);
    return expected == &no_alternation ? NULL : expected;
}

void iss_catalogue_free_type_patterns(iss_criteria *c)
{
    for (size_t t = 0; t <= ISS_ENTRY_EDUCATION; t++) {
        void *re = atomic_load(&c->type_re[t]);
        if (re != &no_alternation)
            pcre2_code_free(re);
        atomic_store(&c->type_re[t], NULL);
    }
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
    /* no alias of the type matches (a limit hit, -1, is decided alias by
     * alias, which says which entry hit it) */
    const pcre2_code *any = type_pattern(c, type);
    if (any && code_match(any, name) == 0)
        return NULL;
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
