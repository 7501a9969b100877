/* presta_sync.h: a page of a PrestaShop shop's products for the full sync (connector_sync.c), read
 * with its combinations, stock, option names and specific prices in five more calls, and its taxes
 * in three (filtered by the page's ids, never one call per product). */
#ifndef CC_PRESTA_SYNC_H
#define CC_PRESTA_SYNC_H
#include "domain/catalog/catalog_map.h"
#include "domain/connectors/connector_page.h"
#include "domain/connectors/presta_api.h"

#define PRESTA_PAGE 50

/* The page after cursor ("" at the start: the products already passed, as a number). */
enum connector_fetch presta_sync_page(const struct connector_http *http, struct arena *pa, struct catalog_run *run,
				      const struct presta_shop *s, const char *cursor, struct connector_page *out);

#endif
