/* after.c: the shop's after-request hook: writes the counters workers aggregate in memory
 * (creator visits, video and ad views/clicks/adds) without delaying any response. */
#include "ad_stats.h"
#include "attribution.h"
#include "shop.h"
#include "video_stats.h"

void shop_after(struct db *db, bool final)
{
	attribution_flush_visits(db, final);
	vstat_flush(db, final);
	adstat_flush(db, final);
}
