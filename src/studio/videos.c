/* videos.c: "/studio/videos" — a creator or brand publishes a shoppable video (media URL, poster,
 * caption, up to VIDEO_MAX_TAGS product tags with start and end times) and sees each video's
 * views, product clicks, add-to-carts, and the orders and revenue bought from it. */
#include <stdio.h>
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"
#include "lib/validate.h"
#include "studio/video_tags.h"

/* Who publishes: a creator (tags from their approved picks) or a brand (tags from its products). */
static const char NOT_OWNER[] = "Videos are published by creators and brands.";

/* Views, clicks and adds over the video's life; orders and revenue (gross, as on the dashboards)
 * are the order lines that carry the video they were bought from (docs/VIDEO.md), test orders left
 * out (pay_test.h). A brand sees its own videos and creators' videos of its products, with only
 * its own orders counted. The video's lines are read first (as in dashboard_media.c). */
#define VIDEO_LINES \
	" FROM order_lines l STRAIGHT_JOIN orders o ON o.id = l.order_id" \
	" WHERE l.video_id = v.id AND (? = 0 OR o.brand_id = ?) AND " PAY_TEST_REAL_ORDER("o")
static const struct db_stmt q_videos = {
	"SELECT v.id, v.caption, DATE_FORMAT(v.created_at, '%Y-%m-%d'),"
	" COALESCE((SELECT SUM(s.views) FROM video_stats s WHERE s.video_id = v.id), 0),"
	" COALESCE((SELECT SUM(s.clicks) FROM video_stats s WHERE s.video_id = v.id), 0),"
	" COALESCE((SELECT SUM(s.adds) FROM video_stats s WHERE s.video_id = v.id), 0),"
	" (SELECT COUNT(DISTINCT l.order_id)" VIDEO_LINES "),"
	" COALESCE((SELECT SUM(l.line_total)" VIDEO_LINES "), 0),"
	" COALESCE((SELECT MIN(o.currency)" VIDEO_LINES "), ''),"
	" COALESCE((SELECT c.display_name FROM creators c WHERE c.id = v.creator_id),"
	"  (SELECT b.name FROM brands b WHERE b.id = v.brand_id), ''), v.taken_down_reason,"
	" v.deleted_at IS NOT NULL, (v.creator_id = ? OR v.brand_id = ?)"
	" FROM videos v WHERE v.creator_id = ? OR v.brand_id = ? OR EXISTS (SELECT 1 FROM video_tags t2"
	" JOIN products p2 ON p2.id = t2.product_id WHERE t2.video_id = v.id AND p2.brand_id = ?)"
	" ORDER BY v.created_at DESC, v.id DESC LIMIT 100",
	"iiiiiiiiiii", "issiiiiisssii" };
static const struct db_stmt q_insert_video = {
	"INSERT INTO videos (creator_id, brand_id, src_url, poster_url, caption, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())", "iisss", "" };
static const char *form_or_empty(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

static const char *money_text(struct req *r, long long minor, const char *cur)
{
	return *cur ? layout_money(r, minor, cur) : "–";
}

static int videos_page(struct req *r, const struct studio_owner *o, int status, const char *error)
{
	struct db_res prods, vids;
	enum db_status rc = video_tags_products(r, o, &prods);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_videos, (struct db_param[]){
			DB_I(o->brand_id), DB_I(o->brand_id), DB_I(o->brand_id), DB_I(o->brand_id),
			DB_I(o->brand_id), DB_I(o->brand_id), DB_I(o->creator_id), DB_I(o->brand_id),
			DB_I(o->creator_id), DB_I(o->brand_id), DB_I(o->brand_id) }, &vids);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_videos.tpl", "Your videos");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	const char *published = req_str(r, "published");
	if (!error && req_id(r, "deleted"))
		tmpl_set_int(tmpl_add(d, "DELETED_NOTICE"), "ID", req_id(r, "deleted"));
	if (!error && req_id(r, "published"))
		tmpl_set(tmpl_add(d, "PUBLISHED"), "ID", published);
	static const char *const keep[] = { "src_url", "poster_url", "caption" };
	static const char *const keys[] = { "SRC_URL", "POSTER_URL", "CAPTION" };
	for (size_t i = 0; i < 3; i++)
		tmpl_set(d, keys[i], error ? form_or_empty(r, keep[i]) : "");
	/* After an upload the form starts with the stored file's address (32 hex digits + ".mp4"). */
	const char *up = req_query(r, "uploaded");
	if (!error && up && strlen(up) == 36 && strspn(up, "0123456789abcdef") == 32 && strcmp(up + 32, ".mp4") == 0) {
		const char *path = arena_printf(r->arena, "/media/%s", up);
		tmpl_set(tmpl_add(d, "UPLOADED"), "PATH", path);
		tmpl_set(d, "SRC_URL", path);
	}
	video_tags_fill(r, d, &prods, error != NULL, NULL);
	if (prods.nrows == 0)
		tmpl_show(d, o->creator_id ? "NO_PICKS" : "NO_PRODUCTS");
	for (size_t i = 0; i < vids.nrows; i++) {
		tmpl_dict *v = tmpl_add(d, "VIDEOS");
		tmpl_set_int(v, "ID", db_at(&vids, i, 0)->i);
		tmpl_set(v, "CAPTION", db_at(&vids, i, 1)->s);
		tmpl_set(v, "BY", db_at(&vids, i, 9)->s);
		tmpl_set(v, "DATE", db_at(&vids, i, 2)->s);
		tmpl_set_int(v, "VIEWS", db_at(&vids, i, 3)->i);
		tmpl_set_int(v, "CLICKS", db_at(&vids, i, 4)->i);
		tmpl_set_int(v, "ADDS", db_at(&vids, i, 5)->i);
		tmpl_set_int(v, "ORDERS", db_at(&vids, i, 6)->i);
		tmpl_set(v, "REVENUE", money_text(r, db_at(&vids, i, 7)->i, db_at(&vids, i, 8)->s));
		takedown_note_add(v, db_at(&vids, i, 10));
		/* a deleted video stays listed: its orders and revenue are still its own */
		if (db_at(&vids, i, 11)->i)
			tmpl_show(v, "DELETED");
		else if (db_at(&vids, i, 12)->i)
			tmpl_show(tmpl_add(v, "CURRENT"), "EDITABLE");
		else
			tmpl_add(v, "CURRENT");
	}
	if (vids.nrows == 0)
		tmpl_show(d, "NO_VIDEOS");
	if (o->brand_id)
		tmpl_show(d, "BRAND_NOTE");
	layout_end(r, status);
	return REQ_DONE;
}

int video_studio_page(struct req *r, int status, const char *error)
{
	struct studio_owner o;
	if (studio_owner(r, &o))
		return videos_page(r, &o, status, error);
	response_error(r, 403, NOT_OWNER);
	return REQ_DONE;
}

int page_studio_videos(struct req *r)
{
	return video_studio_page(r, 200, NULL);
}

struct vpublish {
	struct studio_owner o;
	const char *src, *poster, *caption;
	struct video_tag_set tags;
	long long id;
};

static enum db_status publish_txn(struct db *db, void *ctx)
{
	struct vpublish *p = ctx;
	struct db_param owner[2] = { p->o.creator_id ? DB_I(p->o.creator_id) : DB_NULL,
				     p->o.brand_id ? DB_I(p->o.brand_id) : DB_NULL };
	enum db_status rc = db_query(db, NULL, &q_insert_video, (struct db_param[]){ owner[0], owner[1],
				     DB_S(p->src), DB_S(p->poster), DB_S(p->caption) }, NULL);
	if (rc != DB_OK)
		return rc;
	p->id = (long long)db_insert_id(db);
	return video_tags_insert(db, p->id, &p->tags);
}

int page_studio_video_publish(struct req *r)
{
	struct vpublish p = { .src = form_or_empty(r, "src_url"), .poster = form_or_empty(r, "poster_url"),
			      .caption = form_or_empty(r, "caption") };
	if (!studio_owner(r, &p.o)) {
		response_error(r, 403, NOT_OWNER);
		return REQ_DONE;
	}
	const char *problem = NULL;
	if (!video_url_ok(p.src))
		problem = "Enter the video's address: an https:// link to an MP4 or HLS file, or a /media/ path.";
	else if (*p.poster && !video_url_ok(p.poster))
		problem = "The poster image must be an https:// link or a /media/ path.";
	else if (!validate_has_text(p.caption))
		problem = "Enter a caption.";
	else
		problem = video_tags_read(r, &p.o, &p.tags);
	if (problem && !*problem)
		return req_db_fail(p.tags.rc);
	if (problem)
		return videos_page(r, &p.o, 422, problem);
	enum db_status rc = db_txn(r->db, publish_txn, &p);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/videos?published=%lld", p.id));
	return REQ_DONE;
}
