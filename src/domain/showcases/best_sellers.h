/* best_sellers.h: the units sold per product that best-seller showcases rank by, counted ahead of
 * time into product_sales_window for every window (best_sellers_days) a showcase uses, so that an
 * evaluation costs one key lookup per candidate product whatever the order volume. The shop's
 * after-response hook recounts them at most every best_sellers_refresh_seconds, one worker of the
 * whole cluster at a time (refresh_lease.h); docs/SHOWCASES.md has the staleness bound. */
#ifndef CC_BEST_SELLERS_H
#define CC_BEST_SELLERS_H
#include <stddef.h>
#include "db/db.h"

#define BEST_SELLERS_LEASE "best_sellers"
#define BEST_SELLERS_REFRESH_DEFAULT 300	/* seconds; best_sellers_refresh_seconds */
#define BEST_SELLERS_EARLY_GAP 10		/* seconds: the soonest an uncounted window recounts again */
#define BEST_SELLERS_ROWS_PER_INSERT 5000	/* products per statement, well inside max_allowed_packet */

/* best_sellers_refresh_seconds from the config (1..86400). */
long best_sellers_period(void);

/* When the units of the `days` window were last counted ("YYYY-MM-DD hh:mm:ss", UTC) in *at, ""
 * if they have not been yet. Read through the per-worker catalog cache. */
enum db_status best_sellers_counted_at(struct db *db, struct arena *a, int days, const char **at);

/* A showcase was just shown with window `days` not counted yet: this worker's next after hook
 * (this request's, unless the worker asked less than BEST_SELLERS_EARLY_GAP ago) asks for the
 * lease early, won if the last claim anywhere is that old, instead of waiting for the period;
 * until the count lands the ranking falls back to the showcase's other sort keys. */
void best_sellers_want(int days);

/* The shop's after hook: cheap (a clock read) except about once a period, when this worker asks
 * for the lease, and the one that wins recounts every window, each in one transaction. */
void best_sellers_tick(struct db *db);

/* Rows [from, from + n) of a (product id, units) result as the JSON array [[id,units],...] that
 * the insert statement reads with JSON_TABLE. Pure. */
const char *best_sellers_json(struct arena *a, const struct db_res *units, size_t from, size_t n);

#endif
