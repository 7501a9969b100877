/* products_brand.c: which brand the signed-in user runs; every catalog page is scoped to it. */
#include <string.h>
#include "studio/products.h"
#include "web/response.h"

static const struct db_stmt q_brand = {
	"SELECT id, slug, name, currency, marketplace_open, approval_required, default_commission_bps"
	" FROM brands WHERE owner_user_id = ? ORDER BY id LIMIT 1", "i", "isssiii" };

bool cat_brand_of(struct req *r, struct cat_brand *b)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_brand, (struct db_param[]){ DB_I(r->sess.user_id) }, &res);
	if (rc != DB_OK) {
		resp_db_error(r, rc);
		return false;
	}
	if (res.nrows == 0) {
		resp_error(r, 403, "Your account does not run a brand, so it has no catalog to manage.");
		return false;
	}
	b->id = db_at(&res, 0, 0)->i;
	b->slug = db_at(&res, 0, 1)->s;
	b->name = db_at(&res, 0, 2)->s;
	b->currency = db_at(&res, 0, 3)->s;
	b->marketplace_open = db_at(&res, 0, 4)->i != 0;
	b->approval_required = db_at(&res, 0, 5)->i != 0;
	b->commission_bps = db_at(&res, 0, 6)->i;
	return true;
}
