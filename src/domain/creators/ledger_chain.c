/* ledger_chain.c: see ledger_chain.h. The encoding is fixed-width big-endian integers and
 * length-prefixed text, so no two different entries encode alike. */
#include <string.h>
#include <sodium.h>
#include "domain/creators/ledger_chain.h"

static void chain_u64(crypto_generichash_state *st, unsigned long long v)
{
	uint8_t b[8];
	for (int i = 7; i >= 0; i--, v >>= 8)
		b[i] = (uint8_t)(v & 0xff);
	crypto_generichash_update(st, b, sizeof b);
}

static void chain_text(crypto_generichash_state *st, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	chain_u64(st, n);
	crypto_generichash_update(st, (const uint8_t *)(s ? s : ""), n);
}

void ledger_chain_hash(const struct ledger_entry *e, unsigned long long seq, const uint8_t prev[LEDGER_HASH_LEN],
		       uint8_t out[LEDGER_HASH_LEN])
{
	static const char version[] = "crowdcart ledger v1";
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, LEDGER_HASH_LEN);
	crypto_generichash_update(&st, (const uint8_t *)version, sizeof version);
	chain_u64(&st, (unsigned long long)e->brand_id);
	chain_u64(&st, seq);
	chain_u64(&st, (unsigned long long)e->creator_id);
	chain_u64(&st, (unsigned long long)e->order_line_id);
	chain_u64(&st, (unsigned long long)e->amount);	/* two's complement: -1 is all ones */
	chain_text(&st, e->currency);
	chain_text(&st, e->kind);
	chain_u64(&st, (unsigned long long)e->payout_id);
	chain_text(&st, e->created_at);
	crypto_generichash_update(&st, prev, LEDGER_HASH_LEN);
	crypto_generichash_final(&st, out, LEDGER_HASH_LEN);
}

void ledger_chain_start(struct ledger_chain_walk *w)
{
	w->seq = 0;
	memset(w->prev, 0, sizeof w->prev);
}

enum ledger_chain_fault ledger_chain_step(struct ledger_chain_walk *w, const struct ledger_entry *e,
					  unsigned long long seq, const uint8_t prev[LEDGER_HASH_LEN],
					  const uint8_t stored[LEDGER_HASH_LEN], uint8_t expected[LEDGER_HASH_LEN])
{
	ledger_chain_hash(e, w->seq + 1, w->prev, expected);
	if (seq != w->seq + 1)
		return LEDGER_CHAIN_GAP;
	if (sodium_memcmp(prev, w->prev, LEDGER_HASH_LEN) != 0)
		return LEDGER_CHAIN_LINK;
	if (sodium_memcmp(stored, expected, LEDGER_HASH_LEN) != 0)
		return LEDGER_CHAIN_CONTENT;
	w->seq = seq;
	memcpy(w->prev, stored, LEDGER_HASH_LEN);
	return LEDGER_CHAIN_OK;
}

void ledger_chain_hex(const uint8_t h[LEDGER_HASH_LEN], char out[2 * LEDGER_HASH_LEN + 1])
{
	sodium_bin2hex(out, 2 * LEDGER_HASH_LEN + 1, h, LEDGER_HASH_LEN);
}
