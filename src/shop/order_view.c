/* order_view.c: one order as a shopper sees it (confirmation page and order lookup): number,
 * status, lines, totals, address, and the parcel's carrier and tracking number once shipped. */
#include <string.h>
#include "shop/cart.h"
#include "domain/commerce/address.h"
#include "domain/commerce/order_ref.h"
#include "domain/commerce/order_state.h"
#include "domain/commerce/pay_test.h"
#include "views/tax_view.h"
#include "views/discount_view.h"
#include "web/layout.h"

static const struct db_stmt q_order = {
	"SELECT o.number, o.status, DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i UTC'), b.name, o.currency,"
	" o.subtotal, o.shipping, o.tax, o.total, o.refunded_total, o.email, o.ship_name, o.ship_line1,"
	" o.ship_line2, o.ship_city, o.ship_region, o.ship_postal, o.ship_country, o.carrier,"
	" o.tracking_number, o.payment_provider, o.tax_rate_bps, o.prices_include_tax, o.shipping_tax,"
	" o.tax_region, o.discount, COALESCE(o.reference, '')"
	" FROM orders o JOIN brands b ON b.id = o.brand_id WHERE o.id = ?",
	"i", "sssssiiiiisssssssssssiiisis" };
static const struct db_stmt q_lines = {
	"SELECT title, variant_title, quantity, unit_price, line_total, refunded_quantity"
	" FROM order_lines WHERE order_id = ? ORDER BY id", "i", "ssiiii" };

enum db_status order_render(struct req *r, tmpl_dict *d, long long order_id)
{
	struct db_res o, l;
	struct db_param id[] = { DB_I(order_id) };
	enum db_status rc = db_query(r->db, r->arena, &q_order, id, &o);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_lines, id, &l);
	if (rc != DB_OK || o.nrows == 0)
		return rc;
	/* One ORDERS section of checkout_done.tpl per order, each an order_detail.tpl. */
	tmpl_dict *od = tmpl_include(tmpl_add(d, "ORDERS"), "ORDER", "order_detail.tpl");
	const char *cur = db_at(&o, 0, 4)->s;
	/* An order placed before references has only its number. */
	const char *ref = db_at(&o, 0, 26)->s;
	char shown[ORDER_REF_SHOW_SIZE];
	order_ref_show(*ref ? ref : db_at(&o, 0, 0)->s, shown);
	tmpl_set(od, "REF", shown);
	tmpl_set(od, "NUMBER", db_at(&o, 0, 0)->s);
	tmpl_show(od, *ref ? "WITH_REF" : "NUMBER_ONLY");
	tmpl_set(od, "DATE", db_at(&o, 0, 2)->s);
	tmpl_set(od, "BRAND", db_at(&o, 0, 3)->s);
	const char *status = db_at(&o, 0, 1)->s;
	tmpl_set(od, "STATUS", order_status_label(order_status_parse(status)));
	tmpl_set(od, "STATUS_CLASS", status);
	if (strcmp(status, "awaiting_payment") == 0 && strcmp(db_at(&o, 0, 20)->s, "offline") == 0)
		tmpl_show(od, "PAY_OFFLINE");
	if (strcmp(db_at(&o, 0, 20)->s, pay_test.name) == 0)	/* the shopper is told as the brand is */
		tmpl_show(od, "TEST_ORDER");
	/* As stored: net amounts when the prices included tax (calc.h). */
	struct calc_totals totals = { db_at(&o, 0, 5)->i, db_at(&o, 0, 6)->i, db_at(&o, 0, 7)->i, db_at(&o, 0, 8)->i,
				      db_at(&o, 0, 23)->i, db_at(&o, 0, 22)->i != 0 };
	tax_view_totals(r, od, &totals, cur, (unsigned)db_at(&o, 0, 21)->i, tax_view_place(r->arena, db_at(&o, 0, 17)->s,
											   db_at(&o, 0, 24)->s));
	discount_view_line(r, od, &totals, db_at(&o, 0, 25)->i, cur);
	if (db_at(&o, 0, 9)->i > 0)
		tmpl_set(tmpl_add(od, "HAS_REFUND"), "REFUNDED", layout_money(r, db_at(&o, 0, 9)->i, cur));
	tmpl_set(od, "EMAIL", db_at(&o, 0, 10)->s);
	const char *lines[ADDRESS_MAX_LINES];
	size_t n = address_lines(r->arena, &(struct address){ db_at(&o, 0, 11)->s, db_at(&o, 0, 12)->s,
		db_at(&o, 0, 13)->s, db_at(&o, 0, 14)->s, db_at(&o, 0, 15)->s, db_at(&o, 0, 16)->s, db_at(&o, 0, 17)->s }, lines);
	for (size_t i = 0; i < n; i++)
		tmpl_set(tmpl_add(od, "ADDRESS_LINES"), "LINE", lines[i]);
	if (*db_at(&o, 0, 19)->s) {
		tmpl_dict *t = tmpl_add(od, "TRACKING");
		tmpl_set(t, "CARRIER", db_at(&o, 0, 18)->s);
		tmpl_set(t, "TRACKING_NUMBER", db_at(&o, 0, 19)->s);
	}
	for (size_t i = 0; i < l.nrows; i++) {
		tmpl_dict *ld = tmpl_add(od, "LINES");
		tmpl_set(ld, "TITLE", db_at(&l, i, 0)->s);
		if (*db_at(&l, i, 1)->s)
			tmpl_set(tmpl_add(ld, "VARIANT"), "TEXT", db_at(&l, i, 1)->s);
		tmpl_set_int(ld, "QUANTITY", db_at(&l, i, 2)->i);
		tmpl_set(ld, "UNIT_PRICE", layout_money(r, db_at(&l, i, 3)->i, cur));
		tmpl_set(ld, "LINE_TOTAL", layout_money(r, db_at(&l, i, 4)->i, cur));
		if (db_at(&l, i, 5)->i)
			tmpl_set_int(tmpl_add(ld, "REFUNDED"), "N", db_at(&l, i, 5)->i);
	}
	return DB_OK;
}
