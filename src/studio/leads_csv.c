/* leads_csv.c: "/studio/leads.csv" — the filtered leads as CSV through csv_out (RFC 4180, UTF-8
 * with BOM, formula cells neutralised), one row per lead with its status, labels and assignee: all answers as "label: value" lines in
 * one cell, and, when filtered to one form, one more column per field of that form. */
#include <string.h>
#include "lib/csv_out.h"
#include "studio/forms.h"
#include "studio/leads.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_rows = {
	"SELECT l.id, l.created_at, l.updated_at, f.slug, l.email, COALESCE(c.handle, ''), l.consent_text,"
	" l.consented_at, l.submissions, l.status, l.labels, " LEADS_ASSIGNEE ","
	" COALESCE((SELECT GROUP_CONCAT(CONCAT(a.label, ': ', a.value)"
	" ORDER BY a.position, a.id SEPARATOR '\\n') FROM lead_answers a WHERE a.lead_id = l.id), '')"
	LEADS_WHERE " ORDER BY l.created_at DESC, l.id DESC LIMIT 20000", LEADS_WHERE_TYPES, "isssssssissss" };

static const struct db_stmt q_fields = {
	"SELECT x.id, x.label, x.type = 'phone' FROM lead_form_fields x JOIN lead_forms f ON f.id = x.form_id"
	" WHERE f.id = ? AND f.brand_id = ? ORDER BY x.position, x.id LIMIT 30", "ii", "isi" };
static const struct db_stmt q_answers = {
	"SELECT a.lead_id, COALESCE(a.field_id, 0), a.value, a.e164 FROM lead_answers a WHERE a.lead_id IN"
	" (SELECT l.id" LEADS_WHERE ") ORDER BY a.lead_id, a.id", LEADS_WHERE_TYPES, "iiss" };

static const char *const header[] = {
	"lead_id", "received_at_utc", "updated_at_utc", "form", "email", "creator", "consent_text",
	"consented_at_utc", "submissions", "status", "labels", "assigned_to", "answers",
};

/* One cell per field, and for a phone field a second one with its E.164 form ("" when the number
 * did not read as a valid one): the number as typed stays, the CRM gets one it can dial. */
static void field_cells(struct csv_out *c, const struct db_res *fields, const struct db_res *a, long long id)
{
	size_t first = leads_first_answer(a, id);
	for (size_t k = 0; k < fields->nrows; k++) {
		const char *v = "", *e164 = "";
		for (size_t j = first; j < a->nrows && db_at(a, j, 0)->i == id; j++)
			if (db_at(a, j, 1)->i == db_at(fields, k, 0)->i) {
				v = db_at(a, j, 2)->s;
				e164 = db_at(a, j, 3)->s;
			}
		csv_out_text(c, v);
		if (db_at(fields, k, 2)->i)
			csv_out_text(c, e164);
	}
}

int page_leads_csv(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct leads_filter f;
	if (!leads_filter_parse(r, &f))
		return REQ_DONE;
	const char *format = req_query(r, "format");
	enum lead_crm crm;
	if (format && *format && strcmp(format, "csv") != 0) {
		if (!lead_crm_parse(format, &crm)) {
			response_error(r, 400, "The format is csv, hubspot or salesforce.");
			return REQ_DONE;
		}
		return leads_crm_csv(r, &f, crm);
	}
	struct db_param p[LEADS_WHERE_NPARAMS];
	leads_where_params(&f, b->id, p);
	struct db_res res, fields = { 0 }, answers = { 0 };
	enum db_status rc = db_query(r->db, r->arena, &q_rows, p, &res);
	if (rc == DB_OK && f.form_id)
		rc = db_query(r->db, r->arena, &q_fields, (struct db_param[]){ DB_I(f.form_id), DB_I(b->id) }, &fields);
	if (rc == DB_OK && f.form_id)
		rc = db_query(r->db, r->arena, &q_answers, p, &answers);
	if (rc != DB_OK)
		return req_db_fail(rc);
	struct csv_out c;
	r->body.len = 0;
	csv_out_begin(&c, &r->body);
	for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
		csv_out_text(&c, header[i]);
	for (size_t k = 0; k < fields.nrows; k++) {
		csv_out_text(&c, db_at(&fields, k, 1)->s);
		if (db_at(&fields, k, 2)->i)
			csv_out_text(&c, arena_printf(r->arena, "%s (E.164)", db_at(&fields, k, 1)->s));
	}
	csv_out_end_row(&c);
	for (size_t i = 0; i < res.nrows; i++) {
		csv_out_int(&c, db_at(&res, i, 0)->i);
		for (size_t col = 1; col <= 7; col++)
			csv_out_text(&c, db_at(&res, i, col)->s);
		csv_out_int(&c, db_at(&res, i, 8)->i);
		for (size_t col = 9; col <= 12; col++)
			csv_out_text(&c, db_at(&res, i, col)->s);
		field_cells(&c, &fields, &answers, db_at(&res, i, 0)->i);
		csv_out_end_row(&c);
	}
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	response_header(r, "Content-Disposition", "attachment; filename=\"leads.csv\"");
	response_header(r, "Cache-Control", "no-store");
	return REQ_DONE;
}
