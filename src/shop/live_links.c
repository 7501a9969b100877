/* live_links.c: the links a "remind me" mail carries (domain/live/live_reminder.h). Opening one
 * changes nothing: its page shows what it does and a button, and the button's POST confirms the
 * reminder or stops it. A link that is unknown, used or expired is a 404 that says so. */
#include "domain/live/live_reminder.h"
#include "shop/live_view.h"
#include "web/layout.h"
#include "web/response.h"

static const char *const dead_link =
	"This link does not work any more: it was used already, it expired (links last 48 hours), or it"
	" was cut short. Ask for a reminder again on the session's page.";

/* The page of a link: its heading and message, and a button posting to this path when asked. */
static int show(struct req *r, int status, const struct live_reminder_link *l, const char *heading,
		const char *message, const char *button)
{
	tmpl_dict *d = layout_begin(r, "live_reminder.tpl", heading);
	tmpl_set(d, "HEADING", heading);
	tmpl_set(d, "MESSAGE", message);
	if (l && l->session_id) {
		tmpl_dict *s = tmpl_add(d, "SESSION");
		tmpl_set_int(s, "LIVE", l->session_id);
		tmpl_set(s, "TITLE", l->title);
	}
	if (button) {
		tmpl_dict *f = tmpl_add(d, "FORM");
		tmpl_set(f, "ACTION", r->path);
		tmpl_set(f, "BUTTON", button);
	}
	layout_end(r, status);
	return REQ_DONE;
}

int page_live_confirm_form(struct req *r)
{
	struct live_reminder_link l;
	enum db_status rc = live_reminder_confirm_find(r->db, r->arena, req_param(r, "token"), &l);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!l.session_id)
		return show(r, 404, NULL, "Link not valid", dead_link, NULL);
	return show(r, 200, &l, "Confirm your reminder",
		    "Confirm, and we will email this address once, when the session starts.", "Confirm reminder");
}

int page_live_confirm(struct req *r)
{
	struct live_reminder_link l;
	enum db_status rc = live_reminder_confirm(r->db, r->arena, req_param(r, "token"), &l);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!l.session_id)
		return show(r, 404, NULL, "Link not valid", dead_link, NULL);
	return show(r, 200, &l, "Reminder confirmed", l.scheduled ? "Thanks: we will email you when the session starts."
		    : "The session has already started: open it to watch now.", NULL);
}

int page_live_stop_form(struct req *r)
{
	struct live_reminder_link l;
	enum db_status rc = live_reminder_stop_find(r->db, r->arena, req_param(r, "token"), &l);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!l.session_id)
		return show(r, 404, NULL, "Link not valid", dead_link, NULL);
	if (l.stopped)
		return show(r, 200, &l, "Reminder stopped", "We will not email this address about this session.", NULL);
	return show(r, 200, &l, "Stop this reminder",
		    "Stop it, and we will not email this address about this session, even if someone asks again.",
		    "Stop reminder");
}

int page_live_stop(struct req *r)
{
	struct live_reminder_link l;
	enum db_status rc = live_reminder_stop(r->db, r->arena, req_param(r, "token"), &l);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!l.session_id)
		return show(r, 404, NULL, "Link not valid", dead_link, NULL);
	return show(r, 200, &l, "Reminder stopped", "We will not email this address about this session.", NULL);
}
