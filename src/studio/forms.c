/* forms.c: "/studio/forms" — a brand's lead forms: list them and create one (as a draft). */
#include <string.h>
#include "studio/forms.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"
#include "lib/utf8.h"
#include "lib/validate.h"

static const struct db_stmt q_list = {
	"SELECT f.id, f.slug, f.title, f.status, (SELECT COUNT(*) FROM leads l WHERE l.form_id = f.id),"
	" f.taken_down_reason FROM lead_forms f WHERE f.brand_id = ? ORDER BY f.created_at DESC, f.id DESC LIMIT 200",
	"i", "isssis" };
static const struct db_stmt q_create = {
	"INSERT INTO lead_forms (brand_id, slug, title, intro, consent_text, thanks_text, created_at, updated_at)"
	" VALUES (?, ?, ?, '', ?, '', UTC_TIMESTAMP(), UTC_TIMESTAMP())", "isss", "" };

static int render(struct req *r, const struct acting_brand *b, int status, const char *error)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(b->id) }, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_forms.tpl", "Lead forms");
	const char *title = req_form(r, "title"), *slug = req_form(r, "slug");
	tmpl_set(d, "TITLE", title ? title : "");
	tmpl_set(d, "SLUG", slug ? slug : "");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *f = tmpl_add(d, "FORM");
		tmpl_set_int(f, "ID", db_at(&res, i, 0)->i);
		tmpl_set(f, "SLUG", db_at(&res, i, 1)->s);
		tmpl_set(f, "TITLE", db_at(&res, i, 2)->s);
		tmpl_set(f, "STATUS", db_at(&res, i, 3)->s);
		tmpl_set_int(f, "LEADS", db_at(&res, i, 4)->i);
		takedown_note_add(f, db_at(&res, i, 5));
	}
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, status);
	return REQ_DONE;
}

int page_forms_list(struct req *r)
{
	const struct acting_brand *b = r->brand;
	return render(r, b, 200, NULL);
}

int page_forms_create(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *title = req_form(r, "title"), *slug_in = req_form(r, "slug");
	char slug[65];
	if (!title || !validate_has_text(title))
		return render(r, b, 422, "Give the form a title.");
	if (!validate_slugify(slug_in && *slug_in ? slug_in : title, slug, sizeof slug))
		return render(r, b, 422, "Use letters or digits in the address.");
	enum db_status rc = db_query(r->db, NULL, &q_create, (struct db_param[]){ DB_I(b->id), DB_S(slug), DB_S(title),
		DB_S("I agree that this brand may contact me about my request.") }, NULL);
	if (rc == DB_DUP)
		return render(r, b, 409, "That address is taken; choose another.");
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/forms/%llu", db_insert_id(r->db)));
	return REQ_DONE;
}
