/* avatar_upload.c: "POST /studio/creator/profile/avatar" — a creator uploads the picture of their
 * storefront (multipart, one `file` part). Checked by its first bytes (image_upload.h), recorded
 * as a pending asset and made the avatar in one transaction; crowdcartctl worker makes its
 * renditions, and the storefront shows a placeholder until then (docs/IMAGES.md). */
#include "web/response.h"
#include "domain/video/upload_quota.h"
#include "studio/image_upload.h"
#include "studio/studio.h"

static const struct db_stmt q_set = { "UPDATE creators SET avatar_url = ? WHERE id = ?", "si", "" };

struct avatar {
	long long user_id, creator_id;
	const struct mp_part *file;
};

static enum db_status record(struct db *db, void *ctx)
{
	struct avatar *a = ctx;
	char key[IMAGE_KEY_LEN + 1], path[IMAGE_UPLOAD_PATH_LEN + 1];
	enum db_status rc = image_asset_add(db, a->user_id, a->file->data, a->file->len, key);
	if (rc != DB_OK)
		return rc;
	image_upload_path(path, key);
	return db_query(db, NULL, &q_set, (struct db_param[]){ DB_S(path), DB_I(a->creator_id) }, NULL);
}

int page_creator_avatar_upload(struct req *r)
{
	struct avatar a = { r->sess.user_id, r->creator->id, multipart_file(&r->files, "file") };
	int status;
	const char *why = image_upload_refusal(a.file, &status);
	if (why) {
		response_error(r, status, why);
		return REQ_DONE;
	}
	long long quota_id;
	int st;
	if (!image_upload_reserve(r, a.file, &quota_id, &st))
		return st;
	enum db_status rc = db_txn(r->db, record, &a);
	if (rc != DB_OK) {
		/* a record left behind would count against the account a picture it does not have */
		if (quota_id)
			db_best_effort(upload_quota_release(r->db, quota_id));
		return req_db_fail(rc);
	}
	response_redirect(r, "/studio/creator/profile?saved=1");
	return REQ_DONE;
}
