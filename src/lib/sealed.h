/* sealed.h: small secrets stored encrypted at rest (a payout IBAN, a two-step sign-in key): a
 * secretbox under a key derived from the config's secret_key and the use's own purpose, so a key
 * for one use opens nothing of another. A sealed value is the nonce, the MAC and the ciphertext. */
#ifndef CC_SEALED_H
#define CC_SEALED_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sodium.h>

#define SEALED_OVERHEAD (crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)

/* out (n + SEALED_OVERHEAD bytes): plain sealed for purpose; false without a secret_key. */
bool sealed_seal(const char *purpose, const uint8_t *plain, size_t n, uint8_t *out);

/* plain (len - SEALED_OVERHEAD bytes): what sealed_seal sealed for the same purpose; false when
 * len is too short, the secret_key changed or the value was altered. */
bool sealed_open(const char *purpose, const uint8_t *sealed, size_t len, uint8_t *plain);

#endif
