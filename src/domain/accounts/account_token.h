/* account_token.h: one-time links mailed to an account's owner (sign in, reset the password). The
 * token is 256 random bits; only its hash is stored; it expires, and it works once. */
#ifndef CC_ACCOUNT_TOKEN_H
#define CC_ACCOUNT_TOKEN_H
#include "db/db.h"
#include "lib/token.h"

enum account_token_purpose { ACCOUNT_TOKEN_SIGN_IN, ACCOUNT_TOKEN_RESET };
#define ACCOUNT_SIGN_IN_MINUTES 10
#define ACCOUNT_RESET_MINUTES 60

/* A new token for user_id, inside the caller's db_txn; text is what the link carries. */
enum db_status account_token_issue(struct db *db, long long user_id, enum account_token_purpose p,
				   char text[TOKEN_B64_LEN + 1]) DB_MUST_CHECK;
/* Reads only: the account a still usable token names, 0 when it is unknown, used or expired. */
enum db_status account_token_peek(struct db *db, struct arena *a, const char *text,
				  enum account_token_purpose p, long long *user_id) DB_MUST_CHECK;
/* Inside the caller's db_txn: uses the token up; *user_id as for peek (0: not usable, so two
 * uses racing each other give one account and one 0). */
enum db_status account_token_use(struct db *db, struct arena *a, const char *text,
				 enum account_token_purpose p, long long *user_id) DB_MUST_CHECK;
/* Every link of the account not yet used stops working: its password changed. */
enum db_status account_token_void_all(struct db *db, long long user_id) DB_MUST_CHECK;

#endif
