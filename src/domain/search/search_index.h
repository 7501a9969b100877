/* search_index.h: writes what search reads (sql/0042_discovery.sql): a product's row of
 * search_products, its category, and the words of its title, brand and category in the typo
 * vocabulary. Called after a product is saved or imported, and by crowdcartctl for rows changed
 * any other way; never while a shopper searches. */
#ifndef CC_SEARCH_INDEX_H
#define CC_SEARCH_INDEX_H
#include "db/db.h"

/* Derives the product's category from its product type (categories row included), then writes
 * its index row and vocabulary. A product that no longer exists is no error (nothing to index). */
enum db_status search_index_product(struct db *db, struct arena *a, long long product_id) DB_MUST_CHECK;
/* Indexes up to `limit` products (of one brand, or of every brand when brand_id is 0) whose index
 * row is missing or older than the product; *done says how many. Run until it does fewer than
 * limit to catch up completely. */
enum db_status search_index_stale(struct db *db, struct arena *a, long long brand_id, long long limit,
				  long long *done) DB_MUST_CHECK;

#endif
