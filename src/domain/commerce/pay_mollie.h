/* pay_mollie.h: Mollie Payments over Mollie's documented v2 API: a payment created with the
 * amount as a decimal string in the currency's exact decimals, the shopper sent to its checkout
 * link, and a webhook that carries only the payment id, so the payment is read back to learn
 * what happened. Refunds per payment. Config mollie_api_key, mollie_api_base (default
 * https://api.mollie.com). */
#ifndef CC_PAY_MOLLIE_H
#define CC_PAY_MOLLIE_H
#include <stdbool.h>
#include <stddef.h>
#include "domain/commerce/payment.h"

extern const struct payment_provider pay_mollie;

/* {"currency":"EUR","value":"10.00"}'s value: the currency's exact decimals ("1000" for JPY). */
bool pay_mollie_amount(char *out, size_t outlen, long long minor, const char *currency);

/* The JSON body of POST /v2/payments for c, in arena a; NULL when the amount cannot be written. */
const char *pay_mollie_payment_json(struct arena *a, const struct payment_checkout *c);

/* The payment id of a webhook body ("id=tr_..."), or NULL when it is anything else. */
const char *pay_mollie_webhook_id(struct arena *a, const char *body, size_t len);

#endif
