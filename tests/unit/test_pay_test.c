/* test_pay_test.c: the test provider is off by default and on only where the operator lists it,
 * the layout shows the test-payments banner exactly then, and the SQL that tells a test order from
 * a real one. */
#include <stdlib.h>
#include <string.h>
#include "pay_fake.h"
#include "suites.h"
#include "lib/config.h"
#include "domain/commerce/pay_test.h"
#include "domain/commerce/payments.h"
#include "views/layout_extras.h"
#include "web/tmpl.h"

/* Each Check test runs in a child of its own, so the config loaded here starts empty. */
START_TEST(test_unset_config_offers_offline_only)
{
	const struct payment_provider *ch[PAYMENT_MAX_PROVIDERS];
	pay_fake_config("# a production config that says nothing of payments\nbase_url = https://shop.example\n");
	ck_assert_str_eq(PAYMENTS_DEFAULT_PROVIDERS, "offline");
	ck_assert(!payments_offered("test"));
	ck_assert(payments_offered("offline"));
	ck_assert_uint_eq(payments_choices(ch), 1);
	ck_assert_str_eq(ch[0]->name, "offline");
	/* still known, so orders it paid before read back as test orders */
	ck_assert_ptr_eq(payments_find("test"), &pay_test);
}
END_TEST

START_TEST(test_listed_test_provider_is_offered)
{
	const struct payment_provider *ch[PAYMENT_MAX_PROVIDERS];
	pay_fake_config("payment_providers = offline,test\n");
	ck_assert(payments_offered("test"));
	ck_assert_uint_eq(payments_choices(ch), 2);
	ck_assert_str_eq(ch[0]->name, "offline");
	ck_assert_str_eq(ch[1]->name, "test");
}
END_TEST

START_TEST(test_name_must_be_listed_whole)
{
	/* "testing" or "test-mode" is not the test provider */
	pay_fake_config("payment_providers = offline, testing,test-mode\n");
	ck_assert(!payments_offered("test"));
	pay_fake_config("payment_providers = offline, test\n");
	ck_assert(payments_offered("test"));
}
END_TEST

START_TEST(test_explicit_list_without_test_turns_it_off)
{
	pay_fake_config("payment_providers = offline,test\npayment_providers = offline\n");	/* the last one wins */
	ck_assert(!payments_offered("test"));
}
END_TEST

START_TEST(test_sql_marks_test_orders_by_provider)
{
	ck_assert_str_eq(PAY_TEST_ORDER("o"), "(o.payment_provider = 'test')");
	ck_assert_str_eq(PAY_TEST_REAL_ORDER("o"), "(o.payment_provider <> 'test')");
	ck_assert_str_eq(pay_test.name, "test");
}
END_TEST

static void page_emit(void *ctx, const char *s, size_t n)
{
	char *page = ctx;
	size_t len = strlen(page);
	if (len + n < 65536) {
		memcpy(page + len, s, n);
		page[len + n] = '\0';
	}
}

/* layout.tpl as every page of the shop and the studio expands it, with their layout hook. */
static const char *layout_page(const char *conf)
{
	static char page[65536];
	pay_fake_config(conf);
	ck_assert(tmpl_init("templates"));	/* the unit tests run from the top of the tree */
	struct req r = { 0 };
	tmpl_dict *d = tmpl_new();
	layout_extras_show(&r, d);
	page[0] = '\0';
	ck_assert(tmpl_expand("layout.tpl", d, page_emit, page));
	tmpl_free(d);
	return page;
}

#define BANNER "Test payments are on: orders paid with the test provider are not real."

START_TEST(test_no_banner_by_default)
{
	const char *page = layout_page("base_url = https://shop.example\n");
	ck_assert_ptr_nonnull(strstr(page, "</html>"));
	ck_assert_ptr_null(strstr(page, "test-payments-banner"));
	ck_assert_ptr_null(strstr(page, BANNER));
}
END_TEST

START_TEST(test_banner_while_test_is_listed)
{
	const char *page = layout_page("payment_providers = stripe, offline, test\n");
	const char *banner = strstr(page, BANNER);
	ck_assert_ptr_nonnull(banner);
	ck_assert_ptr_null(strstr(banner + 1, BANNER));	/* once */
	ck_assert(banner < strstr(page, "<header"));	/* above everything else but the skip link */
}
END_TEST

Suite *pay_test_suite(void)
{
	Suite *s = suite_create("pay_test");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_unset_config_offers_offline_only);
	tcase_add_test(tc, test_listed_test_provider_is_offered);
	tcase_add_test(tc, test_name_must_be_listed_whole);
	tcase_add_test(tc, test_explicit_list_without_test_turns_it_off);
	tcase_add_test(tc, test_sql_marks_test_orders_by_provider);
	tcase_add_test(tc, test_no_banner_by_default);
	tcase_add_test(tc, test_banner_while_test_is_listed);
	suite_add_tcase(s, tc);
	return s;
}
