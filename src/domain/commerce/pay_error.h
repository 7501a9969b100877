/* pay_error.h: what every provider makes of a call that did not succeed, before its own words. */
#ifndef CC_PAY_ERROR_H
#define CC_PAY_ERROR_H
#include <stdbool.h>
#include "domain/commerce/payment.h"

/* Decides the answers all providers read alike: no answer, or anything but a 4xx, is
 * PAYMENT_DOWN; 401 and 403 are PAYMENT_REFUSED naming the config keys (never their values).
 * True with *outcome and *message set when decided; false for any other 4xx, which the provider
 * reads in its own words. */
bool pay_error_common(struct arena *a, const struct outcall_res *res, const char *provider, const char *keys,
		      enum payment_outcome *outcome, const char **message);

#endif
