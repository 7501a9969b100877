/* woo_sync.h: a page of a WooCommerce shop's products for the full sync (connector_sync.c), each
 * variable product with its variations, mapped onto the catalog model. */
#ifndef CC_WOO_SYNC_H
#define CC_WOO_SYNC_H
#include "domain/catalog/catalog_map.h"
#include "domain/connectors/connector_page.h"
#include "domain/connectors/woo_api.h"

#define WOO_OVERLAP 5	/* products of the page before asked for again (see woo_sync.c) */

/* Paging by position with an overlap, as WooCommerce and PrestaShop page: out emptied, and the
 * products already passed (cursor, "" at the start) returned, with *offset the position to ask
 * from, WOO_OVERLAP before them. */
long long woo_sync_start(struct connector_page *out, const char *cursor, long long *offset);
/* Room in out for the n products the page from offset holds, and how many of them are past pos
 * (out->fresh); returns the position after the page, the next cursor when there is more. */
long long woo_sync_room(struct connector_page *out, struct arena *pa, size_t n, long long pos, long long offset);

/* The page after cursor ("" at the start: the products already passed, as a number). line0: the
 * products counted before it, for the reasons' line numbers. */
enum connector_fetch woo_sync_page(const struct connector_http *http, struct arena *pa, struct catalog_run *run,
				   const struct woo_shop *s, const char *cursor, struct connector_page *out);

#endif
