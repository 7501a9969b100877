/* unsubscribe.c: "/unsubscribe/{token}", the one-click stop link every notice carries
 * (domain/mail/notify.h). Opening it changes nothing: the page says what it stops and shows a
 * button. Its POST, from that button or from a mail client's List-Unsubscribe-Post (RFC 8058),
 * turns the kind off; the token is the authentication, so no session or CSRF token is asked
 * for. A token the server did not make is a 404 and changes nothing. */
#include "domain/mail/notify.h"
#include "domain/mail/notify_token.h"
#include "shop/shop.h"
#include "web/layout.h"
#include "web/response.h"

static int show(struct req *r, int status, const char *heading, const char *message, const char *button)
{
	tmpl_dict *d = layout_begin(r, "unsubscribe.tpl", heading);
	tmpl_set(d, "HEADING", heading);
	tmpl_set(d, "MESSAGE", message);
	if (button) {
		tmpl_dict *f = tmpl_add(d, "FORM");
		tmpl_set(f, "ACTION", r->path);
		tmpl_set(f, "BUTTON", button);
	}
	layout_end(r, status);
	return REQ_DONE;
}

static int bad_link(struct req *r)
{
	return show(r, 404, "Link not valid",
		    "This unsubscribe link is not one of ours: it may have been cut short. Use the link in the mail as it is.",
		    NULL);
}

int page_unsubscribe_form(struct req *r)
{
	long long user;
	enum notify_kind k;
	if (!notify_token_check(r->secret, req_param(r, "token"), &user, &k))
		return bad_link(r);
	return show(r, 200, "Stop these mails", arena_printf(r->arena,
		"Stop, and we will not send \"%s\" mails to this account any more.", notify_kind_label(k)), "Stop these mails");
}

int page_unsubscribe(struct req *r)
{
	long long user;
	enum notify_kind k;
	if (!notify_token_check(r->secret, req_param(r, "token"), &user, &k))
		return bad_link(r);
	enum db_status rc = notify_pref_set(r->db, user, k, false);
	if (rc != DB_OK)
		return req_db_fail(rc);
	return show(r, 200, "Mails stopped", arena_printf(r->arena,
		"Done: no more \"%s\" mails. You can turn them back on in your mail settings.", notify_kind_label(k)), NULL);
}
