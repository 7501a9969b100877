/* test_base_url.c: the configured public address, the only source of absolute links. */
#include <check.h>
#include "lib/base_url.h"
#include "suites.h"

START_TEST(test_base_url_keeps_http_addresses_without_trailing_slashes)
{
	char out[BASE_URL_MAX];
	ck_assert(base_url_parse("https://shop.example", out));
	ck_assert_str_eq(out, "https://shop.example");
	ck_assert(base_url_parse("http://127.0.0.1:8080//", out));
	ck_assert_str_eq(out, "http://127.0.0.1:8080");
	ck_assert(base_url_parse("https://example.com/shop/", out));
	ck_assert_str_eq(out, "https://example.com/shop");
}
END_TEST

START_TEST(test_base_url_refuses_what_cannot_make_a_link)
{
	char out[BASE_URL_MAX];
	char long_url[BASE_URL_MAX + 8] = "https://";
	for (size_t i = 8; i < sizeof long_url - 1; i++)
		long_url[i] = 'a';
	long_url[sizeof long_url - 1] = '\0';
	const char *bad[] = { "", "shop.example", "ftp://shop.example", "https://", "https:///", "http:///x",
		"https://shop.example/a b", "https://shop.example/\"><script>", "https://shop.example\r\nX: 1",
		"https://shop.example/'", "javascript:alert(1)", long_url };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!base_url_parse(bad[i], out), "accepted: %s", bad[i]);
}
END_TEST

Suite *base_url_suite(void)
{
	Suite *s = suite_create("base_url");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_base_url_keeps_http_addresses_without_trailing_slashes);
	tcase_add_test(tc, test_base_url_refuses_what_cannot_make_a_link);
	suite_add_tcase(s, tc);
	return s;
}
