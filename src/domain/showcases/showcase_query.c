/* showcase_query.c: evaluate a showcase's rules with fixed prepared statements: every rule is an
 * optional filter written as "(? IS NULL OR ...)" and bound, never SQL built from strings; the
 * best-sellers rule picks the statement that joins the precomputed units (best_sellers.h). */
#include <string.h>
#include "db/dbcache.h"
#include "domain/admin/admin_account.h"
#include "domain/creators/sample.h"
#include "domain/media/image_asset.h"
#include "domain/showcases/showcase_query.h"

/* The product's tags ("desk, wood") as ",desk,wood," so that one tag matches whole, with the
 * table's case-insensitive collation. products.tags is a comma-separated column (no tags table). */
#define TAG_LIST "CONCAT(',', REGEXP_REPLACE(TRIM(p.tags), '[[:space:]]*,[[:space:]]*', ','), ',')"
#define TAG_MATCH " OR INSTR(" TAG_LIST ", CONCAT(',', ?, ',')) > 0"

/* Same text and order as CARD_COLS/CARD_JOINS in src/shop/shop.h, so shop code may render rows
 * with card_add; the core cannot include the shop's header. Then the id, and whether the owner, if
 * a creator (the first parameter), received the product as a sample. */
#define COLS \
	"p.handle, p.title, b.slug, b.name, p.price_min, p.currency, p.stock_total," \
	" " IMAGE_REF_SQL("i.url", "i.url_hash") ", COALESCE(i.alt, '')," \
	" EXISTS (SELECT 1 FROM variants pv WHERE pv.product_id = p.id AND pv.price <> p.price_min)," \
	" p.id," SAMPLE_GIFT_SQL("?", "p.id")
#define JOINS \
	" JOIN brands b ON b.id = p.brand_id AND b.approved = 1 AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id") \
	" LEFT JOIN product_images i ON i.id = (SELECT i2.id FROM product_images i2" \
	" WHERE i2.product_id = p.id ORDER BY i2.position, i2.id LIMIT 1)"

/* Everything but the best-sellers rule and the creator's picks, shared by every statement: the
 * filters. */
#define RULES \
	" AND (? IS NULL OR p.brand_id = ?)" \
	" AND (? IS NULL OR p.product_type = ?)" \
	" AND (? IS NULL OR p.currency = ?)" \
	" AND (? IS NULL OR p.price_min >= ?)" \
	" AND (? IS NULL OR p.price_min <= ?)" \
	" AND (? = 0 OR p.stock_total > 0)" \
	" AND (? IS NULL" TAG_MATCH TAG_MATCH TAG_MATCH TAG_MATCH TAG_MATCH ")" \
	" AND (? = 0 OR p.id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"
/* The sort keys after the units sold, of the candidates (t = p) and again of the winners (t = t). */
#define SORT_KEYS(t) \
	" CASE WHEN ? = 1 THEN " t ".created_at END DESC," \
	" CASE WHEN ? = 2 THEN " t ".price_min END ASC," \
	" CASE WHEN ? = 3 THEN " t ".price_min END DESC," \
	" " t ".trending_score DESC, " t ".id DESC"
#define RULE_TYPES "ii" "ii" "ii" "ss" "ss" "ii" "ii" "i" "ssssss" "i" "iiiiiiiiiiii" "iii" "i"
#define CARD_TYPES "ssssisissiii"

/* Where the candidates come from. A brand's or the whole shop's showcase reads products (by
 * brand through products_brand_id when it has one). A creator's reads the creator's approved picks
 * first, through picks_creator_position, so it examines the creator's picks (at most a few hundred)
 * however big the catalog is: products first, the picks test ran once for every active product of
 * every approved brand (0.4-0.5 s a view with 100,000 products). */
#define CANDIDATE_BRAND \
	" JOIN brands b ON b.id = p.brand_id AND b.approved = 1 AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id")
#define FROM_PRODUCTS " FROM products p" CANDIDATE_BRAND
#define FROM_PICKS " FROM picks pk JOIN products p ON p.id = pk.product_id" CANDIDATE_BRAND
#define BEST_JOIN " LEFT JOIN product_sales_window bs ON bs.days = ? AND bs.product_id = p.id"
#define WHERE_PRODUCTS \
	" WHERE p.status = 'active' AND (? IS NULL OR p.brand_id = ?) AND ? IS NULL AND ? IS NULL" RULES
#define WHERE_PICKS \
	" WHERE p.status = 'active' AND (? IS NULL OR p.brand_id = ?)" \
	" AND ? IS NOT NULL AND pk.creator_id = ? AND pk.status = 'approved'" RULES

/* The candidates are ranked on their sort keys alone, and only the winners' cards are read (their
 * first image, the sample test): read for every candidate, those subqueries made most of the rows a
 * brand's showcase examined (5,767 on the product page of a brand of 1,000 products).
 * Without the best-sellers rule no sales are read at all; with it, one primary-key lookup per
 * candidate in the window's precomputed units; a product without a row there (unsold, or the
 * window not counted yet) ranks as 0 units. */
#define RANKED(from, where) \
	"SELECT STRAIGHT_JOIN p.id, p.created_at, p.price_min, p.trending_score, 0 AS units" from where \
	" ORDER BY" SORT_KEYS("p") " LIMIT ?"
#define RANKED_BY_SALES(from, where) \
	"SELECT STRAIGHT_JOIN p.id, p.created_at, p.price_min, p.trending_score, COALESCE(bs.units, 0) AS units" \
	from BEST_JOIN where " ORDER BY COALESCE(bs.units, 0) DESC," SORT_KEYS("p") " LIMIT ?"
#define CARDS_OF(ranked) \
	"SELECT STRAIGHT_JOIN " COLS " FROM (" ranked ") t JOIN products p ON p.id = t.id" JOINS \
	" ORDER BY t.units DESC," SORT_KEYS("t")
#define TYPES(best) "i" best RULE_TYPES "iii"

static const struct db_stmt q_products = { CARDS_OF(RANKED(FROM_PRODUCTS, WHERE_PRODUCTS)), TYPES(""), CARD_TYPES };
static const struct db_stmt q_best_sellers = {
	CARDS_OF(RANKED_BY_SALES(FROM_PRODUCTS, WHERE_PRODUCTS)), TYPES("i"), CARD_TYPES };
static const struct db_stmt q_picks = { CARDS_OF(RANKED(FROM_PICKS, WHERE_PICKS)), TYPES(""), CARD_TYPES };
static const struct db_stmt q_picks_best_sellers = {
	CARDS_OF(RANKED_BY_SALES(FROM_PICKS, WHERE_PICKS)), TYPES("i"), CARD_TYPES };
_Static_assert(SHOWCASE_MAX_TAGS == 5 && SHOWCASE_RECENT_MAX == 12, "the placeholders of RULES");
_Static_assert(SHOWCASE_SORT_NEWEST == 1 && SHOWCASE_SORT_PRICE_ASC == 2 && SHOWCASE_SORT_PRICE_DESC == 3,
	       "the sort codes in SORT_KEYS");

/* The gift's creator, the window's days, the rules, then the sort again for the winners. */
#define NPARAMS (2 + sizeof RULE_TYPES - 1 + 3)

void showcase_from_row(struct arena *a, const struct db_res *res, size_t row, struct showcase *out)
{
	memset(out, 0, sizeof *out);
	const struct db_val *v = db_at(res, row, 0);
	out->id = v[0].i;
	out->brand_id = v[1].i;
	out->creator_id = v[2].i;
	out->title = v[3].s;
	struct showcase_rules *r = &out->rules;
	r->brand_id = v[4].i;
	showcase_tags_split(a, v[5].s, r);
	r->type = v[6].s;
	r->has_min = !v[7].null;
	r->price_min = v[7].i;
	r->has_max = !v[8].null;
	r->price_max = v[8].i;
	strncpy(r->currency, v[9].s, 3);
	r->in_stock_only = v[10].i != 0;
	r->best_sellers_days = (int)v[11].i;
	r->recently_viewed = v[12].i != 0;
	r->sort = showcase_sort_parse(v[13].s);
	if (r->sort == SHOWCASE_SORT__MAX)
		r->sort = SHOWCASE_SORT_FEATURED;
	r->limit = (int)v[14].i;
	out->slot = (int)v[15].i;
}

static struct db_param id_or_null(long long id)
{
	return id > 0 ? DB_I(id) : DB_NULL;
}

static struct db_param text_or_null(const char *s)
{
	return s && *s ? DB_S(s) : DB_NULL;
}

/* Puts the rows in the order of `recent` (newest view first). */
static void in_recent_order(struct arena *a, const long long *recent, size_t nrecent, struct db_res *res)
{
	size_t nc = res->ncols, k = 0;
	struct db_val *sorted = arena_alloc(a, (res->nrows ? res->nrows : 1) * nc * sizeof *sorted);
	for (size_t j = 0; j < nrecent; j++)
		for (size_t i = 0; i < res->nrows; i++)
			if (db_at(res, i, SHOWCASE_COL_ID)->i == recent[j])
				memcpy(&sorted[k++ * nc], db_at(res, i, 0), nc * sizeof *sorted);
	res->v = sorted;
	res->nrows = k;
}

enum db_status showcase_products(struct db *db, struct arena *a, const struct showcase *s,
				 const long long *recent, size_t nrecent, struct db_res *out)
{
	const struct showcase_rules *r = &s->rules;
	memset(out, 0, sizeof *out);
	if (r->recently_viewed && nrecent == 0)
		return DB_OK;	/* nothing viewed yet: nothing to ask */
	struct db_param p[NPARAMS];
	size_t n = 0;
	bool best = r->best_sellers_days > 0;
	p[n++] = id_or_null(s->creator_id);
	if (best)
		p[n++] = DB_I(r->best_sellers_days);
	p[n++] = id_or_null(s->brand_id);
	p[n++] = id_or_null(s->brand_id);
	p[n++] = id_or_null(s->creator_id);
	p[n++] = id_or_null(s->creator_id);
	p[n++] = id_or_null(r->brand_id);
	p[n++] = id_or_null(r->brand_id);
	p[n++] = text_or_null(r->type);
	p[n++] = text_or_null(r->type);
	bool priced = r->has_min || r->has_max;
	p[n++] = priced ? DB_S(r->currency) : DB_NULL;
	p[n++] = priced ? DB_S(r->currency) : DB_NULL;
	p[n++] = r->has_min ? DB_I(r->price_min) : DB_NULL;
	p[n++] = r->has_min ? DB_I(r->price_min) : DB_NULL;
	p[n++] = r->has_max ? DB_I(r->price_max) : DB_NULL;
	p[n++] = r->has_max ? DB_I(r->price_max) : DB_NULL;
	p[n++] = DB_I(r->in_stock_only);
	p[n++] = r->ntags ? DB_S(r->tags[0]) : DB_NULL;
	for (size_t i = 0; i < SHOWCASE_MAX_TAGS; i++)
		p[n++] = i < r->ntags ? DB_S(r->tags[i]) : DB_NULL;
	p[n++] = DB_I(r->recently_viewed);
	for (size_t i = 0; i < SHOWCASE_RECENT_MAX; i++)
		p[n++] = r->recently_viewed && i < nrecent ? DB_I(recent[i]) : DB_NULL;
	for (int i = 0; i < 3; i++)
		p[n++] = DB_I(r->sort);
	int limit = r->limit < 1 ? 1 : r->limit > SHOWCASE_LIMIT_MAX ? SHOWCASE_LIMIT_MAX : r->limit;
	p[n++] = DB_I(limit);
	for (int i = 0; i < 3; i++)
		p[n++] = DB_I(r->sort);
	const struct db_stmt *st = s->creator_id > 0 ? (best ? &q_picks_best_sellers : &q_picks)
		: (best ? &q_best_sellers : &q_products);
	if (!r->recently_viewed)
		return db_query_cached_list(db, a, st, p, out);
	enum db_status rc = db_query(db, a, st, p, out);
	if (rc == DB_OK)
		in_recent_order(a, recent, nrecent, out);
	return rc;
}
