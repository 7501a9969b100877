/* ad_token.c: the click-out token codec (see ad_token.h). */
#include <string.h>
#include <sodium.h>
#include "domain/ads/ad_token.h"

#define HEAD 27	/* version, ad, creator, expiry, URL length */
#define RAW_MAX (HEAD + AD_TOKEN_URL_MAX + crypto_auth_BYTES)

/* libsodium's decoder skips some bytes outside the alphabet, so the alphabet is checked first. */
static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static void subkey(const uint8_t secret[32], uint8_t key[crypto_auth_KEYBYTES])
{
	_Static_assert(crypto_kdf_KEYBYTES == 32, "the server secret is a kdf master key");
	crypto_kdf_derive_from_key(key, crypto_auth_KEYBYTES, 1, "cc_adgo1", secret);
}

static void put64(uint8_t *p, long long v)
{
	for (int i = 7; i >= 0; i--, v = (long long)((unsigned long long)v >> 8))
		p[i] = (uint8_t)(v & 0xff);
}

static long long get64(const uint8_t *p)
{
	unsigned long long v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return (long long)v;
}

/* The last token made, with what it was made of: an ad page's views within a second carry the
 * same one (its expiry counts in seconds), and each cost a key derivation and an HMAC (about 28k
 * instructions, an eighth of the view). A pure function of these inputs: a memo, not state. */
static struct {
	uint8_t secret[32];
	long long ad_id, creator_id, expires;
	char url[AD_TOKEN_URL_MAX + 1];
	char text[AD_TOKEN_TEXT_MAX];
} ad_token_last;

bool ad_token_encode(const uint8_t secret[32], const struct ad_token *t, char out[AD_TOKEN_TEXT_MAX])
{
	size_t n = t->url ? strlen(t->url) : 0;
	if (n == 0 || n > AD_TOKEN_URL_MAX || t->ad_id <= 0 || t->creator_id < 0)
		return false;
	if (ad_token_last.text[0] && ad_token_last.ad_id == t->ad_id && ad_token_last.creator_id == t->creator_id &&
	    ad_token_last.expires == t->expires && strcmp(ad_token_last.url, t->url) == 0 &&
	    memcmp(ad_token_last.secret, secret, 32) == 0) {
		memcpy(out, ad_token_last.text, strlen(ad_token_last.text) + 1);
		return true;
	}
	uint8_t raw[RAW_MAX], key[crypto_auth_KEYBYTES];
	raw[0] = AD_TOKEN_VERSION;
	put64(raw + 1, t->ad_id);
	put64(raw + 9, t->creator_id);
	put64(raw + 17, t->expires);
	raw[25] = (uint8_t)(n >> 8);
	raw[26] = (uint8_t)(n & 0xff);
	memcpy(raw + HEAD, t->url, n);
	subkey(secret, key);
	crypto_auth(raw + HEAD + n, raw, HEAD + n, key);
	sodium_memzero(key, sizeof key);
	sodium_bin2base64(out, AD_TOKEN_TEXT_MAX, raw, HEAD + n + crypto_auth_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	memcpy(ad_token_last.secret, secret, 32);
	ad_token_last.ad_id = t->ad_id;
	ad_token_last.creator_id = t->creator_id;
	ad_token_last.expires = t->expires;
	memcpy(ad_token_last.url, t->url, n + 1);
	memcpy(ad_token_last.text, out, strlen(out) + 1);
	return true;
}

enum ad_token_result ad_token_decode(const uint8_t secret[32], const char *text, long long now, struct ad_token *out,
			       char urlbuf[AD_TOKEN_URL_MAX + 1])
{
	size_t tl = text ? strlen(text) : 0, n;
	uint8_t raw[RAW_MAX], key[crypto_auth_KEYBYTES];
	if (tl == 0 || tl >= AD_TOKEN_TEXT_MAX || strspn(text, b64url) != tl)
		return AD_TOKEN_BAD;
	if (sodium_base642bin(raw, sizeof raw, text, tl, NULL, &n, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return AD_TOKEN_BAD;
	if (n < HEAD + 1 + crypto_auth_BYTES)
		return AD_TOKEN_BAD;
	size_t body = n - crypto_auth_BYTES;
	subkey(secret, key);
	int bad = crypto_auth_verify(raw + body, raw, body, key);
	sodium_memzero(key, sizeof key);
	if (bad)
		return AD_TOKEN_BAD;
	/* Genuine from here on: the rest can only be wrong if we wrote it wrong. */
	size_t ulen = (size_t)raw[25] << 8 | raw[26];
	if (raw[0] != AD_TOKEN_VERSION || ulen != body - HEAD || ulen > AD_TOKEN_URL_MAX || memchr(raw + HEAD, 0, ulen))
		return AD_TOKEN_BAD;
	memcpy(urlbuf, raw + HEAD, ulen);
	urlbuf[ulen] = '\0';
	*out = (struct ad_token){ get64(raw + 1), get64(raw + 9), get64(raw + 17), urlbuf };
	if (out->ad_id <= 0 || out->creator_id < 0)
		return AD_TOKEN_BAD;
	return out->expires < now ? AD_TOKEN_EXPIRED : AD_TOKEN_OK;
}
