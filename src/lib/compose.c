/* compose.c - one criteria made of several sets, one edition per document
 * (iss_criteria_compose): their categories, rules and catalogue entries
 * concatenated, the links between rules pointed at the copies. */
#include "checks/checks.h"

#include <stdlib.h>
#include <string.h>

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
    iss_criteria *c = iss_xcalloc(1, sizeof *c);
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
