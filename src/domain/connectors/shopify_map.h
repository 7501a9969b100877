/* shopify_map.h: one Shopify product onto the catalog model, through the same checks a file
 * import applies (catalog_map.h), from either shape Shopify sends it in: a node of the Admin
 * GraphQL API's products query, or the JSON of a products/create|update webhook. Pure. */
#ifndef CC_SHOPIFY_MAP_H
#define CC_SHOPIFY_MAP_H
#include <jansson.h>
#include "domain/catalog/catalog_map.h"
#include "domain/connectors/connector_page.h"

/* NULL when the product cannot be taken (every reason recorded in run->rep, on `line`, which
 * counts products in the sync rather than lines). Variants keep Shopify's variant id as ext_id. */
struct catalog_product *shopify_map_graphql(struct catalog_run *run, json_t *node, unsigned long line,
					    struct connector_ids *ids);
struct catalog_product *shopify_map_webhook(struct catalog_run *run, json_t *product, unsigned long line,
					    struct connector_ids *ids);

/* The number at the end of a global id ("gid://shopify/Product/123" -> 123); 0 if none. */
long long shopify_map_gid(const char *gid);

#endif
