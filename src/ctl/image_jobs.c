/* image_jobs.c: crowdcartctl's image passes. Every row is claimed with a lease (lease.h) so that
 * workers on several nodes never process the same picture twice at once; the files go to the
 * media folder every web node serves (docs/IMAGES.md), named by content, so a second worker
 * writing the same rendition writes the same bytes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lib/config.h"
#include "lib/netcheck.h"
#include "web/outbound.h"
#include "domain/media/image_asset.h"
#include "ctl/image_child.h"
#include "ctl/image_fetch.h"
#include "ctl/image_jobs.h"
#include "ctl/lease.h"
#include "ctl/video_poster.h"

#define JOB_BATCH 10
#define JOB_ATTEMPTS 3

/* ---- imported URLs ---- */

/* URLs of product pictures not taken on yet (the anti-join reads the url_hash index). */
static const struct db_stmt q_discover = {
	"INSERT IGNORE INTO image_fetches (url_hash, url, status, next_attempt_at)"
	" SELECT i.url_hash, MIN(i.url), 'pending', UTC_TIMESTAMP() FROM product_images i"
	" LEFT JOIN image_fetches f ON f.url_hash = i.url_hash"
	" WHERE f.id IS NULL AND (i.url LIKE 'http://%' OR i.url LIKE 'https://%') GROUP BY i.url_hash"
	" ORDER BY MAX(i.id) DESC LIMIT 200", "", "" };	/* the newest first: what a brand just imported */
/* The other picture columns given as addresses: avatars, storefront and collection covers, ad
 * heroes, video posters (a few rows each: none is a product's). Pages show them through
 * TYPED_REF_SQL, from our files only. */
#define TYPED_PICTURE_URLS \
	"(SELECT avatar_url AS url FROM creators WHERE avatar_url LIKE 'http%'" \
	" UNION ALL SELECT cover_url FROM creators WHERE cover_url LIKE 'http%'" \
	" UNION ALL SELECT cover_url FROM collections WHERE cover_url LIKE 'http%'" \
	" UNION ALL SELECT image_url FROM ads WHERE image_url LIKE 'http%'" \
	" UNION ALL SELECT poster_url FROM videos WHERE poster_url LIKE 'http%')"
static const struct db_stmt q_discover_typed = {
	"INSERT IGNORE INTO image_fetches (url_hash, url, status, next_attempt_at)"
	" SELECT UNHEX(SHA2(t.url, 256)), MIN(t.url), 'pending', UTC_TIMESTAMP() FROM " TYPED_PICTURE_URLS " t"
	" LEFT JOIN image_fetches f ON f.url_hash = UNHEX(SHA2(t.url, 256))"
	" WHERE f.id IS NULL AND (t.url LIKE 'http://%' OR t.url LIKE 'https://%')"
	" GROUP BY UNHEX(SHA2(t.url, 256)) LIMIT 200", "", "" };
static const struct db_stmt q_fetch_due = {
	"SELECT id FROM image_fetches WHERE status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()"
	" ORDER BY attempts, id DESC LIMIT 10", "", "i" };	/* JOB_BATCH; first tries, newest first */
static const struct db_stmt q_fetch_claim = {
	"UPDATE image_fetches SET next_attempt_at = UTC_TIMESTAMP() + INTERVAL 120 SECOND, attempts = attempts + 1"
	" WHERE id = ? AND status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()", "i", "" };
static const struct db_stmt q_fetch_load = { "SELECT url, attempts FROM image_fetches WHERE id = ?", "i", "si" };
static const struct db_stmt q_fetch_done = {
	"UPDATE image_fetches SET status = 'done', akey = ?, error = '' WHERE id = ?", "si", "" };
static const struct db_stmt q_fetch_fail = {
	"UPDATE image_fetches SET status = IF(? = 1, 'failed', 'pending'), error = ?,"
	" next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE id = ?", "isii", "" };

/* ---- assets ---- */

static const struct db_stmt q_asset_due = {
	"SELECT id FROM image_assets WHERE status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()"
	" ORDER BY next_attempt_at, id LIMIT 10", "", "i" };	/* JOB_BATCH */
/* Five minutes: a picture takes seconds; a worker that died holding it gives it back by then. */
static const struct db_stmt q_asset_claim = {
	"UPDATE image_assets SET next_attempt_at = UTC_TIMESTAMP() + INTERVAL 300 SECOND, attempts = attempts + 1"
	" WHERE id = ? AND status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()", "i", "" };
static const struct db_stmt q_asset_load = {
	"SELECT akey, source, attempts FROM image_assets WHERE id = ?", "i", "sbi" };
static const struct db_stmt q_asset_ready = {
	"UPDATE image_assets SET status = 'ready', width = ?, height = ?, avif = ?, error = '', source = NULL WHERE id = ?",
	"iiii", "" };
static const struct db_stmt q_asset_refused = {
	"UPDATE image_assets SET status = 'refused', error = ?, source = NULL WHERE id = ?", "si", "" };

/* ---- what nothing uses ---- */

/* A fetch whose URL no product and no other picture column holds any more. */
static const struct db_stmt q_fetch_unused = {
	"DELETE FROM image_fetches WHERE status <> 'pending' AND NOT EXISTS"
	" (SELECT 1 FROM product_images i WHERE i.url_hash = image_fetches.url_hash)"
	" AND NOT EXISTS (SELECT 1 FROM " TYPED_PICTURE_URLS " t WHERE t.url = image_fetches.url) LIMIT 500", "", "" };
/* Assets processed, older than the grace, that no picture column (product pictures, avatars,
 * video posters, storefront and collection covers, ad heroes) names and no fetch holds. */
static const struct db_stmt q_asset_unused = {
	"SELECT a.id, a.akey, a.width, a.status FROM image_assets a WHERE a.status <> 'pending'"
	" AND a.created_at <= UTC_TIMESTAMP() - INTERVAL ? SECOND"
	" AND NOT EXISTS (SELECT 1 FROM product_images i WHERE i.url_hash = UNHEX(SHA2(CONCAT('" IMAGE_PATH_PREFIX "', a.akey), 256)))"
	" AND NOT EXISTS (SELECT 1 FROM image_fetches f WHERE f.akey = a.akey)"
	" AND NOT EXISTS (SELECT 1 FROM creators c WHERE c.avatar_url = CONCAT('" IMAGE_PATH_PREFIX "', a.akey))"
	" AND NOT EXISTS (SELECT 1 FROM videos v WHERE v.poster_url = CONCAT('" IMAGE_PATH_PREFIX "', a.akey))"
	" AND NOT EXISTS (SELECT 1 FROM creators c WHERE c.cover_url = CONCAT('" IMAGE_PATH_PREFIX "', a.akey))"
	" AND NOT EXISTS (SELECT 1 FROM collections k WHERE k.cover_url = CONCAT('" IMAGE_PATH_PREFIX "', a.akey))"
	" AND NOT EXISTS (SELECT 1 FROM ads d WHERE d.image_url = CONCAT('" IMAGE_PATH_PREFIX "', a.akey))"
	" ORDER BY a.id LIMIT 50", "i", "isis" };
/* The account quota records of a picture's uploads (studio/image_upload.c names them). */
static const struct db_stmt q_quota_release = {
	"DELETE FROM media_uploads WHERE name LIKE CONCAT('img-', ?, '-%')", "s", "" };
static const struct db_stmt q_asset_delete = {
	"DELETE FROM image_assets WHERE id = ? AND NOT EXISTS"
	" (SELECT 1 FROM product_images i WHERE i.url_hash = UNHEX(SHA2(CONCAT('" IMAGE_PATH_PREFIX "', ?), 256)))"
	" AND NOT EXISTS (SELECT 1 FROM image_fetches f WHERE f.akey = ?)"
	" AND NOT EXISTS (SELECT 1 FROM creators c WHERE c.avatar_url = CONCAT('" IMAGE_PATH_PREFIX "', ?))"
	" AND NOT EXISTS (SELECT 1 FROM videos v WHERE v.poster_url = CONCAT('" IMAGE_PATH_PREFIX "', ?))"
	" AND NOT EXISTS (SELECT 1 FROM creators c WHERE c.cover_url = CONCAT('" IMAGE_PATH_PREFIX "', ?))"
	" AND NOT EXISTS (SELECT 1 FROM collections k WHERE k.cover_url = CONCAT('" IMAGE_PATH_PREFIX "', ?))"
	" AND NOT EXISTS (SELECT 1 FROM ads d WHERE d.image_url = CONCAT('" IMAGE_PATH_PREFIX "', ?))", "isssssss", "" };

static const char *fetch_allow;

bool image_jobs_ready(void)
{
	fetch_allow = config_str("image_fetch_allow_private", "");
	if (!netcheck_allow_valid(fetch_allow)) {
		fprintf(stderr, "crowdcartctl: image_fetch_allow_private is not a list of CIDRs like 10.0.0.0/8, fd00::/8\n");
		return false;
	}
	return outbound_init();
}

/* The folder of renditions: media_dir (as the studio finds it, video_upload.c) + "/img". */
static const char *img_dir(struct arena *a)
{
	const char *dir = config_str("media_dir", NULL);
	if (!dir || !*dir) {
		const char *conf = getenv("CROWDCART_CONF");
		const char *slash = conf ? strrchr(conf, '/') : NULL;
		dir = slash ? arena_printf(a, "%.*s/media", (int)(slash - conf), conf) : "var/media";
	}
	return arena_printf(a, "%s/img", dir);
}

/* Writes a file through a temporary name and a rename, readable by the web server. */
static bool write_file(struct arena *a, const char *dir, const char *name, const uint8_t *p, size_t n)
{
	const char *tmp = arena_printf(a, "%s/.%s.%ld.part", dir, name, (long)getpid());
	const char *final = arena_printf(a, "%s/%s", dir, name);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return false;
	size_t done = 0;
	while (done < n) {
		ssize_t w = write(fd, p + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	bool ok = done == n && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	ok = ok && fchmodat(AT_FDCWD, tmp, 0644, 0) == 0 && rename(tmp, final) == 0;
	if (!ok)
		unlink(tmp);
	return ok;
}

static bool write_renditions(struct arena *a, const char *key, const struct image_result *res)
{
	const char *dir = img_dir(a);
	const char *parent = arena_strndup(a, dir, strlen(dir) - 4);
	if ((mkdir(parent, 0755) != 0 && errno != EEXIST) || (mkdir(dir, 0755) != 0 && errno != EEXIST))
		return false;
	for (size_t i = 0; i < res->n; i++) {
		char name[80];
		image_rendition_name(name, sizeof name, key, res->r[i].kind, res->r[i].width);
		if (!write_file(a, dir, name, res->r[i].data, res->r[i].len))
			return false;
	}
	return true;
}

static void remove_renditions(struct arena *a, const char *key, unsigned width)
{
	const char *dir = img_dir(a);
	unsigned widths[IMAGE_LADDER_N];
	size_t n = width ? image_widths(width, widths) : 0;
	char name[80];
	for (size_t i = 0; i < n; i++) {
		unlink(arena_printf(a, "%s/%s", dir, image_rendition_name(name, sizeof name, key, IMAGE_OUT_WEBP, widths[i])));
		unlink(arena_printf(a, "%s/%s", dir, image_rendition_name(name, sizeof name, key, IMAGE_OUT_JPEG, widths[i])));
		if (widths[i] <= IMAGE_AVIF_MAX_W)	/* a picture made before AVIF has none: nothing to unlink */
			unlink(arena_printf(a, "%s/%s", dir, image_rendition_name(name, sizeof name, key, IMAGE_OUT_AVIF, widths[i])));
	}
	if (n)
		unlink(arena_printf(a, "%s/%s", dir, image_rendition_name(name, sizeof name, key, IMAGE_OUT_SHARE_JPEG, 0)));
}

static bool process_asset(struct db *db, struct arena *a, long long id, void *ctx)
{
	long *ready = ctx;
	struct db_res d;
	if (db_query(db, a, &q_asset_load, (struct db_param[]){ DB_I(id) }, &d) != DB_OK)
		return false;
	if (d.nrows == 0)
		return true;
	const char *key = db_at(&d, 0, 0)->s;
	const struct db_val *src = db_at(&d, 0, 1);
	long long attempts = db_at(&d, 0, 2)->i;
	if (!image_key_valid(key) || src->null)
		return db_query(db, NULL, &q_asset_refused, (struct db_param[]){
			DB_S("The picture's file was lost before it could be processed; upload it again."), DB_I(id) }, NULL) == DB_OK;
	struct image_result res;
	enum image_child_status st = image_child_run((const uint8_t *)src->s, src->len, &res);
	if (st == IMAGE_CHILD_REFUSED)
		return db_query(db, NULL, &q_asset_refused, (struct db_param[]){ DB_S(res.error), DB_I(id) }, NULL) == DB_OK;
	if (st == IMAGE_CHILD_FAILED) {
		fprintf(stderr, "crowdcartctl: picture %s (attempt %lld): %s\n", key, attempts, res.error);
		/* A picture that kills the decoder every time is refused, not retried for ever. */
		if (attempts < JOB_ATTEMPTS)
			return true;
		return db_query(db, NULL, &q_asset_refused, (struct db_param[]){
			DB_S("The picture could not be processed; upload it again as a JPEG or PNG."), DB_I(id) }, NULL) == DB_OK;
	}
	bool written = write_renditions(a, key, &res);
	unsigned w = res.width, h = res.height;
	bool avif = false;	/* pages offer AVIF only for pictures that have it (IMAGE_REF_SQL) */
	for (size_t i = 0; i < res.n; i++)
		avif |= res.r[i].kind == IMAGE_OUT_AVIF;
	image_result_free(&res);
	if (!written) {
		fprintf(stderr, "crowdcartctl: picture %s: cannot write under %s: %s\n", key, img_dir(a), strerror(errno));
		return true;	/* the lease runs out and another pass tries again */
	}
	(*ready)++;
	return db_query(db, NULL, &q_asset_ready, (struct db_param[]){ DB_I(w), DB_I(h), DB_I(avif), DB_I(id) }, NULL) == DB_OK;
}

static bool fetch_one(struct db *db, struct arena *a, long long id, void *ctx)
{
	struct db_res d;
	if (db_query(db, a, &q_fetch_load, (struct db_param[]){ DB_I(id) }, &d) != DB_OK)
		return false;
	if (d.nrows == 0)
		return true;
	const char *url = db_at(&d, 0, 0)->s;
	long long attempts = db_at(&d, 0, 1)->i;
	struct image_fetched got;
	bool permanent;
	char err[IMAGE_FETCH_ERR_LEN];
	if (image_fetch(url, fetch_allow, &got, &permanent, err)) {
		struct image_sniff s;
		bool sized = image_sniff(got.data, got.len, &s);
		const char *why = s.format == IMAGE_SVG ? "SVG pictures are not accepted"
				: !sized ? "not a JPEG, PNG or WebP picture" : image_size_refusal(s.width, s.height);
		if (!why) {
			char key[IMAGE_KEY_LEN + 1];
			enum db_status rc = image_asset_add(db, 0, got.data, got.len, key);
			free(got.data);
			return rc == DB_OK &&
			       db_query(db, NULL, &q_fetch_done, (struct db_param[]){ DB_S(key), DB_I(id) }, NULL) == DB_OK;
		}
		free(got.data);
		snprintf(err, sizeof err, "%s", why);
		permanent = true;
	}
	bool last = permanent || attempts >= JOB_ATTEMPTS;
	return db_query(db, NULL, &q_fetch_fail, (struct db_param[]){ DB_I(last), DB_S(err), DB_I(60 * attempts), DB_I(id) },
			NULL) == DB_OK;
}

static bool sweep(struct db *db, struct arena *a)
{
	if (db_query(db, NULL, &q_fetch_unused, NULL, NULL) != DB_OK)
		return false;
	struct db_res r;
	long long grace = config_int("image_sweep_after_seconds", 600, 0, 30 * 86400);
	if (db_query(db, a, &q_asset_unused, (struct db_param[]){ DB_I(grace) }, &r) != DB_OK)
		return false;
	for (size_t i = 0; i < r.nrows; i++) {
		const char *key = db_at(&r, i, 1)->s;
		if (!image_key_valid(key))
			continue;
		/* the row first: a picture saved again meanwhile keeps its row, and its files */
		if (db_query(db, NULL, &q_asset_delete, (struct db_param[]){ DB_I(db_at(&r, i, 0)->i), DB_S(key), DB_S(key), DB_S(key), DB_S(key),
				DB_S(key), DB_S(key), DB_S(key) }, NULL) != DB_OK)
			return false;
		if (db_affected(db) != 1)
			continue;
		remove_renditions(a, key, (unsigned)db_at(&r, i, 2)->i);
		if (db_query(db, NULL, &q_quota_release, (struct db_param[]){ DB_S(key) }, NULL) != DB_OK)
			return false;
	}
	return true;
}

/* `crowdcartctl images` fetches for longer a pass than the worker, which has other work */
#define IMAGES_FETCH_MS 20000L

long image_jobs_pass(struct db *db, struct arena *a, long fetch_budget_ms)
{
	long ready = 0;
	/* fetching waits on other hosts (a name that does not resolve costs a resolver's round trip):
	 * what does not fit in the budget waits for the next pass */
	struct lease_job fetches = { &q_fetch_due, JOB_BATCH, &q_fetch_claim, fetch_one, NULL, fetch_budget_ms };
	struct lease_job assets = { &q_asset_due, JOB_BATCH, &q_asset_claim, process_asset, &ready, 0 };
	if (db_query(db, NULL, &q_discover, NULL, NULL) != DB_OK ||
	    db_query(db, NULL, &q_discover_typed, NULL, NULL) != DB_OK || lease_pass(db, a, &fetches) < 0)
		return -1;
	/* posters before the assets, so a new poster is processed in the same pass; the folder's name
	 * outlives the pass's arena, which each batch resets */
	static char media[4096];
	const char *img = img_dir(a);
	snprintf(media, sizeof media, "%.*s", (int)(strlen(img) - 4), img);
	if (video_poster_pass(db, a, media) < 0 || lease_pass(db, a, &assets) < 0)
		return -1;
	arena_reset(a);
	bool swept = sweep(db, a);
	arena_reset(a);
	return swept ? ready : -1;
}

int ctl_images(struct db *db, int argc, char **argv)
{
	bool once = argc == 1 && strcmp(argv[0], "--once") == 0;
	if (argc > 1 || (argc == 1 && !once)) {
		fprintf(stderr, "usage: crowdcartctl images [--once]\n");
		return 2;
	}
	if (!image_jobs_ready())
		return 2;
	struct arena *a = arena_new(1 << 16);
	int rc = 0;
	for (;;) {
		long n = image_jobs_pass(db, a, IMAGES_FETCH_MS);
		if (n < 0) {
			fprintf(stderr, "crowdcartctl images: database error\n");
			rc = 1;
		} else if (n > 0)
			printf("processed %ld picture(s)\n", n);
		fflush(stdout);
		if (once)
			break;
		sleep(5);
	}
	arena_free(a);
	return rc;
}
