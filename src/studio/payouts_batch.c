/* payouts_batch.c: "/studio/brand/payouts/{id}" — one payout batch: its creators and amounts
 * (net of carried clawbacks), the order lines each settles, downloads (payouts_export.c), and
 * the buttons that mark it paid (the ledger's 'payout' entries, once however often pressed) or
 * void it (before it is paid; the period can then be run again). */
#include <string.h>
#include "domain/creators/payout_batch.h"
#include "studio/payouts.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_batch = {
	"SELECT period, currency, status, total, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i'),"
	" COALESCE(DATE_FORMAT(paid_at, '%Y-%m-%d %H:%i'), '') FROM payout_batches WHERE id = ? AND brand_id = ?",
	"ii", "sssiss" };
static const struct db_stmt q_lines = {
	"SELECT pl.creator_id, c.handle, pl.amount, pl.method, COALESCE(d.paypal_email, ''),"
	" COALESCE(d.iban_last4, '') FROM payout_lines pl JOIN creators c ON c.id = pl.creator_id"
	" LEFT JOIN creator_payout_details d ON d.creator_id = pl.creator_id WHERE pl.batch_id = ?"
	" ORDER BY c.handle LIMIT 5000", "i", "isisss" };
static const struct db_stmt q_items = {
	"SELECT i.creator_id, o.number, l.title, i.amount FROM payout_items i JOIN order_lines l ON l.id = i.order_line_id"
	" JOIN orders o ON o.id = l.order_id WHERE i.batch_id = ? ORDER BY i.creator_id, i.order_line_id LIMIT 50000",
	"i", "issi" };

int page_payouts_batch(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	struct db_res batch, lines, items;
	enum db_status rc = db_query(r->db, r->arena, &q_batch, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &batch);
	if (rc == DB_OK && batch.nrows == 0) {
		response_error(r, 404, "There is no such payout batch.");
		return REQ_DONE;
	}
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_lines, (struct db_param[]){ DB_I(id) }, &lines);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_items, (struct db_param[]){ DB_I(id) }, &items);
	if (rc != DB_OK)
		return req_db_fail(rc);
	const char *cur = db_at(&batch, 0, 1)->s, *status = db_at(&batch, 0, 2)->s;
	tmpl_dict *t = layout_begin(r, "studio_brand_payout_batch.tpl", "Payout batch");
	tmpl_set_int(t, "ID", id);
	tmpl_set(t, "PERIOD", db_at(&batch, 0, 0)->s);
	tmpl_set(t, "CURRENCY", cur);
	tmpl_set(t, "STATUS", status);
	tmpl_set(t, "TOTAL", layout_money(r, db_at(&batch, 0, 3)->i, cur));
	tmpl_set(t, "CREATED", db_at(&batch, 0, 4)->s);
	tmpl_set(t, "PAID_AT", db_at(&batch, 0, 5)->s);
	bool open = strcmp(status, "draft") == 0 || strcmp(status, "exported") == 0;
	if (open)
		tmpl_show(t, "OPEN");
	if (strcmp(status, "void") != 0)
		tmpl_show(t, "EXPORTABLE");
	if (strcmp(cur, "EUR") == 0)
		tmpl_show(t, "SEPA");
	size_t paypal = 0;
	for (size_t i = 0; i < lines.nrows; i++) {
		const char *m = db_at(&lines, i, 3)->s;
		tmpl_dict *e = tmpl_add(t, "LINES");
		long long creator = db_at(&lines, i, 0)->i;
		tmpl_set(e, "HANDLE", db_at(&lines, i, 1)->s);
		tmpl_set(e, "AMOUNT", layout_money(r, db_at(&lines, i, 2)->i, cur));
		paypal += strcmp(m, "paypal") == 0;
		tmpl_set(e, "METHOD", strcmp(m, "paypal") == 0 ? arena_printf(r->arena, "PayPal %s", db_at(&lines, i, 4)->s)
				      : strcmp(m, "sepa") == 0 ? arena_printf(r->arena, "SEPA •••• %s", db_at(&lines, i, 5)->s)
				      : "no payout details");
		for (size_t k = 0; k < items.nrows; k++) {
			if (db_at(&items, k, 0)->i != creator)
				continue;
			tmpl_dict *it = tmpl_add(e, "ITEMS");
			tmpl_set(it, "NUMBER", db_at(&items, k, 1)->s);
			tmpl_set(it, "PRODUCT", db_at(&items, k, 2)->s);
			tmpl_set(it, "AMOUNT", layout_money(r, db_at(&items, k, 3)->i, cur));
			if (db_at(&items, k, 3)->i < 0)
				tmpl_show(it, "CARRIED");
		}
	}
	/* One PayPal file per 5,000 payments. */
	for (size_t part = 0; part * 5000 < paypal; part++) {
		tmpl_dict *e = tmpl_add(t, "PAYPAL_PARTS");
		tmpl_set_int(e, "PART", (long long)part + 1);
	}
	const char *done = req_query(r, "done");
	if (done)
		tmpl_set(tmpl_add(t, "FLASH"), "TEXT", strcmp(done, "exists") == 0 ? "This period already has this batch."
						       : strcmp(done, "paid") == 0 ? "Marked paid." : "Voided.");
	layout_end(r, 200);
	return REQ_DONE;
}

static int payouts_batch_answer(struct req *r, long long id, enum payout_batch_outcome out, bool pay)
{
	switch (out) {
	case PAYOUT_BATCH_NOT_FOUND:
		response_error(r, 404, "There is no such payout batch.");
		return REQ_DONE;
	case PAYOUT_BATCH_IS_VOID:
		response_error(r, 409, "This batch was voided: it can no longer be paid.");
		return REQ_DONE;
	case PAYOUT_BATCH_IS_PAID:
		if (!pay) {
			response_error(r, 409, "This batch is paid: it can no longer be voided.");
			return REQ_DONE;
		}
		break;	/* paid twice: it is paid, once */
	default:
		break;
	}
	response_redirect(r, arena_printf(r->arena, "/studio/brand/payouts/%lld?done=%s", id, pay ? "paid" : "void"));
	return REQ_DONE;
}

int page_payouts_batch_pay(struct req *r)
{
	long long id = req_id(r, "id");
	enum payout_batch_outcome out;
	enum db_status rc = payout_batch_pay(r->db, r->arena, r->brand->id, id, r->sess.user_id, &out);
	return rc != DB_OK ? req_db_fail(rc) : payouts_batch_answer(r, id, out, true);
}

int page_payouts_batch_void(struct req *r)
{
	long long id = req_id(r, "id");
	enum payout_batch_outcome out;
	enum db_status rc = payout_batch_void(r->db, r->arena, r->brand->id, id, &out);
	return rc != DB_OK ? req_db_fail(rc) : payouts_batch_answer(r, id, out, false);
}
