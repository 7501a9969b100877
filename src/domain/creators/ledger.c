/* ledger.c: see ledger.h. */
#include "domain/creators/ledger.h"

struct ledger_split ledger_line(long long accrued, long long reversed, long long payouts, bool window_passed)
{
	struct ledger_split s = { 0, 0, 0, 0 };
	long long net = accrued + reversed, paid = -payouts;
	s.paid = paid;
	long long open = net - paid;
	if (open < 0)
		s.carried = open;
	else if (window_passed)
		s.payable = open;
	else
		s.pending = open;
	return s;
}

struct ledger_reversal ledger_reverse_split(long long accrued, long long reversed, long long paid, long long due)
{
	struct ledger_reversal v = { 0, 0 };
	if (due <= 0)
		return v;
	long long unpaid = accrued + reversed - paid;
	v.reversal = unpaid <= 0 ? 0 : unpaid < due ? unpaid : due;
	v.clawback = due - v.reversal;
	return v;
}
