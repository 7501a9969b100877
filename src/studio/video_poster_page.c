/* video_poster_page.c: "/studio/videos/{id}/poster" — a video's poster: what it is now, an upload
 * to replace it (cover_upload.c), and for a video uploaded here the second its frame is taken at
 * (POST .../poster-frame): choosing one drops the poster and the worker takes that frame. */
#include <string.h>
#include "domain/media/poster_frame.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/picture_form.h"
#include "studio/studio.h"

/* A creator's own video or a brand's own, as the upload (an owner id of 0 matches nothing). */
static const struct db_stmt q_video = {
	"SELECT v.caption, v.src_url LIKE '/media/%.mp4', " PICTURE_FORM_COLS("v.poster_url") ","
	" COALESCE(v.poster_second, " POSTER_FRAME_DEFAULT_SQL "), COALESCE(p.status, ''), COALESCE(p.error, '')"
	" FROM videos v LEFT JOIN video_posters p ON p.video_id = v.id"
	" WHERE v.id = ? AND v.deleted_at IS NULL AND (v.creator_id = ? OR v.brand_id = ?)", "iii", "sississ" };
static const struct db_stmt q_choose = {
	"UPDATE videos v SET v.poster_second = ?, v.poster_url = '' WHERE v.id = ? AND v.deleted_at IS NULL AND (v.creator_id = ? OR v.brand_id = ?)",
	"iiii", "" };
/* The poster pass takes the video on again (it looks for uploads without a poster or a row here). */
static const struct db_stmt q_again = { "DELETE FROM video_posters WHERE video_id = ?", "i", "" };

static const char NOT_OWNER[] = "Videos are published by creators and brands.";

static bool load(struct req *r, long long id, struct db_res *v, int *st)
{
	struct studio_owner o;
	*st = REQ_DONE;
	if (!studio_owner(r, &o)) {
		response_error(r, 403, NOT_OWNER);
		return false;
	}
	enum db_status rc = db_query(r->db, r->arena, &q_video,
				     (struct db_param[]){ DB_I(id), DB_I(o.creator_id), DB_I(o.brand_id) }, v);
	if (rc != DB_OK) {
		*st = req_db_fail(rc);
		return false;
	}
	if (v->nrows == 0) {
		response_error(r, 404, "You have no such video.");
		return false;
	}
	return true;
}

int page_video_poster(struct req *r)
{
	long long id = req_id(r, "id");
	struct db_res v;
	int st;
	if (!load(r, id, &v, &st))
		return st;
	tmpl_dict *d = layout_begin(r, "studio_video_poster.tpl", "Video poster");
	tmpl_set_int(d, "ID", id);
	tmpl_set(d, "CAPTION", db_at(&v, 0, 0)->s);
	picture_form_add(r, d, "POSTER_UPLOAD", &(struct picture_form){
		arena_printf(r->arena, "/studio/videos/%lld/poster", id), "poster-file", "Upload a poster",
		"Shown before the video plays, and the picture of its shared links.", db_at(&v, 0, 2)->s,
		db_at(&v, 0, 3)->s, NULL });
	if (db_at(&v, 0, 1)->i) {
		tmpl_dict *f = tmpl_add(d, "FRAME");
		tmpl_set_int(f, "SECOND", db_at(&v, 0, 4)->i);
		tmpl_set_int(f, "MAX", POSTER_FRAME_MAX_S);
		tmpl_set_int(f, "DEFAULT", POSTER_FRAME_DEFAULT_S);
		/* the pass retries a failed frame twice more before giving up: its error shows at once */
		if (!*db_at(&v, 0, 2)->s && *db_at(&v, 0, 6)->s)
			tmpl_set(tmpl_add(f, "FAILED"), "TEXT", db_at(&v, 0, 6)->s);
		else if (!*db_at(&v, 0, 2)->s && strcmp(db_at(&v, 0, 5)->s, "failed") != 0)
			tmpl_show(f, "TAKING");
	}
	layout_end(r, 200);
	return REQ_DONE;
}

struct choice {
	long long id, second, creator_id, brand_id;
};

static enum db_status choose(struct db *db, void *ctx)
{
	const struct choice *c = ctx;
	enum db_status rc = db_query(db, NULL, &q_choose, (struct db_param[]){ DB_I(c->second), DB_I(c->id),
				     DB_I(c->creator_id), DB_I(c->brand_id) }, NULL);
	return rc == DB_OK ? db_query(db, NULL, &q_again, (struct db_param[]){ DB_I(c->id) }, NULL) : rc;
}

int page_video_poster_frame(struct req *r)
{
	long long id = req_id(r, "id"), second;
	struct db_res v;
	int st;
	if (!load(r, id, &v, &st))
		return st;
	if (!req_int(r, "second", &second)) {
		response_error(r, 422, "Give the second of the frame, from 0 to the video's length.");
		return REQ_DONE;
	}
	if (!db_at(&v, 0, 1)->i) {
		response_error(r, 422, "A frame can be chosen only for a video uploaded here; upload a poster instead.");
		return REQ_DONE;
	}
	struct studio_owner o;
	studio_owner(r, &o);
	struct choice c = { id, second, o.creator_id, o.brand_id };
	enum db_status rc = db_txn(r->db, choose, &c);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/videos/%lld/poster", id));
	return REQ_DONE;
}
