/* live_stream_key.c: stream keys, public stream names and recording file names. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "domain/live/live_stream_key.h"

void live_stream_key_new(char text[LIVE_STREAM_KEY_LEN + 1], uint8_t hash[32])
{
	uint8_t raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(text, LIVE_STREAM_KEY_LEN + 1, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
	crypto_generichash(hash, 32, (const unsigned char *)text, LIVE_STREAM_KEY_LEN, NULL, 0);
}

bool live_stream_key_hash(const char *text, uint8_t hash[32])
{
	if (!text || strlen(text) != LIVE_STREAM_KEY_LEN)
		return false;
	for (const char *p = text; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return false;
	crypto_generichash(hash, 32, (const unsigned char *)text, LIVE_STREAM_KEY_LEN, NULL, 0);
	return true;
}

void live_stream_key_public_name(long long session_id, char out[LIVE_STREAM_NAME_MAX])
{
	snprintf(out, LIVE_STREAM_NAME_MAX, "s%lld", session_id);
}

/* Digits from p: their value in *out and where they end; NULL when none, a leading zero, or more
 * than 18 (an id's range). */
static const char *digits(const char *p, long long *out)
{
	long long v = 0;
	const char *s = p;
	while (*p >= '0' && *p <= '9' && p - s < 19)
		v = v * 10 + (*p++ - '0');
	if (p == s || p - s > 18 || (*s == '0' && p - s > 1))
		return NULL;
	*out = v;
	return p;
}

long long live_stream_key_session(const char *name)
{
	long long id;
	const char *end = name && name[0] == 's' ? digits(name + 1, &id) : NULL;
	return end && *end == '\0' && id > 0 ? id : 0;
}

const char *live_stream_key_recording(const char *path, long long session_id)
{
	if (!path)
		return NULL;
	const char *slash = strrchr(path, '/');
	const char *file = slash ? slash + 1 : path;
	long long id, stamp;
	const char *p = file[0] == 's' ? digits(file + 1, &id) : NULL;
	if (!p || id != session_id || *p != '-')
		return NULL;
	p = digits(p + 1, &stamp);
	return p && strcmp(p, ".flv") == 0 ? file : NULL;
}
