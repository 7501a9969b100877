/* two_step_change.c: turning two-step sign-in off, and ten new recovery codes in place of the
 * old: each asks the password and a code from the app (or a recovery code), both counted by the
 * sign-in throttle's pair and prefix delays when wrong (not its account-wide hold: the owner in by
 * the emailed link must be able to act), and is told to the owner by mail. */
#include <stdio.h>
#include <time.h>
#include <sodium.h>
#include "web/response.h"
#include "domain/accounts/account_totp.h"
#include "domain/accounts/login_throttle.h"
#include "lib/password.h"
#include "studio/two_step.h"

static const struct db_stmt q_user = {
	"SELECT email, password_hash FROM users WHERE id = ?", "i", "ss" };

struct change {
	struct req *r;
	bool renew;	/* new recovery codes; else off */
	enum account_totp_proof how;
	char codes[ACCOUNT_RECOVERY_COUNT][ACCOUNT_RECOVERY_TEXT + 1];
};

static bool change_proven(const struct change *c)
{
	return c->how == ACCOUNT_TOTP_BY_CODE || c->how == ACCOUNT_TOTP_BY_RECOVERY;
}

static enum db_status change_write(struct db *db, void *ctx)
{
	struct change *c = ctx;
	long long user_id = c->r->sess.user_id;
	enum db_status rc = account_totp_check(db, c->r->arena, user_id, req_str(c->r, "code"), (long long)time(NULL),
					       &c->how);
	if (rc != DB_OK || !change_proven(c))
		return rc;
	if (c->renew) {
		if ((rc = account_totp_recovery_renew(db, user_id, c->codes)) == DB_OK)
			rc = two_step_tell_owner(db, c->r->arena, user_id, "New recovery codes for your account",
						 "Ten new recovery codes were made, and the old ones no longer work,");
		return rc;
	}
	if ((rc = account_totp_off(db, user_id)) == DB_OK)
		rc = two_step_tell_owner(db, c->r->arena, user_id, "Two-step sign-in is off", "Two-step sign-in was turned off");
	return rc;
}

static int change_proven_by_owner(struct req *r, bool renew)
{
	const char *pw = req_str(r, "current_password"), *code = req_str(r, "code");
	if (!pw || !*pw || !code || !*code)
		return two_step_page(r, 422, "Enter your password and a code from your app (or a recovery code).", NULL);
	struct db_res u;
	enum db_status rc = db_query(r->db, r->arena, &q_user, (struct db_param[]){ DB_I(r->sess.user_id) }, &u);
	if (rc != DB_OK || u.nrows == 0)
		return rc != DB_OK ? req_db_fail(rc) : 404;
	struct login_subject t;
	login_throttle_subject(r->secret, db_at(&u, 0, 0)->s, r->remote_addr, &t);
	struct login_wait w;
	if ((rc = login_throttle_check(r->db, r->arena, &t, false, &w)) != DB_OK)
		return req_db_fail(rc);
	if (w.verdict != LOGIN_GO) {
		char seconds[24];
		snprintf(seconds, sizeof seconds, "%lld", w.seconds);
		response_header(r, "Retry-After", seconds);
		return two_step_page(r, 429, arena_printf(r->arena, "Too many wrong tries. Please try again in %lld second%s.",
							  w.seconds, w.seconds == 1 ? "" : "s"), NULL);
	}
	struct change c = { .r = r, .renew = renew, .how = ACCOUNT_TOTP_WRONG };
	if (password_verify(db_at(&u, 0, 1)->s, pw) && (rc = db_txn(r->db, change_write, &c)) != DB_OK)
		return req_db_fail(rc);
	if (!change_proven(&c)) {
		if ((rc = login_throttle_fail(r->db, &t)) != DB_OK)
			return req_db_fail(rc);
		return two_step_page(r, 401, renew ? "That password or code is not right. Your recovery codes are unchanged."
					      : "That password or code is not right. Two-step sign-in is still on.", NULL);
	}
	if (!renew) {
		response_redirect(r, "/studio/account/two-step");
		return REQ_DONE;
	}
	/* Answered here, not redirected: the codes are shown this once and never stored in clear. */
	int answer = two_step_page(r, 200, NULL, c.codes);
	sodium_memzero(c.codes, sizeof c.codes);
	return answer;
}

int page_two_step_off(struct req *r)
{
	return change_proven_by_owner(r, false);
}

int page_two_step_recovery(struct req *r)
{
	return change_proven_by_owner(r, true);
}
