/* image_asset.h: pictures as assets named by their content (sql/0041_images.sql, docs/IMAGES.md).
 * A page never decodes a picture: it reads an image reference (IMAGE_REF_SQL) and the view helper
 * (views/image_view.h) turns it into <img> markup of the renditions crowdcartctl worker made. */
#ifndef CC_IMAGE_ASSET_H
#define CC_IMAGE_ASSET_H
#include "db/db.h"
#include "lib/image_sniff.h"

/* How an upload is named in product_images.url (and the other image columns): this prefix, then
 * its key. Renditions live beside it: /media/img/<key>-<width>.webp|jpg, /media/img/<key>-og.jpg. */
#define IMAGE_PATH_PREFIX "/media/img/"

/* An image reference, selected by every page that shows a picture, from a URL column `url`:
 *   "@<key>:<width>:<height>"  the asset is ready (an upload, or an imported URL fetched);
 *                              ":a" follows when its steps up to IMAGE_AVIF_MAX_W have AVIF files;
 *   "@"                        an upload or an imported URL not ready (or refused): a placeholder;
 *   "/static/..." etc.         a local path as it was (demo pictures), shown as is;
 *   ""                         no picture (url NULL or empty).
 * An imported (http/https) URL is never handed to a page: the source shop must not see shoppers.
 * `hash` is the url's stored SHA-256 column (product_images.url_hash), or UNHEX(SHA2(url, 256)).
 * Both must name their table (pi.url_hash, not url_hash): inside the subqueries below a bare
 * url_hash is image_fetches' own column, and every product would match every fetched picture. */
#define IMAGE_REF_SQL(url, hash) \
	"(CASE WHEN " url " IS NULL OR " url " = '' THEN ''" \
	" WHEN " url " LIKE '" IMAGE_PATH_PREFIX "%' THEN COALESCE((SELECT CONCAT('@', ia.akey, ':', ia.width, ':', ia.height, IF(ia.avif, ':a', ''))" \
	"  FROM image_assets ia WHERE ia.akey = SUBSTRING(" url ", 12, 32) AND ia.status = 'ready'), '@')" \
	" WHEN " url " LIKE '/%' AND " url " NOT LIKE '//%' THEN " url \
	" ELSE COALESCE((SELECT CONCAT('@', ia.akey, ':', ia.width, ':', ia.height, IF(ia.avif, ':a', '')) FROM image_fetches jf" \
	"  JOIN image_assets ia ON ia.akey = jf.akey AND ia.status = 'ready' WHERE jf.url_hash = " hash "), '@') END)"
/* The reference of a picture column with no stored hash (an avatar, a cover, an ad's hero, a
 * video's poster): an upload, or an address its owner typed, which the worker fetches like an
 * imported product picture (ctl/image_jobs.c) and a page shows only from our files. */
#define TYPED_REF_SQL(url) IMAGE_REF_SQL(url, "UNHEX(SHA2(" url ", 256))")
_Static_assert(sizeof IMAGE_PATH_PREFIX - 1 == 11, "SUBSTRING(url, 12, 32) above starts after the prefix");

/* True when url is exactly IMAGE_PATH_PREFIX and a key: an upload, which a product may hold as
 * one of its pictures beside http(s) addresses. */
bool image_asset_path(const char *url);

/* The key of bytes: the first IMAGE_KEY_LEN hex digits of their SHA-256, and a NUL. */
void image_asset_key(const uint8_t *data, size_t len, char key[IMAGE_KEY_LEN + 1]);

/* Records bytes (already sniffed: a JPEG, PNG or WebP within the limits) as a pending asset owned
 * by user_id (0: fetched for an import), unless an asset with the same content exists. key
 * receives the asset's key (IMAGE_KEY_LEN hex digits and a NUL). */
enum db_status image_asset_add(struct db *db, long long user_id, const uint8_t *data, size_t len,
			       char key[IMAGE_KEY_LEN + 1]) DB_MUST_CHECK;

/* The state of an asset for the studio: "pending", "ready" or "refused" (with why), or "" when
 * there is no such asset. */
enum db_status image_asset_state(struct db *db, struct arena *a, const char *key, const char **status,
				 const char **error) DB_MUST_CHECK;

#endif
