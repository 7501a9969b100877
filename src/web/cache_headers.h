/* cache_headers.h: what a browser and a shared cache (Apache's mod_cache, a CDN) may keep of a
 * page: public with a strong ETag when it is a route marked shared_cache seen without a session,
 * private (response.c's default) otherwise. */
#ifndef CC_CACHE_HEADERS_H
#define CC_CACHE_HEADERS_H
#include "web/http.h"

/* Seconds a browser (public_max_age) and a shared cache (public_s_maxage) may serve a public page
 * without asking again: a creator's edit shows within them. A browser's copy cannot be purged and
 * a 304 costs it one round trip, so by default it asks every time; the shared cache, which the
 * operator runs, keeps a page a minute. */
#define CACHE_PUBLIC_MAX_AGE_DEFAULT 0
#define CACHE_PUBLIC_S_MAXAGE_DEFAULT 60

/* The strong validator of a body: a quoted base64url 64-bit hash of its bytes (not keyed: the
 * body is public). */
void cache_headers_etag(const void *body, size_t len, char out[32]);
/* True when an If-None-Match header value names etag (weak comparison, as RFC 9110 asks for
 * GET and HEAD; also in the "-gzip"/"-br" form Apache's compression gives it) or is "*". */
bool cache_headers_none_match(const char *if_none_match, const char *etag);
/* Called once the response is made: a public page gets Cache-Control, ETag and Vary, and becomes
 * a bodiless 304 when the client already holds it. Anything else is left as it is. */
void cache_headers_apply(struct req *r);

#endif
