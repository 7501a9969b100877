/* admin_account.h: what an admin does to an account — suspend, reinstate, change its role — each
 * in one transaction with its audit row. A suspended account's sessions end with the suspension;
 * the sign-in paths and session loading refuse it from then on (web/session.c), and the shop's
 * public queries leave out its storefront and catalog. */
#ifndef CC_ADMIN_ACCOUNT_H
#define CC_ADMIN_ACCOUNT_H
#include <stdbool.h>
#include "db/db.h"

/* SQL true while the account `col` names (a users.id, NULL for none) is not suspended: what the
 * public queries add so a suspended creator's storefront and a suspended brand's catalog are left
 * out without a query more per view. One primary-key lookup per row: written as a lookup by id
 * alone, since given "suspended_at IS NOT NULL" too the optimizer may pick users_suspended and scan
 * every suspended account for each row. The shop's database account may read users.suspended_at
 * for it (sql/grants/0034_admin.sql). */
#define ACCOUNT_ACTIVE_SQL(col) \
	" (SELECT su.suspended_at FROM users su WHERE su.id = " col ") IS NULL"

/* Who acts: the signed-in admin and the address the request came from. */
struct admin_actor {
	long long user_id;
	const char *remote_addr;
};

/* The roles an account may hold, as the users.role column names them. */
bool admin_account_role_valid(const char *role);

/* *changed is false when there was nothing to do (no such account, already in that state, or
 * already of that role): then nothing is written, not even an audit row. */
enum db_status admin_account_suspend(struct db *db, const struct admin_actor *by, long long user_id,
				     const char *reason, bool *changed) DB_MUST_CHECK;
enum db_status admin_account_reinstate(struct db *db, const struct admin_actor *by, long long user_id,
				       const char *reason, bool *changed) DB_MUST_CHECK;
/* a: where the audit row's text is made. */
enum db_status admin_account_set_role(struct db *db, struct arena *a, const struct admin_actor *by,
				      long long user_id, const char *role, const char *reason, bool *changed) DB_MUST_CHECK;

#endif
