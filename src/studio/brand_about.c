/* brand_about.c: "/studio/brand/about" — the brand's story, the text its public page /b/{brand}
 * opens with. Plain text: the page escapes it. */
#include "domain/catalog/product.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"
#include "views/form_errors.h"

static const struct db_stmt q_about = {
	"SELECT description FROM brands WHERE id = ?", "i", "s" };
static const struct db_stmt q_save = {
	"UPDATE brands SET description = ? WHERE id = ?", "si", "" };

static void about_form(struct req *r, int status, const char *about, const char *error)
{
	const struct acting_brand *b = r->brand;
	tmpl_dict *d = layout_begin(r, "studio_brand_about.tpl", "Brand story");
	tmpl_set(d, "BRAND", b->name);
	tmpl_set(d, "SLUG", b->slug);
	tmpl_set(d, "ABOUT", about);
	if (error)
		form_errors_render(d, &(struct form_error){ "about", error }, 1);
	if (req_query(r, "saved"))
		tmpl_show(d, "SAVED");
	layout_end(r, status);
}

int page_brand_about_form(struct req *r)
{
	struct db_res t;
	enum db_status rc = db_query(r->db, r->arena, &q_about, (struct db_param[]){ DB_I(r->brand->id) }, &t);
	if (rc != DB_OK || t.nrows == 0)
		return req_db_fail(rc == DB_OK ? DB_ERR : rc);
	about_form(r, 200, db_at(&t, 0, 0)->s, NULL);
	return REQ_DONE;
}

int page_brand_about(struct req *r)
{
	const char *about = req_form(r, "about");
	if (!about)
		about = "";
	if (!product_text_ok(about, BRAND_ABOUT_MAX, true)) {
		about_form(r, 422, about, "The story is plain text: letters, punctuation and line breaks only.");
		return REQ_DONE;
	}
	enum db_status rc = db_query(r->db, NULL, &q_save, (struct db_param[]){ DB_S(about), DB_I(r->brand->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/brand/about?saved=1");
	return REQ_DONE;
}
