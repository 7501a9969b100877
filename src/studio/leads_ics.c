/* leads_ics.c: "GET /studio/leads/{id}/appointment.ics" — the brand's copy of a lead's booked
 * appointment, with who booked it, for its calendar. */
#include <time.h>
#include "domain/leads/lead_ics.h"
#include "studio/forms.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_booking = {
	"SELECT UNIX_TIMESTAMP(b.slot_start), COALESCE(x.appt_slot_minutes, 30), f.title, l.email"
	" FROM lead_bookings b JOIN leads l ON l.id = b.lead_id JOIN lead_forms f ON f.id = b.form_id"
	" LEFT JOIN lead_form_fields x ON x.id = b.field_id WHERE b.lead_id = ? AND l.brand_id = ?"
	" ORDER BY b.slot_start LIMIT 1", "ii", "iiss" };

int page_leads_ics(struct req *r)
{
	long long id = req_id(r, "id");
	struct db_res b;
	enum db_status rc = db_query(r->db, r->arena, &q_booking, (struct db_param[]){ DB_I(id), DB_I(r->brand->id) }, &b);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (b.nrows == 0) {
		response_error(r, 404, "This lead has no appointment.");
		return REQ_DONE;
	}
	r->body.len = 0;
	lead_ics(&r->body, &(struct lead_ics_event){
		.uid = arena_printf(r->arena, "lead-%lld-appointment-brand@crowdcart", id),
		.start = (time_t)db_at(&b, 0, 0)->i, .stamp = time(NULL), .minutes = (int)db_at(&b, 0, 1)->i,
		.summary = arena_printf(r->arena, "%s: %s", db_at(&b, 0, 2)->s, db_at(&b, 0, 3)->s),
		.description = arena_printf(r->arena, "Lead %lld, booked through the form \"%s\".", id, db_at(&b, 0, 2)->s) });
	r->status = 200;
	r->content_type = "text/calendar; charset=utf-8";
	response_header(r, "Content-Disposition", "attachment; filename=\"appointment.ics\"");
	response_header(r, "Cache-Control", "private, no-store");
	return REQ_DONE;
}
