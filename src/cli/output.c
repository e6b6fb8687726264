/* output.c - writing a report, a summary or a template without ever
 * destroying a file: see output.h for what is promised.  Like git's
 * lockfile, the new contents go to a temporary file in the target's
 * directory, are flushed to disk and renamed over the target. */
#include "output.h"

#include "cli.h"
#include "isscheck/base.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef enum {
    OUT_STDOUT,   /* standard output, flushed on close */
    OUT_IN_PLACE, /* an existing special file, opened for writing */
    OUT_REPLACE,  /* a temporary file renamed over target (or into a new name) */
    OUT_NEW,      /* a temporary file linked to target, which must not exist */
} out_kind;

struct cli_output {
    const cli_ctx *ctx; /* for the language of its errors */
    out_kind kind;
    FILE *f;
    char *name;   /* for messages: the path as given, or <stdout> */
    char *target; /* the path renamed or linked into (symbolic links resolved) */
    char *tmp;    /* the temporary file beside target */
};

static const char stdout_name[] = "<stdout>";

/* The temporary files not yet renamed into place or removed: a run
 * stopped by SIGINT, SIGTERM or SIGHUP removes them on its way out, as
 * git's lockfile does.  Only the thread that opens outputs touches the
 * list; the handler only reads it (unlink is async-signal-safe). */
enum { MAX_PENDING = 8 };
static const char *volatile pending[MAX_PENDING];

static void remove_pending(int sig)
{
    for (size_t i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]);
    raise(sig); /* SA_RESETHAND: the default action, once this returns */
}

static void pending_add(const char *tmp)
{
    static bool installed;
    if (!installed) {
        installed = true;
        static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
        for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
            struct sigaction old, sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = remove_pending;
            sa.sa_flags = (int)SA_RESETHAND;
            sigemptyset(&sa.sa_mask);
            /* a signal the caller ignores (nohup) stays ignored */
            if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
                sigaction(sigs[i], &sa, NULL);
        }
    }
    for (size_t i = 0; i < MAX_PENDING; i++)
        if (!pending[i]) {
            pending[i] = tmp;
            return;
        }
}

static void pending_remove(const char *tmp)
{
    for (size_t i = 0; i < MAX_PENDING; i++)
        if (pending[i] == tmp)
            pending[i] = NULL;
}

static void output_free(cli_output *o)
{
    pending_remove(o->tmp);
    free(o->name);
    free(o->target);
    free(o->tmp);
    free(o);
}

/* A temporary file in target's directory, created with mode (the kernel
 * applies the umask): a short name of its own, so it fits whatever the
 * length of target's.  Returns the descriptor, or -1 with errno set. */
static int make_temp(cli_output *o, mode_t mode)
{
    const char *slash = strrchr(o->target, '/');
    size_t dirlen = slash ? (size_t)(slash - o->target) + 1 : 0;
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    o->tmp = iss_xmalloc(dirlen + sizeof ".isscheck-XXXXXX");
    memcpy(o->tmp, o->target, dirlen);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ ((uint64_t)getpid() << 40);
    for (int attempt = 0; attempt < 100; attempt++) {
        /* splitmix64: a different name at each attempt */
        x += 0x9e3779b97f4a7c15ULL;
        uint64_t z = x;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        char *p = o->tmp + dirlen;
        memcpy(p, ".isscheck-", 10);
        for (int i = 0; i < 6; i++, z /= 62)
            p[10 + i] = letters[z % 62];
        p[16] = '\0';
        int fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
        if (fd >= 0)
            pending_add(o->tmp);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

/* Whether path is standard output under another name: /dev/stdout,
 * /dev/fd/1, or the file standard output was redirected to */
static bool is_stdout(const struct stat *st)
{
    struct stat so;
    return fstat(STDOUT_FILENO, &so) == 0 && so.st_dev == st->st_dev && so.st_ino == st->st_ino;
}

/* Whether path is a symbolic link into /proc (/dev/stderr, /dev/fd/N):
 * a name for a descriptor, which renaming would replace in /dev itself */
static bool is_fd_link(const char *path)
{
    char link[16];
    ssize_t n = readlink(path, link, sizeof link);
    return n >= 6 && memcmp(link, "/proc/", 6) == 0;
}

static cli_output *output_open(const cli_ctx *ctx, const char *path, bool must_be_new)
{
    cli_output *o = iss_xmalloc(sizeof *o);
    memset(o, 0, sizeof *o);
    o->ctx = ctx;
    struct stat st;
    bool exists = path && strcmp(path, "-") != 0 && stat(path, &st) == 0;
    int stat_err = errno;
    if (!path || strcmp(path, "-") == 0 || (exists && is_stdout(&st))) {
        o->kind = OUT_STDOUT;
        o->f = stdout;
        o->name = iss_xstrdup(path && strcmp(path, "-") != 0 ? path : stdout_name);
        return o;
    }
    o->name = iss_xstrdup(path);
    int fd = -1;
    if (exists && S_ISREG(st.st_mode) && is_fd_link(path)) {
        cli_error(ctx, path, "names a file descriptor of a regular file; name the file itself");
        output_free(o);
        return NULL;
    } else if (exists && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
    } else if (exists && !S_ISREG(st.st_mode)) {
        /* a FIFO or a device: written in place, never truncated or replaced
         * (a FIFO waits here for its reader, as a shell's > would) */
        o->kind = OUT_IN_PLACE;
        fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    } else if (exists && must_be_new) {
        cli_error(ctx, path, "the file exists; isscheck init does not overwrite it");
        output_free(o);
        return NULL;
    } else if (exists) {
        /* a symbolic link is replaced itself, never followed: what it
         * points to (perhaps planted in a shared folder) is left alone */
        o->kind = OUT_REPLACE;
        o->target = iss_xstrdup(path);
        fd = make_temp(o, 0600);
        /* the replaced file's owner, group and mode; chown first, as it
         * clears the set-id bits.  An owner this process cannot give keeps
         * the new file private to its owner rather than widen who reads it */
        mode_t mode = st.st_mode & 0777; /* a set-id bit is no report's */
        if (fd >= 0 && fchown(fd, st.st_uid, st.st_gid) != 0)
            mode &= 0700;
        if (fd >= 0 && fchmod(fd, mode) != 0) {
            int err = errno;
            close(fd);
            unlink(o->tmp);
            fd = -1;
            errno = err;
        }
    } else if (stat_err == ENOENT) {
        o->kind = must_be_new ? OUT_NEW : OUT_REPLACE;
        o->target = iss_xstrdup(path);
        fd = make_temp(o, 0666);
    } else {
        errno = stat_err;
    }
    if (fd >= 0)
        o->f = fdopen(fd, "w");
    if (!o->f) {
        int err = errno;
        if (fd >= 0) {
            close(fd);
            if (o->kind != OUT_IN_PLACE)
                unlink(o->tmp);
        }
        cli_error(ctx, path, "cannot write: %s", strerror(err));
        output_free(o);
        return NULL;
    }
    return o;
}

/* Flushes f: 0, or the errno of a write that failed, now or at any
 * earlier fwrite (ferror); for an earlier one, errno as the caller left
 * it is the best account there is (the failed write set it), else EIO. */
static int stream_error(FILE *f)
{
    int before = errno;
    if (fflush(f) != 0)
        return errno;
    return ferror(f) ? (before ? before : EIO) : 0;
}

cli_output *cli_output_open(const cli_ctx *ctx, const char *path)
{
    return output_open(ctx, path, false);
}

cli_output *cli_output_open_new(const cli_ctx *ctx, const char *path)
{
    return output_open(ctx, path, true);
}

FILE *cli_output_file(cli_output *o)
{
    return o->f;
}

bool cli_output_close(cli_output *o, bool commit)
{
    if (!o)
        return false;
    int err = stream_error(o->f);
    if (o->kind == OUT_STDOUT) {
        if (err && commit)
            cli_error(o->ctx, o->name, "cannot write: %s", strerror(err));
        output_free(o);
        return !err || !commit;
    }
    if (!err && commit && (o->kind == OUT_REPLACE || o->kind == OUT_NEW) &&
        fsync(fileno(o->f)) != 0)
        err = errno;
    if (fclose(o->f) != 0 && !err)
        err = errno;
    bool ok = true;
    if (o->kind == OUT_REPLACE || o->kind == OUT_NEW) {
        if (commit && !err && o->kind == OUT_REPLACE && rename(o->tmp, o->target) != 0)
            err = errno;
        /* link(2) fails when the name exists: a file that appeared since
         * the open is not replaced either */
        if (commit && !err && o->kind == OUT_NEW && link(o->tmp, o->target) != 0)
            err = errno;
        if (!commit || err || o->kind == OUT_NEW)
            unlink(o->tmp);
    }
    if (commit && err == EEXIST && o->kind == OUT_NEW) {
        cli_error(o->ctx, o->name, "the file exists; isscheck init does not overwrite it");
        ok = false;
    } else if (commit && err) {
        cli_error(o->ctx, o->name, "cannot write: %s", strerror(err));
        ok = false;
    }
    output_free(o);
    return ok;
}

/* stat of an output: standard output (only when a regular file) or path;
 * false when it cannot be the same file as anything read */
static bool output_stat(const char *path, struct stat *st)
{
    if (!path || strcmp(path, "-") == 0)
        return fstat(STDOUT_FILENO, st) == 0 && S_ISREG(st->st_mode);
    return stat(path, st) == 0 && !S_ISCHR(st->st_mode);
}

bool cli_output_distinct(const cli_ctx *ctx, const char *path, const char *const *inputs, size_t n)
{
    struct stat out;
    if (!output_stat(path, &out))
        return true;
    for (size_t i = 0; i < n; i++) {
        struct stat in;
        bool have =
            strcmp(inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &in) == 0 : stat(inputs[i], &in) == 0;
        if (have && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
            cli_error(ctx, path ? path : stdout_name,
                      "is the same file as the input '%s'; refusing to write over it",
                      strcmp(inputs[i], "-") == 0 ? "<stdin>" : inputs[i]);
            return false;
        }
    }
    return true;
}

/* Whether a and b, two paths that do not exist yet, would be one file:
 * the same name in the same directory (by device and inode) */
static bool same_new_file(const char *a, const char *b)
{
    const char *na = strrchr(a, '/'), *nb = strrchr(b, '/');
    const char *base_a = na ? na + 1 : a, *base_b = nb ? nb + 1 : b;
    if (strcmp(base_a, base_b) != 0 || !*base_a)
        return false;
    char *da = na ? iss_xmemdup(a, (size_t)(na - a) + 1) : iss_xstrdup(".");
    char *db = nb ? iss_xmemdup(b, (size_t)(nb - b) + 1) : iss_xstrdup(".");
    struct stat sa, sb;
    bool same = stat(da, &sa) == 0 && stat(db, &sb) == 0 && sa.st_dev == sb.st_dev &&
                sa.st_ino == sb.st_ino;
    free(da);
    free(db);
    return same;
}

bool cli_outputs_distinct(const cli_ctx *ctx, const char *a, const char *b)
{
    struct stat sa, sb;
    if (!a || !b)
        return true;
    bool is_a = output_stat(a, &sa), is_b = output_stat(b, &sb);
    bool new_a = !is_a && strcmp(a, "-") != 0 && stat(a, &sa) != 0 && errno == ENOENT;
    bool new_b = !is_b && strcmp(b, "-") != 0 && stat(b, &sb) != 0 && errno == ENOENT;
    bool same = is_a && is_b ? sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
                             : new_a && new_b && same_new_file(a, b);
    if (!same)
        return true;
    cli_error(ctx, strcmp(b, "-") == 0 ? stdout_name : b,
              "is the same file as the output '%s'; refusing to write both to it",
              strcmp(a, "-") == 0 ? stdout_name : a);
    return false;
}

int cli_stdout_finish(const cli_ctx *ctx, int status)
{
    int err = stream_error(stdout);
    if (!err)
        return status;
    if (status != 2)
        cli_error(ctx, stdout_name, "cannot write: %s", strerror(err));
    return 2;
}

bool cli_write_stdout(const iss_buf *b)
{
    if (b->len && fwrite(b->s, 1, b->len, stdout) != b->len)
        return false;
    return fflush(stdout) == 0;
}
