/* dashboard_creator.c: "/studio/creator/dashboard" (and ".csv") — a creator's visits, attributed
 * orders and earnings by day and by brand for a period (from/to, UTC days, default the last 30),
 * server-drawn SVG charts of visits per day and of commission per day in each currency, the
 * latest attributed sales (direct or indirect, and whether the order was paid, cancelled or
 * refunded), and commission pending vs payable vs paid (see ledger.h for when pending becomes
 * payable). Earnings count paid sales only, net of refunds. */
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
#include "lib/svg_chart.h"

static const struct db_stmt q_visits = {
	"SELECT DATE_FORMAT(day, '%Y-%m-%d'), CAST(SUM(count) AS SIGNED) FROM creator_visits"
	" WHERE creator_id = ? AND day BETWEEN ? AND ? GROUP BY day ORDER BY day LIMIT 400", "iss", "si" };
/* Earnings count paid sales only, net of refunds (DASHBOARD_COUNTED); the latest sales list every
 * line with its order's state. */
static const struct db_stmt q_earnings = {
	"SELECT DATE_FORMAT(DATE(o.created_at), '%Y-%m-%d'), o.currency, COUNT(DISTINCT o.id),"
	" CAST(SUM(" DASHBOARD_NET_SALES ") AS SIGNED), CAST(SUM(" DASHBOARD_NET_COMMISSION ") AS SIGNED)"
	" FROM order_lines l JOIN orders o ON o.id = l.order_id"
	" WHERE l.creator_id = ? AND o.created_at >= ? AND o.created_at < DATE_ADD(?, INTERVAL 1 DAY)"
	" AND " DASHBOARD_COUNTED
	" GROUP BY DATE(o.created_at), o.currency ORDER BY DATE(o.created_at), o.currency LIMIT 2000",
	"iss", "ssiii" };
static const struct db_stmt q_brands = {
	"SELECT b.name, o.currency, COUNT(DISTINCT o.id), CAST(SUM(" DASHBOARD_NET_SALES ") AS SIGNED),"
	" CAST(SUM(" DASHBOARD_NET_COMMISSION ") AS SIGNED)"
	" FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN brands b ON b.id = o.brand_id"
	" WHERE l.creator_id = ? AND o.created_at >= ? AND o.created_at < DATE_ADD(?, INTERVAL 1 DAY)"
	" AND " DASHBOARD_COUNTED
	" GROUP BY b.id, b.name, o.currency ORDER BY b.name LIMIT 200", "iss", "ssiii" };
static const struct db_stmt q_recent = {
	"SELECT o.number, DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i'), b.name, l.title, o.currency, l.line_total - l.discount,"
	" l.commission_bps, " DASHBOARD_NET_COMMISSION ", l.surface, " DASHBOARD_LINE_STATUS ", l.commission_kind,"
	" l.commission_first_order, COALESCE(o.reference, o.number) FROM order_lines l JOIN orders o ON o.id = l.order_id"
	" JOIN brands b ON b.id = o.brand_id WHERE l.creator_id = ?"
	" AND o.created_at >= ? AND o.created_at < DATE_ADD(?, INTERVAL 1 DAY)"
	" ORDER BY o.created_at DESC, l.id DESC LIMIT 50", "iss", "sssssiiisssis" };
/* Per line: the ledger sums and whether the return window has passed since delivery (or since
 * the order, if it was never marked delivered); unpaid orders never become payable. */
static const struct db_stmt q_ledger = {
	"SELECT o.currency,"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind = 'accrual' THEN ce.amount END), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind IN ('reversal', 'clawback') THEN ce.amount END), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind = 'payout' THEN ce.amount END), 0) AS SIGNED),"
	" MAX(DATE_ADD(COALESCE(o.delivered_at, o.created_at), INTERVAL b.return_window_days DAY) <= UTC_TIMESTAMP()"
	" AND o.status NOT IN ('awaiting_payment', 'cancelled'))"
	" FROM commission_entries ce JOIN order_lines l ON l.id = ce.order_line_id JOIN orders o ON o.id = l.order_id"
	" JOIN brands b ON b.id = o.brand_id WHERE ce.creator_id = ? GROUP BY l.id, o.currency LIMIT 100000",
	"i", "siiii" };

struct creator_dash {
	char from[11], to[11];
	struct db_res visits, earnings, brands, recent, ledger;
};

static enum db_status load(struct req *r, long long creator, struct creator_dash *d)
{
	struct db_param p[] = { DB_I(creator), DB_S(d->from), DB_S(d->to) };
	enum db_status rc = db_query(r->db, r->arena, &q_visits, p, &d->visits);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_earnings, p, &d->earnings);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_brands, p, &d->brands);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_recent, p, &d->recent);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_ledger, (struct db_param[]){ DB_I(creator) }, &d->ledger);
	return rc;
}

#define MAX_CURRENCIES 8

struct totals {
	const char *currency;
	struct ledger_split s;
};

static size_t ledger_totals(const struct db_res *lines, struct totals *t)
{
	size_t n = 0;
	for (size_t i = 0; i < lines->nrows; i++) {
		const char *cur = db_at(lines, i, 0)->s;
		size_t k = 0;
		while (k < n && strcmp(t[k].currency, cur))
			k++;
		if (k == n) {
			if (n == MAX_CURRENCIES)
				continue;
			t[n++] = (struct totals){ cur, { 0, 0, 0, 0 } };
		}
		struct ledger_split s = ledger_line(db_at(lines, i, 1)->i, db_at(lines, i, 2)->i, db_at(lines, i, 3)->i,
						    db_at(lines, i, 4)->i != 0);
		t[k].s.pending += s.pending;
		t[k].s.payable += s.payable;
		t[k].s.paid += s.paid;
		t[k].s.carried += s.carried;
	}
	return n;
}

/* Visits of one day from the (sorted, sparse) visits result; 0 when the day has none. */
static long long visits_on(const struct db_res *v, const char *day)
{
	for (size_t i = 0; i < v->nrows; i++)
		if (strcmp(db_at(v, i, 0)->s, day) == 0)
			return db_at(v, i, 1)->i;
	return 0;
}

static void csv(struct req *r, const struct creator_dash *d)
{
	struct csv_out c;
	csv_out_begin(&c, &r->body);
	static const char *const head[] = { "section", "day", "brand", "currency", "visits", "orders", "sales", "commission" };
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csv_out_text(&c, head[i]);
	csv_out_end_row(&c);
	const char **days;
	size_t nd = dashboard_days(r, d->from, d->to, &days);
	for (size_t i = 0; i < nd; i++) {
		csv_out_text(&c, "visits");
		csv_out_text(&c, days[i]);
		csv_out_text(&c, "");
		csv_out_text(&c, "");
		csv_out_int(&c, visits_on(&d->visits, days[i]));
		csv_out_text(&c, "");
		csv_out_text(&c, "");
		csv_out_text(&c, "");
		csv_out_end_row(&c);
	}
	for (size_t i = 0; i < d->earnings.nrows; i++) {
		const char *cur = db_at(&d->earnings, i, 1)->s;
		csv_out_text(&c, "earnings");
		csv_out_text(&c, db_at(&d->earnings, i, 0)->s);
		csv_out_text(&c, "");
		csv_out_text(&c, cur);
		csv_out_text(&c, "");
		csv_out_int(&c, db_at(&d->earnings, i, 2)->i);
		csv_out_minor(&c, db_at(&d->earnings, i, 3)->i, money_exponent(cur));
		csv_out_minor(&c, db_at(&d->earnings, i, 4)->i, money_exponent(cur));
		csv_out_end_row(&c);
	}
	for (size_t i = 0; i < d->brands.nrows; i++) {
		const char *cur = db_at(&d->brands, i, 1)->s;
		csv_out_text(&c, "brand");
		csv_out_text(&c, "");
		csv_out_text(&c, db_at(&d->brands, i, 0)->s);
		csv_out_text(&c, cur);
		csv_out_text(&c, "");
		csv_out_int(&c, db_at(&d->brands, i, 2)->i);
		csv_out_minor(&c, db_at(&d->brands, i, 3)->i, money_exponent(cur));
		csv_out_minor(&c, db_at(&d->brands, i, 4)->i, money_exponent(cur));
		csv_out_end_row(&c);
	}
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	response_header(r, "Content-Disposition", "attachment; filename=\"creator-dashboard.csv\"");
}

static int render(struct req *r, long long creator, const struct creator_dash *d)
{
	tmpl_dict *t = layout_begin(r, "studio_dashboard_creator.tpl", "Your creator dashboard");
	tmpl_set(t, "FROM", d->from);
	tmpl_set(t, "TO", d->to);
	tmpl_set(t, "CSV_URL", arena_printf(r->arena, "/studio/creator/dashboard.csv?from=%s&to=%s", d->from, d->to));
	tmpl_dict *media = tmpl_include(t, "MEDIA", "studio_dashboard_media.tpl");
	tmpl_set(media, "FROM", d->from);
	tmpl_set(media, "TO", d->to);
	enum db_status rc = dashboard_media(r, media, 0, creator, d->from, d->to);
	if (rc != DB_OK)
		return req_db_fail(rc);
	const char **days;
	size_t nd = dashboard_days(r, d->from, d->to, &days);
	struct svg_bar *bars = arena_alloc(r->arena, (nd + 1) * sizeof *bars);
	long long total = 0;
	for (size_t i = 0; i < nd; i++) {
		long long v = visits_on(&d->visits, days[i]);
		total += v;
		bars[i] = (struct svg_bar){ days[i], v, arena_printf(r->arena, "%lld visits", v) };
	}
	tmpl_set_int(t, "VISITS", total);
	struct buf svg;
	buf_init(&svg, r->arena, 8192);
	svg_bar_chart(&svg, "visits-chart", arena_printf(r->arena, "Visits per day, %s to %s", d->from, d->to), bars, nd);
	tmpl_set(t, "SANITISED_CHART", buf_cstr(&svg));	/* svg_bar_chart escapes every label */
	for (size_t i = 0; i < d->visits.nrows; i++) {
		tmpl_dict *e = tmpl_add(t, "VISIT_DAYS");
		tmpl_set(e, "DAY", db_at(&d->visits, i, 0)->s);
		tmpl_set_int(e, "VISITS", db_at(&d->visits, i, 1)->i);
	}
	dashboard_charts_by_currency(r, t, "EARNING_CHARTS", "earnings", "Commission", &d->earnings, 0, 1, 4, d->from, d->to);
	for (size_t i = 0; i < d->earnings.nrows; i++) {
		const char *cur = db_at(&d->earnings, i, 1)->s;
		tmpl_dict *e = tmpl_add(t, "EARNING_DAYS");
		tmpl_set(e, "DAY", db_at(&d->earnings, i, 0)->s);
		tmpl_set_int(e, "ORDERS", db_at(&d->earnings, i, 2)->i);
		tmpl_set(e, "SALES", layout_money(r, db_at(&d->earnings, i, 3)->i, cur));
		tmpl_set(e, "COMMISSION", layout_money(r, db_at(&d->earnings, i, 4)->i, cur));
	}
	for (size_t i = 0; i < d->brands.nrows; i++) {
		const char *cur = db_at(&d->brands, i, 1)->s;
		tmpl_dict *e = tmpl_add(t, "BRANDS");
		tmpl_set(e, "BRAND", db_at(&d->brands, i, 0)->s);
		tmpl_set_int(e, "ORDERS", db_at(&d->brands, i, 2)->i);
		tmpl_set(e, "SALES", layout_money(r, db_at(&d->brands, i, 3)->i, cur));
		tmpl_set(e, "COMMISSION", layout_money(r, db_at(&d->brands, i, 4)->i, cur));
	}
	for (size_t i = 0; i < d->recent.nrows; i++) {
		const struct db_res *s = &d->recent;
		const char *cur = db_at(s, i, 4)->s;
		tmpl_dict *e = tmpl_add(t, "RECENT");
		tmpl_set(e, "NUMBER", db_at(s, i, 0)->s);
		char shown[ORDER_REF_SHOW_SIZE];	/* the reference the shopper quotes, the number below it */
		order_ref_show(db_at(s, i, 12)->s, shown);
		tmpl_set(e, "REF", shown);
		if (strcmp(shown, db_at(s, i, 0)->s) != 0)
			tmpl_show(e, "HAS_REF");
		tmpl_set(e, "WHEN", db_at(s, i, 1)->s);
		tmpl_set(e, "BRAND", db_at(s, i, 2)->s);
		tmpl_set(e, "PRODUCT", db_at(s, i, 3)->s);
		tmpl_set(e, "TOTAL", layout_money(r, db_at(s, i, 5)->i, cur));
		tmpl_set(e, "RATE", creator_rate_text(r, db_at(s, i, 6)->i));
		tmpl_set(e, "COMMISSION", layout_money(r, db_at(s, i, 7)->i, cur));
		tmpl_set(e, "SURFACE", db_at(s, i, 8)->s);
		dashboard_sale_marks(r, e, db_at(s, i, 9)->s, db_at(s, i, 10)->s, db_at(s, i, 11)->i != 0);
	}
	struct totals tot[MAX_CURRENCIES];
	size_t nt = ledger_totals(&d->ledger, tot);
	for (size_t i = 0; i < nt; i++) {
		tmpl_dict *e = tmpl_add(t, "LEDGER");
		tmpl_set(e, "CURRENCY", tot[i].currency);
		tmpl_set(e, "PENDING", layout_money(r, tot[i].s.pending, tot[i].currency));
		tmpl_set(e, "PAYABLE", layout_money(r, tot[i].s.payable, tot[i].currency));
		tmpl_set(e, "PAID", layout_money(r, tot[i].s.paid, tot[i].currency));
		tmpl_set(e, "CARRIED", layout_money(r, tot[i].s.carried, tot[i].currency));
	}
	if (nt == 0)
		tmpl_show(t, "NO_LEDGER");
	rc = payouts_ledger_status(r, t, 0, r->creator->id);
	if (rc != DB_OK)
		return req_db_fail(rc);
	layout_end(r, 200);
	return REQ_DONE;
}

int page_dashboard_creator(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct creator_dash d;
	if (!dashboard_period(r, d.from, d.to)) {
		response_error(r, 400, "Choose a period of at most a year, with dates like 2026-01-31, the first not after the last.");
		return REQ_DONE;
	}
	enum db_status rc = load(r, c->id, &d);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (strcmp(r->path, "/studio/creator/dashboard.csv") == 0)
		csv(r, &d);
	else
		return render(r, c->id, &d);
	return REQ_DONE;
}
