/* cart_page.c: "GET /cart" — the cart as it stands now, one future order per brand, with the
 * discount codes it holds (each removable) and a field to type one. */
#include "shop/cart.h"
#include "shop/cart_codes.h"
#include "views/cart_count.h"
#include "web/layout.h"
#include "shop/shop.h"

int page_cart(struct req *r)
{
	return cart_page(r, 200, NULL);
}

int cart_page(struct req *r, int status, const char *problem)
{
	long long id;
	struct cart c;
	enum db_status rc = cart_find(r, false, &id);
	if (rc == DB_OK)
		rc = cart_load(r->db, r->arena, id, &c);
	if (rc == DB_OK)
		rc = cart_codes_apply(r, r->db, &c, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "cart.tpl", "Your cart");
	cart_render(r, d, &c);
	cart_codes_render(r, d, &c, true);
	if (problem)
		tmpl_set(tmpl_add(d, "CODE_ERROR"), "TEXT", problem);
	if (c.nlines == 0)
		tmpl_show(d, "EMPTY");
	else if (c.unavailable)
		tmpl_show(d, "BLOCKED");
	else
		tmpl_show(d, "CAN_CHECKOUT");
	if (c.changed)
		tmpl_show(d, "CHANGED");
	cart_count_set(r, c.count);
	layout_end(r, status);
	return REQ_DONE;
}
