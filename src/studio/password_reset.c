/* password_reset.c: "/login/reset/{token}", the emailed reset link. Opening it shows the form for
 * the new password; sending the form uses the token, stores the new password, and ends every
 * session of the account. The owner then logs in with it (nothing signs the resetting browser in:
 * one way in, the usual one). */
#include <stdio.h>
#include "web/layout.h"
#include "web/response.h"
#include "domain/accounts/account_credentials.h"
#include "domain/accounts/account_token.h"
#include "domain/accounts/login_throttle.h"
#include "lib/base_url.h"
#include "lib/password.h"
#include "studio/account.h"

static const struct db_stmt q_email = {
	"SELECT email FROM users WHERE id = ?", "i", "s" };

static void reset_page(struct req *r, int status, bool usable, const char *error)
{
	tmpl_dict *d = layout_begin(r, "password_reset.tpl", "Choose a new password");
	if (usable) {
		tmpl_dict *f = tmpl_add(d, "USABLE");
		tmpl_set(f, "TOKEN", req_param(r, "token"));
		tmpl_set_int(f, "MIN", PASSWORD_MIN);
		tmpl_set_int(f, "MAX", PASSWORD_MAX);
		if (error)
			tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	} else {
		tmpl_show(d, "GONE");
	}
	layout_end(r, status);
}

int page_reset_form(struct req *r)
{
	long long user_id;
	enum db_status rc = account_token_peek(r->db, r->arena, req_param(r, "token"), ACCOUNT_TOKEN_RESET, &user_id);
	if (rc != DB_OK)
		return req_db_fail(rc);
	reset_page(r, user_id ? 200 : 410, user_id != 0, NULL);
	return REQ_DONE;
}

struct reset {
	struct req *r;
	const char *hash, *base;	/* base: for the notice's link, NULL without base_url */
	long long user_id;
	struct db_res email;
};

static enum db_status reset_write(struct db *db, void *ctx)
{
	struct reset *s = ctx;
	enum db_status rc = account_token_use(db, s->r->arena, req_param(s->r, "token"), ACCOUNT_TOKEN_RESET, &s->user_id);
	if (rc != DB_OK || !s->user_id)
		return rc;
	if ((rc = account_credentials_replace(db, s->r->arena, s->user_id, s->hash, NULL, s->base)) != DB_OK)
		return rc;
	return db_query(db, s->r->arena, &q_email, (struct db_param[]){ DB_I(s->user_id) }, &s->email);
}

int page_reset(struct req *r)
{
	const char *pw = req_str(r, "password"), *problem = account_password_problem(pw ? pw : "");
	if (problem) {
		/* Checked before the token is used, so a mistyped password does not cost the link. */
		long long user_id;
		enum db_status rc = account_token_peek(r->db, r->arena, req_param(r, "token"), ACCOUNT_TOKEN_RESET, &user_id);
		if (rc != DB_OK)
			return req_db_fail(rc);
		reset_page(r, user_id ? 422 : 410, user_id != 0, problem);
		return REQ_DONE;
	}
	char hash[crypto_pwhash_STRBYTES];
	if (!password_hash(pw, hash)) {
		response_error(r, 500, "Something went wrong on our side. Please try again.");
		return REQ_DONE;
	}
	char base[BASE_URL_MAX];
	struct reset s = { .r = r, .hash = hash, .base = base_url_get(base) ? base : NULL };
	enum db_status rc = db_txn(r->db, reset_write, &s);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!s.user_id) {
		reset_page(r, 410, false, NULL);
		return REQ_DONE;
	}
	/* The owner proved they hold the mailbox: failures held against the account no longer count. */
	if (s.email.nrows) {
		struct login_subject t;
		login_throttle_subject(r->secret, db_at(&s.email, 0, 0)->s, r->remote_addr, &t);
		login_throttle_forget_account(r->db, &t);
	}
	response_redirect(r, "/login?done=reset");
	return REQ_DONE;
}
