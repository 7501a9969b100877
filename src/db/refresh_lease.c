/* refresh_lease.c: claiming a row of refresh_leases with one conditional UPDATE (Galera-safe: no
 * GET_LOCK, no LOCK TABLES), and the per-worker timer that keeps the claims to about one per
 * period per worker. */
#include "db/refresh_lease.h"

#define CLAIM "UPDATE refresh_leases SET next_at = UTC_TIMESTAMP() + INTERVAL ? SECOND," \
	" claimed_at = UTC_TIMESTAMP(6), claims = claims + 1 WHERE name = ?"
static const struct db_stmt q_claim = { CLAIM " AND next_at <= UTC_TIMESTAMP()", "is", "" };
static const struct db_stmt q_claim_early = {
	CLAIM " AND (next_at <= UTC_TIMESTAMP() OR claimed_at <= UTC_TIMESTAMP() - INTERVAL ? SECOND)", "isi", "" };
static const struct db_stmt q_left = {
	"SELECT GREATEST(0, TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), next_at)) FROM refresh_leases WHERE name = ?",
	"s", "i" };

enum db_status refresh_lease_claim(struct db *db, const char *name, long period_s, long early_gap_s, bool *won)
{
	*won = false;
	enum db_status rc = early_gap_s > 0
		? db_query(db, NULL, &q_claim_early, (struct db_param[]){ DB_I(period_s), DB_S(name), DB_I(early_gap_s) }, NULL)
		: db_query(db, NULL, &q_claim, (struct db_param[]){ DB_I(period_s), DB_S(name) }, NULL);
	if (rc == DB_OK)
		*won = db_affected(db) == 1;
	return rc;
}

enum db_status refresh_lease_left(struct db *db, struct arena *a, const char *name, long long *left)
{
	struct db_res res;
	*left = -1;
	enum db_status rc = db_query(db, a, &q_left, (struct db_param[]){ DB_S(name) }, &res);
	if (rc == DB_OK && res.nrows)
		*left = db_at(&res, 0, 0)->i;
	return rc;
}

bool refresh_lease_timer_due(const struct refresh_timer *t, long long now_ms, bool early)
{
	return now_ms >= t->next_ms || (early && now_ms >= t->next_early_ms);
}

void refresh_lease_timer_looked(struct refresh_timer *t, long long now_ms, long period_s, long long left_s,
			  long early_gap_s, unsigned jitter_ms)
{
	long long wait_s = left_s >= 0 && left_s < period_s ? left_s : period_s;
	t->next_ms = now_ms + wait_s * 1000 + jitter_ms;
	t->next_early_ms = now_ms + (long long)early_gap_s * 1000;
}
