/* cart_drawer.c: the cart as a drawer (cart_drawer.h). Lines as the cart page prices them now;
 * shipping and tax wait for the checkout, which knows the destination. */
#include <string.h>
#include "shop/cart.h"
#include "shop/cart_drawer.h"
#include "views/cart_count.h"
#include "web/layout.h"

void cart_drawer_add(struct req *r, tmpl_dict *d, bool open)
{
	const char *n = kv_get(&r->cookies, CART_COUNT_COOKIE);
	if (!n || *n < '1' || *n > '9')
		return;	/* an empty cart, or none: no query, and the page stays the public one */
	long long id;
	struct cart c;
	if (cart_find(r, false, &id) != DB_OK || !id || cart_load(r->db, r->arena, id, &c) != DB_OK || !c.nlines)
		return;
	tmpl_dict *dr = tmpl_include(d, "CART_DRAWER", "cart_drawer.tpl");
	tmpl_set_int(dr, "COUNT", c.count);
	if (open)
		tmpl_show(dr, "OPEN");
	for (size_t b = 0; b < c.nbrands; b++) {
		const struct cart_brand *br = &c.brands[b];
		long long subtotal = 0;
		for (size_t i = 0; i < br->nlines; i++) {
			const struct cart_line *l = &br->lines[i];
			tmpl_dict *line = tmpl_add(dr, "LINES");
			tmpl_set(line, "TITLE", l->title);
			tmpl_set(line, "URL", l->url);
			if (l->variant_title && *l->variant_title)
				tmpl_set(tmpl_add(line, "VARIANT"), "NAME", l->variant_title);
			tmpl_set_int(line, "QTY", l->quantity);
			tmpl_set(line, "TOTAL", layout_money(r, l->line_total, l->currency));
			subtotal += l->line_total;
		}
		tmpl_dict *sub = tmpl_add(dr, "SUBTOTALS");
		tmpl_set(sub, "BRAND", br->name);
		tmpl_set(sub, "AMOUNT", layout_money(r, subtotal, br->currency));
	}
}
