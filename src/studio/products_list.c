/* products_list.c: "/studio/products" — the brand's products, newest change first, by status. */
#include <string.h>
#include "web/layout.h"
#include "studio/products.h"
#include "web/response.h"

static const struct db_stmt q_list = {
	"SELECT id, title, status, price_min, currency, stock_total, updated_at FROM products"
	" WHERE brand_id = ? AND (? = '' OR status = ?) ORDER BY updated_at DESC, id DESC LIMIT 500",
	"iss", "issisis" };

int page_products_list(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *status = req_query(r, "status");
	if (!status || (strcmp(status, "draft") && strcmp(status, "active") && strcmp(status, "archived")))
		status = "";
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(b->id), DB_S(status), DB_S(status) }, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_products.tpl", "Products");
	tmpl_set(d, "BRAND_NAME", b->name);
	static const char *const filters[][2] = { { "", "All" }, { "active", "Active" }, { "draft", "Draft" }, { "archived", "Archived" } };
	for (size_t i = 0; i < 4; i++) {
		tmpl_dict *f = tmpl_add(d, "FILTER");
		tmpl_set(f, "LABEL", filters[i][1]);
		tmpl_set(f, "HREF", *filters[i][0] ? arena_printf(r->arena, "/studio/products?status=%s", filters[i][0]) : "/studio/products");
		if (strcmp(status, filters[i][0]) == 0)
			tmpl_show(f, "CURRENT");
	}
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *p = tmpl_add(d, "PRODUCT");
		tmpl_set_int(p, "ID", db_at(&res, i, 0)->i);
		tmpl_set(p, "TITLE", db_at(&res, i, 1)->s);
		tmpl_set(p, "STATUS", db_at(&res, i, 2)->s);
		tmpl_set(p, "PRICE", layout_money(r, db_at(&res, i, 3)->i, db_at(&res, i, 4)->s));
		tmpl_set_int(p, "STOCK", db_at(&res, i, 5)->i);
		tmpl_set(p, "UPDATED", db_at(&res, i, 6)->s);
	}
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, 200);
	return REQ_DONE;
}
