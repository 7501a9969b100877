/* csrf.h: whether a state-changing request comes from a form this shop rendered. */
#ifndef CC_CSRF_H
#define CC_CSRF_H
#include "web/http.h"

enum csrf_origin {
	CSRF_ORIGIN_UNKNOWN,	/* the client said nothing (not a browser, or an old one) */
	CSRF_ORIGIN_SAME,	/* the browser says the request comes from one of this host's pages */
	CSRF_ORIGIN_CROSS,	/* ... from another site, a sibling subdomain, or an opaque origin */
};

/* What the browser's headers say of where a request comes from, by the first of them sent:
 * Sec-Fetch-Site, Origin, Referer; each compared with the Host the request was sent to. */
enum csrf_origin csrf_origin_of(const char *fetch_site, const char *origin, const char *referer,
				const char *host);

/* The dispatcher's check of a POST's "csrf" field: the session's own token, or a valid anonymous
 * token for this path (csrf_anon.h: a page read before the session began, or a cached page)
 * unless the browser says the request is cross-site. */
bool csrf_accept(struct req *r);

#endif
