/* presta_map.h: one PrestaShop product (the Webservice's <product>, with the page's combinations,
 * stock_availables, option values and option groups beside it) onto the catalog model, through
 * the same checks a file import applies (catalog_map.h). Pure. */
#ifndef CC_PRESTA_MAP_H
#define CC_PRESTA_MAP_H
#include <libxml/tree.h>
#include "domain/catalog/catalog_map.h"
#include "domain/connectors/connector_page.h"

/* The lists a page of products is read with (any may be NULL: none). */
struct presta_lists {
	xmlNode *combinations, *stock, *values, *groups;
};

/* NULL when the product cannot be taken (every reason recorded in run->rep, on `line`). A product
 * without combinations is one variant whose external id is "p" and its id; a combination's
 * external id is its id. Prices are the product's price plus each combination's impact; pictures
 * are named by their public address under shop_url (/img/p/1/2/3/123.jpg). */
struct catalog_product *presta_map_product(struct catalog_run *run, const char *shop_url, xmlNode *product,
					   const struct presta_lists *l, unsigned long line, struct connector_ids *ids);

/* "23.900000" (or "-1.5") in millionths; false when not a decimal of at most 6 places. */
bool presta_map_micros(const char *s, long long *out);

#endif
