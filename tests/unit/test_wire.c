/* test_wire.c: the API's RFC 3339 times are strict and UTC-only, cursors round-trip and refuse
 * anything they did not make, ids are plain positive decimals. */
#include <string.h>
#include <check.h>
#include "web/wire.h"
#include "suites.h"

START_TEST(test_apiwire_times_are_strict_utc)
{
	char db[20], out[21];
	ck_assert(wire_time_in("2026-11-25T07:00:05Z", db));
	ck_assert_str_eq(db, "2026-11-25 07:00:05");
	ck_assert(wire_time_in("2026-11-25T07:00:05.123456Z", db));
	ck_assert_str_eq(db, "2026-11-25 07:00:05");
	ck_assert(wire_time_in("2026-11-25t07:00:05+00:00", db));
	const char *bad[] = { "2026-11-25", "2026-11-25T07:00:05", "2026-11-25T07:00:05+01:00", "2026-13-01T00:00:00Z",
			      "2026-11-25T24:00:00Z", "2026-11-25T07:00:05.Z", "2026-11-25 07:00:05Z", "yesterday",
			      "2026-11-25T07:00:05Z ", "-026-11-25T07:00:05Z", "" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!wire_time_in(bad[i], db), "accepted \"%s\"", bad[i]);
	ck_assert(!wire_time_in(NULL, db));
	ck_assert(wire_time_out("2026-11-25 07:00:05", out));
	ck_assert_str_eq(out, "2026-11-25T07:00:05Z");
	ck_assert(!wire_time_out("", out));
	ck_assert(!wire_time_out("2026-11-25T07:00:05", out));
}
END_TEST

START_TEST(test_apiwire_cursors_round_trip_and_refuse_forgeries)
{
	char c[WIRE_CURSOR_MAX + 1];
	long long id = 0;
	const long long ids[] = { 1, 42, 999999999999LL, 100000000000000000LL };
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		wire_cursor(ids[i], c);
		ck_assert(strspn(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == strlen(c));
		ck_assert(wire_cursor_id(c, &id));
		ck_assert_int_eq(id, ids[i]);
	}
	const char *bad[] = { "12", "", "djE6", "djI6MTI", "djE6MDEy", "djE6LTE", "djE6MTIA", "!!!!",
			      "djE6MTI=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!wire_cursor_id(bad[i], &id), "accepted \"%s\"", bad[i]);
	ck_assert(!wire_cursor_id(NULL, &id));
}
END_TEST

START_TEST(test_apiwire_ids_are_plain_positive_decimals)
{
	ck_assert_int_eq(wire_id("12"), 12);
	ck_assert_int_eq(wire_id("999999999999999999"), 999999999999999999LL);
	const char *bad[] = { "0", "012", "-1", "+1", "1e3", "12a", " 1", "", "1234567890123456789" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_int_eq(wire_id(bad[i]), 0);
	ck_assert_int_eq(wire_id(NULL), 0);
}
END_TEST

Suite *wire_suite(void)
{
	Suite *s = suite_create("apiwire");
	TCase *t = tcase_create("core");
	tcase_add_test(t, test_apiwire_times_are_strict_utc);
	tcase_add_test(t, test_apiwire_cursors_round_trip_and_refuse_forgeries);
	tcase_add_test(t, test_apiwire_ids_are_plain_positive_decimals);
	suite_add_tcase(s, t);
	return s;
}
