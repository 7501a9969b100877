/* forms_edit.c: "/studio/forms/{id}" — a lead form's settings (texts, consent, privacy URL,
 * status, creators, abuse limits, redirect after submit) and its fields (add with a position, reorder, remove). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "domain/ads/brand_domain.h"
#include "studio/forms.h"
#include "domain/leads/lead_field.h"
#include "domain/leads/lead_phone.h"
#include "domain/leads/lead_retention.h"
#include "domain/leads/lead_slots.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"
#include "lib/utf8.h"
#include "lib/validate.h"

static const struct db_stmt q_form = {
	"SELECT id, slug, title, intro, consent_text, privacy_url, thanks_text, status, creators_allowed,"
	" min_fill_seconds, ip_limit_per_hour, form_limit_per_hour, creator_handles, redirect_url,"
	" COALESCE(retention_days, 0), purged_leads, phone_region FROM lead_forms"
	" WHERE id = ? AND brand_id = ?", "ii", "isssssssiiiissiis" };
static const struct db_stmt q_fields = {
	"SELECT x.id, x.position, x.type, x.label, x.help, x.required, x.options, x.qualifying, x.disqualifying,"
	" COALESCE(s.label, ''), x.show_if_options, x.appt_weekly, x.appt_slot_minutes, x.appt_tz, x.phone_strict"
	" FROM lead_form_fields x LEFT JOIN lead_form_fields s ON s.id = x.show_if_field_id"
	" WHERE x.form_id = ? ORDER BY x.position, x.id LIMIT 30", "i", "iisssissssssisi" };
static const struct db_stmt q_save = {
	"UPDATE lead_forms SET title = ?, intro = ?, consent_text = ?, privacy_url = ?, thanks_text = ?, status = ?,"
	" creators_allowed = ?, creator_handles = ?, min_fill_seconds = ?, ip_limit_per_hour = ?,"
	" form_limit_per_hour = ?, redirect_url = ?, retention_days = NULLIF(?, 0), phone_region = ?,"
	" updated_at = UTC_TIMESTAMP() WHERE id = ? AND brand_id = ?", "ssssssisiiisisii", "" };
static const struct db_stmt q_count = {
	"SELECT COUNT(*) FROM lead_form_fields x JOIN lead_forms f ON f.id = x.form_id WHERE f.id = ? AND f.brand_id = ?",
	"ii", "i" };
static const struct db_stmt q_add = {
	"INSERT INTO lead_form_fields (form_id, position, type, label, help, required, options, qualifying, disqualifying,"
	" show_if_field_id, show_if_options, appt_weekly, appt_slot_minutes, appt_tz, appt_notice_minutes, phone_strict)"
	" SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ? FROM lead_forms WHERE id = ? AND brand_id = ?",
	"isssisssissisiiii", "" };
static const struct db_stmt q_source = {
	"SELECT x.type, x.options, x.position FROM lead_form_fields x JOIN lead_forms f ON f.id = x.form_id"
	" WHERE x.id = ? AND f.id = ? AND f.brand_id = ?", "iii", "ssi" };
static const struct db_stmt q_position = {
	"UPDATE lead_form_fields x JOIN lead_forms f ON f.id = x.form_id SET x.position = ?"
	" WHERE x.id = ? AND f.id = ? AND f.brand_id = ?", "iiii", "" };
static const struct db_stmt q_remove = {
	"DELETE x FROM lead_form_fields x JOIN lead_forms f ON f.id = x.form_id"
	" WHERE x.id = ? AND f.id = ? AND f.brand_id = ?", "iii", "" };

/* redirect_error: the redirect URL typed was refused; it is shown again with the message beside it. */
static int render_form(struct req *r, long long brand_id, long long id, int status, const char *error,
			const char *redirect_error)
{
	struct db_res f, x;
	enum db_status rc = db_query(r->db, r->arena, &q_form, (struct db_param[]){ DB_I(id), DB_I(brand_id) }, &f);
	if (rc == DB_OK && f.nrows)
		rc = db_query(r->db, r->arena, &q_fields, (struct db_param[]){ DB_I(id) }, &x);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (f.nrows == 0) {
		response_error(r, 404, "There is no such form.");
		return REQ_DONE;
	}
	tmpl_dict *d = layout_begin(r, "studio_form.tpl", db_at(&f, 0, 2)->s);
	static const char *const keys[] = { "ID", "SLUG", "TITLE", "INTRO", "CONSENT_TEXT", "PRIVACY_URL", "THANKS_TEXT" };
	tmpl_set_int(d, "ID", db_at(&f, 0, 0)->i);
	for (size_t i = 1; i < 7; i++)
		tmpl_set(d, keys[i], db_at(&f, 0, i)->s);
	tmpl_show(d, strcmp(db_at(&f, 0, 7)->s, "live") == 0 ? "S_LIVE" : strcmp(db_at(&f, 0, 7)->s, "closed") == 0 ? "S_CLOSED" : "S_DRAFT");
	if (db_at(&f, 0, 8)->i)
		tmpl_show(d, "CREATORS_ALLOWED");
	tmpl_set_int(d, "MIN_FILL", db_at(&f, 0, 9)->i);
	tmpl_set_int(d, "IP_LIMIT", db_at(&f, 0, 10)->i);
	tmpl_set_int(d, "FORM_LIMIT", db_at(&f, 0, 11)->i);
	tmpl_set(d, "CREATOR_HANDLES", db_at(&f, 0, 12)->s);
	if (db_at(&f, 0, 14)->i)
		tmpl_set_int(d, "RETENTION", db_at(&f, 0, 14)->i);
	tmpl_set_int(d, "DEFAULT_RETENTION", lead_retention_default());
	tmpl_set_int(d, "PURGED", db_at(&f, 0, 15)->i);
	const char *region = req_form(r, "phone_region");
	tmpl_set(d, "PHONE_REGION", redirect_error && region ? region : db_at(&f, 0, 16)->s);
	tmpl_set(d, "DEFAULT_PHONE_REGION", LEAD_PHONE_DEFAULT_REGION);
	const char *typed = req_form(r, "redirect_url");
	tmpl_set(d, "REDIRECT_URL", redirect_error && typed ? typed : db_at(&f, 0, 13)->s);
	if (redirect_error) {
		/* Everything else passed: show what was typed, not what is stored. */
		static const char *const names[] = { "title", "intro", "consent_text", "privacy_url", "thanks_text",
			"creator_handles", "min_fill_seconds", "ip_limit_per_hour", "form_limit_per_hour" };
		static const char *const tkeys[] = { "TITLE", "INTRO", "CONSENT_TEXT", "PRIVACY_URL", "THANKS_TEXT",
			"CREATOR_HANDLES", "MIN_FILL", "IP_LIMIT", "FORM_LIMIT" };
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
			const char *v = req_form(r, names[i]);
			tmpl_set(d, tkeys[i], v ? v : "");
		}
		tmpl_set(tmpl_add(d, "ERR_REDIRECT"), "TEXT", redirect_error);
	}
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	for (size_t i = 0; i < x.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "FIELD");
		tmpl_set_int(e, "FIELD_ID", db_at(&x, i, 0)->i);
		tmpl_set_int(e, "POSITION", db_at(&x, i, 1)->i);
		enum lead_type t = LEAD_TEXT;
		lead_type_parse(db_at(&x, i, 2)->s, &t);
		tmpl_set(e, "TYPE", lead_type_label(t));
		tmpl_set(e, "LABEL", db_at(&x, i, 3)->s);
		tmpl_set(e, "HELP", db_at(&x, i, 4)->s);
		tmpl_set(e, "REQUIRED", db_at(&x, i, 5)->i ? "required" : "optional");
		tmpl_set(e, "QUALIFYING", db_at(&x, i, 7)->s);
		if (*db_at(&x, i, 9)->s) {
			tmpl_dict *c = tmpl_add(e, "SHOWN_WHEN");
			tmpl_set(c, "SOURCE", db_at(&x, i, 9)->s);
			tmpl_set(c, "VALUES", db_at(&x, i, 10)->s);
		}
		if (t == LEAD_PHONE && db_at(&x, i, 14)->i)
			tmpl_show(e, "PHONE_STRICT");
		if (t == LEAD_APPOINTMENT)
			tmpl_set(tmpl_add(e, "SLOTS"), "TEXT", arena_printf(r->arena, "%s; %lld min slots; %s",
				db_at(&x, i, 11)->s, db_at(&x, i, 12)->i, db_at(&x, i, 13)->s));
		if (t == LEAD_CHOICE || t == LEAD_MULTI) {
			tmpl_dict *o = tmpl_add(d, "SOURCE_OPTION");
			tmpl_set_int(o, "FIELD_ID", db_at(&x, i, 0)->i);
			tmpl_set(o, "LABEL", db_at(&x, i, 3)->s);
		}
		if (*db_at(&x, i, 8)->s)
			tmpl_set(tmpl_add(e, "DISQ"), "TEXT", db_at(&x, i, 8)->s);
	}
	for (int t = 0; t < LEAD__NTYPES; t++) {
		tmpl_dict *o = tmpl_add(d, "TYPE_OPTION");
		tmpl_set(o, "VALUE", lead_type_name((enum lead_type)t));
		tmpl_set(o, "LABEL", lead_type_label((enum lead_type)t));
	}
	layout_end(r, status);
	return REQ_DONE;
}

static int render(struct req *r, long long brand_id, long long id, int status, const char *error)
{
	return render_form(r, brand_id, id, status, error, NULL);
}

int page_forms_edit(struct req *r)
{
	const struct acting_brand *b = r->brand;
	return render(r, b->id, req_id(r, "id"), 200, NULL);
}

static bool url_ok(const char *u)
{
	return !*u || ((strncmp(u, "https://", 8) == 0 || strncmp(u, "http://", 7) == 0) && !strpbrk(u, " \"'<>\\"));
}

int page_forms_save(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	const char *v[6];
	static const char *const names[] = { "title", "intro", "consent_text", "privacy_url", "thanks_text", "status" };
	for (size_t i = 0; i < 6; i++) {
		v[i] = req_form(r, names[i]);
		if (!v[i])
			v[i] = "";
	}
	long long min_fill = 0, ip_limit = 0, form_limit = 0;
	bool ok = req_int(r, "min_fill_seconds", &min_fill) & req_int(r, "ip_limit_per_hour", &ip_limit) &
		  req_int(r, "form_limit_per_hour", &form_limit);
	long long retention = 0;	/* 0: the operator's default */
	const char *ret = req_form(r, "retention_days");
	if (ret && *ret && !req_int(r, "retention_days", &retention))
		ok = false;
	/* "gb" is GB; empty keeps the default (LEAD_PHONE_DEFAULT_REGION). */
	char region[3] = "";
	const char *typed_region = req_form(r, "phone_region");
	if (typed_region && strlen(typed_region) == 2)
		for (int i = 0; i < 3; i++)
			region[i] = (char)toupper((unsigned char)typed_region[i]);
	bool region_ok = !typed_region || !*typed_region || phone_number_region_ok(region);
	const char *creators = req_form(r, "creators_allowed"), *handles = req_form(r, "creator_handles");
	if (!handles)
		handles = "";
	const char *error = !validate_has_text(v[0]) ? "Give the form a title."
		: !validate_has_text(v[2]) ? "The consent statement is required: it is stored with every lead."
		: !url_ok(v[3]) ? "The privacy policy URL must start with https:// (or http://)."
		: strcmp(v[5], "live") == 0 && !*v[3] ? "Add your privacy policy URL before making the form live: shoppers see it beside the consent box."
		: strcmp(v[5], "draft") && strcmp(v[5], "live") && strcmp(v[5], "closed") ? "Choose draft, live or closed."
		: !ok ? "Limits must be whole numbers: fill time 0 to 600 s, limits at least 1, answers kept 1 to 3650 days."
		: !region_ok ? "The phone numbers' country is a two-letter ISO code, like US, GB or DE." : NULL;
	if (error)
		return render(r, b->id, id, 422, error);
	const char *redirect = req_form(r, "redirect_url");
	if (!redirect)
		redirect = "";
	bool allowed = true;
	enum db_status rc = *redirect ? brand_domain_check(r->db, r->arena, b->id, redirect, &allowed) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!allowed) {
		const char *msg = "The redirect must be an http(s) address on one of your verified domains (see Domains).";
		return render_form(r, b->id, id, 422, msg, msg);
	}
	rc = db_query(r->db, NULL, &q_save, (struct db_param[]){ DB_S(v[0]), DB_S(v[1]), DB_S(v[2]),
		DB_S(v[3]), DB_S(v[4]), DB_S(v[5]), DB_I(creators && strcmp(creators, "yes") == 0), DB_S(handles), DB_I(min_fill),
		DB_I(ip_limit), DB_I(form_limit), DB_S(redirect), DB_I(retention), DB_S(region), DB_I(id), DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/forms/%lld", id));
	return REQ_DONE;
}

int page_forms_field_add(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	enum lead_type t;
	const char *label = req_form(r, "label"), *help = req_form(r, "help"), *options = req_form(r, "options");
	const char *req = req_form(r, "required");
	const char *qualifying = req_form(r, "qualifying"), *disqualifying = req_form(r, "disqualifying");
	if (!qualifying)
		qualifying = "";
	if (!disqualifying)
		disqualifying = "";
	long long pos = 0;
	bool ok = req_int(r, "position", &pos);
	struct db_res cnt;
	enum db_status rc = db_query(r->db, r->arena, &q_count, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &cnt);
	if (rc != DB_OK)
		return req_db_fail(rc);
	bool choices = lead_type_parse(req_form(r, "type"), &t) && (t == LEAD_CHOICE || t == LEAD_MULTI);
	bool images = lead_type_parse(req_form(r, "type"), &t) && t == LEAD_IMAGE;
	long long source = req_id(r, "show_if_field");
	const char *show_if = req_form(r, "show_if_options");
	if (!show_if)
		show_if = "";
	const char *cond_error = NULL, *appt_error = NULL;
	const char *weekly = req_form(r, "appt_weekly"), *tz = req_form(r, "appt_tz");
	long long slot_minutes = 0, notice_hours = 0;
	bool appointment = lead_type_parse(req_form(r, "type"), &t) && t == LEAD_APPOINTMENT;
	if (appointment) {
		struct lead_slots_rule rule;
		bool nums = req_int(r, "appt_slot_minutes", &slot_minutes) & req_int(r, "appt_notice_hours", &notice_hours);
		appt_error = !nums ? "A slot lasts 5 to 480 minutes; the notice is 0 to 1440 hours."
			: lead_slots_parse(weekly, (int)slot_minutes, (int)notice_hours * 60, tz ? tz : "", &rule);
	}
	if (source) {
		struct db_res src;
		rc = db_query(r->db, r->arena, &q_source, (struct db_param[]){ DB_I(source), DB_I(id), DB_I(b->id) }, &src);
		if (rc != DB_OK)
			return req_db_fail(rc);
		cond_error = src.nrows == 0 || (strcmp(db_at(&src, 0, 0)->s, "choice") && strcmp(db_at(&src, 0, 0)->s, "multi"))
			? "A question can depend only on a choice question of this form."
			: !validate_has_text(show_if) || !lead_option_subset(show_if, db_at(&src, 0, 1)->s)
			? "List the answers that show it, one per line, spelt as that question's options."
			: ok && pos <= db_at(&src, 0, 2)->i ? "Place it after the question it depends on (a larger position)."
			: NULL;
	}
	const char *error = !lead_type_parse(req_form(r, "type"), &t) ? "Choose a field type."
		: !label || !validate_has_text(label) ? "Give the field a label."
		: !ok ? "The position is a number from 0 to 999."
		: choices && (!options || !validate_has_text(options)) ? "List the options, one per line."
		: choices && lead_option_count(options) > LEAD_MAX_OPTIONS ? "A choice has at most 10 options."
		: images && !(options && lead_image_options_ok(options))
			? "List 1 to 8 pictures, one per line, as: label | https://address-of-the-picture"
		: !choices && (validate_has_text(qualifying) || validate_has_text(disqualifying))
			? "Only a choice field has qualifying options."
		: choices && !(lead_option_subset(qualifying, options) && lead_option_subset(disqualifying, options))
			? "Qualifying and disqualifying options must be among the options, spelt the same."
		: cond_error ? cond_error
		: appt_error ? appt_error
		: db_at(&cnt, 0, 0)->i >= LEAD_MAX_FIELDS ? "A form has at most 30 fields." : NULL;
	if (error)
		return render(r, b->id, id, 422, error);
	rc = db_query(r->db, NULL, &q_add, (struct db_param[]){ DB_I(pos), DB_S(lead_type_name(t)), DB_S(label),
		DB_S(help ? help : ""), DB_I(req && strcmp(req, "yes") == 0), DB_S(choices || images ? options : ""),
		DB_S(qualifying), DB_S(disqualifying), DB_I(source), DB_S(source ? show_if : ""),
		DB_S(appointment ? weekly : ""), DB_I(appointment ? slot_minutes : 0), DB_S(appointment ? tz : ""),
		DB_I(appointment ? notice_hours * 60 : 0), DB_I(t == LEAD_PHONE && req_form(r, "phone_strict")), DB_I(id),
		DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/forms/%lld", id));
	return REQ_DONE;
}

int page_forms_field_position(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id"), field = req_id(r, "field");
	long long pos = 0;
	bool ok = req_int(r, "position", &pos);
	if (!ok)
		return render(r, b->id, id, 422, "The position is a number from 0 to 999.");
	enum db_status rc = db_query(r->db, NULL, &q_position, (struct db_param[]){ DB_I(pos), DB_I(field), DB_I(id), DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/forms/%lld", id));
	return REQ_DONE;
}

int page_forms_field_remove(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id"), field = req_id(r, "field");
	enum db_status rc = db_query(r->db, NULL, &q_remove, (struct db_param[]){ DB_I(field), DB_I(id), DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/forms/%lld", id));
	return REQ_DONE;
}
