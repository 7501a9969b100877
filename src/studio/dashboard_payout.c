/* dashboard_payout.c: POST "/studio/brand/payouts" — the brand marks what a creator is owed now
 * (payable: return window passed, not yet paid, less any clawback carried from refunds) as paid
 * by hand: one 'payout' entry per order line, of minus its payable amount (plus for a carried
 * line), appended to the ledger in one transaction. The creator's lines are locked first, so two
 * clicks at once cannot pay twice; lines in a payout batch not yet paid or voided are left to it. */
#include "domain/creators/ledger.h"
#include "domain/creators/ledger_append.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_lock = {
	"SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id"
	" WHERE o.brand_id = ? AND l.creator_id = ? ORDER BY l.id FOR UPDATE", "ii", "i" };
static const struct db_stmt q_lines = {
	"SELECT l.id, o.currency,"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind = 'accrual' THEN ce.amount END), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind IN ('reversal', 'clawback') THEN ce.amount END), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind = 'payout' THEN ce.amount END), 0) AS SIGNED),"
	" MAX(DATE_ADD(COALESCE(o.delivered_at, o.created_at), INTERVAL b.return_window_days DAY) <= UTC_TIMESTAMP()"
	" AND o.status NOT IN ('awaiting_payment', 'cancelled'))"
	" FROM commission_entries ce JOIN order_lines l ON l.id = ce.order_line_id JOIN orders o ON o.id = l.order_id"
	" JOIN brands b ON b.id = o.brand_id WHERE ce.brand_id = ? AND ce.creator_id = ?"
	" AND NOT EXISTS (SELECT 1 FROM payout_items i JOIN payout_batches pb ON pb.id = i.batch_id"
	" WHERE i.order_line_id = l.id AND pb.status IN ('draft', 'exported'))"
	" GROUP BY l.id, o.currency ORDER BY l.id", "ii", "isiiii" };

struct payout {
	long long brand_id, creator_id, user_id;
	struct arena *a;
	long long lines_paid;
};

static enum db_status payout_txn(struct db *db, void *ctx)
{
	struct payout *p = ctx;
	struct db_res locked, lines;
	struct db_param key[] = { DB_I(p->brand_id), DB_I(p->creator_id) };
	p->lines_paid = 0;
	enum db_status rc = db_query(db, p->a, &q_lock, key, &locked);
	if (rc == DB_OK)
		rc = db_query(db, p->a, &q_lines, key, &lines);
	long long total = 0;
	struct ledger_split *split = NULL;
	if (rc == DB_OK) {
		split = arena_alloc(p->a, (lines.nrows + 1) * sizeof *split);
		for (size_t i = 0; i < lines.nrows; i++) {
			split[i] = ledger_line(db_at(&lines, i, 2)->i, db_at(&lines, i, 3)->i, db_at(&lines, i, 4)->i,
					       db_at(&lines, i, 5)->i != 0);
			total += split[i].payable + split[i].carried;
		}
	}
	/* A balance that refunds have left at or below zero stays carried: nothing is paid. */
	for (size_t i = 0; rc == DB_OK && total > 0 && i < lines.nrows; i++) {
		long long settle = split[i].payable + split[i].carried;
		if (settle == 0)
			continue;
		struct ledger_entry e = { .brand_id = p->brand_id, .creator_id = p->creator_id,
					  .order_line_id = db_at(&lines, i, 0)->i, .amount = -settle,
					  .currency = db_at(&lines, i, 1)->s, .kind = "payout", .created_by = p->user_id };
		rc = ledger_append(db, p->a, &e);
		p->lines_paid++;
	}
	return rc;
}

int page_dashboard_brand_payout(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct payout p = { b->id, req_id(r, "creator_id"), r->sess.user_id, r->arena, 0 };
	if (!p.creator_id) {
		response_error(r, 400, "Choose the creator to pay.");
		return REQ_DONE;
	}
	enum db_status rc = db_txn(r->db, payout_txn, &p);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (p.lines_paid == 0) {
		response_error(r, 409, "Nothing is payable to that creator right now.");
		return REQ_DONE;
	}
	response_redirect(r, "/studio/brand/dashboard?paid=1");
	return REQ_DONE;
}
