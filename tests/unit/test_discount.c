/* test_discount.c: discount codes in minor units (eligibility, percent half up, fixed capped,
 * stacking, largest-remainder allocation, tax after discount, commission on what was paid) and
 * the precedence of a creator's code over another creator's link. */
#include <string.h>
#include <check.h>
#include "domain/commerce/calc.h"
#include "domain/commerce/discount.h"
#include "domain/creators/code_credit.h"
#include "suites.h"

static struct discount_code percent(long long bps)
{
	return (struct discount_code){ .id = 1, .brand_id = 1, .kind = DISCOUNT_PERCENT, .value = bps, .active = true };
}

static struct discount_code fixed(long long minor)
{
	return (struct discount_code){ .id = 2, .brand_id = 1, .kind = DISCOUNT_FIXED, .value = minor, .active = true };
}

START_TEST(test_codes_are_normalised_uppercase)
{
	char out[DISCOUNT_CODE_MAX + 1];
	ck_assert(discount_code_normalize("  lena15 ", out));
	ck_assert_str_eq(out, "LENA15");
	ck_assert(discount_code_normalize("Summer-26", out));
	ck_assert_str_eq(out, "SUMMER-26");
	ck_assert(!discount_code_normalize("ab", out));		/* too short */
	ck_assert(!discount_code_normalize("LENA 15", out));	/* inner space */
	ck_assert(!discount_code_normalize("LENA15%", out));
	ck_assert(!discount_code_normalize("ÉTÉ2026", out));
	ck_assert(!discount_code_normalize("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", out));	/* 33 */
	ck_assert(discount_code_normalize("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", out));	/* 32 */
	ck_assert(!discount_code_normalize(NULL, out));
}
END_TEST

START_TEST(test_eligibility_dates_limits_minimum)
{
	struct discount_code c = percent(1500);
	c.starts_at = 1000;
	c.ends_at = 2000;
	c.min_order = 5000;
	c.total_limit = 10;
	c.per_customer_limit = 1;
	ck_assert_int_eq(discount_check(&c, 999, 9000, 0), DISCOUNT_NOT_STARTED);
	ck_assert_int_eq(discount_check(&c, 1000, 9000, 0), DISCOUNT_OK);
	ck_assert_int_eq(discount_check(&c, 1999, 9000, -1), DISCOUNT_OK);	/* customer not known yet */
	ck_assert_int_eq(discount_check(&c, 2000, 9000, 0), DISCOUNT_EXPIRED);	/* ends_at is exclusive */
	ck_assert_int_eq(discount_check(&c, 1500, 4999, 0), DISCOUNT_BELOW_MINIMUM);
	ck_assert_int_eq(discount_check(&c, 1500, 5000, 0), DISCOUNT_OK);
	ck_assert_int_eq(discount_check(&c, 1500, 5000, 1), DISCOUNT_CUSTOMER_USED);
	ck_assert_int_eq(discount_check(&c, 1500, 0, 0), DISCOUNT_NO_ITEMS);
	c.uses = 10;
	ck_assert_int_eq(discount_check(&c, 1500, 9000, 0), DISCOUNT_USED_UP);
	c.uses = 0;
	c.active = false;
	ck_assert_int_eq(discount_check(&c, 1500, 9000, 0), DISCOUNT_DISABLED);
	ck_assert_str_eq(discount_verdict_text(DISCOUNT_OK), "");
	ck_assert(strstr(discount_verdict_text(DISCOUNT_USED_UP), "used up"));
}
END_TEST

START_TEST(test_percent_rounds_half_up_fixed_is_capped)
{
	struct discount_code p = percent(1500), f = fixed(2000);
	ck_assert_int_eq(discount_amount(&p, 10000), 1500);
	ck_assert_int_eq(discount_amount(&p, 10), 2);		/* 1.5 -> 2 */
	ck_assert_int_eq(discount_amount(&p, 9), 1);		/* 1.35 -> 1 */
	ck_assert_int_eq(discount_amount(&p, 3333), 500);	/* 499.95 -> 500 */
	ck_assert_int_eq(discount_amount(&p, 0), 0);
	ck_assert_int_eq(discount_amount(&f, 7900), 2000);
	ck_assert_int_eq(discount_amount(&f, 1500), 1500);	/* never more than the brand's subtotal */
	struct discount_code all = percent(10000);
	ck_assert_int_eq(discount_amount(&all, 4321), 4321);
	ck_assert_int_eq(discount_amount(&p, 10000000000000LL), 1500000000000LL);	/* 10^13, no overflow */
}
END_TEST

START_TEST(test_codes_stack_only_when_all_combine)
{
	struct discount_code codes[3] = { percent(1000), fixed(500), percent(5000) };
	enum discount_verdict v[3];
	long long a[3];
	/* the first is not combinable: the others are refused, in the order they came */
	ck_assert_int_eq(discount_stack(codes, 3, 0, 10000, NULL, v, a), 1000);
	ck_assert_int_eq(v[0], DISCOUNT_OK);
	ck_assert_int_eq(v[1], DISCOUNT_NOT_COMBINABLE);
	ck_assert_int_eq(a[1], 0);
	/* all combine: each on what the earlier left: 10 % of 100.00, then 5.00, then 50 % of 85.00 */
	for (int i = 0; i < 3; i++)
		codes[i].combinable = true;
	ck_assert_int_eq(discount_stack(codes, 3, 0, 10000, NULL, v, a), 1000 + 500 + 4250);
	ck_assert_int_eq(a[2], 4250);
	/* a code that does not apply (expired) does not block the next one */
	codes[0].ends_at = 1;
	codes[1].combinable = false;
	ck_assert_int_eq(discount_stack(codes, 2, 5, 10000, NULL, v, a), 500);
	ck_assert_int_eq(v[0], DISCOUNT_EXPIRED);
	/* never more than the subtotal */
	struct discount_code two[2] = { fixed(3000), fixed(3000) };
	two[0].combinable = two[1].combinable = true;
	ck_assert_int_eq(discount_stack(two, 2, 0, 4000, NULL, v, a), 4000);
	ck_assert_int_eq(a[1], 1000);
}
END_TEST

START_TEST(test_allocation_is_largest_remainder_and_exact)
{
	long long lines[3] = { 1000, 1000, 1000 }, s[3];
	ck_assert(discount_allocate(100, lines, 3, s));	/* 33.33 each: the first gets the extra unit */
	ck_assert_int_eq(s[0], 34);
	ck_assert_int_eq(s[1], 33);
	ck_assert_int_eq(s[2], 33);
	long long l2[3] = { 7900, 2550, 1 }, s2[3];
	ck_assert(discount_allocate(1567, l2, 3, s2));	/* 1184.55, 382.30, 0.15 */
	ck_assert_int_eq(s2[0], 1185);
	ck_assert_int_eq(s2[1], 382);
	ck_assert_int_eq(s2[2], 0);
	ck_assert_int_eq(s2[0] + s2[1] + s2[2], 1567);
	long long l3[2] = { 500, 300 }, s3[2];
	ck_assert(discount_allocate(800, l3, 2, s3));	/* everything: each share is its line */
	ck_assert_int_eq(s3[0], 500);
	ck_assert_int_eq(s3[1], 300);
	ck_assert(!discount_allocate(801, l3, 2, s3));
	ck_assert(!discount_allocate(-1, l3, 2, s3));
	long long big[2] = { 10000000000000LL, 9999999999999LL }, sb[2];
	ck_assert(discount_allocate(10000000000000LL, big, 2, sb));	/* 10^13 * 10^13 needs 128 bits */
	ck_assert_int_eq(sb[0] + sb[1], 10000000000000LL);
}
END_TEST

START_TEST(test_discount_then_tax_then_commission)
{
	/* Northwind: two lines 79.00 and 25.50, 15 % code, 5.00 shipping, 8.25 % tax, 12.5 % pick */
	struct discount_code c = percent(1500);
	long long sub = 7900 + 2550, disc = discount_amount(&c, sub);
	ck_assert_int_eq(disc, 1568);	/* 1567.5 -> 1568 */
	long long lines[2] = { 7900, 2550 }, share[2];
	ck_assert(discount_allocate(disc, lines, 2, share));
	ck_assert_int_eq(share[0], 1185);	/* 1185.26 */
	ck_assert_int_eq(share[1], 383);	/* 382.74: the larger remainder takes the extra unit */
	/* tax per line on what each line is charged after its share (calc_order, tax excluded) */
	long long charged[2] = { 7900 - share[0], 2550 - share[1] };
	struct calc_totals t;
	ck_assert(calc_order(charged, 2, 500, 825, false, &t));
	ck_assert_int_eq(t.subtotal, 10450 - 1568);
	ck_assert_int_eq(t.shipping, 500);
	ck_assert_int_eq(t.tax, 554 + 179 + 41);	/* 6715, 2167 and 500 at 8.25 %: 553.99, 178.78, 41.25 */
	ck_assert_int_eq(t.total, t.subtotal + t.shipping + t.tax);
	ck_assert_int_eq(discount_line_commission(7900, share[0], 1250), 839);	/* 6715 * 12.5 % = 839.375 */
	ck_assert_int_eq(discount_line_commission(2550, share[1], 1250), 270);	/* 2167 * 12.5 % = 270.875 */
	/* prices that include tax: the discount comes off the gross price, the tax inside what is left */
	long long gross[1] = { 11900 - discount_amount(&c, 11900) };	/* 119.00 - 17.85 */
	ck_assert(calc_order(gross, 1, 0, 1900, true, &t));
	ck_assert_int_eq(t.tax, 1615);	/* 10115 * 19 / 119 = 1615.0 */
	ck_assert_int_eq(t.total, 10115);
	/* a 100 % code still pays the shipping, and the creator earns nothing */
	struct discount_code all = percent(10000);
	long long nothing[1] = { 1000 - discount_amount(&all, 1000) };
	ck_assert(calc_order(nothing, 1, 500, 0, false, &t));
	ck_assert_int_eq(t.shipping, 500);
	ck_assert_int_eq(t.total, 500);
	ck_assert_int_eq(discount_line_commission(1000, 1000, 1250), 0);
}
END_TEST

START_TEST(test_code_beats_another_creators_link)
{
	enum { LENA = 1, MARCO = 2 };
	struct code_credit_code lena_code = { LENA, 200 }, brand_code = { 0, 300 };
	struct code_credit c;
	/* no code: the link (last click within the window, chosen before) */
	c = code_credit_resolve(CODE_PRECEDENCE_CODE, MARCO, 100, "link", NULL, 0);
	ck_assert_int_eq(c.creator_id, MARCO);
	ck_assert_str_eq(c.surface, "link");
	/* a typed creator code alone credits its creator */
	c = code_credit_resolve(CODE_PRECEDENCE_CODE, 0, 0, "", &lena_code, 1);
	ck_assert_int_eq(c.creator_id, LENA);
	ck_assert_str_eq(c.surface, "code");
	ck_assert_int_eq(c.code_index, 0);
	/* lena's code against marco's link, even a later click: lena */
	c = code_credit_resolve(CODE_PRECEDENCE_CODE, MARCO, 500, "storefront", &lena_code, 1);
	ck_assert_int_eq(c.creator_id, LENA);
	ck_assert_str_eq(c.surface, "code");
	/* the same creator's link and code: the link's surface stays */
	c = code_credit_resolve(CODE_PRECEDENCE_CODE, LENA, 100, "video", &lena_code, 1);
	ck_assert_int_eq(c.creator_id, LENA);
	ck_assert_str_eq(c.surface, "video");
	/* a brand's own code never removes link credit, and never adds any */
	c = code_credit_resolve(CODE_PRECEDENCE_CODE, MARCO, 100, "link", &brand_code, 1);
	ck_assert_int_eq(c.creator_id, MARCO);
	c = code_credit_resolve(CODE_PRECEDENCE_CODE, 0, 0, "", &brand_code, 1);
	ck_assert_int_eq(c.creator_id, 0);
	ck_assert_str_eq(c.surface, "");
	/* last click: the later of the link and the code; a tie goes to the code */
	c = code_credit_resolve(CODE_PRECEDENCE_LAST_CLICK, MARCO, 500, "link", &lena_code, 1);
	ck_assert_int_eq(c.creator_id, MARCO);
	c = code_credit_resolve(CODE_PRECEDENCE_LAST_CLICK, MARCO, 100, "link", &lena_code, 1);
	ck_assert_int_eq(c.creator_id, LENA);
	c = code_credit_resolve(CODE_PRECEDENCE_LAST_CLICK, MARCO, 200, "link", &lena_code, 1);
	ck_assert_int_eq(c.creator_id, LENA);
	/* two creators' codes that combine: the one applied last */
	struct code_credit_code both[3] = { { MARCO, 400 }, { LENA, 300 }, { 0, 900 } };
	c = code_credit_resolve(CODE_PRECEDENCE_CODE, 0, 0, "", both, 3);
	ck_assert_int_eq(c.creator_id, MARCO);
	ck_assert_int_eq(c.code_index, 0);
	ck_assert_int_eq(code_precedence_parse("last_click"), CODE_PRECEDENCE_LAST_CLICK);
	ck_assert_int_eq(code_precedence_parse("nonsense"), CODE_PRECEDENCE_CODE);
	ck_assert_str_eq(code_precedence_name(CODE_PRECEDENCE_LAST_CLICK), "last_click");
}
END_TEST

Suite *discount_suite(void)
{
	Suite *s = suite_create("discount");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_codes_are_normalised_uppercase);
	tcase_add_test(tc, test_eligibility_dates_limits_minimum);
	tcase_add_test(tc, test_percent_rounds_half_up_fixed_is_capped);
	tcase_add_test(tc, test_codes_stack_only_when_all_combine);
	tcase_add_test(tc, test_allocation_is_largest_remainder_and_exact);
	tcase_add_test(tc, test_discount_then_tax_then_commission);
	tcase_add_test(tc, test_code_beats_another_creators_link);
	suite_add_tcase(s, tc);
	return s;
}
