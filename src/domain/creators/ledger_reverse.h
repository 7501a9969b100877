/* ledger_reverse.h: a cancellation's or refund's commission reversal on one order line. */
#ifndef CC_LEDGER_REVERSE_H
#define CC_LEDGER_REVERSE_H
#include "db/db.h"

/* Appends, inside the caller's db_txn, the reversal of `due` (> 0) of the line's commission:
 * a 'reversal' for what was not yet paid out, and a 'clawback' for what was (or is in a payout
 * batch not yet voided), which the creator's next payouts net (ledger.h). */
enum db_status ledger_reverse(struct db *db, struct arena *a, long long line_id, long long creator_id,
			      long long brand_id, long long due, const char *currency, long long actor) DB_MUST_CHECK;

#endif
