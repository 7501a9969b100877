/* home.c: "/" — featured creators, the video feed, live shopping, collection ads and trending products; the same for every visitor, so kept (layout_keep). */
#include "db/dbcache.h"
#include "views/card_view.h"
#include "views/image_view.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"
#include "views/page_meta.h"

static const struct db_stmt q_featured = {
	"SELECT handle, display_name, " AVATAR_REF_SQL("avatar_url") " FROM creators WHERE featured = 1 AND taken_down_at IS NULL AND"
	ACCOUNT_ACTIVE_SQL("creators.user_id")
	" ORDER BY display_name LIMIT 12", "", "sss" };
/* The dozen are picked from the products alone, in products_trending order, each brand tested by
 * a subquery, so the read ends with the twelfth product of an approved brand; then their cards.
 * Sorting every active product took 575,481 rows a view with 100,000 products, and a join to the
 * brands (buffered when the brands table is small) lost the index order. The index is named: with
 * fresh rows not in the table's statistics yet the optimizer sorted them all again. */
#define TRENDING_ORDER " ORDER BY p.trending_score DESC, p.id"
static const struct db_stmt q_trending = {
	"SELECT STRAIGHT_JOIN " CARD_COLS " FROM (SELECT p.id FROM products p FORCE INDEX (products_trending)"
	" WHERE p.status = 'active' AND (SELECT b.approved = 1 AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id")
	" FROM brands b WHERE b.id = p.brand_id)" TRENDING_ORDER " LIMIT 12) t"
	" JOIN products p ON p.id = t.id" CARD_JOINS TRENDING_ORDER, "", CARD_TYPES };

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
	page_meta_show(r, &(struct page_meta){
		.title = "Shop what your creators love",
		.description = "Products picked and recommended by the creators you follow: their storefronts,"
				    " collections, shoppable videos and live shopping.",
		.path = "/", .image = products.nrows ? db_at(&products, 0, 7)->s : NULL,
	});
	layout_keep(r, "/");
	layout_end(r, 200);
	return REQ_DONE;
}
