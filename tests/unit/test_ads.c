/* test_ads.c: the pure parts of collection ads: domain and URL host rules, and the /go/ token codec. */
#include <string.h>
#include <check.h>
#include <sodium.h>
#include "domain/ads/ad_token.h"
#include "domain/ads/brand_domain.h"
#include "suites.h"

static const uint8_t SECRET[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
				    17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };
#define NOW 1780000000LL

START_TEST(test_ads_domain_valid_takes_lower_case_host_names_only)
{
	ck_assert(brand_domain_valid("northwind.example"));
	ck_assert(brand_domain_valid("shop.north-wind.example"));
	ck_assert(brand_domain_valid("a1.b2"));
	ck_assert(!brand_domain_valid("localhost"));		/* one label */
	ck_assert(!brand_domain_valid("Northwind.example"));
	ck_assert(!brand_domain_valid("northwind.example."));
	ck_assert(!brand_domain_valid(".northwind.example"));
	ck_assert(!brand_domain_valid("north..wind"));
	ck_assert(!brand_domain_valid("-north.example"));
	ck_assert(!brand_domain_valid("north-.example"));
	ck_assert(!brand_domain_valid("north_wind.example"));
	ck_assert(!brand_domain_valid("https://northwind.example"));
	ck_assert(!brand_domain_valid(""));
	ck_assert(!brand_domain_valid(NULL));
	char longlabel[80];
	memset(longlabel, 'a', 64);
	strcpy(longlabel + 64, ".example");
	ck_assert(!brand_domain_valid(longlabel));
}
END_TEST

START_TEST(test_ads_url_host_reads_http_and_https_hosts)
{
	char h[DOMAIN_MAX + 1];
	ck_assert(brand_domain_url_host("https://Shop.Northwind.example/spring?x=1#top", h));
	ck_assert_str_eq(h, "shop.northwind.example");
	ck_assert(brand_domain_url_host("http://northwind.example", h));
	ck_assert_str_eq(h, "northwind.example");
	ck_assert(brand_domain_url_host("https://northwind.example:8443/a", h));
	ck_assert_str_eq(h, "northwind.example");
	ck_assert(brand_domain_url_host("https://northwind.example?q", h));
	ck_assert_str_eq(h, "northwind.example");
}
END_TEST

START_TEST(test_ads_url_host_refuses_user_info_other_schemes_and_odd_text)
{
	char h[DOMAIN_MAX + 1];
	ck_assert(!brand_domain_url_host("https://northwind.example@evil.test/", h));
	ck_assert(!brand_domain_url_host("https://user:pw@northwind.example/", h));
	ck_assert(!brand_domain_url_host("javascript:alert(1)", h));
	ck_assert(!brand_domain_url_host("//northwind.example/", h));
	ck_assert(!brand_domain_url_host("ftp://northwind.example/", h));
	ck_assert(!brand_domain_url_host("HTTPS://northwind.example/", h));	/* we write lower-case schemes */
	ck_assert(!brand_domain_url_host("https://northwind.example\\@evil.test/", h));
	ck_assert(!brand_domain_url_host("https://northwind.example/a b", h));
	ck_assert(!brand_domain_url_host("https://northwind.example/\r\nSet-Cookie:x", h));
	ck_assert(!brand_domain_url_host("https://northwind.example:/", h));
	ck_assert(!brand_domain_url_host("https://northwind.example:123456/", h));
	ck_assert(!brand_domain_url_host("https://[::1]/", h));
	ck_assert(!brand_domain_url_host("https:///path", h));
	ck_assert(!brand_domain_url_host("", h));
	char big[DOMAIN_URL_MAX + 40] = "https://northwind.example/";
	memset(big + strlen(big), 'a', DOMAIN_URL_MAX);
	big[DOMAIN_URL_MAX + 1] = '\0';
	ck_assert(!brand_domain_url_host(big, h));
}
END_TEST

START_TEST(test_ads_host_matches_the_domain_and_its_subdomains_only)
{
	ck_assert(brand_domain_host_matches("northwind.example", "northwind.example"));
	ck_assert(brand_domain_host_matches("shop.northwind.example", "northwind.example"));
	ck_assert(brand_domain_host_matches("a.b.northwind.example", "northwind.example"));
	ck_assert(!brand_domain_host_matches("evilnorthwind.example", "northwind.example"));
	ck_assert(!brand_domain_host_matches("northwind.example.evil.test", "northwind.example"));
	ck_assert(!brand_domain_host_matches("example", "northwind.example"));
	ck_assert(!brand_domain_host_matches("northwind.example", "shop.northwind.example"));
	ck_assert(!brand_domain_host_matches("northwind.example", ""));
}
END_TEST

static void make(char out[AD_TOKEN_TEXT_MAX], long long expires)
{
	struct ad_token t = { 42, 7, expires, "https://shop.northwind.example/spring?utm_source=ad" };
	ck_assert(ad_token_encode(SECRET, &t, out));
}

START_TEST(test_ads_token_round_trips)
{
	char text[AD_TOKEN_TEXT_MAX], url[AD_TOKEN_URL_MAX + 1];
	make(text, NOW + 60);
	ck_assert_uint_eq(strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), strlen(text));
	struct ad_token t;
	ck_assert_int_eq(ad_token_decode(SECRET, text, NOW, &t, url), AD_TOKEN_OK);
	ck_assert_int_eq(t.ad_id, 42);
	ck_assert_int_eq(t.creator_id, 7);
	ck_assert_int_eq(t.expires, NOW + 60);
	ck_assert_str_eq(t.url, "https://shop.northwind.example/spring?utm_source=ad");
	/* A token made again is the same; one of another URL, creator or secret is another. */
	char again[AD_TOKEN_TEXT_MAX], other[AD_TOKEN_TEXT_MAX];
	make(again, NOW + 60);
	ck_assert_str_eq(again, text);
	struct ad_token o = { 42, 7, NOW + 60, "https://shop.northwind.example/autumn" };
	ck_assert(ad_token_encode(SECRET, &o, other));
	ck_assert_int_eq(ad_token_decode(SECRET, other, NOW, &t, url), AD_TOKEN_OK);
	ck_assert_str_eq(t.url, "https://shop.northwind.example/autumn");
	o = (struct ad_token){ 42, 8, NOW + 60, "https://shop.northwind.example/spring?utm_source=ad" };
	ck_assert(ad_token_encode(SECRET, &o, other));
	ck_assert_str_ne(other, text);
	ck_assert_int_eq(ad_token_decode(SECRET, other, NOW, &t, url), AD_TOKEN_OK);
	ck_assert_int_eq(t.creator_id, 8);
	uint8_t secret2[32];
	memcpy(secret2, SECRET, 32);
	secret2[0] ^= 1;
	ck_assert(ad_token_encode(secret2, &o, other));
	ck_assert_int_eq(ad_token_decode(SECRET, other, NOW, &t, url), AD_TOKEN_BAD);
}
END_TEST

START_TEST(test_ads_token_expired_is_told_apart)
{
	char text[AD_TOKEN_TEXT_MAX], url[AD_TOKEN_URL_MAX + 1];
	struct ad_token t;
	make(text, NOW - 1);
	ck_assert_int_eq(ad_token_decode(SECRET, text, NOW, &t, url), AD_TOKEN_EXPIRED);
	make(text, NOW);
	ck_assert_int_eq(ad_token_decode(SECRET, text, NOW, &t, url), AD_TOKEN_OK);	/* the last second still counts */
}
END_TEST

START_TEST(test_ads_token_refuses_tampering_other_keys_and_junk)
{
	char text[AD_TOKEN_TEXT_MAX], url[AD_TOKEN_URL_MAX + 1];
	struct ad_token t;
	make(text, NOW + 60);
	size_t n = strlen(text);
	/* Flip one character in the payload (start) and one in the tag (end) */
	static const size_t at[] = { 3, 20, 40 };
	for (size_t k = 0; k < 3; k++) {
		char copy[AD_TOKEN_TEXT_MAX];
		strcpy(copy, text);
		copy[at[k]] = copy[at[k]] == 'A' ? 'B' : 'A';
		ck_assert_int_eq(ad_token_decode(SECRET, copy, NOW, &t, url), AD_TOKEN_BAD);
	}
	char copy[AD_TOKEN_TEXT_MAX];
	strcpy(copy, text);
	copy[n - 5] = copy[n - 5] == 'A' ? 'B' : 'A';
	ck_assert_int_eq(ad_token_decode(SECRET, copy, NOW, &t, url), AD_TOKEN_BAD);
	copy[n - 5] = text[n - 5];
	copy[n - 3] = '\0';	/* truncated */
	ck_assert_int_eq(ad_token_decode(SECRET, copy, NOW, &t, url), AD_TOKEN_BAD);
	uint8_t other[32];
	memcpy(other, SECRET, 32);
	other[0] ^= 1;
	ck_assert_int_eq(ad_token_decode(other, text, NOW, &t, url), AD_TOKEN_BAD);
	ck_assert_int_eq(ad_token_decode(SECRET, "", NOW, &t, url), AD_TOKEN_BAD);
	ck_assert_int_eq(ad_token_decode(SECRET, NULL, NOW, &t, url), AD_TOKEN_BAD);
	ck_assert_int_eq(ad_token_decode(SECRET, "not a token!", NOW, &t, url), AD_TOKEN_BAD);
	ck_assert_int_eq(ad_token_decode(SECRET, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NOW, &t, url), AD_TOKEN_BAD);
}
END_TEST

START_TEST(test_ads_token_encode_refuses_bad_input)
{
	char text[AD_TOKEN_TEXT_MAX];
	struct ad_token t = { 0, 0, NOW, "https://northwind.example/" };
	ck_assert(!ad_token_encode(SECRET, &t, text));	/* no ad */
	t.ad_id = 1;
	t.creator_id = -1;
	ck_assert(!ad_token_encode(SECRET, &t, text));
	t.creator_id = 0;
	t.url = "";
	ck_assert(!ad_token_encode(SECRET, &t, text));
	static char big[AD_TOKEN_URL_MAX + 2];
	memset(big, 'a', AD_TOKEN_URL_MAX + 1);
	t.url = big;
	ck_assert(!ad_token_encode(SECRET, &t, text));
	big[AD_TOKEN_URL_MAX] = '\0';	/* exactly the cap */
	ck_assert(ad_token_encode(SECRET, &t, text));
	char url[AD_TOKEN_URL_MAX + 1];
	struct ad_token back;
	ck_assert_int_eq(ad_token_decode(SECRET, text, NOW, &back, url), AD_TOKEN_OK);
	ck_assert_uint_eq(strlen(back.url), AD_TOKEN_URL_MAX);
}
END_TEST

Suite *ads_suite(void)
{
	Suite *s = suite_create("ads");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, test_ads_domain_valid_takes_lower_case_host_names_only);
	tcase_add_test(tc, test_ads_url_host_reads_http_and_https_hosts);
	tcase_add_test(tc, test_ads_url_host_refuses_user_info_other_schemes_and_odd_text);
	tcase_add_test(tc, test_ads_host_matches_the_domain_and_its_subdomains_only);
	tcase_add_test(tc, test_ads_token_round_trips);
	tcase_add_test(tc, test_ads_token_expired_is_told_apart);
	tcase_add_test(tc, test_ads_token_refuses_tampering_other_keys_and_junk);
	tcase_add_test(tc, test_ads_token_encode_refuses_bad_input);
	suite_add_tcase(s, tc);
	return s;
}
