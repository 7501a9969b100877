/* secure_headers.c: HSTS from the configured site address, Cache-Control by whose page it is
 * (ASVS 14.4.5, 8.2.1); pure functions, so the rules are unit-tested apart from a server. */
#include <stdio.h>
#include <strings.h>
#include "web/secure_headers.h"

bool secure_headers_https_site(const char *base_url)
{
	return base_url && strncasecmp(base_url, "https://", 8) == 0 && base_url[8] != '\0';
}

const char *secure_headers_hsts(const char *base_url, long max_age, char *out, unsigned outlen)
{
	if (!secure_headers_https_site(base_url) || max_age <= 0)
		return NULL;
	/* includeSubDomains covers only names under the shop's own host, never its siblings. */
	int n = snprintf(out, outlen, "max-age=%ld; includeSubDomains", max_age);
	return n > 0 && (unsigned)n < outlen ? out : NULL;
}

const char *secure_headers_cache_control(bool personal)
{
	return personal ? "no-store" : "private, no-cache";
}
