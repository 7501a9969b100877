/* showcase.c: dynamic showcases in the shop: a showcase by id (ads), a creator's storefront slots,
 * and a product page's brand showcase and "Recently viewed" row, with the cc_recent cookie. */
#include <string.h>
#include "domain/showcases/best_sellers.h"
#include "db/dbcache.h"
#include "web/response.h"
#include "shop/showcase.h"
#include "domain/showcases/showcase_query.h"
#include "views/showcase_view.h"

static const struct db_stmt q_by_id = {
	"SELECT " SHOWCASE_ROW_COLS " FROM showcases s WHERE s.id = ?", "i", SHOWCASE_ROW_TYPES };
static const struct db_stmt q_storefront = {
	"SELECT " SHOWCASE_ROW_COLS " FROM showcases s WHERE s.creator_id = ? AND s.slot IS NOT NULL"
	" ORDER BY s.slot LIMIT 2", "i", SHOWCASE_ROW_TYPES };
static const struct db_stmt q_brand = {
	"SELECT " SHOWCASE_ROW_COLS " FROM showcases s WHERE s.brand_id = ? AND s.slot = 1", "i", SHOWCASE_ROW_TYPES };

/* The visitor's recently viewed product ids, newest first; none for a missing or bad cookie. */
static size_t recent_ids(struct req *r, long long ids[SHOWCASE_RECENT_MAX])
{
	return showcase_recent_parse(kv_get(&r->cookies, SHOWCASE_RECENT_COOKIE), ids);
}

/* Leaves the row of product `id` (the page's own product) out of res, in an arena copy: res may
 * be the read cache's own rows, which are never written (dbcache.h). */
static void without(struct arena *a, struct db_res *res, long long id)
{
	for (size_t i = 0; i < res->nrows; i++) {
		if (db_at(res, i, SHOWCASE_COL_ID)->i != id)
			continue;
		size_t nc = res->ncols, after = res->nrows - i - 1;
		struct db_val *rows = arena_alloc(a, (res->nrows - 1 ? res->nrows - 1 : 1) * nc * sizeof *rows);
		memcpy(rows, res->v, i * nc * sizeof *rows);
		memcpy(rows + i * nc, db_at(res, i + 1, 0), after * nc * sizeof *rows);
		res->v = rows;
		res->nrows--;
		return;
	}
}

/* Renders one showcase as a SHOWCASE include of d, leaving out product `skip` (0: none). */
static void render(struct req *r, tmpl_dict *d, const struct showcase *s, const char *via, long long skip)
{
	long long ids[SHOWCASE_RECENT_MAX];
	size_t n = s->rules.recently_viewed ? recent_ids(r, ids) : 0;
	struct db_res res;
	if (showcase_products(r->db, r->arena, s, ids, n, &res) != DB_OK)
		return;	/* an extra: a database problem leaves it out, not the page */
	const char *counted;
	if (s->rules.best_sellers_days > 0 &&
	    best_sellers_counted_at(r->db, r->arena, s->rules.best_sellers_days, &counted) == DB_OK && !*counted)
		best_sellers_want(s->rules.best_sellers_days);	/* a new window: counted soon, not a period later */
	if (skip)
		without(r->arena, &res, skip);
	if (res.nrows == 0)
		return;
	tmpl_dict *t = tmpl_include(d, "SHOWCASE", SHOWCASE_TPL);
	showcase_fill(r, t, arena_printf(r->arena, "showcase-%lld", s->id), s->title, &res, via);
}

void showcase_add(struct req *r, tmpl_dict *d, long long showcase_id, const char *via)
{
	struct db_res res;
	if (db_query_cached(r->db, r->arena, &q_by_id, (struct db_param[]){ DB_I(showcase_id) }, &res) != DB_OK ||
	    res.nrows == 0)
		return;
	struct showcase s;
	showcase_from_row(r->arena, &res, 0, &s);
	render(r, d, &s, via, 0);
}

bool showcase_storefront_add(struct req *r, tmpl_dict *d, long long creator_id, const char *via)
{
	struct db_res res;
	bool visitor = false;
	/* Most storefronts have none: the empty answer is cached too. */
	if (db_query_cached_list(r->db, r->arena, &q_storefront, (struct db_param[]){ DB_I(creator_id) }, &res) != DB_OK)
		return false;
	for (size_t i = 0; i < res.nrows; i++) {
		struct showcase s;
		showcase_from_row(r->arena, &res, i, &s);
		visitor |= s.rules.recently_viewed;
		render(r, tmpl_add(d, "SHOWCASES"), &s, via, 0);
	}
	return visitor;
}

void showcase_product_page_add(struct req *r, tmpl_dict *d, long long brand_id, long long product_id)
{
	struct db_res res;
	if (db_query_cached_list(r->db, r->arena, &q_brand, (struct db_param[]){ DB_I(brand_id) }, &res) == DB_OK &&
	    res.nrows) {
		struct showcase s;
		showcase_from_row(r->arena, &res, 0, &s);
		render(r, tmpl_add(d, "SHOWCASES"), &s, NULL, product_id);
	}
	long long ids[SHOWCASE_RECENT_MAX];
	size_t n = recent_ids(r, ids);
	struct showcase recent = {
		.id = 0, .title = "Recently viewed",
		.rules = { .type = "", .recently_viewed = true, .limit = SHOWCASE_RECENT_MAX },
	};
	struct db_res rows;
	if (n && showcase_products(r->db, r->arena, &recent, ids, n, &rows) == DB_OK) {
		without(r->arena, &rows, product_id);
		if (rows.nrows) {
			tmpl_dict *t = tmpl_include(tmpl_add(d, "SHOWCASES"), "SHOWCASE", SHOWCASE_TPL);
			showcase_fill(r, t, "showcase-recent", recent.title, &rows, NULL);
		}
	}
	n = showcase_recent_push(ids, n, product_id);
	char text[SHOWCASE_RECENT_TEXT_MAX];
	showcase_recent_format(ids, n, text);
	response_cookie(r, SHOWCASE_RECENT_COOKIE, text, -1);
}
