/* storefront.c: "/@{handle}" — a creator's storefront: profile, a short link to share it, videos,
 * live sessions, collections, brands' lead forms and picks. */
#include "domain/creators/commission_rate.h"
#include "views/attribution.h"
#include "db/dbcache.h"
#include "views/card_view.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"
#include "shop/showcase.h"
#include "views/image_view.h"
#include "domain/leads/lead_field.h"
#include "domain/moderation/takedown.h"

static const struct db_stmt q_creator = {
	"SELECT id, handle, display_name, bio, " AVATAR_REF_SQL("avatar_url") ", taken_down_at IS NOT NULL FROM creators"
	" WHERE handle = ?"
	" AND" ACCOUNT_ACTIVE_SQL("creators.user_id"), "s", "issssi" };
static const struct db_stmt q_links = {
	"SELECT label, url FROM creator_links WHERE creator_id = ? ORDER BY position, id LIMIT 10", "i", "ss" };
static const struct db_stmt q_collections = {
	"SELECT slug, title FROM collections WHERE creator_id = ? AND published = 1 AND taken_down_at IS NULL"
	" ORDER BY position, id LIMIT 50", "i", "ss" };
static const struct db_stmt q_picks = {
	"SELECT " CARD_COLS ", " COMMISSION_RATE_TODAY_SQL("pk") "," CARD_GIFTED("pk.creator_id")
	" FROM picks pk JOIN products p ON p.id = pk.product_id"
	CARD_JOINS " WHERE pk.creator_id = ? AND pk.status = 'approved' AND p.status = 'active'"
	" ORDER BY pk.position, pk.id LIMIT 120", "i", CARD_TYPES "ii" };
/* The lead forms of brands the creator works with (an approved pick of an active product) that
 * let creators share them; the form's list of handles, if any, is checked below. */
static const struct db_stmt q_forms = {
	"SELECT f.slug, f.title, b.name, f.creator_handles FROM lead_forms f JOIN brands b ON b.id = f.brand_id"
	" WHERE f.status = 'live' AND f.creators_allowed = 1 AND f.taken_down_at IS NULL AND EXISTS (SELECT 1 FROM picks pk"
	" JOIN products p ON p.id = pk.product_id WHERE pk.creator_id = ? AND pk.status = 'approved'"
	" AND p.status = 'active' AND p.brand_id = f.brand_id)"
	" ORDER BY f.created_at DESC, f.id DESC LIMIT 20", "i", "ssss" };
#define FORMS_SHOWN 5
/* The creator's newest short link to the storefront itself: what "share" offers, so a visit
 * through it is counted and credited like any of the creator's links. */
static const struct db_stmt q_share = {
	"SELECT code FROM short_links WHERE creator_id = ? AND target = 'storefront'"
	" ORDER BY created_at DESC, id DESC LIMIT 1", "i", "s" };

static enum db_status forms_add(struct req *r, tmpl_dict *d, long long creator, const char *handle)
{
	struct db_res forms, share;
	struct db_param id[] = { DB_I(creator) };
	enum db_status rc;
	if ((rc = db_query_cached(r->db, r->arena, &q_forms, id, &forms)) != DB_OK ||
	    (rc = db_query_cached(r->db, r->arena, &q_share, id, &share)) != DB_OK)
		return rc;
	tmpl_dict *list = NULL;
	for (size_t i = 0, shown = 0; i < forms.nrows && shown < FORMS_SHOWN; i++) {
		if (!lead_handle_listed(db_at(&forms, i, 3)->s, handle))
			continue;
		if (!list)
			list = tmpl_add(d, "FORMS");
		tmpl_dict *f = tmpl_add(list, "FORM");
		tmpl_set(f, "URL", arena_printf(r->arena, "/@%s/f/%s", handle, db_at(&forms, i, 0)->s));
		tmpl_set(f, "TITLE", db_at(&forms, i, 1)->s);
		tmpl_set(f, "BRAND", db_at(&forms, i, 2)->s);
		shown++;
	}
	if (share.nrows)
		tmpl_set(tmpl_add(d, "SHARE"), "URL", arena_printf(r->arena, "/s/%s", db_at(&share, 0, 0)->s));
	return DB_OK;
}

/* The page as every visitor sees it, kept under `key` unless a showcase depends on the visitor. */
static enum db_status storefront_build(struct req *r, const struct db_res *cr, const char *key)
{
	struct db_res links, cols, picks;
	struct db_param id[] = { DB_I(db_at(cr, 0, 0)->i) };
	enum db_status rc;
	if ((rc = db_query_cached(r->db, r->arena, &q_links, id, &links)) != DB_OK ||
	    (rc = db_query_cached(r->db, r->arena, &q_collections, id, &cols)) != DB_OK ||
	    (rc = db_query_cached(r->db, r->arena, &q_picks, id, &picks)) != DB_OK)
		return rc;
	const char *handle = db_at(cr, 0, 1)->s, *name = db_at(cr, 0, 2)->s;
	tmpl_dict *d = layout_begin(r, "storefront.tpl", arena_printf(r->arena, "%s on crowdcart", name));
	tmpl_set(d, "HANDLE", handle);
	report_page_link(r, d, TAKEDOWN_STOREFRONT, db_at(cr, 0, 0)->i);
	tmpl_set_int(d, "CREATOR_ID", db_at(cr, 0, 0)->i);
	tmpl_set(d, "NAME", name);
	tmpl_set(d, "BIO", db_at(cr, 0, 3)->s);
	image_view_fill(r, d, "AVATAR", db_at(cr, 0, 4)->s, "", IMAGE_SLOT_AVATAR, true);
	for (size_t i = 0; i < links.nrows; i++) {
		tmpl_dict *l = tmpl_add(d, "LINKS");
		tmpl_set(l, "LABEL", db_at(&links, i, 0)->s);
		tmpl_set(l, "URL", db_at(&links, i, 1)->s);
	}
	for (size_t i = 0; i < cols.nrows; i++) {
		tmpl_dict *c = tmpl_add(d, "COLLECTIONS");
		tmpl_set(c, "URL", arena_printf(r->arena, "/@%s/%s", handle, db_at(&cols, i, 0)->s));
		tmpl_set(c, "TITLE", db_at(&cols, i, 1)->s);
	}
	bool earns = false, gifted = false;
	tmpl_dict *grid = card_grid(d);
	for (size_t i = 0; i < picks.nrows; i++) {
		tmpl_dict *c = card_view_add(r, grid, &picks, i, handle);
		earns |= db_at(&picks, i, CARD_NCOLS)->i > 0;
		gifted |= card_view_gifted(c, &picks, i, CARD_NCOLS + 1);
	}
	/* Shown whenever any pick pays commission, or was a gift; the creator has no setting to hide either. */
	if (earns)
		tmpl_show(d, "DISCLOSURE");
	if (gifted)
		tmpl_show(d, "GIFTED_NOTE");
	if (picks.nrows == 0)
		tmpl_show(d, "NO_PICKS");
	if ((rc = forms_add(r, d, db_at(cr, 0, 0)->i, handle)) != DB_OK)
		return rc;
	video_feed_add(r, d, db_at(cr, 0, 0)->i);
	live_list_add(r, d, db_at(cr, 0, 0)->i);
	if (!showcase_storefront_add(r, d, db_at(cr, 0, 0)->i, handle))
		layout_keep(r, key);
	return DB_OK;
}

int page_storefront(struct req *r)
{
	struct db_res cr;
	enum db_status rc = db_query_cached(r->db, r->arena, &q_creator,
				     (struct db_param[]){ DB_S(req_param(r, "handle")) }, &cr);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (cr.nrows == 0) {
		response_error(r, 404, "There is no creator with that name.");
		return REQ_DONE;
	}
	if (db_at(&cr, 0, 5)->i) {
		response_error(r, 410, TAKEDOWN_PUBLIC_TEXT);
		return REQ_DONE;
	}
	long long creator = db_at(&cr, 0, 0)->i;
	const char *handle = db_at(&cr, 0, 1)->s, *key = arena_concat(r->arena, "@", handle, (char *)NULL);
	if (!layout_cached(r, key) && (rc = storefront_build(r, &cr, key)) != DB_OK)
		return req_db_fail(rc);
	attribution_touch(r, creator, ATTR_STOREFRONT);
	layout_end(r, 200);
	return REQ_DONE;
}
