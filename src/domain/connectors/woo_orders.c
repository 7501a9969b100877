/* woo_orders.c: WooCommerce's order shapes, out and back (woo_orders.h). */
#include <stdio.h>
#include <string.h>
#include "domain/connectors/connector_store.h"
#include "domain/connectors/woo_orders.h"

/* A line's variant names its variation (or simple product) by external_id, and its product by the
 * handle the product was synced under. */
static const struct db_stmt q_lines = {
	"SELECT v.external_id, l.quantity - l.refunded_quantity, MAX(cp.remote_id) FROM order_lines l"
	" JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id"
	" JOIN connector_products cp ON cp.connector_id = ? AND cp.handle = p.handle"
	" JOIN connector_stock_items s ON s.connector_id = cp.connector_id AND s.variant_external_id = v.external_id"
	" WHERE l.order_id = ? AND l.quantity > l.refunded_quantity GROUP BY l.id, v.external_id, l.quantity,"
	" l.refunded_quantity ORDER BY l.id", "ii", "sii" };

json_t *woo_orders_input(struct db *db, struct arena *a, long long order_id, long long connector_id,
			 enum db_status *rc)
{
	struct db_res o, l;
	if (!connector_store_order(db, a, order_id, connector_id, &q_lines, &o, &l, rc))
		return NULL;
	json_t *lines = json_array();
	for (size_t i = 0; i < l.nrows; i++) {
		long long product = db_at(&l, i, 2)->i, item = 0;
		sscanf(db_at(&l, i, 0)->s, "%lld", &item);
		json_t *line = json_pack("{s:I,s:I}", "product_id", product, "quantity", db_at(&l, i, 1)->i);
		if (item && item != product)
			json_object_set_new(line, "variation_id", json_integer(item));
		json_array_append_new(lines, line);
	}
	json_t *address = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "last_name", db_at(&o, 0, 3)->s,
		"address_1", db_at(&o, 0, 4)->s, "address_2", db_at(&o, 0, 5)->s, "city", db_at(&o, 0, 6)->s,
		"state", db_at(&o, 0, 7)->s, "postcode", db_at(&o, 0, 8)->s, "country", db_at(&o, 0, 9)->s);
	json_t *billing = json_deep_copy(address);
	json_object_set_new(billing, "email", json_string(db_at(&o, 0, 1)->s));
	return json_pack("{s:s,s:s,s:b,s:s,s:o,s:o,s:o,s:[{s:s,s:s}]}", "payment_method", "crowdcart",
		"payment_method_title", "Paid on crowdcart", "set_paid", 1, "currency", db_at(&o, 0, 2)->s,
		"billing", billing, "shipping", address, "line_items", lines,
		"meta_data", "key", WOO_ORDER_META, "value", db_at(&o, 0, 0)->s);
}

enum connector_fetch woo_orders_create(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
				       json_t *input, long long *remote_id, const char **number, bool *final,
				       char err[200])
{
	struct woo_answer ans;
	enum connector_fetch r = woo_api_call(http, a, s, "/orders", input, &ans);
	*final = r == CONNECTOR_FETCH_REFUSED || (ans.status >= 400 && ans.status < 500 && ans.status != 429);
	snprintf(err, 200, "%s", ans.error);
	if (r != CONNECTOR_FETCH_OK)
		return r;
	json_t *id = json_object_get(ans.root, "id");
	const char *num = json_string_value(json_object_get(ans.root, "number"));
	*remote_id = json_integer_value(id);
	*number = arena_strdup(a, num ? num : "");
	json_decref(ans.root);
	if (*remote_id <= 0) {
		snprintf(err, 200, "the shop's answer names no order");
		return CONNECTOR_FETCH_FAILED;
	}
	return CONNECTOR_FETCH_OK;
}

static bool has_meta(json_t *order, const char *key, const char *value)
{
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(order, "meta_data"), i, m) {
		const char *k = json_string_value(json_object_get(m, "key")), *v = json_string_value(json_object_get(m, "value"));
		if (k && v && strcmp(k, key) == 0 && strcmp(v, value) == 0)
			return true;
	}
	return false;
}

enum connector_fetch woo_orders_find(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
				     const char *crowdcart_number, const char *since, long long *remote_id,
				     const char **number, char err[200])
{
	*remote_id = 0;
	*number = "";
	for (int page = 1; page <= WOO_FIND_PAGES; page++) {
		struct woo_answer ans;
		enum connector_fetch r = woo_api_call(http, a, s, arena_printf(a, "/orders?per_page=100&page=%d&after=%s"
			"&dates_are_gmt=true&orderby=date&order=desc&status=any", page, since), NULL, &ans);
		snprintf(err, 200, "%s", ans.error);
		if (r != CONNECTOR_FETCH_OK)
			return r;
		size_t i;
		json_t *o;
		json_array_foreach(ans.root, i, o)
			if (!*remote_id && has_meta(o, WOO_ORDER_META, crowdcart_number)) {
				const char *n = json_string_value(json_object_get(o, "number"));
				*remote_id = json_integer_value(json_object_get(o, "id"));
				*number = arena_strdup(a, n ? n : "");
			}
		bool last = ans.total_pages < 0 || page >= ans.total_pages || json_array_size(ans.root) == 0;
		json_decref(ans.root);
		if (*remote_id || last)
			break;
	}
	return CONNECTOR_FETCH_OK;
}

/* The Shipment Tracking extension's items: a list, or (as some versions store it) its JSON. */
static void tracking(struct arena *a, json_t *meta, struct woo_order_state *out)
{
	size_t i;
	json_t *m;
	json_array_foreach(meta, i, m) {
		const char *key = json_string_value(json_object_get(m, "key"));
		if (!key || strcmp(key, "_wc_shipment_tracking_items") != 0)
			continue;
		json_t *items = json_object_get(m, "value");
		size_t k;
		json_t *t;
		json_array_foreach(items, k, t) {
			const char *num = json_string_value(json_object_get(t, "tracking_number"));
			const char *carrier = json_string_value(json_object_get(t, "tracking_provider"));
			const char *custom = json_string_value(json_object_get(t, "custom_tracking_provider"));
			if (num && *num) {
				out->tracking = arena_strndup(a, num, 100);
				out->carrier = arena_strndup(a, custom && *custom ? custom : carrier ? carrier : "", 60);
			}
		}
	}
}

enum connector_fetch woo_orders_read(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
				     long long remote_id, struct woo_order_state *out, char err[200])
{
	struct woo_answer ans;
	enum connector_fetch r = woo_api_call(http, a, s, arena_printf(a, "/orders/%lld", remote_id), NULL, &ans);
	snprintf(err, 200, "%s", ans.error);
	out->status = out->number = out->carrier = out->tracking = "";
	if (r != CONNECTOR_FETCH_OK)
		return r;
	const char *status = json_string_value(json_object_get(ans.root, "status"));
	const char *number = json_string_value(json_object_get(ans.root, "number"));
	out->status = arena_strdup(a, status ? status : "");
	out->number = arena_strdup(a, number ? number : "");
	tracking(a, json_object_get(ans.root, "meta_data"), out);
	json_decref(ans.root);
	return CONNECTOR_FETCH_OK;
}
