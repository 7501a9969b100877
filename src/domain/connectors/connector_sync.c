/* connector_sync.c: one pass of the worker over due syncs: claim, then page by page fetch, map,
 * write, remember the remote ids, checkpoint; honour the shop's cost-based throttle; at the end,
 * archive what the shop no longer has and record the result the studio shows. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "domain/catalog/catalog_write.h"
#include "domain/connectors/connector_store.h"
#include "domain/connectors/connector_sync.h"
#include "domain/connectors/shopify_map.h"
#include <sodium.h>
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

/* Writes one page; the number of products it held, or -1 when the database failed. */
static long write_page(struct db *db, struct arena *pa, struct connector_sync_row *row, struct catalog_report *rep,
		       json_t *edges)
{
	struct catalog_run run = { .fmt = CATALOG_SHOPIFY, .currency = row->currency, .a = pa, .rep = rep };
	size_t n = json_array_size(edges);
	struct catalog_product **ps = arena_zalloc(pa, (n ? n : 1) * sizeof *ps);
	struct shopify_ids *ids = arena_zalloc(pa, (n ? n : 1) * sizeof *ids);
	struct catalog_writer w;
	catalog_writer_init(&w, db, row->brand_id, rep);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		json_t *node = json_object_get(json_array_get(edges, i), "node");
		ps[i] = shopify_map_graphql(&run, node, (unsigned long)(row->done + i + 1), &ids[i]);
		if (ps[i])
			ok = catalog_writer_add(&w, ps[i]);
		else
			row->skipped++;
	}
	ok = ok && catalog_writer_flush(&w);
	catalog_writer_free(&w);
	ok = ok && connector_store_remember(db, pa, row->id, row->round, ps, ids, n) == DB_OK;
	return ok ? (long)n : -1;
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
	struct shopify_shop shop = { row.shop, row.token };
	struct catalog_report rep = { .a = a };
	struct arena *pa = arena_new(1 << 20);
	const char *cursor = arena_strdup(a, row.cursor);
	long written = 0;
	int throttled = 0;
	enum db_status rc = DB_OK;
	for (;;) {
		arena_reset(pa);
		struct shopify_page page;
		enum shopify_result r = shopify_api_products(http, pa, &shop, cursor, true, &page);
		if (r == SHOPIFY_THROTTLED && ++throttled < MAX_THROTTLED && now_ms() < deadline) {
			json_decref(page.root);
			wait_ms(page.wait_ms);
			rc = connector_store_checkpoint(db, &row, cursor, -1);	/* keeps the lease */
			if (rc != DB_OK)
				break;
			continue;
		}
		if (r != SHOPIFY_OK) {
			rc = connector_store_fail(db, id, r == SHOPIFY_REFUSED ? 0 : RETRY_S, page.error);
			json_decref(page.root);
			break;
		}
		throttled = 0;
		long n = write_page(db, pa, &row, &rep, page.edges);
		if (n < 0) {
			json_decref(page.root);
			rc = DB_ERR;
			db_best_effort(connector_store_fail(db, id, RETRY_S, "the database failed while writing products"));
			break;
		}
		written += n;
		row.done += n;
		cursor = arena_strdup(a, page.end_cursor);
		long long total = page.total;
		bool more = page.has_next && *cursor;
		long wait = page.wait_ms;
		json_decref(page.root);
		rc = more ? connector_store_checkpoint(db, &row, cursor, total)
			  : connector_store_finish(db, &row, result_text(a, &row, &rep));
		if (rc != DB_OK || !more)
			break;
		if (now_ms() >= deadline) {
			/* Given back at its checkpoint: the next pass goes on from there. */
			rc = connector_store_pause(db, id);
			break;
		}
		wait_ms(wait);
	}
	arena_free(pa);
	sodium_memzero(row.token, sizeof row.token);
	return rc == DB_OK ? written : -1;
}

long connector_sync_due(struct db *db, struct arena *a, const struct connector_http *http, long budget_ms)
{
	long long ids[8];
	size_t n;
	if (connector_store_due(db, a, ids, 8, &n) != DB_OK)
		return -1;
	long long deadline = now_ms() + budget_ms;
	long total = 0;
	for (size_t i = 0; i < n && now_ms() < deadline; i++) {
		long w = sync_one(db, a, http, ids[i], deadline);
		if (w < 0)
			return -1;
		total += w;
	}
	return total;
}
