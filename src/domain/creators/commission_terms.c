/* commission_terms.c: see commission_terms.h. */
#include "domain/commerce/pay_test.h"
#include "domain/creators/commission_terms.h"

/* Unix seconds from a UTC DATETIME without the session's time zone in between. */
#define UNIX_OF(col) "TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', " col ")"

/* The earlier-order check runs only when the brand has a first-order rate; orders_brand_email
 * keeps it to the buyer's rows. The collation compares emails case-insensitively. A test order
 * (pay_test.h) bought nothing, so it does not make the next real one a returning buyer's. */
static const struct db_stmt q_terms = {
	"SELECT b.indirect_commission_bps, COALESCE(b.first_order_commission_bps, -1),"
	" b.first_order_commission_bps IS NOT NULL AND EXISTS (SELECT 1 FROM orders o WHERE o.brand_id = b.id"
	" AND o.email = ? AND o.status NOT IN ('cancelled', 'payment_failed') AND " PAY_TEST_REAL_ORDER("o") "), "
	UNIX_OF("UTC_TIMESTAMP()")
	" FROM brands b WHERE b.id = ?", "si", "iiii" };
static const struct db_stmt q_pick = {
	"SELECT commission_bps, COALESCE(pending_bps, -1), COALESCE(" UNIX_OF("pending_at") ", 0) FROM picks"
	" WHERE creator_id = ? AND product_id = ? AND status = 'approved'", "ii", "iii" };

enum db_status commission_terms_load(struct db *db, struct arena *a, long long brand_id, const char *buyer_email,
				     struct commission_terms *t, long long *now)
{
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_terms, (struct db_param[]){ DB_S(buyer_email), DB_I(brand_id) }, &res);
	if (rc != DB_OK)
		return rc;
	if (res.nrows == 0)
		return DB_ERR;
	*t = (struct commission_terms){ db_at(&res, 0, 0)->i, db_at(&res, 0, 1)->i, db_at(&res, 0, 2)->i != 0 };
	*now = db_at(&res, 0, 3)->i;
	return DB_OK;
}

enum db_status commission_pick_load(struct db *db, struct arena *a, long long creator_id, long long product_id,
				    bool *picked, struct commission_schedule *s)
{
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_pick, (struct db_param[]){ DB_I(creator_id), DB_I(product_id) }, &res);
	if (rc != DB_OK)
		return rc;
	*picked = res.nrows > 0;
	if (*picked)
		*s = (struct commission_schedule){ db_at(&res, 0, 0)->i, db_at(&res, 0, 1)->i, db_at(&res, 0, 2)->i };
	return DB_OK;
}
