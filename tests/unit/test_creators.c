/* test_creators.c: commission arithmetic with refunds and the ledger states, the SVG chart's
 * escaping, creator link checks and short codes. */
#include <string.h>
#include <check.h>
#include <sodium.h>
#include "lib/arena.h"
#include "lib/buf.h"
#include "domain/creators/commission.h"
#include "domain/creators/ledger.h"
#include "domain/creators/link_check.h"
#include "domain/creators/short_code.h"
#include "suites.h"
#include "lib/svg_chart.h"

START_TEST(test_commission_accrual_refund_and_states_in_minor_units)
{
	/* A $79.00 line at 12.5 %: floor(7900 * 1250 / 10000) = 987 cents. */
	long long accrued = commission_amount(7900, 1250);
	ck_assert_int_eq(accrued, 987);
	/* Half the line refunded ($39.50): the reversal is the commission on the refunded part. */
	long long reversed = -commission_amount(3950, 1250);
	ck_assert_int_eq(reversed, -493);
	struct ledger_split s = ledger_line(accrued, reversed, 0, false);
	ck_assert_int_eq(s.pending, 494);
	ck_assert_int_eq(s.payable, 0);
	s = ledger_line(accrued, reversed, 0, true);
	ck_assert_int_eq(s.payable, 494);
	s = ledger_line(accrued, reversed, -494, true);
	ck_assert_int_eq(s.payable, 0);
	ck_assert_int_eq(s.paid, 494);
	/* Fully refunded: nothing owed. Refunded after payout: paid stays, and what was paid is
	 * carried against the next payouts (test_payouts.c). */
	s = ledger_line(accrued, -accrued, 0, true);
	ck_assert_int_eq(s.payable + s.pending, 0);
	s = ledger_line(accrued, -accrued, -accrued, true);
	ck_assert_int_eq(s.payable, 0);
	ck_assert_int_eq(s.paid, accrued);
	ck_assert_int_eq(s.carried, -accrued);
	/* Large line totals do not overflow: 10^13 minor units at 100 %. */
	ck_assert_int_eq(commission_amount(10000000000000LL, 10000), 10000000000000LL);
	ck_assert_int_eq(commission_amount(1, 9999), 0);
}
END_TEST

START_TEST(test_svg_chart_escapes_every_label)
{
	struct arena *a = arena_new(4096);
	struct buf b;
	buf_init(&b, a, 256);
	struct svg_bar bars[] = {
		{ "<script>alert(1)</script>", 10, "\"q\" & 'a'" },
		{ "2026-11-25", 0, "$0.00" },
	};
	svg_bar_chart(&b, "t", "Sales <by> day & \"creator\"", bars, 2);
	const char *s = buf_cstr(&b);
	ck_assert_ptr_null(strstr(s, "<script"));
	ck_assert_ptr_nonnull(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	ck_assert_ptr_nonnull(strstr(s, "Sales &lt;by&gt; day &amp; &quot;creator&quot;"));
	ck_assert_ptr_nonnull(strstr(s, "&quot;q&quot; &amp; &#39;a&#39;"));
	ck_assert_ptr_null(strstr(s, "style="));
	ck_assert_ptr_nonnull(strstr(s, "role=\"img\""));
	arena_free(a);
}
END_TEST

START_TEST(test_svg_chart_scales_to_the_largest_bar_without_overflow)
{
	struct arena *a = arena_new(4096);
	struct buf b;
	buf_init(&b, a, 256);
	struct svg_bar bars[] = { { "a", 9000000000000000000LL, "x" }, { "b", 4500000000000000000LL, "y" }, { "c", -5, "z" } };
	svg_bar_chart(&b, "t", "big", bars, 3);
	const char *s = buf_cstr(&b);
	ck_assert_ptr_nonnull(strstr(s, "height=\"168\""));
	ck_assert_ptr_nonnull(strstr(s, "height=\"84\""));
	ck_assert_ptr_nonnull(strstr(s, "height=\"0\""));
	arena_free(a);
}
END_TEST

START_TEST(test_creator_links_accept_only_web_and_static_addresses)
{
	ck_assert(link_check_web_url("https://example.com/a?b=c"));
	ck_assert(link_check_web_url("http://example.com"));
	ck_assert(!link_check_web_url("javascript:alert(1)"));
	ck_assert(!link_check_web_url("https://"));
	ck_assert(!link_check_web_url("https:///x"));
	ck_assert(!link_check_web_url("https://a.example/\"onmouseover"));
	ck_assert(!link_check_web_url("//evil.example"));
	ck_assert(link_check_avatar_url("/static/demo/avatar-lena.svg"));
	ck_assert(!link_check_avatar_url("/static/../secret"));
	ck_assert(!link_check_avatar_url("/etc/passwd"));
	ck_assert(!link_check_avatar_url("data:image/svg+xml,<svg>"));
}
END_TEST

START_TEST(test_short_codes_are_random_base32_of_16)
{
	char a[SHORT_CODE_LEN + 1], b[SHORT_CODE_LEN + 1];
	ck_assert(sodium_init() >= 0);
	short_code_new(a);
	short_code_new(b);
	ck_assert(short_code_valid(a));
	ck_assert_str_ne(a, b);
	ck_assert(!short_code_valid("aaaaaaaaaaaaaaa1"));
	ck_assert(!short_code_valid("AAAAAAAAAAAAAAAA"));
	ck_assert(!short_code_valid("aaaa"));
	ck_assert(!short_code_valid(NULL));
}
END_TEST

Suite *creators_suite(void)
{
	Suite *s = suite_create("creators");
	TCase *t = tcase_create("creators");
	tcase_add_test(t, test_commission_accrual_refund_and_states_in_minor_units);
	tcase_add_test(t, test_svg_chart_escapes_every_label);
	tcase_add_test(t, test_svg_chart_scales_to_the_largest_bar_without_overflow);
	tcase_add_test(t, test_creator_links_accept_only_web_and_static_addresses);
	tcase_add_test(t, test_short_codes_are_random_base32_of_16);
	suite_add_tcase(s, t);
	return s;
}
