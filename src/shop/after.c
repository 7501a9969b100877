/* after.c: the shop's after-request hook: writes the counters workers aggregate in memory
 * (creator visits, short link visits, video and ad views/clicks/adds, live reactions) and, about once a period for the whole
 * cluster, recounts the best sellers, without delaying any response. */
#include "domain/creators/attr.h"
#include "domain/creators/link_stats.h"
#include "domain/showcases/best_sellers.h"
#include "domain/live/live_reactions.h"
#include "domain/video/media_stats.h"
#include "shop/shop.h"

void shop_after(struct db *db, bool final)
{
	attr_flush_visits(db, final);
	link_stats_flush(db, final);
	media_stats_flush(db, final);
	live_reactions_flush(db, final);
	if (!final)	/* a worker that is stopping leaves the recount to the others */
		best_sellers_tick(db);
}
