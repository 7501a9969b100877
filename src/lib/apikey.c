/* apikey.c: make, parse and hash Shopping API keys. */
#include <string.h>
#include <strings.h>
#include "lib/apikey.h"

void apikey_new(char key[APIKEY_LEN + 1], uint8_t hash[32])
{
	uint8_t tok[TOKEN_BYTES];
	char text[TOKEN_B64_LEN + 1];
	token_new(tok, text);
	memcpy(key, APIKEY_PREFIX, 4);
	memcpy(key + 4, text, TOKEN_B64_LEN + 1);
	token_hash(tok, hash);
}

bool apikey_hash(const char *s, uint8_t hash[32])
{
	uint8_t tok[TOKEN_BYTES];
	if (!s || strlen(s) != APIKEY_LEN || strncmp(s, APIKEY_PREFIX, 4) != 0 || !token_decode(s + 4, tok))
		return false;
	token_hash(tok, hash);
	return true;
}

const char *apikey_from_header(const char *h)
{
	if (!h || strncasecmp(h, "Bearer ", 7) != 0)
		return NULL;
	h += 7;
	while (*h == ' ')
		h++;
	size_t n = strlen(h);
	while (n && h[n - 1] == ' ')
		n--;
	return n == APIKEY_LEN ? h : NULL;
}
