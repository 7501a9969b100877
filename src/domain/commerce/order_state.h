/* order_state.h: an order's life cycle as pure rules: which action moves which status where, and
 * how much money and commission a refund of part of a line takes back. No I/O, table-tested. */
#ifndef CC_ORDER_STATE_H
#define CC_ORDER_STATE_H
#include <stdbool.h>

enum order_status {
	ORDER_INVALID = -1,
	ORDER_AWAITING_PAYMENT = 0,
	ORDER_PAID,
	ORDER_SHIPPED,
	ORDER_DELIVERED,
	ORDER_CANCELLED,
	ORDER_REFUNDED,
	ORDER_PARTIALLY_REFUNDED,
	ORDER_PAYMENT_FAILED,	/* a hosted payment failed, expired or was abandoned: stock is back */
	ORDER__NSTATUS
};

enum order_action {
	ORDER_NO_ACTION = -1,
	ORDER_MARK_PAID = 0,
	ORDER_SHIP,
	ORDER_DELIVER,
	ORDER_CANCEL,
	ORDER_REFUND,
	/* The payment system's own moves (settling a redirect payment); no studio form offers them. */
	ORDER_PAYMENT_FAIL,
	ORDER_PAY_LATE,
	ORDER__NACTION
};

/* How far the goods have gone. The status says it for most orders; a partially refunded order
 * still has goods to ship or deliver, and only this tells where they are. */
enum order_stage { ORDER_UNSHIPPED = 0, ORDER_IN_TRANSIT, ORDER_ARRIVED };

/* Database names ("awaiting_payment", ...) and back; ORDER_INVALID for anything else. */
const char *order_status_name(enum order_status s);
enum order_status order_status_parse(const char *s);
/* For people: "awaiting payment", "partially refunded". */
const char *order_status_label(enum order_status s);
/* Form values ("mark_paid", "ship", "deliver", "cancel", "refund") and back; the payment system's
 * actions have names for the log ("payment_fail", "pay_late") but are never parsed from a form. */
const char *order_action_name(enum order_action a);
enum order_action order_action_parse(const char *s);

/* The status after `a`, or ORDER_INVALID when the rules refuse it:
 *   mark_paid: awaiting_payment -> paid
 *   ship:      paid -> shipped; partially_refunded (unshipped) -> partially_refunded
 *   deliver:   shipped -> delivered; partially_refunded (in transit) -> partially_refunded
 *   cancel:    awaiting_payment | paid -> cancelled
 *   refund:    paid | shipped | delivered | partially_refunded -> refunded when
 *              `refund_completes` (every unit of every line is then refunded), else
 *              partially_refunded
 *   payment_fail: awaiting_payment -> payment_failed (the held stock goes back)
 *   pay_late:  payment_failed -> paid (a payment that arrived after its hold was released, when
 *              the stock could be taken again)
 * cancelled and refunded are final; payment_failed is final for the studio. */
enum order_status order_next(enum order_status from, enum order_stage stage, enum order_action a,
			     bool refund_completes);
/* The stage after a permitted action from `stage`. */
enum order_stage order_stage_after(enum order_stage stage, enum order_action a);

/* The part of a line's total that belongs to `units` of its `quantity` units: the whole total
 * for all units, else floor(total * units / quantity), computed without overflow for totals up
 * to 10^15 and quantities up to 10^9. Summing the differences of successive partial refunds
 * therefore ends exactly at the line total. 0 for quantity <= 0 or units <= 0. */
long long order_line_share(long long line_total, long long quantity, long long units);

/* The commission (>= 0) to reverse now when a line of `quantity` units, whose commission
 * accrued `accrued` and has had `reversed` (>= 0) reversed already, is refunded up to
 * `refunded_after` units in all. In all, the reversals of a line come to the commission of its
 * refunded share (commission_amount(share, bps)), to all of the accrual once every unit is
 * refunded, and never to more than was accrued. */
long long order_reversal_due(long long line_total, long long quantity, long long refunded_after,
			     unsigned bps, long long accrued, long long reversed);

/* The order's refunded_total once its lines have `lines_refunded` refunded in all: the whole
 * total (shipping and tax included) when every unit is refunded, else the refunded goods plus
 * their tax at tax_rate_bps, rounded half up like checkout's tax, never more than the total.
 * When the order's prices included tax (`tax_included`), line amounts already hold their tax and
 * the refunded goods are refunded as they are. */
long long order_refund_total(long long total, long long lines_refunded, unsigned tax_rate_bps,
			     bool tax_included, bool every_unit_refunded);

#endif
