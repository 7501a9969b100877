/* test_payment.c: the Stripe provider without a network: the Stripe-Signature check (forged,
 * stale, rotated, malformed), the form body of a Checkout Session, and start, fetch, refund and
 * webhook over a fake transport that records what was asked and answers what the test says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <check.h>
#include <sodium.h>
#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/config.h"
#include "domain/commerce/pay_form.h"
#include "domain/commerce/pay_stripe.h"
#include "domain/commerce/payments.h"
#include "web/outbound.h"
#include "pay_fake.h"
#include "suites.h"

#define SECRET "whsec_unit"

static const char *sign(struct arena *a, const char *secret, long long t, const char *body)
{
	uint8_t mac[crypto_auth_hmacsha256_BYTES];
	char hex[2 * sizeof mac + 1];
	const char *msg = arena_printf(a, "%lld.%s", t, body);
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, strlen(msg));
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
	return arena_strdup(a, hex);
}

START_TEST(test_stripe_signature_accepts_exactly_what_stripe_signs)
{
	struct arena *a = arena_new(8192);
	const char *body = "{\"id\":\"evt_1\"}";
	long long now = 1765000000;
	const char *good = sign(a, SECRET, now, body), *other = sign(a, "whsec_other", now, body);
	size_t n = strlen(body);
#define V(h, t) pay_stripe_verify((h), body, n, SECRET, (t))
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v1=%s", now, good), now), PAY_STRIPE_SIG_OK);
	/* the legacy v0 and unknown schemes are ignored; spaces after commas tolerated */
	ck_assert_int_eq(V(arena_printf(a, "t=%lld, v0=%s, v1=%s, x=1", now, other, good), now), PAY_STRIPE_SIG_OK);
	/* rotation: two v1, one of them by the new secret, in either order */
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v1=%s,v1=%s", now, other, good), now), PAY_STRIPE_SIG_OK);
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v1=%s,v1=%s", now, good, other), now), PAY_STRIPE_SIG_OK);
	/* forged: another secret, another body, another timestamp than signed */
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v1=%s", now, other), now), PAY_STRIPE_SIG_MISMATCH);
	ck_assert_int_eq(pay_stripe_verify(arena_printf(a, "t=%lld,v1=%s", now, good), body, n - 1, SECRET, now),
			 PAY_STRIPE_SIG_MISMATCH);
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v1=%s", now + 1, good), now), PAY_STRIPE_SIG_MISMATCH);
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v1=%.63s", now, good), now), PAY_STRIPE_SIG_MISMATCH);
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v1=%.62szz", now, good), now), PAY_STRIPE_SIG_MISMATCH);
	/* stale and future, just outside the 300 s tolerance; just inside is fine */
	const char *old = sign(a, SECRET, now - 301, body), *edge = sign(a, SECRET, now - 300, body);
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v1=%s", now - 301, old), now), PAY_STRIPE_SIG_STALE);
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v1=%s", now - 300, edge), now), PAY_STRIPE_SIG_OK);
	const char *ahead = sign(a, SECRET, now + 301, body);
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v1=%s", now + 301, ahead), now), PAY_STRIPE_SIG_STALE);
	/* malformed */
	ck_assert_int_eq(V(NULL, now), PAY_STRIPE_SIG_MALFORMED);
	ck_assert_int_eq(V("", now), PAY_STRIPE_SIG_MALFORMED);
	ck_assert_int_eq(V("garbage", now), PAY_STRIPE_SIG_MALFORMED);
	ck_assert_int_eq(V(arena_printf(a, "v1=%s", good), now), PAY_STRIPE_SIG_MALFORMED);
	ck_assert_int_eq(V(arena_printf(a, "t=%lld", now), now), PAY_STRIPE_SIG_MALFORMED);
	ck_assert_int_eq(V(arena_printf(a, "t=%lldx,v1=%s", now, good), now), PAY_STRIPE_SIG_MALFORMED);
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,t=%lld,v1=%s", now, now, good), now), PAY_STRIPE_SIG_MALFORMED);
	ck_assert_int_eq(V(arena_printf(a, "t=%lld,v0=%s", now, good), now), PAY_STRIPE_SIG_MALFORMED);
	ck_assert_int_eq(V(arena_printf(a, "t=-5,v1=%s", good), now), PAY_STRIPE_SIG_MALFORMED);
	/* no secret configured: nothing verifies */
	ck_assert_int_eq(pay_stripe_verify(arena_printf(a, "t=%lld,v1=%s", now, good), body, n, "", now),
			 PAY_STRIPE_SIG_MALFORMED);
#undef V
	arena_free(a);
}
END_TEST

START_TEST(test_form_encoding_escapes_everything_but_unreserved)
{
	struct arena *a = arena_new(4096);
	struct buf b;
	buf_init(&b, a, 64);
	pay_form_add(&b, "line_items[0][price_data][product_data][name]", "Lamp & Co. {x} é+1");
	pay_form_add_int(&b, "amount", -1200);
	pay_form_add(&b, "empty", NULL);
	ck_assert_str_eq(buf_cstr(&b), "line_items%5B0%5D%5Bprice_data%5D%5Bproduct_data%5D%5Bname%5D="
			 "Lamp%20%26%20Co.%20%7Bx%7D%20%C3%A9%2B1&amount=-1200&empty=");
	arena_free(a);
}
END_TEST

static const struct payment_line lines_a[] = { { "Task lamp (Black)", 3400, 2 }, { "Desk mat", 1500, 1 } };
static const struct payment_line lines_b[] = { { "Mug", 900, 3 } };
static const struct payment_order orders[] = {
	{ "ORDERA", "Northwind", 500, 700, 3400 * 2 + 1500 + 500 + 700, lines_a, 2 },
	{ "ORDERB", "Fernhill", 0, 0, 2700, lines_b, 1 },
};
static const struct payment_checkout checkout = {
	.reference = "REF123", .email = "ada@example.com", .currency = "USD", .total = 9800 + 2700,
	.orders = orders, .norders = 2, .return_url = "https://shop.example/checkout/return/REF123",
	.cancel_url = "https://shop.example/checkout/return/REF123?cancelled=1",
	.webhook_url = "https://shop.example/webhooks/payment/stripe", .expires_at = 1765003600,
};

static bool has(const char *form, const char *pair)
{
	size_t n = strlen(pair);
	for (const char *s = form; (s = strstr(s, pair)); s++)
		if ((s == form || s[-1] == '&') && (s[n] == '&' || s[n] == '\0'))
			return true;
	return false;
}

START_TEST(test_stripe_session_form_has_every_line_shipping_tax_and_the_reference)
{
	struct arena *a = arena_new(16384);
	const char *f = pay_stripe_session_form(a, &checkout);
	ck_assert(has(f, "mode=payment"));
	ck_assert(has(f, "client_reference_id=REF123"));
	ck_assert(has(f, "customer_email=ada%40example.com"));
	ck_assert(has(f, "success_url=https%3A%2F%2Fshop.example%2Fcheckout%2Freturn%2FREF123%3Fsession_id%3D%7BCHECKOUT_SESSION_ID%7D"));
	ck_assert(has(f, "cancel_url=https%3A%2F%2Fshop.example%2Fcheckout%2Freturn%2FREF123%3Fcancelled%3D1"));
	ck_assert(has(f, "expires_at=1765003600"));
	ck_assert(has(f, "metadata%5Bcheckout%5D=REF123"));
	ck_assert(has(f, "metadata%5Borders%5D=ORDERA%2CORDERB"));
	ck_assert(has(f, "line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=usd"));
	ck_assert(has(f, "line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=3400"));
	ck_assert(has(f, "line_items%5B0%5D%5Bprice_data%5D%5Bproduct_data%5D%5Bname%5D=Task%20lamp%20%28Black%29"));
	ck_assert(has(f, "line_items%5B0%5D%5Bquantity%5D=2"));
	ck_assert(has(f, "line_items%5B2%5D%5Bprice_data%5D%5Bproduct_data%5D%5Bname%5D=Shipping%20%28Northwind%29"));
	ck_assert(has(f, "line_items%5B3%5D%5Bprice_data%5D%5Bunit_amount%5D=700"));
	ck_assert(has(f, "line_items%5B4%5D%5Bprice_data%5D%5Bunit_amount%5D=900"));
	/* no shipping or tax lines of 0 (Fernhill's): five items in all */
	ck_assert_ptr_null(strstr(f, "line_items%5B5%5D"));
	arena_free(a);
}
END_TEST

START_TEST(test_stripe_session_form_over_100_items_goes_as_one_line_per_order)
{
	struct arena *a = arena_new(1 << 20);
	struct payment_line many[120];
	for (int i = 0; i < 120; i++)
		many[i] = (struct payment_line){ "Thing", 100, 1 };
	struct payment_order o = { "BIG", "Northwind", 0, 0, 12000, many, 120 };
	struct payment_checkout c = checkout;
	c.orders = &o;
	c.norders = 1;
	const char *f = pay_stripe_session_form(a, &c);
	ck_assert(has(f, "line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=12000"));
	ck_assert(has(f, "line_items%5B0%5D%5Bprice_data%5D%5Bproduct_data%5D%5Bname%5D=Order%20BIG%20from%20Northwind"));
	ck_assert_ptr_null(strstr(f, "line_items%5B1%5D"));
	arena_free(a);
}
END_TEST

/* ---- a fake transport ---- */

struct fake {
	int status;
	const char *body;
	struct outcall_req seen;
	int calls;
};

static void fake_call(void *ctx, struct arena *a, const struct outcall_req *req, struct outcall_res *res)
{
	struct fake *f = ctx;
	f->seen = *req;
	f->calls++;
	res->status = f->status;
	res->body = f->body ? f->body : "";
	res->body_len = strlen(res->body);
	snprintf(res->error, sizeof res->error, "%s", f->status ? "" : "http://api.example:443: Timeout was reached");
}

static const char *header(const struct outcall_req *q, const char *prefix)
{
	for (size_t i = 0; i < OUTCALL_MAX_HEADERS && q->headers[i]; i++)
		if (strncmp(q->headers[i], prefix, strlen(prefix)) == 0)
			return q->headers[i] + strlen(prefix);
	return NULL;
}

static void load_keys(void)
{
	pay_fake_config("stripe_secret_key = sk_test_unit\nstripe_webhook_secret = " SECRET "\n"
			"stripe_api_base = https://api.stripe.test\nbase_url = https://shop.example\n");
}

START_TEST(test_stripe_start_posts_the_session_and_reads_its_url)
{
	load_keys();
	struct arena *a = arena_new(65536);
	struct fake f = { .status = 200, .body = "{\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"url\":\"https://checkout.stripe.test/c/pay/cs_test_1\"}" };
	struct payment_http http = { fake_call, &f };
	struct payment_started out;
	ck_assert(pay_stripe.ready());
	ck_assert_int_eq(pay_stripe.start(&http, a, &checkout, &out), PAYMENT_OK);
	ck_assert_str_eq(out.session_id, "cs_test_1");
	ck_assert_str_eq(out.url, "https://checkout.stripe.test/c/pay/cs_test_1");
	ck_assert_str_eq(f.seen.method, "POST");
	ck_assert_str_eq(f.seen.url, "https://api.stripe.test/v1/checkout/sessions");
	ck_assert_str_eq(f.seen.user, "sk_test_unit");
	ck_assert_str_eq(header(&f.seen, "Idempotency-Key: "), "crowdcart-session-REF123");
	ck_assert_str_eq(header(&f.seen, "Content-Type: "), "application/x-www-form-urlencoded");
	/* refused, in Stripe's words; a bad key in crowdcart's, never echoing it */
	f = (struct fake){ .status = 400, .body = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid currency: usx\"}}" };
	ck_assert_int_eq(pay_stripe.start(&http, a, &checkout, &out), PAYMENT_REFUSED);
	ck_assert_ptr_nonnull(strstr(out.message, "Invalid currency: usx"));
	f = (struct fake){ .status = 401, .body = "{\"error\":{\"message\":\"Invalid API Key provided: sk_test_unit\"}}" };
	ck_assert_int_eq(pay_stripe.start(&http, a, &checkout, &out), PAYMENT_REFUSED);
	ck_assert_ptr_null(strstr(out.message, "sk_test_unit"));
	/* down: no answer, 5xx, or an answer without a session */
	f = (struct fake){ .status = 0, .body = NULL };
	ck_assert_int_eq(pay_stripe.start(&http, a, &checkout, &out), PAYMENT_DOWN);
	f = (struct fake){ .status = 503, .body = "{}" };
	ck_assert_int_eq(pay_stripe.start(&http, a, &checkout, &out), PAYMENT_DOWN);
	f = (struct fake){ .status = 200, .body = "{\"id\":\"cs_1\",\"url\":\"javascript:alert(1)\"}" };
	ck_assert_int_eq(pay_stripe.start(&http, a, &checkout, &out), PAYMENT_DOWN);
	arena_free(a);
}
END_TEST

START_TEST(test_stripe_fetch_reads_the_session_state)
{
	load_keys();
	struct arena *a = arena_new(65536);
	struct fake f = { .status = 200, .body = "{\"id\":\"cs_1\",\"status\":\"complete\",\"payment_status\":\"paid\","
			  "\"payment_intent\":\"pi_123\",\"amount_total\":12500,\"currency\":\"usd\"}" };
	struct payment_http http = { fake_call, &f };
	struct payment_status st;
	ck_assert_int_eq(pay_stripe.fetch(&http, a, "cs_1", &st), PAYMENT_OK);
	ck_assert_int_eq(st.state, PAYMENT_PAID);
	ck_assert_str_eq(st.payment_id, "pi_123");
	ck_assert_int_eq(st.amount, 12500);
	ck_assert_str_eq(st.currency, "USD");
	ck_assert_str_eq(f.seen.method, "GET");
	ck_assert_str_eq(f.seen.url, "https://api.stripe.test/v1/checkout/sessions/cs_1");
	ck_assert_ptr_null(header(&f.seen, "Idempotency-Key: "));
	f.body = "{\"id\":\"cs_1\",\"status\":\"complete\",\"payment_status\":\"unpaid\",\"payment_intent\":\"pi_1\"}";
	ck_assert_int_eq(pay_stripe.fetch(&http, a, "cs_1", &st), PAYMENT_OK);
	ck_assert_int_eq(st.state, PAYMENT_PENDING);
	f.body = "{\"id\":\"cs_1\",\"status\":\"expired\",\"payment_status\":\"unpaid\",\"payment_intent\":null}";
	ck_assert_int_eq(pay_stripe.fetch(&http, a, "cs_1", &st), PAYMENT_OK);
	ck_assert_int_eq(st.state, PAYMENT_FAILED);
	/* an expanded payment_intent object, JPY */
	f.body = "{\"status\":\"complete\",\"payment_status\":\"paid\",\"payment_intent\":{\"id\":\"pi_9\"},"
		 "\"amount_total\":4950,\"currency\":\"jpy\"}";
	ck_assert_int_eq(pay_stripe.fetch(&http, a, "cs_1", &st), PAYMENT_OK);
	ck_assert_str_eq(st.payment_id, "pi_9");
	ck_assert_str_eq(st.currency, "JPY");
	/* "paid" without what it takes to refund or check it is unreadable, not paid */
	f.body = "{\"status\":\"complete\",\"payment_status\":\"paid\"}";
	ck_assert_int_eq(pay_stripe.fetch(&http, a, "cs_1", &st), PAYMENT_DOWN);
	/* an id that is not Stripe's never reaches a URL */
	f.calls = 0;
	ck_assert_int_eq(pay_stripe.fetch(&http, a, "../v1/refunds", &st), PAYMENT_REFUSED);
	ck_assert_int_eq(f.calls, 0);
	arena_free(a);
}
END_TEST

START_TEST(test_stripe_cancel_expires_the_session)
{
	load_keys();
	struct arena *a = arena_new(65536);
	struct fake f = { .status = 200, .body = "{\"id\":\"cs_1\",\"status\":\"expired\"}" };
	struct payment_http http = { fake_call, &f };
	const char *why;
	ck_assert_int_eq(pay_stripe.cancel(&http, a, "cs_1", &why), PAYMENT_OK);
	ck_assert_str_eq(f.seen.method, "POST");
	ck_assert_str_eq(f.seen.url, "https://api.stripe.test/v1/checkout/sessions/cs_1/expire");
	ck_assert_str_eq(header(&f.seen, "Idempotency-Key: "), "crowdcart-expire-cs_1");
	/* a completed session cannot be expired: Stripe says so, and the caller reads it again */
	f = (struct fake){ .status = 400, .body = "{\"error\":{\"message\":\"Only Checkout Sessions with a status in [\\\"open\\\"] can be expired.\"}}" };
	ck_assert_int_eq(pay_stripe.cancel(&http, a, "cs_1", &why), PAYMENT_REFUSED);
	ck_assert_ptr_nonnull(strstr(why, "can be expired"));
	f.calls = 0;
	ck_assert_int_eq(pay_stripe.cancel(&http, a, "cs_1/../x", &why), PAYMENT_REFUSED);
	ck_assert_int_eq(f.calls, 0);
	arena_free(a);
}
END_TEST

START_TEST(test_stripe_refund_sends_intent_amount_and_key)
{
	load_keys();
	struct arena *a = arena_new(65536);
	struct fake f = { .status = 200, .body = "{\"id\":\"re_1\",\"object\":\"refund\",\"status\":\"succeeded\",\"amount\":500}" };
	struct payment_http http = { fake_call, &f };
	struct payment_refund rq = { .payment_id = "pi_123", .amount = 500, .currency = "USD",
				     .idempotency_key = "crowdcart-refund-abc" };
	struct payment_refunded out;
	ck_assert_int_eq(pay_stripe.refund(&http, a, &rq, &out), PAYMENT_OK);
	ck_assert_str_eq(out.refund_id, "re_1");
	ck_assert_str_eq(f.seen.url, "https://api.stripe.test/v1/refunds");
	ck_assert_str_eq(f.seen.body, "payment_intent=pi_123&amount=500");
	ck_assert_str_eq(header(&f.seen, "Idempotency-Key: "), "crowdcart-refund-abc");
	f = (struct fake){ .status = 400, .body = "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"charge_disputed\","
			   "\"message\":\"Charge ch_1 has been charged back; cannot issue a refund.\"}}" };
	ck_assert_int_eq(pay_stripe.refund(&http, a, &rq, &out), PAYMENT_REFUSED);
	ck_assert_ptr_nonnull(strstr(out.message, "charged back"));
	f = (struct fake){ .status = 200, .body = "{\"id\":\"re_2\",\"status\":\"failed\"}" };
	ck_assert_int_eq(pay_stripe.refund(&http, a, &rq, &out), PAYMENT_REFUSED);
	f = (struct fake){ .status = 0, .body = NULL };
	ck_assert_int_eq(pay_stripe.refund(&http, a, &rq, &out), PAYMENT_DOWN);
	arena_free(a);
}
END_TEST

static const char *test_header_value;
static const char *test_header(void *ctx, const char *name)
{
	return strcmp(name, "Stripe-Signature") == 0 ? test_header_value : NULL;
}

static enum payment_outcome hook(struct arena *a, const char *body, struct payment_events *out)
{
	long long now = (long long)time(NULL);
	test_header_value = arena_printf(a, "t=%lld,v1=%s", now, sign(a, SECRET, now, body));
	struct payment_webhook_in in = { body, strlen(body), test_header, NULL, now };
	struct fake f = { .status = 0 };
	struct payment_http http = { fake_call, &f };
	enum payment_outcome o = pay_stripe.webhook(&http, a, &in, out);
	ck_assert_int_eq(f.calls, 0);	/* Stripe's notices are verified without a call */
	return o;
}

START_TEST(test_stripe_webhook_lists_the_sessions_to_settle)
{
	load_keys();
	struct arena *a = arena_new(65536);
	struct payment_events ev;
	ck_assert_int_eq(hook(a, "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"id\":\"cs_1\","
			       "\"status\":\"complete\",\"payment_status\":\"paid\",\"payment_intent\":\"pi_1\",\"amount_total\":700,"
			       "\"currency\":\"eur\"}}}", &ev), PAYMENT_OK);
	ck_assert_uint_eq(ev.n, 1);
	ck_assert_str_eq(ev.ev[0].event_id, "evt_1");
	ck_assert_str_eq(ev.ev[0].session_id, "cs_1");
	ck_assert(ev.ev[0].has_state);
	ck_assert_int_eq(ev.ev[0].status.state, PAYMENT_PAID);
	ck_assert_str_eq(ev.ev[0].status.currency, "EUR");
	/* completed but a bank debit still confirming: pending */
	ck_assert_int_eq(hook(a, "{\"id\":\"evt_2\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"id\":\"cs_1\","
			       "\"status\":\"complete\",\"payment_status\":\"unpaid\"}}}", &ev), PAYMENT_OK);
	ck_assert_int_eq(ev.ev[0].status.state, PAYMENT_PENDING);
	ck_assert_int_eq(hook(a, "{\"id\":\"evt_3\",\"type\":\"checkout.session.async_payment_failed\",\"data\":{\"object\":{\"id\":\"cs_1\"}}}",
			      &ev), PAYMENT_OK);
	ck_assert_int_eq(ev.ev[0].status.state, PAYMENT_FAILED);
	/* an expiry is read back from the session before anything fails */
	ck_assert_int_eq(hook(a, "{\"id\":\"evt_4\",\"type\":\"checkout.session.expired\",\"data\":{\"object\":{\"id\":\"cs_1\"}}}",
			      &ev), PAYMENT_OK);
	ck_assert_uint_eq(ev.n, 1);
	ck_assert(!ev.ev[0].has_state);
	ck_assert_str_eq(ev.ev[0].session_id, "cs_1");
	/* events crowdcart does not act on are acknowledged with nothing to settle */
	ck_assert_int_eq(hook(a, "{\"id\":\"evt_5\",\"type\":\"charge.succeeded\",\"data\":{\"object\":{\"id\":\"ch_1\"}}}", &ev), PAYMENT_OK);
	ck_assert_uint_eq(ev.n, 0);
	/* verified but not an event */
	ck_assert_int_eq(hook(a, "[1,2]", &ev), PAYMENT_REFUSED);
	ck_assert_int_eq(hook(a, "{\"type\":\"checkout.session.expired\",\"data\":{\"object\":{\"id\":\"cs_1\"}}}", &ev), PAYMENT_REFUSED);
	/* a bad signature */
	test_header_value = "t=1,v1=00";
	struct payment_webhook_in in = { "{}", 2, test_header, NULL, (long long)time(NULL) };
	struct fake f = { .status = 0 };
	struct payment_http http = { fake_call, &f };
	ck_assert_int_eq(pay_stripe.webhook(&http, a, &in, &ev), PAYMENT_REFUSED);
	arena_free(a);
}
END_TEST

START_TEST(test_outbound_refuses_private_addresses_and_keeps_secrets_out_of_errors)
{
	struct arena *a = arena_new(16384);
	struct outbound_policy none = { .allow = "" };
	struct outcall_req q = { .method = "POST", .url = "http://127.0.0.1:9/v1/refunds?key=sk_live_secret", .body = "x=1",
				 .body_len = 3, .user = "sk_live_secret", .password = "", .timeout_ms = 500 };
	struct outcall_res r;
	outbound_call(&none, a, &q, &r);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.error, "blocked address 127.0.0.1 (loopback)"));
	ck_assert_ptr_null(strstr(r.error, "sk_live"));
	ck_assert_ptr_null(strstr(r.error, "/v1/"));
	/* every IPv4 spelling of loopback is loopback */
	q.url = "http://2130706433:9/";
	outbound_call(&none, a, &q, &r);
	ck_assert_ptr_nonnull(strstr(r.error, "blocked"));
	q.url = "http://[::ffff:127.0.0.1]:9/";
	outbound_call(&none, a, &q, &r);
	ck_assert_ptr_nonnull(strstr(r.error, "blocked"));
	/* allowed, nothing listens on port 9: no answer, and still no secret in the reason */
	struct outbound_policy loop = { .allow = "127.0.0.0/8" };
	q.url = "http://127.0.0.1:9/v1/refunds";
	outbound_call(&loop, a, &q, &r);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_null(strstr(r.error, "blocked"));
	ck_assert_ptr_null(strstr(r.error, "sk_live"));
	/* only http and https */
	q.url = "file:///etc/passwd";
	outbound_call(&loop, a, &q, &r);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.error, "not an http(s) URL");
	arena_free(a);
}
END_TEST

START_TEST(test_stripe_is_offered_only_when_listed_and_configured)
{
	const struct payment_provider *ch[PAYMENT_MAX_PROVIDERS];
	pay_fake_config("payment_providers = stripe,offline\n");
	ck_assert(!payments_offered("stripe"));	/* listed, but no keys */
	ck_assert_uint_eq(payments_choices(ch), 1);
	ck_assert_str_eq(ch[0]->name, "offline");
	pay_fake_config("stripe_secret_key = sk_test_x\nstripe_webhook_secret = whsec_x\n");
	ck_assert(!payments_offered("stripe"));	/* no base_url for the return and webhook URLs */
	pay_fake_config("base_url = https://shop.example/\n");
	ck_assert(payments_offered("stripe"));
	ck_assert_uint_eq(payments_choices(ch), 2);
	ck_assert_str_eq(ch[0]->name, "stripe");
	ck_assert_str_eq(payments_base_url(), "https://shop.example");
	pay_fake_config("payment_providers = offline\n");	/* configured, not listed */
	ck_assert(!payments_offered("stripe"));
	pay_fake_config("payment_providers = stripe\nbase_url = javascript:alert(1)\n");
	ck_assert_ptr_null(payments_base_url());
	ck_assert(!payments_offered("stripe"));
	ck_assert_int_eq(payments_hold_minutes(), 30);
	pay_fake_config("payment_hold_minutes = 2\n");	/* out of range: the default, with a warning */
	ck_assert_int_eq(payments_hold_minutes(), 30);
	pay_fake_config("payment_hold_minutes = 45\n");
	ck_assert_int_eq(payments_hold_minutes(), 45);
}
END_TEST

Suite *payment_stripe_suite(void)
{
	Suite *s = suite_create("payment_stripe");
	TCase *tc = tcase_create("stripe");
	tcase_add_test(tc, test_stripe_signature_accepts_exactly_what_stripe_signs);
	tcase_add_test(tc, test_form_encoding_escapes_everything_but_unreserved);
	tcase_add_test(tc, test_stripe_session_form_has_every_line_shipping_tax_and_the_reference);
	tcase_add_test(tc, test_stripe_session_form_over_100_items_goes_as_one_line_per_order);
	tcase_add_test(tc, test_stripe_start_posts_the_session_and_reads_its_url);
	tcase_add_test(tc, test_stripe_fetch_reads_the_session_state);
	tcase_add_test(tc, test_stripe_refund_sends_intent_amount_and_key);
	tcase_add_test(tc, test_stripe_cancel_expires_the_session);
	tcase_add_test(tc, test_stripe_webhook_lists_the_sessions_to_settle);
	tcase_add_test(tc, test_outbound_refuses_private_addresses_and_keeps_secrets_out_of_errors);
	tcase_add_test(tc, test_stripe_is_offered_only_when_listed_and_configured);
	suite_add_tcase(s, tc);
	return s;
}
