/* totp.c: see totp.h. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <liboath/oath.h>
#include <sodium.h>
#include "lib/totp.h"

static pthread_once_t totp_once = PTHREAD_ONCE_INIT;

/* liboath's own HMAC and SHA-1 (it links nothing else), so its initialisation only checks itself. */
static void totp_init(void)
{
	if (oath_init() != OATH_OK)
		abort();
}

long long totp_step(long long unix_time)
{
	return unix_time / TOTP_STEP_S;
}

bool totp_code(const uint8_t *secret, size_t n, long long step, unsigned digits, char out[9])
{
	pthread_once(&totp_once, totp_init);
	return oath_totp_generate((const char *)secret, n, (time_t)(step * TOTP_STEP_S), TOTP_STEP_S,
				  OATH_TOTP_DEFAULT_START_TIME, digits, out) == OATH_OK;
}

long long totp_match(const uint8_t *secret, size_t n, const char *code, long long now, long long after_step)
{
	if (!code || strlen(code) != TOTP_DIGITS || strspn(code, "0123456789") != TOTP_DIGITS)
		return -1;
	long long found = -1, current = totp_step(now);
	/* Every step of the window is computed and compared in constant time, whichever matches. */
	for (long long s = current - TOTP_WINDOW; s <= current + TOTP_WINDOW; s++) {
		char expect[9];
		if (totp_code(secret, n, s, TOTP_DIGITS, expect) && sodium_memcmp(expect, code, TOTP_DIGITS) == 0
		    && s > after_step && found < 0)
			found = s;
		sodium_memzero(expect, sizeof expect);
	}
	return found;
}

void totp_base32(const uint8_t secret[TOTP_SECRET_BYTES], char out[TOTP_BASE32_LEN + 1])
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	size_t o = 0;
	/* 20 bytes are 160 bits, exactly 32 groups of five: no padding, no partial group. */
	for (size_t bit = 0; bit < TOTP_SECRET_BYTES * 8; bit += 5) {
		unsigned v = 0;
		for (size_t k = 0; k < 5; k++) {
			size_t b = bit + k;
			v = v << 1 | ((secret[b / 8] >> (7 - b % 8)) & 1);
		}
		out[o++] = alphabet[v];
	}
	out[o] = '\0';
}
