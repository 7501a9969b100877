/* pay_error.c: the provider-independent reading of a failed call (pay_error.h). */
#include "domain/commerce/pay_error.h"

bool pay_error_common(struct arena *a, const struct outcall_res *res, const char *provider, const char *keys,
		      enum payment_outcome *outcome, const char **message)
{
	*outcome = PAYMENT_DOWN;
	if (res->status == 0)
		*message = arena_printf(a, "no answer from %s (%s)", provider, res->error);
	else if (res->status < 400 || res->status >= 500)
		*message = arena_printf(a, "%s answered HTTP %d", provider, res->status);
	else if (res->status == 401 || res->status == 403) {
		*outcome = PAYMENT_REFUSED;
		*message = arena_printf(a, "%s did not accept crowdcart's %s", provider, keys);
	} else
		return false;
	return true;
}
