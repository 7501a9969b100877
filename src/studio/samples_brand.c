/* samples_brand.c: "/studio/brand/samples" — the brand's sample requests, open ones first: approve,
 * decline with a reason, ship with a carrier and tracking number, mark delivered; and the brand's
 * limits per creator. The shipping address shows only while a request is open: a declined,
 * cancelled or delivered request has no parcel left to send. */
#include <string.h>
#include "studio/samples.h"
#include "web/layout.h"
#include "web/response.h"
#include "lib/validate.h"

static const struct db_stmt q_list = {
	"SELECT s.id, cr.handle, cr.display_name, p.title,"
	" COALESCE(CONCAT_WS(' / ', NULLIF(v.option1, ''), NULLIF(v.option2, ''), NULLIF(v.option3, '')), ''),"
	" s.note, s.ship_name, s.ship_line1, s.ship_line2, s.ship_city, s.ship_region, s.ship_postal, s.ship_country,"
	" s.status, s.carrier, s.tracking_number, s.decline_reason, s.created_at"
	" FROM sample_requests s JOIN creators cr ON cr.id = s.creator_id JOIN products p ON p.id = s.product_id"
	" LEFT JOIN variants v ON v.id = s.variant_id WHERE s.brand_id = ?"
	" ORDER BY s.status IN ('requested', 'approved', 'shipped') DESC, s.created_at DESC, s.id DESC LIMIT 200",
	"i", "isssssssssssssssss" };
static const struct db_stmt q_limits = {
	"SELECT sample_open_limit, sample_monthly_limit FROM brands WHERE id = ?", "i", "ii" };
static const struct db_stmt q_limits_save = {
	"UPDATE brands SET sample_open_limit = ?, sample_monthly_limit = ? WHERE id = ?", "iii", "" };

static const char *flash_text(const char *done)
{
	if (!done)
		return NULL;
	if (strcmp(done, "limits") == 0)
		return "Limits saved. They apply to the next request each creator makes.";
	for (int a = 0; a < SAMPLE__NACTION; a++)
		if (strcmp(done, sample_action_name((enum sample_action)a)) == 0)
			return a == SAMPLE_APPROVE ? "Approved. The creator has been told."
			     : a == SAMPLE_DECLINE ? "Declined. The creator has been told why."
			     : a == SAMPLE_SHIP ? "Marked as shipped. The creator has the carrier and tracking number."
			     : a == SAMPLE_DELIVER ? "Marked as delivered. The creator's pages now say it was gifted."
			     : NULL;
	return NULL;
}

static void row_fill(struct req *r, tmpl_dict *e, const struct db_res *s, size_t i)
{
	enum sample_status st = sample_status_parse(db_at(s, i, 13)->s);
	tmpl_set_int(e, "ID", db_at(s, i, 0)->i);
	tmpl_set(e, "HANDLE", db_at(s, i, 1)->s);
	tmpl_set(e, "NAME", db_at(s, i, 2)->s);
	tmpl_set(e, "PRODUCT", db_at(s, i, 3)->s);
	if (*db_at(s, i, 4)->s)
		tmpl_set(tmpl_add(e, "OPTION"), "TEXT", db_at(s, i, 4)->s);
	if (*db_at(s, i, 5)->s)
		tmpl_set(tmpl_add(e, "NOTE"), "TEXT", db_at(s, i, 5)->s);
	tmpl_set(e, "STATUS", sample_status_name(st));
	tmpl_set(e, "STATUS_LABEL", sample_status_label(st));
	tmpl_set(e, "WHEN", db_at(s, i, 17)->s);
	if (sample_is_open(st)) {
		tmpl_dict *a = tmpl_add(e, "ADDRESS");
		static const char *const keys[] = { "SHIP_NAME", "LINE1", "LINE2", "CITY", "REGION", "POSTAL", "COUNTRY" };
		for (size_t k = 0; k < 7; k++)
			if (*db_at(s, i, 6 + k)->s)
				tmpl_set(tmpl_add(a, keys[k]), "TEXT", db_at(s, i, 6 + k)->s);
	}
	if (st == SAMPLE_DECLINED && *db_at(s, i, 16)->s)
		tmpl_set(tmpl_add(e, "REASON"), "TEXT", db_at(s, i, 16)->s);
	samples_tracking_fill(r, e, db_at(s, i, 14)->s, db_at(s, i, 15)->s);
	if (sample_next(st, SAMPLE_APPROVE, SAMPLE_BY_BRAND) != SAMPLE_INVALID)
		tmpl_show(e, "APPROVE");
	if (sample_next(st, SAMPLE_DECLINE, SAMPLE_BY_BRAND) != SAMPLE_INVALID)
		tmpl_show(e, "DECLINE");
	if (sample_next(st, SAMPLE_DELIVER, SAMPLE_BY_BRAND) != SAMPLE_INVALID)
		tmpl_show(e, "DELIVER");
	if (sample_next(st, SAMPLE_SHIP, SAMPLE_BY_BRAND) != SAMPLE_INVALID) {
		tmpl_dict *ship = tmpl_add(e, "SHIP");
		size_t n;
		const struct sample_carrier *c = sample_carriers(&n);
		for (size_t k = 0; k < n; k++) {
			tmpl_dict *o = tmpl_add(ship, "CARRIERS");
			tmpl_set(o, "CODE", c[k].code);
			tmpl_set(o, "LABEL", c[k].name);
		}
	}
}

/* The page, with `error` at the top (a refused move or limit) and `status`. */
static int brand_render(struct req *r, int status, const char *error)
{
	const struct acting_brand *b = r->brand;
	struct db_res s, lim;
	struct db_param id[] = { DB_I(b->id) };
	enum db_status rc;
	if ((rc = db_query(r->db, r->arena, &q_list, id, &s)) != DB_OK ||
	    (rc = db_query(r->db, r->arena, &q_limits, id, &lim)) != DB_OK)
		return req_db_fail(rc);
	if (lim.nrows == 0)
		return 404;
	tmpl_dict *d = layout_begin(r, "studio_brand_samples.tpl", "Sample requests");
	tmpl_set(d, "BRAND", b->name);
	tmpl_set_int(d, "OPEN_LIMIT", db_at(&lim, 0, 0)->i);
	tmpl_set_int(d, "MONTHLY_LIMIT", db_at(&lim, 0, 1)->i);
	tmpl_set_int(d, "LIMIT_MAX", SAMPLE_LIMIT_MAX);
	const char *flash = error ? NULL : flash_text(req_query(r, "done"));
	if (flash)
		tmpl_set(tmpl_add(d, "FLASH"), "TEXT", flash);
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	for (size_t i = 0; i < s.nrows; i++)
		row_fill(r, tmpl_add(d, "SAMPLES"), &s, i);
	if (s.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, status);
	return REQ_DONE;
}

int page_brand_samples(struct req *r)
{
	return brand_render(r, 200, NULL);
}

int page_brand_sample_move(struct req *r)
{
	struct samples_move m = { .id = req_id(r, "id"), .who = SAMPLE_BY_BRAND, .owner_id = r->brand->id,
				  .action = sample_action_parse(req_form(r, "action")) };
	char tracking[SAMPLE_TRACKING_MAX + 1];
	if (m.action == SAMPLE_DECLINE) {
		m.reason = req_form(r, "reason");
		if (!m.reason || !validate_has_text(m.reason))
			return brand_render(r, 422, "To decline a request, say why: the creator is told.");
	} else if (m.action == SAMPLE_SHIP) {
		const struct sample_carrier *c = sample_carrier_find(req_form(r, "carrier"));
		if (!c)
			return brand_render(r, 422, "To ship a sample, choose the carrier.");
		if (!sample_tracking_normalise(req_form(r, "tracking_number"), tracking))
			return brand_render(r, 422, "Enter the tracking number: 5 to 40 letters and digits (spaces and dashes are fine).");
		m.carrier = c->code;
		m.tracking = tracking;
	}
	enum db_status rc = samples_move_run(r, &m);
	if (rc == DB_CONFLICT && m.http == 404) {
		response_error(r, 404, "There is no sample request with that number for your brand.");
		return REQ_DONE;
	}
	if (rc == DB_CONFLICT && m.http == 409)
		return brand_render(r, 409, arena_printf(r->arena, "A request that is %s cannot be %s.",
							 sample_status_label(m.from), samples_action_verb(m.action)));
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/brand/samples?done=%s", sample_action_name(m.action)));
	return REQ_DONE;
}

int page_brand_sample_limits(struct req *r)
{
	long long open, monthly;
	if (!req_int(r, "open_limit", &open) || !req_int(r, "monthly_limit", &monthly))
		return brand_render(r, 422, "Enter each limit as a whole number from 0 to 50.");
	enum db_status rc = db_query(r->db, NULL, &q_limits_save, (struct db_param[]){ DB_I(open), DB_I(monthly),
				     DB_I(r->brand->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/brand/samples?done=limits");
	return REQ_DONE;
}
