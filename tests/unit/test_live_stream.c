/* test_live_stream.c: stream keys, public stream names and recording names (live_stream_key.c). */
#include <check.h>
#include <string.h>
#include "domain/live/live_stream_key.h"

START_TEST(test_live_stream_key_is_random_and_hashes_back)
{
	char a[LIVE_STREAM_KEY_LEN + 1], b[LIVE_STREAM_KEY_LEN + 1];
	uint8_t ha[32], hb[32], again[32];
	live_stream_key_new(a, ha);
	live_stream_key_new(b, hb);
	ck_assert_uint_eq(strlen(a), LIVE_STREAM_KEY_LEN);
	ck_assert_str_ne(a, b);
	ck_assert(memcmp(ha, hb, 32) != 0);
	ck_assert(live_stream_key_hash(a, again));
	ck_assert(memcmp(ha, again, 32) == 0);
}
END_TEST

START_TEST(test_live_stream_key_refuses_what_cannot_be_a_key)
{
	uint8_t h[32];
	ck_assert(!live_stream_key_hash(NULL, h));
	ck_assert(!live_stream_key_hash("", h));
	ck_assert(!live_stream_key_hash("short", h));
	ck_assert(!live_stream_key_hash("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/", h));
	ck_assert(live_stream_key_hash("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA_", h));
}
END_TEST

START_TEST(test_live_stream_public_names)
{
	char n[LIVE_STREAM_NAME_MAX];
	live_stream_key_public_name(42, n);
	ck_assert_str_eq(n, "s42");
	ck_assert_int_eq(live_stream_key_session("s42"), 42);
	ck_assert_int_eq(live_stream_key_session("s042"), 0);
	ck_assert_int_eq(live_stream_key_session("s0"), 0);
	ck_assert_int_eq(live_stream_key_session("s42x"), 0);
	ck_assert_int_eq(live_stream_key_session("42"), 0);
	ck_assert_int_eq(live_stream_key_session("s"), 0);
	ck_assert_int_eq(live_stream_key_session("s1234567890123456789"), 0);
	ck_assert_int_eq(live_stream_key_session(NULL), 0);
}
END_TEST

START_TEST(test_live_stream_recording_names_are_the_sessions_own)
{
	ck_assert_str_eq(live_stream_key_recording("/var/lib/crowdcart/live/rec/s42-1796590185.flv", 42), "s42-1796590185.flv");
	ck_assert_str_eq(live_stream_key_recording("s7-1.flv", 7), "s7-1.flv");
	ck_assert_ptr_null(live_stream_key_recording("/rec/s43-1796590185.flv", 42));
	ck_assert_ptr_null(live_stream_key_recording("/rec/s42-1796590185.flv.mp4", 42));
	ck_assert_ptr_null(live_stream_key_recording("/rec/s42-.flv", 42));
	ck_assert_ptr_null(live_stream_key_recording("/rec/s42-1/../../etc/passwd", 42));
	ck_assert_ptr_null(live_stream_key_recording("/rec/s42.flv", 42));
	ck_assert_ptr_null(live_stream_key_recording(NULL, 42));
}
END_TEST

Suite *live_stream_suite(void)
{
	Suite *s = suite_create("live_stream");
	TCase *tc = tcase_create("keys");
	tcase_add_test(tc, test_live_stream_key_is_random_and_hashes_back);
	tcase_add_test(tc, test_live_stream_key_refuses_what_cannot_be_a_key);
	tcase_add_test(tc, test_live_stream_public_names);
	tcase_add_test(tc, test_live_stream_recording_names_are_the_sessions_own);
	suite_add_tcase(s, tc);
	return s;
}
