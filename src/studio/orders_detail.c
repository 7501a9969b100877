/* orders_detail.c: "/studio/orders/{number}" — one of the brand's orders: lines with their
 * creator attribution and commission, totals, shipping address, the event history with who and
 * when, and the forms for the moves the rules allow from here. */
#include <string.h>
#include "studio/orders.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"
#include "domain/commerce/order_ref.h"
#include "domain/commerce/address.h"
#include "views/tax_view.h"
#include "views/discount_view.h"

static const struct db_stmt q_order = {
	"SELECT id, status, created_at, email, ship_name, ship_line1, ship_line2, ship_city, ship_region,"
	" ship_postal, ship_country, currency, subtotal, shipping, tax, total, refunded_total,"
	" payment_provider, carrier, tracking_number, shipped_at IS NOT NULL, delivered_at IS NOT NULL,"
	" (SELECT COALESCE(MAX(e.id), 0) FROM order_events e WHERE e.order_id = orders.id),"
	" tax_rate_bps, prices_include_tax, shipping_tax, tax_region, discount, refund_needed, COALESCE(reference, '')"
	" FROM orders WHERE number = ? AND brand_id = ?", "si", "i" "sssssssssss" "iiiii" "sss" "iii" "iiis" "ii" "s" };
static const struct db_stmt q_lines = {
	"SELECT l.id, l.title, l.variant_title, l.sku, l.unit_price, l.quantity, l.line_total,"
	" l.refunded_quantity, l.refunded_amount, COALESCE(c.handle, ''), l.surface, l.commission_bps,"
	" l.commission_amount, (SELECT CAST(COALESCE(SUM(-ce.amount), 0) AS SIGNED) FROM commission_entries ce"
	" WHERE ce.order_line_id = l.id AND ce.kind IN ('reversal', 'clawback')), l.commission_kind, l.commission_first_order"
	" FROM order_lines l LEFT JOIN creators c ON c.id = l.creator_id WHERE l.order_id = ? ORDER BY l.id",
	"i", "isssiiiiissiiisi" };
static const struct db_stmt q_events = {
	"SELECT e.id, e.created_at, COALESCE(e.from_status, ''), e.to_status, COALESCE(u.display_name, ''),"
	" e.actor_user_id IS NULL, e.note FROM order_events e LEFT JOIN users u ON u.id = e.actor_user_id"
	" WHERE e.order_id = ? ORDER BY e.created_at, e.id LIMIT 500", "i", "issssis" };

static const char *detail_done_text(const char *done)
{
	switch (order_action_parse(done)) {
	case ORDER_MARK_PAID: return "The order is marked as paid.";
	case ORDER_SHIP: return "The order is marked as shipped.";
	case ORDER_DELIVER: return "The order is marked as delivered.";
	case ORDER_CANCEL: return "The order is cancelled; its items are back in stock.";
	case ORDER_REFUND: return "The refund is recorded.";
	default: return NULL;
	}
}

static void detail_opt(tmpl_dict *d, const char *section, const char *text)
{
	if (text && *text)
		tmpl_set(tmpl_add(d, section), "TEXT", text);
}

/* The lines table; with a refund form (refund != NULL), one quantity field per line with units left. */
static void detail_lines(struct req *r, tmpl_dict *d, const struct db_res *l, const char *cur, tmpl_dict *refund)
{
	for (size_t i = 0; i < l->nrows; i++) {
		tmpl_dict *x = tmpl_add(d, "LINES");
		tmpl_set(x, "TITLE", db_at(l, i, 1)->s);
		detail_opt(x, "VARIANT", db_at(l, i, 2)->s);
		tmpl_set(x, "SKU", db_at(l, i, 3)->s);
		tmpl_set(x, "UNIT_PRICE", layout_money(r, db_at(l, i, 4)->i, cur));
		tmpl_set_int(x, "QUANTITY", db_at(l, i, 5)->i);
		tmpl_set(x, "LINE_TOTAL", layout_money(r, db_at(l, i, 6)->i, cur));
		if (db_at(l, i, 7)->i) {
			tmpl_dict *rf = tmpl_add(x, "LINE_REFUNDED");
			tmpl_set_int(rf, "UNITS", db_at(l, i, 7)->i);
			tmpl_set(rf, "AMOUNT", layout_money(r, db_at(l, i, 8)->i, cur));
		}
		if (*db_at(l, i, 9)->s) {
			tmpl_dict *c = tmpl_add(x, "CREATOR");
			tmpl_set(c, "HANDLE", db_at(l, i, 9)->s);
			detail_opt(c, "SURFACE", db_at(l, i, 10)->s);
			detail_opt(c, "KIND", db_at(l, i, 15)->i ? arena_printf(r->arena, "%s, first order", db_at(l, i, 14)->s)
								 : db_at(l, i, 14)->s);
			tmpl_dict *cm = tmpl_add(x, "COMMISSION");
			long long bps = db_at(l, i, 11)->i;
			tmpl_set(cm, "RATE", arena_printf(r->arena, "%lld.%02lld", bps / 100, bps % 100));
			tmpl_set(cm, "AMOUNT", layout_money(r, db_at(l, i, 12)->i, cur));
			if (db_at(l, i, 13)->i)
				tmpl_set(tmpl_add(cm, "REVERSED"), "AMOUNT", layout_money(r, db_at(l, i, 13)->i, cur));
		} else {
			tmpl_show(x, "NO_CREATOR");
		}
		long long left = db_at(l, i, 5)->i - db_at(l, i, 7)->i;
		if (refund && left > 0) {
			tmpl_dict *f = tmpl_add(refund, "REFUND_LINES");
			tmpl_set_int(f, "LINE_ID", db_at(l, i, 0)->i);
			tmpl_set(f, "TITLE", db_at(l, i, 1)->s);
			detail_opt(f, "SKU", *db_at(l, i, 2)->s ? db_at(l, i, 2)->s : db_at(l, i, 3)->s);
			tmpl_set_int(f, "LEFT", left);
		}
	}
}

int orders_detail_render(struct req *r, const char *number, int status, const char *error)
{
	const struct acting_brand *b = r->brand;
	if (!orders_number_ok(number)) {
		response_error(r, 404, "There is no order with that number.");
		return REQ_DONE;
	}
	struct db_res o, lines, ev;
	enum db_status rc = db_query(r->db, r->arena, &q_order, (struct db_param[]){ DB_S(number), DB_I(b->id) }, &o);
	if (rc == DB_OK && o.nrows == 0) {
		/* Another brand's order is as absent as one that does not exist. */
		response_error(r, 404, "There is no order with that number.");
		return REQ_DONE;
	}
	struct db_param id[] = { DB_I(rc == DB_OK ? db_at(&o, 0, 0)->i : 0) };
	if (rc != DB_OK || (rc = db_query(r->db, r->arena, &q_lines, id, &lines)) != DB_OK ||
	    (rc = db_query(r->db, r->arena, &q_events, id, &ev)) != DB_OK) {
		return req_db_fail(rc);
	}
	enum order_status st = order_status_parse(db_at(&o, 0, 1)->s);
	enum order_stage stage = db_at(&o, 0, 21)->i ? ORDER_ARRIVED : db_at(&o, 0, 20)->i ? ORDER_IN_TRANSIT : ORDER_UNSHIPPED;
	const char *cur = db_at(&o, 0, 11)->s;
	/* Headed by the reference the shopper quotes (CC-7KQ4-M2XP); the 20-digit number stays below
	 * it, the order's name in links, payments and the CSV. An old order has only its number. */
	char shown[ORDER_REF_SHOW_SIZE];
	order_ref_show(*db_at(&o, 0, 29)->s ? db_at(&o, 0, 29)->s : number, shown);
	tmpl_dict *d = layout_begin(r, "studio_order.tpl", arena_printf(r->arena, "Order %s", shown));
	tmpl_set(d, "NUMBER", number);
	tmpl_set(d, "REF", shown);
	if (*db_at(&o, 0, 29)->s)
		tmpl_show(d, "HAS_REF");
	tmpl_set(d, "STATUS", order_status_name(st));
	tmpl_set(d, "STATUS_LABEL", order_status_label(st));
	tmpl_set(d, "PLACED", db_at(&o, 0, 2)->s);
	tmpl_set(d, "EMAIL", db_at(&o, 0, 3)->s);
	const char *addr[ADDRESS_MAX_LINES];
	size_t naddr = address_lines(r->arena, &(struct address){ db_at(&o, 0, 4)->s, db_at(&o, 0, 5)->s,
		db_at(&o, 0, 6)->s, db_at(&o, 0, 7)->s, db_at(&o, 0, 8)->s, db_at(&o, 0, 9)->s, db_at(&o, 0, 10)->s }, addr);
	for (size_t i = 0; i < naddr; i++)
		tmpl_set(tmpl_add(d, "ADDRESS_LINES"), "LINE", addr[i]);
	struct calc_totals t = { db_at(&o, 0, 12)->i, db_at(&o, 0, 13)->i, db_at(&o, 0, 14)->i, db_at(&o, 0, 15)->i,
				 db_at(&o, 0, 25)->i, db_at(&o, 0, 24)->i != 0 };
	tax_view_totals(r, d, &t, cur, (unsigned)db_at(&o, 0, 23)->i,
			tax_view_place(r->arena, db_at(&o, 0, 10)->s, db_at(&o, 0, 26)->s));
	discount_view_line(r, d, &t, db_at(&o, 0, 27)->i, cur);
	long long total = db_at(&o, 0, 15)->i, refunded = db_at(&o, 0, 16)->i;
	if (refunded)
		tmpl_set(tmpl_add(d, "REFUNDED"), "AMOUNT", layout_money(r, refunded, cur));
	tmpl_set(d, "PROVIDER", db_at(&o, 0, 17)->s);
	if (strcmp(db_at(&o, 0, 17)->s, pay_test.name) == 0)
		tmpl_show(d, "TEST_ORDER");
	if (*db_at(&o, 0, 18)->s || *db_at(&o, 0, 19)->s) {
		tmpl_dict *t = tmpl_add(d, "SHIPPED_WITH");
		tmpl_set(t, "SHIP_CARRIER", db_at(&o, 0, 18)->s);
		tmpl_set(t, "SHIP_TRACKING", db_at(&o, 0, 19)->s);
	}
	/* The newest event, which the forms carry so that a stale page cannot move the order. */
	long long version = db_at(&o, 0, 22)->i;
	/* money that came in for goods that cannot go out (pay_settle.c): until it is given back */
	if (db_at(&o, 0, 28)->i && st != ORDER_REFUNDED)
		tmpl_show(d, st == ORDER_CANCELLED ? "REFUND_NEEDED_CANCELLED" : "REFUND_NEEDED");
	for (size_t i = 0; i < ev.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "EVENTS");
		const char *at = db_at(&ev, i, 1)->s;
		tmpl_set(e, "AT", at);
		tmpl_set(e, "ISO", arena_printf(r->arena, "%.10sT%sZ", at, strlen(at) > 11 ? at + 11 : ""));
		if (*db_at(&ev, i, 2)->s)
			tmpl_set(tmpl_add(e, "FROM"), "FROM_LABEL", order_status_label(order_status_parse(db_at(&ev, i, 2)->s)));
		tmpl_set(e, "TO_LABEL", order_status_label(order_status_parse(db_at(&ev, i, 3)->s)));
		tmpl_set(e, "WHO", db_at(&ev, i, 5)->i ? "the shopper or the payment system" :
				   *db_at(&ev, i, 4)->s ? db_at(&ev, i, 4)->s : "a deleted account");
		detail_opt(e, "NOTE", db_at(&ev, i, 6)->s);
	}
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	else if (detail_done_text(req_query(r, "done")))
		tmpl_set(tmpl_add(d, "DONE"), "TEXT", detail_done_text(req_query(r, "done")));
	tmpl_dict *acts = NULL;
	static const char *const sections[] = { "MARK_PAID", "SHIP", "DELIVER", "CANCEL" };
	for (int a = ORDER_MARK_PAID; a <= ORDER_CANCEL; a++) {
		if (order_next(st, stage, (enum order_action)a, false) == ORDER_INVALID)
			continue;
		acts = acts ? acts : tmpl_add(d, "ACTIONS");
		tmpl_dict *f = tmpl_add(acts, sections[a]);
		tmpl_set_int(f, "VERSION", version);
		if (a == ORDER_SHIP) {
			const char *c = req_form(r, "carrier"), *t = req_form(r, "tracking_number");
			tmpl_set(f, "CARRIER", c ? c : "");
			tmpl_set(f, "TRACKING", t ? t : "");
			if (error && status == 422)
				tmpl_show(f, "INVALID");
		}
	}
	tmpl_dict *refund = NULL;
	if (order_next(st, stage, ORDER_REFUND, true) != ORDER_INVALID) {
		acts = acts ? acts : tmpl_add(d, "ACTIONS");
		refund = tmpl_add(acts, "REFUND");
		tmpl_set_int(refund, "VERSION", version);
		tmpl_set(refund, "REFUNDABLE", layout_money(r, total - refunded, cur));
	}
	detail_lines(r, d, &lines, cur, refund);
	layout_end(r, status);
	return REQ_DONE;
}

int page_order_detail(struct req *r)
{
	return orders_detail_render(r, req_param(r, "number"), 200, NULL);
}
