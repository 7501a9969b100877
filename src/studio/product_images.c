/* product_images.c: "POST /studio/products/{id}/images" — a brand uploads a picture of one of its
 * products (multipart, one `file` part and its alt text). The studio only checks what the first
 * bytes say (a JPEG, PNG or WebP of a size within the limits; SVG refused) and records the bytes
 * as a pending asset with the product's next picture pointing at it, in one transaction;
 * crowdcartctl worker decodes and resizes it later, out of the page-serving programs
 * (docs/IMAGES.md). Until then the shop shows a placeholder. */
#include <string.h>
#include "domain/catalog/product.h"
#include "web/response.h"
#include "domain/video/upload_quota.h"
#include "studio/image_upload.h"
#include "studio/products.h"

static const struct db_stmt q_owned = {
	"SELECT COUNT(i.id) FROM products p LEFT JOIN product_images i ON i.product_id = p.id"
	" WHERE p.id = ? AND p.brand_id = ? GROUP BY p.id", "ii", "i" };
/* Appended after the product's last picture; the position is read inside the transaction. */
static const struct db_stmt q_append = {
	"INSERT INTO product_images (product_id, position, url, alt)"
	" SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ? FROM product_images WHERE product_id = ?", "issi", "" };

struct upload {
	long long user_id, product_id;
	const struct mp_part *file;
	const char *alt;
	char key[IMAGE_KEY_LEN + 1];
};

static enum db_status record(struct db *db, void *ctx)
{
	struct upload *u = ctx;
	enum db_status rc = image_asset_add(db, u->user_id, u->file->data, u->file->len, u->key);
	if (rc != DB_OK)
		return rc;
	char path[IMAGE_UPLOAD_PATH_LEN + 1];
	image_upload_path(path, u->key);
	return db_query(db, NULL, &q_append,
			(struct db_param[]){ DB_I(u->product_id), DB_S(path), DB_S(u->alt), DB_I(u->product_id) }, NULL);
}

int page_product_image_upload(struct req *r)
{
	long long id = req_id(r, "id");
	struct db_res own;
	enum db_status rc = db_query(r->db, r->arena, &q_owned, (struct db_param[]){ DB_I(id), DB_I(r->brand->id) }, &own);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (own.nrows == 0) {
		response_error(r, 404, "That product is not in your catalog.");
		return REQ_DONE;
	}
	if (db_at(&own, 0, 0)->i >= PRODUCT_MAX_IMAGES) {
		response_error(r, 422, "This product has its 20 pictures already; remove one before uploading another.");
		return REQ_DONE;
	}
	struct upload u = { r->sess.user_id, id, multipart_file(&r->files, "file"), req_form(r, "alt"), "" };
	int status;
	const char *why = image_upload_refusal(u.file, &status);
	if (why) {
		response_error(r, status, why);
		return REQ_DONE;
	}
	if (!u.alt)
		u.alt = "";
	long long quota_id;
	int st;
	if (!image_upload_reserve(r, u.file, &quota_id, &st))
		return st;
	if ((rc = db_txn(r->db, record, &u)) != DB_OK) {
		/* a record left behind would count against the account a picture it does not have */
		if (quota_id)
			db_best_effort(upload_quota_release(r->db, quota_id));
		return req_db_fail(rc);
	}
	response_redirect(r, arena_printf(r->arena, "/studio/products/%lld?saved=1", id));
	return REQ_DONE;
}
