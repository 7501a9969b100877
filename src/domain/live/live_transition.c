/* live_transition.c: a session's state change with its event and, going live, its reminders. */
#include <string.h>
#include "lib/config.h"
#include "domain/live/live_event.h"
#include "domain/live/live_transition.h"

static const struct db_stmt q_state = {
	"UPDATE live_sessions SET state = ?, started_at = IF(? = 'live', UTC_TIMESTAMP(3), started_at),"
	" ended_at = IF(? = 'ended', UTC_TIMESTAMP(3), ended_at) WHERE id = ? AND state = ?", "sssis", "" };
/* The outbox holds no send-after time, so reminders are queued when the session goes live: only
 * those whose address confirmed them and did not stop them (domain/live/live_reminder.h). The
 * stop link is also List-Unsubscribe: its POST needs no session (shop/main.c). */
static const struct db_stmt q_remind_mail = {
	"INSERT INTO outbox (to_addr, kind, unsubscribe_url, subject, body_text, created_at)"
	" SELECT r.email, 'reminder', CONCAT(?, '/live/reminders/stop/', r.unsubscribe_token), CONCAT('Live now: ', s.title),"
	" CONCAT(c.display_name, ' is live now: ', s.title, '\\n\\nWatch and shop: ', ?, '/live/', s.id, '\\n\\n',"
	" 'You asked to be reminded about this session; this is the only mail about it.\\n',"
	" 'Unsubscribe: ', ?, '/live/reminders/stop/', r.unsubscribe_token, '\\n'), UTC_TIMESTAMP()"
	" FROM live_reminders r JOIN live_sessions s ON s.id = r.session_id JOIN creators c ON c.id = s.creator_id"
	" WHERE r.session_id = ? AND r.queued_at IS NULL AND r.confirmed_at IS NOT NULL AND r.unsubscribed_at IS NULL",
	"sssi", "" };
static const struct db_stmt q_reminded = {
	"UPDATE live_reminders SET queued_at = UTC_TIMESTAMP() WHERE session_id = ? AND queued_at IS NULL", "i", "" };

struct change {
	struct arena *a;
	long long id;
	const char *from, *to;
};

static enum db_status write_change(struct db *db, void *ctx)
{
	struct change *c = ctx;
	enum db_status rc = db_query(db, NULL, &q_state, (struct db_param[]){ DB_S(c->to), DB_S(c->to), DB_S(c->to),
		DB_I(c->id), DB_S(c->from) }, NULL);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) != 1)
		return DB_CONFLICT;
	if (strcmp(c->to, "live") == 0) {
		const char *base = config_str("base_url", "");
		rc = db_query(db, NULL, &q_remind_mail, (struct db_param[]){ DB_S(base), DB_S(base), DB_S(base), DB_I(c->id) }, NULL);
		if (rc == DB_OK)
			rc = db_query(db, NULL, &q_reminded, (struct db_param[]){ DB_I(c->id) }, NULL);
		if (rc != DB_OK)
			return rc;
	}
	return live_event_add(db, c->a, c->id, "state", 0, NULL);
}

enum db_status live_transition(struct db *db, struct arena *a, long long id, enum live_state from,
			       enum live_state to)
{
	struct change c = { a, id, live_state_name(from), live_state_name(to) };
	return db_txn(db, write_change, &c);
}
