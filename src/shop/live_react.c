/* live_react.c: "POST /live/{id}/react" — a viewer taps a reaction (heart, fire, clap, laugh,
 * wow) while live. The worker counts the tap in memory and writes its counts per second and
 * emoji at most once a second (domain/live/live_reactions.h); everyone sees the counts of the
 * last settled seconds in the polls' "now". A tap stores no viewer, so it needs no session: the page's anonymous CSRF token
 * is enough. The answer is a 204 for live.js, a 303 back to the page for a plain form. */
#include <time.h>
#include "domain/live/live_reactions.h"
#include "shop/live_view.h"
#include "web/response.h"

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
	live_reactions_count(r->db, s.id, (long long)time(NULL), emoji);
	if (req_form(r, "js")) {
		response_text(r, 204, "text/plain", "");
		return REQ_DONE;
	}
	response_redirect(r, arena_printf(r->arena, "/live/%lld#live-reactions", s.id));
	return REQ_DONE;
}
