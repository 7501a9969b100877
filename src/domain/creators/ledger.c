/* ledger.c: see ledger.h. */
#include "domain/creators/ledger.h"

struct ledger_split ledger_line(long long accrued, long long reversed, long long payouts, bool window_passed)
{
	struct ledger_split s = { 0, 0, 0 };
	long long net = accrued + reversed, paid = -payouts;
	s.paid = paid;
	/* Refunded after being paid: nothing is owed (the brand settles the difference elsewhere). */
	long long open = net - paid > 0 ? net - paid : 0;
	if (window_passed)
		s.payable = open;
	else
		s.pending = open;
	return s;
}
