/* main.c: the Shopping API program's routing table, top to bottom. Every route takes its body raw
 * (the bearer key, not a cookie, authenticates); errors, also the dispatcher's own (404, 405,
 * 413, 503), are problem documents (api_error). */
#include "api.h"

static const struct field list_fields[] = {
	{ "limit", 32 }, { "cursor", 200 }, { "updated_since", 64 }, { "status", 64 }, { NULL, 0 },
};
static const struct field no_fields[] = { { NULL, 0 } };

#define API (NEED_API_KEY | NEED_RAW_BODY)

enum api_route {
	API_PRODUCTS, API_PRODUCT_CREATE, API_PRODUCT, API_PRODUCT_UPDATE, API_PRODUCT_DELETE,
	API_VARIANTS, API_VARIANT_CREATE, API_VARIANT_UPDATE, API_ORDERS, API_ORDER, API__MAX
};

static const struct route routes[] = {
	[API_PRODUCTS] = { { HTTP_GET, "/api/v1/products" }, api_products_list, API, list_fields },
	[API_PRODUCT_CREATE] = { { HTTP_POST, "/api/v1/products" }, api_products_create, API, no_fields, API_ROUTE_MAX_BODY },
	[API_PRODUCT] = { { HTTP_GET, "/api/v1/products/{id}" }, api_product_get, API, no_fields },
	[API_PRODUCT_UPDATE] = { { HTTP_PATCH, "/api/v1/products/{id}" }, api_product_update, API, no_fields, API_ROUTE_MAX_BODY },
	[API_PRODUCT_DELETE] = { { HTTP_DELETE, "/api/v1/products/{id}" }, api_product_delete, API, no_fields },
	[API_VARIANTS] = { { HTTP_GET, "/api/v1/products/{id}/variants" }, api_variants_list, API, no_fields },
	[API_VARIANT_CREATE] = { { HTTP_POST, "/api/v1/products/{id}/variants" }, api_variants_create, API, no_fields, API_ROUTE_MAX_BODY },
	[API_VARIANT_UPDATE] = { { HTTP_PATCH, "/api/v1/variants/{id}" }, api_variant_update, API, no_fields, API_ROUTE_MAX_BODY },
	[API_ORDERS] = { { HTTP_GET, "/api/v1/orders" }, api_orders_list, API, list_fields },
	[API_ORDER] = { { HTTP_GET, "/api/v1/orders/{id}" }, api_order_get, API, no_fields },
};
_Static_assert(sizeof routes / sizeof routes[0] == API__MAX, "one row per API route");

int main(int argc, char **argv)
{
	static const struct app api = { "api", routes, API__MAX, api_error, NULL };
	return app_main(&api, argc, argv);
}
