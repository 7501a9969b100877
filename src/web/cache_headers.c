/* cache_headers.c: see cache_headers.h. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "lib/config.h"
#include "web/cache_headers.h"
#include "web/response.h"

/* 64 bits are plenty to tell one version of a page from the next, and nothing secret goes in or
 * comes out: the body is public, so the tag needs no keyed hash. SipHash-2-4 over the page was
 * 4 instructions a byte, a tenth of a storefront view (bench/callgrind.sh); this is under one:
 * four independent lanes of 8 bytes, each step a bijection of the lane (xor, rotate, multiply by
 * an odd constant), so a changed word always changes its lane, then a final mix of the lanes, the
 * tail and the length. */
static uint64_t cache_headers_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 33);
}

static uint64_t cache_headers_hash(const unsigned char *p, size_t len)
{
	static const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t lane[4] = { 0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL };
	size_t i = 0;
	for (; i + 32 <= len; i += 32)
		for (int l = 0; l < 4; l++) {
			uint64_t w;
			memcpy(&w, p + i + 8 * l, 8);
			uint64_t x = lane[l] ^ w;
			lane[l] = ((x << 29) | (x >> 35)) * k;
		}
	uint64_t h = (uint64_t)len * k;
	for (int l = 0; l < 4; l++)
		h = cache_headers_mix(h ^ lane[l]);
	for (; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return cache_headers_mix(h);
}

void cache_headers_etag(const void *body, size_t len, char out[32])
{
	uint64_t v = cache_headers_hash(body, len);
	uint8_t h[8];
	for (int i = 0; i < 8; i++)
		h[i] = (uint8_t)(v >> (8 * i));
	out[0] = '"';
	sodium_bin2base64(out + 1, 12, h, sizeof h, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	strcat(out, "\"");
}

/* True when the quoted tag at p (n bytes) is etag, or etag as Apache's mod_deflate or mod_brotli
 * sent it on after compressing ("...-gzip", "...-br"): a client or a cache asks with that form. */
static bool cache_headers_same_tag(const char *p, size_t n, const char *etag, size_t elen)
{
	static const char *const suffixes[] = { "-gzip\"", "-br\"" };
	if (n == elen)
		return memcmp(p, etag, n) == 0;
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t s = strlen(suffixes[i]);
		if (n == elen - 1 + s && memcmp(p, etag, elen - 1) == 0 && memcmp(p + elen - 1, suffixes[i], s) == 0)
			return true;
	}
	return false;
}

bool cache_headers_none_match(const char *if_none_match, const char *etag)
{
	size_t elen = strlen(etag);
	for (const char *p = if_none_match; p && *p;) {
		p += strspn(p, " \t,");
		if (*p == '*')
			return true;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		size_t n = strcspn(p, ", \t");
		if (cache_headers_same_tag(p, n, etag, elen))
			return true;
		p += n;
	}
	return false;
}

static bool cache_headers_public(const struct req *r)
{
	return r->route && r->route->shared_cache && (r->method == HTTP_GET || r->method == HTTP_HEAD) &&
	       r->status == 200 && !r->sess.present && !r->api_key_id &&
	       !memmem(r->headers.p, r->headers.len, "Cache-Control:", 14);
}

void cache_headers_apply(struct req *r)
{
	if (!r->route || !r->route->shared_cache)
		return;
	/* The same address answers a visitor with a session differently (their cart, their token):
	 * a cache keys its copy on the Cookie header, so a session never gets the public copy. */
	response_header(r, "Vary", "Cookie");
	if (!cache_headers_public(r))
		return;
	long max_age = config_int("public_max_age", CACHE_PUBLIC_MAX_AGE_DEFAULT, 0, 86400);
	long s_maxage = config_int("public_s_maxage", CACHE_PUBLIC_S_MAXAGE_DEFAULT, 0, 86400);
	char cc[80], tag[48];
	snprintf(cc, sizeof cc, "public, max-age=%ld, s-maxage=%ld", max_age, s_maxage);
	response_header(r, "Cache-Control", cc);
	/* known already when a kept page is byte for byte the worker's last answer (gzip_page.h) */
	if (!r->etag) {
		char *etag = arena_alloc(r->arena, 32);
		cache_headers_etag(r->body.p, r->body.len, etag);
		r->etag = etag;
	}
	const char *etag = r->etag;
	/* A compressed answer is another representation: its tag says so, in the form a web server's
	 * own compression gives (and cache_headers_none_match takes back) */
	if (r->content_encoding)
		snprintf(tag, sizeof tag, "%.*s-%s\"", (int)strlen(etag) - 1, etag, r->content_encoding);
	else
		snprintf(tag, sizeof tag, "%s", etag);
	response_header(r, "ETag", tag);
	if (cache_headers_none_match(req_env(r, "HTTP_IF_NONE_MATCH"), etag)) {
		r->status = 304;
		r->body.len = 0;
	}
}
