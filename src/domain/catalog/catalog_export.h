/* catalog_export.h: a brand's active catalog as a Google Merchant Center feed (TSV), one row per
 * variant; the feed importer reads it back (see docs/IMPORT.md for what a round trip keeps). */
#ifndef CC_CATALOG_EXPORT_H
#define CC_CATALOG_EXPORT_H
#include "db/db.h"

typedef void (*catalog_out_fn)(void *ctx, const char *s, size_t n);

/* Writes the feed through out, a page of products at a time; `base` ("https://shop.example")
 * prefixes product links. */
enum db_status catalog_export_feed(struct db *db, long long brand_id, const char *brand_slug,
				   const char *brand_name, const char *base, catalog_out_fn out, void *ctx);

/* A variant's availability in the words every merchant feed uses (Google, Meta, TikTok), as its
 * source said it: "in stock" with stock above 0 or with stock not counted (stock_counted = 0) while
 * selling goes on; "backorder" when a counted stock is sold past 0; else "out of stock". */
const char *catalog_export_availability(long long stock, const char *policy, bool counted);

#endif
