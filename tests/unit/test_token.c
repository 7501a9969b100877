/* test_token.c: tokens survive their cookie text; a CSRF token fits only its session and secret. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sodium.h>
#include "suites.h"
#include "lib/token.h"

static uint8_t secret[32], other_secret[32];
static uint8_t tok[TOKEN_BYTES], other_tok[TOKEN_BYTES];
static char text[TOKEN_B64_LEN + 1], other_text[TOKEN_B64_LEN + 1];

static void token_setup(void)
{
	if (sodium_init() < 0)
		abort();
	randombytes_buf(secret, sizeof secret);
	randombytes_buf(other_secret, sizeof other_secret);
	token_new(tok, text);
	token_new(other_tok, other_text);
}

START_TEST(test_token_round_trips_through_cookie_text)
{
	uint8_t back[TOKEN_BYTES];
	ck_assert_uint_eq(strlen(text), TOKEN_B64_LEN);
	ck_assert(token_decode(text, back));
	ck_assert_mem_eq(back, tok, TOKEN_BYTES);
}
END_TEST

START_TEST(test_token_text_is_base64url_without_padding)
{
	ck_assert_uint_eq(strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
			  TOKEN_B64_LEN);
}
END_TEST

START_TEST(test_token_decode_and_csrf_reject_bytes_outside_base64url)
{
	uint8_t back[TOKEN_BYTES];
	char bad[TOKEN_B64_LEN + 1], csrf[CSRF_B64_LEN + 1];
	memcpy(bad, text, sizeof bad);
	bad[5] = (char)0x80;
	ck_assert(!token_decode(bad, back));
	token_csrf_make(secret, tok, csrf);
	csrf[7] = (char)0xff;
	ck_assert(!token_csrf_check(secret, tok, csrf));
}
END_TEST

START_TEST(test_token_new_is_random)
{
	ck_assert_mem_ne(tok, other_tok, TOKEN_BYTES);
	ck_assert_str_ne(text, other_text);
}
END_TEST

START_TEST(test_token_decode_rejects_wrong_length)
{
	uint8_t back[TOKEN_BYTES];
	char buf[TOKEN_B64_LEN + 2];
	memcpy(buf, text, TOKEN_B64_LEN - 1);
	buf[TOKEN_B64_LEN - 1] = '\0';
	ck_assert(!token_decode(buf, back));
	memcpy(buf, text, TOKEN_B64_LEN);
	buf[TOKEN_B64_LEN] = 'A';
	buf[TOKEN_B64_LEN + 1] = '\0';
	ck_assert(!token_decode(buf, back));
	ck_assert(!token_decode("", back));
	ck_assert(!token_decode(NULL, back));
}
END_TEST

START_TEST(test_token_decode_rejects_non_base64url_chars)
{
	uint8_t back[TOKEN_BYTES];
	const char bad[] = {'+', '/', '=', ' ', '.', '~'};
	for (size_t i = 0; i < sizeof bad; i++) {
		char buf[TOKEN_B64_LEN + 1];
		memcpy(buf, text, sizeof buf);
		buf[10] = bad[i];
		ck_assert_msg(!token_decode(buf, back), "accepted char 0x%02x", (unsigned char)bad[i]);
	}
}
END_TEST

START_TEST(test_token_hash_is_stable_and_distinct)
{
	uint8_t h1[32], h2[32], h3[32];
	token_hash(tok, h1);
	token_hash(tok, h2);
	token_hash(other_tok, h3);
	ck_assert_mem_eq(h1, h2, 32);
	ck_assert_mem_ne(h1, h3, 32);
	ck_assert_mem_ne(h1, tok, 32);
}
END_TEST

START_TEST(test_csrf_check_accepts_token_made_for_the_session)
{
	char csrf[CSRF_B64_LEN + 1];
	token_csrf_make(secret, tok, csrf);
	ck_assert_uint_eq(strlen(csrf), CSRF_B64_LEN);
	ck_assert(token_csrf_check(secret, tok, csrf));
}
END_TEST

START_TEST(test_csrf_check_rejects_token_of_another_session)
{
	char csrf[CSRF_B64_LEN + 1];
	token_csrf_make(secret, other_tok, csrf);
	ck_assert(!token_csrf_check(secret, tok, csrf));
}
END_TEST

START_TEST(test_csrf_check_rejects_token_made_with_another_secret)
{
	char csrf[CSRF_B64_LEN + 1];
	token_csrf_make(other_secret, tok, csrf);
	ck_assert(!token_csrf_check(secret, tok, csrf));
}
END_TEST

START_TEST(test_csrf_check_rejects_null_empty_truncated_and_altered)
{
	char csrf[CSRF_B64_LEN + 1], buf[CSRF_B64_LEN + 2];
	token_csrf_make(secret, tok, csrf);
	ck_assert(!token_csrf_check(secret, tok, NULL));
	ck_assert(!token_csrf_check(secret, tok, ""));
	memcpy(buf, csrf, CSRF_B64_LEN - 1);
	buf[CSRF_B64_LEN - 1] = '\0';
	ck_assert(!token_csrf_check(secret, tok, buf));
	memcpy(buf, csrf, CSRF_B64_LEN);
	buf[CSRF_B64_LEN] = 'A';
	buf[CSRF_B64_LEN + 1] = '\0';
	ck_assert(!token_csrf_check(secret, tok, buf));
	memcpy(buf, csrf, CSRF_B64_LEN + 1);
	buf[0] = buf[0] == 'A' ? 'B' : 'A';
	ck_assert(!token_csrf_check(secret, tok, buf));
	/* The session token itself is not a CSRF token. */
	ck_assert(!token_csrf_check(secret, tok, text));
}
END_TEST

Suite *token_suite(void)
{
	Suite *s = suite_create("token");
	TCase *tc = tcase_create("session");
	tcase_add_checked_fixture(tc, token_setup, NULL);
	tcase_add_test(tc, test_token_round_trips_through_cookie_text);
	tcase_add_test(tc, test_token_text_is_base64url_without_padding);
	tcase_add_test(tc, test_token_new_is_random);
	tcase_add_test(tc, test_token_decode_rejects_wrong_length);
	tcase_add_test(tc, test_token_decode_rejects_non_base64url_chars);
	tcase_add_test(tc, test_token_hash_is_stable_and_distinct);
	suite_add_tcase(s, tc);

	tc = tcase_create("csrf");
	tcase_add_checked_fixture(tc, token_setup, NULL);
	tcase_add_test(tc, test_csrf_check_accepts_token_made_for_the_session);
	tcase_add_test(tc, test_token_decode_and_csrf_reject_bytes_outside_base64url);
	tcase_add_test(tc, test_csrf_check_rejects_token_of_another_session);
	tcase_add_test(tc, test_csrf_check_rejects_token_made_with_another_secret);
	tcase_add_test(tc, test_csrf_check_rejects_null_empty_truncated_and_altered);
	suite_add_tcase(s, tc);
	return s;
}
