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

#endif
