/* account_totp.h: an account's second factor: a TOTP authenticator (lib/totp.h) whose secret is
 * sealed at rest, confirmed with a code before it counts, and ten single-use recovery codes kept
 * only as hashes. Set-up and checks run inside the caller's db_txn where they write. */
#ifndef CC_ACCOUNT_TOTP_H
#define CC_ACCOUNT_TOTP_H
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"
#include "lib/totp.h"

#define ACCOUNT_RECOVERY_COUNT 10
/* 120 random bits (ASVS 2.6.2 asks 112 of a lookup secret): 24 characters of a 32-letter alphabet */
#define ACCOUNT_RECOVERY_CHARS 24
#define ACCOUNT_RECOVERY_TEXT 29	/* as shown: six groups of four joined by dashes */

enum account_totp_state { ACCOUNT_TOTP_OFF, ACCOUNT_TOTP_PENDING, ACCOUNT_TOTP_ON };

struct account_totp {
	enum account_totp_state state;
	/* The secret, when state is not OFF and it could be unsealed (a changed server secret_key
	 * leaves it sealed for good: then only recovery codes work). */
	bool has_secret;
	uint8_t secret[TOTP_SECRET_BYTES];
	long long last_step;
	long long recovery_left;	/* codes not yet used */
};

/* How a second-factor check went. REUSED: the app's code of a step already used, inside the window:
 * refused like a wrong one, but a sign that someone else saw the code (ASVS 2.8.5). */
enum account_totp_proof { ACCOUNT_TOTP_WRONG, ACCOUNT_TOTP_REUSED, ACCOUNT_TOTP_BY_CODE, ACCOUNT_TOTP_BY_RECOVERY };

/* The account's authenticator; state OFF when it has none. */
enum db_status account_totp_load(struct db *db, struct arena *a, long long user_id, struct account_totp *out) DB_MUST_CHECK;
/* Whether the account's sign-in asks for a second factor. */
enum db_status account_totp_enabled(struct db *db, struct arena *a, long long user_id, bool *on) DB_MUST_CHECK;
/* A new secret for a set-up not yet confirmed (one already on is left alone). */
enum db_status account_totp_begin(struct db *db, long long user_id) DB_MUST_CHECK;
/* Inside the caller's db_txn: a pending set-up is turned on when code is its current code, and
 * ten new recovery codes are written (codes: what to show the owner, once). *ok false otherwise. */
enum db_status account_totp_confirm(struct db *db, struct arena *a, long long user_id, const char *code,
				    long long now, char codes[ACCOUNT_RECOVERY_COUNT][ACCOUNT_RECOVERY_TEXT + 1],
				    bool *ok) DB_MUST_CHECK;
/* Inside the caller's db_txn: ten new recovery codes replace the account's (codes: to show once). */
enum db_status account_totp_recovery_renew(struct db *db, long long user_id,
					   char codes[ACCOUNT_RECOVERY_COUNT][ACCOUNT_RECOVERY_TEXT + 1]) DB_MUST_CHECK;
/* Inside the caller's db_txn: checks a code from the app, or a recovery code, of an account with
 * the second factor on, and uses it up (a code's step, a recovery code) so it works once. */
enum db_status account_totp_check(struct db *db, struct arena *a, long long user_id, const char *code,
				  long long now, enum account_totp_proof *how) DB_MUST_CHECK;
/* Inside the caller's db_txn: tells the owner by mail that a code was used twice. */
enum db_status account_totp_warn_reuse(struct db *db, struct arena *a, long long user_id) DB_MUST_CHECK;
/* Inside the caller's db_txn: the authenticator and the recovery codes go. */
enum db_status account_totp_off(struct db *db, long long user_id) DB_MUST_CHECK;

/* A new recovery code, as shown ("abcd-efgh-jkmn-pqrs-tuvw-xyz2"). */
void account_totp_recovery_new(char out[ACCOUNT_RECOVERY_TEXT + 1]);
/* A recovery code as typed (any case, spaces and dashes anywhere) in its stored form; false when
 * it cannot be one. */
bool account_totp_recovery_read(const char *typed, char out[ACCOUNT_RECOVERY_CHARS + 1]);

#endif
