/* dashboard_media.c: the per-ad and per-video tables of the brand and creator dashboards for the
 * chosen period: views, product clicks, add-to-carts (and click-outs for ads) from the daily
 * counters, orders and revenue from the order lines that carry the ad or video they were bought
 * from (cart_items.ad_id/video_id, copied at checkout: docs/ADS.md), whoever the sale's creator is. */
#include "studio/ads.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

/* Period filter on order lines: the o.created_at window, both ends as YYYY-MM-DD days; test orders
 * (pay_test.h) are no revenue. */
#define PERIOD_ORDERS " AND o.created_at >= ? AND o.created_at < DATE_ADD(?, INTERVAL 1 DAY)" \
	" AND " PAY_TEST_REAL_ORDER("o")
/* Revenue is gross, like the dashboards' sales: SUM(line_total) of the orders placed in the period,
 * refunds and cancellations not taken off. The lines are read by their ad or video first, then each
 * order by its key: ad_id and video_id are NULL on nearly every line, so their indexes look
 * unselective and, left to itself, the optimizer read every order of the period (or of the whole
 * table) once per subquery: 1.7 million rows a brand dashboard with a million order lines. */
#define AD_LINES \
	" FROM order_lines l STRAIGHT_JOIN orders o ON o.id = l.order_id WHERE l.ad_id = a.id" PERIOD_ORDERS
#define AD_COLS \
	"SELECT a.id, a.title, a.slug," \
	" CAST(COALESCE((SELECT SUM(s.views) FROM ad_stats s WHERE s.ad_id = a.id AND s.day BETWEEN ? AND ?), 0) AS SIGNED)," \
	" CAST(COALESCE((SELECT SUM(s.clicks) FROM ad_stats s WHERE s.ad_id = a.id AND s.day BETWEEN ? AND ?), 0) AS SIGNED)," \
	" CAST(COALESCE((SELECT SUM(s.adds) FROM ad_stats s WHERE s.ad_id = a.id AND s.day BETWEEN ? AND ?), 0) AS SIGNED)," \
	" CAST(COALESCE((SELECT SUM(k.count) FROM ad_clicks k WHERE k.ad_id = a.id AND k.day BETWEEN ? AND ?), 0) AS SIGNED)," \
	" (SELECT COUNT(DISTINCT l.order_id)" AD_LINES ")," \
	" CAST(COALESCE((SELECT SUM(l.line_total)" AD_LINES "), 0) AS SIGNED)," \
	" COALESCE((SELECT MIN(o.currency)" AD_LINES "), '') FROM ads a"
#define AD_TYPES "ssssssssssssss"
static const struct db_stmt q_brand_ads = {
	AD_COLS " WHERE a.brand_id = ? ORDER BY a.created_at DESC, a.id DESC LIMIT 100", AD_TYPES "i", "issiiiiiis" };
static const struct db_stmt q_creator_ads = {
	AD_COLS " WHERE a.creator_id = ? ORDER BY a.created_at DESC, a.id DESC LIMIT 100", AD_TYPES "i", "issiiiiiis" };

/* As in videos.c, plus the period; a brand counts only its own orders (? = 0 for a creator). */
#define VIDEO_LINES \
	" FROM order_lines l STRAIGHT_JOIN orders o ON o.id = l.order_id" \
	" WHERE l.video_id = v.id AND (? = 0 OR o.brand_id = ?)" PERIOD_ORDERS
#define VIDEO_COLS \
	"SELECT v.id, v.caption," \
	" CAST(COALESCE((SELECT SUM(s.views) FROM video_stats s WHERE s.video_id = v.id AND s.day BETWEEN ? AND ?), 0) AS SIGNED)," \
	" CAST(COALESCE((SELECT SUM(s.clicks) FROM video_stats s WHERE s.video_id = v.id AND s.day BETWEEN ? AND ?), 0) AS SIGNED)," \
	" CAST(COALESCE((SELECT SUM(s.adds) FROM video_stats s WHERE s.video_id = v.id AND s.day BETWEEN ? AND ?), 0) AS SIGNED)," \
	" (SELECT COUNT(DISTINCT l.order_id)" VIDEO_LINES ")," \
	" CAST(COALESCE((SELECT SUM(l.line_total)" VIDEO_LINES "), 0) AS SIGNED)," \
	" COALESCE((SELECT MIN(o.currency)" VIDEO_LINES "), '') FROM videos v"
#define VIDEO_TYPES "ssssss" "iiss" "iiss" "iiss"
static const struct db_stmt q_brand_videos = {
	VIDEO_COLS " WHERE v.brand_id = ? OR EXISTS (SELECT 1 FROM video_tags t2 JOIN products p2 ON p2.id = t2.product_id"
	" WHERE t2.video_id = v.id AND p2.brand_id = ?) ORDER BY v.created_at DESC, v.id DESC LIMIT 100",
	VIDEO_TYPES "ii", "isiiiiis" };
static const struct db_stmt q_creator_videos = {
	VIDEO_COLS " WHERE v.creator_id = ? ORDER BY v.created_at DESC, v.id DESC LIMIT 100", VIDEO_TYPES "i", "isiiiiis" };

static const char *revenue(struct req *r, const struct db_res *res, size_t i, size_t col)
{
	const char *cur = db_at(res, i, col + 2)->s;
	return *cur ? layout_money(r, db_at(res, i, col + 1)->i, cur) : "0";
}

enum db_status dashboard_media(struct req *r, tmpl_dict *d, long long brand_id, long long creator_id, const char *from,
		     const char *to)
{
	struct db_res ads, vids;
	struct db_param ap[15], vp[20];
	size_t n = 0;
	for (int k = 0; k < 4; k++)
		ap[n++] = DB_S(from), ap[n++] = DB_S(to);
	for (int k = 0; k < 3; k++)
		ap[n++] = DB_S(from), ap[n++] = DB_S(to);
	ap[n++] = DB_I(brand_id ? brand_id : creator_id);
	n = 0;
	for (int k = 0; k < 3; k++)
		vp[n++] = DB_S(from), vp[n++] = DB_S(to);
	for (int k = 0; k < 3; k++)
		vp[n++] = DB_I(brand_id), vp[n++] = DB_I(brand_id), vp[n++] = DB_S(from), vp[n++] = DB_S(to);
	vp[n++] = DB_I(brand_id ? brand_id : creator_id);
	vp[n++] = DB_I(brand_id);
	enum db_status rc = db_query(r->db, r->arena, brand_id ? &q_brand_ads : &q_creator_ads, ap, &ads);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, brand_id ? &q_brand_videos : &q_creator_videos, vp, &vids);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < ads.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "AD_ROWS");
		tmpl_set(e, "TITLE", db_at(&ads, i, 1)->s);
		tmpl_set(e, "SLUG", db_at(&ads, i, 2)->s);
		tmpl_set_int(e, "VIEWS", db_at(&ads, i, 3)->i);
		tmpl_set_int(e, "CLICKS", db_at(&ads, i, 4)->i);
		tmpl_set_int(e, "ADDS", db_at(&ads, i, 5)->i);
		tmpl_set_int(e, "OUTS", db_at(&ads, i, 6)->i);
		tmpl_set_int(e, "ORDERS", db_at(&ads, i, 7)->i);
		tmpl_set(e, "REVENUE", revenue(r, &ads, i, 7));
	}
	if (ads.nrows == 0)
		tmpl_show(d, "NO_AD_ROWS");
	for (size_t i = 0; i < vids.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "VIDEO_ROWS");
		tmpl_set_int(e, "ID", db_at(&vids, i, 0)->i);
		tmpl_set(e, "CAPTION", db_at(&vids, i, 1)->s);
		tmpl_set_int(e, "VIEWS", db_at(&vids, i, 2)->i);
		tmpl_set_int(e, "CLICKS", db_at(&vids, i, 3)->i);
		tmpl_set_int(e, "ADDS", db_at(&vids, i, 4)->i);
		tmpl_set_int(e, "ORDERS", db_at(&vids, i, 5)->i);
		tmpl_set(e, "REVENUE", revenue(r, &vids, i, 5));
	}
	if (vids.nrows == 0)
		tmpl_show(d, "NO_VIDEO_ROWS");
	return DB_OK;
}
