/* creator_codes.c: "/studio/creator/codes" — the discount codes brands gave the creator, with
 * their uses and, for each, a link to the storefront that carries the code: a shopper who
 * follows it has the code applied at the cart (shown, removable) and credits the creator. */
#include "studio/codes.h"
#include "lib/config.h"
#include "web/layout.h"

static const struct db_stmt q_codes = {
	"SELECT d.code, b.name, b.currency, d.kind = 'fixed', d.value, d.min_order, COALESCE(d.total_limit, 0), d.uses,"
	" COALESCE(DATE_FORMAT(d.ends_at - INTERVAL 1 DAY, '%Y-%m-%d'), ''), d.active,"
	" (SELECT COALESCE(SUM(rd.amount), 0) FROM discount_redemptions rd WHERE rd.code_id = d.id)"
	" FROM discount_codes d JOIN brands b ON b.id = d.brand_id WHERE d.creator_id = ?"
	" ORDER BY d.active DESC, b.name, d.code LIMIT 500", "i", "sssiiiiisii" };

int page_creator_codes(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_codes, (struct db_param[]){ DB_I(c->id) }, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_creator_codes.tpl", "Your discount codes");
	const char *base = config_str("base_url", "");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "CODES");
		const char *code = db_at(&res, i, 0)->s, *currency = db_at(&res, i, 2)->s;
		long long value = db_at(&res, i, 4)->i, min = db_at(&res, i, 5)->i, total = db_at(&res, i, 6)->i;
		tmpl_set(e, "CODE", code);
		tmpl_set(e, "BRAND", db_at(&res, i, 1)->s);
		tmpl_set(e, "RULE", db_at(&res, i, 3)->i ? layout_money(r, value, currency)
						 : arena_printf(r->arena, "%lld.%02lld %%", value / 100, value % 100));
		tmpl_set(e, "MIN", min ? layout_money(r, min, currency) : "none");
		tmpl_set(e, "USES", total ? arena_printf(r->arena, "%lld of %lld", db_at(&res, i, 7)->i, total)
					  : arena_printf(r->arena, "%lld", db_at(&res, i, 7)->i));
		const char *ends = db_at(&res, i, 8)->s;
		tmpl_set(e, "ENDS", *ends ? ends : "no end");
		tmpl_set(e, "DISCOUNTED", layout_money(r, db_at(&res, i, 10)->i, currency));
		tmpl_set(e, "LINK", arena_printf(r->arena, "%s/@%s?code=%s", base, c->handle, code));
		if (!db_at(&res, i, 9)->i)
			tmpl_show(e, "DISABLED");
	}
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, 200);
	return REQ_DONE;
}
