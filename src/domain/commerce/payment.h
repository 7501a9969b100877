/* payment.h: what a payment provider is, for the code that takes orders. Three kinds:
 * - offline: the order waits as awaiting_payment until someone marks it paid (bank transfer);
 * - instant: decided while the order transaction is open (the development "test" provider);
 * - redirect: a hosted payment page (Stripe, PayPal, Mollie). The order is written first as
 *   awaiting_payment with its stock held; after that transaction commits, start() creates the
 *   provider's checkout and the shopper is sent to its URL; the outcome comes back through
 *   fetch() (return page, reconcile) and webhook() (the provider's notice), both settled by the
 *   same idempotent code.
 * A redirect provider speaks HTTP through struct payment_http, which the programs fill with
 * web/outbound.h's outbound_call, and unit tests with a fake. Every string a provider returns
 * lives in the arena it was given. Header only: the providers (pay_*.c) and the list of them
 * (payments.c) include it. */
#ifndef CC_PAYMENT_H
#define CC_PAYMENT_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/arena.h"
#include "lib/outcall.h"

enum payment_kind {
	PAYMENT_OFFLINE,
	PAYMENT_INSTANT,
	PAYMENT_REDIRECT,
};

/* ---- offline and instant: decided inside the order transaction ---- */

enum payment_result {
	PAY_PENDING,	/* the order waits as awaiting_payment */
	PAY_PAID,	/* the order is paid now */
	PAY_DECLINED,	/* refuse the order; nothing is kept */
};

struct payment_request {
	const char *order_number;
	const char *email;
	long long amount;	/* minor units */
	const char *currency;
};

/* ---- redirect: the transport ---- */

/* Carries out req and fills res (status 0 with res->error when nothing answered: down, timeout,
 * refused address). Answers and error texts are in arena a. */
struct payment_http {
	void (*call)(void *ctx, struct arena *a, const struct outcall_req *req, struct outcall_res *res);
	void *ctx;
};

/* How a provider call ended. */
enum payment_outcome {
	PAYMENT_OK,
	PAYMENT_REFUSED,	/* the provider answered no (4xx): message says why, in its words */
	PAYMENT_DOWN,		/* no usable answer (unreachable, timeout, 5xx, garbage): try later */
};

/* ---- redirect: start ---- */

struct payment_line {
	const char *title;	/* product title and variant, as the shopper saw it */
	long long unit_price;	/* minor units */
	long long quantity;
};

/* One brand's order of the checkout. Its total = Σ unit_price × quantity + shipping + tax. */
struct payment_order {
	const char *number;	/* crowdcart's order number */
	const char *brand;	/* the brand's name */
	long long shipping, tax, total;
	const struct payment_line *lines;
	size_t nlines;
};

/* One provider checkout for one crowdcart checkout (every order in one currency). */
struct payment_checkout {
	const char *reference;	/* checkouts.public_ref: the provider's client reference, and the
				 * root of every idempotency key of this checkout's calls */
	const char *email;
	const char *currency;	/* ISO 4217, uppercase */
	long long total;	/* Σ orders' totals, minor units of currency */
	const struct payment_order *orders;
	size_t norders;
	const char *return_url;	/* absolute; where the shopper comes back to after paying. A provider
				 * appends what it needs (Stripe: session_id={CHECKOUT_SESSION_ID}) */
	const char *cancel_url;	/* absolute; where the shopper lands after giving up */
	const char *webhook_url;	/* absolute; for providers that take it per payment (Mollie) */
	long long expires_at;	/* Unix seconds: after this the provider should refuse to take the payment */
};

struct payment_started {
	const char *session_id;	/* the provider's id of this checkout (cs_…, PayPal order id, tr_…) */
	const char *url;	/* where to send the shopper (303) */
	const char *message;	/* REFUSED/DOWN: why, for the log and the page (no secrets) */
};

/* ---- redirect: the state of a payment ---- */

enum payment_state {
	PAYMENT_PENDING,	/* not paid yet (open, or an asynchronous method still confirming) */
	PAYMENT_PAID,
	PAYMENT_FAILED,		/* failed, expired or cancelled: it will never be paid */
};

struct payment_status {
	enum payment_state state;
	const char *payment_id;	/* PAID: the provider's id to refund against (pi_…, capture id, tr_…) */
	long long amount;	/* PAID: what was taken, minor units of currency */
	char currency[4];	/* PAID: ISO 4217, uppercase */
	const char *message;	/* REFUSED/DOWN: why */
};

/* ---- redirect: refunds ---- */

struct payment_refund {
	const char *payment_id;	/* payment_status.payment_id at paid */
	long long amount;	/* minor units */
	const char *currency;
	const char *idempotency_key;	/* stable for this one refund request: a retry refunds once */
	const char *order_number;	/* the crowdcart order refunded, or NULL: a provider with a
					 * payment per order (PayPal's capture per purchase unit) refunds
					 * that order's; without it, the first with enough left */
};

struct payment_refunded {
	const char *refund_id;	/* OK: the provider's refund id */
	const char *message;	/* REFUSED/DOWN: why, in the provider's words where it gave them */
};

/* ---- redirect: webhooks ---- */

struct payment_webhook_in {
	const char *body;	/* the raw body, exactly as received */
	size_t len;
	/* The request header of that name ("Stripe-Signature"), or NULL. */
	const char *(*header)(void *ctx, const char *name);
	void *header_ctx;
	long long now;		/* Unix seconds, for timestamp tolerance */
};

/* One thing the verified notice says happened. */
struct payment_event {
	const char *event_id;	/* the provider's event id, deduplicated (UNIQUE); "" when the
				 * provider has none (Mollie): the notice is then settled by fetch */
	const char *session_id;	/* payment_started.session_id of the payment it is about */
	bool has_state;		/* the verified notice itself says the state (Stripe): no fetch needed */
	struct payment_status status;	/* when has_state */
};

struct payment_events {
	struct payment_event *ev;
	size_t n;
	const char *message;	/* REFUSED (bad signature, malformed: answer 400) or DOWN (could not
				 * verify now: answer 503 so the provider retries) */
};

/* ---- a provider ---- */

struct payment_provider {
	const char *name;	/* in forms, the database and the webhook path /webhooks/payment/{name} */
	const char *label;	/* for shoppers */
	enum payment_kind kind;
	/* True when its settings are complete (keys, base_url): only then is it offered, even if
	 * payment_providers lists it. NULL: always. */
	bool (*ready)(void);

	/* offline and instant */
	enum payment_result (*decide)(const struct payment_request *req);

	/* redirect: each is given the transport and an arena for everything it returns. */
	enum payment_outcome (*start)(const struct payment_http *http, struct arena *a,
				      const struct payment_checkout *c, struct payment_started *out);
	/* The current state of the payment start() made. May act at the provider when that is how
	 * the provider completes an approved payment (PayPal's capture, idempotent by request id). */
	enum payment_outcome (*fetch)(const struct payment_http *http, struct arena *a, const char *session_id,
				      struct payment_status *out);
	enum payment_outcome (*refund)(const struct payment_http *http, struct arena *a,
				       const struct payment_refund *rq, struct payment_refunded *out);
	/* Verifies a notice (signature, or the provider's verification call) and lists its events.
	 * OK with n == 0: authentic but nothing to settle (an event type crowdcart ignores). */
	enum payment_outcome (*webhook)(const struct payment_http *http, struct arena *a,
					const struct payment_webhook_in *in, struct payment_events *out);
	/* Optional (NULL: the provider has no such call): stops the provider from taking a payment
	 * crowdcart gave up on when its hold was released, so the shopper cannot pay late. REFUSED
	 * when it can no longer be stopped (paid, or a bank debit under way): fetch again. */
	enum payment_outcome (*cancel)(const struct payment_http *http, struct arena *a, const char *session_id,
				       const char **message);
};

#endif
