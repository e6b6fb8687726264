/* floor.c - the cost of merely parsing: each file read into memory, every
 * libyaml event pulled and deleted, nothing else.  bench/run measures
 * isscheck against it ("the floor") on the same files in the same run.
 *
 *     isscheck-parse-floor FILE...
 *
 * Exits 0 when every file parsed, 1 when one did not, 2 on a usage or
 * read error.  It reads files the way isscheck does (a whole file in one
 * buffer, then yaml_parser_set_input_string), so the ratio measures
 * isscheck's own work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *b = malloc(cap);
    size_t got;
    while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = n;
    return b;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: isscheck-parse-floor FILE...\n", stderr);
        return 2;
    }
    int status = 0;
    unsigned long events = 0;
    for (int i = 1; i < argc; i++) {
        size_t len;
        unsigned char *buf = slurp(argv[i], &len);
        if (!buf) {
            fprintf(stderr, "%s: error: cannot read\n", argv[i]);
            return 2;
        }
        yaml_parser_t p;
        if (!yaml_parser_initialize(&p)) {
            free(buf);
            return 2;
        }
        yaml_parser_set_input_string(&p, buf, len);
        yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
        for (;;) {
            yaml_event_t ev;
            if (!yaml_parser_parse(&p, &ev)) {
                fprintf(stderr, "%s: error: %s\n", argv[i],
                        p.problem ? p.problem : "malformed YAML");
                status = 1;
                break;
            }
            events++;
            int end = ev.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&ev);
            if (end)
                break;
        }
        yaml_parser_delete(&p);
        free(buf);
    }
    /* printed so the work cannot be optimised away, and as a sanity figure */
    printf("%lu events\n", events);
    return status;
}
