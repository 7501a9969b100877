/* live_chat.c: "POST /live/{id}/chat" — a viewer's chat message (beside the questions). Refused
 * with a clear answer when the viewer is blocked (403), the message is empty or holds a blocked
 * word (422, the same lists as questions), or comes too soon after their last one (429 with
 * Retry-After: the session's slow mode, at least LIVE_CHAT_MIN_GAP_S; counted in MariaDB under
 * the viewer's row lock, so parallel posts on other workers or nodes count too). A fresh cookie
 * per message escapes that, so the address prefixes have budgets of their own. The message and
 * its event commit together; the anonymous name is the one bound for questions. */
#include "lib/validate.h"
#include "domain/live/live_event.h"
#include "shop/live_post.h"
#include "web/response.h"

static const struct db_stmt q_bind = {
	"INSERT INTO live_viewers (session_id, viewer_key, display_name, created_at)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE display_name = display_name", "ibs", "" };
static const struct db_stmt q_name = {
	"SELECT display_name FROM live_viewers WHERE session_id = ? AND viewer_key = ? FOR UPDATE", "ib", "s" };
static const struct db_stmt q_bound = {
	"SELECT display_name FROM live_viewers WHERE session_id = ? AND viewer_key = ?", "ib", "s" };
/* Milliseconds since the viewer's last message (-1: none), and the session's slow mode. */
static const struct db_stmt q_since = {
	"SELECT COALESCE((SELECT TIMESTAMPDIFF(MICROSECOND, MAX(c.created_at), UTC_TIMESTAMP(3)) DIV 1000 FROM live_chat c"
	" WHERE c.session_id = s.id AND c.viewer_key = ?), -1), s.chat_slow_s FROM live_sessions s WHERE s.id = ?",
	"bi", "ii" };
static const struct db_stmt q_insert = {
	"INSERT INTO live_chat (session_id, viewer_key, display_name, body, created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3))",
	"ibss", "" };

/* 300 messages from one address (IPv6: /64) in ten minutes is a room of viewers chatting; a /24
 * (/48) gets four times that. */
#define LIVE_CHAT_BUDGET \
	{ ABUSE_LIMIT_HOST, 300, 600 }, { ABUSE_LIMIT_NETWORK, 1200, 600 }

struct chat {
	struct arena *a;
	long long session_id, wait_s;	/* wait_s > 0: too soon, by that many seconds */
	const uint8_t *key;
	const char *name, *text;
};

static enum db_status chat_write(struct db *db, void *ctx)
{
	struct chat *c = ctx;
	c->wait_s = 0;
	struct db_res name, since;
	enum db_status rc = db_query(db, NULL, &q_bind, (struct db_param[]){ DB_I(c->session_id), DB_B(c->key, 32), DB_S(c->name) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, c->a, &q_name, (struct db_param[]){ DB_I(c->session_id), DB_B(c->key, 32) }, &name);
	if (rc == DB_OK)
		rc = db_query(db, c->a, &q_since, (struct db_param[]){ DB_B(c->key, 32), DB_I(c->session_id) }, &since);
	if (rc != DB_OK)
		return rc;
	if (since.nrows && (c->wait_s = live_chat_wait_s(db_at(&since, 0, 1)->i, db_at(&since, 0, 0)->i)) > 0)
		return DB_CONFLICT;
	const char *bound = name.nrows ? db_at(&name, 0, 0)->s : c->name;
	rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(c->session_id), DB_B(c->key, 32), DB_S(bound), DB_S(c->text) }, NULL);
	if (rc != DB_OK)
		return rc;
	return live_event_add(db, c->a, c->session_id, "chat", (long long)db_insert_id(db), NULL);
}

int page_live_chat(struct req *r)
{
	struct live_session s;
	int st;
	if (!live_session_load(r, &s, &st))
		return st;
	if (s.state != LIVE_LIVE) {
		response_error(r, 409, "The chat is open while the session is live.");
		return REQ_DONE;
	}
	uint8_t key[32];
	if (!live_post_viewer(r, &s, key, "The host has blocked you from taking part in this session.", &st))
		return st;
	const char *text = req_form(r, "text");
	if (!live_post_text(r, &s, text, "Type a message first (up to 200 characters).", "message", &st))
		return st;
	enum db_status rc;
	struct chat c = { .a = r->arena, .session_id = s.id, .key = key, .text = text };
	if (r->sess.user_id && r->sess.user_name && *r->sess.user_name)
		c.name = r->sess.user_name;
	else {
		const char *typed = req_form(r, "name");
		struct db_res v;
		if ((rc = db_query(r->db, r->arena, &q_bound, (struct db_param[]){ DB_I(s.id), DB_B(key, 32) }, &v)) != DB_OK)
			return req_db_fail(rc);
		c.name = v.nrows ? db_at(&v, 0, 0)->s : typed && validate_has_text(typed) ? typed : NULL;
		if (!c.name) {
			response_error(r, 422, "Choose a display name to chat under.");
			return REQ_DONE;
		}
	}
	if (!live_post_budget(r, &s, "live-chat", ABUSE_GUARD_RULES(LIVE_CHAT_BUDGET), key, "messages", &st))
		return st;
	rc = db_txn(r->db, chat_write, &c);
	if (c.wait_s > 0) {
		response_header(r, "Retry-After", arena_printf(r->arena, "%lld", c.wait_s));
		return live_page_render(r, &s, 429, arena_printf(r->arena,
			"Slow mode: you can send your next message in %lld seconds.", c.wait_s));
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/live/%lld#live-chat", s.id));
	return REQ_DONE;
}
