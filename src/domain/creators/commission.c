/* commission.c: commission of a line, floored to the minor unit so a creator is never paid a
 * fraction the brand did not receive. */
#include "domain/creators/commission.h"

long long commission_amount(long long line_total, unsigned bps)
{
	if (line_total <= 0 || bps == 0)
		return 0;
	if (bps > COMMISSION_MAX_BPS)
		bps = COMMISSION_MAX_BPS;
	/* Split so no intermediate product exceeds line_total: (q*10000 + r) * bps / 10000. */
	long long q = line_total / 10000, r = line_total % 10000;
	return q * (long long)bps + r * (long long)bps / 10000;
}
