/* router.h: match a request path against a routing table of patterns such as "/@{handle}/{collection}". */
#ifndef CC_ROUTER_H
#define CC_ROUTER_H
#include <stddef.h>
#include "lib/arena.h"

enum http_method {
	HTTP_GET = 1 << 0,
	HTTP_HEAD = 1 << 1,	/* never listed in a route: GET routes answer HEAD */
	HTTP_POST = 1 << 2,
	HTTP_PUT = 1 << 3,
	HTTP_DELETE = 1 << 4,
	HTTP_PATCH = 1 << 5,
	HTTP_OPTIONS = 1 << 6,
	HTTP_OTHER = 1 << 7,
};

#define ROUTE_MAX_PARAMS 8

struct route_params {
	const char *name[ROUTE_MAX_PARAMS];
	const char *val[ROUTE_MAX_PARAMS];	/* percent-decoded, valid UTF-8, non-empty, no '/' */
	size_t n;
};

/* A pattern is '/'-separated segments. A segment is a literal, or a literal prefix followed by
 * one "{name}" that takes the rest of the segment ("@{handle}"). A trailing "/" in the path is
 * not ignored: "/a/" does not match "/a". Patterns are trusted (compiled in). */
struct route_pattern {
	unsigned methods;	/* HTTP_GET | HTTP_POST ... */
	const char *pattern;
};

enum route_result {
	ROUTE_FOUND = 0,
	ROUTE_NOT_FOUND,	/* no pattern matches the path: 404 */
	ROUTE_BAD_METHOD,	/* a pattern matches, not with this method: 405, *allowed says which */
	ROUTE_BAD_PATH,		/* bad percent-escape or invalid UTF-8 in a segment: 400 */
};

/* Finds the first pattern (in table order) matching path and method. path is the raw request
 * path without query string. HEAD matches GET routes. On ROUTE_FOUND *index and params are set;
 * on ROUTE_BAD_METHOD *allowed holds the union of the matching routes' methods (plus HEAD where
 * GET is allowed). `stride` is sizeof the caller's route struct, whose first member is a
 * struct route_pattern, so a program's table can carry its own fields. */
enum route_result router_find(const void *table, size_t n, size_t stride, unsigned method,
			      const char *path, struct arena *a, size_t *index,
			      struct route_params *params, unsigned *allowed);

unsigned router_method(const char *name);			/* "GET" -> HTTP_GET, unknown -> HTTP_OTHER */
/* Writes "GET, HEAD, POST" for a method mask into out. */
void router_allow_header(unsigned methods, char *out, size_t outlen);

#endif
