/* live_deal.c: claiming flash-deal units for a cart, the prices a cart holds, and marking claims
 * placed at checkout. */
#include <string.h>
#include "domain/live/live_deal.h"

/* The deal row's lock serialises every claim on the deal: the count below cannot go stale. */
static const struct db_stmt q_deal = {
	"SELECT variant_id, stock, per_buyer, (starts_at <= UTC_TIMESTAMP(3) AND ends_at > UTC_TIMESTAMP(3))"
	" FROM live_deals WHERE id = ? AND session_id = ? FOR UPDATE", "ii", "iiii" };
/* Units held by other carts (placed, or not yet expired), and this cart's own claim. */
static const struct db_stmt q_taken = {
	"SELECT COALESCE(SUM(IF(cart_id <> ?, quantity, 0)), 0), COALESCE(SUM(IF(cart_id = ?, quantity, 0)), 0),"
	" COALESCE(MAX(cart_id = ? AND placed_at IS NOT NULL), 0)"
	" FROM live_deal_claims WHERE deal_id = ? AND (placed_at IS NOT NULL OR hold_until > UTC_TIMESTAMP(3))",
	"iiii", "iii" };
static const struct db_stmt q_claim = {
	"INSERT INTO live_deal_claims (deal_id, cart_id, quantity, hold_until, created_at)"
	" SELECT id, ?, ?, ends_at + INTERVAL ? SECOND, UTC_TIMESTAMP(3) FROM live_deals WHERE id = ?"
	" ON DUPLICATE KEY UPDATE quantity = VALUES(quantity), hold_until = VALUES(hold_until)", "iiii", "" };
static const struct db_stmt q_held = {
	"SELECT d.variant_id, d.price, d.currency, c.quantity FROM live_deal_claims c JOIN live_deals d ON d.id = c.deal_id"
	" WHERE c.cart_id = ? AND c.placed_at IS NULL AND c.hold_until > UTC_TIMESTAMP(3) LIMIT 50", "i", "iisi" };
static const struct db_stmt q_place = {
	"UPDATE live_deal_claims SET placed_at = UTC_TIMESTAMP(3)"
	" WHERE cart_id = ? AND placed_at IS NULL AND hold_until > UTC_TIMESTAMP(3)", "i", "" };

enum db_status live_deal_claim_write(struct db *db, void *ctx)
{
	struct live_deal_claim *c = ctx;
	struct db_res d, t;
	enum db_status rc = db_query(db, c->a, &q_deal, (struct db_param[]){ DB_I(c->deal_id), DB_I(c->session_id) }, &d);
	if (rc != DB_OK)
		return rc;
	if (d.nrows == 0 || !db_at(&d, 0, 3)->i) {
		c->result = LIVE_DEAL_OVER;
		return DB_CONFLICT;
	}
	if (db_at(&d, 0, 0)->i != c->variant_id) {
		c->result = LIVE_DEAL_WRONG_VARIANT;
		return DB_CONFLICT;
	}
	long long stock = db_at(&d, 0, 1)->i, per_buyer = db_at(&d, 0, 2)->i;
	rc = db_query(db, c->a, &q_taken, (struct db_param[]){ DB_I(c->cart_id), DB_I(c->cart_id), DB_I(c->cart_id),
		DB_I(c->deal_id) }, &t);
	if (rc != DB_OK)
		return rc;
	long long others = db_at(&t, 0, 0)->i, own = db_at(&t, 0, 1)->i;
	/* A placed claim is this cart's purchase: the limit counts it, and it is not reopened. */
	if (db_at(&t, 0, 2)->i || own + c->quantity > per_buyer) {
		c->result = LIVE_DEAL_LIMIT;
		return DB_CONFLICT;
	}
	if (others + own + c->quantity > stock) {
		c->result = LIVE_DEAL_SOLD_OUT;
		return DB_CONFLICT;
	}
	rc = db_query(db, NULL, &q_claim, (struct db_param[]){ DB_I(c->cart_id), DB_I(own + c->quantity), DB_I(c->hold_s),
		DB_I(c->deal_id) }, NULL);
	if (rc == DB_OK)
		c->result = LIVE_DEAL_CLAIMED;
	return rc;
}

enum db_status live_deal_held(struct db *db, struct arena *a, long long cart_id, struct live_deal_price **out,
			      size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_held, (struct db_param[]){ DB_I(cart_id) }, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	struct live_deal_price *p = arena_alloc(a, res.nrows * sizeof *p);
	for (size_t i = 0; i < res.nrows; i++)
		p[i] = (struct live_deal_price){ db_at(&res, i, 0)->i, db_at(&res, i, 1)->i, db_at(&res, i, 3)->i,
						 db_at(&res, i, 2)->s };
	*out = p;
	*n = res.nrows;
	return DB_OK;
}

bool live_deal_price_for(const struct live_deal_price *held, size_t n, long long variant_id, long long quantity,
			 const char *currency, long long *price)
{
	for (size_t i = 0; i < n; i++)
		if (held[i].variant_id == variant_id && quantity <= held[i].quantity
		    && strcmp(held[i].currency, currency) == 0) {
			*price = held[i].price;
			return true;
		}
	return false;
}

enum db_status live_deal_place(struct db *db, long long cart_id)
{
	return db_query(db, NULL, &q_place, (struct db_param[]){ DB_I(cart_id) }, NULL);
}
