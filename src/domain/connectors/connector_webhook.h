/* connector_webhook.h: a webhook from a connected Shopify shop: verified (X-Shopify-Hmac-Sha256,
 * the base64 HMAC-SHA256 of the raw body under the app's client secret), then applied:
 * products/create and products/update write the product as a sync would, products/delete
 * archives it (never deletes: orders may refer to it), inventory_levels/update sets the stock. */
#ifndef CC_CONNECTOR_WEBHOOK_H
#define CC_CONNECTOR_WEBHOOK_H
#include <stdbool.h>
#include <stddef.h>
#include "db/db.h"

enum connector_hook {
	CONNECTOR_HOOK_APPLIED,
	CONNECTOR_HOOK_IGNORED,		/* verified, but a topic or an item crowdcart has nothing to do with */
	CONNECTOR_HOOK_SKIPPED,		/* verified, but the product fails the import's checks (why says) */
	CONNECTOR_HOOK_REFUSED,		/* no such connector, or the signature does not verify */
	CONNECTOR_HOOK_BAD,		/* verified, but the body is not what the topic sends */
	CONNECTOR_HOOK_DB,		/* the database failed: Shopify sends it again */
};

/* True when hmac_b64 is the base64 HMAC-SHA256 of body under secret (constant time). */
bool connector_webhook_verify(const char *secret, const char *body, size_t len, const char *hmac_b64);

enum connector_hook connector_webhook_shopify(struct db *db, struct arena *a, long long connector_id,
					      const char *topic, const char *hmac_b64, const char *body, size_t len,
					      const char **why);

#endif
