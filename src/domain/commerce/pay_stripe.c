/* pay_stripe.c: the Stripe provider (https://docs.stripe.com/api/checkout/sessions,
 * /api/refunds, /webhooks#verify-manually). Everything crowdcart trusts comes either from an
 * answer to its own authenticated call or from an event whose signature checked out. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <sodium.h>
#include "lib/buf.h"
#include "lib/config.h"
#include "domain/commerce/pay_error.h"
#include "domain/commerce/pay_form.h"
#include "domain/commerce/pay_stripe.h"

/* Stripe takes at most 100 line items per session; a bigger checkout goes as one line per order. */
#define STRIPE_MAX_ITEMS 100

static const char *api_base(void)
{
	return config_str("stripe_api_base", "https://api.stripe.com");
}

static const char *secret_key(void)
{
	return config_str("stripe_secret_key", "");
}

/* Keys, and a base_url the return and webhook URLs can be made of (payments_base_url checks it
 * in full when they are). */
static bool stripe_ready(void)
{
	const char *base = config_str("base_url", "");
	return *secret_key() && *config_str("stripe_webhook_secret", "") &&
	       (strncmp(base, "https://", 8) == 0 || strncmp(base, "http://", 7) == 0);
}

/* ---- Stripe-Signature ---- */

enum pay_stripe_sig pay_stripe_verify(const char *header, const char *body, size_t len, const char *secret,
				      long long now)
{
	if (!header || !secret || !*secret || strlen(header) > 2048)
		return PAY_STRIPE_SIG_MALFORMED;
	long long t = -1;
	const char *v1[8];
	size_t v1len[8], nv1 = 0;
	for (const char *s = header; *s;) {
		size_t n = strcspn(s, ",");
		while (n && s[0] == ' ')
			s++, n--;
		if (n > 2 && strncmp(s, "t=", 2) == 0) {
			long long v = 0;
			size_t i = 2;
			for (; i < n && isdigit((unsigned char)s[i]) && v < 100000000000LL; i++)
				v = v * 10 + (s[i] - '0');
			if (i != n || t != -1)
				return PAY_STRIPE_SIG_MALFORMED;
			t = v;
		} else if (n > 3 && strncmp(s, "v1=", 3) == 0 && nv1 < sizeof v1 / sizeof *v1) {
			v1[nv1] = s + 3;
			v1len[nv1++] = n - 3;
		}
		s += n;
		if (*s == ',')
			s++;
	}
	if (t < 0 || nv1 == 0)
		return PAY_STRIPE_SIG_MALFORMED;
	if (now - t > PAY_STRIPE_TOLERANCE || t - now > PAY_STRIPE_TOLERANCE)
		return PAY_STRIPE_SIG_STALE;
	uint8_t want[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	char ts[24];
	int tn = snprintf(ts, sizeof ts, "%lld.", t);
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts, (size_t)tn);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&st, want);
	bool ok = false;
	for (size_t i = 0; i < nv1; i++) {
		uint8_t got[sizeof want];
		size_t bin;
		/* every candidate is compared, so the time taken does not say which one matched */
		if (v1len[i] == 2 * sizeof got &&
		    sodium_hex2bin(got, sizeof got, v1[i], v1len[i], NULL, &bin, NULL) == 0 && bin == sizeof got)
			ok |= sodium_memcmp(want, got, sizeof want) == 0;
	}
	return ok ? PAY_STRIPE_SIG_OK : PAY_STRIPE_SIG_MISMATCH;
}

/* ---- the session ---- */

static const char *lower(struct arena *a, const char *s)
{
	char *o = arena_strdup(a, s);
	for (char *p = o; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return o;
}

static void item(struct buf *b, struct arena *a, size_t i, const char *cur, const char *name, long long unit,
		 long long qty)
{
	pay_form_add(b, arena_printf(a, "line_items[%zu][price_data][currency]", i), cur);
	pay_form_add_int(b, arena_printf(a, "line_items[%zu][price_data][unit_amount]", i), unit);
	pay_form_add(b, arena_printf(a, "line_items[%zu][price_data][product_data][name]", i), name);
	pay_form_add_int(b, arena_printf(a, "line_items[%zu][quantity]", i), qty);
}

const char *pay_stripe_session_form(struct arena *a, const struct payment_checkout *c)
{
	struct buf b;
	buf_init(&b, a, 2048);
	const char *cur = lower(a, c->currency);
	pay_form_add(&b, "mode", "payment");
	pay_form_add(&b, "client_reference_id", c->reference);
	pay_form_add(&b, "customer_email", c->email);
	pay_form_add(&b, "success_url", arena_printf(a, "%s%csession_id={CHECKOUT_SESSION_ID}", c->return_url,
						       strchr(c->return_url, '?') ? '&' : '?'));
	pay_form_add(&b, "cancel_url", c->cancel_url);
	pay_form_add_int(&b, "expires_at", c->expires_at);
	pay_form_add(&b, "metadata[checkout]", c->reference);
	struct buf numbers;
	buf_init(&numbers, a, 64);
	size_t items = 0;
	for (size_t k = 0; k < c->norders; k++) {
		const struct payment_order *o = &c->orders[k];
		buf_printf(&numbers, "%s%s", k ? "," : "", o->number);
		items += o->nlines + (o->shipping > 0) + (o->tax > 0);
	}
	pay_form_add(&b, "metadata[orders]", buf_cstr(&numbers));
	pay_form_add(&b, "payment_intent_data[metadata][checkout]", c->reference);
	size_t i = 0;
	for (size_t k = 0; k < c->norders; k++) {
		const struct payment_order *o = &c->orders[k];
		if (items > STRIPE_MAX_ITEMS) {
			item(&b, a, i++, cur, arena_printf(a, "Order %s from %s", o->number, o->brand), o->total, 1);
			continue;
		}
		for (size_t j = 0; j < o->nlines; j++)
			item(&b, a, i++, cur, o->lines[j].title, o->lines[j].unit_price, o->lines[j].quantity);
		if (o->shipping > 0)
			item(&b, a, i++, cur, arena_printf(a, "Shipping (%s)", o->brand), o->shipping, 1);
		if (o->tax > 0)
			item(&b, a, i++, cur, arena_printf(a, "Tax (%s)", o->brand), o->tax, 1);
	}
	return buf_cstr(&b);
}

/* ---- calls ---- */

/* Stripe's ids are letters, digits and '_'; anything else never goes into a URL. */
static bool id_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n > 0 && n <= 255 && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == n;
}

static const char *str_or(json_t *o, const char *key, const char *def)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : def;
}

/* The outcome of an answer that is not a 2xx: 4xx is Stripe refusing (its message, which names
 * no key: an invalid key is reported in crowdcart's words), anything else is down. */
static enum payment_outcome failed(struct arena *a, const struct outcall_res *res, const char **message)
{
	enum payment_outcome o;
	if (pay_error_common(a, res, "Stripe", "secret key (stripe_secret_key)", &o, message))
		return o;
	json_t *j = json_loadb(res->body, res->body_len, 0, NULL);
	const char *m = str_or(json_object_get(j, "error"), "message", NULL);
	*message = arena_printf(a, "Stripe refused: %.300s", m ? m : "no reason given");
	json_decref(j);
	return PAYMENT_REFUSED;
}

static void call(const struct payment_http *http, struct arena *a, const char *method, const char *url,
		 const char *body, const char *idem, struct outcall_res *res)
{
	struct outcall_req rq = { .method = method, .url = url, .user = secret_key(), .password = "" };
	size_t h = 0;
	rq.headers[h++] = "Accept: application/json";
	if (body) {
		rq.body = body;
		rq.body_len = strlen(body);
		rq.headers[h++] = "Content-Type: application/x-www-form-urlencoded";
	}
	if (idem)
		rq.headers[h++] = arena_printf(a, "Idempotency-Key: %s", idem);
	http->call(http->ctx, a, &rq, res);
}

static enum payment_outcome stripe_start(const struct payment_http *http, struct arena *a,
					 const struct payment_checkout *c, struct payment_started *out)
{
	out->session_id = out->url = out->message = NULL;
	struct outcall_res res;
	call(http, a, "POST", arena_printf(a, "%s/v1/checkout/sessions", api_base()), pay_stripe_session_form(a, c),
	     arena_printf(a, "crowdcart-session-%s", c->reference), &res);
	if (res.status < 200 || res.status > 299)
		return failed(a, &res, &out->message);
	json_t *j = json_loadb(res.body, res.body_len, 0, NULL);
	const char *id = str_or(j, "id", NULL), *url = str_or(j, "url", NULL);
	enum payment_outcome o = PAYMENT_DOWN;
	if (id_ok(id) && url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0)) {
		out->session_id = arena_strdup(a, id);
		out->url = arena_strdup(a, url);
		o = PAYMENT_OK;
	} else {
		out->message = "Stripe's answer had no session id or URL";
	}
	json_decref(j);
	return o;
}

/* A Checkout Session object (an answer, or an event's data.object) as a payment state. */
static bool session_status(struct arena *a, json_t *s, struct payment_status *out)
{
	const char *status = str_or(s, "status", ""), *paid = str_or(s, "payment_status", "");
	json_t *pi = json_object_get(s, "payment_intent");
	const char *intent = json_is_object(pi) ? str_or(pi, "id", NULL) : json_string_value(pi);
	const char *cur = str_or(s, "currency", "");
	json_t *amount = json_object_get(s, "amount_total");
	out->payment_id = NULL;
	out->amount = 0;
	out->currency[0] = '\0';
	if (strcmp(paid, "paid") == 0) {
		if (!id_ok(intent) || strlen(cur) != 3 || !json_is_integer(amount))
			return false;
		out->state = PAYMENT_PAID;
		out->payment_id = arena_strdup(a, intent);
		out->amount = json_integer_value(amount);
		for (int i = 0; i < 3; i++)
			out->currency[i] = (char)toupper((unsigned char)cur[i]);
		out->currency[3] = '\0';
	} else if (strcmp(status, "expired") == 0) {
		out->state = PAYMENT_FAILED;
	} else {
		out->state = PAYMENT_PENDING;	/* open, or complete while a bank debit is confirming */
	}
	return true;
}

static enum payment_outcome stripe_fetch(const struct payment_http *http, struct arena *a, const char *session_id,
					 struct payment_status *out)
{
	out->message = NULL;
	if (!id_ok(session_id)) {
		out->message = "not a Stripe session id";
		return PAYMENT_REFUSED;
	}
	struct outcall_res res;
	call(http, a, "GET", arena_printf(a, "%s/v1/checkout/sessions/%s", api_base(), session_id), NULL, NULL, &res);
	if (res.status < 200 || res.status > 299)
		return failed(a, &res, &out->message);
	json_t *j = json_loadb(res.body, res.body_len, 0, NULL);
	bool ok = json_is_object(j) && session_status(a, j, out);
	json_decref(j);
	if (!ok)
		out->message = "Stripe's session answer could not be read";
	return ok ? PAYMENT_OK : PAYMENT_DOWN;
}

static enum payment_outcome stripe_refund(const struct payment_http *http, struct arena *a,
					  const struct payment_refund *rq, struct payment_refunded *out)
{
	out->refund_id = out->message = NULL;
	if (!id_ok(rq->payment_id)) {
		out->message = "the order has no Stripe payment to refund";
		return PAYMENT_REFUSED;
	}
	struct buf b;
	buf_init(&b, a, 128);
	pay_form_add(&b, "payment_intent", rq->payment_id);
	pay_form_add_int(&b, "amount", rq->amount);
	struct outcall_res res;
	call(http, a, "POST", arena_printf(a, "%s/v1/refunds", api_base()), buf_cstr(&b), rq->idempotency_key, &res);
	if (res.status < 200 || res.status > 299)
		return failed(a, &res, &out->message);
	json_t *j = json_loadb(res.body, res.body_len, 0, NULL);
	const char *id = str_or(j, "id", NULL), *status = str_or(j, "status", "");
	enum payment_outcome o = PAYMENT_OK;
	if (!id_ok(id)) {
		o = PAYMENT_DOWN;
		out->message = "Stripe's refund answer had no id";
	} else if (strcmp(status, "failed") == 0 || strcmp(status, "canceled") == 0) {
		o = PAYMENT_REFUSED;
		out->message = arena_printf(a, "Stripe refused the refund (status %s)", status);
	} else {
		out->refund_id = arena_strdup(a, id);
	}
	json_decref(j);
	return o;
}

/* POST /v1/checkout/sessions/{id}/expire: an open session stops taking payments. */
static enum payment_outcome stripe_cancel(const struct payment_http *http, struct arena *a, const char *session_id,
					  const char **message)
{
	*message = NULL;
	if (!id_ok(session_id)) {
		*message = "not a Stripe session id";
		return PAYMENT_REFUSED;
	}
	struct outcall_res res;
	call(http, a, "POST", arena_printf(a, "%s/v1/checkout/sessions/%s/expire", api_base(), session_id), "",
	     arena_printf(a, "crowdcart-expire-%s", session_id), &res);
	return res.status >= 200 && res.status <= 299 ? PAYMENT_OK : failed(a, &res, message);
}

/* ---- webhook ---- */

static enum payment_outcome stripe_webhook(const struct payment_http *http, struct arena *a,
					   const struct payment_webhook_in *in, struct payment_events *out)
{
	out->ev = NULL;
	out->n = 0;
	out->message = NULL;
	const char *sig = in->header(in->header_ctx, "Stripe-Signature");
	switch (pay_stripe_verify(sig, in->body, in->len, config_str("stripe_webhook_secret", ""), in->now)) {
	case PAY_STRIPE_SIG_OK:
		break;
	case PAY_STRIPE_SIG_STALE:
		out->message = "the Stripe-Signature timestamp is too old or in the future";
		return PAYMENT_REFUSED;
	case PAY_STRIPE_SIG_MISMATCH:
		out->message = "no v1 signature matches";
		return PAYMENT_REFUSED;
	default:
		out->message = "no valid Stripe-Signature header";
		return PAYMENT_REFUSED;
	}
	json_t *j = json_loadb(in->body, in->len, 0, NULL);
	const char *id = str_or(j, "id", NULL), *type = str_or(j, "type", "");
	json_t *s = json_object_get(json_object_get(j, "data"), "object");
	const char *session = str_or(s, "id", NULL);
	enum payment_outcome o = PAYMENT_OK;
	if (!id || !*id || strlen(id) > 255 || !json_is_object(s)) {
		out->message = "the event has no id or object";
		o = PAYMENT_REFUSED;
	} else if (strncmp(type, "checkout.session.", 17) == 0 && id_ok(session)) {
		struct payment_event *e = arena_zalloc(a, sizeof *e);
		e->event_id = arena_strdup(a, id);
		e->session_id = arena_strdup(a, session);
		e->has_state = true;
		bool known = true;
		if (strcmp(type, "checkout.session.completed") == 0 ||
		    strcmp(type, "checkout.session.async_payment_succeeded") == 0)
			known = session_status(a, s, &e->status);
		else if (strcmp(type, "checkout.session.async_payment_failed") == 0)
			e->status.state = PAYMENT_FAILED;
		else if (strcmp(type, "checkout.session.expired") == 0)
			/* An expiry read back from the session: an old or reordered one must not fail a
			 * session that was paid meanwhile, even for a moment. */
			e->has_state = false;
		else
			known = false;
		if (known) {
			out->ev = e;
			out->n = 1;
		}
	}
	json_decref(j);
	return o;
}

const struct payment_provider pay_stripe = {
	.name = "stripe",
	.label = "Card or other methods (Stripe)",
	.kind = PAYMENT_REDIRECT,
	.ready = stripe_ready,
	.start = stripe_start,
	.fetch = stripe_fetch,
	.refund = stripe_refund,
	.webhook = stripe_webhook,
	.cancel = stripe_cancel,
};
