/* live_polls.c: the control panel's polls: "POST /studio/live/{id}/polls" asks a question with 2
 * to 4 options (a new poll replaces the one shown), "POST /studio/live/{id}/polls/{q}/close"
 * stops the voting and leaves the results up. Viewers see both in their next poll's "now". */
#include "domain/live/live_event.h"
#include "studio/live_studio.h"
#include "web/response.h"
#include "lib/validate.h"

static const struct db_stmt q_insert = {
	"INSERT INTO live_polls (session_id, question, option1, option2, option3, option4, created_at)"
	" VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))", "isssss", "" };
static const struct db_stmt q_close = {
	"UPDATE live_polls SET closed_at = UTC_TIMESTAMP(3) WHERE id = ? AND session_id = ? AND closed_at IS NULL",
	"ii", "" };

struct poll {
	struct arena *a;
	long long session_id;
	const char *question, *options[LIVE_POLL_OPTIONS_MAX];
};

static enum db_status poll_write(struct db *db, void *ctx)
{
	struct poll *p = ctx;
	enum db_status rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(p->session_id), DB_S(p->question),
		DB_S(p->options[0]), DB_S(p->options[1]), DB_S(p->options[2]), DB_S(p->options[3]) }, NULL);
	if (rc != DB_OK)
		return rc;
	return live_event_add(db, p->a, p->session_id, "poll", (long long)db_insert_id(db), NULL);
}

int page_studio_live_poll(struct req *r)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	if (o.state == LIVE_ENDED) {
		response_error(r, 409, "This session has ended.");
		return REQ_DONE;
	}
	struct poll p = { .a = r->arena, .session_id = o.id, .question = req_form(r, "question") };
	if (!p.question || !validate_has_text(p.question)) {
		response_error(r, 422, "Type the poll's question.");
		return REQ_DONE;
	}
	/* Options typed with gaps close up: the first filled ones are 1, 2... */
	size_t n = 0;
	static const char *const names[] = { "option1", "option2", "option3", "option4" };
	for (size_t k = 0; k < LIVE_POLL_OPTIONS_MAX; k++) {
		const char *v = req_form(r, names[k]);
		if (v && validate_has_text(v))
			p.options[n++] = v;
	}
	if (n < 2) {
		response_error(r, 422, "A poll needs 2 to 4 options.");
		return REQ_DONE;
	}
	while (n < LIVE_POLL_OPTIONS_MAX)
		p.options[n++] = "";
	enum db_status rc = db_txn(r->db, poll_write, &p);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld#live-panel-poll", o.id));
	return REQ_DONE;
}

int page_studio_live_poll_close(struct req *r)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	enum db_status rc = db_query(r->db, NULL, &q_close, (struct db_param[]){ DB_I(req_id(r, "q")), DB_I(o.id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (db_affected(r->db) != 1) {
		response_error(r, 404, "There is no open poll with that number in this session.");
		return REQ_DONE;
	}
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld#live-panel-poll", o.id));
	return REQ_DONE;
}
