/* netcheck.c: IP literal parsing, non-public range classification and the CIDR allow list that
 * keep brand-chosen webhook URLs off the server's own network (SSRF). */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include "lib/netcheck.h"

struct range {
	uint8_t b[16];
	unsigned bits;
	const char *why;
};

/* Broadcast before 240/4 so the more telling reason wins; first match wins. */
static const struct range v4_ranges[] = {
	{ { 0 }, 8, "this-network" },
	{ { 10 }, 8, "private" },
	{ { 100, 64 }, 10, "carrier-grade NAT" },
	{ { 127 }, 8, "loopback" },
	{ { 169, 254 }, 16, "link-local" },
	{ { 172, 16 }, 12, "private" },
	{ { 192, 0, 0 }, 24, "reserved" },
	{ { 192, 168 }, 16, "private" },
	{ { 198, 18 }, 15, "benchmarking" },
	{ { 224 }, 4, "multicast" },
	{ { 255, 255, 255, 255 }, 32, "broadcast" },
	{ { 240 }, 4, "reserved" },
};

static const struct range v6_ranges[] = {
	{ { 0 }, 128, "unspecified" },
	{ { [15] = 1 }, 128, "loopback" },
	{ { 0 }, 96, "IPv4-compatible" },
	{ { 0x01 }, 64, "discard" },
	{ { 0xfc }, 7, "unique-local" },
	{ { 0xfe, 0x80 }, 10, "link-local" },
	{ { 0xfe, 0xc0 }, 10, "site-local" },
	{ { 0xff }, 8, "multicast" },
};

static bool prefix_match(const uint8_t *a, const uint8_t *p, unsigned bits)
{
	unsigned whole = bits / 8, rest = bits % 8;
	if (memcmp(a, p, whole) != 0)
		return false;
	return rest == 0 || ((a[whole] ^ p[whole]) & (uint8_t)(0xff << (8 - rest))) == 0;
}

/* One inet_aton part: decimal, 0-prefixed octal or 0x-prefixed hex; advances *s. */
static bool v4_part(const char **s, uint64_t *v)
{
	const char *p = *s;
	unsigned base = 10;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	} else if (p[0] == '0') {
		base = 8;
	}
	const char *start = p;
	*v = 0;
	for (;; p++) {
		unsigned d;
		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			break;
		if (d >= base)
			return false;
		*v = *v * base + d;
		if (*v > 0xffffffffu)
			return false;
	}
	*s = p;
	return p > start;
}

/* The spellings resolvers accept, not just dotted quads: "2130706433" reaches 127.0.0.1 too. */
static bool parse_v4(const char *s, uint8_t out[4])
{
	uint64_t part[4];
	unsigned n = 0;
	for (;;) {
		if (n == 4 || !v4_part(&s, &part[n]))
			return false;
		n++;
		if (*s == '\0')
			break;
		if (*s++ != '.')
			return false;
	}
	uint64_t last_max = 0xffffffffu >> (8 * (n - 1));
	if (part[n - 1] > last_max)
		return false;
	uint32_t v = (uint32_t)part[n - 1];
	for (unsigned i = 0; i + 1 < n; i++) {
		if (part[i] > 255)
			return false;
		v |= (uint32_t)part[i] << (24 - 8 * i);
	}
	out[0] = (uint8_t)(v >> 24), out[1] = (uint8_t)(v >> 16), out[2] = (uint8_t)(v >> 8), out[3] = (uint8_t)v;
	return true;
}

bool netcheck_literal(const char *host, struct netcheck_addr *out)
{
	memset(out, 0, sizeof *out);
	if (!host || !*host)
		return false;
	size_t n = strlen(host);
	if (host[0] == '[') {
		char inner[NETCHECK_ADDR_TEXT];
		if (n < 3 || host[n - 1] != ']' || n - 2 >= sizeof inner)
			return false;
		memcpy(inner, host + 1, n - 2);
		inner[n - 2] = '\0';
		out->family = AF_INET6;
		return inet_pton(AF_INET6, inner, out->b) == 1;
	}
	if (strchr(host, ':')) {
		out->family = AF_INET6;
		return inet_pton(AF_INET6, host, out->b) == 1;
	}
	out->family = AF_INET;
	return parse_v4(host, out->b);
}

bool netcheck_from_sockaddr(const struct sockaddr *sa, struct netcheck_addr *out)
{
	memset(out, 0, sizeof *out);
	out->family = sa->sa_family;
	if (sa->sa_family == AF_INET)
		memcpy(out->b, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
	else if (sa->sa_family == AF_INET6)
		memcpy(out->b, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, 16);
	else
		return false;
	return true;
}

/* The IPv4 address an IPv6 one stands for (mapped, NAT64, 6to4), so it is judged as that. */
static struct netcheck_addr effective(const struct netcheck_addr *a)
{
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };
	static const uint8_t nat64[12] = { 0x00, 0x64, 0xff, 0x9b };
	struct netcheck_addr v4 = { .family = AF_INET };
	if (a->family != AF_INET6)
		return *a;
	if (memcmp(a->b, mapped, 12) == 0 || memcmp(a->b, nat64, 12) == 0)
		memcpy(v4.b, a->b + 12, 4);
	else if (a->b[0] == 0x20 && a->b[1] == 0x02)
		memcpy(v4.b, a->b + 2, 4);
	else
		return *a;
	return v4;
}

const char *netcheck_blocked(const struct netcheck_addr *a)
{
	struct netcheck_addr e = effective(a);
	const struct range *r = e.family == AF_INET ? v4_ranges : v6_ranges;
	size_t n = e.family == AF_INET ? sizeof v4_ranges / sizeof *v4_ranges : sizeof v6_ranges / sizeof *v6_ranges;
	for (size_t i = 0; i < n; i++)
		if (prefix_match(e.b, r[i].b, r[i].bits))
			return r[i].why;
	return NULL;
}

/* Parses "addr/bits" (or a bare address, all bits) of at most len chars. */
static bool parse_cidr(const char *s, size_t len, struct netcheck_addr *net, unsigned *bits)
{
	char text[NETCHECK_ADDR_TEXT + 4];
	if (len == 0 || len >= sizeof text)
		return false;
	memcpy(text, s, len);
	text[len] = '\0';
	char *slash = strchr(text, '/');
	if (slash)
		*slash = '\0';
	/* only plain dotted quads or IPv6 text in the operator's list: no odd spellings there */
	struct netcheck_addr tmp;
	if (strchr(text, ':')) {
		tmp.family = AF_INET6;
		if (inet_pton(AF_INET6, text, tmp.b) != 1)
			return false;
	} else {
		tmp.family = AF_INET;
		if (inet_pton(AF_INET, text, tmp.b) != 1)
			return false;
	}
	unsigned max = tmp.family == AF_INET ? 32 : 128;
	*bits = max;
	if (slash) {
		const char *p = slash + 1;
		if (!*p || strspn(p, "0123456789") != strlen(p) || strlen(p) > 3)
			return false;
		*bits = 0;
		for (; *p; p++)
			*bits = *bits * 10 + (unsigned)(*p - '0');
		if (*bits > max)
			return false;
	}
	*net = tmp;
	return true;
}

/* Walks the comma- or space-separated CIDR list; *hit if a (may be NULL) is inside one of them.
 * False if the list is malformed. */
static bool each_cidr(const char *allow, const struct netcheck_addr *a, bool *hit)
{
	*hit = false;
	for (const char *p = allow ? allow : ""; *p;) {
		p += strspn(p, " \t,");
		size_t len = strcspn(p, " \t,");
		if (len == 0)
			break;
		struct netcheck_addr net;
		unsigned bits;
		if (!parse_cidr(p, len, &net, &bits))
			return false;
		if (a && !*hit && net.family == a->family && prefix_match(a->b, net.b, bits))
			*hit = true;
		p += len;
	}
	return true;
}

bool netcheck_allow_valid(const char *allow)
{
	bool hit;
	return each_cidr(allow, NULL, &hit);
}

const char *netcheck_refuse(const struct netcheck_addr *a, const char *allow)
{
	const char *why = netcheck_blocked(a);
	if (!why)
		return NULL;
	struct netcheck_addr e = effective(a);
	bool hit;
	/* a malformed list allows nothing: the operator sees it in netcheck_allow_valid at start-up */
	if (each_cidr(allow, &e, &hit) && hit)
		return NULL;
	return why;
}

bool netcheck_listed(const struct netcheck_addr *a, const char *list)
{
	struct netcheck_addr e = effective(a);
	bool hit;
	return each_cidr(list, &e, &hit) && hit;
}

enum netcheck_pin netcheck_pin(const struct addrinfo *ai, const char *host, const char *port, const char *allow,
			       char *pin, size_t pinsz, char *err, size_t errsz)
{
	int len = snprintf(pin, pinsz, "%s:%s:", host, port);
	bool first = true;
	for (const struct addrinfo *a = ai; a; a = a->ai_next) {
		struct netcheck_addr na;
		char text[NETCHECK_ADDR_TEXT];
		if (!netcheck_from_sockaddr(a->ai_addr, &na))
			continue;
		netcheck_format(&na, text);
		const char *why = netcheck_refuse(&na, allow);
		if (why) {
			snprintf(err, errsz, "blocked address %s (%s)", text, why);
			return NETCHECK_PIN_BLOCKED;
		}
		if (len <= 0 || (size_t)len >= pinsz)
			continue;
		int w = snprintf(pin + len, pinsz - (size_t)len, na.family == AF_INET6 ? "%s[%s]" : "%s%s",
				 first ? "" : ",", text);
		if (w > 0 && (size_t)(len + w) < pinsz)
			len += w, first = false;
		else
			pin[len] = '\0';
	}
	if (first) {
		snprintf(err, errsz, "host has no usable address");
		return NETCHECK_PIN_EMPTY;
	}
	return NETCHECK_PIN_OK;
}

void netcheck_format(const struct netcheck_addr *a, char out[NETCHECK_ADDR_TEXT])
{
	if (!inet_ntop(a->family, a->b, out, NETCHECK_ADDR_TEXT))
		strcpy(out, "?");
}
