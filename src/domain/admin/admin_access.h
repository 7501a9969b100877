/* admin_access.h: an admin helping an owner back into their account — a new verification link for
 * an address never confirmed, and turning off two-step sign-in for an owner who lost the app and
 * every recovery code. Each in one transaction with its audit row; the owner is mailed either way
 * (the link itself, or word that the second step is off and what to do if it was not them). */
#ifndef CC_ADMIN_ACCESS_H
#define CC_ADMIN_ACCESS_H
#include <stdbool.h>
#include "db/db.h"
#include "domain/admin/admin_account.h"

/* *changed is false when there was nothing to do (no such account, the address already
 * confirmed); base is base_url, the link's start. */
enum db_status admin_access_resend_verification(struct db *db, struct arena *a, const struct admin_actor *by,
						long long user_id, const char *base, bool *changed) DB_MUST_CHECK;
/* *changed is false when the account has no second step on. The reason goes into the audit log. */
enum db_status admin_access_two_step_off(struct db *db, struct arena *a, const struct admin_actor *by,
					 long long user_id, const char *reason, bool *changed) DB_MUST_CHECK;

#endif
