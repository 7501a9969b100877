/* videos.c: "/studio/videos" — a creator or brand publishes a shoppable video (media URL, poster,
 * caption, up to VIDEO_MAX_TAGS product tags with start and end times) and sees each video's
 * views, product clicks, add-to-carts, and the orders and revenue bought from it. */
#include <stdio.h>
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"
#include "lib/validate.h"
#include "domain/video/video_rules.h"

/* Who publishes: a creator (tags from their approved picks) or a brand (tags from its products). */
static const char NOT_OWNER[] = "Videos are published by creators and brands.";

static const struct db_stmt q_creator_products = {
	"SELECT p.id, p.title FROM picks pk JOIN products p ON p.id = pk.product_id"
	" WHERE pk.creator_id = ? AND pk.status = 'approved' AND p.status = 'active'"
	" ORDER BY pk.position, pk.id LIMIT 200", "i", "is" };
static const struct db_stmt q_brand_products = {
	"SELECT id, title FROM products WHERE brand_id = ? AND status = 'active' ORDER BY title, id LIMIT 200",
	"i", "is" };
static const struct db_stmt q_creator_may_tag = {
	"SELECT 1 FROM picks pk JOIN products p ON p.id = pk.product_id WHERE pk.creator_id = ?"
	" AND pk.product_id = ? AND pk.status = 'approved' AND p.status = 'active'", "ii", "i" };
static const struct db_stmt q_brand_may_tag = {
	"SELECT 1 FROM products WHERE brand_id = ? AND id = ? AND status = 'active'", "ii", "i" };
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
	" COALESCE(v.creator_id = ? OR v.brand_id = ?, 0)"
	" FROM videos v WHERE v.creator_id = ? OR v.brand_id = ? OR EXISTS (SELECT 1 FROM video_tags t2"
	" JOIN products p2 ON p2.id = t2.product_id WHERE t2.video_id = v.id AND p2.brand_id = ?)"
	" ORDER BY v.created_at DESC, v.id DESC LIMIT 100",
	"iiiiiiiiiii", "issiiiiisssi" };
static const struct db_stmt q_insert_video = {
	"INSERT INTO videos (creator_id, brand_id, src_url, poster_url, caption, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())", "iisss", "" };
static const struct db_stmt q_insert_tag = {
	"INSERT INTO video_tags (video_id, product_id, position, start_s, end_s) VALUES (?, ?, ?, ?, ?)",
	"iiiii", "" };

static const char *form_or_empty(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

static const char *tag_field(struct req *r, int n, const char *what)
{
	char name[24];
	snprintf(name, sizeof name, "tag%d_%s", n, what);
	return form_or_empty(r, name);
}

static const char *money_text(struct req *r, long long minor, const char *cur)
{
	return *cur ? layout_money(r, minor, cur) : "–";
}

static int videos_page(struct req *r, const struct studio_owner *o, int status, const char *error)
{
	struct db_res prods, vids;
	enum db_status rc = o->creator_id
		? db_query(r->db, r->arena, &q_creator_products, (struct db_param[]){ DB_I(o->creator_id) }, &prods)
		: db_query(r->db, r->arena, &q_brand_products, (struct db_param[]){ DB_I(o->brand_id) }, &prods);
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
	for (int n = 1; n <= VIDEO_MAX_TAGS; n++) {
		tmpl_dict *t = tmpl_add(d, "TAGS");
		tmpl_set_int(t, "N", n);
		const char *chosen = error ? tag_field(r, n, "product") : "";
		tmpl_set(t, "START", error ? tag_field(r, n, "start") : "");
		tmpl_set(t, "END", error ? tag_field(r, n, "end") : "");
		for (size_t i = 0; i < prods.nrows; i++) {
			tmpl_dict *p = tmpl_add(t, "PRODUCTS");
			const char *id = arena_printf(r->arena, "%lld", db_at(&prods, i, 0)->i);
			tmpl_set(p, "ID", id);
			tmpl_set(p, "TITLE", db_at(&prods, i, 1)->s);
			if (strcmp(id, chosen) == 0)
				tmpl_show(p, "SELECTED");
		}
	}
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
		if (db_at(&vids, i, 11)->i)	/* the owner's own: its poster page (video_poster_page.c) */
			tmpl_show(v, "OWN");
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

struct vtag {
	long long product, start, end;
};

struct vpublish {
	struct studio_owner o;
	const char *src, *poster, *caption;
	struct vtag tags[VIDEO_MAX_TAGS];
	size_t ntags;
	long long id;
	enum db_status rc;	/* of the tag checks' queries */
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
	for (size_t i = 0; i < p->ntags && rc == DB_OK; i++)
		rc = db_query(db, NULL, &q_insert_tag, (struct db_param[]){ DB_I(p->id), DB_I(p->tags[i].product),
			      DB_I((long long)i + 1), DB_I(p->tags[i].start), DB_I(p->tags[i].end) }, NULL);
	return rc;
}

/* Reads and checks the tag rows; NULL when they are fine, else the problem. */
static const char *read_tags(struct req *r, struct vpublish *p)
{
	for (int n = 1; n <= VIDEO_MAX_TAGS; n++) {
		const char *prod = tag_field(r, n, "product");
		const char *st = tag_field(r, n, "start"), *en = tag_field(r, n, "end");
		if (!*prod) {
			if (*st || *en)
				return arena_printf(r->arena, "Tag %d has times but no product.", n);
			continue;
		}
		struct vtag t = { 0 };
		for (const char *c = prod; *c; c++) {
			if (*c < '0' || *c > '9' || t.product > 99999999999999LL)
				return arena_printf(r->arena, "Tag %d names no product.", n);
			t.product = t.product * 10 + (*c - '0');
		}
		t.start = video_seconds(st);
		t.end = video_seconds(en);
		if (t.start < 0 || t.end < 0 || t.end <= t.start)
			return arena_printf(r->arena, "Tag %d needs a start and a later end, in seconds or minutes:seconds (0:05, 0:12).", n);
		for (size_t i = 0; i < p->ntags; i++)
			if (p->tags[i].product == t.product)
				return arena_printf(r->arena, "Tag %d repeats a product already tagged.", n);
		struct db_res ok;
		enum db_status rc = p->o.creator_id
			? db_query(r->db, r->arena, &q_creator_may_tag, (struct db_param[]){ DB_I(p->o.creator_id), DB_I(t.product) }, &ok)
			: db_query(r->db, r->arena, &q_brand_may_tag, (struct db_param[]){ DB_I(p->o.brand_id), DB_I(t.product) }, &ok);
		if (rc != DB_OK) {
			p->rc = rc;
			return "";	/* the caller answers req_db_fail(p->rc) */
		}
		if (ok.nrows == 0)
			return arena_printf(r->arena, "Tag %d: you can tag only %s.", n,
					    p->o.creator_id ? "your approved picks" : "your brand's active products");
		p->tags[p->ntags++] = t;
	}
	return p->ntags ? NULL : "Tag at least one product.";
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
		problem = read_tags(r, &p);
	if (problem && !*problem)
		return req_db_fail(p.rc);
	if (problem)
		return videos_page(r, &p.o, 422, problem);
	enum db_status rc = db_txn(r->db, publish_txn, &p);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/videos?published=%lld", p.id));
	return REQ_DONE;
}
