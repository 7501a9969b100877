/* connector_page.h: what every platform's sync hands the common write side (connector_sync.c):
 * a page of products mapped onto the catalog model, the remote ids each carries, and how the
 * fetch went, whichever API it came from. */
#ifndef CC_CONNECTOR_PAGE_H
#define CC_CONNECTOR_PAGE_H
#include <stdbool.h>
#include <jansson.h>
#include "domain/catalog/catalog.h"

/* The remote ids of a mapped product: the product's, and each variant's stock item (Shopify's
 * InventoryItem, WooCommerce's variation or simple product), by which webhooks name stock. */
struct connector_ids {
	long long product;
	long long item[CATALOG_MAX_VARIANTS];
	size_t nitems;
};

enum connector_fetch {
	CONNECTOR_FETCH_OK,
	CONNECTOR_FETCH_WAIT,		/* the shop asked to slow down: ask again after wait_ms */
	CONNECTOR_FETCH_REFUSED,	/* the credentials were refused: asking again will not help */
	CONNECTOR_FETCH_FAILED,		/* the network or the shop failed: try again later */
};

struct connector_page {
	struct catalog_product **ps;	/* n of them; NULL where a product failed the checks (skipped) */
	struct connector_ids *ids;
	size_t n;
	size_t fresh;		/* of the n, how many are new to this round: the last ones (a page may
				 * overlap the one before it, see woo_sync.c) */
	const char *next;	/* the cursor to go on from; "" when this was the last page */
	long long total;	/* products in the shop, -1 when not known */
	json_t *hold;		/* the answers the products point into: json_decref once written */
	long wait_ms;		/* before the next page (0: now), or before asking again when WAIT */
	char error[200];	/* why, when not OK: never a credential */
};

#endif
