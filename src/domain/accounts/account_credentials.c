/* account_credentials.c: see account_credentials.h. */
#include "domain/accounts/account_credentials.h"
#include "domain/accounts/account_token.h"

static const struct db_stmt q_password = {
	"UPDATE users SET password_hash = ? WHERE id = ?", "si", "" };
static const struct db_stmt q_end_all = {
	"DELETE FROM sessions WHERE user_id = ?", "i", "" };
static const struct db_stmt q_end_others = {
	"DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", "ib", "" };

enum db_status account_credentials_end_others(struct db *db, long long user_id, const uint8_t keep[32])
{
	return db_query(db, NULL, &q_end_others, (struct db_param[]){ DB_I(user_id), DB_B(keep, 32) }, NULL);
}

enum db_status account_credentials_replace(struct db *db, long long user_id, const char *password_hash,
					   const uint8_t *keep)
{
	enum db_status rc = db_query(db, NULL, &q_password, (struct db_param[]){ DB_S(password_hash), DB_I(user_id) }, NULL);
	if (rc == DB_OK)
		rc = account_token_void_all(db, user_id);
	if (rc == DB_OK)
		rc = keep ? account_credentials_end_others(db, user_id, keep)
			  : db_query(db, NULL, &q_end_all, (struct db_param[]){ DB_I(user_id) }, NULL);
	return rc;
}
