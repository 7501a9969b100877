/* live_event.c: one event = bump the session's last_seq, read it back, insert the row. */
#include "domain/live/live_event.h"

static const struct db_stmt q_bump = {
	"UPDATE live_sessions SET last_seq = last_seq + 1 WHERE id = ?", "i", "" };
/* FOR UPDATE reads the value this transaction just wrote, whatever the isolation level. */
static const struct db_stmt q_seq = {
	"SELECT last_seq FROM live_sessions WHERE id = ? FOR UPDATE", "i", "i" };
static const struct db_stmt q_insert = {
	"INSERT INTO live_events (session_id, seq, kind, ref_id, created_at)"
	" VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3))", "iisi", "" };

enum db_status live_event_add(struct db *db, struct arena *a, long long session_id, const char *kind,
			      long long ref_id, long long *seq)
{
	enum db_status rc = db_query(db, NULL, &q_bump, (struct db_param[]){ DB_I(session_id) }, NULL);
	struct db_res res = { 0 };
	if (rc == DB_OK)
		rc = db_query(db, a, &q_seq, (struct db_param[]){ DB_I(session_id) }, &res);
	if (rc != DB_OK)
		return rc;
	if (res.nrows == 0)
		return DB_CONFLICT;
	long long n = db_at(&res, 0, 0)->i;
	if (seq)
		*seq = n;
	return db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(session_id), DB_I(n), DB_S(kind), DB_I(ref_id) }, NULL);
}
