/* live_panel.c: "/studio/live/{id}" — the creator's control panel: go live / end, pin a lineup
 * product (with the pin history), the questions by votes then time with answer, mark answered,
 * hide and block, and the session's replay address and blocked words. Plain POST forms that
 * come back here; static/js/live-studio.js refreshes the questions when viewers ask or vote. */
#include <stdio.h>
#include "web/layout.h"
#include "web/response.h"
#include "studio/live_stream.h"

static const struct db_stmt q_owned = {
	"SELECT s.creator_id, s.state, c.handle FROM live_sessions s JOIN creators c ON c.id = s.creator_id"
	" WHERE s.id = ? AND c.user_id = ?", "ii", "iss" };
static const struct db_stmt q_session = {
	"SELECT title, DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i'), stream_url, replay_url, blocked_words, last_seq,"
	" COALESCE(CAST(UNIX_TIMESTAMP(started_at) * 1000 AS SIGNED), 0),"
	" (SELECT COUNT(*) FROM live_reminders r WHERE r.session_id = s.id AND r.confirmed_at IS NOT NULL"
	" AND r.unsubscribed_at IS NULL), chat_slow_s, pinned_chat_id"
	" FROM live_sessions s WHERE id = ?", "i", "sssssiiiii" };
/* The current pins, first shown first, with a running deal's end (0: none). */
static const struct db_stmt q_current = {
	"SELECT pn.id, p.id, p.title, COALESCE((SELECT DATE_FORMAT(MAX(d.ends_at), '%H:%i:%s') FROM live_deals d"
	" WHERE d.session_id = pn.session_id AND d.product_id = p.id AND d.ends_at > UTC_TIMESTAMP(3)), '')"
	" FROM live_pins pn JOIN products p ON p.id = pn.product_id WHERE pn.session_id = ? AND pn.unpinned_at IS NULL"
	" ORDER BY pn.slot DESC, pn.id DESC", "i", "iiss" };
static const struct db_stmt q_chat = {
	"SELECT id, display_name, body, hidden, DATE_FORMAT(created_at, '%H:%i:%s') FROM live_chat"
	" WHERE session_id = ? ORDER BY created_at DESC, id DESC LIMIT 200", "i", "issis" };
static const struct db_stmt q_poll = {
	"SELECT id, question, closed_at IS NOT NULL FROM live_polls WHERE session_id = ?"
	" ORDER BY created_at DESC, id DESC LIMIT 1", "i", "isi" };
static const struct db_stmt q_lineup = {
	"SELECT p.id, p.title FROM live_lineup l JOIN products p ON p.id = l.product_id"
	" WHERE l.session_id = ? ORDER BY l.position, l.product_id", "i", "is" };
static const struct db_stmt q_pins = {
	"SELECT p.id, p.title, DATE_FORMAT(pn.pinned_at, '%H:%i:%s'), CAST(UNIX_TIMESTAMP(pn.pinned_at) * 1000 AS SIGNED)"
	" FROM live_pins pn JOIN products p ON p.id = pn.product_id WHERE pn.session_id = ?"
	" ORDER BY pn.pinned_at DESC, pn.id DESC LIMIT 200", "i", "issi" };
static const struct db_stmt q_questions = {
	"SELECT id, display_name, body, votes, answer, answered, hidden, DATE_FORMAT(created_at, '%H:%i:%s')"
	" FROM live_questions WHERE session_id = ? ORDER BY hidden, votes DESC, created_at, id LIMIT 500",
	"i", "issisiis" };

bool live_owned(struct req *r, struct live_own *o, int *st)
{
	*st = REQ_DONE;
	o->id = req_id(r, "id");
	struct db_res res = { 0 };
	enum db_status rc = o->id ? db_query(r->db, r->arena, &q_owned,
				(struct db_param[]){ DB_I(o->id), DB_I(r->sess.user_id) }, &res) : DB_OK;
	if (rc != DB_OK) {
		*st = req_db_fail(rc);
		return false;
	}
	if (res.nrows == 0) {
		response_error(r, 404, "You have no live session with that number.");
		return false;
	}
	o->creator_id = db_at(&res, 0, 0)->i;
	o->state = live_state_parse(db_at(&res, 0, 1)->s);
	o->handle = db_at(&res, 0, 2)->s;
	return true;
}

static void questions(tmpl_dict *d, long long id, const struct db_res *q)
{
	for (size_t i = 0; i < q->nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "QUESTIONS");
		tmpl_set_int(e, "ID", db_at(q, i, 0)->i);
		tmpl_set_int(e, "LIVE", id);
		tmpl_set(e, "NAME", db_at(q, i, 1)->s);
		tmpl_set(e, "TEXT", db_at(q, i, 2)->s);
		tmpl_set_int(e, "VOTES", db_at(q, i, 3)->i);
		tmpl_set(e, "AT", db_at(q, i, 7)->s);
		if (*db_at(q, i, 4)->s)
			tmpl_set(tmpl_add(e, "ANSWER"), "TEXT", db_at(q, i, 4)->s);
		if (db_at(q, i, 6)->i) {
			tmpl_show(e, "HIDDEN");
			continue;
		}
		tmpl_dict *a = tmpl_add(e, "ACTIONS");
		tmpl_set_int(a, "LIVE", id);
		tmpl_set_int(a, "ID", db_at(q, i, 0)->i);
		tmpl_set_int(a, "MAX", LIVE_ANSWER_MAX);
		if (db_at(q, i, 5)->i)
			tmpl_show(e, "ANSWERED");
		else
			tmpl_set_int(tmpl_add(a, "MARK"), "ID", db_at(q, i, 0)->i);
	}
	if (q->nrows == 0)
		tmpl_show(d, "NO_QUESTIONS");
}

/* Current pins with unpin, move up and the flash-deal form; the chat with its moderation; the
 * poll form and the open poll's close button. */
static void session_controls(struct req *r, tmpl_dict *d, const struct live_own *o, const struct db_res *cur,
			     const struct db_res *chat, const struct db_res *poll, long long pinned_chat)
{
	for (size_t i = 0; i < cur->nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "CURRENT");
		tmpl_set_int(e, "LIVE", o->id);
		tmpl_set_int(e, "PIN", db_at(cur, i, 0)->i);
		tmpl_set_int(e, "PRODUCT", db_at(cur, i, 1)->i);
		tmpl_set(e, "TITLE", db_at(cur, i, 2)->s);
		if (i > 0)
			tmpl_set_int(tmpl_add(e, "UP"), "PIN", db_at(cur, i, 0)->i);
		if (*db_at(cur, i, 3)->s)
			tmpl_set(tmpl_add(e, "DEAL_RUNNING"), "UNTIL", db_at(cur, i, 3)->s);
		else if (o->state == LIVE_LIVE)
			tmpl_set_int(tmpl_add(e, "DEAL_FORM"), "PRODUCT", db_at(cur, i, 1)->i);
	}
	if (cur->nrows == 0)
		tmpl_show(d, "NO_CURRENT");
	for (size_t i = 0; i < chat->nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "CHAT");
		tmpl_set_int(e, "ID", db_at(chat, i, 0)->i);
		tmpl_set_int(e, "LIVE", o->id);
		tmpl_set(e, "NAME", db_at(chat, i, 1)->s);
		tmpl_set(e, "TEXT", db_at(chat, i, 2)->s);
		tmpl_set(e, "AT", db_at(chat, i, 4)->s);
		if (db_at(chat, i, 3)->i)
			tmpl_show(e, "HIDDEN");
		else {
			tmpl_dict *a = tmpl_add(e, "ACTIONS");
			tmpl_set_int(a, "LIVE", o->id);
			tmpl_set_int(a, "ID", db_at(chat, i, 0)->i);
			tmpl_set(a, "PIN_LABEL", db_at(chat, i, 0)->i == pinned_chat ? "Unpin" : "Pin");
		}
	}
	if (chat->nrows == 0)
		tmpl_show(d, "NO_CHAT");
	if (o->state != LIVE_ENDED)
		tmpl_set_int(tmpl_add(d, "POLL_FORM"), "LIVE", o->id);
	if (poll->nrows) {
		tmpl_dict *p = tmpl_add(d, "POLL");
		tmpl_set(p, "QUESTION", db_at(poll, 0, 1)->s);
		if (!db_at(poll, 0, 2)->i) {
			tmpl_dict *c = tmpl_add(p, "CLOSE");
			tmpl_set_int(c, "LIVE", o->id);
			tmpl_set_int(c, "ID", db_at(poll, 0, 0)->i);
		} else
			tmpl_show(p, "CLOSED");
	}
}

int page_studio_live_panel(struct req *r)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	struct db_res s, lineup, pins, qs, cur, chat, poll;
	enum db_status rc = db_query(r->db, r->arena, &q_session, (struct db_param[]){ DB_I(o.id) }, &s);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_lineup, (struct db_param[]){ DB_I(o.id) }, &lineup);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_pins, (struct db_param[]){ DB_I(o.id) }, &pins);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_questions, (struct db_param[]){ DB_I(o.id) }, &qs);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_current, (struct db_param[]){ DB_I(o.id) }, &cur);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_chat, (struct db_param[]){ DB_I(o.id) }, &chat);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_poll, (struct db_param[]){ DB_I(o.id) }, &poll);
	if (rc != DB_OK || s.nrows == 0)
		return req_db_fail(rc == DB_OK ? DB_ERR : rc);
	tmpl_dict *d = layout_begin(r, "studio_live_panel.tpl", db_at(&s, 0, 0)->s);
	tmpl_set_int(d, "LIVE", o.id);
	tmpl_set_int(d, "SEQ", db_at(&s, 0, 5)->i);
	tmpl_set(d, "TITLE", db_at(&s, 0, 0)->s);
	tmpl_set(d, "STARTS", db_at(&s, 0, 1)->s);
	tmpl_set(d, "STREAM_URL", db_at(&s, 0, 2)->s);
	tmpl_set(d, "REPLAY_URL", db_at(&s, 0, 3)->s);
	tmpl_set(d, "BLOCKED_WORDS", db_at(&s, 0, 4)->s);
	tmpl_set_int(d, "REMINDERS", db_at(&s, 0, 7)->i);
	tmpl_set_int(d, "CHAT_SLOW_S", db_at(&s, 0, 8)->i);
	tmpl_set_int(d, "CHAT_SLOW_MAX", LIVE_CHAT_SLOW_MAX);
	session_controls(r, d, &o, &cur, &chat, &poll, db_at(&s, 0, 9)->i);
	tmpl_set(d, "STATE", live_state_name(o.state));
	if (o.state == LIVE_SCHEDULED)
		tmpl_set_int(tmpl_add(d, "GO_LIVE"), "LIVE", o.id);
	else if (o.state == LIVE_LIVE)
		tmpl_set_int(tmpl_add(d, "END"), "LIVE", o.id);
	for (size_t i = 0; i < lineup.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "LINEUP");
		tmpl_set(e, "TITLE", db_at(&lineup, i, 1)->s);
		bool pinned = false;
		for (size_t k = 0; k < cur.nrows; k++)
			pinned |= db_at(&cur, k, 1)->i == db_at(&lineup, i, 0)->i;
		if (pinned)
			tmpl_show(e, "PINNED");
		else if (o.state == LIVE_LIVE) {
			tmpl_dict *p = tmpl_add(e, "PIN");
			tmpl_set_int(p, "LIVE", o.id);
			tmpl_set_int(p, "PRODUCT", db_at(&lineup, i, 0)->i);
		}
	}
	long long started = db_at(&s, 0, 6)->i;
	for (size_t i = 0; i < pins.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "PINS");
		char at[24];
		live_offset_text(live_offset_s(db_at(&pins, i, 3)->i, started), at, sizeof at);
		tmpl_set(e, "TITLE", db_at(&pins, i, 1)->s);
		tmpl_set(e, "TIME", db_at(&pins, i, 2)->s);
		tmpl_set(e, "OFFSET", at);
	}
	if (pins.nrows == 0)
		tmpl_show(d, "NO_PINS");
	questions(d, o.id, &qs);
	if ((rc = live_stream_box(r, d, &o)) != DB_OK)
		return req_db_fail(rc);
	layout_end(r, 200);
	return REQ_DONE;
}
