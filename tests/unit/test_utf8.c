/* test_utf8.c: strict UTF-8 validation accepts every well-formed boundary and nothing else. */
#include <check.h>
#include "suites.h"
#include "lib/utf8.h"

/* A literal as (bytes, length), so embedded NULs and invalid bytes are measured exactly. */
#define B(lit) (const uint8_t *)(lit), sizeof(lit) - 1

START_TEST(test_utf8_accepts_ascii_and_empty)
{
	ck_assert(utf8_valid(B("")));
	ck_assert(utf8_valid(NULL, 0));
	ck_assert(utf8_valid(B("hello, world ~\x7f")));
}
END_TEST

START_TEST(test_utf8_accepts_boundary_code_points)
{
	ck_assert(utf8_valid(B("\xc2\x80")));		/* U+0080 */
	ck_assert(utf8_valid(B("\xdf\xbf")));		/* U+07FF */
	ck_assert(utf8_valid(B("\xe0\xa0\x80")));	/* U+0800 */
	ck_assert(utf8_valid(B("\xed\x9f\xbf")));	/* U+D7FF */
	ck_assert(utf8_valid(B("\xee\x80\x80")));	/* U+E000 */
	ck_assert(utf8_valid(B("\xef\xbf\xbf")));	/* U+FFFF */
	ck_assert(utf8_valid(B("\xf0\x90\x80\x80")));	/* U+10000 */
	ck_assert(utf8_valid(B("\xf4\x8f\xbf\xbf")));	/* U+10FFFF */
	ck_assert(utf8_valid(B("l\xc3\xa9na \xf0\x9f\x98\x80")));
}
END_TEST

START_TEST(test_utf8_rejects_overlong_encodings)
{
	ck_assert(!utf8_valid(B("\xc0\xaf")));		/* '/' in two bytes */
	ck_assert(!utf8_valid(B("\xc0\x80")));		/* NUL in two bytes */
	ck_assert(!utf8_valid(B("\xc1\xbf")));
	ck_assert(!utf8_valid(B("\xe0\x80\xaf")));
	ck_assert(!utf8_valid(B("\xe0\x9f\xbf")));
	ck_assert(!utf8_valid(B("\xf0\x80\x80\xaf")));
	ck_assert(!utf8_valid(B("\xf0\x8f\xbf\xbf")));
}
END_TEST

START_TEST(test_utf8_rejects_surrogates)
{
	ck_assert(!utf8_valid(B("\xed\xa0\x80")));	/* U+D800 */
	ck_assert(!utf8_valid(B("\xed\xbf\xbf")));	/* U+DFFF */
	ck_assert(!utf8_valid(B("\xed\xa0\xbd\xed\xb8\x80")));	/* CESU-8 pair */
}
END_TEST

START_TEST(test_utf8_rejects_code_points_above_10ffff)
{
	ck_assert(!utf8_valid(B("\xf4\x90\x80\x80")));
	ck_assert(!utf8_valid(B("\xf5\x80\x80\x80")));
	ck_assert(!utf8_valid(B("\xf8\x88\x80\x80\x80")));
	ck_assert(!utf8_valid(B("\xff")));
	ck_assert(!utf8_valid(B("\xfe")));
}
END_TEST

START_TEST(test_utf8_rejects_truncated_sequences)
{
	ck_assert(!utf8_valid(B("\xc3")));
	ck_assert(!utf8_valid(B("\xe2\x82")));
	ck_assert(!utf8_valid(B("\xf0\x9f\x98")));
	ck_assert(!utf8_valid(B("ok\xf0\x9f")));
	ck_assert(!utf8_valid(B("\xe2\x82" "a")));
}
END_TEST

START_TEST(test_utf8_rejects_lone_continuation_bytes)
{
	ck_assert(!utf8_valid(B("\x80")));
	ck_assert(!utf8_valid(B("a\xbf" "b")));
	ck_assert(!utf8_valid(B("\xc3\xa9\xa9")));
}
END_TEST

START_TEST(test_utf8_stops_at_n)
{
	const uint8_t s[] = {'a', 0xc3, 0xa9, 0xff};
	ck_assert(utf8_valid(s, 3));
	ck_assert(!utf8_valid(s, 2));
	ck_assert(!utf8_valid(s, 4));
}
END_TEST

START_TEST(test_utf8_len_counts_code_points)
{
	ck_assert_uint_eq(utf8_len(B("")), 0);
	ck_assert_uint_eq(utf8_len(B("abc")), 3);
	ck_assert_uint_eq(utf8_len(B("l\xc3\xa9na")), 4);
	ck_assert_uint_eq(utf8_len(B("\xe2\x82\xac\xf0\x9f\x98\x80")), 2);
}
END_TEST

Suite *utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_utf8_accepts_ascii_and_empty);
	tcase_add_test(tc, test_utf8_accepts_boundary_code_points);
	tcase_add_test(tc, test_utf8_rejects_overlong_encodings);
	tcase_add_test(tc, test_utf8_rejects_surrogates);
	tcase_add_test(tc, test_utf8_rejects_code_points_above_10ffff);
	tcase_add_test(tc, test_utf8_rejects_truncated_sequences);
	tcase_add_test(tc, test_utf8_rejects_lone_continuation_bytes);
	tcase_add_test(tc, test_utf8_stops_at_n);
	tcase_add_test(tc, test_utf8_len_counts_code_points);
	suite_add_tcase(s, tc);
	return s;
}
