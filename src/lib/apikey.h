/* apikey.h: Shopping API keys: "cck_" + 43 base64url characters of a random 32-byte key. Only the
 * BLAKE2b-256 hash is stored; the key itself is shown once. Pure, no I/O but randomness. */
#ifndef CC_APIKEY_H
#define CC_APIKEY_H
#include <stdbool.h>
#include <stdint.h>
#include "lib/token.h"

#define APIKEY_PREFIX "cck_"
#define APIKEY_LEN (4 + TOKEN_B64_LEN)
#define APIKEY_SHOWN 12	/* leading characters kept in clear to tell keys apart */

void apikey_new(char key[APIKEY_LEN + 1], uint8_t hash[32]);
/* false unless s is a well-formed key; hash is what the database holds for it. */
bool apikey_hash(const char *s, uint8_t hash[32]);
/* The key from an "Authorization: Bearer <key>" header value; NULL if not that form. */
const char *apikey_from_header(const char *authorization);

#endif
