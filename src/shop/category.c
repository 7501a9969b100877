/* category.c: "/c/{category}" — the products of one category, sorted and paged, under a
 * breadcrumb back home. */
#include "db/dbcache.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/search_list.h"
#include "shop/shop.h"

static const struct db_stmt q_category = {
	"SELECT slug, name FROM categories WHERE slug = ?", "s", "ss" };

int page_category(struct req *r)
{
	struct db_res cat, products;
	enum db_status rc = db_query_cached(r->db, r->arena, &q_category, (struct db_param[]){ DB_S(req_param(r, "category")) },
					    &cat);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (cat.nrows == 0) {
		response_error(r, 404, "There is no such category.");
		return REQ_DONE;
	}
	struct search_filter f;
	search_list_browse_filter(r, &f);
	f.category = db_at(&cat, 0, 0)->s;
	bool more;
	if ((rc = search_list_products(r, &f, &products, &more)) != DB_OK)
		return req_db_fail(rc);
	const char *name = db_at(&cat, 0, 1)->s;
	tmpl_dict *d = layout_begin(r, "category.tpl", arena_printf(r->arena, "%s — crowdcart", name));
	tmpl_set(d, "NAME", name);
	tmpl_set(d, "SLUG", f.category);
	search_list_show_choices(d, &f);
	search_list_show(r, d, &products, more, f.page, NULL);
	layout_end(r, 200);
	return REQ_DONE;
}
