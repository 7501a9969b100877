/* dashboard_brand.c: "/studio/brand/dashboard" (and ".csv") — the brand's creator-driven sales for
 * a period (from/to, UTC days): sales, orders, conversion (creator visits -> orders) and
 * commission by creator and by day in each currency (paid sales, net of refunds), a server-drawn
 * SVG chart of sales per day per currency, the latest attributed sales (direct or indirect, and
 * marked when not paid, cancelled or refunded), and what each creator is owed now (payable) with
 * a button to mark it paid.
 *
 * Visits are counted per creator, not per brand (a storefront shows many brands), so conversion
 * is this brand's attributed orders over all visits to that creator's pages in the period. */
#include <string.h>
#include "studio/ads.h"
#include "domain/commerce/order_ref.h"
#include "lib/csv_out.h"
#include "domain/creators/ledger.h"
#include "lib/money.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/payouts.h"
#include "studio/studio.h"

/* Sales count paid orders only, net of refunds (DASHBOARD_COUNTED), per currency; the latest
 * sales list every line with its order's state. By creator and by day, the period is read from the
 * worker's rollup (brand_sales_days, one row per day, creator and currency; creator 0 is the day
 * over all creators) except the days dashboard_live_bounds says are read live from the lines; a
 * day is in one part only, so adding both up gives the lines' figures. By creator, the whole
 * months no live day touches are read from the month rollup (brand_sales_months): a year of a big
 * brand is a row per month and creator instead of one per day each creator sold. */
#define LIVE_LINES \
	" FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.brand_id = ? AND " DASHBOARD_LIVE("o.created_at") \
	" AND l.creator_id IS NOT NULL AND " DASHBOARD_COUNTED
#define ROLLED_DAYS \
	" FROM brand_sales_days s WHERE s.brand_id = ? AND s.day >= ? AND s.day <= ? AND NOT " DASHBOARD_LIVE("s.day")
#define LIVE_FIGURES "COUNT(DISTINCT o.id), SUM(" DASHBOARD_NET_SALES "), SUM(" DASHBOARD_NET_COMMISSION ")"
/* Each part is added up per creator before the two are put together (a UNION is written out
 * whole: a year of a big brand's days is hundreds of thousands of rows, a few seconds), and the
 * top 500 are chosen before their names and visits are looked up (a big brand has thousands of
 * creators in a year). */
static const struct db_stmt q_by_creator = {
	"SELECT cr.id, cr.handle, cr.display_name, t.orders, t.sales, t.commission,"
	" CAST((SELECT COALESCE(SUM(v.count), 0) FROM creator_visits v WHERE v.creator_id = cr.id"
	" AND v.day BETWEEN ? AND ?) AS SIGNED), t.currency"
	" FROM (SELECT x.creator_id, x.currency, CAST(SUM(x.orders) AS SIGNED) AS orders, CAST(SUM(x.sales) AS SIGNED) AS sales,"
	" CAST(SUM(x.commission) AS SIGNED) AS commission"
	" FROM (SELECT s.creator_id, s.currency, SUM(s.orders) AS orders, SUM(s.sales) AS sales, SUM(s.commission) AS commission"
	" FROM brand_sales_months s WHERE s.brand_id = ? AND " DASHBOARD_MONTHS("s.month")
	" AND s.creator_id <> 0 GROUP BY s.creator_id, s.currency"
	" UNION ALL SELECT s.creator_id, s.currency, SUM(s.orders), SUM(s.sales), SUM(s.commission)"
	" FROM brand_sales_days s WHERE s.brand_id = ? AND " DASHBOARD_DAYS("s.day") " AND NOT " DASHBOARD_LIVE("s.day")
	" AND s.creator_id <> 0 GROUP BY s.creator_id, s.currency"
	" UNION ALL SELECT l.creator_id, o.currency, " LIVE_FIGURES LIVE_LINES " GROUP BY l.creator_id, o.currency) x"
	" GROUP BY x.creator_id, x.currency ORDER BY SUM(x.sales) DESC, x.creator_id LIMIT 500) t"
	" JOIN creators cr ON cr.id = t.creator_id ORDER BY t.sales DESC, cr.id",
	"ss" "i" DASHBOARD_MONTH_TYPES "i" DASHBOARD_DAY_TYPES DASHBOARD_LIVE_TYPES "i" DASHBOARD_LIVE_TYPES, "issiiiis" };
static const struct db_stmt q_by_day = {
	"SELECT x.day, CAST(SUM(x.orders) AS SIGNED), CAST(SUM(x.sales) AS SIGNED), CAST(SUM(x.commission) AS SIGNED), x.currency"
	" FROM (SELECT DATE_FORMAT(s.day, '%Y-%m-%d') AS day, s.currency, s.orders, s.sales, s.commission" ROLLED_DAYS
	" AND s.creator_id = 0"
	" UNION ALL SELECT DATE_FORMAT(DATE(o.created_at), '%Y-%m-%d'), o.currency, " LIVE_FIGURES LIVE_LINES
	" GROUP BY DATE(o.created_at), o.currency) x GROUP BY x.day, x.currency ORDER BY x.day, x.currency LIMIT 2000",
	"iss" DASHBOARD_LIVE_TYPES "i" DASHBOARD_LIVE_TYPES, "siiis" };
/* The latest 50 attributed lines need no rollup but must not sort the period's lines: first the
 * moment of the 50th newest order with an attributed line (read newest first along
 * orders_brand_created, stopping there: the line is looked for by a scalar subquery, which
 * MariaDB does not turn into a semi-join that reads every order of the period, 1.5 million rows
 * for a year of a big brand), then only the lines of the orders from that moment on (every order of
 * that second included, so the order by line id among them stays that of all the period's lines). */
static const struct db_stmt q_recent_since = {
	"SELECT COALESCE(DATE_FORMAT(MIN(t.created_at), '%Y-%m-%d %H:%i:%s'), ?) FROM (SELECT o.created_at FROM orders o"
	" WHERE o.brand_id = ? AND o.created_at >= ? AND o.created_at < DATE_ADD(?, INTERVAL 1 DAY)"
	" AND (SELECT l.id FROM order_lines l WHERE l.order_id = o.id AND l.creator_id IS NOT NULL LIMIT 1) IS NOT NULL"
	" ORDER BY o.created_at DESC LIMIT 50) t", "siss", "s" };
static const struct db_stmt q_recent = {
	"SELECT o.number, DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i'), cr.handle, l.title, l.line_total - l.discount,"
	" l.commission_bps, " DASHBOARD_NET_COMMISSION ", l.surface, o.currency, " DASHBOARD_LINE_STATUS ", l.commission_kind,"
	" l.commission_first_order, COALESCE(o.reference, o.number) FROM orders o JOIN order_lines l ON l.order_id = o.id"
	" JOIN creators cr ON cr.id = l.creator_id WHERE o.brand_id = ? AND o.created_at >= ?"
	" AND o.created_at < DATE_ADD(?, INTERVAL 1 DAY) ORDER BY o.created_at DESC, l.id DESC LIMIT 50",
	"iss", "ssssiiissssis" };
/* What each creator is owed now, all time: the ledger per line, as in dashboard_creator.c. */
static const struct db_stmt q_owed = {
	"SELECT ce.creator_id,"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind = 'accrual' THEN ce.amount END), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind IN ('reversal', 'clawback') THEN ce.amount END), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind = 'payout' THEN ce.amount END), 0) AS SIGNED),"
	" MAX(DATE_ADD(COALESCE(o.delivered_at, o.created_at), INTERVAL b.return_window_days DAY) <= UTC_TIMESTAMP()"
	" AND o.status NOT IN ('awaiting_payment', 'cancelled')), cr.handle"
	" FROM commission_entries ce JOIN order_lines l ON l.id = ce.order_line_id JOIN orders o ON o.id = l.order_id"
	" JOIN brands b ON b.id = o.brand_id JOIN creators cr ON cr.id = ce.creator_id"
	" WHERE ce.brand_id = ? GROUP BY l.id, ce.creator_id, cr.handle ORDER BY cr.handle LIMIT 100000",
	"i", "iiiiis" };

struct brand_dash {
	char from[11], to[11];
	struct db_res creators, days, recent, owed;
};

/* n parameters from `from` on at p; the next free one. */
static struct db_param *put(struct db_param *p, const struct db_param *from, size_t n)
{
	memcpy(p, from, n * sizeof *p);
	return p + n;
}

static enum db_status load(struct req *r, long long brand, struct brand_dash *d)
{
	struct dashboard_parts parts;
	enum db_status rc = dashboard_live_bounds(r, brand, d->from, d->to, &parts);
	if (rc != DB_OK)
		return rc;
	struct db_param by_creator[2 + 1 + DASHBOARD_MONTH_BOUNDS + 1 + DASHBOARD_DAY_BOUNDS + 2 * DASHBOARD_LIVE_BOUNDS + 1];
	struct db_param *p = put(by_creator, (struct db_param[]){ DB_S(d->from), DB_S(d->to), DB_I(brand) }, 3);
	p = put(p, parts.months, DASHBOARD_MONTH_BOUNDS);
	*p++ = DB_I(brand);
	p = put(p, parts.days, DASHBOARD_DAY_BOUNDS);
	p = put(p, parts.live, DASHBOARD_LIVE_BOUNDS);
	*p++ = DB_I(brand);
	put(p, parts.live, DASHBOARD_LIVE_BOUNDS);
	struct db_param by_day[3 + 2 * DASHBOARD_LIVE_BOUNDS + 1];
	p = put(by_day, (struct db_param[]){ DB_I(brand), DB_S(d->from), DB_S(d->to) }, 3);
	p = put(p, parts.live, DASHBOARD_LIVE_BOUNDS);
	*p++ = DB_I(brand);
	put(p, parts.live, DASHBOARD_LIVE_BOUNDS);
	rc = db_query(r->db, r->arena, &q_by_creator, by_creator, &d->creators);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_by_day, by_day, &d->days);
	struct db_res since;
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_recent_since, (struct db_param[]){ DB_S(d->from), DB_I(brand), DB_S(d->from),
			      DB_S(d->to) }, &since);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_recent, (struct db_param[]){ DB_I(brand), DB_S(db_at(&since, 0, 0)->s),
			      DB_S(d->to) }, &d->recent);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_owed, (struct db_param[]){ DB_I(brand) }, &d->owed);
	return rc;
}

static void csv(struct req *r, const struct acting_brand *b, const struct brand_dash *d)
{
	struct csv_out c;
	csv_out_begin(&c, &r->body);
	static const char *const head[] = { "section", "day", "creator", "currency", "visits", "orders", "sales", "commission" };
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csv_out_text(&c, head[i]);
	csv_out_end_row(&c);
	for (size_t i = 0; i < d->creators.nrows; i++) {
		const char *cur = db_at(&d->creators, i, 7)->s;
		csv_out_text(&c, "creator");
		csv_out_text(&c, "");
		csv_out_text(&c, db_at(&d->creators, i, 1)->s);
		csv_out_text(&c, cur);
		csv_out_int(&c, db_at(&d->creators, i, 6)->i);
		csv_out_int(&c, db_at(&d->creators, i, 3)->i);
		csv_out_minor(&c, db_at(&d->creators, i, 4)->i, money_exponent(cur));
		csv_out_minor(&c, db_at(&d->creators, i, 5)->i, money_exponent(cur));
		csv_out_end_row(&c);
	}
	/* Every day of the period: its rows per currency, or a row of zeros in the brand's currency. */
	const char **days;
	size_t nd = dashboard_days(r, d->from, d->to, &days), k = 0;
	for (size_t i = 0; i < nd; i++) {
		bool any = false;
		while (k < d->days.nrows && strcmp(db_at(&d->days, k, 0)->s, days[i]) < 0)
			k++;
		for (; k < d->days.nrows && strcmp(db_at(&d->days, k, 0)->s, days[i]) == 0; k++, any = true) {
			const char *cur = db_at(&d->days, k, 4)->s;
			csv_out_text(&c, "day");
			csv_out_text(&c, days[i]);
			csv_out_text(&c, "");
			csv_out_text(&c, cur);
			csv_out_text(&c, "");
			csv_out_int(&c, db_at(&d->days, k, 1)->i);
			csv_out_minor(&c, db_at(&d->days, k, 2)->i, money_exponent(cur));
			csv_out_minor(&c, db_at(&d->days, k, 3)->i, money_exponent(cur));
			csv_out_end_row(&c);
		}
		if (any)
			continue;
		csv_out_text(&c, "day");
		csv_out_text(&c, days[i]);
		csv_out_text(&c, "");
		csv_out_text(&c, b->currency);
		csv_out_text(&c, "");
		csv_out_int(&c, 0);
		csv_out_minor(&c, 0, money_exponent(b->currency));
		csv_out_minor(&c, 0, money_exponent(b->currency));
		csv_out_end_row(&c);
	}
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	response_header(r, "Content-Disposition", "attachment; filename=\"creator-sales.csv\"");
}

#define MAX_OWED 500

struct owed {
	long long creator_id;
	const char *handle;
	struct ledger_split s;
};

static size_t owed_by_creator(const struct db_res *lines, struct owed *o)
{
	size_t n = 0;
	for (size_t i = 0; i < lines->nrows; i++) {
		long long id = db_at(lines, i, 0)->i;
		size_t k = 0;
		while (k < n && o[k].creator_id != id)
			k++;
		if (k == n) {
			if (n == MAX_OWED)
				continue;
			o[n++] = (struct owed){ id, db_at(lines, i, 5)->s, { 0, 0, 0, 0 } };
		}
		struct ledger_split s = ledger_line(db_at(lines, i, 1)->i, db_at(lines, i, 2)->i, db_at(lines, i, 3)->i,
						    db_at(lines, i, 4)->i != 0);
		o[k].s.pending += s.pending;
		o[k].s.payable += s.payable;
		o[k].s.paid += s.paid;
		o[k].s.carried += s.carried;
	}
	return n;
}

static int render(struct req *r, const struct acting_brand *b, const struct brand_dash *d)
{
	const char *cur = b->currency;
	tmpl_dict *t = layout_begin(r, "studio_dashboard_brand.tpl", "Creator sales");
	tmpl_set(t, "BRAND", b->name);
	tmpl_set(t, "FROM", d->from);
	tmpl_set(t, "TO", d->to);
	tmpl_set(t, "CSV_URL", arena_printf(r->arena, "/studio/brand/dashboard.csv?from=%s&to=%s", d->from, d->to));
	tmpl_dict *media = tmpl_include(t, "MEDIA", "studio_dashboard_media.tpl");
	tmpl_set(media, "FROM", d->from);
	tmpl_set(media, "TO", d->to);
	enum db_status rc = dashboard_media(r, media, b->id, 0, d->from, d->to);
	if (rc != DB_OK)
		return req_db_fail(rc);
	long long orders = 0;
	struct dashboard_sums sales = { 0 }, commission = { 0 };
	for (size_t i = 0; i < d->creators.nrows; i++) {
		const struct db_res *c = &d->creators;
		const char *ccur = db_at(c, i, 7)->s;
		tmpl_dict *e = tmpl_add(t, "CREATORS");
		tmpl_set(e, "HANDLE", db_at(c, i, 1)->s);
		tmpl_set(e, "NAME", db_at(c, i, 2)->s);
		tmpl_set_int(e, "VISITS", db_at(c, i, 6)->i);
		tmpl_set_int(e, "ORDERS", db_at(c, i, 3)->i);
		tmpl_set(e, "CONVERSION", dashboard_conversion(r, db_at(c, i, 3)->i, db_at(c, i, 6)->i));
		tmpl_set(e, "SALES", layout_money(r, db_at(c, i, 4)->i, ccur));
		tmpl_set(e, "COMMISSION", layout_money(r, db_at(c, i, 5)->i, ccur));
		dashboard_sum_add(&sales, ccur, db_at(c, i, 4)->i);
		dashboard_sum_add(&commission, ccur, db_at(c, i, 5)->i);
	}
	dashboard_charts_by_currency(r, t, "SALES_CHARTS", "sales", "Creator-driven sales", &d->days, 0, 4, 2, d->from, d->to);
	for (size_t k = 0; k < d->days.nrows; k++) {
		const char *dcur = db_at(&d->days, k, 4)->s;
		tmpl_dict *e = tmpl_add(t, "DAYS");
		tmpl_set(e, "DAY", db_at(&d->days, k, 0)->s);
		tmpl_set_int(e, "ORDERS", db_at(&d->days, k, 1)->i);
		tmpl_set(e, "SALES", layout_money(r, db_at(&d->days, k, 2)->i, dcur));
		tmpl_set(e, "COMMISSION", layout_money(r, db_at(&d->days, k, 3)->i, dcur));
		orders += db_at(&d->days, k, 1)->i;
	}
	tmpl_set_int(t, "ORDERS", orders);
	tmpl_set(t, "SALES", dashboard_sum_text(r, &sales, cur));
	tmpl_set(t, "COMMISSION", dashboard_sum_text(r, &commission, cur));
	for (size_t i = 0; i < d->recent.nrows; i++) {
		const struct db_res *s = &d->recent;
		const char *lcur = db_at(s, i, 8)->s;
		tmpl_dict *e = tmpl_add(t, "RECENT");
		tmpl_set(e, "NUMBER", db_at(s, i, 0)->s);
		char shown[ORDER_REF_SHOW_SIZE];	/* the reference the shopper quotes, the number below it */
		order_ref_show(db_at(s, i, 12)->s, shown);
		tmpl_set(e, "REF", shown);
		if (strcmp(shown, db_at(s, i, 0)->s) != 0)
			tmpl_show(e, "HAS_REF");
		tmpl_set(e, "WHEN", db_at(s, i, 1)->s);
		tmpl_set(e, "HANDLE", db_at(s, i, 2)->s);
		tmpl_set(e, "PRODUCT", db_at(s, i, 3)->s);
		tmpl_set(e, "TOTAL", layout_money(r, db_at(s, i, 4)->i, lcur));
		tmpl_set(e, "RATE", creator_rate_text(r, db_at(s, i, 5)->i));
		tmpl_set(e, "COMMISSION", layout_money(r, db_at(s, i, 6)->i, lcur));
		tmpl_set(e, "SURFACE", db_at(s, i, 7)->s);
		dashboard_sale_marks(r, e, db_at(s, i, 9)->s, db_at(s, i, 10)->s, db_at(s, i, 11)->i != 0);
	}
	struct owed *ow = arena_alloc(r->arena, MAX_OWED * sizeof *ow);
	size_t no = owed_by_creator(&d->owed, ow);
	for (size_t i = 0; i < no; i++) {
		tmpl_dict *e = tmpl_add(t, "OWED");
		tmpl_set(e, "HANDLE", ow[i].handle);
		tmpl_set_int(e, "CREATOR_ID", ow[i].creator_id);
		tmpl_set(e, "PENDING", layout_money(r, ow[i].s.pending, cur));
		tmpl_set(e, "PAYABLE", layout_money(r, ow[i].s.payable, cur));
		tmpl_set(e, "PAID", layout_money(r, ow[i].s.paid, cur));
		tmpl_set(e, "CARRIED", layout_money(r, ow[i].s.carried, cur));
		tmpl_set(e, "NET", layout_money(r, ow[i].s.payable + ow[i].s.carried, cur));
		if (ow[i].s.payable + ow[i].s.carried > 0)
			tmpl_show(e, "PAY");
	}
	if (no == 0)
		tmpl_show(t, "NO_OWED");
	if ((rc = payouts_ledger_status(r, t, b->id, 0)) != DB_OK)
		return req_db_fail(rc);
	if (req_query(r, "paid"))
		tmpl_show(t, "PAID_FLASH");
	layout_end(r, 200);
	return REQ_DONE;
}

int page_dashboard_brand(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct brand_dash d;
	if (!dashboard_period(r, d.from, d.to)) {
		response_error(r, 400, "Choose a period of at most a year, with dates like 2026-01-31, the first not after the last.");
		return REQ_DONE;
	}
	enum db_status rc = load(r, b->id, &d);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (strcmp(r->path, "/studio/brand/dashboard.csv") == 0)
		csv(r, b, &d);
	else
		return render(r, b, &d);
	return REQ_DONE;
}
