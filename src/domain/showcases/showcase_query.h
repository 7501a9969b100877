/* showcase_query.h: a stored showcase (owner, title, rules, placement) and the fixed prepared
 * statements that turn its rules into products, shared by the shop and the studio's preview. */
#ifndef CC_SHOWCASE_QUERY_H
#define CC_SHOWCASE_QUERY_H
#include "db/db.h"
#include "domain/showcases/showcase_rules.h"

struct showcase {
	long long id;
	long long brand_id, creator_id;	/* the owner: exactly one is non-zero */
	const char *title;
	struct showcase_rules rules;
	int slot;			/* 0: not placed; creators 1..2 (storefront), brands 1 (product pages) */
};

/* The columns a statement selects (from showcases aliased s) for showcase_from_row, in order. */
#define SHOWCASE_ROW_COLS \
	"s.id, COALESCE(s.brand_id, 0), COALESCE(s.creator_id, 0), s.title, COALESCE(s.filter_brand_id, 0)," \
	" s.tags, s.product_type, s.price_min, s.price_max, s.currency, s.in_stock_only," \
	" COALESCE(s.best_sellers_days, 0), s.recently_viewed, s.sort, s.max_items, COALESCE(s.slot, 0)"
#define SHOWCASE_ROW_TYPES "iiisissiisiiisii"
#define SHOWCASE_ROW_NCOLS 16

/* Reads row `row` of a result selecting SHOWCASE_ROW_COLS first; strings stay in the result. */
void showcase_from_row(struct arena *a, const struct db_res *res, size_t row, struct showcase *out);

/* Product columns of the result of showcase_products: the shop's card columns (CARD_COLS in
 * src/shop/shop.h, in the same order and types), then the product id and the gift mark. */
#define SHOWCASE_CARD_NCOLS 10
#define SHOWCASE_COL_ID SHOWCASE_CARD_NCOLS
/* 1 when the showcase's creator received the product as a delivered sample (sample.h). */
#define SHOWCASE_COL_GIFTED (SHOWCASE_COL_ID + 1)

/* The products the showcase's rules select, at most rules.limit, within what the owner may show
 * (a brand: its own active products; a creator: products they have an approved pick of). Read
 * through the per-worker catalog cache, except with the recently-viewed rule, which depends on
 * the visitor's `recent` ids (newest first; the result keeps that order). The best-sellers rule
 * ranks by the units the shop's refresh last counted for that window (best_sellers.h), never by
 * adding up orders here. */
enum db_status showcase_products(struct db *db, struct arena *a, const struct showcase *s,
				 const long long *recent, size_t nrecent, struct db_res *out);

#endif
