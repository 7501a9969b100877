/* fragment.h: the rendered content of pages that every visitor sees alike (storefronts, the
 * home page, collections), kept per worker so a popular page is expanded once per cache TTL
 * instead of on every view. Like dbcache, it holds only what any node would render from the
 * database, and never longer than the cached reads it was rendered from. */
#ifndef CC_FRAGMENT_H
#define CC_FRAGMENT_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/arena.h"

#define FRAGMENT_KEY_MAX 200

/* A kept page: its title, its content HTML, and bytes kept beside them for its user (layout.c:
 * the content's parts already deflated, gzip_page.h). */
struct fragment {
	const char *title, *html;
	size_t len;
	const void *extra;
	size_t extra_len;
};

/* The page kept for `key`, copied into arena `a`; false when there is none younger than its
 * expiry (or the cache is off: cache_ttl_ms = 0). */
bool fragment_get(struct arena *a, const char *key, struct fragment *f);
/* False when pages are not kept (keep_pages = off, cache_ttl_ms = 0): nothing is worth preparing
 * for fragment_put. */
bool fragment_on(void);
/* Keeps it until expires_ms (CLOCK_MONOTONIC milliseconds), at most cache_ttl_ms from now. */
void fragment_put(const char *key, const struct fragment *f, long long expires_ms);

/* Pages served from what this worker kept, and pages it had to render, since it started (for the
 * metrics; a page that may never be kept is neither). */
void fragment_counts(unsigned long long *hits, unsigned long long *misses);

#endif
