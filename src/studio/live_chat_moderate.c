/* live_chat_moderate.c: the control panel's chat forms: hide a message, block its author (their
 * messages and questions are hidden with them, and they can no longer chat, ask or vote), and pin
 * a message above the chat (or unpin it). A hidden message is sent to viewers as a bare
 * "chat_hide", so it vanishes for everyone (docs/LIVE.md). */
#include "domain/live/live_event.h"
#include "studio/live_studio.h"
#include "web/response.h"

static const struct db_stmt q_message = {
	"SELECT viewer_key FROM live_chat WHERE id = ? AND session_id = ?", "ii", "b" };
static const struct db_stmt q_hide = {
	"UPDATE live_chat SET hidden = 1 WHERE id = ?", "i", "" };
static const struct db_stmt q_block = {
	"INSERT IGNORE INTO live_blocks (session_id, viewer_key, created_at) VALUES (?, ?, UTC_TIMESTAMP())", "ib", "" };
static const struct db_stmt q_their_chat = {
	"SELECT id FROM live_chat WHERE session_id = ? AND viewer_key = ? AND hidden = 0 FOR UPDATE", "ib", "i" };
static const struct db_stmt q_their_questions = {
	"SELECT id FROM live_questions WHERE session_id = ? AND viewer_key = ? AND hidden = 0 FOR UPDATE", "ib", "i" };
static const struct db_stmt q_hide_question = {
	"UPDATE live_questions SET hidden = 1 WHERE id = ?", "i", "" };
/* Pinning the pinned message again unpins it. */
static const struct db_stmt q_pin = {
	"UPDATE live_sessions SET pinned_chat_id = IF(pinned_chat_id = ?, 0, ?) WHERE id = ?", "iii", "" };

enum chat_act { CHAT_HIDE, CHAT_BLOCK };

struct chat_mod {
	struct arena *a;
	enum chat_act act;
	long long session_id, message_id;
	const struct db_val *key;
};

static enum db_status hide_all(struct db *db, struct chat_mod *m, const struct db_stmt *list, const struct db_stmt *hide,
			       const char *kind)
{
	struct db_res ids;
	enum db_status rc = db_query(db, m->a, list, (struct db_param[]){ DB_I(m->session_id), DB_B(m->key->s, m->key->len) }, &ids);
	for (size_t i = 0; rc == DB_OK && i < ids.nrows; i++) {
		rc = db_query(db, NULL, hide, (struct db_param[]){ DB_I(db_at(&ids, i, 0)->i) }, NULL);
		if (rc == DB_OK)
			rc = live_event_add(db, m->a, m->session_id, kind, db_at(&ids, i, 0)->i, NULL);
	}
	return rc;
}

static enum db_status mod_write(struct db *db, void *ctx)
{
	struct chat_mod *m = ctx;
	if (m->act == CHAT_HIDE) {
		enum db_status rc = db_query(db, NULL, &q_hide, (struct db_param[]){ DB_I(m->message_id) }, NULL);
		return rc == DB_OK ? live_event_add(db, m->a, m->session_id, "chat_hide", m->message_id, NULL) : rc;
	}
	enum db_status rc = db_query(db, NULL, &q_block, (struct db_param[]){ DB_I(m->session_id), DB_B(m->key->s, m->key->len) }, NULL);
	if (rc == DB_OK)
		rc = hide_all(db, m, &q_their_chat, &q_hide, "chat_hide");
	if (rc == DB_OK)
		rc = hide_all(db, m, &q_their_questions, &q_hide_question, "hide");
	return rc;
}

/* The message `q` of the creator's session: false with *st what to answer. */
static bool message_of(struct req *r, struct live_own *o, struct db_res *msg, int *st)
{
	if (!live_owned(r, o, st))
		return false;
	long long mid = req_id(r, "q");
	enum db_status rc = mid ? db_query(r->db, r->arena, &q_message, (struct db_param[]){ DB_I(mid), DB_I(o->id) }, msg) : DB_OK;
	if (rc != DB_OK) {
		*st = req_db_fail(rc);
		return false;
	}
	if (!mid || msg->nrows == 0) {
		response_error(r, 404, "There is no such chat message in this session.");
		*st = REQ_DONE;
		return false;
	}
	return true;
}

static int moderate(struct req *r, enum chat_act act)
{
	struct live_own o;
	struct db_res msg = { 0 };
	int st;
	if (!message_of(r, &o, &msg, &st))
		return st;
	struct chat_mod m = { r->arena, act, o.id, req_id(r, "q"), db_at(&msg, 0, 0) };
	enum db_status rc = db_txn(r->db, mod_write, &m);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld#live-panel-chat", o.id));
	return REQ_DONE;
}

int page_studio_live_chat_hide(struct req *r)
{
	return moderate(r, CHAT_HIDE);
}

int page_studio_live_chat_block(struct req *r)
{
	return moderate(r, CHAT_BLOCK);
}

int page_studio_live_chat_pin(struct req *r)
{
	struct live_own o;
	struct db_res msg = { 0 };
	int st;
	if (!message_of(r, &o, &msg, &st))
		return st;
	long long mid = req_id(r, "q");
	enum db_status rc = db_query(r->db, NULL, &q_pin, (struct db_param[]){ DB_I(mid), DB_I(mid), DB_I(o.id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld#live-panel-chat", o.id));
	return REQ_DONE;
}
