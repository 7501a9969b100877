/* product.c: "/p/{brand}/{product}" — images, variants with price and stock state, the brand,
 * and, when reached from a creator's page (?via=handle), who recommended it; when reached from a
 * video's or ad's card (?from=video.12, ?from=ad.slug), its add-to-cart goes through that medium. */
#include "domain/creators/commission_rate.h"
#include "views/attribution.h"
#include "views/card_view.h"
#include "views/gallery_view.h"
#include "domain/video/media_from.h"
#include "lib/sanitize.h"
#include "db/dbcache.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"
#include "shop/showcase.h"

static const struct db_stmt q_product = {
	"SELECT p.id, p.title, p.description_html, p.product_type, b.slug, b.name, b.id FROM products p"
	" JOIN brands b ON b.id = p.brand_id WHERE b.slug = ? AND p.handle = ? AND p.status = 'active'"
	" AND b.approved = 1 AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id"),
	"ss", "isssssi" };
static const struct db_stmt q_options = {
	"SELECT name FROM product_options WHERE product_id = ? ORDER BY position", "i", "s" };
static const struct db_stmt q_variants = {
	"SELECT option1, option2, option3, sku, price, COALESCE(compare_at_price, 0), currency, stock,"
	" inventory_policy, id, COALESCE(image_id, 0) FROM variants WHERE product_id = ? ORDER BY position, id LIMIT 100",
	"i", "ssssiisisii" };
static const struct db_stmt q_images = {
	"SELECT " IMAGE_REF_SQL("url", "url_hash") ", alt, id FROM product_images WHERE product_id = ?"
	" ORDER BY position, id LIMIT 20", "i", "ssi" };
static const struct db_stmt q_via = {
	"SELECT cr.handle, cr.display_name, " COMMISSION_RATE_TODAY_SQL("pk") ", cr.id," SAMPLE_GIFT_SQL("cr.id", "pk.product_id")
	" FROM creators cr JOIN picks pk ON pk.creator_id = cr.id AND pk.status = 'approved'"
	" WHERE cr.handle = ? AND pk.product_id = ?", "si", "ssiii" };

/* The medium named by ?from= must still hold the product; otherwise it is ignored. */
static const struct db_stmt q_from_video = {
	"SELECT video_id FROM video_tags WHERE video_id = ? AND product_id = ?", "ii", "i" };
static const struct db_stmt q_from_ad = {
	"SELECT a.slug FROM ads a JOIN ad_products ap ON ap.ad_id = a.id"
	" WHERE a.slug = ? AND a.state = 'live' AND a.taken_down_at IS NULL AND ap.product_id = ?", "si", "s" };

#define LOW_STOCK 5

static void stock_state(tmpl_dict *v, long long stock, const char *policy)
{
	if (stock > LOW_STOCK) {
		tmpl_set(v, "STOCK_CLASS", "in-stock");
		tmpl_set(v, "STOCK", "In stock");
	} else if (stock > 0) {
		tmpl_set(v, "STOCK_CLASS", "low-stock");
		tmpl_set_int(v, "LEFT", stock);
		tmpl_show(v, "ONLY_LEFT");
	} else if (strcmp(policy, "continue") == 0) {
		tmpl_set(v, "STOCK_CLASS", "in-stock");
		tmpl_set(v, "STOCK", "Available to order");
	} else {
		tmpl_set(v, "STOCK_CLASS", "sold-out");
		tmpl_set(v, "STOCK", "Sold out");
	}
}

/* One choice in the add-to-cart form: "Walnut / Large — $89.00", disabled when sold out.
 * Returns whether it can be bought. */
static bool buy_option(struct req *r, tmpl_dict *d, const struct db_res *vars, size_t i)
{
	tmpl_dict *o = tmpl_add(d, "BUY_OPTIONS");
	const char *a = db_at(vars, i, 0)->s, *b = db_at(vars, i, 1)->s, *c = db_at(vars, i, 2)->s;
	const char *price = layout_money(r, db_at(vars, i, 4)->i, db_at(vars, i, 6)->s);
	tmpl_set_int(o, "ID", db_at(vars, i, 9)->i);
	/* the gallery brings this variant's own picture into view when it is chosen (gallery.js) */
	if (db_at(vars, i, 10)->i)
		tmpl_set_int(tmpl_add(o, "PICTURE"), "IMAGE_ID", db_at(vars, i, 10)->i);
	tmpl_set(o, "LABEL", arena_printf(r->arena, "%s%s%s%s%s%s%s", a, *b ? " / " : "", b, *c ? " / " : "", c,
					  *a ? " — " : "", price));
	bool sold_out = db_at(vars, i, 7)->i <= 0 && strcmp(db_at(vars, i, 8)->s, "deny") == 0;
	if (sold_out)
		tmpl_show(o, "SOLD_OUT");
	return !sold_out;
}

static void variants(struct req *r, tmpl_dict *d, const struct db_res *opts, const struct db_res *vars)
{
	for (size_t i = 0; i < opts->nrows && i < 3; i++)
		tmpl_set(tmpl_add(d, "OPTION_NAMES"), "NAME", db_at(opts, i, 0)->s);
	bool buyable = false;
	for (size_t i = 0; i < vars->nrows; i++) {
		tmpl_dict *v = tmpl_add(d, "VARIANTS");
		for (size_t k = 0; k < 3; k++)
			if (k < opts->nrows || (k == 0 && *db_at(vars, i, 0)->s))
				tmpl_set(tmpl_add(v, "VALUES"), "VALUE", db_at(vars, i, k)->s);
		const char *cur = db_at(vars, i, 6)->s;
		long long price = db_at(vars, i, 4)->i, was = db_at(vars, i, 5)->i;
		tmpl_set(v, "PRICE", layout_money(r, price, cur));
		if (was > price)
			tmpl_set(tmpl_add(v, "COMPARE_AT"), "WAS", layout_money(r, was, cur));
		stock_state(v, db_at(vars, i, 7)->i, db_at(vars, i, 8)->s);
		buyable |= buy_option(r, d, vars, i);
	}
	tmpl_show(d, buyable ? "BUY" : "ALL_SOLD_OUT");
}

/* Where the add-to-cart form posts: the cart route of the video or ad in ?from= if it holds the
 * product (so the item records it), else the plain /cart/add. A bad or stale value is ignored, and
 * so is a database error here: the page still sells. */
static const char *buy_action(struct req *r, long long product_id)
{
	struct media_from m;
	struct db_res res;
	if (!media_from_parse(req_query(r, "from"), &m))
		return "/cart/add";
	if (m.video_id)
		return db_query_cached(r->db, r->arena, &q_from_video, (struct db_param[]){ DB_I(m.video_id), DB_I(product_id) },
				       &res) == DB_OK && res.nrows
			? arena_printf(r->arena, "/v/%lld/cart", m.video_id) : "/cart/add";
	return db_query_cached(r->db, r->arena, &q_from_ad, (struct db_param[]){ DB_S(m.ad_slug), DB_I(product_id) },
			       &res) == DB_OK && res.nrows
		? arena_printf(r->arena, "/ad/%s/cart", db_at(&res, 0, 0)->s) : "/cart/add";
}

int page_product(struct req *r)
{
	struct db_res p, opts, vars, imgs, via = { 0 };
	struct db_param key[] = { DB_S(req_param(r, "brand")), DB_S(req_param(r, "product")) };
	enum db_status rc = db_query_cached(r->db, r->arena, &q_product, key, &p);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (p.nrows == 0) {
		response_error(r, 404, "That product is not in the shop.");
		return REQ_DONE;
	}
	long long id = db_at(&p, 0, 0)->i;
	struct db_param pid[] = { DB_I(id) };
	const char *via_handle = req_query(r, "via");
	if ((rc = db_query_cached(r->db, r->arena, &q_options, pid, &opts)) != DB_OK ||
	    (rc = db_query_cached(r->db, r->arena, &q_variants, pid, &vars)) != DB_OK ||
	    (rc = db_query_cached(r->db, r->arena, &q_images, pid, &imgs)) != DB_OK ||
	    (via_handle && (rc = db_query_cached(r->db, r->arena, &q_via,
					  (struct db_param[]){ DB_S(via_handle), DB_I(id) }, &via)) != DB_OK)) {
		return req_db_fail(rc);
	}
	const char *title = db_at(&p, 0, 1)->s;
	tmpl_dict *d = layout_begin(r, "product.tpl", title);
	tmpl_set(d, "TITLE", title);
	tmpl_set_int(d, "PRODUCT_ID", db_at(&p, 0, 0)->i);
	tmpl_set(d, "TYPE", db_at(&p, 0, 3)->s);
	tmpl_set(d, "BRAND", db_at(&p, 0, 5)->s);
	/* Imports store sanitised HTML already; sanitising again here covers every other writer
	 * (demo SQL, the editor, the API) for a few microseconds a page. */
	const struct db_val *desc = db_at(&p, 0, 2);
	tmpl_set(d, "SANITISED_DESCRIPTION_HTML", sanitize_html(r->arena, desc->s, desc->len, NULL));
	gallery_view_fill(r, d, &imgs);
	variants(r, d, &opts, &vars);
	tmpl_set(d, "BUY_ACTION", buy_action(r, id));
	if (via.nrows) {
		tmpl_dict *v = tmpl_add(d, "VIA");
		tmpl_set(v, "HANDLE", db_at(&via, 0, 0)->s);
		tmpl_set(v, "NAME", db_at(&via, 0, 1)->s);
		if (db_at(&via, 0, 2)->i > 0)
			tmpl_show(v, "DISCLOSURE");
		card_view_gifted(v, &via, 0, 4);
		/* Only a creator who picked the product (an approved pick) gets the click. */
		attribution_touch(r, db_at(&via, 0, 3)->i, ATTR_PRODUCT);
	}
	showcase_product_page_add(r, d, db_at(&p, 0, 6)->i, id);
	layout_end(r, 200);
	return REQ_DONE;
}
