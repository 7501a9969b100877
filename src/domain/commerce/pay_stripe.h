/* pay_stripe.h: Stripe Checkout Sessions over Stripe's documented HTTP API: the session created
 * form-encoded with the secret key as basic-auth user, read back by id, refunds against its
 * payment intent, and the Stripe-Signature check of its webhook events. Config stripe_secret_key,
 * stripe_webhook_secret, stripe_api_base (default https://api.stripe.com). */
#ifndef CC_PAY_STRIPE_H
#define CC_PAY_STRIPE_H
#include <stddef.h>
#include "domain/commerce/payment.h"

extern const struct payment_provider pay_stripe;

/* How old a signed event may be, in seconds, as Stripe's own libraries default to. */
#define PAY_STRIPE_TOLERANCE 300

enum pay_stripe_sig {
	PAY_STRIPE_SIG_OK,
	PAY_STRIPE_SIG_MALFORMED,	/* no t=, no v1=, or not a header at all */
	PAY_STRIPE_SIG_STALE,		/* |now - t| > tolerance */
	PAY_STRIPE_SIG_MISMATCH,	/* no v1= is HMAC-SHA256(secret, "<t>.<body>") */
};

/* Checks a Stripe-Signature header ("t=1700000000,v1=<hex>,v1=<hex>,v0=...") as Stripe
 * documents: split on ','; the t= timestamp; every v1= value, any of which may match (a secret
 * being rolled signs with both); hex HMAC-SHA256 keyed with the endpoint secret over
 * "<t>.<raw body>", compared in constant time. Pure: no I/O. */
enum pay_stripe_sig pay_stripe_verify(const char *header, const char *body, size_t len, const char *secret,
				      long long now);

/* The form body of POST /v1/checkout/sessions for c, in arena a. */
const char *pay_stripe_session_form(struct arena *a, const struct payment_checkout *c);

#endif
