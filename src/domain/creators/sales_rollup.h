/* sales_rollup.h: the brand dashboard's sales per day, creator and currency, rolled up ahead of
 * time by the worker (brand_sales_days, sql/0054_sales_rollup.sql). A brand's day is recomputed
 * whole when one of its orders changed (found by orders.updated_at, read with an overlap) and when
 * the day closes; the dashboard reads the days rolled up and, live, today and the days changed
 * since the worker last looked (sales_rollup_live_ranges). */
#ifndef CC_SALES_ROLLUP_H
#define CC_SALES_ROLLUP_H
#include <stddef.h>
#include "db/db.h"

/* How far back of the last scan an order's change is looked for again: a transaction that stamped
 * updated_at before the scan may commit after it, and another node's clock may be behind. */
#define SALES_ROLLUP_OVERLAP_S 120
/* The live part of a period is read as at most this many ranges of days (the statements have one
 * pair of bounds each); changed days beyond that are merged with their nearest neighbours. */
#define SALES_ROLLUP_LIVE_RANGES 4

/* A range of days [from, to), as days since 1970-01-01. */
struct sales_rollup_range {
	long from, to;
};

/* The whole months of a period read from the month rollup come as at most this many ranges (each
 * live range may split them once), and the rest of the period from the day rollup as at most one
 * range more. */
#define SALES_ROLLUP_MONTH_RANGES (SALES_ROLLUP_LIVE_RANGES + 1)
#define SALES_ROLLUP_DAY_RANGES (SALES_ROLLUP_MONTH_RANGES + 1)

/* The parts of the period first..last (days, inclusive) read live: the days from rolled_before
 * on (everything if rolled_before < 0: no rollup yet) and the `changed` days (sorted ascending, any
 * outside the period ignored), as at most SALES_ROLLUP_LIVE_RANGES ranges, ascending, within the
 * period; where there would be more, the closest ranges are joined (reading a few more days live
 * is still exact). The rest of the period is read from the rollup. The number of ranges. Pure. */
size_t sales_rollup_live_ranges(long first, long last, long rolled_before, const long *changed, size_t nchanged,
				struct sales_rollup_range out[SALES_ROLLUP_LIVE_RANGES]);

/* The calendar months (UTC) wholly inside first..last (days, inclusive) that none of the `live`
 * ranges touches, as ranges of days [from, to) from a month's first day to a later month's first
 * day, ascending: read from the month rollup (brand_sales_months). The number of ranges. Pure. */
size_t sales_rollup_month_ranges(long first, long last, const struct sales_rollup_range *live, size_t nlive,
				 struct sales_rollup_range out[SALES_ROLLUP_MONTH_RANGES]);

/* The days of first..last outside the `months` ranges (ascending, inside the period), as ranges:
 * the rest of the period, read from the day rollup and, for the live days, from the lines. The
 * number of ranges. Pure. */
size_t sales_rollup_day_ranges(long first, long last, const struct sales_rollup_range *months, size_t nmonths,
			       struct sales_rollup_range out[SALES_ROLLUP_DAY_RANGES]);

/* The first day of the UTC month of `day` (days since 1970-01-01), and of the month after it. */
long sales_rollup_month_start(long day);
long sales_rollup_next_month(long day);

/* One pass of the worker: recomputes the brands' days whose orders changed since the last scan
 * (less the overlap), then rolls up the days closed since the last pass, for at most budget_ms
 * (the rest next pass). The number of brand days recomputed, or -1 on a database failure. Safe on
 * several nodes at once: each day is deleted and inserted again in one transaction, and the
 * state only moves forward. */
long sales_rollup_pass(struct db *db, struct arena *a, long budget_ms);

#endif
