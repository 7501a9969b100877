/* ledger_append.h: the one way an entry enters commission_entries. */
#ifndef CC_LEDGER_APPEND_H
#define CC_LEDGER_APPEND_H
#include "db/db.h"
#include "domain/creators/ledger_chain.h"

/* Appends `e` to its brand's chain, inside the caller's db_txn: locks the brand's chain head
 * (creating it for a brand's first entry), hashes the entry after the head, inserts it and
 * moves the head. e->created_at is set here (now, UTC). Appends to one brand wait for each
 * other's transactions; on a cluster they conflict and db_txn runs them again. */
enum db_status ledger_append(struct db *db, struct arena *a, struct ledger_entry *e) DB_MUST_CHECK;

#endif
