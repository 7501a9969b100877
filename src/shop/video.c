/* video.c: "/v/{id}" — a shoppable video: the player with its hotspots, its tagged products as
 * cards with the product's variant picker that work without JavaScript (static/js/video.js
 * highlights the current one, shows the hotspots in their time ranges, adds to the cart with fetch
 * into the cart drawer, and shows the products again when the video ends), and more products from
 * the same creator. Also the two small routes the cards use, which count a product click or an
 * add-to-cart against the video before doing the ordinary thing. */
#include <string.h>
#include <time.h>
#include "lib/buf.h"
#include "views/attribution.h"
#include "shop/cart.h"
#include "db/dbcache.h"
#include "views/card_view.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"
#include "views/image_view.h"
#include "domain/video/media_stats.h"
#include "domain/moderation/takedown.h"
#include "views/page_meta.h"
#include "shop/product_picker.h"
#include "shop/cart_drawer.h"

static const struct db_stmt q_video = {
	"SELECT v.src_url, " TYPED_REF_SQL("v.poster_url") ", v.caption, COALESCE(c.id, 0), COALESCE(c.handle, ''),"
	" COALESCE(c.display_name, ''), COALESCE(b.slug, ''), COALESCE(b.name, ''), v.taken_down_at IS NOT NULL,"
	" v.deleted_at IS NOT NULL"
	" FROM videos v LEFT JOIN creators c ON c.id = v.creator_id LEFT JOIN brands b ON b.id = v.brand_id"
	" WHERE v.id = ? AND" OWNERS_ACTIVE_SQL, "i", "sssissssii" };
/* The card columns, the tag's seconds, the product id, the gifted mark, and the hotspot (x and y
 * NULL without one). The video's tags first, then their products (STRAIGHT_JOIN). */
enum { TAG_START = CARD_NCOLS, TAG_END, TAG_PRODUCT, TAG_GIFTED, TAG_X, TAG_Y, TAG_LABEL };
static const struct db_stmt q_tags = {
	"SELECT STRAIGHT_JOIN " CARD_COLS ", t.start_s, t.end_s, p.id," CARD_GIFTED("vd.creator_id") ","
	" t.spot_x, t.spot_y, t.spot_label"
	" FROM video_tags t JOIN videos vd ON vd.id = t.video_id JOIN products p ON p.id = t.product_id" CARD_JOINS
	" WHERE t.video_id = ? AND p.status = 'active' ORDER BY t.position, t.product_id LIMIT 20",
	"i", CARD_TYPES "iiiiiis" };
/* Every variant of every tagged product, for the cards' pickers, in one query: the picker's
 * columns (product_picker.h), then the product id, grouped by product; and their option names
 * likewise, the name first. A card's rows are a slice of these (video_rows_of). */
static const struct db_stmt q_variants = {
	"SELECT " PRODUCT_PICKER_COLS ", t.product_id FROM video_tags t JOIN variants va ON va.product_id = t.product_id"
	" WHERE t.video_id = ? ORDER BY t.position, t.product_id, va.position, va.id LIMIT 500",
	"i", PRODUCT_PICKER_TYPES "i" };
static const struct db_stmt q_options = {
	"SELECT po.name, t.product_id FROM video_tags t JOIN product_options po ON po.product_id = t.product_id"
	" WHERE t.video_id = ? ORDER BY t.position, t.product_id, po.position LIMIT 60", "i", "si" };
/* The creator's picks first, then their products (STRAIGHT_JOIN, as on the storefront). */
static const struct db_stmt q_more = {
	"SELECT STRAIGHT_JOIN " CARD_COLS "," CARD_GIFTED("pk.creator_id") " FROM picks pk JOIN products p ON p.id = pk.product_id"
	CARD_JOINS " WHERE pk.creator_id = ? AND pk.status = 'approved' AND p.status = 'active'"
	" AND p.id NOT IN (SELECT t.product_id FROM video_tags t WHERE t.video_id = ?)"
	" ORDER BY pk.position, pk.id LIMIT 8", "ii", CARD_TYPES "i" };
static const struct db_stmt q_click = {
	"SELECT b.slug, p.handle, COALESCE(c.handle, '') FROM video_tags t"
	" JOIN products p ON p.id = t.product_id JOIN brands b ON b.id = p.brand_id"
	" JOIN videos v ON v.id = t.video_id LEFT JOIN creators c ON c.id = v.creator_id"
	" WHERE t.video_id = ? AND t.product_id = ?", "ii", "sss" };

/* "1:05" for 65 seconds: by hand, as each card says two of them. */
static void set_clock(tmpl_dict *c, const char *key, long long s)
{
	char text[32], *p = text + sizeof text;
	unsigned long long u = s < 0 ? 0 : (unsigned long long)s, m = u / 60, sec = u % 60;
	*--p = (char)('0' + sec % 10);
	*--p = (char)('0' + sec / 10);
	*--p = ':';
	do
		*--p = (char)('0' + m % 10);
	while (m /= 10);
	tmpl_setn(c, key, p, (size_t)(text + sizeof text - p));
}

/* "tag-2-", "/v/1": a number between fixed words, for every card and the page. */
static const char *numbered(struct req *r, const char *before, long long n, const char *after)
{
	struct buf b;
	buf_init(&b, r->arena, 64);
	buf_puts(&b, before);
	buf_put_ulong(&b, (unsigned long long)n);
	buf_puts(&b, after);
	return buf_cstr(&b);
}

/* An add refused from the card of product `product_id`: what its picker says and opens on. */
struct video_card_problem {
	long long product_id;
	struct product_picker_problem picker;
};

struct video_buy {
	struct db_res vars, opts;
	long long added;	/* ?added=: the variant just put in the cart from this page */
	/* what the status line says: the variant added, or a refusal with no picker to say it beside */
	const char *notice;
	const struct video_card_problem *problem;	/* an add refused from one card, or NULL */
};

/* The rows of res whose last column is `product` (res is grouped by product), as a result of
 * their own: no copy, the rows are res's. */
static struct db_res video_rows_of(const struct db_res *res, long long product)
{
	size_t i = 0, n = 0, last = res->ncols - 1;
	while (i < res->nrows && db_at(res, i, last)->i != product)
		i++;
	while (i + n < res->nrows && db_at(res, i + n, last)->i == product)
		n++;
	return (struct db_res){ .nrows = n, .ncols = res->ncols, .v = n ? res->v + i * res->ncols : NULL };
}

/* "Large / Moss" for a variant row, "" for a product without options. */
static const char *video_variant_name(struct req *r, const struct db_res *vars, size_t i)
{
	const char *a = db_at(vars, i, PICKER_OPTION1)->s, *b = db_at(vars, i, PICKER_OPTION2)->s;
	const char *c = db_at(vars, i, PICKER_OPTION3)->s;
	if (strcmp(a, "Default Title") == 0)
		a = "";	/* Shopify's name for "no options" */
	return arena_printf(r->arena, "%s%s%s%s%s", a, *a && *b ? " / " : "", b, (*a || *b) && *c ? " / " : "", c);
}

static void tag_card(struct req *r, tmpl_dict *d, long long id, const struct db_res *t, size_t i, struct video_buy *vb)
{
	tmpl_dict *c = tmpl_add(d, "TAGS");
	long long start = db_at(t, i, TAG_START)->i, end = db_at(t, i, TAG_END)->i, product = db_at(t, i, TAG_PRODUCT)->i;
	tmpl_set_int(c, "N", (long long)i + 1);
	tmpl_set_int(c, "START", start);
	tmpl_set_int(c, "END", end);
	set_clock(c, "FROM", start);
	set_clock(c, "TO", end);
	tmpl_set(c, "URL", numbered(r, numbered(r, "/v/", id, "/p/"), product, ""));
	card_view_fill(r, c, t, i);
	struct db_res vars = video_rows_of(&vb->vars, product), opts = video_rows_of(&vb->opts, product);
	const struct product_picker_problem *problem =
		vb->problem && vb->problem->product_id == product ? &vb->problem->picker : NULL;
	tmpl_dict *buy = db_at(t, i, 6)->i > 0
		? product_picker_card_add(r, c, "BUY", numbered(r, "tag-", (long long)i + 1, "-"), product, &opts, &vars,
					  problem)
		: NULL;
	if (!buy)
		tmpl_show(c, "SOLD_OUT");
	if (!buy && problem)	/* no picker to say it beside: the page's status line says it */
		vb->notice = problem->picker_message ? problem->picker_message : problem->quantity_message;
	for (size_t k = 0; k < vars.nrows && vb->added; k++)
		if (db_at(&vars, k, PICKER_ID)->i == vb->added) {
			const char *name = video_variant_name(r, &vars, k);
			vb->notice = arena_printf(r->arena, "%s%s%s is in your cart.", db_at(t, i, 1)->s,
						      *name ? " — " : "", name);
		}
	card_view_gifted(c, t, i, TAG_GIFTED);
	if (db_at(t, i, TAG_X)->null || db_at(t, i, TAG_Y)->null)
		return;
	tmpl_dict *spot = tmpl_add(d, "SPOTS");
	tmpl_set_int(spot, "N", (long long)i + 1);
	tmpl_set_int(spot, "X", db_at(t, i, TAG_X)->i);
	tmpl_set_int(spot, "Y", db_at(t, i, TAG_Y)->i);
	tmpl_set_int(spot, "START", start);
	tmpl_set_int(spot, "END", end);
	const char *label = db_at(t, i, TAG_LABEL)->s;
	tmpl_set(spot, "LABEL", *label ? label : db_at(t, i, 1)->s);
}

/* The page of video `id` with `status`; `problem` (NULL: none) is an add refused from one of its
 * cards, said beside that card's picker. */
static int video_page(struct req *r, long long id, int status, const struct video_card_problem *problem)
{
	struct db_res v, tags, more = { 0 };
	enum db_status rc = id ? db_query_cached(r->db, r->arena, &q_video, (struct db_param[]){ DB_I(id) }, &v) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!id || v.nrows == 0) {
		response_error(r, 404, "There is no video with that number.");
		return REQ_DONE;
	}
	if (db_at(&v, 0, 8)->i) {
		response_error(r, 410, TAKEDOWN_PUBLIC_TEXT);
		return REQ_DONE;
	}
	/* 410, not 404: the number named a video, and will never name another (ids are not reused);
	 * a search engine drops a 410 at once, and a shopper's old link says what happened */
	if (db_at(&v, 0, 9)->i) {
		response_error(r, 410, "This video was deleted by its owner.");
		return REQ_DONE;
	}
	long long creator = db_at(&v, 0, 3)->i;
	struct video_buy vb = { .added = problem ? 0 : req_id(r, "added"), .problem = problem };
	rc = db_query_cached(r->db, r->arena, &q_tags, (struct db_param[]){ DB_I(id) }, &tags);
	if (rc == DB_OK)
		rc = db_query_cached(r->db, r->arena, &q_variants, (struct db_param[]){ DB_I(id) }, &vb.vars);
	if (rc == DB_OK)
		rc = db_query_cached(r->db, r->arena, &q_options, (struct db_param[]){ DB_I(id) }, &vb.opts);
	if (rc == DB_OK && creator)
		rc = db_query_cached(r->db, r->arena, &q_more, (struct db_param[]){ DB_I(creator), DB_I(id) }, &more);
	if (rc != DB_OK)
		return req_db_fail(rc);
	const char *caption = db_at(&v, 0, 2)->s;
	tmpl_dict *d = layout_begin(r, "video.tpl", caption);
	report_page_link(r, d, TAKEDOWN_VIDEO, id);
	tmpl_set_int(d, "VIDEO", id);
	tmpl_set(d, "SRC", db_at(&v, 0, 0)->s);
	const char *poster = image_view_url(r->arena, db_at(&v, 0, 1)->s, 1080);
	if (poster)
		tmpl_set(tmpl_add(d, "POSTER"), "URL", poster);
	tmpl_set(d, "CAPTION", caption);
	if (creator) {
		tmpl_dict *by = tmpl_add(d, "BY_CREATOR");
		tmpl_set(by, "HANDLE", db_at(&v, 0, 4)->s);
		tmpl_set(by, "NAME", db_at(&v, 0, 5)->s);
		tmpl_show(d, "DISCLOSURE");
		tmpl_set(d, "CREATOR_NAME", db_at(&v, 0, 5)->s);
	} else {
		tmpl_set(tmpl_add(d, "BY_BRAND"), "NAME", db_at(&v, 0, 7)->s);
	}
	for (size_t i = 0; i < tags.nrows; i++)
		tag_card(r, d, id, &tags, i, &vb);
	if (vb.added || vb.notice)
		tmpl_set(tmpl_add(d, "ADDED"), "TEXT", vb.notice ? vb.notice : "Added to your cart.");
	cart_drawer_add(r, d, vb.added != 0);
	if (tags.nrows == 0)
		tmpl_show(d, "NO_TAGS");
	if (more.nrows) {
		tmpl_dict *grid = card_grid(tmpl_add(d, "MORE"));
		for (size_t i = 0; i < more.nrows; i++)
			card_view_gifted(card_view_add(r, grid, &more, i, db_at(&v, 0, 4)->s), &more, i, CARD_NCOLS);
	}
	const char *by = creator ? db_at(&v, 0, 5)->s : db_at(&v, 0, 7)->s;
	page_meta_show(r, &(struct page_meta){
		.title = caption, .by = arena_concat(r->arena, "by ", by, " · ", PAGE_META_SITE, (char *)NULL),
		.description = arena_concat(r->arena, "A shoppable video by ", by, ": ", caption, (char *)NULL),
		.path = numbered(r, "/v/", id, ""), .image = db_at(&v, 0, 1)->s,
	});
	/* the way back from a card's add, or a refused add, is the same viewing, not another */
	if (!vb.added && !problem)
		media_stats_count(r->db, MEDIA_STATS_VIDEO, id, MEDIA_STATS_VIEW, (long long)time(NULL));
	if (creator && !problem)
		attribution_touch(r, creator, ATTR_VIDEO);
	layout_end(r, status);
	return REQ_DONE;
}

int page_video(struct req *r)
{
	return video_page(r, req_id(r, "id"), 200, NULL);
}

/* An add from a card refused (cart.c): this video's page again, its 4xx said beside the card. */
static int video_card_refused(struct req *r, long long product_id, int status, const struct product_picker_problem *p)
{
	return video_page(r, req_id(r, "id"), status, &(struct video_card_problem){ .product_id = product_id, .picker = *p });
}

/* GET /v/{id}/p/{product}: counts a product click, then on to the product page with the creator's
 * handle (so the product page keeps the attribution the video set) and the video (so its
 * add-to-cart still counts for the video). */
int page_video_click(struct req *r)
{
	long long id = req_id(r, "id"), product = req_id(r, "product");
	struct db_res res = { 0 };
	enum db_status rc = id && product ? db_query_cached(r->db, r->arena, &q_click,
					(struct db_param[]){ DB_I(id), DB_I(product) }, &res) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (res.nrows == 0) {
		response_error(r, 404, "That product is not in this video.");
		return REQ_DONE;
	}
	media_stats_count(r->db, MEDIA_STATS_VIDEO, id, MEDIA_STATS_CLICK, (long long)time(NULL));
	const char *via = db_at(&res, 0, 2)->s;
	response_redirect(r, arena_printf(r->arena, "/p/%s/%s?%s%s%sfrom=video.%lld", db_at(&res, 0, 0)->s, db_at(&res, 0, 1)->s,
				      *via ? "via=" : "", via, *via ? "&" : "", id));
	return REQ_DONE;
}

/* POST /v/{id}/cart: the cart's own add (same fields, same answers), recording the video on the
 * item when it tags the product, and counted against the video when it succeeds. */
int page_video_cart_add(struct req *r)
{
	long long id = req_id(r, "id");
	if (!id) {
		response_error(r, 404, "There is no video with that number.");
		return REQ_DONE;
	}
	/* the video's own cards (back=video) come back to the video, added or refused, so the shopper
	 * does not leave it; the product page's form reached from a card goes on to the cart */
	const char *back = req_form(r, "back");
	int st = cart_add_answering(r, id, 0, back && strcmp(back, "video") == 0 ? video_card_refused : NULL);
	if (st == REQ_DONE && r->status == 303)
		media_stats_count(r->db, MEDIA_STATS_VIDEO, id, MEDIA_STATS_ADD, (long long)time(NULL));
	return st;
}
