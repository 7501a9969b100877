/* image_upload.c: the first-bytes checks of a studio picture upload (image_upload.h). */
#include <string.h>
#include "lib/image_sniff.h"
#include "web/response.h"
#include "domain/video/upload_quota.h"
#include "studio/image_upload.h"

_Static_assert(STUDIO_IMAGE_UPLOAD_BODY > IMAGE_MAX_BYTES, "the routes' body cap leaves room for the form around the file");

const char *image_upload_refusal(const struct mp_part *file, int *status)
{
	struct image_sniff s;
	*status = 415;
	if (!file || file->len == 0) {
		*status = 422;
		return "Choose a picture to upload (the file was missing or empty).";
	}
	if (file->len > IMAGE_MAX_BYTES) {
		*status = 413;
		return "That picture is larger than 12 MiB. Upload a smaller JPEG, PNG or WebP.";
	}
	bool sized = image_sniff(file->data, file->len, &s);
	if (s.format == IMAGE_SVG)
		return "SVG pictures are not accepted (they can carry scripts). Upload a JPEG, PNG or WebP.";
	if (s.format == IMAGE_UNKNOWN)
		return "That file is not a JPEG, PNG or WebP picture.";
	*status = 422;
	if (!sized)
		return "That picture's header is damaged or incomplete.";
	return image_size_refusal(s.width, s.height);
}

void image_upload_path(char out[IMAGE_UPLOAD_PATH_LEN + 1], const char key[IMAGE_KEY_LEN + 1])
{
	memcpy(out, IMAGE_PATH_PREFIX, sizeof IMAGE_PATH_PREFIX - 1);
	memcpy(out + sizeof IMAGE_PATH_PREFIX - 1, key, IMAGE_KEY_LEN + 1);
}

bool image_upload_reserve(struct req *r, const struct mp_part *file, long long *quota_id, int *st)
{
	char key[IMAGE_KEY_LEN + 1];
	image_asset_key(file->data, file->len, key);
	const char *name = arena_printf(r->arena, "img-%s-%lld", key, r->sess.user_id);
	enum upload_quota_verdict verdict = UPLOAD_QUOTA_OK;
	*quota_id = 0;
	*st = REQ_DONE;
	enum db_status rc = upload_quota_reserve(r->db, r->arena, r->sess.user_id, name, (long long)file->len, &verdict,
						 quota_id);
	if (rc == DB_DUP) {	/* the same picture again: counted once */
		*quota_id = 0;
		return true;
	}
	if (rc != DB_OK) {
		*st = req_db_fail(rc);
		return false;
	}
	if (verdict == UPLOAD_QUOTA_OK)
		return true;
	struct upload_quota_limits lim = upload_quota_limits();
	response_error(r, 422, verdict == UPLOAD_QUOTA_FILES
		? arena_printf(r->arena, "Your account has uploaded its %lld files, the most this shop keeps for one "
			       "account. Remove pictures you no longer use, or ask the shop's operator for more room.",
			       lim.max_files)
		: arena_printf(r->arena, "This picture would take your account's uploads past %lld MiB, the most this "
			       "shop keeps for one account. Remove pictures you no longer use, or ask the shop's operator "
			       "for more room.", lim.max_bytes >> 20));
	return false;
}

struct put_ctx {
	const struct image_upload_target *t;
	long long user_id;
	const struct mp_part *file;
};

static enum db_status put_record(struct db *db, void *ctx)
{
	struct put_ctx *c = ctx;
	char key[IMAGE_KEY_LEN + 1], path[IMAGE_UPLOAD_PATH_LEN + 1];
	enum db_status rc = image_asset_add(db, c->user_id, c->file->data, c->file->len, key);
	if (rc != DB_OK)
		return rc;
	image_upload_path(path, key);
	struct db_param p[1 + 3] = { DB_S(path) };
	for (size_t i = 0; i < c->t->nids; i++)
		p[1 + i] = DB_I(c->t->ids[i]);
	return db_query(db, NULL, c->t->set, p, NULL);
}

int image_upload_put(struct req *r, const struct image_upload_target *t)
{
	struct db_param ids[3];
	for (size_t i = 0; i < t->nids && i < 3; i++)
		ids[i] = DB_I(t->ids[i]);
	if (t->owned) {
		struct db_res own;
		enum db_status rc = db_query(r->db, r->arena, t->owned, ids, &own);
		if (rc != DB_OK)
			return req_db_fail(rc);
		if (own.nrows == 0) {
			response_error(r, 404, t->missing);
			return REQ_DONE;
		}
	}
	struct put_ctx c = { t, r->sess.user_id, multipart_file(&r->files, "file") };
	int status;
	const char *why = image_upload_refusal(c.file, &status);
	if (why) {
		response_error(r, status, why);
		return REQ_DONE;
	}
	long long quota_id;
	if (!image_upload_reserve(r, c.file, &quota_id, &status))
		return status;
	enum db_status rc = db_txn(r->db, put_record, &c);
	if (rc != DB_OK) {
		/* a record left behind would count against the account a picture it does not have */
		if (quota_id)
			db_best_effort(upload_quota_release(r->db, quota_id));
		return req_db_fail(rc);
	}
	response_redirect(r, t->done);
	return REQ_DONE;
}
