/* short_code.c: see short_code.h. */
#include <string.h>
#include <sodium.h>
#include "domain/creators/short_code.h"

static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";

void short_code_new(char out[SHORT_CODE_LEN + 1])
{
	uint8_t raw[SHORT_CODE_LEN];
	randombytes_buf(raw, sizeof raw);
	/* 5 bits from each byte: 16 * 5 = 80 bits of randomness, no modulo bias (32 divides 256). */
	for (size_t i = 0; i < SHORT_CODE_LEN; i++)
		out[i] = alphabet[raw[i] & 31];
	out[SHORT_CODE_LEN] = '\0';
}

bool short_code_valid(const char *s)
{
	return s && strlen(s) == SHORT_CODE_LEN && strspn(s, alphabet) == SHORT_CODE_LEN;
}
