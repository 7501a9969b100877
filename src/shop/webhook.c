/* webhook.c: "POST /webhooks/payment/{provider}" — a payment provider reports that an order was
 * paid. The raw body is authenticated with HMAC-SHA256 (header X-Signature, hex) keyed by config
 * payment_webhook_secret; the body is JSON {"order": number, "status": "paid", "amount": minor
 * units, "currency": "USD", "reference": "..."}. Repeats are harmless: a paid order stays paid. */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "shop/cart.h"
#include "domain/commerce/payments.h"
#include "domain/creators/accrual.h"
#include "domain/commerce/order_notify.h"
#include "web/response.h"
#include "shop/shop.h"

static const struct db_stmt q_order = {
	"SELECT id, status, total, currency, payment_provider FROM orders WHERE number = ? FOR UPDATE",
	"s", "isiss" };
static const struct db_stmt q_paid = {
	"UPDATE orders SET status = 'paid', paid_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND status = 'awaiting_payment'", "i", "" };
static const struct db_stmt q_event = {
	"INSERT INTO order_events (order_id, from_status, to_status, actor_user_id, note, created_at)"
	" VALUES (?, 'awaiting_payment', 'paid', NULL, ?, UTC_TIMESTAMP())", "is", "" };
static const struct db_stmt q_payment = {
	"UPDATE payments SET status = 'succeeded', updated_at = UTC_TIMESTAMP()"
	" WHERE order_id = ? AND status = 'pending'", "i", "" };

struct hook {
	const char *provider, *number, *currency, *reference;
	long long amount;
	int status;		/* HTTP status to answer */
	const char *result;	/* the order's status afterwards, or the problem */
	struct arena *arena;
};

static void answer(struct req *r, int status, const char *key, const char *val)
{
	json_t *o = json_pack("{s:s}", key, val);
	char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
	response_text(r, status, status < 300 ? "application/json" : "application/problem+json",
		  s ? arena_strdup(r->arena, s) : "{}");
	free(s);
	json_decref(o);
}

static enum db_status hook_txn(struct db *db, void *ctx)
{
	struct hook *h = ctx;
	struct db_res o;
	enum db_status rc = db_query(db, h->arena, &q_order, (struct db_param[]){ DB_S(h->number) }, &o);
	if (rc != DB_OK)
		return rc;
	if (o.nrows == 0 || strcmp(db_at(&o, 0, 4)->s, h->provider) != 0) {
		h->status = 404, h->result = "no such order for this provider";
		return DB_CONFLICT;
	}
	if (db_at(&o, 0, 2)->i != h->amount || strcmp(db_at(&o, 0, 3)->s, h->currency) != 0) {
		h->status = 422, h->result = "amount or currency does not match the order";
		return DB_CONFLICT;
	}
	const char *status = db_at(&o, 0, 1)->s;
	if (strcmp(status, "awaiting_payment") != 0) {
		bool settled = strcmp(status, "cancelled") != 0 && strcmp(status, "refunded") != 0;
		h->status = settled ? 200 : 409;
		h->result = settled ? status : "the order was cancelled or refunded";
		return settled ? DB_OK : DB_CONFLICT;
	}
	long long id = db_at(&o, 0, 0)->i;
	const char *note = arena_printf(h->arena, "paid: %s webhook, reference %.60s", h->provider, h->reference);
	if ((rc = db_query(db, NULL, &q_paid, (struct db_param[]){ DB_I(id) }, NULL)) != DB_OK ||
	    (rc = db_query(db, NULL, &q_event, (struct db_param[]){ DB_I(id), DB_S(note) }, NULL)) != DB_OK ||
	    (rc = db_query(db, NULL, &q_payment, (struct db_param[]){ DB_I(id) }, NULL)) != DB_OK ||
	    (rc = accrual_for_order(db, h->arena, id)) != DB_OK ||
	    (rc = order_notify_paid(db, h->arena, id)) != DB_OK)
		return rc;
	h->status = 200, h->result = "paid";
	return DB_OK;
}

int page_payment_webhook(struct req *r)
{
	uint8_t key[64];
	size_t keylen;
	const char *provider = req_param(r, "provider");
	const struct payment_provider *p = payments_find(provider);
	if (!p) {
		answer(r, 404, "title", "unknown payment provider");
		return REQ_DONE;
	}
	if (p->kind == PAYMENT_REDIRECT)
		return pay_webhook_page(r, p);
	if (!payments_webhook_key(key, &keylen)) {
		answer(r, 503, "title", "payment webhooks are not configured");
		return REQ_DONE;
	}
	if (!r->raw_body || !payments_signature_ok(key, keylen, r->raw_body, r->raw_len, req_env(r, "HTTP_X_SIGNATURE"))) {
		answer(r, 401, "title", "bad signature");
		return REQ_DONE;
	}
	json_error_t err;
	json_t *j = json_loadb(r->raw_body, r->raw_len, JSON_REJECT_DUPLICATES, &err);
	const char *number = NULL, *status = NULL, *currency = NULL, *reference = "";
	json_int_t amount = -1;
	char canon[CALC_ORDERNO_LEN + 1];
	if (!j || json_unpack(j, "{s:s, s:s, s:I, s:s, s?s}", "order", &number, "status", &status, "amount", &amount,
			      "currency", &currency, "reference", &reference) != 0 ||
	    !calc_orderno_normalize(number, canon) || strcmp(status, "paid") != 0 || amount < 0) {
		json_decref(j);
		answer(r, 400, "title", "expected {\"order\", \"status\": \"paid\", \"amount\", \"currency\", \"reference\"}");
		return REQ_DONE;
	}
	struct hook h = { provider, canon, arena_strdup(r->arena, currency), arena_strdup(r->arena, reference),
			  amount, 500, "", r->arena };
	json_decref(j);
	enum db_status rc = db_txn(r->db, hook_txn, &h);
	if (rc != DB_OK && rc != DB_CONFLICT) {
		answer(r, db_transient(rc) ? 503 : 500, "title", "try again later");
		return REQ_DONE;
	}
	answer(r, h.status, h.status == 200 ? "status" : "title", h.result);
	return REQ_DONE;
}
