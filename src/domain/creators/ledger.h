/* ledger.h: the state of a creator's commission on one order line, from the ledger sums
 * (commission_entries). Pure. Amounts are integer minor units.
 *
 * net = accrued + reversed (reversals and clawbacks are negative); paid = -(sum of payouts)
 * (payouts are negative entries; a payout that settles a carried clawback is positive). What is
 * not yet paid is pending until the brand's return window has passed since the order was
 * delivered (or placed, if it was never marked delivered: a brand that never marks deliveries
 * still pays, one return window after the sale), and payable after that. A line refunded after
 * its commission was paid out owes the difference back: that negative is carried (at once,
 * whatever the window) against the creator's next payouts. */
#ifndef CC_LEDGER_H
#define CC_LEDGER_H
#include <stdbool.h>

struct ledger_split {
	long long pending, payable, paid;
	long long carried;	/* <= 0: commission paid out and since refunded, not yet netted */
};

struct ledger_split ledger_line(long long accrued, long long reversed, long long payouts, bool window_passed);

/* How a reversal of `due` (> 0) of a line's commission is written: the part not yet paid out
 * (nor in a payout batch waiting to be paid) as a 'reversal', the rest as a 'clawback'.
 * accrued >= 0; reversed <= 0 (reversals and clawbacks so far); paid >= 0 (paid out, plus what
 * an open batch is about to pay). */
struct ledger_reversal {
	long long reversal, clawback;	/* both >= 0, summing to due */
};
struct ledger_reversal ledger_reverse_split(long long accrued, long long reversed, long long paid, long long due);

#endif
