/* refund_pay.h: refunds of orders paid on a provider's hosted page move the money back through
 * the provider's refund API before the order records them. The call happens outside any
 * transaction: a pending payment_refunds row first (its key is the provider's idempotency key,
 * so the same request refunds once however often it is sent), then the call, then the order's
 * refund transaction only if the provider accepted. A refusal or no answer leaves the order as
 * it was and says why. Internal to src/studio. */
#ifndef CC_STUDIO_REFUND_PAY_H
#define CC_STUDIO_REFUND_PAY_H
#include <stdbool.h>
#include "web/http.h"

struct refund_pay {
	long long order_id, row;		/* row: payment_refunds.id */
	const char *provider, *payment_id, *currency;
	const char *number;			/* the order's: PayPal refunds that order's capture */
	const char *refund_id, *message;	/* after refund_pay_send */
	int http;				/* refusal: 502 (refused) or 503 (no answer) */
};

/* Whether the brand's order `number` was paid through a hosted-payment provider; if so, fills p
 * (order, provider, payment id, currency). */
enum db_status refund_pay_lookup(struct db *db, struct arena *a, const char *number, long long brand_id,
				 struct refund_pay *p, bool *hosted) DB_MUST_CHECK;

/* Asks the provider to refund `amount` for the request described by `request` (the form's mode
 * and lines, and the order version it was made from): true when the provider accepted
 * (p->refund_id), false with p->message and p->http; or false with *rc set on a database failure. */
bool refund_pay_send(struct db *db, struct arena *a, struct refund_pay *p, long long amount, const char *request,
		     enum db_status *rc);

/* In the order's refund transaction: the provider's refund is recorded as done. */
enum db_status refund_pay_done(struct db *db, const struct refund_pay *p) DB_MUST_CHECK;

#endif
