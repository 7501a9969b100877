/* ledger_append.c: see ledger_append.h. The chain head row is the lock: every append of a brand
 * takes it FOR UPDATE, so two appends never hash after the same entry (and the UNIQUE
 * (brand_id, chain_seq) index refuses it if anything ever tried). */
#include <string.h>
#include <time.h>
#include "domain/creators/ledger_append.h"

static const struct db_stmt q_head = {
	"SELECT last_seq, last_hash FROM ledger_heads WHERE brand_id = ? FOR UPDATE", "i", "ib" };
static const struct db_stmt q_head_new = {
	"INSERT INTO ledger_heads (brand_id, last_seq, last_entry_id, last_hash) VALUES (?, 0, NULL, ?)", "ib", "" };
static const struct db_stmt q_insert = {
	"INSERT INTO commission_entries (order_line_id, creator_id, brand_id, amount, currency, kind, created_at,"
	" created_by, payout_id, chain_seq, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	"iiiisssiiibb", "" };
static const struct db_stmt q_head_move = {
	"UPDATE ledger_heads SET last_seq = ?, last_entry_id = ?, last_hash = ? WHERE brand_id = ?", "iibi", "" };

static struct db_param append_opt_id(long long id)
{
	return id > 0 ? DB_I(id) : DB_NULL;
}

enum db_status ledger_append(struct db *db, struct arena *a, struct ledger_entry *e)
{
	static const uint8_t zero[LEDGER_HASH_LEN];
	uint8_t prev[LEDGER_HASH_LEN], hash[LEDGER_HASH_LEN];
	struct db_res head;
	enum db_status rc = db_query(db, a, &q_head, (struct db_param[]){ DB_I(e->brand_id) }, &head);
	if (rc != DB_OK)
		return rc;
	unsigned long long seq = 1;
	if (head.nrows == 0) {
		/* The brand's first entry. Two first entries at once: the second meets a duplicate
		 * key and its transaction runs again, then finds the head. */
		rc = db_query(db, NULL, &q_head_new, (struct db_param[]){ DB_I(e->brand_id), DB_B(zero, sizeof zero) },
			      NULL);
		if (rc != DB_OK)
			return rc == DB_DUP ? DB_RETRY : rc;
		memcpy(prev, zero, sizeof prev);
	} else {
		if (db_at(&head, 0, 1)->len != LEDGER_HASH_LEN)
			return DB_ERR;
		seq = (unsigned long long)db_at(&head, 0, 0)->i + 1;
		memcpy(prev, db_at(&head, 0, 1)->s, sizeof prev);
	}
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(e->created_at, sizeof e->created_at, "%Y-%m-%d %H:%M:%S", &tm);
	ledger_chain_hash(e, seq, prev, hash);
	struct db_param p[] = { append_opt_id(e->order_line_id), DB_I(e->creator_id), DB_I(e->brand_id),
				DB_I(e->amount), DB_S(e->currency), DB_S(e->kind), DB_S(e->created_at),
				append_opt_id(e->created_by), append_opt_id(e->payout_id), DB_I(seq),
				DB_B(prev, sizeof prev), DB_B(hash, sizeof hash) };
	if ((rc = db_query(db, NULL, &q_insert, p, NULL)) != DB_OK)
		return rc == DB_DUP ? DB_RETRY : rc;
	long long id = (long long)db_insert_id(db);
	return db_query(db, NULL, &q_head_move, (struct db_param[]){ DB_I(seq), DB_I(id), DB_B(hash, sizeof hash),
				DB_I(e->brand_id) }, NULL);
}
