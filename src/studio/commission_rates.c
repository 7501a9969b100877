/* commission_rates.c: commission rates as brands type them and creators read them: a percentage
 * with two decimals in basis points, and "what a sale today earns, and what is coming". */
#include "lib/money.h"
#include "studio/studio.h"

bool commission_percent_parse(const char *s, long long *bps)
{
	/* money_parse reads "12.5" as 1250 hundredths, which is what basis points of a percent are. */
	return s && money_parse(s, "USD", bps) && *bps >= 0 && *bps <= COMMISSION_OFFER_MAX_BPS;
}

const char *commission_schedule_text(struct req *r, long long bps, long long pending_bps, const char *pending_day)
{
	if (pending_bps < 0)
		return arena_printf(r->arena, "%s on a sale today", creator_rate_text(r, bps));
	return arena_printf(r->arena, "%s on a sale today; from %s, %s", creator_rate_text(r, bps), pending_day,
			    creator_rate_text(r, pending_bps));
}
