/* products_json.c: products and variants as the Shopping API shows them, read in a fixed number
 * of queries per page (children fetched for the page's id range, not per product). */
#include <string.h>
#include "api/api.h"
#include "api/api_products.h"
#include "domain/catalog/product.h"

#define PRODUCT_COLS "p.id, p.handle, p.title, p.description_html, p.product_type, p.vendor, p.tags, p.status," \
	" p.currency, p.price_min, p.stock_total, p.marketplace, COALESCE(p.commission_bps, -1), p.created_at, p.updated_at"
#define PRODUCT_TYPES "issssssssiisiss"

const struct db_stmt api_q_products = {
	"SELECT " PRODUCT_COLS " FROM products p WHERE p.brand_id = ? AND p.id > ? AND p.updated_at >= ?"
	" AND (? = '' OR p.status = ?) ORDER BY p.id LIMIT ?", "iisssi", PRODUCT_TYPES };
const struct db_stmt api_q_product = {
	"SELECT " PRODUCT_COLS " FROM products p WHERE p.id = ? AND p.brand_id = ?", "ii", PRODUCT_TYPES };

#define VARIANT_COLS "v.id, v.product_id, v.position, v.sku, v.barcode, v.option1, v.option2, v.option3, v.price," \
	" COALESCE(v.compare_at_price, -1), v.currency, v.stock, v.inventory_policy"
#define VARIANT_TYPES "iiisssssiisis"

static const struct db_stmt q_variants = {
	"SELECT " VARIANT_COLS " FROM variants v JOIN products p ON p.id = v.product_id"
	" WHERE p.brand_id = ? AND p.id BETWEEN ? AND ? ORDER BY v.product_id, v.position, v.id", "iii", VARIANT_TYPES };
const struct db_stmt api_q_variant = {
	"SELECT " VARIANT_COLS " FROM variants v JOIN products p ON p.id = v.product_id"
	" WHERE v.id = ? AND p.brand_id = ?", "ii", VARIANT_TYPES };
static const struct db_stmt q_images = {
	"SELECT i.id, i.product_id, i.position, i.url, i.alt FROM product_images i JOIN products p ON p.id = i.product_id"
	" WHERE p.brand_id = ? AND p.id BETWEEN ? AND ? ORDER BY i.product_id, i.position, i.id", "iii", "iiiss" };
static const struct db_stmt q_options = {
	"SELECT o.product_id, o.position, o.name FROM product_options o JOIN products p ON p.id = o.product_id"
	" WHERE p.brand_id = ? AND p.id BETWEEN ? AND ? ORDER BY o.product_id, o.position", "iii", "iis" };

json_t *api_variant_json(struct req *r, const struct db_res *v, size_t i)
{
	const char *cur = db_at(v, i, 10)->s;
	long long compare = db_at(v, i, 9)->i;
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(db_at(v, i, 0)->i));
	json_object_set_new(o, "product_id", json_integer(db_at(v, i, 1)->i));
	json_object_set_new(o, "position", json_integer(db_at(v, i, 2)->i));
	json_object_set_new(o, "sku", json_string(db_at(v, i, 3)->s));
	json_object_set_new(o, "barcode", json_string(db_at(v, i, 4)->s));
	json_object_set_new(o, "option1", json_string(db_at(v, i, 5)->s));
	json_object_set_new(o, "option2", json_string(db_at(v, i, 6)->s));
	json_object_set_new(o, "option3", json_string(db_at(v, i, 7)->s));
	json_object_set_new(o, "price", api_money(r, db_at(v, i, 8)->i, cur));
	json_object_set_new(o, "price_minor", json_integer(db_at(v, i, 8)->i));
	json_object_set_new(o, "compare_at_price", compare < 0 ? json_null() : api_money(r, compare, cur));
	json_object_set_new(o, "compare_at_price_minor", compare < 0 ? json_null() : json_integer(compare));
	json_object_set_new(o, "currency", json_string(cur));
	json_object_set_new(o, "stock", json_integer(db_at(v, i, 11)->i));
	json_object_set_new(o, "inventory_policy", json_string(db_at(v, i, 12)->s));
	return o;
}

static json_t *product_json(struct req *r, const struct db_res *p, size_t i)
{
	const char *cur = db_at(p, i, 8)->s;
	long long bps = db_at(p, i, 12)->i;
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(db_at(p, i, 0)->i));
	json_object_set_new(o, "handle", json_string(db_at(p, i, 1)->s));
	json_object_set_new(o, "title", json_string(db_at(p, i, 2)->s));
	json_object_set_new(o, "description", json_string(product_html_text(r->arena, db_at(p, i, 3)->s)));
	json_object_set_new(o, "description_html", json_string(db_at(p, i, 3)->s));
	json_object_set_new(o, "product_type", json_string(db_at(p, i, 4)->s));
	json_object_set_new(o, "vendor", json_string(db_at(p, i, 5)->s));
	json_object_set_new(o, "tags", json_string(db_at(p, i, 6)->s));
	json_object_set_new(o, "status", json_string(db_at(p, i, 7)->s));
	json_object_set_new(o, "currency", json_string(cur));
	json_object_set_new(o, "price_min", api_money(r, db_at(p, i, 9)->i, cur));
	json_object_set_new(o, "price_min_minor", json_integer(db_at(p, i, 9)->i));
	json_object_set_new(o, "stock_total", json_integer(db_at(p, i, 10)->i));
	json_object_set_new(o, "marketplace", json_string(db_at(p, i, 11)->s));
	json_object_set_new(o, "commission_bps", bps < 0 ? json_null() : json_integer(bps));
	json_object_set_new(o, "created_at", api_time(db_at(p, i, 13)->s));
	json_object_set_new(o, "updated_at", api_time(db_at(p, i, 14)->s));
	json_object_set_new(o, "options", json_array());
	json_object_set_new(o, "images", json_array());
	json_object_set_new(o, "variants", json_array());
	return o;
}

static json_t *find(json_t *arr, long long id)
{
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
		if (json_integer_value(json_object_get(v, "id")) == id)
			return v;
	return NULL;
}

enum db_status api_products_json(struct req *r, long long brand_id, const struct db_res *p, json_t **out)
{
	json_t *arr = json_array();
	*out = arr;
	if (p->nrows == 0)
		return DB_OK;
	for (size_t i = 0; i < p->nrows; i++)
		json_array_append_new(arr, product_json(r, p, i));
	long long lo = db_at(p, 0, 0)->i, hi = db_at(p, p->nrows - 1, 0)->i;
	struct db_param range[] = { DB_I(brand_id), DB_I(lo), DB_I(hi) };
	struct db_res v, im, o;
	enum db_status rc = db_query(r->db, r->arena, &q_variants, range, &v);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_images, range, &im);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_options, range, &o);
	if (rc != DB_OK)
		return rc;
	/* Rows of products outside this page (filtered out by status or time) find no parent. */
	for (size_t i = 0; i < v.nrows; i++) {
		json_t *parent = find(arr, db_at(&v, i, 1)->i);
		if (parent)
			json_array_append_new(json_object_get(parent, "variants"), api_variant_json(r, &v, i));
	}
	for (size_t i = 0; i < im.nrows; i++) {
		json_t *parent = find(arr, db_at(&im, i, 1)->i);
		if (parent)
			json_array_append_new(json_object_get(parent, "images"), json_pack("{s:I, s:I, s:s, s:s}",
				"id", (json_int_t)db_at(&im, i, 0)->i, "position", (json_int_t)db_at(&im, i, 2)->i,
				"url", db_at(&im, i, 3)->s, "alt", db_at(&im, i, 4)->s));
	}
	for (size_t i = 0; i < o.nrows; i++) {
		json_t *parent = find(arr, db_at(&o, i, 0)->i);
		if (parent)
			json_array_append_new(json_object_get(parent, "options"), json_string(db_at(&o, i, 2)->s));
	}
	return DB_OK;
}
