/* ad_stats.h: per-ad daily counters (views, product clicks, add-to-carts) counted in the worker
 * and written with one multi-row upsert at most once a second, exactly as video_stats.h does for
 * videos (and with the same trade-off: a crashed worker loses about a second of counts). Orders
 * and revenue are not counted here: they come from order_lines (surface "ad"). */
#ifndef CC_AD_STATS_H
#define CC_AD_STATS_H
#include <stdbool.h>
#include "db.h"

enum adstat_kind { ADSTAT_VIEW = 0, ADSTAT_CLICK, ADSTAT_ADD, ADSTAT__MAX };
#define ADSTAT_BATCH 32	/* distinct (ad, day) keys held before a flush is forced */

/* Counts one event of `kind` for ad_id on the UTC day of `now` (unix seconds). */
void adstat_count(struct db *db, long long ad_id, enum adstat_kind kind, long long now);
/* Writes the pending counts if a second has passed since the last write (or `force`). */
void adstat_flush(struct db *db, bool force);

#endif
