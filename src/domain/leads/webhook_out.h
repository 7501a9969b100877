/* webhook_out.h: outgoing lead webhooks: the JSON payload writer, the HMAC-SHA256 signature, the
 * retry backoff and the URL parser (the libcurl POST itself is in src/ctl/webhook_post.c, so only
 * crowdcartctl links libcurl). */
#ifndef CC_WEBHOOK_OUT_H
#define CC_WEBHOOK_OUT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/buf.h"

#define WEBHOOK_MAX_ATTEMPTS 8
#define WEBHOOK_SECRET_LEN 43	/* base64url of 32 random bytes */
#define WEBHOOK_SIG_LEN 71	/* "sha256=" + 64 hex digits */

/* Appends s as a JSON string literal (quotes, escapes, control characters as \u00XX). */
void webhook_json_str(struct buf *b, const char *s);

/* "sha256=<hex>" of HMAC-SHA256 keyed with the secret's text over "<timestamp>.<body>". */
void webhook_sign(const char *secret, long long timestamp, const char *body, size_t n,
		  char out[WEBHOOK_SIG_LEN + 1]);

/* Seconds to wait after the attempt-th failed attempt (1-based): 30 s doubling, at most 6 h. */
long long webhook_backoff(unsigned attempt);

struct webhook_url {
	bool tls;		/* https */
	char host[256];		/* a name, or an IP literal without brackets */
	char port[6];
	char path[512];
	char url[800];		/* the canonical form the client fetches: scheme://host:port/path */
};
/* Accepts http:// or https://host[:port][/path], host a name, a dotted IPv4 or a bracketed IPv6
 * literal; false for anything else (other schemes, user info, bad port, spaces). It does not
 * judge the address: see netcheck.h. */
bool webhook_url_parse(const char *url, struct webhook_url *u);

#endif
