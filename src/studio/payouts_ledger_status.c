/* payouts_ledger_status.c: the line the dashboards and payout pages show about the commission
 * ledger's last check (`crowdcartctl ledger verify`, ledger_checks). A creator's line covers
 * every brand they have entries with: verified only when each of those chains was. */
#include "studio/payouts.h"
#include "studio/studio.h"

static const struct db_stmt q_brand = {
	"SELECT ok, DATE_FORMAT(checked_at, '%Y-%m-%d %H:%i UTC'), COALESCE(broken_entry_id, 0), '' FROM ledger_checks"
	" WHERE brand_id = ?", "i", "isis" };
/* Failed checks first, then the oldest good one. */
static const struct db_stmt q_creator = {
	"SELECT COALESCE(k.ok, 0), COALESCE(DATE_FORMAT(k.checked_at, '%Y-%m-%d %H:%i UTC'), ''),"
	" COALESCE(k.broken_entry_id, 0), b.name FROM (SELECT DISTINCT brand_id FROM commission_entries WHERE creator_id = ?) e"
	" JOIN brands b ON b.id = e.brand_id LEFT JOIN ledger_checks k ON k.brand_id = e.brand_id"
	" ORDER BY k.ok IS NULL DESC, k.ok, k.checked_at LIMIT 1", "i", "isis" };

enum db_status payouts_ledger_status(struct req *r, tmpl_dict *t, long long brand_id, long long creator_id)
{
	struct db_res k;
	enum db_status rc = brand_id ? db_query(r->db, r->arena, &q_brand, (struct db_param[]){ DB_I(brand_id) }, &k)
				     : db_query(r->db, r->arena, &q_creator, (struct db_param[]){ DB_I(creator_id) }, &k);
	if (rc != DB_OK)
		return rc;
	const char *text;
	if (k.nrows == 0 || !*db_at(&k, 0, 1)->s)
		text = "Ledger not verified yet.";
	else if (db_at(&k, 0, 0)->i)
		text = arena_printf(r->arena, "Ledger verified %s.", db_at(&k, 0, 1)->s);
	else {
		const char *who = *db_at(&k, 0, 3)->s ? arena_printf(r->arena, " (%s)", db_at(&k, 0, 3)->s) : "";
		text = db_at(&k, 0, 2)->i
			? arena_printf(r->arena, "Ledger check failed at entry %lld%s, %s.", db_at(&k, 0, 2)->i, who, db_at(&k, 0, 1)->s)
			: arena_printf(r->arena, "Ledger check failed%s, %s.", who, db_at(&k, 0, 1)->s);
		tmpl_show(t, "LEDGER_FAILED");
	}
	tmpl_set(t, "LEDGER_STATUS", text);
	return DB_OK;
}
