/* media_stats.h: daily counters of videos and collection ads (views, product clicks,
 * add-to-carts), tallied in the worker (db/tally.h says what that costs). Orders and revenue are
 * not counted here: they come from order_lines (surfaces "video" and "ad"). */
#ifndef CC_MEDIA_STATS_H
#define CC_MEDIA_STATS_H
#include <stdbool.h>
#include "db/db.h"

enum mstat_table { MSTAT_VIDEO = 0, MSTAT_AD, MSTAT__TABLES };	/* video_stats, ad_stats */
enum mstat_kind { MSTAT_VIEW = 0, MSTAT_CLICK, MSTAT_ADD, MSTAT__KINDS };
#define MSTAT_BATCH 32	/* distinct (id, day) keys of a table held before a flush is forced */

/* Counts one event of `kind` for row `id` of `table` on the UTC day of `now` (unix seconds). */
void mstat_count(struct db *db, enum mstat_table table, long long id, enum mstat_kind kind, long long now);
/* Writes the pending counts if a second has passed since the last write (or `force`). */
void mstat_flush(struct db *db, bool force);

#endif
