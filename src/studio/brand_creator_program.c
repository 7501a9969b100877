/* brand_creator_program.c: "/studio/brand/creator-program" — the brand's terms for creators: the
 * attribution window (the last creator click within it wins the sale), the return window
 * (commission becomes payable after it, 1 to 90 days), the notice before a lowered rate reaches
 * existing picks, the indirect rate for its other products bought in the same attributed visit and
 * an optional rate for a buyer's first order. Opening the catalog and the commission rate are on
 * /studio/marketplace. */
#include <stdlib.h>
#include <string.h>
#include "views/attribution.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_terms = {
	"SELECT attribution_window_days, return_window_days, rate_notice_days, indirect_commission_bps,"
	" COALESCE(first_order_commission_bps, -1) FROM brands WHERE id = ?", "i", "iiiii" };
static const struct db_stmt q_save = {
	"UPDATE brands SET attribution_window_days = ?, return_window_days = ?, rate_notice_days = ?,"
	" indirect_commission_bps = ?, first_order_commission_bps = ? WHERE id = ?", "iiiiii", "" };

struct terms_text {
	const char *window, *returns, *notice, *indirect, *first_order;
};

static void terms_form(struct req *r, const struct acting_brand *b, int status, const char *error,
		       const struct terms_text *t)
{
	tmpl_dict *d = layout_begin(r, "studio_brand_creator_program.tpl", "Creator program");
	tmpl_set(d, "BRAND", b->name);
	tmpl_set(d, "WINDOW", t->window);
	tmpl_set(d, "RETURN_WINDOW", t->returns);
	tmpl_set(d, "NOTICE", t->notice);
	tmpl_set(d, "INDIRECT", t->indirect);
	tmpl_set(d, "FIRST_ORDER", t->first_order);
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	if (req_query(r, "saved"))
		tmpl_show(d, "SAVED");
	layout_end(r, status);
}

/* A rate as the form shows it: "2.5" for 250 basis points, "" for none. */
static const char *percent_field(struct req *r, long long bps)
{
	if (bps < 0)
		return "";
	return bps % 100 ? arena_printf(r->arena, "%lld.%02lld", bps / 100, bps % 100) : arena_printf(r->arena, "%lld", bps / 100);
}

int page_brand_creator_program_form(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct db_res t;
	enum db_status rc = db_query(r->db, r->arena, &q_terms, (struct db_param[]){ DB_I(b->id) }, &t);
	if (rc != DB_OK || t.nrows == 0)
		return req_db_fail(rc == DB_OK ? DB_ERR : rc);
	terms_form(r, b, 200, NULL, &(struct terms_text){
		arena_printf(r->arena, "%lld", db_at(&t, 0, 0)->i), arena_printf(r->arena, "%lld", db_at(&t, 0, 1)->i),
		arena_printf(r->arena, "%lld", db_at(&t, 0, 2)->i), percent_field(r, db_at(&t, 0, 3)->i),
		percent_field(r, db_at(&t, 0, 4)->i) });
	return REQ_DONE;
}

static const char *field_or_empty(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

int page_brand_creator_program(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long window = 0, returns = 0, notice = 0, indirect = 0, first_order = -1;
	const char *ind = req_form(r, "indirect_percent"), *fo = req_form(r, "first_order_percent");
	const char *error = !req_int(r, "attribution_window_days", &window) ? "The attribution window is 1 to 90 days."
		: !req_int(r, "return_window_days", &returns) ? "The return window is 1 to 90 days."
		: !req_int(r, "rate_notice_days", &notice) ? "The notice before a lower rate is 7 to 90 days."
		: ind && *ind && !commission_percent_parse(ind, &indirect)
			? "Enter the indirect rate from 0 to 50 percent, with at most two decimals, or leave it empty for none."
		: fo && *fo && !commission_percent_parse(fo, &first_order)
			? "Enter the first-order rate from 0 to 50 percent, with at most two decimals, or leave it empty for none."
		: NULL;
	if (error) {
		terms_form(r, b, 422, error, &(struct terms_text){ field_or_empty(r, "attribution_window_days"),
			   field_or_empty(r, "return_window_days"), field_or_empty(r, "rate_notice_days"),
			   field_or_empty(r, "indirect_percent"), field_or_empty(r, "first_order_percent") });
		return REQ_DONE;
	}
	enum db_status rc = db_query(r->db, r->arena, &q_save, (struct db_param[]){ DB_I(window), DB_I(returns),
				     DB_I(notice), DB_I(indirect), first_order < 0 ? DB_NULL : DB_I(first_order), DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/brand/creator-program?saved=1");
	return REQ_DONE;
}
