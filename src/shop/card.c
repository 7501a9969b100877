/* card.c: the product card partial shared by the home page, storefronts and collections. */
#include "page.h"
#include "shop.h"

tmpl_dict *card_grid(tmpl_dict *page)
{
	return tmpl_include(page, "CARDS", "card.tpl");
}

tmpl_dict *card_add(struct req *r, tmpl_dict *grid, const struct db_res *res, size_t row, const char *via)
{
	tmpl_dict *c = tmpl_add(grid, "PRODUCTS");
	const char *handle = db_at(res, row, 0)->s, *brand = db_at(res, row, 2)->s;
	tmpl_set(c, "URL", via ? arena_printf(r->arena, "/p/%s/%s?via=%s", brand, handle, via)
			       : arena_printf(r->arena, "/p/%s/%s", brand, handle));
	tmpl_set(c, "TITLE", db_at(res, row, 1)->s);
	tmpl_set(c, "BRAND", db_at(res, row, 3)->s);
	tmpl_set(c, "PRICE", page_money(r, db_at(res, row, 4)->i, db_at(res, row, 5)->s));
	if (db_at(res, row, 6)->i <= 0)
		tmpl_show(c, "SOLD_OUT");
	const char *img = db_at(res, row, 7)->s;
	if (*img) {
		tmpl_dict *im = tmpl_add(c, "IMAGE");
		tmpl_set(im, "SRC", img);
		tmpl_set(im, "ALT", db_at(res, row, 8)->s);
	}
	return c;
}

void card_fill_buyable(struct req *r, tmpl_dict *c, const struct db_res *t, size_t i, long long variant)
{
	tmpl_set(c, "TITLE", db_at(t, i, 1)->s);
	tmpl_set(c, "BRAND", db_at(t, i, 3)->s);
	tmpl_set(c, "PRICE", page_money(r, db_at(t, i, 4)->i, db_at(t, i, 5)->s));
	if (*db_at(t, i, 7)->s) {
		tmpl_dict *im = tmpl_add(c, "IMAGE");
		tmpl_set(im, "SRC", db_at(t, i, 7)->s);
		tmpl_set(im, "ALT", db_at(t, i, 8)->s);
	}
	if (db_at(t, i, 6)->i > 0 && variant > 0)
		tmpl_set_int(tmpl_add(c, "BUY"), "VARIANT", variant);
	else
		tmpl_show(c, "SOLD_OUT");
}
