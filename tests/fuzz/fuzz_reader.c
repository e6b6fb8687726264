/* fuzz_reader.c - libFuzzer harness: the YAML reader alone, with small
 * limits so that depth, node and scalar limits are reached often. */
#include "node.h"
#include "textpos.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    iss_limits lim = iss_default_limits;
    lim.max_depth = 16;
    lim.max_nodes = 2000;
    lim.max_scalar = 4096;
    iss_diags d = {0};
    iss_arena *a = iss_arena_new();
    iss_node *root = iss_read_yaml((const char *)data, size, "fuzz.yaml", &lim, a, &d);
    if (!root && d.n == 0)
        abort();
    /* every position is on a line the file has, as an editor counts lines
     * (NEL, LS and PS do not end one), and an encoding error is where its
     * byte is */
    iss_loc end = iss_text_loc((const char *)data, size, size);
    size_t bom = size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
    for (size_t i = 0; i < d.n; i++) {
        iss_loc l = d.v[i].loc;
        if (l.line < 0 || l.line > end.line || (l.line > 0 && l.col < 1))
            abort();
        if (d.v[i].byte >= 0) {
            iss_loc at =
                iss_text_loc((const char *)data + bom, size - bom, (size_t)d.v[i].byte - bom);
            if (at.line != l.line || at.col != l.col)
                abort();
        }
    }
    iss_arena_free(a);
    iss_diags_free(&d);
    return 0;
}
