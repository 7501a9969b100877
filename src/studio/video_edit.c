/* video_edit.c: "/studio/videos/{id}/edit" — the owner of a shoppable video changes its address,
 * poster, caption and tags (times and hotspots: a point in the frame, typed as x/y percent or,
 * with static/js/video_spot.js, clicked on the paused frame), or deletes it. A deleted video keeps
 * its row, marked deleted_at, so the order lines bought from it still name it (docs/VIDEO.md); its
 * tags go, and its page answers 410. */
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "lib/validate.h"
#include "studio/video_tags.h"

/* Only the video's own creator or brand edits it (a brand does not edit a creator's video of its
 * products, which it may see in the list). */
#define VIDEO_EDIT_OWNED " AND (creator_id = ? OR brand_id = ?) AND deleted_at IS NULL"
static const struct db_stmt q_video = {
	"SELECT src_url, poster_url, caption FROM videos WHERE id = ?" VIDEO_EDIT_OWNED, "iii", "sss" };
static const struct db_stmt q_tags = {
	"SELECT product_id, start_s, end_s, spot_x, spot_y, spot_label FROM video_tags WHERE video_id = ?"
	" ORDER BY position, product_id", "i", "iiiiis" };
static const struct db_stmt q_update = {
	"UPDATE videos SET src_url = ?, poster_url = ?, caption = ? WHERE id = ?" VIDEO_EDIT_OWNED, "sssiii", "" };
static const struct db_stmt q_delete = {
	"UPDATE videos SET deleted_at = UTC_TIMESTAMP() WHERE id = ?" VIDEO_EDIT_OWNED, "iii", "" };
static const struct db_stmt q_drop_tags = { "DELETE FROM video_tags WHERE video_id = ?", "i", "" };

static const char NOT_FOUND[] = "You have no video with that number.";

static const char *video_edit_form(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

static struct db_param owner_param(long long id)
{
	return id ? DB_I(id) : DB_I(-1);	/* never matches a NULL or real owner column */
}

/* The edit page: from the database, or as typed with `error` beside it. */
static int video_edit_page(struct req *r, const struct studio_owner *o, long long id, int status, const char *error)
{
	struct db_res v, tags, prods;
	enum db_status rc = db_query(r->db, r->arena, &q_video, (struct db_param[]){ DB_I(id),
				     owner_param(o->creator_id), owner_param(o->brand_id) }, &v);
	if (rc == DB_OK && v.nrows == 0) {
		response_error(r, 404, NOT_FOUND);
		return REQ_DONE;
	}
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_tags, (struct db_param[]){ DB_I(id) }, &tags);
	if (rc == DB_OK)
		rc = video_tags_products(r, o, &prods);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_video_edit.tpl", "Edit video");
	tmpl_set_int(d, "ID", id);
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	else if (req_query(r, "saved"))
		tmpl_show(d, "SAVED");
	/* the player shows the saved video, whatever was typed, so a hotspot is placed on its frame */
	tmpl_set(d, "PLAYER_SRC", db_at(&v, 0, 0)->s);
	static const char *const names[] = { "src_url", "poster_url", "caption" };
	static const char *const keys[] = { "SRC_URL", "POSTER_URL", "CAPTION" };
	for (size_t i = 0; i < 3; i++)
		tmpl_set(d, keys[i], error ? video_edit_form(r, names[i]) : db_at(&v, 0, i)->s);
	video_tags_fill(r, d, &prods, error != NULL, &tags);
	layout_end(r, status);
	return REQ_DONE;
}

int page_studio_video_edit(struct req *r)
{
	struct studio_owner o;
	if (!studio_owner(r, &o)) {
		response_error(r, 403, "Videos are published by creators and brands.");
		return REQ_DONE;
	}
	return video_edit_page(r, &o, req_id(r, "id"), 200, NULL);
}

struct video_change {
	struct studio_owner o;
	long long id;
	const char *src, *poster, *caption;
	struct video_tag_set tags;
	bool found;
};

/* The row, then its tags replaced: the video's own row is written first, so two saves of the same
 * video queue on it instead of interleaving their tag rows. */
static enum db_status video_edit_save_txn(struct db *db, void *ctx)
{
	struct video_change *c = ctx;
	enum db_status rc = db_query(db, NULL, &q_update, (struct db_param[]){ DB_S(c->src), DB_S(c->poster),
				     DB_S(c->caption), DB_I(c->id), owner_param(c->o.creator_id),
				     owner_param(c->o.brand_id) }, NULL);
	if (rc != DB_OK)
		return rc;
	/* affected rows would be 0 for a save that changes nothing: ownership was read before */
	rc = db_query(db, NULL, &q_drop_tags, (struct db_param[]){ DB_I(c->id) }, NULL);
	return rc == DB_OK ? video_tags_insert(db, c->id, &c->tags) : rc;
}

int page_studio_video_save(struct req *r)
{
	struct video_change c = { .id = req_id(r, "id"), .src = video_edit_form(r, "src_url"),
				  .poster = video_edit_form(r, "poster_url"), .caption = video_edit_form(r, "caption") };
	if (!studio_owner(r, &c.o)) {
		response_error(r, 403, "Videos are published by creators and brands.");
		return REQ_DONE;
	}
	struct db_res v;
	enum db_status rc = db_query(r->db, r->arena, &q_video, (struct db_param[]){ DB_I(c.id),
				     owner_param(c.o.creator_id), owner_param(c.o.brand_id) }, &v);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (v.nrows == 0) {
		response_error(r, 404, NOT_FOUND);
		return REQ_DONE;
	}
	const char *problem = NULL;
	if (!video_url_ok(c.src))
		problem = "Enter the video's address: an https:// link to an MP4 or HLS file, or a /media/ path.";
	else if (*c.poster && !video_url_ok(c.poster))
		problem = "The poster image must be an https:// link or a /media/ path.";
	else if (!validate_has_text(c.caption))
		problem = "Enter a caption.";
	else
		problem = video_tags_read(r, &c.o, &c.tags);
	if (problem && !*problem)
		return req_db_fail(c.tags.rc);
	if (problem)
		return video_edit_page(r, &c.o, c.id, 422, problem);
	rc = db_txn(r->db, video_edit_save_txn, &c);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/videos/%lld/edit?saved=1", c.id));
	return REQ_DONE;
}

static enum db_status video_edit_delete_txn(struct db *db, void *ctx)
{
	struct video_change *c = ctx;
	enum db_status rc = db_query(db, NULL, &q_delete, (struct db_param[]){ DB_I(c->id),
				     owner_param(c->o.creator_id), owner_param(c->o.brand_id) }, NULL);
	c->found = rc == DB_OK && db_affected(db) > 0;
	if (rc != DB_OK || !c->found)
		return rc;
	return db_query(db, NULL, &q_drop_tags, (struct db_param[]){ DB_I(c->id) }, NULL);
}

int page_studio_video_delete(struct req *r)
{
	struct video_change c = { .id = req_id(r, "id") };
	if (!studio_owner(r, &c.o)) {
		response_error(r, 403, "Videos are published by creators and brands.");
		return REQ_DONE;
	}
	enum db_status rc = db_txn(r->db, video_edit_delete_txn, &c);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!c.found) {
		response_error(r, 404, NOT_FOUND);
		return REQ_DONE;
	}
	response_redirect(r, arena_printf(r->arena, "/studio/videos?deleted=%lld", c.id));
	return REQ_DONE;
}
