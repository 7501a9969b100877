/* test_commission.c: commission floors, tax rounds half up per order, order numbers and tokens,
 * and the payment providers' decisions and webhook signatures. */
#include <string.h>
#include <check.h>
#include <sodium.h>
#include "domain/commerce/calc.h"
#include "domain/creators/commission.h"
#include "domain/commerce/payments.h"
#include "suites.h"

START_TEST(test_commission_is_floored_basis_points)
{
	ck_assert_int_eq(commission_amount(10000, 1000), 1000);
	ck_assert_int_eq(commission_amount(999, 1000), 99);	/* 99.9 -> 99 */
	ck_assert_int_eq(commission_amount(1, 9999), 0);
	ck_assert_int_eq(commission_amount(12345, 1250), 1543);	/* 1543.125 */
	ck_assert_int_eq(commission_amount(7900, 0), 0);
	ck_assert_int_eq(commission_amount(0, 1000), 0);
	ck_assert_int_eq(commission_amount(-500, 1000), 0);
	ck_assert_int_eq(commission_amount(5000, 20000), 5000);	/* capped at 100 % */
}
END_TEST

START_TEST(test_commission_has_no_overflow_up_to_1e13)
{
	long long big = 10000000000000LL;	/* 10^13 */
	ck_assert_int_eq(commission_amount(big, 10000), big);
	ck_assert_int_eq(commission_amount(big, 1), 1000000000LL);
	ck_assert_int_eq(commission_amount(big - 1, 9999), 9998999999999LL);	/* floor(9999999999999*0.9999) */
	ck_assert_int_eq(commission_amount(9223372036854775807LL, 10000), 9223372036854775807LL);
}
END_TEST

START_TEST(test_tax_rounds_half_up)
{
	ck_assert_int_eq(calc_tax(7300, 825), 602);	/* 602.25 */
	ck_assert_int_eq(calc_tax(200, 2500), 50);
	ck_assert_int_eq(calc_tax(2, 2500), 1);	/* 0.5 -> 1 */
	ck_assert_int_eq(calc_tax(1, 4999), 0);	/* 0.4999 -> 0 */
	ck_assert_int_eq(calc_tax(1, 5000), 1);	/* 0.5 -> 1 */
	ck_assert_int_eq(calc_tax(10100, 2300), 2323);
	ck_assert_int_eq(calc_tax(0, 2300), 0);
	ck_assert_int_eq(calc_tax(1000000000000000LL, 10000), 1000000000000000LL);
}
END_TEST

START_TEST(test_totals_of_one_order)
{
	struct calc_totals t;
	ck_assert(calc_order((long long[]){ 6800 }, 1, 500, 825, false, &t));	/* 561 + 41.25 */
	ck_assert_int_eq(t.subtotal, 6800);
	ck_assert_int_eq(t.shipping, 500);
	ck_assert_int_eq(t.tax, 602);
	ck_assert_int_eq(t.total, 7902);
	ck_assert(calc_order(NULL, 0, 500, 825, false, &t));	/* nothing to ship */
	ck_assert_int_eq(t.total, 0);
	ck_assert(!calc_order((long long[]){ -1 }, 1, 0, 0, false, &t));
	ck_assert(!calc_order((long long[]){ 10000000000000LL }, 1, 1, 0, false, &t));	/* over 10^13 */
	long long lt;
	ck_assert(calc_line_total(3400, 2, &lt));
	ck_assert_int_eq(lt, 6800);
	ck_assert(!calc_line_total(10000000000000LL, 2, &lt));
	ck_assert(!calc_line_total(-1, 2, &lt));
}
END_TEST

START_TEST(test_order_numbers_are_random_base32)
{
	char a[CALC_ORDERNO_LEN + 1], b[CALC_ORDERNO_LEN + 1], n[CALC_ORDERNO_LEN + 1];
	calc_orderno_new(a);
	calc_orderno_new(b);
	ck_assert_uint_eq(strlen(a), 20);
	ck_assert_str_ne(a, b);
	ck_assert_uint_eq(strspn(a, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"), 20);
	ck_assert(calc_orderno_normalize(a, n));
	ck_assert_str_eq(n, a);
	ck_assert(calc_orderno_normalize("abcd-efgh ijkl mnop-qrst", n));
	ck_assert_str_eq(n, "ABCDEFGH1JK1MN0PQRST");
	ck_assert(!calc_orderno_normalize("ABCDEFGHJKMNPQRSTVW", n));	/* 19 */
	ck_assert(!calc_orderno_normalize("ABCDEFGHJKMNPQRSTVWXY", n));	/* 21 */
	ck_assert(!calc_orderno_normalize("ABCDEFGHJKMNPQRSTVWU", n));	/* U is not a digit */
	ck_assert(!calc_orderno_normalize("ABCDEFGHJKMNPQRSTVW'", n));
	char ref[CALC_REF_LEN + 1];
	calc_ref_new(ref);
	ck_assert(calc_ref_valid(ref));
	ck_assert(!calc_ref_valid("short"));
}
END_TEST

START_TEST(test_checkout_token_is_bound_to_the_session)
{
	uint8_t secret[32], s1[32], s2[32];
	randombytes_buf(secret, 32);
	randombytes_buf(s1, 32);
	randombytes_buf(s2, 32);
	char t[CALC_TOKEN_LEN + 1], u[CALC_TOKEN_LEN + 1];
	calc_token_new(secret, s1, t);
	calc_token_new(secret, s1, u);
	ck_assert_str_ne(t, u);	/* one per form */
	ck_assert(calc_token_check(secret, s1, t));
	ck_assert(!calc_token_check(secret, s2, t));
	t[0] = t[0] == '0' ? '1' : '0';
	ck_assert(!calc_token_check(secret, s1, t));
	ck_assert(!calc_token_check(secret, s1, NULL));
	ck_assert(!calc_token_check(secret, s1, "zz"));
}
END_TEST

START_TEST(test_summary_version_sees_every_change)
{
	char a[CALC_VERSION_LEN + 1], b[CALC_VERSION_LEN + 1];
	struct calc_version v;
	calc_version_init(&v);
	calc_version_add(&v, 3);
	calc_version_add(&v, 3400);
	calc_version_add_str(&v, "USD");
	calc_version_final(&v, a);
	calc_version_init(&v);
	calc_version_add(&v, 3);
	calc_version_add(&v, 3500);
	calc_version_add_str(&v, "USD");
	calc_version_final(&v, b);
	ck_assert_str_ne(a, b);
	calc_version_init(&v);
	calc_version_add(&v, 3);
	calc_version_add(&v, 3400);
	calc_version_add_str(&v, "USD");
	calc_version_final(&v, b);
	ck_assert_str_eq(a, b);
}
END_TEST

START_TEST(test_payment_providers_decide)
{
	const struct payment_provider *off = payments_find("offline"), *test = payments_find("test");
	ck_assert_ptr_nonnull(off);
	ck_assert_ptr_nonnull(test);
	ck_assert_ptr_null(payments_find("no-such-provider"));
	ck_assert_ptr_null(payments_find(NULL));
	struct payment_request ok = { "N", "a@example.com", 100, "USD" };
	struct payment_request no = { "N", "a+decline@example.com", 100, "USD" };
	ck_assert_int_eq(off->decide(&ok), PAY_PENDING);
	ck_assert_int_eq(off->decide(&no), PAY_PENDING);
	ck_assert_int_eq(test->decide(&ok), PAY_PAID);
	ck_assert_int_eq(test->decide(&no), PAY_DECLINED);
	const struct payment_provider *ch[PAYMENT_MAX_PROVIDERS];
	ck_assert_uint_eq(payments_choices(ch), 1);	/* the default: offline only (test_pay_test.c) */
	ck_assert_str_eq(ch[0]->name, "offline");
	ck_assert(!payments_offered("test"));
	ck_assert(!payments_offered("nope"));
}
END_TEST

START_TEST(test_webhook_signature_is_hmac_sha256)
{
	/* RFC 4231, test case 2. */
	const char *key = "Jefe", *data = "what do ya want for nothing?";
	const char *mac = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
	ck_assert(payments_signature_ok((const uint8_t *)key, 4, data, strlen(data), mac));
	ck_assert(payments_signature_ok((const uint8_t *)key, 4, data, strlen(data),
				       "5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843"));
	ck_assert(!payments_signature_ok((const uint8_t *)key, 4, data, strlen(data) - 1, mac));
	ck_assert(!payments_signature_ok((const uint8_t *)"Jeff", 4, data, strlen(data), mac));
	ck_assert(!payments_signature_ok((const uint8_t *)key, 4, data, strlen(data), NULL));
	ck_assert(!payments_signature_ok((const uint8_t *)key, 4, data, strlen(data), "5bdc"));
}
END_TEST

Suite *commission_suite(void)
{
	Suite *s = suite_create("commission");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_commission_is_floored_basis_points);
	tcase_add_test(tc, test_commission_has_no_overflow_up_to_1e13);
	tcase_add_test(tc, test_tax_rounds_half_up);
	tcase_add_test(tc, test_totals_of_one_order);
	tcase_add_test(tc, test_order_numbers_are_random_base32);
	tcase_add_test(tc, test_checkout_token_is_bound_to_the_session);
	tcase_add_test(tc, test_summary_version_sees_every_change);
	tcase_add_test(tc, test_payment_providers_decide);
	tcase_add_test(tc, test_webhook_signature_is_hmac_sha256);
	suite_add_tcase(s, tc);
	return s;
}
