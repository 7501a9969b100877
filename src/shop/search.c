/* search.c: "/search?q=" — products by relevance (title before description, misspellings within
 * reach), filtered, sorted and paged; on the first page also the creators, brands and collections
 * whose names match. With ?creator=handle it searches inside that creator's storefront. */
#include <string.h>
#include "db/dbcache.h"
#include "domain/search/search_typo.h"
#include "lib/search_terms.h"
#include "web/layout.h"
#include "shop/search_list.h"
#include "shop/shop.h"

static const struct db_stmt q_creator = {
	"SELECT id, display_name FROM creators WHERE handle = ? AND taken_down_at IS NULL AND"
	ACCOUNT_ACTIVE_SQL("creators.user_id"), "s", "is" };
/* Names matched by one word, anywhere in them: small tables (docs/SEARCH.md says up to when). */
static const struct db_stmt q_creators = {
	"SELECT handle, display_name FROM creators WHERE taken_down_at IS NULL AND"
	ACCOUNT_ACTIVE_SQL("creators.user_id") " AND (display_name LIKE ? OR handle LIKE ?)"
	" ORDER BY featured DESC, display_name, id LIMIT 6", "ss", "ss" };
static const struct db_stmt q_brands = {
	"SELECT b.slug, b.name FROM brands b WHERE b.approved = 1 AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id")
	" AND b.name LIKE ? ORDER BY b.name, b.id LIMIT 6", "s", "ss" };
static const struct db_stmt q_collections = {
	"SELECT c.slug, c.title, cr.handle, cr.display_name FROM collections c JOIN creators cr ON cr.id = c.creator_id"
	" WHERE c.published = 1 AND c.taken_down_at IS NULL AND cr.taken_down_at IS NULL AND"
	ACCOUNT_ACTIVE_SQL("cr.user_id") " AND c.title LIKE ? ORDER BY c.title, c.id LIMIT 6", "s", "ssss" };
/* The choices of the filter form, the same for every visitor: from the per-worker cache. */
static const struct db_stmt q_category_choices = {
	"SELECT slug, name FROM categories c WHERE EXISTS (SELECT 1 FROM products p WHERE p.category = c.slug"
	" AND p.status = 'active') ORDER BY name LIMIT 200", "", "ss" };
static const struct db_stmt q_brand_choices = {
	"SELECT b.slug, b.name FROM brands b WHERE b.approved = 1 AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id")
	" ORDER BY b.name LIMIT 200", "", "ss" };

/* The word names are matched by: the longest term, or its closest spelling neighbour when the
 * vocabulary does not know it. */
static const char *name_word(const struct search_terms *t)
{
	const struct search_term *best = &t->t[0];
	for (size_t i = 1; i < t->n; i++)
		if (strlen(t->t[i].word) > strlen(best->word))
			best = &t->t[i];
	return best->nalts ? best->alts[0] : best->word;
}

struct others {
	struct db_res creators, brands, collections;
};

static enum db_status others_find(struct req *r, const struct search_terms *t, struct others *o)
{
	const char *like = arena_printf(r->arena, "%%%s%%", name_word(t));
	enum db_status rc;
	if ((rc = db_query(r->db, r->arena, &q_creators, (struct db_param[]){ DB_S(like), DB_S(like) }, &o->creators)) != DB_OK ||
	    (rc = db_query(r->db, r->arena, &q_brands, (struct db_param[]){ DB_S(like) }, &o->brands)) != DB_OK)
		return rc;
	return db_query(r->db, r->arena, &q_collections, (struct db_param[]){ DB_S(like) }, &o->collections);
}

static void others_show(struct req *r, tmpl_dict *d, const struct others *o)
{
	tmpl_dict *s;
	if (o->creators.nrows && (s = tmpl_add(d, "CREATORS")))
		for (size_t i = 0; i < o->creators.nrows; i++) {
			tmpl_dict *e = tmpl_add(s, "CREATOR");
			tmpl_set(e, "HANDLE", db_at(&o->creators, i, 0)->s);
			tmpl_set(e, "NAME", db_at(&o->creators, i, 1)->s);
		}
	if (o->brands.nrows && (s = tmpl_add(d, "BRANDS")))
		for (size_t i = 0; i < o->brands.nrows; i++) {
			tmpl_dict *e = tmpl_add(s, "BRAND");
			tmpl_set(e, "SLUG", db_at(&o->brands, i, 0)->s);
			tmpl_set(e, "NAME", db_at(&o->brands, i, 1)->s);
		}
	if (o->collections.nrows && (s = tmpl_add(d, "COLLECTIONS")))
		for (size_t i = 0; i < o->collections.nrows; i++) {
			const struct db_res *c = &o->collections;
			tmpl_dict *e = tmpl_add(s, "COLLECTION");
			tmpl_set(e, "URL", arena_printf(r->arena, "/@%s/%s", db_at(c, i, 2)->s, db_at(c, i, 0)->s));
			tmpl_set(e, "TITLE", db_at(c, i, 1)->s);
			tmpl_set(e, "BY", db_at(c, i, 3)->s);
		}
}

static void choices_add(tmpl_dict *d, const char *section, const struct db_res *res, const char *chosen)
{
	for (size_t i = 0; i < res->nrows; i++) {
		tmpl_dict *o = tmpl_add(d, section);
		tmpl_set(o, "SLUG", db_at(res, i, 0)->s);
		tmpl_set(o, "NAME", db_at(res, i, 1)->s);
		if (strcmp(chosen, db_at(res, i, 0)->s) == 0)
			tmpl_show(o, "SELECTED");
	}
}

/* The filter form as sent, so the page shows what it answers and the pager keeps it. */
static void form_echo(struct req *r, tmpl_dict *d, const struct search_filter *f)
{
	static const char *const fields[][2] = { { "q", "Q" }, { "min", "MIN" }, { "max", "MAX" }, { "creator", "CREATOR" } };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const char *v = req_str(r, fields[i][0]);
		if (v && *v)
			tmpl_set(d, fields[i][1], v);
	}
	search_list_show_choices(d, f);
}

int page_search(struct req *r)
{
	struct search_filter f;
	search_list_filter(r, &f);
	struct search_terms t;
	search_terms_parse(req_str(r, "q"), &t);
	enum db_status rc;
	const char *via = NULL, *in_name = NULL;
	const char *handle = req_str(r, "creator");
	if (handle && *handle) {
		struct db_res cr;
		if ((rc = db_query(r->db, r->arena, &q_creator, (struct db_param[]){ DB_S(handle) }, &cr)) != DB_OK)
			return req_db_fail(rc);
		if (cr.nrows == 0)
			return 404;
		f.creator_id = db_at(&cr, 0, 0)->i;
		in_name = db_at(&cr, 0, 1)->s;
		via = handle;
	}
	if (t.n && (rc = search_typo_expand(r->db, r->arena, &t)) != DB_OK)
		return req_db_fail(rc);
	f.against = search_terms_boolean(r->arena, &t);
	bool browsing = *f.brand || *f.category || f.creator_id;
	struct db_res products = { 0 }, cats, brands;
	bool more = false;
	if ((t.n || browsing) && (rc = search_list_products(r, &f, &products, &more)) != DB_OK)
		return req_db_fail(rc);
	if ((rc = db_query_cached(r->db, r->arena, &q_category_choices, NULL, &cats)) != DB_OK ||
	    (rc = db_query_cached(r->db, r->arena, &q_brand_choices, NULL, &brands)) != DB_OK)
		return req_db_fail(rc);
	struct others others = { 0 };
	bool show_others = t.n && f.page == 1 && !f.creator_id;
	if (show_others && (rc = others_find(r, &t, &others)) != DB_OK)
		return req_db_fail(rc);
	const char *q = req_str(r, "q");
	tmpl_dict *d = layout_begin(r, "search.tpl", q && *q ? arena_printf(r->arena, "%s — search", q) : "Search");
	form_echo(r, d, &f);
	choices_add(d, "CATEGORY_CHOICES", &cats, f.category);
	choices_add(d, "BRAND_CHOICES", &brands, f.brand);
	tmpl_set(d, "HEADING", in_name ? arena_printf(r->arena, "Search %s’s picks", in_name) : "Search");
	tmpl_dict *also = NULL;
	for (size_t i = 0; i < t.n; i++)
		for (size_t k = 0; k < t.t[i].nalts; k++)
			tmpl_set(tmpl_add(also ? also : (also = tmpl_add(d, "ALSO")), "WORD"), "TEXT", t.t[i].alts[k]);
	if (!t.n && !browsing) {
		tmpl_show(d, "PROMPT");
		layout_end(r, 200);
		return REQ_DONE;
	}
	tmpl_show(d, "RESULTS");
	search_list_show(r, d, &products, more, f.page, via);
	if (show_others)
		others_show(r, d, &others);
	layout_end(r, 200);
	return REQ_DONE;
}
