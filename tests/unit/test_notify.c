/* test_notify.c: a one-click unsubscribe token names its account and kind, and only the server's
 * secret makes one: a changed user, kind or mac, a truncated or padded token, or another secret's
 * token is refused. Every kind's name reads back as that kind, and has words in mail_notice.tpl
 * that come out as plain text: what a user typed (markup, quotes, an entity) exactly as typed. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sodium.h>
#include "suites.h"
#include "domain/mail/notify_token.h"
#include "views/notice_text.h"
#include "web/tmpl.h"

static uint8_t secret[32], other_secret[32];

static void notify_setup(void)
{
	if (sodium_init() < 0)
		abort();
	randombytes_buf(secret, sizeof secret);
	randombytes_buf(other_secret, sizeof other_secret);
}

START_TEST(test_notify_token_names_its_user_and_kind)
{
	char t[NOTIFY_TOKEN_MAX];
	notify_token_make(secret, 4217, NOTIFY_CREATOR_SALE, t);
	ck_assert(strncmp(t, "4217.creator_sale.", 18) == 0);
	long long user = 0;
	enum notify_kind k = NOTIFY__MAX;
	ck_assert(notify_token_check(secret, t, &user, &k));
	ck_assert_int_eq(user, 4217);
	ck_assert_int_eq(k, NOTIFY_CREATOR_SALE);
}
END_TEST

START_TEST(test_notify_token_refuses_what_the_secret_did_not_make)
{
	char t[NOTIFY_TOKEN_MAX], other[NOTIFY_TOKEN_MAX], bad[NOTIFY_TOKEN_MAX + 8];
	long long user;
	enum notify_kind k;
	notify_token_make(secret, 12, NOTIFY_BRAND_ORDER, t);
	notify_token_make(other_secret, 12, NOTIFY_BRAND_ORDER, other);
	ck_assert(!notify_token_check(secret, other, &user, &k));
	/* another user, another kind, one character of the mac changed */
	strcpy(bad, t);
	bad[1] = '3';
	ck_assert(!notify_token_check(secret, bad, &user, &k));
	notify_token_make(secret, 12, NOTIFY_BRAND_LEAD, bad);
	memcpy(strrchr(bad, '.'), strrchr(t, '.'), strlen(strrchr(t, '.')) + 1);
	ck_assert(!notify_token_check(secret, bad, &user, &k));
	strcpy(bad, t);
	bad[strlen(bad) - 1] = bad[strlen(bad) - 1] == 'A' ? 'B' : 'A';
	ck_assert(!notify_token_check(secret, bad, &user, &k));
	/* cut short, padded, no user, a signed, zero or zero-led user, an unknown kind, nothing */
	strcpy(bad, t);
	bad[strlen(bad) - 1] = '\0';
	ck_assert(!notify_token_check(secret, bad, &user, &k));
	strcpy(bad, t);
	strcat(bad, "A");
	ck_assert(!notify_token_check(secret, bad, &user, &k));
	ck_assert(!notify_token_check(secret, strchr(t, '.'), &user, &k));
	strcpy(bad, "-");
	strcat(bad, t);
	ck_assert(!notify_token_check(secret, bad, &user, &k));
	strcpy(bad, "0");
	strcat(bad, t);
	ck_assert(!notify_token_check(secret, bad, &user, &k));
	ck_assert(!notify_token_check(secret, "0.brand_order.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &user, &k));
	ck_assert(!notify_token_check(secret, "12.brand_orders.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &user, &k));
	ck_assert(!notify_token_check(secret, "", &user, &k));
	ck_assert(!notify_token_check(secret, NULL, &user, &k));
}
END_TEST

START_TEST(test_notify_kind_names_read_back)
{
	for (int k = 0; k < NOTIFY__MAX; k++) {
		ck_assert_int_eq(notify_kind_parse(notify_kind_name((enum notify_kind)k)), k);
		ck_assert(*notify_kind_label((enum notify_kind)k));
	}
	ck_assert_int_eq(notify_kind_parse("transactional"), NOTIFY__MAX);
	ck_assert_int_eq(notify_kind_parse(NULL), NOTIFY__MAX);
}
END_TEST

START_TEST(test_notice_text_is_plain_text_of_the_kind)
{
	ck_assert(tmpl_init("templates"));	/* the unit tests run from the top of the tree */
	struct arena *a = arena_new(4096);
	for (int k = 0; k < NOTIFY__MAX; k++) {
		struct notify_text t;
		notify_text_init(&t, a);
		const char *text = notice_text_render(a, notify_kind_name((enum notify_kind)k), true, &t);
		ck_assert_msg(text && strchr(text, '\n') > text, "%s has a subject line", notify_kind_name((enum notify_kind)k));
	}
	struct notify_text t;
	notify_text_init(&t, a);
	notify_text_add(&t, "CREATOR", "<b>Lena & \"Co\"</b> it's &amp;");
	notify_text_add(&t, "HANDLE", "lena");
	notify_text_add(&t, "PRODUCT", "Lamp");
	notify_text_add(&t, "BASE", "https://shop.example");
	notify_text_add(&t, "#NOTE", "size <M>");
	const char *text = notice_text_render(a, notify_kind_name(NOTIFY_BRAND_SAMPLE_REQUEST), true, &t);
	ck_assert_ptr_nonnull(text);
	const char *want = "Sample request: Lamp\nHello,\n\n<b>Lena & \"Co\"</b> it's &amp; (@lena) asks for a sample of Lamp.\n"
			   "Their note: size <M>\n\nApprove or decline it in your studio: https://shop.example/studio/brand/samples\n";
	ck_assert_msg(strncmp(text, want, strlen(want)) == 0, "%s", text);
	ck_assert_msg(strstr(text, "mail settings"), "a switchable notice says how to switch it off: %s", text);
	arena_free(a);
}
END_TEST

/* Owed mail is whole from its section and has no way to switch it off. */
START_TEST(test_owed_mail_has_no_switch)
{
	ck_assert(tmpl_init("templates"));
	struct arena *a = arena_new(4096);
	struct notify_text t;
	notify_text_init(&t, a);
	notify_text_add(&t, "NAME", "Ada <Lovelace>");
	notify_text_add(&t, "NUMBER", "CC-1");
	notify_text_add(&t, "BRAND", "Mugs & Co");
	notify_text_add(&t, "CARRIER", "UPS");
	notify_text_add(&t, "TRACKING", "1Z999");
	notify_text_add(&t, "#TRACK", "https://www.ups.com/track?tracknum=1Z999");
	notify_text_add(&t, "BASE", "https://shop.example");
	const char *text = notice_text_render(a, "order_shipped", false, &t);
	ck_assert_ptr_nonnull(text);
	const char *want = "Your order has shipped (order CC-1)\nHello Ada <Lovelace>,\n\nMugs & Co has sent your order.\n"
			   "Carrier: UPS\nTracking number: 1Z999\nFollow the parcel: https://www.ups.com/track?tracknum=1Z999\n\n"
			   "Order number: CC-1\n";
	ck_assert_msg(strncmp(text, want, strlen(want)) == 0, "%s", text);
	ck_assert_msg(!strstr(text, "mail settings") && !strstr(text, "notifications"), "%s", text);
	static const char *const owed[] = { "order_confirmation", "order_paid", "order_cancelled", "order_refund", "rate_change" };
	for (size_t i = 0; i < sizeof owed / sizeof owed[0]; i++) {
		notify_text_init(&t, a);
		text = notice_text_render(a, owed[i], false, &t);
		ck_assert_msg(text && strchr(text, '\n') > text, "%s has a subject line", owed[i]);
		ck_assert_msg(!strstr(text, "mail settings"), "%s: %s", owed[i], text);
	}
	arena_free(a);
}
END_TEST

Suite *notify_suite(void)
{
	Suite *s = suite_create("notify");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, notify_setup, NULL);
	tcase_add_test(tc, test_notify_token_names_its_user_and_kind);
	tcase_add_test(tc, test_notify_token_refuses_what_the_secret_did_not_make);
	tcase_add_test(tc, test_notify_kind_names_read_back);
	tcase_add_test(tc, test_notice_text_is_plain_text_of_the_kind);
	tcase_add_test(tc, test_owed_mail_has_no_switch);
	suite_add_tcase(s, tc);
	return s;
}
