/* csrf.c: see csrf.h; docs/SECURITY.md "Anonymous forms" gives the threat model. */
#include <string.h>
#include <strings.h>
#include <time.h>
#include "web/csrf.h"
#include "web/csrf_anon.h"

/* True when url ("scheme://host[:port][/...]") names exactly host ("host[:port]"). */
static bool csrf_url_is_host(const char *url, const char *host)
{
	const char *h = strstr(url, "://");
	if (!h || !host || !*host)
		return false;
	h += 3;
	size_t n = strcspn(h, "/?#");
	return n == strlen(host) && strncasecmp(h, host, n) == 0;
}

enum csrf_origin csrf_origin_of(const char *fetch_site, const char *origin, const char *referer,
				const char *host)
{
	if (fetch_site && *fetch_site) {
		if (strcasecmp(fetch_site, "same-origin") == 0)
			return CSRF_ORIGIN_SAME;
		/* "none": typed or bookmarked, no page sent it */
		return strcasecmp(fetch_site, "none") == 0 ? CSRF_ORIGIN_UNKNOWN : CSRF_ORIGIN_CROSS;
	}
	if (origin && *origin)	/* "null" (a sandboxed frame, a data: page) is no origin of ours */
		return csrf_url_is_host(origin, host) ? CSRF_ORIGIN_SAME : CSRF_ORIGIN_CROSS;
	if (referer && *referer)
		return csrf_url_is_host(referer, host) ? CSRF_ORIGIN_SAME : CSRF_ORIGIN_CROSS;
	return CSRF_ORIGIN_UNKNOWN;
}

bool csrf_accept(struct req *r)
{
	const char *sent = req_form(r, "csrf");
	if (r->sess.present && token_csrf_check(r->secret, r->sess.token, sent))
		return true;
	if (!csrf_anon_check(r->secret, r->path, sent, (long long)time(NULL)))
		return false;
	enum csrf_origin o = csrf_origin_of(req_env(r, "HTTP_SEC_FETCH_SITE"), req_env(r, "HTTP_ORIGIN"),
					    req_env(r, "HTTP_REFERER"), req_env(r, "HTTP_HOST"));
	/* With or without a session cookie alike: a cross-site POST never carries the cookie
	 * (SameSite=Lax), so one that does comes from this site's pages or a browser too old for
	 * SameSite; there Origin or Sec-Fetch-Site, when sent, still tells. */
	return o != CSRF_ORIGIN_CROSS;
}
