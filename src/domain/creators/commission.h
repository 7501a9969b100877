/* commission.h: a creator's commission on an order line, in integer minor units. Pure. */
#ifndef CC_COMMISSION_H
#define CC_COMMISSION_H

#define COMMISSION_MAX_BPS 10000u

/* floor(line_total * bps / 10000), computed without overflow for line totals up to 10^13 (and far
 * beyond); 0 for a line total <= 0 or bps 0; bps above 10000 counts as 10000. */
long long commission_amount(long long line_total, unsigned bps);

#endif
