/* pay_mollie.c: the Mollie provider (https://docs.mollie.com/reference/create-payment,
 * /reference/get-payment, /reference/create-refund, /reference/webhooks). Mollie signs nothing:
 * its webhook says only "id=tr_...", which anyone could send, so crowdcart trusts nothing but its
 * own authenticated read of that payment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "lib/buf.h"
#include "lib/config.h"
#include "lib/money.h"
#include "domain/commerce/pay_error.h"
#include "domain/commerce/pay_mollie.h"

/* Mollie's limit on a payment's description. */
#define MOLLIE_MAX_DESCRIPTION 255

static const char *api_base(void)
{
	return config_str("mollie_api_base", "https://api.mollie.com");
}

static bool mollie_ready(void)
{
	return *config_str("mollie_api_key", "") && *config_str("base_url", "");
}

bool pay_mollie_amount(char *out, size_t outlen, long long minor, const char *currency)
{
	int exp = money_exponent(currency);
	if (exp < 0 || minor < 0)
		return false;
	long long scale = 1;
	for (int i = 0; i < exp; i++)
		scale *= 10;
	int n = exp ? snprintf(out, outlen, "%lld.%0*lld", minor / scale, exp, minor % scale)
		    : snprintf(out, outlen, "%lld", minor);
	return n > 0 && (size_t)n < outlen;
}

/* Mollie's payment ids: "tr_" and letters and digits. Nothing else goes into a URL. */
static bool id_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n > 3 && n <= 64 && strncmp(s, "tr_", 3) == 0 &&
	       strspn(s + 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == n - 3;
}

static bool refund_id_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n > 3 && n <= 64 && strncmp(s, "re_", 3) == 0 &&
	       strspn(s + 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == n - 3;
}

static const char *str_or(json_t *o, const char *key, const char *def)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : def;
}

/* "Order 1001, 1002 from Brand, Other", cut at a character boundary to Mollie's limit. */
static const char *description(struct arena *a, const struct payment_checkout *c)
{
	struct buf b;
	buf_init(&b, a, 128);
	buf_puts(&b, c->norders > 1 ? "Orders " : "Order ");
	for (size_t k = 0; k < c->norders; k++)
		buf_printf(&b, "%s%s", k ? ", " : "", c->orders[k].number);
	buf_puts(&b, " from ");
	for (size_t k = 0; k < c->norders; k++)
		buf_printf(&b, "%s%s", k ? ", " : "", c->orders[k].brand);
	const char *s = buf_cstr(&b);
	size_t n = strlen(s);
	if (n <= MOLLIE_MAX_DESCRIPTION)
		return s;
	n = MOLLIE_MAX_DESCRIPTION;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return arena_strndup(a, s, n);
}

const char *pay_mollie_payment_json(struct arena *a, const struct payment_checkout *c)
{
	char value[32];
	if (!pay_mollie_amount(value, sizeof value, c->total, c->currency))
		return NULL;
	struct buf numbers;
	buf_init(&numbers, a, 64);
	for (size_t k = 0; k < c->norders; k++)
		buf_printf(&numbers, "%s%s", k ? "," : "", c->orders[k].number);
	json_t *body = json_pack("{s:{s:s, s:s}, s:s, s:s, s:s, s:s, s:{s:s, s:s}}", "amount", "currency", c->currency,
				 "value", value, "description", description(a, c), "redirectUrl", c->return_url,
				 "cancelUrl", c->cancel_url, "webhookUrl", c->webhook_url, "metadata", "checkout",
				 c->reference, "orders", buf_cstr(&numbers));
	if (!body)
		return NULL;
	char *s = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	const char *out = s ? arena_strdup(a, s) : NULL;
	free(s);
	return out;
}

const char *pay_mollie_webhook_id(struct arena *a, const char *body, size_t len)
{
	if (!body || len < 4 || len > 70 || strncmp(body, "id=", 3) != 0 || memchr(body, '\0', len))
		return NULL;
	const char *id = arena_strndup(a, body + 3, len - 3);
	return id_ok(id) ? id : NULL;
}

/* ---- calls ---- */

/* A 4xx is Mollie refusing, in its words (detail, and the field it names); the rest is down. */
static enum payment_outcome failed(struct arena *a, const struct outcall_res *res, const char **message)
{
	enum payment_outcome o;
	if (pay_error_common(a, res, "Mollie", "API key (mollie_api_key)", &o, message))
		return o;
	json_t *j = json_loadb(res->body, res->body_len, 0, NULL);
	const char *field = str_or(j, "field", NULL);
	*message = arena_printf(a, "Mollie refused: %.300s%s%.60s%s", str_or(j, "detail", "no reason given"),
				field ? " (" : "", field ? field : "", field ? ")" : "");
	json_decref(j);
	return PAYMENT_REFUSED;
}

static enum payment_outcome api(const struct payment_http *http, struct arena *a, const char *method, const char *path,
				const char *body, const char *idem, struct outcall_res *res, const char **message)
{
	struct outcall_req rq = { .method = method, .url = arena_printf(a, "%s%s", api_base(), path) };
	size_t h = 0;
	rq.headers[h++] = "Accept: application/hal+json";
	rq.headers[h++] = arena_printf(a, "Authorization: Bearer %s", config_str("mollie_api_key", ""));
	if (body) {
		rq.body = body;
		rq.body_len = strlen(body);
		rq.headers[h++] = "Content-Type: application/json";
	}
	if (idem)
		rq.headers[h++] = arena_printf(a, "Idempotency-Key: %s", idem);
	http->call(http->ctx, a, &rq, res);
	if (res->status >= 200 && res->status <= 299)
		return PAYMENT_OK;
	return failed(a, res, message);
}

static enum payment_outcome mollie_start(const struct payment_http *http, struct arena *a,
					 const struct payment_checkout *c, struct payment_started *out)
{
	out->session_id = out->url = out->message = NULL;
	const char *body = pay_mollie_payment_json(a, c);
	if (!body) {
		out->message = arena_printf(a, "Mollie cannot take this amount in %.3s", c->currency);
		return PAYMENT_REFUSED;
	}
	struct outcall_res res;
	enum payment_outcome o = api(http, a, "POST", "/v2/payments", body, arena_printf(a, "crowdcart-payment-%s", c->reference),
				     &res, &out->message);
	if (o != PAYMENT_OK)
		return o;
	json_t *j = json_loadb(res.body, res.body_len, 0, NULL);
	const char *id = str_or(j, "id", NULL);
	const char *url = str_or(json_object_get(json_object_get(j, "_links"), "checkout"), "href", NULL);
	o = PAYMENT_DOWN;
	if (id_ok(id) && url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0)) {
		out->session_id = arena_strdup(a, id);
		out->url = arena_strdup(a, url);
		o = PAYMENT_OK;
	} else {
		out->message = "Mollie's answer had no payment id or checkout link";
	}
	json_decref(j);
	return o;
}

static enum payment_outcome mollie_fetch(const struct payment_http *http, struct arena *a, const char *session_id,
					 struct payment_status *out)
{
	memset(out, 0, sizeof *out);
	if (!id_ok(session_id)) {
		out->message = "not a Mollie payment id";
		return PAYMENT_REFUSED;
	}
	struct outcall_res res;
	enum payment_outcome o = api(http, a, "GET", arena_printf(a, "/v2/payments/%s", session_id), NULL, NULL, &res,
				     &out->message);
	if (o != PAYMENT_OK)
		return o;
	json_t *j = json_loadb(res.body, res.body_len, 0, NULL);
	const char *status = str_or(j, "status", "");
	json_t *amount = json_object_get(j, "amount");
	const char *cur = str_or(amount, "currency", "");
	bool ok = true;
	if (strcmp(status, "paid") == 0) {
		/* Mollie writes the currency's exact decimals; money_parse takes no more than those. */
		ok = strlen(cur) == 3 && money_parse(str_or(amount, "value", ""), cur, &out->amount);
		if (ok) {
			out->state = PAYMENT_PAID;
			out->payment_id = arena_strdup(a, session_id);
			memcpy(out->currency, cur, 4);
		}
	} else if (strcmp(status, "failed") == 0 || strcmp(status, "canceled") == 0 || strcmp(status, "expired") == 0) {
		out->state = PAYMENT_FAILED;
	} else if (strcmp(status, "open") == 0 || strcmp(status, "pending") == 0 || strcmp(status, "authorized") == 0) {
		out->state = PAYMENT_PENDING;
	} else {
		ok = false;
	}
	json_decref(j);
	if (!ok) {
		out->message = "Mollie's payment answer could not be read";
		return PAYMENT_DOWN;
	}
	return PAYMENT_OK;
}

static enum payment_outcome mollie_refund(const struct payment_http *http, struct arena *a,
					  const struct payment_refund *rq, struct payment_refunded *out)
{
	out->refund_id = out->message = NULL;
	char value[32];
	if (!id_ok(rq->payment_id)) {
		out->message = "the order has no Mollie payment to refund";
		return PAYMENT_REFUSED;
	}
	if (!pay_mollie_amount(value, sizeof value, rq->amount, rq->currency)) {
		out->message = "the refund amount cannot be written for Mollie";
		return PAYMENT_REFUSED;
	}
	json_t *body = json_pack("{s:{s:s, s:s}, s:s}", "amount", "currency", rq->currency, "value", value, "description",
				 rq->order_number ? arena_printf(a, "Refund of order %s", rq->order_number) : "Refund");
	char *s = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	struct outcall_res res;
	enum payment_outcome o = api(http, a, "POST", arena_printf(a, "/v2/payments/%s/refunds", rq->payment_id),
				     arena_strdup(a, s), rq->idempotency_key, &res, &out->message);
	free(s);
	if (o != PAYMENT_OK)
		return o;
	json_t *j = json_loadb(res.body, res.body_len, 0, NULL);
	const char *id = str_or(j, "id", NULL), *status = str_or(j, "status", "");
	if (!refund_id_ok(id)) {
		o = PAYMENT_DOWN;
		out->message = "Mollie's refund answer had no id";
	} else if (strcmp(status, "failed") == 0 || strcmp(status, "canceled") == 0) {
		o = PAYMENT_REFUSED;
		out->message = arena_printf(a, "Mollie refused the refund (status %s)", status);
	} else {
		out->refund_id = arena_strdup(a, id);	/* queued, pending, processing or refunded */
	}
	json_decref(j);
	return o;
}

/* Authentic or not, the notice is only a prompt: crowdcart settles by fetching the payment. */
static enum payment_outcome mollie_webhook(const struct payment_http *http, struct arena *a,
					   const struct payment_webhook_in *in, struct payment_events *out)
{
	(void)http;
	out->ev = NULL;
	out->n = 0;
	out->message = NULL;
	const char *id = pay_mollie_webhook_id(a, in->body, in->len);
	if (!id) {
		out->message = "a Mollie notice is id=tr_... and nothing else";
		return PAYMENT_REFUSED;
	}
	struct payment_event *e = arena_zalloc(a, sizeof *e);
	e->event_id = "";
	e->session_id = id;
	e->has_state = false;
	out->ev = e;
	out->n = 1;
	return PAYMENT_OK;
}

const struct payment_provider pay_mollie = {
	.name = "mollie",
	.label = "iDEAL, Bancontact, card and more (Mollie)",
	.kind = PAYMENT_REDIRECT,
	.ready = mollie_ready,
	.start = mollie_start,
	.fetch = mollie_fetch,
	.refund = mollie_refund,
	.webhook = mollie_webhook,
};
