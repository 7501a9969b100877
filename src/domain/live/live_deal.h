/* live_deal.h: flash deals of a live session. A creator puts a deal price on a pinned product's
 * variant for LIVE_DEAL_MIN_S..LIVE_DEAL_MAX_S seconds with a stock of its own and a per-buyer
 * limit. A buyer (a cart) claims units while the deal runs; the claim reserves them until
 * hold_until (the deal's end plus live_deal_hold_s), and for good once an order is placed with
 * them. Claims are counted under the deal row's lock, so no more than the deal stock is ever
 * claimed, on one node or on Galera (a conflicting claim is re-run by db_txn). The cart asks
 * live_deal_held for the prices held for it: that is the checkout's only hook. */
#ifndef CC_LIVE_DEAL_H
#define CC_LIVE_DEAL_H
#include "db/db.h"

#define LIVE_DEAL_MIN_S 10
#define LIVE_DEAL_MAX_S 300
#define LIVE_DEAL_STOCK_MAX 100000
#define LIVE_DEAL_PER_BUYER_MAX 10

enum live_deal_claim_result {
	LIVE_DEAL_CLAIMED,
	LIVE_DEAL_OVER,		/* no such deal running in this session (ended or not yet) */
	LIVE_DEAL_SOLD_OUT,	/* the deal stock is all claimed */
	LIVE_DEAL_LIMIT,	/* this cart would pass the per-buyer limit */
	LIVE_DEAL_WRONG_VARIANT,	/* the deal is on another variant than the one asked for */
};

struct live_deal_claim {
	struct arena *a;
	long long session_id, deal_id, cart_id, quantity;
	long long hold_s;		/* seconds after the deal's end that a claim stays held */
	long long variant_id;		/* the variant the buyer asked for: the deal's, or it is refused */
	enum live_deal_claim_result result;	/* out */
};

/* Run inside db_txn (returns DB_CONFLICT with c->result set when refused). */
enum db_status live_deal_claim_write(struct db *db, void *claim);

/* A deal price held for a cart: the claim's variant, price, currency and units. */
struct live_deal_price {
	long long variant_id, price, quantity;
	const char *currency;
};
/* The prices held for cart `cart_id` now (claims neither expired nor placed). */
enum db_status live_deal_held(struct db *db, struct arena *a, long long cart_id, struct live_deal_price **out,
			      size_t *n);
/* The deal price for a cart line of `quantity` units of `variant_id` in `currency`: true and
 * *price when a held claim covers all the line's units. Pure. */
bool live_deal_price_for(const struct live_deal_price *held, size_t n, long long variant_id, long long quantity,
			 const char *currency, long long *price);
/* The order was placed with the cart's held claims: they count against the deal stock for good.
 * Call inside the checkout's transaction. */
enum db_status live_deal_place(struct db *db, long long cart_id);

#endif
