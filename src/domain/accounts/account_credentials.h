/* account_credentials.h: a new password for an account, and the sessions that end with it. */
#ifndef CC_ACCOUNT_CREDENTIALS_H
#define CC_ACCOUNT_CREDENTIALS_H
#include <stdint.h>
#include "db/db.h"

/* Inside the caller's db_txn: stores the new Argon2id hash, voids every emailed link not yet
 * used, ends every session of the account but keep (a session's token hash; NULL ends all), and
 * tells the owner by mail, with a link to reset the password from base_url (NULL: none) in case
 * it was not them. */
enum db_status account_credentials_replace(struct db *db, struct arena *a, long long user_id,
					   const char *password_hash, const uint8_t *keep,
					   const char *base_url) DB_MUST_CHECK;
/* Ends every session of the account but keep (not NULL): "sign out everywhere else". */
enum db_status account_credentials_end_others(struct db *db, long long user_id, const uint8_t keep[32]) DB_MUST_CHECK;

#endif
