/* best_sellers.c: counting the units behind best-seller showcases ahead of time (best_sellers.h):
 * when a worker asks for the lease, and the recount of each window in one transaction. */
#include <stdio.h>
#include <time.h>
#include <sodium.h>
#include "domain/commerce/pay_test.h"
#include "domain/showcases/best_sellers.h"
#include "lib/buf.h"
#include "lib/config.h"
#include "db/dbcache.h"
#include "db/refresh_lease.h"

static const struct db_stmt q_counted_at = {
	"SELECT DATE_FORMAT(refreshed_at, '%Y-%m-%d %H:%i:%s') FROM sales_windows WHERE days = ?", "i", "s" };
static const struct db_stmt q_windows_used = {
	"SELECT DISTINCT best_sellers_days FROM showcases WHERE best_sellers_days IS NOT NULL", "", "i" };
static const struct db_stmt q_windows_counted = { "SELECT days FROM sales_windows", "", "i" };
/* The definition best sellers have always had. A plain SELECT, outside the transaction that writes
 * the result: a consistent read that locks nothing, where INSERT ... SELECT would hold shared
 * next-key locks on the window's orders and stall every checkout until it finished. */
static const struct db_stmt q_units = {
	"SELECT l.product_id, SUM(l.quantity - l.refunded_quantity) FROM order_lines l"
	" JOIN orders o ON o.id = l.order_id WHERE o.created_at >= UTC_TIMESTAMP() - INTERVAL ? DAY"
	" AND o.status IN ('paid', 'shipped', 'delivered', 'partially_refunded') AND l.product_id IS NOT NULL"
	/* a test order sold nothing */
	" AND " PAY_TEST_REAL_ORDER("o") " GROUP BY l.product_id", "i", "ii" };
static const struct db_stmt q_clear = { "DELETE FROM product_sales_window WHERE days = ?", "i", "" };
/* The counts come back as one bound JSON parameter per chunk: one statement for thousands of
 * products, and no SQL text built from them. */
static const struct db_stmt q_fill = {
	"INSERT INTO product_sales_window (days, product_id, units) SELECT ?, j.product_id, j.units"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (product_id BIGINT UNSIGNED PATH '$[0]' ERROR ON EMPTY,"
	" units BIGINT PATH '$[1]' ERROR ON EMPTY)) j", "is", "" };
static const struct db_stmt q_stamp = {
	"INSERT INTO sales_windows (days, refreshed_at) VALUES (?, UTC_TIMESTAMP(6))"
	" ON DUPLICATE KEY UPDATE refreshed_at = VALUES(refreshed_at)", "i", "" };
static const struct db_stmt q_unstamp = { "DELETE FROM sales_windows WHERE days = ?", "i", "" };

/* Worker-lifetime state, on purpose: only when this worker next asks for the lease, and a window
 * it showed that was not counted yet (0: none). The counts themselves live in the database. */
static struct refresh_timer timer;
static int wanted_days;

long best_sellers_period(void)
{
	return config_int("best_sellers_refresh_seconds", BEST_SELLERS_REFRESH_DEFAULT, 1, 86400);
}

enum db_status best_sellers_counted_at(struct db *db, struct arena *a, int days, const char **at)
{
	struct db_res res;
	*at = "";
	enum db_status rc = db_query_cached_list(db, a, &q_counted_at, (struct db_param[]){ DB_I(days) }, &res);
	if (rc == DB_OK && res.nrows)
		*at = db_at(&res, 0, 0)->s;
	return rc;
}

void best_sellers_want(int days)
{
	wanted_days = days;
}

/* Whether window `days` is counted, read past the cache. */
static bool counted_now(struct db *db, struct arena *a, int days)
{
	struct db_res res;
	return db_query(db, a, &q_counted_at, (struct db_param[]){ DB_I(days) }, &res) == DB_OK && res.nrows;
}

const char *best_sellers_json(struct arena *a, const struct db_res *units, size_t from, size_t n)
{
	struct buf b;
	buf_init(&b, a, 16 + n * 16);
	buf_putc(&b, '[');
	for (size_t i = from; i < from + n && i < units->nrows; i++)
		buf_printf(&b, "%s[%lld,%lld]", i > from ? "," : "", db_at(units, i, 0)->i, db_at(units, i, 1)->i);
	buf_putc(&b, ']');
	return buf_cstr(&b);
}

struct window {
	long long days;
	const char **chunks;	/* best_sellers_json of consecutive rows */
	size_t nchunks;
};

/* The window's old counts out and the new ones in, at once for every reader; safe to re-run. */
static enum db_status rewrite_txn(struct db *db, void *ctx)
{
	const struct window *w = ctx;
	enum db_status rc = db_query(db, NULL, &q_clear, (struct db_param[]){ DB_I(w->days) }, NULL);
	for (size_t i = 0; rc == DB_OK && i < w->nchunks; i++)
		rc = db_query(db, NULL, &q_fill, (struct db_param[]){ DB_I(w->days), DB_S(w->chunks[i]) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_stamp, (struct db_param[]){ DB_I(w->days) }, NULL);
	return rc;
}

/* A window no showcase uses any more; safe to re-run. */
static enum db_status drop_txn(struct db *db, void *ctx)
{
	const struct window *w = ctx;
	enum db_status rc = db_query(db, NULL, &q_clear, (struct db_param[]){ DB_I(w->days) }, NULL);
	return rc == DB_OK ? db_query(db, NULL, &q_unstamp, (struct db_param[]){ DB_I(w->days) }, NULL) : rc;
}

static enum db_status recount(struct db *db, struct arena *a, long long days, size_t *products)
{
	struct db_res units;
	enum db_status rc = db_query(db, a, &q_units, (struct db_param[]){ DB_I(days) }, &units);
	if (rc != DB_OK)
		return rc;
	struct window w = { days, NULL, (units.nrows + BEST_SELLERS_ROWS_PER_INSERT - 1) / BEST_SELLERS_ROWS_PER_INSERT };
	w.chunks = arena_alloc(a, (w.nchunks ? w.nchunks : 1) * sizeof *w.chunks);
	for (size_t i = 0; i < w.nchunks; i++)
		w.chunks[i] = best_sellers_json(a, &units, i * BEST_SELLERS_ROWS_PER_INSERT, BEST_SELLERS_ROWS_PER_INSERT);
	*products += units.nrows;
	return db_txn(db, rewrite_txn, &w);
}

static bool listed(const struct db_res *days, long long d)
{
	for (size_t i = 0; i < days->nrows; i++)
		if (db_at(days, i, 0)->i == d)
			return true;
	return false;
}

/* Every window a showcase uses is recounted; the counts of windows none uses go. */
static void refresh(struct db *db, struct arena *a)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct db_res used = { 0 }, counted;
	size_t windows = 0, products = 0;
	enum db_status rc = db_query(db, a, &q_windows_used, NULL, &used);
	if (rc == DB_OK)
		rc = db_query(db, a, &q_windows_counted, NULL, &counted);
	for (size_t i = 0; rc == DB_OK && i < counted.nrows; i++)
		if (!listed(&used, db_at(&counted, i, 0)->i))
			rc = db_txn(db, drop_txn, &(struct window){ .days = db_at(&counted, i, 0)->i });
	for (size_t i = 0; rc == DB_OK && i < used.nrows; i++)
		if ((rc = recount(db, a, db_at(&used, i, 0)->i, &products)) == DB_OK)
			windows++;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* Once a period for the whole cluster: what a recount costs is worth a line. */
	fprintf(stderr, "best sellers: %zu of %zu windows recounted (%zu product counts) in %lld ms%s%s\n",
		windows, used.nrows, products,
		(long long)(t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000,
		rc == DB_OK ? "" : ", stopped: ", rc == DB_OK ? "" : db_status_str(rc));
}

void best_sellers_tick(struct db *db)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	long long now = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	if (!refresh_lease_timer_due(&timer, now, wanted_days > 0))
		return;
	struct arena *a = arena_new(64 * 1024);
	/* The want may be older than another worker's recount (it was seen through the 1 s cache,
	 * and kept until this worker's early gap opened): asked afresh, a window counted meanwhile
	 * is not recounted again. */
	bool early = wanted_days > 0 && !counted_now(db, a, wanted_days);
	wanted_days = 0;
	if (!early && !refresh_lease_timer_due(&timer, now, false)) {
		arena_free(a);
		return;
	}
	long period = best_sellers_period();
	long gap = period < BEST_SELLERS_EARLY_GAP ? period : BEST_SELLERS_EARLY_GAP;
	bool won;
	long long left = -1;
	enum db_status rc = refresh_lease_claim(db, BEST_SELLERS_LEASE, period, early ? gap : 0, &won);
	if (rc == DB_OK && won) {
		refresh(db, a);
		left = period;
	} else if (rc == DB_OK) {
		refresh_lease_left(db, a, BEST_SELLERS_LEASE, &left);
	}
	arena_free(a);
	refresh_lease_timer_looked(&timer, now, period, left, gap, randombytes_uniform(1000));
}
