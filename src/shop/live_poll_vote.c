/* live_poll_vote.c: "POST /live/{id}/polls/{q}/vote" — `choice` 1-4 of an open poll, one vote
 * per viewer (the vote's primary key says so, on every node: a second is a 409). The results
 * reach everyone with the next poll's "now". Votes spend the address's budget, as question
 * votes do. */
#include "domain/live/live_event.h"
#include "shop/live_post.h"
#include "web/response.h"

static const struct db_stmt q_poll = {
	"SELECT (option3 <> '') + (option4 <> '') + 2 FROM live_polls WHERE id = ? AND session_id = ? AND closed_at IS NULL",
	"ii", "i" };
static const struct db_stmt q_vote = {
	"INSERT INTO live_poll_votes (poll_id, viewer_key, choice, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())", "ibi", "" };

#define LIVE_POLL_BUDGET \
	{ ABUSE_LIMIT_HOST, 60, 600 }, { ABUSE_LIMIT_NETWORK, 240, 600 }

int page_live_poll_vote(struct req *r)
{
	struct live_session s;
	int st;
	if (!live_session_load(r, &s, &st))
		return st;
	long long pid = req_id(r, "q"), choice = 0;
	struct db_res res = { 0 };
	enum db_status rc = pid ? db_query(r->db, r->arena, &q_poll, (struct db_param[]){ DB_I(pid), DB_I(s.id) }, &res) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (res.nrows == 0) {
		response_error(r, 404, "There is no open poll with that number in this session.");
		return REQ_DONE;
	}
	if (!req_int(r, "choice", &choice) || choice > db_at(&res, 0, 0)->i) {
		response_error(r, 422, "Choose one of the poll's options.");
		return REQ_DONE;
	}
	uint8_t key[32];
	if (!live_post_viewer(r, &s, key, "The host has blocked you from taking part in this session.", &st)
	    || !live_post_budget(r, &s, "live-poll", ABUSE_GUARD_RULES(LIVE_POLL_BUDGET), key, "votes", &st))
		return st;
	rc = db_query(r->db, NULL, &q_vote, (struct db_param[]){ DB_I(pid), DB_B(key, 32), DB_I(choice) }, NULL);
	if (rc == DB_DUP) {
		response_error(r, 409, "You have already voted in this poll.");
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/live/%lld#live-poll", s.id));
	return REQ_DONE;
}
