/* ad_token.h: the signed click-out tokens of /go/{token}: which ad, which creator, until when,
 * and where to. base64url(payload || tag), tag = crypto_auth (HMAC-SHA512-256) under a sub-key
 * derived from the server secret with crypto_kdf, so the secret is never used raw for this.
 * Pure functions, no I/O; the target's domain is checked by the caller (brand_domain.h). */
#ifndef CC_AD_TOKEN_H
#define CC_AD_TOKEN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "domain/ads/brand_domain.h"

#define ADTOK_VERSION 1
#define ADTOK_URL_MAX DOMAIN_URL_MAX
#define ADTOK_TTL_S (30LL * 86400)	/* a rendered ad's link works for 30 days */
/* 1 version + 3 × 8 (ad, creator, expiry) + 2 (URL length) + URL + 32 tag, in base64url */
#define ADTOK_TEXT_MAX (((1 + 24 + 2 + ADTOK_URL_MAX + 32) * 4 + 2) / 3 + 1)

struct adtok {
	long long ad_id;
	long long creator_id;	/* 0: none */
	long long expires;	/* unix seconds */
	const char *url;	/* encode: the target; decode: points into the caller's buffer */
};

enum adtok_result {
	ADTOK_OK = 0,
	ADTOK_BAD,	/* not base64url, wrong length or version, or the tag does not verify */
	ADTOK_EXPIRED,	/* genuine, but its expiry is before now */
};

/* Writes the token text (NUL-terminated) into out (ADTOK_TEXT_MAX bytes); false if the URL is
 * empty or longer than ADTOK_URL_MAX or an id is not positive (creator: not negative). */
bool adtok_encode(const uint8_t secret[32], const struct adtok *t, char out[ADTOK_TEXT_MAX]);
/* Verifies the tag in constant time, then the expiry against now. On ADTOK_OK and ADTOK_EXPIRED
 * *out is filled; its url lives in urlbuf (ADTOK_URL_MAX + 1 bytes). */
enum adtok_result adtok_decode(const uint8_t secret[32], const char *text, long long now, struct adtok *out,
			       char urlbuf[ADTOK_URL_MAX + 1]);

#endif
