/* catalog_feed_out.c: the paging and the price format every published catalog feed shares. */
#include "domain/catalog/catalog_feed_out.h"
#include "lib/money.h"

#define PAGE 500

static const struct db_stmt q_page = {
	"SELECT id FROM products WHERE brand_id = ? AND status = 'active' AND id > ? ORDER BY id LIMIT 500",
	"ii", "i" };

enum db_status catalog_feed_out_pages(const struct catalog_feed_out *f, struct arena *a,
				      catalog_feed_out_page_fn page)
{
	long long after = 0;
	enum db_status rc = DB_OK;
	for (;;) {
		arena_reset(a);
		struct db_res ids;
		if ((rc = db_query(f->db, a, &q_page, (struct db_param[]){ DB_I(f->brand_id), DB_I(after) }, &ids)) != DB_OK ||
		    ids.nrows == 0)
			break;
		long long lo = db_at(&ids, 0, 0)->i, hi = db_at(&ids, ids.nrows - 1, 0)->i;
		if ((rc = page(f, a, (struct db_param[]){ DB_I(f->brand_id), DB_I(lo), DB_I(hi) })) != DB_OK)
			break;
		after = hi;
		if (ids.nrows < PAGE)
			break;
	}
	return rc;
}

const char *catalog_feed_out_price(struct arena *a, long long minor, const char *currency)
{
	char decimal[48];
	if (!money_decimal(decimal, sizeof decimal, minor, currency))
		return "";	/* not a currency code: no price a platform could read */
	return arena_printf(a, "%s %s", decimal, currency);
}
