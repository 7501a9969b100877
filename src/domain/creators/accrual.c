/* accrual.c: commission accruals from an order's lines at the moment it is paid. */
#include "domain/commerce/pay_test.h"
#include "domain/creators/accrual.h"
#include "domain/creators/ledger_append.h"

static const struct db_stmt q_lines = {
	"SELECT l.id, l.creator_id, o.brand_id, l.commission_amount, o.currency FROM order_lines l"
	" JOIN orders o ON o.id = l.order_id"
	" WHERE l.order_id = ? AND l.creator_id IS NOT NULL AND l.commission_amount > 0"
	/* no money came in for a test order, so no creator earns on it: no accrual, no ledger entry */
	" AND " PAY_TEST_REAL_ORDER("o")
	/* orders placed before commission waited for payment accrued at placing */
	" AND NOT EXISTS (SELECT 1 FROM commission_entries ce WHERE ce.order_line_id = l.id AND ce.kind = 'accrual')"
	" ORDER BY l.id",
	"i", "iiiis" };

enum db_status accrual_for_order(struct db *db, struct arena *a, long long order_id)
{
	struct db_res l;
	enum db_status rc = db_query(db, a, &q_lines, (struct db_param[]){ DB_I(order_id) }, &l);
	for (size_t i = 0; rc == DB_OK && i < l.nrows; i++) {
		struct ledger_entry e = { .brand_id = db_at(&l, i, 2)->i, .creator_id = db_at(&l, i, 1)->i,
					  .order_line_id = db_at(&l, i, 0)->i, .amount = db_at(&l, i, 3)->i,
					  .currency = db_at(&l, i, 4)->s, .kind = "accrual" };
		rc = ledger_append(db, a, &e);
	}
	return rc;
}
