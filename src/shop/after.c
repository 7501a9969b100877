/* after.c: the shop's after-request hook: writes the counters workers aggregate in memory
 * (creator visits, video and ad views/clicks/adds) without delaying any response. */
#include "attribution.h"
#include "media_stats.h"
#include "shop.h"

void shop_after(struct db *db, bool final)
{
	attribution_flush_visits(db, final);
	mstat_flush(db, final);
}
