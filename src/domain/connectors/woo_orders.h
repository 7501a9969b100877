/* woo_orders.h: a crowdcart order as a WooCommerce order (POST /orders, paid, its lines by product
 * and variation id, the shipping address, the crowdcart number in its meta data), and the order's
 * status read back with the tracking number that the Shipment Tracking extension keeps in the
 * order's meta data (_wc_shipment_tracking_items). The queue and its states: connector_orders.c. */
#ifndef CC_WOO_ORDERS_H
#define CC_WOO_ORDERS_H
#include "db/db.h"
#include "domain/connectors/woo_api.h"

#define WOO_ORDER_META "_crowdcart_order"

/* NULL (and *rc) when the order or its lines cannot be read; an order with no synced line left is
 * an empty line_items, which the shop refuses with its reason. */
json_t *woo_orders_input(struct db *db, struct arena *a, long long order_id, long long connector_id,
			 enum db_status *rc);

/* input is stolen. OK with the shop's order id and number; otherwise err says why and *final is
 * true when asking again cannot help (the shop refused the order or the key). */
enum connector_fetch woo_orders_create(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
				       json_t *input, long long *remote_id, const char **number, bool *final,
				       char err[200]);

/* A push tried again may follow one whose answer was lost after the shop created the order: it is
 * looked for by its _crowdcart_order meta among the orders created since `since` (ISO 8601, UTC),
 * newest first, WOO_FIND_PAGES pages of 100 at most. *remote_id 0: not there. */
#define WOO_FIND_PAGES 5
enum connector_fetch woo_orders_find(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
				     const char *crowdcart_number, const char *since, long long *remote_id,
				     const char **number, char err[200]);

struct woo_order_state {
	const char *status;	/* WooCommerce's: "processing", "completed", "cancelled"... */
	const char *number;	/* the shop's order number */
	const char *carrier, *tracking;	/* "" when the shop has no tracking for it */
};
enum connector_fetch woo_orders_read(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
				     long long remote_id, struct woo_order_state *out, char err[200]);

#endif
