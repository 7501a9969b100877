/* takedown.c: taking a public item down or restoring it, with its audit row, in one transaction. */
#include <string.h>
#include "domain/moderation/takedown.h"
#include "domain/admin/admin_audit.h"

static const char *const names[TAKEDOWN__MAX] = {
	"storefront", "collection", "video", "ad", "live", "form",
};
static const char *const labels[TAKEDOWN__MAX] = {
	"storefront", "collection", "video", "ad", "live session", "lead form",
};

#define TAKEDOWN_STMTS(table) \
	{ "UPDATE " table " SET taken_down_at = UTC_TIMESTAMP(), taken_down_reason = ?" \
	  " WHERE id = ? AND taken_down_at IS NULL", "si", "" }, \
	{ "UPDATE " table " SET taken_down_at = NULL, taken_down_reason = NULL" \
	  " WHERE id = ? AND taken_down_at IS NOT NULL", "i", "" }, \
	{ "SELECT 1 FROM " table " WHERE id = ?", "i", "i" }

/* Per kind: take down, restore, exists. A storefront is its creator's row. */
static const struct db_stmt stmts[TAKEDOWN__MAX][3] = {
	[TAKEDOWN_STOREFRONT] = { TAKEDOWN_STMTS("creators") },
	[TAKEDOWN_COLLECTION] = { TAKEDOWN_STMTS("collections") },
	[TAKEDOWN_VIDEO] = { TAKEDOWN_STMTS("videos") },
	[TAKEDOWN_AD] = { TAKEDOWN_STMTS("ads") },
	[TAKEDOWN_LIVE] = { TAKEDOWN_STMTS("live_sessions") },
	[TAKEDOWN_FORM] = { TAKEDOWN_STMTS("lead_forms") },
};

static const struct db_stmt q_reports_actioned = {
	"UPDATE moderation_reports SET state = 'actioned', resolved_at = UTC_TIMESTAMP(), resolved_by = ?"
	" WHERE kind = ? AND target_id = ? AND state = 'open'", "isi", "" };

const char *takedown_kind_name(enum takedown_kind k)
{
	return (unsigned)k < TAKEDOWN__MAX ? names[k] : "";
}

const char *takedown_kind_label(enum takedown_kind k)
{
	return (unsigned)k < TAKEDOWN__MAX ? labels[k] : "";
}

bool takedown_kind_parse(const char *name, enum takedown_kind *out)
{
	for (int k = 0; name && k < TAKEDOWN__MAX; k++)
		if (strcmp(name, names[k]) == 0) {
			*out = (enum takedown_kind)k;
			return true;
		}
	return false;
}

struct apply_ctx {
	struct arena *arena;
	const struct takedown_action *a;
	enum takedown_outcome out;
};

static enum db_status apply_txn(struct db *db, void *vctx)
{
	struct apply_ctx *c = vctx;
	const struct takedown_action *a = c->a;
	const struct db_stmt *st = stmts[a->kind];
	enum db_status rc = a->restore
		? db_query(db, NULL, &st[1], (struct db_param[]){ DB_I(a->target_id) }, NULL)
		: db_query(db, NULL, &st[0], (struct db_param[]){ DB_S(a->reason), DB_I(a->target_id) }, NULL);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0) {
		struct db_res res;
		rc = db_query(db, c->arena, &st[2], (struct db_param[]){ DB_I(a->target_id) }, &res);
		c->out = rc == DB_OK && res.nrows == 0 ? TAKEDOWN_NO_SUCH : TAKEDOWN_UNCHANGED;
		return rc;
	}
	const char *kind = names[a->kind];
	struct admin_audit_entry e = {
		.actor_user_id = a->admin_user_id,
		.action = arena_concat(c->arena, kind, a->restore ? ".restore" : ".take_down", (char *)NULL),
		.target_kind = kind, .target_id = a->target_id,
		.reason = a->restore ? "" : a->reason, .remote_addr = a->remote_addr,
	};
	if ((rc = admin_audit_append(db, &e)) != DB_OK)
		return rc;
	if (!a->restore)
		rc = db_query(db, NULL, &q_reports_actioned,
			      (struct db_param[]){ DB_I(a->admin_user_id), DB_S(kind), DB_I(a->target_id) }, NULL);
	c->out = TAKEDOWN_DONE;
	return rc;
}

enum db_status takedown_apply(struct db *db, struct arena *arena, const struct takedown_action *a,
			      enum takedown_outcome *out)
{
	struct apply_ctx c = { .arena = arena, .a = a, .out = TAKEDOWN_NO_SUCH };
	enum db_status rc = (unsigned)a->kind < TAKEDOWN__MAX ? db_txn(db, apply_txn, &c) : DB_ERR;
	*out = c.out;
	return rc;
}
