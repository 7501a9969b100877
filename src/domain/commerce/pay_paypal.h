/* pay_paypal.h: PayPal Checkout over PayPal's documented REST API: an OAuth2 client-credentials
 * token (cached per worker until shortly before it expires), Orders v2 with one purchase unit
 * per crowdcart order, capture on return with PayPal-Request-Id, refunds per capture, and
 * webhooks verified by PayPal's own verify-webhook-signature call. Config paypal_client_id,
 * paypal_client_secret, paypal_webhook_id, paypal_api_base (default https://api-m.paypal.com). */
#ifndef CC_PAY_PAYPAL_H
#define CC_PAY_PAYPAL_H
#include <stdbool.h>
#include <stddef.h>
#include "domain/commerce/payment.h"

extern const struct payment_provider pay_paypal;

/* Seconds before its expiry that a cached token is replaced, so no call starts with a token
 * about to lapse. */
#define PAY_PAYPAL_TOKEN_MARGIN 120

/* An amount as PayPal writes it for currency: "12.50", JPY "1000". PayPal takes no decimals in
 * HUF and TWD either, so those amounts must be whole units. False if it cannot be written. */
bool pay_paypal_amount(char *out, size_t outlen, long long minor, const char *currency);

/* The JSON body of POST /v2/checkout/orders for c, in arena a; NULL with *why when PayPal could
 * not take it (a currency it does not support, more than 10 orders, an amount it cannot write). */
const char *pay_paypal_order_json(struct arena *a, const struct payment_checkout *c, const char **why);

/* Forgets the cached token (unit tests; a worker never needs to). */
void pay_paypal_forget_token(void);

#endif
