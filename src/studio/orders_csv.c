/* orders_csv.c: "/studio/orders.csv" — the brand's orders under the list's filters as CSV
 * (RFC 4180, UTF-8 with BOM, formula cells neutralised by csv_out), one row per order. */
#include <string.h>
#include "lib/csv_out.h"
#include "lib/money.h"
#include "studio/orders.h"
#include "web/response.h"
#include "studio/studio.h"

#define CSV_BATCH 1000

/* Newest first, a batch at a time after the last (created_at, id) seen. */
static const struct db_stmt q_batch = {
	"SELECT o.id, o.number, o.created_at, o.status, o.email, o.ship_name, o.ship_line1, o.ship_line2,"
	" o.ship_city, o.ship_region, o.ship_postal, o.ship_country, o.currency,"
	" (SELECT CAST(COALESCE(SUM(l.quantity), 0) AS SIGNED) FROM order_lines l WHERE l.order_id = o.id),"
	" o.subtotal, o.shipping, o.tax, o.total, o.refunded_total,"
	" COALESCE((SELECT GROUP_CONCAT(DISTINCT c.handle ORDER BY c.handle SEPARATOR ' ')"
	" FROM order_lines l JOIN creators c ON c.id = l.creator_id WHERE l.order_id = o.id), ''),"
	" o.carrier, o.tracking_number, COALESCE(o.paid_at, ''), COALESCE(o.shipped_at, ''),"
	" COALESCE(o.delivered_at, ''), COALESCE(o.cancelled_at, ''), o.tax_rate_bps, o.prices_include_tax, " PAY_TEST_ORDER("o")
	" FROM orders o" ORDERS_WHERE " AND (o.created_at < ? OR (o.created_at = ? AND o.id < ?))"
	" ORDER BY o.created_at DESC, o.id DESC LIMIT ?",
	ORDERS_WHERE_TYPES "ssii", "i" "ssssssssssss" "iiiiii" "sssssss" "iii" };

static const char *const csv_header[] = {
	"number", "placed_at_utc", "status", "email", "ship_name", "ship_line1", "ship_line2", "ship_city",
	"ship_region", "ship_postal", "ship_country", "currency", "items", "subtotal", "shipping", "tax",
	"total", "refunded", "creators", "carrier", "tracking_number", "paid_at_utc", "shipped_at_utc",
	"delivered_at_utc", "cancelled_at_utc", "tax_rate_percent", "prices_include_tax", "test_order",
};

static void csv_order(struct csv_out *c, const struct db_res *b, size_t i)
{
	int exp = money_exponent(db_at(b, i, 12)->s);
	for (size_t col = 1; col <= 12; col++)
		csv_out_text(c, db_at(b, i, col)->s);
	csv_out_int(c, db_at(b, i, 13)->i);
	for (size_t col = 14; col <= 18; col++)
		csv_out_minor(c, db_at(b, i, col)->i, exp);
	for (size_t col = 19; col <= 25; col++)
		csv_out_text(c, db_at(b, i, col)->s);
	/* With prices that include tax, subtotal and shipping above are net of it (docs/CHECKOUT.md). */
	csv_out_minor(c, db_at(b, i, 26)->i, 2);
	csv_out_text(c, db_at(b, i, 27)->i ? "yes" : "no");
	/* paid by the test provider: no money came in (pay_test.h) */
	csv_out_text(c, db_at(b, i, 28)->i ? "yes" : "no");
	csv_out_end_row(c);
}

int page_orders_csv(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct orders_filter f;
	if (!orders_filter_parse(r, &f))
		return REQ_DONE;
	struct csv_out c;
	r->body.len = 0;
	csv_out_begin(&c, &r->body);
	for (size_t i = 0; i < sizeof csv_header / sizeof csv_header[0]; i++)
		csv_out_text(&c, csv_header[i]);
	csv_out_end_row(&c);
	const char *before = "9999-12-31 23:59:59";
	long long before_id = 0x7fffffffffffffffLL;
	size_t rows = 0;
	for (;;) {
		struct db_param p[ORDERS_WHERE_NPARAMS + 4];
		orders_where_params(&f, b->id, p);
		p[ORDERS_WHERE_NPARAMS] = DB_S(before);
		p[ORDERS_WHERE_NPARAMS + 1] = DB_S(before);
		p[ORDERS_WHERE_NPARAMS + 2] = DB_I(before_id);
		p[ORDERS_WHERE_NPARAMS + 3] = DB_I(CSV_BATCH);
		struct db_res batch;
		enum db_status rc = db_query(r->db, r->arena, &q_batch, p, &batch);
		if (rc != DB_OK)
			return req_db_fail(rc);
		rows += batch.nrows;
		if (rows > ORDERS_CSV_MAX_ROWS) {
			response_error(r, 422, "That is more than 20,000 orders for one file. Choose a shorter date range "
					   "and download it in parts.");
			return REQ_DONE;
		}
		for (size_t i = 0; i < batch.nrows; i++)
			csv_order(&c, &batch, i);
		if (batch.nrows < CSV_BATCH)
			break;
		before = db_at(&batch, batch.nrows - 1, 2)->s;
		before_id = db_at(&batch, batch.nrows - 1, 0)->i;
	}
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	response_header(r, "Content-Disposition", "attachment; filename=\"orders.csv\"");
	return REQ_DONE;
}
