/* card_view.c: a product card's common fields, for the shop's grids and the showcase carousels. */
#include <string.h>
#include "lib/buf.h"
#include "views/card_view.h"
#include "web/layout.h"
#include "views/image_view.h"

/* Cards in the first row of the widest grid (static/style.css: .grid). */
#define CARD_EAGER 4

void card_view_fill(struct req *r, tmpl_dict *c, const struct db_res *res, size_t row)
{
	/* A row's text as it is, measured already and not copied: the rows outlive the page's
	 * dictionaries (the request's arena, or the read cache's own copy until the next request),
	 * and a grid sets a dozen values per card. */
	const struct db_val *title = db_at(res, row, 1), *brand = db_at(res, row, 3);
	tmpl_setn_borrowed(c, "TITLE", title->s, title->len);
	tmpl_setn_borrowed(c, "BRAND", brand->s, brand->len);
	const char *price = layout_money(r, db_at(res, row, 4)->i, db_at(res, row, 5)->s);
	/* the card's price is the cheapest variant's: "from" says the others cost more (both in
	 * the request's arena) */
	if (db_at(res, row, 9)->i)
		price = arena_concat(r->arena, "from ", price, (char *)NULL);
	tmpl_setn_borrowed(c, "PRICE", price, strlen(price));
	/* The first row of a grid is in view as the page opens: those load at once, the rest lazily. */
	image_view_fill(r, c, "IMAGE", db_at(res, row, 7)->s, db_at(res, row, 8)->s, IMAGE_SLOT_CARD, row < CARD_EAGER);
}

bool card_view_gifted(tmpl_dict *c, const struct db_res *res, size_t row, size_t col)
{
	bool gifted = db_at(res, row, col)->i != 0;
	if (gifted)
		tmpl_show(c, "GIFTED");
	return gifted;
}

/* From the row's own lengths: arena_concat measured and copied each piece twice, for every card of
 * a grid and again for its JSON-LD. */
const char *card_view_path(struct arena *a, const struct db_res *res, size_t row, const char *via)
{
	const struct db_val *handle = db_at(res, row, 0), *brand = db_at(res, row, 2);
	size_t via_len = via ? strlen(via) : 0;
	struct buf b;
	buf_init(&b, a, 3 + brand->len + 1 + handle->len + (via ? 5 + via_len : 0) + 1);
	buf_put(&b, "/p/", 3);
	buf_put(&b, brand->s, brand->len);
	buf_putc(&b, '/');
	buf_put(&b, handle->s, handle->len);
	if (via) {
		buf_put(&b, "?via=", 5);
		buf_put(&b, via, via_len);
	}
	return buf_cstr(&b);
}

tmpl_dict *card_view_add(struct req *r, tmpl_dict *list, const struct db_res *res, size_t row, const char *via)
{
	tmpl_dict *c = tmpl_add(list, "PRODUCTS");
	const char *path = card_view_path(r->arena, res, row, via);	/* in the request's arena */
	tmpl_setn_borrowed(c, "URL", path, strlen(path));
	card_view_fill(r, c, res, row);
	if (db_at(res, row, 6)->i <= 0)
		tmpl_show(c, "SOLD_OUT");
	return c;
}
