/* presta_api.h: the PrestaShop Webservice as crowdcart calls it: GET /api/{resource} and POST of a
 * new resource, in XML, the Webservice key as the basic-auth user with no password, as PrestaShop
 * documents. The sync reads products, combinations, stock_availables, product_option_values,
 * product_options, configurations, tax_rules and taxes; an order pushed back also writes customers,
 * addresses, carts and orders (presta_orders.c). The transport is the caller's (struct connector_http). */
#ifndef CC_PRESTA_API_H
#define CC_PRESTA_API_H
#include <stdbool.h>
#include <libxml/tree.h>
#include "domain/connectors/connector_page.h"
#include "domain/connectors/shopify_api.h"

#define PRESTA_TIMEOUT_MS 20000L

struct presta_shop {
	const char *url;	/* "https://shop.example" (no trailing '/') */
	const char *key;	/* the Webservice key, opened */
};

/* The shop's address as typed, reduced to "https://host/path"; false when it is not an https
 * address of a named host (the same rule as a WooCommerce shop's). */
bool presta_api_shop(const char *typed, char out[256]);

/* GET /api/{resource}?{query} (query already encoded). OK with *doc (the caller xmlFreeDoc's it)
 * and its list element (<prestashop><products>...) in *list; otherwise error says why. */
enum connector_fetch presta_api_get(const struct connector_http *http, struct arena *a, const struct presta_shop *s,
				    const char *resource, const char *query, xmlDoc **doc, xmlNode **list,
				    char error[200]);

/* POST /api/{resource} with the XML body: OK with the created resource (<prestashop><customer>...)
 * in *doc and *item; otherwise error says why (PrestaShop's validation message for a 400) and
 * *status is the HTTP status (0: no answer). */
enum connector_fetch presta_api_post(const struct connector_http *http, struct arena *a, const struct presta_shop *s,
				     const char *resource, const char *xml, xmlDoc **doc, xmlNode **item, int *status,
				     char error[200]);

/* A filter value as the Webservice takes it, "[value]" percent-encoded for a query string
 * ("%5Bada%40example.com%5D"). */
const char *presta_api_filter(struct arena *a, const char *value);

/* Reads an answer; exposed for the unit tests. */
enum connector_fetch presta_api_read(int status, const char *body, size_t len, xmlDoc **doc, xmlNode **list,
				     char error[200]);

/* The first element child of n named name; NULL when none (or n is NULL). */
xmlNode *presta_xml_child(xmlNode *n, const char *name);
/* An element's text in the arena ("" when n is NULL); of a multilingual field, the first language's. */
const char *presta_xml_text(struct arena *a, xmlNode *n);
/* An element's text as a number; 0 when absent or not one. */
long long presta_xml_id(xmlNode *n);

#endif
