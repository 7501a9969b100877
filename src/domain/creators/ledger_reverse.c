/* ledger_reverse.c: see ledger_reverse.h. The caller holds the order line's row lock (refunds
 * and cancellations lock their lines first), so the sums read here cannot move under it; a
 * payout batch being created meanwhile waits on the same lines (payout_batch.c locks them). */
#include "domain/creators/ledger.h"
#include "domain/creators/ledger_append.h"
#include "domain/creators/ledger_reverse.h"

static const struct db_stmt q_line = {
	"SELECT CAST(COALESCE(SUM(IF(kind = 'accrual', amount, 0)), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(IF(kind IN ('reversal', 'clawback'), amount, 0)), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(IF(kind = 'payout', -amount, 0)), 0) AS SIGNED),"
	" CAST((SELECT COALESCE(SUM(i.amount), 0) FROM payout_items i JOIN payout_batches pb ON pb.id = i.batch_id"
	" WHERE i.order_line_id = ? AND pb.status IN ('draft', 'exported')) AS SIGNED)"
	" FROM commission_entries WHERE order_line_id = ?", "ii", "iiii" };

enum db_status ledger_reverse(struct db *db, struct arena *a, long long line_id, long long creator_id,
			      long long brand_id, long long due, const char *currency, long long actor)
{
	struct db_res s;
	enum db_status rc = db_query(db, a, &q_line, (struct db_param[]){ DB_I(line_id), DB_I(line_id) }, &s);
	if (rc != DB_OK)
		return rc;
	struct ledger_reversal v = ledger_reverse_split(db_at(&s, 0, 0)->i, db_at(&s, 0, 1)->i,
							db_at(&s, 0, 2)->i + db_at(&s, 0, 3)->i, due);
	struct ledger_entry e = { .brand_id = brand_id, .creator_id = creator_id, .order_line_id = line_id,
				  .currency = currency, .created_by = actor };
	if (v.reversal > 0) {
		e.amount = -v.reversal;
		e.kind = "reversal";
		if ((rc = ledger_append(db, a, &e)) != DB_OK)
			return rc;
	}
	if (v.clawback > 0) {
		e.amount = -v.clawback;
		e.kind = "clawback";
		rc = ledger_append(db, a, &e);
	}
	return rc;
}
