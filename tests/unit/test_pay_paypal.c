/* test_pay_paypal.c: the PayPal provider against a scripted transport: amounts in PayPal's
 * decimals, the order body, the cached token, capture on fetch, paid only on COMPLETED captures,
 * webhook notices vouched for by PayPal, refunds against the right capture. */
#include <string.h>
#include <check.h>
#include "domain/commerce/pay_paypal.h"
#include "pay_fake.h"
#include "suites.h"

static const char TOKEN[] = "{\"access_token\":\"A21AAtoken\",\"token_type\":\"Bearer\",\"expires_in\":32400}";
static const char CREATED[] = "{\"id\":\"5O190127TN364715T\",\"status\":\"PAYER_ACTION_REQUIRED\",\"links\":["
			      "{\"href\":\"http://pp.test/v2/checkout/orders/5O190127TN364715T\",\"rel\":\"self\"},"
			      "{\"href\":\"http://pp.test/pay/paypal/checkoutnow?token=5O190127TN364715T\",\"rel\":\"payer-action\"}]}";

static void setup(void)
{
	pay_fake_config("paypal_api_base = http://pp.test\npaypal_client_id = cid\npaypal_client_secret = csecret\n"
			"paypal_webhook_id = WH1\nbase_url = http://shop.test\n");
	pay_paypal_forget_token();
}

static const struct payment_line LINES_A[] = { { "Mug", 1250, 2 } };
static const struct payment_line LINES_B[] = { { "Poster", 900, 1 } };
static const struct payment_order ORDERS[] = {
	{ .number = "1001", .brand = "Clay", .shipping = 490, .tax = 200, .total = 3190, .lines = LINES_A, .nlines = 1 },
	{ .number = "1002", .brand = "Ink", .shipping = 0, .tax = 0, .total = 900, .lines = LINES_B, .nlines = 1 },
};

static struct payment_checkout checkout(const char *currency, size_t norders)
{
	return (struct payment_checkout){ .reference = "CK123", .email = "a@example.com", .currency = currency,
					  .total = 4090, .orders = ORDERS, .norders = norders,
					  .return_url = "http://shop.test/checkout/return/CK123",
					  .cancel_url = "http://shop.test/checkout/return/CK123?cancelled=1",
					  .webhook_url = "http://shop.test/webhooks/payment/paypal", .expires_at = 2000000000 };
}

START_TEST(test_paypal_amount_uses_paypal_decimals)
{
	char v[32];
	ck_assert(pay_paypal_amount(v, sizeof v, 1250, "USD"));
	ck_assert_str_eq(v, "12.50");
	ck_assert(pay_paypal_amount(v, sizeof v, 5, "EUR"));
	ck_assert_str_eq(v, "0.05");
	ck_assert(pay_paypal_amount(v, sizeof v, 1000, "JPY"));
	ck_assert_str_eq(v, "1000");
	ck_assert(pay_paypal_amount(v, sizeof v, 123400, "HUF"));
	ck_assert_str_eq(v, "1234");
	ck_assert(!pay_paypal_amount(v, sizeof v, 123456, "HUF"));	/* PayPal takes whole forints only */
	ck_assert(!pay_paypal_amount(v, sizeof v, 1000, "BHD"));	/* not a PayPal currency */
	ck_assert(!pay_paypal_amount(v, sizeof v, -1, "USD"));
}
END_TEST

START_TEST(test_paypal_order_body_has_a_unit_per_order_with_breakdown)
{
	struct arena *a = arena_new(8192);
	struct payment_checkout c = checkout("EUR", 2);
	const char *why;
	const char *body = pay_paypal_order_json(a, &c, &why);
	ck_assert_ptr_nonnull(body);
	ck_assert_ptr_nonnull(strstr(body, "\"intent\":\"CAPTURE\""));
	ck_assert_ptr_nonnull(strstr(body, "\"reference_id\":\"1001\""));
	ck_assert_ptr_nonnull(strstr(body, "\"reference_id\":\"1002\""));
	ck_assert_ptr_nonnull(strstr(body, "\"value\":\"31.90\""));
	ck_assert_ptr_nonnull(strstr(body, "\"item_total\":{\"currency_code\":\"EUR\",\"value\":\"25.00\"}"));
	ck_assert_ptr_nonnull(strstr(body, "\"shipping\":{\"currency_code\":\"EUR\",\"value\":\"4.90\"}"));
	ck_assert_ptr_nonnull(strstr(body, "\"tax_total\":{\"currency_code\":\"EUR\",\"value\":\"2.00\"}"));
	ck_assert_ptr_nonnull(strstr(body, "\"quantity\":\"2\""));
	ck_assert_ptr_nonnull(strstr(body, "\"return_url\":\"http://shop.test/checkout/return/CK123\""));
	ck_assert_ptr_nonnull(strstr(body, "\"custom_id\":\"CK123\""));
	struct payment_order odd = ORDERS[0];
	odd.total = 3000;	/* does not add up: PayPal would refuse the breakdown, so only the total goes */
	c.orders = &odd;
	c.norders = 1;
	body = pay_paypal_order_json(a, &c, &why);
	ck_assert_ptr_null(strstr(body, "breakdown"));
	ck_assert_ptr_nonnull(strstr(body, "\"value\":\"30.00\""));
	c = checkout("BHD", 1);
	ck_assert_ptr_null(pay_paypal_order_json(a, &c, &why));
	ck_assert_ptr_nonnull(why);
	arena_free(a);
}
END_TEST

START_TEST(test_paypal_start_fetches_a_token_once_and_returns_the_payer_action_link)
{
	struct arena *a = arena_new(8192);
	struct pay_fake f = { 0 };
	pay_fake_answer(&f, 200, TOKEN);
	pay_fake_answer(&f, 201, CREATED);
	pay_fake_answer(&f, 201, CREATED);
	struct payment_http http = pay_fake_http(&f);
	struct payment_checkout c = checkout("EUR", 2);
	struct payment_started out;
	ck_assert_int_eq(pay_paypal.start(&http, a, &c, &out), PAYMENT_OK);
	ck_assert_str_eq(out.session_id, "5O190127TN364715T");
	ck_assert_str_eq(out.url, "http://pp.test/pay/paypal/checkoutnow?token=5O190127TN364715T");
	ck_assert_str_eq(f.seen[0].url, "http://pp.test/v1/oauth2/token");
	ck_assert_str_eq(f.seen[0].user, "cid");
	ck_assert_str_eq(f.seen[0].body, "grant_type=client_credentials");
	ck_assert_str_eq(f.seen[1].url, "http://pp.test/v2/checkout/orders");
	ck_assert_str_eq(pay_fake_header(&f, 1, "Authorization"), "Bearer A21AAtoken");
	ck_assert_str_eq(pay_fake_header(&f, 1, "PayPal-Request-Id"), "crowdcart-order-CK123");
	ck_assert_int_eq(pay_paypal.start(&http, a, &c, &out), PAYMENT_OK);
	ck_assert_int_eq(f.nseen, 3);	/* the token was kept */
	ck_assert_str_eq(f.seen[2].url, "http://pp.test/v2/checkout/orders");
	arena_free(a);
}
END_TEST

START_TEST(test_paypal_refetches_the_token_after_a_401)
{
	struct arena *a = arena_new(8192);
	struct pay_fake f = { 0 };
	pay_fake_answer(&f, 200, TOKEN);
	pay_fake_answer(&f, 401, "{\"name\":\"AUTHENTICATION_FAILURE\"}");
	pay_fake_answer(&f, 200, TOKEN);
	pay_fake_answer(&f, 200, "{\"id\":\"5O190127TN364715T\",\"status\":\"PAYER_ACTION_REQUIRED\"}");
	struct payment_http http = pay_fake_http(&f);
	struct payment_status st;
	ck_assert_int_eq(pay_paypal.fetch(&http, a, "5O190127TN364715T", &st), PAYMENT_OK);
	ck_assert_int_eq(st.state, PAYMENT_PENDING);
	ck_assert_int_eq(f.nseen, 4);
	ck_assert_str_eq(f.seen[2].url, "http://pp.test/v1/oauth2/token");
	arena_free(a);
}
END_TEST

static const char COMPLETED[] =
	"{\"id\":\"5O190127TN364715T\",\"status\":\"COMPLETED\",\"purchase_units\":["
	"{\"reference_id\":\"1001\",\"payments\":{\"captures\":[{\"id\":\"CAP1\",\"status\":\"COMPLETED\","
	"\"amount\":{\"currency_code\":\"EUR\",\"value\":\"31.90\"}}]}},"
	"{\"reference_id\":\"1002\",\"payments\":{\"captures\":[{\"id\":\"CAP2\",\"status\":\"%s\","
	"\"amount\":{\"currency_code\":\"EUR\",\"value\":\"9.00\"}}]}}]}";

START_TEST(test_paypal_fetch_captures_an_approved_order_and_is_paid_only_when_every_capture_completed)
{
	struct arena *a = arena_new(8192);
	const char *cases[][2] = { { "COMPLETED", "paid" }, { "PENDING", "pending" }, { "DECLINED", "failed" } };
	for (size_t i = 0; i < 3; i++) {
		struct pay_fake f = { 0 };
		pay_paypal_forget_token();
		pay_fake_answer(&f, 200, TOKEN);
		pay_fake_answer(&f, 200, "{\"id\":\"5O190127TN364715T\",\"status\":\"APPROVED\"}");
		pay_fake_answer(&f, 201, arena_printf(a, COMPLETED, cases[i][0]));
		struct payment_http http = pay_fake_http(&f);
		struct payment_status st;
		ck_assert_int_eq(pay_paypal.fetch(&http, a, "5O190127TN364715T", &st), PAYMENT_OK);
		ck_assert_str_eq(f.seen[2].url, "http://pp.test/v2/checkout/orders/5O190127TN364715T/capture");
		ck_assert_str_eq(f.seen[2].method, "POST");
		ck_assert_str_eq(pay_fake_header(&f, 2, "PayPal-Request-Id"), "crowdcart-capture-5O190127TN364715T");
		enum payment_state want = i == 0 ? PAYMENT_PAID : i == 1 ? PAYMENT_PENDING : PAYMENT_FAILED;
		ck_assert_msg(st.state == want, "capture %s: state %d", cases[i][0], st.state);
		if (want == PAYMENT_PAID) {
			ck_assert_int_eq(st.amount, 4090);
			ck_assert_str_eq(st.currency, "EUR");
			ck_assert_str_eq(st.payment_id, "5O190127TN364715T");
		}
	}
	arena_free(a);
}
END_TEST

START_TEST(test_paypal_fetch_outcomes_of_refusals_and_silence)
{
	struct arena *a = arena_new(8192);
	struct pay_fake f = { 0 };
	pay_fake_answer(&f, 200, TOKEN);
	pay_fake_answer(&f, 200, "{\"id\":\"X1\",\"status\":\"APPROVED\"}");
	pay_fake_answer(&f, 422, "{\"name\":\"UNPROCESSABLE_ENTITY\",\"details\":[{\"issue\":\"INSTRUMENT_DECLINED\"}]}");
	pay_fake_answer(&f, 503, "{}");
	pay_fake_answer(&f, 0, NULL);
	struct payment_http http = pay_fake_http(&f);
	struct payment_status st;
	ck_assert_int_eq(pay_paypal.fetch(&http, a, "X1", &st), PAYMENT_OK);
	ck_assert_int_eq(st.state, PAYMENT_FAILED);
	ck_assert_int_eq(pay_paypal.fetch(&http, a, "X1", &st), PAYMENT_DOWN);
	ck_assert_int_eq(pay_paypal.fetch(&http, a, "X1", &st), PAYMENT_DOWN);
	ck_assert_int_eq(pay_paypal.fetch(&http, a, "../x", &st), PAYMENT_REFUSED);
	arena_free(a);
}
END_TEST

struct headers {
	const char *names[8], *values[8];
};

static const char *header(void *ctx, const char *name)
{
	struct headers *h = ctx;
	for (size_t i = 0; i < 8 && h->names[i]; i++)
		if (strcmp(h->names[i], name) == 0)
			return h->values[i];
	return NULL;
}

START_TEST(test_paypal_webhook_is_vouched_for_by_paypal_and_names_the_order)
{
	struct arena *a = arena_new(8192);
	static const char ev[] = "{\"id\":\"WH-1\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\",\"resource\":{\"id\":\"CAP1\","
				 "\"supplementary_data\":{\"related_ids\":{\"order_id\":\"5O190127TN364715T\"}}}}";
	struct headers h = { { "PAYPAL-AUTH-ALGO", "PAYPAL-CERT-URL", "PAYPAL-TRANSMISSION-ID", "PAYPAL-TRANSMISSION-SIG",
			       "PAYPAL-TRANSMISSION-TIME" },
			     { "SHA256withRSA", "http://pp.test/cert", "tid-1", "c2lnbmF0dXJl", "2026-12-06T12:00:00Z" } };
	struct payment_webhook_in in = { .body = ev, .len = sizeof ev - 1, .header = header, .header_ctx = &h, .now = 0 };
	struct pay_fake f = { 0 };
	pay_fake_answer(&f, 200, TOKEN);
	pay_fake_answer(&f, 200, "{\"verification_status\":\"SUCCESS\"}");
	pay_fake_answer(&f, 200, "{\"verification_status\":\"FAILURE\"}");
	pay_fake_answer(&f, 500, "{}");
	struct payment_http http = pay_fake_http(&f);
	struct payment_events out;
	ck_assert_int_eq(pay_paypal.webhook(&http, a, &in, &out), PAYMENT_OK);
	ck_assert_int_eq(out.n, 1);
	ck_assert_str_eq(out.ev[0].event_id, "WH-1");
	ck_assert_str_eq(out.ev[0].session_id, "5O190127TN364715T");
	ck_assert(!out.ev[0].has_state);
	ck_assert_str_eq(f.seen[1].url, "http://pp.test/v1/notifications/verify-webhook-signature");
	ck_assert_ptr_nonnull(strstr(f.seen[1].body, "\"webhook_id\":\"WH1\""));
	ck_assert_ptr_nonnull(strstr(f.seen[1].body, "\"transmission_id\":\"tid-1\""));
	ck_assert_ptr_nonnull(strstr(f.seen[1].body, arena_printf(a, "\"webhook_event\":%s}", ev)));	/* byte for byte */
	ck_assert_int_eq(pay_paypal.webhook(&http, a, &in, &out), PAYMENT_REFUSED);
	ck_assert_int_eq(out.n, 0);
	ck_assert_int_eq(pay_paypal.webhook(&http, a, &in, &out), PAYMENT_DOWN);
	h.names[3] = "X-OTHER";	/* no signature header: refused without asking PayPal */
	size_t calls = f.nseen;
	ck_assert_int_eq(pay_paypal.webhook(&http, a, &in, &out), PAYMENT_REFUSED);
	ck_assert_int_eq(f.nseen, calls);
	arena_free(a);
}
END_TEST

START_TEST(test_paypal_refund_goes_to_the_capture_of_the_order)
{
	struct arena *a = arena_new(8192);
	struct pay_fake f = { 0 };
	pay_fake_answer(&f, 200, TOKEN);
	pay_fake_answer(&f, 200, arena_printf(a, COMPLETED, "COMPLETED"));
	pay_fake_answer(&f, 201, "{\"id\":\"RF1\",\"status\":\"COMPLETED\"}");
	pay_fake_answer(&f, 200, arena_printf(a, COMPLETED, "COMPLETED"));
	pay_fake_answer(&f, 422, "{\"name\":\"UNPROCESSABLE_ENTITY\",\"details\":[{\"issue\":\"REFUND_AMOUNT_EXCEEDED\","
				 "\"description\":\"The refund amount must be less than or equal to the capture amount.\"}]}");
	struct payment_http http = pay_fake_http(&f);
	struct payment_refund rq = { .payment_id = "5O190127TN364715T", .order_number = "1002", .amount = 450,
				     .currency = "EUR", .idempotency_key = "idem-1" };
	struct payment_refunded out;
	ck_assert_int_eq(pay_paypal.refund(&http, a, &rq, &out), PAYMENT_OK);
	ck_assert_str_eq(out.refund_id, "RF1");
	ck_assert_str_eq(f.seen[2].url, "http://pp.test/v2/payments/captures/CAP2/refund");
	ck_assert_str_eq(f.seen[2].body, "{\"amount\":{\"value\":\"4.50\",\"currency_code\":\"EUR\"}}");
	ck_assert_str_eq(pay_fake_header(&f, 2, "PayPal-Request-Id"), "idem-1");
	rq.amount = 5000;
	ck_assert_int_eq(pay_paypal.refund(&http, a, &rq, &out), PAYMENT_REFUSED);
	ck_assert_ptr_nonnull(strstr(out.message, "REFUND_AMOUNT_EXCEEDED"));
	arena_free(a);
}
END_TEST

Suite *pay_paypal_suite(void)
{
	Suite *s = suite_create("pay_paypal");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_paypal_amount_uses_paypal_decimals);
	tcase_add_test(tc, test_paypal_order_body_has_a_unit_per_order_with_breakdown);
	tcase_add_test(tc, test_paypal_start_fetches_a_token_once_and_returns_the_payer_action_link);
	tcase_add_test(tc, test_paypal_refetches_the_token_after_a_401);
	tcase_add_test(tc, test_paypal_fetch_captures_an_approved_order_and_is_paid_only_when_every_capture_completed);
	tcase_add_test(tc, test_paypal_fetch_outcomes_of_refusals_and_silence);
	tcase_add_test(tc, test_paypal_webhook_is_vouched_for_by_paypal_and_names_the_order);
	tcase_add_test(tc, test_paypal_refund_goes_to_the_capture_of_the_order);
	suite_add_tcase(s, tc);
	return s;
}
