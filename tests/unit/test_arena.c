/* test_arena.c: arena_printf gives the whole formatted text, short or longer than its stack buffer. */
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

Suite *arena_suite(void)
{
	Suite *s = suite_create("arena");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_arena_printf_short_and_long);
	suite_add_tcase(s, tc);
	return s;
}
