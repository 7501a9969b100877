/* fuzz_woo.c: libFuzzer harness for what a connected WooCommerce shop sends: a REST answer (read
 * with any status and paging headers), a product with its variations ([product, variations] or a
 * lone product) and a webhook's variation, mapped. Whatever the bytes: no crash, no read out of
 * bounds, and every product that maps passes the import's checks. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "domain/connectors/woo_api.h"
#include "domain/connectors/woo_map.h"
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
		if (strncasecmp(p->images[i].url, "http", 4) != 0)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (!a)
		a = arena_new(64 * 1024);
	arena_reset(a);
	struct woo_answer ans;
	int status = size ? 200 + data[0] % 300 : 200;
	if (woo_api_read(status, (const char *)data, size, "12", "x", "5", &ans) == CONNECTOR_FETCH_OK)
		json_decref(ans.root);
	struct catalog_report rep = { .a = a };
	struct catalog_run run = { .fmt = CATALOG_WOOCOMMERCE, .currency = "USD", .a = a, .rep = &rep };
	struct connector_ids ids;
	json_error_t err;
	json_t *j = json_loadb((const char *)data, size, 0, &err);
	if (json_is_array(j))
		check(woo_map_product(&run, json_array_get(j, 0), json_array_get(j, 1), 1, &ids));
	else if (json_is_object(j)) {
		check(woo_map_product(&run, j, NULL, 1, &ids));
		struct catalog_variant v = { .currency = "USD" };
		woo_map_variation(&run, j, &v);
	}
	json_decref(j);
	return 0;
}
