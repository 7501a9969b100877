/* webhook_out.c: lead webhook payloads, signatures, backoff and the URL parser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "lib/netcheck.h"
#include "domain/leads/webhook_out.h"

void webhook_json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)*p);
		} else if (*p == '\n') {
			buf_puts(b, "\\n");
		} else if (*p == '\r') {
			buf_puts(b, "\\r");
		} else if (*p == '\t') {
			buf_puts(b, "\\t");
		} else if (*p < 0x20 || *p == 0x7f) {
			buf_printf(b, "\\u%04x", *p);
		} else if (*p == '<' || *p == '>' || *p == '&') {
			/* so the payload is inert even if a receiver pastes it into HTML */
			buf_printf(b, "\\u%04x", *p);
		} else {
			buf_putc(b, (char)*p);
		}
	}
	buf_putc(b, '"');
}

void webhook_sign(const char *secret, long long timestamp, const char *body, size_t n,
		  char out[WEBHOOK_SIG_LEN + 1])
{
	crypto_auth_hmacsha256_state st;
	uint8_t mac[crypto_auth_hmacsha256_BYTES];
	char ts[24];
	int tn = snprintf(ts, sizeof ts, "%lld.", timestamp);
	crypto_auth_hmacsha256_init(&st, (const uint8_t *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const uint8_t *)ts, (size_t)tn);
	crypto_auth_hmacsha256_update(&st, (const uint8_t *)body, n);
	crypto_auth_hmacsha256_final(&st, mac);
	memcpy(out, "sha256=", 7);
	sodium_bin2hex(out + 7, 65, mac, sizeof mac);
}

long long webhook_backoff(unsigned attempt)
{
	long long s = 30;
	for (unsigned i = 1; i < attempt && s < 6 * 3600; i++)
		s *= 2;
	return s < 6 * 3600 ? s : 6 * 3600;
}

bool webhook_url_parse(const char *url, struct webhook_url *u)
{
	const char *h;
	if (url && strncmp(url, "http://", 7) == 0)
		u->tls = false, h = url + 7;
	else if (url && strncmp(url, "https://", 8) == 0)
		u->tls = true, h = url + 8;
	else
		return false;
	bool v6 = *h == '[';
	size_t hl = v6 ? strcspn(h, "]") + 1 : strcspn(h, ":/?#");
	if (hl == 0 || (v6 && hl <= 2) || hl >= sizeof u->host || memchr(h, '@', strcspn(h, "/")) || (v6 && h[hl - 1] != ']'))
		return false;
	struct netcheck_addr lit;
	if (v6) {
		memcpy(u->host, h, hl);
		u->host[hl] = '\0';
		if (!netcheck_literal(u->host, &lit) || lit.family != AF_INET6)
			return false;
		memmove(u->host, u->host + 1, hl - 2);
		u->host[hl - 2] = '\0';
	} else {
		for (size_t i = 0; i < hl; i++)
			if (!((h[i] >= 'a' && h[i] <= 'z') || (h[i] >= 'A' && h[i] <= 'Z') || (h[i] >= '0' && h[i] <= '9') ||
			      h[i] == '.' || h[i] == '-'))
				return false;
		memcpy(u->host, h, hl);
		u->host[hl] = '\0';
	}
	const char *p = h + hl;
	strcpy(u->port, u->tls ? "443" : "80");
	if (*p == ':') {
		size_t pl = strspn(p + 1, "0123456789");
		long port = pl ? strtol(p + 1, NULL, 10) : 0;
		if (pl == 0 || pl > 5 || port < 1 || port > 65535)
			return false;
		snprintf(u->port, sizeof u->port, "%ld", port);
		p += 1 + pl;
	}
	if (*p == '#' || (*p && *p != '/' && *p != '?'))
		return false;
	const char *path = *p ? p : "/";
	size_t pl = strcspn(path, "#");
	if (pl + 2 >= sizeof u->path)
		return false;
	for (size_t i = 0; i < pl; i++)
		if ((unsigned char)path[i] <= 0x20 || path[i] == 0x7f)
			return false;
	if (*path == '?')
		u->path[0] = '/', memcpy(u->path + 1, path, pl), u->path[pl + 1] = '\0';
	else
		memcpy(u->path, path, pl), u->path[pl] = '\0';
	snprintf(u->url, sizeof u->url, "%s://%s%s%s:%s%s", u->tls ? "https" : "http", v6 ? "[" : "", u->host,
		 v6 ? "]" : "", u->port, u->path);
	return true;
}
