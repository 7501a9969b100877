/* admin_account.c: suspend, reinstate and change the role of an account, each with its audit row
 * in the same transaction. */
#include <string.h>
#include "lib/arena.h"
#include "domain/admin/admin_account.h"
#include "domain/admin/admin_audit.h"

static const struct db_stmt q_suspend = {
	"UPDATE users SET suspended_at = UTC_TIMESTAMP(), suspended_reason = ? WHERE id = ? AND suspended_at IS NULL",
	"si", "" };
/* Every session of the account ends with the suspension, on every web node at once: sessions
 * live in the database only. */
static const struct db_stmt q_end_sessions = {
	"DELETE FROM sessions WHERE user_id = ?", "i", "" };
static const struct db_stmt q_reinstate = {
	"UPDATE users SET suspended_at = NULL, suspended_reason = '' WHERE id = ? AND suspended_at IS NOT NULL",
	"i", "" };
static const struct db_stmt q_role_get = {
	"SELECT role FROM users WHERE id = ? FOR UPDATE", "i", "s" };
static const struct db_stmt q_role_set = {
	"UPDATE users SET role = ? WHERE id = ?", "si", "" };

static const char *const roles[] = { "shopper", "creator", "brand", "admin" };

bool admin_account_role_valid(const char *role)
{
	for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(role, roles[i]) == 0)
			return true;
	return false;
}

struct change {
	const struct admin_actor *by;
	long long user_id;
	const char *reason, *role;
	bool *changed;
	struct arena *a;
};

static enum db_status audit(struct db *db, const struct change *c, const char *action, const char *reason)
{
	*c->changed = true;
	return admin_audit_append(db, &(struct admin_audit_entry){ .actor_user_id = c->by->user_id,
		.action = action, .target_kind = "user", .target_id = c->user_id, .reason = reason,
		.remote_addr = c->by->remote_addr });
}

static enum db_status suspend(struct db *db, void *ctx)
{
	struct change *c = ctx;
	*c->changed = false;
	enum db_status rc = db_query(db, NULL, &q_suspend, (struct db_param[]){ DB_S(c->reason), DB_I(c->user_id) }, NULL);
	if (rc != DB_OK || db_affected(db) == 0)
		return rc;
	if ((rc = db_query(db, NULL, &q_end_sessions, (struct db_param[]){ DB_I(c->user_id) }, NULL)) != DB_OK)
		return rc;
	return audit(db, c, "user.suspend", c->reason);
}

static enum db_status reinstate(struct db *db, void *ctx)
{
	struct change *c = ctx;
	*c->changed = false;
	enum db_status rc = db_query(db, NULL, &q_reinstate, (struct db_param[]){ DB_I(c->user_id) }, NULL);
	if (rc != DB_OK || db_affected(db) == 0)
		return rc;
	return audit(db, c, "user.reinstate", c->reason);
}

static enum db_status set_role(struct db *db, void *ctx)
{
	struct change *c = ctx;
	*c->changed = false;
	struct arena *a = c->a;
	struct db_res cur;
	enum db_status rc = db_query(db, a, &q_role_get, (struct db_param[]){ DB_I(c->user_id) }, &cur);
	if (rc == DB_OK && cur.nrows && strcmp(db_at(&cur, 0, 0)->s, c->role) != 0) {
		rc = db_query(db, NULL, &q_role_set, (struct db_param[]){ DB_S(c->role), DB_I(c->user_id) }, NULL);
		/* The log says from what to what: the account's row keeps only the new role. */
		if (rc == DB_OK)
			rc = audit(db, c, "user.change_role", arena_printf(a, "%s to %s%s%s", db_at(&cur, 0, 0)->s,
				   c->role, *c->reason ? ": " : "", c->reason));
	}
	return rc;
}

enum db_status admin_account_suspend(struct db *db, const struct admin_actor *by, long long user_id,
				     const char *reason, bool *changed)
{
	return db_txn(db, suspend, &(struct change){ by, user_id, reason ? reason : "", NULL, changed, NULL });
}

enum db_status admin_account_reinstate(struct db *db, const struct admin_actor *by, long long user_id,
				       const char *reason, bool *changed)
{
	return db_txn(db, reinstate, &(struct change){ by, user_id, reason ? reason : "", NULL, changed, NULL });
}

enum db_status admin_account_set_role(struct db *db, struct arena *a, const struct admin_actor *by,
				      long long user_id, const char *role, const char *reason, bool *changed)
{
	if (!admin_account_role_valid(role)) {
		*changed = false;
		return DB_OK;
	}
	return db_txn(db, set_role, &(struct change){ by, user_id, reason ? reason : "", role, changed, a });
}
