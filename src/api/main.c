/* main.c: the Shopping API program's routing table, top to bottom. Every route takes its body raw
 * (the bearer key, not a cookie, authenticates); errors, also the dispatcher's own (404, 405,
 * 413, 503), are problem documents (api_error). */
#include "api/api.h"
#include "web/ops_page.h"

/* Ids in the path are typed, so "/api/v1/products/abc" is a 404 problem before any handler. */
static const struct field path_id[] = { F_ID("id"), F_END };
/* The list handlers answer a bad limit, cursor or time with a problem naming the parameter. */
static const struct field list_fields[] = {
	F_INT("limit", 32, 1, API_MAX_LIMIT, .inline_error = true), F_TEXT("cursor", 200),
	F_TEXT("updated_since", 64), F_TEXT("status", 64), F_END,
};

#define API (NEED_API_KEY | NEED_RAW_BODY)

/* In the order of the rows below: the table order is the match precedence. */
enum api_route {
	API_HEALTH, API_METRICS, API_PRODUCTS, API_PRODUCT_CREATE, API_PRODUCT, API_PRODUCT_UPDATE, API_PRODUCT_DELETE,
	API_VARIANTS, API_VARIANT_CREATE, API_VARIANT_UPDATE, API_ORDERS, API_ORDER,
	API__MAX
};

static const struct route routes[] = {
	/* for the operator (docs/OPERATING.md): plain text, not problem documents */
	[API_HEALTH] = { .pat = { HTTP_GET, "/api/_health" }, .fn = page_health, .needs = NEED_NO_DB },
	[API_METRICS] = { .pat = { HTTP_GET, "/api/_metrics" }, .fn = page_metrics, .needs = NEED_NO_DB },
	[API_PRODUCTS] = { .pat = { HTTP_GET, "/api/v1/products" }, .fn = api_products_list,
		.needs = API, .fields = list_fields },
	[API_PRODUCT_CREATE] = { .pat = { HTTP_POST, "/api/v1/products" },
		.fn = api_products_create, .needs = API, .max_body = API_ROUTE_MAX_BODY },
	[API_PRODUCT] = { .pat = { HTTP_GET, "/api/v1/products/{id}" }, .fn = api_product_get,
		.needs = API, .path = path_id },
	[API_PRODUCT_UPDATE] = { .pat = { HTTP_PATCH, "/api/v1/products/{id}" },
		.fn = api_product_update, .needs = API, .path = path_id,
		.max_body = API_ROUTE_MAX_BODY },
	[API_PRODUCT_DELETE] = { .pat = { HTTP_DELETE, "/api/v1/products/{id}" },
		.fn = api_product_delete, .needs = API, .path = path_id },
	[API_VARIANTS] = { .pat = { HTTP_GET, "/api/v1/products/{id}/variants" },
		.fn = api_variants_list, .needs = API, .path = path_id },
	[API_VARIANT_CREATE] = { .pat = { HTTP_POST, "/api/v1/products/{id}/variants" },
		.fn = api_variants_create, .needs = API, .path = path_id,
		.max_body = API_ROUTE_MAX_BODY },
	[API_VARIANT_UPDATE] = { .pat = { HTTP_PATCH, "/api/v1/variants/{id}" },
		.fn = api_variant_update, .needs = API, .path = path_id,
		.max_body = API_ROUTE_MAX_BODY },
	[API_ORDERS] = { .pat = { HTTP_GET, "/api/v1/orders" }, .fn = api_orders_list,
		.needs = API, .fields = list_fields },
	[API_ORDER] = { .pat = { HTTP_GET, "/api/v1/orders/{id}" }, .fn = api_order_get,
		.needs = API, .path = path_id },
};
_Static_assert(sizeof routes / sizeof routes[0] == API__MAX, "one row per API route");

int main(int argc, char **argv)
{
	static const struct app api = {
		.name = "api", .routes = routes, .nroutes = API__MAX, .error = api_error,
	};
	return worker_main(&api, argc, argv);
}
