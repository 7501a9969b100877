/* test_sign_in.c: sign-in throttling's rules (delays per pair, the prefix budget, the lock by many
 * prefixes) and the sessions list's browser names (the prefix an address counts under is tested
 * with the other prefixes in test_abuse.c). */
#include <string.h>
#include <check.h>
#include "domain/accounts/login_throttle.h"
#include "lib/agent_summary.h"
#include "suites.h"

START_TEST(delay_is_free_then_doubles_up_to_the_cap)
{
	static const long long want[] = { 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300 };
	for (long long n = 0; n < (long long)(sizeof want / sizeof want[0]); n++)
		ck_assert_int_eq(login_throttle_delay(n, LOGIN_FREE_FAILURES, LOGIN_PAIR_CAP_S), want[n]);
	ck_assert_int_eq(login_throttle_delay(1000, LOGIN_FREE_FAILURES, LOGIN_PAIR_CAP_S), LOGIN_PAIR_CAP_S);
}
END_TEST

START_TEST(a_pair_waits_what_is_left_of_its_delay_rounded_up)
{
	struct login_counts c = { .pair_failures = 5, .pair_since_ms = 300 };	/* 2 s delay */
	struct login_wait w = login_throttle_judge(&c, true);
	ck_assert_int_eq(w.verdict, LOGIN_WAIT);
	ck_assert_int_eq(w.seconds, 2);
	c.pair_since_ms = 1001;
	ck_assert_int_eq(login_throttle_judge(&c, true).seconds, 1);
	c.pair_since_ms = 2000;
	ck_assert_int_eq(login_throttle_judge(&c, true).verdict, LOGIN_GO);
	c = (struct login_counts){ .pair_failures = LOGIN_FREE_FAILURES, .pair_since_ms = 0 };
	ck_assert_int_eq(login_throttle_judge(&c, true).verdict, LOGIN_GO);
}
END_TEST

/* A failure committed while the check read its clock is a few ms newer than "now". */
START_TEST(a_failure_newer_than_the_check_delays_nothing_free_and_the_whole_delay_otherwise)
{
	struct login_counts c = { .prefix_failures = 12, .prefix_since_ms = -1, .pair_since_ms = -3 };
	ck_assert_int_eq(login_throttle_judge(&c, true).verdict, LOGIN_GO);
	c.pair_failures = LOGIN_FREE_FAILURES;
	ck_assert_int_eq(login_throttle_judge(&c, true).verdict, LOGIN_GO);
	c.pair_failures = LOGIN_FREE_FAILURES + 2;	/* 2 s, from the failure just made */
	struct login_wait w = login_throttle_judge(&c, true);
	ck_assert_int_eq(w.verdict, LOGIN_WAIT);
	ck_assert_int_eq(w.seconds, 2);
}
END_TEST

START_TEST(a_prefix_past_its_budget_slows_and_never_locks)
{
	struct login_counts c = { .prefix_failures = LOGIN_PREFIX_BUDGET, .prefix_since_ms = 0 };
	ck_assert_int_eq(login_throttle_judge(&c, true).verdict, LOGIN_GO);
	c.prefix_failures = LOGIN_PREFIX_BUDGET + 1;
	struct login_wait w = login_throttle_judge(&c, true);
	ck_assert_int_eq(w.verdict, LOGIN_WAIT);
	ck_assert_int_eq(w.seconds, 1);
	c.prefix_failures = 100000;
	ck_assert_int_eq(login_throttle_judge(&c, true).seconds, LOGIN_PREFIX_CAP_S);
}
END_TEST

START_TEST(many_prefixes_or_100_failures_an_hour_lock_the_account)
{
	struct login_counts c = { .account_prefixes = LOGIN_LOCK_PREFIXES - 1 };
	ck_assert_int_eq(login_throttle_judge(&c, true).verdict, LOGIN_GO);
	c.account_prefixes = LOGIN_LOCK_PREFIXES;
	struct login_wait w = login_throttle_judge(&c, true);
	ck_assert_int_eq(w.verdict, LOGIN_LOCKED);
	ck_assert_int_eq(w.seconds, LOGIN_WINDOW_S);
	ck_assert_int_eq(login_throttle_judge(&c, false).verdict, LOGIN_GO);
	c = (struct login_counts){ .account_prefixes = 3, .account_hour_failures = LOGIN_LOCK_HOUR_FAILURES - 1 };
	ck_assert_int_eq(login_throttle_judge(&c, true).verdict, LOGIN_GO);
	c.account_hour_failures = LOGIN_LOCK_HOUR_FAILURES;
	ck_assert_int_eq(login_throttle_judge(&c, true).verdict, LOGIN_LOCKED);
}
END_TEST

START_TEST(the_pair_subject_depends_on_the_prefix_and_not_on_letter_case)
{
	uint8_t secret[32] = { 1 };
	struct login_subject a, b, c;
	login_throttle_subject(secret, "Lena@Example.com", "203.0.113.7", &a);
	login_throttle_subject(secret, "lena@example.com", "203.0.113.200", &b);
	login_throttle_subject(secret, "lena@example.com", "203.0.114.7", &c);
	ck_assert(memcmp(a.pair, b.pair, 32) == 0);
	ck_assert(memcmp(a.account, c.account, 32) == 0);
	ck_assert(memcmp(a.pair, c.pair, 32) != 0);
	ck_assert(memcmp(a.prefix, c.prefix, 32) != 0);
	ck_assert(memcmp(a.pair, a.account, 32) != 0);
}
END_TEST

START_TEST(agents_are_named_most_specific_first)
{
	static const char *const cases[][2] = {
		{ "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0", "Firefox on Linux" },
		{ "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0", "Edge on Windows" },
		{ "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", "Safari on iOS" },
		{ "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36", "Chrome on Android" },
		{ "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36", "Chrome on macOS" },
		{ "curl/8.5.0", "curl" },
		{ "<script>alert(1)</script>", "Unknown browser" },
		{ "", "Unknown browser" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[AGENT_SUMMARY_TEXT];
		agent_summary(cases[i][0], out);
		ck_assert_str_eq(out, cases[i][1]);
	}
	char out[AGENT_SUMMARY_TEXT];
	agent_summary(NULL, out);
	ck_assert_str_eq(out, "Unknown browser");
}
END_TEST

Suite *sign_in_suite(void)
{
	Suite *s = suite_create("sign_in");
	TCase *t = tcase_create("core");
	tcase_add_test(t, delay_is_free_then_doubles_up_to_the_cap);
	tcase_add_test(t, a_pair_waits_what_is_left_of_its_delay_rounded_up);
	tcase_add_test(t, a_failure_newer_than_the_check_delays_nothing_free_and_the_whole_delay_otherwise);
	tcase_add_test(t, a_prefix_past_its_budget_slows_and_never_locks);
	tcase_add_test(t, many_prefixes_or_100_failures_an_hour_lock_the_account);
	tcase_add_test(t, the_pair_subject_depends_on_the_prefix_and_not_on_letter_case);
	tcase_add_test(t, agents_are_named_most_specific_first);
	suite_add_tcase(s, t);
	return s;
}
