/* login.c: log-in with throttling (login_throttle.h), Argon2id verification and rehash, session
 * rotation; log-out. */
#include <stdio.h>
#include <string.h>
#include "web/layout.h"
#include "domain/accounts/login_throttle.h"
#include "lib/password.h"
#include "web/response.h"
#include "web/session.h"
#include "studio/studio.h"
#include "studio/two_step.h"
#include "domain/accounts/sign_in_network.h"

static const struct db_stmt q_user = {
	"SELECT id, password_hash, display_name, role, suspended_at IS NOT NULL FROM users WHERE email = ?", "s", "isssi" };
static const struct db_stmt q_rehash = {
	"UPDATE users SET password_hash = ? WHERE id = ?", "si", "" };

static const char *safe_next(const char *next)
{
	return next && next[0] == '/' && next[1] != '/' && next[1] != '\\' ? next : "/studio";
}

/* held_back: the page also offers to mail a sign-in link to the address typed. */
static void login_form(struct req *r, int status, const char *error, bool held_back)
{
	const char *done = req_query(r, "done");
	tmpl_dict *d = layout_begin(r, "login.tpl", "Log in");
	const char *email = req_form(r, "email"), *next = req_form(r, "next");
	if (!next)
		next = req_query(r, "next");
	tmpl_set(d, "EMAIL", email ? email : "");
	tmpl_set(d, "NEXT", safe_next(next));
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	if (held_back)
		tmpl_set(tmpl_add(d, "HELD_BACK"), "EMAIL", email ? email : "");
	else if (done && strcmp(done, "reset") == 0)
		tmpl_show(d, "RESET_DONE");
	layout_end(r, status);
}

int page_login_form(struct req *r)
{
	login_form(r, 200, NULL, false);
	return REQ_DONE;
}

int page_login(struct req *r)
{
	const char *email = req_form(r, "email"), *pw = req_form(r, "password");
	if (!email || !pw || !*email || !*pw) {
		login_form(r, 422, "Enter your email and password.", false);
		return REQ_DONE;
	}
	struct login_subject t;
	login_throttle_subject(r->secret, email, r->remote_addr, &t);
	struct login_wait w;
	enum db_status rc = login_throttle_check(r->db, r->arena, &t, true, &w);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (w.verdict != LOGIN_GO) {
		char seconds[24];
		snprintf(seconds, sizeof seconds, "%lld", w.seconds);
		response_header(r, "Retry-After", seconds);
		/* Said alike whether or not the account exists: failures count for any address. */
		login_form(r, 429, w.verdict == LOGIN_LOCKED
			? "Sign-ins to this account with a password are held back for 15 minutes after failed attempts"
			  " from many places. The owner can still get in with a sign-in link sent by email."
			: arena_printf(r->arena, "Too many failed attempts. Please try again in %lld second%s.",
				       w.seconds, w.seconds == 1 ? "" : "s"), true);
		return REQ_DONE;
	}
	struct db_res u;
	if ((rc = db_query(r->db, r->arena, &q_user, (struct db_param[]){ DB_S(email) }, &u)) != DB_OK)
		return req_db_fail(rc);
	/* Unknown accounts cost the same Argon2id work, so timing does not reveal who has one. */
	static char dummy[crypto_pwhash_STRBYTES];
	if (!dummy[0] && !password_hash("not a real password", dummy))
		abort();
	const char *stored = u.nrows ? db_at(&u, 0, 1)->s : dummy;
	if (!password_verify(stored, pw) || !u.nrows) {
		if ((rc = login_throttle_fail(r->db, &t)) != DB_OK)
			return req_db_fail(rc);	/* 503 with Retry-After, not an answer to the guess */
		login_form(r, 401, "That email and password do not match an account.", false);
		return REQ_DONE;
	}
	/* Said only to whoever knows the password: it reveals nothing to a guesser. */
	if (db_at(&u, 0, 4)->i) {
		login_form(r, 403, "This account is suspended. Write to the operator of this site if you think this is a mistake.", false);
		return REQ_DONE;
	}
	long long id = db_at(&u, 0, 0)->i;
	char fresh[crypto_pwhash_STRBYTES];
	/* The old hash still verifies; a failed rehash is tried again at the next log-in. */
	if (password_needs_rehash(stored) && password_hash(pw, fresh))
		db_best_effort(db_query(r->db, r->arena, &q_rehash, (struct db_param[]){ DB_S(fresh), DB_I(id) }, NULL));
	/* An account with a second factor owes its code first; its pair's failures stay counted. */
	int answer;
	if (login_code_needed(r, id, false, safe_next(req_form(r, "next")), &answer))
		return answer;
	login_throttle_forget_pair(r->db, &t);
	rc = session_login(r, id, db_at(&u, 0, 2)->s, session_role(db_at(&u, 0, 3)->s));
	if (rc == DB_OK)
		rc = sign_in_network_note(r->db, r->arena, id, r->remote_addr, req_env(r, "HTTP_USER_AGENT"));
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, safe_next(req_form(r, "next")));
	return REQ_DONE;
}

int page_logout(struct req *r)
{
	enum db_status rc = session_logout(r);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/");
	return REQ_DONE;
}
