/* variants.c: /api/v1/products/{id}/variants (list, add) and /api/v1/variants/{id} (price, stock,
 * policy, SKU); every change re-derives the product's price_min and stock_total in the same
 * transaction. */
#include <string.h>
#include "api/api_products.h"
#include "lib/money.h"
#include "domain/catalog/product_store.h"
#include "web/response.h"

static const struct db_stmt q_product_currency = {
	"SELECT currency FROM products WHERE id = ? AND brand_id = ?", "ii", "s" };

static void not_found(struct req *r, const char *what)
{
	api_problem(r, 404, NULL, what);
}

int api_variants_list(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	json_t *o;
	enum db_status rc = id ? api_product_by_id(r, b->id, id, &o) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!id || !o) {
		not_found(r, "This brand has no product with that id.");
		return REQ_DONE;
	}
	json_t *page = json_pack("{s:O, s:n}", "data", json_object_get(o, "variants"), "next_cursor");
	json_decref(o);
	api_json(r, 200, page);
	return REQ_DONE;
}

static int answer_variant(struct req *r, const struct acting_brand *b, enum db_status rc, const struct product_result *res,
			   int status, const char *missing)
{
	if (rc == DB_CONFLICT && res->missing) {
		not_found(r, missing);
		return REQ_DONE;
	}
	if (rc == DB_CONFLICT && res->bad_field) {
		api_problem(r, 422, res->bad_field, strcmp(res->bad_field, "stock") == 0
			    ? "Stock can only go below zero when inventory_policy is continue."
			    : "Not valid for this product's options.");
		return REQ_DONE;
	}
	struct db_res v;
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &api_q_variant, (struct db_param[]){ DB_I(res->id), DB_I(b->id) }, &v);
	if (rc != DB_OK || v.nrows == 0)
		return req_db_fail(rc == DB_OK ? DB_ERR : rc);
	if (status == 201)
		response_header(r, "Location", arena_printf(r->arena, "/api/v1/variants/%lld", res->id));
	api_json(r, status, api_variant_json(r, &v, 0));
	return REQ_DONE;
}

int api_variants_create(struct req *r)
{
	const struct acting_brand *b = r->brand;
	json_t *body;
	if (!api_body(r, &body))
		return REQ_DONE;
	long long id = req_id(r, "id");
	struct db_res cur;
	enum db_status rc = db_query(r->db, r->arena, &q_product_currency, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &cur);
	if (rc != DB_OK || cur.nrows == 0) {
		json_decref(body);
		if (rc != DB_OK)
			return req_db_fail(rc);
		not_found(r, "This brand has no product with that id.");
		return REQ_DONE;
	}
	const char *currency = db_at(&cur, 0, 0)->s;
	struct product_variant v;
	struct product_problem p;
	bool ok = api_parse_variant(r, body, currency, "", &v, &p);
	json_decref(body);
	if (!ok) {
		api_problem(r, 422, p.field[0] == '.' ? p.field + 1 : p.field, p.msg);
		return REQ_DONE;
	}
	struct product_result res;
	rc = product_add_variant(r->db, r->arena, b->id, id, currency, &v, &res);
	return answer_variant(r, b, rc, &res, 201, "This brand has no product with that id.");
}

int api_variant_update(struct req *r)
{
	const struct acting_brand *b = r->brand;
	json_t *body;
	if (!api_body(r, &body))
		return REQ_DONE;
	long long id = req_id(r, "id");
	struct product_variant_patch patch;
	memset(&patch, 0, sizeof patch);
	const char *field = NULL, *msg = NULL;
	json_t *v;
	const char *cur = b->currency;
	if ((v = json_object_get(body, "price"))) {
		patch.has_price = json_is_string(v) && money_parse(json_string_value(v), cur, &patch.price);
		if (!patch.has_price)
			field = "price", msg = "Give the amount as a decimal string, like \"12.50\".";
	}
	if (!field && (v = json_object_get(body, "compare_at_price"))) {
		patch.clear_compare = json_is_null(v);
		patch.has_compare = json_is_string(v) && money_parse(json_string_value(v), cur, &patch.compare_at);
		if (!patch.clear_compare && !patch.has_compare)
			field = "compare_at_price", msg = "Give the amount as a decimal string, like \"15.00\", or null.";
	}
	if (!field && (v = json_object_get(body, "stock"))) {
		patch.has_stock = json_is_integer(v) && json_integer_value(v) <= PRODUCT_MAX_STOCK && json_integer_value(v) >= -PRODUCT_MAX_STOCK;
		patch.stock = json_integer_value(v);
		if (!patch.has_stock)
			field = "stock", msg = "Must be a whole number.";
	}
	if (!field && (v = json_object_get(body, "inventory_policy"))) {
		patch.policy = json_is_string(v) ? arena_strdup(r->arena, json_string_value(v)) : "";
		patch.has_policy = strcmp(patch.policy, "deny") == 0 || strcmp(patch.policy, "continue") == 0;
		if (!patch.has_policy)
			field = "inventory_policy", msg = "Must be deny or continue.";
	}
	if (!field && (v = json_object_get(body, "sku"))) {
		patch.sku = json_is_string(v) ? arena_strdup(r->arena, json_string_value(v)) : NULL;
		patch.has_sku = patch.sku && product_text_ok(patch.sku, 120, false);
		if (!patch.has_sku)
			field = "sku", msg = "Must be a string of at most 120 characters.";
	}
	json_decref(body);
	if ((patch.has_price && patch.price < 0) || (patch.has_compare && patch.compare_at < 0))
		field = "price", msg = "Must not be negative.";
	if (field) {
		api_problem(r, 422, field, msg);
		return REQ_DONE;
	}
	struct product_result res;
	enum db_status rc = id ? product_patch_variant(r->db, r->arena, b->id, id, &patch, &res) : DB_CONFLICT;
	if (!id)
		res = (struct product_result){ .missing = true };
	return answer_variant(r, b, rc, &res, 200, "This brand has no variant with that id.");
}
