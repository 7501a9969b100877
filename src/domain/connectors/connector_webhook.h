/* connector_webhook.h: a webhook from a connected Shopify shop: verified (X-Shopify-Hmac-Sha256,
 * the base64 HMAC-SHA256 of the raw body under the app's client secret), then applied:
 * products/create and products/update write the product as a sync would, products/delete
 * archives it (never deletes: orders may refer to it), inventory_levels/update sets the stock. */
#ifndef CC_CONNECTOR_WEBHOOK_H
#define CC_CONNECTOR_WEBHOOK_H
#include <stdbool.h>
#include <stddef.h>
#include "db/db.h"
#include "domain/connectors/connector_store.h"

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

/* The steps every platform's webhook starts with: load connector_id's connector on platform, verify
 * signature (the base64 HMAC-SHA256 of body) under its secret, wiped at once, and parse body. True
 * with *row filled and *json a JSON object the caller json_decref()s; false with *answer set
 * (REFUSED, DB, or BAD with *why) and nothing to free. */
bool connector_webhook_open(struct db *db, struct arena *a, long long connector_id, const char *platform,
			    const char *signature, const char *body, size_t len, struct connector_hook_row *row,
			    json_t **json, enum connector_hook *answer, const char **why);

/* A product the shop deleted, named by the body's "id": archived, never deleted (orders may refer
 * to it). */
enum connector_hook connector_webhook_archive(struct db *db, const struct connector_hook_row *row, json_t *body,
					      const char **why);

/* A product the shop created or changed, mapped by the platform (p and its remote ids): written as a
 * sync would write it, and remembered as this connector's. */
enum connector_hook connector_webhook_write(struct db *db, struct arena *a, const struct connector_hook_row *row,
					    struct catalog_product *p, const struct connector_ids *ids,
					    struct catalog_report *rep);

enum connector_hook connector_webhook_shopify(struct db *db, struct arena *a, long long connector_id,
					      const char *topic, const char *hmac_b64, const char *body, size_t len,
					      const char **why);

#endif
