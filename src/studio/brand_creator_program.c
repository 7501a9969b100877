/* brand_creator_program.c: "/studio/brand/creator-program" — the brand's attribution window (the
 * last creator click within it wins the sale) and return window (commission becomes payable
 * after it). Opening the catalog and the commission rate are on /studio/marketplace. */
#include <stdlib.h>
#include <string.h>
#include "views/attribution.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_terms = {
	"SELECT attribution_window_days, return_window_days FROM brands WHERE id = ?", "i", "ii" };
static const struct db_stmt q_save = {
	"UPDATE brands SET attribution_window_days = ?, return_window_days = ? WHERE id = ?", "iii", "" };

static void terms_form(struct req *r, const struct acting_brand *b, int status, const char *error,
		       const char *window, const char *returns)
{
	tmpl_dict *d = layout_begin(r, "studio_brand_creator_program.tpl", "Creator program");
	tmpl_set(d, "BRAND", b->name);
	tmpl_set(d, "WINDOW", window);
	tmpl_set(d, "RETURN_WINDOW", returns);
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	if (req_query(r, "saved"))
		tmpl_show(d, "SAVED");
	layout_end(r, status);
}

int page_brand_creator_program_form(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct db_res t;
	enum db_status rc = db_query(r->db, r->arena, &q_terms, (struct db_param[]){ DB_I(b->id) }, &t);
	if (rc != DB_OK || t.nrows == 0)
		return req_db_fail(rc == DB_OK ? DB_ERR : rc);
	terms_form(r, b, 200, NULL, arena_printf(r->arena, "%lld", db_at(&t, 0, 0)->i),
		   arena_printf(r->arena, "%lld", db_at(&t, 0, 1)->i));
	return REQ_DONE;
}

int page_brand_creator_program(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *w = req_form(r, "attribution_window_days"), *rw = req_form(r, "return_window_days");
	long long window = 0, returns = 0;
	const char *error = !req_int(r, "attribution_window_days", &window) ? "The attribution window is 1 to 90 days."
			    : !req_int(r, "return_window_days", &returns) ? "The return window is 0 to 365 days." : NULL;
	if (error) {
		terms_form(r, b, 422, error, w ? w : "", rw ? rw : "");
		return REQ_DONE;
	}
	enum db_status rc = db_query(r->db, r->arena, &q_save, (struct db_param[]){ DB_I(window), DB_I(returns),
				     DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/brand/creator-program?saved=1");
	return REQ_DONE;
}
