/* live_vote.c: "POST /live/{id}/questions/{q}/vote" — one upvote per viewer and question (the
 * vote's primary key says so, on every node); the count and its event commit with the vote. A
 * fresh cookie per vote would make a new viewer each time, so votes also spend budgets of the
 * viewer's address prefixes (429, the page shown again). */
#include "domain/live/live_event.h"
#include "shop/live_post.h"
#include "web/response.h"

static const struct db_stmt q_question = {
	"SELECT 1 FROM live_questions WHERE id = ? AND session_id = ? AND hidden = 0", "ii", "i" };
static const struct db_stmt q_vote = {
	"INSERT INTO live_question_votes (question_id, viewer_key, created_at) VALUES (?, ?, UTC_TIMESTAMP())", "ib", "" };
static const struct db_stmt q_count = {
	"UPDATE live_questions SET votes = votes + 1 WHERE id = ?", "i", "" };

/* Sixty votes from one address (IPv6: /64) in ten minutes: a room of viewers upvoting several
 * questions each; a /24 (/48) gets four times that. */
#define LIVE_VOTE_BUDGET \
	{ ABUSE_LIMIT_HOST, 60, 600 }, { ABUSE_LIMIT_NETWORK, 240, 600 }

struct vote {
	struct arena *a;
	long long session_id, question_id;
	const uint8_t *key;
};

static enum db_status vote_write(struct db *db, void *ctx)
{
	struct vote *v = ctx;
	enum db_status rc = db_query(db, NULL, &q_vote, (struct db_param[]){ DB_I(v->question_id), DB_B(v->key, 32) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_count, (struct db_param[]){ DB_I(v->question_id) }, NULL);
	if (rc == DB_OK)
		rc = live_event_add(db, v->a, v->session_id, "vote", v->question_id, NULL);
	return rc;
}

int page_live_vote(struct req *r)
{
	struct live_session s;
	int st;
	if (!live_session_load(r, &s, &st))
		return st;
	long long qid = req_id(r, "q");
	struct db_res res = { 0 };
	enum db_status rc = qid ? db_query(r->db, r->arena, &q_question, (struct db_param[]){ DB_I(qid), DB_I(s.id) }, &res) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (res.nrows == 0) {
		response_error(r, 404, "There is no such question in this session.");
		return REQ_DONE;
	}
	uint8_t key[32];
	if (!live_post_viewer(r, &s, key, "The host has blocked you from taking part in this session.", &st)
	    || !live_post_budget(r, &s, "live-vote", ABUSE_GUARD_RULES(LIVE_VOTE_BUDGET), key, "votes", &st))
		return st;
	struct vote v = { r->arena, s.id, qid, key };
	rc = db_txn(r->db, vote_write, &v);
	if (rc == DB_DUP) {
		response_error(r, 409, "You have already voted for this question.");
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/live/%lld#q-%lld", s.id, qid));
	return REQ_DONE;
}
