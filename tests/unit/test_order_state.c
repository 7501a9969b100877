/* test_order_state.c: the order transition table, cell by cell, and the arithmetic of refunds. */
#include <limits.h>
#include <check.h>
#include "domain/commerce/order_state.h"
#include "suites.h"

#define X ORDER_INVALID
#define AP ORDER_AWAITING_PAYMENT
#define PD ORDER_PAID
#define SH ORDER_SHIPPED
#define DL ORDER_DELIVERED
#define CA ORDER_CANCELLED
#define RF ORDER_REFUNDED
#define PR ORDER_PARTIALLY_REFUNDED
#define PF ORDER_PAYMENT_FAILED

/* want[from][action] for an unshipped partially refunded order and a refund that leaves units
 * unrefunded; the stage and completing-refund cases follow in their own tests. */
static const enum order_status want[ORDER__NSTATUS][ORDER__NACTION] = {
	/*            mark_paid ship deliver cancel refund payment_fail pay_late */
	[AP] = { PD, X, X, CA, X, PF, X },
	[PD] = { X, SH, X, CA, PR, X, X },
	[SH] = { X, X, DL, X, PR, X, X },
	[DL] = { X, X, X, X, PR, X, X },
	[CA] = { X, X, X, X, X, X, X },
	[RF] = { X, X, X, X, X, X, X },
	[PR] = { X, PR, X, X, PR, X, X },
	/* a failed payment is final for the studio: only a late payment revives it */
	[PF] = { X, X, X, X, X, X, PD },
};

START_TEST(test_order_next_follows_the_transition_table)
{
	for (int s = 0; s < ORDER__NSTATUS; s++)
		for (int a = 0; a < ORDER__NACTION; a++) {
			enum order_status got = order_next((enum order_status)s, ORDER_UNSHIPPED,
							   (enum order_action)a, false);
			ck_assert_msg(got == want[s][a], "%s + %s: got %d, want %d", order_status_name(s),
				      order_action_name(a), got, want[s][a]);
		}
}
END_TEST

START_TEST(test_order_refund_of_every_unit_ends_refunded)
{
	ck_assert_int_eq(order_next(PD, ORDER_UNSHIPPED, ORDER_REFUND, true), RF);
	ck_assert_int_eq(order_next(SH, ORDER_IN_TRANSIT, ORDER_REFUND, true), RF);
	ck_assert_int_eq(order_next(DL, ORDER_ARRIVED, ORDER_REFUND, true), RF);
	ck_assert_int_eq(order_next(PR, ORDER_ARRIVED, ORDER_REFUND, true), RF);
	/* Neither an unpaid nor a finished order can be refunded, completing or not. */
	ck_assert_int_eq(order_next(AP, ORDER_UNSHIPPED, ORDER_REFUND, true), X);
	ck_assert_int_eq(order_next(CA, ORDER_UNSHIPPED, ORDER_REFUND, true), X);
	ck_assert_int_eq(order_next(RF, ORDER_ARRIVED, ORDER_REFUND, true), X);
}
END_TEST

START_TEST(test_order_partially_refunded_goods_still_ship_then_arrive_once)
{
	ck_assert_int_eq(order_next(PR, ORDER_UNSHIPPED, ORDER_SHIP, false), PR);
	ck_assert_int_eq(order_next(PR, ORDER_UNSHIPPED, ORDER_DELIVER, false), X);
	ck_assert_int_eq(order_next(PR, ORDER_IN_TRANSIT, ORDER_SHIP, false), X);
	ck_assert_int_eq(order_next(PR, ORDER_IN_TRANSIT, ORDER_DELIVER, false), PR);
	ck_assert_int_eq(order_next(PR, ORDER_ARRIVED, ORDER_SHIP, false), X);
	ck_assert_int_eq(order_next(PR, ORDER_ARRIVED, ORDER_DELIVER, false), X);
	/* A partially refunded order is paid and possibly sent: it is refunded, never cancelled. */
	ck_assert_int_eq(order_next(PR, ORDER_UNSHIPPED, ORDER_CANCEL, false), X);
	ck_assert_int_eq(order_stage_after(ORDER_UNSHIPPED, ORDER_SHIP), ORDER_IN_TRANSIT);
	ck_assert_int_eq(order_stage_after(ORDER_IN_TRANSIT, ORDER_DELIVER), ORDER_ARRIVED);
	ck_assert_int_eq(order_stage_after(ORDER_IN_TRANSIT, ORDER_REFUND), ORDER_IN_TRANSIT);
}
END_TEST

START_TEST(test_order_unknown_status_or_action_is_refused)
{
	ck_assert_int_eq(order_next(X, ORDER_UNSHIPPED, ORDER_MARK_PAID, false), X);
	ck_assert_int_eq(order_next(PD, ORDER_UNSHIPPED, ORDER_NO_ACTION, false), X);
	ck_assert_int_eq(order_next(PD, ORDER_UNSHIPPED, ORDER__NACTION, false), X);
}
END_TEST

START_TEST(test_order_names_round_trip_and_reject_strangers)
{
	for (int s = 0; s < ORDER__NSTATUS; s++)
		ck_assert_int_eq(order_status_parse(order_status_name(s)), s);
	for (int a = 0; a <= ORDER_REFUND; a++)
		ck_assert_int_eq(order_action_parse(order_action_name(a)), a);
	/* the payment system's moves have names for the log, but no form can ask for them */
	ck_assert_str_eq(order_action_name(ORDER_PAYMENT_FAIL), "payment_fail");
	ck_assert_int_eq(order_action_parse("payment_fail"), ORDER_NO_ACTION);
	ck_assert_int_eq(order_action_parse("pay_late"), ORDER_NO_ACTION);
	ck_assert_str_eq(order_status_label(ORDER_PAYMENT_FAILED), "payment failed");
	ck_assert_int_eq(order_status_parse("payment_failed"), ORDER_PAYMENT_FAILED);
	ck_assert_str_eq(order_status_label(ORDER_AWAITING_PAYMENT), "awaiting payment");
	ck_assert_str_eq(order_status_label(ORDER_PARTIALLY_REFUNDED), "partially refunded");
	ck_assert_int_eq(order_status_parse("PAID"), X);
	ck_assert_int_eq(order_status_parse(""), X);
	ck_assert_int_eq(order_status_parse(NULL), X);
	ck_assert_int_eq(order_action_parse("refund "), ORDER_NO_ACTION);
	ck_assert_int_eq(order_action_parse(NULL), ORDER_NO_ACTION);
	ck_assert_str_eq(order_status_name(X), "");
	ck_assert_str_eq(order_action_name(ORDER__NACTION), "");
}
END_TEST

START_TEST(test_order_line_share_sums_to_the_line_total)
{
	/* 1000 over 3 units: 333, then 666, then all 1000; the refunds 333 + 333 + 334. */
	ck_assert_int_eq(order_line_share(1000, 3, 1), 333);
	ck_assert_int_eq(order_line_share(1000, 3, 2), 666);
	ck_assert_int_eq(order_line_share(1000, 3, 3), 1000);
	ck_assert_int_eq(order_line_share(1000, 3, 0), 0);
	ck_assert_int_eq(order_line_share(1000, 0, 1), 0);
	ck_assert_int_eq(order_line_share(1000, 3, 9), 1000);
	/* 10^15 over 10^9 - 1 units, all but one refunded: no overflow, exact floor. */
	long long total = 1000000000000000LL, q = 999999999LL;
	long long got = order_line_share(total, q, q - 1);
	ck_assert_int_eq(got, total - (total + q - 1) / q);
}
END_TEST

START_TEST(test_order_reversal_takes_back_the_refunded_share_and_never_more)
{
	/* A line of 3 x 33.33 = 99.99 at 10 %: accrued floor(9999 * 1000 / 10000) = 999. */
	ck_assert_int_eq(order_reversal_due(9999, 3, 1, 1000, 999, 0), 333);	/* floor(3333 * .1) */
	ck_assert_int_eq(order_reversal_due(9999, 3, 2, 1000, 999, 333), 333);	/* 666 - 333 */
	ck_assert_int_eq(order_reversal_due(9999, 3, 3, 1000, 999, 666), 333);	/* the rest: 999 */
	/* Refunding again what is already reversed reverses nothing more. */
	ck_assert_int_eq(order_reversal_due(9999, 3, 3, 1000, 999, 999), 0);
	ck_assert_int_eq(order_reversal_due(9999, 3, 1, 1000, 999, 500), 0);
	/* A line with no commission (creator did not pick it) reverses nothing. */
	ck_assert_int_eq(order_reversal_due(9999, 3, 3, 0, 0, 0), 0);
	ck_assert_int_eq(order_reversal_due(9999, 3, 1, 1500, 0, 0), 0);
	/* Never more than the accrual, even if the rate now computes more. */
	ck_assert_int_eq(order_reversal_due(10000, 2, 1, 10000, 100, 0), 100);
	/* Large totals: 10^13 at 25 %, half refunded. */
	ck_assert_int_eq(order_reversal_due(10000000000000LL, 2, 1, 2500, 2500000000000LL, 0), 1250000000000LL);
}
END_TEST

START_TEST(test_order_refund_total_adds_tax_and_all_of_shipping_only_at_the_end)
{
	/* Subtotal 100.00 + shipping 5.00, tax 20 % = 21.00: total 126.00. */
	ck_assert_int_eq(order_refund_total(12600, 3333, 2000, false, false), 4000);	/* 33.33 + 6.666 -> 6.67 */
	ck_assert_int_eq(order_refund_total(12600, 2500, 2000, false, false), 3000);
	ck_assert_int_eq(order_refund_total(12600, 10000, 2000, false, true), 12600);
	/* All goods but the refund is not complete (cannot happen, but never above the total). */
	ck_assert_int_eq(order_refund_total(12600, 10500, 2000, false, false), 12600);
	ck_assert_int_eq(order_refund_total(12600, 0, 2000, false, false), 0);
	ck_assert_int_eq(order_refund_total(1000, 25, 0, false, false), 25);
	/* Half up: 0.25 at 10 % is 0.025 -> 0.03. */
	ck_assert_int_eq(order_refund_total(1000, 25, 1000, false, false), 28);
	/* Prices that include tax: the goods are refunded as charged, no tax on top. */
	ck_assert_int_eq(order_refund_total(12400, 5950, 1900, true, false), 5950);
	ck_assert_int_eq(order_refund_total(12400, 11900, 1900, true, true), 12400);
}
END_TEST

Suite *order_state_suite(void)
{
	Suite *s = suite_create("order_state");
	TCase *tc = tcase_create("transitions");
	tcase_add_test(tc, test_order_next_follows_the_transition_table);
	tcase_add_test(tc, test_order_refund_of_every_unit_ends_refunded);
	tcase_add_test(tc, test_order_partially_refunded_goods_still_ship_then_arrive_once);
	tcase_add_test(tc, test_order_unknown_status_or_action_is_refused);
	tcase_add_test(tc, test_order_names_round_trip_and_reject_strangers);
	suite_add_tcase(s, tc);
	tc = tcase_create("refunds");
	tcase_add_test(tc, test_order_line_share_sums_to_the_line_total);
	tcase_add_test(tc, test_order_reversal_takes_back_the_refunded_share_and_never_more);
	tcase_add_test(tc, test_order_refund_total_adds_tax_and_all_of_shipping_only_at_the_end);
	suite_add_tcase(s, tc);
	return s;
}
