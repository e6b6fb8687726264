/* redact.c - person ids and names replaced by pseudonyms (person-N).  The
 * rules of what is replaced are in redact.h.
 *
 * Ids and names go into two byte tries, so each position of a text is
 * tried against every person at once, in the length of the longest match
 * rather than the number of persons (a declaration may hold thousands).
 */
#include "isscheck/redact.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t child, sibling; /* 0: none (node 0 is the root, never a child) */
    long person;             /* a pattern ends here: its person, else -1 */
    unsigned char byte;
} node;

typedef struct {
    node *v;
    size_t n, cap;
} trie;

struct iss_redactor {
    trie ids, names;
};

static uint32_t child(const trie *t, uint32_t at, unsigned char c)
{
    for (uint32_t k = t->v[at].child; k; k = t->v[k].sibling)
        if (t->v[k].byte == c)
            return k;
    return 0;
}

static uint32_t add_node(trie *t, uint32_t parent, unsigned char c)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->v = iss_xrealloc(t->v, t->cap * sizeof *t->v);
    }
    uint32_t k = (uint32_t)t->n++;
    t->v[k] = (node){0, 0, -1, c};
    if (k) {
        t->v[k].sibling = t->v[parent].child;
        t->v[parent].child = k;
    }
    return k;
}

/* Adds the pattern bytes[0..n) of person p; the first person keeps a
 * pattern two persons share. */
static void insert(trie *t, const unsigned char *bytes, size_t n, long p)
{
    if (!n)
        return;
    uint32_t at = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t k = child(t, at, bytes[i]);
        at = k ? k : add_node(t, at, bytes[i]);
    }
    if (t->v[at].person < 0)
        t->v[at].person = p;
}

/* A byte of an id token: ids are whole tokens between these. */
static bool word(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* The length of the white space at s (space, tab, U+00A0, U+3000), or 0.
 * Every byte it matches starts a character, so a skip never splits one. */
static size_t space_len(const unsigned char *s)
{
    if (s[0] == ' ' || s[0] == '\t')
        return 1;
    if (s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

iss_redactor *iss_redactor_new(const iss_person *persons, size_t n)
{
    iss_redactor *x = iss_xmalloc(sizeof *x);
    memset(x, 0, sizeof *x);
    add_node(&x->ids, 0, 0);
    add_node(&x->names, 0, 0);
    iss_buf name = {0};
    for (size_t p = 0; p < n; p++) {
        const char *id = persons[p].id.s, *nm = persons[p].name.s;
        if (id)
            insert(&x->ids, (const unsigned char *)id, strlen(id), (long)p);
        if (!nm)
            continue;
        /* the name without its white space, ASCII letters in lower case */
        name.len = 0;
        for (const unsigned char *s = (const unsigned char *)nm; *s;) {
            size_t sp = space_len(s);
            if (sp) {
                s += sp;
                continue;
            }
            unsigned char c = fold(*s++);
            iss_buf_add(&name, (const char *)&c, 1);
        }
        insert(&x->names, (const unsigned char *)name.s, name.len, (long)p);
    }
    iss_buf_free(&name);
    return x;
}

void iss_redactor_free(iss_redactor *x)
{
    if (!x)
        return;
    free(x->ids.v);
    free(x->names.v);
    free(x);
}

/* The longest id standing as a whole token at s[i]: its length, its
 * person in *p; 0 when none. */
static size_t match_id(const trie *t, const unsigned char *s, size_t i, long *p)
{
    if (i > 0 && word(s[i - 1]) && word(s[i]))
        return 0; /* inside a token */
    size_t best = 0;
    uint32_t at = 0;
    for (size_t j = i; s[j];) {
        at = child(t, at, s[j++]);
        if (!at)
            break;
        if (t->v[at].person >= 0 && !(word(s[j - 1]) && word(s[j]))) {
            best = j - i;
            *p = t->v[at].person;
        }
    }
    return best;
}

/* The longest name at s[i], white space inside it skipped: its length in
 * s, its person in *p; 0 when none. */
static size_t match_name(const trie *t, const unsigned char *s, size_t i, long *p)
{
    size_t best = 0;
    uint32_t at = 0;
    for (size_t j = i; s[j];) {
        if (j > i)
            for (size_t sp; (sp = space_len(s + j));)
                j += sp;
        if (!s[j])
            break;
        at = child(t, at, fold(s[j++]));
        if (!at)
            break;
        if (t->v[at].person >= 0) {
            best = j - i;
            *p = t->v[at].person;
        }
    }
    return best;
}

const char *iss_redact_str(const iss_redactor *x, iss_arena *a, const char *str)
{
    if (!str)
        return NULL;
    const unsigned char *s = (const unsigned char *)str;
    iss_buf b = {0};
    size_t copied = 0;
    bool changed = false;
    for (size_t i = 0; s[i];) {
        long pid = -1, pname = -1;
        size_t lid = match_id(&x->ids, s, i, &pid);
        size_t lname = match_name(&x->names, s, i, &pname);
        if (!lid && !lname) {
            i++;
            continue;
        }
        iss_buf_add(&b, str + copied, i - copied);
        iss_buf_printf(&b, "person-%ld", (lid >= lname ? pid : pname) + 1);
        i += lid >= lname ? lid : lname;
        copied = i;
        changed = true;
    }
    if (!changed)
        return str;
    iss_buf_puts(&b, str + copied);
    const char *out = iss_arena_strdup(a, b.s);
    iss_buf_free(&b);
    return out;
}

void iss_report_redact(iss_report *r)
{
    if (r->redacted) /* once: a pseudonym is not redacted again */
        return;
    iss_redactor *x = iss_redactor_new(r->decl->persons, r->decl->npersons);
    for (size_t i = 0; i < r->nresults; i++) {
        iss_result *res = &r->results[i];
        for (size_t k = 0; k < res->nnotes; k++) {
            iss_note *n = &res->notes[k];
            for (int j = 0; j < ISS_NOTE_ARGS; j++) {
                n->args[j] = iss_redact_str(x, r->arena, n->args[j]);
                n->args_en[j] = iss_redact_str(x, r->arena, n->args_en[j]);
            }
        }
        /* a waiver's reason may name a person too; the waivers file is
         * shared by every report, so the report gets its own copy */
        if (res->applied) {
            iss_waiver *w = iss_arena_alloc(r->arena, sizeof *w);
            *w = *res->applied;
            w->reason = iss_redact_str(x, r->arena, w->reason);
            w->decided_by = iss_redact_str(x, r->arena, w->decided_by);
            res->applied = w;
        }
    }
    iss_redactor_free(x);
    r->redacted = true;
}
