/* catalog_ads.h: a brand's active catalog as the product feeds the ad platforms ingest (TikTok's
 * and Meta's catalog CSV), one row per variant, grouped by item_group_id. Plain-text descriptions
 * and absolute URLs, as both platforms require. */
#ifndef CC_CATALOG_ADS_H
#define CC_CATALOG_ADS_H
#include "db/db.h"
#include "domain/catalog/catalog_export.h"

enum catalog_ads_platform { CATALOG_ADS_TIKTOK, CATALOG_ADS_META };

/* Writes the feed through f->out, a page of products at a time; f->base makes product links and
 * relative image paths absolute. */
enum db_status catalog_ads_feed(const struct catalog_feed_out *f, enum catalog_ads_platform platform);

/* A description as one line of plain text (markup dropped, entities decoded, paragraphs joined by
 * a space), cut to at most max bytes on a character boundary. */
const char *catalog_ads_plain(struct arena *a, const char *html, size_t max);

/* url as an absolute http(s) address: absolute ones as they are, a path ("/media/x.jpg") under
 * base; "" for anything else (a platform refuses the whole row for an unreadable image). */
const char *catalog_ads_absolute(struct arena *a, const char *base, const char *url);

#endif
