/* fuzz_shopify.c: libFuzzer harness for what a connected Shopify shop sends: the Admin API's
 * answer to the products query (read, then each node mapped) and a webhook's product JSON
 * (mapped). Whatever the bytes: no crash, no read out of bounds, and every product that maps
 * passes the import's checks (a title, 1..100 variants, valid UTF-8 text, an http(s) image list). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "domain/connectors/shopify_api.h"
#include "domain/connectors/shopify_map.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct catalog_product *p)
{
	if (!p)
		return;
	if (!*p->title || p->nvars == 0 || p->nvars > CATALOG_MAX_VARIANTS ||
	    !utf8_valid((const uint8_t *)p->title, strlen(p->title)))
		abort();
	for (size_t i = 0; i < p->nimages; i++)
		if (strncasecmp(p->images[i].url, "http", 4) != 0)	/* a scheme is case-insensitive (RFC 3986) */
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (!a)
		a = arena_new(64 * 1024);
	arena_reset(a);
	struct catalog_report rep = { .a = a };
	struct catalog_run run = { .fmt = CATALOG_SHOPIFY, .currency = "USD", .a = a, .rep = &rep };
	struct connector_ids ids;
	struct shopify_page pg;
	if (shopify_api_read_products(200, (const char *)data, size, &pg) == SHOPIFY_OK) {
		size_t i;
		json_t *e;
		json_array_foreach(pg.edges, i, e)
			check(shopify_map_graphql(&run, json_object_get(e, "node"), i + 1, &ids));
	}
	json_decref(pg.root);
	json_error_t err;
	json_t *j = json_loadb((const char *)data, size, 0, &err);
	if (json_is_object(j))
		check(shopify_map_webhook(&run, j, 1, &ids));
	json_decref(j);
	return 0;
}
