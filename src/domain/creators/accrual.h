/* accrual.h: creators' commission accrues when an order is paid: one accrual entry in
 * commission_entries per line with commission, written in the caller's transaction. The one
 * place that inserts an accrual. */
#ifndef CC_ACCRUAL_H
#define CC_ACCRUAL_H
#include "db/db.h"

/* Accrues the commission of every line of the order (commission_amount > 0, a creator), unless
 * the test provider paid it (pay_test.h): a test order settles paid and accrues nothing. Call
 * once, in the transaction that moves the order to paid. */
enum db_status accrual_for_order(struct db *db, struct arena *a, long long order_id) DB_MUST_CHECK;

#endif
