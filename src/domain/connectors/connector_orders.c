/* connector_orders.c: the outbox of orders for connected shops (connector_orders): queue, push,
 * read back, with Shopify's GraphQL here, WooCommerce's REST shapes in woo_orders.c and
 * PrestaShop's Webservice in presta_orders.c. Each row is claimed under a two-minute lease before
 * the shop is called, so two workers never push the same order. */
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include <sodium.h>
#include "domain/connectors/connector_orders.h"
#include "domain/connectors/connector_store.h"
#include "domain/connectors/presta_orders.h"
#include "domain/connectors/shopify_map.h"
#include "domain/connectors/woo_orders.h"
#include "domain/mail/notify.h"
#include "lib/config.h"

#define BATCH 20
#define RETRY_S 60

/* Paid orders with a line of a synced variant, paid after the shop was connected. */
static const struct db_stmt q_queue = {
	"INSERT IGNORE INTO connector_orders (order_id, connector_id, state, next_attempt_at, created_at)"
	" SELECT o.id, c.id, 'pending', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM connectors c"
	" JOIN orders o ON o.brand_id = c.brand_id AND o.status = 'paid' AND o.paid_at >= c.created_at"
	" WHERE NOT EXISTS (SELECT 1 FROM connector_orders x WHERE x.order_id = o.id)"
	" AND EXISTS (SELECT 1 FROM order_lines l JOIN variants v ON v.id = l.variant_id JOIN connector_stock_items s"
	" ON s.connector_id = c.id AND s.variant_external_id = v.external_id WHERE l.order_id = o.id) LIMIT 100", "", "" };
static const struct db_stmt q_due = {
	"SELECT co.order_id, co.state, COALESCE(co.remote_order_id, 0), co.attempts, c.shop, c.token_sealed, c.id, c.platform,"
	" DATE_FORMAT(co.created_at - INTERVAL 1 HOUR, '%Y-%m-%dT%H:%i:%s')"
	" FROM connector_orders co JOIN connectors c ON c.id = co.connector_id"
	" WHERE co.state IN ('pending', 'pushed') AND co.next_attempt_at <= UTC_TIMESTAMP()"
	" AND FIND_IN_SET(c.platform, REPLACE(?, ' ', '')) ORDER BY co.next_attempt_at LIMIT 20", "s", "isiississ" };	/* BATCH */
static const struct db_stmt q_claim = {
	"UPDATE connector_orders SET next_attempt_at = UTC_TIMESTAMP() + INTERVAL 120 SECOND"
	" WHERE order_id = ? AND state = ? AND next_attempt_at <= UTC_TIMESTAMP()", "is", "" };
static const struct db_stmt q_lines = {
	"SELECT v.external_id, l.quantity FROM order_lines l JOIN variants v ON v.id = l.variant_id"
	" JOIN connector_stock_items s ON s.connector_id = ? AND s.variant_external_id = v.external_id"
	" WHERE l.order_id = ? AND l.quantity > l.refunded_quantity ORDER BY l.id", "ii", "si" };
static const struct db_stmt q_pushed = {
	"UPDATE connector_orders SET state = 'pushed', remote_order_id = ?, remote_name = ?, attempts = attempts + 1,"
	" last_error = '', next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE order_id = ?", "isii", "" };
static const struct db_stmt q_retry = {
	"UPDATE connector_orders SET state = IF(? = 1, 'failed', state), attempts = attempts + 1, last_error = ?,"
	" next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE order_id = ?", "isii", "" };
static const struct db_stmt q_later = {
	"UPDATE connector_orders SET next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE order_id = ?", "ii", "" };
static const struct db_stmt q_ship = {
	"UPDATE orders SET status = 'shipped', revision = revision + 1, updated_at = UTC_TIMESTAMP(), carrier = ?,"
	" tracking_number = ?, shipped_at = UTC_TIMESTAMP() WHERE id = ? AND status = 'paid' AND shipped_at IS NULL",
	"ssi", "" };
static const struct db_stmt q_event = {
	"INSERT INTO order_events (order_id, from_status, to_status, actor_user_id, note, created_at)"
	" VALUES (?, 'paid', 'shipped', NULL, ?, UTC_TIMESTAMP())", "is", "" };
static const struct db_stmt q_mail_to = {
	"SELECT o.email, o.ship_name, o.number, b.name FROM orders o JOIN brands b ON b.id = o.brand_id WHERE o.id = ?",
	"i", "ssss" };
static const struct db_stmt q_shipped = {
	"UPDATE connector_orders SET state = 'shipped', last_error = ? WHERE order_id = ?", "si", "" };

static const char create_mutation[] =
	"mutation ($order: OrderCreateOrderInput!) { orderCreate(order: $order,"
	" options: { inventoryBehaviour: DECREMENT_OBEYING_POLICY, sendReceipt: false }) {"
	" order { id name } userErrors { field message } } }";
static const char find_query[] = "query ($q: String!) { orders(first: 1, query: $q) { nodes { id name } } }";
static const char read_query[] =
	"query ($id: ID!) { order(id: $id) { id name displayFulfillmentStatus"
	" fulfillments { status trackingInfo { company number url } } } }";

static long poll_s(void)
{
	return config_int("connector_poll_seconds", 600, 0, 86400);
}

static long backoff(long attempts)
{
	long s = RETRY_S << (attempts < 6 ? attempts : 6);
	return s > 3600 ? 3600 : s;
}

/* The order as Shopify's OrderCreateOrderInput: paid (it was, here), lines by variant, the address. */
static json_t *order_input(struct db *db, struct arena *a, long long order_id, long long connector_id,
			   enum db_status *rc)
{
	struct db_res o, l;
	if (!connector_store_order(db, a, order_id, connector_id, &q_lines, &o, &l, rc))
		return NULL;
	json_t *lines = json_array();
	for (size_t i = 0; i < l.nrows; i++)
		json_array_append_new(lines, json_pack("{s:s,s:I}", "variantId",
			arena_printf(a, "gid://shopify/ProductVariant/%s", db_at(&l, i, 0)->s), "quantity", db_at(&l, i, 1)->i));
	return json_pack("{s:s,s:s,s:s,s:s,s:o,s:{s:s,s:s,s:s,s:s,s:s,s:s}}",
		"email", db_at(&o, 0, 1)->s, "currency", db_at(&o, 0, 2)->s, "financialStatus", "PAID",
		"sourceIdentifier", db_at(&o, 0, 0)->s, "lineItems", lines,
		"shippingAddress", "lastName", db_at(&o, 0, 3)->s, "address1", db_at(&o, 0, 4)->s,
		"address2", db_at(&o, 0, 5)->s, "city", db_at(&o, 0, 6)->s, "zip", db_at(&o, 0, 8)->s,
		"countryCode", db_at(&o, 0, 9)->s);
}

static enum db_status retry(struct db *db, long long order_id, bool final, long attempts, const char *why)
{
	return db_query(db, NULL, &q_retry, (struct db_param[]){ DB_I(final), DB_S(why), DB_I(backoff(attempts)),
		DB_I(order_id) }, NULL);
}

/* An earlier push whose answer was lost (a timeout, a dropped connection) may have created the
 * order: it is found by the tag every pushed order carries. *id 0: not there. */
static enum shopify_result find_pushed(const struct connector_http *http, struct arena *a, const struct shopify_shop *s,
				       const char *tag, long long *id, const char **name, char err[200])
{
	json_t *root;
	long wait;
	*id = 0;
	enum shopify_result r = shopify_api_graphql(http, a, s, find_query,
		json_pack("{s:s}", "q", arena_printf(a, "tag:'%s'", tag)), &root, &wait, err);
	if (r != SHOPIFY_OK)
		return r;
	json_t *order = json_array_get(json_object_get(json_object_get(json_object_get(root, "data"), "orders"), "nodes"), 0);
	*id = shopify_map_gid(json_string_value(json_object_get(order, "id")));
	const char *n = json_string_value(json_object_get(order, "name"));
	*name = arena_strdup(a, n ? n : "");
	json_decref(root);
	return SHOPIFY_OK;
}

static enum db_status push(struct db *db, struct arena *a, const struct connector_http *http,
			   const struct shopify_shop *s, long long order_id, long long connector_id, long attempts, bool *done)
{
	enum db_status rc = DB_OK;
	json_t *input = order_input(db, a, order_id, connector_id, &rc);
	if (!input)
		return rc;
	const char *tag = arena_printf(a, "crowdcart-%s", json_string_value(json_object_get(input, "sourceIdentifier")));
	json_object_set_new(input, "tags", json_pack("[s,s]", "crowdcart", tag));
	char err[200];
	if (attempts > 0) {
		long long found;
		const char *found_name;
		enum shopify_result fr = find_pushed(http, a, s, tag, &found, &found_name, err);
		if (fr != SHOPIFY_OK || found) {
			json_decref(input);
			if (fr != SHOPIFY_OK)
				return retry(db, order_id, fr == SHOPIFY_REFUSED, attempts, err);
			rc = db_query(db, NULL, &q_pushed, (struct db_param[]){ DB_I(found), DB_S(found_name), DB_I(poll_s()),
				DB_I(order_id) }, NULL);
			*done = rc == DB_OK;
			return rc;
		}
	}
	json_t *root;
	long wait;
	enum shopify_result r = shopify_api_graphql(http, a, s, create_mutation, json_pack("{s:o}", "order", input),
						    &root, &wait, err);
	if (r != SHOPIFY_OK)
		return retry(db, order_id, r == SHOPIFY_REFUSED, attempts, err);
	json_t *res = json_object_get(json_object_get(root, "data"), "orderCreate");
	json_t *ue = json_array_get(json_object_get(res, "userErrors"), 0);
	json_t *order = json_object_get(res, "order");
	long long id = shopify_map_gid(json_string_value(json_object_get(order, "id")));
	if (ue || !id) {
		const char *m = json_string_value(json_object_get(ue, "message"));
		snprintf(err, sizeof err, "the shop refused the order: %.150s", m ? m : "no order in its answer");
		rc = retry(db, order_id, true, attempts, err);
	} else {
		const char *name = json_string_value(json_object_get(order, "name"));
		rc = db_query(db, NULL, &q_pushed, (struct db_param[]){ DB_I(id), DB_S(name ? name : ""), DB_I(poll_s()),
			DB_I(order_id) }, NULL);
		*done = rc == DB_OK;
	}
	json_decref(root);
	return rc;
}

struct ship_ctx {
	struct arena *a;
	long long order_id;
	const char *carrier, *number, *note;
};

/* The shopper's shipping notice, as the studio's ship action sends it (queued in the transaction). */
static enum db_status mail_shipped(struct db *db, const struct ship_ctx *c)
{
	struct db_res r;
	enum db_status rc = db_query(db, c->a, &q_mail_to, (struct db_param[]){ DB_I(c->order_id) }, &r);
	if (rc != DB_OK || r.nrows == 0)
		return rc;
	struct notify_text t;
	notify_text_init(&t, c->a);
	notify_text_add(&t, "CARRIER", c->carrier);
	notify_text_add(&t, "TRACKING", c->number);
	notify_text_add(&t, "NAME", db_at(&r, 0, 1)->s);
	notify_text_add(&t, "NUMBER", db_at(&r, 0, 2)->s);
	notify_text_add(&t, "BRAND", db_at(&r, 0, 3)->s);
	return notify_owed(db, c->a, db_at(&r, 0, 0)->s, "order_shipped", &t, 0, c->order_id);
}

static enum db_status ship_order(struct db *db, void *vctx)
{
	struct ship_ctx *c = vctx;
	enum db_status rc = db_query(db, NULL, &q_ship, (struct db_param[]){ DB_S(c->carrier), DB_S(c->number),
		DB_I(c->order_id) }, NULL);
	/* An order no longer paid here (cancelled, say) keeps its state; the shop's word is noted. */
	bool moved = rc == DB_OK && db_affected(db) == 1;
	if (rc == DB_OK && moved)
		rc = db_query(db, NULL, &q_event, (struct db_param[]){ DB_I(c->order_id), DB_S(c->note) }, NULL);
	if (rc == DB_OK && moved)
		rc = mail_shipped(db, c);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_shipped, (struct db_param[]){ DB_S(moved ? "" : "fulfilled in the shop, but the"
			" order here was no longer paid"), DB_I(c->order_id) }, NULL);
	return rc;
}

static enum db_status read_back(struct db *db, struct arena *a, const struct connector_http *http,
				const struct shopify_shop *s, long long order_id, long long remote, bool *done)
{
	json_t *root;
	long wait;
	char err[200];
	enum shopify_result r = shopify_api_graphql(http, a, s, read_query,
		json_pack("{s:s}", "id", arena_printf(a, "gid://shopify/Order/%lld", remote)), &root, &wait, err);
	if (r != SHOPIFY_OK)
		return db_query(db, NULL, &q_later, (struct db_param[]){ DB_I(RETRY_S), DB_I(order_id) }, NULL);
	json_t *order = json_object_get(json_object_get(root, "data"), "order");
	const char *carrier = NULL, *number = NULL;
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(order, "fulfillments"), i, f) {
		json_t *t = json_array_get(json_object_get(f, "trackingInfo"), 0);
		if (json_string_value(json_object_get(t, "number"))) {
			number = json_string_value(json_object_get(t, "number"));
			carrier = json_string_value(json_object_get(t, "company"));
		}
	}
	enum db_status rc;
	if (!number) {
		rc = db_query(db, NULL, &q_later, (struct db_param[]){ DB_I(poll_s()), DB_I(order_id) }, NULL);
	} else {
		const char *name = json_string_value(json_object_get(order, "name"));
		struct ship_ctx c = { a, order_id, arena_strndup(a, carrier ? carrier : "", 60), arena_strndup(a, number, 100),
			arena_printf(a, "Shipped in Shopify (%s): %s %s", name ? name : "", carrier ? carrier : "", number) };
		rc = db_txn(db, ship_order, &c);
		*done = rc == DB_OK;
	}
	json_decref(root);
	return rc;
}

/* queued: when the row was queued, less an hour for the clocks' disagreement (ISO 8601, UTC). */
static enum db_status push_woo(struct db *db, struct arena *a, const struct connector_http *http,
			       const struct woo_shop *s, long long order_id, long long connector_id, long attempts,
			       const char *queued, bool *done)
{
	enum db_status rc = DB_OK;
	json_t *input = woo_orders_input(db, a, order_id, connector_id, &rc);
	if (!input)
		return rc;
	long long id = 0;
	const char *number = "";
	bool final = false;
	char err[200];
	const char *crowdcart = json_string_value(json_object_get(json_array_get(json_object_get(input, "meta_data"), 0), "value"));
	enum connector_fetch r = attempts > 0 ? woo_orders_find(http, a, s, crowdcart ? crowdcart : "", queued, &id, &number, err)
					      : CONNECTOR_FETCH_OK;
	if (r == CONNECTOR_FETCH_OK && !id)
		r = woo_orders_create(http, a, s, input, &id, &number, &final, err);
	else
		json_decref(input);
	if (r != CONNECTOR_FETCH_OK)
		return retry(db, order_id, final || r == CONNECTOR_FETCH_REFUSED, attempts, err);
	rc = db_query(db, NULL, &q_pushed, (struct db_param[]){ DB_I(id), DB_S(arena_printf(a, "#%.38s", number)),
		DB_I(poll_s()), DB_I(order_id) }, NULL);
	*done = rc == DB_OK;
	return rc;
}

/* A completed WooCommerce order ships the crowdcart one, with the tracking when the shop keeps it. */
static enum db_status read_back_woo(struct db *db, struct arena *a, const struct connector_http *http,
				    const struct woo_shop *s, long long order_id, long long remote, bool *done)
{
	struct woo_order_state st;
	char err[200];
	if (woo_orders_read(http, a, s, remote, &st, err) != CONNECTOR_FETCH_OK)
		return db_query(db, NULL, &q_later, (struct db_param[]){ DB_I(RETRY_S), DB_I(order_id) }, NULL);
	if (strcmp(st.status, "completed") != 0)
		return db_query(db, NULL, &q_later, (struct db_param[]){ DB_I(poll_s()), DB_I(order_id) }, NULL);
	struct ship_ctx c = { a, order_id, st.carrier, st.tracking,
		arena_printf(a, "Shipped in WooCommerce (#%s)%s%s%s%s", st.number, *st.tracking ? ": " : "", st.carrier,
			     *st.carrier ? " " : "", st.tracking) };
	enum db_status rc = db_txn(db, ship_order, &c);
	*done = rc == DB_OK;
	return rc;
}

/* One due row of a WooCommerce connector: its token is "key:secret". */
static enum db_status due_woo(struct db *db, struct arena *a, const struct connector_http *http, const char *shop,
			      char *token, long long order_id, bool pending, long long connector_id, long attempts,
			      long long remote, const char *queued, bool *done)
{
	struct woo_shop s = { shop, "", "" };
	if (!woo_api_split_token(token, &s))
		return retry(db, order_id, true, 0, "the stored consumer key and secret cannot be read");
	return pending ? push_woo(db, a, http, &s, order_id, connector_id, attempts, queued, done)
		       : read_back_woo(db, a, http, &s, order_id, remote, done);
}

static enum db_status push_presta(struct db *db, struct arena *a, const struct connector_http *http,
				  const struct presta_shop *s, long long order_id, long long connector_id, long attempts, bool *done)
{
	struct presta_order_in in;
	enum db_status rc = DB_OK;
	if (!presta_orders_input(db, a, order_id, connector_id, &in, &rc))
		return rc;
	long long id;
	const char *reference;
	bool final;
	char err[200];
	if (presta_orders_push(http, a, s, &in, &id, &reference, &final, err) != CONNECTOR_FETCH_OK)
		return retry(db, order_id, final, attempts, err);
	rc = db_query(db, NULL, &q_pushed, (struct db_param[]){ DB_I(id), DB_S(arena_printf(a, "#%.38s", reference)),
		DB_I(poll_s()), DB_I(order_id) }, NULL);
	*done = rc == DB_OK;
	return rc;
}

/* A PrestaShop order ships the crowdcart one once its carrier has a tracking number or its state
 * is one the shop counts as shipped. */
static enum db_status read_back_presta(struct db *db, struct arena *a, const struct connector_http *http,
				       const struct presta_shop *s, long long order_id, long long remote, bool *done)
{
	struct presta_order_state st;
	char err[200];
	if (presta_orders_read(http, a, s, remote, &st, err) != CONNECTOR_FETCH_OK)
		return db_query(db, NULL, &q_later, (struct db_param[]){ DB_I(RETRY_S), DB_I(order_id) }, NULL);
	if (!st.shipped)
		return db_query(db, NULL, &q_later, (struct db_param[]){ DB_I(poll_s()), DB_I(order_id) }, NULL);
	struct ship_ctx c = { a, order_id, st.carrier, st.tracking,
		arena_printf(a, "Shipped in PrestaShop (#%s)%s%s%s%s", st.reference, *st.tracking ? ": " : "", st.carrier,
			     *st.carrier ? " " : "", st.tracking) };
	enum db_status rc = db_txn(db, ship_order, &c);
	*done = rc == DB_OK;
	return rc;
}

long connector_orders_due(struct db *db, struct arena *a, const struct connector_http *http)
{
	struct db_res due;
	if (db_query(db, NULL, &q_queue, NULL, NULL) != DB_OK || db_query(db, a, &q_due, (struct db_param[]){ DB_S(connector_store_platforms()) }, &due) != DB_OK)
		return -1;
	long n = 0;
	for (size_t i = 0; i < due.nrows; i++) {
		long long order_id = db_at(&due, i, 0)->i, remote = db_at(&due, i, 2)->i;
		const char *state = db_at(&due, i, 1)->s;
		if (db_query(db, NULL, &q_claim, (struct db_param[]){ DB_I(order_id), DB_S(state) }, NULL) != DB_OK)
			return -1;
		if (db_affected(db) != 1)
			continue;
		char token[CONNECTOR_SECRET_MAX + 1];
		if (!connector_store_open_token(db_at(&due, i, 5), token)) {
			if (retry(db, order_id, true, 0, "the stored access token cannot be opened") != DB_OK)
				return -1;
			continue;
		}
		struct shopify_shop s = { db_at(&due, i, 4)->s, token };
		struct presta_shop presta = { s.shop, token };
		bool done = false, pending = strcmp(state, "pending") == 0;
		const char *platform = db_at(&due, i, 7)->s;
		enum db_status rc = strcmp(platform, "woocommerce") == 0
			? due_woo(db, a, http, s.shop, token, order_id, pending, db_at(&due, i, 6)->i,
				  (long)db_at(&due, i, 3)->i, remote, db_at(&due, i, 8)->s, &done)
			: strcmp(platform, "prestashop") == 0
			? (pending ? push_presta(db, a, http, &presta, order_id, db_at(&due, i, 6)->i, (long)db_at(&due, i, 3)->i, &done)
				   : read_back_presta(db, a, http, &presta, order_id, remote, &done))
			: pending ? push(db, a, http, &s, order_id, db_at(&due, i, 6)->i, (long)db_at(&due, i, 3)->i, &done)
			: read_back(db, a, http, &s, order_id, remote, &done);
		sodium_memzero(token, sizeof token);
		if (rc != DB_OK)
			return -1;
		n += done;
	}
	return n;
}
