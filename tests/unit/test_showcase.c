/* test_showcase.c: a showcase's rule set as typed in the studio (ranges, caps, contradictions)
 * and the recently-viewed cookie under hostile input. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include "domain/showcases/showcase_rules.h"
#include "suites.h"

static struct arena *a;

static void setup(void)
{
	a = arena_new(4096);
}

static void teardown(void)
{
	arena_free(a);
}

/* Parses `in`; on failure returns the field named by the problem, on success "". */
static const char *field_of(const struct showcase_input *in, struct showcase_rules *out)
{
	struct showcase_problem p = { 0 };
	if (showcase_rules_parse(a, in, out, &p))
		return "";
	ck_assert_ptr_nonnull(p.message);
	return p.field;
}

START_TEST(test_showcase_rules_full_set_parses)
{
	struct showcase_input in = { .title = "Desk picks", .brand_id = "7", .tags = " desk , Wood,,gift ",
		.type = "Desk", .price_min = "10", .price_max = "79.99", .currency = "USD", .in_stock_only = "yes",
		.best_sellers_days = "30", .recently_viewed = "", .sort = "price_desc", .limit = "24" };
	struct showcase_rules r;
	ck_assert_str_eq(field_of(&in, &r), "");
	ck_assert_int_eq(r.brand_id, 7);
	ck_assert_uint_eq(r.ntags, 3);
	ck_assert_str_eq(r.tags[0], "desk");
	ck_assert_str_eq(r.tags[1], "Wood");
	ck_assert_str_eq(r.tags[2], "gift");
	ck_assert_str_eq(showcase_tags_join(a, &r), "desk,Wood,gift");
	ck_assert_str_eq(r.type, "Desk");
	ck_assert(r.has_min && r.has_max);
	ck_assert_int_eq(r.price_min, 1000);
	ck_assert_int_eq(r.price_max, 7999);
	ck_assert_str_eq(r.currency, "USD");
	ck_assert(r.in_stock_only);
	ck_assert(!r.recently_viewed);
	ck_assert_int_eq(r.best_sellers_days, 30);
	ck_assert_int_eq(r.sort, SHOWCASE_SORT_PRICE_DESC);
	ck_assert_int_eq(r.limit, 24);
}
END_TEST

START_TEST(test_showcase_rules_defaults_for_empty_fields)
{
	struct showcase_input in = { .title = "All" };
	struct showcase_rules r;
	ck_assert_str_eq(field_of(&in, &r), "");
	ck_assert_int_eq(r.brand_id, 0);
	ck_assert_uint_eq(r.ntags, 0);
	ck_assert_str_eq(r.type, "");
	ck_assert(!r.has_min && !r.has_max);
	ck_assert_str_eq(r.currency, "");
	ck_assert_int_eq(r.best_sellers_days, 0);
	ck_assert_int_eq(r.sort, SHOWCASE_SORT_FEATURED);
	ck_assert_int_eq(r.limit, SHOWCASE_LIMIT_DEFAULT);
}
END_TEST

START_TEST(test_showcase_rules_min_above_max_is_a_clear_error)
{
	struct showcase_input in = { .title = "T", .price_min = "80", .price_max = "10", .currency = "USD" };
	struct showcase_rules r;
	struct showcase_problem p;
	ck_assert(!showcase_rules_parse(a, &in, &r, &p));
	ck_assert_str_eq(p.field, "price_max");
	ck_assert_ptr_nonnull(strstr(p.message, "below the lowest"));
	in.price_max = "80";	/* equal bounds are one price, which is fine */
	ck_assert_str_eq(field_of(&in, &r), "");
}
END_TEST

START_TEST(test_showcase_rules_ranges_and_caps)
{
	struct showcase_rules r;
	static const struct { struct showcase_input in; const char *field; } bad[] = {
		{ { .title = "" }, "title" },
		{ { .title = "   " }, "title" },
		{ { .title = "a\nb" }, "title" },
		{ { .title = "T", .limit = "0" }, "limit" },
		{ { .title = "T", .limit = "25" }, "limit" },
		{ { .title = "T", .limit = "-1" }, "limit" },
		{ { .title = "T", .limit = "012" }, "limit" },
		{ { .title = "T", .best_sellers_days = "0" }, "best_sellers_days" },
		{ { .title = "T", .best_sellers_days = "366" }, "best_sellers_days" },
		{ { .title = "T", .best_sellers_days = "7d" }, "best_sellers_days" },
		{ { .title = "T", .price_min = "10" }, "currency" },
		{ { .title = "T", .price_min = "10", .currency = "usd" }, "currency" },
		{ { .title = "T", .price_min = "-5", .currency = "USD" }, "price_min" },
		{ { .title = "T", .price_min = "1e3", .currency = "USD" }, "price_min" },
		{ { .title = "T", .price_max = "1.999", .currency = "USD" }, "price_max" },
		{ { .title = "T", .price_max = "10.5", .currency = "JPY" }, "price_max" },
		{ { .title = "T", .sort = "random" }, "sort" },
		{ { .title = "T", .brand_id = "x" }, "brand_id" },
		{ { .title = "T", .brand_id = "0" }, "brand_id" },
		{ { .title = "T", .tags = "a,b,c,d,e,f" }, "tags" },
		{ { .title = "T", .tags = "a\tb\x01" }, "tags" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(strcmp(field_of(&bad[i].in, &r), bad[i].field) == 0, "case %zu", i);
	char title[SHOWCASE_TITLE_MAX + 2];
	memset(title, 'x', sizeof title - 1);
	title[sizeof title - 1] = '\0';
	struct showcase_input in = { .title = title };
	ck_assert_str_eq(field_of(&in, &r), "title");
	title[SHOWCASE_TITLE_MAX] = '\0';
	ck_assert_str_eq(field_of(&in, &r), "");
	char tag[SHOWCASE_TAG_MAX + 2];
	memset(tag, 't', sizeof tag - 1);
	tag[sizeof tag - 1] = '\0';
	in.tags = tag;
	ck_assert_str_eq(field_of(&in, &r), "tags");
	in.tags = "a,b,c,d,e";
	ck_assert_str_eq(field_of(&in, &r), "");
	ck_assert_uint_eq(r.ntags, 5);
	in.best_sellers_days = "365";
	in.limit = "1";
	ck_assert_str_eq(field_of(&in, &r), "");
}
END_TEST

START_TEST(test_showcase_tags_split_round_trips)
{
	struct showcase_rules r;
	showcase_tags_split(a, "desk,wood", &r);
	ck_assert_uint_eq(r.ntags, 2);
	ck_assert_str_eq(showcase_tags_join(a, &r), "desk,wood");
	showcase_tags_split(a, "", &r);
	ck_assert_uint_eq(r.ntags, 0);
	showcase_tags_split(a, "a,b,c,d,e,f,g", &r);
	ck_assert_uint_eq(r.ntags, SHOWCASE_MAX_TAGS);
}
END_TEST

START_TEST(test_showcase_recent_parse_accepts_its_own_format)
{
	long long ids[SHOWCASE_RECENT_MAX];
	ck_assert_uint_eq(showcase_recent_parse("42", ids), 1);
	ck_assert_int_eq(ids[0], 42);
	ck_assert_uint_eq(showcase_recent_parse("3.2.1", ids), 3);
	ck_assert_int_eq(ids[2], 1);
	ck_assert_uint_eq(showcase_recent_parse("1.2.3.4.5.6.7.8.9.10.11.12", ids), 12);
	ck_assert_uint_eq(showcase_recent_parse("999999999999999999", ids), 1);
}
END_TEST

START_TEST(test_showcase_recent_parse_refuses_hostile_cookies)
{
	long long ids[SHOWCASE_RECENT_MAX];
	static const char *const bad[] = {
		"", ".", "1.", ".1", "1..2", "01", "0", "1.0", "-1", "+1", "1,2", "1 2", " 1", "1e3", "0x10",
		"1.2.1", "1.2.3.4.5.6.7.8.9.10.11.12.13", "1000000000000000000", "99999999999999999999999",
		"1;2", "1%2E2", "1.2\xff", "<script>", "1.2.3'",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(showcase_recent_parse(bad[i], ids) == 0, "accepted \"%s\"", bad[i]);
	ck_assert_uint_eq(showcase_recent_parse(NULL, ids), 0);
	char huge[4096];
	memset(huge, '1', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	ck_assert_uint_eq(showcase_recent_parse(huge, ids), 0);
}
END_TEST

START_TEST(test_showcase_recent_push_moves_to_front_and_caps)
{
	long long ids[SHOWCASE_RECENT_MAX];
	size_t n = showcase_recent_push(ids, 0, 5);
	n = showcase_recent_push(ids, n, 6);
	n = showcase_recent_push(ids, n, 5);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(ids[0], 5);
	ck_assert_int_eq(ids[1], 6);
	for (long long id = 100; id < 120; id++)
		n = showcase_recent_push(ids, n, id);
	ck_assert_uint_eq(n, SHOWCASE_RECENT_MAX);
	ck_assert_int_eq(ids[0], 119);
	ck_assert_int_eq(ids[SHOWCASE_RECENT_MAX - 1], 108);
	char text[SHOWCASE_RECENT_TEXT_MAX];
	showcase_recent_format(ids, n, text);
	long long back[SHOWCASE_RECENT_MAX];
	ck_assert_uint_eq(showcase_recent_parse(text, back), SHOWCASE_RECENT_MAX);
	ck_assert_mem_eq(back, ids, sizeof back);
}
END_TEST

START_TEST(test_showcase_recent_format_of_largest_ids_fits)
{
	long long ids[SHOWCASE_RECENT_MAX];
	for (size_t i = 0; i < SHOWCASE_RECENT_MAX; i++)
		ids[i] = 999999999999999999LL - (long long)i;
	char text[SHOWCASE_RECENT_TEXT_MAX];
	showcase_recent_format(ids, SHOWCASE_RECENT_MAX, text);
	ck_assert_uint_eq(strlen(text), SHOWCASE_RECENT_TEXT_MAX - 1);
	long long back[SHOWCASE_RECENT_MAX];
	ck_assert_uint_eq(showcase_recent_parse(text, back), SHOWCASE_RECENT_MAX);
	showcase_recent_format(ids, 0, text);
	ck_assert_str_eq(text, "");
}
END_TEST

START_TEST(test_showcase_sort_names_round_trip)
{
	for (int s = 0; s < SHOWCASE_SORT__MAX; s++)
		ck_assert_int_eq(showcase_sort_parse(showcase_sort_name((enum showcase_sort)s)), s);
	ck_assert_int_eq(showcase_sort_parse("x"), SHOWCASE_SORT__MAX);
	ck_assert_int_eq(showcase_sort_parse(NULL), SHOWCASE_SORT__MAX);
	ck_assert_str_eq(showcase_sort_name(SHOWCASE_SORT__MAX), "");
}
END_TEST

Suite *showcase_suite(void)
{
	Suite *s = suite_create("showcase");
	TCase *tc = tcase_create("rules");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_showcase_rules_full_set_parses);
	tcase_add_test(tc, test_showcase_rules_defaults_for_empty_fields);
	tcase_add_test(tc, test_showcase_rules_min_above_max_is_a_clear_error);
	tcase_add_test(tc, test_showcase_rules_ranges_and_caps);
	tcase_add_test(tc, test_showcase_tags_split_round_trips);
	tcase_add_test(tc, test_showcase_recent_parse_accepts_its_own_format);
	tcase_add_test(tc, test_showcase_recent_parse_refuses_hostile_cookies);
	tcase_add_test(tc, test_showcase_recent_push_moves_to_front_and_caps);
	tcase_add_test(tc, test_showcase_recent_format_of_largest_ids_fits);
	tcase_add_test(tc, test_showcase_sort_names_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
