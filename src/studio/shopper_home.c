/* shopper_home.c: what every signed-in person sees on the studio home as a shopper: the orders
 * they placed (status, carrier and tracking number), the creators they follow
 * and the products they saved, each with a button to let go of it. Three statements, each
 * capped, whatever the account holds. */
#include "web/layout.h"
#include "domain/commerce/order_state.h"
#include "studio/shopper.h"

/* Orders placed while signed in, and guest orders placed under the account's address once it is
 * confirmed (the parameter is "" until then, which no order has). */
#define ORDER_COLS "SELECT o.number, o.status, DATE_FORMAT(o.created_at, '%Y-%m-%d'), b.name, o.currency, o.total," \
	" o.carrier, o.tracking_number, o.created_at FROM orders o JOIN brands b ON b.id = o.brand_id"
static const struct db_stmt q_orders = {
	"(" ORDER_COLS " WHERE o.user_id = ? ORDER BY o.created_at DESC LIMIT 50) UNION ("
	ORDER_COLS " WHERE o.email = ? AND o.user_id IS NULL ORDER BY o.created_at DESC LIMIT 50)"
	" ORDER BY 9 DESC, 1 LIMIT 50", "is", "sssssisss" };
static const struct db_stmt q_follows = {
	"SELECT c.id, c.handle, c.display_name FROM creator_follows f JOIN creators c ON c.id = f.creator_id"
	" WHERE f.user_id = ? ORDER BY f.created_at DESC, c.id LIMIT 100", "i", "iss" };
static const struct db_stmt q_saved = {
	"SELECT p.id, b.slug, p.handle, p.title, b.name FROM saved_products s JOIN products p ON p.id = s.product_id"
	" JOIN brands b ON b.id = p.brand_id WHERE s.user_id = ? AND p.status = 'active'"
	" ORDER BY s.created_at DESC, p.id LIMIT 100", "i", "issss" };

enum db_status shopper_home_add(struct req *r, tmpl_dict *d, const char *confirmed_email)
{
	struct db_res o, f, s;
	struct db_param me[] = { DB_I(r->sess.user_id) };
	enum db_status rc;
	if ((rc = db_query(r->db, r->arena, &q_orders, (struct db_param[]){ DB_I(r->sess.user_id),
				DB_S(confirmed_email ? confirmed_email : "") }, &o)) != DB_OK ||
	    (rc = db_query(r->db, r->arena, &q_follows, me, &f)) != DB_OK ||
	    (rc = db_query(r->db, r->arena, &q_saved, me, &s)) != DB_OK)
		return rc;
	tmpl_dict *h = tmpl_add(d, "SHOPPER");
	if (o.nrows == 0)
		tmpl_show(h, "NO_ORDERS");
	for (size_t i = 0; i < o.nrows; i++) {
		tmpl_dict *row = tmpl_add(h, "ORDER");
		tmpl_set(row, "NUMBER", db_at(&o, i, 0)->s);
		tmpl_set(row, "STATUS", order_status_label(order_status_parse(db_at(&o, i, 1)->s)));
		tmpl_set(row, "DATE", db_at(&o, i, 2)->s);
		tmpl_set(row, "BRAND", db_at(&o, i, 3)->s);
		tmpl_set(row, "TOTAL", layout_money(r, db_at(&o, i, 5)->i, db_at(&o, i, 4)->s));
		if (*db_at(&o, i, 7)->s) {
			tmpl_dict *t = tmpl_add(row, "TRACKING");
			tmpl_set(t, "CARRIER", db_at(&o, i, 6)->s);
			tmpl_set(t, "NUMBER", db_at(&o, i, 7)->s);
		}
	}
	if (f.nrows == 0)
		tmpl_show(h, "NO_FOLLOWS");
	for (size_t i = 0; i < f.nrows; i++) {
		tmpl_dict *row = tmpl_add(h, "FOLLOW");
		tmpl_set_int(row, "ID", db_at(&f, i, 0)->i);
		tmpl_set(row, "HANDLE", db_at(&f, i, 1)->s);
		tmpl_set(row, "NAME", db_at(&f, i, 2)->s);
	}
	if (s.nrows == 0)
		tmpl_show(h, "NO_SAVED");
	for (size_t i = 0; i < s.nrows; i++) {
		tmpl_dict *row = tmpl_add(h, "SAVED");
		tmpl_set_int(row, "ID", db_at(&s, i, 0)->i);
		tmpl_set(row, "BRAND_SLUG", db_at(&s, i, 1)->s);
		tmpl_set(row, "HANDLE", db_at(&s, i, 2)->s);
		tmpl_set(row, "TITLE", db_at(&s, i, 3)->s);
		tmpl_set(row, "BRAND", db_at(&s, i, 4)->s);
	}
	return DB_OK;
}
