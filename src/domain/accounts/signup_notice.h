/* signup_notice.h: what a sign-up with an address that already has an account sends. The page
 * answers such a sign-up exactly as a new one, so only the owner of the mailbox learns that the
 * account exists, and is shown the way back in. */
#ifndef CC_SIGNUP_NOTICE_H
#define CC_SIGNUP_NOTICE_H
#include "db/db.h"

#define SIGNUP_NOTICE_WINDOW_S 900
#define SIGNUP_NOTICE_PER_EMAIL 3	/* sign-up mails one address may be sent in the window */

/* Inside the caller's db_txn: "you already have an account; reset your password here", with
 * base_url + "/login/forgot". */
enum db_status signup_notice_taken(struct db *db, struct arena *a, const char *address, const char *base_url) DB_MUST_CHECK;

#endif
