/* pay_paypal.c: the PayPal provider (https://developer.paypal.com/docs/api/orders/v2/,
 * /api/payments/v2/#captures_refund, /api/webhooks/v1/#verify-webhook-signature). A payment is
 * PayPal's order: approved by the buyer on PayPal, then captured by crowdcart, and paid only when
 * every capture says COMPLETED. A notice proves nothing by itself: PayPal is asked whether it sent
 * it, and then the order itself is read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>
#include "lib/config.h"
#include "lib/money.h"
#include "domain/commerce/pay_error.h"
#include "domain/commerce/pay_paypal.h"

/* PayPal's limits: purchase units per order, and the length of names and descriptions. */
#define PAYPAL_MAX_UNITS 10
#define PAYPAL_MAX_TEXT 127

static const char *api_base(void)
{
	return config_str("paypal_api_base", "https://api-m.paypal.com");
}

static bool paypal_ready(void)
{
	return *config_str("paypal_client_id", "") && *config_str("paypal_client_secret", "") &&
	       *config_str("paypal_webhook_id", "") && *config_str("base_url", "");
}

/* ---- amounts and the order body ---- */

/* PayPal's currency table; these take no decimals although ISO gives HUF and TWD two. */
static const char *const supported[] = { "AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS",
	"JPY", "MYR", "MXN", "TWD", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD", NULL };
static const char *const whole_units[] = { "HUF", "JPY", "TWD", NULL };

static bool listed(const char *const *list, const char *s)
{
	for (size_t i = 0; s && list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

bool pay_paypal_amount(char *out, size_t outlen, long long minor, const char *currency)
{
	int iso = money_exponent(currency);
	if (iso < 0 || minor < 0 || !listed(supported, currency))
		return false;
	int exp = listed(whole_units, currency) ? 0 : 2;
	for (; iso > exp; iso--) {
		if (minor % 10)
			return false;
		minor /= 10;
	}
	for (; iso < exp; iso++)
		minor *= 10;
	int n = exp ? snprintf(out, outlen, "%lld.%02lld", minor / 100, minor % 100) : snprintf(out, outlen, "%lld", minor);
	return n > 0 && (size_t)n < outlen;
}

/* s cut to at most PAYPAL_MAX_TEXT bytes, never inside a UTF-8 sequence. */
static const char *text(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	if (n <= PAYPAL_MAX_TEXT)
		return s;
	n = PAYPAL_MAX_TEXT;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return arena_strndup(a, s, n);
}

static json_t *money_json(long long minor, const char *currency, bool *ok)
{
	char v[32];
	if (!pay_paypal_amount(v, sizeof v, minor, currency)) {
		*ok = false;
		return json_null();
	}
	return json_pack("{s:s, s:s}", "currency_code", currency, "value", v);
}

static json_t *unit_json(struct arena *a, const struct payment_checkout *c, const struct payment_order *o, bool *ok)
{
	const char *cur = c->currency;
	char v[32] = "";
	if (!pay_paypal_amount(v, sizeof v, o->total, cur))
		*ok = false;
	json_t *amount = json_pack("{s:s, s:s}", "currency_code", cur, "value", v);
	json_t *unit = json_pack("{s:s, s:s, s:s, s:o}", "reference_id", o->number, "custom_id", text(a, c->reference),
				 "description", text(a, arena_printf(a, "Order %s from %s", o->number, o->brand)), "amount", amount);
	/* The breakdown and items only when they add up as PayPal checks: item_total = Σ unit × qty
	 * and value = item_total + shipping + tax_total; otherwise the total alone. */
	long long items = 0;
	for (size_t j = 0; j < o->nlines; j++)
		items += o->lines[j].unit_price * o->lines[j].quantity;
	if (items + o->shipping + o->tax != o->total)
		return unit;
	json_object_set_new(amount, "breakdown", json_pack("{s:o, s:o, s:o}", "item_total", money_json(items, cur, ok),
							   "shipping", money_json(o->shipping, cur, ok),
							   "tax_total", money_json(o->tax, cur, ok)));
	json_t *list = json_array();
	for (size_t j = 0; j < o->nlines; j++)
		json_array_append_new(list, json_pack("{s:s, s:s, s:o}", "name", text(a, o->lines[j].title), "quantity",
						      arena_printf(a, "%lld", o->lines[j].quantity), "unit_amount",
						      money_json(o->lines[j].unit_price, cur, ok)));
	json_object_set_new(unit, "items", list);
	return unit;
}

const char *pay_paypal_order_json(struct arena *a, const struct payment_checkout *c, const char **why)
{
	*why = NULL;
	if (!listed(supported, c->currency)) {
		*why = arena_printf(a, "PayPal does not take %.3s", c->currency);
		return NULL;
	}
	if (c->norders == 0 || c->norders > PAYPAL_MAX_UNITS) {
		*why = "PayPal takes 1 to 10 orders in one payment";
		return NULL;
	}
	bool ok = true;
	json_t *units = json_array();
	for (size_t k = 0; k < c->norders; k++)
		json_array_append_new(units, unit_json(a, c, &c->orders[k], &ok));
	json_t *ctx = json_pack("{s:s, s:s, s:s, s:s}", "return_url", c->return_url, "cancel_url", c->cancel_url,
				"user_action", "PAY_NOW", "shipping_preference", "NO_SHIPPING");
	json_t *paypal = json_pack("{s:o}", "experience_context", ctx);
	if (c->email && *c->email)
		json_object_set_new(paypal, "email_address", json_string(c->email));
	json_t *body = json_pack("{s:s, s:o, s:{s:o}}", "intent", "CAPTURE", "purchase_units", units, "payment_source",
				 "paypal", paypal);
	char *s = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	if (!ok || !s) {
		free(s);
		*why = arena_printf(a, "PayPal cannot take this amount in %.3s (whole units only)", c->currency);
		return NULL;
	}
	const char *out = arena_strdup(a, s);
	free(s);
	return out;
}

/* ---- calls ---- */

/* PayPal's ids (orders, captures, refunds) are letters and digits; nothing else goes into a URL. */
static bool id_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n > 0 && n <= 64 && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static const char *str_or(json_t *o, const char *key, const char *def)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : def;
}

/* The access token, kept by the worker process until PAY_PAYPAL_TOKEN_MARGIN before it expires. */
static char token[2048];
static long long token_expires;

void pay_paypal_forget_token(void)
{
	token[0] = '\0';
	token_expires = 0;
}

/* The outcome of an answer that is not a 2xx, with PayPal's words for a 4xx: its name, and the
 * first detail's issue and description. */
static enum payment_outcome failed(struct arena *a, const struct outcall_res *res, const char **message)
{
	enum payment_outcome o;
	if (pay_error_common(a, res, "PayPal", "credentials (paypal_client_id, paypal_client_secret)", &o, message))
		return o;
	json_t *j = json_loadb(res->body, res->body_len, 0, NULL);
	json_t *d = json_array_get(json_object_get(j, "details"), 0);
	*message = arena_printf(a, "PayPal refused: %.80s%s%.80s%s%.200s", str_or(j, "name", "error"), d ? " " : "",
				str_or(d, "issue", ""), d ? ": " : "", d ? str_or(d, "description", "") : str_or(j, "message", ""));
	json_decref(j);
	return PAYMENT_REFUSED;
}

static enum payment_outcome fetch_token(const struct payment_http *http, struct arena *a, const char **message)
{
	long long now = (long long)time(NULL);
	if (token[0] && now < token_expires - PAY_PAYPAL_TOKEN_MARGIN)
		return PAYMENT_OK;
	static const char form[] = "grant_type=client_credentials";
	struct outcall_req rq = { .method = "POST", .url = arena_printf(a, "%s/v1/oauth2/token", api_base()),
				  .user = config_str("paypal_client_id", ""), .password = config_str("paypal_client_secret", ""),
				  .body = form, .body_len = sizeof form - 1,
				  .headers = { "Accept: application/json", "Content-Type: application/x-www-form-urlencoded" } };
	struct outcall_res res;
	http->call(http->ctx, a, &rq, &res);
	if (res.status < 200 || res.status > 299)
		return failed(a, &res, message);
	json_t *j = json_loadb(res.body, res.body_len, 0, NULL);
	const char *t = str_or(j, "access_token", "");
	json_int_t ttl = json_integer_value(json_object_get(j, "expires_in"));
	size_t n = strlen(t);
	bool ok = n > 0 && n < sizeof token && strcspn(t, " \r\n\t") == n && ttl > 0;
	if (ok) {
		memcpy(token, t, n + 1);
		token_expires = now + ttl;
	} else {
		*message = "PayPal's token answer could not be read";
	}
	json_decref(j);
	return ok ? PAYMENT_OK : PAYMENT_DOWN;
}

/* One API call with the bearer token; a 401 means the token was withdrawn early, so it is
 * fetched again and the call made once more. */
static enum payment_outcome api(const struct payment_http *http, struct arena *a, const char *method, const char *path,
				const char *body, const char *request_id, struct outcall_res *res, const char **message)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		enum payment_outcome o = fetch_token(http, a, message);
		if (o != PAYMENT_OK)
			return o;
		struct outcall_req rq = { .method = method, .url = arena_printf(a, "%s%s", api_base(), path) };
		size_t h = 0;
		rq.headers[h++] = "Accept: application/json";
		rq.headers[h++] = arena_printf(a, "Authorization: Bearer %s", token);
		rq.headers[h++] = "Prefer: return=representation";
		if (body) {
			rq.body = body;
			rq.body_len = strlen(body);
			rq.headers[h++] = "Content-Type: application/json";
		}
		if (request_id)
			rq.headers[h++] = arena_printf(a, "PayPal-Request-Id: %s", request_id);
		http->call(http->ctx, a, &rq, res);
		if (res->status != 401)
			break;
		pay_paypal_forget_token();
	}
	if (res->status >= 200 && res->status <= 299)
		return PAYMENT_OK;
	return failed(a, res, message);
}

static const char *link_href(json_t *order, const char *rel)
{
	size_t i;
	json_t *l;
	json_array_foreach(json_object_get(order, "links"), i, l)
		if (strcmp(str_or(l, "rel", ""), rel) == 0)
			return str_or(l, "href", NULL);
	return NULL;
}

static enum payment_outcome paypal_start(const struct payment_http *http, struct arena *a,
					 const struct payment_checkout *c, struct payment_started *out)
{
	out->session_id = out->url = out->message = NULL;
	const char *body = pay_paypal_order_json(a, c, &out->message);
	if (!body)
		return PAYMENT_REFUSED;
	struct outcall_res res;
	enum payment_outcome o = api(http, a, "POST", "/v2/checkout/orders", body,
				     arena_printf(a, "crowdcart-order-%s", c->reference), &res, &out->message);
	if (o != PAYMENT_OK)
		return o;
	json_t *j = json_loadb(res.body, res.body_len, 0, NULL);
	const char *id = str_or(j, "id", NULL), *url = link_href(j, "payer-action");
	if (!url)
		url = link_href(j, "approve");
	o = PAYMENT_DOWN;
	if (id_ok(id) && url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0)) {
		out->session_id = arena_strdup(a, id);
		out->url = arena_strdup(a, url);
		o = PAYMENT_OK;
	} else {
		out->message = "PayPal's answer had no order id or approval link";
	}
	json_decref(j);
	return o;
}

/* A captured order's state: paid when every purchase unit's capture is COMPLETED (or refunded
 * since), failed when one was declined, pending otherwise (PENDING captures, e.g. in review). */
static bool captured_state(struct arena *a, json_t *order, struct payment_status *out)
{
	size_t i, k;
	json_t *u, *cap;
	long long total = 0;
	const char *cur = NULL;
	bool pending = false, failed_capture = false, any = false;
	json_array_foreach(json_object_get(order, "purchase_units"), i, u) {
		json_array_foreach(json_object_get(json_object_get(u, "payments"), "captures"), k, cap) {
			const char *st = str_or(cap, "status", "");
			json_t *amt = json_object_get(cap, "amount");
			const char *c = str_or(amt, "currency_code", "");
			long long minor;
			any = true;
			if (strcmp(st, "DECLINED") == 0 || strcmp(st, "FAILED") == 0) {
				failed_capture = true;
			} else if (strcmp(st, "COMPLETED") != 0 && strcmp(st, "PARTIALLY_REFUNDED") != 0 &&
				   strcmp(st, "REFUNDED") != 0) {
				pending = true;
			} else if (strlen(c) != 3 || (cur && strcmp(cur, c) != 0) ||
				   !money_parse(str_or(amt, "value", ""), c, &minor)) {
				return false;
			} else {
				cur = c;
				total += minor;
			}
		}
	}
	if (failed_capture) {
		out->state = PAYMENT_FAILED;
	} else if (pending || !any) {
		out->state = PAYMENT_PENDING;
	} else {
		out->state = PAYMENT_PAID;
		out->payment_id = arena_strdup(a, str_or(order, "id", ""));
		out->amount = total;
		memcpy(out->currency, cur, 4);
	}
	return true;
}

/* Reads PayPal's order; an order the buyer approved is captured here (PayPal-Request-Id makes a
 * repeated capture, from the return page and a webhook at once, one capture). */
static enum payment_outcome paypal_fetch(const struct payment_http *http, struct arena *a, const char *session_id,
					 struct payment_status *out)
{
	memset(out, 0, sizeof *out);
	if (!id_ok(session_id)) {
		out->message = "not a PayPal order id";
		return PAYMENT_REFUSED;
	}
	struct outcall_res res;
	const char *path = arena_printf(a, "/v2/checkout/orders/%s", session_id);
	enum payment_outcome o = api(http, a, "GET", path, NULL, NULL, &res, &out->message);
	if (o != PAYMENT_OK)
		return o;
	json_t *j = json_loadb(res.body, res.body_len, 0, NULL);
	const char *status = str_or(j, "status", "");
	if (strcmp(status, "APPROVED") == 0) {
		json_decref(j);
		j = NULL;
		o = api(http, a, "POST", arena_printf(a, "%s/capture", path), "{}",
			arena_printf(a, "crowdcart-capture-%s", session_id), &res, &out->message);
		if (o == PAYMENT_REFUSED && strstr(res.body, "INSTRUMENT_DECLINED")) {
			/* The buyer's card or account was declined: nothing was taken. */
			out->state = PAYMENT_FAILED;
			out->message = NULL;
			return PAYMENT_OK;
		}
		if (o == PAYMENT_REFUSED && strstr(res.body, "ORDER_ALREADY_CAPTURED"))
			o = api(http, a, "GET", path, NULL, NULL, &res, &out->message);
		if (o != PAYMENT_OK)
			return o;
		j = json_loadb(res.body, res.body_len, 0, NULL);
		status = str_or(j, "status", "");
	}
	bool ok = true;
	if (strcmp(status, "COMPLETED") == 0)
		ok = captured_state(a, j, out);
	else if (strcmp(status, "VOIDED") == 0)
		out->state = PAYMENT_FAILED;
	else if (*status)
		out->state = PAYMENT_PENDING;	/* CREATED, PAYER_ACTION_REQUIRED, SAVED: not approved yet */
	else
		ok = false;
	json_decref(j);
	if (!ok) {
		out->message = "PayPal's order answer could not be read";
		return PAYMENT_DOWN;
	}
	return PAYMENT_OK;
}

/* The capture to refund: the purchase unit of order_number; without one, the first capture with
 * enough left. PayPal does not say what is left, so that is the amount less its refunds. */
static const char *capture_for(struct arena *a, json_t *order, const char *order_number, long long amount,
			       const char *currency)
{
	size_t i, k;
	json_t *u, *cap;
	json_array_foreach(json_object_get(order, "purchase_units"), i, u) {
		if (order_number && strcmp(str_or(u, "reference_id", ""), order_number) != 0)
			continue;
		json_array_foreach(json_object_get(json_object_get(u, "payments"), "captures"), k, cap) {
			long long value = 0, refunded = 0, r;
			if (!money_parse(str_or(json_object_get(cap, "amount"), "value", ""), currency, &value))
				continue;
			size_t m;
			json_t *rf;
			json_array_foreach(json_object_get(json_object_get(u, "payments"), "refunds"), m, rf)
				if (money_parse(str_or(json_object_get(rf, "amount"), "value", ""), currency, &r))
					refunded += r;
			if (order_number || value - refunded >= amount)
				return id_ok(str_or(cap, "id", NULL)) ? arena_strdup(a, str_or(cap, "id", NULL)) : NULL;
		}
	}
	return NULL;
}

static enum payment_outcome paypal_refund(const struct payment_http *http, struct arena *a,
					  const struct payment_refund *rq, struct payment_refunded *out)
{
	out->refund_id = out->message = NULL;
	if (!id_ok(rq->payment_id)) {
		out->message = "the order has no PayPal payment to refund";
		return PAYMENT_REFUSED;
	}
	struct outcall_res res;
	enum payment_outcome o = api(http, a, "GET", arena_printf(a, "/v2/checkout/orders/%s", rq->payment_id), NULL,
				     NULL, &res, &out->message);
	if (o != PAYMENT_OK)
		return o;
	json_t *j = json_loadb(res.body, res.body_len, 0, NULL);
	const char *capture = capture_for(a, j, rq->order_number, rq->amount, rq->currency);
	json_decref(j);
	char value[32];
	if (!capture) {
		out->message = "PayPal shows no capture of this order to refund";
		return PAYMENT_REFUSED;
	}
	if (!pay_paypal_amount(value, sizeof value, rq->amount, rq->currency)) {
		out->message = arena_printf(a, "PayPal cannot refund this amount in %.3s", rq->currency);
		return PAYMENT_REFUSED;
	}
	json_t *body = json_pack("{s:{s:s, s:s}}", "amount", "value", value, "currency_code", rq->currency);
	char *s = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	o = api(http, a, "POST", arena_printf(a, "/v2/payments/captures/%s/refund", capture), arena_strdup(a, s),
		rq->idempotency_key, &res, &out->message);
	free(s);
	if (o != PAYMENT_OK)
		return o;
	j = json_loadb(res.body, res.body_len, 0, NULL);
	const char *id = str_or(j, "id", NULL), *status = str_or(j, "status", "");
	if (!id_ok(id)) {
		o = PAYMENT_DOWN;
		out->message = "PayPal's refund answer had no id";
	} else if (strcmp(status, "CANCELLED") == 0 || strcmp(status, "FAILED") == 0) {
		o = PAYMENT_REFUSED;
		out->message = arena_printf(a, "PayPal refused the refund (status %s)", status);
	} else {
		out->refund_id = arena_strdup(a, id);	/* COMPLETED, or PENDING until PayPal sends it */
	}
	json_decref(j);
	return o;
}

/* ---- webhook ---- */

/* The order a notice is about: the order itself, or the one a capture belongs to. */
static const char *order_of(json_t *ev)
{
	json_t *r = json_object_get(ev, "resource");
	const char *type = str_or(ev, "event_type", "");
	if (strncmp(type, "CHECKOUT.ORDER.", 15) == 0)
		return str_or(r, "id", NULL);
	if (strncmp(type, "PAYMENT.CAPTURE.", 16) == 0)
		return str_or(json_object_get(json_object_get(r, "supplementary_data"), "related_ids"), "order_id", NULL);
	return NULL;
}

/* Whether a JSON value nests deeper than levels: PayPal's events go a few levels down, and one
 * nested to the parser's own limit could not be sent back inside the verification call. */
static bool nests_deeper(json_t *v, int levels)
{
	if (levels < 0)
		return true;
	const char *key;
	json_t *item;
	size_t i;
	if (json_is_object(v)) {
		json_object_foreach(v, key, item)
			if (nests_deeper(item, levels - 1))
				return true;
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, item)
			if (nests_deeper(item, levels - 1))
				return true;
	}
	return false;
}

static enum payment_outcome paypal_webhook(const struct payment_http *http, struct arena *a,
					   const struct payment_webhook_in *in, struct payment_events *out)
{
	out->ev = NULL;
	out->n = 0;
	out->message = NULL;
	json_t *ev = json_loadb(in->body, in->len, 0, NULL);
	const char *names[] = { "PAYPAL-AUTH-ALGO", "PAYPAL-CERT-URL", "PAYPAL-TRANSMISSION-ID", "PAYPAL-TRANSMISSION-SIG",
				"PAYPAL-TRANSMISSION-TIME" };
	const char *keys[] = { "auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time" };
	json_t *check = json_object();
	bool complete = json_is_object(ev);
	for (size_t i = 0; i < sizeof names / sizeof *names && complete; i++) {
		const char *v = in->header(in->header_ctx, names[i]);
		complete = v && *v && strlen(v) < 2048;
		if (complete)
			json_object_set_new(check, keys[i], json_string(v));
	}
	const char *id = str_or(ev, "id", NULL), *order = order_of(ev);
	if (!complete || !id || !*id || strlen(id) > 255 || nests_deeper(ev, 64)) {
		json_decref(check);
		json_decref(ev);
		out->message = "not a PayPal notice (headers or event id missing, or nested deeper than PayPal nests)";
		return PAYMENT_REFUSED;
	}
	json_object_set_new(check, "webhook_id", json_string(config_str("paypal_webhook_id", "")));
	/* The event goes back exactly as it came: PayPal checks the signature over its own bytes. */
	json_object_set_new(check, "webhook_event", json_object());
	char *head = json_dumps(check, JSON_COMPACT);
	json_decref(check);
	size_t hn = strlen(head);
	const char *tail = "\"webhook_event\":{}}";
	size_t tn = strlen(tail);
	const char *body = hn > tn && strcmp(head + hn - tn, tail) == 0
				   ? arena_printf(a, "%.*s\"webhook_event\":%.*s}", (int)(hn - tn), head, (int)in->len, in->body)
				   : NULL;
	free(head);
	struct outcall_res res;
	enum payment_outcome o = body ? api(http, a, "POST", "/v1/notifications/verify-webhook-signature", body, NULL, &res,
					    &out->message)
				      : PAYMENT_DOWN;
	if (o == PAYMENT_OK) {
		json_t *v = json_loadb(res.body, res.body_len, 0, NULL);
		const char *status = str_or(v, "verification_status", "");
		if (strcmp(status, "SUCCESS") != 0) {
			o = strcmp(status, "FAILURE") == 0 ? PAYMENT_REFUSED : PAYMENT_DOWN;
			out->message = "PayPal did not vouch for this notice";
		}
		json_decref(v);
	} else if (o == PAYMENT_REFUSED) {
		o = PAYMENT_DOWN;	/* our verification call was refused: PayPal should send it again later */
	}
	if (o == PAYMENT_OK && id_ok(order)) {
		struct payment_event *e = arena_zalloc(a, sizeof *e);
		e->event_id = arena_strdup(a, id);
		e->session_id = arena_strdup(a, order);
		e->has_state = false;	/* crowdcart reads (and if approved, captures) the order */
		out->ev = e;
		out->n = 1;
	}
	json_decref(ev);
	return o;
}

const struct payment_provider pay_paypal = {
	.name = "paypal",
	.label = "PayPal",
	.kind = PAYMENT_REDIRECT,
	.ready = paypal_ready,
	.start = paypal_start,
	.fetch = paypal_fetch,
	.refund = paypal_refund,
	.webhook = paypal_webhook,
};
