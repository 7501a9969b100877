/* test_sales_rollup.c: which days of a brand dashboard's period are read live (today, the days not
 * rolled up yet, the days changed since the worker's last look) as a few ranges of days. */
#include <check.h>
#include "domain/creators/sales_rollup.h"
#include "suites.h"

START_TEST(test_live_ranges_nothing_rolled_up_reads_the_whole_period)
{
	struct sales_rollup_range r[SALES_ROLLUP_LIVE_RANGES];
	ck_assert_uint_eq(sales_rollup_live_ranges(100, 129, -1, NULL, 0, r), 1);
	ck_assert_int_eq(r[0].from, 100);
	ck_assert_int_eq(r[0].to, 130);
	/* Rolled up only before the period: the same. */
	ck_assert_uint_eq(sales_rollup_live_ranges(100, 129, 90, NULL, 0, r), 1);
	ck_assert_int_eq(r[0].from, 100);
}
END_TEST

START_TEST(test_live_ranges_today_and_changed_days)
{
	struct sales_rollup_range r[SALES_ROLLUP_LIVE_RANGES];
	/* Rolled up to day 129 (today is 129): today live, and the changed days 105, 106 and 120;
	 * days outside the period or from the edge on are ignored. */
	long changed[] = { 50, 105, 106, 120, 129, 400 };
	ck_assert_uint_eq(sales_rollup_live_ranges(100, 129, 129, changed, 6, r), 3);
	ck_assert_int_eq(r[0].from, 105);
	ck_assert_int_eq(r[0].to, 107);
	ck_assert_int_eq(r[1].from, 120);
	ck_assert_int_eq(r[1].to, 121);
	ck_assert_int_eq(r[2].from, 129);
	ck_assert_int_eq(r[2].to, 130);
	/* A period wholly rolled up and unchanged: nothing live. */
	ck_assert_uint_eq(sales_rollup_live_ranges(100, 120, 129, NULL, 0, r), 0);
	/* A changed day just before the edge joins today's range. */
	long eve[] = { 128 };
	ck_assert_uint_eq(sales_rollup_live_ranges(100, 129, 129, eve, 1, r), 1);
	ck_assert_int_eq(r[0].from, 128);
	ck_assert_int_eq(r[0].to, 130);
}
END_TEST

START_TEST(test_live_ranges_too_many_join_the_closest)
{
	struct sales_rollup_range r[SALES_ROLLUP_LIVE_RANGES];
	/* Five changed days and today: six ranges for four slots; the closest neighbours are joined
	 * (110 with 112, and 141 with today, 143), reading days 111 and 142 live as well. */
	long changed[] = { 101, 110, 112, 125, 141 };
	ck_assert_uint_eq(sales_rollup_live_ranges(100, 143, 143, changed, 5, r), 4);
	ck_assert_int_eq(r[0].from, 101);
	ck_assert_int_eq(r[0].to, 102);
	ck_assert_int_eq(r[1].from, 110);
	ck_assert_int_eq(r[1].to, 113);
	ck_assert_int_eq(r[2].from, 125);
	ck_assert_int_eq(r[2].to, 126);
	ck_assert_int_eq(r[3].from, 141);
	ck_assert_int_eq(r[3].to, 144);
	/* Every changed day is still inside a live range. */
	for (size_t i = 0; i < 5; i++) {
		bool in = false;
		for (size_t k = 0; k < 4; k++)
			in |= changed[i] >= r[k].from && changed[i] < r[k].to;
		ck_assert(in);
	}
}
END_TEST

Suite *sales_rollup_suite(void)
{
	Suite *s = suite_create("sales_rollup");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_live_ranges_nothing_rolled_up_reads_the_whole_period);
	tcase_add_test(tc, test_live_ranges_today_and_changed_days);
	tcase_add_test(tc, test_live_ranges_too_many_join_the_closest);
	suite_add_tcase(s, tc);
	return s;
}
