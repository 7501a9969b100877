/* token.h: session tokens and CSRF tokens (libsodium). Pure functions, no I/O but randomness. */
#ifndef CC_TOKEN_H
#define CC_TOKEN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TOKEN_BYTES 32
#define TOKEN_B64_LEN 43	/* base64url, no padding, of 32 bytes */
#define CSRF_B64_LEN 43

/* New random 32-byte token and its cookie text (base64url without padding, NUL-terminated). */
void token_new(uint8_t tok[TOKEN_BYTES], char text[TOKEN_B64_LEN + 1]);
/* Decodes cookie text; false unless it is exactly 43 base64url characters. */
bool token_decode(const char *text, uint8_t tok[TOKEN_BYTES]);
/* What the database stores: crypto_generichash (BLAKE2b-256) of the token. */
void token_hash(const uint8_t tok[TOKEN_BYTES], uint8_t hash[32]);
/* Keyed hash of arbitrary bytes (for throttling keys, IP hashes): BLAKE2b-256 with key. */
void token_keyed_hash(const uint8_t key[32], const void *data, size_t n, uint8_t out[32]);

/* The CSRF token bound to a session: base64url(BLAKE2b-256 keyed with the server secret of
 * "csrf" || session token). Stateless, so any worker on any web node can check it. */
void token_csrf_make(const uint8_t secret[32], const uint8_t tok[TOKEN_BYTES], char out[CSRF_B64_LEN + 1]);
/* Constant-time check of a submitted CSRF token; false for NULL or wrong length. */
bool token_csrf_check(const uint8_t secret[32], const uint8_t tok[TOKEN_BYTES], const char *submitted);

#endif
