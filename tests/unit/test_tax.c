/* test_tax.c: checkout's tax arithmetic in minor units: tax added on top (US style) and tax
 * included in the price (EU style), rounded half up per line, in two- and zero-decimal
 * currencies. */
#include <check.h>
#include "domain/commerce/calc.h"
#include "suites.h"

static void totals_are(const struct calc_totals *t, long long subtotal, long long shipping, long long tax,
		       long long total)
{
	ck_assert_int_eq(t->subtotal, subtotal);
	ck_assert_int_eq(t->shipping, shipping);
	ck_assert_int_eq(t->tax, tax);
	ck_assert_int_eq(t->total, total);
	ck_assert_int_eq(t->subtotal + t->shipping + t->tax, t->total);	/* the orders table's CHECK */
}

START_TEST(test_tax_on_top_rounds_half_up)
{
	ck_assert_int_eq(calc_tax(1999, 725), 145);	/* 144.9275 */
	ck_assert_int_eq(calc_tax(900, 725), 65);	/* 65.25 */
	ck_assert_int_eq(calc_tax(5, 1000), 1);		/* 0.5 up */
	ck_assert_int_eq(calc_tax(4, 1000), 0);
	ck_assert_int_eq(calc_tax(0, 1900), 0);
	ck_assert_int_eq(calc_tax(1000, 0), 0);
	ck_assert_int_eq(calc_tax(1000000000000000LL, 10000), 1000000000000000LL);
}
END_TEST

START_TEST(test_tax_included_is_the_share_of_the_gross_rounded_half_up)
{
	ck_assert_int_eq(calc_tax_included(11900, 1900), 1900);	/* 100.00 net + 19.00 */
	ck_assert_int_eq(calc_tax_included(1999, 1900), 319);	/* 319.16 */
	ck_assert_int_eq(calc_tax_included(495, 1900), 79);	/* 79.03 */
	ck_assert_int_eq(calc_tax_included(3, 10000), 2);	/* 1.5 up */
	ck_assert_int_eq(calc_tax_included(1, 10000), 1);	/* 0.5 up */
	ck_assert_int_eq(calc_tax_included(1, 1900), 0);
	ck_assert_int_eq(calc_tax_included(0, 1900), 0);
	ck_assert_int_eq(calc_tax_included(1000, 0), 0);
	ck_assert_int_eq(calc_tax_included(1000000000000000LL, 10000), 500000000000000LL);
	ck_assert_int_eq(calc_tax_included(10000000000000LL, 1900), 1596638655462LL);	/* ...462.18 */
}
END_TEST

START_TEST(test_order_excluding_tax_adds_tax_per_line_and_on_shipping)
{
	/* US-CA 7.25 %: 19.99 and 2 x 4.50, shipping 5.00. */
	struct calc_totals t;
	ck_assert(calc_order((long long[]){ 1999, 900 }, 2, 500, 725, false, &t));
	totals_are(&t, 2899, 500, 145 + 65 + 36, 3645);
	ck_assert_int_eq(t.shipping_tax, 36);
	ck_assert_int_eq(calc_shown_subtotal(&t), 2899);
	ck_assert_int_eq(calc_shown_shipping(&t), 500);
}
END_TEST

START_TEST(test_order_rounds_each_line_not_the_sum)
{
	/* Two lines of 0.05 at 10 %: 0.005 each rounds up to 0.01 per line; the sum would give 0.01. */
	struct calc_totals t;
	ck_assert(calc_order((long long[]){ 5, 5 }, 2, 0, 1000, false, &t));
	totals_are(&t, 10, 0, 2, 12);
	ck_assert(calc_order((long long[]){ 3, 3 }, 2, 0, 10000, true, &t));
	totals_are(&t, 2, 0, 4, 6);	/* 1.5 -> 2 included per line */
}
END_TEST

START_TEST(test_order_including_tax_stores_net_amounts_and_keeps_the_gross_total)
{
	/* DE 19 % included: 119.00 and 19.99, shipping 4.95. */
	struct calc_totals t;
	ck_assert(calc_order((long long[]){ 11900, 1999 }, 2, 495, 1900, true, &t));
	totals_are(&t, 13899 - 2219, 495 - 79, 2219 + 79, 13899 + 495);
	ck_assert(t.tax_included);
	ck_assert_int_eq(t.shipping_tax, 79);
	ck_assert_int_eq(calc_shown_subtotal(&t), 13899);
	ck_assert_int_eq(calc_shown_shipping(&t), 495);
}
END_TEST

START_TEST(test_order_in_a_zero_decimal_currency)
{
	/* JPY, 10 %: 1,100 yen includes 100; 980 yen includes 89.09 -> 89; shipping 500 includes 45.45 -> 45. */
	struct calc_totals t;
	ck_assert(calc_order((long long[]){ 1100, 980 }, 2, 500, 1000, true, &t));
	totals_are(&t, 2080 - 189, 500 - 45, 234, 2580);
	/* On top: 1,005 yen at 10 % is 100.5 -> 101 yen. */
	ck_assert(calc_order((long long[]){ 1005 }, 1, 0, 1000, false, &t));
	totals_are(&t, 1005, 0, 101, 1106);
}
END_TEST

START_TEST(test_order_without_lines_ships_nothing_and_bad_input_is_refused)
{
	struct calc_totals t;
	ck_assert(calc_order(NULL, 0, 500, 1900, false, &t));
	totals_are(&t, 0, 0, 0, 0);
	ck_assert(!calc_order((long long[]){ -1 }, 1, 0, 0, false, &t));
	ck_assert(!calc_order((long long[]){ 1 }, 1, -1, 0, false, &t));
	ck_assert(!calc_order((long long[]){ CALC_MAX_AMOUNT }, 1, 0, 1000, false, &t));
	ck_assert(calc_order((long long[]){ CALC_MAX_AMOUNT }, 1, 0, 1000, true, &t));
	ck_assert(!calc_order((long long[]){ CALC_MAX_AMOUNT, 1 }, 2, 0, 0, false, &t));
}
END_TEST

Suite *tax_suite(void)
{
	Suite *s = suite_create("tax");
	TCase *tc = tcase_create("arithmetic");
	tcase_add_test(tc, test_tax_on_top_rounds_half_up);
	tcase_add_test(tc, test_tax_included_is_the_share_of_the_gross_rounded_half_up);
	tcase_add_test(tc, test_order_excluding_tax_adds_tax_per_line_and_on_shipping);
	tcase_add_test(tc, test_order_rounds_each_line_not_the_sum);
	tcase_add_test(tc, test_order_including_tax_stores_net_amounts_and_keeps_the_gross_total);
	tcase_add_test(tc, test_order_in_a_zero_decimal_currency);
	tcase_add_test(tc, test_order_without_lines_ships_nothing_and_bad_input_is_refused);
	suite_add_tcase(s, tc);
	return s;
}
