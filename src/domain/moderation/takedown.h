/* takedown.h: what an admin can take down (a storefront, collection, video, ad, live session or
 * lead form), taking it down or restoring it with the audit row in the same transaction, and the
 * kind names the reports, the audit log and the admin pages share. */
#ifndef CC_TAKEDOWN_H
#define CC_TAKEDOWN_H
#include <stdbool.h>
#include "db/db.h"

enum takedown_kind {
	TAKEDOWN_STOREFRONT, TAKEDOWN_COLLECTION, TAKEDOWN_VIDEO, TAKEDOWN_AD, TAKEDOWN_LIVE,
	TAKEDOWN_FORM, TAKEDOWN__MAX
};

#define TAKEDOWN_REASON_MAX 500	/* characters, as the taken_down_reason columns hold */
/* What the public is told instead of a taken-down page (410): neutral, never the reason. */
#define TAKEDOWN_PUBLIC_TEXT "This page has been removed."

/* "storefront", "collection", "video", "ad", "live", "form": the names in URLs, in
 * moderation_reports.kind and in the audit log's target kind. */
const char *takedown_kind_name(enum takedown_kind k);
/* For people: "storefront", "collection", "video", "ad", "live session", "lead form". */
const char *takedown_kind_label(enum takedown_kind k);
bool takedown_kind_parse(const char *name, enum takedown_kind *out);

enum takedown_outcome {
	TAKEDOWN_DONE,		/* changed, audited, and the target's open reports resolved */
	TAKEDOWN_UNCHANGED,	/* already down (or already up): nothing written */
	TAKEDOWN_NO_SUCH,	/* no such row */
};

struct takedown_action {
	enum takedown_kind kind;
	long long target_id;
	bool restore;			/* false: take down with reason; true: restore */
	const char *reason;		/* taking down: what the owner is told, 1..TAKEDOWN_REASON_MAX */
	long long admin_user_id;
	const char *remote_addr;	/* the admin's address, for the audit row (which keeps its network) */
};

/* Takes the target down (or restores it) in one transaction with its audit row; a takedown also
 * marks the target's open reports actioned. */
enum db_status takedown_apply(struct db *db, struct arena *arena, const struct takedown_action *a,
			      enum takedown_outcome *out) DB_MUST_CHECK;

#endif
