/* ad_options.c: what both the ad form and its save offer an owner to choose from (videos,
 * showcases), and the form's typed text; shared, so the form and the save need not call each
 * other both ways. */
#include "studio/ads.h"

static const struct db_stmt q_brand_videos = {
	"SELECT v.id, v.caption FROM videos v WHERE v.deleted_at IS NULL AND (v.brand_id = ? OR EXISTS (SELECT 1"
	" FROM video_tags t JOIN products p ON p.id = t.product_id WHERE t.video_id = v.id AND p.brand_id = ?))"
	" ORDER BY v.created_at DESC, v.id DESC LIMIT 100", "ii", "is" };
static const struct db_stmt q_creator_videos = {
	"SELECT id, caption FROM videos WHERE creator_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 100", "i", "is" };
static const struct db_stmt q_showcases = {
	"SELECT id, title FROM showcases WHERE brand_id = ? ORDER BY title, id LIMIT 100", "i", "is" };

const char *ad_text(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

enum db_status ad_videos(struct req *r, const struct studio_owner *o, struct db_res *out)
{
	return o->creator_id
		? db_query(r->db, r->arena, &q_creator_videos, (struct db_param[]){ DB_I(o->creator_id) }, out)
		: db_query(r->db, r->arena, &q_brand_videos, (struct db_param[]){ DB_I(o->brand_id), DB_I(o->brand_id) }, out);
}

enum db_status ad_showcases(struct req *r, const struct studio_owner *o, struct db_res *out)
{
	if (o->creator_id) {
		*out = (struct db_res){ 0 };
		return DB_OK;
	}
	return db_query(r->db, r->arena, &q_showcases, (struct db_param[]){ DB_I(o->brand_id) }, out);
}
