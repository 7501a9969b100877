/* test_csrf_anon.c: anonymous form tokens (bound to the action path and the hour), the fill-in of
 * a rendered page's placeholders, where a request says it comes from, and If-None-Match. */
#include <stdio.h>
#include <string.h>
#include <check.h>
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/page_hash.h"
#include "web/cache_headers.h"
#include "web/csrf.h"
#include "web/csrf_anon.h"
#include "suites.h"

static const uint8_t secret[32] = { 1, 2, 3 };
static const long long noon = 1796558400;	/* an hour's first second */

START_TEST(test_token_is_good_for_its_path_and_a_few_hours)
{
	char t[CSRF_ANON_LEN + 1];
	csrf_anon_make(secret, "/cart/add", noon + 10, t);
	ck_assert_uint_eq(strlen(t), CSRF_ANON_LEN);
	ck_assert(csrf_anon_check(secret, "/cart/add", t, noon + 10));
	ck_assert(csrf_anon_check(secret, "/cart/add", t, noon + 3 * 3600 + 3599));
	ck_assert(!csrf_anon_check(secret, "/cart/add", t, noon + 4 * 3600));	/* expired */
	ck_assert(!csrf_anon_check(secret, "/cart/add", t, noon - 1));		/* from the future */
	ck_assert(!csrf_anon_check(secret, "/orders/lookup", t, noon));		/* another path */
	uint8_t other[32] = { 9 };
	ck_assert(!csrf_anon_check(other, "/cart/add", t, noon));		/* another shop */
	char forged[CSRF_ANON_LEN + 1];
	memcpy(forged, t, sizeof forged);
	forged[20] = forged[20] == 'A' ? 'B' : 'A';
	ck_assert(!csrf_anon_check(secret, "/cart/add", forged, noon));
	ck_assert(!csrf_anon_check(secret, "/cart/add", NULL, noon));
	ck_assert(!csrf_anon_check(secret, "/cart/add", "", noon));
	ck_assert(!csrf_anon_check(secret, "/cart/add", CSRF_ANON_PLACEHOLDER, noon));
	/* A page's token is good for the page's path and under it, never beside it or for "/"'s. */
	char page[CSRF_ANON_LEN + 1], root[CSRF_ANON_LEN + 1];
	csrf_anon_make_page(secret, "/live/7", noon, page);
	ck_assert(csrf_anon_check(secret, "/live/7", page, noon));
	ck_assert(csrf_anon_check(secret, "/live/7/questions/3/vote", page, noon));
	ck_assert(!csrf_anon_check(secret, "/live/70/ask", page, noon));
	ck_assert(!csrf_anon_check(secret, "/live", page, noon));
	ck_assert(!csrf_anon_check(secret, "/cart/add", page, noon));
	csrf_anon_make_page(secret, "/", noon, root);
	ck_assert(!csrf_anon_check(secret, "/cart/add", root, noon));
	ck_assert(!csrf_anon_check(secret, "/", root, noon));
	/* An action's token is for that action alone, not under it. */
	ck_assert(!csrf_anon_check(secret, "/cart/add/more", t, noon));
	/* The same for every visitor of the page within the hour: a cache may keep the page. */
	char again[CSRF_ANON_LEN + 1];
	csrf_anon_make(secret, "/cart/add", noon + 3000, again);
	ck_assert_str_eq(t, again);
}
END_TEST

START_TEST(test_fill_puts_each_forms_own_token)
{
	struct arena *a = arena_new(4096);
	struct buf page;
	buf_init(&page, a, 256);
	buf_puts(&page, "<form method=\"post\" action=\"/live/7/ask?x=1\"><input name=\"csrf\" value=\""
		 CSRF_ANON_PLACEHOLDER "\"></form><form class=\"x\" method=\"post\" action=\"/a/&amp;b\">"
		 "<input value=\"" CSRF_ANON_PLACEHOLDER "\"></form><p>" CSRF_ANON_PLACEHOLDER "</p>");
	ck_assert(csrf_anon_fill(&page, secret, NULL, "/live/7", noon));
	const char *s = buf_cstr(&page);
	ck_assert_ptr_null(strstr(s, CSRF_ANON_PLACEHOLDER));
	char ask[CSRF_ANON_LEN + 1], amp[CSRF_ANON_LEN + 1];
	csrf_anon_make(secret, "/live/7/ask", noon, ask);
	csrf_anon_make(secret, "/a/&b", noon, amp);
	const char *first = strstr(s, ask), *second = strstr(s, amp);
	ck_assert_ptr_nonnull(first);
	ck_assert_ptr_nonnull(second);
	ck_assert(first < second);
	/* One outside every form is the page's: for a script that builds forms under it. */
	ck_assert_ptr_null(strstr(second + 1, amp));
	char pagetok[CSRF_ANON_LEN + 1];
	csrf_anon_make_page(secret, "/live/7", noon, pagetok);
	ck_assert_ptr_nonnull(strstr(second, pagetok));

	/* A visitor with a session gets its own token in every placeholder (a kept fragment). */
	struct buf kept;
	buf_init(&kept, a, 64);
	buf_puts(&kept, "<form action=\"/x\">" CSRF_ANON_PLACEHOLDER "|" CSRF_ANON_PLACEHOLDER);
	ck_assert(csrf_anon_fill(&kept, secret, "SESSIONTOKEN", "/", noon));
	ck_assert_str_eq(buf_cstr(&kept), "<form action=\"/x\">SESSIONTOKEN|SESSIONTOKEN");

	struct buf none;
	buf_init(&none, a, 16);
	buf_puts(&none, "<p>no form</p>");
	ck_assert(!csrf_anon_fill(&none, secret, NULL, "/", noon));
	arena_free(a);
}
END_TEST

START_TEST(test_origin_is_judged_by_what_the_browser_says)
{
	const char *host = "shop.example:8080";
	ck_assert_int_eq(csrf_origin_of(NULL, NULL, NULL, host), CSRF_ORIGIN_UNKNOWN);
	ck_assert_int_eq(csrf_origin_of("same-origin", NULL, NULL, host), CSRF_ORIGIN_SAME);
	ck_assert_int_eq(csrf_origin_of("none", NULL, NULL, host), CSRF_ORIGIN_UNKNOWN);
	ck_assert_int_eq(csrf_origin_of("same-site", "http://shop.example:8080", NULL, host), CSRF_ORIGIN_CROSS);
	ck_assert_int_eq(csrf_origin_of("cross-site", NULL, NULL, host), CSRF_ORIGIN_CROSS);
	ck_assert_int_eq(csrf_origin_of(NULL, "http://shop.example:8080", NULL, host), CSRF_ORIGIN_SAME);
	ck_assert_int_eq(csrf_origin_of(NULL, "https://SHOP.example:8080", NULL, host), CSRF_ORIGIN_SAME);
	ck_assert_int_eq(csrf_origin_of(NULL, "http://shop.example", NULL, host), CSRF_ORIGIN_CROSS);
	ck_assert_int_eq(csrf_origin_of(NULL, "http://shop.example:8080.evil.test", NULL, host), CSRF_ORIGIN_CROSS);
	ck_assert_int_eq(csrf_origin_of(NULL, "null", NULL, host), CSRF_ORIGIN_CROSS);
	ck_assert_int_eq(csrf_origin_of(NULL, NULL, "http://shop.example:8080/p/a/b?x", host), CSRF_ORIGIN_SAME);
	ck_assert_int_eq(csrf_origin_of(NULL, NULL, "https://evil.test/shop.example:8080", host), CSRF_ORIGIN_CROSS);
	ck_assert_int_eq(csrf_origin_of(NULL, "http://shop.example:8080", NULL, NULL), CSRF_ORIGIN_CROSS);
}
END_TEST

START_TEST(test_if_none_match_compares_weakly_in_a_list)
{
	char etag[32];
	cache_headers_etag("hello", 5, etag);
	ck_assert_uint_eq(strlen(etag), 13);
	ck_assert(etag[0] == '"' && etag[12] == '"');
	char other[32];
	cache_headers_etag("hellO", 5, other);
	ck_assert_str_ne(etag, other);
	ck_assert(cache_headers_none_match(etag, etag));
	char list[96];
	strcpy(list, "\"a\", W/");
	strcat(list, etag);
	ck_assert(cache_headers_none_match(list, etag));
	ck_assert(cache_headers_none_match("*", etag));
	/* As Apache's mod_deflate and mod_brotli hand it out: "<tag>-gzip", "<tag>-br". */
	char gz[40], br[40], bad[40];
	snprintf(gz, sizeof gz, "%.*s-gzip\"", 12, etag);
	snprintf(br, sizeof br, "%.*s-br\"", 12, etag);
	snprintf(bad, sizeof bad, "%.*s-zip\"", 12, etag);
	ck_assert(cache_headers_none_match(gz, etag));
	ck_assert(cache_headers_none_match(br, etag));
	ck_assert(!cache_headers_none_match(bad, etag));
	ck_assert(!cache_headers_none_match(other, etag));
	ck_assert(!cache_headers_none_match(NULL, etag));
	ck_assert(!cache_headers_none_match("", etag));
}
END_TEST

/* A changed byte anywhere in a page, in its 32-byte blocks or its tail, gives another tag. */
START_TEST(test_etag_changes_with_any_byte)
{
	static char body[1001];
	memset(body, 'a', sizeof body);
	char first[32], again[32];
	cache_headers_etag(body, sizeof body, first);
	for (size_t i = 0; i < sizeof body; i += 37) {
		body[i] = 'b';
		cache_headers_etag(body, sizeof body, again);
		ck_assert_str_ne(first, again);
		body[i] = 'a';
	}
	cache_headers_etag(body, sizeof body - 1, again);
	ck_assert_str_ne(first, again);
	cache_headers_etag(body, sizeof body, again);
	ck_assert_str_eq(first, again);
}
END_TEST

/* Placeholders are found among other '~' and dots, at the page's very start and end, and a
 * cut-off one is left alone. */
START_TEST(test_fill_finds_placeholders_among_dots)
{
	struct arena *a = arena_new(4096);
	struct buf page;
	buf_init(&page, a, 256);
	buf_puts(&page, CSRF_ANON_PLACEHOLDER "<p>1.5 kg. ~/x 00000000~csrf</p><form action=\"/x.y\">"
		 CSRF_ANON_PLACEHOLDER "</form>." CSRF_ANON_PLACEHOLDER);
	buf_puts(&page, "<i>00000000~csrf-placeholder-filled-in-as-the-page-end");
	ck_assert(csrf_anon_fill(&page, secret, NULL, "/live/7", noon));
	const char *s = buf_cstr(&page);
	char pagetok[CSRF_ANON_LEN + 1], x[CSRF_ANON_LEN + 1];
	csrf_anon_make_page(secret, "/live/7", noon, pagetok);
	csrf_anon_make(secret, "/x.y", noon, x);
	ck_assert(strncmp(s, pagetok, CSRF_ANON_LEN) == 0);
	const char *in_form = strstr(s, "\">") + 2;
	ck_assert(strncmp(in_form, x, CSRF_ANON_LEN) == 0);
	const char *last = strstr(s, "</form>.") + 8;
	ck_assert(strncmp(last, pagetok, CSRF_ANON_LEN) == 0);
	ck_assert_ptr_nonnull(strstr(s, "<i>00000000~csrf-placeholder-filled-in-as-the-page-end"));
	ck_assert_ptr_null(strstr(s, CSRF_ANON_PLACEHOLDER));
	arena_free(a);
}
END_TEST

/* The ETag's hash is XXH3 whichever build runs it: the AVX2 one gives the baseline's values. */
START_TEST(test_page_hash_is_xxh3_on_every_cpu)
{
	static unsigned char page[5000];
	for (size_t i = 0; i < sizeof page; i++)
		page[i] = (unsigned char)(i * 131 + 7);
	for (size_t n = 0; n <= sizeof page; n += n < 300 ? 1 : 97) {
		ck_assert_uint_eq(page_hash(page, n), XXH3_64bits(page, n));
		if (__builtin_cpu_supports("avx2"))
			ck_assert_uint_eq(page_hash_avx2(page, n), XXH3_64bits(page, n));
	}
}
END_TEST

Suite *csrf_anon_suite(void)
{
	Suite *s = suite_create("csrf_anon");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_token_is_good_for_its_path_and_a_few_hours);
	tcase_add_test(tc, test_fill_puts_each_forms_own_token);
	tcase_add_test(tc, test_fill_finds_placeholders_among_dots);
	tcase_add_test(tc, test_origin_is_judged_by_what_the_browser_says);
	tcase_add_test(tc, test_if_none_match_compares_weakly_in_a_list);
	tcase_add_test(tc, test_etag_changes_with_any_byte);
	tcase_add_test(tc, test_page_hash_is_xxh3_on_every_cpu);
	suite_add_tcase(s, tc);
	return s;
}
