/* webhook_out.h: outgoing lead webhooks: the JSON payload writer, the HMAC-SHA256 signature, the
 * retry backoff, and a plain HTTP/1.1 POST over TCP (http:// only; https needs a TLS terminator
 * in front of the receiver, see docs/LEADS.md). */
#ifndef CC_WEBHOOK_OUT_H
#define CC_WEBHOOK_OUT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

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
	char host[256];
	char port[6];
	char path[512];
};
/* Accepts http://host[:port][/path]; false for anything else (https, user info, bad port). */
bool webhook_url_parse(const char *url, struct webhook_url *u);

/* POSTs body as application/json with the signature headers; waits at most timeout_ms for
 * connect, send and the status line. Returns the HTTP status, or 0 with `err` set. */
int webhook_post(const struct webhook_url *u, const char *secret, long long delivery_id, const char *event,
		 const char *body, size_t n, int timeout_ms, char err[128]);

#endif
