/* password.c: Argon2id through libsodium; the cost lives in the config so it can be raised and
 * existing hashes upgraded at their next log-in. */
#include <string.h>
#include "lib/config.h"
#include "lib/password.h"

static unsigned long long ops(void)
{
	return (unsigned long long)config_int("password_opslimit", crypto_pwhash_OPSLIMIT_INTERACTIVE,
					      crypto_pwhash_OPSLIMIT_MIN, 20);
}

static size_t mem(void)
{
	return (size_t)config_int("password_memlimit_kib", crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024,
				  8, 4L * 1024 * 1024) * 1024;
}

bool password_hash(const char *pw, char out[crypto_pwhash_STRBYTES])
{
	return crypto_pwhash_str(out, pw, strlen(pw), ops(), mem()) == 0;
}

bool password_verify(const char *stored, const char *pw)
{
	return crypto_pwhash_str_verify(stored, pw, strlen(pw)) == 0;
}

bool password_needs_rehash(const char *stored)
{
	return crypto_pwhash_str_needs_rehash(stored, ops(), mem()) != 0;
}
