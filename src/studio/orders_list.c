/* orders_list.c: "/studio/orders" — the brand's orders, newest first, filtered by status, UTC
 * date range and creator, a page at a time, with the count and totals of everything matching. */
#include <string.h>
#include "studio/orders.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"
#include "domain/commerce/order_ref.h"

static const struct db_stmt q_list = {
	"SELECT o.number, o.created_at, o.status, o.email, o.ship_name, o.currency, o.total, o.refunded_total,"
	" (SELECT CAST(COALESCE(SUM(l.quantity), 0) AS SIGNED) FROM order_lines l WHERE l.order_id = o.id),"
	" COALESCE((SELECT GROUP_CONCAT(DISTINCT CONCAT('@', c.handle) ORDER BY c.handle SEPARATOR ' ')"
	" FROM order_lines l JOIN creators c ON c.id = l.creator_id WHERE l.order_id = o.id), ''),"
	" o.refund_needed AND o.status <> 'refunded', " PAY_TEST_ORDER("o") ", COALESCE(o.reference, o.number)"
	" FROM orders o" ORDERS_WHERE " ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?",
	ORDERS_WHERE_TYPES "ii", "ssssssiiisiis" };
/* Grouped by currency so that totals never add up different currencies (a brand that changed
 * its currency keeps older orders in the old one). */
static const struct db_stmt q_totals = {
	"SELECT o.currency, COUNT(*), CAST(SUM(o.total) AS SIGNED), CAST(SUM(o.refunded_total) AS SIGNED)"
	" FROM orders o" ORDERS_WHERE " GROUP BY o.currency ORDER BY o.currency", ORDERS_WHERE_TYPES, "siii" };

static const char *list_page_url(struct req *r, const char *filters, long long page)
{
	if (page == 1)
		return *filters ? arena_printf(r->arena, "/studio/orders?%s", filters) : "/studio/orders";
	return arena_printf(r->arena, "/studio/orders?%s%spage=%lld", filters, *filters ? "&" : "", page);
}

int page_orders_list(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct orders_filter f;
	if (!orders_filter_parse(r, &f))
		return REQ_DONE;
	struct db_param p[ORDERS_WHERE_NPARAMS + 2];
	orders_where_params(&f, b->id, p);
	p[ORDERS_WHERE_NPARAMS] = DB_I(ORDERS_PER_PAGE + 1);
	p[ORDERS_WHERE_NPARAMS + 1] = DB_I((f.page - 1) * ORDERS_PER_PAGE);
	struct db_res rows, totals;
	enum db_status rc = db_query(r->db, r->arena, &q_list, p, &rows);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_totals, p, &totals);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_orders.tpl", "Orders");
	tmpl_set(d, "BRAND", b->name);
	tmpl_set(d, "FROM", f.from);
	tmpl_set(d, "TO", f.to);
	tmpl_set(d, "CREATOR", f.creator);
	for (int s = 0; s < ORDER__NSTATUS; s++) {
		tmpl_dict *o = tmpl_add(d, "STATUS_OPTIONS");
		tmpl_set(o, "VALUE", order_status_name(s));
		tmpl_set(o, "LABEL", order_status_label(s));
		if (order_status_parse(f.status) == s)
			tmpl_show(o, "SELECTED");
	}
	const char *filters = orders_filter_query(r, &f);
	tmpl_set(d, "CSV_URL", *filters ? arena_printf(r->arena, "/studio/orders.csv?%s", filters) : "/studio/orders.csv");
	for (size_t i = 0; i < totals.nrows; i++) {
		tmpl_dict *t = tmpl_add(d, "TOTALS");
		const char *cur = db_at(&totals, i, 0)->s;
		tmpl_set_int(t, "COUNT", db_at(&totals, i, 1)->i);
		tmpl_set(t, "PLURAL", db_at(&totals, i, 1)->i == 1 ? "" : "s");
		tmpl_set(t, "TOTAL", layout_money(r, db_at(&totals, i, 2)->i, cur));
		if (db_at(&totals, i, 3)->i)
			tmpl_set(tmpl_add(t, "REFUNDED"), "AMOUNT", layout_money(r, db_at(&totals, i, 3)->i, cur));
	}
	size_t shown = rows.nrows > ORDERS_PER_PAGE ? ORDERS_PER_PAGE : rows.nrows;
	if (shown == 0)
		tmpl_show(d, "NONE");
	else
		tmpl_show(d, "HAS_ROWS");
	for (size_t i = 0; i < shown; i++) {
		tmpl_dict *o = tmpl_add(d, "ORDERS");
		const char *cur = db_at(&rows, i, 5)->s;
		enum order_status st = order_status_parse(db_at(&rows, i, 2)->s);
		tmpl_set(o, "NUMBER", db_at(&rows, i, 0)->s);
		char shown[ORDER_REF_SHOW_SIZE];	/* what the shopper was given to quote; an old order's number */
		order_ref_show(db_at(&rows, i, 12)->s, shown);
		tmpl_set(o, "REF", shown);
		if (strcmp(shown, db_at(&rows, i, 0)->s) != 0)
			tmpl_show(o, "HAS_REF");
		if (db_at(&rows, i, 11)->i)	/* paid by the test provider: no money came in */
			tmpl_show(o, "TEST_ORDER");
		tmpl_set(o, "PLACED", db_at(&rows, i, 1)->s);
		tmpl_set(o, "STATUS", order_status_name(st));
		tmpl_set(o, "STATUS_LABEL", order_status_label(st));
		if (db_at(&rows, i, 10)->i)	/* paid for goods that cannot go out (pay_settle.c) */
			tmpl_show(o, "REFUND_NEEDED");
		tmpl_set(o, "EMAIL", db_at(&rows, i, 3)->s);
		tmpl_set(o, "SHIP_NAME", db_at(&rows, i, 4)->s);
		tmpl_set(o, "TOTAL", layout_money(r, db_at(&rows, i, 6)->i, cur));
		if (db_at(&rows, i, 7)->i)
			tmpl_set(tmpl_add(o, "REFUNDED"), "AMOUNT", layout_money(r, db_at(&rows, i, 7)->i, cur));
		tmpl_set_int(o, "ITEMS", db_at(&rows, i, 8)->i);
		tmpl_set(o, "CREATORS", db_at(&rows, i, 9)->s);
	}
	tmpl_set_int(d, "PAGE", f.page);
	if (f.page > 1)
		tmpl_set(tmpl_add(d, "NEWER"), "URL", list_page_url(r, filters, f.page - 1));
	if (rows.nrows > ORDERS_PER_PAGE && f.page < ORDERS_MAX_PAGE)
		tmpl_set(tmpl_add(d, "OLDER"), "URL", list_page_url(r, filters, f.page + 1));
	layout_end(r, 200);
	return REQ_DONE;
}
