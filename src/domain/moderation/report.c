/* report.c: filing a shopper's report of a public page, and an admin dismissing one. */
#include <string.h>
#include "domain/moderation/report.h"
#include "domain/admin/admin_audit.h"

const struct report_category report_categories[] = {
	{ "scam", "Scam or fraud" },
	{ "counterfeit", "Counterfeit or unsafe products" },
	{ "spam", "Spam or misleading" },
	{ "hate", "Hate, harassment or violence" },
	{ "adult", "Sexual content" },
	{ "other", "Something else" },
	{ NULL, NULL },
};

/* Whether the page is public now, as its public page decides it: a report of anything else is
 * refused like a page that does not exist. */
static const struct db_stmt q_public[TAKEDOWN__MAX] = {
	[TAKEDOWN_STOREFRONT] = { "SELECT 1 FROM creators WHERE id = ? AND taken_down_at IS NULL", "i", "i" },
	[TAKEDOWN_COLLECTION] = { "SELECT 1 FROM collections c JOIN creators cr ON cr.id = c.creator_id"
		" WHERE c.id = ? AND c.published = 1 AND c.taken_down_at IS NULL AND cr.taken_down_at IS NULL", "i", "i" },
	[TAKEDOWN_VIDEO] = { "SELECT 1 FROM videos WHERE id = ? AND taken_down_at IS NULL AND deleted_at IS NULL", "i", "i" },
	[TAKEDOWN_AD] = { "SELECT 1 FROM ads WHERE id = ? AND state = 'live' AND taken_down_at IS NULL", "i", "i" },
	[TAKEDOWN_LIVE] = { "SELECT 1 FROM live_sessions WHERE id = ? AND taken_down_at IS NULL", "i", "i" },
	[TAKEDOWN_FORM] = { "SELECT 1 FROM lead_forms WHERE id = ? AND status <> 'draft' AND taken_down_at IS NULL",
		"i", "i" },
};
static const struct db_stmt q_insert = {
	"INSERT INTO moderation_reports (kind, target_id, category, body, reporter_user_id, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())", "sissi", "" };
static const struct db_stmt q_dismiss = {
	"UPDATE moderation_reports SET state = 'dismissed', resolved_at = UTC_TIMESTAMP(), resolved_by = ?"
	" WHERE id = ? AND state = 'open'", "ii", "" };

bool report_category_known(const char *name)
{
	for (const struct report_category *c = report_categories; name && c->name; c++)
		if (strcmp(c->name, name) == 0)
			return true;
	return false;
}

enum db_status report_file(struct db *db, struct arena *a, enum takedown_kind kind, long long target_id,
			   const char *category, const char *body, long long reporter_user_id,
			   enum report_outcome *out)
{
	*out = REPORT_NO_SUCH;
	if ((unsigned)kind >= TAKEDOWN__MAX || !report_category_known(category))
		return DB_OK;
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_public[kind], (struct db_param[]){ DB_I(target_id) }, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	struct db_param p[] = {
		DB_S(takedown_kind_name(kind)), DB_I(target_id), DB_S(category), DB_S(body ? body : ""),
		reporter_user_id > 0 ? DB_I(reporter_user_id) : DB_NULL,
	};
	if ((rc = db_query(db, NULL, &q_insert, p, NULL)) == DB_OK)
		*out = REPORT_FILED;
	return rc;
}

struct dismiss_ctx {
	long long report_id, admin_user_id;
	const char *remote_addr;
	bool dismissed;
};

static enum db_status dismiss_txn(struct db *db, void *vctx)
{
	struct dismiss_ctx *c = vctx;
	c->dismissed = false;
	enum db_status rc = db_query(db, NULL, &q_dismiss,
				     (struct db_param[]){ DB_I(c->admin_user_id), DB_I(c->report_id) }, NULL);
	if (rc != DB_OK || db_affected(db) == 0)
		return rc;
	struct admin_audit_entry e = {
		.actor_user_id = c->admin_user_id, .action = "report.dismiss", .target_kind = "report",
		.target_id = c->report_id, .reason = "", .remote_addr = c->remote_addr,
	};
	if ((rc = admin_audit_append(db, &e)) == DB_OK)
		c->dismissed = true;
	return rc;
}

enum db_status report_dismiss(struct db *db, long long report_id, long long admin_user_id,
			      const char *remote_addr, bool *dismissed)
{
	struct dismiss_ctx c = { report_id, admin_user_id, remote_addr, false };
	enum db_status rc = db_txn(db, dismiss_txn, &c);
	*dismissed = c.dismissed;
	return rc;
}
