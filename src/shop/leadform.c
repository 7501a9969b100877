/* leadform.c: "GET /f/{slug}" and "/@{handle}/f/{slug}" — a brand's public lead form, rendered
 * from one cached query, with a signed fill-time stamp and a honeypot field. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "db/dbcache.h"
#include "shop/leadform.h"
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
	" f.taken_down_at IS NOT NULL"
	" FROM lead_forms f JOIN brands b ON b.id = f.brand_id"
	" LEFT JOIN lead_form_fields x ON x.form_id = f.id"
	" WHERE f.slug = ? ORDER BY x.position, x.id LIMIT 30",
	"ss", "iissssssiiiisiiisssisssi" };

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
	for (size_t i = 0; i < res.nrows && db_at(&res, i, 15)->i; i++) {
		struct leadform_field *x = &f->fields[f->nfields++];
		x->id = db_at(&res, i, 15)->i;
		if (!lead_type_parse(db_at(&res, i, 16)->s, &x->def.type))
			x->def.type = LEAD_TEXT;
		x->label = db_at(&res, i, 17)->s;
		x->help = db_at(&res, i, 18)->s;
		x->def.required = db_at(&res, i, 19)->i != 0;
		x->def.options = db_at(&res, i, 20)->s;
	}
	return true;
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

void leadform_render(struct req *r, const struct leadform *f, int status, const char *error)
{
	tmpl_dict *d = layout_begin(r, "leadform.tpl", f->title);
	tmpl_set(d, "TITLE", f->title);
	report_page_link(r, d, TAKEDOWN_FORM, f->id);
	tmpl_set(d, "BRAND_NAME", f->brand_name);
	tmpl_set(d, "INTRO", f->intro);
	tmpl_set(d, "CONSENT", f->consent);
	if (*f->privacy_url)
		tmpl_set(tmpl_add(d, "PRIVACY"), "URL", f->privacy_url);
	tmpl_set(d, "ACTION", f->handle ? arena_printf(r->arena, "/@%s/f/%s", f->handle, f->slug)
				       : arena_printf(r->arena, "/f/%s", f->slug));
	char stamp[LEAD_STAMP_LEN];
	lead_stamp_make(r->secret, f->id, (long long)time(NULL), stamp);
	tmpl_set(d, "STAMP", stamp);
	/* The creator's address of a form (/@lena/f/...) credits them; the form itself is /f/... */
	page_meta_show(r, &(struct page_meta){
		.title = arena_concat(r->arena, f->title, " – ", f->brand_name, (char *)NULL),
		.description = *f->intro ? f->intro : f->title,
		.path = arena_concat(r->arena, "/f/", f->slug, (char *)NULL),
	});
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	static const char *const sections[LEAD__NTYPES] = {
		"T_TEXT", "T_LONGTEXT", "T_EMAIL", "T_PHONE", "T_CHOICE", "T_MULTI", "T_CHECKBOX", "T_DATE", "T_NUMBER",
	};
	for (size_t i = 0; i < f->nfields; i++) {
		const struct leadform_field *x = &f->fields[i];
		const char *name = leadform_input(r, i);
		tmpl_dict *fd = tmpl_add(d, "FIELD");
		tmpl_dict *s = tmpl_add(fd, sections[x->def.type]);
		tmpl_set(fd, "NAME", name);
		tmpl_set(s, "NAME", name);
		tmpl_set(fd, "LABEL", x->label);
		tmpl_set(s, "LABEL", x->label);
		tmpl_set(s, "VALUE", x->nvals ? x->vals[0] : "");
		if (x->def.required) {
			tmpl_show(fd, "REQUIRED");
			tmpl_show(s, "REQUIRED");
		}
		if (*x->help) {
			tmpl_set(tmpl_add(fd, "HELP"), "TEXT", x->help);
			tmpl_show(s, "HAS_HELP");
		}
		if (x->error) {
			tmpl_set(tmpl_add(fd, "FIELD_ERROR"), "TEXT", x->error);
			tmpl_show(s, "INVALID");
		}
		if (x->def.type == LEAD_CHECKBOX && has_val(x, "yes"))
			tmpl_show(s, "CHECKED");
		if (x->def.type == LEAD_CHOICE || x->def.type == LEAD_MULTI)
			render_options(r, s, x, name);
	}
	const char *consent = req_form(r, "consent");
	if (consent && strcmp(consent, "yes") == 0)
		tmpl_show(d, "CONSENT_CHECKED");
	if (r->method == HTTP_POST && !(consent && strcmp(consent, "yes") == 0) && error)
		tmpl_set(tmpl_add(d, "CONSENT_ERROR"), "TEXT", "Tick the box to agree before sending.");
	layout_end(r, status);
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
