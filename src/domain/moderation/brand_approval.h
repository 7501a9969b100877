/* brand_approval.h: the brand_approval setting (open: a new brand's catalog is public at once;
 * required: it waits for an admin), and an admin approving a waiting brand, audited in the same
 * transaction. The public queries read brands.approved themselves (a join condition). */
#ifndef CC_BRAND_APPROVAL_H
#define CC_BRAND_APPROVAL_H
#include <stdbool.h>
#include "db/db.h"

/* Whether a brand signing up now waits for approval: the config's brand_approval is "required".
 * Open is the default because a self-hosted shop is most often run by the brands on it, who
 * would otherwise wait on themselves; a public marketplace sets required. */
bool brand_approval_required(void);

/* Approves a waiting brand; *approved is false when there is no such brand waiting. */
enum db_status brand_approval_approve(struct db *db, long long brand_id, long long admin_user_id,
				      const char *remote_addr, bool *approved) DB_MUST_CHECK;

#endif
