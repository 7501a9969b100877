/* woo_refresh.c: the queue of WooCommerce products to read again (woo_refresh.h). Each row is
 * claimed under a two-minute lease before the shop is called, so two workers never read it twice. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "domain/connectors/connector_store.h"
#include "domain/connectors/connector_webhook.h"
#include "domain/connectors/woo_map.h"
#include "domain/connectors/woo_refresh.h"

#define BATCH 20

static const struct db_stmt q_queue = {
	"INSERT INTO connector_refreshes (connector_id, remote_id, queued_at, next_attempt_at)"
	" VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
	" ON DUPLICATE KEY UPDATE next_attempt_at = LEAST(next_attempt_at, UTC_TIMESTAMP()), attempts = 0", "ii", "" };
static const struct db_stmt q_due = {
	"SELECT r.connector_id, r.remote_id, r.attempts FROM connector_refreshes r JOIN connectors c ON c.id = r.connector_id"
	" WHERE r.next_attempt_at <= UTC_TIMESTAMP() AND c.platform = 'woocommerce'"
	" AND FIND_IN_SET(c.platform, REPLACE(?, ' ', '')) ORDER BY r.next_attempt_at LIMIT 20", "s", "iii" };	/* BATCH */
static const struct db_stmt q_claim = {
	"UPDATE connector_refreshes SET next_attempt_at = UTC_TIMESTAMP() + INTERVAL 120 SECOND"
	" WHERE connector_id = ? AND remote_id = ? AND next_attempt_at <= UTC_TIMESTAMP()", "ii", "" };
static const struct db_stmt q_token = {
	"SELECT token_sealed FROM connectors WHERE id = ?", "i", "s" };
static const struct db_stmt q_done = {
	"DELETE FROM connector_refreshes WHERE connector_id = ? AND remote_id = ?", "ii", "" };
static const struct db_stmt q_later = {
	"UPDATE connector_refreshes SET attempts = attempts + 1, next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND"
	" WHERE connector_id = ? AND remote_id = ?", "iii", "" };

enum db_status woo_refresh_queue(struct db *db, long long connector_id, long long remote_id)
{
	return db_query(db, NULL, &q_queue, (struct db_param[]){ DB_I(connector_id), DB_I(remote_id) }, NULL);
}

static long backoff(long attempts)
{
	long s = 60L << (attempts < 6 ? attempts : 6);
	return s > 3600 ? 3600 : s;
}

/* GET path into *root; the answer's status in *status. */
static enum connector_fetch get(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
				const char *path, json_t **root, int *status)
{
	struct woo_answer ans;
	enum connector_fetch r = woo_api_call(http, a, s, path, NULL, &ans);
	*root = r == CONNECTOR_FETCH_OK ? ans.root : NULL;
	*status = ans.status;
	if (r != CONNECTOR_FETCH_OK)
		fprintf(stderr, "worker: WooCommerce product refresh: %s\n", ans.error);
	return r;
}

/* One product: read, mapped, written. *gone when the shop no longer has it. */
static enum connector_hook refresh_one(struct db *db, struct arena *a, const struct connector_http *http,
				       const struct connector_hook_row *row, const struct woo_shop *s, long long remote,
				       bool *gone)
{
	json_t *product = NULL, *variations = NULL;
	int status = 0;
	*gone = false;
	enum connector_fetch r = get(http, a, s, arena_printf(a, "/products/%lld", remote), &product, &status);
	if (r == CONNECTOR_FETCH_OK)
		r = get(http, a, s, arena_printf(a, "/products/%lld/variations?per_page=100", remote), &variations, &status);
	if (r != CONNECTOR_FETCH_OK) {
		*gone = status == 404;
		json_decref(product);
		return CONNECTOR_HOOK_BAD;
	}
	struct catalog_report rep = { .a = a };
	struct catalog_run run = { .fmt = CATALOG_WOOCOMMERCE, .currency = row->currency, .a = a, .rep = &rep };
	struct connector_ids ids;
	struct catalog_product *p = woo_map_product(&run, product, variations, 1, &ids);
	enum connector_hook h = p ? connector_webhook_write(db, a, row, p, &ids, &rep) : CONNECTOR_HOOK_SKIPPED;
	if (!p)
		fprintf(stderr, "worker: WooCommerce product %lld skipped: %s\n", remote, rep.nerrors ? rep.errors[0].msg : "");
	json_decref(product);
	json_decref(variations);
	return h;
}

/* The connector's row (currency, round) and its opened key and secret; false when it is gone or
 * its key cannot be opened. */
static bool open_shop(struct db *db, struct arena *a, long long connector_id, struct connector_hook_row *row,
		      char token[CONNECTOR_SECRET_MAX + 1], struct woo_shop *s, enum db_status *rc)
{
	bool found;
	struct db_res t;
	*rc = connector_store_webhook(db, a, connector_id, "woocommerce", row, &found);
	sodium_memzero(row->secret, sizeof row->secret);	/* the webhook secret is not needed here */
	if (*rc != DB_OK || (*rc = db_query(db, a, &q_token, (struct db_param[]){ DB_I(connector_id) }, &t)) != DB_OK ||
	    !t.nrows || !connector_store_open_token(db_at(&t, 0, 0), token))
		return false;
	*s = (struct woo_shop){ row->shop, "", "" };
	return woo_api_split_token(token, s);
}

long woo_refresh_due(struct db *db, struct arena *a, const struct connector_http *http)
{
	struct db_res due;
	if (db_query(db, a, &q_due, (struct db_param[]){ DB_S(connector_store_platforms()) }, &due) != DB_OK)
		return -1;
	long n = 0;
	for (size_t i = 0; i < due.nrows; i++) {
		long long connector = db_at(&due, i, 0)->i, remote = db_at(&due, i, 1)->i;
		if (db_query(db, NULL, &q_claim, (struct db_param[]){ DB_I(connector), DB_I(remote) }, NULL) != DB_OK)
			return -1;
		if (db_affected(db) != 1)
			continue;
		struct connector_hook_row row;
		char token[CONNECTOR_SECRET_MAX + 1];
		struct woo_shop s;
		enum db_status rc;
		bool gone = false, opened = open_shop(db, a, connector, &row, token, &s, &rc);
		if (rc != DB_OK) {
			sodium_memzero(token, sizeof token);
			return -1;
		}
		enum connector_hook h = opened ? refresh_one(db, a, http, &row, &s, remote, &gone) : CONNECTOR_HOOK_BAD;
		sodium_memzero(token, sizeof token);
		if (h == CONNECTOR_HOOK_DB)
			return -1;
		/* written, or checked and of no use (skipped, gone, a key that cannot be opened): done */
		bool done = h != CONNECTOR_HOOK_BAD || gone || !opened;
		rc = done ? db_query(db, NULL, &q_done, (struct db_param[]){ DB_I(connector), DB_I(remote) }, NULL)
			  : db_query(db, NULL, &q_later, (struct db_param[]){ DB_I(backoff((long)db_at(&due, i, 2)->i)),
				DB_I(connector), DB_I(remote) }, NULL);
		if (rc != DB_OK)
			return -1;
		n += h == CONNECTOR_HOOK_APPLIED;
	}
	return n;
}
