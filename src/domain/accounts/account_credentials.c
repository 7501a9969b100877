/* account_credentials.c: see account_credentials.h. */
#include "domain/accounts/account_credentials.h"
#include "domain/accounts/account_token.h"
#include "domain/mail/outbox.h"

static const struct db_stmt q_password = {
	"UPDATE users SET password_hash = ? WHERE id = ?", "si", "" };
static const struct db_stmt q_owner = {
	"SELECT email, display_name, DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i UTC') FROM users WHERE id = ?",
	"i", "sss" };
static const struct db_stmt q_end_all = {
	"DELETE FROM sessions WHERE user_id = ?", "i", "" };
static const struct db_stmt q_end_others = {
	"DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", "ib", "" };

enum db_status account_credentials_end_others(struct db *db, long long user_id, const uint8_t keep[32])
{
	return db_query(db, NULL, &q_end_others, (struct db_param[]){ DB_I(user_id), DB_B(keep, 32) }, NULL);
}

/* ASVS 2.2.3 / 2.5.5: a changed credential is told to its owner, on a channel the change did not use. */
static enum db_status tell_owner(struct db *db, struct arena *a, long long user_id, const char *base_url)
{
	struct db_res u;
	enum db_status rc = db_query(db, a, &q_owner, (struct db_param[]){ DB_I(user_id) }, &u);
	if (rc != DB_OK || u.nrows == 0)
		return rc;
	const char *email = db_at(&u, 0, 0)->s;
	const char *body = arena_printf(a,
		"Hello %s,\n\nThe password of the crowdcart account %s was changed on %s,\n"
		"and every other session of the account was signed out.\n\n"
		"If that was you, there is nothing to do. If not, choose a new password now%s%s\n",
		db_at(&u, 0, 1)->s, email, db_at(&u, 0, 2)->s,
		base_url ? ":\n\n" : " with \"Forgot your password?\" on the log-in page.",
		base_url ? arena_printf(a, "%s/login/forgot", base_url) : "");
	return outbox_add(db, email, "Your crowdcart password was changed", body, 0, 0);
}

enum db_status account_credentials_replace(struct db *db, struct arena *a, long long user_id,
					   const char *password_hash, const uint8_t *keep, const char *base_url)
{
	enum db_status rc = db_query(db, NULL, &q_password, (struct db_param[]){ DB_S(password_hash), DB_I(user_id) }, NULL);
	if (rc == DB_OK)
		rc = account_token_void_all(db, user_id);
	if (rc == DB_OK)
		rc = keep ? account_credentials_end_others(db, user_id, keep)
			  : db_query(db, NULL, &q_end_all, (struct db_param[]){ DB_I(user_id) }, NULL);
	if (rc == DB_OK)
		rc = tell_owner(db, a, user_id, base_url);
	return rc;
}
