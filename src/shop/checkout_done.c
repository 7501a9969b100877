/* checkout_done.c: "/checkout/done/{ref}" — the confirmation: every order of one checkout with
 * its number. Shown only to the session that placed it; anyone else is sent to order lookup. */
#include "shop/cart.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"

static const struct db_stmt q_checkout = {
	"SELECT id, email FROM checkouts WHERE public_ref = ? AND session_hash = ?", "sb", "is" };
static const struct db_stmt q_orders = {
	"SELECT id FROM orders WHERE checkout_id = ? ORDER BY id", "i", "i" };

int page_checkout_done(struct req *r)
{
	const char *ref = req_param(r, "ref");
	struct db_res c, o;
	if (!calc_ref_valid(ref) || !r->sess.present) {
		response_error(r, 404, "We could not find that confirmation. Look your order up with its number and your email.");
		return REQ_DONE;
	}
	enum db_status rc = db_query(r->db, r->arena, &q_checkout,
				     (struct db_param[]){ DB_S(ref), DB_B(r->sess.hash, 32) }, &c);
	if (rc == DB_OK && c.nrows == 0) {
		response_error(r, 404, "We could not find that confirmation. Look your order up with its number and your email.");
		return REQ_DONE;
	}
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_orders, (struct db_param[]){ DB_I(db_at(&c, 0, 0)->i) }, &o);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "checkout_done.tpl", "Thank you for your order");
	tmpl_set(d, "EMAIL", db_at(&c, 0, 1)->s);
	if (o.nrows > 1)
		tmpl_set_int(tmpl_add(d, "SPLIT"), "N", (long long)o.nrows);
	for (size_t i = 0; i < o.nrows; i++)
		if ((rc = order_render(r, d, db_at(&o, i, 0)->i)) != DB_OK)
			return req_db_fail(rc);	/* the error page abandons the half-built one */
	layout_end(r, 200);
	return REQ_DONE;
}
