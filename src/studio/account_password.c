/* account_password.c: changing the password asks for the current one, counted by the sign-in
 * throttle like a log-in (a borrowed session must not become a guessing oracle), and ends every
 * other session of the account. */
#include <stdio.h>
#include <string.h>
#include "web/response.h"
#include "domain/accounts/account_credentials.h"
#include "domain/accounts/login_throttle.h"
#include "lib/base_url.h"
#include "lib/password.h"
#include "lib/password_policy.h"
#include "lib/utf8.h"
#include "studio/account.h"

static const struct db_stmt q_user = {
	"SELECT email, password_hash FROM users WHERE id = ?", "i", "ss" };

/* The one policy of sign-up (length, the common-password list); the email check needs the
 * address, which the forms that call this do not have before the token or password is checked. */
const char *account_password_problem(const char *pw)
{
	return password_policy_problem(pw, NULL);
}

struct change {
	struct arena *a;
	long long user_id;
	const char *hash, *base;	/* base: for the notice's link, NULL without base_url */
	const uint8_t *keep;
};

static enum db_status change_write(struct db *db, void *ctx)
{
	struct change *c = ctx;
	return account_credentials_replace(db, c->a, c->user_id, c->hash, c->keep, c->base);
}

bool account_reauth(struct req *r, const char *current, enum account_form form, struct login_subject *t,
		    int *answer)
{
	if (!current || !*current) {
		*answer = account_page(r, 422, form, "Enter your current password.");
		return false;
	}
	struct db_res u;
	enum db_status rc = db_query(r->db, r->arena, &q_user, (struct db_param[]){ DB_I(r->sess.user_id) }, &u);
	if (rc != DB_OK || u.nrows == 0) {
		*answer = rc != DB_OK ? req_db_fail(rc) : 404;
		return false;
	}
	login_throttle_subject(r->secret, db_at(&u, 0, 0)->s, r->remote_addr, t);
	struct login_wait w;
	/* Not the account-wide hold: the owner who came in by the emailed link during a distributed
	 * attack must be able to act; one borrowed session is one pair. */
	if ((rc = login_throttle_check(r->db, r->arena, t, false, &w)) != DB_OK) {
		*answer = req_db_fail(rc);
		return false;
	}
	if (w.verdict != LOGIN_GO) {
		char seconds[24];
		snprintf(seconds, sizeof seconds, "%lld", w.seconds);
		response_header(r, "Retry-After", seconds);
		*answer = account_page(r, 429, form, arena_printf(r->arena, "Too many wrong passwords. Please try again in %lld second%s.",
								  w.seconds, w.seconds == 1 ? "" : "s"));
		return false;
	}
	if (!password_verify(db_at(&u, 0, 1)->s, current)) {
		rc = login_throttle_fail(r->db, t);
		*answer = rc != DB_OK ? req_db_fail(rc) : account_page(r, 401, form, "That is not your current password.");
		return false;
	}
	return true;
}

int page_account_password(struct req *r)
{
	const char *pw = req_str(r, "password"), *problem = account_password_problem(pw ? pw : "");
	if (problem && req_str(r, "current_password") && *req_str(r, "current_password"))
		return account_page(r, 422, ACCOUNT_PASSWORD_FORM, problem);
	struct login_subject t;
	int answer;
	if (!account_reauth(r, req_str(r, "current_password"), ACCOUNT_PASSWORD_FORM, &t, &answer))
		return answer;
	char hash[crypto_pwhash_STRBYTES];
	if (!password_hash(pw, hash)) {
		response_error(r, 500, "Something went wrong on our side. Please try again.");
		return REQ_DONE;
	}
	char base[BASE_URL_MAX];
	struct change c = { r->arena, r->sess.user_id, hash, base_url_get(base) ? base : NULL, r->sess.hash };
	enum db_status rc = db_txn(r->db, change_write, &c);
	if (rc != DB_OK)
		return req_db_fail(rc);
	/* Guesses at the old password mean nothing now: the account starts again from zero. */
	login_throttle_forget_account(r->db, &t);
	response_redirect(r, "/studio/account?done=password");
	return REQ_DONE;
}
