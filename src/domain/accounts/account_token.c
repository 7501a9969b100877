/* account_token.c: see account_token.h. */
#include "domain/accounts/account_token.h"

static const struct db_stmt q_issue = {
	"INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? MINUTE)", "bisi", "" };
static const struct db_stmt q_peek = {
	"SELECT user_id FROM account_tokens WHERE token_hash = ? AND purpose = ? AND used_at IS NULL"
	" AND expires_at > UTC_TIMESTAMP()", "bs", "i" };
static const struct db_stmt q_lock = {
	"SELECT id, user_id FROM account_tokens WHERE token_hash = ? AND purpose = ? AND used_at IS NULL"
	" AND expires_at > UTC_TIMESTAMP() FOR UPDATE", "bs", "ii" };
static const struct db_stmt q_use = {
	"UPDATE account_tokens SET used_at = UTC_TIMESTAMP() WHERE id = ? AND used_at IS NULL", "i", "" };
static const struct db_stmt q_void = {
	"UPDATE account_tokens SET used_at = UTC_TIMESTAMP() WHERE user_id = ? AND used_at IS NULL", "i", "" };

static const char *purpose_name(enum account_token_purpose p)
{
	return p == ACCOUNT_TOKEN_RESET ? "reset" : "sign_in";
}

enum db_status account_token_issue(struct db *db, long long user_id, enum account_token_purpose p,
				   char text[TOKEN_B64_LEN + 1])
{
	uint8_t tok[TOKEN_BYTES], hash[32];
	token_new(tok, text);
	token_hash(tok, hash);
	long long minutes = p == ACCOUNT_TOKEN_RESET ? ACCOUNT_RESET_MINUTES : ACCOUNT_SIGN_IN_MINUTES;
	return db_query(db, NULL, &q_issue, (struct db_param[]){
		DB_B(hash, 32), DB_I(user_id), DB_S(purpose_name(p)), DB_I(minutes) }, NULL);
}

/* A malformed token names nothing: false, and no query is made. */
static bool token_key(const char *text, uint8_t hash[32])
{
	uint8_t tok[TOKEN_BYTES];
	if (!text || !token_decode(text, tok))
		return false;
	token_hash(tok, hash);
	return true;
}

enum db_status account_token_peek(struct db *db, struct arena *a, const char *text,
				  enum account_token_purpose p, long long *user_id)
{
	uint8_t hash[32];
	*user_id = 0;
	if (!token_key(text, hash))
		return DB_OK;
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_peek, (struct db_param[]){ DB_B(hash, 32), DB_S(purpose_name(p)) }, &res);
	if (rc == DB_OK && res.nrows)
		*user_id = db_at(&res, 0, 0)->i;
	return rc;
}

enum db_status account_token_use(struct db *db, struct arena *a, const char *text,
				 enum account_token_purpose p, long long *user_id)
{
	uint8_t hash[32];
	*user_id = 0;
	if (!token_key(text, hash))
		return DB_OK;
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_lock, (struct db_param[]){ DB_B(hash, 32), DB_S(purpose_name(p)) }, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	if ((rc = db_query(db, NULL, &q_use, (struct db_param[]){ DB_I(db_at(&res, 0, 0)->i) }, NULL)) != DB_OK)
		return rc;
	if (db_affected(db) == 1)
		*user_id = db_at(&res, 0, 1)->i;
	return DB_OK;
}

enum db_status account_token_void_all(struct db *db, long long user_id)
{
	return db_query(db, NULL, &q_void, (struct db_param[]){ DB_I(user_id) }, NULL);
}
