/* test_money.c: currency exponents, exact formatting of minor units, a parser that refuses loose input. */
#include <limits.h>
#include <string.h>
#include <stdio.h>
#include <check.h>
#include "lib/money.h"
#include "suites.h"

static void assert_format(long long minor, const char *cur, const char *want)
{
	char out[64];
	ck_assert_msg(money_format(out, sizeof out, minor, cur), "%lld %s refused", minor, cur);
	ck_assert_str_eq(out, want);
}

static void assert_parse(const char *s, const char *cur, long long want)
{
	long long v = -1;
	ck_assert_msg(money_parse(s, cur, &v), "\"%s\" %s refused", s, cur);
	ck_assert_int_eq(v, want);
}

static void assert_parse_refused(const char *s, const char *cur)
{
	long long v = -7;
	ck_assert_msg(!money_parse(s, cur, &v), "\"%s\" %s accepted", s ? s : "(null)", cur ? cur : "(null)");
	ck_assert_int_eq(v, -7);
}

START_TEST(test_money_exponent_follows_iso_4217)
{
	ck_assert_int_eq(money_exponent("USD"), 2);
	ck_assert_int_eq(money_exponent("EUR"), 2);
	ck_assert_int_eq(money_exponent("CHF"), 2);
	ck_assert_int_eq(money_exponent("ZZZ"), 2);
	const char *zero[] = {"JPY", "KRW", "VND", "CLP", "ISK"};
	for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
		ck_assert_int_eq(money_exponent(zero[i]), 0);
	const char *three[] = {"BHD", "KWD", "OMR", "JOD", "TND", "IQD", "LYD"};
	for (size_t i = 0; i < sizeof three / sizeof three[0]; i++)
		ck_assert_int_eq(money_exponent(three[i]), 3);
}
END_TEST

/* The SQL that scales typed whole units (search's price filters) names the codes C knows. */
START_TEST(test_money_unit_sql_names_the_same_codes_as_money_exponent)
{
	const char *sql = MONEY_UNIT_SQL("p.currency");
#define EXPECT_IN_SQL(c) ck_assert_ptr_nonnull(strstr(sql, "'" #c "'"));
	MONEY_EXP0_CODES(EXPECT_IN_SQL)
	MONEY_EXP3_CODES(EXPECT_IN_SQL)
#undef EXPECT_IN_SQL
#define EXPECT_EXPONENT_0(c) ck_assert_int_eq(money_exponent(#c), 0);
	MONEY_EXP0_CODES(EXPECT_EXPONENT_0)
#undef EXPECT_EXPONENT_0
#define EXPECT_EXPONENT_3(c) ck_assert_int_eq(money_exponent(#c), 3);
	MONEY_EXP3_CODES(EXPECT_EXPONENT_3)
#undef EXPECT_EXPONENT_3
	ck_assert_ptr_null(strstr(sql, "'USD'"));
}
END_TEST

START_TEST(test_money_exponent_rejects_malformed_codes)
{
	ck_assert_int_eq(money_exponent("us"), -1);
	ck_assert_int_eq(money_exponent("usd"), -1);
	ck_assert_int_eq(money_exponent("USDX"), -1);
	ck_assert_int_eq(money_exponent("US1"), -1);
	ck_assert_int_eq(money_exponent(""), -1);
	ck_assert_int_eq(money_exponent(NULL), -1);
}
END_TEST

START_TEST(test_money_format_small_amounts_pad_the_fraction)
{
	assert_format(0, "USD", "$0.00");
	assert_format(5, "USD", "$0.05");
	assert_format(50, "USD", "$0.50");
	assert_format(1999, "USD", "$19.99");
	assert_format(99, "GBP", "\u00a30.99");
}
END_TEST

START_TEST(test_money_format_groups_thousands)
{
	assert_format(123456789, "USD", "$1,234,567.89");
	assert_format(100000, "USD", "$1,000.00");
	assert_format(99999, "USD", "$999.99");
	assert_format(123400, "EUR", "\u20ac1,234.00");
}
END_TEST

START_TEST(test_money_format_puts_minus_before_symbol)
{
	assert_format(-300, "USD", "-$3.00");
	assert_format(-5, "EUR", "-\u20ac0.05");
	assert_format(-123450, "CHF", "-1,234.50 CHF");
}
END_TEST

START_TEST(test_money_format_zero_exponent_has_no_point)
{
	assert_format(1200, "JPY", "\u00a51,200");
	assert_format(0, "JPY", "\u00a50");
	assert_format(5000, "KRW", "5,000 KRW");
}
END_TEST

START_TEST(test_money_format_three_decimal_currency)
{
	assert_format(1234, "BHD", "1.234 BHD");
	assert_format(5, "KWD", "0.005 KWD");
	assert_format(1234567, "OMR", "1,234.567 OMR");
}
END_TEST

START_TEST(test_money_format_unknown_code_uses_suffix)
{
	assert_format(123450, "CHF", "1,234.50 CHF");
	assert_format(1, "ZZZ", "0.01 ZZZ");
}
END_TEST

START_TEST(test_money_format_extremes_do_not_overflow)
{
	assert_format(LLONG_MAX, "USD", "$92,233,720,368,547,758.07");
	assert_format(LLONG_MIN, "USD", "-$92,233,720,368,547,758.08");
	assert_format(LLONG_MIN, "JPY", "-\u00a59,223,372,036,854,775,808");
}
END_TEST

/* money_format remembers what it wrote per amount: the same amount in another currency, amounts
 * that share a slot, and an answer too long for a smaller buffer come out as if written anew. */
START_TEST(test_money_format_remembered_answers_are_the_same)
{
	for (int round = 0; round < 3; round++) {
		for (long long v = 0; v < 300; v += 7) {
			char usd[64], eur[64], chf[64];
			snprintf(usd, sizeof usd, "$%lld.%02lld", v / 100, v % 100);
			snprintf(eur, sizeof eur, "\u20ac%lld.%02lld", v / 100, v % 100);
			snprintf(chf, sizeof chf, "%lld.%02lld CHF", v / 100, v % 100);
			assert_format(v, "USD", usd);
			assert_format(v, "EUR", eur);
			assert_format(v, "CHF", chf);
		}
		assert_format(1200, "JPY", "\u00a51,200");
		assert_format(1200, "USD", "$12.00");
	}
	char small[6] = "xxxxx";
	ck_assert(!money_format(small, sizeof small, 1200, "USD"));	/* "$12.00" needs 7 */
	ck_assert_str_eq(small, "");
	ck_assert(money_format(small, sizeof small, 5, "JPY"));	/* "¥5" fits */
	ck_assert_str_eq(small, "\u00a55");
	ck_assert(!money_format(small, sizeof small, 1200, "JPY"));	/* "¥1,200" is 7 bytes */
	ck_assert_str_eq(small, "");
}
END_TEST

START_TEST(test_money_format_rejects_invalid_currency)
{
	char out[32] = "unchanged";
	ck_assert(!money_format(out, sizeof out, 100, "us"));
	ck_assert_str_eq(out, "");
	ck_assert(!money_format(out, sizeof out, 100, "usd"));
	ck_assert(!money_format(out, sizeof out, 100, NULL));
}
END_TEST

START_TEST(test_money_format_refuses_small_buffer)
{
	char out[8];
	ck_assert(money_format(out, 7, 1999, "USD"));	/* "$19.99" + NUL */
	ck_assert_str_eq(out, "$19.99");
	ck_assert(!money_format(out, 6, 1999, "USD"));
	ck_assert_str_eq(out, "");
	ck_assert(!money_format(out, 0, 1999, "USD"));
	ck_assert(!money_format(NULL, 0, 1999, "USD"));
}
END_TEST

START_TEST(test_money_parse_plain_decimals)
{
	assert_parse("12", "USD", 1200);
	assert_parse("12.5", "USD", 1250);
	assert_parse("12.50", "USD", 1250);
	assert_parse("0.01", "USD", 1);
	assert_parse("0", "USD", 0);
	assert_parse("1200", "JPY", 1200);
	assert_parse("1.234", "BHD", 1234);
	assert_parse("1.2", "BHD", 1200);
	assert_parse("0000000000000000000000000001", "USD", 100);
}
END_TEST

START_TEST(test_money_parse_rejects_signs_separators_exponents_spaces)
{
	assert_parse_refused("1,234.50", "USD");
	assert_parse_refused("-1", "USD");
	assert_parse_refused("+1", "USD");
	assert_parse_refused("1e3", "USD");
	assert_parse_refused(" 1", "USD");
	assert_parse_refused("1 ", "USD");
	assert_parse_refused("", "USD");
	assert_parse_refused("12.", "USD");
	assert_parse_refused(".5", "USD");
	assert_parse_refused("1.2.3", "USD");
	assert_parse_refused("$12", "USD");
	assert_parse_refused("0x10", "USD");
	assert_parse_refused("１２", "USD");
	assert_parse_refused(NULL, "USD");
}
END_TEST

START_TEST(test_money_parse_rejects_more_decimals_than_exponent)
{
	assert_parse_refused("12.345", "USD");
	assert_parse_refused("12.500", "USD");
	assert_parse_refused("12.5", "JPY");
	assert_parse_refused("12.", "JPY");
	assert_parse_refused("1.2345", "BHD");
}
END_TEST

START_TEST(test_money_parse_rejects_above_ten_to_the_thirteen)
{
	assert_parse("100000000000", "USD", 10000000000000LL);
	assert_parse_refused("100000000000.01", "USD");
	assert_parse("10000000000000", "JPY", 10000000000000LL);
	assert_parse_refused("10000000000001", "JPY");
	assert_parse_refused("99999999999999999999999999999999", "USD");
	assert_parse_refused("9223372036854775808", "JPY");
}
END_TEST

START_TEST(test_money_parse_rejects_invalid_currency)
{
	assert_parse_refused("12", "us");
	assert_parse_refused("12", "usd");
	assert_parse_refused("12", NULL);
	ck_assert(!money_parse("12", "USD", NULL));
}
END_TEST
START_TEST(test_money_decimal_is_plain_digits_with_the_currency_exponent)
{
	char out[64];
	ck_assert(money_decimal(out, sizeof out, 12900, "USD"));
	ck_assert_str_eq(out, "129.00");
	ck_assert(money_decimal(out, sizeof out, 123456789, "EUR"));
	ck_assert_str_eq(out, "1234567.89");
	ck_assert(money_decimal(out, sizeof out, 1200, "JPY"));
	ck_assert_str_eq(out, "1200");
	ck_assert(money_decimal(out, sizeof out, 5, "KWD"));
	ck_assert_str_eq(out, "0.005");
	ck_assert(money_decimal(out, sizeof out, -300, "GBP"));
	ck_assert_str_eq(out, "-3.00");
	ck_assert(money_decimal(out, sizeof out, LLONG_MIN, "USD"));
	ck_assert_str_eq(out, "-92233720368547758.08");
	ck_assert(!money_decimal(out, sizeof out, 100, "usd"));
	ck_assert_str_eq(out, "");
	ck_assert(!money_decimal(out, 4, 12900, "USD"));
}
END_TEST

Suite *money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("exponent");
	tcase_add_test(tc, test_money_exponent_follows_iso_4217);
	tcase_add_test(tc, test_money_exponent_rejects_malformed_codes);
	tcase_add_test(tc, test_money_unit_sql_names_the_same_codes_as_money_exponent);
	suite_add_tcase(s, tc);

	tc = tcase_create("format");
	tcase_add_test(tc, test_money_format_small_amounts_pad_the_fraction);
	tcase_add_test(tc, test_money_format_groups_thousands);
	tcase_add_test(tc, test_money_format_puts_minus_before_symbol);
	tcase_add_test(tc, test_money_format_zero_exponent_has_no_point);
	tcase_add_test(tc, test_money_format_three_decimal_currency);
	tcase_add_test(tc, test_money_format_unknown_code_uses_suffix);
	tcase_add_test(tc, test_money_format_extremes_do_not_overflow);
	tcase_add_test(tc, test_money_format_rejects_invalid_currency);
	tcase_add_test(tc, test_money_format_refuses_small_buffer);
	tcase_add_test(tc, test_money_decimal_is_plain_digits_with_the_currency_exponent);
	suite_add_tcase(s, tc);

	tc = tcase_create("parse");
	tcase_add_test(tc, test_money_parse_plain_decimals);
	tcase_add_test(tc, test_money_parse_rejects_signs_separators_exponents_spaces);
	tcase_add_test(tc, test_money_parse_rejects_more_decimals_than_exponent);
	tcase_add_test(tc, test_money_parse_rejects_above_ten_to_the_thirteen);
	tcase_add_test(tc, test_money_parse_rejects_invalid_currency);
	tcase_add_test(tc, test_money_format_remembered_answers_are_the_same);
	suite_add_tcase(s, tc);
	return s;
}
