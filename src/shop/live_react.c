/* live_react.c: "POST /live/{id}/react" — a viewer taps a reaction (heart, fire, clap, laugh,
 * wow) while live. Each tap adds one to a per-second counter row (one of 8 shards, so a burst
 * does not queue on one row lock); everyone sees the counts of the last complete seconds in the
 * polls' "now". A tap stores no viewer, so it needs no session: the page's anonymous CSRF token
 * is enough. The answer is a 204 for live.js, a 303 back to the page for a plain form. */
#include <sodium.h>
#include "shop/live_view.h"
#include "web/response.h"

static const struct db_stmt q_add = {
	"INSERT INTO live_reactions (session_id, at_s, emoji, shard, n) VALUES (?, UTC_TIMESTAMP(), ?, ?, 1)"
	" ON DUPLICATE KEY UPDATE n = n + 1", "isi", "" };

int page_live_react(struct req *r)
{
	struct live_session s;
	int st;
	if (!live_session_load(r, &s, &st))
		return st;
	const char *emoji = req_form(r, "emoji");
	if (!live_reaction_ok(emoji)) {
		response_error(r, 422, "That is not one of this session's reactions.");
		return REQ_DONE;
	}
	if (s.state != LIVE_LIVE) {
		response_error(r, 409, "Reactions are open while the session is live.");
		return REQ_DONE;
	}
	enum db_status rc = db_query(r->db, NULL, &q_add, (struct db_param[]){ DB_I(s.id), DB_S(emoji),
		DB_I(randombytes_uniform(8)) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (req_form(r, "js")) {
		response_text(r, 204, "text/plain", "");
		return REQ_DONE;
	}
	response_redirect(r, arena_printf(r->arena, "/live/%lld#live-reactions", s.id));
	return REQ_DONE;
}
