/* woo_map.h: one WooCommerce product (REST API v3 JSON, with its variations when it is variable)
 * onto the catalog model, through the same checks a file import applies (catalog_map.h). Pure. */
#ifndef CC_WOO_MAP_H
#define CC_WOO_MAP_H
#include <jansson.h>
#include "domain/catalog/catalog_map.h"
#include "domain/connectors/connector_page.h"

/* NULL when the product cannot be taken (every reason recorded in run->rep, on `line`). A simple
 * product is one variant whose external id is the product's id; a variable one has a variant per
 * variation (variations: the array /products/{id}/variations answers), its id the external id. */
struct catalog_product *woo_map_product(struct catalog_run *run, json_t *product, json_t *variations,
					unsigned long line, struct connector_ids *ids);

/* A variation's own price, compare-at price, stock and policy, as a webhook carries it; false
 * (reason in run->rep) when a value fails the checks. */
bool woo_map_variation(struct catalog_run *run, json_t *variation, struct catalog_variant *v);

#endif
