/* pay_settle.h: the one way a hosted payment's outcome reaches the orders, whoever learnt it (the
 * provider's webhook, the return page, reconcile, the hold release): paid exactly once, failed at
 * most once and never after paid, whatever arrives first and however often. Also the payment
 * session row that placing an order writes and start() completes. */
#ifndef CC_PAY_SETTLE_H
#define CC_PAY_SETTLE_H
#include <stdbool.h>
#include "db/db.h"
#include "domain/commerce/payment.h"

enum pay_settle_result {
	PAY_SETTLE_UNKNOWN,	/* no payment session by that id */
	PAY_SETTLE_DUPLICATE,	/* that event id was acted on before: nothing done */
	PAY_SETTLE_PENDING,	/* not decided yet (or the hold is not over): nothing done */
	PAY_SETTLE_PAID,	/* paid, now or before */
	PAY_SETTLE_FAILED,	/* failed, now or before: the orders are payment_failed, stock back */
	PAY_SETTLE_MISMATCH,	/* "paid", but not the checkout's amount or currency: not marked paid */
};

struct pay_settle {
	/* The payment session: by row id, or else by provider and the provider's session id. */
	long long row;
	const char *provider, *session_id;
	const char *event_id;	/* deduplicated in the same transaction; NULL or "" for none */
	struct payment_status status;
	const char *note;	/* who learnt it, for the orders' events: "stripe webhook", "return page" */
	bool hold_over_only;	/* FAILED only if the hold is over (the hold release's PENDING) */
	/* set by pay_settle_run */
	enum pay_settle_result result;
	long long checkout_id;
};

/* Runs the settlement in its own db_txn. */
enum db_status pay_settle_run(struct db *db, struct arena *a, struct pay_settle *s) DB_MUST_CHECK;

/* In the order transaction: the payment session of a checkout paid through a redirect provider,
 * holding its stock for payment_hold_minutes. *row is its id. */
enum db_status pay_settle_open(struct db *db, long long checkout_id, const char *provider, long long amount,
			       const char *currency, long long *row) DB_MUST_CHECK;

/* After start() answered: the provider's session id and hosted page, and the session is pending. */
enum db_status pay_settle_started(struct db *db, long long row, const char *session_id, const char *url) DB_MUST_CHECK;

/* A payment session as stored: what the return page, reconcile and the hold release need. */
struct pay_settle_row {
	long long row, checkout_id;
	const char *provider, *session_id, *status;	/* session_id "" before start() answered */
	const char *pay_url;				/* the hosted page, "" before start() answered */
	bool hold_over;
};

/* The payment session of a checkout (by its public reference), false in *found if none. */
enum db_status pay_settle_by_checkout(struct db *db, struct arena *a, const char *ref, struct pay_settle_row *out,
				      bool *found) DB_MUST_CHECK;

/* Up to max payment sessions still open ('starting' or 'pending'); only those whose hold is over
 * when hold_over_only. *n is how many. */
enum db_status pay_settle_open_rows(struct db *db, struct arena *a, bool hold_over_only, size_t max,
				    struct pay_settle_row **rows, size_t *n) DB_MUST_CHECK;

/* Forgets up to `max` event ids received more than 60 days ago; how many, or -1 on a database
 * failure. Providers resend for days (Stripe: 3, and 30 by hand from its dashboard); a repeat
 * after that would change nothing anyway, every move being conditional. */
long pay_settle_forget_events(struct db *db, long max);

#endif
