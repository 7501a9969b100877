/* test_secure_headers.c: HSTS only for an HTTPS site, no-store for a session's pages, and the
 * __Host- session cookie under HTTPS (ASVS 14.4.5, 8.2.1, 3.4.4). */
#include <check.h>
#include "web/secure_headers.h"
#include "web/session.h"
#include "suites.h"

START_TEST(test_hsts_is_sent_for_an_https_base_url_only)
{
	char out[64];
	ck_assert_str_eq(secure_headers_hsts("https://shop.example", 31536000, out, sizeof out),
			 "max-age=31536000; includeSubDomains");
	ck_assert_str_eq(secure_headers_hsts("HTTPS://shop.example/", 600, out, sizeof out),
			 "max-age=600; includeSubDomains");
	ck_assert_ptr_null(secure_headers_hsts("http://shop.example", 31536000, out, sizeof out));
	ck_assert_ptr_null(secure_headers_hsts("", 31536000, out, sizeof out));
	ck_assert_ptr_null(secure_headers_hsts("https://", 31536000, out, sizeof out));
	ck_assert_ptr_null(secure_headers_hsts(NULL, 31536000, out, sizeof out));
	/* An operator who sets hsts_max_age = 0 turns it off. */
	ck_assert_ptr_null(secure_headers_hsts("https://shop.example", 0, out, sizeof out));
}
END_TEST

START_TEST(test_pages_of_a_session_are_never_stored)
{
	ck_assert_str_eq(secure_headers_cache_control(true), "no-store");
	ck_assert_str_eq(secure_headers_cache_control(false), "private, no-cache");
}
END_TEST

START_TEST(test_session_cookie_takes_the_host_prefix_under_https)
{
	ck_assert_str_eq(session_cookie_name(true), "__Host-cc_session");
	ck_assert_str_eq(session_cookie_name(false), "cc_session");
	ck_assert(secure_headers_https_site("https://shop.example"));
	ck_assert(!secure_headers_https_site("http://shop.example"));
}
END_TEST

Suite *secure_headers_suite(void)
{
	Suite *s = suite_create("secure_headers");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_hsts_is_sent_for_an_https_base_url_only);
	tcase_add_test(tc, test_pages_of_a_session_are_never_stored);
	tcase_add_test(tc, test_session_cookie_takes_the_host_prefix_under_https);
	suite_add_tcase(s, tc);
	return s;
}
