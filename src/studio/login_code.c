/* login_code.c: the second step of signing in to an account with a second factor: a code from
 * the authenticator app or a recovery code. Wrong codes count in the sign-in throttle exactly like
 * wrong passwords (the password does not clear the pair's failures of an account that still owes
 * its code), and a few of them void the half-signed-in state, so the password is asked again. */
#include <stdio.h>
#include <time.h>
#include "web/layout.h"
#include "web/response.h"
#include "web/session.h"
#include "domain/accounts/account_totp.h"
#include "domain/accounts/login_second.h"
#include "domain/accounts/login_throttle.h"
#include "studio/two_step.h"
#include "domain/accounts/sign_in_network.h"

static const struct db_stmt q_user = {
	"SELECT email, display_name, role FROM users WHERE id = ?", "i", "sss" };

static void code_form(struct req *r, int status, const char *token, const char *error)
{
	tmpl_dict *d = layout_begin(r, "login_code.tpl", "Enter your code");
	if (token)
		tmpl_set(tmpl_add(d, "ASK"), "TOKEN", token);
	else
		tmpl_show(d, "GONE");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	layout_end(r, status);
}

bool login_code_needed(struct req *r, long long user_id, bool via_link, const char *next, int *answer)
{
	bool on;
	enum db_status rc = account_totp_enabled(r->db, r->arena, user_id, &on);
	if (rc == DB_OK && !on)
		return false;
	char token[TOKEN_B64_LEN + 1];
	if (rc == DB_OK)
		rc = login_second_begin(r->db, user_id, r->sess.hash, via_link, next, token);
	if (rc != DB_OK) {
		*answer = req_db_fail(rc);
		return true;
	}
	code_form(r, 200, token, NULL);
	*answer = REQ_DONE;
	return true;
}

struct code_use {
	struct req *r;
	const struct login_second *s;
	enum account_totp_proof how;
};

static enum db_status code_use(struct db *db, void *ctx)
{
	struct code_use *u = ctx;
	enum db_status rc = account_totp_check(db, u->r->arena, u->s->user_id, req_str(u->r, "code"), (long long)time(NULL),
					       &u->how);
	if (rc == DB_OK && u->how == ACCOUNT_TOTP_REUSED)
		return account_totp_warn_reuse(db, u->r->arena, u->s->user_id);
	if (rc != DB_OK || u->how == ACCOUNT_TOTP_WRONG)
		return rc;
	bool mine;
	if ((rc = login_second_finish(db, u->s->id, &mine)) == DB_OK && !mine)
		u->how = ACCOUNT_TOTP_WRONG;	/* another request finished this step first */
	return rc;
}

int page_login_code(struct req *r)
{
	const char *token = req_str(r, "token"), *code = req_str(r, "code");
	struct login_second s;
	enum db_status rc = login_second_find(r->db, r->arena, token, r->sess.hash, &s);
	if (rc != DB_OK)
		return req_db_fail(rc);
	struct db_res u;
	if (s.id && (rc = db_query(r->db, r->arena, &q_user, (struct db_param[]){ DB_I(s.user_id) }, &u)) != DB_OK)
		return req_db_fail(rc);
	if (!s.id || u.nrows == 0) {
		code_form(r, 410, NULL, NULL);
		return REQ_DONE;
	}
	struct login_subject t;
	login_throttle_subject(r->secret, db_at(&u, 0, 0)->s, r->remote_addr, &t);
	struct login_wait w;
	/* Who came by the emailed link holds the mailbox: the account-wide hold (a distributed attack
	 * on the password) does not stop them, as it does not stop the link itself. */
	if ((rc = login_throttle_check(r->db, r->arena, &t, !s.via_link, &w)) != DB_OK)
		return req_db_fail(rc);
	if (w.verdict != LOGIN_GO) {
		char seconds[24];
		snprintf(seconds, sizeof seconds, "%lld", w.seconds);
		response_header(r, "Retry-After", seconds);
		code_form(r, 429, token, arena_printf(r->arena, "Too many wrong codes. Please try again in %lld second%s.",
						      w.seconds, w.seconds == 1 ? "" : "s"));
		return REQ_DONE;
	}
	if (!code || !*code) {
		code_form(r, 422, token, "Enter the code from your app, or a recovery code.");
		return REQ_DONE;
	}
	struct code_use use = { r, &s, ACCOUNT_TOTP_WRONG };
	if ((rc = db_txn(r->db, code_use, &use)) != DB_OK)
		return req_db_fail(rc);
	if (use.how == ACCOUNT_TOTP_REUSED)	/* the user's id, never the code */
		fprintf(stderr, "studio: a used two-step code was tried for account %lld; refused, owner told\n", s.user_id);
	if (use.how == ACCOUNT_TOTP_WRONG || use.how == ACCOUNT_TOTP_REUSED) {
		if ((rc = login_throttle_fail(r->db, &t)) != DB_OK || (rc = login_second_wrong(r->db, s.id)) != DB_OK)
			return req_db_fail(rc);
		code_form(r, 401, token, "That code is not right, or was already used.");
		return REQ_DONE;
	}
	login_throttle_forget_pair(r->db, &t);
	if ((rc = session_login(r, s.user_id, db_at(&u, 0, 1)->s, session_role(db_at(&u, 0, 2)->s))) != DB_OK ||
	    (rc = sign_in_network_note(r->db, r->arena, s.user_id, r->remote_addr, req_env(r, "HTTP_USER_AGENT"))) != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, s.next);
	return REQ_DONE;
}
