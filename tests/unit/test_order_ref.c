/* test_order_ref.c: order references: their shape, reading them back as people type them. */
#include <string.h>
#include <check.h>
#include "domain/commerce/order_ref.h"
#include "suites.h"

START_TEST(test_order_ref_new_is_eight_crockford_digits_and_varies)
{
	char a[ORDER_REF_LEN + 1], b[ORDER_REF_LEN + 1];
	order_ref_new(a);
	order_ref_new(b);
	ck_assert_uint_eq(strlen(a), ORDER_REF_LEN);
	ck_assert_uint_eq(strspn(a, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"), ORDER_REF_LEN);
	ck_assert_str_ne(a, b);	/* 1 in 2^40 to fail */
}
END_TEST

START_TEST(test_order_ref_shows_grouped_behind_the_prefix)
{
	char out[ORDER_REF_SHOW_SIZE];
	order_ref_show("7KQ4M2XP", out);
	ck_assert_str_eq(out, "CC-7KQ4-M2XP");
	order_ref_show("D3M00000000000000001", out);
	ck_assert_str_eq(out, "D3M00000000000000001");
}
END_TEST

START_TEST(test_order_ref_reads_back_what_people_type)
{
	char out[ORDER_REF_LEN + 1];
	static const char *same[] = { "CC-7KQ4-M2XP", "cc-7kq4-m2xp", "7KQ4M2XP", " 7kq4 m2xp ", "CC7KQ4M2XP" };
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		ck_assert_msg(order_ref_normalize(same[i], out), "%s", same[i]);
		ck_assert_str_eq(out, "7KQ4M2XP");
	}
	ck_assert(order_ref_normalize("CC-0I1L-OOLI", out));
	ck_assert_str_eq(out, "01110011");
	/* eight digits that start with CC are a reference of their own */
	ck_assert(order_ref_normalize("CCAB-1234", out));
	ck_assert_str_eq(out, "CCAB1234");
	static const char *bad[] = { "", "CC-", "7KQ4M2X", "7KQ4M2XPQ", "CC-7KQ4-M2XU", "7KQ4_M2XP",
		"D3M00000000000000001", NULL };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!order_ref_normalize(bad[i], out), "%s", bad[i] ? bad[i] : "(null)");
}
END_TEST

Suite *order_ref_suite(void)
{
	Suite *s = suite_create("order_ref");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_order_ref_new_is_eight_crockford_digits_and_varies);
	tcase_add_test(tc, test_order_ref_shows_grouped_behind_the_prefix);
	tcase_add_test(tc, test_order_ref_reads_back_what_people_type);
	suite_add_tcase(s, tc);
	return s;
}
