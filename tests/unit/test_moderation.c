/* test_moderation.c: the names moderation shares between URLs, reports and the audit log, the
 * report categories, and what brand_approval means. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "domain/moderation/brand_approval.h"
#include "domain/moderation/report.h"
#include "domain/moderation/takedown.h"
#include "lib/config.h"
#include "suites.h"

START_TEST(test_takedown_kinds_read_back_by_name)
{
	for (int k = 0; k < TAKEDOWN__MAX; k++) {
		enum takedown_kind back;
		ck_assert(takedown_kind_parse(takedown_kind_name((enum takedown_kind)k), &back));
		ck_assert_int_eq(back, k);
		ck_assert(*takedown_kind_label((enum takedown_kind)k));
	}
	ck_assert_str_eq(takedown_kind_name(TAKEDOWN_LIVE), "live");
	ck_assert_str_eq(takedown_kind_label(TAKEDOWN_FORM), "lead form");
}
END_TEST

START_TEST(test_takedown_kinds_refuse_what_is_not_one)
{
	enum takedown_kind k = TAKEDOWN_AD;
	const char *bad[] = { "", "user", "Storefront", "storefront ", "videos", NULL };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!takedown_kind_parse(bad[i], &k), "accepted: %s", bad[i] ? bad[i] : "(null)");
	ck_assert_int_eq(k, TAKEDOWN_AD);
	ck_assert_str_eq(takedown_kind_name(TAKEDOWN__MAX), "");
}
END_TEST

START_TEST(test_report_categories_are_the_columns_values)
{
	const char *known[] = { "scam", "counterfeit", "spam", "hate", "adult", "other" };
	size_t n = 0;
	for (const struct report_category *c = report_categories; c->name; c++, n++)
		ck_assert(*c->label);
	ck_assert_uint_eq(n, sizeof known / sizeof known[0]);
	for (size_t i = 0; i < n; i++)
		ck_assert(report_category_known(known[i]));
	ck_assert(!report_category_known("Scam"));
	ck_assert(!report_category_known(""));
	ck_assert(!report_category_known(NULL));
}
END_TEST

static void load_conf(const char *conf)
{
	char path[] = "/tmp/cc-unit-moderation-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, conf, strlen(conf)), (ssize_t)strlen(conf));
	close(fd);
	ck_assert(config_load(path));
	unlink(path);
}

/* Each Check test runs in a child of its own, so the config loaded here starts empty. */
START_TEST(test_brand_approval_is_open_unless_required)
{
	load_conf("base_url = https://shop.example\n");
	ck_assert(!brand_approval_required());
}
END_TEST

START_TEST(test_brand_approval_required)
{
	load_conf("brand_approval = required\n");
	ck_assert(brand_approval_required());
}
END_TEST

START_TEST(test_brand_approval_anything_else_is_open)
{
	load_conf("brand_approval = Required-ish\n");
	ck_assert(!brand_approval_required());
}
END_TEST

Suite *moderation_suite(void)
{
	Suite *s = suite_create("moderation");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_takedown_kinds_read_back_by_name);
	tcase_add_test(tc, test_takedown_kinds_refuse_what_is_not_one);
	tcase_add_test(tc, test_report_categories_are_the_columns_values);
	tcase_add_test(tc, test_brand_approval_is_open_unless_required);
	tcase_add_test(tc, test_brand_approval_required);
	tcase_add_test(tc, test_brand_approval_anything_else_is_open);
	suite_add_tcase(s, tc);
	return s;
}
