/* image_upload.h: what the studio's picture uploads (product pictures, the creator's avatar)
 * share: the checks the first bytes allow, and the path a picture is then held by. The studio
 * never decodes a picture: crowdcartctl worker does (docs/IMAGES.md). */
#ifndef CC_STUDIO_IMAGE_UPLOAD_H
#define CC_STUDIO_IMAGE_UPLOAD_H
#include "web/http.h"
#include "web/multipart.h"
#include "domain/media/image_asset.h"

/* Each upload route's body cap: a picture at its limit (IMAGE_MAX_BYTES) plus the form around it. */
#define STUDIO_IMAGE_UPLOAD_BODY ((12 << 20) + 65536)

/* NULL when the file may be recorded; else the sentence to answer with and *status (413, 415,
 * 422): missing or empty, too large, SVG or another format, a claimed size over the limits. */
const char *image_upload_refusal(const struct mp_part *file, int *status);

/* Counts the picture against the account's upload quota (media_uploads, as the video uploads):
 * one record per account and picture, named "img-<key>-<user id>", released by crowdcartctl when
 * the picture's files go. True when the upload may go on: *quota_id is the record to release if it
 * then fails (0 when the account had uploaded these bytes before). False when a response was made
 * (422 over the quota) or the database failed (*st from req_db_fail). */
bool image_upload_reserve(struct req *r, const struct mp_part *file, long long *quota_id, int *st);

/* A picture column one upload fills (a cover, an ad's hero, a video's poster): `owned` selects a row
 * when the row `ids[0]` is the signed-in owner's (its parameters: the ids), `set` writes the
 * picture's path (its parameters: the path, then the ids); `missing` is the 404's sentence and
 * `done` where the browser goes next. */
struct image_upload_target {
	const struct db_stmt *owned, *set;
	long long ids[3];
	size_t nids;
	const char *missing, *done;
};

/* The whole upload of one picture into a column: the checks, the quota, the asset and the column
 * written in one transaction, the redirect. A handler's answer (REQ_DONE or a status). */
int image_upload_put(struct req *r, const struct image_upload_target *t);

/* "/media/img/<key>": how a page column holds an uploaded picture. */
#define IMAGE_UPLOAD_PATH_LEN (sizeof IMAGE_PATH_PREFIX - 1 + IMAGE_KEY_LEN)
void image_upload_path(char out[IMAGE_UPLOAD_PATH_LEN + 1], const char key[IMAGE_KEY_LEN + 1]);

#endif
