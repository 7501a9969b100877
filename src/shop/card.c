/* card.c: the product card partial shared by the home page, storefronts and collections. */
#include "views/card_view.h"
#include "web/layout.h"
#include "shop/shop.h"

tmpl_dict *card_grid(tmpl_dict *page)
{
	return tmpl_include(page, "CARDS", "card.tpl");
}

/* A card of ad.tpl or video.tpl with its own add to cart (BUY), or marked sold out. */
void card_fill_buyable(struct req *r, tmpl_dict *c, const struct db_res *t, size_t i, long long variant)
{
	card_view_fill(r, c, t, i);
	if (db_at(t, i, 6)->i > 0 && variant > 0)
		tmpl_set_int(tmpl_add(c, "BUY"), "VARIANT", variant);
	else
		tmpl_show(c, "SOLD_OUT");
}
