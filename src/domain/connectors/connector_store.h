/* connector_store.h: a brand's connector row (docs/CONNECTORS.md): connecting (credentials sealed
 * at rest), queueing a full sync, the worker's claim on it under a lease, the checkpoint after
 * each page, the remote ids of what was written, and the end of a sync. */
#ifndef CC_CONNECTOR_STORE_H
#define CC_CONNECTOR_STORE_H
#include <stdbool.h>
#include "db/db.h"
#include "domain/connectors/connector_page.h"

#define CONNECTOR_SECRET_MAX 200	/* an access token or client secret, in bytes */
#define CONNECTOR_LEASE_S 20		/* a worker's hold on a sync, renewed with every page */

/* Saves the brand's connection to its shop on platform ("shopify", "woocommerce"; replacing one
 * before on the same platform) and queues a full sync from the start. DB_CONFLICT when a secret
 * is empty, too long, or cannot be sealed (no secret_key). */
enum db_status connector_store_connect(struct db *db, long long brand_id, const char *platform, const char *shop,
				       const char *token, const char *secret);
/* A token_sealed column opened; false (out "") when it cannot be. */
bool connector_store_open_token(const struct db_val *sealed, char out[CONNECTOR_SECRET_MAX + 1]);
/* Forgets the brand's connection, its secrets and the remote ids (the products stay, as they are
 * now: nothing syncs them any more). */
enum db_status connector_store_disconnect(struct db *db, long long brand_id, const char *platform);
/* Queues a full sync unless one is queued or running. */
enum db_status connector_store_queue(struct db *db, long long brand_id, const char *platform);

/* What the studio shows. found false when the brand has none. */
struct connector_view {
	bool found;
	long long id;
	const char *shop, *state, *last_result, *last_synced_at, *started_at;
	long long done, total, skipped, seconds_running;
};
enum db_status connector_store_view(struct db *db, struct arena *a, long long brand_id, const char *platform,
				    struct connector_view *v);

/* A sync a worker holds. */
struct connector_sync_row {
	long long id, brand_id, round, done, skipped;
	const char *shop, *currency, *cursor;	/* cursor "" at the start */
	const char *platform;
	bool webhooks_registered;	/* subscribed in the shop since it was connected */
	char token[CONNECTOR_SECRET_MAX + 1];
};
/* Ids of connectors with a sync due (queued, or running under a lease that ran out). */
/* connector_platforms: the platforms this worker serves, comma-separated. */
const char *connector_store_platforms(void);
enum db_status connector_store_due(struct db *db, struct arena *a, long long *ids, size_t max, size_t *n);
/* Takes the sync of connector id for CONNECTOR_LEASE_S; *won false when another worker has it.
 * A sync without a checkpoint starts a new round. */
enum db_status connector_store_claim(struct db *db, struct arena *a, long long id, bool *won,
				     struct connector_sync_row *row);
/* After a page is written: the cursor to go on from, the counts (total < 0: unknown, kept), and
 * the lease renewed. */
enum db_status connector_store_checkpoint(struct db *db, const struct connector_sync_row *row, const char *cursor,
					  long long total);
/* The remote ids of written products (ps[i] NULL: not written), marked as seen in this round. */
enum db_status connector_store_remember(struct db *db, struct arena *a, long long connector_id, long long round,
					struct catalog_product *const *ps, const struct connector_ids *ids, size_t n);
/* The end of a full sync: products not seen in this round are archived (never deleted: orders
 * may refer to them), the checkpoint cleared, the result recorded. */
enum db_status connector_store_finish(struct db *db, const struct connector_sync_row *row, const char *result);
/* The shop's webhooks are subscribed (shopify_hooks.c). */
enum db_status connector_store_hooks_registered(struct db *db, long long id);
/* A sync given back at its checkpoint (the pass ran out of time): due again at once. */
enum db_status connector_store_pause(struct db *db, long long id);
/* A sync that cannot go on now: retry (keep the checkpoint, try again after retry_s), or stop
 * (retry_s 0: the credentials were refused; the brand must connect again). */
enum db_status connector_store_fail(struct db *db, long long id, long retry_s, const char *result);

/* An order going back to a shop: number, email, currency and shipping address (name, line1, line2,
 * city, region, postal code, country), and its lines by the platform's own statement (given
 * connector_id, then order_id). False when the order is gone, or the database failed (*rc). */
bool connector_store_order(struct db *db, struct arena *a, long long order_id, long long connector_id,
			   const struct db_stmt *lines, struct db_res *order, struct db_res *line_rows,
			   enum db_status *rc);

/* The shop a product of the brand is synced from (*shop NULL: none), for the editor's note that
 * the next sync overwrites what is edited here. */
enum db_status connector_store_synced_from(struct db *db, struct arena *a, long long brand_id, long long product_id,
					   const char **shop, const char **platform);

/* The webhook side: a connector and its client secret, opened; found false when there is no such
 * connector on that platform or its secret cannot be opened. */
struct connector_hook_row {
	long long id, brand_id, round;
	const char *currency, *shop;
	char secret[CONNECTOR_SECRET_MAX + 1];
};
enum db_status connector_store_webhook(struct db *db, struct arena *a, long long connector_id, const char *platform,
				       struct connector_hook_row *row, bool *found);

#endif
