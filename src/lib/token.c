/* token.c: random session tokens, their stored hashes, and session-bound CSRF tokens. */
#include <string.h>
#include <sodium.h>
#include "lib/token.h"

/* libsodium's decoder accepts some bytes outside the alphabet, so the alphabet is checked first. */
static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

void token_new(uint8_t tok[TOKEN_BYTES], char text[TOKEN_B64_LEN + 1])
{
	randombytes_buf(tok, TOKEN_BYTES);
	sodium_bin2base64(text, TOKEN_B64_LEN + 1, tok, TOKEN_BYTES,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool token_decode(const char *text, uint8_t tok[TOKEN_BYTES])
{
	size_t len;
	if (!text || strlen(text) != TOKEN_B64_LEN || strspn(text, b64url) != TOKEN_B64_LEN)
		return false;
	if (sodium_base642bin(tok, TOKEN_BYTES, text, TOKEN_B64_LEN, NULL, &len, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return false;
	return len == TOKEN_BYTES;
}

void token_hash(const uint8_t tok[TOKEN_BYTES], uint8_t hash[32])
{
	crypto_generichash(hash, 32, tok, TOKEN_BYTES, NULL, 0);
}

void token_keyed_hash(const uint8_t key[32], const void *data, size_t n, uint8_t out[32])
{
	crypto_generichash(out, 32, data, n, key, 32);
}

static void csrf_raw(const uint8_t secret[32], const uint8_t tok[TOKEN_BYTES], uint8_t out[32])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, secret, 32, 32);
	crypto_generichash_update(&st, (const unsigned char *)"csrf", 4);
	crypto_generichash_update(&st, tok, TOKEN_BYTES);
	crypto_generichash_final(&st, out, 32);
}

void token_csrf_make(const uint8_t secret[32], const uint8_t tok[TOKEN_BYTES], char out[CSRF_B64_LEN + 1])
{
	uint8_t raw[32];
	csrf_raw(secret, tok, raw);
	sodium_bin2base64(out, CSRF_B64_LEN + 1, raw, 32, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool token_csrf_check(const uint8_t secret[32], const uint8_t tok[TOKEN_BYTES], const char *submitted)
{
	uint8_t want[32], got[32];
	size_t len;
	if (!submitted || strlen(submitted) != CSRF_B64_LEN || strspn(submitted, b64url) != CSRF_B64_LEN)
		return false;
	if (sodium_base642bin(got, 32, submitted, CSRF_B64_LEN, NULL, &len, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || len != 32)
		return false;
	csrf_raw(secret, tok, want);
	return sodium_memcmp(want, got, 32) == 0;
}
