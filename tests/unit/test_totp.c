/* test_totp.c: RFC 6238 appendix B (SHA-1), the ±1 step window, a code refused once its step was
 * used, the base32 an authenticator app reads, recovery codes typed back loosely, the QR code. */
#include <stdio.h>
#include <string.h>
#include <check.h>
#include "suites.h"
#include "domain/accounts/account_totp.h"
#include "lib/arena.h"
#include "lib/qr_svg.h"
#include "lib/totp.h"

static const uint8_t rfc_secret[] = "12345678901234567890";

START_TEST(rfc_6238_appendix_b_sha1_vectors)
{
	static const struct { long long t; const char *code; } vectors[] = {
		{ 59, "94287082" }, { 1111111109, "07081804" }, { 1111111111, "14050471" },
		{ 1234567890, "89005924" }, { 2000000000, "69279037" }, { 20000000000, "65353130" },
	};
	for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
		char out[9];
		ck_assert(totp_code(rfc_secret, 20, totp_step(vectors[i].t), 8, out));
		ck_assert_str_eq(out, vectors[i].code);
		/* Six digits are the last six of the same truncation. */
		ck_assert(totp_code(rfc_secret, 20, totp_step(vectors[i].t), 6, out));
		ck_assert_str_eq(out, vectors[i].code + 2);
	}
}
END_TEST

START_TEST(a_code_is_accepted_one_step_either_side_and_not_two)
{
	long long now = 1111111111, step = totp_step(now);
	char code[9];
	for (long long d = -1; d <= 1; d++) {
		ck_assert(totp_code(rfc_secret, 20, step + d, 6, code));
		ck_assert_int_eq(totp_match(rfc_secret, 20, code, now, 0), step + d);
	}
	ck_assert(totp_code(rfc_secret, 20, step - 2, 6, code));
	ck_assert_int_eq(totp_match(rfc_secret, 20, code, now, 0), -1);
	ck_assert(totp_code(rfc_secret, 20, step + 2, 6, code));
	ck_assert_int_eq(totp_match(rfc_secret, 20, code, now, 0), -1);
}
END_TEST

START_TEST(a_code_whose_step_was_used_is_refused)
{
	long long now = 1234567890, step = totp_step(now);
	char code[9];
	ck_assert(totp_code(rfc_secret, 20, step, 6, code));
	ck_assert_int_eq(totp_match(rfc_secret, 20, code, now, step - 1), step);
	ck_assert_int_eq(totp_match(rfc_secret, 20, code, now, step), -1);
	/* Still refused 30 seconds later, while it is inside the window. */
	ck_assert_int_eq(totp_match(rfc_secret, 20, code, now + TOTP_STEP_S, step), -1);
	/* An earlier step's code is refused once a later one was used. */
	ck_assert(totp_code(rfc_secret, 20, step - 1, 6, code));
	ck_assert_int_eq(totp_match(rfc_secret, 20, code, now, step), -1);
}
END_TEST

START_TEST(codes_that_are_not_six_digits_match_nothing)
{
	const char *bad[] = { "", "12345", "1234567", "12345a", " 12345", NULL };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_int_eq(totp_match(rfc_secret, 20, bad[i], 59, 0), -1);
}
END_TEST

START_TEST(the_secret_is_base32_as_authenticator_apps_read_it)
{
	char out[TOTP_BASE32_LEN + 1];
	totp_base32(rfc_secret, out);
	ck_assert_str_eq(out, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	uint8_t ones[TOTP_SECRET_BYTES];
	memset(ones, 0xff, sizeof ones);
	totp_base32(ones, out);
	ck_assert_str_eq(out, "77777777777777777777777777777777");
}
END_TEST

START_TEST(recovery_codes_are_read_without_case_spaces_or_dashes)
{
	char code[ACCOUNT_RECOVERY_TEXT + 1], typed[ACCOUNT_RECOVERY_TEXT + 3], back[ACCOUNT_RECOVERY_CHARS + 1];
	account_totp_recovery_new(code);
	ck_assert_uint_eq(strlen(code), ACCOUNT_RECOVERY_TEXT);
	ck_assert_int_eq(code[4], '-');
	ck_assert(account_totp_recovery_read(code, back));
	ck_assert_uint_eq(strlen(back), ACCOUNT_RECOVERY_CHARS);
	char upper[ACCOUNT_RECOVERY_TEXT + 1];
	for (size_t i = 0; i <= strlen(code); i++)
		upper[i] = code[i] >= 'a' && code[i] <= 'z' ? (char)(code[i] - 32) : code[i];
	snprintf(typed, sizeof typed, " %s ", upper);
	char again[ACCOUNT_RECOVERY_CHARS + 1];
	ck_assert(account_totp_recovery_read(typed, again));
	ck_assert_str_eq(again, back);
	ck_assert(!account_totp_recovery_read("123456", again));
	ck_assert(!account_totp_recovery_read("abcd-efgh-ijk!", again));
	ck_assert(!account_totp_recovery_read(NULL, again));
}
END_TEST

START_TEST(the_qr_code_is_an_svg_of_dark_squares_with_a_quiet_zone)
{
	struct arena *a = arena_new(4096);
	struct buf b;
	buf_init(&b, a, 256);
	ck_assert(qr_svg(&b, "hi"));
	const char *svg = buf_cstr(&b);
	/* Version 1 is 21 modules a side, plus 4 of quiet zone each side. */
	ck_assert_ptr_nonnull(strstr(svg, "viewBox=\"0 0 29 29\""));
	/* The finder pattern's corner is dark; the quiet zone is not. */
	ck_assert_ptr_nonnull(strstr(svg, "M4 4h1v1h-1z"));
	ck_assert_ptr_null(strstr(svg, "M3 4h"));
	ck_assert_ptr_null(strstr(svg, "<script"));
	ck_assert(strncmp(svg, "<svg ", 5) == 0);
	char longer[QR_SVG_TEXT_MAX + 2];
	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	ck_assert(!qr_svg(&b, longer));
	arena_free(a);
}
END_TEST

Suite *totp_suite(void)
{
	Suite *s = suite_create("totp");
	TCase *t = tcase_create("core");
	tcase_add_test(t, rfc_6238_appendix_b_sha1_vectors);
	tcase_add_test(t, a_code_is_accepted_one_step_either_side_and_not_two);
	tcase_add_test(t, a_code_whose_step_was_used_is_refused);
	tcase_add_test(t, codes_that_are_not_six_digits_match_nothing);
	tcase_add_test(t, the_secret_is_base32_as_authenticator_apps_read_it);
	tcase_add_test(t, recovery_codes_are_read_without_case_spaces_or_dashes);
	tcase_add_test(t, the_qr_code_is_an_svg_of_dark_squares_with_a_quiet_zone);
	suite_add_tcase(s, t);
	return s;
}
