/* ledger_chain.h: the hash that links a brand's commission entries into a chain. Pure.
 *
 * entry_hash = BLAKE2b-256 over a fixed binary encoding of what the entry says (brand, chain
 * position, creator, order line, amount, currency, kind, payout batch, time) followed by the
 * previous entry's hash (32 zero bytes for a brand's first entry). Changing any of those in a
 * stored row, or removing, inserting or reordering rows, no longer reproduces the stored hashes.
 * created_by is left out on purpose: deleting a user sets it to NULL (a foreign key), which is
 * not tampering. */
#ifndef CC_LEDGER_CHAIN_H
#define CC_LEDGER_CHAIN_H
#include <stdbool.h>
#include <stdint.h>

#define LEDGER_HASH_LEN 32

struct ledger_entry {
	long long brand_id, creator_id;
	long long order_line_id;	/* 0: none (a payout may cover many lines) */
	long long amount;		/* minor units, signed */
	const char *currency;		/* ISO 4217 */
	const char *kind;		/* accrual, reversal, payout, clawback */
	long long payout_id;		/* 0: none */
	long long created_by;		/* 0: none; not hashed */
	char created_at[20];		/* "YYYY-MM-DD hh:mm:ss" UTC */
};

/* The hash of entry `e` at position `seq` (1, 2, ...) of its brand's chain after `prev`. */
void ledger_chain_hash(const struct ledger_entry *e, unsigned long long seq, const uint8_t prev[LEDGER_HASH_LEN],
		       uint8_t out[LEDGER_HASH_LEN]);

/* Walking a chain in chain_seq order, one stored row at a time. */
struct ledger_chain_walk {
	unsigned long long seq;		/* of the last entry that checked out; 0 before the first */
	uint8_t prev[LEDGER_HASH_LEN];	/* its hash; zeros before the first */
};

enum ledger_chain_fault {
	LEDGER_CHAIN_OK,
	LEDGER_CHAIN_GAP,	/* not the next position: an entry is missing (or was renumbered) */
	LEDGER_CHAIN_LINK,	/* its prev_hash is not the previous entry's hash */
	LEDGER_CHAIN_CONTENT,	/* its content no longer gives its stored hash: changed */
};

void ledger_chain_start(struct ledger_chain_walk *w);
/* Checks the stored row (`e` at `seq`, with its stored prev_hash and entry_hash) as the next
 * entry; on LEDGER_CHAIN_OK moves the walk past it. `expected` gets the hash the entry should
 * have (for the report). */
enum ledger_chain_fault ledger_chain_step(struct ledger_chain_walk *w, const struct ledger_entry *e,
					  unsigned long long seq, const uint8_t prev[LEDGER_HASH_LEN],
					  const uint8_t stored[LEDGER_HASH_LEN], uint8_t expected[LEDGER_HASH_LEN]);

/* Lower-case hex of a hash, for reports: out has room for 65 bytes. */
void ledger_chain_hex(const uint8_t h[LEDGER_HASH_LEN], char out[2 * LEDGER_HASH_LEN + 1]);

#endif
