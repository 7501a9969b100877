/* cover_upload.c: the uploads that fill one picture column each, through the same checks, quota,
 * pending asset and placeholder as product pictures (image_upload.h, docs/IMAGES.md):
 *   POST /studio/creator/profile/cover            the storefront's cover (creators.cover_url)
 *   POST /studio/creator/collections/{id}/cover   a collection's cover (collections.cover_url)
 *   (and each cover's .../remove, which empties it)
 *   POST /studio/ads/{id}/hero, /studio/creator/ads/{id}/hero   an ad's hero picture (ads.image_url)
 *   POST /studio/videos/{id}/poster               a video's poster (videos.poster_url) */
#include "web/response.h"
#include "studio/ads.h"
#include "studio/image_upload.h"
#include "studio/studio.h"

static const struct db_stmt q_creator_cover = { "UPDATE creators SET cover_url = ? WHERE id = ?", "si", "" };

static const struct db_stmt q_collection_owned = {
	"SELECT 1 FROM collections WHERE id = ? AND creator_id = ?", "ii", "i" };
static const struct db_stmt q_collection_cover = {
	"UPDATE collections SET cover_url = ? WHERE id = ? AND creator_id = ?", "sii", "" };

/* An ad the brand took down stays as it was (ad_save.c refuses its edits too). */
static const struct db_stmt q_ad_owned = {
	"SELECT 1 FROM ads a WHERE a.id = ? AND a.state <> 'blocked' AND" AD_OWNED, "iii", "i" };
static const struct db_stmt q_ad_hero = {
	"UPDATE ads a SET a.image_url = ?, a.updated_at = UTC_TIMESTAMP() WHERE a.id = ? AND a.state <> 'blocked' AND"
	AD_OWNED, "siii", "" };

/* A creator's own video or a brand's own (a brand does not set the poster of a creator's video of
 * its products). An owner id of 0 matches nothing. */
static const struct db_stmt q_video_owned = {
	"SELECT 1 FROM videos v WHERE v.id = ? AND v.deleted_at IS NULL AND (v.creator_id = ? OR v.brand_id = ?)", "iii", "i" };
static const struct db_stmt q_video_poster = {
	"UPDATE videos v SET v.poster_url = ? WHERE v.id = ? AND (v.creator_id = ? OR v.brand_id = ?)", "siii", "" };

int page_creator_cover_upload(struct req *r)
{
	struct image_upload_target t = { NULL, &q_creator_cover, { r->creator->id }, 1, "",
					 "/studio/creator/profile?saved=1" };
	return image_upload_put(r, &t);
}

/* Removing a cover empties its column; the sweep then deletes the picture's files once nothing
 * else names it. */
int page_creator_cover_remove(struct req *r)
{
	enum db_status rc = db_query(r->db, NULL, &q_creator_cover, (struct db_param[]){ DB_S(""), DB_I(r->creator->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/creator/profile?saved=1");
	return REQ_DONE;
}

int page_collection_cover_remove(struct req *r)
{
	long long id = req_id(r, "id");
	struct db_res own;
	enum db_status rc = db_query(r->db, r->arena, &q_collection_owned, (struct db_param[]){ DB_I(id), DB_I(r->creator->id) }, &own);
	if (rc == DB_OK && own.nrows)
		rc = db_query(r->db, NULL, &q_collection_cover, (struct db_param[]){ DB_S(""), DB_I(id), DB_I(r->creator->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (own.nrows == 0) {
		response_error(r, 404, "You have no such collection.");
		return REQ_DONE;
	}
	response_redirect(r, arena_printf(r->arena, "/studio/creator/collections/%lld", id));
	return REQ_DONE;
}

int page_collection_cover_upload(struct req *r)
{
	long long id = req_id(r, "id");
	struct image_upload_target t = { &q_collection_owned, &q_collection_cover, { id, r->creator->id }, 2,
					 "You have no such collection.",
					 arena_printf(r->arena, "/studio/creator/collections/%lld", id) };
	return image_upload_put(r, &t);
}

/* The brand's route passes only its brand, the creator's only the creator: an account that is both
 * edits through each route only the ads of that side (AD_OWNED). */
static int ad_hero(struct req *r, const char *edit_prefix, long long brand_id, long long creator_id)
{
	long long id = req_id(r, "id");
	struct image_upload_target t = { &q_ad_owned, &q_ad_hero, { id, brand_id, creator_id }, 3,
					 "You have no such ad, or the brand took it down.",
					 arena_printf(r->arena, "%s/%lld?saved=1", edit_prefix, id) };
	return image_upload_put(r, &t);
}

int page_ad_hero_upload(struct req *r)
{
	return ad_hero(r, "/studio/ads", r->brand->id, 0);
}

int page_creator_ad_hero_upload(struct req *r)
{
	return ad_hero(r, "/studio/creator/ads", 0, r->creator->id);
}

int page_video_poster_upload(struct req *r)
{
	long long id = req_id(r, "id");
	struct studio_owner o;
	if (!studio_owner(r, &o)) {
		response_error(r, 403, "Videos are published by creators and brands.");
		return REQ_DONE;
	}
	struct image_upload_target t = { &q_video_owned, &q_video_poster, { id, o.creator_id, o.brand_id }, 3,
					 "You have no such video.", arena_printf(r->arena, "/studio/videos/%lld/poster", id) };
	return image_upload_put(r, &t);
}
