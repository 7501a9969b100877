/* email_verify.c: see email_verify.h. */
#include "domain/accounts/email_verify.h"
#include "domain/mail/outbox.h"

static const struct db_stmt q_issue = {
	"INSERT INTO account_tokens (token_hash, user_id, purpose, email, created_at, expires_at)"
	" VALUES (?, ?, 'verify', ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? MINUTE)", "bisi", "" };
static const struct db_stmt q_peek = {
	"SELECT t.user_id FROM account_tokens t JOIN users u ON u.id = t.user_id"
	" WHERE t.token_hash = ? AND t.purpose = 'verify' AND t.used_at IS NULL AND t.expires_at > UTC_TIMESTAMP()"
	" AND u.deleted_at IS NULL AND (u.email = t.email OR u.pending_email = t.email)", "b", "i" };
static const struct db_stmt q_lock = {
	"SELECT id, user_id, email FROM account_tokens WHERE token_hash = ? AND purpose = 'verify'"
	" AND used_at IS NULL AND expires_at > UTC_TIMESTAMP() FOR UPDATE", "b", "iis" };
static const struct db_stmt q_user_lock = {
	"SELECT email = ?, COALESCE(pending_email = ?, 0) FROM users WHERE id = ? AND deleted_at IS NULL FOR UPDATE",
	"ssi", "ii" };
static const struct db_stmt q_use = {
	"UPDATE account_tokens SET used_at = UTC_TIMESTAMP() WHERE id = ? AND used_at IS NULL", "i", "" };
static const struct db_stmt q_confirm = {
	"UPDATE users SET email_verified_at = COALESCE(email_verified_at, UTC_TIMESTAMP()) WHERE id = ?", "i", "" };
static const struct db_stmt q_move = {
	"UPDATE users SET email = pending_email, pending_email = NULL, email_verified_at = UTC_TIMESTAMP()"
	" WHERE id = ?", "i", "" };
static const struct db_stmt q_pending = {
	"UPDATE users SET pending_email = ? WHERE id = ? AND deleted_at IS NULL", "si", "" };
static const struct db_stmt q_owner = {
	"SELECT email, display_name, email_verified_at IS NOT NULL, COALESCE(pending_email, '') FROM users WHERE id = ?",
	"i", "ssis" };

static const char *const subjects[] = {
	[EMAIL_VERIFY_SIGNUP] = "Confirm your crowdcart email address",
	[EMAIL_VERIFY_RESEND] = "Confirm your crowdcart email address",
	[EMAIL_VERIFY_CHANGE] = "Confirm your new crowdcart email address",
};

static const char *verify_body(struct arena *a, enum email_verify_kind kind, const char *name,
			       const char *address, const char *url)
{
	const char *why = kind == EMAIL_VERIFY_CHANGE
		? "You asked to use this address for your crowdcart account. It replaces the old one when you open this link"
		: "Please confirm that this address is yours by opening this link";
	return arena_printf(a,
		"Hello %s,\n\n%s (%s). It works once, within %d hours:\n\n%s\n\n"
		"Until the address is confirmed, a brand cannot open its catalog to creators and a creator\n"
		"cannot be paid. If you did not ask for this, ignore this mail: nothing changes.\n",
		name, why, address, EMAIL_VERIFY_MINUTES / 60, url);
}

enum db_status email_verify_send(struct db *db, struct arena *a, long long user_id, const char *address,
				 const char *name, enum email_verify_kind kind, const char *base_url)
{
	uint8_t tok[TOKEN_BYTES], hash[32];
	char text[TOKEN_B64_LEN + 1];
	token_new(tok, text);
	token_hash(tok, hash);
	enum db_status rc = db_query(db, NULL, &q_issue, (struct db_param[]){
		DB_B(hash, 32), DB_I(user_id), DB_S(address), DB_I(EMAIL_VERIFY_MINUTES) }, NULL);
	if (rc != DB_OK)
		return rc;
	const char *url = arena_printf(a, "%s/login/verify/%s", base_url, text);
	return outbox_add(db, address, subjects[kind], verify_body(a, kind, name, address, url), 0, 0);
}

enum db_status email_verify_change(struct db *db, struct arena *a, long long user_id,
				   const char *new_address, const char *base_url)
{
	struct db_res u;
	enum db_status rc = db_query(db, a, &q_owner, (struct db_param[]){ DB_I(user_id) }, &u);
	if (rc != DB_OK || u.nrows == 0)
		return rc;
	const char *old = db_at(&u, 0, 0)->s, *name = db_at(&u, 0, 1)->s;
	if ((rc = db_query(db, NULL, &q_pending, (struct db_param[]){ DB_S(new_address), DB_I(user_id) }, NULL)) != DB_OK ||
	    (rc = email_verify_send(db, a, user_id, new_address, name, EMAIL_VERIFY_CHANGE, base_url)) != DB_OK)
		return rc;
	/* The old address hears of it first-hand: a stolen session cannot move the account away
	 * silently, and the move waits for the new address to answer. */
	const char *body = arena_printf(a,
		"Hello %s,\n\nSomeone signed in to the crowdcart account %s asked to change its address to\n%s.\n"
		"The change takes effect only when that address confirms it by the link we mailed there.\n\n"
		"If that was you, there is nothing to do. If not, change your password now and sign out\n"
		"your other sessions:\n\n%s/studio/account\n",
		name, old, new_address, base_url);
	return outbox_add(db, old, "Your crowdcart email address is being changed", body, 0, 0);
}

static bool verify_key(const char *text, uint8_t hash[32])
{
	uint8_t tok[TOKEN_BYTES];
	if (!text || !token_decode(text, tok))
		return false;
	token_hash(tok, hash);
	return true;
}

enum db_status email_verify_peek(struct db *db, struct arena *a, const char *text, long long *user_id)
{
	uint8_t hash[32];
	*user_id = 0;
	if (!verify_key(text, hash))
		return DB_OK;
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_peek, (struct db_param[]){ DB_B(hash, 32) }, &res);
	if (rc == DB_OK && res.nrows)
		*user_id = db_at(&res, 0, 0)->i;
	return rc;
}

enum db_status email_verify_use(struct db *db, struct arena *a, const char *text, long long *user_id,
				bool *changed)
{
	uint8_t hash[32];
	*user_id = 0;
	*changed = false;
	if (!verify_key(text, hash))
		return DB_OK;
	struct db_res t, u;
	enum db_status rc = db_query(db, a, &q_lock, (struct db_param[]){ DB_B(hash, 32) }, &t);
	if (rc != DB_OK || t.nrows == 0)
		return rc;
	long long id = db_at(&t, 0, 1)->i;
	const char *address = db_at(&t, 0, 2)->s;
	if ((rc = db_query(db, a, &q_user_lock, (struct db_param[]){ DB_S(address), DB_S(address), DB_I(id) }, &u)) != DB_OK)
		return rc;
	if (u.nrows == 0 || (!db_at(&u, 0, 0)->i && !db_at(&u, 0, 1)->i))
		return DB_OK;
	bool move = !db_at(&u, 0, 0)->i;
	if ((rc = db_query(db, NULL, move ? &q_move : &q_confirm, (struct db_param[]){ DB_I(id) }, NULL)) != DB_OK)
		return rc;
	if ((rc = db_query(db, NULL, &q_use, (struct db_param[]){ DB_I(db_at(&t, 0, 0)->i) }, NULL)) != DB_OK)
		return rc;
	if (db_affected(db) == 1) {
		*user_id = id;
		*changed = move;
	}
	return DB_OK;
}

enum db_status email_verify_state(struct db *db, struct arena *a, long long user_id, const char **email,
				  bool *verified, const char **pending)
{
	struct db_res u;
	*verified = false;
	*email = *pending = "";
	enum db_status rc = db_query(db, a, &q_owner, (struct db_param[]){ DB_I(user_id) }, &u);
	if (rc == DB_OK && u.nrows) {
		*email = db_at(&u, 0, 0)->s;
		*verified = db_at(&u, 0, 2)->i != 0;
		*pending = db_at(&u, 0, 3)->s;
	}
	return rc;
}
