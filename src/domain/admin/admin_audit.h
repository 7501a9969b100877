/* admin_audit.h: the append-only log of admin actions. Every admin action appends its row in the
 * same transaction as the change it records, so the log and the data never disagree. */
#ifndef CC_ADMIN_AUDIT_H
#define CC_ADMIN_AUDIT_H
#include "db/db.h"

#define ADMIN_AUDIT_ACTION_MAX 40
#define ADMIN_AUDIT_KIND_MAX 20
#define ADMIN_AUDIT_REASON_MAX 500

struct admin_audit_entry {
	long long actor_user_id;	/* the signed-in admin */
	const char *action;		/* dotted, lower case: "user.suspend", "storefront.take_down" */
	const char *target_kind;	/* what target_id names: "user", "creator", "brand", "video"... */
	long long target_id;
	const char *reason;		/* as the admin wrote it; "" when the action asks none */
	const char *remote_addr;	/* the admin's address: only its network prefix is kept */
};

/* Appends one row; call it inside the db_txn of the action. A text longer than its column is cut
 * at a character boundary rather than refused: the action has already been judged valid. */
enum db_status admin_audit_append(struct db *db, const struct admin_audit_entry *e) DB_MUST_CHECK;

#endif
