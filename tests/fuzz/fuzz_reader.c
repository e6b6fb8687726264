/* fuzz_reader.c - libFuzzer harness: the YAML reader alone, with small
 * limits so that depth, node and scalar limits are reached often. */
#include "isscheck/node.h"

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
    iss_arena_free(a);
    iss_diags_free(&d);
    return 0;
}
