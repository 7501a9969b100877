/* leadform.c: "GET /f/{slug}" and "/@{handle}/f/{slug}" — a brand's public lead form, rendered
 * from one cached query, with a signed fill-time stamp and a honeypot field. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "db/dbcache.h"
#include "domain/leads/lead_condition.h"
#include "domain/leads/lead_retention.h"
#include "shop/leadform.h"
#include "domain/leads/lead_phone.h"
#include "views/form_errors.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"
#include "domain/moderation/takedown.h"
#include "views/page_meta.h"

/* One row per field (or one row with empty field columns for a form without fields); the
 * creator of the path's handle, if any, comes along in the same query. */
static const struct db_stmt q_form = {
	"SELECT f.id, f.brand_id, f.title, f.intro, f.consent_text, f.privacy_url, f.thanks_text, f.status,"
	" f.creators_allowed, f.min_fill_seconds, f.ip_limit_per_hour, f.form_limit_per_hour, b.name,"
	" EXISTS (SELECT w.brand_id FROM lead_webhooks w WHERE w.brand_id = f.brand_id),"
	" COALESCE((SELECT c.id FROM creators c WHERE c.handle = ?), 0),"
	" COALESCE(x.id, 0), COALESCE(x.type, 'text'), COALESCE(x.label, ''), COALESCE(x.help, ''),"
	" COALESCE(x.required, 0), COALESCE(x.options, ''), f.creator_handles, f.redirect_url,"
	" f.taken_down_at IS NOT NULL, COALESCE(x.qualifying, ''), COALESCE(x.disqualifying, ''),"
	" COALESCE(x.show_if_field_id, 0), COALESCE(x.show_if_options, ''), COALESCE(f.retention_days, 0),"
	" COALESCE(x.appt_weekly, ''), COALESCE(x.appt_slot_minutes, 0), COALESCE(x.appt_tz, ''),"
	" COALESCE(x.appt_notice_minutes, 0), f.phone_region, COALESCE(x.phone_strict, 0)"
	" FROM lead_forms f JOIN brands b ON b.id = f.brand_id"
	" LEFT JOIN lead_form_fields x ON x.form_id = f.id"
	" WHERE f.slug = ? ORDER BY x.position, x.id LIMIT 30",
	"ss", "iissssssiiiisiiisssisssissisisisisi" };
static const struct db_stmt q_booked = {
	"SELECT DATE_FORMAT(slot_start, '%Y-%m-%dT%H:%iZ') FROM lead_bookings WHERE form_id = ?"
	" AND slot_start >= UTC_TIMESTAMP() ORDER BY slot_start LIMIT 2000", "i", "s" };

bool leadform_load(struct req *r, struct leadform *f, int *st)
{
	*st = REQ_DONE;
	memset(f, 0, sizeof *f);
	f->slug = req_param(r, "slug");
	f->handle = req_param(r, "handle");
	struct db_res res;
	enum db_status rc = db_query_cached(r->db, r->arena, &q_form,
		(struct db_param[]){ DB_S(f->handle ? f->handle : ""), DB_S(f->slug) }, &res);
	if (rc != DB_OK) {
		*st = req_db_fail(rc);
		return false;
	}
	const char *status = res.nrows ? db_at(&res, 0, 7)->s : "";
	bool creator_ok = !f->handle || (res.nrows && db_at(&res, 0, 8)->i && db_at(&res, 0, 14)->i &&
					  lead_handle_listed(db_at(&res, 0, 21)->s, f->handle));
	if (res.nrows == 0 || strcmp(status, "draft") == 0 || !creator_ok) {
		response_error(r, 404, "There is no such form.");
		return false;
	}
	/* Its answers too: a form taken down takes none. */
	if (db_at(&res, 0, 23)->i) {
		response_error(r, 410, TAKEDOWN_PUBLIC_TEXT);
		return false;
	}
	if (strcmp(status, "live") != 0) {
		response_error(r, 404, "This form is closed and no longer takes answers.");
		return false;
	}
	f->id = db_at(&res, 0, 0)->i;
	f->brand_id = db_at(&res, 0, 1)->i;
	f->title = db_at(&res, 0, 2)->s;
	f->intro = db_at(&res, 0, 3)->s;
	f->consent = db_at(&res, 0, 4)->s;
	f->privacy_url = db_at(&res, 0, 5)->s;
	f->thanks = db_at(&res, 0, 6)->s;
	f->redirect_url = db_at(&res, 0, 22)->s;
	f->status = status;
	f->min_fill = db_at(&res, 0, 9)->i;
	f->ip_limit = db_at(&res, 0, 10)->i;
	f->form_limit = db_at(&res, 0, 11)->i;
	f->brand_name = db_at(&res, 0, 12)->s;
	f->has_webhook = db_at(&res, 0, 13)->i != 0;
	f->creator_id = f->handle ? db_at(&res, 0, 14)->i : 0;
	f->retention_days = lead_retention_days(db_at(&res, 0, 28)->i);
	f->phone_region = lead_phone_region(db_at(&res, 0, 33)->s);
	for (size_t i = 0; i < res.nrows && db_at(&res, i, 15)->i; i++) {
		struct leadform_field *x = &f->fields[f->nfields++];
		x->id = db_at(&res, i, 15)->i;
		if (!lead_type_parse(db_at(&res, i, 16)->s, &x->def.type))
			x->def.type = LEAD_TEXT;
		x->label = db_at(&res, i, 17)->s;
		x->help = db_at(&res, i, 18)->s;
		x->def.required = db_at(&res, i, 19)->i != 0;
		x->def.options = db_at(&res, i, 20)->s;
		x->qualifying = db_at(&res, i, 24)->s;
		x->disqualifying = db_at(&res, i, 25)->s;
		x->show_if_id = db_at(&res, i, 26)->i;
		x->show_if = db_at(&res, i, 27)->s;
		x->phone_strict = db_at(&res, i, 34)->i != 0;
		x->source = -1;
		if (x->def.type == LEAD_APPOINTMENT) {
			struct lead_slots_rule *rule = arena_alloc(r->arena, sizeof *rule);
			if (!lead_slots_parse(db_at(&res, i, 29)->s, (int)db_at(&res, i, 30)->i, (int)db_at(&res, i, 32)->i,
					      db_at(&res, i, 31)->s, rule))
				x->slots = rule;
		}
		for (size_t k = 0; x->show_if_id && k + 1 < f->nfields; k++)
			if (f->fields[k].id == x->show_if_id)
				x->source = (int)k;
	}
	leadform_conditions(f);
	return true;
}

static bool has_val(const struct leadform_field *x, const char *v);

static bool listed(const struct db_res *booked, const char *v)
{
	for (size_t i = 0; i < booked->nrows; i++)
		if (strcmp(db_at(booked, i, 0)->s, v) == 0)
			return true;
	return false;
}

/* The slots of x offered now and not booked, as values; *n of them. */
static enum db_status free_slots(struct req *r, const struct leadform *f, const struct leadform_field *x,
				 const char ***out, size_t *n)
{
	*n = 0;
	*out = NULL;
	if (!x->slots)
		return DB_OK;
	struct db_res booked;
	enum db_status rc = db_query(r->db, r->arena, &q_booked, (struct db_param[]){ DB_I(f->id) }, &booked);
	if (rc != DB_OK)
		return rc;
	time_t *starts = arena_alloc(r->arena, LEAD_SLOTS_MAX * sizeof *starts);
	size_t k = lead_slots_list(x->slots, time(NULL), starts, LEAD_SLOTS_MAX);
	const char **vals = arena_alloc(r->arena, (k ? k : 1) * sizeof *vals);
	for (size_t i = 0; i < k; i++) {
		char *v = arena_alloc(r->arena, LEAD_SLOT_VALUE_LEN);
		lead_slots_value(starts[i], v);
		if (!listed(&booked, v))
			vals[(*n)++] = v;
	}
	*out = vals;
	return DB_OK;
}

enum db_status leadform_slot_free(struct req *r, const struct leadform *f, const struct leadform_field *x,
				  const char *v, bool *free)
{
	const char **vals;
	size_t n;
	enum db_status rc = free_slots(r, f, x, &vals, &n);
	*free = false;
	for (size_t i = 0; rc == DB_OK && i < n && !*free; i++)
		*free = strcmp(vals[i], v) == 0;
	return rc;
}

/* The free slots of an appointment question as radio buttons, in the brand's time zone. */
static void render_slots(struct req *r, const struct leadform *f, tmpl_dict *s, const struct leadform_field *x,
			 const char *name)
{
	const char **vals;
	size_t n;
	if (!x->slots || free_slots(r, f, x, &vals, &n) != DB_OK || n == 0) {
		tmpl_show(s, "NO_SLOTS");
		return;
	}
	tmpl_set(tmpl_add(s, "ZONE"), "TZ", x->slots->tz);
	for (size_t i = 0; i < n; i++) {
		time_t t;
		char label[64];
		lead_slots_parse_value(vals[i], &t);
		lead_slots_label(x->slots, t, label, sizeof label);
		tmpl_dict *o = tmpl_add(s, "SLOT");
		tmpl_set(o, "NAME", name);
		tmpl_set(o, "VALUE", vals[i]);
		tmpl_set(o, "LABEL", label);
		tmpl_set(o, "ID", arena_printf(r->arena, "%s-%zu", name, i + 1));
		if (has_val(x, vals[i]))
			tmpl_show(o, "CHECKED");
	}
}

/* An image choice: each picture is the label of its radio button, its alt text the option's label. */
static void render_images(struct req *r, tmpl_dict *s, const struct leadform_field *x, const char *name)
{
	size_t n = 0;
	for (const char *p = x->def.options; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *line = arena_strndup(r->arena, p, len);
		p = nl ? nl + 1 : p + len;
		char label[256], url[1024];
		if (!lead_image_option(line, label, sizeof label, url, sizeof url))
			continue;
		tmpl_dict *o = tmpl_add(s, "PICTURE");
		tmpl_set(o, "NAME", name);
		tmpl_set(o, "VALUE", label);
		tmpl_set(o, "URL", url);
		tmpl_set(o, "ID", arena_printf(r->arena, "%s-%zu", name, ++n));
		if (has_val(x, label))
			tmpl_show(o, "CHECKED");
	}
}

void leadform_conditions(struct leadform *f)
{
	struct lead_condition c[LEAD_MAX_FIELDS];
	bool shown[LEAD_MAX_FIELDS];
	for (size_t i = 0; i < f->nfields; i++)
		c[i] = (struct lead_condition){ f->fields[i].source, f->fields[i].show_if, f->fields[i].vals,
			f->fields[i].nvals };
	lead_condition_shown(c, f->nfields, shown);
	for (size_t i = 0; i < f->nfields; i++)
		f->fields[i].shown = shown[i];
}

const char *leadform_input(struct req *r, size_t i)
{
	return arena_printf(r->arena, "q%zu", i + 1);
}

static bool has_val(const struct leadform_field *x, const char *v)
{
	for (size_t i = 0; i < x->nvals; i++)
		if (strcmp(x->vals[i], v) == 0)
			return true;
	return false;
}

static void render_options(struct req *r, tmpl_dict *s, const struct leadform_field *x, const char *name)
{
	size_t n = 0;
	for (const char *p = x->def.options; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *opt = arena_strndup(r->arena, p, len > 0 && p[len - 1] == '\r' ? len - 1 : len);
		p = nl ? nl + 1 : p + len;
		if (!*opt)
			continue;
		tmpl_dict *o = tmpl_add(s, "OPTION");
		tmpl_set(o, "NAME", name);
		tmpl_set(o, "VALUE", opt);
		tmpl_set(o, "ID", arena_printf(r->arena, "%s-%zu", name, ++n));
		if (has_val(x, opt))
			tmpl_show(o, "CHECKED");
	}
}

/* What describes field `name`: its help and its error, by the ids the template gives them. */
static const char *described_by(struct req *r, const struct leadform_field *x, const char *name)
{
	if (*x->help && x->error)
		return arena_printf(r->arena, "%s-help %s-error", name, name);
	if (*x->help)
		return arena_printf(r->arena, "%s-help", name);
	return x->error ? arena_printf(r->arena, "%s-error", name) : NULL;
}

static void render(struct req *r, const struct leadform *f, int status, const char *error, const char *confirm,
		   const char *note)
{
	tmpl_dict *d = layout_begin(r, "leadform.tpl", f->title);
	tmpl_set(d, "TITLE", f->title);
	report_page_link(r, d, TAKEDOWN_FORM, f->id);
	tmpl_set(d, "BRAND_NAME", f->brand_name);
	tmpl_set(d, "INTRO", f->intro);
	tmpl_set(d, "CONSENT", f->consent);
	tmpl_set_int(d, "RETENTION_DAYS", f->retention_days);
	if (*f->privacy_url)
		tmpl_set(tmpl_add(d, "PRIVACY"), "URL", f->privacy_url);
	tmpl_set(d, "ACTION", f->handle ? arena_printf(r->arena, "/@%s/f/%s", f->handle, f->slug)
				       : arena_printf(r->arena, "/f/%s", f->slug));
	/* A page shown again keeps the time it was first opened, so the minimum fill time counts
	 * from then, not from the latest step. */
	const char *sent = r->method == HTTP_POST ? req_form(r, "t") : NULL;
	long long now = (long long)time(NULL);
	char stamp[LEAD_STAMP_LEN];
	if (sent && lead_stamp_check(r->secret, f->id, sent, now, 0) == 0)
		snprintf(stamp, sizeof stamp, "%s", sent);
	else
		lead_stamp_make(r->secret, f->id, now, stamp);
	tmpl_set(d, "STAMP", stamp);
	/* The creator's address of a form (/@lena/f/...) credits them; the form itself is /f/... */
	page_meta_show(r, &(struct page_meta){
		.title = arena_concat(r->arena, f->title, " – ", f->brand_name, (char *)NULL),
		.description = *f->intro ? f->intro : f->title,
		.path = arena_concat(r->arena, "/f/", f->slug, (char *)NULL),
	});
	/* Every mistake in a summary at the top that takes the focus, each linking to its field (the
	 * input, or for a group of choices its first choice, "<name>-1"); the general message only
	 * when no field is marked. */
	struct form_error errs[FORM_ERRORS_MAX];
	size_t nerrs = 0;
	for (size_t i = 0; i < f->nfields && nerrs < FORM_ERRORS_MAX - 1; i++) {
		const struct leadform_field *x = &f->fields[i];
		if (!x->error)
			continue;
		bool group = x->def.type == LEAD_CHOICE || x->def.type == LEAD_MULTI || x->def.type == LEAD_APPOINTMENT ||
			     x->def.type == LEAD_IMAGE;
		errs[nerrs++] = (struct form_error){ group ? arena_printf(r->arena, "%s-1", leadform_input(r, i))
							   : leadform_input(r, i),
						     arena_printf(r->arena, "%s: %s", x->label, x->error) };
	}
	const char *consent = req_form(r, "consent");
	bool consent_missing = r->method == HTTP_POST && !(consent && strcmp(consent, "yes") == 0) && error;
	if (consent_missing)
		errs[nerrs++] = (struct form_error){ "consent", "Tick the box to agree before sending." };
	if (nerrs)
		form_errors_summary(d, errs, nerrs);
	else if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	if (note)
		tmpl_set(tmpl_add(d, "NOTE"), "TEXT", note);
	if (confirm)
		tmpl_set(tmpl_add(d, "CONFIRM"), "TOKEN", confirm);
	static const char *const sections[LEAD__NTYPES] = {
		"T_TEXT", "T_LONGTEXT", "T_EMAIL", "T_PHONE", "T_CHOICE", "T_MULTI", "T_CHECKBOX", "T_DATE", "T_NUMBER",
		"T_APPOINTMENT", "T_IMAGE",
	};
	for (size_t i = 0; i < f->nfields; i++) {
		const struct leadform_field *x = &f->fields[i];
		const char *name = leadform_input(r, i);
		tmpl_dict *fd = tmpl_add(d, "FIELD");
		tmpl_dict *s = tmpl_add(fd, sections[x->def.type]);
		tmpl_set(fd, "NAME", name);
		tmpl_set(s, "NAME", name);
		if (!x->shown)
			tmpl_show(fd, "HIDDEN");
		if (x->source >= 0) {
			tmpl_dict *c = tmpl_add(fd, "COND");
			tmpl_set(c, "SOURCE", leadform_input(r, (size_t)x->source));
			tmpl_set(c, "VALUES", x->show_if);
			if (!x->shown)
				tmpl_show(c, "OFF");
		}
		tmpl_set(fd, "LABEL", x->label);
		tmpl_set(s, "LABEL", x->label);
		tmpl_set(s, "VALUE", x->nvals ? x->vals[0] : "");
		if (x->def.required) {
			tmpl_show(fd, "REQUIRED");
			tmpl_show(s, "REQUIRED");
		}
		if (*x->help)
			tmpl_set(tmpl_add(fd, "HELP"), "TEXT", x->help);
		if (x->error) {
			tmpl_set(tmpl_add(fd, "FIELD_ERROR"), "TEXT", x->error);
			tmpl_show(s, "INVALID");
		}
		const char *ids = described_by(r, x, name);
		if (ids)
			tmpl_set(tmpl_add(s, "DESCRIBED"), "IDS", ids);
		if (x->def.type == LEAD_CHECKBOX && has_val(x, "yes"))
			tmpl_show(s, "CHECKED");
		if (x->def.type == LEAD_CHOICE || x->def.type == LEAD_MULTI)
			render_options(r, s, x, name);
		if (x->def.type == LEAD_APPOINTMENT)
			render_slots(r, f, s, x, name);
		if (x->def.type == LEAD_IMAGE)
			render_images(r, s, x, name);
	}
	if (consent && strcmp(consent, "yes") == 0)
		tmpl_show(d, "CONSENT_CHECKED");
	if (consent_missing)
		tmpl_set(tmpl_add(d, "CONSENT_ERROR"), "TEXT", "Tick the box to agree before sending.");
	layout_end(r, status);
}

void leadform_render(struct req *r, const struct leadform *f, int status, const char *error)
{
	render(r, f, status, error, NULL, NULL);
}

void leadform_render_next(struct req *r, const struct leadform *f)
{
	render(r, f, 200, NULL, NULL, "Your answers open one more question below: please answer it and press Send.");
}

void leadform_render_confirm(struct req *r, const struct leadform *f, const char *token)
{
	render(r, f, 200, NULL, token, NULL);
}

int page_leadform(struct req *r)
{
	struct leadform f;
	int st;
	if (!leadform_load(r, &f, &st))
		return st;
	leadform_render(r, &f, 200, NULL);
	return REQ_DONE;
}
