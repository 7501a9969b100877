/* test_pay_mollie.c: the Mollie provider against a scripted transport: exact decimals, the
 * payment body, the checkout link, states read back from the payment, an id-only webhook, refunds. */
#include <string.h>
#include <check.h>
#include "domain/commerce/pay_mollie.h"
#include "pay_fake.h"
#include "suites.h"

static void setup(void)
{
	pay_fake_config("mollie_api_base = http://mo.test\nmollie_api_key = test_key000000000000000000000000000\n"
			"base_url = http://shop.test\n");
}

static const struct payment_line LINES[] = { { "Mug", 1250, 2 } };
static const struct payment_order ORDERS[] = {
	{ .number = "1001", .brand = "Clay", .shipping = 490, .tax = 200, .total = 3190, .lines = LINES, .nlines = 1 },
};

static struct payment_checkout checkout(const char *currency, long long total)
{
	return (struct payment_checkout){ .reference = "CK9", .email = "a@example.com", .currency = currency, .total = total,
					  .orders = ORDERS, .norders = 1, .return_url = "http://shop.test/checkout/return/CK9",
					  .cancel_url = "http://shop.test/checkout/return/CK9?cancelled=1",
					  .webhook_url = "http://shop.test/webhooks/payment/mollie", .expires_at = 2000000000 };
}

START_TEST(test_mollie_amount_has_the_currency_exact_decimals)
{
	char v[32];
	ck_assert(pay_mollie_amount(v, sizeof v, 1000, "EUR"));
	ck_assert_str_eq(v, "10.00");
	ck_assert(pay_mollie_amount(v, sizeof v, 7, "EUR"));
	ck_assert_str_eq(v, "0.07");
	ck_assert(pay_mollie_amount(v, sizeof v, 1500, "JPY"));
	ck_assert_str_eq(v, "1500");
	ck_assert(pay_mollie_amount(v, sizeof v, 1234, "BHD"));
	ck_assert_str_eq(v, "1.234");
	ck_assert(!pay_mollie_amount(v, sizeof v, -5, "EUR"));
	ck_assert(!pay_mollie_amount(v, sizeof v, 5, "eur"));
}
END_TEST

START_TEST(test_mollie_start_posts_the_payment_and_returns_the_checkout_link)
{
	struct arena *a = arena_new(8192);
	struct pay_fake f = { 0 };
	pay_fake_answer(&f, 201, "{\"resource\":\"payment\",\"id\":\"tr_7UhSN1zuXS\",\"status\":\"open\","
				 "\"_links\":{\"checkout\":{\"href\":\"http://mo.test/pay/mollie/tr_7UhSN1zuXS\",\"type\":\"text/html\"}}}");
	pay_fake_answer(&f, 422, "{\"status\":422,\"title\":\"Unprocessable Entity\",\"detail\":\"The amount is lower than minimum\",\"field\":\"amount\"}");
	pay_fake_answer(&f, 503, "");
	struct payment_http http = pay_fake_http(&f);
	struct payment_checkout c = checkout("JPY", 1500);
	struct payment_started out;
	ck_assert_int_eq(pay_mollie.start(&http, a, &c, &out), PAYMENT_OK);
	ck_assert_str_eq(out.session_id, "tr_7UhSN1zuXS");
	ck_assert_str_eq(out.url, "http://mo.test/pay/mollie/tr_7UhSN1zuXS");
	ck_assert_str_eq(f.seen[0].url, "http://mo.test/v2/payments");
	ck_assert_str_eq(pay_fake_header(&f, 0, "Authorization"), "Bearer test_key000000000000000000000000000");
	ck_assert_str_eq(pay_fake_header(&f, 0, "Idempotency-Key"), "crowdcart-payment-CK9");
	const char *b = f.seen[0].body;
	ck_assert_ptr_nonnull(strstr(b, "\"amount\":{\"currency\":\"JPY\",\"value\":\"1500\"}"));
	ck_assert_ptr_nonnull(strstr(b, "\"redirectUrl\":\"http://shop.test/checkout/return/CK9\""));
	ck_assert_ptr_nonnull(strstr(b, "\"webhookUrl\":\"http://shop.test/webhooks/payment/mollie\""));
	ck_assert_ptr_nonnull(strstr(b, "\"description\":\"Order 1001 from Clay\""));
	ck_assert_ptr_nonnull(strstr(b, "\"checkout\":\"CK9\""));
	ck_assert_int_eq(pay_mollie.start(&http, a, &c, &out), PAYMENT_REFUSED);
	ck_assert_str_eq(out.message, "Mollie refused: The amount is lower than minimum (amount)");
	ck_assert_int_eq(pay_mollie.start(&http, a, &c, &out), PAYMENT_DOWN);
	arena_free(a);
}
END_TEST

START_TEST(test_mollie_fetch_reads_the_state)
{
	struct arena *a = arena_new(8192);
	struct pay_fake f = { 0 };
	pay_fake_answer(&f, 200, "{\"id\":\"tr_A1\",\"status\":\"paid\",\"amount\":{\"currency\":\"EUR\",\"value\":\"31.90\"}}");
	pay_fake_answer(&f, 200, "{\"id\":\"tr_A1\",\"status\":\"open\",\"amount\":{\"currency\":\"EUR\",\"value\":\"31.90\"}}");
	pay_fake_answer(&f, 200, "{\"id\":\"tr_A1\",\"status\":\"expired\",\"amount\":{\"currency\":\"EUR\",\"value\":\"31.90\"}}");
	pay_fake_answer(&f, 200, "{\"id\":\"tr_A1\",\"status\":\"paid\",\"amount\":{\"currency\":\"EUR\",\"value\":\"31.9\"}}");
	pay_fake_answer(&f, 404, "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"No payment exists with token tr_A1.\"}");
	struct payment_http http = pay_fake_http(&f);
	struct payment_status st;
	ck_assert_int_eq(pay_mollie.fetch(&http, a, "tr_A1", &st), PAYMENT_OK);
	ck_assert_int_eq(st.state, PAYMENT_PAID);
	ck_assert_int_eq(st.amount, 3190);
	ck_assert_str_eq(st.currency, "EUR");
	ck_assert_str_eq(st.payment_id, "tr_A1");
	ck_assert_str_eq(f.seen[0].url, "http://mo.test/v2/payments/tr_A1");
	ck_assert_int_eq(pay_mollie.fetch(&http, a, "tr_A1", &st), PAYMENT_OK);
	ck_assert_int_eq(st.state, PAYMENT_PENDING);
	ck_assert_int_eq(pay_mollie.fetch(&http, a, "tr_A1", &st), PAYMENT_OK);
	ck_assert_int_eq(st.state, PAYMENT_FAILED);
	ck_assert_int_eq(pay_mollie.fetch(&http, a, "tr_A1", &st), PAYMENT_OK);	/* "31.9" still parses */
	ck_assert_int_eq(st.amount, 3190);
	ck_assert_int_eq(pay_mollie.fetch(&http, a, "tr_A1", &st), PAYMENT_REFUSED);
	ck_assert_int_eq(pay_mollie.fetch(&http, a, "tr_../../x", &st), PAYMENT_REFUSED);
	arena_free(a);
}
END_TEST

START_TEST(test_mollie_webhook_is_only_an_id)
{
	struct arena *a = arena_new(1024);
	ck_assert_str_eq(pay_mollie_webhook_id(a, "id=tr_7UhSN1zuXS", 16), "tr_7UhSN1zuXS");
	ck_assert_ptr_null(pay_mollie_webhook_id(a, "id=tr_7UhSN1zuXS&x=1", 20));
	ck_assert_ptr_null(pay_mollie_webhook_id(a, "id=re_7UhSN1zuXS", 16));
	ck_assert_ptr_null(pay_mollie_webhook_id(a, "id=tr_../x", 10));
	ck_assert_ptr_null(pay_mollie_webhook_id(a, "", 0));
	struct payment_webhook_in in = { .body = "id=tr_7UhSN1zuXS", .len = 16 };
	struct payment_events out;
	ck_assert_int_eq(pay_mollie.webhook(NULL, a, &in, &out), PAYMENT_OK);
	ck_assert_int_eq(out.n, 1);
	ck_assert_str_eq(out.ev[0].session_id, "tr_7UhSN1zuXS");
	ck_assert_str_eq(out.ev[0].event_id, "");
	ck_assert(!out.ev[0].has_state);
	in.body = "{\"id\":\"tr_7UhSN1zuXS\"}";
	in.len = strlen(in.body);
	ck_assert_int_eq(pay_mollie.webhook(NULL, a, &in, &out), PAYMENT_REFUSED);
	arena_free(a);
}
END_TEST

START_TEST(test_mollie_refund_posts_the_amount_and_reports_refusals)
{
	struct arena *a = arena_new(8192);
	struct pay_fake f = { 0 };
	pay_fake_answer(&f, 201, "{\"resource\":\"refund\",\"id\":\"re_4qqhO89gsT\",\"status\":\"pending\"}");
	pay_fake_answer(&f, 422, "{\"status\":422,\"title\":\"Unprocessable Entity\",\"detail\":\"The amount requested to refund exceeds the remaining amount\",\"field\":\"amount\"}");
	pay_fake_answer(&f, 0, NULL);
	struct payment_http http = pay_fake_http(&f);
	struct payment_refund rq = { .payment_id = "tr_A1", .order_number = "1001", .amount = 1250, .currency = "EUR",
				     .idempotency_key = "idem-7" };
	struct payment_refunded out;
	ck_assert_int_eq(pay_mollie.refund(&http, a, &rq, &out), PAYMENT_OK);
	ck_assert_str_eq(out.refund_id, "re_4qqhO89gsT");
	ck_assert_str_eq(f.seen[0].url, "http://mo.test/v2/payments/tr_A1/refunds");
	ck_assert_ptr_nonnull(strstr(f.seen[0].body, "\"amount\":{\"currency\":\"EUR\",\"value\":\"12.50\"}"));
	ck_assert_str_eq(pay_fake_header(&f, 0, "Idempotency-Key"), "idem-7");
	ck_assert_int_eq(pay_mollie.refund(&http, a, &rq, &out), PAYMENT_REFUSED);
	ck_assert_ptr_nonnull(strstr(out.message, "exceeds the remaining amount"));
	ck_assert_int_eq(pay_mollie.refund(&http, a, &rq, &out), PAYMENT_DOWN);
	arena_free(a);
}
END_TEST

Suite *pay_mollie_suite(void)
{
	Suite *s = suite_create("pay_mollie");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_mollie_amount_has_the_currency_exact_decimals);
	tcase_add_test(tc, test_mollie_start_posts_the_payment_and_returns_the_checkout_link);
	tcase_add_test(tc, test_mollie_fetch_reads_the_state);
	tcase_add_test(tc, test_mollie_webhook_is_only_an_id);
	tcase_add_test(tc, test_mollie_refund_posts_the_amount_and_reports_refusals);
	suite_add_tcase(s, tc);
	return s;
}
