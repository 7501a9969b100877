/* test_commission_rate.c: the commission rules as tables: when a changed rate reaches an existing
 * pick (a raise at once, a cut after the notice), direct vs indirect lines, and a buyer's first
 * order with the brand vs a returning buyer. */
#include <check.h>
#include "domain/creators/commission_rate.h"
#include "suites.h"

#define DAY 86400LL
#define T0 1767225600LL	/* 2026-01-01 00:00:00 UTC */
#define NONE (-1)

struct change_case {
	const char *name;
	struct commission_schedule cur;
	long long new_bps, now, notice_days;
	enum commission_change_kind want;
	struct commission_schedule next;
	long long today_before, today_after;	/* the rate of a sale at now, and at the end of the notice */
};

static const struct change_case changes[] = {
	{ "a raise applies at once", { 1000, NONE, 0 }, 1500, T0, 30, COMMISSION_RAISED, { 1500, NONE, 0 }, 1500, 1500 },
	{ "the same rate changes nothing", { 1000, NONE, 0 }, 1000, T0, 30, COMMISSION_UNCHANGED, { 1000, NONE, 0 }, 1000, 1000 },
	{ "a cut waits for the notice period", { 1000, NONE, 0 }, 800, T0, 30, COMMISSION_CUT, { 1000, 800, T0 + 30 * DAY }, 1000, 800 },
	{ "a brand's own notice period", { 1000, NONE, 0 }, 500, T0, 14, COMMISSION_CUT, { 1000, 500, T0 + 14 * DAY }, 1000, 500 },
	{ "a raise withdraws a waiting cut", { 1000, 800, T0 + 10 * DAY }, 1200, T0, 30, COMMISSION_RAISED, { 1200, NONE, 0 }, 1200, 1200 },
	{ "back to today's rate withdraws a waiting cut", { 1000, 800, T0 + 10 * DAY }, 1000, T0, 30, COMMISSION_RAISED, { 1000, NONE, 0 }, 1000, 1000 },
	{ "the announced cut again changes nothing", { 1000, 800, T0 + 10 * DAY }, 800, T0, 30, COMMISSION_UNCHANGED, { 1000, 800, T0 + 10 * DAY }, 1000, 800 },
	{ "a milder cut keeps the announced date", { 1000, 700, T0 + 10 * DAY }, 900, T0, 30, COMMISSION_CUT, { 1000, 900, T0 + 10 * DAY }, 1000, 900 },
	{ "a deeper cut starts a new notice", { 1000, 800, T0 + 10 * DAY }, 500, T0, 30, COMMISSION_CUT, { 1000, 500, T0 + 30 * DAY }, 1000, 500 },
	{ "a cut whose date came is the rate: a raise starts from it",
	  { 1000, 800, T0 - DAY }, 900, T0, 30, COMMISSION_RAISED, { 900, NONE, 0 }, 900, 900 },
	{ "a cut whose date came is the rate: a further cut waits",
	  { 1000, 800, T0 - DAY }, 600, T0, 30, COMMISSION_CUT, { 800, 600, T0 + 30 * DAY }, 800, 600 },
	{ "a cut to zero also waits", { 1000, NONE, 0 }, 0, T0, 30, COMMISSION_CUT, { 1000, 0, T0 + 30 * DAY }, 1000, 0 },
};

START_TEST(test_commission_rate_change_table)
{
	const struct change_case *c = &changes[_i];
	struct commission_change ch = commission_rate_change(c->cur, c->new_bps, c->now, c->notice_days);
	ck_assert_msg(ch.what == c->want, "%s: outcome %d, want %d", c->name, ch.what, c->want);
	ck_assert_msg(ch.next.bps == c->next.bps && ch.next.pending_bps == c->next.pending_bps &&
		      (c->next.pending_bps < 0 || ch.next.pending_at == c->next.pending_at),
		      "%s: got %lld/%lld@%lld", c->name, ch.next.bps, ch.next.pending_bps, ch.next.pending_at);
	ck_assert_msg(commission_rate_today(&ch.next, c->now) == c->today_before, "%s: today", c->name);
	ck_assert_msg(commission_rate_today(&ch.next, c->now + c->notice_days * DAY) == c->today_after, "%s: after", c->name);
}
END_TEST

START_TEST(test_commission_rate_today_switches_at_the_date)
{
	struct commission_schedule s = { 1000, 800, T0 };
	ck_assert_int_eq(commission_rate_today(&s, T0 - 1), 1000);	/* a sale the second before: the old rate */
	ck_assert_int_eq(commission_rate_today(&s, T0), 800);	/* from the date on: the new one */
	ck_assert_int_eq(commission_rate_today(&s, T0 + 365 * DAY), 800);
	struct commission_schedule none = { 1000, NONE, 0 };
	ck_assert_int_eq(commission_rate_today(&none, T0), 1000);
}
END_TEST

struct choose_case {
	const char *name;
	bool picked;
	struct commission_schedule pick;
	struct commission_terms terms;
	long long now;
	long long want_bps;
	enum commission_kind want_kind;
	bool want_first_order;
};

static const struct choose_case chooses[] = {
	{ "a picked product: direct at the pick's rate", true, { 1250, NONE, 0 }, { 0, NONE, false }, T0, 1250, COMMISSION_DIRECT, false },
	{ "an unpicked product, indirect off: nothing", false, { 0, NONE, 0 }, { 0, NONE, false }, T0, 0, COMMISSION_NONE, false },
	{ "an unpicked product, indirect on: indirect", false, { 0, NONE, 0 }, { 300, NONE, false }, T0, 300, COMMISSION_INDIRECT, false },
	{ "the first-order rate is not for indirect lines", false, { 0, NONE, 0 }, { 300, 2000, false }, T0, 300, COMMISSION_INDIRECT, false },
	{ "a picked product never earns less than the indirect rate", true, { 200, NONE, 0 }, { 300, NONE, false }, T0, 300, COMMISSION_DIRECT, false },
	{ "a waiting cut: a sale before its date earns the old rate", true, { 1000, 800, T0 + DAY }, { 0, NONE, false }, T0, 1000, COMMISSION_DIRECT, false },
	{ "a waiting cut: a sale after its date earns the new rate", true, { 1000, 800, T0 - DAY }, { 0, NONE, false }, T0, 800, COMMISSION_DIRECT, false },
	{ "a new buyer: the higher first-order rate", true, { 1000, NONE, 0 }, { 0, 1500, false }, T0, 1500, COMMISSION_DIRECT, true },
	{ "a returning buyer: the pick's rate", true, { 1000, NONE, 0 }, { 0, 1500, true }, T0, 1000, COMMISSION_DIRECT, false },
	{ "a lower first-order rate never cuts the pick's", true, { 1000, NONE, 0 }, { 0, 500, false }, T0, 1000, COMMISSION_DIRECT, false },
	{ "a first-order rate of 0 is a rate, not a cut", true, { 1000, NONE, 0 }, { 0, 0, false }, T0, 1000, COMMISSION_DIRECT, false },
	{ "a new buyer after a cut took effect: first-order rate above the new rate", true, { 1000, 600, T0 - DAY }, { 0, 800, false }, T0, 800, COMMISSION_DIRECT, true },
	{ "indirect above first-order: the indirect rate, not marked first-order", true, { 100, NONE, 0 }, { 700, 500, false }, T0, 700, COMMISSION_DIRECT, false },
};

START_TEST(test_commission_rate_choose_table)
{
	const struct choose_case *c = &chooses[_i];
	struct commission_choice ch = commission_rate_choose(c->picked ? &c->pick : NULL, &c->terms, c->now);
	ck_assert_msg(ch.bps == c->want_bps && ch.kind == c->want_kind && ch.first_order == c->want_first_order,
		      "%s: got %lld %s first=%d", c->name, ch.bps, commission_kind_name(ch.kind), ch.first_order);
}
END_TEST

START_TEST(test_commission_kind_names_are_the_column_values)
{
	ck_assert_str_eq(commission_kind_name(COMMISSION_DIRECT), "direct");
	ck_assert_str_eq(commission_kind_name(COMMISSION_INDIRECT), "indirect");
	ck_assert_str_eq(commission_kind_name(COMMISSION_NONE), "");
}
END_TEST

Suite *commission_rate_suite(void)
{
	Suite *s = suite_create("commission_rate");
	TCase *t = tcase_create("rules");
	tcase_add_loop_test(t, test_commission_rate_change_table, 0, (int)(sizeof changes / sizeof changes[0]));
	tcase_add_test(t, test_commission_rate_today_switches_at_the_date);
	tcase_add_loop_test(t, test_commission_rate_choose_table, 0, (int)(sizeof chooses / sizeof chooses[0]));
	tcase_add_test(t, test_commission_kind_names_are_the_column_values);
	suite_add_tcase(s, t);
	return s;
}
