/* connector_sync.c: one pass of the worker over due syncs: claim, then page by page fetch, map,
 * write, remember the remote ids, checkpoint; honour the shop's cost-based throttle; at the end,
 * archive what the shop no longer has and record the result the studio shows. Single products
 * queued by webhooks to read again (woo_refresh.c) go first. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "domain/catalog/catalog_write.h"
#include "domain/connectors/connector_store.h"
#include "domain/connectors/connector_sync.h"
#include "domain/connectors/presta_sync.h"
#include "domain/connectors/shopify_hooks.h"
#include "domain/connectors/woo_hooks.h"
#include "domain/connectors/shopify_map.h"
#include "domain/connectors/woo_refresh.h"
#include "domain/connectors/woo_sync.h"
#include <sodium.h>
#include "lib/base_url.h"
#include "lib/buf.h"

#define MAX_WAIT_MS 10000L	/* one throttle wait; the bucket refills faster than this */
#define MAX_THROTTLED 30	/* answers in a row before the pass gives the sync back */
#define RETRY_S 60		/* after the shop or the network failed */
#define REASONS 3		/* skipped products named in the result */

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void wait_ms(long ms)
{
	if (ms > MAX_WAIT_MS)
		ms = MAX_WAIT_MS;
	if (ms > 0)
		usleep((useconds_t)ms * 1000);
}

/* "2,000 products synced, 2 skipped: reason; reason". */
static const char *result_text(struct arena *a, const struct connector_sync_row *row, const struct catalog_report *rep)
{
	struct buf b;
	buf_init(&b, a, 256);
	buf_printf(&b, "%lld products synced", row->done - row->skipped);
	if (row->skipped) {
		buf_printf(&b, ", %lld skipped", row->skipped);
		for (size_t i = 0; i < rep->nerrors && i < REASONS; i++)
			buf_printf(&b, "%s %s", i ? ";" : ":", rep->errors[i].msg);
		if (rep->error_count > REASONS)
			buf_puts(&b, "; ...");
	}
	const char *s = buf_cstr(&b);
	return strlen(s) > 1900 ? arena_strndup(a, s, 1900) : s;
}

/* Writes one mapped page; false when the database failed. */
static bool write_page(struct db *db, struct arena *pa, struct connector_sync_row *row, struct catalog_report *rep,
		       const struct connector_page *page)
{
	struct catalog_writer w;
	catalog_writer_init(&w, db, row->brand_id, rep);
	bool ok = true;
	for (size_t i = 0; i < page->n && ok; i++)
		if (page->ps[i])
			ok = catalog_writer_add(&w, page->ps[i]);
		else if (i >= page->n - page->fresh)	/* an overlap's skip was counted the first time */
			row->skipped++;
	ok = ok && catalog_writer_flush(&w);
	catalog_writer_free(&w);
	return ok && connector_store_remember(db, pa, row->id, row->round, page->ps, page->ids, page->n) == DB_OK;
}

static enum connector_fetch from_shopify(enum shopify_result r)
{
	return r == SHOPIFY_OK ? CONNECTOR_FETCH_OK : r == SHOPIFY_THROTTLED ? CONNECTOR_FETCH_WAIT
	     : r == SHOPIFY_REFUSED ? CONNECTOR_FETCH_REFUSED : CONNECTOR_FETCH_FAILED;
}

/* A page of the Admin GraphQL API's products, mapped. */
static enum connector_fetch shopify_page(const struct connector_http *http, struct arena *pa, struct catalog_run *run,
					 const struct connector_sync_row *row, const char *cursor, struct connector_page *out)
{
	struct shopify_shop shop = { row->shop, row->token };
	struct shopify_page sp;
	enum connector_fetch r = from_shopify(shopify_api_products(http, pa, &shop, cursor, true, &sp));
	memset(out, 0, sizeof *out);
	out->hold = sp.root;
	out->wait_ms = sp.wait_ms;
	out->total = sp.total;
	out->next = "";
	memcpy(out->error, sp.error, sizeof out->error);
	if (r != CONNECTOR_FETCH_OK)
		return r;
	size_t n = json_array_size(sp.edges);
	out->n = out->fresh = n;
	out->ps = arena_zalloc(pa, (n ? n : 1) * sizeof *out->ps);
	out->ids = arena_zalloc(pa, (n ? n : 1) * sizeof *out->ids);
	for (size_t i = 0; i < n; i++)
		out->ps[i] = shopify_map_graphql(run, json_object_get(json_array_get(sp.edges, i), "node"),
						 (unsigned long)(row->done + i + 1), &out->ids[i]);
	out->next = sp.has_next ? sp.end_cursor : "";
	return CONNECTOR_FETCH_OK;
}

static enum connector_fetch fetch_page(const struct connector_http *http, struct arena *pa, struct catalog_run *run,
				       const struct connector_sync_row *row, const struct woo_shop *woo, const char *cursor,
				       struct connector_page *out)
{
	if (strcmp(row->platform, "woocommerce") == 0) {
		run->fmt = CATALOG_WOOCOMMERCE;
		return woo_sync_page(http, pa, run, woo, cursor, out);
	}
	if (strcmp(row->platform, "prestashop") == 0) {
		struct presta_shop presta = { row->shop, row->token };
		return presta_sync_page(http, pa, run, &presta, cursor, out);
	}
	return shopify_page(http, pa, run, row, cursor, out);
}

/* Subscribes the shop's webhooks to this connector's address. A shop that refuses is said in the
 * log, not fatal: the sync goes on, and the next full sync tries again. */
static enum db_status subscribe(struct db *db, struct arena *a, const struct connector_http *http,
				const struct connector_sync_row *row, const struct woo_shop *woo)
{
	char base[BASE_URL_MAX], err[200];
	if (!base_url_get(base))
		return DB_OK;	/* no address to give: the brand subscribes by hand, as the studio says */
	const char *callback = arena_printf(a, "%s/studio/webhooks/%s/%lld", base, row->platform, row->id);
	bool ok;
	if (strcmp(row->platform, "woocommerce") == 0) {
		/* the webhooks are signed with the secret the brand gave: opened for this call only */
		struct connector_hook_row hook;
		bool found;
		enum db_status rc = connector_store_webhook(db, a, row->id, "woocommerce", &hook, &found);
		if (rc != DB_OK)
			return rc;
		ok = found && woo_hooks_register(http, a, woo, callback, hook.secret, err) == CONNECTOR_FETCH_OK;
		if (!found)
			snprintf(err, sizeof err, "the webhook secret cannot be opened");
		sodium_memzero(hook.secret, sizeof hook.secret);
	} else {
		struct shopify_shop shop = { row->shop, row->token };
		ok = shopify_hooks_register(http, a, &shop, callback, err) == SHOPIFY_OK;
	}
	if (!ok) {
		fprintf(stderr, "worker: connector %lld: webhooks not subscribed: %s\n", row->id, err);
		return DB_OK;
	}
	return connector_store_hooks_registered(db, row->id);
}

/* Syncs connector id until it ends, fails, or the deadline; products written, or -1. */
static long sync_one(struct db *db, struct arena *a, const struct connector_http *http, long long id,
		     long long deadline)
{
	struct connector_sync_row row;
	bool won;
	if (connector_store_claim(db, a, id, &won, &row) != DB_OK)
		return -1;
	if (!won)
		return 0;
	struct woo_shop woo = { row.shop, "", "" };
	if (strcmp(row.platform, "woocommerce") == 0 && !woo_api_split_token(row.token, &woo)) {
		sodium_memzero(row.token, sizeof row.token);
		return connector_store_fail(db, id, 0, "the stored consumer key and secret cannot be read: connect the"
					    " shop again") == DB_OK ? 0 : -1;
	}
	if (!row.webhooks_registered && strcmp(row.platform, "prestashop") != 0 &&
	    subscribe(db, a, http, &row, &woo) != DB_OK) {
		sodium_memzero(row.token, sizeof row.token);
		return -1;
	}
	struct catalog_report rep = { .a = a };
	struct arena *pa = arena_new(1 << 20);
	const char *cursor = arena_strdup(a, row.cursor);
	long written = 0;
	int throttled = 0;
	enum db_status rc = DB_OK;
	for (;;) {
		arena_reset(pa);
		struct catalog_run run = { .fmt = CATALOG_SHOPIFY, .currency = row.currency, .a = pa, .rep = &rep };
		struct connector_page page;
		enum connector_fetch r = fetch_page(http, pa, &run, &row, &woo, cursor, &page);
		if (r == CONNECTOR_FETCH_WAIT && ++throttled < MAX_THROTTLED && now_ms() < deadline) {
			json_decref(page.hold);
			wait_ms(page.wait_ms);
			rc = connector_store_checkpoint(db, &row, cursor, -1);	/* keeps the lease */
			if (rc != DB_OK)
				break;
			continue;
		}
		if (r != CONNECTOR_FETCH_OK) {
			rc = connector_store_fail(db, id, r == CONNECTOR_FETCH_REFUSED ? 0 : RETRY_S, page.error);
			json_decref(page.hold);
			break;
		}
		throttled = 0;
		bool ok = write_page(db, pa, &row, &rep, &page);
		cursor = arena_strdup(a, page.next);
		json_decref(page.hold);
		if (!ok) {
			rc = DB_ERR;
			db_best_effort(connector_store_fail(db, id, RETRY_S, "the database failed while writing products"));
			break;
		}
		written += (long)page.fresh;
		row.done += (long long)page.fresh;
		bool more = *cursor != '\0';
		rc = more ? connector_store_checkpoint(db, &row, cursor, page.total)
			  : connector_store_finish(db, &row, result_text(a, &row, &rep));
		if (rc != DB_OK || !more)
			break;
		if (now_ms() >= deadline) {
			/* Given back at its checkpoint: the next pass goes on from there. */
			rc = connector_store_pause(db, id);
			break;
		}
		wait_ms(page.wait_ms);
	}
	arena_free(pa);
	sodium_memzero(row.token, sizeof row.token);
	return rc == DB_OK ? written : -1;
}

long connector_sync_due(struct db *db, struct arena *a, const struct connector_http *http, long budget_ms)
{
	long long ids[8];
	size_t n;
	/* single products first: a price change waits seconds, not behind a whole catalog */
	long total = woo_refresh_due(db, a, http);
	if (total < 0 || connector_store_due(db, a, ids, 8, &n) != DB_OK)
		return -1;
	long long deadline = now_ms() + budget_ms;
	for (size_t i = 0; i < n && now_ms() < deadline; i++) {
		long w = sync_one(db, a, http, ids[i], deadline);
		if (w < 0)
			return -1;
		total += w;
	}
	return total;
}
