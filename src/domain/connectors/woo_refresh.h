/* woo_refresh.h: one WooCommerce variable product read again and written, with its variations,
 * instead of a full sync: its webhook names the variations by id only (connector_refreshes,
 * sql/0053). The webhook, in the studio, queues it; the worker, which alone calls shops, reads it
 * (GET /products/{id} and /products/{id}/variations) and writes it as a sync page would. */
#ifndef CC_WOO_REFRESH_H
#define CC_WOO_REFRESH_H
#include "db/db.h"
#include "domain/connectors/woo_api.h"

/* Queues product remote_id of connector_id (again: due now). */
enum db_status woo_refresh_queue(struct db *db, long long connector_id, long long remote_id);

/* Reads and writes the queued products that are due; the products written, or -1 when the
 * database failed. A product the shop no longer has is dropped from the queue (its product.deleted
 * webhook archives it); another failure is tried again with backoff (1 to 60 minutes). */
long woo_refresh_due(struct db *db, struct arena *a, const struct connector_http *http);

#endif
