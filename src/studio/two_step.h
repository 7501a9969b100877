/* two_step.h: two-step sign-in: the code asked after the first factor (login_code.c), its set-up
 * on the account page (two_step.c), turning it off and new recovery codes (two_step_change.c). */
#ifndef CC_STUDIO_TWO_STEP_H
#define CC_STUDIO_TWO_STEP_H
#include "web/http.h"
#include "domain/accounts/account_totp.h"

/* For a first factor that passed (the password, or the emailed link: via_link): when the account
 * has a second factor, answers the code form and returns true (*answer: what the handler returns);
 * false when it has none and the caller signs in as before. */
bool login_code_needed(struct req *r, long long user_id, bool via_link, const char *next, int *answer);

/* The two-step page in its present state, with an error (or NULL) and recovery codes to show
 * once (NULL: none). */
int two_step_page(struct req *r, int status, const char *error, char (*codes)[ACCOUNT_RECOVERY_TEXT + 1]);
/* Inside the caller's db_txn: mails the owner that what happened (a sentence without its full stop,
 * "Two-step sign-in was turned on") happened to their account (ASVS 2.5.5). */
enum db_status two_step_tell_owner(struct db *db, struct arena *a, long long user_id, const char *subject,
				   const char *what) DB_MUST_CHECK;

int page_login_code(struct req *r);
int page_two_step(struct req *r);
int page_two_step_qr(struct req *r);
int page_two_step_begin(struct req *r);
int page_two_step_confirm(struct req *r);
int page_two_step_off(struct req *r);
int page_two_step_recovery(struct req *r);

#endif
