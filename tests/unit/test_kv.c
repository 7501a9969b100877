/* test_kv.c: form, cookie and segment parsers decode valid input and refuse hostile input whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "web/kv.h"
#include "suites.h"

static struct arena *ar;

static void kv_setup(void)
{
	ar = arena_new(4096);
}

static void kv_teardown(void)
{
	arena_free(ar);
}

static enum kv_err form(const char *s, struct kvlist *l)
{
	return kv_parse_form(ar, (const uint8_t *)s, strlen(s), NULL, l);
}

static enum kv_err form_lim(const char *s, size_t fields, size_t key, size_t val, struct kvlist *l)
{
	struct kv_limits lim = {.max_fields = fields, .max_key = key, .max_val = val};
	return kv_parse_form(ar, (const uint8_t *)s, strlen(s), &lim, l);
}

static enum kv_err cookies(const char *s, struct kvlist *l)
{
	return kv_parse_cookies(ar, (const uint8_t *)s, strlen(s), NULL, l);
}

/* "k=" followed by n copies of c: for length limits. */
static char *repeat(const char *prefix, char c, size_t n)
{
	size_t plen = strlen(prefix);
	char *s = malloc(plen + n + 1);
	memcpy(s, prefix, plen);
	memset(s + plen, c, n);
	s[plen + n] = '\0';
	return s;
}

static void assert_rejected(const char *s, enum kv_err want)
{
	struct kvlist l = {.n = 99};
	enum kv_err got = form(s, &l);
	ck_assert_msg(got == want, "input \"%s\": got %s", s, kv_err_str(got));
	ck_assert_uint_eq(l.n, 0);
	ck_assert_ptr_null(l.items);
}

START_TEST(test_form_parses_pairs_in_input_order)
{
	struct kvlist l;
	ck_assert_int_eq(form("b=2&a=1&c=3", &l), KV_OK);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_str_eq(l.items[0].key, "b");
	ck_assert_str_eq(l.items[1].key, "a");
	ck_assert_str_eq(l.items[2].key, "c");
	ck_assert_str_eq(l.items[2].val, "3");
	ck_assert_uint_eq(l.items[2].keylen, 1);
	ck_assert_uint_eq(l.items[2].vallen, 1);
}
END_TEST

START_TEST(test_form_decodes_plus_and_percent_escapes)
{
	struct kvlist l;
	ck_assert_int_eq(form("q=red+shoes%21&na%6De=l%C3%A9na&p=%2B1%26%3d", &l), KV_OK);
	ck_assert_str_eq(kv_get(&l, "q"), "red shoes!");
	ck_assert_str_eq(kv_get(&l, "name"), "l\xc3\xa9na");
	ck_assert_uint_eq(l.items[1].vallen, 5);
	ck_assert_str_eq(kv_get(&l, "p"), "+1&=");
}
END_TEST

START_TEST(test_form_key_without_equals_has_empty_value)
{
	struct kvlist l;
	ck_assert_int_eq(form("flag&x=", &l), KV_OK);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(kv_get(&l, "flag"), "");
	ck_assert_uint_eq(l.items[0].vallen, 0);
	ck_assert_str_eq(kv_get(&l, "x"), "");
}
END_TEST

START_TEST(test_form_skips_empty_pairs)
{
	struct kvlist l;
	ck_assert_int_eq(form("a=1&&b", &l), KV_OK);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.items[1].key, "b");
	ck_assert_int_eq(form("&&&a=1&", &l), KV_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(form("&&&", &l), KV_OK);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_int_eq(form("", &l), KV_OK);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_int_eq(kv_parse_form(ar, NULL, 0, NULL, &l), KV_OK);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(test_form_skips_pairs_without_a_name)
{
	struct kvlist l;
	ck_assert_int_eq(form("=1&a=2&=", &l), KV_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(kv_get(&l, "a"), "2");
	ck_assert_ptr_null(kv_get(&l, ""));
}
END_TEST

START_TEST(test_form_keeps_duplicate_keys_in_order)
{
	struct kvlist l;
	ck_assert_int_eq(form("tag=a&x=1&tag=b&tag=c", &l), KV_OK);
	ck_assert_uint_eq(l.n, 4);
	ck_assert_str_eq(kv_get(&l, "tag"), "a");
	ck_assert_uint_eq(kv_count(&l, "tag"), 3);
	ck_assert_uint_eq(kv_count(&l, "x"), 1);
	ck_assert_uint_eq(kv_count(&l, "nope"), 0);
	ck_assert_str_eq(l.items[2].val, "b");
	ck_assert_str_eq(l.items[3].val, "c");
}
END_TEST

START_TEST(test_form_rejects_bad_percent_escape)
{
	assert_rejected("a=%", KV_BAD_ESCAPE);
	assert_rejected("a=%4", KV_BAD_ESCAPE);
	assert_rejected("a=%zz", KV_BAD_ESCAPE);
	assert_rejected("a=%4g", KV_BAD_ESCAPE);
	assert_rejected("a=% 41", KV_BAD_ESCAPE);
	assert_rejected("%=1", KV_BAD_ESCAPE);
	assert_rejected("k%zz=1", KV_BAD_ESCAPE);
	assert_rejected("ok=1&a=50%", KV_BAD_ESCAPE);
}
END_TEST

START_TEST(test_form_rejects_overlong_utf8)
{
	assert_rejected("path=%C0%AF", KV_BAD_UTF8);
	assert_rejected("a=%E0%80%AF", KV_BAD_UTF8);
	assert_rejected("%C0%AF=1", KV_BAD_UTF8);
}
END_TEST

START_TEST(test_form_rejects_surrogate)
{
	assert_rejected("a=%ED%A0%80", KV_BAD_UTF8);
	assert_rejected("a=%ED%BF%BF", KV_BAD_UTF8);
}
END_TEST

START_TEST(test_form_rejects_lone_continuation_and_truncated_utf8)
{
	assert_rejected("a=%80", KV_BAD_UTF8);
	assert_rejected("a=x\x80y", KV_BAD_UTF8);
	assert_rejected("a=%E2%82", KV_BAD_UTF8);
	assert_rejected("a=%F4%90%80%80", KV_BAD_UTF8);
	assert_rejected("a=%FF", KV_BAD_UTF8);
}
END_TEST

START_TEST(test_form_rejects_decoded_nul)
{
	assert_rejected("a=%00", KV_BAD_UTF8);
	assert_rejected("a=x%00y", KV_BAD_UTF8);
	assert_rejected("a%00b=1", KV_BAD_UTF8);
}
END_TEST

START_TEST(test_form_rejects_raw_nul_byte)
{
	const uint8_t s[] = {'a', '=', 'x', 0, 'y'};
	struct kvlist l;
	ck_assert_int_eq(kv_parse_form(ar, s, sizeof s, NULL, &l), KV_BAD_UTF8);
}
END_TEST

START_TEST(test_form_accepts_multibyte_utf8)
{
	struct kvlist l;
	ck_assert_int_eq(form("e=%E2%82%AC&smile=%F0%9F%98%80&raw=\xc3\xa9", &l), KV_OK);
	ck_assert_str_eq(kv_get(&l, "e"), "\xe2\x82\xac");
	ck_assert_str_eq(kv_get(&l, "smile"), "\xf0\x9f\x98\x80");
	ck_assert_str_eq(kv_get(&l, "raw"), "\xc3\xa9");
}
END_TEST

START_TEST(test_form_reads_no_further_than_n)
{
	/* Exactly sized heap copy without NUL: ASan reports any read past n. */
	const char text[] = "a=1&b=%41";
	uint8_t *s = malloc(sizeof text - 1);
	memcpy(s, text, sizeof text - 1);
	struct kvlist l;
	ck_assert_int_eq(kv_parse_form(ar, s, sizeof text - 1, NULL, &l), KV_OK);
	ck_assert_str_eq(kv_get(&l, "b"), "A");
	/* Cutting inside the escape makes it a bad escape, not a read of the rest. */
	ck_assert_int_eq(kv_parse_form(ar, s, sizeof text - 2, NULL, &l), KV_BAD_ESCAPE);
	ck_assert_int_eq(kv_parse_form(ar, s, 3, NULL, &l), KV_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(kv_get(&l, "a"), "1");
	ck_assert_int_eq(kv_parse_cookies(ar, s, sizeof text - 1, NULL, &l), KV_OK);
	free(s);
}
END_TEST

START_TEST(test_form_enforces_field_limit)
{
	struct kvlist l;
	ck_assert_int_eq(form_lim("a=1&b=2&c=3", 3, 16, 16, &l), KV_OK);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_int_eq(form_lim("a=1&b=2&c=3&d=4", 3, 16, 16, &l), KV_TOO_MANY);
	ck_assert_uint_eq(l.n, 0);
	/* Skipped empty pairs are not fields. */
	ck_assert_int_eq(form_lim("a=1&&&&b=2&&c=3&", 3, 16, 16, &l), KV_OK);
	ck_assert_int_eq(form_lim("a=1", 0, 16, 16, &l), KV_TOO_MANY);
}
END_TEST

START_TEST(test_form_enforces_decoded_key_and_value_length)
{
	struct kvlist l;
	ck_assert_int_eq(form_lim("abcd=1234", 4, 4, 4, &l), KV_OK);
	ck_assert_int_eq(form_lim("abcde=1", 4, 4, 4, &l), KV_TOO_LONG);
	ck_assert_int_eq(form_lim("a=12345", 4, 4, 4, &l), KV_TOO_LONG);
	/* Limits count decoded bytes: four escapes are four bytes. */
	ck_assert_int_eq(form_lim("a=%41%42%43%44", 4, 4, 4, &l), KV_OK);
	ck_assert_str_eq(kv_get(&l, "a"), "ABCD");
	ck_assert_int_eq(form_lim("a=%41%42%43%44%45", 4, 4, 4, &l), KV_TOO_LONG);
}
END_TEST

START_TEST(test_form_null_limits_mean_256_fields_256_byte_keys_64k_values)
{
	struct kvlist l;
	char *s = malloc(257 * 4 + 1), *p = s;
	for (int i = 0; i < 257; i++)
		p += sprintf(p, "%s%c%c", i ? "&" : "", 'a' + i % 26, 'a' + i / 26);
	ck_assert_int_eq(form(s, &l), KV_TOO_MANY);
	*strrchr(s, '&') = '\0';
	ck_assert_int_eq(form(s, &l), KV_OK);
	ck_assert_uint_eq(l.n, 256);
	free(s);

	s = repeat("", 'k', 256);
	ck_assert_int_eq(form(s, &l), KV_OK);
	free(s);
	s = repeat("", 'k', 257);
	ck_assert_int_eq(form(s, &l), KV_TOO_LONG);
	free(s);
	s = repeat("v=", 'x', 64 * 1024);
	ck_assert_int_eq(form(s, &l), KV_OK);
	ck_assert_uint_eq(l.items[0].vallen, 64 * 1024);
	free(s);
	s = repeat("v=", 'x', 64 * 1024 + 1);
	ck_assert_int_eq(form(s, &l), KV_TOO_LONG);
	free(s);
}
END_TEST

START_TEST(test_form_first_error_in_input_order_wins)
{
	struct kvlist l;
	ck_assert_int_eq(form("a=%zz&b=%00", &l), KV_BAD_ESCAPE);
	ck_assert_int_eq(form("a=%00&b=%zz", &l), KV_BAD_UTF8);
}
END_TEST

START_TEST(test_cookies_parse_and_trim_names_and_values)
{
	struct kvlist l;
	ck_assert_int_eq(cookies("  sid = abc ;theme=dark;\tq=\"two words\"  ", &l), KV_OK);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_str_eq(l.items[0].key, "sid");
	ck_assert_str_eq(l.items[0].val, "abc");
	ck_assert_str_eq(kv_get(&l, "theme"), "dark");
	ck_assert_str_eq(kv_get(&l, "q"), "two words");
	ck_assert_uint_eq(l.items[2].vallen, 9);
}
END_TEST

START_TEST(test_cookies_strip_only_matching_quotes)
{
	struct kvlist l;
	ck_assert_int_eq(cookies("a=\"; b=\"x; c=\"\"", &l), KV_OK);
	ck_assert_str_eq(kv_get(&l, "a"), "\"");
	ck_assert_str_eq(kv_get(&l, "b"), "\"x");
	ck_assert_str_eq(kv_get(&l, "c"), "");
}
END_TEST

START_TEST(test_cookies_skip_pairs_without_equals_or_name)
{
	struct kvlist l;
	ck_assert_int_eq(cookies("junk; a=1;; =2; ;b=", &l), KV_OK);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(kv_get(&l, "a"), "1");
	ck_assert_str_eq(kv_get(&l, "b"), "");
}
END_TEST

START_TEST(test_cookies_are_not_percent_decoded)
{
	struct kvlist l;
	ck_assert_int_eq(cookies("a=%41+b; c=%zz; d=x=y", &l), KV_OK);
	ck_assert_str_eq(kv_get(&l, "a"), "%41+b");
	ck_assert_str_eq(kv_get(&l, "c"), "%zz");
	ck_assert_str_eq(kv_get(&l, "d"), "x=y");
}
END_TEST

START_TEST(test_cookies_keep_duplicates_first_wins)
{
	struct kvlist l;
	ck_assert_int_eq(cookies("sid=one; sid=two", &l), KV_OK);
	ck_assert_str_eq(kv_get(&l, "sid"), "one");
	ck_assert_uint_eq(kv_count(&l, "sid"), 2);
}
END_TEST

START_TEST(test_cookies_reject_invalid_utf8_and_nul)
{
	struct kvlist l;
	const uint8_t nul[] = {'a', '=', 'x', 0};
	ck_assert_int_eq(cookies("a=\xc0\xaf", &l), KV_BAD_UTF8);
	ck_assert_int_eq(cookies("\xed\xa0\x80=1", &l), KV_BAD_UTF8);
	ck_assert_int_eq(kv_parse_cookies(ar, nul, sizeof nul, NULL, &l), KV_BAD_UTF8);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(test_cookies_huge_header_hits_too_many)
{
	struct kvlist l;
	size_t reps = 100 * 1024 / 5;
	char *s = malloc(reps * 5 + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(s + i * 5, "a=b; ", 5);
	s[reps * 5] = '\0';
	ck_assert_int_eq(cookies(s, &l), KV_TOO_MANY);
	ck_assert_uint_eq(l.n, 0);

	struct kv_limits lim = {.max_fields = reps, .max_key = 8, .max_val = 8};
	ck_assert_int_eq(kv_parse_cookies(ar, (const uint8_t *)s, strlen(s), &lim, &l), KV_OK);
	ck_assert_uint_eq(l.n, reps);
	ck_assert_uint_eq(kv_count(&l, "a"), reps);
	free(s);
}
END_TEST

START_TEST(test_cookies_enforce_length_limits)
{
	struct kvlist l;
	char *s = repeat("sid=", 'x', 64 * 1024 + 1);
	ck_assert_int_eq(cookies(s, &l), KV_TOO_LONG);
	free(s);
	s = repeat("", 'n', 258);
	s[257] = '=';
	ck_assert_int_eq(cookies(s, &l), KV_TOO_LONG);
	free(s);
}
END_TEST

START_TEST(test_segment_decodes_percent_and_keeps_plus)
{
	char *out;
	size_t len;
	ck_assert_int_eq(kv_decode_segment(ar, "l%C3%A9na+x%20y", 15, &out, &len), KV_OK);
	ck_assert_str_eq(out, "l\xc3\xa9na+x y");
	ck_assert_uint_eq(len, 9);
	ck_assert_int_eq(kv_decode_segment(ar, "abcdef", 3, &out, &len), KV_OK);
	ck_assert_str_eq(out, "abc");
	ck_assert_int_eq(kv_decode_segment(ar, "", 0, &out, &len), KV_OK);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_segment_rejects_bad_escape_bad_utf8_and_nul)
{
	char *out;
	size_t len;
	ck_assert_int_eq(kv_decode_segment(ar, "%", 1, &out, &len), KV_BAD_ESCAPE);
	ck_assert_int_eq(kv_decode_segment(ar, "%4", 2, &out, &len), KV_BAD_ESCAPE);
	/* The escape is whole in memory but cut by n. */
	ck_assert_int_eq(kv_decode_segment(ar, "%41", 2, &out, &len), KV_BAD_ESCAPE);
	ck_assert_int_eq(kv_decode_segment(ar, "%zz", 3, &out, &len), KV_BAD_ESCAPE);
	ck_assert_int_eq(kv_decode_segment(ar, "%C0%AF", 6, &out, &len), KV_BAD_UTF8);
	ck_assert_int_eq(kv_decode_segment(ar, "%ED%A0%80", 9, &out, &len), KV_BAD_UTF8);
	ck_assert_int_eq(kv_decode_segment(ar, "a%00", 4, &out, &len), KV_BAD_UTF8);
}
END_TEST

START_TEST(test_kv_get_and_count_handle_missing_and_empty)
{
	struct kvlist empty = {NULL, 0};
	ck_assert_ptr_null(kv_get(&empty, "a"));
	ck_assert_uint_eq(kv_count(&empty, "a"), 0);
	ck_assert_ptr_null(kv_get(NULL, "a"));
	ck_assert_ptr_null(kv_get(&empty, NULL));
}
END_TEST

START_TEST(test_kv_err_str_names_every_error)
{
	enum kv_err all[] = {KV_OK, KV_BAD_ESCAPE, KV_BAD_UTF8, KV_TOO_MANY, KV_TOO_LONG};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		for (size_t j = 0; j < i; j++)
			ck_assert_str_ne(kv_err_str(all[i]), kv_err_str(all[j]));
	ck_assert_str_eq(kv_err_str(KV_OK), "ok");
	ck_assert_ptr_nonnull(kv_err_str((enum kv_err)99));
}
END_TEST

Suite *kv_suite(void)
{
	Suite *s = suite_create("kv");
	TCase *tc = tcase_create("form");
	tcase_add_checked_fixture(tc, kv_setup, kv_teardown);
	tcase_add_test(tc, test_form_parses_pairs_in_input_order);
	tcase_add_test(tc, test_form_decodes_plus_and_percent_escapes);
	tcase_add_test(tc, test_form_key_without_equals_has_empty_value);
	tcase_add_test(tc, test_form_skips_empty_pairs);
	tcase_add_test(tc, test_form_skips_pairs_without_a_name);
	tcase_add_test(tc, test_form_keeps_duplicate_keys_in_order);
	tcase_add_test(tc, test_form_rejects_bad_percent_escape);
	tcase_add_test(tc, test_form_rejects_overlong_utf8);
	tcase_add_test(tc, test_form_rejects_surrogate);
	tcase_add_test(tc, test_form_rejects_lone_continuation_and_truncated_utf8);
	tcase_add_test(tc, test_form_rejects_decoded_nul);
	tcase_add_test(tc, test_form_rejects_raw_nul_byte);
	tcase_add_test(tc, test_form_accepts_multibyte_utf8);
	tcase_add_test(tc, test_form_reads_no_further_than_n);
	tcase_add_test(tc, test_form_enforces_field_limit);
	tcase_add_test(tc, test_form_enforces_decoded_key_and_value_length);
	tcase_add_test(tc, test_form_null_limits_mean_256_fields_256_byte_keys_64k_values);
	tcase_add_test(tc, test_form_first_error_in_input_order_wins);
	suite_add_tcase(s, tc);

	tc = tcase_create("cookies");
	tcase_add_checked_fixture(tc, kv_setup, kv_teardown);
	tcase_add_test(tc, test_cookies_parse_and_trim_names_and_values);
	tcase_add_test(tc, test_cookies_strip_only_matching_quotes);
	tcase_add_test(tc, test_cookies_skip_pairs_without_equals_or_name);
	tcase_add_test(tc, test_cookies_are_not_percent_decoded);
	tcase_add_test(tc, test_cookies_keep_duplicates_first_wins);
	tcase_add_test(tc, test_cookies_reject_invalid_utf8_and_nul);
	tcase_add_test(tc, test_cookies_huge_header_hits_too_many);
	tcase_add_test(tc, test_cookies_enforce_length_limits);
	suite_add_tcase(s, tc);

	tc = tcase_create("segment");
	tcase_add_checked_fixture(tc, kv_setup, kv_teardown);
	tcase_add_test(tc, test_segment_decodes_percent_and_keeps_plus);
	tcase_add_test(tc, test_segment_rejects_bad_escape_bad_utf8_and_nul);
	tcase_add_test(tc, test_kv_get_and_count_handle_missing_and_empty);
	tcase_add_test(tc, test_kv_err_str_names_every_error);
	suite_add_tcase(s, tc);
	return s;
}
