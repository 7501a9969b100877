/* pay_test.c: the test provider (see pay_test.h). */
#include <string.h>
#include "domain/commerce/pay_test.h"

/* Paid at once, unless the email says to decline ("shopper+decline@example.com"), so a test can
 * watch a refusal end-to-end. */
static enum payment_result pay_test_decide(const struct payment_request *req)
{
	const char *at = strrchr(req->email, '@');
	size_t n = sizeof PAY_TEST_DECLINE - 1;
	if (at && (size_t)(at - req->email) >= n && strncmp(at - n, PAY_TEST_DECLINE, n) == 0)
		return PAY_DECLINED;
	return PAY_PAID;
}

const struct payment_provider pay_test = {
	.name = "test", .label = "Test payment (development only: paid at once)",
	.kind = PAYMENT_INSTANT, .decide = pay_test_decide };
