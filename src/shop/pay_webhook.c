/* pay_webhook.c: "POST /webhooks/payment/{provider}" for a hosted-payment provider: the provider
 * verifies its own notice (signature, or its verification call) and lists what to settle; each
 * event is settled once (its id is deduplicated in the settling transaction). Answers fast:
 * 200 once recorded (also for repeats and for events crowdcart ignores), 400 for a notice that
 * fails verification, 503 when it could not be recorded now, so the provider sends it again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>
#include "web/response.h"
#include "domain/commerce/payments.h"
#include "domain/commerce/pay_settle.h"
#include "shop/pay_redirect.h"
#include "shop/shop.h"

static void answer(struct req *r, int status, const char *key, const char *val)
{
	json_t *o = json_pack("{s:s}", key, val);
	char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
	response_text(r, status, status < 300 ? "application/json" : "application/problem+json",
		      s ? arena_strdup(r->arena, s) : "{}");
	free(s);
	json_decref(o);
}

/* "Stripe-Signature" -> the FastCGI variable HTTP_STRIPE_SIGNATURE. */
static const char *header(void *ctx, const char *name)
{
	struct req *r = ctx;
	char env[80] = "HTTP_";
	size_t k = 5;
	for (const char *p = name; *p && k < sizeof env - 1; p++)
		env[k++] = *p == '-' ? '_' : (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	env[k] = '\0';
	return req_env(r, env);
}

static const char *const result_names[] = {
	[PAY_SETTLE_UNKNOWN] = "ignored", [PAY_SETTLE_DUPLICATE] = "duplicate", [PAY_SETTLE_PENDING] = "pending",
	[PAY_SETTLE_PAID] = "paid", [PAY_SETTLE_FAILED] = "failed", [PAY_SETTLE_MISMATCH] = "mismatch",
};

int pay_webhook_page(struct req *r, const struct payment_provider *p)
{
	if (!p->ready || !p->ready()) {
		answer(r, 503, "title", "this payment provider is not configured");
		return REQ_DONE;
	}
	struct payment_webhook_in in = { r->raw_body ? r->raw_body : "", r->raw_body ? r->raw_len : 0, header, r,
					 (long long)time(NULL) };
	struct payment_events ev;
	enum payment_outcome o = p->webhook(&pay_redirect_http, r->arena, &in, &ev);
	if (o != PAYMENT_OK) {
		fprintf(stderr, "shop: %s webhook refused: %s\n", p->name, ev.message ? ev.message : "");
		answer(r, o == PAYMENT_REFUSED ? 400 : 503, "title", ev.message ? ev.message : "not verified");
		return REQ_DONE;
	}
	const char *last = "ignored";
	for (size_t i = 0; i < ev.n; i++) {
		struct pay_settle s = { .provider = p->name, .session_id = ev.ev[i].session_id,
					.event_id = ev.ev[i].event_id, .status = ev.ev[i].status,
					.note = arena_printf(r->arena, "%s webhook", p->name) };
		if (!ev.ev[i].has_state &&
		    p->fetch(&pay_redirect_http, r->arena, ev.ev[i].session_id, &s.status) != PAYMENT_OK) {
			answer(r, 503, "title", "the payment could not be looked up now");
			return REQ_DONE;
		}
		enum db_status rc = pay_settle_run(r->db, r->arena, &s);
		if (rc != DB_OK) {
			answer(r, 503, "title", "try again later");
			return REQ_DONE;
		}
		if (s.result == PAY_SETTLE_MISMATCH)
			fprintf(stderr, "shop: %s webhook: session %.80s paid an amount or currency that is not the "
				"checkout's; not marked paid\n", p->name, s.session_id);
		last = result_names[s.result];
	}
	answer(r, 200, "status", last);
	return REQ_DONE;
}
