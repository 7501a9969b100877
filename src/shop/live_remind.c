/* live_remind.c: "POST /live/{id}/remind" — "remind me" before a session starts. The address is
 * stored unconfirmed and mailed a confirmation link (domain/live/live_reminder.h); the answer is
 * the same whether a mail went out or not, so it tells nobody which addresses asked before. Asks
 * spend budgets of the session, the address prefixes and the target email (429, the page shown
 * again). And "POST /live/{id}/cart", the cart's own add from a live page. */
#include <string.h>
#include "domain/live/live_reminder.h"
#include "lib/config.h"
#include "shop/abuse_guard.h"
#include "shop/live_view.h"
#include "web/response.h"
#include "lib/validate.h"

/* Each ask may mail a stranger, so budgets are tight, and tightest for the target: three
 * confirmation attempts a day reach one address at most. A person asks for a reminder or two; an
 * address (/64) is an office or a carrier's shared address, a /24 (/48) a site or a pool. */
#define REMIND_BUDGET \
	{ ABUSE_LIMIT_SESSION, 5, 3600 }, { ABUSE_LIMIT_HOST, 20, 3600 }, \
	{ ABUSE_LIMIT_NETWORK, 60, 3600 }, { ABUSE_LIMIT_TARGET, 3, 86400 }

/* The email as a budget subject: case does not make a new mailbox. */
static const char *target_of(struct req *r, const char *email)
{
	char *t = arena_printf(r->arena, "%s", email);
	for (char *p = t; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return t;
}

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
	const char *wait;
	enum db_status rc = abuse_guard_take(r, "live-remind", ABUSE_GUARD_RULES(REMIND_BUDGET), NULL,
					     target_of(r, email), &wait);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (wait)
		return live_page_render(r, &s, 429, arena_printf(r->arena,
			"Too many reminder requests for now, from your network or for that address. %s", wait));
	char *starts = arena_strndup(r->arena, s.starts_at, 16);
	if (strlen(starts) == 16)
		starts[10] = ' ';	/* "2026-05-01T18:00" reads better in a mail as "2026-05-01 18:00" */
	struct live_reminder_ask q = {
		.session_id = s.id, .email = email, .title = s.title, .creator_name = s.creator_name,
		.starts_at = starts, .base_url = config_str("base_url", ""),
	};
	rc = live_reminder_ask(r->db, r->arena, &q);
	/* Two asks racing for one new row: the other one's mail stands. */
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
