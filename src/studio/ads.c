/* ads.c: "/studio/ads" — a brand's collection ads: the list, and the form that creates or edits
 * one (slug, title, headline, hero video or image, up to 20 of its products in order, an optional
 * credited creator, the click-out URL on a verified domain, draft or live). One ownership model:
 * the brand owns the ad; the creator it names is credited with the ad's visits and sales. */
#include <stdio.h>
#include <string.h>
#include "ads.h"
#include "brand_domain.h"
#include "page.h"
#include "response.h"
#include "studio.h"
#include "validate.h"

const struct field ads_fields[] = {
	{ "slug", AD_SLUG_MAX }, { "title", 120 }, { "headline", 300 }, { "video", 20 }, { "showcase", 20 }, { "image_url", 500 },
	{ "products", 4000 }, { "creator", 30 }, { "click_url", DOMAIN_URL_MAX }, { "state", 10 }, { "saved", 3 },
	{ NULL, 0 },
};

static const struct db_stmt q_list = {
	"SELECT a.id, a.slug, a.title, a.state, COALESCE(c.handle, ''), DATE_FORMAT(a.created_at, '%Y-%m-%d')"
	" FROM ads a LEFT JOIN creators c ON c.id = a.creator_id WHERE a.brand_id = ?"
	" ORDER BY a.created_at DESC, a.id DESC LIMIT 200", "i", "isssss" };
static const struct db_stmt q_ad = {
	"SELECT a.slug, a.title, a.headline, COALESCE(a.video_id, 0), a.image_url, COALESCE(c.handle, ''),"
	" a.click_url, a.state, COALESCE(a.showcase_id, 0) FROM ads a LEFT JOIN creators c ON c.id = a.creator_id"
	" WHERE a.id = ? AND a.brand_id = ?", "ii", "sssissssi" };
static const struct db_stmt q_ad_products = {
	"SELECT p.handle FROM ad_products ap JOIN products p ON p.id = ap.product_id WHERE ap.ad_id = ?"
	" ORDER BY ap.position LIMIT 20", "i", "s" };
/* The videos a brand may put on an ad: its own, and creators' videos of its products. */
static const struct db_stmt q_videos = {
	"SELECT v.id, v.caption FROM videos v WHERE v.brand_id = ? OR EXISTS (SELECT 1 FROM video_tags t"
	" JOIN products p ON p.id = t.product_id WHERE t.video_id = v.id AND p.brand_id = ?)"
	" ORDER BY v.created_at DESC, v.id DESC LIMIT 100", "ii", "is" };
/* The showcases an ad may show under its cards: the brand's own. */
static const struct db_stmt q_showcases = {
	"SELECT id, title FROM showcases WHERE brand_id = ? ORDER BY title, id LIMIT 100", "i", "is" };
static const struct db_stmt q_products = {
	"SELECT handle, title FROM products WHERE brand_id = ? AND status = 'active' ORDER BY title, id LIMIT 200",
	"i", "ss" };
static const struct db_stmt q_product = {
	"SELECT id FROM products WHERE brand_id = ? AND handle = ? AND status = 'active'", "is", "i" };
/* A creator the brand may credit: one with an approved pick of its products. */
static const struct db_stmt q_creator = {
	"SELECT c.id FROM creators c WHERE c.handle = ? AND EXISTS (SELECT 1 FROM picks pk JOIN products p"
	" ON p.id = pk.product_id WHERE pk.creator_id = c.id AND pk.status = 'approved' AND p.brand_id = ?)",
	"si", "i" };
static const struct db_stmt q_insert = {
	"INSERT INTO ads (brand_id, creator_id, slug, title, headline, video_id, showcase_id, image_url, click_url, state,"
	" created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	"iisssiisss", "" };
static const struct db_stmt q_update = {
	"UPDATE ads SET creator_id = ?, slug = ?, title = ?, headline = ?, video_id = ?, showcase_id = ?, image_url = ?,"
	" click_url = ?, state = ?, updated_at = UTC_TIMESTAMP() WHERE id = ? AND brand_id = ?", "isssiisssii", "" };
static const struct db_stmt q_clear = { "DELETE FROM ad_products WHERE ad_id = ?", "i", "" };
static const struct db_stmt q_add_product = {
	"INSERT INTO ad_products (ad_id, product_id, position) VALUES (?, ?, ?)", "iii", "" };

/* The ad being saved, checked. */
struct ad_input {
	long long id, brand_id, creator_id, video_id, showcase_id;
	long long saved_id;	/* set by the transaction */
	const char *slug, *title, *headline, *image_url, *click_url, *state;
	long long products[AD_MAX_PRODUCTS];
	size_t nproducts;
};

static const char *form_text(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

/* The form, with what was typed (error) or what is stored (edit) or blanks (new). */
static void ad_form(struct req *r, const struct studio_brand *b, long long id, int status, const char *field,
		    const char *error)
{
	struct db_res ad = { 0 }, prods = { 0 }, vids, shows, all;
	enum db_status rc = DB_OK;
	if (id && !error) {
		rc = db_query(r->db, r->arena, &q_ad, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &ad);
		if (rc == DB_OK && ad.nrows)
			rc = db_query(r->db, r->arena, &q_ad_products, (struct db_param[]){ DB_I(id) }, &prods);
	}
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_videos, (struct db_param[]){ DB_I(b->id), DB_I(b->id) }, &vids);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_showcases, (struct db_param[]){ DB_I(b->id) }, &shows);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_products, (struct db_param[]){ DB_I(b->id) }, &all);
	if (rc != DB_OK) {
		resp_db_error(r, rc);
		return;
	}
	if (id && !error && ad.nrows == 0) {
		resp_error(r, 404, "There is no such ad.");
		return;
	}
	tmpl_dict *d = page_begin(r, "studio_ad.tpl", id ? "Edit ad" : "New ad");
	tmpl_set(d, "ACTION", id ? arena_printf(r->arena, "/studio/ads/%lld", id) : "/studio/ads");
	if (id) {
		tmpl_set(tmpl_add(d, "EDITING"), "SLUG", ad.nrows ? db_at(&ad, 0, 0)->s : form_text(r, "slug"));
		if (!error && req_query(r, "saved"))
			tmpl_show(d, "SAVED");
	} else {
		tmpl_show(d, "NEW");
	}
	static const char *const names[] = { "slug", "title", "headline", "image_url", "creator", "click_url" };
	static const char *const keys[] = { "SLUG", "TITLE", "HEADLINE", "IMAGE_URL", "CREATOR", "CLICK_URL" };
	static const int cols[] = { 0, 1, 2, 4, 5, 6 };
	for (size_t i = 0; i < 6; i++)
		tmpl_set(d, keys[i], error ? form_text(r, names[i]) : ad.nrows ? db_at(&ad, 0, (size_t)cols[i])->s : "");
	const char *products = form_text(r, "products");
	if (!error && ad.nrows) {
		struct buf pb;
		buf_init(&pb, r->arena, 256);
		for (size_t i = 0; i < prods.nrows; i++)
			buf_printf(&pb, "%s\n", db_at(&prods, i, 0)->s);
		products = buf_cstr(&pb);
	}
	tmpl_set(d, "PRODUCTS", products);
	const char *state = error ? form_text(r, "state") : ad.nrows ? db_at(&ad, 0, 7)->s : "draft";
	tmpl_show(d, strcmp(state, "live") == 0 ? "S_LIVE" : "S_DRAFT");
	long long video = error ? form_id(r, "video") : ad.nrows ? db_at(&ad, 0, 3)->i : 0;
	for (size_t i = 0; i < vids.nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "VIDEOS");
		tmpl_set_int(o, "ID", db_at(&vids, i, 0)->i);
		tmpl_set(o, "CAPTION", db_at(&vids, i, 1)->s);
		if (db_at(&vids, i, 0)->i == video)
			tmpl_show(o, "SELECTED");
	}
	long long showcase = error ? form_id(r, "showcase") : ad.nrows ? db_at(&ad, 0, 8)->i : 0;
	for (size_t i = 0; i < shows.nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "SHOWCASES");
		tmpl_set_int(o, "ID", db_at(&shows, i, 0)->i);
		tmpl_set(o, "TITLE", db_at(&shows, i, 1)->s);
		if (db_at(&shows, i, 0)->i == showcase)
			tmpl_show(o, "SELECTED");
	}
	for (size_t i = 0; i < all.nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "ALL_PRODUCTS");
		tmpl_set(o, "HANDLE", db_at(&all, i, 0)->s);
		tmpl_set(o, "TITLE", db_at(&all, i, 1)->s);
	}
	if (error) {
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
		char section[40];
		snprintf(section, sizeof section, "ERR_%s", field);
		for (char *p = section; *p; p++)
			*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
		tmpl_set(tmpl_add(d, section), "TEXT", error);
	}
	page_end(r, status);
}

void page_studio_ads(struct req *r)
{
	struct studio_brand b;
	struct db_res res;
	if (!brand_of(r, &b))
		return;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(b.id) }, &res);
	if (rc != DB_OK) {
		resp_db_error(r, rc);
		return;
	}
	tmpl_dict *d = page_begin(r, "studio_ads.tpl", "Your ads");
	tmpl_set(d, "BRAND", b.name);
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "ADS");
		tmpl_set_int(e, "ID", db_at(&res, i, 0)->i);
		tmpl_set(e, "SLUG", db_at(&res, i, 1)->s);
		tmpl_set(e, "TITLE", db_at(&res, i, 2)->s);
		tmpl_set(e, "STATE", db_at(&res, i, 3)->s);
		tmpl_set(e, "CREATOR", *db_at(&res, i, 4)->s ? db_at(&res, i, 4)->s : "–");
		tmpl_set(e, "CREATED", db_at(&res, i, 5)->s);
	}
	if (res.nrows == 0)
		tmpl_show(d, "NO_ADS");
	page_end(r, 200);
}

void page_studio_ad_edit(struct req *r)
{
	struct studio_brand b;
	long long id = req_param(r, "id") ? form_id(r, "id") : 0;
	if (req_param(r, "id") && !id)
		resp_error(r, 404, "There is no such ad.");
	else if (brand_of(r, &b))
		ad_form(r, &b, id, 200, NULL, NULL);
}

static bool slug_ok(const char *s)
{
	size_t n = strlen(s);
	return n >= 3 && n <= AD_SLUG_MAX && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n && s[0] != '-' &&
	       s[n - 1] != '-';
}

/* Splits the product list (handles separated by white space or commas) and resolves each to an
 * active product of the brand; a message on failure. */
static const char *parse_products(struct req *r, struct ad_input *in, enum db_status *rc)
{
	char *list = arena_strdup(r->arena, form_text(r, "products")), *save = NULL;
	in->nproducts = 0;
	for (char *h = strtok_r(list, " \t\r\n,", &save); h; h = strtok_r(NULL, " \t\r\n,", &save)) {
		if (in->nproducts == AD_MAX_PRODUCTS)
			return "An ad shows at most 20 products.";
		struct db_res res;
		*rc = db_query(r->db, r->arena, &q_product, (struct db_param[]){ DB_I(in->brand_id), DB_S(h) }, &res);
		if (*rc != DB_OK)
			return "";
		if (res.nrows == 0)
			return arena_printf(r->arena, "\"%s\" is not one of your active products' handles.", h);
		long long id = db_at(&res, 0, 0)->i;
		for (size_t i = 0; i < in->nproducts; i++)
			if (in->products[i] == id)
				return arena_printf(r->arena, "\"%s\" is listed twice.", h);
		in->products[in->nproducts++] = id;
	}
	return in->nproducts ? NULL : "List at least one product (its handle), one per line.";
}

/* Checks every field; sets *field and returns the message of the first problem, or NULL. */
static const char *check(struct req *r, struct ad_input *in, const char **field, enum db_status *rc)
{
	struct db_res res;
	bool ok;
	*rc = DB_OK;
	in->slug = form_text(r, "slug");
	in->title = form_text(r, "title");
	in->headline = form_text(r, "headline");
	in->image_url = form_text(r, "image_url");
	in->click_url = form_text(r, "click_url");
	in->state = form_text(r, "state");
	in->video_id = form_id(r, "video");
	in->showcase_id = form_id(r, "showcase");
	const char *creator = form_text(r, "creator"), *msg;
	char host[DOMAIN_MAX + 1];
	if (!slug_ok(in->slug))
		return *field = "slug", "The address name is 3 to 64 lower-case letters, digits and inner hyphens.";
	if (!has_text(in->title))
		return *field = "title", "Give the ad a title.";
	if (*in->image_url && !domain_url_host(in->image_url, host))
		return *field = "image_url", "The image address must be an http:// or https:// URL.";
	if (in->video_id) {
		*rc = db_query(r->db, r->arena, &q_videos, (struct db_param[]){ DB_I(in->brand_id), DB_I(in->brand_id) }, &res);
		if (*rc != DB_OK)
			return "";
		ok = false;
		for (size_t i = 0; i < res.nrows; i++)
			ok = ok || db_at(&res, i, 0)->i == in->video_id;
		if (!ok)
			return *field = "video", "Choose one of the videos listed.";
	} else if (!*in->image_url) {
		return *field = "image_url", "Choose a hero video or give an image address.";
	}
	if (in->showcase_id) {
		*rc = db_query(r->db, r->arena, &q_showcases, (struct db_param[]){ DB_I(in->brand_id) }, &res);
		if (*rc != DB_OK)
			return "";
		ok = false;
		for (size_t i = 0; i < res.nrows; i++)
			ok = ok || db_at(&res, i, 0)->i == in->showcase_id;
		if (!ok)
			return *field = "showcase", "Choose one of your showcases listed, or none.";
	}
	if ((msg = parse_products(r, in, rc)))
		return *field = "products", msg;
	in->creator_id = 0;
	if (*creator) {
		*rc = db_query(r->db, r->arena, &q_creator, (struct db_param[]){ DB_S(creator), DB_I(in->brand_id) }, &res);
		if (*rc != DB_OK)
			return "";
		if (res.nrows == 0)
			return *field = "creator", "Credit a creator with an approved pick of your products (their handle), or leave it empty.";
		in->creator_id = db_at(&res, 0, 0)->i;
	}
	if (*in->click_url) {
		if ((*rc = brand_domain_check(r->db, r->arena, in->brand_id, in->click_url, &ok)) != DB_OK)
			return "";
		if (!ok)
			return *field = "click_url", "The link must be an http(s) address on one of your verified domains (see Domains).";
	}
	if (strcmp(in->state, "draft") && strcmp(in->state, "live"))
		return *field = "state", "Choose draft or live.";
	return NULL;
}

static const struct db_stmt q_owned = {
	"SELECT id FROM ads WHERE id = ? AND brand_id = ? FOR UPDATE", "ii", "i" };

static enum db_status save_txn(struct db *db, void *ctx)
{
	struct ad_input *in = ctx;
	struct db_param creator = in->creator_id ? DB_I(in->creator_id) : DB_NULL;
	struct db_param video = in->video_id ? DB_I(in->video_id) : DB_NULL;
	struct db_param showcase = in->showcase_id ? DB_I(in->showcase_id) : DB_NULL;
	enum db_status rc;
	/* in->id stays as it came, so a re-run after a deadlock does the same thing again. */
	in->saved_id = in->id;
	if (in->id) {
		struct db_res res;
		struct arena *a = arena_new(4096);
		rc = db_query(db, a, &q_owned, (struct db_param[]){ DB_I(in->id), DB_I(in->brand_id) }, &res);
		size_t n = rc == DB_OK ? res.nrows : 0;
		arena_free(a);
		if (rc == DB_OK && n == 0)
			return DB_CONFLICT;	/* not this brand's ad */
		if (rc == DB_OK)
			rc = db_query(db, NULL, &q_update, (struct db_param[]){ creator, DB_S(in->slug), DB_S(in->title),
				DB_S(in->headline), video, showcase, DB_S(in->image_url), DB_S(in->click_url), DB_S(in->state),
				DB_I(in->id), DB_I(in->brand_id) }, NULL);
	} else {
		rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(in->brand_id), creator, DB_S(in->slug),
			DB_S(in->title), DB_S(in->headline), video, showcase, DB_S(in->image_url), DB_S(in->click_url),
			DB_S(in->state) }, NULL);
		in->saved_id = (long long)db_insert_id(db);
	}
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_clear, (struct db_param[]){ DB_I(in->saved_id) }, NULL);
	for (size_t i = 0; rc == DB_OK && i < in->nproducts; i++)
		rc = db_query(db, NULL, &q_add_product,
			      (struct db_param[]){ DB_I(in->saved_id), DB_I(in->products[i]), DB_I((long long)i) }, NULL);
	return rc;
}

static void save(struct req *r, long long id)
{
	struct studio_brand b;
	if (!brand_of(r, &b))
		return;
	struct ad_input in = { .id = id, .brand_id = b.id };
	const char *field = "", *error;
	enum db_status rc;
	if ((error = check(r, &in, &field, &rc))) {
		if (rc != DB_OK)
			resp_db_error(r, rc);
		else
			ad_form(r, &b, id, 422, field, error);
		return;
	}
	rc = db_txn(r->db, save_txn, &in);
	if (rc == DB_DUP) {
		ad_form(r, &b, id, 422, "slug", "That address name is taken. Please choose another.");
		return;
	}
	if (rc == DB_CONFLICT) {
		resp_error(r, 404, "There is no such ad.");
		return;
	}
	if (rc != DB_OK) {
		resp_db_error(r, rc);
		return;
	}
	resp_redirect(r, arena_printf(r->arena, "/studio/ads/%lld?saved=1", in.saved_id));
}

void page_studio_ad_create(struct req *r)
{
	save(r, 0);
}

void page_studio_ad_save(struct req *r)
{
	long long id = form_id(r, "id");
	if (!id) {
		resp_error(r, 404, "There is no such ad.");
		return;
	}
	save(r, id);
}
