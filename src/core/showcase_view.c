/* showcase_view.c: one carousel of product cards (templates/showcase.tpl), the look of card.tpl. */
#include "page.h"
#include "showcase_query.h"
#include "showcase_view.h"

void showcase_fill(struct req *r, tmpl_dict *d, const char *dom_id, const char *title,
		   const struct db_res *res, const char *via)
{
	tmpl_set(d, "DOM_ID", dom_id);
	tmpl_set(d, "TITLE", title);
	for (size_t i = 0; i < res->nrows; i++) {
		tmpl_dict *c = tmpl_add(d, "PRODUCTS");
		const char *handle = db_at(res, i, 0)->s, *brand = db_at(res, i, 2)->s;
		tmpl_set(c, "URL", via ? arena_printf(r->arena, "/p/%s/%s?via=%s", brand, handle, via)
				       : arena_printf(r->arena, "/p/%s/%s", brand, handle));
		tmpl_set(c, "TITLE", db_at(res, i, 1)->s);
		tmpl_set(c, "BRAND", db_at(res, i, 3)->s);
		tmpl_set(c, "PRICE", page_money(r, db_at(res, i, 4)->i, db_at(res, i, 5)->s));
		if (db_at(res, i, 6)->i <= 0)
			tmpl_show(c, "SOLD_OUT");
		const char *img = db_at(res, i, 7)->s;
		if (*img) {
			tmpl_dict *im = tmpl_add(c, "IMAGE");
			tmpl_set(im, "SRC", img);
			tmpl_set(im, "ALT", db_at(res, i, 8)->s);
		}
	}
}
