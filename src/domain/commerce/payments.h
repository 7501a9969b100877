/* payments.h: the payment providers crowdcart knows (offline, and the test and redirect providers of
 * pay_*.c), which of them a shopper is offered, their shared settings, and the HMAC-SHA256
 * signature of the generic payment webhook. */
#ifndef CC_PAYMENTS_H
#define CC_PAYMENTS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "domain/commerce/payment.h"

/* What shoppers are offered when config payment_providers is unset: never the test provider
 * (pay_test.h), which only an operator's explicit list turns on. */
#define PAYMENTS_DEFAULT_PROVIDERS "offline"

/* NULL for an unknown name. */
const struct payment_provider *payments_find(const char *name);
#define PAYMENT_MAX_PROVIDERS 8
/* The providers a shopper may choose, in display order, into out (up to PAYMENT_MAX_PROVIDERS);
 * returns how many. A provider is offered when config payment_providers (default
 * PAYMENTS_DEFAULT_PROVIDERS) lists it and its settings are complete (provider->ready). */
size_t payments_choices(const struct payment_provider *out[PAYMENT_MAX_PROVIDERS]);
bool payments_offered(const char *name);

/* config payment_hold_minutes (default 30, 5..1440): how long a redirect payment holds stock. */
long payments_hold_minutes(void);
/* config base_url without a trailing slash ("https://shop.example"), or NULL when unset or not
 * an absolute http(s) URL: redirect providers are not ready without it. */
const char *payments_base_url(void);

/* The provider's reference for an order's payment ("<provider>-<order number>"). */
void payments_reference(const struct payment_provider *p, const char *order_number, char *out, size_t outlen);

/* Constant-time check of a webhook signature: lowercase or uppercase hex of
 * HMAC-SHA256(key, body). False for anything malformed. */
bool payments_signature_ok(const uint8_t *key, size_t keylen, const void *body, size_t len, const char *hex);
/* The webhook key from config payment_webhook_secret (hex, 32 to 128 digits): false if unset or
 * malformed, and the generic webhook then refuses every call. */
bool payments_webhook_key(uint8_t key[64], size_t *keylen);

#endif
