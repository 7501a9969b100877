/* link_stats.h: visits per short link and UTC day (short_link_stats), tallied in the worker
 * (db/tally.h says what that costs). */
#ifndef CC_LINK_STATS_H
#define CC_LINK_STATS_H
#include <stdbool.h>
#include "db/db.h"

#define LINK_STATS_BATCH 32	/* distinct (link, day) keys held before a flush is forced */

/* Counts one visit through link `id` on the UTC day of `now` (unix seconds). */
void link_stats_count(struct db *db, long long id, long long now);
/* Writes the pending counts if a second has passed since the last write (or `force`). */
void link_stats_flush(struct db *db, bool force);

#endif
