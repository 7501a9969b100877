/* video_stats.h: per-video daily counters (views, product clicks, add-to-carts) counted in the
 * worker and written with one multi-row upsert at most once a second, so a video view never waits
 * on a database write. The trade-off is the one attribution.h describes for visit counts: a
 * crashed worker loses at most about a second of counts, an idle one holds its last counts until
 * its next video request. Orders and revenue are not counted here: they come from order_lines. */
#ifndef CC_VIDEO_STATS_H
#define CC_VIDEO_STATS_H
#include <stdbool.h>
#include "db.h"

enum vstat_kind { VSTAT_VIEW = 0, VSTAT_CLICK, VSTAT_ADD, VSTAT__MAX };
#define VSTAT_BATCH 32	/* distinct (video, day) keys held before a flush is forced */

/* Counts one event of `kind` for video_id on the UTC day of `now` (unix seconds). */
void vstat_count(struct db *db, long long video_id, enum vstat_kind kind, long long now);
/* Writes the pending counts if a second has passed since the last write (or `force`). */
void vstat_flush(struct db *db, bool force);

#endif
