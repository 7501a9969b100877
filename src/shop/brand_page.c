/* brand_page.c: "/b/{brand}" — a brand's story, the creators who pick its products, and its
 * products, sorted and paged. */
#include "db/dbcache.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/search_list.h"
#include "shop/shop.h"
#include "views/image_view.h"

static const struct db_stmt q_brand = {
	"SELECT b.id, b.slug, b.name, b.description, b.website FROM brands b WHERE b.slug = ? AND b.approved = 1 AND"
	ACCOUNT_ACTIVE_SQL("b.owner_user_id"), "s", "issss" };
/* Its creators: whoever has an approved pick of one of its products on sale, once each. */
static const struct db_stmt q_creators = {
	"SELECT cr.handle, cr.display_name, " AVATAR_REF_SQL("cr.avatar_url") " FROM creators cr WHERE cr.taken_down_at IS NULL AND"
	ACCOUNT_ACTIVE_SQL("cr.user_id") " AND EXISTS (SELECT 1 FROM picks pk JOIN products p ON p.id = pk.product_id"
	" WHERE pk.creator_id = cr.id AND pk.status = 'approved' AND p.brand_id = ? AND p.status = 'active')"
	" ORDER BY cr.featured DESC, cr.display_name, cr.id LIMIT 24", "i", "sss" };

int page_brand(struct req *r)
{
	struct db_res b, creators, products;
	enum db_status rc = db_query_cached(r->db, r->arena, &q_brand, (struct db_param[]){ DB_S(req_param(r, "brand")) }, &b);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (b.nrows == 0) {
		response_error(r, 404, "There is no such brand in the shop.");
		return REQ_DONE;
	}
	struct search_filter f;
	search_list_browse_filter(r, &f);
	f.brand = db_at(&b, 0, 1)->s;
	bool more;
	if ((rc = db_query_cached(r->db, r->arena, &q_creators, (struct db_param[]){ DB_I(db_at(&b, 0, 0)->i) },
				  &creators)) != DB_OK ||
	    (rc = search_list_products(r, &f, &products, &more)) != DB_OK)
		return req_db_fail(rc);
	const char *name = db_at(&b, 0, 2)->s;
	tmpl_dict *d = layout_begin(r, "brand.tpl", arena_printf(r->arena, "%s — crowdcart", name));
	tmpl_set(d, "NAME", name);
	tmpl_set(d, "SLUG", f.brand);
	tmpl_set(d, "STORY", db_at(&b, 0, 3)->s);
	if (*db_at(&b, 0, 4)->s)
		tmpl_set(tmpl_add(d, "WEBSITE"), "URL", db_at(&b, 0, 4)->s);
	if (creators.nrows)
		tmpl_show(d, "HAS_CREATORS");
	for (size_t i = 0; i < creators.nrows; i++) {
		tmpl_dict *c = tmpl_add(d, "CREATORS");
		tmpl_set(c, "HANDLE", db_at(&creators, i, 0)->s);
		tmpl_set(c, "NAME", db_at(&creators, i, 1)->s);
		/* our renditions of an upload or a typed address, never the address itself */
		image_view_fill(r, c, "AVATAR", db_at(&creators, i, 2)->s, "", IMAGE_SLOT_CHIP, false);
	}
	search_list_show_choices(d, &f);
	search_list_show(r, d, &products, more, f.page, NULL);
	layout_end(r, 200);
	return REQ_DONE;
}
