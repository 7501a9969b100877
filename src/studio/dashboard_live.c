/* dashboard_live.c: which days of a brand dashboard's period are read live from the order lines
 * and which from the worker's rollup (sales_rollup.h): today and the days not rolled up yet, and
 * the days whose orders changed since the worker last looked, so the figures are those of the
 * lines as they are now, never those of a rollup behind them. */
#include <string.h>
#include <time.h>
#include "domain/creators/sales_rollup.h"
#include "studio/studio.h"

_Static_assert(DASHBOARD_LIVE_BOUNDS == 2 * SALES_ROLLUP_LIVE_RANGES, "a pair of bounds per live range");
_Static_assert(DASHBOARD_MONTH_BOUNDS == 2 * SALES_ROLLUP_MONTH_RANGES, "a pair of bounds per month range");
_Static_assert(DASHBOARD_DAY_BOUNDS == 2 * SALES_ROLLUP_DAY_RANGES, "a pair of bounds per day range");

static const struct db_stmt q_state = {
	"SELECT COALESCE(DATE_FORMAT(rolled_before, '%Y-%m-%d'), ''), COALESCE(DATE_FORMAT(scanned_to, '%Y-%m-%d %H:%i:%s'), '')"
	" FROM sales_rollup_state WHERE name = 'brand_days'", "", "ss" };
/* The brand's days of the period, before the rolled-up edge, with an order changed since the
 * worker's last scan (less its overlap): few, through orders_brand_updated. */
static const struct db_stmt q_changed = {
	"SELECT DISTINCT DATE_FORMAT(DATE(created_at), '%Y-%m-%d') AS d FROM orders WHERE brand_id = ?"
	" AND updated_at >= ? - INTERVAL ? SECOND AND created_at >= ? AND created_at < ? ORDER BY d LIMIT 1000",
	"isiss", "s" };

static long day_number(const char *s)
{
	struct tm tm = { 0 };
	const char *end = strptime(s, "%Y-%m-%d", &tm);
	return end && !*end ? (long)(timegm(&tm) / 86400) : -1;
}

static const char *day_text(struct req *r, long day)
{
	time_t t = (time_t)day * 86400;
	struct tm tm;
	char *s = arena_alloc(r->arena, 11);
	strftime(s, 11, "%Y-%m-%d", gmtime_r(&t, &tm));
	return s;
}

/* ranges as pairs of bounds [from, to); an unused pair is an empty range, which matches nothing */
static void put_bounds(struct req *r, const struct sales_rollup_range *ranges, size_t n, struct db_param *bounds, size_t slots)
{
	for (size_t i = 0; i < slots; i++) {
		bounds[2 * i] = DB_S(i < n ? day_text(r, ranges[i].from) : "1970-01-01");
		bounds[2 * i + 1] = DB_S(i < n ? day_text(r, ranges[i].to) : "1970-01-01");
	}
}

enum db_status dashboard_live_bounds(struct req *r, long long brand_id, const char *from, const char *to,
				     struct dashboard_parts *parts)
{
	long first = day_number(from), last = day_number(to), rolled_before = -1;
	struct db_res state, changed = { 0 };
	enum db_status rc = db_query(r->db, r->arena, &q_state, NULL, &state);
	if (rc != DB_OK)
		return rc;
	if (state.nrows == 1 && *db_at(&state, 0, 0)->s && *db_at(&state, 0, 1)->s) {
		rolled_before = day_number(db_at(&state, 0, 0)->s);
		if (rolled_before > first) {
			const char *until = day_text(r, rolled_before <= last ? rolled_before : last + 1);
			rc = db_query(r->db, r->arena, &q_changed, (struct db_param[]){ DB_I(brand_id), DB_S(db_at(&state, 0, 1)->s),
				      DB_I(SALES_ROLLUP_OVERLAP_S), DB_S(from), DB_S(until) }, &changed);
			if (rc != DB_OK)
				return rc;
		}
	}
	long *days = arena_alloc(r->arena, (changed.nrows ? changed.nrows : 1) * sizeof *days);
	for (size_t i = 0; i < changed.nrows; i++)
		days[i] = day_number(db_at(&changed, i, 0)->s);
	struct sales_rollup_range live[SALES_ROLLUP_LIVE_RANGES], months[SALES_ROLLUP_MONTH_RANGES];
	struct sales_rollup_range rest[SALES_ROLLUP_DAY_RANGES];
	size_t nlive = sales_rollup_live_ranges(first, last, rolled_before, days, changed.nrows, live);
	size_t nmonths = sales_rollup_month_ranges(first, last, live, nlive, months);
	size_t nrest = sales_rollup_day_ranges(first, last, months, nmonths, rest);
	put_bounds(r, live, nlive, parts->live, SALES_ROLLUP_LIVE_RANGES);
	put_bounds(r, months, nmonths, parts->months, SALES_ROLLUP_MONTH_RANGES);
	put_bounds(r, rest, nrest, parts->days, SALES_ROLLUP_DAY_RANGES);
	return DB_OK;
}
