/* test_secure_headers.c: HSTS only for an HTTPS site, no-store for a session's pages, and the
 * __Host- session cookie under HTTPS (ASVS 14.4.5, 8.2.1, 3.4.4). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <check.h>
#include "lib/buf.h"
#include "lib/config.h"
#include "lib/session_limits.h"
#include "web/response.h"
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

/* The Set-Cookie line the session cookie gets on a request of this kind. */
static char *session_cookie_line(bool https)
{
	struct arena *a = arena_new(4096);
	struct req r;
	memset(&r, 0, sizeof r);
	r.arena = a;
	r.https = https;
	buf_init(&r.headers, a, 256);
	response_cookie(&r, session_cookie_name(response_secure(&r)), "tok", -1);
	char *line = strdup(buf_cstr(&r.headers));
	arena_free(a);
	return line;
}

START_TEST(test_session_cookie_under_https_is_host_prefixed_secure_and_host_only)
{
	char *line = session_cookie_line(true);
	ck_assert_str_eq(line, "Set-Cookie: __Host-cc_session=tok; Path=/; HttpOnly; SameSite=Lax; Secure\r\n");
	free(line);
	line = session_cookie_line(false);
	ck_assert_str_eq(line, "Set-Cookie: cc_session=tok; Path=/; HttpOnly; SameSite=Lax\r\n");
	free(line);
}
END_TEST

START_TEST(test_an_https_base_url_makes_cookies_secure_behind_a_proxy)
{
	/* TLS ends at a proxy that does not say HTTPS=on: the configured address still counts. */
	char path[] = "/tmp/cc-unit-headers-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	static const char conf[] = "base_url = https://shop.example\n";
	ck_assert_int_eq(write(fd, conf, sizeof conf - 1), (ssize_t)(sizeof conf - 1));
	close(fd);
	ck_assert(config_load(path));
	unlink(path);
	char *line = session_cookie_line(false);
	ck_assert_str_eq(line, "Set-Cookie: __Host-cc_session=tok; Path=/; HttpOnly; SameSite=Lax; Secure\r\n");
	free(line);
}
END_TEST

START_TEST(test_signed_in_sessions_expire_sooner_than_anonymous_ones)
{
	struct session_limits login = session_limits(true), anon = session_limits(false);
	ck_assert_int_eq(login.idle_s, 30 * 60);	/* ASVS 3.3.2, Level 2 */
	ck_assert_int_eq(login.max_s, 12 * 3600);
	ck_assert_int_eq(anon.idle_s, 7 * 86400);	/* a cart outlives a coffee break */
	ck_assert_int_eq(anon.max_s, 30 * 86400);
}
END_TEST

Suite *secure_headers_suite(void)
{
	Suite *s = suite_create("secure_headers");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_hsts_is_sent_for_an_https_base_url_only);
	tcase_add_test(tc, test_pages_of_a_session_are_never_stored);
	tcase_add_test(tc, test_session_cookie_takes_the_host_prefix_under_https);
	tcase_add_test(tc, test_session_cookie_under_https_is_host_prefixed_secure_and_host_only);
	tcase_add_test(tc, test_an_https_base_url_makes_cookies_secure_behind_a_proxy);
	tcase_add_test(tc, test_signed_in_sessions_expire_sooner_than_anonymous_ones);
	suite_add_tcase(s, tc);
	return s;
}
