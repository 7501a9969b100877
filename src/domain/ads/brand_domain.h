/* brand_domain.h: a brand's verified web domains, and whether a URL may leave the site for one of
 * them (ad click-outs, lead-form redirects). The host rules are pure functions, unit-tested. */
#ifndef CC_BRAND_DOMAIN_H
#define CC_BRAND_DOMAIN_H
#include <stdbool.h>
#include <stddef.h>
#include "db/db.h"

#define DOMAIN_MAX 253
#define DOMAIN_TOKEN_LEN 32	/* hex characters of the verification token */
#define DOMAIN_URL_MAX 1024

/* True for a lower-case ASCII host name of at least two labels: letters, digits and inner
 * hyphens, labels of 1 to 63 characters, at most DOMAIN_MAX in all, no trailing dot. */
bool brand_domain_valid(const char *d);
/* The host of an absolute http(s) URL, lower-cased into out (DOMAIN_MAX + 1 bytes); false if the
 * URL is not http(s), is longer than DOMAIN_URL_MAX, has user-info, a bad host, a bad port, or a
 * character outside printable ASCII or among the ones that make URLs ambiguous (space " ' < > \). */
bool brand_domain_url_host(const char *url, char out[DOMAIN_MAX + 1]);
/* True if host is domain or a subdomain of it ("shop.northwind.example" under "northwind.example",
 * never "evilnorthwind.example" nor "northwind.example.evil.test"). Both lower-case. */
bool brand_domain_host_matches(const char *host, const char *domain);

/* Sets *ok: the URL passes brand_domain_url_host and its host matches one of brand_id's verified
 * domains. The status is the database's; *ok is false on any error. */
enum db_status brand_domain_check(struct db *db, struct arena *a, long long brand_id, const char *url, bool *ok);
/* The same through the per-worker 1 s cache (dbcache.h), for deciding whether a public page offers
 * a link; whatever follows the link must check again with brand_domain_check. */
enum db_status brand_domain_check_cached(struct db *db, struct arena *a, long long brand_id, const char *url, bool *ok);
/* The same as a yes/no; a database error is a no. */
bool brand_domain_allows(struct db *db, struct arena *a, long long brand_id, const char *url);

#endif
