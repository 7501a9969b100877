/* test_tally.c: the UTC day a count goes to, kept between calls, is always the day of the time asked. */
#include <time.h>
#include <string.h>
#include <check.h>
#include "db/tally.h"
#include "suites.h"

static void assert_day(long long now)
{
	char got[11], want[11];
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(want, sizeof want, "%Y-%m-%d", &tm);
	tally_day(now, got);
	ck_assert_msg(strcmp(got, want) == 0, "%lld: %s, not %s", now, got, want);
}

/* Asked in any order: across midnight both ways, a second before and at it, years apart. */
START_TEST(test_tally_day_is_the_day_of_each_time_asked)
{
	static const long long midnight = 1796601600;	/* 2026-12-07 00:00:00 UTC */
	static const long long times[] = {
		midnight + 3600, midnight - 1, midnight, midnight + 86399, midnight + 86400, midnight + 86399,
		midnight - 86400, midnight - 86401, 0, 951782400 /* 2000-02-29 */, midnight + 7, 4102444799,
	};
	for (size_t i = 0; i < sizeof times / sizeof times[0]; i++)
		assert_day(times[i]);
	for (long long s = midnight - 5000; s < midnight + 5000; s += 97)
		assert_day(s);
}
END_TEST

Suite *tally_suite(void)
{
	Suite *s = suite_create("tally");
	TCase *tc = tcase_create("day");
	tcase_add_test(tc, test_tally_day_is_the_day_of_each_time_asked);
	suite_add_tcase(s, tc);
	return s;
}
