/* test_attribution.c: the attribution rules as a table (last click wins, windows, direct visits,
 * server record before cookie) and the signed cookie that carries a mark. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sodium.h>
#include "views/attribution.h"
#include "suites.h"

#define DAY 86400LL
#define T0 1767225600LL	/* 2026-01-01 00:00:00 UTC */
#define LENA 1
#define MARCO 2

/* One step of a visitor's history: a creator click (creator > 0) or a direct visit (0). */
struct step {
	long long creator;
	enum attr_surface surface;
	long long at;
};

struct rule_case {
	const char *name;
	struct step steps[4];
	size_t nsteps;
	long long now;
	unsigned window_days;
	long long want_creator;
	enum attr_surface want_surface;
};

static const struct rule_case cases[] = {
	{ "one creator, inside the window", { { LENA, ATTR_LINK, T0 } }, 1, T0 + DAY, 30, LENA, ATTR_LINK },
	{ "two creators: the later click wins",
	  { { LENA, ATTR_STOREFRONT, T0 }, { MARCO, ATTR_COLLECTION, T0 + DAY } }, 2, T0 + 2 * DAY, 30, MARCO, ATTR_COLLECTION },
	{ "a switch back to the first creator wins again",
	  { { LENA, ATTR_LINK, T0 }, { MARCO, ATTR_LINK, T0 + 1 }, { LENA, ATTR_PRODUCT, T0 + 2 } }, 3, T0 + 3, 30, LENA, ATTR_PRODUCT },
	{ "browsing on through the same creator keeps the way in",
	  { { LENA, ATTR_LINK, T0 }, { LENA, ATTR_STOREFRONT, T0 + 5 }, { LENA, ATTR_PRODUCT, T0 + 60 } }, 3, T0 + 61, 30, LENA, ATTR_LINK },
	{ "the same creator much later is a new way in",
	  { { LENA, ATTR_LINK, T0 }, { LENA, ATTR_STOREFRONT, T0 + 2 * ATTR_SAME_VISIT_S } }, 2, T0 + DAY, 30, LENA, ATTR_STOREFRONT },
	{ "a direct visit does not erase the creator",
	  { { LENA, ATTR_LINK, T0 }, { 0, ATTR_NONE, T0 + DAY } }, 2, T0 + 2 * DAY, 30, LENA, ATTR_LINK },
	{ "direct visits only: nobody", { { 0, ATTR_NONE, T0 }, { 0, ATTR_NONE, T0 + 5 } }, 2, T0 + 10, 30, 0, ATTR_NONE },
	{ "exactly at the end of the window still counts", { { LENA, ATTR_LINK, T0 } }, 1, T0 + 30 * DAY, 30, LENA, ATTR_LINK },
	{ "one second past the window: expired", { { LENA, ATTR_LINK, T0 } }, 1, T0 + 30 * DAY + 1, 30, 0, ATTR_NONE },
	{ "a later click restarts the window",
	  { { LENA, ATTR_LINK, T0 }, { LENA, ATTR_STOREFRONT, T0 + 20 * DAY } }, 2, T0 + 40 * DAY, 30, LENA, ATTR_STOREFRONT },
	{ "a brand with a 14-day window: 20 days is too old", { { LENA, ATTR_LINK, T0 } }, 1, T0 + 20 * DAY, 14, 0, ATTR_NONE },
	{ "a brand with a 14-day window: 13 days counts", { { LENA, ATTR_LINK, T0 } }, 1, T0 + 13 * DAY, 14, LENA, ATTR_LINK },
	{ "an expired later click does not bring back an older one",
	  { { MARCO, ATTR_LINK, T0 }, { LENA, ATTR_LINK, T0 + DAY } }, 2, T0 + 40 * DAY, 30, 0, ATTR_NONE },
	{ "a window above the cap is capped at 90 days", { { LENA, ATTR_LINK, T0 } }, 1, T0 + 91 * DAY, 365, 0, ATTR_NONE },
	{ "a mark from far in the future is not believed", { { LENA, ATTR_LINK, T0 + DAY } }, 1, T0, 30, 0, ATTR_NONE },
	{ "a mark a little ahead (clock skew) is believed", { { LENA, ATTR_LINK, T0 + 60 } }, 1, T0, 30, LENA, ATTR_LINK },
};

START_TEST(test_attribution_rules_table)
{
	const struct rule_case *c = &cases[_i];
	struct attr_mark m = { 0, ATTR_NONE, 0 };
	for (size_t i = 0; i < c->nsteps; i++)
		m = attr_after_visit(m, c->steps[i].creator, c->steps[i].surface, c->steps[i].at);
	struct attr_mark got = attr_resolve(&m, NULL, c->now, c->window_days);
	ck_assert_msg(got.creator_id == c->want_creator, "%s: creator %lld, want %lld", c->name,
		      got.creator_id, c->want_creator);
	ck_assert_msg(got.surface == c->want_surface, "%s: surface %s", c->name, attr_surface_name(got.surface));
	/* The same history held only in the cookie (a new session after log-in) gives the same answer. */
	got = attr_resolve(NULL, &m, c->now, c->window_days);
	ck_assert_msg(got.creator_id == c->want_creator, "%s (cookie only)", c->name);
}
END_TEST

START_TEST(test_attribution_server_record_is_preferred_to_the_cookie)
{
	struct attr_mark server = { MARCO, ATTR_LINK, T0 + DAY }, cookie = { LENA, ATTR_LINK, T0 + 2 * DAY };
	ck_assert_int_eq(attr_resolve(&server, &cookie, T0 + 3 * DAY, 30).creator_id, MARCO);
}
END_TEST

START_TEST(test_attribution_cookie_is_the_fallback_when_the_server_record_expired)
{
	struct attr_mark server = { MARCO, ATTR_LINK, T0 }, cookie = { LENA, ATTR_LINK, T0 + 10 * DAY };
	ck_assert_int_eq(attr_resolve(&server, &cookie, T0 + 20 * DAY, 14).creator_id, LENA);
	struct attr_mark none = { 0, ATTR_NONE, 0 };
	ck_assert_int_eq(attr_resolve(&none, &cookie, T0 + 20 * DAY, 14).creator_id, LENA);
	ck_assert_int_eq(attr_resolve(&none, &none, T0, 14).creator_id, 0);
}
END_TEST

START_TEST(test_attribution_surface_names_round_trip)
{
	for (int s = ATTR_NONE + 1; s < ATTR__MAX; s++)
		ck_assert_int_eq(attr_surface_parse(attr_surface_name((enum attr_surface)s)), s);
	ck_assert_int_eq(attr_surface_parse("email"), ATTR_NONE);
	ck_assert_int_eq(attr_surface_parse(NULL), ATTR_NONE);
	ck_assert_str_eq(attr_surface_name(ATTR__MAX), "");
}
END_TEST

static uint8_t secret[32], other[32];

static void cookie_setup(void)
{
	if (sodium_init() < 0)
		abort();
	randombytes_buf(secret, sizeof secret);
	randombytes_buf(other, sizeof other);
}

START_TEST(test_attribution_cookie_round_trips_and_holds_no_personal_data)
{
	struct attr_mark m = { 42, ATTR_COLLECTION, T0 + 7 }, back;
	char text[ATTR_COOKIE_MAX];
	ck_assert(attr_cookie_encode(secret, &m, text));
	ck_assert(strncmp(text, "1.42.2.1767225607.", 18) == 0);
	ck_assert(strpbrk(text, ";, \"") == NULL);
	ck_assert(attr_cookie_decode(secret, text, &back));
	ck_assert_int_eq(back.creator_id, 42);
	ck_assert_int_eq(back.surface, ATTR_COLLECTION);
	ck_assert_int_eq(back.at, T0 + 7);
}
END_TEST

START_TEST(test_attribution_cookie_rejects_tampering_and_other_secrets)
{
	struct attr_mark m = { 42, ATTR_LINK, T0 }, back;
	char text[ATTR_COOKIE_MAX], forged[ATTR_COOKIE_MAX];
	ck_assert(attr_cookie_encode(secret, &m, text));
	ck_assert(!attr_cookie_decode(other, text, &back));
	/* The same mark under another secret is another cookie, the worker's last one made or not. */
	char theirs[ATTR_COOKIE_MAX], again[ATTR_COOKIE_MAX];
	ck_assert(attr_cookie_encode(other, &m, theirs));
	ck_assert_str_ne(theirs, text);
	ck_assert(attr_cookie_decode(other, theirs, &back));
	ck_assert(attr_cookie_encode(secret, &m, again));
	ck_assert_str_eq(again, text);
	strcpy(forged, text);
	forged[2] = '7';	/* another creator, same MAC */
	ck_assert(!attr_cookie_decode(secret, forged, &back));
	strcpy(forged, text);
	forged[strlen(forged) - 1] ^= 1;
	ck_assert(!attr_cookie_decode(secret, forged, &back));
	static const char *const junk[] = { "", "1.", "1.42.6.1767225600.", "2.42.6.1767225600.x",
		"1.042.6.1767225600.AAAA", "1.-4.6.1.AAAA", "hello", "1.42.6.1767225600" };
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
		ck_assert_msg(!attr_cookie_decode(secret, junk[i], &back), "accepted %s", junk[i]);
	ck_assert(!attr_cookie_decode(secret, NULL, &back));
}
END_TEST

START_TEST(test_attribution_cookie_is_not_made_for_no_creator)
{
	char text[ATTR_COOKIE_MAX];
	struct attr_mark none = { 0, ATTR_LINK, T0 }, nosurface = { 1, ATTR_NONE, T0 };
	ck_assert(!attr_cookie_encode(secret, &none, text));
	ck_assert(!attr_cookie_encode(secret, &nosurface, text));
}
END_TEST

Suite *attribution_suite(void)
{
	Suite *s = suite_create("attribution");
	TCase *rules = tcase_create("rules");
	tcase_add_loop_test(rules, test_attribution_rules_table, 0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(rules, test_attribution_server_record_is_preferred_to_the_cookie);
	tcase_add_test(rules, test_attribution_cookie_is_the_fallback_when_the_server_record_expired);
	tcase_add_test(rules, test_attribution_surface_names_round_trip);
	suite_add_tcase(s, rules);
	TCase *cookie = tcase_create("cookie");
	tcase_add_checked_fixture(cookie, cookie_setup, NULL);
	tcase_add_test(cookie, test_attribution_cookie_round_trips_and_holds_no_personal_data);
	tcase_add_test(cookie, test_attribution_cookie_rejects_tampering_and_other_secrets);
	tcase_add_test(cookie, test_attribution_cookie_is_not_made_for_no_creator);
	suite_add_tcase(s, cookie);
	return s;
}
