/* fuzz_classify.c - libFuzzer harness: the declaration / waivers / other
 * rule over any bytes (the scan must never read outside them: the input is
 * copied to a buffer of exactly its size, so ASan sees any overrun), and
 * two properties of the rule: a byte-order mark changes nothing, and
 * appending a top-level provider key always makes a declaration. */
#include "isscheck/classify.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size ? size : 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    iss_file_kind k = iss_classify(s, size);
    if (k != ISS_KIND_OTHER && k != ISS_KIND_DECLARATION && k != ISS_KIND_WAIVERS)
        abort();
    free(s);
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        return 0;
    static const char bom[] = "\xEF\xBB\xBF", tail[] = "\nprovider: x\n";
    /* the flow-document and indented forms read keys differently: only
     * for a block document at column 0 is the appended key top-level */
    if (size && (data[0] == '{' || data[0] == ' ' || data[0] == '\t' || data[0] == '-' ||
                 data[0] == '%' || data[0] == '#' || data[0] == '\n' || data[0] == '\r'))
        return 0;
    char *b = malloc(size + sizeof tail + 3);
    if (!b)
        return 0;
    memcpy(b, bom, 3);
    memcpy(b + 3, data, size);
    if (iss_classify(b, size + 3) != k)
        abort();
    memcpy(b + 3 + size, tail, sizeof tail - 1);
    /* a block scalar or an unclosed quote may swallow the line: only
     * inputs without them are held to the property */
    if (!memchr(data, '|', size) && !memchr(data, '>', size) && !memchr(data, '"', size) &&
        !memchr(data, '\'', size) && !memchr(data, '{', size) && !memchr(data, '[', size) &&
        iss_classify(b + 3, size + sizeof tail - 1) != ISS_KIND_DECLARATION)
        abort();
    free(b);
    return 0;
}
