/* woo_webhook.h: a webhook from a connected WooCommerce shop: verified (X-WC-Webhook-Signature,
 * the base64 HMAC-SHA256 of the raw body under the webhook's secret), then applied:
 * product.created and product.updated write a simple product as a sync would, or a variation's
 * price and stock (WooCommerce sends a variation's change as the variation); a variable product's
 * own change queues that product for the worker to read again with its variations (its body lists
 * variation ids, not their prices: woo_refresh.h); product.deleted
 * archives (never deletes: orders may refer to it). */
#ifndef CC_WOO_WEBHOOK_H
#define CC_WOO_WEBHOOK_H
#include "domain/connectors/connector_webhook.h"

enum connector_hook woo_webhook_apply(struct db *db, struct arena *a, long long connector_id, const char *topic,
				      const char *signature, const char *body, size_t len, const char **why);

#endif
