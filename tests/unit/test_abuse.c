/* test_abuse.c: what abuse limits and sign-in throttling key on: client addresses reduced to host,
 * subnet and network prefixes (IPv4 /32, /24 and /24, IPv6 /64, /64 and /48, IPv4-mapped IPv6 as
 * IPv4), subjects that a fresh cookie does not change, fixed windows, and when "remind me" mails a
 * confirmation link. */
#include <string.h>
#include <check.h>
#include "db/abuse_limit.h"
#include "domain/live/live_reminder.h"
#include "lib/netprefix.h"
#include "suites.h"

static const struct {
	const char *addr, *host, *subnet, *network;
} prefixes[] = {
	{ "203.0.113.77", "203.0.113.77/32", "203.0.113.0/24", "203.0.113.0/24" },
	{ "127.4.5.6", "127.4.5.6/32", "127.4.5.0/24", "127.4.5.0/24" },
	{ "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64", "2001:db8:1:2::/64", "2001:db8:1::/48" },
	{ "2001:db8::1", "2001:db8::/64", "2001:db8::/64", "2001:db8::/48" },
	{ "2001:DB8:1:2::FFFF", "2001:db8:1:2::/64", "2001:db8:1:2::/64", "2001:db8:1::/48" },
	{ "::ffff:198.51.100.9", "198.51.100.9/32", "198.51.100.0/24", "198.51.100.0/24" },
	{ "::1", "::/64", "::/64", "::/48" },
	{ "", "unknown", "unknown", "unknown" },
	{ "not-an-address", "unknown", "unknown", "unknown" },
	{ NULL, "unknown", "unknown", "unknown" },
};

START_TEST(test_netprefix_of_addresses)
{
	char out[NETPREFIX_TEXT];
	bool ok = netprefix_of(prefixes[_i].addr, NETPREFIX_HOST, out);
	ck_assert_str_eq(out, prefixes[_i].host);
	ck_assert_int_eq(ok, strcmp(out, "unknown") != 0);
	netprefix_of(prefixes[_i].addr, NETPREFIX_SUBNET, out);
	ck_assert_str_eq(out, prefixes[_i].subnet);
	netprefix_of(prefixes[_i].addr, NETPREFIX_NETWORK, out);
	ck_assert_str_eq(out, prefixes[_i].network);
}
END_TEST

static const uint8_t secret[32] = { 7, 7, 7 };

static void subject(const char *action, enum abuse_limit_scope scope, const uint8_t *session, const char *addr,
		    const char *target, uint8_t out[32])
{
	struct abuse_limit_who who = { session, addr, target };
	abuse_limit_subject(secret, action, scope, &who, out);
}

START_TEST(test_abuse_subjects_ignore_what_is_cheap_to_change)
{
	uint8_t s1[32] = { 1 }, s2[32] = { 2 }, a[32], b[32];
	/* a fresh cookie: a new session subject, the same address subjects */
	subject("live-ask", ABUSE_LIMIT_SESSION, s1, "203.0.113.7", NULL, a);
	subject("live-ask", ABUSE_LIMIT_SESSION, s2, "203.0.113.7", NULL, b);
	ck_assert(memcmp(a, b, 32) != 0);
	subject("live-ask", ABUSE_LIMIT_HOST, s1, "203.0.113.7", NULL, a);
	subject("live-ask", ABUSE_LIMIT_HOST, s2, "203.0.113.7", NULL, b);
	ck_assert(memcmp(a, b, 32) == 0);
	/* the next address of the /24: a new host, the same network */
	subject("live-ask", ABUSE_LIMIT_HOST, s1, "203.0.113.8", NULL, b);
	ck_assert(memcmp(a, b, 32) != 0);
	subject("live-ask", ABUSE_LIMIT_NETWORK, s1, "203.0.113.7", NULL, a);
	subject("live-ask", ABUSE_LIMIT_NETWORK, s2, "203.0.113.8", NULL, b);
	ck_assert(memcmp(a, b, 32) == 0);
	/* a new IPv6 address in the same /64 is the same host */
	subject("live-ask", ABUSE_LIMIT_HOST, s1, "2001:db8:1:2::1", NULL, a);
	subject("live-ask", ABUSE_LIMIT_HOST, s1, "2001:db8:1:2:abcd::9", NULL, b);
	ck_assert(memcmp(a, b, 32) == 0);
	/* one action's budget is not another's, nor a host's a network's */
	subject("live-vote", ABUSE_LIMIT_HOST, s1, "2001:db8:1:2::1", NULL, b);
	ck_assert(memcmp(a, b, 32) != 0);
	subject("live-ask", ABUSE_LIMIT_NETWORK, s1, "2001:db8:1:2::1", NULL, b);
	ck_assert(memcmp(a, b, 32) != 0);
	/* targets are their own subjects */
	subject("live-remind", ABUSE_LIMIT_TARGET, s1, "203.0.113.7", "a@example.com", a);
	subject("live-remind", ABUSE_LIMIT_TARGET, s2, "198.51.100.1", "a@example.com", b);
	ck_assert(memcmp(a, b, 32) == 0);
	subject("live-remind", ABUSE_LIMIT_TARGET, s1, "203.0.113.7", "b@example.com", b);
	ck_assert(memcmp(a, b, 32) != 0);
}
END_TEST

START_TEST(test_abuse_windows)
{
	long long left;
	ck_assert_int_eq(abuse_limit_window(1200, 600, &left), 1200);
	ck_assert_int_eq(left, 600);
	ck_assert_int_eq(abuse_limit_window(1799, 600, &left), 1200);
	ck_assert_int_eq(left, 1);
	ck_assert_int_eq(abuse_limit_window(90000, 86400, &left), 86400);
	ck_assert_int_eq(left, 86400 - 3600);
}
END_TEST

START_TEST(test_abuse_scale_raises_address_budgets_only)
{
	struct abuse_limit_rule rules[] = {
		{ ABUSE_LIMIT_SESSION, 5, 3600 }, { ABUSE_LIMIT_HOST, 20, 3600 },
		{ ABUSE_LIMIT_NETWORK, 60, 3600 }, { ABUSE_LIMIT_TARGET, 3, 86400 },
	};
	abuse_limit_scale(rules, 4, 10);
	ck_assert_int_eq(rules[0].max, 5);
	ck_assert_int_eq(rules[1].max, 200);
	ck_assert_int_eq(rules[2].max, 600);
	ck_assert_int_eq(rules[3].max, 3);
	ck_assert_int_eq(rules[1].window_s, 3600);
}
END_TEST

START_TEST(test_reminder_mails_only_when_due)
{
	/* new address: a confirmation link goes out */
	ck_assert(live_reminder_needs_mail(&(struct live_reminder_row){ .exists = false }));
	/* asked again while the link is valid: no second mail */
	ck_assert(!live_reminder_needs_mail(&(struct live_reminder_row){ .exists = true, .link_valid = true }));
	/* the link expired unused: a new one */
	ck_assert(live_reminder_needs_mail(&(struct live_reminder_row){ .exists = true }));
	/* confirmed already: nothing more to confirm */
	ck_assert(!live_reminder_needs_mail(&(struct live_reminder_row){ .exists = true, .confirmed = true }));
	/* the address stopped it: never again, whoever asks */
	ck_assert(!live_reminder_needs_mail(&(struct live_reminder_row){ .exists = true, .stopped = true }));
}
END_TEST

Suite *abuse_suite(void)
{
	Suite *s = suite_create("abuse");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_netprefix_of_addresses, 0, (int)(sizeof prefixes / sizeof prefixes[0]));
	tcase_add_test(tc, test_abuse_subjects_ignore_what_is_cheap_to_change);
	tcase_add_test(tc, test_abuse_windows);
	tcase_add_test(tc, test_abuse_scale_raises_address_budgets_only);
	tcase_add_test(tc, test_reminder_mails_only_when_due);
	suite_add_tcase(s, tc);
	return s;
}
