/* video_feed.c: the shoppable-video feed on the home page and on storefronts: the most recent
 * videos, ranked by video_score (recent orders bought from the video, and views; docs/VIDEO.md). */
#include <stdlib.h>
#include "db/dbcache.h"
#include "web/layout.h"
#include "shop/shop.h"
#include "views/image_view.h"
#include "domain/video/video_rules.h"

#define FEED_CANDIDATES 100	/* ranked among the newest this many; older ones drop out of feeds */
#define FEED_SHOWN 8

/* The orders bought from a video are read from its own lines (order_lines_video), then each
 * order by its key: left to itself the optimizer starts from every order of the last 14 days
 * (order_lines.video_id is NULL on nearly every line, so its index looks unselective), which
 * examined 400,000 rows a storefront view with a million order lines. */
#define FEED_COLS \
	"SELECT v.id, v.caption, " TYPED_REF_SQL("v.poster_url") ", COALESCE(c.display_name, b.name, '')," \
	" TIMESTAMPDIFF(HOUR, v.created_at, UTC_TIMESTAMP())," \
	" COALESCE((SELECT SUM(s.views) FROM video_stats s WHERE s.video_id = v.id" \
	"  AND s.day >= UTC_DATE() - INTERVAL 13 DAY), 0)," \
	" (SELECT COUNT(DISTINCT l.order_id) FROM order_lines l STRAIGHT_JOIN orders o ON o.id = l.order_id" \
	"  WHERE l.video_id = v.id AND o.created_at >= UTC_TIMESTAMP() - INTERVAL 14 DAY)" \
	" FROM videos v LEFT JOIN creators c ON c.id = v.creator_id LEFT JOIN brands b ON b.id = v.brand_id" \
	" WHERE v.taken_down_at IS NULL AND v.deleted_at IS NULL AND" OWNERS_ACTIVE_SQL
#define FEED_TYPES "isssiii"
static const struct db_stmt q_all = {
	FEED_COLS " ORDER BY v.created_at DESC, v.id DESC LIMIT 100", "", FEED_TYPES };
static const struct db_stmt q_creator = {
	FEED_COLS " AND v.creator_id = ? ORDER BY v.created_at DESC, v.id DESC LIMIT 100", "i", FEED_TYPES };
_Static_assert(FEED_CANDIDATES == 100, "the LIMIT in the feed statements");

struct ranked {
	size_t row;
	long long score, id;
};

static int by_score(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;	/* ties: the newer video first */
}

void video_feed_add(struct req *r, tmpl_dict *d, long long creator_id)
{
	struct db_res res;
	enum db_status rc = creator_id
		? db_query_cached_list(r->db, r->arena, &q_creator, (struct db_param[]){ DB_I(creator_id) }, &res)
		: db_query_cached_list(r->db, r->arena, &q_all, NULL, &res);
	if (rc != DB_OK || res.nrows == 0)
		return;	/* the feed is extra: a database problem leaves it out, not the page */
	struct ranked *rk = arena_alloc(r->arena, res.nrows * sizeof *rk);
	for (size_t i = 0; i < res.nrows; i++)
		rk[i] = (struct ranked){ i, video_score(db_at(&res, i, 6)->i, db_at(&res, i, 5)->i, db_at(&res, i, 4)->i),
					 db_at(&res, i, 0)->i };
	qsort(rk, res.nrows, sizeof *rk, by_score);
	tmpl_dict *feed = tmpl_include(d, "VIDEO_FEED", "video_feed.tpl");
	for (size_t k = 0; k < res.nrows && k < FEED_SHOWN; k++) {
		size_t i = rk[k].row;
		tmpl_dict *v = tmpl_add(feed, "VIDEOS");
		tmpl_set_int(v, "ID", rk[k].id);
		tmpl_set(v, "CAPTION", db_at(&res, i, 1)->s);
		tmpl_set(v, "BY", db_at(&res, i, 3)->s);
		const char *poster = image_view_url(r->arena, db_at(&res, i, 2)->s, 320);
		if (poster)
			tmpl_set(tmpl_add(v, "POSTER"), "SRC", poster);
	}
}
