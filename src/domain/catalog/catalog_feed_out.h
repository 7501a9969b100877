/* catalog_feed_out.h: what the catalog feeds we publish (Google's TSV, TikTok's and Meta's CSV)
 * share: walking a brand's active products a page at a time, and the price as they all write it. */
#ifndef CC_CATALOG_FEED_OUT_H
#define CC_CATALOG_FEED_OUT_H
#include "db/db.h"

typedef void (*catalog_out_fn)(void *ctx, const char *s, size_t n);

/* The feed being written: whose catalog, the names and address its rows need, where bytes go. */
struct catalog_feed_out {
	struct db *db;
	long long brand_id;
	const char *brand_slug, *brand_name;
	const char *base;	/* the shop's public address ("https://shop.example") */
	catalog_out_fn out;
	void *ctx;
};

/* Writes the rows of one page of products: range is { brand_id, first id, last id }, the
 * parameters of the page's queries ("... WHERE p.brand_id = ? AND p.id BETWEEN ? AND ?"). */
typedef enum db_status (*catalog_feed_out_page_fn)(const struct catalog_feed_out *f, struct arena *a,
						   const struct db_param *range);

/* Calls page for each page of the brand's active products in id order, keyset-paged (no OFFSET,
 * so a large catalog costs the same per page), with a reset before each page; stops at the first
 * error and returns it. */
enum db_status catalog_feed_out_pages(const struct catalog_feed_out *f, struct arena *a,
				      catalog_feed_out_page_fn page);

/* "12.50 EUR", "1200 JPY": an amount as the merchant feeds read it. */
const char *catalog_feed_out_price(struct arena *a, long long minor, const char *currency);

#endif
