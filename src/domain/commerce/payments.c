/* payments.c: the list of payment providers, which are offered, their shared settings, the
 * offline and test providers, and HMAC-SHA256 signatures of the generic webhook (libsodium). */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "lib/base_url.h"
#include "lib/config.h"
#include "domain/commerce/pay_mollie.h"
#include "domain/commerce/pay_paypal.h"
#include "domain/commerce/pay_stripe.h"
#include "domain/commerce/payments.h"

static enum payment_result offline_decide(const struct payment_request *req)
{
	return PAY_PENDING;
}

/* For development and tests: paid at once, unless the email says to decline
 * ("shopper+decline@example.com"), so a test can watch a refusal end-to-end. */
static enum payment_result test_decide(const struct payment_request *req)
{
	const char *at = strrchr(req->email, '@');
	size_t n = sizeof PAYMENT_TEST_DECLINE - 1;
	if (at && (size_t)(at - req->email) >= n && strncmp(at - n, PAYMENT_TEST_DECLINE, n) == 0)
		return PAY_DECLINED;
	return PAY_PAID;
}

static const struct payment_provider offline = {
	.name = "offline", .label = "Bank transfer or cash on delivery (pay later)",
	.kind = PAYMENT_OFFLINE, .decide = offline_decide };
static const struct payment_provider test = {
	.name = "test", .label = "Test payment (development only: paid at once)",
	.kind = PAYMENT_INSTANT, .decide = test_decide };
/* In the order shoppers see them when offered. */
static const struct payment_provider *const all[] = { &pay_stripe, &pay_paypal, &pay_mollie, &offline, &test, NULL };

const struct payment_provider *payments_find(const char *name)
{
	for (size_t i = 0; name && all[i]; i++)
		if (strcmp(all[i]->name, name) == 0)
			return all[i];
	return NULL;
}

bool payments_offered(const char *name)
{
	const struct payment_provider *p = payments_find(name);
	if (!p || (p->ready && !p->ready()))
		return false;
	const char *list = config_str("payment_providers", "offline,test");
	size_t n = strlen(p->name);
	for (const char *s = list; (s = strstr(s, p->name)); s += n)
		if ((s == list || s[-1] == ',' || s[-1] == ' ') && (s[n] == '\0' || s[n] == ',' || s[n] == ' '))
			return true;
	return false;
}

size_t payments_choices(const struct payment_provider *out[PAYMENT_MAX_PROVIDERS])
{
	size_t k = 0;
	for (size_t i = 0; all[i] && k < PAYMENT_MAX_PROVIDERS; i++)
		if (payments_offered(all[i]->name))
			out[k++] = all[i];
	return k;
}

long payments_hold_minutes(void)
{
	return config_int("payment_hold_minutes", 30, 5, 1440);
}

const char *payments_base_url(void)
{
	static char url[BASE_URL_MAX];
	return base_url_get(url) ? url : NULL;
}

void payments_reference(const struct payment_provider *p, const char *order_number, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s-%s", p->name, order_number);
}

bool payments_signature_ok(const uint8_t *key, size_t keylen, const void *body, size_t len, const char *hex)
{
	uint8_t want[crypto_auth_hmacsha256_BYTES], got[crypto_auth_hmacsha256_BYTES];
	size_t n;
	if (!hex || strlen(hex) != 2 * sizeof got ||
	    sodium_hex2bin(got, sizeof got, hex, strlen(hex), NULL, &n, NULL) != 0 || n != sizeof got)
		return false;
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, key, keylen);
	crypto_auth_hmacsha256_update(&st, body, len);
	crypto_auth_hmacsha256_final(&st, want);
	return sodium_memcmp(want, got, sizeof want) == 0;
}

bool payments_webhook_key(uint8_t key[64], size_t *keylen)
{
	const char *hex = config_str("payment_webhook_secret", "");
	size_t len = strlen(hex);
	if (len < 32 || len > 128 || len % 2)
		return false;
	return sodium_hex2bin(key, 64, hex, len, NULL, keylen, NULL) == 0 && *keylen == len / 2;
}
