/* sealed.c: see sealed.h. */
#include <string.h>
#include "lib/config.h"
#include "lib/sealed.h"

static bool sealed_key(const char *purpose, uint8_t key[crypto_secretbox_KEYBYTES])
{
	uint8_t secret[32];
	if (!config_secret(secret))
		return false;
	crypto_generichash(key, crypto_secretbox_KEYBYTES, (const uint8_t *)purpose, strlen(purpose), secret,
			   sizeof secret);
	sodium_memzero(secret, sizeof secret);
	return true;
}

bool sealed_seal(const char *purpose, const uint8_t *plain, size_t n, uint8_t *out)
{
	uint8_t key[crypto_secretbox_KEYBYTES];
	if (!sealed_key(purpose, key))
		return false;
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, plain, n, out, key);
	sodium_memzero(key, sizeof key);
	return true;
}

bool sealed_open(const char *purpose, const uint8_t *sealed, size_t len, uint8_t *plain)
{
	uint8_t key[crypto_secretbox_KEYBYTES];
	if (!sealed || len < SEALED_OVERHEAD || !sealed_key(purpose, key))
		return false;
	bool ok = crypto_secretbox_open_easy(plain, sealed + crypto_secretbox_NONCEBYTES,
					     len - crypto_secretbox_NONCEBYTES, sealed, key) == 0;
	sodium_memzero(key, sizeof key);
	return ok;
}
