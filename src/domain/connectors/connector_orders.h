/* connector_orders.h: orders placed on crowdcart for products synced from a shop go back to that
 * shop as orders there (Shopify's orderCreate, WooCommerce's and PrestaShop's orders), so the brand
 * fulfils them where it always has; the shop's fulfilment, with its tracking, is read back and
 * ships the crowdcart order. Run by crowdcartctl worker; every call goes through the caller's
 * transport (outbound.h in the worker). */
#ifndef CC_CONNECTOR_ORDERS_H
#define CC_CONNECTOR_ORDERS_H
#include "db/db.h"
#include "domain/connectors/shopify_api.h"

/* Queues paid orders of synced products, pushes those due, asks the shop about pushed ones due.
 * The orders pushed or shipped, or -1 when the database failed. How often a pushed order is asked
 * about: config connector_poll_seconds (default 600). */
long connector_orders_due(struct db *db, struct arena *a, const struct connector_http *http);

#endif
