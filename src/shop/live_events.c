/* live_events.c: "GET /live/{id}/events?after=SEQ" — what live.js polls every second: the events
 * after SEQ (at most LIVE_EVENTS_MAX; further behind, "reset": reload the page), the cursor to
 * send next time and the session's state. Answers at once from the per-worker tail cache and never
 * waits for news, so a poll holds a worker for a millisecond, not a viewer's lifetime
 * (docs/LIVE.md: why short polling). Public: no session needed, the same for every viewer, and
 * no database read at all while the worker's cached tail is fresh. */
#include <stdlib.h>
#include <string.h>
#include "shop/live_tail.h"
#include "web/response.h"

static void problem(struct req *r, int status, const char *detail)
{
	json_t *o = json_pack("{s:i, s:s}", "status", status, "detail", detail);
	char *s = json_dumps(o, JSON_COMPACT);
	response_text(r, status, "application/problem+json", s ? s : "{}");
	free(s);
	json_decref(o);
}

int page_live_events(struct req *r)
{
	long long id = req_id(r, "id");
	/* after: the last seq the viewer has (0 for all); absent, only the cursor and state. */
	const char *a = req_str(r, "after");
	long long after = -1;
	if (a && *a && !req_int(r, "after", &after)) {
		problem(r, 400, "after must be a whole number");
		return REQ_DONE;
	}
	/* The answer is the same for every viewer with the same cursor, and viewers converge on the
	 * same cursor: a reverse proxy or CDN may answer a poll for a second (docs/LIVE.md, transport).
	 * Browsers do not reuse it, so a viewer's next poll always goes out. */
	response_header(r, "Cache-Control", "public, max-age=0, s-maxage=1");
	struct live_tail t = { 0 };
	enum db_status rc = id ? live_tail_get(r, id, &t) : DB_OK;
	if (rc != DB_OK) {
		problem(r, db_transient(rc) ? 503 : 500, "The live session could not be read; try again.");
		return REQ_DONE;
	}
	if (!t.found) {
		problem(r, 404, "There is no live session with that number.");
		return REQ_DONE;
	}
	const char *made = live_tail_answer(id, after);
	if (made) {
		response_text(r, 200, "application/json", made);
		return REQ_DONE;
	}
	json_t *events = json_array();
	bool reset = after >= 0 && t.full && after < t.first_seq - 1;
	if (after >= 0 && !reset) {
		size_t i;
		json_t *e;
		json_array_foreach(t.events, i, e)
			if (json_integer_value(json_object_get(e, "seq")) > after)
				json_array_append(events, e);
	}
	long long cursor = after > t.last_seq ? after : t.last_seq;
	json_t *o = json_pack("{s:I, s:s, s:b, s:o, s:O}", "seq", (json_int_t)cursor, "state", t.state,
			      "reset", reset, "events", events, "now", t.now);
	char *text = json_dumps(o, JSON_COMPACT);
	response_text(r, 200, "application/json", text ? text : "{}");
	json_decref(o);
	if (text)
		live_tail_answer_keep(id, after, text);
	return REQ_DONE;
}
