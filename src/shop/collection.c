/* collection.c: "/@{handle}/{collection}" — one published collection, items in the creator's order. */
#include "domain/creators/commission_rate.h"
#include "views/attribution.h"
#include "db/dbcache.h"
#include "views/card_view.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"
#include "domain/moderation/takedown.h"
#include "views/card_list_ld.h"
#include "views/jsonld.h"
#include "views/image_view.h"
#include "views/page_meta.h"

static const struct db_stmt q_collection = {
	"SELECT c.id, c.title, c.description, cr.handle, cr.display_name, cr.id, c.slug,"
	" c.taken_down_at IS NOT NULL OR cr.taken_down_at IS NOT NULL, " AVATAR_REF_SQL("c.cover_url") " FROM collections c"
	" JOIN creators cr ON cr.id = c.creator_id"
	" WHERE cr.handle = ? AND c.slug = ? AND c.published = 1 AND" ACCOUNT_ACTIVE_SQL("cr.user_id"),
	"ss", "issssisis" };
/* Items are shown only while the creator still has an approved pick of the product. Read in the
 * order written (STRAIGHT_JOIN): the collection's items, then each one's product, brand and pick. */
static const struct db_stmt q_items = {
	"SELECT STRAIGHT_JOIN " CARD_COLS ", ci.note, " COMMISSION_RATE_TODAY_SQL("pk") "," CARD_GIFTED("c.creator_id") " FROM collection_items ci"
	" JOIN collections c ON c.id = ci.collection_id"
	" JOIN products p ON p.id = ci.product_id" CARD_JOINS
	" JOIN picks pk ON pk.creator_id = c.creator_id AND pk.product_id = p.id AND pk.status = 'approved'"
	" WHERE ci.collection_id = ? AND p.status = 'active' ORDER BY ci.position, p.id LIMIT 200",
	"i", CARD_TYPES "sii" };

/* The collection as its creator's list, kept with the page. */
static void collection_meta(struct req *r, const struct db_res *col, const struct db_res *items)
{
	const char *title = db_at(col, 0, 1)->s, *handle = db_at(col, 0, 3)->s, *name = db_at(col, 0, 4)->s;
	const char *desc = db_at(col, 0, 2)->s;
	const char *creator = arena_concat(r->arena, "/@", handle, (char *)NULL);
	const char *path = arena_concat(r->arena, creator, "/", db_at(col, 0, 6)->s, (char *)NULL);
	struct page_meta m = {
		.title = title, .by = arena_concat(r->arena, "picked by ", name, " · ", PAGE_META_SITE, (char *)NULL),
		.description = *desc ? desc : arena_printf(r->arena, "%s: %zu products %s picked.", title,
								items->nrows, name),
		.path = path, .image = *db_at(col, 0, 8)->s ? db_at(col, 0, 8)->s : items->nrows ? db_at(items, 0, 7)->s : NULL,
		.image_alt = *db_at(col, 0, 8)->s ? title : items->nrows ? db_at(items, 0, 8)->s : NULL,
	};
	m.jsonld[0] = card_list_ld(r, title, path, items);
	struct jsonld_list crumbs;
	jsonld_breadcrumbs(&crumbs, r->arena);
	jsonld_list_add(&crumbs, PAGE_META_SITE, page_meta_url(r, "/"));
	jsonld_list_add(&crumbs, name, page_meta_url(r, creator));
	jsonld_list_add(&crumbs, title, page_meta_url(r, path));
	m.jsonld[1] = jsonld_list_end(&crumbs);
	page_meta_show(r, &m);
}

/* The page as every visitor sees it, kept under `key`. */
static enum db_status collection_build(struct req *r, const struct db_res *col, const char *key)
{
	struct db_res items;
	enum db_status rc = db_query_cached(r->db, r->arena, &q_items, (struct db_param[]){ DB_I(db_at(col, 0, 0)->i) },
					    &items);
	if (rc != DB_OK)
		return rc;
	const char *title = db_at(col, 0, 1)->s, *handle = db_at(col, 0, 3)->s;
	tmpl_dict *d = layout_begin(r, "collection.tpl",
				  arena_printf(r->arena, "%s by %s", title, db_at(col, 0, 4)->s));
	tmpl_set(d, "TITLE", title);
	image_view_fill(r, d, "COVER", db_at(col, 0, 8)->s, "", IMAGE_SLOT_COVER, true);
	report_page_link(r, d, TAKEDOWN_COLLECTION, db_at(col, 0, 0)->i);
	tmpl_set(d, "DESCRIPTION", db_at(col, 0, 2)->s);
	tmpl_set(d, "HANDLE", handle);
	tmpl_set(d, "NAME", db_at(col, 0, 4)->s);
	bool earns = false, gifted = false;
	tmpl_dict *grid = card_grid(d);
	for (size_t i = 0; i < items.nrows; i++) {
		tmpl_dict *c = card_view_add(r, grid, &items, i, handle);
		const char *note = db_at(&items, i, CARD_NCOLS)->s;
		if (*note)	/* card.tpl shows the curator's note under the card */
			tmpl_set(tmpl_add(c, "NOTE"), "TEXT", note);
		earns |= db_at(&items, i, CARD_NCOLS + 1)->i > 0;
		gifted |= card_view_gifted(c, &items, i, CARD_NCOLS + 2);
	}
	if (earns)
		tmpl_show(d, "DISCLOSURE");
	if (gifted)
		tmpl_show(d, "GIFTED_NOTE");
	if (items.nrows == 0)
		tmpl_show(d, "EMPTY");
	collection_meta(r, col, &items);
	layout_keep(r, key);
	return DB_OK;
}

int page_collection(struct req *r)
{
	struct db_res col;
	struct db_param key[] = { DB_S(req_param(r, "handle")), DB_S(req_param(r, "collection")) };
	enum db_status rc = db_query_cached(r->db, r->arena, &q_collection, key, &col);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (col.nrows == 0) {
		response_error(r, 404, "There is no such collection.");
		return REQ_DONE;
	}
	/* Taken down itself, or with its creator's storefront. */
	if (db_at(&col, 0, 7)->i) {
		response_error(r, 410, TAKEDOWN_PUBLIC_TEXT);
		return REQ_DONE;
	}
	/* Keyed by the stored spelling: the lookup ignores case, the page is the same. */
	const char *kept = arena_concat(r->arena, "@", db_at(&col, 0, 3)->s, "/", db_at(&col, 0, 6)->s, (char *)NULL);
	if (!layout_cached(r, kept) && (rc = collection_build(r, &col, kept)) != DB_OK)
		return req_db_fail(rc);
	attribution_touch(r, db_at(&col, 0, 5)->i, ATTR_COLLECTION);
	layout_end(r, 200);
	return REQ_DONE;
}
