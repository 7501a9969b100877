/* upload_quota.c: the record of every stored upload, and the per-account limits read from it.
 * The record is written before the count, not after, so two uploads at once both see each other:
 * a race near the limit refuses, it never lets both through. */
#include <string.h>
#include "lib/config.h"
#include "domain/video/upload_quota.h"

static const struct db_stmt q_insert = {
	"INSERT INTO media_uploads (user_id, name, bytes, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	"isi", "" };
static const struct db_stmt q_usage = {
	"SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM media_uploads WHERE user_id = ?", "i", "ii" };
static const struct db_stmt q_delete = {
	"DELETE FROM media_uploads WHERE id = ?", "i", "" };

struct upload_quota_limits upload_quota_limits(void)
{
	return (struct upload_quota_limits){
		.max_files = config_int("upload_quota_files", 100, 1, 1000000),
		.max_bytes = config_int("upload_quota_mib", 1024, 16, 1024L * 1024) * 1024 * 1024,
	};
}

enum upload_quota_verdict upload_quota_judge(const struct upload_quota_limits *lim, long long files,
					     long long bytes)
{
	if (files > lim->max_files)
		return UPLOAD_QUOTA_FILES;
	if (bytes > lim->max_bytes)
		return UPLOAD_QUOTA_BYTES;
	return UPLOAD_QUOTA_OK;
}

enum db_status upload_quota_reserve(struct db *db, struct arena *a, long long user_id, const char *name,
				    long long bytes, enum upload_quota_verdict *verdict, long long *id)
{
	struct db_param p[3] = { DB_I(user_id), DB_S(name), DB_I(bytes) };
	enum db_status rc = db_query(db, NULL, &q_insert, p, NULL);
	if (rc != DB_OK)
		return rc;
	*id = (long long)db_insert_id(db);
	struct db_res res;
	rc = db_query(db, a, &q_usage, (struct db_param[]){ DB_I(user_id) }, &res);
	if (rc == DB_OK) {
		struct upload_quota_limits lim = upload_quota_limits();
		*verdict = upload_quota_judge(&lim, db_at(&res, 0, 0)->i, db_at(&res, 0, 1)->i);
	}
	if (rc == DB_OK && *verdict == UPLOAD_QUOTA_OK)
		return DB_OK;
	enum db_status del = upload_quota_release(db, *id);
	return rc != DB_OK ? rc : del;
}

enum db_status upload_quota_release(struct db *db, long long id)
{
	return db_query(db, NULL, &q_delete, (struct db_param[]){ DB_I(id) }, NULL);
}
