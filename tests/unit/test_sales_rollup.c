/* test_sales_rollup.c: which days of a brand dashboard's period are read live (today, the days not
 * rolled up yet, the days changed since the worker's last look) as a few ranges of days, which whole
 * months from the month rollup, and which days from the day rollup. */
#include <check.h>
#include <time.h>
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

/* Days since 1970-01-01 of a UTC date. */
static long day_of(int y, int m, int d)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d };
	return (long)(timegm(&tm) / 86400);
}

START_TEST(test_month_starts_across_years_and_leap_days)
{
	ck_assert_int_eq(sales_rollup_month_start(day_of(2024, 2, 29)), day_of(2024, 2, 1));
	ck_assert_int_eq(sales_rollup_next_month(day_of(2024, 2, 29)), day_of(2024, 3, 1));
	ck_assert_int_eq(sales_rollup_month_start(day_of(2026, 12, 31)), day_of(2026, 12, 1));
	ck_assert_int_eq(sales_rollup_next_month(day_of(2026, 12, 31)), day_of(2027, 1, 1));
	ck_assert_int_eq(sales_rollup_next_month(day_of(2027, 1, 1)), day_of(2027, 2, 1));
	ck_assert_int_eq(sales_rollup_month_start(day_of(1970, 1, 1)), 0);
}
END_TEST

/* Every day of the period is read once: from a month range, from a day range, or both never. */
static void assert_partition(long first, long last, const struct sales_rollup_range *m, size_t nm,
			     const struct sales_rollup_range *d, size_t nd)
{
	for (long day = first - 40; day <= last + 40; day++) {
		int in = 0;
		for (size_t i = 0; i < nm; i++)
			in += day >= m[i].from && day < m[i].to;
		for (size_t i = 0; i < nd; i++)
			in += day >= d[i].from && day < d[i].to;
		ck_assert_msg(in == (day >= first && day <= last), "day %ld read %d times", day, in);
	}
	for (size_t i = 0; i < nm; i++) {	/* whole months only */
		ck_assert_int_eq(sales_rollup_month_start(m[i].from), m[i].from);
		ck_assert_int_eq(sales_rollup_month_start(m[i].to), m[i].to);
	}
}

START_TEST(test_month_ranges_a_year_with_today_live)
{
	/* 2025-12-08 .. 2026-12-07, today (the last day) live: January to November from the months,
	 * 8-31 December 2025 and 1-7 December 2026 by day. */
	long first = day_of(2025, 12, 8), last = day_of(2026, 12, 7);
	struct sales_rollup_range live[] = { { last, last + 1 } };
	struct sales_rollup_range m[SALES_ROLLUP_MONTH_RANGES], d[SALES_ROLLUP_DAY_RANGES];
	size_t nm = sales_rollup_month_ranges(first, last, live, 1, m);
	ck_assert_uint_eq(nm, 1);
	ck_assert_int_eq(m[0].from, day_of(2026, 1, 1));
	ck_assert_int_eq(m[0].to, day_of(2026, 12, 1));
	size_t nd = sales_rollup_day_ranges(first, last, m, nm, d);
	ck_assert_uint_eq(nd, 2);
	ck_assert_int_eq(d[0].from, first);
	ck_assert_int_eq(d[0].to, day_of(2026, 1, 1));
	ck_assert_int_eq(d[1].from, day_of(2026, 12, 1));
	ck_assert_int_eq(d[1].to, last + 1);
	assert_partition(first, last, m, nm, d, nd);
}
END_TEST

START_TEST(test_month_ranges_live_days_split_the_months)
{
	/* The whole of 2026, with changed days in March and across June into July, and today: the
	 * months they touch are read by day. */
	long first = day_of(2026, 1, 1), last = day_of(2026, 12, 31);
	struct sales_rollup_range live[] = {
		{ day_of(2026, 3, 10), day_of(2026, 3, 11) }, { day_of(2026, 6, 30), day_of(2026, 7, 2) },
		{ day_of(2026, 12, 31), day_of(2027, 1, 1) },
	};
	struct sales_rollup_range m[SALES_ROLLUP_MONTH_RANGES], d[SALES_ROLLUP_DAY_RANGES];
	size_t nm = sales_rollup_month_ranges(first, last, live, 3, m);
	ck_assert_uint_eq(nm, 3);
	ck_assert_int_eq(m[0].from, day_of(2026, 1, 1));
	ck_assert_int_eq(m[0].to, day_of(2026, 3, 1));
	ck_assert_int_eq(m[1].from, day_of(2026, 4, 1));
	ck_assert_int_eq(m[1].to, day_of(2026, 6, 1));
	ck_assert_int_eq(m[2].from, day_of(2026, 8, 1));
	ck_assert_int_eq(m[2].to, day_of(2026, 12, 1));
	size_t nd = sales_rollup_day_ranges(first, last, m, nm, d);
	ck_assert_uint_eq(nd, 3);
	assert_partition(first, last, m, nm, d, nd);
	/* Nothing rolled up: the whole period is live, no month is read from the rollup. */
	struct sales_rollup_range all[] = { { first, last + 1 } };
	ck_assert_uint_eq(sales_rollup_month_ranges(first, last, all, 1, m), 0);
	nd = sales_rollup_day_ranges(first, last, m, 0, d);
	ck_assert_uint_eq(nd, 1);
	assert_partition(first, last, m, 0, d, nd);
	/* A period inside one month: no whole month. */
	ck_assert_uint_eq(sales_rollup_month_ranges(day_of(2026, 5, 2), day_of(2026, 5, 31), NULL, 0, m), 0);
	/* Exactly one month, nothing live. */
	ck_assert_uint_eq(sales_rollup_month_ranges(day_of(2026, 2, 1), day_of(2026, 2, 28), NULL, 0, m), 1);
	ck_assert_uint_eq(sales_rollup_day_ranges(day_of(2026, 2, 1), day_of(2026, 2, 28), m, 1, d), 0);
}
END_TEST

START_TEST(test_month_ranges_every_period_is_read_once)
{
	/* Periods of 1 to 800 days starting on every day of 2026's first 70, with up to four live
	 * ranges at pseudo-random places: every day read exactly once. */
	unsigned seed = 7;
	for (long start = day_of(2026, 1, 1); start < day_of(2026, 3, 12); start++) {
		for (long len = 1; len <= 800; len += 37) {
			long first = start, last = start + len - 1;
			struct sales_rollup_range live[SALES_ROLLUP_LIVE_RANGES];
			size_t nlive = (seed = seed * 1103515245 + 12345) % (SALES_ROLLUP_LIVE_RANGES + 1);
			long at = first;
			for (size_t i = 0; i < nlive; i++) {
				long gap = (seed = seed * 1103515245 + 12345) % 90, width = 1 + (seed >> 8) % 5;
				live[i] = (struct sales_rollup_range){ at + gap, at + gap + width };
				at = live[i].to + 1;
			}
			struct sales_rollup_range m[SALES_ROLLUP_MONTH_RANGES], d[SALES_ROLLUP_DAY_RANGES];
			size_t nm = sales_rollup_month_ranges(first, last, live, nlive, m);
			size_t nd = sales_rollup_day_ranges(first, last, m, nm, d);
			assert_partition(first, last, m, nm, d, nd);
			for (size_t i = 0; i < nm; i++)	/* no month range holds a live day */
				for (size_t k = 0; k < nlive; k++)
					ck_assert(live[k].to <= m[i].from || live[k].from >= m[i].to);
		}
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
	tcase_add_test(tc, test_month_starts_across_years_and_leap_days);
	tcase_add_test(tc, test_month_ranges_a_year_with_today_live);
	tcase_add_test(tc, test_month_ranges_live_days_split_the_months);
	tcase_add_test(tc, test_month_ranges_every_period_is_read_once);
	suite_add_tcase(s, tc);
	return s;
}
