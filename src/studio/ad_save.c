/* ad_save.c: checks and saves a collection ad for the brand's form and the creator's alike: the same
 * fields, rules and refusals. The owner decides what may be chosen (a brand: its active products,
 * its videos and creators' videos of its products, its showcases, a creator to credit; a creator:
 * their approved picks of one brand's active products and their own videos, and they are the
 * credited creator). The row and its product list are written in one transaction. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "studio/ads.h"
#include "domain/ads/brand_domain.h"
#include "domain/media/image_asset.h"
#include "web/response.h"
#include "lib/validate.h"

/* A listed product as (id, brand, pick status, brand name): a brand's own active product by handle,
 * or a creator's pick of an active product by handle, or by brand/handle (handles are unique only
 * within a brand). */
static const struct db_stmt q_brand_product = {
	"SELECT p.id, p.brand_id, 'approved', b.name FROM products p JOIN brands b ON b.id = p.brand_id"
	" WHERE p.brand_id = ? AND p.handle = ? AND p.status = 'active'", "is", "iiss" };
static const struct db_stmt q_pick_product = {
	"SELECT p.id, p.brand_id, pk.status, b.name FROM picks pk JOIN products p ON p.id = pk.product_id"
	" JOIN brands b ON b.id = p.brand_id WHERE pk.creator_id = ? AND p.handle = ? AND (? = '' OR b.slug = ?)"
	" AND p.status = 'active' ORDER BY p.id LIMIT 20", "isss", "iiss" };
/* A creator the brand may credit: one with an approved pick of its products. */
static const struct db_stmt q_creator = {
	"SELECT c.id FROM creators c WHERE c.handle = ? AND EXISTS (SELECT 1 FROM picks pk JOIN products p"
	" ON p.id = pk.product_id WHERE pk.creator_id = c.id AND pk.status = 'approved' AND p.brand_id = ?)",
	"si", "i" };
/* The ad being edited, if it is the owner's: its brand stays the brand it was made for. */
static const struct db_stmt q_existing = {
	"SELECT a.brand_id, a.state, b.name FROM ads a JOIN brands b ON b.id = a.brand_id WHERE a.id = ? AND" AD_OWNED,
	"iii", "iss" };
static const struct db_stmt q_owned = {
	"SELECT a.state FROM ads a WHERE a.id = ? AND" AD_OWNED " FOR UPDATE", "iii", "s" };
static const struct db_stmt q_insert = {
	"INSERT INTO ads (brand_id, creator_id, created_by, slug, title, headline, video_id, showcase_id, image_url,"
	" click_url, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	"iissssiisss", "" };
static const struct db_stmt q_update = {
	"UPDATE ads a SET a.creator_id = ?, a.slug = ?, a.title = ?, a.headline = ?, a.video_id = ?, a.showcase_id = ?,"
	" a.image_url = ?, a.click_url = ?, a.state = ?, a.updated_at = UTC_TIMESTAMP()"
	" WHERE a.id = ? AND a.state <> 'blocked' AND" AD_OWNED, "isssiisssiii", "" };
static const struct db_stmt q_clear = { "DELETE FROM ad_products WHERE ad_id = ?", "i", "" };
static const struct db_stmt q_add_product = {
	"INSERT INTO ad_products (ad_id, product_id, position) VALUES (?, ?, ?)", "iii", "" };

static const char TAKEN_DOWN[] = "The brand took this ad down: it stays off the site, and it cannot be edited or republished.";

/* The ad being saved, checked. */
struct ad_input {
	struct studio_owner o;
	long long id, brand_id, creator_id, video_id, showcase_id;
	long long saved_id;	/* set by the transaction */
	bool blocked;		/* set by the transaction: the brand took the creator's ad down meanwhile */
	const char *slug, *title, *headline, *image_url, *click_url, *state, *brand_name;
	long long products[AD_MAX_PRODUCTS];
	size_t nproducts;
};

static bool slug_ok(const char *s)
{
	size_t n = strlen(s);
	return n >= 3 && n <= AD_SLUG_MAX && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n && s[0] != '-' &&
	       s[n - 1] != '-';
}

static bool listed(const struct db_res *res, long long id)
{
	for (size_t i = 0; i < res->nrows; i++)
		if (db_at(res, i, 0)->i == id)
			return true;
	return false;
}

/* One listed product (`tok`): its id appended to in->products; the first one of a new creator's ad
 * decides the ad's brand. A message on failure ("" after a database error, in *rc). */
static const char *add_product(struct req *r, struct ad_input *in, const char *tok, enum db_status *rc)
{
	struct db_res res;
	const char *handle = tok, *brand = "";
	char *slash = in->o.creator_id ? strchr(tok, '/') : NULL;
	if (slash) {
		char *b = arena_strdup(r->arena, tok);
		b[slash - tok] = '\0';
		brand = b;
		handle = slash + 1;
	}
	*rc = in->o.creator_id
		? db_query(r->db, r->arena, &q_pick_product,
			   (struct db_param[]){ DB_I(in->o.creator_id), DB_S(handle), DB_S(brand), DB_S(brand) }, &res)
		: db_query(r->db, r->arena, &q_brand_product, (struct db_param[]){ DB_I(in->brand_id), DB_S(handle) }, &res);
	if (*rc != DB_OK)
		return "";
	size_t pick = SIZE_MAX, approved = 0;
	const char *status = NULL;
	for (size_t i = 0; i < res.nrows; i++) {
		if (strcmp(db_at(&res, i, 2)->s, "approved") != 0) {
			status = status ? status : db_at(&res, i, 2)->s;
			continue;
		}
		approved++;
		if (pick == SIZE_MAX || db_at(&res, i, 1)->i == in->brand_id)
			pick = i;
	}
	if (!approved && status && strcmp(status, "requested") == 0)
		return arena_printf(r->arena, "Your pick of \"%s\" is waiting for the brand's approval.", tok);
	if (!approved && status)
		return arena_printf(r->arena, "The brand did not approve your pick of \"%s\".", tok);
	if (!approved)
		return arena_printf(r->arena, in->o.creator_id ? "\"%s\" is not one of your picks."
				    : "\"%s\" is not one of your active products' handles.", tok);
	if (approved > 1 && !in->brand_id)
		return arena_printf(r->arena, "Products of two brands you picked have the handle \"%s\": write it as brand/handle.", tok);
	long long id = db_at(&res, pick, 0)->i, brand_id = db_at(&res, pick, 1)->i;
	if (in->brand_id && brand_id != in->brand_id)
		return arena_printf(r->arena, "An ad shows one brand's products: \"%s\" is %s's, this ad is %s's.", tok,
				    db_at(&res, pick, 3)->s, in->brand_name);
	in->brand_id = brand_id;
	in->brand_name = db_at(&res, pick, 3)->s;
	for (size_t i = 0; i < in->nproducts; i++)
		if (in->products[i] == id)
			return arena_printf(r->arena, "\"%s\" is listed twice.", tok);
	in->products[in->nproducts++] = id;
	return NULL;
}

/* Splits the product list (white space or commas between entries) and resolves each entry. */
static const char *parse_products(struct req *r, struct ad_input *in, enum db_status *rc)
{
	char *list = arena_strdup(r->arena, ad_text(r, "products")), *save = NULL;
	const char *msg;
	in->nproducts = 0;
	for (char *h = strtok_r(list, " \t\r\n,", &save); h; h = strtok_r(NULL, " \t\r\n,", &save)) {
		if (in->nproducts == AD_MAX_PRODUCTS)
			return "An ad shows at most 20 products.";
		if ((msg = add_product(r, in, h, rc)))
			return msg;
	}
	return in->nproducts ? NULL : "List at least one product (its handle), one per line.";
}

/* Checks every field; sets *field and returns the message of the first problem, or NULL. */
static const char *check(struct req *r, struct ad_input *in, const char **field, enum db_status *rc)
{
	struct db_res res;
	bool ok;
	*rc = DB_OK;
	in->slug = ad_text(r, "slug");
	in->title = ad_text(r, "title");
	in->headline = ad_text(r, "headline");
	in->image_url = ad_text(r, "image_url");
	in->click_url = ad_text(r, "click_url");
	in->state = ad_text(r, "state");
	in->video_id = req_id(r, "video");
	in->showcase_id = req_id(r, "showcase");
	const char *creator = ad_text(r, "creator"), *msg;
	char host[DOMAIN_MAX + 1];
	if (!slug_ok(in->slug))
		return *field = "slug", "The address name is 3 to 64 lower-case letters, digits and inner hyphens.";
	if (!validate_has_text(in->title))
		return *field = "title", "Give the ad a title.";
	/* an uploaded hero (cover_upload.c) comes back with the form as its path */
	if (*in->image_url && !image_asset_path(in->image_url) && !brand_domain_url_host(in->image_url, host))
		return *field = "image_url", "The image address must be an http:// or https:// URL.";
	if (in->video_id) {
		if ((*rc = ad_videos(r, &in->o, &res)) != DB_OK)
			return "";
		if (!listed(&res, in->video_id))
			return *field = "video", "Choose one of the videos listed.";
	} else if (!*in->image_url) {
		return *field = "image_url", "Choose a hero video or give an image address.";
	}
	if (in->showcase_id) {
		if ((*rc = ad_showcases(r, &in->o, &res)) != DB_OK)
			return "";
		if (!listed(&res, in->showcase_id))
			return *field = "showcase", "Choose one of your showcases listed, or none.";
	}
	if ((msg = parse_products(r, in, rc)))
		return *field = "products", msg;
	in->creator_id = in->o.creator_id;
	if (in->o.brand_id && *creator) {
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
		if (!ok && in->o.creator_id)
			return *field = "click_url", arena_printf(r->arena,
				"The link must be an http(s) address on one of %s's verified domains.", in->brand_name);
		if (!ok)
			return *field = "click_url", "The link must be an http(s) address on one of your verified domains (see Domains).";
	}
	if (strcmp(in->state, "draft") && strcmp(in->state, "live"))
		return *field = "state", "Choose draft or live.";
	return NULL;
}

static enum db_status save_txn(struct db *db, void *ctx)
{
	struct ad_input *in = ctx;
	struct db_param creator = in->creator_id ? DB_I(in->creator_id) : DB_NULL;
	struct db_param video = in->video_id ? DB_I(in->video_id) : DB_NULL;
	struct db_param showcase = in->showcase_id ? DB_I(in->showcase_id) : DB_NULL;
	enum db_status rc;
	/* in->id stays as it came, so a re-run after a deadlock does the same thing again. */
	in->saved_id = in->id;
	in->blocked = false;
	if (in->id) {
		struct db_res res;
		struct arena *a = arena_new(4096);
		rc = db_query(db, a, &q_owned, (struct db_param[]){ DB_I(in->id), DB_I(in->o.brand_id), DB_I(in->o.creator_id) }, &res);
		size_t n = rc == DB_OK ? res.nrows : 0;
		in->blocked = n && strcmp(db_at(&res, 0, 0)->s, "blocked") == 0;
		arena_free(a);
		if (rc == DB_OK && (n == 0 || in->blocked))
			return DB_CONFLICT;	/* not this owner's ad, or taken down by the brand */
		if (rc == DB_OK)
			rc = db_query(db, NULL, &q_update, (struct db_param[]){ creator, DB_S(in->slug), DB_S(in->title),
				DB_S(in->headline), video, showcase, DB_S(in->image_url), DB_S(in->click_url), DB_S(in->state),
				DB_I(in->id), DB_I(in->o.brand_id), DB_I(in->o.creator_id) }, NULL);
	} else {
		rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(in->brand_id), creator,
			DB_S(in->o.creator_id ? "creator" : "brand"), DB_S(in->slug), DB_S(in->title), DB_S(in->headline),
			video, showcase, DB_S(in->image_url), DB_S(in->click_url), DB_S(in->state) }, NULL);
		in->saved_id = (long long)db_insert_id(db);
	}
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_clear, (struct db_param[]){ DB_I(in->saved_id) }, NULL);
	for (size_t i = 0; rc == DB_OK && i < in->nproducts; i++)
		rc = db_query(db, NULL, &q_add_product,
			      (struct db_param[]){ DB_I(in->saved_id), DB_I(in->products[i]), DB_I((long long)i) }, NULL);
	return rc;
}

/* An edit starts from the stored ad: it must be the owner's and not taken down, and its brand is
 * fixed. False with *st what to answer: REQ_DONE with a 404 or 409 made, or a database failure. */
static bool load_existing(struct req *r, struct ad_input *in, int *st)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_existing,
				     (struct db_param[]){ DB_I(in->id), DB_I(in->o.brand_id), DB_I(in->o.creator_id) }, &res);
	*st = REQ_DONE;
	if (rc != DB_OK)
		*st = req_db_fail(rc);
	else if (res.nrows == 0)
		response_error(r, 404, "There is no such ad.");
	else if (strcmp(db_at(&res, 0, 1)->s, "blocked") == 0)
		response_error(r, 409, TAKEN_DOWN);
	else {
		in->brand_id = db_at(&res, 0, 0)->i;
		in->brand_name = db_at(&res, 0, 2)->s;
		return true;
	}
	return false;
}

int ad_save(struct req *r, const struct studio_owner *o)
{
	long long id = req_id(r, "id");
	struct ad_input in = { .o = *o, .id = id, .brand_id = o->brand_id };
	const char *field = "", *error;
	enum db_status rc;
	int st;
	if (req_param(r, "id") && !id) {
		response_error(r, 404, "There is no such ad.");
		return REQ_DONE;
	}
	if (id && !load_existing(r, &in, &st))
		return st;
	if ((error = check(r, &in, &field, &rc)))
		return rc != DB_OK ? req_db_fail(rc) : ad_form_page(r, o, id, 422, field, error);
	rc = db_txn(r->db, save_txn, &in);
	if (rc == DB_DUP)
		return ad_form_page(r, o, id, 422, "slug", "That address name is taken. Please choose another.");
	else if (rc == DB_CONFLICT && in.blocked)
		response_error(r, 409, TAKEN_DOWN);
	else if (rc == DB_CONFLICT)
		response_error(r, 404, "There is no such ad.");
	else if (rc != DB_OK)
		return req_db_fail(rc);
	else
		response_redirect(r, arena_printf(r->arena, "%s/%lld?saved=1", o->creator_id ? "/studio/creator/ads" : "/studio/ads",
					      in.saved_id));
	return REQ_DONE;
}
