/* test_arena.c: arena_printf gives the whole formatted text, short or longer than its stack buffer,
 * and what vsnprintf would give whether it was written by hand (plain_format.h) or not. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <check.h>
#include "lib/arena.h"
#include "suites.h"

START_TEST(test_arena_printf_short_and_long)
{
	struct arena *a = arena_new(1 << 12);
	ck_assert_str_eq(arena_printf(a, "%s-%zu", "q", (size_t)12), "q-12");
	ck_assert_str_eq(arena_printf(a, "%s", ""), "");
	char want[1001];
	memset(want, 'x', 1000);
	want[1000] = '\0';
	for (int n = 250; n <= 1000; n += 1) {
		const char *got = arena_printf(a, "%.*s", n, want);
		ck_assert_uint_eq(strlen(got), (size_t)n);
		ck_assert(memcmp(got, want, (size_t)n) == 0);
	}
	arena_free(a);
}
END_TEST

/* arena_printf against snprintf with the same literal format and arguments. */
#define SAME_AS_SNPRINTF(a, ...) do { \
		char want_[512]; \
		snprintf(want_, sizeof want_, __VA_ARGS__); \
		ck_assert_str_eq(arena_printf(a, __VA_ARGS__), want_); \
	} while (0)

START_TEST(test_arena_printf_plain_formats_match_snprintf)
{
	struct arena *a = arena_new(1 << 12);
	const long long lls[] = { 0, 1, -1, 9, 10, -10, 123456789012LL, LLONG_MAX, LLONG_MIN };
	for (size_t i = 0; i < sizeof lls / sizeof lls[0]; i++) {
		SAME_AS_SNPRINTF(a, "/v/%lld/p/%lld", lls[i], -(lls[i] / 3));	/* -LLONG_MIN overflows */
		SAME_AS_SNPRINTF(a, "%llu|%ld|%lu", (unsigned long long)lls[i], (long)lls[i], (unsigned long)lls[i]);
		SAME_AS_SNPRINTF(a, "%d %i %u", (int)lls[i], (int)(lls[i] >> 3), (unsigned)lls[i]);
	}
	SAME_AS_SNPRINTF(a, "%d", INT_MIN);
	for (long long v = -120; v <= 120; v += 7)
		SAME_AS_SNPRINTF(a, "%lld:%02lld|%03d|%09llu|%01d", v / 60, v % 60, (int)v, (unsigned long long)v, (int)v);
	SAME_AS_SNPRINTF(a, "%02lld", LLONG_MIN);
	SAME_AS_SNPRINTF(a, "%zu items, 100%% %s", (size_t)SIZE_MAX, "sure");
	SAME_AS_SNPRINTF(a, "%s%s%s%s%s", "Oak", " / ", "Large", "", "");
	SAME_AS_SNPRINTF(a, "plain text");
	SAME_AS_SNPRINTF(a, "%s", "");
	/* what plain_format leaves to vsnprintf: flags, widths, precisions, other conversions */
	SAME_AS_SNPRINTF(a, "%.3s|%5d|%-4s|%x|%c|%zd", "abcdef", 42, "ab", 255u, 'q', (ssize_t)-5);
	SAME_AS_SNPRINTF(a, "%012d|%05u", -42, 7u);
	/* a result longer than the stack buffer, from plain conversions */
	char long_text[400];
	memset(long_text, 'y', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	SAME_AS_SNPRINTF(a, "%s-%d", long_text, 7);
	arena_free(a);
}
END_TEST

Suite *arena_suite(void)
{
	Suite *s = suite_create("arena");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_arena_printf_short_and_long);
	tcase_add_test(tc, test_arena_printf_plain_formats_match_snprintf);
	suite_add_tcase(s, tc);
	return s;
}
