/* code_release.c: a redeemed code's use given back (code_release.h). */
#include "domain/commerce/code_release.h"

static const struct db_stmt q_release = {
	"UPDATE discount_codes d JOIN discount_redemptions r ON r.code_id = d.id"
	" SET d.uses = d.uses - 1, r.released_at = UTC_TIMESTAMP()"
	" WHERE r.order_id = ? AND r.released_at IS NULL AND d.uses > 0", "i", "" };

enum db_status code_release_order(struct db *db, long long order_id)
{
	return db_query(db, NULL, &q_release, (struct db_param[]){ DB_I(order_id) }, NULL);
}
