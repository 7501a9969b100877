/* pay_return.c: "GET /checkout/return/{ref}" — where a provider's hosted page sends the shopper
 * back (after paying, or from its cancel link with ?cancelled=1). It tells the truth: paid,
 * still confirming (the page refreshes itself), or failed. While the payment is still open it
 * asks the provider (a server-side read, with crowdcart's own credentials, of the payment this
 * checkout started: nothing in the URL is trusted; for PayPal also the capture of an approved
 * order, idempotent by its request id) and settles what it learns. That is the one
 * write an anonymous GET makes here, and it is safe: settling is idempotent and only records
 * what the provider itself answered; a reload or a crawler cannot change the outcome. */
#include <string.h>
#include "shop/cart.h"
#include "web/layout.h"
#include "web/response.h"
#include "domain/commerce/payments.h"
#include "domain/commerce/pay_settle.h"
#include "shop/pay_redirect.h"
#include "shop/shop.h"

/* The provider is asked with a shorter limit than the transport's: the shopper is waiting. */
#define RETURN_FETCH_MS 5000L

/* Whether this browser session placed the checkout: only it sees the orders. A shopper who comes
 * back in another browser (a payment app opening its own) still learns how the payment stands,
 * from the reference in the URL, which is as unguessable as the session. */
static const struct db_stmt q_owner = {
	"SELECT session_hash = ? FROM checkouts WHERE public_ref = ?", "bs", "i" };
static const struct db_stmt q_orders = {
	"SELECT id FROM orders WHERE checkout_id = ? ORDER BY id", "i", "i" };

static void limited_call(void *ctx, struct arena *a, const struct outcall_req *req, struct outcall_res *res)
{
	struct outcall_req q = *req;
	q.timeout_ms = RETURN_FETCH_MS;
	pay_redirect_http.call(pay_redirect_http.ctx, a, &q, res);
}

/* Asks the provider and settles; the row's status afterwards ("paid", "failed", "pending"). */
static const char *ask(struct req *r, const struct pay_settle_row *row, enum db_status *rc)
{
	*rc = DB_OK;
	const struct payment_provider *p = payments_find(row->provider);
	if (!p || p->kind != PAYMENT_REDIRECT || !*row->session_id)
		return row->status;
	const struct payment_http http = { limited_call, NULL };
	struct payment_status st;
	if (p->fetch(&http, r->arena, row->session_id, &st) != PAYMENT_OK)
		return row->status;	/* the provider did not answer now: still confirming */
	struct pay_settle s = { .row = row->row, .status = st, .note = arena_printf(r->arena, "%s, seen on the return page", p->name) };
	if ((*rc = pay_settle_run(r->db, r->arena, &s)) != DB_OK)
		return row->status;
	return s.result == PAY_SETTLE_PAID ? "paid" : s.result == PAY_SETTLE_FAILED ? "failed" : row->status;
}

int page_checkout_return(struct req *r)
{
	const char *ref = req_param(r, "ref");
	static const char missing[] = "We could not find that payment. Look your order up with its number and your email.";
	if (!calc_ref_valid(ref)) {
		response_error(r, 404, missing);
		return REQ_DONE;
	}
	struct db_res c, o;
	struct pay_settle_row row;
	bool found = false;
	enum db_status rc = db_query(r->db, r->arena, &q_owner, (struct db_param[]){ DB_B(r->sess.hash, 32), DB_S(ref) }, &c);
	bool owner = rc == DB_OK && c.nrows == 1 && r->sess.present && db_at(&c, 0, 0)->i;
	if (rc == DB_OK && c.nrows == 1)
		rc = pay_settle_by_checkout(r->db, r->arena, ref, &row, &found);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!found) {
		response_error(r, 404, missing);
		return REQ_DONE;
	}
	const char *status = row.status;
	if (strcmp(status, "starting") == 0 || strcmp(status, "pending") == 0) {
		status = ask(r, &row, &rc);
		if (rc != DB_OK)
			return req_db_fail(rc);
	}
	bool paid = strcmp(status, "paid") == 0, failed = strcmp(status, "failed") == 0;
	bool cancelled = !paid && !failed && req_query(r, "cancelled");
	tmpl_dict *d = layout_begin(r, "checkout_return.tpl", paid ? "Payment received" : failed ? "Payment failed"
				    : cancelled ? "Payment not completed" : "Confirming your payment");
	tmpl_show(d, paid ? "PAID" : failed ? "FAILED" : cancelled ? "CANCELLED" : "PENDING");
	tmpl_set(d, "REF", ref);
	/* not paid yet, maybe never went to pay (a double click landed here): the way there again */
	if (!paid && !failed && *row.pay_url)
		tmpl_set(tmpl_add(d, "CONTINUE"), "URL", row.pay_url);
	if (paid && !owner)
		tmpl_show(d, "ELSEWHERE");
	if (paid && owner) {
		rc = db_query(r->db, r->arena, &q_orders, (struct db_param[]){ DB_I(row.checkout_id) }, &o);
		for (size_t i = 0; rc == DB_OK && i < o.nrows; i++)
			rc = order_render(r, d, db_at(&o, i, 0)->i);
		if (rc != DB_OK)
			return req_db_fail(rc);
	}
	layout_end(r, 200);
	return REQ_DONE;
}
