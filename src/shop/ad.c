/* ad.c: "/ad/{slug}" — a live collection ad: the hero video or image, the headline, a Buy button
 * for the first product, a horizontally scrolling row of product cards (each with its own add to
 * cart), the brand's showcase when the ad has one, and "Visit {brand}'s site" through a signed /go/ link. Also the
 * two small routes the cards use, which count a product click or an add-to-cart against the ad
 * before doing the ordinary thing (as video.c does for videos). */
#include <string.h>
#include <time.h>
#include "domain/video/media_stats.h"
#include "domain/ads/ad_token.h"
#include "views/attribution.h"
#include "views/card_view.h"
#include "shop/cart.h"
#include "db/dbcache.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"
#include "views/image_view.h"
#include "shop/showcase.h"
#include "domain/moderation/takedown.h"
#include "views/page_meta.h"

static const struct db_stmt q_ad = {
	"SELECT a.id, a.brand_id, COALESCE(a.creator_id, 0), a.title, a.headline, " TYPED_REF_SQL("a.image_url") ", a.click_url,"
	" COALESCE(v.src_url, ''), COALESCE(" TYPED_REF_SQL("v.poster_url") ", ''), b.name, COALESCE(c.handle, ''), COALESCE(c.display_name, ''),"
	" COALESCE(a.showcase_id, 0), a.taken_down_at IS NOT NULL FROM ads a JOIN brands b ON b.id = a.brand_id LEFT JOIN videos v ON v.id = a.video_id AND v.deleted_at IS NULL"
	" LEFT JOIN creators c ON c.id = a.creator_id WHERE a.slug = ? AND a.state = 'live' AND" OWNERS_ACTIVE_SQL,
	"s", "iiisssssssssii" };
/* The card columns, the product id and the variant an add uses: the first one in stock, else the
 * first. Active products only, and on a creator's own ad only those they still have an approved pick of.
 * The ad's products first, then each one's product and brand (STRAIGHT_JOIN). */
static const struct db_stmt q_products = {
	"SELECT STRAIGHT_JOIN " CARD_COLS ", p.id,"
	" COALESCE((SELECT va.id FROM variants va WHERE va.product_id = p.id"
	" ORDER BY va.stock > 0 OR va.inventory_policy <> 'deny' DESC, va.position, va.id LIMIT 1), 0),"
	CARD_GIFTED("a.creator_id") " FROM ad_products ap JOIN ads a ON a.id = ap.ad_id JOIN products p ON p.id = ap.product_id" CARD_JOINS
	" WHERE ap.ad_id = ? AND p.status = 'active' AND (a.created_by = 'brand' OR EXISTS (SELECT 1 FROM picks pk"
	" WHERE pk.creator_id = a.creator_id AND pk.product_id = p.id AND pk.status = 'approved'))"
	" ORDER BY ap.position, ap.product_id LIMIT 20",
	"i", CARD_TYPES "iii" };
static const struct db_stmt q_click = {
	"SELECT b.slug, p.handle, COALESCE(c.handle, ''), a.id, a.slug FROM ads a JOIN ad_products ap ON ap.ad_id = a.id"
	" JOIN products p ON p.id = ap.product_id JOIN brands b ON b.id = p.brand_id"
	" LEFT JOIN creators c ON c.id = a.creator_id WHERE a.slug = ? AND a.state = 'live' AND a.taken_down_at IS NULL AND ap.product_id = ?",
	"si", "sssis" };
static const struct db_stmt q_ad_id = {
	"SELECT id FROM ads WHERE slug = ? AND state = 'live' AND taken_down_at IS NULL", "s", "i" };


static void product_card(struct req *r, tmpl_dict *d, const char *slug, const struct db_res *t, size_t i)
{
	tmpl_dict *c = tmpl_add(d, "CARDS");
	tmpl_set(c, "URL", arena_printf(r->arena, "/ad/%s/p/%lld", slug, db_at(t, i, CARD_NCOLS)->i));
	card_fill_buyable(r, c, t, i, db_at(t, i, CARD_NCOLS + 1)->i);
	card_view_gifted(c, t, i, CARD_NCOLS + 2);
}

/* The signed click-out link, if the ad has a target that is still on a verified domain (as far as
 * the 1 s cache knows: /go/ checks again, uncached). */
static const char *go_link(struct req *r, const struct db_res *a)
{
	const char *target = db_at(a, 0, 6)->s;
	bool ok;
	if (!*target || brand_domain_check_cached(r->db, r->arena, db_at(a, 0, 1)->i, target, &ok) != DB_OK || !ok)
		return NULL;
	struct ad_token t = { db_at(a, 0, 0)->i, db_at(a, 0, 2)->i, (long long)time(NULL) + AD_TOKEN_TTL_S, target };
	char *text = arena_alloc(r->arena, AD_TOKEN_TEXT_MAX);
	return ad_token_encode(r->secret, &t, text) ? arena_printf(r->arena, "/go/%s", text) : NULL;
}

int page_ad(struct req *r)
{
	const char *slug = req_param(r, "slug");
	struct db_res a, prods;
	enum db_status rc = db_query_cached(r->db, r->arena, &q_ad, (struct db_param[]){ DB_S(slug) }, &a);
	if (rc == DB_OK && a.nrows)
		rc = db_query_cached(r->db, r->arena, &q_products, (struct db_param[]){ DB_I(db_at(&a, 0, 0)->i) }, &prods);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (a.nrows == 0) {
		response_error(r, 404, "There is no such ad.");
		return REQ_DONE;
	}
	if (db_at(&a, 0, 13)->i) {
		response_error(r, 410, TAKEDOWN_PUBLIC_TEXT);
		return REQ_DONE;
	}
	long long id = db_at(&a, 0, 0)->i, creator = db_at(&a, 0, 2)->i;
	const char *title = db_at(&a, 0, 3)->s, *brand = db_at(&a, 0, 9)->s;
	tmpl_dict *d = layout_begin(r, "ad.tpl", title);
	report_page_link(r, d, TAKEDOWN_AD, id);
	tmpl_set(d, "SLUG", slug);
	tmpl_set(d, "TITLE", title);
	tmpl_set(d, "HEADLINE", db_at(&a, 0, 4)->s);
	tmpl_set(d, "BRAND", brand);
	if (*db_at(&a, 0, 7)->s) {
		tmpl_dict *v = tmpl_add(d, "HERO_VIDEO");
		tmpl_set(v, "SRC", db_at(&a, 0, 7)->s);
		const char *poster = image_view_url(r->arena, db_at(&a, 0, 8)->s, 1080);
		if (poster)
			tmpl_set(tmpl_add(v, "POSTER"), "URL", poster);
	} else {
		/* an upload, or an address the brand typed (on its own verified domain, ad_save.c) that
		 * the worker fetches: our renditions, or the placeholder until they are made */
		image_view_fill(r, tmpl_add(d, "HERO"), "HERO_IMAGE", db_at(&a, 0, 5)->s, title, IMAGE_SLOT_COVER, true);
	}
	if (creator) {
		tmpl_dict *by = tmpl_add(d, "BY_CREATOR");
		tmpl_set(by, "HANDLE", db_at(&a, 0, 10)->s);
		tmpl_set(by, "NAME", db_at(&a, 0, 11)->s);
	}
	/* The Buy button: the first product that can be bought. */
	for (size_t i = 0; i < prods.nrows; i++) {
		long long variant = db_at(&prods, i, CARD_NCOLS + 1)->i;
		if (db_at(&prods, i, 6)->i > 0 && variant > 0) {
			tmpl_dict *b = tmpl_add(d, "BUY");
			tmpl_set_int(b, "VARIANT", variant);
			tmpl_set(b, "PRODUCT", db_at(&prods, i, 1)->s);
			tmpl_set(b, "PRICE", layout_money(r, db_at(&prods, i, 4)->i, db_at(&prods, i, 5)->s));
			break;
		}
	}
	for (size_t i = 0; i < prods.nrows; i++)
		product_card(r, d, slug, &prods, i);
	if (prods.nrows == 0)
		tmpl_show(d, "NO_PRODUCTS");
	if (db_at(&a, 0, 12)->i)
		showcase_add(r, d, db_at(&a, 0, 12)->i, creator ? db_at(&a, 0, 10)->s : NULL);
	const char *go = go_link(r, &a);
	if (go) {
		tmpl_dict *out = tmpl_add(d, "VISIT");
		tmpl_set(out, "URL", go);
		tmpl_set(out, "BRAND", brand);
	}
	const char *hero = *db_at(&a, 0, 5)->s ? db_at(&a, 0, 5)->s : db_at(&a, 0, 8)->s;
	page_meta_show(r, &(struct page_meta){
		.title = arena_concat(r->arena, title, " – ", brand, (char *)NULL),
		.by = creator ? arena_concat(r->arena, "picked by ", db_at(&a, 0, 11)->s, " · ", PAGE_META_SITE,
					     (char *)NULL) : NULL,
		.description = db_at(&a, 0, 4)->s, .path = arena_concat(r->arena, "/ad/", slug, (char *)NULL),
		.image = hero, .image_alt = title,
	});
	media_stats_count(r->db, MEDIA_STATS_AD, id, MEDIA_STATS_VIEW, (long long)time(NULL));
	if (creator)
		attribution_touch(r, creator, ATTR_AD);
	layout_end(r, 200);
	return REQ_DONE;
}

/* GET /ad/{slug}/p/{product}: counts a product click, then on to the product page with the
 * credited creator's handle (so the product page keeps the attribution the ad set) and the ad (so
 * its add-to-cart still counts for the ad). */
int page_ad_click(struct req *r)
{
	long long product = req_id(r, "product");
	struct db_res res = { 0 };
	enum db_status rc = product ? db_query_cached(r->db, r->arena, &q_click,
				(struct db_param[]){ DB_S(req_param(r, "slug")), DB_I(product) }, &res) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (res.nrows == 0) {
		response_error(r, 404, "That product is not in this ad.");
		return REQ_DONE;
	}
	media_stats_count(r->db, MEDIA_STATS_AD, db_at(&res, 0, 3)->i, MEDIA_STATS_CLICK, (long long)time(NULL));
	const char *via = db_at(&res, 0, 2)->s;
	response_redirect(r, arena_printf(r->arena, "/p/%s/%s?%s%s%sfrom=ad.%s", db_at(&res, 0, 0)->s, db_at(&res, 0, 1)->s,
				      *via ? "via=" : "", via, *via ? "&" : "", db_at(&res, 0, 4)->s));
	return REQ_DONE;
}

/* POST /ad/{slug}/cart: the cart's own add (same fields, same answers), recording the ad on the
 * item when it lists the product, and counted against the ad when it succeeds. */
int page_ad_cart_add(struct req *r)
{
	struct db_res ad;
	enum db_status rc = db_query_cached(r->db, r->arena, &q_ad_id, (struct db_param[]){ DB_S(req_param(r, "slug")) }, &ad);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (ad.nrows == 0) {
		response_error(r, 404, "There is no such ad.");
		return REQ_DONE;
	}
	int st = cart_add_from(r, 0, db_at(&ad, 0, 0)->i);
	if (st == REQ_DONE && r->status == 303)
		media_stats_count(r->db, MEDIA_STATS_AD, db_at(&ad, 0, 0)->i, MEDIA_STATS_ADD, (long long)time(NULL));
	return st;
}
