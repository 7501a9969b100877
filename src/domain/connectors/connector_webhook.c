/* connector_webhook.c: verify, then apply one Shopify webhook (topics in connector_webhook.h), and the
 * steps every platform's webhook shares (woo_webhook.c uses them too). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <sodium.h>
#include "domain/catalog/catalog_write.h"
#include "domain/connectors/connector_store.h"
#include "domain/connectors/connector_webhook.h"
#include "domain/connectors/shopify_map.h"

static const struct db_stmt q_archive = {
	"UPDATE products p JOIN connector_products c ON c.connector_id = ? AND c.remote_id = ? AND c.handle = p.handle"
	" SET p.status = 'archived', p.import_hash = NULL WHERE p.brand_id = ?", "iii", "" };
static const struct db_stmt q_stock = {
	"UPDATE variants v JOIN products p ON p.id = v.product_id JOIN connector_stock_items s ON s.connector_id = ?"
	" AND s.remote_item_id = ? AND s.variant_external_id = v.external_id SET v.stock = ? WHERE p.brand_id = ?",
	"iiii", "" };
static const struct db_stmt q_stock_total = {
	"UPDATE products p SET p.stock_total = (SELECT COALESCE(SUM(GREATEST(v.stock, 0)), 0) FROM variants v"
	" WHERE v.product_id = p.id) WHERE p.brand_id = ? AND p.id IN (SELECT v.product_id FROM variants v"
	" JOIN connector_stock_items s ON s.connector_id = ? AND s.remote_item_id = ? AND s.variant_external_id = v.external_id)",
	"iii", "" };

bool connector_webhook_verify(const char *secret, const char *body, size_t len, const char *hmac_b64)
{
	uint8_t want[crypto_auth_hmacsha256_BYTES], got[crypto_auth_hmacsha256_BYTES];
	size_t n = 0;
	if (!hmac_b64 || sodium_base642bin(got, sizeof got, hmac_b64, strlen(hmac_b64), NULL, &n, NULL,
					   sodium_base64_VARIANT_ORIGINAL) != 0 || n != sizeof got)
		return false;
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&st, want);
	return sodium_memcmp(want, got, sizeof want) == 0;
}

bool connector_webhook_open(struct db *db, struct arena *a, long long connector_id, const char *platform,
			    const char *signature, const char *body, size_t len, struct connector_hook_row *row,
			    json_t **json, enum connector_hook *answer, const char **why)
{
	bool found;
	if (connector_store_webhook(db, a, connector_id, platform, row, &found) != DB_OK) {
		*answer = CONNECTOR_HOOK_DB;
		return false;
	}
	bool ok = found && connector_webhook_verify(row->secret, body, len, signature);
	sodium_memzero(row->secret, sizeof row->secret);
	if (!ok) {
		*answer = CONNECTOR_HOOK_REFUSED;
		return false;
	}
	json_error_t jerr;
	*json = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!json_is_object(*json)) {
		json_decref(*json);
		*answer = CONNECTOR_HOOK_BAD;
		*why = "the body is not a JSON object";
		return false;
	}
	return true;
}

enum connector_hook connector_webhook_archive(struct db *db, const struct connector_hook_row *row, json_t *body,
					      const char **why)
{
	json_t *id = json_object_get(body, "id");
	if (!json_is_integer(id)) {
		*why = "no product id";
		return CONNECTOR_HOOK_BAD;
	}
	return db_query(db, NULL, &q_archive, (struct db_param[]){ DB_I(row->id), DB_I(json_integer_value(id)),
		DB_I(row->brand_id) }, NULL) == DB_OK ? CONNECTOR_HOOK_APPLIED : CONNECTOR_HOOK_DB;
}

enum connector_hook connector_webhook_write(struct db *db, struct arena *a, const struct connector_hook_row *row,
					    struct catalog_product *p, const struct connector_ids *ids,
					    struct catalog_report *rep)
{
	struct catalog_writer w;
	catalog_writer_init(&w, db, row->brand_id, rep);
	bool ok = catalog_writer_add(&w, p) && catalog_writer_flush(&w);
	catalog_writer_free(&w);
	if (!ok || connector_store_remember(db, a, row->id, row->round, &p, ids, 1) != DB_OK)
		return CONNECTOR_HOOK_DB;
	return CONNECTOR_HOOK_APPLIED;
}

struct stock_ctx {
	long long connector, brand, item, available;
};

static enum db_status set_stock(struct db *db, void *vctx)
{
	struct stock_ctx *c = vctx;
	enum db_status rc = db_query(db, NULL, &q_stock, (struct db_param[]){ DB_I(c->connector), DB_I(c->item),
		DB_I(c->available), DB_I(c->brand) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_stock_total, (struct db_param[]){ DB_I(c->brand), DB_I(c->connector), DB_I(c->item) }, NULL);
	return rc;
}

static enum connector_hook write_product(struct db *db, struct arena *a, const struct connector_hook_row *row,
					 json_t *body, const char **why)
{
	struct catalog_report rep = { .a = a };
	struct catalog_run run = { .fmt = CATALOG_SHOPIFY, .currency = row->currency, .a = a, .rep = &rep };
	struct connector_ids ids;
	struct catalog_product *p = shopify_map_webhook(&run, body, 1, &ids);
	if (!p) {
		*why = rep.nerrors ? rep.errors[0].msg : "the product fails the import's checks";
		return CONNECTOR_HOOK_SKIPPED;
	}
	return connector_webhook_write(db, a, row, p, &ids, &rep);
}

enum connector_hook connector_webhook_shopify(struct db *db, struct arena *a, long long connector_id,
					      const char *topic, const char *hmac_b64, const char *body, size_t len,
					      const char **why)
{
	*why = "";
	struct connector_hook_row row;
	json_t *j;
	enum connector_hook out;
	if (!connector_webhook_open(db, a, connector_id, "shopify", hmac_b64, body, len, &row, &j, &out, why))
		return out;
	out = CONNECTOR_HOOK_IGNORED;
	if (strcmp(topic, "products/create") == 0 || strcmp(topic, "products/update") == 0) {
		out = write_product(db, a, &row, j, why);
	} else if (strcmp(topic, "products/delete") == 0) {
		out = connector_webhook_archive(db, &row, j, why);
	} else if (strcmp(topic, "inventory_levels/update") == 0) {
		json_t *item = json_object_get(j, "inventory_item_id"), *avail = json_object_get(j, "available");
		if (!json_is_integer(item) || !json_is_integer(avail) || llabs(json_integer_value(avail)) > 1000000000LL) {
			out = CONNECTOR_HOOK_BAD;
			*why = "no inventory_item_id or available";
		} else {
			struct stock_ctx c = { row.id, row.brand_id, json_integer_value(item), json_integer_value(avail) };
			out = db_txn(db, set_stock, &c) == DB_OK ? CONNECTOR_HOOK_APPLIED : CONNECTOR_HOOK_DB;
		}
	}
	json_decref(j);
	return out;
}
