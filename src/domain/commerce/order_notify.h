/* order_notify.h: when an order is paid, its brand hears of a new order and each creator whose
 * pick sold in it of the sale (switchable notices, domain/mail/notify.h), in the transaction that
 * marks it paid: an instant payment at checkout, a hosted one settled, or an offline one confirmed. */
#ifndef CC_ORDER_NOTIFY_H
#define CC_ORDER_NOTIFY_H
#include "db/db.h"

enum db_status order_notify_paid(struct db *db, struct arena *a, long long order_id) DB_MUST_CHECK;

#endif
