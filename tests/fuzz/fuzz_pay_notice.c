/* fuzz_pay_notice.c: libFuzzer harness for the provider notices crowdcart reads from anyone on
 * the internet: Mollie's "id=tr_..." body and PayPal's JSON event. Whatever comes in, a Mollie
 * notice names only a well-formed payment id, and a PayPal notice that PayPal vouches for is
 * sent back inside well-formed JSON, byte for byte, and names only a well-formed order id. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "domain/commerce/pay_mollie.h"
#include "domain/commerce/pay_paypal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* PayPal as the fake sees it: a token, then SUCCESS for any verification asked of it; the body
 * of that verification call is checked here. */
struct fake {
	const char *event;
	size_t len;
};

static void fake_call(void *ctx, struct arena *a, const struct outcall_req *req, struct outcall_res *res)
{
	struct fake *f = ctx;
	memset(res, 0, sizeof *res);
	res->status = 200;
	if (strstr(req->url, "/v1/oauth2/token")) {
		res->body = "{\"access_token\":\"A21AAfuzz\",\"expires_in\":32400}";
	} else {
		json_error_t e;
		json_t *j = json_loadb(req->body, req->body_len, 0, &e);
		json_t *ev = json_loadb(f->event, f->len, 0, &e);
		/* the event went back as the same JSON value it arrived as */
		if (!j || !ev || !json_equal(json_object_get(j, "webhook_event"), ev))
			abort();
		json_decref(j);
		json_decref(ev);
		res->body = "{\"verification_status\":\"SUCCESS\"}";
	}
	res->body_len = strlen(res->body);
	(void)a;
}

static const char *header(void *ctx, const char *name)
{
	(void)ctx;
	return strcmp(name, "PAYPAL-AUTH-ALGO") == 0 ? "SHA256withRSA" : "x";
}

static bool id_chars(const char *s, const char *extra)
{
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr(extra, *s)))
			return false;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new(1 << 16);
	const char *body = arena_strndup(a, (const char *)data, size);
	const char *id = pay_mollie_webhook_id(a, body, size);
	if (id && (strncmp(id, "tr_", 3) != 0 || !id_chars(id + 3, "")))
		abort();
	struct payment_webhook_in in = { .body = body, .len = size, .header = header, .header_ctx = NULL, .now = 0 };
	struct payment_events out;
	enum payment_outcome o = pay_mollie.webhook(NULL, a, &in, &out);
	if (o == PAYMENT_OK && (out.n != 1 || strcmp(out.ev[0].session_id, id ? id : "") != 0))
		abort();
	struct fake f = { body, size };
	struct payment_http http = { fake_call, &f };
	/* The body as received, NUL bytes and all: the PayPal check reads it by length. */
	in.body = (const char *)data;
	o = pay_paypal.webhook(&http, a, &in, &out);
	if (o == PAYMENT_OK && out.n == 1 && (!*out.ev[0].session_id || !id_chars(out.ev[0].session_id, "-")))
		abort();
	arena_free(a);
	return 0;
}
