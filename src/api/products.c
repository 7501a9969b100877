/* products.c: /api/v1/products and /api/v1/products/{id}: list (cursor pages, updated_since,
 * status), get, create, change and archive; always within the calling key's brand. */
#include <stdlib.h>
#include <string.h>
#include "api/api_products.h"
#include "domain/catalog/product_store.h"
#include "web/response.h"

enum db_status api_product_by_id(struct req *r, long long brand_id, long long id, json_t **out)
{
	struct db_res p;
	*out = NULL;
	enum db_status rc = db_query(r->db, r->arena, &api_q_product, (struct db_param[]){ DB_I(id), DB_I(brand_id) }, &p);
	if (rc != DB_OK || p.nrows == 0)
		return rc;
	json_t *arr;
	rc = api_products_json(r, brand_id, &p, &arr);
	if (rc == DB_OK)
		*out = json_incref(json_array_get(arr, 0));
	json_decref(arr);
	return rc;
}

static bool parse_limit(struct req *r, long long *limit)
{
	*limit = API_DEFAULT_LIMIT;
	if (!req_str(r, "limit"))
		return true;
	if (!req_int(r, "limit", limit)) {
		api_problem(r, 400, "limit", "Must be a whole number from 1 to 100.");
		return false;
	}
	return true;
}

int api_products_list(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long limit, after = 0;
	if (!parse_limit(r, &limit))
		return REQ_DONE;
	const char *cursor = req_query(r, "cursor"), *since = req_query(r, "updated_since"), *status = req_query(r, "status");
	char since_db[20] = "1970-01-01 00:00:00";
	if (cursor && !api_cursor_id(cursor, &after)) {
		api_problem(r, 400, "cursor", "Use the next_cursor of a previous page, unchanged.");
		return REQ_DONE;
	}
	if (since && !api_parse_time(since, since_db)) {
		api_problem(r, 400, "updated_since", "Use an RFC 3339 UTC time, like 2026-01-31T12:00:00Z.");
		return REQ_DONE;
	}
	if (status && !product_status_ok(status)) {
		api_problem(r, 400, "status", "Must be draft, active or archived.");
		return REQ_DONE;
	}
	struct db_res p;
	enum db_status rc = db_query(r->db, r->arena, &api_q_products, (struct db_param[]){ DB_I(b->id), DB_I(after),
		DB_S(since_db), DB_S(status ? status : ""), DB_S(status ? status : ""), DB_I(limit + 1) }, &p);
	bool more = rc == DB_OK && p.nrows > (size_t)limit;
	if (more)
		p.nrows = (size_t)limit;	/* the extra row only says another page exists */
	json_t *arr = NULL;
	if (rc == DB_OK)
		rc = api_products_json(r, b->id, &p, &arr);
	if (rc != DB_OK) {
		json_decref(arr);
		return req_db_fail(rc);
	}
	json_t *page = json_pack("{s:o}", "data", arr);
	json_object_set_new(page, "next_cursor", more ? json_string(api_cursor(r, db_at(&p, p.nrows - 1, 0)->i)) : json_null());
	api_json(r, 200, page);
	return REQ_DONE;
}

int api_product_get(struct req *r)
{
	const struct acting_brand *b = r->brand;
	json_t *o;
	long long id = req_id(r, "id");
	enum db_status rc = id ? api_product_by_id(r, b->id, id, &o) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!id || !o)
		api_problem(r, 404, NULL, "This brand has no product with that id.");
	else
		api_json(r, 200, o);
	return REQ_DONE;
}

/* Answers a write's outcome with the product as it now is. */
static int answer(struct req *r, const struct acting_brand *b, enum db_status rc, const struct product_result *res, int status)
{
	if (rc == DB_CONFLICT && res->missing) {
		api_problem(r, 404, NULL, "This brand has no product with that id.");
		return REQ_DONE;
	}
	if (rc == DB_CONFLICT && res->bad_field) {
		api_problem(r, 422, res->bad_field, "Not valid for this product.");
		return REQ_DONE;
	}
	json_t *o = NULL;
	if (rc == DB_OK)
		rc = api_product_by_id(r, b->id, res->id, &o);
	if (rc != DB_OK || !o)
		return req_db_fail(rc == DB_OK ? DB_ERR : rc);
	if (status == 201)
		response_header(r, "Location", arena_printf(r->arena, "/api/v1/products/%lld", res->id));
	api_json(r, status, o);
	return REQ_DONE;
}

int api_products_create(struct req *r)
{
	const struct acting_brand *b = r->brand;
	json_t *body;
	if (!api_body(r, &body))
		return REQ_DONE;
	struct product_input in = { .title = NULL };
	struct product_problem p = { NULL, NULL };
	const char *status = NULL;
	bool images_set;
	bool ok = api_parse_fields(r, body, &in, &status, &images_set, &p);
	json_t *opts = json_object_get(body, "options"), *vars = json_object_get(body, "variants");
	if (ok && opts && (!json_is_array(opts) || json_array_size(opts) > PRODUCT_MAX_OPTIONS))
		ok = false, p = (struct product_problem){ "options", "Must be an array of at most 3 option names." };
	for (size_t k = 0; ok && opts && k < json_array_size(opts); k++) {
		json_t *n = json_array_get(opts, k);
		if (!json_is_string(n))
			ok = false, p = (struct product_problem){ arena_printf(r->arena, "options[%zu]", k), "Must be a string." };
		else
			in.opt_name[k] = arena_strdup(r->arena, json_string_value(n));
	}
	if (ok && (!json_is_array(vars) || json_array_size(vars) == 0 || json_array_size(vars) > PRODUCT_MAX_VARIANTS))
		ok = false, p = (struct product_problem){ "variants", "Must be an array of 1 to 100 variants." };
	if (ok) {
		in.nvariants = json_array_size(vars);
		in.variants = arena_zalloc(r->arena, sizeof *in.variants * in.nvariants);
	}
	for (size_t i = 0; ok && i < in.nvariants; i++)
		ok = api_parse_variant(r, json_array_get(vars, i), b->currency, arena_printf(r->arena, "variants[%zu]", i),
				       &in.variants[i], &p);
	json_decref(body);
	if (ok && !in.title)
		ok = false, p = (struct product_problem){ "title", "A product needs a title." };
	if (ok)
		ok = product_check(r->arena, &in, &p);
	if (!ok) {
		api_problem(r, 422, p.field, p.msg);
		return REQ_DONE;
	}
	struct product_result res;
	enum db_status rc = product_create(r->db, r->arena, b->id, b->currency, status ? status : "draft", &in, &res);
	return answer(r, b, rc, &res, 201);
}

static const struct db_stmt q_current = {
	"SELECT title, description_html, product_type, vendor, tags FROM products WHERE id = ? AND brand_id = ?",
	"ii", "sssss" };

int api_product_update(struct req *r)
{
	const struct acting_brand *b = r->brand;
	json_t *body;
	if (!api_body(r, &body))
		return REQ_DONE;
	long long id = req_id(r, "id");
	struct db_res cur;
	enum db_status rc = db_query(r->db, r->arena, &q_current, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &cur);
	if (rc != DB_OK || cur.nrows == 0) {
		json_decref(body);
		if (rc != DB_OK)
			return req_db_fail(rc);
		api_problem(r, 404, NULL, "This brand has no product with that id.");
		return REQ_DONE;
	}
	/* Fields left out keep their values. */
	struct product_input in = { .title = db_at(&cur, 0, 0)->s, .description = NULL, .type = db_at(&cur, 0, 2)->s,
				 .vendor = db_at(&cur, 0, 3)->s, .tags = db_at(&cur, 0, 4)->s };
	struct product_problem p = { NULL, NULL };
	const char *status = NULL;
	bool images_set = false;
	bool ok = api_parse_fields(r, body, &in, &status, &images_set, &p);
	bool desc_given = json_object_get(body, "description") != NULL;
	json_t *rest;
	const char *key;
	json_object_foreach(body, key, rest)
		if (ok && (strcmp(key, "variants") == 0 || strcmp(key, "options") == 0))
			ok = false, p = (struct product_problem){ arena_strdup(r->arena, key),
				"Change variants through /variants; option names cannot change here." };
	json_decref(body);
	if (ok)
		ok = product_check_fields(r->arena, &in, &p);
	if (!ok) {
		api_problem(r, 422, p.field, p.msg);
		return REQ_DONE;
	}
	/* The stored description is rewritten only when a new one was sent (imports keep their HTML). */
	unsigned what = (images_set ? PRODUCT_SET_IMAGES : 0);
	struct product_result res;
	if (!desc_given)
		in.description = NULL;
	rc = product_update(r->db, r->arena, b->id, id, b->currency, what | PRODUCT_SET_FIELDS | (desc_given ? 0 : PRODUCT_KEEP_DESCRIPTION),
			 status, &in, &res);
	return answer(r, b, rc, &res, 200);
}

int api_product_delete(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	struct product_result res;
	enum db_status rc = id ? product_set_status(r->db, r->arena, b->id, id, "archived", &res) : DB_CONFLICT;
	if (rc == DB_CONFLICT)
		api_problem(r, 404, NULL, "This brand has no product with that id.");
	else if (rc != DB_OK)
		return req_db_fail(rc);
	else
		api_json(r, 204, json_null());
	return REQ_DONE;
}
