/* ledger.h: the state of a creator's commission on one order line, from the ledger sums
 * (commission_entries). Pure. Amounts are integer minor units.
 *
 * net = accrued + reversed (reversals are negative); paid = -(sum of payouts) (payouts are
 * negative entries). What is not yet paid is pending until the brand's return window has passed
 * since the order was delivered (or placed, if it was never marked delivered: a brand that never
 * marks deliveries still pays, one return window after the sale), and payable after that. */
#ifndef CC_LEDGER_H
#define CC_LEDGER_H
#include <stdbool.h>

struct ledger_split {
	long long pending, payable, paid;
};

struct ledger_split ledger_line(long long accrued, long long reversed, long long payouts, bool window_passed);

#endif
