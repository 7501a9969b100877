/* ad_form.c: the collection-ad form, for a brand's own ads and a creator's own alike (one template,
 * studio_ad.tpl): with what is stored (edit), what was typed (a refusal) or blanks (new). A
 * creator's ad the brand took down is shown as such, without the form. */
#include <string.h>
#include "studio/ads.h"
#include "views/form_errors.h"
#include "studio/picture_form.h"
#include "web/layout.h"
#include "web/response.h"

static const struct db_stmt q_ad = {
	"SELECT a.slug, a.title, a.headline, COALESCE(a.video_id, 0), a.image_url, COALESCE(c.handle, ''),"
	" a.click_url, a.state, COALESCE(a.showcase_id, 0), b.name, COALESCE(DATE_FORMAT(a.blocked_at, '%Y-%m-%d'), ''),"
	" " PICTURE_FORM_COLS("a.image_url")
	" FROM ads a JOIN brands b ON b.id = a.brand_id LEFT JOIN creators c ON c.id = a.creator_id"
	" WHERE a.id = ? AND" AD_OWNED, "iii", "sssissssissss" };
/* A creator's products are written brand/handle: handles are unique only within a brand. */
static const struct db_stmt q_ad_products = {
	"SELECT IF(a.created_by = 'creator', CONCAT(b.slug, '/', p.handle), p.handle) FROM ad_products ap"
	" JOIN ads a ON a.id = ap.ad_id JOIN products p ON p.id = ap.product_id JOIN brands b ON b.id = p.brand_id"
	" WHERE ap.ad_id = ? ORDER BY ap.position LIMIT 20", "i", "s" };
/* The handles the form lists as a reminder: a brand's active products, a creator's approved picks. */
static const struct db_stmt q_brand_products = {
	"SELECT handle, title, '' FROM products WHERE brand_id = ? AND status = 'active' ORDER BY title, id LIMIT 200",
	"i", "sss" };
static const struct db_stmt q_picks = {
	"SELECT CONCAT(b.slug, '/', p.handle), p.title, b.name FROM picks pk JOIN products p ON p.id = pk.product_id"
	" JOIN brands b ON b.id = p.brand_id WHERE pk.creator_id = ? AND pk.status = 'approved' AND p.status = 'active'"
	" ORDER BY b.name, p.title, p.id LIMIT 200", "i", "sss" };

/* The options of a select (VIDEOS, SHOWCASES) from (id, label) rows, `chosen` selected. */
static void options(tmpl_dict *d, const char *section, const char *label, const struct db_res *res, long long chosen)
{
	for (size_t i = 0; i < res->nrows; i++) {
		tmpl_dict *o = tmpl_add(d, section);
		tmpl_set_int(o, "ID", db_at(res, i, 0)->i);
		tmpl_set(o, label, db_at(res, i, 1)->s);
		if (db_at(res, i, 0)->i == chosen)
			tmpl_show(o, "SELECTED");
	}
}

/* The message beside the field and in the summary at the top, which links to it. */
static void field_error(tmpl_dict *d, const char *field, const char *error)
{
	form_errors_render(d, &(struct form_error){ field, error }, 1);
}

int ad_form_page(struct req *r, const struct studio_owner *o, long long id, int status, const char *field,
		  const char *error)
{
	struct db_res ad = { 0 }, prods = { 0 }, vids, shows, all;
	enum db_status rc = DB_OK;
	if (id && !error) {
		rc = db_query(r->db, r->arena, &q_ad, (struct db_param[]){ DB_I(id), DB_I(o->brand_id), DB_I(o->creator_id) }, &ad);
		if (rc == DB_OK && ad.nrows)
			rc = db_query(r->db, r->arena, &q_ad_products, (struct db_param[]){ DB_I(id) }, &prods);
	}
	if (rc == DB_OK)
		rc = ad_videos(r, o, &vids);
	if (rc == DB_OK)
		rc = ad_showcases(r, o, &shows);
	if (rc == DB_OK)
		rc = o->creator_id ? db_query(r->db, r->arena, &q_picks, (struct db_param[]){ DB_I(o->creator_id) }, &all)
				   : db_query(r->db, r->arena, &q_brand_products, (struct db_param[]){ DB_I(o->brand_id) }, &all);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (id && !error && ad.nrows == 0) {
		response_error(r, 404, "There is no such ad.");
		return REQ_DONE;
	}
	const char *base = o->creator_id ? "/studio/creator/ads" : "/studio/ads";
	tmpl_dict *d = layout_begin(r, "studio_ad.tpl", id ? "Edit ad" : "New ad");
	tmpl_set(d, "BACK", base);
	tmpl_set(d, "ACTION", id ? arena_printf(r->arena, "%s/%lld", base, id) : base);
	tmpl_show(d, o->creator_id ? "CREATOR_OWNER" : "BRAND_OWNER");
	if (id) {
		tmpl_set(tmpl_add(d, "EDITING"), "SLUG", ad.nrows ? db_at(&ad, 0, 0)->s : ad_text(r, "slug"));
		if (!error && req_query(r, "saved"))
			tmpl_show(d, "SAVED");
	} else {
		tmpl_show(d, "NEW");
	}
	if (ad.nrows && strcmp(db_at(&ad, 0, 7)->s, "blocked") == 0) {
		tmpl_dict *t = tmpl_add(d, "TAKEN_DOWN");
		tmpl_set(t, "BRAND", db_at(&ad, 0, 9)->s);
		tmpl_set(t, "DAY", db_at(&ad, 0, 10)->s);
		layout_end(r, status);
		return REQ_DONE;
	}
	tmpl_show(d, "FORM");
	static const char *const names[] = { "slug", "title", "headline", "image_url", "creator", "click_url" };
	static const char *const keys[] = { "SLUG", "TITLE", "HEADLINE", "IMAGE_URL", "CREATOR", "CLICK_URL" };
	static const int cols[] = { 0, 1, 2, 4, 5, 6 };
	for (size_t i = 0; i < 6; i++)
		tmpl_set(d, keys[i], error ? ad_text(r, names[i]) : ad.nrows ? db_at(&ad, 0, (size_t)cols[i])->s : "");
	const char *products = ad_text(r, "products");
	if (!error && ad.nrows) {
		struct buf pb;
		buf_init(&pb, r->arena, 256);
		for (size_t i = 0; i < prods.nrows; i++)
			buf_printf(&pb, "%s\n", db_at(&prods, i, 0)->s);
		products = buf_cstr(&pb);
	}
	tmpl_set(d, "PRODUCTS", products);
	const char *state = error ? ad_text(r, "state") : ad.nrows ? db_at(&ad, 0, 7)->s : "draft";
	tmpl_show(d, strcmp(state, "live") == 0 ? "S_LIVE" : "S_DRAFT");
	options(d, "VIDEOS", "CAPTION", &vids, error ? req_id(r, "video") : ad.nrows ? db_at(&ad, 0, 3)->i : 0);
	options(d, "SHOWCASES", "TITLE", &shows, error ? req_id(r, "showcase") : ad.nrows ? db_at(&ad, 0, 8)->i : 0);
	for (size_t i = 0; i < all.nrows; i++) {
		tmpl_dict *p = tmpl_add(d, "ALL_PRODUCTS");
		tmpl_set(p, "HANDLE", db_at(&all, i, 0)->s);
		tmpl_set(p, "TITLE", db_at(&all, i, 1)->s);
		if (*db_at(&all, i, 2)->s)
			tmpl_set(tmpl_add(p, "OF"), "BRAND", db_at(&all, i, 2)->s);
	}
	if (error)
		field_error(d, field, error);
	/* a saved ad's hero may be uploaded; it then comes back in image_url as its /media/img/ path */
	if (id)
		picture_form_add(r, d, "HERO_UPLOAD", &(struct picture_form){
			arena_printf(r->arena, "%s/%lld/hero", base, id), "hero-file", "Upload a hero picture",
			"Shown across the top of the ad when it has no video, and the picture of its shared links.",
			ad.nrows ? db_at(&ad, 0, 11)->s : NULL, ad.nrows ? db_at(&ad, 0, 12)->s : NULL, NULL });
	layout_end(r, status);
	return REQ_DONE;
}

int ad_edit(struct req *r, const struct studio_owner *o)
{
	long long id = req_id(r, "id");
	if (req_param(r, "id") && !id) {
		response_error(r, 404, "There is no such ad.");
		return REQ_DONE;
	}
	return ad_form_page(r, o, id, 200, NULL, NULL);
}
