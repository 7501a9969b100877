/* cart_codes_place.c: a code's use taken in the order transaction. The code's row is locked
 * (SELECT ... FOR UPDATE, ascending id within a brand, brands in ascending id as the cart
 * groups them, after the stock rows: every checkout locks in the same order), the customer's
 * uses are counted under that lock, and the use is taken with a conditional update that cannot
 * pass total_limit; so 100 checkouts racing for a code with 10 uses make exactly 10 orders with
 * it, and the others are refused with the review page again (409), where the code no longer
 * applies. */
#include <stdlib.h>
#include <string.h>
#include "shop/cart_codes.h"

static const struct db_stmt q_lock = {
	"SELECT uses, COALESCE(per_customer_limit, 0) FROM discount_codes WHERE id = ? FOR UPDATE", "i", "ii" };
static const struct db_stmt q_customer_uses = {
	"SELECT COUNT(*) FROM discount_redemptions WHERE code_id = ? AND email_hash = ? AND released_at IS NULL",
	"ib", "i" };
static const struct db_stmt q_take_use = {
	"UPDATE discount_codes SET uses = uses + 1 WHERE id = ? AND active = 1"
	" AND (total_limit IS NULL OR uses < total_limit)", "i", "" };
static const struct db_stmt q_redeem = {
	"INSERT INTO discount_redemptions (code_id, order_id, email_hash, amount, currency, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())", "iibis", "" };

static int by_code_id(const void *a, const void *b)
{
	const struct cart_code *x = *(const struct cart_code *const *)a, *y = *(const struct cart_code *const *)b;
	return (x->rule.id > y->rule.id) - (x->rule.id < y->rule.id);
}

enum db_status cart_codes_redeem(struct db *db, struct req *r, const struct cart *c, const struct cart_brand *b,
				 long long order_id, const char *email, const struct cart_code **refused)
{
	const struct cart_code *mine[DISCOUNT_MAX_PER_CART];
	size_t n = 0;
	*refused = NULL;
	for (size_t i = 0; i < c->ncodes && n < DISCOUNT_MAX_PER_CART; i++)
		if (!c->codes[i].unknown && c->codes[i].verdict == DISCOUNT_OK && c->codes[i].rule.brand_id == b->brand_id)
			mine[n++] = &c->codes[i];
	if (!n)
		return DB_OK;
	qsort(mine, n, sizeof *mine, by_code_id);
	uint8_t who[32];
	cart_codes_customer_hash(r, email, who);
	for (size_t i = 0; i < n; i++) {
		struct db_res lk, used;
		long long id = mine[i]->rule.id;
		enum db_status rc = db_query(db, r->arena, &q_lock, (struct db_param[]){ DB_I(id) }, &lk);
		if (rc != DB_OK)
			return rc;
		long long per_customer = lk.nrows ? db_at(&lk, 0, 1)->i : 0;
		if (per_customer) {
			rc = db_query(db, r->arena, &q_customer_uses, (struct db_param[]){ DB_I(id), DB_B(who, 32) }, &used);
			if (rc != DB_OK)
				return rc;
			if (db_at(&used, 0, 0)->i >= per_customer) {
				*refused = mine[i];
				return DB_CONFLICT;
			}
		}
		if ((rc = db_query(db, NULL, &q_take_use, (struct db_param[]){ DB_I(id) }, NULL)) != DB_OK)
			return rc;
		if (db_affected(db) != 1) {
			*refused = mine[i];
			return DB_CONFLICT;
		}
		rc = db_query(db, NULL, &q_redeem, (struct db_param[]){ DB_I(id), DB_I(order_id), DB_B(who, 32),
			      DB_I(mine[i]->amount), DB_S(b->currency) }, NULL);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

const char *cart_codes_change_notice(struct req *r, const struct cart *c)
{
	for (size_t i = 0; i < c->ncodes; i++) {
		const struct cart_code *k = &c->codes[i];
		switch (k->verdict) {
		case DISCOUNT_USED_UP:
		case DISCOUNT_CUSTOMER_USED:
		case DISCOUNT_EXPIRED:
		case DISCOUNT_DISABLED:
			return arena_printf(r->arena, "The code %s no longer applies: %s Nothing was charged and no order "
					    "was placed. Check the new total below and place the order again, or go back "
					    "to your cart.", k->code, discount_verdict_text(k->verdict));
		default:
			break;
		}
	}
	return NULL;
}

int cart_codes_refused_page(struct req *r, const struct checkout_form *f)
{
	long long id;
	struct cart c;
	enum db_status rc = cart_find(r, false, &id);
	if (rc == DB_OK)
		rc = cart_load_to(r->db, r->arena, id, f->country, f->region, &c);
	if (rc == DB_OK)
		rc = cart_codes_apply(r, r->db, &c, f->email);
	if (rc != DB_OK)
		return req_db_fail(rc);
	const char *notice = cart_codes_change_notice(r, &c);
	checkout_review_page(r, f, &c, 409, notice ? notice : "A discount code on your order no longer applies. "
			     "Nothing was charged and no order was placed. Check the new total and place the order again.");
	return REQ_DONE;
}
