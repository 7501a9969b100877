/* home_today.c: see home_today.h. One query per role, so the home page stays one round trip more. */
#include "studio/home_today.h"
#include "web/layout.h"

static const struct db_stmt q_brand_today = {
	"SELECT"
	" (SELECT COALESCE(SUM(o.total), 0) FROM orders o WHERE o.brand_id = b.id AND o.paid_at >= UTC_DATE()),"
	" (SELECT COUNT(*) FROM orders o WHERE o.brand_id = b.id AND o.paid_at >= UTC_DATE()),"
	" (SELECT COALESCE(SUM(ce.amount), 0) FROM commission_entries ce WHERE ce.brand_id = b.id"
	"  AND ce.kind = 'accrual' AND ce.created_at >= UTC_DATE()),"
	" (SELECT COUNT(*) FROM orders o WHERE o.brand_id = b.id AND o.status = 'paid'),"
	" (SELECT COUNT(*) FROM picks pk JOIN products p ON p.id = pk.product_id"
	"  WHERE p.brand_id = b.id AND pk.status = 'requested'),"
	" (SELECT COUNT(*) FROM sample_requests s WHERE s.brand_id = b.id AND s.status = 'requested'),"
	" (SELECT COUNT(*) FROM leads l WHERE l.brand_id = b.id AND l.created_at >= UTC_DATE()),"
	" b.currency FROM brands b WHERE b.id = ?", "i", "iiiiiiis" };

/* A creator is paid in each brand's currency: one row per currency earned in today. */
static const struct db_stmt q_creator_earned = {
	"SELECT currency, SUM(amount), COUNT(*) FROM commission_entries WHERE creator_id = ? AND kind = 'accrual'"
	" AND created_at >= UTC_DATE() GROUP BY currency ORDER BY currency LIMIT 10", "i", "sii" };
static const struct db_stmt q_creator_open = {
	"SELECT"
	" (SELECT COUNT(*) FROM picks WHERE creator_id = ? AND status = 'requested'),"
	" (SELECT COUNT(*) FROM sample_requests WHERE creator_id = ? AND status IN ('requested', 'approved', 'shipped'))",
	"ii", "ii" };

static void home_today_figure(tmpl_dict *d, const char *label, const char *value)
{
	tmpl_dict *f = tmpl_add(d, "FIGURES");
	tmpl_set(f, "LABEL", label);
	tmpl_set(f, "VALUE", value);
}

/* "Ship 3 paid orders": a verb, the count, and the thing in the singular or plural. */
static void home_today_todo(struct req *r, tmpl_dict *d, long long n, const char *verb, const char *one,
			    const char *many, const char *href)
{
	if (n <= 0)
		return;
	tmpl_dict *t = tmpl_add(d, "TODO");
	tmpl_set(t, "TEXT", arena_printf(r->arena, "%s %lld %s", verb, n, n == 1 ? one : many));
	tmpl_set(t, "HREF", href);
}

enum db_status home_today_brand(struct req *r, tmpl_dict *d, long long brand_id)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_brand_today, (struct db_param[]){ DB_I(brand_id) }, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	const char *cur = db_at(&res, 0, 7)->s;
	tmpl_dict *t = tmpl_add(d, "TODAY");
	home_today_figure(t, "Sales today", layout_money(r, db_at(&res, 0, 0)->i, cur));
	home_today_figure(t, "Orders paid today", arena_printf(r->arena, "%lld", db_at(&res, 0, 1)->i));
	home_today_figure(t, "Commission accrued today", layout_money(r, db_at(&res, 0, 2)->i, cur));
	home_today_figure(t, "Orders to ship", arena_printf(r->arena, "%lld", db_at(&res, 0, 3)->i));
	home_today_figure(t, "Pick requests", arena_printf(r->arena, "%lld", db_at(&res, 0, 4)->i));
	home_today_figure(t, "Sample requests", arena_printf(r->arena, "%lld", db_at(&res, 0, 5)->i));
	home_today_figure(t, "New leads today", arena_printf(r->arena, "%lld", db_at(&res, 0, 6)->i));
	home_today_todo(r, t, db_at(&res, 0, 3)->i, "Ship", "paid order", "paid orders", "/studio/orders?status=paid");
	home_today_todo(r, t, db_at(&res, 0, 4)->i, "Answer", "pick request", "pick requests",
			"/studio/brand/pick-requests");
	home_today_todo(r, t, db_at(&res, 0, 5)->i, "Answer", "sample request", "sample requests",
			"/studio/brand/samples");
	home_today_todo(r, t, db_at(&res, 0, 6)->i, "Read", "new lead", "new leads", "/studio/leads");
	return DB_OK;
}

enum db_status home_today_creator(struct req *r, tmpl_dict *d, long long creator_id)
{
	struct db_res earned, open;
	enum db_status rc = db_query(r->db, r->arena, &q_creator_earned, (struct db_param[]){ DB_I(creator_id) }, &earned);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_creator_open, (struct db_param[]){ DB_I(creator_id), DB_I(creator_id) }, &open);
	if (rc != DB_OK)
		return rc;
	tmpl_dict *t = tmpl_add(d, "TODAY");
	long long sales = 0;
	for (size_t i = 0; i < earned.nrows; i++) {
		home_today_figure(t, "Commission earned today", layout_money(r, db_at(&earned, i, 1)->i, db_at(&earned, i, 0)->s));
		sales += db_at(&earned, i, 2)->i;
	}
	if (!earned.nrows)
		home_today_figure(t, "Commission earned today", "none yet");
	home_today_figure(t, "Sales through your links today", arena_printf(r->arena, "%lld", sales));
	home_today_figure(t, "Pick requests waiting", arena_printf(r->arena, "%lld", db_at(&open, 0, 0)->i));
	home_today_figure(t, "Samples under way", arena_printf(r->arena, "%lld", db_at(&open, 0, 1)->i));
	home_today_todo(r, t, db_at(&open, 0, 1)->i, "Follow", "sample under way", "samples under way",
			"/studio/creator/samples");
	return DB_OK;
}
