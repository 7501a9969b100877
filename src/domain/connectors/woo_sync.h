/* woo_sync.h: a page of a WooCommerce shop's products for the full sync (connector_sync.c), each
 * variable product with its variations, mapped onto the catalog model. */
#ifndef CC_WOO_SYNC_H
#define CC_WOO_SYNC_H
#include "domain/catalog/catalog_map.h"
#include "domain/connectors/connector_page.h"
#include "domain/connectors/woo_api.h"

#define WOO_OVERLAP 5	/* products of the page before asked for again (see woo_sync.c) */

/* The page after cursor ("" at the start: the products already passed, as a number). line0: the
 * products counted before it, for the reasons' line numbers. */
enum connector_fetch woo_sync_page(const struct connector_http *http, struct arena *pa, struct catalog_run *run,
				   const struct woo_shop *s, const char *cursor, struct connector_page *out);

#endif
