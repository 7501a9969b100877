/* storefront.c: "/@{handle}" — a creator's storefront: profile, a short link to share it, videos,
 * live sessions, collections, brands' lead forms and picks. */
#include <string.h>
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
#include "lib/summary.h"
#include "views/card_list_ld.h"
#include "views/jsonld.h"
#include "views/page_meta.h"
#include "views/share_image.h"

static const struct db_stmt q_creator = {
	"SELECT id, handle, display_name, bio, " AVATAR_REF_SQL("avatar_url") ", taken_down_at IS NOT NULL,"
	" " AVATAR_REF_SQL("cover_url") " FROM creators WHERE handle = ?"
	" AND" ACCOUNT_ACTIVE_SQL("creators.user_id"), "s", "issssis" };
static const struct db_stmt q_links = {
	"SELECT label, url FROM creator_links WHERE creator_id = ? ORDER BY position, id LIMIT 10", "i", "ss" };
static const struct db_stmt q_collections = {
	"SELECT slug, title, " AVATAR_REF_SQL("cover_url") " FROM collections WHERE creator_id = ? AND published = 1"
	" AND taken_down_at IS NULL ORDER BY position, id LIMIT 50", "i", "sss" };
/* In the order written (STRAIGHT_JOIN): the creator's picks, then each one's product and brand.
 * Left to itself the optimizer may start from the brands and read every product of each to find
 * the few picked ones, a cost that grows with the whole catalog (tests/viewcost/view_cost.test.mjs). */
static const struct db_stmt q_picks = {
	"SELECT STRAIGHT_JOIN " CARD_COLS ", " COMMISSION_RATE_TODAY_SQL("pk") "," CARD_GIFTED("pk.creator_id") ", p.category,"
	" COALESCE(cat.name, '') FROM picks pk JOIN products p ON p.id = pk.product_id"
	CARD_JOINS " LEFT JOIN categories cat ON cat.slug = p.category"
	" WHERE pk.creator_id = ? AND pk.status = 'approved' AND p.status = 'active'"
	" ORDER BY pk.position, pk.id LIMIT 120", "i", CARD_TYPES "iiss" };
/* Columns of q_picks after the card's: commission, gifted, category slug and name. */
#define PICK_CATEGORY (CARD_NCOLS + 2)
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

/* The creator as a profile: their bio, avatar, the picks as a list, kept with the page. */
static void storefront_meta(struct req *r, const struct db_res *cr, const struct db_res *picks)
{
	const char *handle = db_at(cr, 0, 1)->s, *name = db_at(cr, 0, 2)->s, *bio = db_at(cr, 0, 3)->s;
	const char *path = arena_concat(r->arena, "/@", handle, (char *)NULL), *url = page_meta_url(r, path);
	const char *avatar = *db_at(cr, 0, 4)->s ? db_at(cr, 0, 4)->s : NULL, *cover = db_at(cr, 0, 6)->s;
	/* a shared link is drawn wide: the cover suits it better than a face cut to 1200 x 630 */
	const char *image = *cover ? cover : avatar ? avatar : picks->nrows ? db_at(picks, 0, 7)->s : NULL;
	struct page_meta m = {
		.title = arena_concat(r->arena, name, " (@", handle, ")", (char *)NULL),
		.description = *bio ? bio : arena_concat(r->arena, "Products ", name, " picked and recommends.", (char *)NULL),
		.path = path, .image = image, .og_type = "profile",
	};
	m.jsonld[0] = jsonld_person(r->arena, name, summary_plain_memo(r->arena, bio, 5000),
				    share_image_url(r, page_meta_base(r), avatar), url);
	m.jsonld[1] = card_list_ld(r, arena_concat(r->arena, name, "'s picks", (char *)NULL), path, picks);
	struct jsonld_list crumbs;
	jsonld_breadcrumbs(&crumbs, r->arena);
	jsonld_list_add(&crumbs, PAGE_META_SITE, page_meta_url(r, "/"));
	jsonld_list_add(&crumbs, name, url);
	m.jsonld[2] = jsonld_list_end(&crumbs);
	page_meta_show(r, &m);
}

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
		tmpl_set(f, "URL", arena_concat(r->arena, "/@", handle, "/f/", db_at(&forms, i, 0)->s, (char *)NULL));
		tmpl_set(f, "TITLE", db_at(&forms, i, 1)->s);
		tmpl_set(f, "BRAND", db_at(&forms, i, 2)->s);
		shown++;
	}
	const char *share_url = share.nrows ? arena_concat(r->arena, "/s/", db_at(&share, 0, 0)->s, (char *)NULL)
		: arena_concat(r->arena, "/@", handle, (char *)NULL);
	if (share.nrows)
		tmpl_set(tmpl_add(d, "SHARE"), "URL", share_url);
	tmpl_set(d, "SHARE_URL", share_url);
	return DB_OK;
}

/* The storefront's search form (it searches /search?creator=handle): its category choices are
 * those of the picks already read, so the form costs no query. Each pick is compared with the
 * categories met so far, a handful, not with every pick before it (120 picks made 7,000
 * compares a view). */
static void search_form_add(struct req *r, tmpl_dict *d, const struct db_res *picks)
{
	tmpl_dict *form = tmpl_add(d, "SEARCH_PICKS");
	const char **met = arena_alloc(r->arena, picks->nrows * sizeof *met);
	size_t nmet = 0;
	for (size_t i = 0; i < picks->nrows; i++) {
		const char *slug = db_at(picks, i, PICK_CATEGORY)->s, *name = db_at(picks, i, PICK_CATEGORY + 1)->s;
		if (!*slug)
			continue;
		bool seen = false;
		for (size_t k = nmet; k-- > 0 && !seen;)
			seen = strcmp(met[k], slug) == 0;
		if (!seen)
			met[nmet++] = slug;
		if (seen || !*name)
			continue;
		tmpl_dict *o = tmpl_add(form, "CATEGORY_CHOICES");
		tmpl_set(o, "SLUG", slug);
		tmpl_set(o, "NAME", name);
	}
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
	tmpl_dict *d = layout_begin(r, "storefront.tpl", arena_concat(r->arena, name, " on crowdcart", (char *)NULL));
	tmpl_set(d, "HANDLE", handle);
	report_page_link(r, d, TAKEDOWN_STOREFRONT, db_at(cr, 0, 0)->i);
	tmpl_set_int(d, "CREATOR_ID", db_at(cr, 0, 0)->i);
	tmpl_set(d, "NAME", name);
	tmpl_set(d, "BIO", db_at(cr, 0, 3)->s);
	image_view_fill(r, d, "COVER", db_at(cr, 0, 6)->s, "", IMAGE_SLOT_COVER, true);
	image_view_fill(r, d, "AVATAR", db_at(cr, 0, 4)->s, "", IMAGE_SLOT_AVATAR, true);
	for (size_t i = 0; i < links.nrows; i++) {
		tmpl_dict *l = tmpl_add(d, "LINKS");
		tmpl_set(l, "LABEL", db_at(&links, i, 0)->s);
		tmpl_set(l, "URL", db_at(&links, i, 1)->s);
	}
	for (size_t i = 0; i < cols.nrows; i++) {
		tmpl_dict *c = tmpl_add(d, "COLLECTIONS");
		tmpl_set(c, "URL", arena_concat(r->arena, "/@", handle, "/", db_at(&cols, i, 0)->s, (char *)NULL));
		tmpl_set(c, "TITLE", db_at(&cols, i, 1)->s);
		image_view_fill(r, c, "COVER", db_at(&cols, i, 2)->s, "", IMAGE_SLOT_CHIP, false);
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
	else
		search_form_add(r, d, &picks);
	if ((rc = forms_add(r, d, db_at(cr, 0, 0)->i, handle)) != DB_OK)
		return rc;
	video_feed_add(r, d, db_at(cr, 0, 0)->i);
	live_list_add(r, d, db_at(cr, 0, 0)->i);
	storefront_meta(r, cr, &picks);
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
