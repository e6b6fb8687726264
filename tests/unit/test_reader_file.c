/* test_reader_file.c - reading a file by path: what may be read (a file, a
 * pipe, standard input from a device), what is refused before parsing (a
 * directory, a device by name, a file over --max-bytes), and trees whose
 * root is not a collection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"
#include "node.h"

static char tmp[64];

static void tmp_setup(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/isscheck-reader-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static void tmp_teardown(void)
{
    if (strncmp(tmp, "/tmp/isscheck-reader-", 21) != 0)
        return;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tmp);
    tmp[0] = '\0';
}

static const char *write_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
    return path;
}

typedef struct {
    iss_arena *arena;
    iss_diags diags;
    iss_node *root;
} rd;

static rd *read_path(const char *path, const iss_limits *lim)
{
    rd *r = calloc(1, sizeof *r);
    ck_assert_ptr_nonnull(r);
    r->arena = iss_arena_new();
    r->root = iss_read_yaml_file(path, "shown.yaml", lim, r->arena, &r->diags);
    return r;
}

static void rd_free(rd *r)
{
    iss_arena_free(r->arena);
    iss_diags_free(&r->diags);
    free(r);
}

/* Refused with one error: the display name, no position, the message. */
static void assert_refused_whole(const rd *r, const char *msg)
{
    ck_assert_ptr_null(r->root);
    ck_assert_uint_eq(r->diags.errors, 1);
    ck_assert_str_eq(r->diags.v[0].file, "shown.yaml");
    ck_assert_int_eq(r->diags.v[0].loc.line, 0);
    ck_assert_msg(strstr(r->diags.v[0].msg, msg) != NULL, "got '%s', expected '%s'",
                  r->diags.v[0].msg, msg);
}

START_TEST(regular_file_with_default_limits)
{
    const char *p = write_file("ok.yaml", "a: 1\nb: [x, y]\n");
    rd *r = read_path(p, NULL); /* NULL: the default limits */
    ck_assert_msg(r->root != NULL, "%s", fx_diags_text(&r->diags));
    ck_assert_uint_eq(r->root->n, 2);
    ck_assert_uint_eq(iss_map_get(r->root, "b")->n, 2);
    rd_free(r);
}
END_TEST

START_TEST(directory_refused)
{
    rd *r = read_path(tmp, NULL);
    assert_refused_whole(r, "is a directory");
    rd_free(r);
}
END_TEST

START_TEST(missing_file_refused)
{
    char path[128];
    snprintf(path, sizeof path, "%s/absent.yaml", tmp);
    rd *r = read_path(path, NULL);
    assert_refused_whole(r, "cannot open: No such file or directory");
    rd_free(r);
}
END_TEST

START_TEST(device_by_name_refused)
{
    rd *r = read_path("/dev/null", NULL);
    assert_refused_whole(r, "not a regular file or a pipe");
    rd_free(r);
}
END_TEST

START_TEST(stdin_from_a_device_read)
{
    /* standard input may be a device (here /dev/null: an empty document) */
    ck_assert_ptr_nonnull(freopen("/dev/null", "rb", stdin));
    rd *r = read_path("-", NULL);
    assert_refused_whole(r, "empty file: no YAML document");
    rd_free(r);
    /* and a file */
    ck_assert_ptr_nonnull(freopen(write_file("in.yaml", "k: v\n"), "rb", stdin));
    r = read_path("-", NULL);
    ck_assert_msg(r->root != NULL, "%s", fx_diags_text(&r->diags));
    ck_assert(iss_scalar_is(iss_map_get(r->root, "k"), "v"));
    rd_free(r);
}
END_TEST

START_TEST(stdin_directory_refused)
{
    ck_assert_ptr_nonnull(freopen(tmp, "rb", stdin));
    rd *r = read_path("-", NULL);
    assert_refused_whole(r, "is a directory");
    rd_free(r);
}
END_TEST

START_TEST(pipe_by_name_read)
{
    /* what a shell's process substitution, <(...), passes: /dev/fd/N of a pipe */
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    static const char text[] = "piped: [1, 2, 3]\n";
    ck_assert_int_eq(write(fds[1], text, sizeof text - 1), (long)(sizeof text - 1));
    close(fds[1]);
    char path[32];
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    rd *r = read_path(path, NULL);
    ck_assert_msg(r->root != NULL, "%s", fx_diags_text(&r->diags));
    ck_assert_uint_eq(iss_map_get(r->root, "piped")->n, 3);
    rd_free(r);
    close(fds[0]);
}
END_TEST

/* A FIFO where a regular file is expected (found by a folder search,
 * listed by a criteria manifest) is refused at once: no writer ever comes,
 * and a blocking open would hang here until Check's timeout */
START_TEST(fifo_refused_when_regular_only)
{
    char path[128];
    snprintf(path, sizeof path, "%s/fifo.yaml", tmp);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    iss_limits lim = iss_default_limits;
    lim.regular_only = true;
    rd *r = read_path(path, &lim);
    assert_refused_whole(r, "not a regular file");
    rd_free(r);
    int why = 0;
    ck_assert_ptr_null(iss_input_open(path, true, &why));
    ck_assert_int_eq(why, ISS_INPUT_NOT_REGULAR);
    /* a regular file is still read */
    r = read_path(write_file("plain.yaml", "k: v\n"), &lim);
    ck_assert_msg(r->root != NULL, "%s", fx_diags_text(&r->diags));
    rd_free(r);
}
END_TEST

/* A FIFO named by the user streams: the writer (a child) may come after
 * the reader opened it, and may be gone before it reads */
START_TEST(fifo_by_name_streams)
{
    char path[128];
    snprintf(path, sizeof path, "%s/stream.yaml", tmp);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        FILE *w = fopen(path, "wb"); /* waits for the reader */
        _exit(w && fputs("streamed: [a, b]\n", w) >= 0 && fclose(w) == 0 ? 0 : 1);
    }
    rd *r = read_path(path, NULL);
    int st = 0;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert_msg(r->root != NULL, "%s", fx_diags_text(&r->diags));
    ck_assert_uint_eq(iss_map_get(r->root, "streamed")->n, 2);
    rd_free(r);
}
END_TEST

START_TEST(file_over_max_bytes_refused)
{
    const char *p = write_file("big.yaml", "a: 0123456789\n"); /* 14 bytes */
    iss_limits lim = iss_default_limits;
    lim.max_bytes = 13;
    rd *r = read_path(p, &lim);
    assert_refused_whole(r, "file is larger than the limit of 13 bytes (--max-bytes)");
    rd_free(r);
    lim.max_bytes = 14;
    r = read_path(p, &lim);
    ck_assert_ptr_nonnull(r->root);
    rd_free(r);
}
END_TEST

START_TEST(scalar_document)
{
    const char *s = "just text\n";
    rd *r = calloc(1, sizeof *r);
    r->arena = iss_arena_new();
    r->root = iss_read_yaml(s, strlen(s), "s.yaml", NULL, r->arena, &r->diags);
    ck_assert_ptr_nonnull(r->root);
    ck_assert_int_eq(r->root->type, ISS_NODE_SCALAR);
    ck_assert_str_eq(r->root->str, "just text");
    ck_assert_ptr_null(iss_map_get(r->root, "just text"));
    rd_free(r);
}
END_TEST

START_TEST(parser_error_without_context)
{
    /* libyaml gives this one without a context, and reader.c has no message
     * of its own for it: libyaml's problem alone, located, in both languages */
    const char *s = "a: ? b\n";
    rd *r = calloc(1, sizeof *r);
    r->arena = iss_arena_new();
    r->root = iss_read_yaml(s, strlen(s), "s.yaml", NULL, r->arena, &r->diags);
    ck_assert_ptr_null(r->root);
    ck_assert_uint_eq(r->diags.errors, 1);
    ck_assert_str_eq(r->diags.v[0].msg, "mapping keys are not allowed in this context");
    ck_assert_str_eq(r->diags.v[0].msg_ja, "mapping keys are not allowed in this context");
    ck_assert_int_eq(r->diags.v[0].loc.line, 1);
    ck_assert_int_eq(r->diags.v[0].loc.col, 4);
    rd_free(r);
}
END_TEST

static Suite *reader_file_suite(void)
{
    Suite *s = suite_create("reader-file");
    TCase *tc = tcase_create("paths");
    tcase_add_unchecked_fixture(tc, tmp_setup, tmp_teardown);
    tcase_add_test(tc, regular_file_with_default_limits);
    tcase_add_test(tc, directory_refused);
    tcase_add_test(tc, missing_file_refused);
    tcase_add_test(tc, device_by_name_refused);
    tcase_add_test(tc, stdin_from_a_device_read);
    tcase_add_test(tc, stdin_directory_refused);
    tcase_add_test(tc, pipe_by_name_read);
    tcase_add_test(tc, fifo_refused_when_regular_only);
    tcase_add_test(tc, fifo_by_name_streams);
    tcase_add_test(tc, file_over_max_bytes_refused);
    suite_add_tcase(s, tc);
    tc = tcase_create("documents");
    tcase_add_test(tc, scalar_document);
    tcase_add_test(tc, parser_error_without_context);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_run_suite(reader_file_suite());
}
