/* home.c: "/" — featured creators, the video feed, live shopping, collection ads and trending products; the same for every visitor, so kept (layout_keep). */
#include "db/dbcache.h"
#include "views/card_view.h"
#include "views/image_view.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"

static const struct db_stmt q_featured = {
	"SELECT handle, display_name, " AVATAR_REF_SQL("avatar_url") " FROM creators WHERE featured = 1 AND taken_down_at IS NULL AND"
	ACCOUNT_ACTIVE_SQL("creators.user_id")
	" ORDER BY display_name LIMIT 12", "", "sss" };
static const struct db_stmt q_trending = {
	"SELECT " CARD_COLS " FROM products p" CARD_JOINS
	" WHERE p.status = 'active' ORDER BY p.trending_score DESC, p.id LIMIT 12", "", CARD_TYPES };

int page_home(struct req *r)
{
	if (layout_cached(r, "/")) {
		layout_end(r, 200);
		return REQ_DONE;
	}
	struct db_res creators, products;
	enum db_status rc = db_query_cached(r->db, r->arena, &q_featured, NULL, &creators);
	if (rc == DB_OK)
		rc = db_query_cached(r->db, r->arena, &q_trending, NULL, &products);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "home.tpl", "crowdcart — shop what your creators love");
	for (size_t i = 0; i < creators.nrows; i++) {
		tmpl_dict *c = tmpl_add(d, "CREATORS");
		tmpl_set(c, "HANDLE", db_at(&creators, i, 0)->s);
		tmpl_set(c, "NAME", db_at(&creators, i, 1)->s);
		image_view_fill(r, c, "AVATAR", db_at(&creators, i, 2)->s, "", IMAGE_SLOT_CHIP, true);
	}
	tmpl_dict *grid = card_grid(d);
	for (size_t i = 0; i < products.nrows; i++)
		card_view_add(r, grid, &products, i, NULL);
	video_feed_add(r, d, 0);
	live_list_add(r, d, 0);
	ads_list_add(r, d);
	layout_keep(r, "/");
	layout_end(r, 200);
	return REQ_DONE;
}
