/* sales_rollup.c: the worker's rollup of the brand dashboard's sales per day (sales_rollup.h),
 * and which parts of a period the dashboard reads live. */
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include "domain/creators/sales_figures.h"
#include "domain/creators/sales_rollup.h"

#define STATE_NAME "brand_days"

size_t sales_rollup_live_ranges(long first, long last, long rolled_before, const long *changed, size_t nchanged,
				struct sales_rollup_range out[SALES_ROLLUP_LIVE_RANGES])
{
	/* One more slot than kept, so that adding a range before joining two never overflows. */
	struct sales_rollup_range r[SALES_ROLLUP_LIVE_RANGES + 1];
	size_t n = 0;
	long open_from = rolled_before < 0 || rolled_before < first ? first : rolled_before;
	for (size_t i = 0; i <= nchanged; i++) {
		long d;
		if (i < nchanged) {
			d = changed[i];
			if (d < first || d > last || d >= open_from)
				continue;
		} else if (open_from <= last) {
			d = open_from;
		} else {
			break;
		}
		long end = i < nchanged ? d + 1 : last + 1;
		if (n > 0 && r[n - 1].to >= d) {
			if (end > r[n - 1].to)
				r[n - 1].to = end;
			continue;
		}
		r[n++] = (struct sales_rollup_range){ d, end };
		if (n <= SALES_ROLLUP_LIVE_RANGES)
			continue;
		/* Join the two neighbours with the smallest gap between them. */
		size_t best = 0;
		for (size_t k = 1; k + 1 < n; k++)
			if (r[k + 1].from - r[k].to < r[best + 1].from - r[best].to)
				best = k;
		r[best].to = r[best + 1].to;
		memmove(&r[best + 1], &r[best + 2], (n - best - 2) * sizeof r[0]);
		n--;
	}
	memcpy(out, r, n * sizeof r[0]);
	return n;
}

long sales_rollup_month_start(long day)
{
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	return day - (tm.tm_mday - 1);
}

long sales_rollup_next_month(long day)
{
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	tm.tm_mday = 1;
	tm.tm_mon++;	/* timegm carries December over into January */
	return (long)(timegm(&tm) / 86400);
}

size_t sales_rollup_month_ranges(long first, long last, const struct sales_rollup_range *live, size_t nlive,
				 struct sales_rollup_range out[SALES_ROLLUP_MONTH_RANGES])
{
	size_t n = 0;
	for (long m = sales_rollup_month_start(first); m <= last;) {
		long next = sales_rollup_next_month(m);
		bool whole = m >= first && next - 1 <= last, touched = false;
		for (size_t i = 0; i < nlive && !touched; i++)
			touched = live[i].from < next && live[i].to > m;
		if (whole && !touched) {
			if (n > 0 && out[n - 1].to == m)
				out[n - 1].to = next;
			else if (n < SALES_ROLLUP_MONTH_RANGES)
				out[n++] = (struct sales_rollup_range){ m, next };
			else
				break;	/* not with SALES_ROLLUP_LIVE_RANGES live ranges; the rest would be read by day */
		}
		m = next;
	}
	return n;
}

size_t sales_rollup_day_ranges(long first, long last, const struct sales_rollup_range *months, size_t nmonths,
			       struct sales_rollup_range out[SALES_ROLLUP_DAY_RANGES])
{
	size_t n = 0;
	long at = first;
	for (size_t i = 0; i <= nmonths; i++) {
		long until = i < nmonths ? months[i].from : last + 1;
		if (until > at && n < SALES_ROLLUP_DAY_RANGES)
			out[n++] = (struct sales_rollup_range){ at, until };
		if (i < nmonths)
			at = months[i].to;
	}
	return n;
}

static const struct db_stmt q_state = {
	"SELECT COALESCE(DATE_FORMAT(rolled_before, '%Y-%m-%d'), ''), COALESCE(DATE_FORMAT(scanned_to, '%Y-%m-%d %H:%i:%s'), ''),"
	" DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(UTC_DATE(), '%Y-%m-%d')"
	" FROM sales_rollup_state WHERE name = '" STATE_NAME "'", "", "ssss" };
/* The days (before the rolled-up edge) whose orders changed since the last scan, less the overlap. */
/* The brands' days (before the rolled-up edge) whose orders changed since the last scan, less the
 * overlap, each with the day after it. */
static const struct db_stmt q_changed = {
	"SELECT DISTINCT o.brand_id, DATE_FORMAT(DATE(o.created_at), '%Y-%m-%d'),"
	" DATE_FORMAT(DATE(o.created_at) + INTERVAL 1 DAY, '%Y-%m-%d') FROM orders o"
	" WHERE o.updated_at >= ? - INTERVAL ? SECOND AND o.created_at < ? ORDER BY 1, 2",
	"sis", "iss" };
/* The brands with orders in a stretch of closed days, and where the stretch ends: at most a month,
 * and never today. */
static const struct db_stmt q_closed = {
	"SELECT DISTINCT o.brand_id FROM orders o WHERE o.created_at >= ? AND o.created_at < ? ORDER BY o.brand_id",
	"ss", "i" };
static const struct db_stmt q_stretch_end = {
	"SELECT DATE_FORMAT(LEAST(DATE(?) + INTERVAL 31 DAY, DATE(?)), '%Y-%m-%d')", "ss", "s" };
static const struct db_stmt q_first_day = {
	"SELECT COALESCE(DATE_FORMAT(MIN(DATE(created_at)), '%Y-%m-%d'), ?) FROM orders", "s", "s" };
static const struct db_stmt q_clear = {
	"DELETE FROM brand_sales_days WHERE brand_id = ? AND day >= ? AND day < ?", "iss", "" };
#define DAY_LINES \
	" FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.brand_id = ? AND o.created_at >= ?" \
	" AND o.created_at < ? AND l.creator_id IS NOT NULL AND " DASHBOARD_COUNTED
#define DAY_FIGURES "COUNT(DISTINCT o.id), SUM(" DASHBOARD_NET_SALES "), SUM(" DASHBOARD_NET_COMMISSION ")"
static const struct db_stmt q_fill_creators = {
	"INSERT INTO brand_sales_days (brand_id, day, creator_id, currency, orders, sales, commission)"
	" SELECT o.brand_id, DATE(o.created_at), l.creator_id, o.currency, " DAY_FIGURES DAY_LINES
	" GROUP BY o.brand_id, DATE(o.created_at), l.creator_id, o.currency", "iss", "" };
static const struct db_stmt q_fill_total = {
	"INSERT INTO brand_sales_days (brand_id, day, creator_id, currency, orders, sales, commission)"
	" SELECT o.brand_id, DATE(o.created_at), 0, o.currency, " DAY_FIGURES DAY_LINES
	" GROUP BY o.brand_id, DATE(o.created_at), o.currency", "iss", "" };
/* A brand's months from the month of `from` to that of the day before `to`, added up again from
 * their days. */
static const struct db_stmt q_clear_months = {
	"DELETE FROM brand_sales_months WHERE brand_id = ? AND month >= DATE_FORMAT(?, '%Y-%m-01')"
	" AND month <= DATE_FORMAT(DATE(?) - INTERVAL 1 DAY, '%Y-%m-01')", "iss", "" };
static const struct db_stmt q_fill_months = {
	"INSERT INTO brand_sales_months (brand_id, month, creator_id, currency, orders, sales, commission)"
	" SELECT brand_id, DATE_FORMAT(day, '%Y-%m-01'), creator_id, currency, SUM(orders), SUM(sales), SUM(commission)"
	" FROM brand_sales_days WHERE brand_id = ? AND day >= DATE_FORMAT(?, '%Y-%m-01')"
	" AND day < DATE_FORMAT(DATE(?) - INTERVAL 1 DAY, '%Y-%m-01') + INTERVAL 1 MONTH"
	" GROUP BY brand_id, DATE_FORMAT(day, '%Y-%m-01'), creator_id, currency", "iss", "" };
static const struct db_stmt q_rolled = {
	"UPDATE sales_rollup_state SET rolled_before = GREATEST(COALESCE(rolled_before, ?), ?) WHERE name = '" STATE_NAME "'",
	"ss", "" };
static const struct db_stmt q_scanned = {
	"UPDATE sales_rollup_state SET scanned_to = GREATEST(COALESCE(scanned_to, ?), ?) WHERE name = '" STATE_NAME "'",
	"ss", "" };

/* A brand's days [from, to); with `months`, the months they fall in too. */
struct brand_days {
	long long brand_id;
	const char *from, *to;
	bool months;
};

/* The months of a brand's days [from, to) added up again from their days. */
static enum db_status months_txn(struct db *db, void *ctx)
{
	const struct brand_days *d = ctx;
	struct db_param p[] = { DB_I(d->brand_id), DB_S(d->from), DB_S(d->to) };
	enum db_status rc = db_query(db, NULL, &q_clear_months, p, NULL);
	return rc == DB_OK ? db_query(db, NULL, &q_fill_months, p, NULL) : rc;
}

/* The days out and in again as one, so a reader never sees them half written; the same answer
 * however often and wherever it runs. */
static enum db_status recompute_txn(struct db *db, void *ctx)
{
	const struct brand_days *d = ctx;
	struct db_param p[] = { DB_I(d->brand_id), DB_S(d->from), DB_S(d->to) };
	enum db_status rc = db_query(db, NULL, &q_clear, p, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_fill_creators, p, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_fill_total, p, NULL);
	if (rc == DB_OK && d->months)
		rc = months_txn(db, ctx);
	return rc;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Rolls up the closed days from `from` on, a stretch (of at most a month) at a time, each brand's
 * stretch in one transaction, until today or the time is up; moves the rolled-up edge after each
 * stretch. The number of brand stretches recomputed, or -1. */
static long close_days(struct db *db, struct arena *a, const char *from, const char *today, long long until)
{
	long done = 0;
	while (strcmp(from, today) < 0 && now_ms() < until) {
		struct db_res end, brands;
		if (db_query(db, a, &q_stretch_end, (struct db_param[]){ DB_S(from), DB_S(today) }, &end) != DB_OK ||
		    db_query(db, a, &q_closed, (struct db_param[]){ DB_S(from), DB_S(db_at(&end, 0, 0)->s) }, &brands) != DB_OK)
			return -1;
		const char *to = db_at(&end, 0, 0)->s;
		for (size_t i = 0; i < brands.nrows; i++, done++)
			if (db_txn(db, recompute_txn, &(struct brand_days){ db_at(&brands, i, 0)->i, from, to, true }) != DB_OK)
				return -1;
		if (db_query(db, NULL, &q_rolled, (struct db_param[]){ DB_S(to), DB_S(to) }, NULL) != DB_OK)
			return -1;
		from = to;
	}
	return done;
}

long sales_rollup_pass(struct db *db, struct arena *a, long budget_ms)
{
	long long until = now_ms() + budget_ms;
	struct db_res state, days;
	if (db_query(db, a, &q_state, NULL, &state) != DB_OK || state.nrows != 1)
		return -1;
	const char *rolled_before = db_at(&state, 0, 0)->s, *scanned_to = db_at(&state, 0, 1)->s;
	const char *started = db_at(&state, 0, 2)->s, *today = db_at(&state, 0, 3)->s;
	long done = 0;
	/* Before anything is rolled up, the first days closed are read after `started`: no scan. */
	if (*rolled_before && *scanned_to) {
		if (db_query(db, a, &q_changed, (struct db_param[]){ DB_S(scanned_to), DB_I(SALES_ROLLUP_OVERLAP_S),
									   DB_S(rolled_before) }, &days) != DB_OK)
			return -1;
		/* Each day on its own; its month once after the last changed day in it. Until scanned_to
		 * moves, the dashboard reads these days live and their months by day (dashboard_live.c). */
		for (size_t i = 0; i < days.nrows; i++, done++) {
			struct brand_days d = { db_at(&days, i, 0)->i, db_at(&days, i, 1)->s, db_at(&days, i, 2)->s, false };
			if (db_txn(db, recompute_txn, &d) != DB_OK)
				return -1;
			bool month_done = i + 1 == days.nrows || db_at(&days, i + 1, 0)->i != d.brand_id ||
					  strncmp(db_at(&days, i + 1, 1)->s, d.from, 7) != 0;	/* YYYY-MM */
			if (month_done && db_txn(db, months_txn, &d) != DB_OK)
				return -1;
		}
	}
	if (!*rolled_before) {
		struct db_res first;
		if (db_query(db, a, &q_first_day, (struct db_param[]){ DB_S(today) }, &first) != DB_OK)
			return -1;
		rolled_before = db_at(&first, 0, 0)->s;
	}
	long closed = close_days(db, a, rolled_before, today, until);
	if (closed < 0)
		return -1;
	if (db_query(db, NULL, &q_scanned, (struct db_param[]){ DB_S(started), DB_S(started) }, NULL) != DB_OK)
		return -1;
	return done + closed;
}
