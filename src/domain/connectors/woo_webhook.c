/* woo_webhook.c: verify, then apply one WooCommerce webhook (topics in woo_webhook.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "domain/connectors/connector_store.h"
#include "domain/connectors/woo_map.h"
#include "domain/connectors/woo_refresh.h"
#include "domain/connectors/woo_webhook.h"

static const struct db_stmt q_variant = {
	"UPDATE variants v JOIN products p ON p.id = v.product_id JOIN connector_stock_items s ON s.connector_id = ?"
	" AND s.remote_item_id = ? AND s.variant_external_id = v.external_id"
	" SET v.price = ?, v.compare_at_price = IF(? < 0, NULL, ?), v.stock = ?, v.inventory_policy = ?,"
	" v.stock_counted = ?, p.import_hash = NULL, p.updated_at = UTC_TIMESTAMP() WHERE p.brand_id = ?",
	"iiiiiisii", "" };
static const struct db_stmt q_stock_total = {
	"UPDATE products p SET p.stock_total = (SELECT COALESCE(SUM(GREATEST(v.stock, 0)), 0) FROM variants v"
	" WHERE v.product_id = p.id) WHERE p.brand_id = ? AND p.id IN (SELECT v.product_id FROM variants v"
	" JOIN connector_stock_items s ON s.connector_id = ? AND s.remote_item_id = ? AND s.variant_external_id = v.external_id)",
	"iii", "" };

/* WooCommerce's ping when a webhook is saved: "webhook_id=7", unsigned. It must be answered 2xx or
 * WooCommerce will not save the webhook; it changes nothing. */
static bool is_ping(const char *body, size_t len)
{
	static const char prefix[] = "webhook_id=";
	size_t k = sizeof prefix - 1;
	if (len <= k || len > k + 20 || memcmp(body, prefix, k) != 0)
		return false;
	for (size_t i = k; i < len; i++)
		if (!isdigit((unsigned char)body[i]))
			return false;
	return true;
}

struct variant_ctx {
	const struct connector_hook_row *row;
	long long item;
	struct catalog_variant v;
};

static enum db_status set_variant(struct db *db, void *vctx)
{
	struct variant_ctx *c = vctx;
	const struct catalog_variant *v = &c->v;
	enum db_status rc = db_query(db, NULL, &q_variant, (struct db_param[]){ DB_I(c->row->id), DB_I(c->item),
		DB_I(v->price), DB_I(v->compare_at), DB_I(v->compare_at), DB_I(v->stock),
		DB_S(v->policy_continue ? "continue" : "deny"), DB_I(!v->stock_uncounted), DB_I(c->row->brand_id) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_stock_total, (struct db_param[]){ DB_I(c->row->brand_id), DB_I(c->row->id),
			DB_I(c->item) }, NULL);
	return rc;
}

static enum connector_hook write_variation(struct db *db, struct arena *a, const struct connector_hook_row *row,
					   json_t *body, const char **why)
{
	struct catalog_report rep = { .a = a };
	struct catalog_run run = { .fmt = CATALOG_WOOCOMMERCE, .currency = row->currency, .a = a, .rep = &rep };
	struct variant_ctx c = { row, json_integer_value(json_object_get(body, "id")), { .currency = row->currency } };
	if (c.item <= 0) {
		*why = "no variation id";
		return CONNECTOR_HOOK_BAD;
	}
	if (!woo_map_variation(&run, body, &c.v)) {
		*why = rep.nerrors ? rep.errors[0].msg : "the variation fails the import's checks";
		return CONNECTOR_HOOK_SKIPPED;
	}
	return db_txn(db, set_variant, &c) == DB_OK ? CONNECTOR_HOOK_APPLIED : CONNECTOR_HOOK_DB;
}

static enum connector_hook write_product(struct db *db, struct arena *a, const struct connector_hook_row *row,
					 json_t *body, const char **why)
{
	struct catalog_report rep = { .a = a };
	struct catalog_run run = { .fmt = CATALOG_WOOCOMMERCE, .currency = row->currency, .a = a, .rep = &rep };
	struct connector_ids ids;
	struct catalog_product *p = woo_map_product(&run, body, NULL, 1, &ids);
	if (!p) {
		*why = rep.nerrors ? rep.errors[0].msg : "the product fails the import's checks";
		return CONNECTOR_HOOK_SKIPPED;
	}
	return connector_webhook_write(db, a, row, p, &ids, &rep);
}

static enum connector_hook product_changed(struct db *db, struct arena *a, const struct connector_hook_row *row,
					   json_t *body, const char **why)
{
	const char *type = json_string_value(json_object_get(body, "type"));
	type = type ? type : "";
	if (strcmp(type, "variation") == 0)
		return write_variation(db, a, row, body, why);
	if (strcmp(type, "simple") == 0)
		return write_product(db, a, row, body, why);
	if (strcmp(type, "variable") == 0) {
		/* Its body names the variations by id only: the worker reads them (no page calls a shop). */
		json_t *id = json_object_get(body, "id");
		if (!json_is_integer(id) || json_integer_value(id) <= 0) {
			*why = "no product id";
			return CONNECTOR_HOOK_BAD;
		}
		return woo_refresh_queue(db, row->id, json_integer_value(id)) == DB_OK ? CONNECTOR_HOOK_APPLIED
											: CONNECTOR_HOOK_DB;
	}
	*why = "a product type crowdcart does not sell";
	return CONNECTOR_HOOK_IGNORED;
}

enum connector_hook woo_webhook_apply(struct db *db, struct arena *a, long long connector_id, const char *topic,
				      const char *signature, const char *body, size_t len, const char **why)
{
	*why = "";
	if (!signature && is_ping(body, len))
		return CONNECTOR_HOOK_IGNORED;
	struct connector_hook_row row;
	json_t *j;
	enum connector_hook out;
	if (!connector_webhook_open(db, a, connector_id, "woocommerce", signature, body, len, &row, &j, &out, why))
		return out;
	out = CONNECTOR_HOOK_IGNORED;
	if (strcmp(topic, "product.created") == 0 || strcmp(topic, "product.updated") == 0) {
		out = product_changed(db, a, &row, j, why);
	} else if (strcmp(topic, "product.restored") == 0) {
		out = connector_store_queue(db, row.brand_id, "woocommerce") == DB_OK ? CONNECTOR_HOOK_APPLIED
										     : CONNECTOR_HOOK_DB;
	} else if (strcmp(topic, "product.deleted") == 0) {
		out = connector_webhook_archive(db, &row, j, why);
	}
	json_decref(j);
	return out;
}
