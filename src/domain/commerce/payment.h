/* payment.h: payment providers behind one interface, and the signature check of their webhooks.
 * A provider decides, while the order transaction is still open, what happens to a new order's
 * payment: it waits (offline: bank transfer, cash on delivery; or a gateway that confirms later
 * through the webhook), it is paid at once, or it is declined (the transaction rolls back, so
 * nothing is written or charged). Pure: no I/O. */
#ifndef CC_PAYMENT_H
#define CC_PAYMENT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

struct payment_provider {
	const char *name;	/* in forms, the database and the webhook path */
	const char *label;	/* for shoppers */
	enum payment_result (*start)(const struct payment_request *req);
};

/* The test provider declines every payment whose email's local part ends in this. */
#define PAYMENT_TEST_DECLINE "+decline"

/* NULL for an unknown name. */
const struct payment_provider *payment_find(const char *name);
#define PAYMENT_MAX_PROVIDERS 8
/* The providers a shopper may choose, in display order, into out (up to PAYMENT_MAX_PROVIDERS);
 * returns how many. config payment_providers ("offline,test") narrows the list; the default
 * offers both. */
size_t payment_choices(const struct payment_provider *out[PAYMENT_MAX_PROVIDERS]);
bool payment_offered(const char *name);

/* The provider's reference for an order's payment ("<provider>-<order number>"). */
void payment_reference(const struct payment_provider *p, const char *order_number, char *out, size_t outlen);

/* Constant-time check of a webhook signature: lowercase or uppercase hex of
 * HMAC-SHA256(key, body). False for anything malformed. */
bool payment_signature_ok(const uint8_t *key, size_t keylen, const void *body, size_t len, const char *hex);
/* The webhook key from config payment_webhook_secret (hex, 32 to 128 digits): false if unset or
 * malformed, and the webhook then refuses every call. */
bool payment_webhook_key(uint8_t key[64], size_t *keylen);

#endif
