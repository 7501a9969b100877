/* email_verify.h: proving an account's address by a one-time link mailed to it, at sign-up and
 * when the owner changes the address. The link names the address it was mailed to: it confirms
 * that address and no other, and a new address replaces the old one only when its own link is
 * used. Until an address is proved the account can sign in, but a brand cannot open its catalog
 * to creators and a creator is not paid. */
#ifndef CC_EMAIL_VERIFY_H
#define CC_EMAIL_VERIFY_H
#include <stdbool.h>
#include "db/db.h"
#include "lib/token.h"

#define EMAIL_VERIFY_MINUTES (48 * 60)

enum email_verify_kind { EMAIL_VERIFY_SIGNUP, EMAIL_VERIFY_RESEND, EMAIL_VERIFY_CHANGE };

/* Inside the caller's db_txn: a new link for `address` of the account, mailed to that address
 * (base_url + "/login/verify/TOKEN"), with the words of `kind`. */
enum db_status email_verify_send(struct db *db, struct arena *a, long long user_id, const char *address,
				 const char *name, enum email_verify_kind kind, const char *base_url) DB_MUST_CHECK;
/* Inside the caller's db_txn: the owner asks to move the account to new_address. It is kept as
 * pending and sent a link; the current address is told, with the way back if it was not them. */
enum db_status email_verify_change(struct db *db, struct arena *a, long long user_id,
				   const char *new_address, const char *base_url) DB_MUST_CHECK;
/* Reads only: the account a still usable link names, or 0. */
enum db_status email_verify_peek(struct db *db, struct arena *a, const char *text, long long *user_id) DB_MUST_CHECK;
/* Inside the caller's db_txn: uses the link up. *user_id is the account whose address it proved
 * (0: unknown, used, expired, or its address is no longer the account's nor the pending one);
 * *changed: it was the pending address, which is now the account's. DB_DUP: another account took
 * that address meanwhile, and nothing changed. */
enum db_status email_verify_use(struct db *db, struct arena *a, const char *text, long long *user_id,
				bool *changed) DB_MUST_CHECK;
/* The account's address, whether it is proved, and the address waiting for its link ("": none). */
enum db_status email_verify_state(struct db *db, struct arena *a, long long user_id, const char **email,
				  bool *verified, const char **pending) DB_MUST_CHECK;

#endif
