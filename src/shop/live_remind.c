/* live_remind.c: "POST /live/{id}/remind" — "remind me" before a session starts: one reminder per
 * address and session (primary key), queued into the outbox when the creator goes live (the
 * outbox has no send-after); and "POST /live/{id}/cart", the cart's own add from a live page. */
#include "shop/live_view.h"
#include "web/response.h"
#include "lib/validate.h"

static const struct db_stmt q_remind = {
	"INSERT INTO live_reminders (session_id, email, created_at) VALUES (?, ?, UTC_TIMESTAMP())", "is", "" };

int page_live_remind(struct req *r)
{
	struct live_session s;
	int st;
	if (!live_session_load(r, &s, &st))
		return st;
	const char *email = req_form(r, "email");
	if (!email || !validate_email(email)) {
		response_error(r, 422, "Enter a valid email address, like name@example.com.");
		return REQ_DONE;
	}
	if (s.state != LIVE_SCHEDULED) {
		response_error(r, 409, "This session has already started: watch it now.");
		return REQ_DONE;
	}
	enum db_status rc = db_query(r->db, NULL, &q_remind, (struct db_param[]){ DB_I(s.id), DB_S(email) }, NULL);
	/* Asking twice is not an error: the one reminder stands. */
	if (rc != DB_OK && rc != DB_DUP)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/live/%lld?reminded=1", s.id));
	return REQ_DONE;
}

/* The attribution was set when the live page was shown (attribution_touch, surface "live"). */
int page_live_cart_add(struct req *r)
{
	if (!req_id(r, "id")) {
		response_error(r, 404, "There is no live session with that number.");
		return REQ_DONE;
	}
	return page_cart_add(r);
}
