/* brand_domain.c: verified brand domains and the URL host rules (see brand_domain.h). */
#include <string.h>
#include "domain/ads/brand_domain.h"
#include "db/dbcache.h"

static const struct db_stmt q_verified = {
	"SELECT domain FROM brand_domains WHERE brand_id = ? AND verified_at IS NOT NULL ORDER BY id LIMIT 100",
	"i", "s" };

bool brand_domain_valid(const char *d)
{
	size_t n = d ? strlen(d) : 0, label = 0, labels = 1;
	if (n == 0 || n > DOMAIN_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = d[i];
		if (c == '.') {
			/* no empty label, no label ending in '-' */
			if (label == 0 || d[i - 1] == '-')
				return false;
			label = 0;
			labels++;
			continue;
		}
		bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!alnum && !(c == '-' && label > 0))
			return false;
		if (++label > 63)
			return false;
	}
	return label > 0 && d[n - 1] != '-' && labels >= 2;
}

bool brand_domain_url_host(const char *url, char out[DOMAIN_MAX + 1])
{
	size_t n = url ? strlen(url) : 0;
	if (n == 0 || n > DOMAIN_URL_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)url[i] <= 0x20 || (unsigned char)url[i] >= 0x7f || strchr("\"'<>\\", url[i]))
			return false;
	const char *p;
	if (strncmp(url, "https://", 8) == 0)
		p = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		p = url + 7;
	else
		return false;
	size_t auth = strcspn(p, "/?#");
	/* user-info ("https://northwind.example@evil.test") is refused outright */
	if (memchr(p, '@', auth))
		return false;
	const char *colon = memchr(p, ':', auth);
	size_t hostlen = colon ? (size_t)(colon - p) : auth;
	if (colon) {
		size_t portlen = auth - hostlen - 1;
		if (portlen == 0 || portlen > 5 || strspn(colon + 1, "0123456789") < portlen)
			return false;
	}
	if (hostlen == 0 || hostlen > DOMAIN_MAX)
		return false;
	for (size_t i = 0; i < hostlen; i++)
		out[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
	out[hostlen] = '\0';
	return brand_domain_valid(out);
}

bool brand_domain_host_matches(const char *host, const char *domain)
{
	size_t h = strlen(host), d = strlen(domain);
	if (d == 0 || h < d || strcmp(host + (h - d), domain) != 0)
		return false;
	/* equal, or the part before is a whole label: "shop." + domain */
	return h == d || host[h - d - 1] == '.';
}

static enum db_status check(struct db *db, struct arena *a, long long brand_id, const char *url, bool *ok, bool cached)
{
	*ok = false;
	char host[DOMAIN_MAX + 1];
	if (!brand_domain_url_host(url, host))
		return DB_OK;
	struct db_res res;
	struct db_param p[] = { DB_I(brand_id) };
	enum db_status rc = cached ? db_query_cached(db, a, &q_verified, p, &res) : db_query(db, a, &q_verified, p, &res);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < res.nrows && !*ok; i++)
		*ok = brand_domain_host_matches(host, db_at(&res, i, 0)->s);
	return DB_OK;
}

enum db_status brand_domain_check(struct db *db, struct arena *a, long long brand_id, const char *url, bool *ok)
{
	return check(db, a, brand_id, url, ok, false);
}

enum db_status brand_domain_check_cached(struct db *db, struct arena *a, long long brand_id, const char *url, bool *ok)
{
	return check(db, a, brand_id, url, ok, true);
}

bool brand_domain_allows(struct db *db, struct arena *a, long long brand_id, const char *url)
{
	bool ok;
	return brand_domain_check(db, a, brand_id, url, &ok) == DB_OK && ok;
}
