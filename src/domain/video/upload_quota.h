/* upload_quota.h: how many files and bytes one account may keep in the media folder (ASVS
 * 12.1.3), so a single account cannot fill the disk one 16 MiB upload at a time. */
#ifndef CC_UPLOAD_QUOTA_H
#define CC_UPLOAD_QUOTA_H
#include <stdbool.h>
#include "lib/arena.h"
#include "db/db.h"

enum upload_quota_verdict { UPLOAD_QUOTA_OK, UPLOAD_QUOTA_FILES, UPLOAD_QUOTA_BYTES };

struct upload_quota_limits {
	long long max_files, max_bytes;
};

/* From the config: upload_quota_files (default 100) and upload_quota_mib (default 1024). */
struct upload_quota_limits upload_quota_limits(void);
/* Whether an account that keeps files/bytes (this upload included) is within limits. Pure. */
enum upload_quota_verdict upload_quota_judge(const struct upload_quota_limits *lim, long long files,
					     long long bytes);
/* Records an upload of `bytes` named `name` for user_id, then counts the account's uploads with
 * it; over the limits, the record is taken back. *verdict says which; *id is the record to
 * release if the file then cannot be stored. Two uploads racing each other may both be refused
 * near the limit, never both let past it. */
enum db_status upload_quota_reserve(struct db *db, struct arena *a, long long user_id, const char *name,
				    long long bytes, enum upload_quota_verdict *verdict, long long *id) DB_MUST_CHECK;
enum db_status upload_quota_release(struct db *db, long long id) DB_MUST_CHECK;

#endif
