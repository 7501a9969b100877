/* order_notify.h: when an order is paid, its brand hears of a new order and each creator whose
 * pick sold in it of the sale (switchable notices, domain/mail/notify.h), in the transaction that
 * marks it paid: an instant payment at checkout, a hosted one settled, or an offline one confirmed. */
#ifndef CC_ORDER_NOTIFY_H
#define CC_ORDER_NOTIFY_H
#include "db/db.h"
#include "domain/mail/notify.h"

/* What the notices say about an order and each of its lines. */
struct order_notify_order {
	const char *number, *reference, *currency;	/* reference: the short one, or the number before 0043 */
	long long total, brand_id;
	long long brand_owner;	/* the brand owner's account, who hears of it; 0: none */
};
struct order_notify_line {
	long long quantity, creator_id;	/* creator_id 0: none */
	const char *title, *variant_title;
};

/* Reads the order and its lines, then notifies as order_notify_paid_known. */
enum db_status order_notify_paid(struct db *db, struct arena *a, long long order_id) DB_MUST_CHECK;
/* The notices of an order the caller has just written and so need not read back (the checkout):
 * lines in the order they were inserted, those of one creator next to each other. With brand not
 * NULL the brand owner's notice is rendered into *brand (user_id 0 if there is none) for the
 * caller to queue, which has read the owner's switch itself; the creators' are queued. */
enum db_status order_notify_paid_known(struct db *db, struct arena *a, const struct order_notify_order *o,
				       const struct order_notify_line *lines, size_t n,
				       struct notify_mail *brand) DB_MUST_CHECK;

#endif
