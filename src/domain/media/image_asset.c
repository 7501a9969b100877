/* image_asset.c: recording an upload or a fetched picture as a pending asset, by content. */
#include <string.h>
#include <sodium.h>
#include "domain/media/image_asset.h"

/* The same content twice is one asset: the second upload changes nothing, not even a refusal
 * (the same bytes would be refused again). IGNORE skips only that duplicate here: every value is
 * ours and within its column, and the studio's account may insert assets, not change them. */
static const struct db_stmt q_add = {
	"INSERT IGNORE INTO image_assets (akey, status, source, owner_user_id, next_attempt_at, created_at)"
	" VALUES (?, 'pending', ?, NULLIF(?, 0), UTC_TIMESTAMP(), UTC_TIMESTAMP())", "sbi", "" };
static const struct db_stmt q_state = {
	"SELECT status, error FROM image_assets WHERE akey = ?", "s", "ss" };

void image_asset_key(const uint8_t *data, size_t len, char key[IMAGE_KEY_LEN + 1])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(key, IMAGE_KEY_LEN + 1, h, IMAGE_KEY_LEN / 2);
}

enum db_status image_asset_add(struct db *db, long long user_id, const uint8_t *data, size_t len,
			       char key[IMAGE_KEY_LEN + 1])
{
	image_asset_key(data, len, key);
	return db_query(db, NULL, &q_add, (struct db_param[]){ DB_S(key), DB_B(data, len), DB_I(user_id) }, NULL);
}

enum db_status image_asset_state(struct db *db, struct arena *a, const char *key, const char **status,
				 const char **error)
{
	struct db_res res;
	*status = *error = "";
	enum db_status rc = db_query(db, a, &q_state, (struct db_param[]){ DB_S(key) }, &res);
	if (rc == DB_OK && res.nrows == 1) {
		*status = db_at(&res, 0, 0)->s;
		*error = db_at(&res, 0, 1)->s;
	}
	return rc;
}

bool image_asset_path(const char *url)
{
	return url && strncmp(url, IMAGE_PATH_PREFIX, sizeof IMAGE_PATH_PREFIX - 1) == 0 &&
	       image_key_valid(url + sizeof IMAGE_PATH_PREFIX - 1);
}
