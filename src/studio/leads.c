/* leads.c: "/studio/leads" — a brand's leads filtered by form, date range and creator; one
 * lead's detail; and its erasure on request. */
#include <stdlib.h>
#include <string.h>
#include "studio/forms.h"
#include "domain/accounts/brand_team.h"
#include "domain/leads/lead_erase.h"
#include "domain/leads/lead_field.h"
#include "domain/leads/lead_status.h"
#include "studio/leads.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_list = {
	"SELECT l.id, l.created_at, l.updated_at, f.title, l.email, COALESCE(c.handle, ''), l.submissions,"
	" l.status, l.labels, " LEADS_ASSIGNEE
	LEADS_WHERE " ORDER BY l.created_at DESC, l.id DESC LIMIT 500", LEADS_WHERE_TYPES, "isssssisss" };
static const struct db_stmt q_forms = {
	"SELECT id, title FROM lead_forms WHERE brand_id = ? ORDER BY title LIMIT 200", "i", "is" };
static const struct db_stmt q_lead = {
	"SELECT l.id, f.title, l.email, COALESCE(c.handle, ''), l.consent_text, l.consented_at, l.created_at,"
	" l.updated_at, l.submissions, HEX(l.ip_hash), l.status, l.labels, l.assignee,"
	" EXISTS (SELECT b.lead_id FROM lead_bookings b WHERE b.lead_id = l.id), COALESCE(l.assignee_user_id, 0),"
	" COALESCE(au.display_name, '') FROM leads l JOIN lead_forms f ON f.id = l.form_id"
	" LEFT JOIN creators c ON c.id = l.creator_id LEFT JOIN users au ON au.id = l.assignee_user_id"
	" WHERE l.id = ? AND l.brand_id = ?", "ii", "isssssssissssiis" };
static const struct db_stmt q_notes = {
	"SELECT author, body, created_at FROM lead_notes WHERE lead_id = ? ORDER BY created_at, id LIMIT 200",
	"i", "sss" };
static const struct db_stmt q_events = {
	"SELECT actor, what, created_at FROM lead_events WHERE lead_id = ? ORDER BY created_at, id LIMIT 200",
	"i", "sss" };
static const struct db_stmt q_answers = {
	"SELECT label, value, e164 FROM lead_answers WHERE lead_id = ? ORDER BY position, id", "i", "sss" };

/* `v` percent-encoded for a query string (unreserved characters kept). */
static const char *query_value(struct req *r, const char *v)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b;
	buf_init(&b, r->arena, strlen(v) * 3 + 1);
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			buf_putc(&b, (char)*p);
		} else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[*p >> 4]);
			buf_putc(&b, hex[*p & 15]);
		}
	}
	return buf_cstr(&b);
}

bool leads_filter_parse(struct req *r, struct leads_filter *f)
{
	const char *form = req_query(r, "form");
	f->from = req_query(r, "from");
	f->to = req_query(r, "to");
	f->creator = req_query(r, "creator");
	f->form_id = req_id(r, "form");
	if (form && *form && !f->form_id) {
		response_error(r, 400, "The form filter is not a form.");
		return false;
	}
	if (!f->from || !*f->from)
		f->from = "";
	if (!f->to || !*f->to)
		f->to = "";
	if (!f->creator)
		f->creator = "";
	f->status = req_query(r, "status");
	f->label = req_query(r, "label");
	f->q = req_query(r, "q");
	if (!f->status)
		f->status = "";
	if (!f->label)
		f->label = "";
	if (!f->q)
		f->q = "";
	enum lead_status st;
	if (*f->status && !lead_status_parse(f->status, &st)) {
		response_error(r, 400, "The status filter is not a lead status.");
		return false;
	}
	struct buf like;
	buf_init(&like, r->arena, strlen(f->q) * 2 + 3);
	buf_putc(&like, '%');
	for (const char *p = f->q; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_putc(&like, '\\');
		buf_putc(&like, *p);
	}
	buf_putc(&like, '%');
	f->like = buf_cstr(&like);
	const char *mine = req_query(r, "mine");
	f->assignee_user_id = mine && *mine ? r->sess.user_id : 0;
	if (req_invalid(r, "from") || req_invalid(r, "to")) {
		response_error(r, 400, "Dates are YYYY-MM-DD.");
		return false;
	}
	return true;
}

size_t leads_first_answer(const struct db_res *answers, long long lead_id)
{
	size_t lo = 0, hi = answers->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (db_at(answers, mid, 0)->i < lead_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void leads_where_params(const struct leads_filter *f, long long brand_id, struct db_param *p)
{
	p[0] = DB_I(brand_id);
	p[1] = DB_I(f->form_id);
	p[2] = DB_I(f->form_id);
	p[3] = DB_S(*f->from ? f->from : "1970-01-01");
	p[4] = DB_S(*f->to ? f->to : "9999-12-30");
	p[5] = DB_S(f->creator);
	p[6] = DB_S(f->creator);
	p[7] = DB_S(f->status);
	p[8] = DB_S(f->status);
	p[9] = DB_S(f->label);
	p[10] = DB_S(f->label);
	p[11] = DB_S(f->q);
	for (int i = 12; i < 17; i++)
		p[i] = DB_S(f->like);
	p[17] = DB_I(f->assignee_user_id);
	p[18] = DB_I(f->assignee_user_id);
}

int page_leads_list(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct leads_filter f;
	if (!leads_filter_parse(r, &f))
		return REQ_DONE;
	struct db_param p[LEADS_WHERE_NPARAMS];
	leads_where_params(&f, b->id, p);
	struct db_res res, forms;
	enum db_status rc = db_query(r->db, r->arena, &q_list, p, &res);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_forms, (struct db_param[]){ DB_I(b->id) }, &forms);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_leads.tpl", "Leads");
	tmpl_set(d, "FROM", f.from);
	tmpl_set(d, "TO", f.to);
	tmpl_set(d, "CREATOR", f.creator);
	tmpl_set(d, "LABEL_FILTER", f.label);
	tmpl_set(d, "Q", f.q);
	tmpl_set(d, "QUERY", arena_printf(r->arena, "form=%lld&from=%s&to=%s&creator=%s&status=%s&label=%s&q=%s%s",
		f.form_id, f.from, f.to, query_value(r, f.creator), f.status,
		query_value(r, f.label), query_value(r, f.q), f.assignee_user_id ? "&mine=1" : ""));
	if (f.assignee_user_id)
		tmpl_show(d, "MINE");
	/* A member works the leads; the forms, the webhook and the team are the owner's. */
	if (!b->member)
		tmpl_show(d, "OWNER_LINKS");
	for (int st = 0; st < LEAD__NSTATUS; st++) {
		tmpl_dict *o = tmpl_add(d, "STATUS_OPTION");
		tmpl_set(o, "VALUE", lead_status_name((enum lead_status)st));
		tmpl_set(o, "LABEL", lead_status_label((enum lead_status)st));
		if (strcmp(f.status, lead_status_name((enum lead_status)st)) == 0)
			tmpl_show(o, "SELECTED");
		tmpl_dict *b2 = tmpl_add(d, "BULK_OPTION");
		tmpl_set(b2, "VALUE", lead_status_name((enum lead_status)st));
		tmpl_set(b2, "LABEL", lead_status_label((enum lead_status)st));
	}
	for (size_t i = 0; i < forms.nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "FORM_OPTION");
		tmpl_set_int(o, "ID", db_at(&forms, i, 0)->i);
		tmpl_set(o, "TITLE", db_at(&forms, i, 1)->s);
		if (db_at(&forms, i, 0)->i == f.form_id)
			tmpl_show(o, "SELECTED");
	}
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *l = tmpl_add(d, "LEAD");
		tmpl_set_int(l, "ID", db_at(&res, i, 0)->i);
		tmpl_set(l, "CREATED", db_at(&res, i, 1)->s);
		tmpl_set(l, "UPDATED", db_at(&res, i, 2)->s);
		tmpl_set(l, "FORM", db_at(&res, i, 3)->s);
		tmpl_set(l, "EMAIL", db_at(&res, i, 4)->s);
		tmpl_set(l, "CREATOR", db_at(&res, i, 5)->s);
		tmpl_set_int(l, "SUBMISSIONS", db_at(&res, i, 6)->i);
		enum lead_status st = LEAD_RAW;
		lead_status_parse(db_at(&res, i, 7)->s, &st);
		tmpl_set(l, "STATUS", lead_status_label(st));
		tmpl_set(l, "LABELS", db_at(&res, i, 8)->s);
		tmpl_set(l, "ASSIGNEE", db_at(&res, i, 9)->s);
	}
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, 200);
	return REQ_DONE;
}

/* "Assigned to": the account's name, or the text typed before teams (kept until someone assigns
 * the lead to an account); and the choice among the brand's owner and members. */
static void leads_assignee_show(struct req *r, tmpl_dict *d, long long user_id, const char *name, const char *legacy,
				const struct db_res *team)
{
	tmpl_set(d, "ASSIGNEE", user_id ? (*name ? name : "a deleted account") : legacy);
	if (!user_id && *legacy)
		tmpl_set(tmpl_add(d, "LEGACY"), "TEXT", legacy);
	if (!user_id)
		tmpl_show(d, "NOBODY_SELECTED");
	for (size_t i = 0; i < team->nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "ASSIGNEE_OPTION");
		long long id = db_at(team, i, 0)->i;
		tmpl_set_int(o, "ID", id);
		tmpl_set(o, "NAME", db_at(team, i, 1)->s);
		if (id == r->sess.user_id)
			tmpl_show(o, "YOU");
		if (id == user_id)
			tmpl_show(o, "SELECTED");
	}
}

int page_leads_detail(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	struct db_res l, a, notes, events, team;
	enum db_status rc = db_query(r->db, r->arena, &q_lead, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &l);
	if (rc == DB_OK && l.nrows)
		rc = db_query(r->db, r->arena, &q_answers, (struct db_param[]){ DB_I(id) }, &a);
	if (rc == DB_OK && l.nrows)
		rc = db_query(r->db, r->arena, &q_notes, (struct db_param[]){ DB_I(id) }, &notes);
	if (rc == DB_OK && l.nrows)
		rc = db_query(r->db, r->arena, &q_events, (struct db_param[]){ DB_I(id) }, &events);
	if (rc == DB_OK && l.nrows)
		rc = brand_team_list(r->db, r->arena, b->id, &team);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (l.nrows == 0) {
		response_error(r, 404, "There is no such lead.");
		return REQ_DONE;
	}
	tmpl_dict *d = layout_begin(r, "studio_lead.tpl", "Lead");
	static const char *const keys[] = { "ID", "FORM", "EMAIL", "CREATOR", "CONSENT", "CONSENTED_AT", "CREATED",
		"UPDATED", "SUBMISSIONS", "IP_HASH" };
	tmpl_set_int(d, "ID", db_at(&l, 0, 0)->i);
	for (size_t i = 1; i < 10; i++)
		if (i == 8)
			tmpl_set_int(d, keys[i], db_at(&l, 0, i)->i);
		else
			tmpl_set(d, keys[i], db_at(&l, 0, i)->s);
	for (size_t i = 0; i < a.nrows; i++) {
		tmpl_dict *x = tmpl_add(d, "ANSWER");
		tmpl_set(x, "LABEL", db_at(&a, i, 0)->s);
		tmpl_set(x, "VALUE", db_at(&a, i, 1)->s);
		if (*db_at(&a, i, 2)->s)
			tmpl_set(tmpl_add(x, "E164"), "NUMBER", db_at(&a, i, 2)->s);
	}
	enum lead_status cur = LEAD_RAW;
	lead_status_parse(db_at(&l, 0, 10)->s, &cur);
	tmpl_set(d, "STATUS", lead_status_label(cur));
	tmpl_set(d, "LABELS", db_at(&l, 0, 11)->s);
	leads_assignee_show(r, d, db_at(&l, 0, 14)->i, db_at(&l, 0, 15)->s, db_at(&l, 0, 12)->s, &team);
	if (db_at(&l, 0, 13)->i)
		tmpl_show(d, "BOOKED");
	tmpl_show(d, b->member ? "OWNER_ERASES" : "ERASABLE");
	for (int st = 0; st < LEAD__NSTATUS; st++) {
		tmpl_dict *o = tmpl_add(d, "STATUS_OPTION");
		tmpl_set(o, "VALUE", lead_status_name((enum lead_status)st));
		tmpl_set(o, "LABEL", lead_status_label((enum lead_status)st));
		if ((enum lead_status)st == cur)
			tmpl_show(o, "SELECTED");
	}
	static const char *const sections[] = { "NOTE", "EVENT" };
	const struct db_res *lists[] = { &notes, &events };
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < lists[k]->nrows; i++) {
			tmpl_dict *x = tmpl_add(d, sections[k]);
			tmpl_set(x, "AUTHOR", db_at(lists[k], i, 0)->s);
			tmpl_set(x, "TEXT", db_at(lists[k], i, 1)->s);
			tmpl_set(x, "AT", db_at(lists[k], i, 2)->s);
		}
	layout_end(r, 200);
	return REQ_DONE;
}

int page_leads_delete(struct req *r)
{
	const struct acting_brand *b = r->brand;
	/* Answers, notes, history, the merge index's pointer and pending deliveries go with it. */
	bool found;
	enum db_status rc = lead_erase(r->db, r->arena, b->id, req_id(r, "id"), &found);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!found) {
		response_error(r, 404, "There is no such lead.");
		return REQ_DONE;
	}
	response_redirect(r, "/studio/leads");
	return REQ_DONE;
}
