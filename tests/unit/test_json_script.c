/* test_json_script.c: JSON for an HTML script data block holds nothing HTML reads, and still
 * parses back to the same values. */
#include <string.h>
#include <check.h>
#include "lib/json_script.h"
#include "suites.h"

static struct arena *A;

static void setup(void)
{
	A = arena_new(1 << 16);
}

static void teardown(void)
{
	arena_free(A);
}

START_TEST(test_json_script_escapes_what_could_end_the_block)
{
	static const char *const hostile[] = {
		"</script><script>alert(1)</script>", "<!--<script>", "]]>", "&lt;", "</SCRIPT>", "<\\/script>",
		"\"}]}</script>", "x\xe2\x80\xa8y\xe2\x80\xa9z", "Ünïcødé 東京 🛒",
	};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		json_t *v = json_pack("{s:s, s:[s]}", "name", hostile[i], "list", hostile[i]);
		const char *out = json_script_dump(A, v);
		ck_assert_ptr_nonnull(out);
		ck_assert_msg(!strpbrk(out, "<>&"), "raw <, > or & in %s", out);
		ck_assert_ptr_null(strstr(out, "</"));
		/* Read back, it is the same text. */
		json_error_t err;
		json_t *back = json_loads(out, 0, &err);
		ck_assert_ptr_nonnull(back);
		ck_assert_str_eq(json_string_value(json_object_get(back, "name")), hostile[i]);
		json_decref(back);
		json_decref(v);
	}
}
END_TEST

START_TEST(test_json_script_keeps_the_meaning_of_plain_values)
{
	json_t *v = json_pack("{s:s, s:i, s:s}", "@type", "Offer", "position", 3, "url", "https://shop.example/p/a");
	const char *out = json_script_dump(A, v);
	ck_assert_str_eq(out, "{\"@type\":\"Offer\",\"position\":3,\"url\":\"https:\\/\\/shop.example\\/p\\/a\"}");
	json_decref(v);
}
END_TEST

Suite *json_script_suite(void)
{
	Suite *s = suite_create("json_script");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_json_script_escapes_what_could_end_the_block);
	tcase_add_test(tc, test_json_script_keeps_the_meaning_of_plain_values);
	suite_add_tcase(s, tc);
	return s;
}
