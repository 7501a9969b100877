/* cache_headers.c: see cache_headers.h. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "lib/config.h"
#include "lib/page_hash.h"
#include "web/cache_headers.h"
#include "web/response.h"

/* XXH3's 64 bits: enough to tell one version of a page from the next (nothing is secret here:
 * the body is public, and only the same URL's versions are ever compared), at a tenth of an
 * instruction a byte, where SipHash took over four: a 22 KB storefront rendered per view paid
 * 12 % of its instructions for its validator. Inlined from the header (page_hash.h, with AVX2
 * where the CPU has it): no library at run time. */
void cache_headers_etag(const void *body, size_t len, char out[32])
{
	uint64_t v = page_hash(body, len);
	uint8_t h[8];
	for (int i = 0; i < 8; i++)
		h[i] = (uint8_t)(v >> (56 - 8 * i));
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
	/* Made once: the config does not change while a worker lives, and the two lookups and the
	 * printf cost each view a few thousand instructions. */
	static char cc[80];
	if (!*cc)
		snprintf(cc, sizeof cc, "public, max-age=%ld, s-maxage=%ld",
			 config_int("public_max_age", CACHE_PUBLIC_MAX_AGE_DEFAULT, 0, 86400),
			 config_int("public_s_maxage", CACHE_PUBLIC_S_MAXAGE_DEFAULT, 0, 86400));
	response_header(r, "Cache-Control", cc);
	/* known already when a kept page is byte for byte the worker's last answer (gzip_page.h) */
	if (!r->etag) {
		char *etag = arena_alloc(r->arena, 32);
		cache_headers_etag(r->body.p, r->body.len, etag);
		r->etag = etag;
	}
	const char *etag = r->etag, *shown = etag;
	/* A compressed answer is another representation: its tag says so, in the form a web server's
	 * own compression gives (and cache_headers_none_match takes back) */
	char tag[48];
	if (r->content_encoding) {
		snprintf(tag, sizeof tag, "%.*s-%s\"", (int)strlen(etag) - 1, etag, r->content_encoding);
		shown = tag;
	}
	response_header(r, "ETag", shown);
	if (cache_headers_none_match(req_env(r, "HTTP_IF_NONE_MATCH"), etag)) {
		r->status = 304;
		r->body.len = 0;
	}
}
