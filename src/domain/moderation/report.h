/* report.h: shoppers' reports of public pages ("Report this page"): the categories, filing one
 * against a page that is public, and an admin dismissing one (audited in the same transaction).
 * Taking the page down resolves its reports (takedown.h). */
#ifndef CC_REPORT_H
#define CC_REPORT_H
#include <stdbool.h>
#include "db/db.h"
#include "domain/moderation/takedown.h"

#define REPORT_BODY_MAX 2000	/* characters, as moderation_reports.body holds */

/* The categories a reporter picks from, as moderation_reports.category spells them, with the
 * words the form shows; NULL-terminated, in the form's order. */
struct report_category {
	const char *name, *label;
};
extern const struct report_category report_categories[];
bool report_category_known(const char *name);

enum report_outcome {
	REPORT_FILED,
	REPORT_NO_SUCH,	/* no such page, or it is not public (already down, unpublished) */
};

/* Files a report of the public page kind/target_id; reporter_user_id 0 for an anonymous one. */
enum db_status report_file(struct db *db, struct arena *a, enum takedown_kind kind, long long target_id,
			   const char *category, const char *body, long long reporter_user_id,
			   enum report_outcome *out) DB_MUST_CHECK;

/* Dismisses an open report, with its audit row; *dismissed is false when there is no such open
 * report (already resolved, or never filed). */
enum db_status report_dismiss(struct db *db, long long report_id, long long admin_user_id,
			      const char *remote_addr, bool *dismissed) DB_MUST_CHECK;

#endif
