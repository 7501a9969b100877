/* media_stats.h: daily counters of videos and collection ads (views, product clicks,
 * add-to-carts), tallied in the worker (db/tally.h says what that costs). Orders and revenue are
 * not counted here: they come from order_lines (surfaces "video" and "ad"). */
#ifndef CC_MEDIA_STATS_H
#define CC_MEDIA_STATS_H
#include <stdbool.h>
#include "db/db.h"

enum media_stats_table { MEDIA_STATS_VIDEO = 0, MEDIA_STATS_AD, MEDIA_STATS__TABLES };	/* video_stats, ad_stats */
enum media_stats_kind { MEDIA_STATS_VIEW = 0, MEDIA_STATS_CLICK, MEDIA_STATS_ADD, MEDIA_STATS__KINDS };
#define MEDIA_STATS_BATCH 32	/* distinct (id, day) keys of a table held before a flush is forced */

/* Counts one event of `kind` for row `id` of `table` on the UTC day of `now` (unix seconds). */
void media_stats_count(struct db *db, enum media_stats_table table, long long id, enum media_stats_kind kind, long long now);
/* Writes the pending counts if a second has passed since the last write (or `force`). */
void media_stats_flush(struct db *db, bool force);

#endif
