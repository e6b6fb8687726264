/* test_criteria_load.c - the criteria-set loader on a small synthetic set:
 * the set as written loads into the expected model, and each way of breaking
 * a manifest, a rule file or a catalogue is refused with an error that names
 * the file, the line and the column. */
/* The YAML inputs below are laid out one YAML line per C line: */
/* clang-format off */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"

/* ---- the synthetic set: one category with every kind of check ---- */

#define MANIFEST_HEAD                                                                              \
    "document: test-set\n"                                                                         \
    "title: テスト基準\n"                                                                          \
    "edition: \"第1版\"\n"                                                                         \
    "date: 2024-01-31\n"                                                                           \
    "issuer: テスト省\n"                                                                           \
    "source: 'test source'\n"                                                                      \
    "status: in-force\n"                                                                           \
    "files: [cat.yaml, xx.yaml]\n"

static const char MANIFEST[] = MANIFEST_HEAD
    "categories:\n"
    "  - code: xx\n"
    "    rule_prefix: XX\n"
    "    name: {ja: テスト区分, en: Test category}\n"
    "    aliases: [テスト]\n"
    "    clause: 第1章\n"
    "    subtypes:\n"
    "      - {code: s1, ja: 区分1, en: Sub one}\n"
    "      - {code: s2, ja: 区分2, en: Sub two}\n"
    "    engagement_kinds:\n"
    "      - {code: k1, ja: 種別1, en: Kind one}\n"
    "    lead_groups: [leads, second_leads]\n";

static const char CATALOGUE[] =
    "catalogue:\n"
    "  - id: q1\n"
    "    type: qualification\n"
    "    name: Qual One\n"
    "    aliases: ['(?i)^q-?one$']\n"
    "    lists: [1-1]\n"
    "    number_pattern: '^[0-9]{4}$'\n"
    "    provenance: {reiji_date: 2023-03-30, checked: 2026-01-01, by: tester}\n"
    "  - id: c1\n"
    "    type: community\n"
    "    name: Club\n"
    "    lists: [2-1]\n"
    "    provenance: unverified\n";

#define RULE(id, title, check)                                                                     \
    "  - id: " id "\n"                                                                             \
    "    clause: 第1章 (1)\n"                                                                      \
    "    title: {ja: " title ", en: " title "}\n"                                                  \
    "    text: 本文\n"                                                                             \
    "    summary: s\n"                                                                             \
    "    check: " check "\n"

static const char RULES[] =
    "category: xx\n"
    "rules:\n"
    RULE("XX-1", "leads-1", "{kind: qualified_leads, group: leads, disclose_counts: true, paths: [\n"
         "        {id: qual, clause: (ア), type: qualification, reiji: 1-1},\n"
         "        {id: club, type: community, reiji: 2-1, lecturing_subject: xx},\n"
         "        {id: track, type: track_record, work: [xx/k1], window_years: 3,\n"
         "         min_cases: 2, per_year_contract: continuing, min_years: 1, years_reading: window}]}")
    RULE("XX-2", "leads-2", "{kind: qualified_leads, group: second_leads, paths: [{id: qual, type: qualification, reiji: 1-1}]}")
    "    when_subtypes: [s2]\n"
    RULE("XX-3", "dual", "{kind: dual_role, rules: [XX-1, XX-2]}")
    RULE("XX-4", "items", "{kind: reiji_items, requirements: [{field: standards, reiji: 4-1, when_subtypes: [s1], distinct: true}]}")
    RULE("XX-5", "qm", "{kind: person_assigned, field: quality_manager}")
    RULE("XX-6", "manual", "{kind: manual_sections, sections: [{id: process, clause: (ア), ja: プロセス, en: process}]}")
    RULE("XX-7", "review", "{kind: case_review, window_years: 3, alternatives: [{documents: [report], reviewer: staff_or_qualified}], qualified_rule: XX-1}")
    RULE("XX-8", "protection", "{kind: info_protection}")
    RULE("XX-9", "statement", "{kind: statement, statements: [promise], when_present: pass}");

/* ---- temporary sets ---- */

/* Sets live under one folder made by the parent process (an unchecked
 * fixture) and removed by it: a failing forked test leaves through _exit(). */
static char root[64], dir[128];

static void root_setup(void)
{
    snprintf(root, sizeof root, "/tmp/isscheck-critload-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(root));
}

static void root_teardown(void)
{
    if (strncmp(root, "/tmp/isscheck-critload-", 23) != 0)
        return;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", root);
    root[0] = '\0';
}

static void put(const char *file, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "wb");
    ck_assert_msg(f != NULL, "cannot write %s", path);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

static char *get(const char *file)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot read %s", path);
    iss_buf b = {0};
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        iss_buf_add(&b, chunk, got);
    fclose(f);
    return b.s ? b.s : strdup("");
}

/* A new folder holding the synthetic set. */
static void new_set(void)
{
    ck_assert_msg(root[0], "test bug: no root_setup fixture");
    snprintf(dir, sizeof dir, "%s/set-XXXXXX", root);
    ck_assert_ptr_nonnull(mkdtemp(dir));
    put("manifest.yaml", MANIFEST);
    put("cat.yaml", CATALOGUE);
    put("xx.yaml", RULES);
}

/* One change to the set: from NULL writes the whole file (to NULL deletes
 * it); else the one occurrence of from becomes to. */
typedef struct {
    const char *file, *from, *to;
} change;

static void apply(const change *c)
{
    if (!c->file)
        return;
    if (!c->from) {
        if (c->to) {
            put(c->file, c->to);
        } else {
            char path[256];
            snprintf(path, sizeof path, "%s/%s", dir, c->file);
            ck_assert_int_eq(unlink(path), 0);
        }
        return;
    }
    char *s = get(c->file);
    char *at = strstr(s, c->from);
    ck_assert_msg(at != NULL, "test bug: '%s' not in %s", c->from, c->file);
    ck_assert_msg(strstr(at + 1, c->from) == NULL, "test bug: '%s' twice in %s", c->from, c->file);
    iss_buf b = {0};
    iss_buf_add(&b, s, (size_t)(at - s));
    iss_buf_puts(&b, c->to);
    iss_buf_puts(&b, at + strlen(c->from));
    put(c->file, b.s);
    iss_buf_free(&b);
    free(s);
}

/* The 1-based line of the first occurrence of needle in file. */
static int line_of(const char *file, const char *needle)
{
    char *s = get(file);
    char *at = strstr(s, needle);
    ck_assert_msg(at != NULL, "test bug: '%s' not in %s", needle, file);
    int line = 1;
    for (char *p = s; p < at; p++)
        line += *p == '\n';
    free(s);
    return line;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t ls = strlen(s), lt = strlen(tail);
    return ls >= lt && strcmp(s + ls - lt, tail) == 0;
}

/* ---- the set as written ---- */

static const iss_path *path_of(const iss_rule *r, const char *id)
{
    for (size_t i = 0; i < r->leads.npaths; i++)
        if (strcmp(r->leads.paths[i].id, id) == 0)
            return &r->leads.paths[i];
    return NULL;
}

START_TEST(synthetic_set_loads)
{
    new_set();
    iss_criteria *c = fx_criteria_load_clean(dir);
    ck_assert_str_eq(c->document, "test-set");
    ck_assert_str_eq(c->title, "テスト基準");
    ck_assert_str_eq(c->edition, "第1版");
    ck_assert_str_eq(c->issuer, "テスト省");
    ck_assert_str_eq(fx_date_str(c->date), "2024-01-31");
    ck_assert(!c->draft);
    ck_assert_str_eq(c->dir, dir);
    ck_assert_uint_eq(strlen(c->digest), 16);

    ck_assert_uint_eq(c->ncategories, 1);
    const iss_category *cat = &c->categories[0];
    ck_assert_str_eq(cat->name_en, "Test category");
    ck_assert_str_eq(cat->clause, "第1章");
    ck_assert_uint_eq(cat->nsubtypes, 2);
    ck_assert_str_eq(cat->subtypes[1].code, "s2");
    ck_assert_str_eq(cat->subtypes[1].ja, "区分2");
    ck_assert_uint_eq(cat->nkinds, 1);
    ck_assert_uint_eq(cat->ngroups, 2);
    ck_assert_str_eq(cat->groups[1], "second_leads");
    ck_assert_int_eq(iss_criteria_category(c, "xx"), 0);
    ck_assert_int_eq(iss_criteria_category(c, "テスト"), 0);
    ck_assert_int_eq(iss_criteria_category(c, "XX"), -1);

    ck_assert_uint_eq(c->nrules, 9);
    const iss_rule *r1 = iss_criteria_rule(c, "XX-1");
    ck_assert_int_eq(r1->kind, ISS_CHECK_QUALIFIED_LEADS);
    ck_assert(r1->leads.disclose_counts);
    ck_assert_str_eq(r1->leads.group, "leads");
    const iss_path *t = path_of(r1, "track");
    ck_assert_int_eq(t->type, ISS_PATH_TRACK_RECORD);
    ck_assert_int_eq(t->per_year_contract, ISS_CONTRACT_CONTINUING);
    ck_assert_int_eq(t->min_years, 1);
    ck_assert_int_eq(t->min_cases, 2);
    ck_assert_str_eq(t->clause, ""); /* optional */
    ck_assert_str_eq(path_of(r1, "club")->lecturing_subject, "xx");
    ck_assert_str_eq(path_of(r1, "qual")->clause, "(ア)");
    ck_assert_str_eq(iss_criteria_rule(c, "XX-2")->when_subtypes.v[0].s, "s2");
    const iss_rule *dual = iss_criteria_rule(c, "XX-3");
    ck_assert_ptr_eq(dual->dual.rule[0], r1);
    ck_assert_ptr_eq(dual->dual.rule[1], iss_criteria_rule(c, "XX-2"));
    const iss_rule *items = iss_criteria_rule(c, "XX-4");
    ck_assert_uint_eq(items->items.nreqs, 1);
    ck_assert(items->items.reqs[0].distinct);
    ck_assert_str_eq(items->items.reqs[0].reiji, "4-1");
    ck_assert_str_eq(iss_criteria_rule(c, "XX-5")->person.field, "quality_manager");
    ck_assert_str_eq(iss_criteria_rule(c, "XX-6")->sections.sections[0].en, "process");
    const iss_rule *review = iss_criteria_rule(c, "XX-7");
    ck_assert_ptr_eq(review->review.qualified_rule, r1);
    ck_assert_int_eq(review->review.alts[0].reviewer, ISS_REVIEWER_STAFF_OR_QUALIFIED);
    ck_assert_int_eq(iss_criteria_rule(c, "XX-8")->kind, ISS_CHECK_INFO_PROTECTION);
    ck_assert(iss_criteria_rule(c, "XX-9")->statement.when_present_pass);

    ck_assert_uint_eq(c->nentries, 2);
    const iss_entry *q1 = iss_catalogue_match(c, ISS_ENTRY_QUALIFICATION, "Q-One");
    ck_assert_ptr_nonnull(q1);
    ck_assert(q1->verified);
    ck_assert_str_eq(q1->provenance, "例示 2023-03-30, checked 2026-01-01 by tester");
    ck_assert(iss_entry_number_ok(q1, "1234"));
    ck_assert(!iss_entry_number_ok(q1, "123"));
    const iss_entry *c1 = iss_catalogue_match(c, ISS_ENTRY_COMMUNITY, "Club");
    ck_assert(!c1->verified);
    ck_assert_str_eq(c1->provenance, "unverified");
    iss_criteria_free(c);
}
END_TEST

START_TEST(draft_status_and_optional_parts)
{
    /* a draft, a category without clause, without sub-types and kinds, and
     * no catalogue file at all */
    new_set();
    change ch[] = {
        {"manifest.yaml", "status: in-force", "status: draft"},
        {"manifest.yaml", "files: [cat.yaml, xx.yaml]", "files: [xx.yaml]"},
        {"manifest.yaml", "    clause: 第1章\n", ""},
        {"manifest.yaml", "    subtypes:\n      - {code: s1, ja: 区分1, en: Sub one}\n"
                          "      - {code: s2, ja: 区分2, en: Sub two}\n", "    subtypes: ~\n"},
        {"manifest.yaml", "    engagement_kinds:\n      - {code: k1, ja: 種別1, en: Kind one}\n", ""},
        {"xx.yaml", "    when_subtypes: [s2]\n", ""},
        {"xx.yaml", ", when_subtypes: [s1]", ""},
        {"xx.yaml", "per_year_contract: continuing, ", ""},
        /* work declared under a category of another set is checked when composed */
        {"xx.yaml", "work: [xx/k1]", "work: [yy/k1]"},
    };
    for (size_t i = 0; i < sizeof ch / sizeof *ch; i++)
        apply(&ch[i]);
    iss_criteria *c = fx_criteria_load_clean(dir);
    ck_assert(c->draft);
    ck_assert_str_eq(c->categories[0].clause, "");
    ck_assert_uint_eq(c->categories[0].nsubtypes, 0);
    ck_assert_uint_eq(c->categories[0].nkinds, 0);
    ck_assert_uint_eq(c->nentries, 0);
    ck_assert_ptr_null(iss_catalogue_match(c, ISS_ENTRY_QUALIFICATION, "Qual One"));
    ck_assert_uint_eq(c->nrules, 9);
    /* no per-year reading of contracts unless one is named */
    const iss_rule *r1 = iss_criteria_rule(c, "XX-1");
    ck_assert_int_eq(r1->leads.paths[2].type, ISS_PATH_TRACK_RECORD);
    ck_assert_int_eq(r1->leads.paths[2].per_year_contract, ISS_CONTRACT_NONE);
    /* a declaration naming kinds or sub-types the category lacks */
    iss_diags *d = fx_decl_errors(c,
        "provider: {name: x}\n"
        "persons: [{id: P1}]\n"
        "engagements:\n"
        "  - {id: E1, category: xx, kind: k1, start: 2025-01-01, contract: single, staff: [P1]}\n"
        "services:\n"
        "  - {category: xx, subtypes: [s1]}\n");
    ck_assert_diag(d, 4, 34, "unknown kind 'k1' for category 'xx'; expected one of (none)");
    fx_diags_free(d);
    d = fx_decl_errors(c, "provider: {name: x}\nservices:\n  - {category: テスト, subtypes: [s1]}\n");
    ck_assert_diag(d, 3, 32, "unknown sub-type 's1' of 'xx'; expected none");
    fx_diags_free(d);
    iss_criteria_free(c);

    /* a set of a catalogue only: no rules, so no review documents */
    new_set();
    apply(&(change){"manifest.yaml", "files: [cat.yaml, xx.yaml]", "files: [cat.yaml]"});
    c = fx_criteria_load_clean(dir);
    ck_assert_uint_eq(c->nrules, 0);
    ck_assert_ptr_null(iss_criteria_rule(c, "XX-1"));
    ck_assert_uint_eq(c->nentries, 2);
    d = fx_decl_errors(c,
        "provider: {name: x}\n"
        "persons: [{id: P1}]\n"
        "engagements:\n"
        "  - {id: E1, category: xx, kind: k1, start: 2025-01-01, contract: single, staff: [P1],\n"
        "     reviews: [{document: report, by: P1}]}\n"
        "services:\n"
        "  - {category: xx, subtypes: [s1]}\n");
    ck_assert_diag(d, 5, 27, "unknown document 'report'; expected one of (none in the criteria)");
    fx_diags_free(d);
    iss_criteria_free(c);
}
END_TEST

START_TEST(digest_follows_the_bytes)
{
    new_set();
    iss_criteria *a = fx_criteria_load_clean(dir);
    char first[sizeof a->digest];
    memcpy(first, a->digest, sizeof first);
    iss_criteria_free(a);
    /* a comment changes no rule but changes the bytes */
    apply(&(change){"xx.yaml", "category: xx\n", "# comment\ncategory: xx\n"});
    iss_criteria *b = fx_criteria_load_clean(dir);
    ck_assert_str_ne(first, b->digest);
    iss_criteria_free(b);
}
END_TEST

/* ---- broken sets ---- */

typedef struct {
    change ch[2];
    const char *file; /* the diagnostic's file (a suffix of its path) */
    const char *at;   /* where it points: the first occurrence of this text in file, at its '^'
                         (columns count characters); NULL: no position (line 0) */
    const char *msg;  /* a substring of the message */
} broken;

#define ONE(f, from, to) {{f, from, to}, {NULL, NULL, NULL}}

static const broken cases[] = {
    /* manifest */
    {ONE("manifest.yaml", NULL, NULL), "manifest.yaml", NULL, "cannot open: No such file or directory"},
    {ONE("manifest.yaml", NULL, "[a, b]\n"), "manifest.yaml", "^[a, b]", "a manifest must be a mapping, not a list"},
    {ONE("manifest.yaml", "issuer: テスト省\n", ""), "manifest.yaml", "^document", "missing required key 'issuer'"},
    {ONE("manifest.yaml", "status: in-force", "status: repealed"), "manifest.yaml", "status: ^repealed",
     "status must be 'in-force' or 'draft'"},
    {ONE("manifest.yaml", NULL, MANIFEST_HEAD "categories: {xx: 1}\n"), "manifest.yaml", "categories: ^{",
     "categories must be a list, not a mapping"},
    {ONE("manifest.yaml", NULL, MANIFEST_HEAD), "manifest.yaml", "^document", "categories"},
    {ONE("manifest.yaml", "categories:\n", "categories:\n  - xx\n"), "manifest.yaml", "  - ^xx",
     "a category must be a mapping, not a scalar"},
    {ONE("manifest.yaml", "    name: {ja: テスト区分, en: Test category}\n", ""), "manifest.yaml", "  - ^code: xx",
     "missing required key 'name'"},
    {ONE("manifest.yaml", "    name: {ja: テスト区分, en: Test category}\n", "    name: テスト区分\n"),
     "manifest.yaml", "    name: ^テスト区分", "name must be a mapping, not a scalar"},
    {ONE("manifest.yaml", "      - {code: s1, ja: 区分1, en: Sub one}\n", "      - s1\n"), "manifest.yaml",
     "      - ^s1", "subtypes must be a mapping, not a scalar"},
    {ONE("manifest.yaml", "    engagement_kinds:\n      - {code: k1, ja: 種別1, en: Kind one}\n",
         "    engagement_kinds: {k1: 種別1}\n"),
     "manifest.yaml", "engagement_kinds: ^{", "engagement_kinds must be a list, not a mapping"},
    {ONE("manifest.yaml", "files: [cat.yaml, xx.yaml]", "files: [cat.yaml, .xx.yaml]"), "manifest.yaml",
     "files: [cat.yaml, ^.xx.yaml]", "file '.xx.yaml' must be a plain name in the same folder"},
    {ONE("manifest.yaml", "files: [cat.yaml, xx.yaml]", "files: [cat.yaml, xx.yaml, yy.yaml]"), "/yy.yaml",
     NULL, "cannot open criteria file"},
    {{{"manifest.yaml", "files: [cat.yaml, xx.yaml]", "files: [cat.yaml, xx.yaml, cat2.yaml]"},
      {"cat2.yaml", NULL, "catalogue: []\n"}},
     "/cat2.yaml", "^catalogue", "a second catalogue file (first: "},
    /* a sub-type a rule names must be its category's */
    {ONE("manifest.yaml", "      - {code: s2, ja: 区分2, en: Sub two}\n", ""), "xx.yaml",
     "when_subtypes: [^s2]", "unknown sub-type 's2' of category 'xx'"},

    /* catalogue file */
    {ONE("cat.yaml", "catalogue:\n", "version: 1\ncatalogue:\n"), "cat.yaml", "^version",
     "unknown key 'version' in a catalogue file"},
    {ONE("cat.yaml", NULL, "catalogue: {q1: Qual One}\n"), "cat.yaml", "catalogue: ^{",
     "catalogue must be a list, not a mapping"},
    {ONE("cat.yaml", "catalogue:\n", "catalogue:\n  - Qual Zero\n"), "cat.yaml", "  - ^Qual Zero",
     "a catalogue entry must be a mapping, not a scalar"},
    {ONE("cat.yaml", "    lists: [2-1]\n", ""), "cat.yaml", "  - ^id: c1", "missing required key 'lists'"},
    {ONE("cat.yaml", "provenance: unverified", "provenance: maybe"), "cat.yaml", "provenance: ^maybe",
     "provenance must be 'unverified' or a mapping with reiji_date, checked and by"},
    {ONE("cat.yaml", "by: tester}", "by: tester, note: x}"), "cat.yaml", "by: tester, ^note",
     "unknown key 'note' in provenance"},
    {ONE("cat.yaml", "  - id: c1\n", "  - id: q1\n"), "cat.yaml", "^id: q1\n    type: community",
     "catalogue id 'q1' defined twice"},

    /* rule file */
    {ONE("xx.yaml", NULL, ""), "xx.yaml", NULL, "empty file: no YAML document"},
    {{{"xx.yaml", "  - id: XX-8\n", "  -\n"}, {"xx.yaml", "    check: {kind: info_protection}\n", ""}},
     "xx.yaml", "  -\n    ^clause", "rule '?' has no 'check'"},
    {ONE("xx.yaml", NULL, "- XX-1\n"), "xx.yaml", "^- XX-1", "a rule file must be a mapping, not a list"},
    {ONE("xx.yaml", "category: xx\n", ""), "xx.yaml", "^rules", "missing required key 'category'"},
    {ONE("xx.yaml", NULL, "category: xx\nrules: {XX-1: x}\n"), "xx.yaml", "rules: ^{",
     "rules must be a list, not a mapping"},
    {ONE("xx.yaml", "    title: {ja: protection, en: protection}\n", ""), "xx.yaml", "  - ^id: XX-8",
     "missing required key 'title'"},
    {ONE("xx.yaml", "    title: {ja: protection, en: protection}\n", "    title: protection\n"), "xx.yaml",
     "title: ^protection", "title must be a mapping, not a scalar"},
    {ONE("xx.yaml", "    check: {kind: info_protection}\n", ""), "xx.yaml", "  - ^id: XX-8",
     "rule 'XX-8' has no 'check'"},
    {ONE("xx.yaml", "{kind: info_protection}", "info_protection"), "xx.yaml", "check: ^info_protection",
     "a check must be a mapping, not a scalar"},
    {ONE("xx.yaml", "{kind: info_protection}", "{}"), "xx.yaml", "check: ^{}", "missing required key 'kind'"},

    /* qualified_leads */
    {ONE("xx.yaml", "paths: [{id: qual, type: qualification, reiji: 1-1}]", "paths: []"), "xx.yaml",
     "paths: ^[]", "paths must not be empty"},
    {ONE("xx.yaml", "paths: [{id: qual, type: qualification, reiji: 1-1}]", "paths: {qual: 1-1}"), "xx.yaml",
     "paths: ^{qual", "paths must be a list, not a mapping"},
    {ONE("xx.yaml", "paths: [{id: qual, type: qualification, reiji: 1-1}]", "paths: [qual]"), "xx.yaml",
     "paths: [^qual]", "a path must be a mapping, not a scalar"},
    {ONE("xx.yaml", "paths: [{id: qual, type: qualification, reiji: 1-1}]", "paths: [{type: qualification, reiji: 1-1}]"),
     "xx.yaml", "paths: [^{type", "missing required key 'id'"},
    {ONE("xx.yaml", "paths: [{id: qual, type: qualification, reiji: 1-1}]", "paths: [{id: qual, type: degree, reiji: 1-1}]"),
     "xx.yaml", "type: ^degree", "unknown type 'degree'"},
    {ONE("xx.yaml", "years_reading: window", "years_reading: career"), "xx.yaml", "years_reading: ^career",
     "years_reading must be 'window'"},
    {ONE("xx.yaml", "work: [xx/k1]", "work: [xx/k9]"), "xx.yaml", "work: [^xx/k9",
     "unknown engagement kind 'k9' of category 'xx'"},
    {ONE("xx.yaml", "work: [xx/k1]", "work: [xx]"), "xx.yaml", "work: [^xx]",
     "work 'xx' is not 'category/kind'"},
    {ONE("xx.yaml", "window_years: 3,\n", "window_years: 3, reiji: 9-9,\n"), "xx.yaml", "^reiji: 9-9",
     "'reiji' is not a parameter of a track_record path"},
    {ONE("xx.yaml", "{kind: info_protection}", "{kind: info_protection, field: qm_x}"), "xx.yaml",
     "^field: qm_x}", "'field' is not a parameter of check kind 'info_protection'"},
    {ONE("xx.yaml", "{id: club,", "{id: qual,"), "xx.yaml", "^{id: qual, type: community",
     "path id 'qual' used twice"},
    {ONE("xx.yaml", "group: second_leads, ", ""), "xx.yaml", "check: ^{kind: qualified_leads, paths",
     "missing required key 'group'"},

    /* the other kinds */
    {ONE("xx.yaml", "rules: [XX-1, XX-2]", "rules: [XX-1, XX-2, XX-1]"), "xx.yaml", "rules: ^[XX-1, XX-2, XX-1]",
     "dual_role names exactly two rules"},
    {ONE("xx.yaml", "requirements: [{field: standards, reiji: 4-1, when_subtypes: [s1], distinct: true}]",
         "requirements: {standards: 4-1}"),
     "xx.yaml", "requirements: ^{", "requirements must be a list, not a mapping"},
    {ONE("xx.yaml", "requirements: [{field: standards, reiji: 4-1, when_subtypes: [s1], distinct: true}]",
         "requirements: [standards]"),
     "xx.yaml", "requirements: [^standards]", "a requirement must be a mapping, not a scalar"},
    {ONE("xx.yaml", "field: standards", "field: manuals"), "xx.yaml", "field: ^manuals", "unknown field 'manuals'"},
    {ONE("xx.yaml", "field: quality_manager", "field: auditor"), "xx.yaml", "field: ^auditor",
     "person_assigned supports field 'quality_manager'"},
    {ONE("xx.yaml", "sections: [{id: process, clause: (ア), ja: プロセス, en: process}]", "sections: {process: x}"),
     "xx.yaml", "sections: ^{process", "sections must be a list, not a mapping"},
    {ONE("xx.yaml", "sections: [{id: process, clause: (ア), ja: プロセス, en: process}]", "sections: [process]"),
     "xx.yaml", "sections: [^process]", "a section must be a mapping, not a scalar"},
    {ONE("xx.yaml", "alternatives: [{documents: [report], reviewer: staff_or_qualified}]", "alternatives: report"),
     "xx.yaml", "alternatives: ^report", "alternatives must be a list, not a scalar"},
    {ONE("xx.yaml", "alternatives: [{documents: [report], reviewer: staff_or_qualified}]", "alternatives: [report]"),
     "xx.yaml", "alternatives: [^report]", "an alternative must be a mapping, not a scalar"},
    {ONE("xx.yaml", "reviewer: staff_or_qualified", "reviewer: anyone"), "xx.yaml", "reviewer: ^anyone",
     "unknown reviewer 'anyone'"},
    {ONE("xx.yaml", ", qualified_rule: XX-1", ""), "xx.yaml", "check: ^{kind: case_review",
     "reviewer staff_or_qualified needs 'qualified_rule'"},
    {ONE("xx.yaml", "qualified_rule: XX-1", "qualified_rule: XX-10"), "xx.yaml", "qualified_rule: ^XX-10",
     "'XX-10' is not a qualified_leads rule of this criteria set"},
    {ONE("xx.yaml", "window_years: 3, alternatives", "window_years: 0, alternatives"), "xx.yaml",
     "window_years: ^0", "'window_years' must be a whole number from 1 to 100"},
    {ONE("xx.yaml", "when_present: pass", "when_present: always"), "xx.yaml", "when_present: ^always",
     "when_present must be 'pass' or 'review'"},
};

/* The position of at's '^' in file: line, and column in characters. */
static iss_loc position(const char *file, const char *at)
{
    const char *caret = strchr(at, '^');
    ck_assert_msg(caret != NULL, "test bug: no '^' in '%s'", at);
    iss_buf needle = {0};
    iss_buf_add(&needle, at, (size_t)(caret - at));
    iss_buf_puts(&needle, caret + 1);
    char *s = get(file);
    const char *hit = strstr(s, needle.s);
    ck_assert_msg(hit != NULL, "test bug: '%s' not in %s", needle.s, file);
    hit += caret - at;
    iss_loc loc = {1, 1};
    for (const char *p = s; p < hit; p++) {
        if (*p == '\n')
            loc = (iss_loc){loc.line + 1, 1};
        else if (((unsigned char)*p & 0xC0) != 0x80)
            loc.col++;
    }
    free(s);
    iss_buf_free(&needle);
    return loc;
}

START_TEST(broken_set_refused)
{
    const broken *b = &cases[_i];
    new_set();
    for (size_t i = 0; i < 2; i++)
        apply(&b->ch[i]);
    const char *file = b->file[0] == '/' ? b->file + 1 : b->file;
    iss_loc want = b->at ? position(file, b->at) : (iss_loc){0, 0};
    iss_diags *d = fx_criteria_errors(dir);
    const iss_diag *x = NULL;
    for (size_t i = 0; i < d->n && !x; i++) {
        const iss_diag *y = &d->v[i];
        if (strstr(y->msg, b->msg) && y->file && ends_with(y->file, b->file) &&
            y->loc.line == want.line && y->loc.col == want.col)
            x = y;
    }
    ck_assert_msg(x != NULL, "case %d: no diagnostic \"%s\" in %s at %d:%d; got:\n%s", _i, b->msg, b->file,
                  want.line, want.col, fx_diags_text(d));
    fx_diags_free(d);
}
END_TEST

START_TEST(every_error_of_a_file_reported)
{
    /* the getters of one mapping all run: both missing keys are named */
    new_set();
    apply(&(change){"xx.yaml", "    text: 本文\n    summary: s\n    check: {kind: info_protection}\n",
                    "    check: {kind: info_protection}\n"});
    iss_diags *d = fx_criteria_errors(dir);
    int line = line_of("xx.yaml", "  - id: XX-8");
    ck_assert_diag(d, line, 5, "missing required key 'text'");
    ck_assert_diag(d, line, 5, "missing required key 'summary'");
    fx_diags_free(d);
}
END_TEST

START_TEST(free_of_null_does_nothing)
{
    /* base.h: iss_x_free(NULL) does nothing */
    iss_criteria_free(NULL);
    iss_decl_free(NULL);
    iss_report_free(NULL);
    iss_arena_free(NULL);
    iss_diags d = {0};
    iss_diags_free(&d);
    ck_assert_uint_eq(d.n, 0);
}
END_TEST

/* criteria lint warns on a parameter that departs from the clause text (or
 * fills a gap in it) without a reading, and on a reading aimed at nothing;
 * a reading on the parameter silences the warning. */
START_TEST(lint_wants_a_reading_for_each_departure)
{
    new_set();
    iss_diags d = {0};
    iss_criteria_lint(dir, &d);
    static const char *const wanted[] = {
        "rule 'XX-1': parameter 'track.window_years' departs from the clause text",
        "rule 'XX-1': parameter 'track.per_year_contract' departs",
        "rule 'XX-1': parameter 'track.min_years' departs",
        "rule 'XX-7': parameter 'window_years' departs",
        "rule 'XX-8': parameter 'check' departs",
    };
    for (size_t i = 0; i < sizeof wanted / sizeof *wanted; i++)
        ck_assert_msg(fx_diag_find(&d, wanted[i]) != NULL, "no '%s' in:\n%s", wanted[i], fx_diags_text(&d));
    ck_assert_msg(fx_diag_find(&d, "track.work'") == NULL, "work of the rule's own category is the text");
    iss_diags_free(&d);
    change ch[] = {
        {"xx.yaml", "    summary: s\n    check: {kind: case_review",
         "    reading:\n      - {on: window_years, source: test, ja: 読み, en: reading}\n"
         "      - {on: nothing_here, source: test, ja: 読み, en: reading}\n"
         "    summary: s\n    check: {kind: case_review"},
    };
    apply(&ch[0]);
    iss_diags d2 = {0};
    iss_criteria_lint(dir, &d2);
    ck_assert_msg(fx_diag_find(&d2, "rule 'XX-7': parameter 'window_years'") == NULL, "%s", fx_diags_text(&d2));
    ck_assert_msg(fx_diag_find(&d2, "rule 'XX-7': reading on 'nothing_here' names no parameter") != NULL, "%s",
                  fx_diags_text(&d2));
    iss_diags_free(&d2);
}
END_TEST

static Suite *criteria_load_suite(void)
{
    Suite *s = suite_create("criteria-load");
    TCase *tc = tcase_create("accepted");
    tcase_add_unchecked_fixture(tc, root_setup, root_teardown);
    tcase_add_test(tc, synthetic_set_loads);
    tcase_add_test(tc, draft_status_and_optional_parts);
    tcase_add_test(tc, lint_wants_a_reading_for_each_departure);
    tcase_add_test(tc, digest_follows_the_bytes);
    tcase_add_test(tc, free_of_null_does_nothing);
    suite_add_tcase(s, tc);
    tc = tcase_create("refused");
    tcase_add_unchecked_fixture(tc, root_setup, root_teardown);
    tcase_add_loop_test(tc, broken_set_refused, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_test(tc, every_error_of_a_file_reported);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(criteria_load_suite());
}
