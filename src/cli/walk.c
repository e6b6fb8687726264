/* walk.c - the folder search of `isscheck check DIR`: regular *.yaml and
 * *.yml files only, every folder or entry it cannot read and every special
 * file with such a name reported, never skipped in silence.  No recursion:
 * the folders still to read are an explicit stack. */
#include "walk.h"

#include "cli.h"
#include "isscheck/base.h"
#include "isscheck/classify.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool ends_with(const char *s, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    return n > t && strcmp(s + n - t, tail) == 0;
}

/* A declaration in a searched folder: *.yaml or *.yml, but not a waivers
 * file kept beside the declarations it covers (*.waivers.yaml). */
static bool yaml_name(const char *name)
{
    size_t n = strlen(name);
    return (ends_with(name, n, ".yaml") || ends_with(name, n, ".yml")) &&
           !ends_with(name, n, ".waivers.yaml") && !ends_with(name, n, ".waivers.yml");
}

static void add(cli_inputs *in, char *path, bool searched)
{
    if (in->n == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 64;
        in->v = iss_xrealloc(in->v, in->cap * sizeof *in->v);
    }
    in->v[in->n++] = (cli_input){path, searched};
}

/* dir/name, without doubling a slash dir ends with */
static char *join(const char *dir, const char *name)
{
    size_t d = strlen(dir), n = strlen(name);
    bool slash = d > 0 && dir[d - 1] == '/';
    char *p = iss_xmalloc(d + n + 2);
    snprintf(p, d + n + 2, "%s%s%s", dir, slash ? "" : "/", name);
    return p;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const cli_input *)a)->path, ((const cli_input *)b)->path);
}

typedef struct {
    char **v;
    size_t n, cap;
} str_vec;

static void push(str_vec *s, char *p)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = iss_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = p;
}

/* Reads one folder: its declarations are added to in, its subfolders
 * pushed on todo so that they are read in sorted order.  Returns false
 * after printing an error (the rest of the folder is still read). */
static bool search_dir(const cli_ctx *ctx, cli_inputs *in, const char *dir, str_vec *todo)
{
    DIR *d = opendir(dir);
    if (!d) {
        cli_error(ctx, dir, "cannot search: %s", strerror(errno));
        return false;
    }
    bool ok = true;
    str_vec names = {0};
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            if (errno) {
                cli_error(ctx, dir, "cannot search: %s", strerror(errno));
                ok = false;
            }
            break;
        }
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            push(&names, iss_xstrdup(e->d_name));
    }
    if (names.n > 1)
        qsort(names.v, names.n, sizeof *names.v, by_string);
    size_t first_sub = todo->n;
    for (size_t i = 0; i < names.n; i++) {
        char *path = join(dir, names.v[i]);
        struct stat st;
        if (fstatat(dirfd(d), names.v[i], &st, AT_SYMLINK_NOFOLLOW) != 0) {
            cli_error(ctx, path, "cannot search: %s", strerror(errno));
            ok = false;
            free(path);
        } else if (S_ISDIR(st.st_mode)) {
            push(todo, path);
        } else if (S_ISREG(st.st_mode) && yaml_name(names.v[i])) {
            /* other YAML (a workflow, a compose file) is not checked: the
             * rule of classify.h, stated in isscheck-declaration(5) */
            in->yaml_seen++;
            if (iss_classify_file(path) == ISS_KIND_DECLARATION)
                add(in, path, true);
            else
                free(path);
        } else if (!S_ISLNK(st.st_mode) && !S_ISREG(st.st_mode) && yaml_name(names.v[i])) {
            /* a FIFO could hang the run, a device never ends */
            cli_error(ctx, path, "not a regular file; a folder search takes regular files only");
            ok = false;
            free(path);
        } else {
            free(path); /* another name, or a symbolic link: not followed */
        }
        free(names.v[i]);
    }
    free(names.v);
    closedir(d);
    /* the subfolders in reverse, so the first is popped first */
    for (size_t a = first_sub, b = todo->n; b > a + 1; a++, b--) {
        char *t = todo->v[a];
        todo->v[a] = todo->v[b - 1];
        todo->v[b - 1] = t;
    }
    return ok;
}

static bool search(const cli_ctx *ctx, cli_inputs *in, const char *top)
{
    size_t first = in->n, yaml_before = in->yaml_seen;
    bool ok = true;
    str_vec todo = {0};
    push(&todo, iss_xstrdup(top));
    while (todo.n) {
        char *dir = todo.v[--todo.n];
        ok &= search_dir(ctx, in, dir, &todo);
        free(dir);
    }
    free(todo.v);
    if (ok && in->n == first) {
        if (in->yaml_seen == yaml_before)
            cli_error(ctx, top, "no *.yaml or *.yml file in this folder");
        else
            cli_error(ctx, top,
                      "no declaration among the *.yaml and *.yml files of this folder "
                      "(isscheck-declaration(5))");
        ok = false;
    }
    return ok;
}

int cli_inputs_find(const cli_ctx *ctx, cli_inputs *in, const char *const *files, size_t n)
{
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        const char *f = files[i];
        struct stat st;
        if (strcmp(f, "-") != 0 && stat(f, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (!search(ctx, in, f))
                status = CLI_EXIT_USAGE;
        } else {
            add(in, iss_xstrdup(f), false);
        }
    }
    if (in->n > 1)
        qsort(in->v, in->n, sizeof *in->v, by_path);
    return status;
}

void cli_inputs_free(cli_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->v[i].path);
    free(in->v);
    in->v = NULL;
    in->n = in->cap = 0;
}
