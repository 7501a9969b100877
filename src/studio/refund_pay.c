/* refund_pay.c: a brand's refund sent to the provider that took the payment. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "web/outbound.h"
#include "domain/commerce/payments.h"
#include "studio/refund_pay.h"

static const struct db_stmt q_lookup = {
	"SELECT o.id, o.payment_provider, COALESCE(ps.payment_id, ''), o.currency FROM orders o"
	" LEFT JOIN payment_sessions ps ON ps.checkout_id = o.checkout_id AND ps.status = 'paid'"
	" WHERE o.number = ? AND o.brand_id = ?", "si", "isss" };
static const struct db_stmt q_insert = {
	"INSERT INTO payment_refunds (order_id, provider, idem_key, amount, currency, request, status, created_at,"
	" updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', UTC_TIMESTAMP(), UTC_TIMESTAMP())", "ississ", "" };
static const struct db_stmt q_existing = {
	"SELECT id, status, COALESCE(provider_refund_id, '') FROM payment_refunds WHERE idem_key = ?", "s", "iss" };
static const struct db_stmt q_failed = {
	"UPDATE payment_refunds SET status = 'failed', message = ?, updated_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND status = 'pending'", "si", "" };
static const struct db_stmt q_note = {
	"UPDATE payment_refunds SET message = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?", "si", "" };
static const struct db_stmt q_done = {
	"UPDATE payment_refunds SET status = 'succeeded', provider_refund_id = ?, message = '',"
	" updated_at = UTC_TIMESTAMP() WHERE id = ?", "si", "" };

enum db_status refund_pay_lookup(struct db *db, struct arena *a, const char *number, long long brand_id,
				 struct refund_pay *p, bool *hosted)
{
	struct db_res r;
	*hosted = false;
	enum db_status rc = db_query(db, a, &q_lookup, (struct db_param[]){ DB_S(number), DB_I(brand_id) }, &r);
	if (rc != DB_OK || r.nrows == 0)
		return rc;
	const struct payment_provider *prov = payments_find(db_at(&r, 0, 1)->s);
	if (!prov || prov->kind != PAYMENT_REDIRECT)
		return DB_OK;
	*hosted = true;
	*p = (struct refund_pay){ .order_id = db_at(&r, 0, 0)->i, .provider = db_at(&r, 0, 1)->s,
				  .payment_id = db_at(&r, 0, 2)->s, .currency = db_at(&r, 0, 3)->s,
				  .number = arena_strdup(a, number) };
	return DB_OK;
}

/* The same request (order, the version it was made from, what was asked) has the same key: a
 * double submit or a retry after an unanswered call refunds once at the provider. A provider
 * keeps its answer per key, a refusal too, so once refused the request gets its next key
 * (attempt + 1) and may be tried again. */
static const char *idem_key(struct arena *a, long long order_id, const char *request, long long amount, int attempt)
{
	uint8_t h[32];
	const char *in = arena_printf(a, "refund\n%lld\n%lld\n%s\n%d", order_id, amount, request, attempt);
	crypto_generichash(h, sizeof h, (const unsigned char *)in, strlen(in), NULL, 0);
	size_t n = sodium_base64_ENCODED_LEN(sizeof h, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return sodium_bin2base64(arena_alloc(a, n), n, h, sizeof h, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

#define REFUND_MAX_ATTEMPTS 20

/* The row (and key) of this request's current attempt: a new pending row, or the pending one an
 * unanswered call left. */
static enum db_status claim(struct db *db, struct arena *a, struct refund_pay *p, long long amount, const char *request,
			    const char **key)
{
	for (int attempt = 0; attempt < REFUND_MAX_ATTEMPTS; attempt++) {
		*key = idem_key(a, p->order_id, request, amount, attempt);
		enum db_status rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(p->order_id), DB_S(p->provider),
					     DB_S(*key), DB_I(amount), DB_S(p->currency), DB_SN(request, strnlen(request, 2000)) }, NULL);
		if (rc == DB_OK) {
			p->row = (long long)db_insert_id(db);
			return DB_OK;
		}
		if (rc != DB_DUP)
			return rc;
		struct db_res e;
		if ((rc = db_query(db, a, &q_existing, (struct db_param[]){ DB_S(*key) }, &e)) != DB_OK)
			return rc;
		if (e.nrows && strcmp(db_at(&e, 0, 1)->s, "failed") != 0) {
			p->row = db_at(&e, 0, 0)->i;
			return DB_OK;
		}
	}
	return DB_CONFLICT;
}

bool refund_pay_send(struct db *db, struct arena *a, struct refund_pay *p, long long amount, const char *request,
		     enum db_status *rc)
{
	*rc = DB_OK;
	const struct payment_provider *prov = payments_find(p->provider);
	if (!*p->payment_id) {
		p->http = 409;
		p->message = "This order has no payment at the provider to refund (it was never paid there).";
		return false;
	}
	const char *key;
	if ((*rc = claim(db, a, p, amount, request, &key)) != DB_OK) {
		if (*rc == DB_CONFLICT) {
			*rc = DB_OK;
			p->http = 409;
			p->message = "The provider refused this refund too often; refund it in the provider's dashboard.";
		}
		return false;
	}
	const struct payment_http http = { outbound_call, NULL };
	struct payment_refunded out = { 0 };
	enum payment_outcome o = prov->refund(&http, a, &(struct payment_refund){ .payment_id = p->payment_id,
					      .amount = amount, .currency = p->currency, .idempotency_key = key,
					      .order_number = p->number }, &out);
	if (o == PAYMENT_OK) {
		p->refund_id = out.refund_id;
		return true;
	}
	p->http = o == PAYMENT_REFUSED ? 502 : 503;
	p->message = o == PAYMENT_REFUSED
		? arena_printf(a, "%s refused the refund, so nothing was refunded: %s", prov->label,
			       out.message ? out.message : "no reason given")
		: "The payment service did not answer, so nothing was refunded. Try again in a moment.";
	fprintf(stderr, "studio: %s refund for order %lld not made: %s\n", p->provider, p->order_id,
		out.message ? out.message : "no answer");
	/* Unanswered, it may have been made: the row stays pending and a retry sends the same key. */
	*rc = db_query(db, NULL, o == PAYMENT_REFUSED ? &q_failed : &q_note, (struct db_param[]){
		DB_SN(p->message, strnlen(p->message, 400)), DB_I(p->row) }, NULL);
	return false;
}

enum db_status refund_pay_done(struct db *db, const struct refund_pay *p)
{
	return db_query(db, NULL, &q_done, (struct db_param[]){ DB_S(p->refund_id), DB_I(p->row) }, NULL);
}
