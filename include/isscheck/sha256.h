/* sha256.h - SHA-256 (FIPS 180-4), for the digest that pins a waiver or a
 * judgement to one version of a declaration. */
#ifndef ISSCHECK_SHA256_H
#define ISSCHECK_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[8];
    uint64_t bytes; /* message length so far */
    unsigned char block[64];
    size_t used; /* bytes waiting in block */
} iss_sha256;

void iss_sha256_init(iss_sha256 *s);
void iss_sha256_add(iss_sha256 *s, const void *data, size_t n);
/* Writes the digest as 64 lowercase hex digits and a NUL into hex. */
void iss_sha256_hex(iss_sha256 *s, char hex[65]);

#endif
