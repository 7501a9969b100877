/* live_moderate.c: the control panel's question forms: answer (which also marks it answered),
 * mark answered, hide, and block the asker from the session (their questions are hidden with
 * them). Each change and its events commit together; viewers see a hidden question vanish. */
#include <string.h>
#include "domain/live/live_event.h"
#include "studio/live_studio.h"
#include "web/response.h"
#include "lib/validate.h"

static const struct db_stmt q_question = {
	"SELECT viewer_key FROM live_questions WHERE id = ? AND session_id = ?", "ii", "b" };
static const struct db_stmt q_answer = {
	"UPDATE live_questions SET answer = ?, answered = 1 WHERE id = ?", "si", "" };
static const struct db_stmt q_answered = {
	"UPDATE live_questions SET answered = 1 WHERE id = ?", "i", "" };
static const struct db_stmt q_hide = {
	"UPDATE live_questions SET hidden = 1 WHERE id = ?", "i", "" };
static const struct db_stmt q_block = {
	"INSERT IGNORE INTO live_blocks (session_id, viewer_key, created_at) VALUES (?, ?, UTC_TIMESTAMP())", "ib", "" };
static const struct db_stmt q_theirs = {
	"SELECT id FROM live_questions WHERE session_id = ? AND viewer_key = ? AND hidden = 0 FOR UPDATE", "ib", "i" };

enum act { ACT_ANSWER, ACT_ANSWERED, ACT_HIDE, ACT_BLOCK };

struct mod {
	struct arena *a;
	enum act act;
	long long session_id, question_id;
	const char *answer;
	const struct db_val *key;
};

static enum db_status block_write(struct db *db, struct mod *m)
{
	struct db_res ids;
	enum db_status rc = db_query(db, NULL, &q_block, (struct db_param[]){ DB_I(m->session_id), DB_B(m->key->s, m->key->len) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, m->a, &q_theirs, (struct db_param[]){ DB_I(m->session_id), DB_B(m->key->s, m->key->len) }, &ids);
	for (size_t i = 0; rc == DB_OK && i < ids.nrows; i++) {
		rc = db_query(db, NULL, &q_hide, (struct db_param[]){ DB_I(db_at(&ids, i, 0)->i) }, NULL);
		if (rc == DB_OK)
			rc = live_event_add(db, m->a, m->session_id, "hide", db_at(&ids, i, 0)->i, NULL);
	}
	return rc;
}

static enum db_status mod_write(struct db *db, void *ctx)
{
	struct mod *m = ctx;
	enum db_status rc;
	switch (m->act) {
	case ACT_ANSWER:
		rc = db_query(db, NULL, &q_answer, (struct db_param[]){ DB_S(m->answer), DB_I(m->question_id) }, NULL);
		return rc == DB_OK ? live_event_add(db, m->a, m->session_id, "answer", m->question_id, NULL) : rc;
	case ACT_ANSWERED:
		rc = db_query(db, NULL, &q_answered, (struct db_param[]){ DB_I(m->question_id) }, NULL);
		return rc == DB_OK ? live_event_add(db, m->a, m->session_id, "answer", m->question_id, NULL) : rc;
	case ACT_HIDE:
		rc = db_query(db, NULL, &q_hide, (struct db_param[]){ DB_I(m->question_id) }, NULL);
		return rc == DB_OK ? live_event_add(db, m->a, m->session_id, "hide", m->question_id, NULL) : rc;
	case ACT_BLOCK:
		return block_write(db, m);
	}
	return DB_ERR;
}

static int moderate(struct req *r, enum act act)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	long long qid = req_id(r, "q");
	struct db_res q = { 0 };
	enum db_status rc = qid ? db_query(r->db, r->arena, &q_question, (struct db_param[]){ DB_I(qid), DB_I(o.id) }, &q) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (q.nrows == 0) {
		response_error(r, 404, "There is no such question in this session.");
		return REQ_DONE;
	}
	struct mod m = { r->arena, act, o.id, qid, req_form(r, "answer"), db_at(&q, 0, 0) };
	if (act == ACT_ANSWER && (!m.answer || !validate_has_text(m.answer))) {
		response_error(r, 422, "Type an answer first.");
		return REQ_DONE;
	}
	if ((rc = db_txn(r->db, mod_write, &m)) != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld#q-%lld", o.id, qid));
	return REQ_DONE;
}

int page_studio_live_answer(struct req *r)
{
	return moderate(r, ACT_ANSWER);
}

int page_studio_live_answered(struct req *r)
{
	return moderate(r, ACT_ANSWERED);
}

int page_studio_live_hide(struct req *r)
{
	return moderate(r, ACT_HIDE);
}

int page_studio_live_block(struct req *r)
{
	return moderate(r, ACT_BLOCK);
}
