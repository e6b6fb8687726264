/* sha256.h - SHA-256, for the digest that pins a waiver or a judgement to
 * one version of a declaration.
 *
 * The hashing itself is Nettle's (Debian's nettle-dev): a hash is what a
 * well-kept library should do for us, and Nettle uses the CPU's SHA
 * instructions where there are some.  Nettle rather than libcrypto's EVP
 * (measured side by side, bench/RESULTS.md): the same speed on large
 * inputs, faster on a small declaration (no EVP context to allocate and
 * fetch), a process that links it starts in a fraction of libcrypto's
 * time, and the static binary grows by about 0.1 MB instead of 4 MB and
 * pulls in no networking code of libcrypto's.  These wrappers only keep
 * Nettle's names out of the callers and spell the digest in hex. */
#ifndef ISS_LIB_SHA256_H
#define ISS_LIB_SHA256_H

#include <stddef.h>

#include <nettle/sha2.h>

typedef struct sha256_ctx iss_sha256;

static inline void iss_sha256_init(iss_sha256 *s)
{
    sha256_init(s);
}

static inline void iss_sha256_add(iss_sha256 *s, const void *data, size_t n)
{
    sha256_update(s, n, (const uint8_t *)data);
}

/* Writes the digest as 64 lowercase hex digits and a NUL into hex (and
 * starts s over, as Nettle's digest does). */
static inline void iss_sha256_hex(iss_sha256 *s, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(s, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[64] = '\0';
}

#endif
