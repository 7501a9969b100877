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

/* The kept title and content HTML for `key`, copied into arena `a`; false when there is none
 * younger than its expiry (or the cache is off: cache_ttl_ms = 0). */
bool fragment_get(struct arena *a, const char *key, const char **title, const char **html, size_t *len);
/* Keeps them until expires_ms (CLOCK_MONOTONIC milliseconds), at most cache_ttl_ms from now. */
void fragment_put(const char *key, const char *title, const char *html, size_t len, long long expires_ms);

/* Pages served from what this worker kept, and pages it had to render, since it started (for the
 * metrics; a page that may never be kept is neither). */
void fragment_counts(unsigned long long *hits, unsigned long long *misses);

#endif
