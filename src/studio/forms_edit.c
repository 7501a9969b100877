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
#include "views/form_errors.h"

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

/* Which of the page's forms came back (its typed values are shown again) and every problem of it,
 * each by the id of its field. */
enum sent_form { SENT_NONE, SENT_SETTINGS, SENT_FIELD, SENT_POSITION };
struct sent {
	enum sent_form which;
	long long field;	/* SENT_POSITION: the field being moved */
	struct form_error errors[FORM_ERRORS_MAX];
	size_t n;
};

static void problem(struct sent *s, const char *field, const char *text)
{
	if (s->n < FORM_ERRORS_MAX)
		s->errors[s->n++] = (struct form_error){ field, text };
}

static const char *typed(struct req *r, const char *name, const char *otherwise)
{
	const char *v = req_form(r, name);
	return v ? v : otherwise;
}

/* The settings form as typed (only shown when it came back). */
static void typed_settings(struct req *r, tmpl_dict *d)
{
	static const char *const names[] = { "title", "intro", "consent_text", "privacy_url", "thanks_text",
		"creator_handles", "min_fill_seconds", "ip_limit_per_hour", "form_limit_per_hour", "redirect_url",
		"retention_days", "phone_region" };
	static const char *const keys[] = { "TITLE_VALUE", "INTRO", "CONSENT_TEXT", "PRIVACY_URL", "THANKS_TEXT",
		"CREATOR_HANDLES", "MIN_FILL", "IP_LIMIT", "FORM_LIMIT", "REDIRECT_URL", "RETENTION", "PHONE_REGION" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		tmpl_set(d, keys[i], typed(r, names[i], ""));
}

/* The add-a-field form as typed, or with its defaults. */
static void typed_field(struct req *r, tmpl_dict *d, bool sent)
{
	static const char *const names[] = { "label", "help", "options", "qualifying", "disqualifying", "appt_weekly",
		"appt_slot_minutes", "appt_tz", "appt_notice_hours", "show_if_options", "position" };
	static const char *const keys[] = { "F_LABEL", "F_HELP", "F_OPTIONS", "F_QUALIFYING", "F_DISQUALIFYING",
		"F_APPT_WEEKLY", "F_APPT_SLOT", "F_APPT_TZ", "F_APPT_NOTICE", "F_SHOW_IF_OPTIONS", "F_POSITION" };
	static const char *const defaults[] = { "", "", "", "", "", "", "30", "", "24", "", "10" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		tmpl_set(d, keys[i], sent ? typed(r, names[i], "") : defaults[i]);
	if (sent && req_form(r, "required"))
		tmpl_show(d, "F_REQUIRED");
	if (sent && req_form(r, "phone_strict"))
		tmpl_show(d, "F_PHONE_STRICT");
}

static int render(struct req *r, long long brand_id, long long id, int status, const struct sent *s)
{
	static const struct sent none;
	if (!s)
		s = &none;
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
	tmpl_set(d, "TITLE_VALUE", db_at(&f, 0, 2)->s);
	bool settings = s->which == SENT_SETTINGS;
	const char *state = settings ? typed(r, "status", "") : db_at(&f, 0, 7)->s;
	tmpl_show(d, strcmp(state, "live") == 0 ? "S_LIVE" : strcmp(state, "closed") == 0 ? "S_CLOSED" : "S_DRAFT");
	if (settings ? req_form(r, "creators_allowed") != NULL : db_at(&f, 0, 8)->i != 0)
		tmpl_show(d, "CREATORS_ALLOWED");
	tmpl_set_int(d, "MIN_FILL", db_at(&f, 0, 9)->i);
	tmpl_set_int(d, "IP_LIMIT", db_at(&f, 0, 10)->i);
	tmpl_set_int(d, "FORM_LIMIT", db_at(&f, 0, 11)->i);
	tmpl_set(d, "CREATOR_HANDLES", db_at(&f, 0, 12)->s);
	if (db_at(&f, 0, 14)->i)
		tmpl_set_int(d, "RETENTION", db_at(&f, 0, 14)->i);
	tmpl_set_int(d, "DEFAULT_RETENTION", lead_retention_default());
	tmpl_set_int(d, "PURGED", db_at(&f, 0, 15)->i);
	tmpl_set(d, "PHONE_REGION", db_at(&f, 0, 16)->s);
	tmpl_set(d, "DEFAULT_PHONE_REGION", LEAD_PHONE_DEFAULT_REGION);
	tmpl_set(d, "REDIRECT_URL", db_at(&f, 0, 13)->s);
	if (settings)
		typed_settings(r, d);
	typed_field(r, d, s->which == SENT_FIELD);
	form_errors_summary(d, s->errors, s->n);
	if (s->which != SENT_POSITION)
		form_errors_mark(d, s->errors, s->n);
	long long source = s->which == SENT_FIELD ? req_id(r, "show_if_field") : 0;
	for (size_t i = 0; i < x.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "FIELD");
		tmpl_set_int(e, "FIELD_ID", db_at(&x, i, 0)->i);
		tmpl_set_int(e, "POSITION", db_at(&x, i, 1)->i);
		if (s->which == SENT_POSITION && s->n && db_at(&x, i, 0)->i == s->field) {
			tmpl_set(e, "POSITION", typed(r, "position", ""));
			tmpl_set(tmpl_add(e, "ERR_POS"), "TEXT", s->errors[0].text);
		}
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
			if (source == db_at(&x, i, 0)->i)
				tmpl_show(o, "SELECTED");
		}
		if (*db_at(&x, i, 8)->s)
			tmpl_set(tmpl_add(e, "DISQ"), "TEXT", db_at(&x, i, 8)->s);
	}
	const char *type = s->which == SENT_FIELD ? typed(r, "type", "") : "";
	for (int t = 0; t < LEAD__NTYPES; t++) {
		tmpl_dict *o = tmpl_add(d, "TYPE_OPTION");
		tmpl_set(o, "VALUE", lead_type_name((enum lead_type)t));
		tmpl_set(o, "LABEL", lead_type_label((enum lead_type)t));
		if (strcmp(type, lead_type_name((enum lead_type)t)) == 0)
			tmpl_show(o, "SELECTED");
	}
	layout_end(r, status);
	return REQ_DONE;
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
	struct sent s = { .which = SENT_SETTINGS };
	if (!validate_has_text(v[0]))
		problem(&s, "title", "Give the form a title.");
	if (!validate_has_text(v[2]))
		problem(&s, "consent_text", "The consent statement is required: it is stored with every lead.");
	if (!url_ok(v[3]))
		problem(&s, "privacy_url", "The privacy policy URL starts with https:// (or http://).");
	else if (strcmp(v[5], "live") == 0 && !*v[3])
		problem(&s, "privacy_url", "Add your privacy policy URL before making the form live: shoppers see it beside the consent box.");
	if (strcmp(v[5], "draft") && strcmp(v[5], "live") && strcmp(v[5], "closed"))
		problem(&s, "status", "Choose draft, live or closed.");
	long long min_fill = 0, ip_limit = 0, form_limit = 0;
	if (!req_int(r, "min_fill_seconds", &min_fill))
		problem(&s, "min_fill_seconds", "Enter the fill time as a whole number of seconds from 0 to 600.");
	if (!req_int(r, "ip_limit_per_hour", &ip_limit))
		problem(&s, "ip_limit_per_hour", "Enter a whole number from 1 to 100,000.");
	if (!req_int(r, "form_limit_per_hour", &form_limit))
		problem(&s, "form_limit_per_hour", "Enter a whole number from 1 to 1,000,000.");
	long long retention = 0;	/* 0: the operator's default */
	const char *ret = req_form(r, "retention_days");
	if (ret && *ret && !req_int(r, "retention_days", &retention))
		problem(&s, "retention_days", "Enter a whole number of days from 1 to 3650, or leave it empty for the default.");
	/* "gb" is GB; empty keeps the default (LEAD_PHONE_DEFAULT_REGION). */
	char region[3] = "";
	const char *typed_region = req_form(r, "phone_region");
	if (typed_region && strlen(typed_region) == 2)
		for (int i = 0; i < 3; i++)
			region[i] = (char)toupper((unsigned char)typed_region[i]);
	if (typed_region && *typed_region && !phone_number_region_ok(region))
		problem(&s, "phone_region", "The phone numbers' country is a two-letter ISO code, like US, GB or DE.");
	const char *creators = req_form(r, "creators_allowed"), *handles = req_form(r, "creator_handles");
	if (!handles)
		handles = "";
	const char *redirect = req_form(r, "redirect_url");
	if (!redirect)
		redirect = "";
	bool allowed = true;
	enum db_status rc = *redirect ? brand_domain_check(r->db, r->arena, b->id, redirect, &allowed) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!allowed)
		problem(&s, "redirect_url", "The redirect must be an http(s) address on one of your verified domains (see Domains).");
	if (s.n)
		return render(r, b->id, id, 422, &s);
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
	struct sent s = { .which = SENT_FIELD };
	long long pos = 0;
	bool ok = req_int(r, "position", &pos);
	struct db_res cnt;
	enum db_status rc = db_query(r->db, r->arena, &q_count, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &cnt);
	if (rc != DB_OK)
		return req_db_fail(rc);
	bool typed_ok = lead_type_parse(req_form(r, "type"), &t);
	bool choices = typed_ok && (t == LEAD_CHOICE || t == LEAD_MULTI), images = typed_ok && t == LEAD_IMAGE;
	bool appointment = typed_ok && t == LEAD_APPOINTMENT;
	if (!typed_ok)
		problem(&s, "type", "Choose a field type.");
	else if (db_at(&cnt, 0, 0)->i >= LEAD_MAX_FIELDS)
		problem(&s, "type", "A form has at most 30 fields: remove one to add another.");
	if (!label || !validate_has_text(label))
		problem(&s, "label", "Give the field a label.");
	if (choices && (!options || !validate_has_text(options)))
		problem(&s, "options", "List the options, one per line.");
	else if (choices && lead_option_count(options) > LEAD_MAX_OPTIONS)
		problem(&s, "options", "A choice has at most 10 options.");
	else if (images && !(options && lead_image_options_ok(options)))
		problem(&s, "options", "List 1 to 8 pictures, one per line, as: label | https://address-of-the-picture");
	if (!choices && validate_has_text(qualifying))
		problem(&s, "qualifying", "Only a choice field has qualifying options: leave this empty.");
	else if (choices && options && !lead_option_subset(qualifying, options))
		problem(&s, "qualifying", "List options from the options above, spelt the same.");
	if (!choices && validate_has_text(disqualifying))
		problem(&s, "disqualifying", "Only a choice field has disqualifying options: leave this empty.");
	else if (choices && options && !lead_option_subset(disqualifying, options))
		problem(&s, "disqualifying", "List options from the options above, spelt the same.");
	const char *weekly = req_form(r, "appt_weekly"), *tz = req_form(r, "appt_tz");
	long long slot_minutes = 0, notice_hours = 0;
	if (appointment) {
		struct lead_slots_rule rule;
		bool slot_ok = req_int(r, "appt_slot_minutes", &slot_minutes), notice_ok = req_int(r, "appt_notice_hours", &notice_hours);
		if (!slot_ok)
			problem(&s, "appt_slot_minutes", "A slot lasts 5 to 480 minutes.");
		if (!notice_ok)
			problem(&s, "appt_notice_hours", "The notice is 0 to 1440 hours.");
		const char *rule_error = slot_ok && notice_ok
			? lead_slots_parse(weekly, (int)slot_minutes, (int)notice_hours * 60, tz ? tz : "", &rule) : NULL;
		if (rule_error)
			problem(&s, "appt_weekly", rule_error);
	}
	long long source = req_id(r, "show_if_field");
	const char *show_if = req_form(r, "show_if_options");
	if (!show_if)
		show_if = "";
	bool pos_checked = false;
	if (req_invalid(r, "show_if_field"))
		problem(&s, "show_if_field", "Choose the question from the list.");
	if (source) {
		struct db_res src;
		rc = db_query(r->db, r->arena, &q_source, (struct db_param[]){ DB_I(source), DB_I(id), DB_I(b->id) }, &src);
		if (rc != DB_OK)
			return req_db_fail(rc);
		if (src.nrows == 0 || (strcmp(db_at(&src, 0, 0)->s, "choice") && strcmp(db_at(&src, 0, 0)->s, "multi")))
			problem(&s, "show_if_field", "A question can depend only on a choice question of this form.");
		else if (!validate_has_text(show_if) || !lead_option_subset(show_if, db_at(&src, 0, 1)->s))
			problem(&s, "show_if_options", "List the answers that show it, one per line, spelt as that question's options.");
		if (src.nrows && ok && pos <= db_at(&src, 0, 2)->i) {
			problem(&s, "position", "Place it after the question it depends on (a larger position).");
			pos_checked = true;
		}
	}
	if (!ok && !pos_checked)
		problem(&s, "position", "The position is a number from 0 to 999.");
	if (s.n)
		return render(r, b->id, id, 422, &s);
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
	if (!req_int(r, "position", &pos)) {
		struct sent s = { .which = SENT_POSITION, .field = field };
		problem(&s, arena_printf(r->arena, "pos-%lld", field), "The position is a number from 0 to 999.");
		return render(r, b->id, id, 422, &s);
	}
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
