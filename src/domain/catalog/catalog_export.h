/* catalog_export.h: a brand's active catalog as a Google Merchant Center feed (TSV), one row per
 * variant; the feed importer reads it back (see docs/IMPORT.md for what a round trip keeps). */
#ifndef CC_CATALOG_EXPORT_H
#define CC_CATALOG_EXPORT_H
#include "domain/catalog/catalog_feed_out.h"

/* Writes the feed through f->out, a page of products at a time; f->base prefixes product links. */
enum db_status catalog_export_feed(const struct catalog_feed_out *f);

/* A variant's availability in the words every merchant feed uses (Google, Meta, TikTok), as its
 * source said it: "in stock" with stock above 0 or with stock not counted (stock_counted = 0) while
 * selling goes on; "backorder" when a counted stock is sold past 0; else "out of stock". */
const char *catalog_export_availability(long long stock, const char *policy, bool counted);

#endif
