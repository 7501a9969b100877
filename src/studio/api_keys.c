/* api_keys.c: "/studio/api-keys" — a brand's Shopping API keys: create (the key is shown once,
 * only its hash is kept), list and revoke. */
#include <string.h>
#include "lib/apikey.h"
#include "web/layout.h"
#include "domain/catalog/product.h"
#include "studio/products.h"
#include "web/response.h"

static const struct db_stmt q_list = {
	"SELECT id, prefix, label, created_at, COALESCE(last_used_at, ''), COALESCE(revoked_at, '') FROM api_keys"
	" WHERE brand_id = ? ORDER BY created_at DESC, id DESC LIMIT 200", "i", "isssss" };
static const struct db_stmt q_create = {
	"INSERT INTO api_keys (brand_id, key_hash, prefix, label, created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
	"ibss", "" };
static const struct db_stmt q_revoke = {
	"UPDATE api_keys SET revoked_at = UTC_TIMESTAMP() WHERE id = ? AND brand_id = ? AND revoked_at IS NULL",
	"ii", "" };

static int render(struct req *r, const struct acting_brand *b, int status, const char *new_key, const char *error)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(b->id) }, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_api_keys.tpl", "API keys");
	tmpl_set(d, "BRAND_NAME", b->name);
	if (new_key)
		tmpl_set(tmpl_add(d, "NEW_KEY"), "KEY", new_key);
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *k = tmpl_add(d, "KEY_ROW");
		tmpl_set_int(k, "ID", db_at(&res, i, 0)->i);
		tmpl_set(k, "PREFIX", db_at(&res, i, 1)->s);
		tmpl_set(k, "LABEL", db_at(&res, i, 2)->s);
		tmpl_set(k, "CREATED", db_at(&res, i, 3)->s);
		tmpl_set(k, "LAST_USED", *db_at(&res, i, 4)->s ? db_at(&res, i, 4)->s : "never");
		if (*db_at(&res, i, 5)->s)
			tmpl_set(tmpl_add(k, "REVOKED"), "AT", db_at(&res, i, 5)->s);
		else
			tmpl_show(k, "ACTIVE");
	}
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, status);
	return REQ_DONE;
}

int page_api_keys(struct req *r)
{
	const struct acting_brand *b = r->brand;
	return render(r, b, 200, NULL, NULL);
}

int page_api_keys_create(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *label = req_form(r, "label");
	if (!label || !*label || !product_text_ok(label, 80, false))
		return render(r, b, 422, NULL, "Name the key (at most 80 characters), like \"Inventory sync\".");
	char key[APIKEY_LEN + 1];
	uint8_t hash[32];
	apikey_new(key, hash);
	char prefix[APIKEY_SHOWN + 1];
	memcpy(prefix, key, APIKEY_SHOWN);
	prefix[APIKEY_SHOWN] = '\0';
	enum db_status rc = db_query(r->db, NULL, &q_create, (struct db_param[]){ DB_I(b->id), DB_B(hash, 32),
		DB_S(prefix), DB_S(label) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	/* Shown in this response only: never stored, so a reload cannot show it again. */
	response_header(r, "Cache-Control", "no-store");
	return render(r, b, 201, key, NULL);
}

int page_api_keys_revoke(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	enum db_status rc = db_query(r->db, NULL, &q_revoke, (struct db_param[]){ DB_I(id), DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/api-keys");
	return REQ_DONE;
}
