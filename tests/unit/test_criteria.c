/* test_criteria.c - the shipped criteria set (criteria/iss-3) is complete and
 * loads cleanly; broken sets are refused with located errors; and a change of
 * the data changes the verdicts (the standard is data, not C). */
/* The YAML inputs below are laid out one YAML line per C line: */
/* clang-format off */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "isscheck/authoring.h"

/* ---- temporary copies of a criteria set ---- */

/* Copies live under one folder made by the parent process (an unchecked
 * fixture) and removed by it at the end: a failing forked test leaves through
 * _exit(), without running any clean-up of its own. */
static char root[64], tmpdir[128];

static void root_setup(void)
{
    snprintf(root, sizeof root, "/tmp/isscheck-criteria-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(root));
}

static void root_teardown(void)
{
    if (strncmp(root, "/tmp/isscheck-criteria-", 23) != 0)
        return;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", root);
    root[0] = '\0';
}

static void copy_set(const char *from)
{
    ck_assert_msg(root[0], "test bug: no root_setup fixture");
    snprintf(tmpdir, sizeof tmpdir, "%s/set-XXXXXX", root);
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp -R '%s/.' '%s/'", from, tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Removes the current copy (the next copy_set makes a new one). */
static void remove_set(void)
{
    if (!tmpdir[0])
        return;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
    tmpdir[0] = '\0';
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    iss_buf b = {0};
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        iss_buf_add(&b, chunk, got);
    fclose(f);
    if (len)
        *len = b.len;
    return b.s ? b.s : strdup("");
}

/* Replaces the one occurrence of from in tmpdir/file (which must hold it once). */
static void edit(const char *file, const char *from, const char *to)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, file);
    char *s = slurp(path, NULL);
    char *at = strstr(s, from);
    ck_assert_msg(at != NULL, "test bug: '%s' not in %s", from, file);
    ck_assert_msg(strstr(at + 1, from) == NULL, "test bug: '%s' occurs twice in %s", from, file);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite(s, 1, (size_t)(at - s), f);
    fputs(to, f);
    fputs(at + strlen(from), f);
    ck_assert_int_eq(fclose(f), 0);
    free(s);
}

/* The 1-based line of the first occurrence of needle in tmpdir/file. */
static int line_of(const char *file, const char *needle)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, file);
    char *s = slurp(path, NULL);
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

/* Whether the load is refused with a diagnostic containing substr in file at
 * line:col (0: any); why says what was found when not. */
static bool refused_with(const char *file, int line, int col, const char *substr, char *why, size_t n)
{
    iss_diags *d = fx_criteria_errors(tmpdir);
    const iss_diag *x = NULL;
    for (size_t i = 0; i < d->n && !x; i++)
        if (strstr(d->v[i].msg, substr) && (!line || d->v[i].loc.line == line) &&
            (!col || d->v[i].loc.col == col) && d->v[i].file && ends_with(d->v[i].file, file))
            x = &d->v[i];
    if (!x)
        snprintf(why, n, "no diagnostic \"%s\" in %s at %d:%d; got:\n%s", substr, file, line, col,
                 fx_diags_text(d));
    fx_diags_free(d);
    return x != NULL;
}

#define assert_refused(file, line, col, substr)                                                    \
    do {                                                                                           \
        char why_[8192];                                                                           \
        ck_assert_msg(refused_with((file), (line), (col), (substr), why_, sizeof why_), "%s", why_); \
    } while (0)

/* ---- the shipped set ---- */

static const char *const rule_ids[] = {
    "AUD-T-a",  "AUD-T-b",  "AUD-Q-a",  "AUD-Q-b",     "AUD-Q-c-1", "AUD-Q-c-2", "AUD-Q-c-3",
    "VA-T-a",   "VA-T-b",   "VA-Q-a",   "VA-Q-b",      "VA-Q-c-1",  "VA-Q-c-2",  "VA-Q-c-3",
    "DF-T-a",   "DF-T-b",   "DF-Q-a",   "DF-Q-b",      "DF-Q-c-1",  "DF-Q-c-2",  "DF-Q-c-3",
    "MON-T-a",  "MON-T-b",  "MON-Q-a",  "MON-Q-b",     "MON-Q-c-1", "MON-Q-c-2", "MON-Q-c-3",
    "DV-T-a-1", "DV-T-a-2", "DV-T-a-dual", "DV-T-b-1", "DV-T-b-2",  "DV-T-b-3",  "DV-Q-a",
    "DV-Q-b",   "DV-Q-c-1", "DV-Q-c-2", "DV-Q-c-3",
};

START_TEST(shipped_loads_without_diagnostics)
{
    iss_diags d = {0};
    iss_criteria *c = iss_criteria_load(FX_SHIPPED_DIR, &d);
    ck_assert_msg(c != NULL, "not loaded:\n%s", fx_diags_text(&d));
    ck_assert_msg(d.n == 0, "diagnostics:\n%s", fx_diags_text(&d));
    ck_assert_str_eq(c->document, "meti-iss");
    ck_assert_str_eq(c->edition, "第3版");
    ck_assert_str_eq(fx_date_str(c->date), "2023-03-30");
    ck_assert(!c->draft);
    ck_assert_uint_eq(c->ncategories, 5);
    static const char *const codes[] = {"aud", "va", "df", "mon", "dv"};
    static const char *const prefixes[] = {"AUD", "VA", "DF", "MON", "DV"};
    for (size_t i = 0; i < 5; i++) {
        ck_assert_str_eq(c->categories[i].code, codes[i]);
        ck_assert_str_eq(c->categories[i].prefix, prefixes[i]);
    }
    ck_assert_int_eq(iss_criteria_category(c, "脆弱性診断"), 1);
    ck_assert_int_eq(iss_criteria_category(c, "pt"), -1);
    ck_assert_uint_gt(c->nentries, 0);
    ck_assert_uint_eq(strlen(c->digest), 16);
    iss_criteria_free(c);
    iss_diags_free(&d);
}
END_TEST

START_TEST(every_rule_of_clauses_md_exists)
{
    const iss_criteria *c = fx_shipped();
    size_t n = sizeof rule_ids / sizeof *rule_ids;
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(iss_criteria_rule(c, rule_ids[i]) != NULL, "rule %s missing", rule_ids[i]);
    /* and nothing else: the ids are a user contract */
    ck_assert_uint_eq(c->nrules, n);
    ck_assert_ptr_null(iss_criteria_rule(c, "VA-T-c"));
}
END_TEST

START_TEST(every_rule_is_complete)
{
    const iss_criteria *c = fx_shipped();
    for (size_t i = 0; i < c->nrules; i++) {
        const iss_rule *r = &c->rules[i];
        const iss_category *cat = &c->categories[r->category];
        ck_assert_msg(r->text && *r->text, "%s: no text", r->id);
        ck_assert_msg(r->summary && *r->summary, "%s: no summary", r->id);
        ck_assert_msg(r->clause && *r->clause, "%s: no clause", r->id);
        ck_assert_msg(r->title_ja && *r->title_ja, "%s: no Japanese title", r->id);
        ck_assert_msg(r->title_en && *r->title_en, "%s: no English title", r->id);
        /* the id's prefix is its category's, and the clause is in its chapter */
        size_t lp = strlen(cat->prefix);
        ck_assert_msg(strncmp(r->id, cat->prefix, lp) == 0 && r->id[lp] == '-', "%s is in category %s",
                      r->id, cat->code);
        ck_assert_msg(strncmp(r->clause, cat->clause, strlen(cat->clause)) == 0, "%s: clause '%s' not in '%s'",
                      r->id, r->clause, cat->clause);
        ck_assert_msg(r->file && ends_with(r->file, ".yaml"), "%s: no file", r->id);
        ck_assert_int_gt(r->loc.line, 0);
    }
}
END_TEST

START_TEST(shipped_texts_are_verbatim)
{
    const iss_criteria *c = fx_shipped();
    ck_assert_ptr_nonnull(strstr(iss_criteria_rule(c, "VA-T-a")->text,
                                 "過去3年間に合計で5件（契約件数。包括的な契約の場合は1年間分で1件とみなす。）"));
    ck_assert_ptr_nonnull(strstr(iss_criteria_rule(c, "MON-T-a")->text,
                                 "継続的な契約の場合は 1 年間分で 1 件とみなす。）以上かつ運用年数のべ 10 年以上"));
    /* the standard's slips stay (reading 9) */
    ck_assert_ptr_nonnull(strstr(iss_criteria_rule(c, "DV-T-b-2")->text, "サービス使用の明示"));
    ck_assert_ptr_nonnull(strstr(iss_criteria_rule(c, "MON-T-a")->text, "例示 1－4"));
    ck_assert_ptr_nonnull(strstr(iss_criteria_rule(c, "AUD-T-a")->text, "例示1-1"));
}
END_TEST

static const iss_path *path_of(const iss_rule *r, const char *id)
{
    for (size_t i = 0; i < r->leads.npaths; i++)
        if (strcmp(r->leads.paths[i].id, id) == 0)
            return &r->leads.paths[i];
    return NULL;
}

START_TEST(shipped_parameters_follow_clauses_md)
{
    const iss_criteria *c = fx_shipped();
    const iss_rule *va = iss_criteria_rule(c, "VA-T-a");
    ck_assert_int_eq(va->kind, ISS_CHECK_QUALIFIED_LEADS);
    ck_assert(va->leads.disclose_counts);
    ck_assert_uint_eq(va->leads.npaths, 4);
    const iss_path *p = path_of(va, "track_record");
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p->window_years, 3);
    ck_assert_int_eq(p->min_cases, 5);
    ck_assert_int_eq(p->min_years, 0);
    ck_assert_int_eq(p->per_year_contract, ISS_CONTRACT_COMPREHENSIVE);
    ck_assert_str_eq(path_of(va, "qualification")->reiji, "1-2");
    ck_assert_str_eq(path_of(va, "community")->lecturing_subject, "va");

    const iss_path *m = path_of(iss_criteria_rule(c, "MON-T-a"), "track_record");
    ck_assert_int_eq(m->per_year_contract, ISS_CONTRACT_CONTINUING);
    ck_assert_int_eq(m->min_years, 10);
    ck_assert_uint_eq(m->work.n, 2);
    ck_assert_str_eq(m->work_review.v[0].s, "mon/combined"); /* reading 11 */

    const iss_rule *df = iss_criteria_rule(c, "DF-T-a");
    ck_assert_uint_eq(df->leads.npaths, 3);
    ck_assert_ptr_null(path_of(df, "track_record")); /* no track-record path for DF */

    const iss_path *dv = path_of(iss_criteria_rule(c, "DV-T-a-1"), "track_record");
    ck_assert_int_eq(dv->per_year_contract, ISS_CONTRACT_COMPREHENSIVE);
    ck_assert_str_eq(dv->work.v[0].s, "dv/device"); /* not df/device (reading 10) */
    ck_assert(iss_strs_has(&p->work, "pt/pt"));      /* a penetration test is VA d */

    ck_assert(!iss_criteria_rule(c, "AUD-T-a")->leads.disclose_counts);
    const iss_rule *dual = iss_criteria_rule(c, "DV-T-a-dual");
    ck_assert_int_eq(dual->kind, ISS_CHECK_DUAL_ROLE);
    ck_assert_str_eq(dual->dual.rule[0]->id, "DV-T-a-1");
    ck_assert_str_eq(dual->dual.rule[1]->id, "DV-T-a-2");
    ck_assert_uint_eq(dual->when_subtypes.n, 2);
    ck_assert_str_eq(iss_criteria_rule(c, "DV-T-a-2")->leads.group, "va_leads");

    const iss_rule *dfr = iss_criteria_rule(c, "DF-Q-c-1");
    ck_assert_int_eq(dfr->review.alts[0].reviewer, ISS_REVIEWER_STAFF_OR_QUALIFIED);
    ck_assert_str_eq(dfr->review.qualified_rule->id, "DF-T-a");
    const iss_rule *aud = iss_criteria_rule(c, "AUD-Q-c-1");
    ck_assert_uint_eq(aud->review.nalts, 2);
    ck_assert_int_eq(aud->review.alts[0].reviewer, ISS_REVIEWER_INDEPENDENT);
    ck_assert_uint_eq(aud->review.alts[0].documents.n, 2);
    ck_assert_int_eq(aud->review.alts[1].reviewer, ISS_REVIEWER_ANY);
    ck_assert_int_eq(iss_criteria_rule(c, "VA-Q-c-1")->review.alts[0].reviewer, ISS_REVIEWER_INDEPENDENT);
    ck_assert_int_eq(iss_criteria_rule(c, "DV-Q-c-1")->review.alts[0].reviewer, ISS_REVIEWER_INDEPENDENT);
    ck_assert(iss_criteria_rule(c, "DV-T-b-3")->statement.when_present_pass);
    ck_assert(!iss_criteria_rule(c, "MON-Q-c-1")->statement.when_present_pass);
    static const char *const c3[] = {"AUD-Q-c-3", "VA-Q-c-3", "DF-Q-c-3", "MON-Q-c-3", "DV-Q-c-3"};
    for (size_t i = 0; i < 5; i++)
        ck_assert_int_eq(iss_criteria_rule(c, c3[i])->kind, ISS_CHECK_INFO_PROTECTION);
}
END_TEST

START_TEST(fixture_rule_files_match_shipped)
{
    /* tests/unit/fixtures/verified holds copies: re-copy them when the shipped ones change */
    static const char *const files[] = {"manifest.yaml", "aud.yaml", "va.yaml", "df.yaml", "mon.yaml", "dv.yaml"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char a[512], b[512];
        snprintf(a, sizeof a, "%s/%s", FX_SHIPPED_DIR, files[i]);
        snprintf(b, sizeof b, "%s/%s", FX_VERIFIED_DIR, files[i]);
        size_t la, lb;
        char *sa = slurp(a, &la), *sb = slurp(b, &lb);
        ck_assert_msg(la == lb && memcmp(sa, sb, la) == 0,
                      "%s differs from the shipped one: cp criteria/iss-3/%s tests/unit/fixtures/verified/",
                      b, files[i]);
        free(sa);
        free(sb);
    }
    /* and the fixture catalogue has what the tests rely on */
    const iss_criteria *v = fx_verified();
    const iss_entry *riss = iss_catalogue_match(v, ISS_ENTRY_QUALIFICATION, "情報処理安全確保支援士");
    ck_assert_ptr_nonnull(riss);
    ck_assert(riss->verified);
    ck_assert_str_eq(riss->provenance, "例示 2023-03-30, checked 2026-01-01 by test fixture");
    ck_assert(!iss_catalogue_match(v, ISS_ENTRY_QUALIFICATION, "OSCP")->verified);
    ck_assert_str_eq(iss_catalogue_match(v, ISS_ENTRY_QUALIFICATION, "OSCP")->provenance, "unverified");
}
END_TEST

START_TEST(catalogue_matching)
{
    const iss_criteria *v = fx_verified();
    const iss_entry *e = iss_catalogue_match(v, ISS_ENTRY_QUALIFICATION, "riss");
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->id, "fx-riss");
    ck_assert_ptr_null(iss_catalogue_match(v, ISS_ENTRY_QUALIFICATION, "RISS-X"));
    /* the type matters */
    ck_assert_ptr_null(iss_catalogue_match(v, ISS_ENTRY_TRAINING, "情報処理安全確保支援士"));
    ck_assert(iss_entry_number_ok(e, "012345"));
    ck_assert(!iss_entry_number_ok(e, "12345"));
    ck_assert(!iss_entry_number_ok(e, "0123456"));
    ck_assert(!iss_entry_number_ok(e, NULL));
    const iss_entry *cissp = iss_catalogue_match(v, ISS_ENTRY_QUALIFICATION, "CISSP");
    ck_assert(iss_entry_number_ok(cissp, NULL)); /* no format known */
    ck_assert(iss_entry_on_list(cissp, "1-2"));
    ck_assert(!iss_entry_on_list(cissp, "1-3"));
    ck_assert(!iss_entry_on_list(cissp, NULL));
    /* the shipped catalogue's aliases */
    const iss_criteria *c = fx_shipped();
    ck_assert_str_eq(iss_catalogue_match(c, ISS_ENTRY_QUALIFICATION, "登録セキスペ")->id, "riss");
    ck_assert_str_eq(iss_catalogue_match(c, ISS_ENTRY_QUALIFICATION, "Riss")->id, "riss");
}
END_TEST

/* What isscheck catalogue filters by: types by name, the 例示 lists the
 * standard names or the criteria use, and counts by type and list. */
START_TEST(catalogue_filters)
{
    const iss_criteria *c = fx_shipped();
    ck_assert_int_eq(iss_entry_type_lookup("training"), ISS_ENTRY_TRAINING);
    ck_assert_int_eq(iss_entry_type_lookup("education"), ISS_ENTRY_EDUCATION);
    ck_assert_int_eq(iss_entry_type_lookup("Training"), -1);
    ck_assert(iss_reiji_list_known(c, "1-1"));
    ck_assert(iss_reiji_list_known(c, "7-5")); /* named by the standard, no entry on it */
    ck_assert(!iss_reiji_list_known(c, "7-6"));
    ck_assert(!iss_reiji_list_known(c, "3"));
    iss_catalogue_filter all = {.type = -1}, training = {.type = ISS_ENTRY_TRAINING};
    size_t n = 0;
    for (int t = ISS_ENTRY_QUALIFICATION; t <= ISS_ENTRY_EDUCATION; t++) {
        iss_catalogue_filter f = {.type = t};
        n += iss_catalogue_count(c, &f);
    }
    ck_assert_uint_eq(n, c->nentries);
    ck_assert_uint_eq(iss_catalogue_count(c, &all), c->nentries);
    training.reiji = "3-2";
    ck_assert_uint_gt(iss_catalogue_count(c, &training), 0);
    training.type = ISS_ENTRY_QUALIFICATION; /* 3-2 lists trainings only */
    ck_assert_uint_eq(iss_catalogue_count(c, &training), 0);
    iss_catalogue_filter edu = {.type = -1, .reiji = "7-3"};
    ck_assert_uint_eq(iss_catalogue_count(c, &edu), 0);
    iss_buf out = {0};
    iss_catalogue_text(&out, c, &edu, ISS_LANG_EN);
    ck_assert_str_eq(out.s, "例示7-3 has no entry in the catalogue: every claim is an equivalence "
                            "claim, review\n");
    iss_buf_free(&out);
}
END_TEST

/* ---- broken sets ---- */

START_TEST(duplicate_rule_id_located)
{
    copy_set(FX_SHIPPED_DIR);
    int line = line_of("va.yaml", "  - id: VA-Q-b\n");
    edit("va.yaml", "  - id: VA-Q-b\n", "  - id: VA-Q-a\n");
    char msg[512];
    snprintf(msg, sizeof msg, "rule id 'VA-Q-a' defined twice (first in %s/va.yaml:%d)", tmpdir,
             line_of("va.yaml", "  - id: VA-Q-a\n"));
    assert_refused("va.yaml", line, 5, msg);
    remove_set();
}
END_TEST

START_TEST(unknown_check_kind_located)
{
    copy_set(FX_SHIPPED_DIR);
    int line = line_of("mon.yaml", "kind: statement");
    edit("mon.yaml", "kind: statement", "kind: statment");
    assert_refused("mon.yaml", line, 13, "unknown kind 'statment'");
    remove_set();
}
END_TEST

/* A name is first tried against the alternation of every alias of its
 * type (type_re); an alias that cannot stand in one (a backreference) makes
 * the type's names matched alias by alias, with the same answers. */
START_TEST(catalogue_type_alternation)
{
    copy_set(FX_SHIPPED_DIR);
    edit("catalogue.yaml", "'(?i)^SECCON( CTF| Beginners)?$'",
         "'(?i)^SECCON( CTF| Beginners)?$', '^(SC)\\1$'");
    iss_diags d = {0};
    iss_criteria *c = iss_criteria_load(tmpdir, &d);
    ck_assert_msg(c != NULL, "not loaded:\n%s", fx_diags_text(&d));
    const iss_entry *riss = iss_catalogue_match(c, ISS_ENTRY_QUALIFICATION, "riss");
    ck_assert_ptr_nonnull(riss);
    ck_assert_str_eq(riss->id, "riss");
    ck_assert_ptr_null(iss_catalogue_match(c, ISS_ENTRY_QUALIFICATION, "no such qualification"));
    ck_assert_ptr_nonnull(atomic_load(&c->type_re[ISS_ENTRY_QUALIFICATION])); /* made, and used */
    ck_assert_ptr_eq(iss_catalogue_match(c, ISS_ENTRY_QUALIFICATION, "RISS"), riss); /* made once */
    const iss_entry *seccon = iss_catalogue_match(c, ISS_ENTRY_COMMUNITY, "SCSC");
    ck_assert_ptr_nonnull(seccon); /* by the backreference, alias by alias */
    ck_assert_str_eq(seccon->id, "seccon");
    ck_assert_ptr_eq(iss_catalogue_match(c, ISS_ENTRY_COMMUNITY, "seccon ctf"), seccon);
    ck_assert_ptr_null(iss_catalogue_match(c, ISS_ENTRY_COMMUNITY, "SCSCSC"));
    iss_criteria_free(c);
    iss_diags_free(&d);
    remove_set();
}
END_TEST

START_TEST(bad_pattern_named)
{
    /* entries with no other pattern: a broken entry's compiled patterns leak (see the report) */
    copy_set(FX_SHIPPED_DIR);
    int line = line_of("catalogue.yaml", "'(?i)^SECCON( CTF| Beginners)?$'");
    edit("catalogue.yaml", "'(?i)^SECCON( CTF| Beginners)?$'", "'(?i)^SECCON( CTF| Beginners?$'");
    assert_refused("catalogue.yaml", line, 15,
                   "alias pattern '(?i)^SECCON( CTF| Beginners?$' does not compile at offset 29: missing closing parenthesis");
    remove_set();
    copy_set(FX_VERIFIED_DIR);
    const char *cissp = "    name: CISSP\n    lists: [1-1, 1-2, 1-4, 1-5]\n    number_pattern: ''\n";
    line = line_of("catalogue.yaml", cissp) + 2;
    edit("catalogue.yaml", cissp, "    name: CISSP\n    lists: [1-1, 1-2, 1-4, 1-5]\n    number_pattern: '^[0-9{6}$'\n");
    assert_refused("catalogue.yaml", line, 21, "number pattern '^[0-9{6}$' does not compile at offset 9: missing terminating ]");
    remove_set();
}
END_TEST

START_TEST(unknown_catalogue_type_located)
{
    copy_set(FX_VERIFIED_DIR);
    int line = line_of("catalogue.yaml", "type: community\n    name: OWASP Japan");
    edit("catalogue.yaml", "type: community\n    name: OWASP Japan", "type: comunity\n    name: OWASP Japan");
    assert_refused("catalogue.yaml", line, 11, "unknown catalogue entry type 'comunity'");
    remove_set();
}
END_TEST

START_TEST(missing_provenance_located)
{
    copy_set(FX_VERIFIED_DIR);
    const char *gcfa = "  - id: fx-gcfa\n    type: qualification\n    name: GCFA\n    lists: [1-3]\n";
    int line = line_of("catalogue.yaml", gcfa);
    edit("catalogue.yaml",
         "    lists: [1-3]\n    provenance: {reiji_date: 2023-03-30, checked: 2026-01-01, by: test fixture}\n",
         "    lists: [1-3]\n");
    assert_refused("catalogue.yaml", line, 5, "catalogue entry 'fx-gcfa' has no provenance");
    remove_set();
    /* a provenance mapping without its date */
    copy_set(FX_VERIFIED_DIR);
    line = line_of("catalogue.yaml", "    lists: [1-3]\n") + 1;
    edit("catalogue.yaml",
         "    lists: [1-3]\n    provenance: {reiji_date: 2023-03-30, checked: 2026-01-01, by: test fixture}\n",
         "    lists: [1-3]\n    provenance: {checked: 2026-01-01, by: test fixture}\n");
    assert_refused("catalogue.yaml", line, 17, "missing required key 'reiji_date'");
    remove_set();
}
END_TEST

START_TEST(other_broken_sets)
{
    copy_set(FX_SHIPPED_DIR);
    edit("dv.yaml", "rules: [DV-T-a-1, DV-T-a-2]", "rules: [DV-T-a-1, DV-Q-a]");
    assert_refused("dv.yaml", line_of("dv.yaml", "rules: [DV-T-a-1, DV-Q-a]"), 0,
                   "'DV-Q-a' is not a qualified_leads rule of this criteria set");
    remove_set();
    copy_set(FX_SHIPPED_DIR);
    edit("va.yaml", "per_year_contract: comprehensive", "per_year_contract: yearly");
    assert_refused("va.yaml", 0, 0, "unknown per_year_contract 'yearly'");
    remove_set();
    copy_set(FX_SHIPPED_DIR);
    edit("manifest.yaml", "files: [catalogue.yaml,", "files: [../catalogue.yaml,");
    assert_refused("manifest.yaml", 9, 9, "file '../catalogue.yaml' must be a plain name in the same folder");
    remove_set();
    copy_set(FX_SHIPPED_DIR);
    edit("df.yaml", "category: df\n", "category: forensics\n");
    assert_refused("df.yaml", 3, 11, "category 'forensics' is not in the manifest");
    remove_set();
    copy_set(FX_SHIPPED_DIR);
    edit("aud.yaml", "    summary: 'The audit service is shown", "    summry: 'The audit service is shown");
    assert_refused("aud.yaml", 0, 5, "unknown key 'summry' in a rule; did you mean 'summary'?");
    remove_set();
}
END_TEST

/* ---- the data drives the verdicts ---- */

static const char FIVE_CASES[] =
    "provider: {name: x}\n"
    "reference_date: 2026-04-01\n"
    "persons: [{id: P1}]\n"
    "engagements:\n"
    "  - {id: E1, category: va, kind: web, start: 2024-01-10, end: 2024-01-20, contract: single, staff: [P1]}\n"
    "  - {id: E2, category: va, kind: web, start: 2024-06-01, end: 2024-06-10, contract: single, staff: [P1]}\n"
    "  - {id: E3, category: va, kind: web, start: 2025-01-10, end: 2025-01-20, contract: single, staff: [P1]}\n"
    "  - {id: E4, category: va, kind: web, start: 2025-06-01, end: 2025-06-10, contract: single, staff: [P1]}\n"
    "  - {id: E5, category: va, kind: web, start: 2025-09-01, end: 2025-09-05, contract: single, staff: [P1]}\n"
    "services:\n"
    "  - category: va\n"
    "    subtypes: [web]\n"
    "    technical_leads:\n"
    "      persons: [P1]\n"
    "      counts: {qualification: 0, community: 0, track_record: %d, training: 0}\n";

static fx_run *five_cases(const iss_criteria *c, int tr)
{
    char yaml[2048];
    snprintf(yaml, sizeof yaml, FIVE_CASES, tr);
    return fx_eval(c, yaml, NULL);
}

START_TEST(min_cases_from_the_data)
{
    fx_run *r = five_cases(fx_shipped(), 1);
    ck_assert_verdict(r, "VA-T-a", ISS_PASS, "5 case(s) in 2023-04-02..2026-04-01 (need 5)");
    fx_run_free(r);

    copy_set(FX_SHIPPED_DIR);
    edit("va.yaml", "min_cases: 5", "min_cases: 6");
    iss_criteria *c = fx_criteria_load_clean(tmpdir);
    r = five_cases(c, 0);
    ck_assert_verdict(r, "VA-T-a", ISS_FAIL, "5 case(s) in 2023-04-02..2026-04-01 (need 6)");
    fx_run_free(r);
    /* the digest tells the two sets apart */
    ck_assert_str_ne(c->digest, fx_shipped()->digest);
    iss_criteria_free(c);
    remove_set();
}
END_TEST

START_TEST(digest_independent_of_location)
{
    copy_set(FX_SHIPPED_DIR);
    iss_criteria *c = fx_criteria_load_clean(tmpdir);
    ck_assert_str_eq(c->digest, fx_shipped()->digest);
    iss_criteria_free(c);
    remove_set();
}
END_TEST

/* Every parameter of every check kind, path type and part of a check is
 * described in both languages: explain prints these descriptions, so a
 * parameter added to the loader without one fails here. */
START_TEST(every_parameter_is_described)
{
    for (int k = 0; k < ISS_CHECK_COUNT; k++) {
        const char *kind = iss_check_name((iss_check_kind)k);
        ck_assert_str_ne(kind, "?");
        for (int j = 0; j < k; j++) /* one name per kind */
            ck_assert_str_ne(kind, iss_check_name((iss_check_kind)j));
        for (const char *const *key = iss_check_params((iss_check_kind)k); *key; key++)
            for (int l = 0; l < 2; l++)
                ck_assert_msg(iss_param_doc(kind, *key, (iss_lang)l) != NULL,
                              "check kind '%s': parameter '%s' is not described (lang %d)", kind,
                              *key, l);
    }
    for (int t = ISS_PATH_QUALIFICATION; t <= ISS_PATH_TRACK_RECORD; t++) {
        char scope[64];
        snprintf(scope, sizeof scope, "path:%s", iss_path_type_name((iss_path_type)t));
        for (const char *const *key = iss_path_params((iss_path_type)t); *key; key++)
            for (int l = 0; l < 2; l++)
                ck_assert_msg(iss_param_doc(scope, *key, (iss_lang)l) != NULL,
                              "%s: parameter '%s' is not described", scope, *key);
    }
    static const char *const parts[] = {"requirement", "section", "alternative"};
    for (size_t j = 0; j < 3; j++) {
        ck_assert_ptr_nonnull(iss_part_params(parts[j])[0]);
        for (const char *const *key = iss_part_params(parts[j]); *key; key++)
            for (int l = 0; l < 2; l++)
                ck_assert_msg(iss_param_doc(parts[j], *key, (iss_lang)l) != NULL,
                              "%s: parameter '%s' is not described", parts[j], *key);
    }
    /* and the test can fail: an unknown parameter has no description */
    ck_assert_ptr_null(iss_param_doc("case_review", "no_such_parameter", ISS_LANG_EN));
}
END_TEST



static Suite *criteria_suite(void)
{
    Suite *s = suite_create("criteria");
    TCase *tc = tcase_create("shipped");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_test(tc, shipped_loads_without_diagnostics);
    tcase_add_test(tc, every_rule_of_clauses_md_exists);
    tcase_add_test(tc, every_rule_is_complete);
    tcase_add_test(tc, shipped_texts_are_verbatim);
    tcase_add_test(tc, shipped_parameters_follow_clauses_md);
    tcase_add_test(tc, fixture_rule_files_match_shipped);
    tcase_add_test(tc, catalogue_matching);
    tcase_add_test(tc, catalogue_filters);
    suite_add_tcase(s, tc);
    tc = tcase_create("broken");
    tcase_add_unchecked_fixture(tc, root_setup, root_teardown);
    tcase_add_test(tc, duplicate_rule_id_located);
    tcase_add_test(tc, unknown_check_kind_located);
    tcase_add_test(tc, bad_pattern_named);
    tcase_add_test(tc, catalogue_type_alternation);
    tcase_add_test(tc, unknown_catalogue_type_located);
    tcase_add_test(tc, missing_provenance_located);
    tcase_add_test(tc, other_broken_sets);
    suite_add_tcase(s, tc);
    tc = tcase_create("data-driven");
    tcase_add_unchecked_fixture(tc, fx_criteria_setup, fx_criteria_teardown);
    tcase_add_unchecked_fixture(tc, root_setup, root_teardown);
    tcase_add_test(tc, min_cases_from_the_data);
    tcase_add_test(tc, digest_independent_of_location);
    tcase_add_test(tc, every_parameter_is_described);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(criteria_suite());
}
