/* live_ask.c: "POST /live/{id}/ask" — a viewer's question. Refused with a clear page when the
 * viewer is blocked (403), the question is empty or holds a blocked word (422, the configured
 * live_blocked_words plus the session's own list), or the viewer asks too fast (429: one per
 * LIVE_RATE_SHORT_S seconds, LIVE_RATE_LONG_N per minute, counted in MariaDB under the viewer's
 * row lock so parallel posts on other workers or nodes count too; Retry-After and the page shown
 * again with the message). A fresh cookie per question
 * escapes that, so the viewer's address prefixes have budgets of their own (LIVE_ASK_BUDGET, also
 * 429, with the page shown again). The question and its event commit together. */
#include "domain/live/live_event.h"
#include "shop/live_post.h"
#include "web/response.h"
#include "lib/validate.h"

static const struct db_stmt q_bind = {
	"INSERT INTO live_viewers (session_id, viewer_key, display_name, created_at)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE display_name = display_name", "ibs", "" };
static const struct db_stmt q_name = {
	"SELECT display_name FROM live_viewers WHERE session_id = ? AND viewer_key = ? FOR UPDATE", "ib", "s" };
static const struct db_stmt q_recent = {
	"SELECT COALESCE(SUM(created_at > UTC_TIMESTAMP(3) - INTERVAL 10 SECOND), 0), COUNT(*) FROM live_questions"
	" WHERE session_id = ? AND viewer_key = ? AND created_at > UTC_TIMESTAMP(3) - INTERVAL 60 SECOND", "ib", "ii" };
_Static_assert(LIVE_RATE_SHORT_S == 10 && LIVE_RATE_LONG_S == 60, "q_recent's intervals");
static const struct db_stmt q_insert = {
	"INSERT INTO live_questions (session_id, viewer_key, display_name, body, created_at)"
	" VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3))", "ibss", "" };

/* Thirty questions from one address (IPv6: /64) in ten minutes is thirty people on an office or
 * carrier address asking one each; a /24 (/48) gets four times that. */
#define LIVE_ASK_BUDGET \
	{ ABUSE_LIMIT_HOST, 30, 600 }, { ABUSE_LIMIT_NETWORK, 120, 600 }

struct ask {
	struct arena *a;
	long long session_id, question_id;
	const uint8_t *key;
	const char *name, *text;
	bool too_fast;
	long long wait_s;	/* when too fast: until the window that refused has room again */
};

static enum db_status ask_write(struct db *db, void *ctx)
{
	struct ask *q = ctx;
	q->too_fast = false;
	struct db_res name, recent;
	/* The viewer's row is the lock that serialises their questions; its name, once bound, stays. */
	enum db_status rc = db_query(db, NULL, &q_bind, (struct db_param[]){ DB_I(q->session_id), DB_B(q->key, 32), DB_S(q->name) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, q->a, &q_name, (struct db_param[]){ DB_I(q->session_id), DB_B(q->key, 32) }, &name);
	if (rc == DB_OK)
		rc = db_query(db, q->a, &q_recent, (struct db_param[]){ DB_I(q->session_id), DB_B(q->key, 32) }, &recent);
	if (rc != DB_OK)
		return rc;
	if (!live_rate_ok(db_at(&recent, 0, 0)->i, db_at(&recent, 0, 1)->i)) {
		q->too_fast = true;
		q->wait_s = db_at(&recent, 0, 1)->i >= LIVE_RATE_LONG_N ? LIVE_RATE_LONG_S : LIVE_RATE_SHORT_S;
		return DB_CONFLICT;
	}
	const char *bound = name.nrows ? db_at(&name, 0, 0)->s : q->name;
	rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(q->session_id), DB_B(q->key, 32), DB_S(bound), DB_S(q->text) }, NULL);
	if (rc != DB_OK)
		return rc;
	q->question_id = (long long)db_insert_id(db);
	return live_event_add(db, q->a, q->session_id, "question", q->question_id, NULL);
}

/* The name a question is asked under: the account's, else the one typed (the bound one wins in
 * the transaction). NULL if an anonymous viewer typed none. */
static const char *asker_name(struct req *r)
{
	if (r->sess.user_id && r->sess.user_name && *r->sess.user_name)
		return r->sess.user_name;
	const char *n = req_form(r, "name");
	return n && validate_has_text(n) ? n : NULL;
}

int page_live_ask(struct req *r)
{
	struct live_session s;
	int st;
	if (!live_session_load(r, &s, &st))
		return st;
	if (s.state == LIVE_ENDED) {
		response_error(r, 409, "This live session has ended; questions are closed.");
		return REQ_DONE;
	}
	uint8_t key[32];
	if (!live_post_viewer(r, &s, key, "The host has blocked you from asking questions in this session.", &st))
		return st;
	const char *text = req_form(r, "text");
	if (!live_post_text(r, &s, text, "Type your question first (up to 280 characters).", "question", &st))
		return st;
	enum db_status rc;
	struct ask q = { .a = r->arena, .session_id = s.id, .key = key, .name = asker_name(r), .text = text };
	if (!q.name) {
		/* A name typed once is bound to the session; later questions need not repeat it. */
		struct db_res v;
		static const struct db_stmt q_bound = {
			"SELECT display_name FROM live_viewers WHERE session_id = ? AND viewer_key = ?", "ib", "s" };
		rc = db_query(r->db, r->arena, &q_bound, (struct db_param[]){ DB_I(s.id), DB_B(key, 32) }, &v);
		if (rc != DB_OK)
			return req_db_fail(rc);
		if (v.nrows == 0) {
			response_error(r, 422, "Choose a display name to ask under.");
			return REQ_DONE;
		}
		q.name = db_at(&v, 0, 0)->s;
	}
	if (!live_post_budget(r, &s, "live-ask", ABUSE_GUARD_RULES(LIVE_ASK_BUDGET), key, "questions", &st))
		return st;
	rc = db_txn(r->db, ask_write, &q);
	if (q.too_fast) {
		response_header(r, "Retry-After", arena_printf(r->arena, "%lld", q.wait_s));
		return live_page_render(r, &s, 429, "You are asking too fast: one question every 10 seconds and at most 5 a minute. Please wait a moment and ask again.");
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/live/%lld#q-%lld", s.id, q.question_id));
	return REQ_DONE;
}
