/* orders.c: /api/v1/orders and /api/v1/orders/{id}: the brand's orders with their lines, read
 * only (fulfilment happens in the studio), in cursor pages filtered by updated_since and status. */
#include <string.h>
#include "api/api.h"
#include "domain/commerce/pay_test.h"

#define ORDER_COLS "o.id, o.number, o.status, o.email, o.ship_name, o.ship_line1, o.ship_line2, o.ship_city," \
	" o.ship_region, o.ship_postal, o.ship_country, o.currency, o.subtotal, o.shipping, o.tax, o.total," \
	" o.refunded_total, o.carrier, o.tracking_number, o.created_at, o.updated_at, COALESCE(o.paid_at, '')," \
	" COALESCE(o.shipped_at, ''), COALESCE(o.delivered_at, ''), COALESCE(o.cancelled_at, '')," \
	" o.tax_rate_bps, o.prices_include_tax, o.discount, " PAY_TEST_ORDER("o")
/* Grouped as the columns: id; number to currency; the five amounts (subtotal to refunded_total);
 * carrier to cancelled_at; tax rate, prices_include_tax, discount; test. A column read as the wrong
 * type comes back empty or 0 (currency "" and refunded totals of 0.00 once did). */
#define ORDER_TYPES "i" "sssssssssss" "iiiii" "ssssssss" "iii" "i"

static const struct db_stmt q_orders = {
	"SELECT " ORDER_COLS " FROM orders o WHERE o.brand_id = ? AND o.id > ? AND o.updated_at >= ?"
	" AND (? = '' OR o.status = ?) ORDER BY o.id LIMIT ?", "iisssi", ORDER_TYPES };
static const struct db_stmt q_order = {
	"SELECT " ORDER_COLS " FROM orders o WHERE o.id = ? AND o.brand_id = ?", "ii", ORDER_TYPES };
static const struct db_stmt q_lines = {
	"SELECT l.id, l.order_id, COALESCE(l.product_id, 0), COALESCE(l.variant_id, 0), l.title, l.variant_title, l.sku,"
	" l.unit_price, l.quantity, l.line_total, l.refunded_quantity, l.refunded_amount FROM order_lines l"
	" JOIN orders o ON o.id = l.order_id WHERE o.brand_id = ? AND o.id BETWEEN ? AND ? ORDER BY l.order_id, l.id",
	"iii", "iiiisssiiiii" };

static const char *const statuses[] = {
	"awaiting_payment", "paid", "shipped", "delivered", "cancelled", "refunded", "partially_refunded", "payment_failed",
};

static json_t *time_or_null(const char *s)
{
	return *s ? api_time(s) : json_null();
}

static json_t *order_json(struct req *r, const struct db_res *o, size_t i)
{
	const char *cur = db_at(o, i, 11)->s;
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(db_at(o, i, 0)->i));
	json_object_set_new(j, "number", json_string(db_at(o, i, 1)->s));
	json_object_set_new(j, "status", json_string(db_at(o, i, 2)->s));
	json_object_set_new(j, "email", json_string(db_at(o, i, 3)->s));
	json_object_set_new(j, "shipping_address", json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
		"name", db_at(o, i, 4)->s, "line1", db_at(o, i, 5)->s, "line2", db_at(o, i, 6)->s, "city", db_at(o, i, 7)->s,
		"region", db_at(o, i, 8)->s, "postal_code", db_at(o, i, 9)->s, "country", db_at(o, i, 10)->s));
	json_object_set_new(j, "currency", json_string(cur));
	static const char *const amounts[] = { "subtotal", "shipping", "tax", "total", "refunded_total" };
	for (size_t k = 0; k < 5; k++) {
		json_object_set_new(j, amounts[k], api_money(r, db_at(o, i, 12 + k)->i, cur));
		json_object_set_new(j, arena_printf(r->arena, "%s_minor", amounts[k]), json_integer(db_at(o, i, 12 + k)->i));
	}
	/* With prices that include tax, subtotal and shipping are net of it (docs/CHECKOUT.md). */
	json_object_set_new(j, "tax_rate_bps", json_integer(db_at(o, i, 25)->i));
	json_object_set_new(j, "prices_include_tax", json_boolean(db_at(o, i, 26)->i != 0));
	/* What discount codes took off the goods before tax; subtotal is already after it. */
	json_object_set_new(j, "discount", api_money(r, db_at(o, i, 27)->i, cur));
	json_object_set_new(j, "discount_minor", json_integer(db_at(o, i, 27)->i));
	json_object_set_new(j, "carrier", json_string(db_at(o, i, 17)->s));
	json_object_set_new(j, "tracking_number", json_string(db_at(o, i, 18)->s));
	json_object_set_new(j, "created_at", api_time(db_at(o, i, 19)->s));
	json_object_set_new(j, "updated_at", api_time(db_at(o, i, 20)->s));
	json_object_set_new(j, "paid_at", time_or_null(db_at(o, i, 21)->s));
	json_object_set_new(j, "shipped_at", time_or_null(db_at(o, i, 22)->s));
	json_object_set_new(j, "delivered_at", time_or_null(db_at(o, i, 23)->s));
	json_object_set_new(j, "cancelled_at", time_or_null(db_at(o, i, 24)->s));
	/* paid by the test provider: no money came in (pay_test.h) */
	json_object_set_new(j, "test", json_boolean(db_at(o, i, 28)->i != 0));
	json_object_set_new(j, "lines", json_array());
	return j;
}

static json_t *line_json(struct req *r, const struct db_res *l, size_t i, const char *cur)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(db_at(l, i, 0)->i));
	json_object_set_new(j, "product_id", db_at(l, i, 2)->i ? json_integer(db_at(l, i, 2)->i) : json_null());
	json_object_set_new(j, "variant_id", db_at(l, i, 3)->i ? json_integer(db_at(l, i, 3)->i) : json_null());
	json_object_set_new(j, "title", json_string(db_at(l, i, 4)->s));
	json_object_set_new(j, "variant_title", json_string(db_at(l, i, 5)->s));
	json_object_set_new(j, "sku", json_string(db_at(l, i, 6)->s));
	json_object_set_new(j, "unit_price", api_money(r, db_at(l, i, 7)->i, cur));
	json_object_set_new(j, "unit_price_minor", json_integer(db_at(l, i, 7)->i));
	json_object_set_new(j, "quantity", json_integer(db_at(l, i, 8)->i));
	json_object_set_new(j, "line_total", api_money(r, db_at(l, i, 9)->i, cur));
	json_object_set_new(j, "line_total_minor", json_integer(db_at(l, i, 9)->i));
	json_object_set_new(j, "refunded_quantity", json_integer(db_at(l, i, 10)->i));
	json_object_set_new(j, "refunded_amount", api_money(r, db_at(l, i, 11)->i, cur));
	json_object_set_new(j, "refunded_amount_minor", json_integer(db_at(l, i, 11)->i));
	return j;
}

/* The page's orders with their lines, in two queries. */
static enum db_status orders_json(struct req *r, long long brand_id, const struct db_res *o, json_t **out)
{
	json_t *arr = json_array();
	*out = arr;
	if (o->nrows == 0)
		return DB_OK;
	for (size_t i = 0; i < o->nrows; i++)
		json_array_append_new(arr, order_json(r, o, i));
	struct db_res l;
	enum db_status rc = db_query(r->db, r->arena, &q_lines, (struct db_param[]){ DB_I(brand_id),
		DB_I(db_at(o, 0, 0)->i), DB_I(db_at(o, o->nrows - 1, 0)->i) }, &l);
	if (rc != DB_OK)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < l.nrows; i++) {	/* both lists are in order id order */
		while (k < o->nrows && db_at(o, k, 0)->i < db_at(&l, i, 1)->i)
			k++;
		if (k < o->nrows && db_at(o, k, 0)->i == db_at(&l, i, 1)->i)
			json_array_append_new(json_object_get(json_array_get(arr, k), "lines"),
					      line_json(r, &l, i, db_at(o, k, 11)->s));
	}
	return DB_OK;
}

int api_orders_list(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *ls = req_query(r, "limit"), *cursor = req_query(r, "cursor");
	const char *since = req_query(r, "updated_since"), *status = req_query(r, "status");
	long long limit = API_DEFAULT_LIMIT, after = 0;
	if (ls && !req_int(r, "limit", &limit))
		limit = 0;	/* answered below, with the other parameters' problems */
	char since_db[20] = "1970-01-01 00:00:00";
	bool status_ok = !status;
	for (size_t i = 0; status && i < sizeof statuses / sizeof statuses[0]; i++)
		status_ok |= strcmp(status, statuses[i]) == 0;
	if (limit < 1 || limit > API_MAX_LIMIT) {
		api_problem(r, 400, "limit", "Must be a whole number from 1 to 100.");
		return REQ_DONE;
	}
	if (cursor && !api_cursor_id(cursor, &after)) {
		api_problem(r, 400, "cursor", "Use the next_cursor of a previous page, unchanged.");
		return REQ_DONE;
	}
	if (since && !api_parse_time(since, since_db)) {
		api_problem(r, 400, "updated_since", "Use an RFC 3339 UTC time, like 2026-01-31T12:00:00Z.");
		return REQ_DONE;
	}
	if (!status_ok) {
		api_problem(r, 400, "status", "Not an order status.");
		return REQ_DONE;
	}
	struct db_res o;
	enum db_status rc = db_query(r->db, r->arena, &q_orders, (struct db_param[]){ DB_I(b->id), DB_I(after),
		DB_S(since_db), DB_S(status ? status : ""), DB_S(status ? status : ""), DB_I(limit + 1) }, &o);
	bool more = rc == DB_OK && o.nrows > (size_t)limit;
	if (more)
		o.nrows = (size_t)limit;
	json_t *arr = NULL;
	if (rc == DB_OK)
		rc = orders_json(r, b->id, &o, &arr);
	if (rc != DB_OK) {
		json_decref(arr);
		return req_db_fail(rc);
	}
	json_t *page = json_pack("{s:o}", "data", arr);
	json_object_set_new(page, "next_cursor", more ? json_string(api_cursor(r, db_at(&o, o.nrows - 1, 0)->i)) : json_null());
	api_json(r, 200, page);
	return REQ_DONE;
}

int api_order_get(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	struct db_res o;
	enum db_status rc = db_query(r->db, r->arena, &q_order, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &o);
	if (rc == DB_OK && o.nrows == 0) {
		api_problem(r, 404, NULL, "This brand has no order with that id.");
		return REQ_DONE;
	}
	json_t *arr = NULL;
	if (rc == DB_OK)
		rc = orders_json(r, b->id, &o, &arr);
	if (rc != DB_OK) {
		json_decref(arr);
		return req_db_fail(rc);
	}
	json_t *one = json_incref(json_array_get(arr, 0));
	json_decref(arr);
	api_json(r, 200, one);
	return REQ_DONE;
}
