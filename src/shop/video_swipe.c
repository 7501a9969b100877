/* video_swipe.c: "/videos" — the shoppable videos one per screen, newest first, for swiping up on a
 * phone (scroll snapping in the styles; static/js/video_swipe.js plays the one in view, muted, and
 * pauses the others). Without the script each is an ordinary player with its controls, and each
 * links to its own page, where its products are. */
#include "db/dbcache.h"
#include "web/layout.h"
#include "shop/shop.h"
#include "views/image_view.h"
#include "views/page_meta.h"

#define SWIPE_SHOWN 30

static const struct db_stmt q_swipe = {
	"SELECT v.id, v.src_url, " TYPED_REF_SQL("v.poster_url") ", v.caption, COALESCE(c.display_name, b.name, ''),"
	" (SELECT COUNT(*) FROM video_tags t WHERE t.video_id = v.id)"
	" FROM videos v LEFT JOIN creators c ON c.id = v.creator_id LEFT JOIN brands b ON b.id = v.brand_id"
	" WHERE v.taken_down_at IS NULL AND v.deleted_at IS NULL AND" OWNERS_ACTIVE_SQL
	" ORDER BY v.created_at DESC, v.id DESC LIMIT 30", "", "issssi" };
_Static_assert(SWIPE_SHOWN == 30, "the LIMIT in q_swipe");

int page_video_swipe(struct req *r)
{
	struct db_res res;
	enum db_status rc = db_query_cached_list(r->db, r->arena, &q_swipe, NULL, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "video_swipe.tpl", "Shoppable videos");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *v = tmpl_add(d, "VIDEOS");
		tmpl_set_int(v, "ID", db_at(&res, i, 0)->i);
		tmpl_set(v, "SRC", db_at(&res, i, 1)->s);
		const char *poster = image_view_url(r->arena, db_at(&res, i, 2)->s, 1080);
		if (poster)
			tmpl_set(tmpl_add(v, "POSTER"), "URL", poster);
		tmpl_set(v, "CAPTION", db_at(&res, i, 3)->s);
		tmpl_set(v, "BY", db_at(&res, i, 4)->s);
		long long n = db_at(&res, i, 5)->i;
		tmpl_set(v, "SHOP", n == 1 ? "Shop the product" : arena_printf(r->arena, "Shop %lld products", n));
		/* the first loads its opening frame at once; the rest wait until they are near (the script) */
		tmpl_set(v, "PRELOAD", i == 0 ? "metadata" : "none");
	}
	if (res.nrows == 0)
		tmpl_show(d, "NONE");
	page_meta_show(r, &(struct page_meta){
		.title = "Shoppable videos",
		.description = "Short videos by creators and brands, with the products in them one tap away.",
		.path = "/videos",
	});
	layout_end(r, 200);
	return REQ_DONE;
}
