/* attr_rules.c: the pure attribution rules and the signed cookie (see attr.h); no I/O. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "domain/creators/attr.h"
#include "lib/token.h"

static const char *const surface_names[ATTR__MAX] = {
	[ATTR_NONE] = "", [ATTR_STOREFRONT] = "storefront", [ATTR_COLLECTION] = "collection",
	[ATTR_PRODUCT] = "product", [ATTR_VIDEO] = "video", [ATTR_LIVE] = "live", [ATTR_LINK] = "link", [ATTR_AD] = "ad",
};

const char *attr_surface_name(enum attr_surface s)
{
	return s > ATTR_NONE && s < ATTR__MAX ? surface_names[s] : "";
}

enum attr_surface attr_surface_parse(const char *name)
{
	for (int s = ATTR_NONE + 1; s < ATTR__MAX; s++)
		if (name && strcmp(name, surface_names[s]) == 0)
			return (enum attr_surface)s;
	return ATTR_NONE;
}

static bool is_mark(const struct attr_mark *m)
{
	return m && m->creator_id > 0 && m->surface > ATTR_NONE && m->surface < ATTR__MAX && m->at > 0;
}

struct attr_mark attr_after_visit(struct attr_mark cur, long long creator_id, enum attr_surface s, long long now)
{
	struct attr_mark next = { creator_id, s, now };
	if (!is_mark(&next))
		return cur;
	if (is_mark(&cur) && cur.creator_id == creator_id && now >= cur.at && now - cur.at <= ATTR_SAME_VISIT_S)
		next.surface = cur.surface;
	return next;
}

bool attr_in_window(const struct attr_mark *m, long long now, unsigned window_days)
{
	if (!is_mark(m))
		return false;
	if (window_days > ATTR_MAX_WINDOW_DAYS)
		window_days = ATTR_MAX_WINDOW_DAYS;
	return m->at <= now + ATTR_CLOCK_SKEW_S && now - m->at <= (long long)window_days * 86400;
}

struct attr_mark attr_resolve(const struct attr_mark *server, const struct attr_mark *cookie,
			      long long now, unsigned window_days)
{
	if (attr_in_window(server, now, window_days))
		return *server;
	if (attr_in_window(cookie, now, window_days))
		return *cookie;
	return (struct attr_mark){ 0, ATTR_NONE, 0 };
}

/* The MAC covers a domain prefix too, so this key use can never collide with another one. */
static void mark_mac(const uint8_t secret[32], const char *body, size_t n, char out[TOKEN_B64_LEN + 1])
{
	uint8_t mac[32], msg[ATTR_COOKIE_MAX + 16];
	static const char domain[] = "cc_attr/1:";
	memcpy(msg, domain, sizeof domain - 1);
	memcpy(msg + sizeof domain - 1, body, n);
	token_keyed_hash(secret, msg, sizeof domain - 1 + n, mac);
	sodium_bin2base64(out, TOKEN_B64_LEN + 1, mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool attr_cookie_encode(const uint8_t secret[32], const struct attr_mark *m, char out[ATTR_COOKIE_MAX])
{
	/* The mark is stamped to the second, so the views of a page within a second (a busy
	 * storefront's, a creator's link shared) carry the same cookie: the worker keeps the last
	 * one it made, a pure function of the secret and the mark, rather than a keyed hash each. */
	static struct {
		uint8_t secret[32];
		struct attr_mark m;
		char text[ATTR_COOKIE_MAX];
	} last;
	if (last.text[0] && last.m.creator_id == m->creator_id && last.m.surface == m->surface && last.m.at == m->at &&
	    memcmp(last.secret, secret, 32) == 0) {
		memcpy(out, last.text, strlen(last.text) + 1);
		return true;
	}
	char body[ATTR_COOKIE_MAX], mac[TOKEN_B64_LEN + 1];
	if (!is_mark(m))
		return false;
	int n = snprintf(body, sizeof body, "1.%lld.%d.%lld", m->creator_id, (int)m->surface, m->at);
	if (n < 0 || (size_t)n + 1 + TOKEN_B64_LEN + 1 > ATTR_COOKIE_MAX)
		return false;
	mark_mac(secret, body, (size_t)n, mac);
	memcpy(out, body, (size_t)n);
	out[n] = '.';
	memcpy(out + n + 1, mac, TOKEN_B64_LEN + 1);
	memcpy(last.secret, secret, 32);
	last.m = *m;
	memcpy(last.text, out, strlen(out) + 1);
	return true;
}

/* A decimal of 1 to 18 digits, no sign, no leading zero: the only form encode writes. */
static bool take_number(const char **p, char end, long long *out)
{
	const char *s = *p;
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	if (n == 0 || n > 18 || (n > 1 && s[0] == '0') || s[n] != end)
		return false;
	*out = strtoll(s, NULL, 10);
	*p = s + n + 1;
	return true;
}

bool attr_cookie_decode(const uint8_t secret[32], const char *text, struct attr_mark *out)
{
	long long creator, surface, at;
	const char *p = text;
	if (!text || strlen(text) >= ATTR_COOKIE_MAX || strncmp(p, "1.", 2) != 0)
		return false;
	p += 2;
	if (!take_number(&p, '.', &creator) || !take_number(&p, '.', &surface) || !take_number(&p, '.', &at))
		return false;
	size_t body = (size_t)(p - 1 - text);
	if (strlen(p) != TOKEN_B64_LEN)
		return false;
	char mac[TOKEN_B64_LEN + 1];
	mark_mac(secret, text, body, mac);
	if (sodium_memcmp(mac, p, TOKEN_B64_LEN) != 0)
		return false;
	struct attr_mark m = { creator, (enum attr_surface)(surface < ATTR__MAX ? surface : ATTR_NONE), at };
	if (!is_mark(&m))
		return false;
	*out = m;
	return true;
}
