/* leads_crm_csv.c: "/studio/leads.csv?format=hubspot|salesforce" — the filtered leads in the
 * columns each CRM's import matches by name (lead_crm.h; mapping in docs/LEADS.md): the person's
 * name from the answer labelled as one, the first phone and company answers, the status in the
 * CRM's own values, and every answer as "label: value" lines in the free-text column. */
#include <stdio.h>
#include <string.h>
#include "domain/leads/lead_crm.h"
#include "lib/csv_out.h"
#include "studio/leads.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_rows = {
	"SELECT l.id, l.email, l.status, f.slug" LEADS_WHERE
	" ORDER BY l.created_at DESC, l.id DESC LIMIT 20000", LEADS_WHERE_TYPES, "isss" };
static const struct db_stmt q_answers = {
	"SELECT a.lead_id, a.label, a.value, COALESCE(x.type, ''), a.e164 FROM lead_answers a"
	" LEFT JOIN lead_form_fields x ON x.id = a.field_id WHERE a.lead_id IN (SELECT l.id" LEADS_WHERE ")"
	" ORDER BY a.lead_id, a.position, a.id", LEADS_WHERE_TYPES, "issss" };

struct crm_row {
	const char *name, *phone, *company;
	struct buf all;	/* every answer, "label: value" per line */
};

static void crm_row_read(struct req *r, const struct db_res *a, long long id, struct crm_row *row)
{
	row->name = row->phone = row->company = "";
	buf_init(&row->all, r->arena, 256);
	for (size_t j = leads_first_answer(a, id); j < a->nrows && db_at(a, j, 0)->i == id; j++) {
		const char *label = db_at(a, j, 1)->s, *value = db_at(a, j, 2)->s, *type = db_at(a, j, 3)->s;
		if (!*row->phone && strcmp(type, "phone") == 0)	/* E.164 when known: both CRMs dial it as is */
			row->phone = *db_at(a, j, 4)->s ? db_at(a, j, 4)->s : value;
		else if (!*row->company && strcmp(type, "text") == 0 && lead_crm_is_company_label(label))
			row->company = value;
		else if (!*row->name && strcmp(type, "text") == 0 && lead_crm_is_name_label(label))
			row->name = value;
		buf_printf(&row->all, "%s%s: %s", row->all.len ? "\n" : "", label, value);
	}
}

int leads_crm_csv(struct req *r, const struct leads_filter *f, enum lead_crm crm)
{
	struct db_param p[LEADS_WHERE_NPARAMS];
	leads_where_params(f, r->brand->id, p);
	struct db_res rows, answers;
	enum db_status rc = db_query(r->db, r->arena, &q_rows, p, &rows);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_answers, p, &answers);
	if (rc != DB_OK)
		return req_db_fail(rc);
	struct csv_out c;
	r->body.len = 0;
	csv_out_begin(&c, &r->body);
	for (const char *const *h = lead_crm_header(crm); *h; h++)
		csv_out_text(&c, *h);
	csv_out_end_row(&c);
	for (size_t i = 0; i < rows.nrows; i++) {
		struct crm_row row;
		crm_row_read(r, &answers, db_at(&rows, i, 0)->i, &row);
		char first[256], last[256];
		lead_crm_split_name(row.name, first, sizeof first, last, sizeof last);
		const char *email = db_at(&rows, i, 1)->s;
		if (!*last)	/* both CRMs require a last name: the address's local part stands in */
			snprintf(last, sizeof last, "%.*s", (int)strcspn(email, "@"), email);
		enum lead_status st = LEAD_RAW;
		lead_status_parse(db_at(&rows, i, 2)->s, &st);
		csv_out_text(&c, email);
		csv_out_text(&c, first);
		csv_out_text(&c, last);
		csv_out_text(&c, row.phone);
		/* Salesforce refuses a lead without a company; its own convention for none is this. */
		csv_out_text(&c, *row.company || crm == LEAD_CRM_HUBSPOT ? row.company : "[not provided]");
		csv_out_text(&c, lead_crm_status(crm, st));
		if (crm == LEAD_CRM_SALESFORCE)
			csv_out_text(&c, "Web");
		csv_out_text(&c, buf_cstr(&row.all));
		csv_out_end_row(&c);
	}
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	response_header(r, "Content-Disposition", crm == LEAD_CRM_HUBSPOT ? "attachment; filename=\"leads-hubspot.csv\""
									 : "attachment; filename=\"leads-salesforce.csv\"");
	response_header(r, "Cache-Control", "no-store");
	return REQ_DONE;
}
