/* test_sample.c: the sample request rules as tables: every status, action and actor against the
 * transition table, the brand's limits, tracking numbers, countries and carriers. */
#include <string.h>
#include <check.h>
#include "domain/creators/sample.h"
#include "suites.h"

#define C SAMPLE_BY_CREATOR
#define B SAMPLE_BY_BRAND
#define NO SAMPLE_INVALID

/* The whole table, so a move added by accident fails as surely as one lost: for each status, the
 * result of each action by the creator and by the brand. */
struct move_row {
	enum sample_status from;
	enum sample_status by_creator[SAMPLE__NACTION], by_brand[SAMPLE__NACTION];
};
/*                         approve  decline           ship            deliver            cancel */
static const struct move_row moves[] = {
	{ SAMPLE_REQUESTED, { NO, NO, NO, NO, SAMPLE_CANCELLED },
			    { SAMPLE_APPROVED, SAMPLE_DECLINED, NO, NO, NO } },
	{ SAMPLE_APPROVED, { NO, NO, NO, NO, NO }, { NO, SAMPLE_DECLINED, SAMPLE_SHIPPED, NO, NO } },
	{ SAMPLE_DECLINED, { NO, NO, NO, NO, NO }, { NO, NO, NO, NO, NO } },
	{ SAMPLE_SHIPPED, { NO, NO, NO, SAMPLE_DELIVERED, NO }, { NO, NO, NO, SAMPLE_DELIVERED, NO } },
	{ SAMPLE_DELIVERED, { NO, NO, NO, NO, NO }, { NO, NO, NO, NO, NO } },
	{ SAMPLE_CANCELLED, { NO, NO, NO, NO, NO }, { NO, NO, NO, NO, NO } },
};
_Static_assert(sizeof moves / sizeof moves[0] == SAMPLE__NSTATUS, "a row per status");

START_TEST(test_sample_moves_table)
{
	const struct move_row *m = &moves[_i];
	for (int a = 0; a < SAMPLE__NACTION; a++) {
		ck_assert_msg(sample_next(m->from, (enum sample_action)a, C) == m->by_creator[a],
			      "creator %s from %s", sample_action_name((enum sample_action)a), sample_status_name(m->from));
		ck_assert_msg(sample_next(m->from, (enum sample_action)a, B) == m->by_brand[a],
			      "brand %s from %s", sample_action_name((enum sample_action)a), sample_status_name(m->from));
	}
	ck_assert_int_eq(sample_next(m->from, SAMPLE_NO_ACTION, B), NO);
}
END_TEST

START_TEST(test_sample_names_round_trip)
{
	for (int s = 0; s < SAMPLE__NSTATUS; s++) {
		ck_assert_int_eq(sample_status_parse(sample_status_name((enum sample_status)s)), s);
		ck_assert(*sample_status_label((enum sample_status)s));
	}
	for (int a = 0; a < SAMPLE__NACTION; a++)
		ck_assert_int_eq(sample_action_parse(sample_action_name((enum sample_action)a)), a);
	ck_assert_int_eq(sample_status_parse("Requested"), SAMPLE_INVALID);
	ck_assert_int_eq(sample_status_parse(NULL), SAMPLE_INVALID);
	ck_assert_int_eq(sample_action_parse("refund"), SAMPLE_NO_ACTION);
	ck_assert_str_eq(sample_status_name(SAMPLE_INVALID), "");
	/* open and gift: only a delivered sample is a gift; finished requests are not open */
	ck_assert(sample_is_open(SAMPLE_REQUESTED) && sample_is_open(SAMPLE_APPROVED) && sample_is_open(SAMPLE_SHIPPED));
	ck_assert(!sample_is_open(SAMPLE_DELIVERED) && !sample_is_open(SAMPLE_DECLINED) && !sample_is_open(SAMPLE_CANCELLED));
	for (int s = 0; s < SAMPLE__NSTATUS; s++)
		ck_assert_int_eq(sample_is_gift((enum sample_status)s), s == SAMPLE_DELIVERED);
}
END_TEST

struct limit_case {
	const char *name;
	struct sample_limits l;
	struct sample_usage u;
	enum sample_verdict want;
};

static const struct limit_case limits[] = {
	{ "a first request", { 2, 4 }, { 0, 0, 0 }, SAMPLE_ALLOWED },
	{ "one open of two allowed", { 2, 4 }, { 1, 1, 0 }, SAMPLE_ALLOWED },
	{ "two open of two allowed", { 2, 4 }, { 2, 2, 0 }, SAMPLE_TOO_MANY_OPEN },
	{ "the same product open already", { 2, 4 }, { 1, 1, 1 }, SAMPLE_ALREADY_OPEN },
	{ "four made this month of four", { 2, 4 }, { 0, 4, 0 }, SAMPLE_TOO_MANY_MONTH },
	{ "three made this month of four", { 2, 4 }, { 0, 3, 0 }, SAMPLE_ALLOWED },
	{ "samples off", { 0, 4 }, { 0, 0, 0 }, SAMPLE_OFF },
	{ "off beats every other reason", { 0, 0 }, { 5, 5, 1 }, SAMPLE_OFF },
	{ "a monthly limit of 0 with open allowed", { 1, 0 }, { 0, 0, 0 }, SAMPLE_TOO_MANY_MONTH },
	{ "the same product is named before the count", { 1, 1 }, { 1, 1, 1 }, SAMPLE_ALREADY_OPEN },
	{ "open is checked before the month", { 1, 1 }, { 1, 1, 0 }, SAMPLE_TOO_MANY_OPEN },
};

START_TEST(test_sample_limits_table)
{
	const struct limit_case *c = &limits[_i];
	enum sample_verdict v = sample_limit_check(&c->l, &c->u);
	ck_assert_msg(v == c->want, "%s: got %d, want %d", c->name, v, c->want);
	ck_assert_int_eq(*sample_verdict_text(v) != '\0', v != SAMPLE_ALLOWED);
}
END_TEST

struct tracking_case {
	const char *in, *want;	/* want NULL: refused */
};

static const struct tracking_case tracking[] = {
	{ "1Z999AA10123456784", "1Z999AA10123456784" },
	{ "1z 999-aa1 0123456784", "1Z999AA10123456784" },
	{ "JD014600003828420000", "JD014600003828420000" },
	{ "12345", "12345" },
	{ "1234", NULL },			/* too short */
	{ "", NULL },
	{ "  - - ", NULL },
	{ "ABC/12345", NULL },			/* not a letter or digit */
	{ "12345<script>", NULL },
	{ "ÄBC12345", NULL },			/* non-ASCII */
	{ "1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890" },
	{ "12345678901234567890123456789012345678901", NULL },	/* 41 */
	{ "1234 5678 9012 3456 7890 1234 5678 9012 3456 7890", "1234567890123456789012345678901234567890" },
};

START_TEST(test_sample_tracking_table)
{
	const struct tracking_case *c = &tracking[_i];
	char out[SAMPLE_TRACKING_MAX + 1];
	bool ok = sample_tracking_normalise(c->in, out);
	ck_assert_msg(ok == (c->want != NULL), "\"%s\"", c->in);
	if (c->want)
		ck_assert_str_eq(out, c->want);
}
END_TEST

START_TEST(test_sample_carriers)
{
	size_t n;
	const struct sample_carrier *all = sample_carriers(&n);
	ck_assert_uint_ge(n, 2);
	ck_assert_str_eq(all[n - 1].code, "other");
	ck_assert_str_eq(all[n - 1].track_prefix, "");
	for (size_t i = 0; i + 1 < n; i++) {
		ck_assert_ptr_eq(sample_carrier_find(all[i].code), &all[i]);
		ck_assert_msg(strncmp(all[i].track_prefix, "https://", 8) == 0, "%s links over https", all[i].code);
	}
	ck_assert_ptr_null(sample_carrier_find("UPS"));
	ck_assert_ptr_null(sample_carrier_find(NULL));
}
END_TEST

Suite *sample_suite(void)
{
	Suite *s = suite_create("sample");
	TCase *t = tcase_create("rules");
	tcase_add_loop_test(t, test_sample_moves_table, 0, SAMPLE__NSTATUS);
	tcase_add_test(t, test_sample_names_round_trip);
	tcase_add_loop_test(t, test_sample_limits_table, 0, (int)(sizeof limits / sizeof limits[0]));
	tcase_add_loop_test(t, test_sample_tracking_table, 0, (int)(sizeof tracking / sizeof tracking[0]));
	tcase_add_test(t, test_sample_carriers);
	suite_add_tcase(s, t);
	return s;
}
