/* presta_map.h: one PrestaShop product (the Webservice's <product>, with the page's combinations,
 * stock_availables, option values and option groups beside it) onto the catalog model, through
 * the same checks a file import applies (catalog_map.h). Pure. */
#ifndef CC_PRESTA_MAP_H
#define CC_PRESTA_MAP_H
#include <libxml/tree.h>
#include "domain/catalog/catalog_map.h"
#include "domain/connectors/connector_page.h"
#include "domain/connectors/presta_tax.h"

/* The lists a page of products is read with (any may be NULL: none), and the taxes of the
 * products' tax rules groups in the shop's default country (NULL: prices are taken untaxed). */
struct presta_lists {
	xmlNode *combinations, *stock, *values, *groups;
	const struct presta_taxes *taxes;
	xmlNode *specific;	/* specific_prices of the page's products (sales, fixed prices) */
	const char *now;	/* "YYYY-MM-DD HH:MM:SS", UTC: which specific prices are in force */
};

/* A variant's stock item (connector_stock_items.remote_item_id) names what a cart line needs, the
 * product and the combination (0 for a product without combinations): product << 32 | combination.
 * 0 when either id does not fit (PrestaShop's ids are 32-bit: only a broken answer). */
long long presta_map_item(long long product, long long combination);
long long presta_map_item_product(long long item);
long long presta_map_item_combination(long long item);

/* NULL when the product cannot be taken (every reason recorded in run->rep, on `line`). A product
 * without combinations is one variant whose external id is "p" and its id; a combination's
 * external id is its id; ids->item[k] is variant k's presta_map_item. Prices are the product's price plus each combination's impact,
 * with the tax of the product's tax rules group (as the shop's front office shows them); pictures
 * are named by their public address under shop_url (/img/p/1/2/3/123.jpg). */
struct catalog_product *presta_map_product(struct catalog_run *run, const char *shop_url, xmlNode *product,
					   const struct presta_lists *l, unsigned long line, struct connector_ids *ids);

/* "23.900000" (or "-1.5") in millionths; false when not a decimal of at most 6 places. */
bool presta_map_micros(const char *s, long long *out);

#endif
