/* code_release.h: giving a discount code's use back when the order that took it will never be
 * paid (its payment failed or the brand cancelled it), so a failed card does not use up a code
 * limited to a few uses. */
#ifndef CC_CODE_RELEASE_H
#define CC_CODE_RELEASE_H
#include "db/db.h"

/* In the caller's transaction, once the order has moved to payment_failed or cancelled: each code
 * the order redeemed gets one use back and its redemption is marked released, once. */
enum db_status code_release_order(struct db *db, long long order_id) DB_MUST_CHECK;

#endif
