/* gen_criteria.c - build-time generator of the built-in criteria sets.
 *
 * usage: gen_criteria OUT.c SET-DIR...
 *
 * Loads each criteria set with the library's own loader, after linting it
 * (an error of `isscheck criteria lint` fails the build), and writes OUT.c:
 * every struct of the loaded iss_criteria as static data (compound
 * literals; the rules as a named array, so that rules pointing at rules
 * are addresses), and the bytes of every file of the set's folder.  Links
 * the library without the generated data (isscheck_core), so there is no
 * circle.
 *
 * The structs are described by the tables below, one line per field.  To
 * add a field to a struct of criteria.h, add its line to the struct's
 * table: STR for a string, NUM for any integer, bool or enum, SUB for an
 * embedded struct (iss_strs, iss_loc), ARR for a pointer to an array with
 * its count field, CSTRS for a const char ** with its count.  A field that
 * holds data but has no line fails the generator (check_covered), so a
 * forgotten line cannot drop data silently.
 */
#define _XOPEN_SOURCE 700
#include "isscheck/criteria.h"

#include <dirent.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef enum {
    K_STR,   /* const char * */
    K_NUM,   /* an integer of any size (enums, bool, long, size_t) */
    K_SUB,   /* an embedded struct, by value */
    K_ARR,   /* T *, count in the field at count_off */
    K_CSTRS, /* const char **, count at count_off */
    K_SLOTS, /* iss_pattern_slot *, count at count_off: count + 1 NULL slots */
    K_RULE,  /* const iss_rule *, fixed count n: an address in this set's rules */
    K_SET,   /* const iss_criteria *: this set */
    K_SETS,  /* const iss_criteria **, count at count_off: this set alone */
    K_RULES, /* iss_rule *: the named array of this set's rules */
    K_CHARS, /* char[n], NUL-terminated */
    K_ZERO,  /* left zero: the loader's arena, the files a folder was read from */
    K_UNION, /* iss_rule's parameters: the member of the kind at count_off (rule_params) */
} kind;

typedef struct type type;
typedef struct {
    const char *name;
    kind k;
    size_t off, size;
    size_t count_off;             /* K_ARR, K_CSTRS, K_SLOTS, K_SETS */
    const type *sub;              /* K_SUB, K_ARR */
    size_t n;                     /* K_RULE: array length (1 for a plain pointer) */
    const struct member *members; /* K_UNION: indexed by the kind */
} field;

/* A member of a union: its name and type. */
typedef struct member {
    const char *name;
    const struct type *t;
} member;

struct type {
    const char *cname;
    size_t size;
    const field *fields;
};

#define SZ(T, f) sizeof(((T *)0)->f)
#define FIELD(T, f, kind) .name = #f, .k = kind, .off = offsetof(T, f), .size = SZ(T, f)
#define STR(T, f)                                                                                  \
    {                                                                                              \
        FIELD(T, f, K_STR)                                                                         \
    }
#define NUM(T, f)                                                                                  \
    {                                                                                              \
        FIELD(T, f, K_NUM)                                                                         \
    }
#define SUB(T, f, s)                                                                               \
    {                                                                                              \
        FIELD(T, f, K_SUB), .sub = &(s)                                                            \
    }
#define ARR(T, f, count, s)                                                                        \
    {                                                                                              \
        FIELD(T, f, K_ARR), .count_off = offsetof(T, count), .sub = &(s)                           \
    }
#define CSTRS(T, f, count)                                                                         \
    {                                                                                              \
        FIELD(T, f, K_CSTRS), .count_off = offsetof(T, count)                                      \
    }
#define SPECIAL(T, f, kind, count, len)                                                            \
    {                                                                                              \
        FIELD(T, f, kind), .count_off = (count), .n = (len)                                        \
    }
#define END                                                                                        \
    {                                                                                              \
        .name = NULL                                                                               \
    }

static const field loc_fields[] = {NUM(iss_loc, line), NUM(iss_loc, col), END};
static const type loc_type = {"iss_loc", sizeof(iss_loc), loc_fields};

static const field str_fields[] = {STR(iss_str, s), SUB(iss_str, loc, loc_type), END};
static const type str_type = {"iss_str", sizeof(iss_str), str_fields};

static const field strs_fields[] = {ARR(iss_strs, v, n, str_type), NUM(iss_strs, n),
                                    SUB(iss_strs, loc, loc_type), END};
static const type strs_type = {"iss_strs", sizeof(iss_strs), strs_fields};

static const field label_fields[] = {STR(iss_label, code), STR(iss_label, ja), STR(iss_label, en),
                                     END};
static const type label_type = {"iss_label", sizeof(iss_label), label_fields};

static const field category_fields[] = {STR(iss_category, code),
                                        STR(iss_category, prefix),
                                        STR(iss_category, name_ja),
                                        STR(iss_category, name_en),
                                        STR(iss_category, clause),
                                        CSTRS(iss_category, aliases, naliases),
                                        NUM(iss_category, naliases),
                                        ARR(iss_category, subtypes, nsubtypes, label_type),
                                        NUM(iss_category, nsubtypes),
                                        ARR(iss_category, kinds, nkinds, label_type),
                                        NUM(iss_category, nkinds),
                                        CSTRS(iss_category, groups, ngroups),
                                        NUM(iss_category, ngroups),
                                        STR(iss_category, section),
                                        END};
static const type category_type = {"iss_category", sizeof(iss_category), category_fields};

static const field risk_fields[] = {STR(iss_risk, category),
                                    STR(iss_risk, level_ja),
                                    STR(iss_risk, level_en),
                                    STR(iss_risk, data),
                                    STR(iss_risk, risk),
                                    SPECIAL(iss_risk, set, K_SET, 0, 1),
                                    END};
static const type risk_type = {"iss_risk", sizeof(iss_risk), risk_fields};

static const field path_fields[] = {STR(iss_path, id),
                                    STR(iss_path, clause),
                                    NUM(iss_path, type),
                                    STR(iss_path, reiji),
                                    STR(iss_path, lecturing_subject),
                                    SUB(iss_path, work, strs_type),
                                    SUB(iss_path, work_review, strs_type),
                                    NUM(iss_path, window_years),
                                    NUM(iss_path, min_cases),
                                    NUM(iss_path, min_years),
                                    NUM(iss_path, per_year_contract),
                                    SUB(iss_path, loc, loc_type),
                                    END};
static const type path_type = {"iss_path", sizeof(iss_path), path_fields};

static const field req_fields[] = {
    NUM(iss_requirement, field),    STR(iss_requirement, reiji),
    STR(iss_requirement, clause),   SUB(iss_requirement, when_subtypes, strs_type),
    NUM(iss_requirement, distinct), END};
static const type req_type = {"iss_requirement", sizeof(iss_requirement), req_fields};

static const field section_fields[] = {STR(iss_section, id), STR(iss_section, clause),
                                       STR(iss_section, ja), STR(iss_section, en), END};
static const type section_type = {"iss_section", sizeof(iss_section), section_fields};

static const field alt_fields[] = {SUB(iss_alternative, documents, strs_type),
                                   NUM(iss_alternative, reviewer), END};
static const type alt_type = {"iss_alternative", sizeof(iss_alternative), alt_fields};

/* Each check kind's parameters (criteria.h), and which member of
 * iss_rule's union holds them: a new kind adds its struct's table and row. */
static const field leads_fields[] = {
    STR(iss_leads_params, group), NUM(iss_leads_params, disclose_counts),
    ARR(iss_leads_params, paths, npaths, path_type), NUM(iss_leads_params, npaths), END};
static const type leads_type = {"iss_leads_params", sizeof(iss_leads_params), leads_fields};
static const field dual_fields[] = {SUB(iss_dual_params, names, strs_type),
                                    SPECIAL(iss_dual_params, rule, K_RULE, 0, 2), END};
static const type dual_type = {"iss_dual_params", sizeof(iss_dual_params), dual_fields};
static const field items_fields[] = {ARR(iss_items_params, reqs, nreqs, req_type),
                                     NUM(iss_items_params, nreqs), END};
static const type items_type = {"iss_items_params", sizeof(iss_items_params), items_fields};
static const field person_fields[] = {STR(iss_person_params, field), END};
static const type person_type = {"iss_person_params", sizeof(iss_person_params), person_fields};
static const field sections_fields[] = {ARR(iss_sections_params, sections, nsections, section_type),
                                        NUM(iss_sections_params, nsections),
                                        NUM(iss_sections_params, source),
                                        NUM(iss_sections_params, missing_review), END};
static const type sections_type = {"iss_sections_params", sizeof(iss_sections_params),
                                   sections_fields};
static const field review_fields[] = {NUM(iss_review_params, window_years),
                                      ARR(iss_review_params, alts, nalts, alt_type),
                                      NUM(iss_review_params, nalts),
                                      SUB(iss_review_params, qualified_id, str_type),
                                      SPECIAL(iss_review_params, qualified_rule, K_RULE, 0, 1),
                                      END};
static const type review_type = {"iss_review_params", sizeof(iss_review_params), review_fields};
static const field statement_fields[] = {SUB(iss_statement_params, statements, strs_type),
                                         NUM(iss_statement_params, when_present_pass), END};
static const type statement_type = {"iss_statement_params", sizeof(iss_statement_params),
                                    statement_fields};
static const field prereq_fields[] = {SUB(iss_prereq_params, requires, strs_type),
                                      NUM(iss_prereq_params, accept_registration), END};
static const type prereq_type = {"iss_prereq_params", sizeof(iss_prereq_params), prereq_fields};
static const field trust_fields[] = {NUM(iss_trust_params, item), NUM(iss_trust_params, threshold),
                                     END};
static const type trust_type = {"iss_trust_params", sizeof(iss_trust_params), trust_fields};
static const field none_fields[] = {END};
static const type none_type = {"(none)", 0, none_fields};

static const member rule_params[ISS_CHECK_COUNT] = {
    [ISS_CHECK_QUALIFIED_LEADS] = {"leads", &leads_type},
    [ISS_CHECK_DUAL_ROLE] = {"dual", &dual_type},
    [ISS_CHECK_REIJI_ITEMS] = {"items", &items_type},
    [ISS_CHECK_PERSON_ASSIGNED] = {"person", &person_type},
    [ISS_CHECK_MANUAL_SECTIONS] = {"sections", &sections_type},
    [ISS_CHECK_CASE_REVIEW] = {"review", &review_type},
    [ISS_CHECK_INFO_PROTECTION] = {NULL, &none_type},
    [ISS_CHECK_STATEMENT] = {"statement", &statement_type},
    [ISS_CHECK_PREREQUISITE] = {"prereq", &prereq_type},
    [ISS_CHECK_TRUST] = {"trust", &trust_type},
};

static const field rule_fields[] = {
    STR(iss_rule, id),
    STR(iss_rule, clause),
    STR(iss_rule, title_ja),
    STR(iss_rule, title_en),
    STR(iss_rule, text),
    STR(iss_rule, summary),
    STR(iss_rule, text_unavailable),
    STR(iss_rule, label),
    STR(iss_rule, related_text),
    STR(iss_rule, related_clause),
    SUB(iss_rule, reading_on, strs_type),
    SUB(iss_rule, reading_source, strs_type),
    SUB(iss_rule, reading_ja, strs_type),
    SUB(iss_rule, reading_en, strs_type),
    SPECIAL(iss_rule, set, K_SET, 0, 1),
    STR(iss_rule, file),
    SUB(iss_rule, loc, loc_type),
    NUM(iss_rule, category),
    SUB(iss_rule, when_subtypes, strs_type),
    NUM(iss_rule, kind),
    /* the union of the kinds' parameters: last in iss_rule, so it runs to the end */
    {"(parameters)", K_UNION, offsetof(iss_rule, leads),
     sizeof(iss_rule) - offsetof(iss_rule, leads), offsetof(iss_rule, kind), NULL, 0, rule_params},
    END};
static const type rule_type = {"iss_rule", sizeof(iss_rule), rule_fields};

static const field entry_fields[] = {
    STR(iss_entry, id),
    STR(iss_entry, name),
    STR(iss_entry, note),
    NUM(iss_entry, type),
    CSTRS(iss_entry, alias_src, naliases),
    NUM(iss_entry, naliases),
    SPECIAL(iss_entry, alias_re, K_SLOTS, offsetof(iss_entry, naliases), 0),
    SPECIAL(iss_entry, owner, K_SET, 0, 1),
    SUB(iss_entry, lists, strs_type),
    STR(iss_entry, number_src),
    NUM(iss_entry, verified),
    STR(iss_entry, provenance),
    END};
static const type entry_type = {"iss_entry", sizeof(iss_entry), entry_fields};

static const field criteria_fields[] = {
    STR(iss_criteria, dir),
    STR(iss_criteria, document),
    STR(iss_criteria, title),
    STR(iss_criteria, edition),
    STR(iss_criteria, source),
    STR(iss_criteria, issuer),
    NUM(iss_criteria, date),
    NUM(iss_criteria, draft),
    NUM(iss_criteria, builtin),
    NUM(iss_criteria, origin),
    SPECIAL(iss_criteria, sets, K_SETS, offsetof(iss_criteria, nsets), 0),
    NUM(iss_criteria, nsets),
    NUM(iss_criteria, composite),
    ARR(iss_criteria, risks, nrisks, risk_type),
    NUM(iss_criteria, nrisks),
    SUB(iss_criteria, clauses, strs_type),
    ARR(iss_criteria, categories, ncategories, category_type),
    NUM(iss_criteria, ncategories),
    SPECIAL(iss_criteria, rules, K_RULES, 0, 0),
    NUM(iss_criteria, nrules),
    ARR(iss_criteria, entries, nentries, entry_type),
    NUM(iss_criteria, nentries),
    SPECIAL(iss_criteria, digest, K_CHARS, 0, 0),
    SPECIAL(iss_criteria, files, K_ZERO, 0, 0),
    SPECIAL(iss_criteria, nfiles, K_ZERO, 0, 0),
    SPECIAL(iss_criteria, arena, K_ZERO, 0, 0),
    END};
static const type criteria_type = {"iss_criteria", sizeof(iss_criteria), criteria_fields};

/* ---- output ---- */

static FILE *out;
static const iss_criteria *cur; /* the set being written */
static size_t cur_index;
static bool failed;

/* Strings longer than this are written as byte arrays: ISO C compilers
 * need support only 4095 characters in a literal (-Woverlength-strings). */
enum { LITERAL_MAX = 4000 };
static iss_buf long_strings; /* the arrays, written before the data */
static size_t nlong;

static void bytes_array(iss_buf *b, const char *name, const char *s, size_t n)
{
    iss_buf_printf(b, "static const unsigned char %s[%zu] = {", name, n + 1);
    for (size_t i = 0; i < n; i++)
        iss_buf_printf(b, "%s%u,", i % 20 ? "" : "\n    ", (unsigned char)s[i]);
    iss_buf_puts(b, "0};\n");
}

static void put_str(const char *s)
{
    if (!s) {
        fputs("NULL", out);
        return;
    }
    size_t n = strlen(s);
    if (n > LITERAL_MAX) {
        char name[32];
        snprintf(name, sizeof name, "long_%zu", nlong++);
        bytes_array(&long_strings, name, s, n);
        fprintf(out, "(const char *)%s", name);
        return;
    }
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c >= 0x20 && c < 0x7f && c != '?') /* '?': no trigraphs */
            fputc(c, out);
        else
            fprintf(out, "\\%03o", c); /* always three digits: never runs on */
    }
    fputc('"', out);
}

/* An integer field of any size, read as signed: the criteria's integers
 * (counts, years, enums, bools) are far from the unsigned top. */
static int64_t get_num(const void *p, size_t size)
{
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    switch (size) {
    case 1:
        memcpy(&i8, p, 1);
        return i8;
    case 2:
        memcpy(&i16, p, 2);
        return i16;
    case 4:
        memcpy(&i32, p, 4);
        return i32;
    default:
        memcpy(&i64, p, 8);
        return i64;
    }
}

static size_t count_at(const void *base, size_t off)
{
    size_t n;
    memcpy(&n, (const char *)base + off, sizeof n);
    return n;
}

static void put_struct(const type *t, const void *base);
static const _Alignas(max_align_t) unsigned char zero[sizeof(iss_criteria) + sizeof(iss_rule)];

static void put_rule_ref(const iss_rule *r)
{
    if (!r)
        fputs("NULL", out);
    else if (r >= cur->rules && r < cur->rules + cur->nrules)
        fprintf(out, "&rules_%zu[%zu]", cur_index, (size_t)(r - cur->rules));
    else {
        fprintf(stderr, "gen_criteria: a rule of %s points outside its set\n", cur->dir);
        failed = true;
        fputs("NULL", out);
    }
}

/* An array of structs (NULL stays NULL), with one more, zeroed, after
 * its n (left out of the list), as the loader allocates. */
static void put_array(const field *f, const void *base, const char *v)
{
    size_t n = count_at(base, f->count_off);
    if (!v) {
        fputs("NULL", out);
        return;
    }
    fprintf(out, "(%s[%zu]){", f->sub->cname, n + 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", out);
        put_struct(f->sub, v + i * f->sub->size);
    }
    if (!n) /* ISO C wants an initializer: a zeroed one */
        put_struct(f->sub, zero);
    fputs("}", out);
}

/* n strings and a NULL after them (NULL stays NULL). */
static void put_cstrs(const char *const *v, size_t n)
{
    if (!v) {
        fputs("NULL", out);
        return;
    }
    fprintf(out, "(const char *[%zu]){", n + 1);
    for (size_t i = 0; i < n; i++) {
        put_str(v[i]);
        fputs(", ", out);
    }
    fputs("NULL}", out);
}

static void put_field(const field *f, const void *base)
{
    const char *p = (const char *)base + f->off;
    switch (f->k) {
    case K_STR:
        put_str(*(const char *const *)p);
        break;
    case K_NUM: {
        int64_t v = get_num(p, f->size);
        if (v == INT64_MIN)
            fputs("(-9223372036854775807LL - 1)", out);
        else
            fprintf(out, "%" PRId64, v);
        break;
    }
    case K_SUB:
        put_struct(f->sub, p);
        break;
    case K_ARR:
        put_array(f, base, *(const char *const *)p);
        break;
    case K_CSTRS:
        put_cstrs(*(const char *const *const *)p, count_at(base, f->count_off));
        break;
    case K_SLOTS:
        fprintf(out, "(iss_pattern_slot[%zu]){NULL}", count_at(base, f->count_off) + 1);
        break;
    case K_RULE: {
        const iss_rule *const *v = (const iss_rule *const *)p;
        if (f->n > 1)
            fputc('{', out);
        for (size_t i = 0; i < f->n; i++) {
            if (i)
                fputs(", ", out);
            put_rule_ref(v[i]);
        }
        if (f->n > 1)
            fputc('}', out);
        break;
    }
    case K_SET:
        fprintf(out, "&set_%zu", cur_index);
        break;
    case K_SETS:
        fprintf(out, "(const iss_criteria *[2]){&set_%zu, NULL}", cur_index);
        break;
    case K_RULES:
        fprintf(out, "rules_%zu", cur_index);
        break;
    case K_CHARS:
        put_str(p);
        break;
    case K_ZERO:
        fputs("NULL", out);
        break;
    case K_UNION: /* put_struct writes it */
        break;
    }
}

/* Every byte of a struct that holds data must be in a field of its table:
 * a field added to criteria.h without its line here stops the build. */
static void check_covered(const type *t, const void *base)
{
    const unsigned char *b = base;
    for (size_t i = 0; i < t->size; i++) {
        if (!b[i])
            continue;
        bool in = false;
        for (const field *f = t->fields; f->name && !in; f++)
            in = i >= f->off && i < f->off + f->size;
        if (!in) {
            fprintf(stderr,
                    "gen_criteria: %s has data at byte %zu that no field of its table covers: "
                    "add the new field's line to src/gen/gen_criteria.c\n",
                    t->cname, i);
            failed = true;
            return;
        }
    }
}

static void put_struct(const type *t, const void *base)
{
    check_covered(t, base);
    fputc('{', out);
    for (const field *f = t->fields; f->name; f++) {
        if (f->k == K_ZERO)
            continue; /* zero */
        if (f->k == K_UNION) {
            /* the member of the kind, the others being the same bytes */
            const member *m =
                &f->members[get_num((const char *)base + f->count_off, sizeof(iss_check_kind))];
            if (m->name) {
                fprintf(out, ", .%s = ", m->name);
                put_struct(m->t, (const char *)base + f->off);
            }
            continue;
        }
        fprintf(out, "%s.%s = ", f == t->fields ? "" : ", ", f->name);
        put_field(f, base);
    }
    fputc('}', out);
}

/* ---- the sets ---- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of dir, sorted; NULL after a message. */
static char **folder_files(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return NULL;
    }
    char **v = NULL;
    *n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            fprintf(stderr,
                    "gen_criteria: %s: not a regular file; a criteria folder holds files only\n",
                    path);
            closedir(d);
            for (size_t i = 0; i < *n; i++)
                free(v[i]);
            free(v);
            return NULL;
        }
        for (const char *c = de->d_name; *c; c++)
            if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", *c)) {
                fprintf(
                    stderr,
                    "gen_criteria: %s: a criteria file name is letters, digits, '.', '_' and '-'\n",
                    path);
                closedir(d);
                return NULL; /* the build stops: what was read is not freed */
            }
        v = iss_xrealloc(v, (*n + 1) * sizeof *v);
        v[(*n)++] = strcpy(iss_xmalloc(strlen(de->d_name) + 1), de->d_name);
    }
    closedir(d);
    if (*n > 1)
        qsort(v, *n, sizeof *v, by_name);
    return v;
}

static bool slurp(const char *path, iss_buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return false;
    }
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        iss_buf_add(b, chunk, got);
    bool ok = !ferror(f);
    fclose(f);
    return ok;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The files of set i's folder, as byte arrays and the set's file table
 * (files_I, NFILES_I) in files. */
static bool embed_files(size_t i, const char *dir, iss_buf *files)
{
    size_t nf;
    char **fv = folder_files(dir, &nf);
    if (!fv)
        return false;
    bool ok = true;
    size_t *lens = iss_xcalloc(nf + 1, sizeof *lens);
    for (size_t k = 0; k < nf && ok; k++) {
        iss_buf b = {0};
        char path[4096], arr[64];
        snprintf(path, sizeof path, "%s/%s", dir, fv[k]);
        ok = slurp(path, &b);
        snprintf(arr, sizeof arr, "file_%zu_%zu", i, k);
        bytes_array(files, arr, b.s ? b.s : "", b.len);
        lens[k] = b.len;
        iss_buf_free(&b);
    }
    if (ok) {
        iss_buf_printf(files, "static const iss_criteria_file files_%zu[%zu] = {\n", i, nf + 1);
        for (size_t k = 0; k < nf; k++)
            iss_buf_printf(files, "    {\"%s\", (const char *)file_%zu_%zu, %zu},\n", fv[k], i, k,
                           lens[k]);
        iss_buf_puts(files, "    {NULL, NULL, 0}};\n");
        iss_buf_printf(files, "#define NFILES_%zu %zu\n", i, nf);
    }
    for (size_t k = 0; k < nf; k++)
        free(fv[k]);
    free(fv);
    free(lens);
    return ok;
}

/* Set i from dir (trailing slashes dropped into *name): linted (an error
 * fails the build), loaded, named as a built-in set, its files embedded. */
static bool load_set(size_t i, const char *dir, char **name, iss_criteria **set, iss_buf *files)
{
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    *name = iss_xmemdup(dir, dl);
    /* every check of `criteria lint`: an error fails the build */
    iss_diags d = {0};
    int st = iss_criteria_lint(*name, &d);
    for (size_t k = 0; k < d.n; k++)
        if (d.v[k].sev == ISS_SEV_ERROR) {
            iss_buf line = {0};
            iss_diag_line(&line, &d.v[k], *name, ISS_LANG_EN);
            fprintf(stderr, "%s\n", line.s);
            iss_buf_free(&line);
        }
    iss_diags_free(&d);
    if (st != 0) {
        fprintf(stderr, "gen_criteria: %s does not lint clean\n", *name);
        return false;
    }
    *set = iss_criteria_load(*name, &d);
    if (!*set) {
        iss_diags_print(stderr, &d, ISS_LANG_EN);
        iss_diags_free(&d);
        return false;
    }
    iss_diags_free(&d);
    /* as a built-in set names itself: built-in:NAME, built-in:NAME/FILE */
    iss_criteria *c = *set;
    c->builtin = true;
    c->dir = iss_arena_printf(c->arena, "built-in:%s", base_name(*name));
    for (size_t k = 0; k < c->nrules; k++)
        c->rules[k].file = iss_arena_printf(c->arena, "%s/%s", c->dir, base_name(c->rules[k].file));
    return embed_files(i, *name, files);
}

/* The sets' data and the table of them, into *data (a memory stream). */
static bool write_data(iss_criteria *const *sets, char *const *names, size_t nsets, char **data,
                       size_t *data_len)
{
    out = open_memstream(data, data_len);
    if (!out)
        return false;
    for (size_t i = 0; i < nsets; i++) {
        cur = sets[i];
        cur_index = i;
        fprintf(out, "\n/* %s: %s %s */\n", names[i], cur->document, cur->edition);
        fprintf(out, "static iss_rule rules_%zu[%zu] = {\n", i, cur->nrules + 1);
        for (size_t k = 0; k < cur->nrules; k++) {
            fputs("    ", out);
            put_struct(&rule_type, &cur->rules[k]);
            fputs(",\n", out);
        }
        if (!cur->nrules)
            put_struct(&rule_type, zero);
        fputs("};\n", out);
        fprintf(out, "static iss_criteria set_%zu = ", i);
        put_struct(&criteria_type, cur);
        fputs(";\n", out);
    }
    fputs("\nconst iss_builtin_set iss_builtin_sets[] = {\n", out);
    for (size_t i = 0; i < nsets; i++)
        fprintf(out, "    {\"%s\", &set_%zu, files_%zu, NFILES_%zu},\n", base_name(names[i]), i, i,
                i);
    fputs("    {NULL, NULL, NULL, 0}};\n", out);
    fprintf(out, "const size_t iss_builtin_nsets = %zu;\n", nsets);
    return fclose(out) == 0 && !failed;
}

/* The generated file: written beside, then renamed, so that a failed run
 * leaves no half file. */
static bool write_output(const char *path, iss_criteria *const *sets, size_t nsets,
                         const iss_buf *files, const char *data, size_t data_len)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        perror(tmp);
        return false;
    }
    fputs("/* Generated by src/gen/gen_criteria.c from criteria/: do not edit. */\n"
          "#include \"isscheck/builtin.h\"\n\n",
          f);
    for (size_t i = 0; i < nsets; i++)
        fprintf(f, "static iss_criteria set_%zu;\nstatic iss_rule rules_%zu[%zu];\n", i, i,
                sets[i]->nrules + 1);
    if (long_strings.len)
        fwrite(long_strings.s, 1, long_strings.len, f);
    if (files->len)
        fwrite(files->s, 1, files->len, f);
    fwrite(data, 1, data_len, f);
    bool ok = !ferror(f);
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        perror(path);
        remove(tmp);
        return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: gen_criteria OUT.c SET-DIR...\n", stderr);
        return 2;
    }
    size_t nsets = (size_t)argc - 2;
    /* zeroed: every exit frees what was made so far (sanitizer builds
     * check the generator for leaks too) */
    iss_criteria **sets = iss_xcalloc(nsets, sizeof *sets);
    char **names = iss_xcalloc(nsets, sizeof *names);
    iss_buf files = {0}; /* the byte arrays and file tables */
    char *data = NULL;
    size_t data_len = 0;
    bool ok = true;
    for (size_t i = 0; i < nsets && ok; i++)
        ok = load_set(i, argv[i + 2], &names[i], &sets[i], &files);
    /* the data into a temporary buffer: the long strings it makes go first */
    ok = ok && write_data(sets, names, nsets, &data, &data_len) &&
         write_output(argv[1], sets, nsets, &files, data, data_len);
    free(data);
    iss_buf_free(&files);
    iss_buf_free(&long_strings);
    for (size_t i = 0; i < nsets; i++) {
        if (sets[i])
            sets[i]->builtin = false; /* loaded here: freed */
        iss_criteria_free(sets[i]);
        free(names[i]);
    }
    free(sets);
    free(names);
    return ok ? 0 : 1;
}
