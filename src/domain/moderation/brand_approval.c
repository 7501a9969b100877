/* brand_approval.c: the brand_approval setting, and an admin approving a waiting brand. */
#include <string.h>
#include "domain/moderation/brand_approval.h"
#include "domain/admin/admin_audit.h"
#include "lib/config.h"

static const struct db_stmt q_approve = {
	"UPDATE brands SET approved = 1 WHERE id = ? AND approved = 0", "i", "" };

bool brand_approval_required(void)
{
	return strcmp(config_str("brand_approval", "open"), "required") == 0;
}

struct approve_ctx {
	long long brand_id, admin_user_id;
	const char *remote_addr;
	bool approved;
};

static enum db_status approve_txn(struct db *db, void *vctx)
{
	struct approve_ctx *c = vctx;
	c->approved = false;
	enum db_status rc = db_query(db, NULL, &q_approve, (struct db_param[]){ DB_I(c->brand_id) }, NULL);
	if (rc != DB_OK || db_affected(db) == 0)
		return rc;
	struct admin_audit_entry e = {
		.actor_user_id = c->admin_user_id, .action = "brand.approve", .target_kind = "brand",
		.target_id = c->brand_id, .reason = "", .remote_addr = c->remote_addr,
	};
	if ((rc = admin_audit_append(db, &e)) == DB_OK)
		c->approved = true;
	return rc;
}

enum db_status brand_approval_approve(struct db *db, long long brand_id, long long admin_user_id,
				      const char *remote_addr, bool *approved)
{
	struct approve_ctx c = { brand_id, admin_user_id, remote_addr, false };
	enum db_status rc = db_txn(db, approve_txn, &c);
	*approved = c.approved;
	return rc;
}
