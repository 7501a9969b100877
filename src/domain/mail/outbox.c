/* outbox.c: queue mail with the transaction that causes it; hand due mail to the sender and record
 * what became of each attempt. */
#include <string.h>
#include "domain/mail/outbox.h"

#define OUTBOX_RETRY_MAX_SECONDS 86400

static const struct db_stmt q_add = {
	"INSERT INTO outbox (to_addr, subject, body_text, checkout_id, order_id, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())", "sssii", "" };
static const struct db_stmt q_due = {
	"SELECT id FROM outbox WHERE status = 'pending'"
	" AND (next_attempt_at IS NULL OR next_attempt_at <= UTC_TIMESTAMP())"
	" ORDER BY created_at, id LIMIT ?", "i", "i" };
static const struct db_stmt q_due_to = {
	"SELECT o.id FROM outbox o LEFT JOIN users u ON u.id = o.to_user_id WHERE o.status = 'pending'"
	" AND (o.to_addr = ? OR u.email = ?)"
	" AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= UTC_TIMESTAMP())"
	" ORDER BY o.created_at, o.id LIMIT ?", "ssi", "i" };
/* The claim: only the sender whose update lands owns the mail for the next ten minutes. */
static const struct db_stmt q_claim = {
	"UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP() + INTERVAL 600 SECOND"
	" WHERE id = ? AND status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= UTC_TIMESTAMP())",
	"i", "" };
/* A notice names its account, whose address is read now (notify.h); a deleted account has none,
 * and its mail dies as not addressed. */
static const struct db_stmt q_load = {
	"SELECT IF(o.to_user_id IS NULL, o.to_addr, COALESCE(u.email, '')), o.subject, o.body_text, o.attempts,"
	" UNIX_TIMESTAMP(o.created_at), IF(o.kind = 'transactional', '', COALESCE(o.unsubscribe_url, '')), o.calendar_ics"
	" FROM outbox o LEFT JOIN users u ON u.id = o.to_user_id WHERE o.id = ?", "i", "sssiiss" };
static const struct db_stmt q_sent = {
	"UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = UTC_TIMESTAMP(),"
	" next_attempt_at = NULL, last_error = '' WHERE id = ? AND status = 'pending'", "i", "" };
/* MariaDB assigns left to right, so status and the delay see attempts already counted. */
static const struct db_stmt q_retry = {
	"UPDATE outbox SET attempts = attempts + 1, last_error = LEFT(?, 255),"
	" status = IF(attempts >= ?, 'dead', 'pending'),"
	" next_attempt_at = UTC_TIMESTAMP() + INTERVAL LEAST(? * POW(2, attempts - 1), ?) SECOND"
	" WHERE id = ? AND status = 'pending'", "siiii", "" };
static const struct db_stmt q_dead = {
	"UPDATE outbox SET attempts = attempts + 1, last_error = LEFT(?, 255), status = 'dead', next_attempt_at = NULL"
	" WHERE id = ? AND status = 'pending'", "si", "" };
static const struct db_stmt q_revive = {
	"UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL WHERE id = ? AND status = 'dead'",
	"i", "" };
static const struct db_stmt q_dead_count = {
	"SELECT COUNT(*) FROM outbox WHERE status = 'dead'", "", "i" };
static const struct db_stmt q_dead_list = {
	"SELECT o.id, IF(o.to_user_id IS NULL, o.to_addr, COALESCE(u.email, '')), o.subject, o.attempts, o.last_error,"
	" o.created_at FROM outbox o LEFT JOIN users u ON u.id = o.to_user_id WHERE o.status = 'dead'"
	" ORDER BY o.created_at DESC, o.id DESC LIMIT ?", "i", "ississ" };

enum db_status outbox_add(struct db *db, const char *to, const char *subject, const char *body,
			  long long checkout_id, long long order_id)
{
	struct db_param p[] = {
		DB_S(to), DB_S(subject), DB_S(body),
		checkout_id ? DB_I(checkout_id) : DB_NULL, order_id ? DB_I(order_id) : DB_NULL,
	};
	return db_query(db, NULL, &q_add, p, NULL);
}

enum db_status outbox_claim_due(struct db *db, struct arena *a, const char *to, long max, struct outbox_mail **out,
			       size_t *n)
{
	struct db_res due;
	*n = 0;
	enum db_status rc = to ? db_query(db, a, &q_due_to, (struct db_param[]){ DB_S(to), DB_S(to), DB_I(max) }, &due)
			       : db_query(db, a, &q_due, (struct db_param[]){ DB_I(max) }, &due);
	if (rc != DB_OK)
		return rc;
	*out = arena_alloc(a, (due.nrows ? due.nrows : 1) * sizeof **out);
	for (size_t i = 0; i < due.nrows; i++) {
		long long id = db_at(&due, i, 0)->i;
		if ((rc = db_query(db, NULL, &q_claim, (struct db_param[]){ DB_I(id) }, NULL)) != DB_OK)
			return rc;
		if (db_affected(db) != 1)
			continue;	/* another sender took it */
		struct db_res m;
		if ((rc = db_query(db, a, &q_load, (struct db_param[]){ DB_I(id) }, &m)) != DB_OK)
			return rc;
		if (m.nrows != 1)
			continue;
		(*out)[(*n)++] = (struct outbox_mail){
			.id = id, .to = db_at(&m, 0, 0)->s, .subject = db_at(&m, 0, 1)->s, .body = db_at(&m, 0, 2)->s,
			.attempts = (long)db_at(&m, 0, 3)->i, .created = db_at(&m, 0, 4)->i,
			.unsubscribe_url = db_at(&m, 0, 5)->s,
			.calendar = db_at(&m, 0, 6)->null ? NULL : db_at(&m, 0, 6)->s,
		};
	}
	return DB_OK;
}

enum db_status outbox_mark_sent(struct db *db, long long id)
{
	return db_query(db, NULL, &q_sent, (struct db_param[]){ DB_I(id) }, NULL);
}

enum db_status outbox_mark_retry(struct db *db, long long id, const char *error, long retry_seconds)
{
	return db_query(db, NULL, &q_retry, (struct db_param[]){ DB_S(error), DB_I(OUTBOX_MAX_ATTEMPTS),
		DB_I(retry_seconds), DB_I(OUTBOX_RETRY_MAX_SECONDS), DB_I(id) }, NULL);
}

enum db_status outbox_mark_dead(struct db *db, long long id, const char *error)
{
	return db_query(db, NULL, &q_dead, (struct db_param[]){ DB_S(error), DB_I(id) }, NULL);
}

enum db_status outbox_revive(struct db *db, long long id, bool *revived)
{
	enum db_status rc = db_query(db, NULL, &q_revive, (struct db_param[]){ DB_I(id) }, NULL);
	*revived = rc == DB_OK && db_affected(db) == 1;
	return rc;
}

long outbox_dead_count(struct db *db)
{
	struct arena *a = arena_new(1024);
	struct db_res res;
	long n = db_query(db, a, &q_dead_count, NULL, &res) == DB_OK && res.nrows == 1 ? (long)db_at(&res, 0, 0)->i : -1;
	arena_free(a);
	return n;
}

enum db_status outbox_dead_list(struct db *db, struct arena *a, long max, struct db_res *res)
{
	return db_query(db, a, &q_dead_list, (struct db_param[]){ DB_I(max) }, res);
}
