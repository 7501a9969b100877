/* live_reminder.c: see live_reminder.h. */
#include <string.h>
#include "domain/live/live_reminder.h"
#include "domain/mail/outbox.h"
#include "lib/token.h"

static const struct db_stmt q_row = {
	"SELECT confirmed_at IS NOT NULL, unsubscribed_at IS NOT NULL,"
	" COALESCE(confirm_expires_at > UTC_TIMESTAMP(), 0) FROM live_reminders"
	" WHERE session_id = ? AND email = ? FOR UPDATE", "is", "iii" };
static const struct db_stmt q_insert = {
	"INSERT INTO live_reminders (session_id, email, created_at, confirm_hash, confirm_expires_at, unsubscribe_token)"
	" VALUES (?, ?, UTC_TIMESTAMP(), ?, UTC_TIMESTAMP() + INTERVAL 48 HOUR, ?)", "isbs", "" };
/* A row from before stop links gets one now: every mail about a reminder carries it. */
static const struct db_stmt q_renew = {
	"UPDATE live_reminders SET confirm_hash = ?, confirm_expires_at = UTC_TIMESTAMP() + INTERVAL 48 HOUR,"
	" unsubscribe_token = COALESCE(unsubscribe_token, ?), created_at = UTC_TIMESTAMP()"
	" WHERE session_id = ? AND email = ?", "bsis", "" };
_Static_assert(LIVE_REMINDER_CONFIRM_HOURS == 48, "q_insert's and q_renew's interval");
static const struct db_stmt q_stop_token = {
	"SELECT unsubscribe_token FROM live_reminders WHERE session_id = ? AND email = ?", "is", "s" };
#define LINK_COLS "r.session_id, s.title, s.state = 'scheduled', r.unsubscribed_at IS NOT NULL"
#define LINK_TYPES "isii"
static const struct db_stmt q_by_confirm = {
	"SELECT " LINK_COLS " FROM live_reminders r JOIN live_sessions s ON s.id = r.session_id"
	" WHERE r.confirm_hash = ? AND r.confirm_expires_at > UTC_TIMESTAMP() AND r.unsubscribed_at IS NULL",
	"b", LINK_TYPES };
static const struct db_stmt q_confirm = {
	"UPDATE live_reminders SET confirmed_at = UTC_TIMESTAMP(), confirm_hash = NULL, confirm_expires_at = NULL"
	" WHERE confirm_hash = ? AND confirm_expires_at > UTC_TIMESTAMP() AND unsubscribed_at IS NULL", "b", "" };
static const struct db_stmt q_by_stop = {
	"SELECT " LINK_COLS " FROM live_reminders r JOIN live_sessions s ON s.id = r.session_id"
	" WHERE r.unsubscribe_token = ?", "s", LINK_TYPES };
static const struct db_stmt q_stop = {
	"UPDATE live_reminders SET unsubscribed_at = UTC_TIMESTAMP(), confirm_hash = NULL, confirm_expires_at = NULL"
	" WHERE unsubscribe_token = ? AND unsubscribed_at IS NULL", "s", "" };

bool live_reminder_needs_mail(const struct live_reminder_row *row)
{
	if (!row->exists)
		return true;
	/* A stop is kept for good: asking again must not reach an address that said no. */
	if (row->stopped || row->confirmed)
		return false;
	return !row->link_valid;
}

static const char *confirm_mail(struct arena *a, const struct live_reminder_ask *q, const char *token,
				const char *stop)
{
	return arena_printf(a,
		"Someone asked us to email this address when %s's live session \"%s\" starts (%s UTC).\n\n"
		"To get that reminder, confirm within %d hours:\n%s/live/reminders/confirm/%s\n\n"
		"If it was not you, ignore this mail: without a confirmation nothing more is sent.\n\n"
		"Never remind this address about this session: %s/live/reminders/stop/%s\n",
		q->creator_name, q->title, q->starts_at, LIVE_REMINDER_CONFIRM_HOURS, q->base_url, token, q->base_url, stop);
}

struct ask_txn {
	struct arena *a;
	struct live_reminder_ask *q;
};

static enum db_status ask_write(struct db *db, void *ctx)
{
	struct ask_txn *t = ctx;
	struct live_reminder_ask *q = t->q;
	struct db_res res;
	enum db_status rc = db_query(db, t->a, &q_row, (struct db_param[]){ DB_I(q->session_id), DB_S(q->email) }, &res);
	if (rc != DB_OK)
		return rc;
	struct live_reminder_row row = { .exists = res.nrows > 0 };
	if (row.exists) {
		row.confirmed = db_at(&res, 0, 0)->i;
		row.stopped = db_at(&res, 0, 1)->i;
		row.link_valid = db_at(&res, 0, 2)->i;
	}
	if (!live_reminder_needs_mail(&row))
		return DB_OK;
	uint8_t tok[TOKEN_BYTES], hash[32];
	char text[TOKEN_B64_LEN + 1], stop[TOKEN_B64_LEN + 1];
	token_new(tok, text);
	token_hash(tok, hash);
	uint8_t stop_tok[TOKEN_BYTES];
	token_new(stop_tok, stop);
	const char *stop_text = stop;
	if (!row.exists) {
		rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(q->session_id), DB_S(q->email),
			DB_B(hash, 32), DB_S(stop) }, NULL);
	} else {
		struct db_res s;
		rc = db_query(db, NULL, &q_renew, (struct db_param[]){ DB_B(hash, 32), DB_S(stop), DB_I(q->session_id),
			DB_S(q->email) }, NULL);
		if (rc == DB_OK)
			rc = db_query(db, t->a, &q_stop_token, (struct db_param[]){ DB_I(q->session_id), DB_S(q->email) }, &s);
		if (rc == DB_OK)
			stop_text = s.nrows ? db_at(&s, 0, 0)->s : "";
	}
	if (rc == DB_OK)
		rc = outbox_add(db, q->email, arena_printf(t->a, "Confirm your reminder: %s", q->title),
				confirm_mail(t->a, q, text, stop_text), 0, 0);
	return rc;
}

enum db_status live_reminder_ask(struct db *db, struct arena *a, struct live_reminder_ask *q)
{
	struct ask_txn t = { a, q };
	return db_txn(db, ask_write, &t);
}

static enum db_status link_read(struct db *db, struct arena *a, const struct db_stmt *st, struct db_param p,
				struct live_reminder_link *out)
{
	memset(out, 0, sizeof *out);
	struct db_res res;
	enum db_status rc = db_query(db, a, st, (struct db_param[]){ p }, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	out->session_id = db_at(&res, 0, 0)->i;
	out->title = db_at(&res, 0, 1)->s;
	out->scheduled = db_at(&res, 0, 2)->i;
	out->stopped = db_at(&res, 0, 3)->i;
	return DB_OK;
}

/* The hash a confirmation token is stored as; false when it cannot be one we mailed. */
static bool confirm_hash(const char *token, uint8_t hash[32])
{
	uint8_t tok[TOKEN_BYTES];
	if (!token || !token_decode(token, tok))
		return false;
	token_hash(tok, hash);
	return true;
}

enum db_status live_reminder_confirm_find(struct db *db, struct arena *a, const char *token,
					  struct live_reminder_link *out)
{
	uint8_t hash[32];
	memset(out, 0, sizeof *out);
	return confirm_hash(token, hash) ? link_read(db, a, &q_by_confirm, DB_B(hash, 32), out) : DB_OK;
}

enum db_status live_reminder_confirm(struct db *db, struct arena *a, const char *token,
				     struct live_reminder_link *out)
{
	enum db_status rc = live_reminder_confirm_find(db, a, token, out);
	if (rc != DB_OK || !out->session_id)
		return rc;
	uint8_t hash[32];
	confirm_hash(token, hash);
	rc = db_query(db, NULL, &q_confirm, (struct db_param[]){ DB_B(hash, 32) }, NULL);
	if (rc == DB_OK && db_affected(db) != 1)
		out->session_id = 0;	/* used or stopped in between */
	return rc;
}

static bool stop_token_ok(const char *token)
{
	uint8_t tok[TOKEN_BYTES];
	return token && token_decode(token, tok);
}

enum db_status live_reminder_stop_find(struct db *db, struct arena *a, const char *token,
				       struct live_reminder_link *out)
{
	memset(out, 0, sizeof *out);
	return stop_token_ok(token) ? link_read(db, a, &q_by_stop, DB_S(token), out) : DB_OK;
}

enum db_status live_reminder_stop(struct db *db, struct arena *a, const char *token,
				  struct live_reminder_link *out)
{
	enum db_status rc = live_reminder_stop_find(db, a, token, out);
	if (rc != DB_OK || !out->session_id || out->stopped)
		return rc;
	rc = db_query(db, NULL, &q_stop, (struct db_param[]){ DB_S(token) }, NULL);
	if (rc == DB_OK)
		out->stopped = true;
	return rc;
}
