/* leadform_ics.c: "GET /leads/ics/{id}/{token}" — the shopper's booked appointment as an .ics, from
 * the link on the thank-you page and in the confirmation mail (token: lead_link_token, LEAD_LINK_ICS). */
#include <time.h>
#include "domain/leads/lead_link.h"
#include "domain/leads/lead_ics.h"
#include "shop/leadform.h"
#include "web/response.h"
#include "shop/shop.h"

static const struct db_stmt q_booking = {
	"SELECT UNIX_TIMESTAMP(b.slot_start), COALESCE(x.appt_slot_minutes, 30), f.title, br.name"
	" FROM lead_bookings b JOIN lead_forms f ON f.id = b.form_id JOIN brands br ON br.id = f.brand_id"
	" LEFT JOIN lead_form_fields x ON x.id = b.field_id WHERE b.lead_id = ? ORDER BY b.slot_start LIMIT 1",
	"i", "iiss" };

int page_leadform_ics(struct req *r)
{
	long long id = req_id(r, "id");
	if (!lead_link_ok(r->secret, LEAD_LINK_ICS, id, req_param(r, "token"))) {
		response_error(r, 404, "This link is not valid.");
		return REQ_DONE;
	}
	struct db_res b;
	enum db_status rc = db_query(r->db, r->arena, &q_booking, (struct db_param[]){ DB_I(id) }, &b);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (b.nrows == 0) {
		response_error(r, 404, "There is no appointment to add: it was cancelled or erased.");
		return REQ_DONE;
	}
	r->body.len = 0;
	lead_ics(&r->body, &(struct lead_ics_event){
		.uid = arena_printf(r->arena, "lead-%lld-appointment@crowdcart", id),
		.start = (time_t)db_at(&b, 0, 0)->i, .stamp = time(NULL), .minutes = (int)db_at(&b, 0, 1)->i,
		.summary = arena_printf(r->arena, "%s: %s", db_at(&b, 0, 3)->s, db_at(&b, 0, 2)->s),
		.description = "" });
	r->status = 200;
	r->content_type = "text/calendar; charset=utf-8";
	response_header(r, "Content-Disposition", "attachment; filename=\"appointment.ics\"");
	response_header(r, "Cache-Control", "private, no-store");
	return REQ_DONE;
}
