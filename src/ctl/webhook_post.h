/* webhook_post.h: the signed lead webhook POST over http or https (libcurl), with the address
 * policy of netcheck.h applied to every address the host resolves to. */
#ifndef CC_WEBHOOK_POST_H
#define CC_WEBHOOK_POST_H
#include <stdbool.h>
#include <stddef.h>
#include "domain/leads/webhook_out.h"

#define WEBHOOK_ERR_LEN 200	/* webhook_attempts.error */

struct webhook_policy {
	const char *ca_file;	/* config webhook_ca_file: CA bundle for https, NULL for the system's */
	const char *allow;	/* config webhook_allow_private: CIDRs let through despite netcheck */
};

/* curl_global_init; call once before any webhook_post. */
bool webhook_post_init(void);

/* POSTs body as application/json with the signature headers, at most 5 s to connect and 10 s in
 * all, never following a redirect. Returns the HTTP status, or 0 with `err` set; *blocked when
 * the host resolved to an address the policy refuses (nothing was sent). */
int webhook_post(const struct webhook_url *u, const struct webhook_policy *pol, const char *secret,
		 long long delivery_id, const char *event, const char *body, size_t n, bool *blocked,
		 char err[WEBHOOK_ERR_LEN]);

#endif
