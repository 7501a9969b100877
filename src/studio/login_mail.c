/* login_mail.c: "Email me a sign-in link" and "Forgot your password?": one form each, answered
 * alike whether or not an account has the address (account_link.h). */
#include <stdio.h>
#include "web/layout.h"
#include "web/response.h"
#include "domain/accounts/account_link.h"
#include "lib/base_url.h"
#include "studio/account.h"

struct mail_form {
	const char *title, *action, *intro, *button, *sent;
};

static const struct mail_form forms[] = {
	[ACCOUNT_TOKEN_SIGN_IN] = { "Email me a sign-in link", "/login/link",
		"We send a link to your account's address. It signs you in once, within 10 minutes, even while sign-ins with the password are held back.",
		"Email me a link", "It works once, within 10 minutes." },
	[ACCOUNT_TOKEN_RESET] = { "Reset your password", "/login/forgot",
		"We send a link to your account's address. It lets you choose a new password once, within 1 hour.",
		"Email me a reset link", "It works once, within 1 hour." },
};
_Static_assert(ACCOUNT_SIGN_IN_MINUTES == 10 && ACCOUNT_RESET_MINUTES == 60, "the forms say how long links work");

static void mail_form(struct req *r, enum account_token_purpose p, int status, const char *error, bool sent)
{
	const struct mail_form *f = &forms[p];
	tmpl_dict *d = layout_begin(r, "login_mail.tpl", f->title);
	const char *email = req_str(r, "email");
	tmpl_set(d, "TITLE", f->title);
	if (sent) {
		tmpl_dict *s = tmpl_add(d, "SENT");
		tmpl_set(s, "EMAIL", email);
		tmpl_set(s, "HOW_LONG", f->sent);
	} else {
		tmpl_dict *form = tmpl_add(d, "FORM");
		tmpl_set(form, "ACTION", f->action);
		tmpl_set(form, "INTRO", f->intro);
		tmpl_set(form, "BUTTON", f->button);
		tmpl_set(form, "EMAIL", email ? email : "");
		if (error)
			tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	}
	layout_end(r, status);
}

static int mail_request(struct req *r, enum account_token_purpose p)
{
	const char *email = req_str(r, "email");
	if (!email || !*email || req_invalid(r, "email")) {
		mail_form(r, p, 422, "Enter a valid email address, like name@example.com.", false);
		return REQ_DONE;
	}
	char base[BASE_URL_MAX];
	if (!base_url_get(base)) {
		response_error(r, 503, "Links by mail are not set up on this site yet (base_url). Please tell its operator.");
		return REQ_DONE;
	}
	bool throttled;
	enum db_status rc = account_link_request(r->db, r->arena, r->secret, email, r->remote_addr, p, base, &throttled);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (throttled) {
		char seconds[16];
		snprintf(seconds, sizeof seconds, "%d", ACCOUNT_LINK_WINDOW_S);
		response_header(r, "Retry-After", seconds);
		mail_form(r, p, 429, "Too many links were asked for this address or from your network. Please try again in 15 minutes.", false);
		return REQ_DONE;
	}
	mail_form(r, p, 200, NULL, true);
	return REQ_DONE;
}

int page_login_link_form(struct req *r)
{
	mail_form(r, ACCOUNT_TOKEN_SIGN_IN, 200, NULL, false);
	return REQ_DONE;
}

int page_login_link(struct req *r)
{
	return mail_request(r, ACCOUNT_TOKEN_SIGN_IN);
}

int page_forgot_form(struct req *r)
{
	mail_form(r, ACCOUNT_TOKEN_RESET, 200, NULL, false);
	return REQ_DONE;
}

int page_forgot(struct req *r)
{
	return mail_request(r, ACCOUNT_TOKEN_RESET);
}
