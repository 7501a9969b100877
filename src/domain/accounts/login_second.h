/* login_second.h: the half-signed-in state between the first factor (the password, or the
 * emailed link) and the second (a code): kept server-side under the hash of a random token the
 * code form carries, bound to the browser's session, short-lived, and void after a few wrong
 * codes, so the password has to be given again. */
#ifndef CC_LOGIN_SECOND_H
#define CC_LOGIN_SECOND_H
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"
#include "lib/token.h"

#define LOGIN_SECOND_MINUTES 5
#define LOGIN_SECOND_WRONG_MAX 5
#define LOGIN_SECOND_NEXT_MAX 300

struct login_second {
	long long id;		/* 0: no usable state for that token and session */
	long long user_id;
	bool via_link;		/* the first factor was the emailed link */
	const char *next;	/* where to go once signed in */
};

/* A new state for user_id in the browser session session_hash; token: what the form carries. */
enum db_status login_second_begin(struct db *db, long long user_id, const uint8_t session_hash[32], bool via_link,
				  const char *next, char token[TOKEN_B64_LEN + 1]) DB_MUST_CHECK;
/* Reads only: the unexpired state token names in that session, with fewer than the maximum
 * wrong codes; out->id 0 when there is none. */
enum db_status login_second_find(struct db *db, struct arena *a, const char *token, const uint8_t session_hash[32],
				 struct login_second *out) DB_MUST_CHECK;
/* One more wrong code; at the maximum the state is gone. */
enum db_status login_second_wrong(struct db *db, long long id) DB_MUST_CHECK;
/* Inside the caller's db_txn: the state is used up; *mine false when another request did it first. */
enum db_status login_second_finish(struct db *db, long long id, bool *mine) DB_MUST_CHECK;

#endif
