/* test_live.c: live shopping's pure rules: state steps, the question rate limit, blocked-word
 * matching, the start time a creator types, replay offsets, the chat's slow mode, reactions, and
 * which cart lines a held flash-deal price covers. */
#include <check.h>
#include <string.h>
#include "domain/live/live_deal.h"
#include "domain/live/live_rules.h"
#include "suites.h"

START_TEST(test_live_states_go_forward_one_step)
{
	ck_assert(live_state_next_ok(LIVE_SCHEDULED, LIVE_LIVE));
	ck_assert(live_state_next_ok(LIVE_LIVE, LIVE_ENDED));
	ck_assert(!live_state_next_ok(LIVE_SCHEDULED, LIVE_ENDED));
	ck_assert(!live_state_next_ok(LIVE_ENDED, LIVE_LIVE));
	ck_assert(!live_state_next_ok(LIVE_LIVE, LIVE_LIVE));
	ck_assert(!live_state_next_ok(LIVE_LIVE, LIVE__BAD));
	ck_assert_int_eq(live_state_parse("live"), LIVE_LIVE);
	ck_assert_int_eq(live_state_parse("Live"), LIVE__BAD);
	ck_assert_int_eq(live_state_parse(NULL), LIVE__BAD);
	ck_assert_str_eq(live_state_name(LIVE_ENDED), "ended");
	ck_assert_str_eq(live_state_name(LIVE__BAD), "");
}
END_TEST

START_TEST(test_live_rate_one_per_10s_and_5_per_minute)
{
	ck_assert(live_rate_ok(0, 0));
	ck_assert(live_rate_ok(0, 4));
	ck_assert(!live_rate_ok(1, 1));
	ck_assert(!live_rate_ok(0, 5));
	ck_assert(!live_rate_ok(0, 6));
}
END_TEST

START_TEST(test_live_blocked_words_match_whole_words_without_case)
{
	char w[64];
	ck_assert(live_blocked_word("Any SPOILER here?", "foo, spoiler", w, sizeof w));
	ck_assert_str_eq(w, "spoiler");
	ck_assert(live_blocked_word("spoiler", " spoiler ", w, sizeof w));
	ck_assert(!live_blocked_word("spoilers are fine", "spoiler", w, sizeof w));
	ck_assert(!live_blocked_word("first class seat", "ass", w, sizeof w));
	ck_assert(live_blocked_word("is it a Big Secret?", "big secret", w, sizeof w));
	ck_assert_str_eq(w, "big secret");
	ck_assert(!live_blocked_word("bigsecret", "big secret", w, sizeof w));
	/* A letter of another script is part of the word too. */
	ck_assert(!live_blocked_word("spoil\xc3\xa9r", "spoil", w, sizeof w));
	ck_assert(!live_blocked_word("anything", "", w, sizeof w));
	ck_assert(!live_blocked_word("anything", " , ,", w, sizeof w));
	ck_assert(!live_blocked_word("anything", NULL, w, sizeof w));
	/* An entry that starts or ends in punctuation matches next to letters. */
	ck_assert(live_blocked_word("buy at shop.example now", ".example", w, sizeof w));
}
END_TEST

START_TEST(test_live_start_time_reads_datetime_local_as_utc)
{
	char out[20];
	ck_assert(live_parse_start("2026-12-01T18:00", out));
	ck_assert_str_eq(out, "2026-12-01 18:00:00");
	ck_assert(live_parse_start("2028-02-29 07:05:09", out));
	ck_assert_str_eq(out, "2028-02-29 07:05:09");
	static const char *const bad[] = {
		"", "2026-12-01", "2026-02-29T10:00", "2026-13-01T10:00", "2026-12-01T24:00", "2026-12-01T10:60",
		"1999-12-31T23:59", "2026-12-01T10:00Z", "2026/12/01T10:00", "2026-12-01T1a:00", "2026-12-01T10:00:61",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!live_parse_start(bad[i], out), "accepted %s", bad[i]);
	ck_assert(!live_parse_start(NULL, out));
}
END_TEST

START_TEST(test_live_replay_offsets)
{
	char t[24];
	ck_assert_int_eq(live_offset_s(1000000 + 75999, 1000000), 75);
	ck_assert_int_eq(live_offset_s(999, 1000), 0);
	live_offset_text(75, t, sizeof t);
	ck_assert_str_eq(t, "1:15");
	live_offset_text(0, t, sizeof t);
	ck_assert_str_eq(t, "0:00");
	live_offset_text(3723, t, sizeof t);
	ck_assert_str_eq(t, "1:02:03");
	live_offset_text(-5, t, sizeof t);
	ck_assert_str_eq(t, "0:00");
}
END_TEST

START_TEST(test_live_chat_slow_mode_waits)
{
	ck_assert_int_eq(live_chat_wait_s(0, -1), 0);		/* never posted */
	ck_assert_int_eq(live_chat_wait_s(0, 400), 1);		/* the 1 s floor without slow mode */
	ck_assert_int_eq(live_chat_wait_s(0, 1000), 0);
	ck_assert_int_eq(live_chat_wait_s(30, 1), 30);		/* rounded up: never "0 seconds" while refused */
	ck_assert_int_eq(live_chat_wait_s(30, 29001), 1);
	ck_assert_int_eq(live_chat_wait_s(30, 30000), 0);
}
END_TEST

START_TEST(test_live_reactions_are_a_fixed_set)
{
	ck_assert(live_reaction_ok("heart"));
	ck_assert(live_reaction_ok("wow"));
	ck_assert(!live_reaction_ok("Heart"));
	ck_assert(!live_reaction_ok(""));
	ck_assert(!live_reaction_ok(NULL));
	ck_assert(!live_reaction_ok("heart "));
}
END_TEST

START_TEST(test_live_deal_price_covers_whole_lines_only)
{
	const struct live_deal_price held[] = { { 7, 999, 2, "USD" }, { 8, 500, 1, "EUR" } };
	long long price = 0;
	ck_assert(live_deal_price_for(held, 2, 7, 2, "USD", &price));
	ck_assert_int_eq(price, 999);
	ck_assert(live_deal_price_for(held, 2, 7, 1, "USD", &price));
	ck_assert(!live_deal_price_for(held, 2, 7, 3, "USD", &price));	/* more units than claimed */
	ck_assert(!live_deal_price_for(held, 2, 8, 1, "USD", &price));	/* another currency */
	ck_assert(!live_deal_price_for(held, 2, 9, 1, "USD", &price));
	ck_assert(!live_deal_price_for(NULL, 0, 7, 1, "USD", &price));
}
END_TEST

Suite *live_suite(void)
{
	Suite *s = suite_create("live");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, test_live_states_go_forward_one_step);
	tcase_add_test(tc, test_live_rate_one_per_10s_and_5_per_minute);
	tcase_add_test(tc, test_live_blocked_words_match_whole_words_without_case);
	tcase_add_test(tc, test_live_start_time_reads_datetime_local_as_utc);
	tcase_add_test(tc, test_live_replay_offsets);
	tcase_add_test(tc, test_live_chat_slow_mode_waits);
	tcase_add_test(tc, test_live_reactions_are_a_fixed_set);
	tcase_add_test(tc, test_live_deal_price_covers_whole_lines_only);
	suite_add_tcase(s, tc);
	return s;
}
