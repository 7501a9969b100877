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

#define AD_TOKEN_VERSION 1
#define AD_TOKEN_URL_MAX DOMAIN_URL_MAX
#define AD_TOKEN_TTL_S (30LL * 86400)	/* a rendered ad's link works for 30 days */
/* 1 version + 3 × 8 (ad, creator, expiry) + 2 (URL length) + URL + 32 tag, in base64url */
#define AD_TOKEN_TEXT_MAX (((1 + 24 + 2 + AD_TOKEN_URL_MAX + 32) * 4 + 2) / 3 + 1)

struct ad_token {
	long long ad_id;
	long long creator_id;	/* 0: none */
	long long expires;	/* unix seconds */
	const char *url;	/* encode: the target; decode: points into the caller's buffer */
};

enum ad_token_result {
	AD_TOKEN_OK = 0,
	AD_TOKEN_BAD,	/* not base64url, wrong length or version, or the tag does not verify */
	AD_TOKEN_EXPIRED,	/* genuine, but its expiry is before now */
};

/* Writes the token text (NUL-terminated) into out (AD_TOKEN_TEXT_MAX bytes); false if the URL is
 * empty or longer than AD_TOKEN_URL_MAX or an id is not positive (creator: not negative). */
bool ad_token_encode(const uint8_t secret[32], const struct ad_token *t, char out[AD_TOKEN_TEXT_MAX]);
/* Verifies the tag in constant time, then the expiry against now. On AD_TOKEN_OK and AD_TOKEN_EXPIRED
 * *out is filled; its url lives in urlbuf (AD_TOKEN_URL_MAX + 1 bytes). */
enum ad_token_result ad_token_decode(const uint8_t secret[32], const char *text, long long now, struct ad_token *out,
			       char urlbuf[AD_TOKEN_URL_MAX + 1]);

#endif
