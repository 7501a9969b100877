/* fuzz_checkout.c: libFuzzer harness for what checkout parses from people and providers: typed
 * order numbers and order references, confirmation references, one-time tokens and webhook
 * signatures (ours and Stripe's). Whatever goes in, a normalised number is 20 base32 digits and
 * normalises to itself, a normalised reference is 8 and reads back from how it is shown, and
 * nothing forged is accepted. */
#include <stdlib.h>
#include <string.h>
#include "domain/commerce/calc.h"
#include "domain/commerce/order_ref.h"
#include "domain/commerce/pay_stripe.h"
#include "domain/commerce/payments.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	char n[CALC_ORDERNO_LEN + 1], again[CALC_ORDERNO_LEN + 1];
	if (calc_orderno_normalize(s, n)) {
		if (strlen(n) != CALC_ORDERNO_LEN || strspn(n, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") != CALC_ORDERNO_LEN)
			abort();
		if (!calc_orderno_normalize(n, again) || strcmp(n, again) != 0)
			abort();
	}
	char ref[ORDER_REF_LEN + 1], ref_again[ORDER_REF_LEN + 1], shown[ORDER_REF_SHOW_SIZE];
	if (order_ref_normalize(s, ref)) {
		if (strlen(ref) != ORDER_REF_LEN || strspn(ref, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") != ORDER_REF_LEN)
			abort();
		order_ref_show(ref, shown);
		if (!order_ref_normalize(shown, ref_again) || strcmp(ref, ref_again) != 0)
			abort();
	}
	if (calc_ref_valid(s) && strlen(s) != CALC_REF_LEN)
		abort();
	static const uint8_t secret[32] = { 1, 2, 3 }, session[32] = { 4, 5, 6 };
	/* A token the fuzzer writes is accepted only if it guessed a 128-bit MAC. */
	if (calc_token_check(secret, session, s) && size != CALC_TOKEN_LEN)
		abort();
	static const uint8_t key[32] = { 7 };
	if (payments_signature_ok(key, sizeof key, data, size, s) && size != 64)
		abort();
	/* A Stripe-Signature header the fuzzer writes never verifies its own bytes as a body: that
	 * would take a guessed HMAC-SHA256. */
	if (pay_stripe_verify(s, s, strlen(s), "whsec_fuzz", 1765000000) == PAY_STRIPE_SIG_OK)
		abort();
	free(s);
	return 0;
}
