/* catalog_ads.h: a brand's active catalog as the product feeds the ad platforms ingest (TikTok's
 * and Meta's catalog CSV), one row per variant, grouped by item_group_id. Plain-text descriptions
 * and absolute URLs, as both platforms require. */
#ifndef CC_CATALOG_ADS_H
#define CC_CATALOG_ADS_H
#include "db/db.h"
#include "domain/catalog/catalog_export.h"

enum catalog_ads_platform { CATALOG_ADS_TIKTOK, CATALOG_ADS_META };

/* Writes the feed through out, a page of products at a time; `base` ("https://shop.example")
 * makes product links and relative image paths absolute. */
enum db_status catalog_ads_feed(struct db *db, enum catalog_ads_platform platform, long long brand_id,
				const char *brand_slug, const char *brand_name, const char *base,
				catalog_out_fn out, void *ctx);

/* The feed's availability for a variant: sellable now (stock, or the continue policy that lets it
 * be ordered without stock) is "in stock", else "out of stock", the two values both platforms take. */
const char *catalog_ads_availability(long long stock, const char *policy);

/* A description as one line of plain text (markup dropped, entities decoded, paragraphs joined by
 * a space), cut to at most max bytes on a character boundary. */
const char *catalog_ads_plain(struct arena *a, const char *html, size_t max);

/* url as an absolute http(s) address: absolute ones as they are, a path ("/media/x.jpg") under
 * base; "" for anything else (a platform refuses the whole row for an unreadable image). */
const char *catalog_ads_absolute(struct arena *a, const char *base, const char *url);

#endif
