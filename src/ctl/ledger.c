/* ledger.c: crowdcartctl ledger verify [--brand SLUG] [--init]: recomputes each brand's commission
 * ledger chain (ledger_chain.h) in chain order and reports the first broken link: an entry whose
 * content no longer gives its stored hash (changed by SQL), one whose link or position is wrong
 * (removed, inserted or reordered), a head that is not the last entry, or an entry outside the
 * chain (inserted around ledger_append). Records each brand's result in ledger_checks for the
 * dashboards. --init first chains the entries that have no hash yet (written before migration
 * 0023, or by the demo data), in id order, after the brand's head. */
#include <stdio.h>
#include <string.h>
#include "domain/creators/ledger_chain.h"
#include "ctl/ctl.h"

#define LEDGER_PAGE 1000	/* the LIMIT of q_page and q_unchained */

static const struct db_stmt q_brands = {
	"SELECT id, slug FROM brands WHERE (? = '' OR slug = ?) AND (id IN (SELECT brand_id FROM ledger_heads)"
	" OR id IN (SELECT brand_id FROM commission_entries)) ORDER BY id", "ss", "is" };
static const struct db_stmt q_page = {
	"SELECT id, creator_id, COALESCE(order_line_id, 0), amount, currency, kind, COALESCE(payout_id, 0),"
	" DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), chain_seq, prev_hash, entry_hash FROM commission_entries"
	" WHERE brand_id = ? AND chain_seq > ? ORDER BY chain_seq LIMIT 1000", "ii", "iiiissisibb" };
static const struct db_stmt q_unchained = {
	"SELECT id, creator_id, COALESCE(order_line_id, 0), amount, currency, kind, COALESCE(payout_id, 0),"
	" DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM commission_entries"
	" WHERE brand_id = ? AND chain_seq IS NULL ORDER BY id LIMIT 1000", "i", "iiiissis" };
static const struct db_stmt q_head = {
	"SELECT last_seq, last_hash FROM ledger_heads WHERE brand_id = ? FOR UPDATE", "i", "ib" };
static const struct db_stmt q_head_read = {
	"SELECT last_seq, last_hash FROM ledger_heads WHERE brand_id = ?", "i", "ib" };
static const struct db_stmt q_head_new = {
	"INSERT INTO ledger_heads (brand_id, last_seq, last_entry_id, last_hash) VALUES (?, 0, NULL, ?)", "ib", "" };
static const struct db_stmt q_chain_row = {
	"UPDATE commission_entries SET chain_seq = ?, prev_hash = ?, entry_hash = ?"
	" WHERE id = ? AND chain_seq IS NULL", "ibbi", "" };
static const struct db_stmt q_head_move = {
	"UPDATE ledger_heads SET last_seq = ?, last_entry_id = ?, last_hash = ? WHERE brand_id = ?", "iibi", "" };
static const struct db_stmt q_record = {
	"INSERT INTO ledger_checks (brand_id, checked_at, ok, entries, broken_entry_id)"
	" VALUES (?, UTC_TIMESTAMP(), ?, ?, ?) ON DUPLICATE KEY UPDATE checked_at = VALUES(checked_at),"
	" ok = VALUES(ok), entries = VALUES(entries), broken_entry_id = VALUES(broken_entry_id)", "iiii", "" };

static void ledger_row_entry(const struct db_res *res, size_t i, long long brand_id, struct ledger_entry *e)
{
	*e = (struct ledger_entry){ .brand_id = brand_id, .creator_id = db_at(res, i, 1)->i,
				    .order_line_id = db_at(res, i, 2)->i, .amount = db_at(res, i, 3)->i,
				    .currency = db_at(res, i, 4)->s, .kind = db_at(res, i, 5)->s,
				    .payout_id = db_at(res, i, 6)->i };
	snprintf(e->created_at, sizeof e->created_at, "%s", db_at(res, i, 7)->s);
}

struct ledger_init {
	long long brand_id;
	struct arena *a;
	size_t chained;
};

/* One page of unchained entries, appended after the head in one transaction. */
static enum db_status ledger_init_page(struct db *db, void *ctx)
{
	struct ledger_init *in = ctx;
	static const uint8_t zero[LEDGER_HASH_LEN];
	struct db_res head, rows;
	in->chained = 0;
	enum db_status rc = db_query(db, in->a, &q_head, (struct db_param[]){ DB_I(in->brand_id) }, &head);
	if (rc == DB_OK && head.nrows == 0) {
		rc = db_query(db, NULL, &q_head_new, (struct db_param[]){ DB_I(in->brand_id), DB_B(zero, sizeof zero) },
			      NULL);
		if (rc == DB_OK)
			rc = db_query(db, in->a, &q_head, (struct db_param[]){ DB_I(in->brand_id) }, &head);
	}
	if (rc == DB_OK)
		rc = db_query(db, in->a, &q_unchained, (struct db_param[]){ DB_I(in->brand_id) }, &rows);
	if (rc != DB_OK)
		return rc;
	if (head.nrows != 1 || db_at(&head, 0, 1)->len != LEDGER_HASH_LEN)
		return DB_ERR;
	unsigned long long seq = (unsigned long long)db_at(&head, 0, 0)->i;
	uint8_t prev[LEDGER_HASH_LEN], hash[LEDGER_HASH_LEN];
	memcpy(prev, db_at(&head, 0, 1)->s, sizeof prev);
	long long last_id = 0;
	for (size_t i = 0; i < rows.nrows; i++) {
		struct ledger_entry e;
		ledger_row_entry(&rows, i, in->brand_id, &e);
		ledger_chain_hash(&e, ++seq, prev, hash);
		last_id = db_at(&rows, i, 0)->i;
		rc = db_query(db, NULL, &q_chain_row, (struct db_param[]){ DB_I(seq), DB_B(prev, sizeof prev),
				DB_B(hash, sizeof hash), DB_I(last_id) }, NULL);
		if (rc != DB_OK)
			return rc;
		memcpy(prev, hash, sizeof prev);
	}
	in->chained = rows.nrows;
	if (rows.nrows == 0)
		return DB_OK;
	return db_query(db, NULL, &q_head_move, (struct db_param[]){ DB_I(seq), DB_I(last_id), DB_B(prev, sizeof prev),
				DB_I(in->brand_id) }, NULL);
}

static bool ledger_init_brand(struct db *db, struct arena *a, long long brand_id, const char *slug)
{
	struct ledger_init in = { brand_id, a, 0 };
	size_t total = 0;
	do {
		if (db_txn(db, ledger_init_page, &in) != DB_OK) {
			fprintf(stderr, "crowdcartctl: ledger --init failed for %s\n", slug);
			return false;
		}
		total += in.chained;
		arena_reset(a);
	} while (in.chained > 0);
	if (total)
		printf("%s: chained %zu earlier entries\n", slug, total);
	return true;
}

/* Verifies one brand's chain; prints the first fault; returns 0 ok, 1 broken, -1 failed to read. */
static int ledger_verify_brand(struct db *db, struct arena *a, long long brand_id, const char *slug)
{
	struct ledger_chain_walk w;
	ledger_chain_start(&w);
	long long broken = 0, count = 0, last_id = 0;
	struct db_res page;
	do {
		if (db_query(db, a, &q_page, (struct db_param[]){ DB_I(brand_id), DB_I((long long)w.seq) }, &page) != DB_OK)
			return -1;
		for (size_t i = 0; i < page.nrows && !broken; i++) {
			struct ledger_entry e;
			ledger_row_entry(&page, i, brand_id, &e);
			uint8_t expected[LEDGER_HASH_LEN], stored[LEDGER_HASH_LEN] = { 0 }, prev[LEDGER_HASH_LEN] = { 0 };
			if (db_at(&page, i, 9)->len == LEDGER_HASH_LEN)
				memcpy(prev, db_at(&page, i, 9)->s, sizeof prev);
			if (db_at(&page, i, 10)->len == LEDGER_HASH_LEN)
				memcpy(stored, db_at(&page, i, 10)->s, sizeof stored);
			long long id = db_at(&page, i, 0)->i;
			unsigned long long seq = (unsigned long long)db_at(&page, i, 8)->i;
			enum ledger_chain_fault f = ledger_chain_step(&w, &e, seq, prev, stored, expected);
			char want[2 * LEDGER_HASH_LEN + 1], got[2 * LEDGER_HASH_LEN + 1];
			ledger_chain_hex(expected, want);
			ledger_chain_hex(stored, got);
			if (f == LEDGER_CHAIN_GAP)
				printf("%s: BROKEN at entry %lld: it is at chain position %llu, expected %llu (an entry is missing)\n",
				       slug, id, seq, w.seq + 1);
			else if (f == LEDGER_CHAIN_LINK)
				printf("%s: BROKEN at entry %lld: its link does not name the previous entry's hash\n", slug, id);
			else if (f == LEDGER_CHAIN_CONTENT)
				printf("%s: BROKEN at entry %lld: content changed: expected hash %s, stored %s\n", slug, id,
				       want, got);
			if (f != LEDGER_CHAIN_OK)
				broken = id;
			else
				count++, last_id = id;
		}
		arena_reset(a);
	} while (!broken && page.nrows == LEDGER_PAGE);
	struct db_res head, loose;
	if (!broken) {
		if (db_query(db, a, &q_head_read, (struct db_param[]){ DB_I(brand_id) }, &head) != DB_OK)
			return -1;
		unsigned long long head_seq = head.nrows ? (unsigned long long)db_at(&head, 0, 0)->i : 0;
		if (head_seq != w.seq || (head.nrows && (db_at(&head, 0, 1)->len != LEDGER_HASH_LEN ||
							 memcmp(db_at(&head, 0, 1)->s, w.prev, LEDGER_HASH_LEN) != 0))) {
			printf("%s: BROKEN after entry %lld: the chain head is at position %llu, the entries end at %llu"
			       " (entries removed from the end?)\n", slug, last_id, head_seq, w.seq);
			broken = last_id ? last_id : -1;
		}
	}
	if (!broken) {
		if (db_query(db, a, &q_unchained, (struct db_param[]){ DB_I(brand_id) }, &loose) != DB_OK)
			return -1;
		if (loose.nrows) {
			printf("%s: BROKEN at entry %lld: not in the chain (%zu%s entries written around the ledger;"
			       " `ledger verify --init` chains entries from before the chain existed)\n", slug,
			       db_at(&loose, 0, 0)->i, loose.nrows, loose.nrows == LEDGER_PAGE ? "+" : "");
			broken = db_at(&loose, 0, 0)->i;
		}
	}
	struct db_param rec[] = { DB_I(brand_id), DB_I(broken ? 0 : 1), DB_I(count), broken > 0 ? DB_I(broken) : DB_NULL };
	if (db_query(db, NULL, &q_record, rec, NULL) != DB_OK)
		return -1;
	if (!broken)
		printf("%s: ok, %lld entries\n", slug, count);
	return broken ? 1 : 0;
}

static int ledger_usage(void)
{
	fprintf(stderr, "usage: crowdcartctl ledger verify [--brand SLUG] [--init]\n");
	return 2;
}

int ctl_ledger(struct db *db, int argc, char **argv)
{
	if (argc < 1 || strcmp(argv[0], "verify") != 0)
		return ledger_usage();
	const char *slug = "";
	bool init = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--init") == 0)
			init = true;
		else if (strcmp(argv[i], "--brand") == 0 && i + 1 < argc)
			slug = argv[++i];
		else
			return ledger_usage();
	}
	struct arena *a = arena_new(1 << 16), *page = arena_new(1 << 18);
	struct db_res brands;
	int status = 0;
	if (db_query(db, a, &q_brands, (struct db_param[]){ DB_S(slug), DB_S(slug) }, &brands) != DB_OK) {
		fprintf(stderr, "crowdcartctl: cannot read the brands\n");
		status = 1;
		brands.nrows = 0;
	}
	for (size_t i = 0; i < brands.nrows; i++) {
		long long id = db_at(&brands, i, 0)->i;
		const char *s = db_at(&brands, i, 1)->s;
		if (init && !ledger_init_brand(db, page, id, s)) {
			status = 1;
			continue;
		}
		int rc = ledger_verify_brand(db, page, id, s);
		if (rc < 0)
			fprintf(stderr, "crowdcartctl: could not read the ledger of %s\n", s);
		if (rc != 0)
			status = 1;
	}
	arena_free(page);
	arena_free(a);
	return status;
}

int ctl_ledger_chain_all(struct db *db)
{
	char *argv[] = { "verify", "--init", NULL };
	return ctl_ledger(db, 2, argv);
}
