/* order_state.c: the order transition table and the arithmetic of partial refunds. */
#include <stddef.h>
#include <string.h>
#include "domain/creators/commission.h"
#include "domain/commerce/calc.h"
#include "domain/commerce/order_state.h"

static const char *const status_names[ORDER__NSTATUS] = {
	"awaiting_payment", "paid", "shipped", "delivered", "cancelled", "refunded", "partially_refunded",
	"payment_failed",
};
static const char *const status_labels[ORDER__NSTATUS] = {
	"awaiting payment", "paid", "shipped", "delivered", "cancelled", "refunded", "partially refunded",
	"payment failed",
};
static const char *const action_names[ORDER__NACTION] = {
	"mark_paid", "ship", "deliver", "cancel", "refund", "payment_fail", "pay_late",
};

const char *order_status_name(enum order_status s)
{
	return s >= 0 && s < ORDER__NSTATUS ? status_names[s] : "";
}

const char *order_status_label(enum order_status s)
{
	return s >= 0 && s < ORDER__NSTATUS ? status_labels[s] : "";
}

enum order_status order_status_parse(const char *s)
{
	for (int i = 0; s && i < ORDER__NSTATUS; i++)
		if (strcmp(s, status_names[i]) == 0)
			return (enum order_status)i;
	return ORDER_INVALID;
}

const char *order_action_name(enum order_action a)
{
	return a >= 0 && a < ORDER__NACTION ? action_names[a] : "";
}

enum order_action order_action_parse(const char *s)
{
	for (int i = 0; s && i <= ORDER_REFUND; i++)
		if (strcmp(s, action_names[i]) == 0)
			return (enum order_action)i;
	return ORDER_NO_ACTION;
}

enum order_status order_next(enum order_status from, enum order_stage stage, enum order_action a,
			     bool refund_completes)
{
	switch (a) {
	case ORDER_MARK_PAID:
		return from == ORDER_AWAITING_PAYMENT ? ORDER_PAID : ORDER_INVALID;
	case ORDER_SHIP:
		if (from == ORDER_PAID)
			return ORDER_SHIPPED;
		return from == ORDER_PARTIALLY_REFUNDED && stage == ORDER_UNSHIPPED ? from : ORDER_INVALID;
	case ORDER_DELIVER:
		if (from == ORDER_SHIPPED)
			return ORDER_DELIVERED;
		return from == ORDER_PARTIALLY_REFUNDED && stage == ORDER_IN_TRANSIT ? from : ORDER_INVALID;
	case ORDER_CANCEL:
		return from == ORDER_AWAITING_PAYMENT || from == ORDER_PAID ? ORDER_CANCELLED : ORDER_INVALID;
	case ORDER_REFUND:
		if (from != ORDER_PAID && from != ORDER_SHIPPED && from != ORDER_DELIVERED &&
		    from != ORDER_PARTIALLY_REFUNDED)
			return ORDER_INVALID;
		return refund_completes ? ORDER_REFUNDED : ORDER_PARTIALLY_REFUNDED;
	case ORDER_PAYMENT_FAIL:
		return from == ORDER_AWAITING_PAYMENT ? ORDER_PAYMENT_FAILED : ORDER_INVALID;
	case ORDER_PAY_LATE:
		return from == ORDER_PAYMENT_FAILED ? ORDER_PAID : ORDER_INVALID;
	default:
		return ORDER_INVALID;
	}
}

enum order_stage order_stage_after(enum order_stage stage, enum order_action a)
{
	return a == ORDER_SHIP ? ORDER_IN_TRANSIT : a == ORDER_DELIVER ? ORDER_ARRIVED : stage;
}

long long order_line_share(long long line_total, long long quantity, long long units)
{
	if (quantity <= 0 || units <= 0)
		return 0;
	if (units >= quantity)
		return line_total;
	/* floor(total * units / quantity) without the product: total = whole * quantity + rest. */
	long long whole = line_total / quantity, rest = line_total % quantity;
	return whole * units + rest * units / quantity;
}

long long order_reversal_due(long long line_total, long long quantity, long long refunded_after,
			     unsigned bps, long long accrued, long long reversed)
{
	if (accrued <= 0)
		return 0;
	long long target = accrued;
	if (refunded_after < quantity) {
		/* The same rule that made the accrual (commission.c), applied to the refunded share. */
		target = commission_amount(order_line_share(line_total, quantity, refunded_after), bps);
		if (target > accrued)
			target = accrued;
	}
	return target > reversed ? target - reversed : 0;
}

long long order_refund_total(long long total, long long lines_refunded, unsigned tax_rate_bps,
			     bool tax_included, bool every_unit_refunded)
{
	if (every_unit_refunded)
		return total;
	if (lines_refunded <= 0)
		return 0;
	long long sum = lines_refunded + (tax_included ? 0 : calc_tax(lines_refunded, tax_rate_bps));
	return sum < total ? sum : total;
}
