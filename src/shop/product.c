/* product.c: "/p/{brand}/{product}" — images, variants with price and stock state, the brand,
 * and, when reached from a creator's page (?via=handle), who recommended it; when reached from a
 * video's or ad's card (?from=video.12, ?from=ad.slug), its add-to-cart goes through that medium. */
#include "domain/creators/commission_rate.h"
#include "views/attribution.h"
#include "views/card_view.h"
#include "views/gallery_view.h"
#include "domain/video/media_from.h"
#include "lib/sanitize_memo.h"
#include "lib/summary.h"
#include "views/share_image.h"
#include "db/dbcache.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"
#include "shop/showcase.h"
#include "shop/product_picker.h"
#include "views/jsonld.h"
#include "views/page_meta.h"

static const struct db_stmt q_product = {
	"SELECT p.id, p.title, p.description_html, p.product_type, b.slug, b.name, b.id, p.category,"
	" COALESCE(c.name, ''), p.handle, b.shipping_flat_rate, b.return_window_days, b.currency FROM products p"
	" JOIN brands b ON b.id = p.brand_id LEFT JOIN categories c ON c.slug = p.category"
	" WHERE b.slug = ? AND p.handle = ? AND p.status = 'active'"
	" AND b.approved = 1 AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id"),
	"ss", "isssssisssiis" };
static const struct db_stmt q_options = {
	"SELECT name FROM product_options WHERE product_id = ? ORDER BY position", "i", "s" };
static const struct db_stmt q_variants = {
	"SELECT " PRODUCT_PICKER_COLS " FROM variants va WHERE va.product_id = ? ORDER BY va.position, va.id LIMIT 100",
	"i", PRODUCT_PICKER_TYPES };
static const struct db_stmt q_images = {
	"SELECT " IMAGE_REF_SQL("pi.url", "pi.url_hash") ", pi.alt, pi.id FROM product_images pi WHERE pi.product_id = ?"
	" ORDER BY pi.position, pi.id LIMIT 20", "i", "ssi" };
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

/* Delivery and returns, beside the button: the brand's flat rate (a destination's own rate, if
 * it has one, is shown at checkout) and how long a return may take. */
static void delivery(struct req *r, tmpl_dict *d, const struct db_res *p)
{
	long long ship = db_at(p, 0, 10)->i;
	tmpl_set(d, "SHIPPING", ship > 0 ? arena_printf(r->arena, "Shipping %s per order from %s; the checkout shows the rate for your country.",
							   layout_money(r, ship, db_at(p, 0, 12)->s), db_at(p, 0, 5)->s)
					 : arena_printf(r->arena, "Shipped by %s; the checkout shows the rate for your country.",
							db_at(p, 0, 5)->s));
	tmpl_set(d, "RETURNS", arena_printf(r->arena, "Returns accepted within %lld days of delivery.", db_at(p, 0, 11)->i));
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

/* What a shared link and a search engine see: the cheapest variant's price, in stock when any
 * variant can be bought, the first image, and who recommended it when a creator's link led here. */
static void product_meta(struct req *r, const struct db_res *p, const struct db_res *vars,
			 const struct db_res *imgs, const struct db_res *via)
{
	const char *title = db_at(p, 0, 1)->s, *brand = db_at(p, 0, 5)->s;
	const char *path = arena_concat(r->arena, "/p/", db_at(p, 0, 4)->s, "/", db_at(p, 0, 9)->s, (char *)NULL);
	const char *image = imgs->nrows ? db_at(imgs, 0, 0)->s : NULL;
	/* One summary for the meta tags and the JSON-LD: the description's first 155 characters are
	 * what a search result shows, and the rest would cost a page view escaping it twice more. */
	const struct db_val *html = db_at(p, 0, 2);
	const char *summary = summary_text_memo(r->arena, html->s, html->len, PAGE_META_DESCRIPTION_MAX);
	struct page_meta m = {
		.title = arena_concat(r->arena, title, " – ", brand, (char *)NULL),
		.by = via->nrows ? arena_concat(r->arena, "picked by ", db_at(via, 0, 1)->s, (char *)NULL) : NULL,
		.description = *summary ? summary : arena_concat(r->arena, title, " by ", brand, (char *)NULL),
		.path = path, .image = image,
		.image_alt = imgs->nrows ? db_at(imgs, 0, 1)->s : NULL, .og_type = "product",
	};
	struct jsonld_offer offer = { 0 };
	size_t cheapest = vars->nrows;
	for (size_t i = 0; i < vars->nrows; i++) {
		if (db_at(vars, i, 7)->i > 0 || strcmp(db_at(vars, i, 8)->s, "continue") == 0)
			offer.in_stock = true;
		if (cheapest == vars->nrows || db_at(vars, i, 4)->i < db_at(vars, cheapest, 4)->i)
			cheapest = i;
	}
	if (cheapest < vars->nrows) {
		m.price_minor = offer.price_minor = db_at(vars, cheapest, 4)->i;
		m.price_currency = offer.currency = db_at(vars, cheapest, 6)->s;
	}
	const char *url = page_meta_url(r, path), *base = page_meta_base(r);
	m.jsonld[0] = jsonld_product(r->arena, title, m.description, share_image_url(r, base, image), url, brand,
						 cheapest < vars->nrows ? db_at(vars, cheapest, 3)->s : NULL,
						 cheapest < vars->nrows ? &offer : NULL);
	struct jsonld_list crumbs;
	jsonld_breadcrumbs(&crumbs, r->arena);
	jsonld_list_add(&crumbs, PAGE_META_SITE, page_meta_url(r, "/"));
	if (via->nrows)
		jsonld_list_add(&crumbs, db_at(via, 0, 1)->s,
				page_meta_url(r, arena_concat(r->arena, "/@", db_at(via, 0, 0)->s, (char *)NULL)));
	jsonld_list_add(&crumbs, title, url);
	m.jsonld[1] = jsonld_list_end(&crumbs);
	page_meta_show(r, &m);
}

int page_product(struct req *r)
{
	struct product_picker_problem none = { .variant_id = req_id(r, "short"), .short_stock = true };
	return product_page(r, req_param(r, "brand"), req_param(r, "product"), 200, &none);
}

int product_page(struct req *r, const char *brand, const char *handle, int status,
		 const struct product_picker_problem *problem)
{
	struct db_res p, opts, vars, imgs, via = { 0 };
	struct db_param key[] = { DB_S(brand), DB_S(handle) };
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
	if (*db_at(&p, 0, 7)->s && *db_at(&p, 0, 8)->s) {
		tmpl_dict *crumb = tmpl_add(d, "CATEGORY");
		tmpl_set(crumb, "SLUG", db_at(&p, 0, 7)->s);
		tmpl_set(crumb, "NAME", db_at(&p, 0, 8)->s);
	}
	/* Imports store sanitised HTML already; sanitising again here covers every other writer
	 * (demo SQL, the editor, the API), once per worker for each text it shows. */
	const struct db_val *desc = db_at(&p, 0, 2);
	tmpl_set(d, "SANITISED_DESCRIPTION_HTML", sanitize_memo_html(r->arena, desc->s, desc->len));
	gallery_view_fill(r, d, &imgs);
	product_picker_fill(r, d, id, &opts, &vars, &imgs, problem);
	delivery(r, d, &p);
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
	product_meta(r, &p, &vars, &imgs, &via);
	layout_end(r, status);
	return REQ_DONE;
}
