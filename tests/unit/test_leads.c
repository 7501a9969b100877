/* test_leads.c: lead form rules: a validation matrix for every field type, the signed fill-time
 * stamp, the 24 h merge rule, and the webhook payload, signature, backoff and URL rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sodium.h>
#include "lib/arena.h"
#include "lib/buf.h"
#include "domain/leads/lead_field.h"
#include "suites.h"
#include "domain/leads/webhook_out.h"

struct row {
	enum lead_type type;
	bool required;
	const char *value;	/* NULL: not submitted */
	bool ok;
};

static const char *const opts = "Small\r\nLarge\nX-Large";

static const struct row matrix[] = {
	{ LEAD_TEXT, true, "Ada", true }, { LEAD_TEXT, true, "  ", false }, { LEAD_TEXT, true, NULL, false },
	{ LEAD_TEXT, false, NULL, true }, { LEAD_TEXT, false, "a\x01" "b", false }, { LEAD_TEXT, false, "<script>", true },
	{ LEAD_LONGTEXT, false, "line 1\r\nline 2\tend", true }, { LEAD_LONGTEXT, false, "bell\x07", false },
	{ LEAD_EMAIL, true, "a@example.com", true }, { LEAD_EMAIL, true, "not an email", false },
	{ LEAD_EMAIL, true, "a@b", false }, { LEAD_EMAIL, false, "", true },
	{ LEAD_PHONE, false, "+44 20 7946 0958", true }, { LEAD_PHONE, false, "(555) 123-4567", true },
	{ LEAD_PHONE, false, "12345", false }, { LEAD_PHONE, false, "555-CALL-NOW", false }, { LEAD_PHONE, false, "1+2345678", false },
	{ LEAD_CHOICE, true, "Large", true }, { LEAD_CHOICE, true, "Small", true }, { LEAD_CHOICE, true, "X-Large", true },
	{ LEAD_CHOICE, true, "Huge", false }, { LEAD_CHOICE, true, "Small\r", false }, { LEAD_CHOICE, true, NULL, false },
	{ LEAD_CHECKBOX, true, "yes", true }, { LEAD_CHECKBOX, true, NULL, false }, { LEAD_CHECKBOX, false, "on", false },
	{ LEAD_CHECKBOX, false, NULL, true },
	{ LEAD_DATE, false, "2024-02-29", true }, { LEAD_DATE, false, "2023-02-29", false }, { LEAD_DATE, false, "1900-02-29", false },
	{ LEAD_DATE, false, "2000-02-29", true }, { LEAD_DATE, false, "2026-13-01", false }, { LEAD_DATE, false, "2026-4-01", false },
	{ LEAD_DATE, false, "2026-04-31", false },
	{ LEAD_NUMBER, false, "42", true }, { LEAD_NUMBER, false, "-3.5", true }, { LEAD_NUMBER, false, "1e9", false },
	{ LEAD_NUMBER, false, "0x10", false }, { LEAD_NUMBER, false, ".5", false }, { LEAD_NUMBER, false, "1.", false },
	{ LEAD_NUMBER, false, "1234567890123456", false }, { LEAD_NUMBER, false, "NaN", false },
};

START_TEST(test_lead_check_matrix)
{
	const struct row *m = &matrix[_i];
	struct lead_def def = { m->type, m->required, opts };
	const char *vals[1] = { m->value };
	const char *problem = lead_check(&def, vals, m->value ? 1 : 0);
	ck_assert_msg((problem == NULL) == m->ok, "row %d (%s, \"%s\"): %s", _i, lead_type_name(m->type),
		      m->value ? m->value : "(none)", problem ? problem : "accepted");
}
END_TEST

START_TEST(test_lead_multi_takes_options_once_each)
{
	struct lead_def def = { LEAD_MULTI, true, opts };
	ck_assert_ptr_null(lead_check(&def, (const char *const[]){ "Small", "X-Large" }, 2));
	ck_assert_ptr_nonnull(lead_check(&def, (const char *const[]){ "Small", "Small" }, 2));
	ck_assert_ptr_nonnull(lead_check(&def, (const char *const[]){ "Small", "Other" }, 2));
	ck_assert_ptr_nonnull(lead_check(&def, NULL, 0));
	def.required = false;
	ck_assert_ptr_null(lead_check(&def, NULL, 0));
}
END_TEST

START_TEST(test_lead_single_fields_refuse_two_values)
{
	struct lead_def def = { LEAD_TEXT, false, "" };
	ck_assert_ptr_nonnull(lead_check(&def, (const char *const[]){ "a", "b" }, 2));
}
END_TEST

START_TEST(test_lead_text_caps_length_in_characters)
{
	char s[LEAD_TEXT_MAX * 2 + 3];
	struct lead_def def = { LEAD_TEXT, false, "" };
	for (int i = 0; i < LEAD_TEXT_MAX; i++)
		memcpy(s + 2 * i, "\xc3\xa9", 2);	/* é: 200 characters, 400 bytes */
	s[2 * LEAD_TEXT_MAX] = '\0';
	ck_assert_ptr_null(lead_check(&def, (const char *const[]){ s }, 1));
	strcat(s, "x");
	ck_assert_ptr_nonnull(lead_check(&def, (const char *const[]){ s }, 1));
}
END_TEST

START_TEST(test_lead_type_names_round_trip)
{
	for (int t = 0; t < LEAD__NTYPES; t++) {
		enum lead_type back;
		ck_assert(lead_type_parse(lead_type_name((enum lead_type)t), &back));
		ck_assert_int_eq(back, t);
	}
	enum lead_type x;
	ck_assert(!lead_type_parse("file", &x));
	ck_assert(!lead_type_parse(NULL, &x));
}
END_TEST

START_TEST(test_lead_stamp_signed_and_timed)
{
	uint8_t secret[32], other[32];
	randombytes_buf(secret, sizeof secret);
	randombytes_buf(other, sizeof other);
	char s[LEAD_STAMP_LEN];
	lead_stamp_make(secret, 7, 1000000, s);
	ck_assert_int_eq(lead_stamp_check(secret, 7, s, 1000003, 3), 0);
	ck_assert_int_eq(lead_stamp_check(secret, 7, s, 1000002, 3), 1);	/* too fast */
	ck_assert_int_eq(lead_stamp_check(secret, 8, s, 1000003, 3), -1);	/* another form */
	ck_assert_int_eq(lead_stamp_check(other, 7, s, 1000003, 3), -1);	/* another secret */
	ck_assert_int_eq(lead_stamp_check(secret, 7, s, 1000000 + LEAD_STAMP_MAX_AGE + 1, 3), -1);	/* expired */
	char forged[LEAD_STAMP_LEN];
	snprintf(forged, sizeof forged, "999990%s", strchr(s, '.'));	/* an earlier time, the same MAC */
	ck_assert_int_eq(lead_stamp_check(secret, 7, forged, 1000003, 3), -1);
	ck_assert_int_eq(lead_stamp_check(secret, 7, "", 1000003, 3), -1);
	ck_assert_int_eq(lead_stamp_check(secret, 7, NULL, 1000003, 3), -1);
	ck_assert_int_eq(lead_stamp_check(secret, 7, "1000000.", 1000003, 3), -1);
	/* made again within the second: the same stamp; under another secret: another */
	char again[LEAD_STAMP_LEN], theirs[LEAD_STAMP_LEN];
	lead_stamp_make(secret, 7, 1000000, again);
	ck_assert_str_eq(again, s);
	lead_stamp_make(other, 7, 1000000, theirs);
	ck_assert_str_ne(theirs, s);
	ck_assert_int_eq(lead_stamp_check(other, 7, theirs, 1000003, 3), 0);
	ck_assert_int_eq(lead_stamp_check(secret, 7, theirs, 1000003, 3), -1);
}
END_TEST

START_TEST(test_lead_confirm_is_its_own_kind_of_stamp)
{
	uint8_t secret[32];
	randombytes_buf(secret, sizeof secret);
	char stamp[LEAD_STAMP_LEN], confirm[LEAD_STAMP_LEN];
	lead_stamp_make(secret, 7, 1000000, stamp);
	lead_confirm_make(secret, 7, 1000000, confirm);
	ck_assert(lead_confirm_check(secret, 7, confirm, 1000000));	/* at once: it waives the fill time */
	ck_assert(!lead_confirm_check(secret, 7, stamp, 1000000));	/* a fill-time stamp is no confirmation */
	ck_assert_int_eq(lead_stamp_check(secret, 7, confirm, 1000010, 3), -1);	/* nor the reverse */
	ck_assert(!lead_confirm_check(secret, 8, confirm, 1000000));
	ck_assert(!lead_confirm_check(secret, 7, confirm, 1000000 + LEAD_STAMP_MAX_AGE + 1));
	ck_assert(!lead_confirm_check(secret, 7, NULL, 1000000));
}
END_TEST

START_TEST(test_lead_merge_within_24_hours_only)
{
	ck_assert(lead_should_merge(true, 0));
	ck_assert(lead_should_merge(true, LEAD_MERGE_SECONDS - 1));
	ck_assert(!lead_should_merge(true, LEAD_MERGE_SECONDS));
	ck_assert(!lead_should_merge(false, 10));
	ck_assert(!lead_should_merge(true, -1));
	char k[32];
	ck_assert(lead_email_key("Ada@Example.COM", k, sizeof k));
	ck_assert_str_eq(k, "ada@example.com");
	ck_assert(!lead_email_key("a-very-long-address@example.com", k, 8));
}
END_TEST

START_TEST(test_lead_creator_list)
{
	ck_assert(lead_handle_listed("", "lena"));
	ck_assert(lead_handle_listed(" , ", "lena"));
	ck_assert(lead_handle_listed("max, Lena", "lena"));
	ck_assert(lead_handle_listed("max lena", "LENA"));
	ck_assert(!lead_handle_listed("max", "lena"));
	ck_assert(!lead_handle_listed("lenax", "lena"));
	ck_assert(!lead_handle_listed("len", "lena"));
}
END_TEST

START_TEST(test_webhook_json_escapes_everything)
{
	struct arena *a = arena_new(4096);
	struct buf b;
	buf_init(&b, a, 16);
	webhook_json_str(&b, "a\"b\\c\nd\x01<script>&");
	ck_assert_str_eq(buf_cstr(&b), "\"a\\\"b\\\\c\\nd\\u0001\\u003cscript\\u003e\\u0026\"");
	arena_free(a);
}
END_TEST

START_TEST(test_webhook_signature_is_hmac_sha256_of_timestamp_and_body)
{
	char sig[WEBHOOK_SIG_LEN + 1];
	webhook_sign("key", 1700000000, "{}", 2, sig);
	/* the same HMAC computed over the message in one piece */
	uint8_t mac[32];
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, (const uint8_t *)"key", 3);
	crypto_auth_hmacsha256_update(&st, (const uint8_t *)"1700000000.{}", 13);
	crypto_auth_hmacsha256_final(&st, mac);
	char hex[65];
	sodium_bin2hex(hex, sizeof hex, mac, 32);
	ck_assert_int_eq(strncmp(sig, "sha256=", 7), 0);
	ck_assert_str_eq(sig + 7, hex);
	ck_assert_uint_eq(strlen(sig), WEBHOOK_SIG_LEN);
}
END_TEST

START_TEST(test_webhook_backoff_doubles_and_caps)
{
	ck_assert_int_eq(webhook_backoff(1), 30);
	ck_assert_int_eq(webhook_backoff(2), 60);
	ck_assert_int_eq(webhook_backoff(3), 120);
	ck_assert_int_eq(webhook_backoff(20), 6 * 3600);
	ck_assert_int_eq(webhook_backoff(1000), 6 * 3600);
}
END_TEST

START_TEST(test_webhook_url_http_and_https)
{
	struct webhook_url u;
	ck_assert(webhook_url_parse("http://crm.example.com/hooks/lead?x=1", &u));
	ck_assert(!u.tls);
	ck_assert_str_eq(u.host, "crm.example.com");
	ck_assert_str_eq(u.port, "80");
	ck_assert_str_eq(u.path, "/hooks/lead?x=1");
	ck_assert_str_eq(u.url, "http://crm.example.com:80/hooks/lead?x=1");
	ck_assert(webhook_url_parse("http://127.0.0.1:8080", &u));
	ck_assert_str_eq(u.port, "8080");
	ck_assert_str_eq(u.path, "/");
	ck_assert(webhook_url_parse("https://crm.example.com", &u));
	ck_assert(u.tls);
	ck_assert_str_eq(u.port, "443");
	ck_assert_str_eq(u.url, "https://crm.example.com:443/");
	ck_assert(webhook_url_parse("https://[2001:db8::1]:8443/h", &u));
	ck_assert_str_eq(u.host, "2001:db8::1");
	ck_assert_str_eq(u.url, "https://[2001:db8::1]:8443/h");
	ck_assert(webhook_url_parse("http://a/", &u));
	ck_assert(!webhook_url_parse("https://[crm.example.com]/", &u));
	ck_assert(!webhook_url_parse("https://[::1/", &u));
	ck_assert(!webhook_url_parse("https://[]/", &u));
	ck_assert(!webhook_url_parse("ftp://crm.example.com/", &u));
	ck_assert(!webhook_url_parse("HTTPS://crm.example.com/", &u));
	ck_assert(!webhook_url_parse("http://user@crm.example.com/", &u));
	ck_assert(!webhook_url_parse("http://crm.example.com:0/", &u));
	ck_assert(!webhook_url_parse("http://crm.example.com:99999/", &u));
	ck_assert(!webhook_url_parse("http://crm.example.com/a b", &u));
	ck_assert(!webhook_url_parse("http://crm.example.com/\r\nX-Evil: 1", &u));
	ck_assert(!webhook_url_parse("http:///path", &u));
	ck_assert(!webhook_url_parse(NULL, &u));
}
END_TEST

Suite *leads_suite(void)
{
	if (sodium_init() < 0)
		abort();
	Suite *s = suite_create("leads");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_lead_check_matrix, 0, (int)(sizeof matrix / sizeof matrix[0]));
	tcase_add_test(tc, test_lead_multi_takes_options_once_each);
	tcase_add_test(tc, test_lead_single_fields_refuse_two_values);
	tcase_add_test(tc, test_lead_text_caps_length_in_characters);
	tcase_add_test(tc, test_lead_type_names_round_trip);
	tcase_add_test(tc, test_lead_stamp_signed_and_timed);
	tcase_add_test(tc, test_lead_confirm_is_its_own_kind_of_stamp);
	tcase_add_test(tc, test_lead_merge_within_24_hours_only);
	tcase_add_test(tc, test_lead_creator_list);
	tcase_add_test(tc, test_webhook_json_escapes_everything);
	tcase_add_test(tc, test_webhook_signature_is_hmac_sha256_of_timestamp_and_body);
	tcase_add_test(tc, test_webhook_backoff_doubles_and_caps);
	tcase_add_test(tc, test_webhook_url_http_and_https);
	suite_add_tcase(s, tc);
	return s;
}
